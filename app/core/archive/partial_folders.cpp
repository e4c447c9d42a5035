#include "core/archive/partial_folders.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace hntt::core::archive {

namespace {

// The folder's descriptor, locked exclusively without waiting; -1 (errno set) when it cannot be
// opened or someone holds it. A folder replaced at that path meanwhile does not count as locked.
int lockFolder(const QString& path) {
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        errno = err;
        return -1;
    }
    struct stat held = {}, now = {};
    if (::fstat(fd, &held) != 0 || ::lstat(name.constData(), &now) != 0 || held.st_dev != now.st_dev ||
        held.st_ino != now.st_ino) {
        ::close(fd);
        errno = ENOENT; // removed (or replaced) between the open and the lock
        return -1;
    }
    return fd;
}

} // namespace

Result<PartialFolderLock> PartialFolderLock::take(const QString& path) {
    // A sweep may hold a stale folder for a moment while removing it: try again a few times.
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (!QDir().mkpath(path))
            return Error{Error::Code::Storage, tr("Cannot create %1.").arg(path)};
        const int fd = lockFolder(path);
        if (fd >= 0) {
            PartialFolderLock lock(fd);
            // Ours now: what an interrupted export left in it goes.
            const QDir dir(path);
            for (const QFileInfo& entry :
                 dir.entryInfoList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden | QDir::System)) {
                const bool removed = entry.isDir() && !entry.isSymLink()
                                         ? QDir(entry.absoluteFilePath()).removeRecursively()
                                         : QFile::remove(entry.absoluteFilePath());
                if (!removed)
                    return Error{Error::Code::Storage, tr("Cannot remove %1.").arg(entry.absoluteFilePath())};
            }
            return lock;
        }
        if (errno != EWOULDBLOCK && errno != ENOENT)
            return Error{Error::Code::Storage, tr("Cannot create %1.").arg(path)};
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return Error{Error::Code::Conflict, tr("%1 is being written by another archive export.").arg(path)};
}

PartialFolderLock::PartialFolderLock(PartialFolderLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)) {}

PartialFolderLock& PartialFolderLock::operator=(PartialFolderLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

PartialFolderLock::~PartialFolderLock() {
    if (fd_ >= 0)
        ::close(fd_); // closing the last descriptor releases the lock
}

QStringList removeStalePartialFolders(const QString& archivesDir) {
    QStringList removed;
    const QDir dir(archivesDir);
    for (const QFileInfo& entry : dir.entryInfoList({QStringLiteral("*") + kPartialSuffix},
                                                    QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (entry.isSymLink())
            continue;
        const int fd = lockFolder(entry.absoluteFilePath());
        if (fd < 0)
            continue; // an export is writing it, or it is gone
        // Removed while locked: an export that starts meanwhile waits, then makes it anew.
        if (QDir(entry.absoluteFilePath()).removeRecursively())
            removed << entry.absoluteFilePath();
        ::close(fd);
    }
    return removed;
}

} // namespace hntt::core::archive
