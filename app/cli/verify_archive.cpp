#include "cli/verify_archive.h"

#include "cli/command_line.h"
#include "core/archive/archive_verdict.h"
#include "core/archive/archive_verifier.h"
#include "core/archive/trust_list.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cstdio>

namespace hntt::cli {

namespace {

struct VerifyArchive {
    Q_DECLARE_TR_FUNCTIONS(VerifyArchive)
};

void printLine(std::FILE* to, const QString& line) {
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), to);
}

int usageError(const QString& message) {
    printLine(stderr, QStringLiteral("hntt-console: ") + message);
    return kUsageExitCode;
}

} // namespace

int verifyArchiveCommand(const QString& path, const QStringList& trustCerts, const QString& dataDir) {
    if (path.isEmpty() || !QFileInfo(path).isDir())
        return usageError(
            VerifyArchive::tr("%1 is not an archive folder.").arg(QDir::toNativeSeparators(path)));
    core::archive::TrustedCertificates trusted;
    for (const QString& file : trustCerts)
        if (auto added = trusted.addFile(file); !added)
            return usageError(added.error().message);
    if (!dataDir.isEmpty()) {
        if (!QFileInfo(dataDir).isDir())
            return usageError(VerifyArchive::tr("%1 is not a console's data folder.")
                                  .arg(QDir::toNativeSeparators(dataDir)));
        QStringList problems;
        trusted.add(core::archive::consoleTrust(dataDir, &problems));
        for (const QString& problem : problems)
            printLine(stderr, QStringLiteral("hntt-console: ") + problem);
    }

    const core::archive::ArchiveVerification v = core::archive::verifyArchive(path, {}, trusted);
    const core::archive::ArchiveVerdict verdict = core::archive::verdictOf(v);
    printLine(stdout, verdict.sentence);
    // The details, for whoever has to find out more.
    for (const core::archive::ArchiveDifference& d : v.differences)
        printLine(stdout, QStringLiteral("  ") + d.text());
    printLine(
        stdout,
        VerifyArchive::tr("Archive: %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    printLine(stdout, VerifyArchive::tr("Files checked: %1").arg(v.filesChecked));
    if (v.isSigned && !v.signer.subject.isEmpty())
        printLine(stdout, VerifyArchive::tr("Signer: %1; certificate SHA-256 %2")
                              .arg(v.signer.subject, v.signer.sha256Fingerprint));
    if (trusted.isEmpty())
        printLine(stdout, VerifyArchive::tr("Trusted certificates: none given (--trust-cert, --data-dir)."));
    for (const core::archive::SignerInfo& t : trusted.certificates())
        printLine(stdout, VerifyArchive::tr("Trusted: %1; SHA-256 %2").arg(t.subject, t.sha256Fingerprint));
    return verdict.exitCode();
}

} // namespace hntt::cli
