#include "hntt/sdp/sdp.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <limits>

namespace hntt::sdp {

namespace {

// The reason a line is refused; the parser adds the line number.
struct LineError {
    std::string message;
};

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::vector<std::string_view> splitSpaces(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ')
            ++i;
        if (i > start)
            out.push_back(s.substr(start, i - start));
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string_view trimEnd(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::optional<std::uint64_t> parseUnsigned(std::string_view s, std::uint64_t max) {
    if (s.empty() || s.size() > 20)
        return std::nullopt;
    std::uint64_t v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || v > max)
        return std::nullopt;
    return v;
}

// RFC 8866 token characters (attribute names, media types, encoding names, rtcp-fb ids).
bool isToken(std::string_view s) {
    if (s.empty())
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
        return std::string_view("\"(),/:;<=>?@[\\]{}").find(c) == std::string_view::npos;
    });
}

std::string quoted(std::string_view s) {
    constexpr std::size_t kShown = 40;
    std::string out = "'";
    out += s.substr(0, kShown);
    if (s.size() > kShown)
        out += "...";
    out += "'";
    return out;
}

// A strict UTF-8 check (no overlong forms, no surrogates, nothing past U+10FFFF); returns the
// offset of the first bad byte, or npos.
std::size_t firstInvalidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if ((c & 0xe0) == 0xc0) {
            extra = 1, min = 0x80, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2, min = 0x800, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return i;
        }
        if (i + static_cast<std::size_t>(extra) >= s.size())
            return i;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xc0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return std::string_view::npos;
}

std::optional<AddressType> parseAddressType(std::string_view s) {
    if (s == "IP4")
        return AddressType::IP4;
    if (s == "IP6")
        return AddressType::IP6;
    return std::nullopt;
}

std::string_view addressTypeName(AddressType t) {
    return t == AddressType::IP4 ? "IP4" : "IP6";
}

bool isHostName(std::string_view s) {
    return !s.empty() && s.size() <= 253 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '.';
    });
}

// An address of the given type: a literal of that family or a host name.
bool validAddress(AddressType type, std::string_view a) {
    if (type == AddressType::IP4) {
        const bool digitsAndDots =
            std::all_of(a.begin(), a.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
        return digitsAndDots ? isIp4Literal(a) : isHostName(a);
    }
    return isIp6Literal(a) || isHostName(a);
}

// "IN IP4 192.0.2.1[/ttl[/n]]"
Connection parseConnection(std::string_view value, std::string_view what) {
    const auto t = splitSpaces(value);
    if (t.size() != 3)
        throw LineError{std::string(what) + " needs 'IN <IP4|IP6> <address>', got " + quoted(value)};
    if (t[0] != "IN")
        throw LineError{std::string(what) + ": network type " + quoted(t[0]) + " is not IN"};
    const auto type = parseAddressType(t[1]);
    if (!type)
        throw LineError{std::string(what) + ": address type " + quoted(t[1]) + " is not IP4 or IP6"};
    Connection c;
    c.addressType = *type;
    std::string_view addr = t[2];
    if (const auto slash = addr.find('/'); slash != std::string_view::npos) {
        c.suffix = std::string(addr.substr(slash));
        addr = addr.substr(0, slash);
        const auto parts = c.suffix.substr(1);
        for (std::size_t p = 0, q; p <= parts.size(); p = q + 1) {
            q = parts.find('/', p);
            if (q == std::string::npos)
                q = parts.size();
            if (!parseUnsigned(std::string_view(parts).substr(p, q - p), 65535))
                throw LineError{std::string(what) + ": bad TTL or count in " + quoted(t[2])};
        }
    }
    if (!validAddress(c.addressType, addr))
        throw LineError{std::string(what) + ": " + quoted(addr) + " is not an " +
                        std::string(addressTypeName(c.addressType)) + " address"};
    c.address = std::string(addr);
    return c;
}

std::string connectionText(const Connection& c) {
    return "IN " + std::string(addressTypeName(c.addressType)) + " " + c.address + c.suffix;
}

int parsePayloadType(std::string_view s, std::string_view what) {
    const auto v = parseUnsigned(s, 127);
    if (!v)
        throw LineError{std::string(what) + ": payload type " + quoted(s) + " is not a number from 0 to 127"};
    return static_cast<int>(*v);
}

Bandwidth parseBandwidth(std::string_view value) {
    const auto colon = value.find(':');
    if (colon == std::string_view::npos || colon == 0)
        throw LineError{"b= needs '<type>:<value>', got " + quoted(value)};
    const auto type = value.substr(0, colon);
    if (!isToken(type))
        throw LineError{"b=: bandwidth type " + quoted(type) + " is not a token"};
    const auto v = parseUnsigned(value.substr(colon + 1), 1'000'000'000'000ULL);
    if (!v)
        throw LineError{"b=" + std::string(type) + ": " + quoted(value.substr(colon + 1)) +
                        " is not a non-negative number"};
    return Bandwidth{std::string(type), *v};
}

std::optional<Direction> directionFromName(std::string_view n) {
    if (n == "sendrecv")
        return Direction::SendRecv;
    if (n == "sendonly")
        return Direction::SendOnly;
    if (n == "recvonly")
        return Direction::RecvOnly;
    if (n == "inactive")
        return Direction::Inactive;
    return std::nullopt;
}

// a=ptime:20 or a=ptime:20.0 (some room systems write a fraction): milliseconds, rounded.
int parseMilliseconds(std::string_view v, std::string_view what) {
    std::string_view whole = v;
    std::string_view fraction;
    if (const auto dot = v.find('.'); dot != std::string_view::npos) {
        whole = v.substr(0, dot);
        fraction = v.substr(dot + 1);
    }
    const auto w = parseUnsigned(whole, 10000);
    const bool fractionOk =
        std::all_of(fraction.begin(), fraction.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        fraction.size() <= 6;
    if (!w || !fractionOk || *w == 0)
        throw LineError{std::string(what) + ": " + quoted(v) + " is not a positive number of milliseconds"};
    int ms = static_cast<int>(*w);
    if (!fraction.empty() && fraction[0] >= '5')
        ++ms;
    return ms;
}

struct MediaParser {
    MediaDescription& m;

    void attribute(std::string_view name, std::optional<std::string_view> value) {
        const bool rtp = m.isRtp();
        const std::string what = "a=" + std::string(name);
        auto need = [&]() -> std::string_view {
            if (!value || value->empty())
                throw LineError{what + " needs a value"};
            return *value;
        };
        if (rtp && name == "rtpmap") {
            const auto v = need();
            const auto sp = v.find(' ');
            if (sp == std::string_view::npos)
                throw LineError{what + " needs '<payload type> <encoding>/<clock rate>', got " + quoted(v)};
            RtpMap r;
            r.payloadType = parsePayloadType(v.substr(0, sp), what);
            const auto enc = trim(v.substr(sp + 1));
            const auto s1 = enc.find('/');
            if (s1 == std::string_view::npos)
                throw LineError{what + ": " + quoted(enc) + " has no clock rate"};
            const auto name1 = enc.substr(0, s1);
            if (!isToken(name1))
                throw LineError{what + ": encoding name " + quoted(name1) + " is not a token"};
            r.encoding = std::string(name1);
            auto rest = enc.substr(s1 + 1);
            std::string_view channels;
            if (const auto s2 = rest.find('/'); s2 != std::string_view::npos) {
                channels = rest.substr(s2 + 1);
                rest = rest.substr(0, s2);
            }
            const auto clock = parseUnsigned(rest, 10'000'000);
            if (!clock || *clock == 0)
                throw LineError{what + ": clock rate " + quoted(rest) + " is not a positive number"};
            r.clockRate = static_cast<int>(*clock);
            if (!channels.empty() || enc.find('/', s1 + 1) != std::string_view::npos) {
                const auto ch = parseUnsigned(channels, 255);
                if (!ch || *ch == 0)
                    throw LineError{what + ": channel count " + quoted(channels) +
                                    " is not a positive number"};
                r.channels = static_cast<int>(*ch);
            }
            if (m.rtpmap(r.payloadType))
                throw LineError{what + ": payload type " + std::to_string(r.payloadType) +
                                " is mapped twice"};
            m.rtpmaps.push_back(std::move(r));
        } else if (rtp && name == "fmtp") {
            const auto v = need();
            const auto sp = v.find(' ');
            Fmtp f;
            f.payloadType = parsePayloadType(v.substr(0, sp), what);
            f.parameters = sp == std::string_view::npos ? std::string() : std::string(trim(v.substr(sp + 1)));
            m.fmtps.push_back(std::move(f));
        } else if (rtp && name == "rtcp-fb") {
            const auto t = splitSpaces(need());
            if (t.size() < 2 || t.size() > 3)
                throw LineError{what + " needs '<payload type|*> <type> [<parameter>]', got " +
                                quoted(*value)};
            RtcpFb fb;
            fb.payloadType = t[0] == "*" ? -1 : parsePayloadType(t[0], what);
            if (!isToken(t[1]))
                throw LineError{what + ": " + quoted(t[1]) + " is not a feedback type"};
            fb.type = std::string(t[1]);
            if (t.size() == 3)
                fb.parameter = std::string(t[2]);
            m.rtcpFbs.push_back(std::move(fb));
        } else if (name == "ptime") {
            if (m.ptime)
                throw LineError{"a=ptime appears twice"};
            m.ptime = parseMilliseconds(need(), what);
        } else if (name == "maxptime") {
            if (m.maxptime)
                throw LineError{"a=maxptime appears twice"};
            m.maxptime = parseMilliseconds(need(), what);
        } else if (name == "rtcp") {
            const auto v = need();
            const auto sp = v.find(' ');
            const auto port = parseUnsigned(v.substr(0, sp), 65535);
            if (!port)
                throw LineError{what + ": port " + quoted(v.substr(0, sp)) +
                                " is not a number from 0 to 65535"};
            RtcpAttribute r;
            r.port = static_cast<std::uint16_t>(*port);
            if (sp != std::string_view::npos)
                r.connection = parseConnection(v.substr(sp + 1), what);
            m.rtcp = std::move(r);
        } else if (name == "rtcp-mux") {
            m.rtcpMux = true;
        } else if (const auto d = directionFromName(name)) {
            if (m.direction)
                throw LineError{"a second direction attribute (a=" + std::string(name) +
                                ") in the m=" + m.media + " section"};
            m.direction = *d;
        } else if (name == "content") {
            m.content = std::string(need());
        } else if (name == "label") {
            m.label = std::string(need());
        } else {
            m.attributes.push_back(
                Attribute{std::string(name), value ? std::optional<std::string>(*value) : std::nullopt});
        }
    }
};

MediaDescription parseMediaLine(std::string_view value) {
    const auto t = splitSpaces(value);
    if (t.size() < 4)
        throw LineError{"m= needs '<media> <port> <proto> <format>...', got " + quoted(value)};
    MediaDescription m;
    if (!isToken(t[0]))
        throw LineError{"m=: media type " + quoted(t[0]) + " is not a token"};
    m.media = std::string(t[0]);
    std::string_view portText = t[1];
    if (const auto slash = portText.find('/'); slash != std::string_view::npos) {
        const auto count = parseUnsigned(portText.substr(slash + 1), 65535);
        if (!count || *count == 0)
            throw LineError{"m=" + m.media + ": port count " + quoted(portText.substr(slash + 1)) +
                            " is not a positive number"};
        m.portCount = static_cast<int>(*count);
        portText = portText.substr(0, slash);
    }
    const auto port = parseUnsigned(portText, 65535);
    if (!port)
        throw LineError{"m=" + m.media + ": port " + quoted(portText) + " is not a number from 0 to 65535"};
    m.port = static_cast<std::uint16_t>(*port);
    for (char c : t[2]) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '.'))
            throw LineError{"m=" + m.media + ": transport " + quoted(t[2]) + " is malformed"};
    }
    m.proto = std::string(t[2]);
    const std::string what = "m=" + m.media;
    for (std::size_t i = 3; i < t.size(); ++i) {
        if (m.isRtp())
            parsePayloadType(t[i], what);
        else if (!isToken(t[i]))
            throw LineError{what + ": format " + quoted(t[i]) + " is not a token"};
        m.formats.emplace_back(t[i]);
    }
    return m;
}

// Payload-type attributes in the order of the m= line, then unlisted types by number, then "*":
// the order the writer groups them in, so that parse(write(x)) == x whatever order they came in.
void orderByFormat(MediaDescription& m) {
    const auto pts = m.payloadTypes();
    auto rank = [&](int pt) -> std::size_t {
        if (pt < 0)
            return std::numeric_limits<std::size_t>::max();
        const auto listed = std::find(pts.begin(), pts.end(), pt);
        if (listed != pts.end())
            return static_cast<std::size_t>(listed - pts.begin());
        return pts.size() + static_cast<std::size_t>(pt);
    };
    std::stable_sort(m.rtpmaps.begin(), m.rtpmaps.end(), [&](const RtpMap& a, const RtpMap& b) {
        return rank(a.payloadType) < rank(b.payloadType);
    });
    std::stable_sort(m.fmtps.begin(), m.fmtps.end(),
                     [&](const Fmtp& a, const Fmtp& b) { return rank(a.payloadType) < rank(b.payloadType); });
    std::stable_sort(m.rtcpFbs.begin(), m.rtcpFbs.end(), [&](const RtcpFb& a, const RtcpFb& b) {
        return rank(a.payloadType) < rank(b.payloadType);
    });
}

Origin parseOrigin(std::string_view value) {
    const auto t = splitSpaces(value);
    if (t.size() != 6)
        throw LineError{"o= needs '<username> <session id> <version> IN <IP4|IP6> <address>', got " +
                        quoted(value)};
    Origin o;
    o.username = std::string(t[0]);
    const auto id = parseUnsigned(t[1], UINT64_MAX);
    if (!id)
        throw LineError{"o=: session id " + quoted(t[1]) + " is not a number"};
    const auto version = parseUnsigned(t[2], UINT64_MAX);
    if (!version)
        throw LineError{"o=: session version " + quoted(t[2]) + " is not a number"};
    o.sessionId = *id;
    o.sessionVersion = *version;
    if (t[3] != "IN")
        throw LineError{"o=: network type " + quoted(t[3]) + " is not IN"};
    const auto type = parseAddressType(t[4]);
    if (!type)
        throw LineError{"o=: address type " + quoted(t[4]) + " is not IP4 or IP6"};
    o.addressType = *type;
    if (!validAddress(*type, t[5]))
        throw LineError{"o=: " + quoted(t[5]) + " is not an " + std::string(t[4]) + " address"};
    o.address = std::string(t[5]);
    return o;
}

std::pair<std::string_view, std::optional<std::string_view>> splitAttribute(std::string_view value) {
    const auto colon = value.find(':');
    const auto name = value.substr(0, colon);
    if (!isToken(name))
        throw LineError{"a=: attribute name " + quoted(name) + " is not a token"};
    if (colon == std::string_view::npos)
        return {name, std::nullopt};
    return {name, value.substr(colon + 1)};
}

ParseResult fail(int line, std::string message) {
    ParseResult r;
    r.line = line;
    r.error = line > 0 ? "line " + std::to_string(line) + ": " + message : std::move(message);
    return r;
}

} // namespace

std::string_view toString(Direction d) {
    switch (d) {
    case Direction::SendRecv:
        return "sendrecv";
    case Direction::SendOnly:
        return "sendonly";
    case Direction::RecvOnly:
        return "recvonly";
    case Direction::Inactive:
        return "inactive";
    }
    return "sendrecv";
}

bool sends(Direction d) {
    return d == Direction::SendRecv || d == Direction::SendOnly;
}
bool receives(Direction d) {
    return d == Direction::SendRecv || d == Direction::RecvOnly;
}
Direction makeDirection(bool send, bool receive) {
    if (send && receive)
        return Direction::SendRecv;
    if (send)
        return Direction::SendOnly;
    if (receive)
        return Direction::RecvOnly;
    return Direction::Inactive;
}
Direction reversed(Direction d) {
    return makeDirection(receives(d), sends(d));
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// inet_pton accepts exactly the literal forms (dotted quad; RFC 4291 text), nothing looser.
bool isIp4Literal(std::string_view s) {
    if (s.empty() || s.size() > 15)
        return false;
    const std::string z(s);
    in_addr a{};
    return inet_pton(AF_INET, z.c_str(), &a) == 1;
}

bool isIp6Literal(std::string_view s) {
    if (s.empty() || s.size() > 45)
        return false;
    const std::string z(s);
    in6_addr a{};
    return inet_pton(AF_INET6, z.c_str(), &a) == 1;
}

bool MediaDescription::isRtp() const {
    return proto == "RTP/AVP" || proto == "RTP/AVPF" || proto == "RTP/SAVP" || proto == "RTP/SAVPF" ||
           proto == "UDP/TLS/RTP/SAVP" || proto == "UDP/TLS/RTP/SAVPF";
}

bool MediaDescription::isSecure() const {
    return isRtp() && proto.find("SAVP") != std::string::npos;
}

std::vector<int> MediaDescription::payloadTypes() const {
    std::vector<int> out;
    if (!isRtp())
        return out;
    for (const auto& f : formats) {
        if (const auto v = parseUnsigned(f, 127))
            out.push_back(static_cast<int>(*v));
    }
    return out;
}

const RtpMap* MediaDescription::rtpmap(int payloadType) const {
    const auto it = std::find_if(rtpmaps.begin(), rtpmaps.end(),
                                 [&](const RtpMap& r) { return r.payloadType == payloadType; });
    return it == rtpmaps.end() ? nullptr : &*it;
}

const Fmtp* MediaDescription::fmtp(int payloadType) const {
    const auto it =
        std::find_if(fmtps.begin(), fmtps.end(), [&](const Fmtp& f) { return f.payloadType == payloadType; });
    return it == fmtps.end() ? nullptr : &*it;
}

namespace {
std::optional<std::uint64_t> findBandwidth(const std::vector<Bandwidth>& bs, std::string_view type) {
    for (const auto& b : bs) {
        if (equalsIgnoreCase(b.type, type))
            return b.value;
    }
    return std::nullopt;
}
} // namespace

std::optional<std::uint64_t> MediaDescription::bandwidth(std::string_view type) const {
    return findBandwidth(bandwidths, type);
}

std::optional<std::uint64_t> SessionDescription::bandwidth(std::string_view type) const {
    return findBandwidth(bandwidths, type);
}

Direction SessionDescription::directionOf(const MediaDescription& m) const {
    return m.direction.value_or(direction.value_or(Direction::SendRecv));
}

const Connection* SessionDescription::connectionOf(const MediaDescription& m) const {
    if (m.connection)
        return &*m.connection;
    return connection ? &*connection : nullptr;
}

std::vector<std::pair<std::string, std::string>> fmtpParameters(std::string_view parameters) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t p = 0;
    while (p <= parameters.size()) {
        auto q = parameters.find(';', p);
        if (q == std::string_view::npos)
            q = parameters.size();
        const auto item = trim(parameters.substr(p, q - p));
        if (!item.empty()) {
            const auto eq = item.find('=');
            if (eq == std::string_view::npos)
                out.emplace_back(std::string(item), std::string());
            else
                out.emplace_back(std::string(trim(item.substr(0, eq))),
                                 std::string(trim(item.substr(eq + 1))));
        }
        p = q + 1;
    }
    return out;
}

std::optional<std::string> fmtpParameter(std::string_view parameters, std::string_view name) {
    for (auto& [k, v] : fmtpParameters(parameters)) {
        if (equalsIgnoreCase(k, name))
            return v;
    }
    return std::nullopt;
}

ParseResult parse(std::string_view text) {
    if (text.empty())
        return fail(0, "the description is empty");
    if (text.size() > kMaxSdpBytes)
        return fail(0, "the description is " + std::to_string(text.size()) + " bytes long, more than the " +
                           std::to_string(kMaxSdpBytes) + " accepted");

    // Lines end in CRLF (or LF alone, which RFC 8866 asks parsers to accept); blank lines only at
    // the very end.
    std::vector<std::string_view> lines;
    {
        std::size_t p = 0;
        while (p < text.size()) {
            auto q = text.find('\n', p);
            if (q == std::string_view::npos)
                q = text.size();
            auto line = text.substr(p, q - p);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            lines.push_back(line);
            p = q + 1;
        }
        while (!lines.empty() && lines.back().empty())
            lines.pop_back();
    }
    if (lines.empty())
        return fail(0, "the description has no lines");

    SessionDescription sdp;
    sdp.timeLines.clear();
    MediaDescription* media = nullptr;
    bool sawSessionName = false;
    int lineNo = 0;
    try {
        for (const auto line : lines) {
            ++lineNo;
            if (line.size() > kMaxLineBytes)
                throw LineError{"the line is " + std::to_string(line.size()) + " bytes long, more than the " +
                                std::to_string(kMaxLineBytes) + " accepted"};
            if (const auto bad = firstInvalidUtf8(line); bad != std::string_view::npos)
                throw LineError{"byte " + std::to_string(bad + 1) + " is not valid UTF-8"};
            for (std::size_t i = 0; i < line.size(); ++i) {
                const auto c = static_cast<unsigned char>(line[i]);
                if ((c < 0x20 && c != '\t') || c == 0x7f)
                    throw LineError{"byte " + std::to_string(i + 1) + " is a control character (0x" +
                                    std::string(1, "0123456789abcdef"[c >> 4]) +
                                    std::string(1, "0123456789abcdef"[c & 15]) + ")"};
            }
            if (line.empty())
                throw LineError{"an empty line inside the description"};
            if (line.size() < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
                throw LineError{"not a '<letter>=<value>' line: " + quoted(line)};
            const char type = line[0];
            // Trailing blanks some room systems leave are not part of the value (s= keeps its
            // value as written: "s= " is the customary empty name).
            const auto value = type == 's' ? line.substr(2) : trimEnd(line.substr(2));

            if (lineNo == 1) {
                if (type != 'v')
                    throw LineError{"the description does not start with v=0"};
                if (value != "0")
                    throw LineError{"version " + quoted(value) + " is not 0"};
                continue;
            }
            if (lineNo == 2) {
                if (type != 'o')
                    throw LineError{"the second line is not the origin (o=)"};
                sdp.origin = parseOrigin(value);
                continue;
            }
            switch (type) {
            case 'v':
                throw LineError{"a second v= line"};
            case 'o':
                throw LineError{"a second o= line"};
            case 's':
                if (media || sawSessionName)
                    throw LineError{"s= out of place"};
                sawSessionName = true;
                sdp.sessionName = std::string(value);
                break;
            case 'i':
                if (media) {
                    media->title = std::string(value);
                    break;
                }
                [[fallthrough]];
            case 'u':
            case 'e':
            case 'p':
                if (media)
                    throw LineError{std::string(1, type) + "= inside the m=" + media->media + " section"};
                sdp.information.emplace_back(type, std::string(value));
                break;
            case 'c':
                if (media) {
                    if (media->connection)
                        throw LineError{"a second c= line in the m=" + media->media + " section"};
                    media->connection = parseConnection(value, "c=");
                } else {
                    if (sdp.connection)
                        throw LineError{"a second session-level c= line"};
                    sdp.connection = parseConnection(value, "c=");
                }
                break;
            case 'b':
                (media ? media->bandwidths : sdp.bandwidths).push_back(parseBandwidth(value));
                break;
            case 't':
            case 'r':
            case 'z':
                if (media)
                    throw LineError{std::string(1, type) + "= inside the m=" + media->media + " section"};
                if (type != 't' && sdp.timeLines.empty())
                    throw LineError{std::string(1, type) + "= before any t= line"};
                if (type == 't') {
                    const auto t = splitSpaces(value);
                    if (t.size() != 2 || !parseUnsigned(t[0], UINT64_MAX) || !parseUnsigned(t[1], UINT64_MAX))
                        throw LineError{"t= needs '<start> <stop>', got " + quoted(value)};
                }
                sdp.timeLines.push_back(std::string(1, type) + "=" + std::string(value));
                break;
            case 'k':
                (media ? media->keyLines : sdp.keyLines).emplace_back(value);
                break;
            case 'a': {
                const auto [name, attrValue] = splitAttribute(value);
                if (media) {
                    MediaParser{*media}.attribute(name, attrValue);
                } else if (const auto d = directionFromName(name)) {
                    if (sdp.direction)
                        throw LineError{"a second session-level direction attribute (a=" + std::string(name) +
                                        ")"};
                    sdp.direction = *d;
                } else {
                    sdp.attributes.push_back(
                        Attribute{std::string(name),
                                  attrValue ? std::optional<std::string>(*attrValue) : std::nullopt});
                }
                break;
            }
            case 'm':
                if (!sawSessionName)
                    throw LineError{"m= before the session name (s=)"};
                if (sdp.timeLines.empty())
                    throw LineError{"m= before the timing (t=)"};
                sdp.media.push_back(parseMediaLine(value));
                media = &sdp.media.back();
                break;
            default:
                throw LineError{"unknown line type '" + std::string(1, type) + "='"};
            }
        }
    } catch (const LineError& e) {
        return fail(lineNo, e.message);
    }
    if (lines.size() < 2)
        return fail(0, "the description has no origin (o=) line");
    if (!sawSessionName)
        return fail(0, "the description has no session name (s=) line");
    if (sdp.timeLines.empty())
        return fail(0, "the description has no timing (t=) line");
    if (sdp.media.empty())
        return fail(0, "the description has no media (m=) section");
    for (std::size_t i = 0; i < sdp.media.size(); ++i) {
        auto& m = sdp.media[i];
        if (m.port != 0 && !sdp.connectionOf(m))
            return fail(0, "m=" + m.media + " (media section " + std::to_string(i + 1) +
                               ") has no connection address (c=), nor does the session");
        orderByFormat(m);
    }
    ParseResult r;
    r.description = std::move(sdp);
    return r;
}

namespace {

void writeLine(std::string& out, char type, std::string_view value) {
    out += type;
    out += '=';
    out += value;
    out += "\r\n";
}

void writeAttribute(std::string& out, std::string_view name, std::optional<std::string_view> value) {
    out += "a=";
    out += name;
    if (value) {
        out += ':';
        out += *value;
    }
    out += "\r\n";
}

void writeMedia(std::string& out, const MediaDescription& m) {
    std::string line = m.media + " " + std::to_string(m.port);
    if (m.portCount > 0)
        line += "/" + std::to_string(m.portCount);
    line += " " + m.proto;
    for (const auto& f : m.formats)
        line += " " + f;
    writeLine(out, 'm', line);
    if (m.title)
        writeLine(out, 'i', *m.title);
    if (m.connection)
        writeLine(out, 'c', connectionText(*m.connection));
    for (const auto& b : m.bandwidths)
        writeLine(out, 'b', b.type + ":" + std::to_string(b.value));
    for (const auto& k : m.keyLines)
        writeLine(out, 'k', k);

    // rtpmap, fmtp and rtcp-fb grouped by payload type, in the order the parser keeps them.
    const auto pts = m.payloadTypes();
    auto writePt = [&](int pt) {
        for (const auto& r : m.rtpmaps) {
            if (r.payloadType != pt)
                continue;
            std::string v = std::to_string(pt) + " " + r.encoding + "/" + std::to_string(r.clockRate);
            if (r.channels > 0)
                v += "/" + std::to_string(r.channels);
            writeAttribute(out, "rtpmap", v);
        }
        for (const auto& f : m.fmtps) {
            if (f.payloadType == pt)
                writeAttribute(out, "fmtp",
                               f.parameters.empty() ? std::to_string(pt)
                                                    : std::to_string(pt) + " " + f.parameters);
        }
        for (const auto& fb : m.rtcpFbs) {
            if (fb.payloadType != pt)
                continue;
            std::string v = (pt < 0 ? std::string("*") : std::to_string(pt)) + " " + fb.type;
            if (!fb.parameter.empty())
                v += " " + fb.parameter;
            writeAttribute(out, "rtcp-fb", v);
        }
    };
    std::vector<int> written;
    for (int pt : pts) {
        if (std::find(written.begin(), written.end(), pt) == written.end()) {
            writePt(pt);
            written.push_back(pt);
        }
    }
    // Attributes for payload types the m= line does not list (kept, not ours to drop).
    std::vector<int> others;
    auto noteOther = [&](int pt) {
        if (pt >= 0 && std::find(written.begin(), written.end(), pt) == written.end() &&
            std::find(others.begin(), others.end(), pt) == others.end())
            others.push_back(pt);
    };
    for (const auto& r : m.rtpmaps)
        noteOther(r.payloadType);
    for (const auto& f : m.fmtps)
        noteOther(f.payloadType);
    for (const auto& fb : m.rtcpFbs)
        noteOther(fb.payloadType);
    std::sort(others.begin(), others.end()); // by number, as the parser orders them
    for (int pt : others)
        writePt(pt);
    writePt(-1);

    if (m.ptime)
        writeAttribute(out, "ptime", std::to_string(*m.ptime));
    if (m.maxptime)
        writeAttribute(out, "maxptime", std::to_string(*m.maxptime));
    if (m.rtcp) {
        std::string v = std::to_string(m.rtcp->port);
        if (m.rtcp->connection)
            v += " " + connectionText(*m.rtcp->connection);
        writeAttribute(out, "rtcp", v);
    }
    if (m.rtcpMux)
        writeAttribute(out, "rtcp-mux", std::nullopt);
    if (m.direction)
        writeAttribute(out, toString(*m.direction), std::nullopt);
    if (m.content)
        writeAttribute(out, "content", *m.content);
    if (m.label)
        writeAttribute(out, "label", *m.label);
    for (const auto& a : m.attributes)
        writeAttribute(out, a.name, a.value ? std::optional<std::string_view>(*a.value) : std::nullopt);
}

} // namespace

std::string write(const SessionDescription& sdp) {
    std::string out;
    out.reserve(1024);
    writeLine(out, 'v', "0");
    const auto& o = sdp.origin;
    writeLine(out, 'o',
              o.username + " " + std::to_string(o.sessionId) + " " + std::to_string(o.sessionVersion) +
                  " IN " + std::string(addressTypeName(o.addressType)) + " " + o.address);
    writeLine(out, 's', sdp.sessionName);
    for (const auto& [letter, value] : sdp.information)
        writeLine(out, letter, value);
    if (sdp.connection)
        writeLine(out, 'c', connectionText(*sdp.connection));
    for (const auto& b : sdp.bandwidths)
        writeLine(out, 'b', b.type + ":" + std::to_string(b.value));
    if (sdp.timeLines.empty())
        writeLine(out, 't', "0 0");
    for (const auto& t : sdp.timeLines) {
        out += t;
        out += "\r\n";
    }
    for (const auto& k : sdp.keyLines)
        writeLine(out, 'k', k);
    if (sdp.direction)
        writeAttribute(out, toString(*sdp.direction), std::nullopt);
    for (const auto& a : sdp.attributes)
        writeAttribute(out, a.name, a.value ? std::optional<std::string_view>(*a.value) : std::nullopt);
    for (const auto& m : sdp.media)
        writeMedia(out, m);
    return out;
}

} // namespace hntt::sdp
