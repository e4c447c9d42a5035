// What the console reads itself from a SIP peer's text (Sofia-SIP parses the messages): an INFO's
// kind from its Content-Type and body (sipua/src/info_kind.cpp), and in the call manager
// (app/core/calls/sip_text.cpp) the key a From address is matched by, the host of an address and
// the key of a DTMF INFO body. The input's first line is the Content-Type, the rest the body; the
// whole input is also taken as an address.
#include "core/calls/sip_text.h"
#include "fuzz_check.h"
#include "hntt/sip/sip_agent.h"

#include <QString>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace core = hntt::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = in.find('\n');
    const std::string_view contentType = in.substr(0, newline);
    const std::string_view body =
        newline == std::string_view::npos ? std::string_view() : in.substr(newline + 1);
    const hntt::sip::InfoKind kind = hntt::sip::infoKindOf(contentType, body);
    if (kind == hntt::sip::InfoKind::PictureFastUpdate)
        HNTT_FUZZ_CHECK(body.find("picture_fast_update") != std::string_view::npos);

    const QString bodyText = QString::fromUtf8(body.data(), static_cast<qsizetype>(body.size()));
    if (const auto key = core::dtmfKeyOf(bodyText))
        HNTT_FUZZ_CHECK(QStringLiteral("0123456789*#ABCD").contains(*key));

    const QString uri = QString::fromUtf8(in.data(), static_cast<qsizetype>(in.size()));
    const QString key = core::sipMatchKey(uri);
    if (key.isEmpty())
        return 0;
    // A key is its own key: a stored address and a caller's are compared by their keys. For
    // addresses as a URI can be (RFC 3261: no unescaped spaces or controls), which is what Sofia
    // hands over and what the store keeps; trimming makes other text a key of another shape.
    const bool uriText = std::none_of(
        uri.begin(), uri.end(), [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; });
    if (uriText)
        HNTT_FUZZ_CHECK(core::sipMatchKey(key) == key);
    // The host is the end of the key (brackets of an IPv6 literal aside), never the scheme.
    QString unbracketed = key;
    unbracketed.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    const QString host = QString::fromStdString(core::sipHostOf(uri));
    HNTT_FUZZ_CHECK(unbracketed.endsWith(host));
    HNTT_FUZZ_CHECK(unbracketed.size() - host.size() > unbracketed.indexOf(QLatin1Char(':')));
    return 0;
}
