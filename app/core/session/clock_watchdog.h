// Judges the program clock, fed its counters once a second: whether the program keeps time (on
// time; strained: ticks late or a few skipped over the last ten seconds; behind: more than 2 % of
// the ticks skipped over the last ten or five seconds, the pictures visibly stutter), and when to
// raise and clear the alarm (behind over the last five seconds raises; ten seconds without a
// skipped tick clear). The status bar and the session's alarm read the same judgement.
#pragma once

#include "hntt/engine/types.h"

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <deque>

namespace hntt::core {

class ClockWatchdog {
    Q_DECLARE_TR_FUNCTIONS(ClockWatchdog)

public:
    static constexpr int kWindowSeconds = 10;
    static constexpr int kAlarmSeconds = 5;
    static constexpr double kBehindSkippedShare = 0.02;
    static constexpr double kStrainedLateShare = 0.01;

    enum class Health { OnTime, Strained, Behind };
    enum class Change { None, Raised, Cleared };
    struct Counters {
        std::uint64_t ticks = 0, late = 0, skipped = 0;
    };

    Change feed(const engine::ClockStats& clock);
    Health health() const { return health_; }
    Counters recent() const { return recent_; } // over the last kWindowSeconds
    bool alarmed() const { return alarmed_; }
    // Why the program is not keeping time, for the alarm and the log.
    QString problem() const;

private:
    Counters since(int seconds) const;

    std::deque<Counters> seconds_; // the last reports, oldest first
    Counters recent_;
    Health health_ = Health::OnTime;
    bool alarmed_ = false;
};

} // namespace hntt::core
