// The request target of the join page's transport, decoded and checked before the handler sees it:
// the path split into percent-decoded segments below "/", the query into keys and values. No Boost
// here, so the rules can be read apart from the server.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hntt::web::detail {

struct Target {
    std::string error; // empty when the target is well-formed
    std::string path;  // decoded, without the query
    std::vector<std::string> segments;
    std::map<std::string, std::string> query;
};

// An origin-form target ("/join/abc/info?x=1"). Anything else (absolute-form, "*"), malformed
// escapes, invalid UTF-8, NULs, control characters, encoded slashes and dot segments make it
// malformed (Target::error).
Target parseTarget(std::string_view target);

} // namespace hntt::web::detail
