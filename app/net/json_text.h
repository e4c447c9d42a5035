// A check JSON parsers leave out: Qt's reads a lone UTF-16 surrogate escape ("\ud800" not followed
// by a low surrogate, or a low one alone) by swallowing the character after it, so the text a
// handler sees is not the text the client sent. Bodies are checked first and refused instead.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace hntt::net {

// The offset of the first escape in a string of `json` that is half a surrogate pair, or nothing.
// Only the escapes are looked at; whether the rest is valid JSON is the parser's to say.
std::optional<std::size_t> loneSurrogateEscape(std::string_view json);

} // namespace hntt::net
