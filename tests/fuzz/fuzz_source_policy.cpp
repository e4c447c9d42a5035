// A site's source URL against the source policy (app/core/sources/source_policy.cpp): whatever the
// text, the policy answers, and what it lets through has an allowed scheme, names no local file
// outside the media folder, and, without local sources allowed, no loopback target.
#include "core/sources/source_policy.h"
#include "fuzz_check.h"

#include <QDir>
#include <QString>
#include <cstddef>
#include <cstdint>

using hntt::core::checkSource;
using hntt::core::SourcePolicy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString url = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // A media folder that exists everywhere; nothing in it is a regular file a URL could name
    // by accident of the fuzzer's choice except what /tmp holds.
    static const SourcePolicy strict{QDir::tempPath(), false};
    static const SourcePolicy open{QString(), true};
    const auto verdict = checkSource(url, strict);
    if (verdict.ok() && !url.isEmpty()) {
        const QString lower = url.toLower();
        const bool known =
            lower.startsWith(QLatin1String("srt://")) || lower.startsWith(QLatin1String("rtsp://")) ||
            lower.startsWith(QLatin1String("rtsps://")) || lower.startsWith(QLatin1String("rtmp://")) ||
            lower.startsWith(QLatin1String("rtmps://")) || lower.startsWith(QLatin1String("udp://")) ||
            lower.startsWith(QLatin1String("rtp://")) || lower.startsWith(QLatin1String("test:")) ||
            lower.startsWith(QLatin1String("file:")) || url.startsWith(QLatin1Char('/'));
        HNTT_FUZZ_CHECK(known);
        // The plainest spellings of a pull from this machine never pass.
        for (const char* scheme : {"rtsp://", "rtmp://"})
            for (const char* host :
                 {"127.0.0.1/", "127.0.0.1:", "localhost/", "localhost:", "[::1]/", "[::1]:"})
                HNTT_FUZZ_CHECK(!lower.startsWith(QLatin1String(scheme) + QLatin1String(host)));
        for (const QChar c : url)
            HNTT_FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() != 0x7f);
    }
    if (!verdict.ok())
        HNTT_FUZZ_CHECK(!verdict.error().message.isEmpty());
    // Without a media folder no file passes, whatever else is allowed.
    const auto lenient = checkSource(url, open);
    if (lenient.ok() && !url.isEmpty())
        HNTT_FUZZ_CHECK(!url.startsWith(QLatin1Char('/')) &&
                        !url.toLower().startsWith(QLatin1String("file:")));
    return 0;
}
