// The manifest of an archive: every file's relative path, size and SHA-256, with what the archive
// is about. manifest.json is the authoritative copy (and the one that is signed); MANIFEST.sha256
// says the same in the format of `sha256sum -c`, for checking without the console.
#pragma once

#include "core/archive/work_control.h"
#include "core/store/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hntt::core::archive {

inline const QString kManifestFile = QStringLiteral("manifest.json");
inline const QString kChecksumFile = QStringLiteral("MANIFEST.sha256");
inline const QString kSignatureFile = QStringLiteral("manifest.p7s");
inline const QString kManifestFormat = QStringLiteral("hntt-archive");
inline constexpr int kManifestVersion = 1;

struct ManifestEntry {
    QString path; // relative, '/'-separated
    qint64 size = 0;
    QByteArray sha256; // lower-case hex
    friend bool operator==(const ManifestEntry&, const ManifestEntry&) = default;
};

struct Manifest {
    QJsonObject about;          // recording, meeting, created_at, generator
    QList<ManifestEntry> files; // by path
};

// True for the manifest's own files, which the manifest does not list.
bool isManifestFile(const QString& relativePath);

// Every entry under `folder` but the manifest's own files, as sorted relative paths. Symbolic links
// are listed (not followed), so that a check can refuse them.
QStringList archiveEntries(const QString& folder);

// Hashes every file under `folder` into a manifest.
Result<Manifest> buildManifest(const QString& folder, const QJsonObject& about,
                               const WorkControl& control = {});

QByteArray manifestJson(const Manifest& manifest);
QByteArray checksumList(const Manifest& manifest);

// Invalid, with the reason, for anything that is not a manifest this version writes.
Result<Manifest> parseManifest(const QByteArray& json);
Result<QList<ManifestEntry>> parseChecksumList(const QByteArray& text);

} // namespace hntt::core::archive
