// What the event log says of exports: the archive and clip exports a stopped console cut off (a
// start with no end), and each recording's archives (made, failed, cut off), which the library
// shows and checks before a second archive.
#pragma once

#include "core/store/event_log.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace hntt::core {

struct ArchiveHistory {
    int made = 0;         // archives made of the recording
    QDateTime lastMadeAt; // the newest one's end
    QString lastPath;     // and its folder
    QString lastOutcome;  // the newest outcome: "done", "failed", "cancelled" or "interrupted"
    QDateTime lastOutcomeAt;
};

class ExportHistory {
public:
    // The kinds of export logged as "<kind>.start" … "<kind>.done|failed|cancelled|interrupted".
    static const QStringList& kinds(); // "archive", "clip"

    // The starts that never ended, oldest first. Job ids are per run: a start whose job id starts
    // again before an end was cut off too. Only for a console that runs no export yet (at start).
    static Result<QList<EventRecord>> unfinished(const EventLog& log);
    // Every recording's archives, by recording id.
    static Result<QHash<qint64, ArchiveHistory>> archives(const EventLog& log);
};

} // namespace hntt::core
