// Copying and hashing files in chunks, with progress and cancel, and making written data durable
// before an archive is declared complete.
#pragma once

#include "core/archive/work_control.h"
#include "core/store/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace hntt::core::archive {

// Lower-case hex SHA-256 of a file's bytes.
Result<QByteArray> sha256OfFile(const QString& path, const WorkControl& control = {});

// Copies `from` to `to` (which must not exist yet) and flushes it to the disk.
Status copyFile(const QString& from, const QString& to, const WorkControl& control = {});

// Writes `bytes` as the whole of a new file and flushes it to the disk.
Status writeFile(const QString& path, const QByteArray& bytes);

// Flushes a written file or a folder's entries to the disk (fsync).
Status syncPath(const QString& path);

} // namespace hntt::core::archive
