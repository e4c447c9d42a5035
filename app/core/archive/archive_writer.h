// Writes one meeting's archive: the program recording, each site's isolated audio, the event log
// (CSV and JSON), the attendance report (HTML and PDF), the manifest of SHA-256 hashes and, when
// asked, its detached signature. Everything goes into "<name>.partial" first; only a complete
// archive is renamed to its final name, and a failure or a cancel removes the partial folder.
#pragma once

#include "core/archive/archive_material.h"
#include "core/archive/manifest_signature.h"
#include "core/archive/work_control.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace hntt::core::archive {

struct ArchivePlan {
    ArchiveMaterial material;
    QString archivesDir; // the archive is made in this folder
    QString folderName;  // its name; "-2", "-3", … is added when the name is taken
    std::optional<SigningIdentity> signing;
    QString language = QStringLiteral("vi"); // of the report and events.csv (TextLanguage)
};

// The file names inside an archive.
inline const QString kProgramFile = QStringLiteral("program.mkv");
inline const QString kAudioFolder = QStringLiteral("audio");
inline const QString kEventsCsvFile = QStringLiteral("events.csv");
inline const QString kEventsJsonFile = QStringLiteral("events.json");
inline const QString kRecordingFile = QStringLiteral("recording.json");
inline const QString kAttendanceHtmlFile = QStringLiteral("attendance.html");
inline const QString kAttendancePdfFile = QStringLiteral("attendance.pdf");

// What an archive export made.
struct ArchiveMade {
    QString path; // the archive's folder
    qint64 files = 0;
    bool isSigned = false;
    QString signer;         // the certificate's subject, when signed
    QString manifestSha256; // of manifest.json, hex
};

// Runs on a worker thread (touches no store).
Result<ArchiveMade> writeArchive(const ArchivePlan& plan, const WorkControl& control);

// The event log rows as the archive holds them (oldest first): for people (EventTable::csv, sites
// by name, in the language of the TextLanguage scope), and as stored (EventLog::toJson objects).
QByteArray eventsCsv(const ArchiveMaterial& material);
QByteArray eventsJson(const QList<EventRecord>& events);

} // namespace hntt::core::archive
