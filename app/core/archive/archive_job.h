// Starting a meeting archive (POST /archives, the UI's archive action): checked and gathered on
// the core's thread, then written by a job of kind "archive" on its own thread, with progress and
// cancel through Session::jobs(). The start and the outcome go into the event log.
#pragma once

#include "core/archive/manifest_signature.h"
#include "core/session/session.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace hntt::core::archive {

struct ArchiveRequest {
    qint64 recordingId = 0;
    // Sign the manifest? Unset: when a certificate is given or configured (settings.ini
    // archive/certificate and archive/key). True without a certificate is refused.
    std::optional<bool> sign;
    QString certificatePath; // override of archive/certificate
    QString keyPath;         // override of archive/key
    // The language of what the archive says to people (attendance report, events.csv): "vi" or
    // "en", whatever the window's; Vietnamese unless asked.
    QString language = QStringLiteral("vi");
};

// Returns the job's id. NotFound: no such recording. Conflict: it is still being recorded, or it
// is being archived already. Invalid: its file is gone, or the certificate and key cannot sign.
// Nothing is started or written then.
Result<qint64> startArchive(Session& session, const ArchiveRequest& request, const Actor& actor);

// The signing identity a request ends up with (none: unsigned), or why it cannot sign.
Result<std::optional<SigningIdentity>> signingFor(const ArchiveRequest& request,
                                                  const ConsoleSettings& settings);

} // namespace hntt::core::archive
