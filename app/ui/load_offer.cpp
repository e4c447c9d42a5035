#include "ui/load_offer.h"

#include <QAction>

namespace hntt::ui {

LoadOffer::LoadOffer(QAction* lightLoad, QWidget* parent)
    : QPushButton(parent)
    , lightLoad_(lightLoad) {
    setObjectName(QStringLiteral("lowerLoad"));
    setFlat(true);
    setFocusPolicy(Qt::NoFocus); // a status bar control never takes the operator's keys
    connect(this, &QPushButton::clicked, lightLoad_, &QAction::toggle);
    connect(lightLoad_, &QAction::toggled, this, &LoadOffer::refresh);
    refresh();
}

void LoadOffer::report(core::ClockWatchdog::Health health) {
    if (health == health_)
        return;
    health_ = health;
    refresh();
}

void LoadOffer::refresh() {
    const bool light = lightLoad_->isChecked();
    const bool behind = health_ == core::ClockWatchdog::Health::Behind;
    setVisible(light || behind);
    if (light) {
        setText(tr("Light load"));
        setToolTip(
            tr("The lighter load is on: the multiview refreshes five times a second, sites off the air "
               "show a picture a second. Click for the normal load."));
        setStyleSheet(QStringLiteral("QPushButton { color: #f2c12e; font-weight: 700; padding: 0 6px; }"));
    } else {
        setText(tr("Lower the load"));
        setToolTip(
            tr("The program is not keeping time. Click for the lighter load: the multiview refreshes five "
               "times a second and sites off the air show a picture a second; program, recording and "
               "streams stay as they are."));
        setStyleSheet(QStringLiteral("QPushButton { color: #1a1a1a; background: #e3a008; font-weight: 800; "
                                     "padding: 0 8px; border-radius: 3px; }"));
    }
}

} // namespace hntt::ui
