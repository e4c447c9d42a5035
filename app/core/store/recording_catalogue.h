// The catalogue of recordings and their time-coded markers. Media stay in files; only what describes
// them is stored here.
#pragma once

#include "core/store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace hntt::core {

enum class RecordingState { Recording, Finished, Failed };
enum class MarkerKind { Speaker, Floor, Mute, Unmute, Join, Leave, Note, Take };

// "recording", "finished", "failed"; "speaker", "floor", "mute", "unmute", "join", "leave", "note",
// "take" (the program the operator put on air; its text: the layout).
QString recordingStateName(RecordingState state);
std::optional<RecordingState> recordingStateFromName(const QString& name);
QString markerKindName(MarkerKind kind);
std::optional<MarkerKind> markerKindFromName(const QString& name);

struct MarkerRecord {
    qint64 id = 0; // set by the store
    qint64 recordingId = 0;
    double offsetS = 0; // seconds from the start of the recording
    MarkerKind kind = MarkerKind::Note;
    std::optional<qint64> siteId;
    QString text;

    friend bool operator==(const MarkerRecord&, const MarkerRecord&) = default;
};

struct RecordingRecord {
    qint64 id = 0;
    std::optional<qint64> meetingId;
    QString title;
    QString path;
    RecordingState state = RecordingState::Recording;
    QDateTime startedAt;
    QDateTime stoppedAt; // invalid while recording
    std::optional<double> durationS;
    std::optional<qint64> sizeBytes;
    QString error;               // why it failed; empty otherwise
    QDateTime trashedAt;         // valid while it is in the trash
    QString trashPath;           // where its file waits in the trash; `path` is where it returns
    QList<MarkerRecord> markers; // by offset; filled by get() only

    bool trashed() const { return trashedAt.isValid(); }

    friend bool operator==(const RecordingRecord&, const RecordingRecord&) = default;
};

// What the library may change of a recording; each field left empty stays as it is.
struct RecordingEdit {
    std::optional<QString> title;
    std::optional<std::optional<qint64>> meetingId; // a meeting, or none
    std::optional<QString> path;                    // renamed or moved file
};

class RecordingCatalogue {
    Q_DECLARE_TR_FUNCTIONS(RecordingCatalogue)

public:
    explicit RecordingCatalogue(Database& db, Clock clock = {});

    // A recording starts (startedAt invalid: now). Conflict while another one is recording;
    // Invalid for an empty path or a meeting that does not exist.
    Result<RecordingRecord> start(const QString& path, const QString& title = {},
                                  std::optional<qint64> meetingId = {}, QDateTime startedAt = {});
    // It ended well / badly. Conflict unless it is still recording. stoppedAt invalid: now.
    Result<RecordingRecord> finish(qint64 id, double durationS, qint64 sizeBytes, QDateTime stoppedAt = {});
    Result<RecordingRecord> fail(qint64 id, const QString& error, std::optional<double> durationS = {},
                                 std::optional<qint64> sizeBytes = {}, QDateTime stoppedAt = {});
    // At start-up: a row still "recording" was cut off by a crash or power loss. Marks it failed
    // (its file, written to be playable at every moment, stays listed). Returns how many.
    Result<int> failInterrupted(const QString& error);
    // Those rows (failed by failInterrupted, or by an older version's migration: no stop time) whose
    // file has not been measured yet, oldest first.
    Result<QList<RecordingRecord>> unmeasuredInterrupted() const;
    // What an interrupted recording's file holds, read from the file; stoppedAt: when it was last
    // written. Once per row: Conflict unless it is one of unmeasuredInterrupted().
    Result<RecordingRecord> measuredInterrupted(qint64 id, std::optional<double> durationS,
                                                std::optional<qint64> sizeBytes, const QDateTime& stoppedAt);

    // Invalid for a negative offset, a missing recording or a site that does not exist.
    Result<MarkerRecord> addMarker(MarkerRecord marker);

    // Title, meeting or file of a recording that is not recording. Invalid for a meeting that does
    // not exist or an empty path; Conflict while it records or for a path another recording has.
    Result<RecordingRecord> edit(qint64 id, const RecordingEdit& edit);
    // Into the trash (its file now at trashPath, or nowhere: empty) and back. Conflict while it
    // records, when already (not) in the trash.
    Result<RecordingRecord> moveToTrash(qint64 id, const QString& trashPath, QDateTime at = {});
    Result<RecordingRecord> restoreFromTrash(qint64 id);
    // Deletes a recording in the trash for good, with its markers. Conflict when not in the trash.
    Status removeTrashed(qint64 id);

    // Newest first, without markers; only one meeting's when given. Those in the trash only when
    // `trash` (then only they).
    Result<QList<RecordingRecord>> list(std::optional<qint64> meetingId = {}, bool trash = false) const;
    // With its markers.
    Result<RecordingRecord> get(qint64 id) const;
    // The one recording now, if any.
    Result<std::optional<RecordingRecord>> active() const;
    // Whether a recording (of any state, in the trash too) has this file.
    bool hasPath(const QString& path) const;

    // The recording object of the API; `markers` only when withMarkers.
    static QJsonObject toJson(const RecordingRecord& recording, bool withMarkers = true);

private:
    Result<RecordingRecord> stop(qint64 id, RecordingState state, const QString& error,
                                 std::optional<double> durationS, std::optional<qint64> sizeBytes,
                                 QDateTime stoppedAt);

    Database& db_;
    Clock clock_;
};

} // namespace hntt::core
