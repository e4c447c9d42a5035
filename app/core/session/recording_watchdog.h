// Watches a running recording, fed about once a second: its file must keep growing and its writer
// must keep up with the program. It says when a problem starts, changes or clears, so that each
// is announced once (alarm, event log, API event) and the recording panel can show it.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

namespace hntt::core {

class RecordingWatchdog {
    Q_DECLARE_TR_FUNCTIONS(RecordingWatchdog)

public:
    static constexpr double kStalledSeconds = 5; // the file has not grown for this long
    static constexpr double kBehindSeconds = 3;  // pictures waiting to be written

    struct Sample {
        double elapsedS = 0;   // since the recording started
        qint64 fileBytes = 0;  // the file's size on disk now
        double writerLagS = 0; // engine: pictures handed over but not yet written
        double tracksGapS = 0; // engine: the most an isolated track had to skip
    };
    enum class Change { None, Raised, Cleared };

    void reset();
    Change feed(const Sample& s);
    // Why the recording is not being written, empty while it is.
    QString problem() const { return problem_; }
    // Once the isolated tracks have skipped audio they stay incomplete; raised once.
    bool tracksIncomplete() const { return tracksIncomplete_; }
    bool takeTracksIncompleteNews();

private:
    qint64 lastBytes_ = -1;
    double grewAt_ = 0;
    QString problem_;
    bool tracksIncomplete_ = false;
    bool tracksNews_ = false;
};

} // namespace hntt::core
