#include "core/system_error.h"

#include <cerrno>
#include <cstring>
#include <utility>

namespace hntt::core {

namespace {

// The errors a file, a disk or a network share gives in practice. A text that holds another
// (ENFILE's holds EMFILE's) comes first, since translated() replaces in this order.
struct Known {
    int errnum;
    const char* text;
};

constexpr Known kKnown[] = {
    {EACCES, QT_TRANSLATE_NOOP("SystemError", "Permission denied")},
    {EPERM, QT_TRANSLATE_NOOP("SystemError", "Operation not permitted")},
    {ENOENT, QT_TRANSLATE_NOOP("SystemError", "No such file or folder")},
    {EEXIST, QT_TRANSLATE_NOOP("SystemError", "The file exists already")},
    {ENOSPC, QT_TRANSLATE_NOOP("SystemError", "No space left on the disk")},
    {EROFS, QT_TRANSLATE_NOOP("SystemError", "The disk is read-only")},
    {EIO, QT_TRANSLATE_NOOP("SystemError", "Input/output error (the disk or the drive failed)")},
    {ENOTDIR, QT_TRANSLATE_NOOP("SystemError", "Not a folder")},
    {EISDIR, QT_TRANSLATE_NOOP("SystemError", "Is a folder")},
    {EDQUOT, QT_TRANSLATE_NOOP("SystemError", "Disk quota exceeded")},
    {EXDEV, QT_TRANSLATE_NOOP("SystemError", "Cannot move across disks")},
    {ENAMETOOLONG, QT_TRANSLATE_NOOP("SystemError", "File name too long")},
    {ENFILE, QT_TRANSLATE_NOOP("SystemError", "Too many open files in the system")},
    {EMFILE, QT_TRANSLATE_NOOP("SystemError", "Too many open files")},
    {EBUSY, QT_TRANSLATE_NOOP("SystemError", "The device is busy")},
    {ETXTBSY, QT_TRANSLATE_NOOP("SystemError", "The file is in use")},
    {ENOTEMPTY, QT_TRANSLATE_NOOP("SystemError", "The folder is not empty")},
    {ELOOP, QT_TRANSLATE_NOOP("SystemError", "Too many levels of symbolic links")},
    {EFBIG, QT_TRANSLATE_NOOP("SystemError", "File too large for this disk")},
    {ENOMEM, QT_TRANSLATE_NOOP("SystemError", "Out of memory")},
    {EINVAL, QT_TRANSLATE_NOOP("SystemError", "Invalid argument")},
    {ENXIO, QT_TRANSLATE_NOOP("SystemError", "No such device or address")},
    {ENODEV, QT_TRANSLATE_NOOP("SystemError", "No such device")},
    {ESTALE, QT_TRANSLATE_NOOP("SystemError", "The network share is no longer available")},
    {ETIMEDOUT, QT_TRANSLATE_NOOP("SystemError", "Connection timed out")},
    {ECONNREFUSED, QT_TRANSLATE_NOOP("SystemError", "Connection refused")},
    {EHOSTUNREACH, QT_TRANSLATE_NOOP("SystemError", "No route to the host")},
    {ENETUNREACH, QT_TRANSLATE_NOOP("SystemError", "The network is unreachable")},
    {ECONNRESET, QT_TRANSLATE_NOOP("SystemError", "Connection reset by the other side")},
    {EPIPE, QT_TRANSLATE_NOOP("SystemError", "Broken pipe")},
};

} // namespace

QString SystemError::text(int errnum) {
    for (const Known& k : kKnown)
        if (k.errnum == errnum)
            return tr(k.text);
    return QString::fromLocal8Bit(std::strerror(errnum));
}

QString SystemError::translated(const QString& message) {
    QString out = message;
    for (const Known& k : kKnown) {
        // strerror's own words, as Qt and FFmpeg pass them on (the C library's English).
        const QString system = QString::fromLocal8Bit(std::strerror(k.errnum));
        if (!system.isEmpty() && out.contains(system))
            out.replace(system, tr(k.text));
    }
    return out;
}

} // namespace hntt::core
