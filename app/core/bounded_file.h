// Reading a small file that a request or a setting names (a certificate, a key): only a regular
// file, opened without blocking (a FIFO would wait for a writer) and read up to a bound (a device
// such as /dev/zero never ends), so that no name can stall or flood the thread that reads it.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace hntt::core {

// The whole file, or nothing when it is missing, unreadable, not a regular file or larger than
// maxBytes. Callers say one thing for all of these, so the answer tells nothing of which.
std::optional<QByteArray> readBoundedRegularFile(const QString& path, qint64 maxBytes);

} // namespace hntt::core
