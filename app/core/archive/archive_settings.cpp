#include "core/archive/archive_settings.h"

#include "core/system_error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace hntt::core::archive {

namespace {

struct ArchiveSettingsText {
    Q_DECLARE_TR_FUNCTIONS(ArchiveSettingsText)
};

Error invalid(const QString& message) {
    return Error{Error::Code::Invalid, message};
}

} // namespace

Result<std::optional<SignerInfo>> applyArchiveSettings(ConsoleSettings& settings, const QString& dataDir,
                                                       const ArchiveSettingsChange& change) {
    const QString folder = change.archivesDir.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("archives"))
                                                        : change.archivesDir;
    if (!QDir::isAbsolutePath(folder))
        return invalid(
            ArchiveSettingsText::tr("The archives folder must be a full path, such as /media/usb/luu-tru."));
    if (!QDir().mkpath(folder))
        return invalid(ArchiveSettingsText::tr("The folder %1 cannot be created here.").arg(folder));
    {
        // Written to, not only looked at: a read-only share or a full drive shows now, not at export.
        QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".hntt-write-check-XXXXXX")));
        if (!probe.open() || probe.write("ok") != 2 || !probe.flush())
            return invalid(ArchiveSettingsText::tr("Archives cannot be written to %1: %2")
                               .arg(folder, SystemError::translated(probe.errorString())));
    }
    std::optional<SignerInfo> signer;
    if (!change.certificate.isEmpty() || !change.key.isEmpty()) {
        auto checked = checkSigningIdentity(SigningIdentity{change.certificate, change.key});
        if (!checked)
            return checked.error();
        signer = checked.value();
    }
    settings.setArchivesDir(change.archivesDir);
    settings.setArchiveSigning(change.certificate, change.key);
    return signer;
}

} // namespace hntt::core::archive
