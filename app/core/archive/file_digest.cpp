#include "core/archive/file_digest.h"

#include "core/system_error.h"

#include <QCryptographicHash>
#include <QFile>
#include <fcntl.h>
#include <unistd.h>

namespace hntt::core::archive {

namespace {

struct FileDigest {
    Q_DECLARE_TR_FUNCTIONS(FileDigest)
};

constexpr qint64 kChunk = 1 << 20;

Error ioError(const QString& message) {
    return Error{Error::Code::Storage, message};
}

Status syncOpenFile(QFile& file) {
    if (!file.flush() || ::fsync(file.handle()) != 0)
        return ioError(FileDigest::tr("Cannot write %1 to the disk.").arg(file.fileName()));
    return {};
}

} // namespace

Result<QByteArray> sha256OfFile(const QString& path, const WorkControl& control) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(
            FileDigest::tr("Cannot read %1: %2").arg(path, SystemError::translated(file.errorString())));
    const qint64 total = file.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        if (control.stopRequested())
            return cancelledError();
        const qint64 n = file.read(buffer.data(), kChunk);
        if (n < 0)
            return ioError(
                FileDigest::tr("Cannot read %1: %2").arg(path, SystemError::translated(file.errorString())));
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
        done += n;
        if (total > 0)
            control.report(static_cast<double>(done) / static_cast<double>(total));
    }
    return hash.result().toHex();
}

Status copyFile(const QString& from, const QString& to, const WorkControl& control) {
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return ioError(
            FileDigest::tr("Cannot read %1: %2").arg(from, SystemError::translated(in.errorString())));
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return ioError(
            FileDigest::tr("Cannot create %1: %2").arg(to, SystemError::translated(out.errorString())));
    const qint64 total = in.size();
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        if (control.stopRequested())
            return cancelledError();
        const qint64 n = in.read(buffer.data(), kChunk);
        if (n < 0)
            return ioError(
                FileDigest::tr("Cannot read %1: %2").arg(from, SystemError::translated(in.errorString())));
        if (n == 0)
            break;
        if (out.write(buffer.constData(), n) != n)
            return ioError(
                FileDigest::tr("Cannot write %1: %2").arg(to, SystemError::translated(out.errorString())));
        done += n;
        if (total > 0)
            control.report(static_cast<double>(done) / static_cast<double>(total));
    }
    return syncOpenFile(out);
}

Status writeFile(const QString& path, const QByteArray& bytes) {
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return ioError(
            FileDigest::tr("Cannot create %1: %2").arg(path, SystemError::translated(out.errorString())));
    if (out.write(bytes) != bytes.size())
        return ioError(
            FileDigest::tr("Cannot write %1: %2").arg(path, SystemError::translated(out.errorString())));
    return syncOpenFile(out);
}

Status syncPath(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(FileDigest::tr("Cannot write %1 to the disk.").arg(path));
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        return ioError(FileDigest::tr("Cannot write %1 to the disk.").arg(path));
    return {};
}

} // namespace hntt::core::archive
