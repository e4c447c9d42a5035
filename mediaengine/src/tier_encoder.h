// The program picture for calls, encoded once per tier (call.h's VideoTier) and shared by every
// call of that tier: H.264 Constrained Baseline, no B-frames, slices under the RTP payload limit
// (so a packetization-mode-0 receiver and a browser both take it), each tier on its own thread
// ("hntt-tier"), which scales the program picture and encodes it.
//
// Keyframes: every request for a tier (a call's RTCP PLI/FIR, signalling's INFO, a call that
// joins) is merged into one pending flag, which forces an IDR at most once a second of program
// (fps frames after the last IDR); the periodic IDR of the GOP satisfies it too.
//
// Wiring (Engine::Impl):
//   - own one TierEncoders (its fps from EngineConfig), outliving every CallSender;
//   - clock thread, once per rendered tick, after compose: tiers.submit(t.programFrame, clock.tick);
//     it never blocks: a tier that lags drops the picture and counts it (droppedFrames());
//   - a CallSender subscribes itself (TierEncoders::subscribe) when built; a tier's encoder exists
//     only while someone is subscribed to it.
#pragma once

#include "av_ptr.h"
#include "hntt/engine/call.h"
#include "hntt/engine/video_frame.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>

namespace hntt::engine {

struct TierSettings {
    int width = 1280;
    int height = 720;
    int fps = 25;
    int bitrateKbps = 1500;
    int sliceMaxBytes = 1200; // x264's slice-max-size: every NAL unit fits one RTP packet
    int gopSeconds = 10;      // a periodic IDR for peers that never ask
    std::string preset = "veryfast";
};

// The settings of a tier: Hd720 1280x720 at 1.5 Mbit/s, Sd360 640x360 at 500 kbit/s.
TierSettings tierSettings(VideoTier tier, int fps);

// One encoded picture of a tier: Annex B, SPS and PPS before every IDR. Shared read-only by every
// call of the tier.
struct EncodedAccessUnit {
    av::PacketPtr packet;
    std::int64_t tick = 0; // the program tick it shows (pts in 1/fps)
    bool idr = false;
    // When the clock handed the picture over: with the tick, what an RTCP sender report maps
    // to its RTP timestamp.
    std::chrono::system_clock::time_point captured;
    std::span<const std::uint8_t> data() const {
        return {packet->data, static_cast<std::size_t>(packet->size)};
    }
};
using AccessUnitPtr = std::shared_ptr<const EncodedAccessUnit>;

struct TierStats {
    std::uint64_t framesEncoded = 0;
    std::uint64_t droppedFrames = 0;    // the clock handed a picture while the tier was behind
    std::uint64_t idrs = 0;             // in the output, periodic ones included
    std::uint64_t keyframeRequests = 0; // as asked, before merging
    std::uint64_t keyframesForced = 0;  // IDRs the requests caused
};

class TierEncoder;

// A subscription to a tier: while it lives, every access unit of the tier is handed to its
// callback, on the tier's thread. Destroying it (from any thread but that one) waits for a
// callback under way to return: after that, none comes.
class TierSubscription {
public:
    ~TierSubscription();
    TierSubscription(const TierSubscription&) = delete;
    TierSubscription& operator=(const TierSubscription&) = delete;
    // Merged into the tier's pending request (any thread).
    void requestKeyframe();
    VideoTier tier() const { return tier_; }

private:
    friend class TierEncoders;
    struct Token {};

public:
    TierSubscription(Token, std::shared_ptr<TierEncoder> encoder, std::function<void()> release,
                     VideoTier tier, std::uint64_t id);

private:
    std::shared_ptr<TierEncoder> encoder_;
    std::function<void()> release_;
    VideoTier tier_;
    std::uint64_t id_;
};

class TierEncoders {
public:
    using AccessUnitCallback = std::function<void(const AccessUnitPtr&)>;

    explicit TierEncoders(int fps);
    ~TierEncoders(); // every subscription must be gone first
    TierEncoders(const TierEncoders&) = delete;
    TierEncoders& operator=(const TierEncoders&) = delete;

    // Clock thread: the program picture of this tick (any size and pixel format) to every tier
    // in use. Never blocks; a tier behind drops it. Null frames are ignored.
    void submit(const VideoFramePtr& program, std::int64_t tick);

    // Any thread but a tier's: starts the tier's encoder if it is not running, subscribes, and
    // asks for a keyframe (the new subscriber waits for one). Throws std::runtime_error if the
    // encoder cannot be opened.
    std::unique_ptr<TierSubscription> subscribe(VideoTier tier, AccessUnitCallback onAccessUnit);

    bool running(VideoTier tier) const;
    std::optional<TierStats> stats(VideoTier tier) const;
    // Settings used for new tiers: for tests and the benchmark (a lighter preset, a size).
    void setSettingsOverride(VideoTier tier, TierSettings settings);

private:
    void release(VideoTier tier, std::uint64_t id);

    const int fps_;
    mutable std::mutex mutex_;
    std::map<VideoTier, std::shared_ptr<TierEncoder>> tiers_;
    std::map<VideoTier, TierSettings> overrides_;
    std::uint64_t nextId_ = 1;
};

} // namespace hntt::engine
