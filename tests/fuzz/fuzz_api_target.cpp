// The control API's request target (app/api/http_target.cpp): path segments and query, percent-
// decoded. Whatever arrives, a target that parses keeps the promises the router relies on.
#include "api/http_target.h"
#include "fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using hntt::fuzz::isUtf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const auto t = hntt::api::detail::parseTarget(in);
    if (t.error.empty()) {
        HNTT_FUZZ_CHECK(!t.path.empty() && t.path.front() == '/');
        HNTT_FUZZ_CHECK(isUtf8(t.path));
        for (const std::string& seg : t.segments) {
            HNTT_FUZZ_CHECK(seg.find('/') == std::string::npos && seg.find('\0') == std::string::npos);
            HNTT_FUZZ_CHECK(seg != "." && seg != "..");
            HNTT_FUZZ_CHECK(isUtf8(seg));
        }
        HNTT_FUZZ_CHECK(t.underApi || t.segments.empty());
        for (const auto& [key, value] : t.query)
            HNTT_FUZZ_CHECK(isUtf8(key) && isUtf8(value));
    }
    // The decoder alone, as the query uses it and as the path does.
    for (const bool plus : {false, true}) {
        const auto decoded = hntt::api::detail::percentDecode(in, plus);
        if (decoded) {
            HNTT_FUZZ_CHECK(isUtf8(*decoded));
            HNTT_FUZZ_CHECK(decoded->size() <= in.size());
        }
    }
    return 0;
}
