// The question asked before an act that is not lightly taken back (delete, archive again, close
// while work runs): the act's own button and a refusal that is the default and the Escape key, so
// that Enter never does the act by slip. The buttons carry object names that tests click.
#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace hntt::ui {

struct Confirmation {
    QMessageBox::Icon icon = QMessageBox::Question;
    QString title;
    QString text;
    QString details; // under the text; may be empty
    QString act;     // the act's button, e.g. "Move to trash"
    const char* actName = "";
    QMessageBox::ButtonRole actRole = QMessageBox::AcceptRole;
    QString refuse; // the default button, e.g. "Cancel"
    const char* refuseName = "cancel";
    const char* boxName = ""; // the box's own object name; may be empty
};

// True when the act's button was chosen.
bool confirm(QWidget* parent, const Confirmation& question);

} // namespace hntt::ui
