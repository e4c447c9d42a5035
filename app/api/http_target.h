// The request target of the API transport, decoded and checked before anything else looks at it:
// the path split into percent-decoded segments, the query into keys and values. No Boost here, so
// the rules can be read apart from the server.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hntt::api::detail {

struct Target {
    std::string error; // empty when the target is well-formed
    std::string path;
    std::vector<std::string> segments; // below /api/v1
    std::map<std::string, std::string> query;
    bool underApi = false;
};

// An origin-form target ("/api/v1/sites/12?x=1"). Encoded slashes, NULs, dot segments, malformed
// escapes and invalid UTF-8 make it malformed (Target::error).
Target parseTarget(std::string_view target);

// Percent-decodes; '+' is a space in query components. Nothing on malformed escapes or UTF-8.
std::optional<std::string> percentDecode(std::string_view in, bool plusIsSpace);

} // namespace hntt::api::detail
