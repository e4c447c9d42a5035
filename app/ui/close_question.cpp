#include "ui/close_question.h"

#include <QMessageBox>
#include <QPushButton>
#include <QStringList>

namespace hntt::ui {

QString CloseQuestion::describe(const core::Session::WorkInProgress& work) {
    QStringList lines;
    if (!work.meeting.isEmpty())
        lines << tr("The meeting “%1” is in progress: every site loses the program and its return feed.")
                     .arg(work.meeting);
    if (work.recording)
        lines << tr("A recording is running: it will be stopped and its file finished.");
    if (work.jobs > 0)
        lines << tr("%n export(s) or check(s) running: cancelled, leaving nothing half-written.", nullptr,
                    work.jobs);
    return lines.join(QLatin1Char('\n'));
}

bool CloseQuestion::confirm(QWidget* parent, const core::Session::WorkInProgress& work) {
    if (!work.any())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Close the console?"), describe(work), QMessageBox::NoButton,
                    parent);
    box.setObjectName(QStringLiteral("closeQuestion"));
    QPushButton* close = box.addButton(tr("Close the console"), QMessageBox::DestructiveRole);
    close->setObjectName(QStringLiteral("closeAnyway"));
    QPushButton* keep = box.addButton(tr("Keep working"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepWorking"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == close;
}

} // namespace hntt::ui
