// The join page's request target (app/web/https_target.cpp): path segments below "/" and query,
// percent-decoded. A target that parses has no NUL, control character, encoded slash or dot
// segment, and its path is its segments joined.
#include "fuzz_check.h"
#include "web/https_target.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using hntt::fuzz::isUtf8;

namespace {

bool hasControl(std::string_view s) {
    for (const char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const auto t = hntt::web::detail::parseTarget(in);
    if (!t.error.empty())
        return 0;
    std::string joined = "/";
    for (std::size_t i = 0; i < t.segments.size(); ++i) {
        const std::string& seg = t.segments[i];
        HNTT_FUZZ_CHECK(seg.find('/') == std::string::npos && !hasControl(seg));
        HNTT_FUZZ_CHECK(seg != "." && seg != "..");
        HNTT_FUZZ_CHECK(isUtf8(seg));
        joined += (i > 0 ? "/" : "") + seg;
    }
    HNTT_FUZZ_CHECK(t.path == joined);
    for (const auto& [key, value] : t.query) {
        HNTT_FUZZ_CHECK(isUtf8(key) && isUtf8(value));
        HNTT_FUZZ_CHECK(key.find('\0') == std::string::npos && value.find('\0') == std::string::npos);
    }
    return 0;
}
