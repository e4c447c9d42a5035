// What a call's receiver hands to the site's Source: whole H.264 access units and audio
// payloads, through a bounded queue that never blocks the receiver (a full queue drops and
// counts), plus the few flags the two threads share. The Source decodes on its own thread.
#pragma once

#include "bounded_queue.h"
#include "hntt/engine/call.h"

#include <atomic>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace hntt::engine {

struct CallUnit {
    bool video = false;
    bool keyframe = false;
    std::uint32_t timestamp = 0; // RTP units of its stream
    // Seconds on the far end's wall clock (from its RTCP sender reports), shared by its audio and
    // video, so that the Source can put each picture with its sound; NaN before a report.
    double pts = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::uint8_t> data; // video: Annex B access unit; audio: one RTP payload
};

class CallInput {
public:
    // ~2 s of 20 ms audio plus 25 fps video: only a stalled decoder fills it.
    static constexpr std::size_t kCapacity = 200;

    CallInput(std::optional<CallAudioFormat> audio, bool video)
        : audioFormat(std::move(audio))
        , hasVideo(video) {}

    const std::optional<CallAudioFormat> audioFormat;
    const bool hasVideo;
    BoundedQueue<CallUnit> units{kCapacity};

    // Set by the receiver: false on hold (the site shows its slate, not a frozen picture).
    std::atomic<bool> videoReceiving{true};
    std::atomic<bool> audioReceiving{true};
    // Set by the Source when its decoder needs a keyframe (it joined or lost one); the receiver
    // takes it and asks the far end (throttled).
    std::atomic<bool> keyframeNeeded{false};
    // Counted by the receiver, read by the Source into its stats.
    std::atomic<std::uint64_t> packetsReceived{0};
    std::atomic<std::uint64_t> packetsLost{0};
    std::atomic<std::uint64_t> unitsDropped{0}; // refused by a full queue
    // Of the pictures decoded, for the call's stats.
    std::atomic<int> width{0};
    std::atomic<int> height{0};
};

} // namespace hntt::engine
