// The "<name>.partial" folders archives are written in. An export holds an exclusive lock
// (flock) on its folder while it writes; the kernel drops it when the process ends, however it
// ends. So a partial folder nobody holds was left by an export that a crash, a kill or a power cut
// interrupted, and can go.
#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hntt::core::archive {

inline const QString kPartialSuffix = QStringLiteral(".partial");

// An export's hold on its partial folder: made (emptied of what a crash left) and locked.
class PartialFolderLock {
    Q_DECLARE_TR_FUNCTIONS(ArchiveWriter) // the archive export's texts

public:
    // Conflict when another export (of this or another process) holds it.
    static Result<PartialFolderLock> take(const QString& path);
    PartialFolderLock(PartialFolderLock&& other) noexcept;
    PartialFolderLock& operator=(PartialFolderLock&& other) noexcept;
    PartialFolderLock(const PartialFolderLock&) = delete;
    PartialFolderLock& operator=(const PartialFolderLock&) = delete;
    ~PartialFolderLock(); // releases the lock; the folder stays (renamed or removed by its owner)

private:
    explicit PartialFolderLock(int fd)
        : fd_(fd) {}
    int fd_ = -1;
};

// Removes every "*.partial" folder directly in `archivesDir` that no export holds, with what is
// in it; finished archives and anything else are left alone. Returns the folders removed.
QStringList removeStalePartialFolders(const QString& archivesDir);

} // namespace hntt::core::archive
