// Stream URLs can carry secrets: an RTMP stream key as the last path segment, SRT's
// "passphrase=" and "streamid=" values, a password in the user info. What the console shows and
// the API answers hides them; only the settings file keeps the full URL.
#pragma once

#include <QString>

namespace hntt::core {

// The URL with its secrets replaced by "••••", e.g. rtmp://host/app/•••• and
// srt://host:9000?passphrase=••••; a URL without secrets comes back unchanged. Idempotent.
QString maskStreamUrl(const QString& url);

// Every URL in a text (an error message, an alarm) masked as above; a URL runs from its scheme to
// the next space or quote, without trailing punctuation ("Cannot open rtmp://h/app/key: refused").
QString maskStreamUrlsIn(const QString& text);

} // namespace hntt::core
