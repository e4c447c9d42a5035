#include "core/review/recording_files.h"

#include "core/system_error.h"
#include "core/text_fold.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace hntt::core {

namespace {

constexpr int kMaxNameLength = 200;

QString shown(const QString& path) {
    return QDir::toNativeSeparators(path);
}

} // namespace

Status RecordingFiles::checkPlainName(const QString& trimmed) {
    if (trimmed.isEmpty())
        return Error{Error::Code::Invalid, tr("The new file name is empty.")};
    if (trimmed.contains(QLatin1Char('/')) || trimmed.contains(QLatin1Char('\\')))
        return Error{Error::Code::Invalid, tr("Give a file name, not a path: the file stays in its folder.")};
    if (trimmed.startsWith(QLatin1Char('.')))
        return Error{Error::Code::Invalid,
                     tr("A file name cannot start with a dot (such files are hidden).")};
    if (trimmed.size() > kMaxNameLength)
        return Error{Error::Code::Invalid,
                     tr("The file name is longer than %1 characters.").arg(kMaxNameLength)};
    if (holdsControlCharacter(trimmed))
        return Error{Error::Code::Invalid, tr("The file name holds a control character.")};
    return {};
}

Result<QString> RecordingFiles::renamedPath(const QString& path, const QString& name) {
    const QString trimmed = name.trimmed();
    if (Status plain = checkPlainName(trimmed); !plain)
        return plain.error();
    const QFileInfo old(path);
    QString fileName = trimmed;
    if (QFileInfo(trimmed).suffix().compare(old.suffix(), Qt::CaseInsensitive) != 0 &&
        !old.suffix().isEmpty())
        fileName += QLatin1Char('.') + old.suffix();
    const QString target = old.dir().filePath(fileName);
    if (target == old.filePath())
        return Error{Error::Code::Invalid, tr("The file already has this name.")};
    if (QFileInfo(target).exists() || QFileInfo(target).isSymLink())
        return Error{Error::Code::Conflict, tr("%1 exists already.").arg(shown(target))};
    return target;
}

Status RecordingFiles::move(const QString& from, const QString& to) {
    const QByteArray f = QFile::encodeName(from), t = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, f.constData(), AT_FDCWD, t.constData(), RENAME_NOREPLACE) == 0)
        return {};
    const int err = errno;
    if (err == EEXIST)
        return Error{Error::Code::Conflict, tr("%1 exists already.").arg(shown(to))};
    return Error{Error::Code::Storage,
                 tr("Cannot move %1 to %2: %3").arg(shown(from), shown(to), SystemError::text(err))};
}

Result<QString> RecordingFiles::moveToTrash(const QString& path) {
    const QFileInfo file(path);
    if (!file.exists() && !file.isSymLink())
        return QString();
    QDir trash(file.dir().filePath(QStringLiteral(".trash")));
    if (!trash.mkpath(QStringLiteral(".")))
        return Error{Error::Code::Storage, tr("Cannot create the trash folder %1.").arg(shown(trash.path()))};
    // The same name twice in the trash (a renamed recording, a second one of the same second):
    // numbered, never replaced.
    QString target = trash.filePath(file.fileName());
    for (int n = 2; QFileInfo(target).exists() || QFileInfo(target).isSymLink(); ++n)
        target =
            trash.filePath(QStringLiteral("%1-%2.%3").arg(file.completeBaseName()).arg(n).arg(file.suffix()));
    if (Status s = move(path, target); !s)
        return s.error();
    return target;
}

Status RecordingFiles::restore(const QString& trashPath, const QString& path) {
    if (trashPath.isEmpty())
        return {};
    if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
        return Error{Error::Code::Conflict,
                     tr("%1 exists now; move it away first, then restore the recording.").arg(shown(path))};
    if (!QFileInfo(trashPath).exists())
        return Error{Error::Code::Storage,
                     tr("The file %1 is no longer in the trash.").arg(shown(trashPath))};
    return move(trashPath, path);
}

Status RecordingFiles::remove(const QString& trashPath) {
    if (trashPath.isEmpty())
        return {};
    const QByteArray p = QFile::encodeName(trashPath);
    if (::unlink(p.constData()) == 0 || errno == ENOENT)
        return {};
    const int err = errno;
    return Error{Error::Code::Storage,
                 tr("Cannot delete %1: %2").arg(shown(trashPath), SystemError::text(err))};
}

Status RecordingFiles::checkRelinkTarget(const QString& path, std::optional<qint64> expectedSize) {
    if (path.isEmpty() || !QDir::isAbsolutePath(path))
        return Error{Error::Code::Invalid, tr("Give the full path of the moved file.")};
    const QFileInfo file(path);
    if (!file.exists())
        return Error{Error::Code::Invalid, tr("There is no file %1.").arg(shown(path))};
    if (!file.isFile())
        return Error{Error::Code::Invalid, tr("%1 is not a regular file.").arg(shown(path))};
    if (!file.isReadable())
        return Error{Error::Code::Invalid, tr("%1 cannot be read.").arg(shown(path))};
    if (expectedSize && *expectedSize > 0 && file.size() != *expectedSize)
        return Error{Error::Code::Invalid,
                     tr("%1 is not this recording's file: it holds %2 bytes, the recording %3.")
                         .arg(shown(path))
                         .arg(file.size())
                         .arg(*expectedSize)};
    return {};
}

} // namespace hntt::core
