// The status bar's program clock: its counters since start, coloured by how the last ten seconds
// went, so an operator at two metres sees when the program stops keeping time. Grey: on time.
// Amber: ticks late, or a few skipped (a picture repeated now and then). Red: more than 2 % of
// the ticks skipped, the program visibly stutters. On hover: what the counters mean, what to do,
// and where a tick's time goes.
#pragma once

#include "hntt/engine/types.h"

#include <QLabel>
#include <deque>

namespace hntt::ui {

class ClockStatus : public QLabel {
    Q_OBJECT

public:
    enum class Health { OnTime, Strained, Behind };

    explicit ClockStatus(QWidget* parent = nullptr);

    // Once a second: the clock's counters and the program's frame rate.
    void report(const engine::ClockStats& clock, int fps);
    Health health() const { return health_; }

private:
    struct Counters {
        std::uint64_t ticks = 0, late = 0, skipped = 0;
    };
    QString detail(const engine::ClockStats& clock, int fps, const Counters& recent) const;

    std::deque<Counters> seconds_; // the last reports, oldest first
    Health health_ = Health::OnTime;
};

} // namespace hntt::ui
