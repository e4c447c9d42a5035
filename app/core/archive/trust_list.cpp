#include "core/archive/trust_list.h"

#include "core/settings.h"
#include "core/system_error.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace hntt::core::archive {

namespace {

struct TrustList {
    Q_DECLARE_TR_FUNCTIONS(TrustList)
};

QString fileNameFor(const QString& fingerprint) {
    return QString(fingerprint).remove(QLatin1Char(':')).toLower() + QStringLiteral(".pem");
}

QStringList listedFiles(const QString& dataDir) {
    const QDir dir(trustListFolder(dataDir));
    QStringList files;
    for (const QString& name : dir.entryList({QStringLiteral("*.pem")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

} // namespace

QString trustListFolder(const QString& dataDir) {
    return QDir(dataDir).filePath(QStringLiteral("trusted-certificates"));
}

QString ownCertificateFile(const QString& dataDir) {
    const QString own = ConsoleSettings(dataDir).archiveCertificate();
    return own.isEmpty() ? QString() : QDir(dataDir).filePath(own); // a relative path is the data folder's
}

QList<SignerInfo> trustList(const QString& dataDir) {
    QList<SignerInfo> out;
    for (const QString& file : listedFiles(dataDir)) {
        TrustedCertificates one;
        if (auto added = one.addFile(file); added && !added->isEmpty())
            out.append(added->constFirst());
    }
    return out;
}

TrustedCertificates consoleTrust(const QString& dataDir, QStringList* problems) {
    TrustedCertificates trusted;
    auto add = [&](const QString& file) {
        if (auto added = trusted.addFile(file); !added && problems)
            problems->append(added.error().message);
    };
    if (const QString own = ownCertificateFile(dataDir); !own.isEmpty())
        add(own);
    for (const QString& file : listedFiles(dataDir))
        add(file);
    return trusted;
}

Result<QList<SignerInfo>> trustCertificateFile(const QString& dataDir, const QString& pemPath) {
    TrustedCertificates parsed;
    auto added = parsed.addFile(pemPath);
    if (!added)
        return added.error();
    if (!QDir().mkpath(trustListFolder(dataDir)))
        return Error{Error::Code::Storage,
                     TrustList::tr("Cannot create the folder %1.").arg(trustListFolder(dataDir))};
    // One file per certificate, each as PEM: the list reads the same whatever file they came in.
    for (int i = 0; i < parsed.der().size(); ++i) {
        const QByteArray der = parsed.der().at(i);
        QByteArray text = "-----BEGIN CERTIFICATE-----\n";
        const QByteArray b64 = der.toBase64();
        for (qsizetype at = 0; at < b64.size(); at += 64)
            text += b64.mid(at, 64) + '\n';
        text += "-----END CERTIFICATE-----\n";
        QSaveFile out(QDir(trustListFolder(dataDir))
                          .filePath(fileNameFor(parsed.certificates().at(i).sha256Fingerprint)));
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
            return Error{Error::Code::Storage,
                         TrustList::tr("Cannot write %1: %2")
                             .arg(out.fileName(), SystemError::translated(out.errorString()))};
    }
    return added;
}

Status distrustCertificate(const QString& dataDir, const QString& sha256Fingerprint) {
    static const QRegularExpression hexAndColons(QStringLiteral("^[0-9A-Fa-f:]{2,}$"));
    const QString file = QDir(trustListFolder(dataDir)).filePath(fileNameFor(sha256Fingerprint));
    if (!hexAndColons.match(sha256Fingerprint).hasMatch() || !QFileInfo(file).isFile())
        return Error{
            Error::Code::NotFound,
            TrustList::tr("No certificate with the fingerprint %1 is trusted.").arg(sha256Fingerprint)};
    if (!QFile::remove(file))
        return Error{Error::Code::Storage, TrustList::tr("Cannot remove %1.").arg(file)};
    return {};
}

} // namespace hntt::core::archive
