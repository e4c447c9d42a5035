#include "core/session/clock_watchdog.h"

#include <algorithm>

namespace hntt::core {

namespace {

double skippedShare(const ClockWatchdog::Counters& c) {
    // A skipped tick is a deadline the clock gave up on: a share of all the deadlines it had.
    const double deadlines = static_cast<double>(c.ticks + c.skipped);
    return deadlines > 0 ? static_cast<double>(c.skipped) / deadlines : 0.0;
}

} // namespace

ClockWatchdog::Counters ClockWatchdog::since(int seconds) const {
    if (seconds_.empty())
        return {};
    const Counters& last = seconds_.back();
    const Counters& first =
        seconds_[seconds_.size() - 1 -
                 std::min<std::size_t>(static_cast<std::size_t>(seconds), seconds_.size() - 1)];
    return {last.ticks - first.ticks, last.late - first.late, last.skipped - first.skipped};
}

ClockWatchdog::Change ClockWatchdog::feed(const engine::ClockStats& clock) {
    seconds_.push_back({clock.ticks, clock.lateTicks, clock.skippedTicks});
    while (seconds_.size() > static_cast<std::size_t>(kWindowSeconds) + 1)
        seconds_.pop_front();
    recent_ = since(kWindowSeconds);
    // Behind over ten seconds, or over the last five (what raises the alarm): the status bar is
    // never calmer than the alarm.
    const Counters lastFew = since(kAlarmSeconds);
    const bool behind = skippedShare(recent_) > kBehindSkippedShare ||
                        (seconds_.size() > static_cast<std::size_t>(kAlarmSeconds) &&
                         skippedShare(lastFew) > kBehindSkippedShare);
    const double lateShare =
        recent_.ticks > 0 ? static_cast<double>(recent_.late) / static_cast<double>(recent_.ticks) : 0.0;
    health_ = behind                                                  ? Health::Behind
              : recent_.skipped > 0 || lateShare > kStrainedLateShare ? Health::Strained
                                                                      : Health::OnTime;
    // Raised on five seconds behind (not ten: the alarm comes within 5 s), cleared on ten clean ones.
    if (!alarmed_ && seconds_.size() > static_cast<std::size_t>(kAlarmSeconds) &&
        skippedShare(lastFew) > kBehindSkippedShare) {
        alarmed_ = true;
        return Change::Raised;
    }
    if (alarmed_ && seconds_.size() > static_cast<std::size_t>(kWindowSeconds) && recent_.skipped == 0) {
        alarmed_ = false;
        return Change::Cleared;
    }
    return Change::None;
}

QString ClockWatchdog::problem() const {
    const Counters c = since(kAlarmSeconds);
    return tr("the program clock skipped %1 of %2 ticks in the last %3 s: its pictures stutter (the sound "
              "stays whole). Lower the load: the lighter load (the button beside the clock, or View → "
              "Lighter "
              "load), fewer outputs, or close other programs.")
        .arg(static_cast<qulonglong>(c.skipped))
        .arg(static_cast<qulonglong>(c.ticks + c.skipped))
        .arg(kAlarmSeconds);
}

} // namespace hntt::core
