// What an archive is made of, read from the store on the core's thread (the database belongs to
// it) so that the export itself can run on a worker thread without touching the store.
#pragma once

#include "core/store/database.h"
#include "core/store/event_log.h"
#include "core/store/meeting_book.h"
#include "core/store/recording_catalogue.h"
#include "core/store/site_directory.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace hntt::core::archive {

struct ArchiveMaterial {
    RecordingRecord recording; // with its markers
    std::optional<MeetingRecord> meeting;
    QList<qint64> expectedSiteIds;   // the meeting's host and participants; empty without a meeting
    QHash<qint64, SiteRecord> sites; // the directory as it is now, by id
    QList<EventRecord> events;       // of the recording's time, oldest first
};

// Reads recording `recordingId` and all that belongs to it. NotFound for an unknown recording,
// Conflict while it is still being recorded, Invalid when its file is gone.
Result<ArchiveMaterial> gatherArchiveMaterial(const RecordingCatalogue& recordings,
                                              const MeetingBook& meetings, const SiteDirectory& directory,
                                              const EventLog& events, qint64 recordingId);

} // namespace hntt::core::archive
