// The bearer token of the control API: read from --api-token-file, or made once and kept in
// DIR/api-token (mode 0600) so that clients keep working across restarts.
//
// The kept file: created atomically (written to a private temporary file, then linked into place,
// so a half-written token is never seen and two starts cannot both create one), 0600 from the
// start. On later starts it must be a regular file (not a symlink) owned by the user running the
// console; wider permissions than 0600 are tightened to 0600 (it is the console's own file, in its
// own data folder) and reported as a warning. A file owned by someone else is refused.
//
// A file given with --api-token-file is the operator's: it is read, never changed; group/other
// access is only reported as a warning.
#pragma once

#include "api/http_server.h"

#include <QString>
#include <string>
#include <vector>

namespace hntt::api {

struct ApiToken {
    // Why there is no token; the application may translate its own text from it.
    enum class Error {
        None,
        Unreadable,   // cannot open/read the file
        Empty,        // the first line is empty
        Invalid,      // characters that cannot be in an Authorization header
        UnsafeFile,   // not a regular file, or owned by another user
        CannotCreate, // cannot make the data folder or the file
    };

    std::string token;
    QString path;         // the file the token comes from
    bool created = false; // made on this start
    Error error = Error::None;
    QString errorString; // English, with the path and the system's reason
    QString warning;     // e.g. permissions tightened; empty when none

    bool ok() const { return error == Error::None; }
};

// Named tokens for more clients (--api-tokens FILE): one per line, "NAME ROLE TOKEN", where NAME is
// 1-32 of [A-Za-z0-9._-] (shown in the event log), ROLE is "operator" or "viewer" (read only), and
// TOKEN at least 16 visible ASCII characters; blank lines and lines starting with # are skipped.
// The file must be a regular file of at most 64 KiB; the whole file is refused on any bad line.
struct ApiTokenList {
    std::vector<Credential> credentials;
    QString errorString; // English, with the path and the line; empty when the file is good
    QString warning;     // e.g. readable by other users

    bool ok() const { return errorString.isEmpty(); }
};
ApiTokenList readApiTokenList(const QString& path);

// The first line of `path`, without surrounding whitespace (and CR).
ApiToken readApiTokenFile(const QString& path);

// DIR/api-token: read it (tightening its mode if needed), or make a new random token (32 bytes of
// OpenSSL RAND_bytes, as 64 hex digits) there. Creates DIR (0700) if missing.
ApiToken loadOrCreateApiToken(const QString& dataDir);

// The console's rule: the token file when one is given, else the kept one in dataDir.
ApiToken loadApiToken(const QString& tokenFile, const QString& dataDir);

// The name of the kept file inside the data folder.
inline constexpr const char* kApiTokenFileName = "api-token";

} // namespace hntt::api
