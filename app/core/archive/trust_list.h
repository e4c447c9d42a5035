// The signers a console trusts when it checks archives: its own signing certificate and a list
// kept in its data folder (DATA_DIR/trusted-certificates, one PEM file per certificate, named by
// its fingerprint), which the records office edits in the console. `--verify-archive --data-dir`
// reads the same.
#pragma once

#include "core/archive/manifest_signature.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace hntt::core::archive {

QString trustListFolder(const QString& dataDir);

// The console's own signing certificate file (settings' archive/certificate, a relative path taken
// in the data folder); empty when signing is not set.
QString ownCertificateFile(const QString& dataDir);

// The certificates of the trust list (each file's first), without the console's own.
QList<SignerInfo> trustList(const QString& dataDir);

// The console's own signing certificate (from its settings, when set and readable) and the trust
// list. What could not be read is named in `problems`, one sentence each.
TrustedCertificates consoleTrust(const QString& dataDir, QStringList* problems = nullptr);

// Adds the certificate(s) of a PEM file to the trust list; what was added.
Result<QList<SignerInfo>> trustCertificateFile(const QString& dataDir, const QString& pemPath);

// Takes a certificate off the trust list by its SHA-256 fingerprint; NotFound when not listed.
Status distrustCertificate(const QString& dataDir, const QString& sha256Fingerprint);

} // namespace hntt::core::archive
