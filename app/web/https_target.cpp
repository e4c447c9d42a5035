#include "web/https_target.h"

#include <optional>

namespace hntt::web::detail {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size())
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

// Percent-decodes; '+' is a space in query components. Nothing on malformed escapes, invalid
// UTF-8 or a NUL (which would cut the string short wherever it is used as a C string).
std::optional<std::string> percentDecode(std::string_view in, bool plusIsSpace) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return std::nullopt;
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (out.find('\0') != std::string::npos || !isValidUtf8(out))
        return std::nullopt;
    return out;
}

bool hasControl(std::string_view s) {
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            return true;
    }
    return false;
}

} // namespace

Target parseTarget(std::string_view target) {
    Target t;
    if (target.empty() || target.front() != '/') {
        t.error = "The request target must be an absolute path";
        return t;
    }
    const std::size_t q = target.find('?');
    const std::string_view rawPath = target.substr(0, q);
    const std::string_view rawQuery = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);

    // "/" alone has no segments; every other path has one per slash, empty ones included.
    std::size_t pos = 1;
    while (pos <= rawPath.size() && rawPath.size() > 1) {
        const std::size_t slash = rawPath.find('/', pos);
        const std::string_view raw =
            rawPath.substr(pos, slash == std::string_view::npos ? slash : slash - pos);
        std::optional<std::string> seg = percentDecode(raw, false);
        if (!seg) {
            t.error = "Malformed percent-encoding or UTF-8 in the path";
            return t;
        }
        // An encoded '/' would make the decoded path ambiguous; dot segments have no meaning here
        // and control characters none in a path (they would only reach logs).
        if (seg->find('/') != std::string::npos || hasControl(*seg) || *seg == "." || *seg == "..") {
            t.error = "Invalid path segment";
            return t;
        }
        t.segments.push_back(std::move(*seg));
        if (slash == std::string_view::npos)
            break;
        pos = slash + 1;
    }
    t.path = "/";
    for (std::size_t i = 0; i < t.segments.size(); ++i) {
        if (i > 0)
            t.path += '/';
        t.path += t.segments[i];
    }

    pos = 0;
    while (!rawQuery.empty()) {
        const std::size_t amp = rawQuery.find('&', pos);
        const std::string_view part = rawQuery.substr(pos, amp == std::string_view::npos ? amp : amp - pos);
        if (!part.empty()) {
            const std::size_t eq = part.find('=');
            auto key = percentDecode(part.substr(0, eq), true);
            auto value =
                percentDecode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), true);
            if (!key || !value) {
                t.error = "Malformed percent-encoding or UTF-8 in the query";
                return t;
            }
            t.query[std::move(*key)] = std::move(*value);
        }
        if (amp == std::string_view::npos)
            break;
        pos = amp + 1;
    }
    return t;
}

} // namespace hntt::web::detail
