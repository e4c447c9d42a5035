// One call's sound: the site's mix-minus (mono float at the engine's rate, one block a tick)
// resampled and encoded for the call's codec, one RTP payload per ptime, each with its RTP
// timestamp in the codec's RTP clock.
//
//   PCMA/PCMU: 8 kHz, clock 8000.  G.722: samples at 16 kHz, clock 8000 (RFC 3551's quirk).
//   Opus: 48 kHz, clock 48000 (libopus, voice).  AAC-LD: FFmpeg cannot encode it: not supported.
//
// Not thread-safe: one thread (the call's sender) feeds it.
#pragma once

#include "av_ptr.h"
#include "hntt/engine/call.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hntt::engine {

class CallAudioEncoder {
public:
    // Throws std::runtime_error for a codec FFmpeg cannot encode (AAC-LD) or cannot open.
    CallAudioEncoder(const CallAudioFormat& format, int inputRate);
    ~CallAudioEncoder();
    CallAudioEncoder(const CallAudioEncoder&) = delete;
    CallAudioEncoder& operator=(const CallAudioEncoder&) = delete;

    struct Payload {
        std::span<const std::uint8_t> data;
        std::uint32_t timestamp = 0; // RTP clock units from the stream's start (add the random base)
    };

    // Encodes `samples` (mono, inputRate), whose first sample is at `firstSample` on the input's
    // timeline (the program clock: tick × block size). A jump in that timeline (a tick's sound
    // that never came) restarts the framing there, so timestamps stay on the clock. Returns the
    // payloads completed; views valid until the next call.
    const std::vector<Payload>& encode(std::span<const float> samples, std::int64_t firstSample);

    // The RTP clock's units per input sample period: timestamp of input sample n is
    // n × clockRate / inputRate.
    int clockRate() const { return clockRate_; }
    int codecRate() const { return codecRate_; }
    std::uint64_t frames() const { return frames_; }
    static bool canEncode(CallAudioCodec codec) { return codec != CallAudioCodec::AacLd; }

private:
    void encodeFrames();
    void receive();

    const int inputRate_;
    int codecRate_ = 8000;
    int clockRate_ = 8000;
    int frameSamples_ = 160; // per ptime, at the codec's rate
    av::CodecContextPtr ctx_;
    av::SwrPtr swr_;
    av::FramePtr frame_;
    std::vector<float> resampled_; // pending samples at the codec's rate
    std::int64_t nextInput_ = -1;  // the input sample expected next
    std::int64_t codecPos_ = 0;    // the codec-rate sample where resampled_[0] sits
    std::vector<std::uint8_t> bytes_;
    std::vector<std::pair<std::size_t, std::size_t>> ranges_;
    std::vector<std::uint32_t> stamps_;
    std::vector<Payload> payloads_;
    std::uint64_t frames_ = 0;
};

} // namespace hntt::engine
