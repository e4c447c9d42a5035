// Why an engine call failed. Every fallible Engine call returns false (or nullopt) and fills one
// of these when given; none throws.
#pragma once

#include <string>

namespace hntt::engine {

struct EngineError {
    enum class Kind {
        Invalid,  // the request is wrong: a bad URL, an unknown layout or site, a second recording
        Internal, // the engine failed: an encoder that cannot open, a muxer or thread that fails
        Exists,   // a recording's file is there already: the engine never writes over one
    };
    Kind kind = Kind::Internal;
    std::string message; // English, for logs and for the operator
};

} // namespace hntt::engine
