// Cuts a clip out of a recording without re-encoding: every audio, video and subtitle stream is
// copied from the keyframe at or before the in point up to the out point, with its timestamps
// moved to start near zero. Runs on any thread (no widgets); the UI and the API run it as a
// JobQueue job of kind "clip".
#pragma once

#include "core/jobs/job_queue.h"
#include "core/store/database.h"
#include "core/store/event_log.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace hntt::core {

struct ClipRequest {
    QString inputPath;  // the recording
    double inS = 0;     // seconds from the start of the recording
    double outS = 0;    // after inS; beyond the end of the recording it is clamped to the end
    QString outputPath; // container by extension (.mkv, .mp4, …; Matroska when unknown)
    // Folders a clip is never written into, however the path is spelt (the recordings' and the
    // archives': a clip there could replace a meeting's only copy).
    QStringList protectedFolders = {};
    bool replace = false; // an existing file at outputPath is replaced only when asked
};

struct ClipResult {
    QString path;
    double startS = 0;    // where the clip starts in the recording: the keyframe at or before inS
    double endS = 0;      // where it was asked to end, after clamping to the recording's end
    double durationS = 0; // played length: the last frame's end minus the first's start
    qint64 sizeBytes = 0;
    bool clamped = false; // outS was beyond the end of the recording
};

class ClipExporter {
    Q_DECLARE_TR_FUNCTIONS(ClipExporter)

public:
    using Progress = std::function<void(double)>; // 0..1
    using Cancelled = std::function<bool()>;

    // Writes the clip to outputPath + ".part" and renames it to outputPath once complete (an
    // existing file there is replaced only when the request says so, and only then); on failure
    // or cancel, what was written is removed and nothing else changes. Errors: NotFound for a
    // missing recording; Invalid for an unreadable recording, in >= out, a negative in point, an
    // in point at or beyond the end, a destination that is the recording itself or inside a
    // protected folder; Conflict for an existing destination not to be replaced, and when
    // cancelled; Storage for a destination that cannot be written.
    static Result<ClipResult> run(const ClipRequest& request, const Progress& progress = {},
                                  const Cancelled& cancelled = {});

    // Runs the export on the queue as a job of kind "clip"; its result is the ClipResult.
    static qint64 submit(JobQueue& jobs, const ClipRequest& request);
    // The same for a person: "clip.start" in the event log now, and "clip.done", "clip.failed" or
    // "clip.cancelled" (the cancel credited to `actor`) when it ends; subject: the recording.
    static qint64 submitLogged(JobQueue& jobs, EventLog& log, const ClipRequest& request, qint64 recordingId,
                               std::optional<qint64> meetingId, const QString& actor);

    // Where the clip is written until it is complete.
    static QString partialPath(const QString& outputPath);
    // A file name for a clip of `recordingPath` from inS to outS: "<recording>_HH-MM-SS_HH-MM-SS.mkv".
    static QString suggestedFileName(const QString& recordingPath, double inS, double outS);
    // Whether `path` lies in `folder` or below it, with "..", symbolic links and repeated slashes
    // resolved as far as the path exists.
    static bool isInside(const QString& path, const QString& folder);
};

} // namespace hntt::core
