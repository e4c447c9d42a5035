#include "core/archive/archive_job.h"

#include "core/archive/archive_material.h"
#include "core/archive/archive_names.h"
#include "core/archive/archive_writer.h"
#include "core/archive/partial_folders.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <memory>
#include <mutex>
#include <set>

namespace hntt::core::archive {

namespace {

struct ArchiveJob {
    Q_DECLARE_TR_FUNCTIONS(ArchiveJob)
};

// The archive folders being written now, in this process: a second export of the same recording
// into the same place waits for the first rather than both writing one partial folder.
class Claims {
public:
    bool claim(const QString& key) {
        std::lock_guard lock(mutex_);
        return keys_.insert(key).second;
    }
    void release(const QString& key) {
        std::lock_guard lock(mutex_);
        keys_.erase(key);
    }

private:
    std::mutex mutex_;
    std::set<QString> keys_;
};

Claims& claims() {
    static Claims c;
    return c;
}

class Claim {
public:
    explicit Claim(QString key)
        : key_(std::move(key)) {}
    ~Claim() { claims().release(key_); }
    Claim(const Claim&) = delete;
    Claim& operator=(const Claim&) = delete;

private:
    QString key_;
};

// An archive takes about the recording's size again (its copy, plus the isolated audio, which the
// recording already holds). It must not take the space a running recording needs: the engine's
// floor (512 MB) is kept free beyond it.
Status checkFreeSpace(const QString& archivesDir, const QString& recording) {
    constexpr qint64 kReserve = 512ll << 20;
    QFileInfo dir(archivesDir);
    while (!dir.exists() && !dir.isRoot() && dir.absolutePath() != dir.absoluteFilePath())
        dir = QFileInfo(dir.absolutePath());
    const QStorageInfo storage(dir.absoluteFilePath());
    const qint64 size = QFileInfo(recording).size();
    const qint64 needed = size + size / 4 + kReserve;
    if (storage.isValid() && storage.bytesAvailable() < needed)
        return Error{Error::Code::Conflict,
                     ArchiveJob::tr("Not enough free space in %1 for the archive: %2 MB needed, %3 MB free.")
                         .arg(archivesDir)
                         .arg(needed >> 20)
                         .arg(storage.bytesAvailable() >> 20)};
    return {};
}

void logEvent(Session& session, const Actor& actor, const QString& action, qint64 recordingId,
              std::optional<qint64> meetingId, const QJsonObject& detail, const QString& reason = {}) {
    EventRecord e;
    e.actor = actor;
    e.action = action;
    e.subject = QString::number(recordingId);
    e.detail = detail;
    e.reason = reason;
    e.meetingId = meetingId;
    (void)session.eventLog().append(e);
}

} // namespace

Result<std::optional<SigningIdentity>> signingFor(const ArchiveRequest& request,
                                                  const ConsoleSettings& settings) {
    SigningIdentity id{request.certificatePath.isEmpty() ? settings.archiveCertificate()
                                                         : request.certificatePath,
                       request.keyPath.isEmpty() ? settings.archiveKey() : request.keyPath};
    const bool sign = request.sign.value_or(id.isSet());
    if (!sign)
        return std::optional<SigningIdentity>();
    if (id.certificatePath.isEmpty() || id.keyPath.isEmpty())
        return Error{Error::Code::Invalid,
                     ArchiveJob::tr("Signing needs a certificate and its private key (archive/certificate "
                                    "and archive/key in settings.ini, or given with the request).")};
    if (auto checked = checkSigningIdentity(id); !checked)
        return checked.error();
    return std::optional<SigningIdentity>(id);
}

Result<qint64> startArchive(Session& session, const ArchiveRequest& request, const Actor& actor) {
    auto material = gatherArchiveMaterial(session.recordings(), session.meetings(), session.directory(),
                                          session.eventLog(), request.recordingId);
    if (!material)
        return material.error();
    auto signing = signingFor(request, session.settings());
    if (!signing)
        return signing.error();

    ArchivePlan plan;
    plan.material = std::move(material).value();
    plan.archivesDir = QDir(session.settings().archivesDir()).absolutePath();
    plan.folderName = archiveFolderName(plan.material);
    plan.signing = signing.value();
    if (request.language != QLatin1String("vi") && request.language != QLatin1String("en"))
        return Error{Error::Code::Invalid,
                     ArchiveJob::tr("An archive is made in Vietnamese (vi) or English (en), not \"%1\".")
                         .arg(request.language)};
    plan.language = request.language;
    // What an export cut off by a crash left is removed first (it takes space, and it is no
    // archive); a folder an export is writing is held and stays.
    for (const QString& stale : removeStalePartialFolders(plan.archivesDir)) {
        EventRecord e;
        e.actor = QStringLiteral("auto");
        e.action = QStringLiteral("archive.partial_removed");
        e.subject = QFileInfo(stale).fileName();
        e.detail = {{QStringLiteral("path"), stale}};
        (void)session.eventLog().append(e);
    }
    if (auto space = checkFreeSpace(plan.archivesDir, plan.material.recording.path); !space)
        return space.error();
    const QString key = QDir(plan.archivesDir).absoluteFilePath(plan.folderName);
    if (!claims().claim(key))
        return Error{Error::Code::Conflict,
                     ArchiveJob::tr("Recording %1 is being archived already.").arg(request.recordingId)};
    auto claim = std::make_shared<Claim>(key);

    const qint64 recordingId = plan.material.recording.id;
    const std::optional<qint64> meetingId = plan.material.recording.meetingId;
    const bool signedArchive = plan.signing.has_value();
    const qint64 jobId =
        session.jobs().submit(QStringLiteral("archive"),
                              [plan = std::move(plan), claim](JobQueue::Context& ctx) -> Result<std::any> {
                                  WorkControl control;
                                  control.progress = [&ctx](double p) { ctx.setProgress(p); };
                                  control.cancelled = [&ctx] { return ctx.cancelled(); };
                                  auto made = writeArchive(plan, control);
                                  if (!made)
                                      return made.error();
                                  return std::any(made.value());
                              });
    logEvent(session, actor, QStringLiteral("archive.start"), recordingId, meetingId,
             {{QStringLiteral("job_id"), jobId}, {QStringLiteral("signed"), signedArchive}});

    // The outcome goes into the event log too, once, when the job ends.
    session.jobs().whenEnded(
        jobId, [&session, jobId, recordingId, meetingId, actor](const JobQueue::Job& job) {
            QJsonObject detail{{QStringLiteral("job_id"), jobId}};
            if (const auto* made = job.resultAs<ArchiveMade>())
                detail.insert(QStringLiteral("result"),
                              QJsonObject{{QStringLiteral("path"), made->path},
                                          {QStringLiteral("files"), made->files},
                                          {QStringLiteral("signed"), made->isSigned},
                                          {QStringLiteral("signer"),
                                           made->signer.isEmpty() ? QJsonValue() : QJsonValue(made->signer)},
                                          {QStringLiteral("manifest_sha256"), made->manifestSha256}});
            // A cancel is a person's act (the one who started the export, from the library or the
            // API); an end or a failure is the console's.
            const QString by = job.state == JobQueue::State::Cancelled ? actor : QStringLiteral("auto");
            logEvent(session, by, QStringLiteral("archive.") + jobStateName(job.state), recordingId,
                     meetingId, detail, job.error);
        });
    return jobId;
}

} // namespace hntt::core::archive
