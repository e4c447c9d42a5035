#include "core/archive/archive_manifest.h"

#include "core/archive/file_digest.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace hntt::core::archive {

namespace {

struct ArchiveManifest {
    Q_DECLARE_TR_FUNCTIONS(ArchiveManifest)
};

Error invalid(const QString& message) {
    return Error{Error::Code::Invalid, message};
}

bool isHexDigest(const QString& s) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

// A relative path that stays inside the archive.
bool isSafePath(const QString& p) {
    if (p.isEmpty() || p.startsWith(QLatin1Char('/')) || p.contains(QLatin1Char('\\')) ||
        p.contains(QChar(0)))
        return false;
    for (const QString& part : p.split(QLatin1Char('/')))
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    return true;
}

} // namespace

bool isManifestFile(const QString& relativePath) {
    return relativePath == kManifestFile || relativePath == kChecksumFile || relativePath == kSignatureFile;
}

QStringList archiveEntries(const QString& folder) {
    const QDir root(QDir(folder).absolutePath());
    QStringList out;
    QDirIterator it(root.path(), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir() && !info.isSymLink())
            continue; // its files are listed; an empty folder carries nothing
        const QString rel = root.relativeFilePath(path);
        if (!isManifestFile(rel))
            out.append(rel);
    }
    std::sort(out.begin(), out.end());
    return out;
}

Result<Manifest> buildManifest(const QString& folder, const QJsonObject& about, const WorkControl& control) {
    Manifest m;
    m.about = about;
    const QStringList entries = archiveEntries(folder);
    qint64 total = 0;
    for (const QString& rel : entries)
        total += QFileInfo(QDir(folder).filePath(rel)).size();
    qint64 done = 0;
    for (const QString& rel : entries) {
        const QString path = QDir(folder).filePath(rel);
        const qint64 size = QFileInfo(path).size();
        const double from = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0;
        const double to = total > 0 ? static_cast<double>(done + size) / static_cast<double>(total) : 1;
        auto digest = sha256OfFile(path, control.part(from, to));
        if (!digest)
            return digest.error();
        m.files.append({rel, size, digest.value()});
        done += size;
    }
    control.report(1);
    return m;
}

QByteArray manifestJson(const Manifest& m) {
    QJsonObject o = m.about;
    o.insert(QStringLiteral("format"), kManifestFormat);
    o.insert(QStringLiteral("version"), kManifestVersion);
    o.insert(QStringLiteral("algorithm"), QStringLiteral("SHA-256"));
    QJsonArray files;
    for (const ManifestEntry& e : m.files)
        files.append(QJsonObject{{QStringLiteral("path"), e.path},
                                 {QStringLiteral("size"), e.size},
                                 {QStringLiteral("sha256"), QString::fromLatin1(e.sha256)}});
    o.insert(QStringLiteral("files"), files);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray checksumList(const Manifest& m) {
    QByteArray out;
    for (const ManifestEntry& e : m.files)
        out += e.sha256 + "  " + e.path.toUtf8() + '\n';
    return out;
}

Result<Manifest> parseManifest(const QByteArray& json) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(ArchiveManifest::tr("it is not valid JSON (%1 at offset %2)")
                           .arg(err.errorString())
                           .arg(err.offset));
    QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != kManifestFormat)
        return invalid(ArchiveManifest::tr("it is not an archive manifest"));
    if (o.value(QStringLiteral("version")).toInt() != kManifestVersion)
        return invalid(ArchiveManifest::tr("its version %1 is not known to this console")
                           .arg(o.value(QStringLiteral("version")).toVariant().toString()));
    if (o.value(QStringLiteral("algorithm")).toString() != QLatin1String("SHA-256"))
        return invalid(ArchiveManifest::tr("its hash algorithm is not SHA-256"));
    const QJsonValue files = o.value(QStringLiteral("files"));
    if (!files.isArray())
        return invalid(ArchiveManifest::tr("it has no list of files"));
    Manifest m;
    QStringList seen;
    int n = 0;
    for (const QJsonValue& v : files.toArray()) {
        ++n;
        const QJsonObject f = v.toObject();
        const QString path = f.value(QStringLiteral("path")).toString();
        const QString hash = f.value(QStringLiteral("sha256")).toString();
        const double size = f.value(QStringLiteral("size")).toDouble(-1);
        if (!isSafePath(path) || isManifestFile(path))
            return invalid(ArchiveManifest::tr("file %1 has an invalid path '%2'").arg(n).arg(path));
        if (!isHexDigest(hash))
            return invalid(ArchiveManifest::tr("%1 has an invalid SHA-256 '%2'").arg(path, hash));
        if (!f.value(QStringLiteral("size")).isDouble() || size < 0 || size > 9e15 ||
            size != std::floor(size))
            return invalid(ArchiveManifest::tr("%1 has an invalid size").arg(path));
        if (seen.contains(path))
            return invalid(ArchiveManifest::tr("%1 is listed twice").arg(path));
        seen.append(path);
        m.files.append({path, static_cast<qint64>(size), hash.toLatin1()});
    }
    for (const char* key : {"format", "version", "algorithm", "files"})
        o.remove(QLatin1String(key));
    m.about = o;
    return m;
}

Result<QList<ManifestEntry>> parseChecksumList(const QByteArray& text) {
    static const QRegularExpression line(QStringLiteral("^([0-9a-f]{64}) [ *](.+)$"));
    QList<ManifestEntry> out;
    int n = 0;
    for (const QByteArray& raw : text.split('\n')) {
        ++n;
        if (raw.isEmpty())
            continue;
        const auto m = line.match(QString::fromUtf8(raw));
        if (!m.hasMatch())
            return invalid(ArchiveManifest::tr("line %1 is not a SHA-256 checksum line").arg(n));
        out.append({m.captured(2), -1, m.captured(1).toLatin1()});
    }
    return out;
}

} // namespace hntt::core::archive
