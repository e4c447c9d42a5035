// Forges a signed archive as someone with the console's own tools would: a copy with a file
// changed, its manifest rebuilt (hashes and sizes right) and signed with a self-made certificate
// that carries the real signer's subject. Only the certificate's bytes differ.
#pragma once

#include "core/archive/archive_manifest.h"
#include "core/archive/manifest_signature.h"
#include "test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace hntt::test {

// A self-signed certificate and key (PEM) for `subject` ("/CN=…/O=…"), valid for two days.
inline bool makeCertificate(const QString& subject, const QString& certPath, const QString& keyPath) {
    return runProgram(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                       "-keyout", keyPath, "-out", certPath, "-days", "2", "-utf8", "-subj", subject}) == 0;
}

// Copies `archive` to `copy`, appends `extra` to its file `changed`, and re-hashes and re-signs
// it with the given certificate. False when any step fails.
inline bool forgeArchive(const QString& archive, const QString& copy, const QString& changed,
                         const QByteArray& extra, const QString& certPath, const QString& keyPath) {
    using namespace hntt::core::archive;
    QDirIterator it(archive, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = QDir(copy).filePath(QDir(archive).relativeFilePath(from));
        if (!QDir().mkpath(QFileInfo(to).path()) || !QFile::copy(from, to))
            return false;
    }
    QFile target(QDir(copy).filePath(changed));
    if (!target.open(QIODevice::Append) || target.write(extra) != extra.size())
        return false;
    target.close();
    QFile manifestFile(QDir(copy).filePath(kManifestFile));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return false;
    const auto old = parseManifest(manifestFile.readAll());
    manifestFile.close();
    if (!old)
        return false;
    const auto rebuilt = buildManifest(copy, old->about);
    if (!rebuilt)
        return false;
    const QByteArray json = manifestJson(*rebuilt);
    const auto signature = signDetached(json, SigningIdentity{certPath, keyPath});
    if (!signature)
        return false;
    auto write = [&copy](const QString& name, const QByteArray& bytes) {
        QFile f(QDir(copy).filePath(name));
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    };
    return write(kManifestFile, json) && write(kChecksumFile, checksumList(*rebuilt)) &&
           write(kSignatureFile, *signature);
}

} // namespace hntt::test
