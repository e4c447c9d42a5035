#include "ui/confirmation.h"

#include <QPushButton>

namespace hntt::ui {

bool confirm(QWidget* parent, const Confirmation& q) {
    QMessageBox box(q.icon, q.title, q.text, QMessageBox::NoButton, parent);
    box.setObjectName(QLatin1String(q.boxName));
    if (!q.details.isEmpty())
        box.setInformativeText(q.details);
    QPushButton* act = box.addButton(q.act, q.actRole);
    act->setObjectName(QLatin1String(q.actName));
    QPushButton* refuse = box.addButton(q.refuse, QMessageBox::RejectRole);
    refuse->setObjectName(QLatin1String(q.refuseName));
    box.setDefaultButton(refuse);
    box.setEscapeButton(refuse);
    box.exec();
    return box.clickedButton() == act;
}

} // namespace hntt::ui
