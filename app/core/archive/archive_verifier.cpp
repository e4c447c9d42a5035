#include "core/archive/archive_verifier.h"

#include "core/archive/archive_manifest.h"
#include "core/archive/file_digest.h"
#include "core/system_error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace hntt::core::archive {

namespace {

struct ArchiveVerifier {
    Q_DECLARE_TR_FUNCTIONS(ArchiveVerifier)
};

// A manifest is a few kilobytes per hundred files; anything far larger is not one.
constexpr qint64 kMaxManifestBytes = 64 << 20;

std::optional<QByteArray> readFile(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = SystemError::translated(f.errorString());
        return std::nullopt;
    }
    if (f.size() > kMaxManifestBytes) {
        *error = ArchiveVerifier::tr("too large");
        return std::nullopt;
    }
    return f.readAll();
}

void checkChecksumList(const QDir& root, const Manifest& manifest, ArchiveVerification& v) {
    auto add = [&v](const QString& message) { v.differences.append({kChecksumFile, message}); };
    if (!QFileInfo(root.filePath(kChecksumFile)).isFile()) {
        add(ArchiveVerifier::tr("missing"));
        return;
    }
    QString error;
    const auto bytes = readFile(root.filePath(kChecksumFile), &error);
    if (!bytes) {
        add(ArchiveVerifier::tr("cannot be read: %1").arg(error));
        return;
    }
    auto list = parseChecksumList(*bytes);
    if (!list) {
        add(list.error().message);
        return;
    }
    QHash<QString, QByteArray> listed;
    for (const ManifestEntry& e : list.value())
        listed.insert(e.path, e.sha256);
    for (const ManifestEntry& e : manifest.files) {
        const auto it = listed.constFind(e.path);
        if (it == listed.cend())
            add(ArchiveVerifier::tr("does not list %1, which manifest.json lists").arg(e.path));
        else if (*it != e.sha256)
            add(ArchiveVerifier::tr("gives another SHA-256 for %1 than manifest.json").arg(e.path));
        listed.remove(e.path);
    }
    QStringList extra = listed.keys();
    extra.sort();
    for (const QString& p : extra)
        add(ArchiveVerifier::tr("lists %1, which manifest.json does not").arg(p));
}

void checkSignature(const QDir& root, const QByteArray& manifestBytes, const Manifest& manifest,
                    const TrustedCertificates& trusted, ArchiveVerification& v) {
    const QString path = root.filePath(kSignatureFile);
    const bool announced = manifest.about.value(QStringLiteral("signature")).toString() == kSignatureFile;
    if (!QFileInfo::exists(path)) {
        if (announced)
            v.differences.append(
                {kSignatureFile,
                 ArchiveVerifier::tr("missing, but the manifest says the archive is signed")});
        return;
    }
    v.isSigned = true;
    QString error;
    const auto der = readFile(path, &error);
    if (!der) {
        v.differences.append({kSignatureFile, ArchiveVerifier::tr("cannot be read: %1").arg(error)});
        return;
    }
    const SignatureCheck check = verifyDetached(manifestBytes, *der, trusted);
    if (!check.valid) {
        v.differences.append({kSignatureFile, check.error});
        return;
    }
    v.signer = check.signer;
    v.trusted = check.trusted;
}

} // namespace

ArchiveVerification verifyArchive(const QString& folder, const WorkControl& control,
                                  const TrustedCertificates& trusted) {
    ArchiveVerification v;
    const QDir root(folder);
    QString error;
    const QString manifestPath = root.filePath(kManifestFile);
    if (!QFileInfo(manifestPath).isFile()) {
        v.differences.append({kManifestFile, ArchiveVerifier::tr("missing")});
        return v;
    }
    const auto bytes = readFile(manifestPath, &error);
    if (!bytes) {
        v.differences.append({kManifestFile, ArchiveVerifier::tr("cannot be read: %1").arg(error)});
        return v;
    }
    auto manifest = parseManifest(*bytes);
    if (!manifest) {
        v.differences.append({kManifestFile, manifest.error().message});
        return v;
    }
    checkSignature(root, *bytes, manifest.value(), trusted, v);
    checkChecksumList(root, manifest.value(), v);

    qint64 total = 0;
    for (const ManifestEntry& e : manifest->files)
        total += e.size;
    qint64 done = 0;
    QSet<QString> listed;
    for (const ManifestEntry& e : manifest->files) {
        listed.insert(e.path);
        const QFileInfo info(root.filePath(e.path));
        const double from = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0;
        done += e.size;
        if (info.isSymLink()) {
            v.differences.append({e.path, ArchiveVerifier::tr("is a symbolic link, not a file")});
            continue;
        }
        if (!info.exists()) {
            v.differences.append({e.path, ArchiveVerifier::tr("missing")});
            continue;
        }
        if (!info.isFile()) {
            v.differences.append({e.path, ArchiveVerifier::tr("is not a file")});
            continue;
        }
        if (info.size() != e.size) {
            v.differences.append(
                {e.path, ArchiveVerifier::tr("%1 bytes, the manifest says %2").arg(info.size()).arg(e.size)});
            continue;
        }
        const double to = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1;
        auto digest = sha256OfFile(info.filePath(), control.part(from, to));
        if (!digest) {
            v.differences.append({e.path, digest.error().message});
            continue;
        }
        ++v.filesChecked;
        if (digest.value() != e.sha256)
            v.differences.append(
                {e.path, ArchiveVerifier::tr("SHA-256 %1, the manifest says %2")
                             .arg(QString::fromLatin1(digest.value()), QString::fromLatin1(e.sha256))});
    }
    for (const QString& rel : archiveEntries(folder))
        if (!listed.contains(rel))
            v.differences.append({rel, ArchiveVerifier::tr("not listed in the manifest")});
    control.report(1);
    return v;
}

} // namespace hntt::core::archive
