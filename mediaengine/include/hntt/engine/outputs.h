// What the engine tells about its outputs: the recording, program streams and return feeds.
#pragma once

#include <cstdint>
#include <string>

namespace hntt::engine {

enum class OutputState { Starting, Running, Retrying, Failed, Stopped };

const char* outputStateName(OutputState s);

struct OutputStats {
    OutputState state = OutputState::Starting;
    std::string url;
    double bitrateKbps = 0;
    std::uint64_t bytesWritten = 0;
    std::uint64_t packetsWritten = 0;
    std::uint64_t packetsDropped = 0; // refused because the output's queue was full
    double durationSeconds = 0;       // media time written
    std::string error;
};

} // namespace hntt::engine
