#include "core/session/recording_watchdog.h"

namespace hntt::core {

void RecordingWatchdog::reset() {
    *this = RecordingWatchdog{};
}

RecordingWatchdog::Change RecordingWatchdog::feed(const Sample& s) {
    if (s.fileBytes != lastBytes_) {
        lastBytes_ = s.fileBytes;
        grewAt_ = s.elapsedS;
    }
    QString problem;
    const double still = s.elapsedS - grewAt_;
    if (still >= kStalledSeconds)
        problem = tr("the file has not grown for %1 s").arg(qRound(still));
    else if (s.writerLagS > kBehindSeconds)
        problem = tr("the writer is %1 s behind the program").arg(s.writerLagS, 0, 'f', 1);
    if (s.tracksGapS > 0 && !tracksIncomplete_) {
        tracksIncomplete_ = true;
        tracksNews_ = true;
    }
    // A changing count of seconds is the same problem: announced once, when it starts.
    const bool was = !problem_.isEmpty();
    problem_ = problem;
    if (!was && !problem.isEmpty())
        return Change::Raised;
    if (was && problem.isEmpty())
        return Change::Cleared;
    return Change::None;
}

bool RecordingWatchdog::takeTracksIncompleteNews() {
    const bool news = tracksNews_;
    tracksNews_ = false;
    return news;
}

} // namespace hntt::core
