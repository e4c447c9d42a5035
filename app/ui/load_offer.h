// The status bar's offer to lower the load, beside the clock: hidden while the program keeps time;
// amber "Lower the load" once it does not (so the operator has the remedy where the problem shows,
// not in a menu); "Light load" while the lighter load is on, so it can be seen and undone.
// It toggles the window's "Lighter load" action, whose change the session carries out.
#pragma once

#include "core/session/clock_watchdog.h"

#include <QPushButton>

class QAction;

namespace hntt::ui {

class LoadOffer : public QPushButton {
    Q_OBJECT

public:
    LoadOffer(QAction* lightLoad, QWidget* parent = nullptr);

    // Once a second, with the clock's judgement.
    void report(core::ClockWatchdog::Health health);

private:
    void refresh();

    QAction* lightLoad_ = nullptr;
    core::ClockWatchdog::Health health_ = core::ClockWatchdog::Health::OnTime;
};

} // namespace hntt::ui
