// Plain value types shared by the engine's public API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hntt::engine {

using SiteId = std::int64_t;
using OutputId = std::int64_t;
using RecordingId = std::int64_t;

// A normalised rectangle: fractions of the canvas, origin top-left.
struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Rect&) const = default;
};

// A layout is data: named slots, slot 0 first (the focus slot of focus layouts).
struct Layout {
    std::string name;
    std::vector<Rect> rects; // slot 0 first
};

// What a canvas shows: a layout and the site in each of its slots (nullopt: background).
struct Composition {
    std::string layout = "single";
    std::vector<std::optional<SiteId>> sites; // the site in each slot
    bool operator==(const Composition&) const = default;
};

enum class SourceState { Offline, Connecting, Connected, Lost };

const char* sourceStateName(SourceState s);

struct AudioLevels {
    float peakDbfs = -120.f;
    float rmsDbfs = -120.f;
};

// Everything the engine knows about one site's ingest, readable at any time.
struct SourceStats {
    SourceState state = SourceState::Offline;
    int width = 0;
    int height = 0;
    double fps = 0;
    double bitrateKbps = 0;
    std::uint64_t videoFrames = 0;
    std::uint64_t framesDropped = 0;
    std::uint64_t reconnects = 0;
    std::uint64_t audioUnderruns = 0;
    // The connection check's figures. MPEG-TS over udp/srt/tcp counts transport packets (188
    // bytes) and the ones missing from each stream's continuity counter; other inputs count
    // demuxed packets and the ones flagged corrupt or refused by the decoder.
    std::uint64_t packetsReceived = 0;
    std::uint64_t packetsLost = 0;
    double audioLatencyMs = 0; // the jitter buffer's current target (grows on underruns)
    double videoDelayMs = 0;   // how long pictures are held to meet their sound (smoothed)
    std::string lastError;
};

// The program clock's health, in the manner of a video stats window.
struct ClockStats {
    std::uint64_t ticks = 0;
    std::uint64_t lateTicks = 0;    // a tick that started after its deadline
    std::uint64_t skippedTicks = 0; // deadlines passed over to catch up
    double lastTickMs = 0;          // work time of the last tick
};

} // namespace hntt::engine
