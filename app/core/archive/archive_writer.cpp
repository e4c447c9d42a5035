#include "core/archive/archive_writer.h"

#include "core/archive/archive_manifest.h"
#include "core/archive/archive_names.h"
#include "core/archive/attendance.h"
#include "core/archive/attendance_report.h"
#include "core/archive/file_digest.h"
#include "core/archive/isolated_audio.h"
#include "core/archive/partial_folders.h"
#include "core/event_table.h"
#include "core/review/recording_media.h"
#include "core/text_language.h"
#include "version.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace hntt::core::archive {

namespace {

struct ArchiveWriter {
    Q_DECLARE_TR_FUNCTIONS(ArchiveWriter)
};

Error storageError(const QString& message) {
    return Error{Error::Code::Storage, message};
}

// Removes the partial folder unless the archive was completed.
class PartialFolder {
public:
    explicit PartialFolder(QString path)
        : path_(std::move(path)) {}
    ~PartialFolder() {
        if (!done_)
            QDir(path_).removeRecursively();
    }
    PartialFolder(const PartialFolder&) = delete;
    PartialFolder& operator=(const PartialFolder&) = delete;
    const QString& path() const { return path_; }
    QString file(const QString& rel) const { return QDir(path_).filePath(rel); }
    void completed() { done_ = true; }

private:
    QString path_;
    bool done_ = false;
};

QString audioFileName(const IsolatedTrack& t) {
    if (!t.siteId)
        return QStringLiteral("%1/track-%2.m4a").arg(kAudioFolder).arg(t.streamIndex);
    const QString slug = asciiSlug(t.title, 50);
    return QStringLiteral("%1/site-%2%3.m4a")
        .arg(kAudioFolder)
        .arg(*t.siteId)
        .arg(slug.isEmpty() ? QString() : QStringLiteral("-") + slug);
}

QJsonObject recordingDocument(const ArchiveMaterial& m, const Attendance& attendance) {
    QJsonArray sites;
    for (const AttendanceRow& r : attendance.rows)
        if (const auto it = m.sites.constFind(r.siteId); it != m.sites.cend())
            sites.append(SiteDirectory::toJson(*it));
    return {
        {QStringLiteral("recording"), RecordingCatalogue::toJson(m.recording, true)},
        {QStringLiteral("meeting"), m.meeting ? QJsonValue(MeetingBook::toJson(*m.meeting)) : QJsonValue()},
        {QStringLiteral("sites"), sites}};
}

QJsonObject manifestAbout(const ArchiveMaterial& m, bool signedArchive) {
    QJsonObject rec{{QStringLiteral("id"), m.recording.id},
                    {QStringLiteral("title"), m.recording.title},
                    {QStringLiteral("started_at"), Database::toIsoText(m.recording.startedAt)},
                    {QStringLiteral("stopped_at"),
                     m.recording.stoppedAt.isValid() ? QJsonValue(Database::toIsoText(m.recording.stoppedAt))
                                                     : QJsonValue()},
                    {QStringLiteral("duration_s"),
                     m.recording.durationS ? QJsonValue(*m.recording.durationS) : QJsonValue()}};
    QJsonValue meeting;
    if (m.meeting)
        meeting = QJsonObject{{QStringLiteral("id"), m.meeting->id},
                              {QStringLiteral("title"), m.meeting->title},
                              {QStringLiteral("room"), m.meeting->room},
                              {QStringLiteral("starts_at"), Database::toIsoText(m.meeting->startsAt)},
                              {QStringLiteral("ends_at"), Database::toIsoText(m.meeting->endsAt)}};
    // Says that a signature belongs to the archive, so that removing it is noticed.
    return {{QStringLiteral("created_at"), Database::toIsoText(QDateTime::currentDateTime())},
            {QStringLiteral("generator"), QStringLiteral("HNTT Console " HNTT_VERSION)},
            {QStringLiteral("recording"), rec},
            {QStringLiteral("meeting"), meeting},
            {QStringLiteral("signature"), signedArchive ? QJsonValue(kSignatureFile) : QJsonValue()}};
}

// Moves the finished folder to the first free name: name, name_lan-2, name_lan-3, … ("lần": time)
Result<QString> publish(const QString& partial, const QString& archivesDir, const QString& name) {
    for (int n = 1; n < 1000; ++n) {
        const QString target =
            QDir(archivesDir).filePath(n == 1 ? name : QStringLiteral("%1_lan-%2").arg(name).arg(n));
        if (QFileInfo::exists(target))
            continue;
        // rename(2) will not replace a folder that has files, so a name taken meanwhile fails here.
        if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) == 0)
            return target;
        if (QFileInfo::exists(target))
            continue;
        return storageError(ArchiveWriter::tr("Cannot rename %1 to %2.").arg(partial, target));
    }
    return storageError(ArchiveWriter::tr("There are too many archives named %1.").arg(name));
}

} // namespace

QByteArray eventsCsv(const ArchiveMaterial& material) {
    QHash<qint64, QString> names;
    for (auto it = material.sites.cbegin(); it != material.sites.cend(); ++it)
        names.insert(it.key(), it->name);
    return EventTable::csv(material.events, names);
}

QByteArray eventsJson(const QList<EventRecord>& events) {
    QJsonArray array;
    for (const EventRecord& e : events)
        array.append(EventLog::toJson(e));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

Result<ArchiveMade> writeArchive(const ArchivePlan& plan, const WorkControl& control) {
    const ArchiveMaterial& m = plan.material;
    // What the archive says to people, in its own language (this job's thread only).
    const TextLanguage::Scope language(plan.language);
    const QString archivesDir = QDir(plan.archivesDir).absolutePath();
    if (!QDir().mkpath(archivesDir))
        return storageError(ArchiveWriter::tr("Cannot create the archives folder %1.").arg(archivesDir));
    const QString partialPath = QDir(archivesDir).filePath(plan.folderName + kPartialSuffix);
    // Made, emptied of what an interrupted export left, and held while it is written: a sweep
    // (removeStalePartialFolders) leaves it alone until the lock goes, after the rename or removal.
    auto held = PartialFolderLock::take(partialPath);
    if (!held)
        return held.error();
    PartialFolder partial(partialPath);

    // 1. The program recording, as recorded.
    if (auto copied = copyFile(m.recording.path, partial.file(kProgramFile), control.part(0.0, 0.4)); !copied)
        return copied.error();

    // 2. Each site's isolated audio, each in its own file.
    auto tracks = probeIsolatedTracks(partial.file(kProgramFile));
    if (!tracks)
        return tracks.error();
    QList<TrackOutput> outputs;
    if (!tracks->isEmpty() && !QDir().mkpath(partial.file(kAudioFolder)))
        return storageError(ArchiveWriter::tr("Cannot create %1.").arg(partial.file(kAudioFolder)));
    for (const IsolatedTrack& t : tracks.value())
        outputs.append({t, partial.file(audioFileName(t))});
    if (auto extracted = extractIsolatedTracks(partial.file(kProgramFile), outputs, control.part(0.4, 0.6));
        !extracted)
        return extracted.error();

    // 3. The event log, what the catalogue knows, and the attendance report.
    if (control.stopRequested())
        return cancelledError();
    // Presence is measured against what the file holds: a recording cut off by a crash may have
    // no length in the catalogue yet (it is measured at the next start, on a thread of its own).
    ArchiveMaterial measured;
    const ArchiveMaterial* forReport = &m;
    if (!m.recording.durationS)
        if (auto seconds = RecordingMediaProbe::measureDuration(partial.file(kProgramFile))) {
            measured = m;
            measured.recording.durationS = seconds.value();
            forReport = &measured;
        }
    const Attendance attendance = computeAttendance(*forReport, tracks.value());
    const QString html = attendanceHtml(m, attendance);
    const QString title = m.meeting ? m.meeting->title : m.recording.title;
    for (const auto& [name, bytes] :
         {std::pair{kEventsCsvFile, eventsCsv(m)}, std::pair{kEventsJsonFile, eventsJson(m.events)},
          std::pair{kRecordingFile,
                    QJsonDocument(recordingDocument(m, attendance)).toJson(QJsonDocument::Indented)},
          std::pair{kAttendanceHtmlFile, html.toUtf8()}})
        if (auto written = writeFile(partial.file(name), bytes); !written)
            return written.error();
    if (auto pdf = writeAttendancePdf(
            html, TextLanguage::translate("AttendanceReport", "Attendance report: %1").arg(title),
            partial.file(kAttendancePdfFile));
        !pdf)
        return pdf.error();
    if (auto synced = syncPath(partial.file(kAttendancePdfFile)); !synced)
        return synced.error();
    control.report(0.65);

    // 4. The manifest, and its signature.
    auto manifest =
        buildManifest(partial.path(), manifestAbout(m, plan.signing.has_value()), control.part(0.65, 0.98));
    if (!manifest)
        return manifest.error();
    const QByteArray manifestBytes = manifestJson(manifest.value());
    if (auto written = writeFile(partial.file(kManifestFile), manifestBytes); !written)
        return written.error();
    if (auto written = writeFile(partial.file(kChecksumFile), checksumList(manifest.value())); !written)
        return written.error();
    QString signer;
    if (plan.signing) {
        auto signature = signDetached(manifestBytes, *plan.signing);
        if (!signature)
            return signature.error();
        if (auto written = writeFile(partial.file(kSignatureFile), signature.value()); !written)
            return written.error();
        const SignatureCheck check = verifyDetached(manifestBytes, signature.value());
        if (!check.valid)
            return storageError(ArchiveWriter::tr("The new signature does not verify: %1").arg(check.error));
        signer = check.signer.subject;
    }

    // 5. Complete: the folder's entries on the disk, then the final name.
    for (const QString& dir : {partial.file(kAudioFolder), partial.path()})
        if (QFileInfo(dir).isDir())
            if (auto synced = syncPath(dir); !synced)
                return synced.error();
    if (control.stopRequested())
        return cancelledError();
    auto finalPath = publish(partial.path(), archivesDir, plan.folderName);
    if (!finalPath)
        return finalPath.error();
    partial.completed();
    (void)syncPath(archivesDir);
    control.report(1);
    return ArchiveMade{
        finalPath.value(), static_cast<qint64>(manifest->files.size()), plan.signing.has_value(), signer,
        QString::fromLatin1(QCryptographicHash::hash(manifestBytes, QCryptographicHash::Sha256).toHex())};
}

} // namespace hntt::core::archive
