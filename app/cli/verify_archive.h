// `hntt-console --verify-archive PATH`: checks a meeting archive without a window or a session.
#pragma once

#include <QString>

namespace hntt::cli {

// Prints one line per difference (or an "OK" line with the signer) to stdout and returns the exit
// status: 0 intact, 1 any difference, 2 when PATH is not a folder.
int verifyArchiveCommand(const QString& path);

} // namespace hntt::cli
