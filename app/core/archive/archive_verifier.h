// Checks an archive folder against its manifest: every listed file present with its size and
// SHA-256, nothing unlisted, MANIFEST.sha256 in agreement, and the signature (when there is one,
// or when the manifest says there is) valid over manifest.json. Lists every difference exactly.
#pragma once

#include "core/archive/manifest_signature.h"
#include "core/archive/work_control.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hntt::core::archive {

struct ArchiveDifference {
    QString path;    // relative to the archive, e.g. "audio/site-3.m4a" or "manifest.json"
    QString message; // what differs, translated
    QString text() const { return path + QStringLiteral(": ") + message; }
};

struct ArchiveVerification {
    QList<ArchiveDifference> differences;
    int filesChecked = 0; // listed files whose size and hash were compared
    bool isSigned = false;
    SignerInfo signer;    // when the signature is valid
    bool trusted = false; // the valid signature's certificate is a trusted one (or issued by one)
    bool intact() const { return differences.isEmpty(); }
};

ArchiveVerification verifyArchive(const QString& folder, const WorkControl& control = {},
                                  const TrustedCertificates& trusted = {});

// What a check of an archive folder found (the result of an "archive-verify" job).
struct ArchiveCheck {
    QString path;
    ArchiveVerification verification;
};

} // namespace hntt::core::archive
