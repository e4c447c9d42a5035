// The status bar's program clock: its counters since start, coloured by how the last ten seconds
// went (core::ClockWatchdog), so an operator at two metres sees when the program stops keeping
// time. Plain: on time. Amber: ticks late, or a few skipped (a picture repeated now and then).
// Red: more than 2 % of the ticks skipped, the program visibly stutters. On hover: what the
// counters mean, what to do, and where a tick's time goes.
#pragma once

#include "core/session/clock_watchdog.h"
#include "hntt/engine/types.h"

#include <QLabel>

namespace hntt::ui {

class ClockStatus : public QLabel {
    Q_OBJECT

public:
    using Health = core::ClockWatchdog::Health;

    explicit ClockStatus(QWidget* parent = nullptr);

    // Once a second: the clock's counters and the program's frame rate.
    void report(const engine::ClockStats& clock, int fps);
    Health health() const { return watch_.health(); }

private:
    QString detail(const engine::ClockStats& clock, int fps) const;

    core::ClockWatchdog watch_; // the same judgement as the session's alarm
};

} // namespace hntt::ui
