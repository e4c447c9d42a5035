#include "cli/verify_archive.h"

#include "cli/command_line.h"
#include "core/archive/archive_verifier.h"

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

} // namespace

int verifyArchiveCommand(const QString& path) {
    if (path.isEmpty() || !QFileInfo(path).isDir()) {
        printLine(stderr,
                  QStringLiteral("hntt-console: ") +
                      VerifyArchive::tr("%1 is not an archive folder.").arg(QDir::toNativeSeparators(path)));
        return kUsageExitCode;
    }
    const core::archive::ArchiveVerification v = core::archive::verifyArchive(path);
    for (const core::archive::ArchiveDifference& d : v.differences)
        printLine(stdout, d.text());
    if (!v.intact()) {
        printLine(stdout, VerifyArchive::tr("NOT INTACT: %n difference(s) in %1.", nullptr,
                                            static_cast<int>(v.differences.size()))
                              .arg(QDir::toNativeSeparators(path)));
        return 1;
    }
    if (v.isSigned)
        printLine(stdout, VerifyArchive::tr("OK: %n file(s) intact; the manifest is signed by %1 (SHA-256 "
                                            "fingerprint %2).",
                                            nullptr, v.filesChecked)
                              .arg(v.signer.subject, v.signer.sha256Fingerprint));
    else
        printLine(stdout, VerifyArchive::tr("OK: %n file(s) intact; the manifest is not signed.", nullptr,
                                            v.filesChecked));
    return 0;
}

} // namespace hntt::cli
