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
    double durationSeconds = 0;       // media time written: the longest stream in the output
    // Pictures handed to the output but not yet written: a stalled disk or a starved writer.
    double lagSeconds = 0;
    // Recording only: how far its isolated tracks trail the clock, and the most time that one
    // track had to skip because its encoder could not keep up (the track then has a gap).
    double isolatedLagSeconds = 0;
    double isolatedGapSeconds = 0;
    std::string error;
};

} // namespace hntt::engine
