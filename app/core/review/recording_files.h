// The files behind the library's edits of a recording: a plain new name in its own folder, the
// trash beside it (a folder ".trash" in the recording's folder, so that a move is a rename on the
// same disk and never a copy), and the checks on a file a "missing" recording is pointed at.
// No store, no session: paths in, paths out.
#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace hntt::core {

class RecordingFiles {
    Q_DECLARE_TR_FUNCTIONS(RecordingFiles)

public:
    // A name of a file in a folder the console chooses (a renamed recording, a clip): not empty, no
    // path, not hidden, at most 200 characters, no control characters. `name` is taken as it is
    // (callers trim).
    static Status checkPlainName(const QString& name);
    // `name` as the new file name of `path` in the same folder, keeping its container's extension
    // when the name has none. Invalid for an empty name, a path, a hidden or overlong name or
    // control characters; Conflict when a file of that name exists.
    static Result<QString> renamedPath(const QString& path, const QString& name);
    // Renames without replacing anything (renameat2 RENAME_NOREPLACE).
    static Status move(const QString& from, const QString& to);
    // Moves the file into the trash beside it; the path it now has, or an empty string when the
    // file was missing already (the row goes to the trash all the same).
    static Result<QString> moveToTrash(const QString& path);
    // Back from the trash to `path`; Conflict when a file is there now.
    static Status restore(const QString& trashPath, const QString& path);
    // Deletes a trashed file for good; a file already gone is no error.
    static Status remove(const QString& trashPath);
    // A file a recording whose file is missing may be pointed at: an absolute path to a regular
    // file (no FIFO, device or folder: nothing that blocks or never ends when read), of the
    // recorded size when that is known.
    static Status checkRelinkTarget(const QString& path, std::optional<qint64> expectedSize);
};

} // namespace hntt::core
