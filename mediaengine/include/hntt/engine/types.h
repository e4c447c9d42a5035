// Plain value types shared by the engine's public API.
#pragma once

#include <array>
#include <cstddef>
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

// What the program clock does in one tick, in order.
enum class ClockPhase {
    Pull,      // the tick's copy of the controls; one audio block from every site's jitter buffer
    Mix,       // program and mix-minus mix, levels, active speaker (auto mode), decode modes
    Outputs,   // audio to the return feeds and the recording's isolated tracks; audio events
    Compose,   // program and preview canvases, each site's lip-synced picture
    Multiview, // the multiview canvas (every multiviewEveryNthTick-th tick)
    Encode,    // pictures published; picture and sound handed to the encoder's queue
};
inline constexpr std::size_t kClockPhaseCount = 6;

const char* clockPhaseName(ClockPhase p); // "pull", "mix", "outputs", "compose", "multiview", "encode"

// Work time, in milliseconds: of the last tick, and mean and max over the last second (the last
// fps ticks).
struct WorkTime {
    double lastMs = 0;
    double meanMs = 0;
    double maxMs = 0;
};

// The program clock's health, in the manner of a video stats window. A tick's work includes that
// of the ticks it skipped to catch up (their sound is still mixed), so the phases of a tick add
// up to at most its work time.
struct ClockStats {
    std::uint64_t ticks = 0;
    std::uint64_t lateTicks = 0;                     // a tick that started after its deadline
    std::uint64_t skippedTicks = 0;                  // deadlines passed over to catch up
    WorkTime tick;                                   // the whole tick's work
    std::array<WorkTime, kClockPhaseCount> phases{}; // by ClockPhase
    std::uint64_t multiviewFrames = 0;               // multiview pictures rendered since start
};

} // namespace hntt::engine
