#include "ui/close_question.h"

#include "ui/confirmation.h"

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
    Confirmation q;
    q.icon = QMessageBox::Warning;
    q.title = tr("Close the console?");
    q.text = describe(work);
    q.act = tr("Close the console");
    q.actName = "closeAnyway";
    q.actRole = QMessageBox::DestructiveRole;
    q.refuse = tr("Keep working");
    q.refuseName = "keepWorking";
    q.boxName = "closeQuestion";
    return ui::confirm(parent, q);
}

} // namespace hntt::ui
