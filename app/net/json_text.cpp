#include "net/json_text.h"

namespace hntt::net {

namespace {

// The value of the four hex digits at `at`, or -1.
long hex4(std::string_view s, std::size_t at) {
    if (at + 4 > s.size())
        return -1;
    long v = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const char c = s[i];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

bool isHigh(long u) {
    return u >= 0xD800 && u <= 0xDBFF;
}
bool isLow(long u) {
    return u >= 0xDC00 && u <= 0xDFFF;
}

} // namespace

std::optional<std::size_t> loneSurrogateEscape(std::string_view s) {
    bool inString = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '"') {
            inString = false;
        } else if (c == '\\' && i + 1 < s.size()) {
            if (s[i + 1] != 'u') {
                ++i; // a one-character escape, such as a quote or a backslash
                continue;
            }
            const long u = hex4(s, i + 2);
            if (isLow(u))
                return i;
            if (isHigh(u)) {
                const bool pairFollows =
                    i + 12 <= s.size() && s.compare(i + 6, 2, "\\u") == 0 && isLow(hex4(s, i + 8));
                if (!pairFollows)
                    return i;
                i += 11; // both halves
                continue;
            }
            if (u >= 0)
                i += 5;
        }
    }
    return std::nullopt;
}

} // namespace hntt::net
