// What one call receives back: the program picture of its tier (shared encode, see
// tier_encoder.h) and its own mix-minus, encoded for it alone, as RTP through a send function the
// call's transport gives.
//
// Threads: the sender has one thread of its own ("hntt-callsend"), which packetizes the tier's
// access units, encodes the sound and calls `send`. Nothing here blocks the clock: pushAudio()
// copies one block into a bounded queue, the tier hands access units through the same queue;
// when the queue is full the work is dropped and counted (a dropped picture also makes the
// sender wait for the next IDR, and ask for one, so the far end never decodes a broken chain).
//
// Wiring (Engine::Impl), per call:
//   - startCall: sender = std::make_unique<CallSender>(CallSender::configFor(spec, config.fps,
//     config.sampleRate), tierEncoders, send) where send(packet, video) writes the datagram to the
//     call's RTP socket of that kind (thread-safe, never blocking for long: it is called from the
//     sender's thread, one per call, at the same time as other calls' senders);
//   - clock thread, sendAudio(), for each site with a call: sender->pushAudio(mixer.mixMinus(id),
//     clock.tick) — the block is the tick's blockSize samples at the engine rate;
//   - updateCall (hold/resume, same codecs): sender->setDirections(spec.audioSend, spec.videoSend);
//     another codec, tier or payload type: build a new sender (old one destroyed first);
//   - RTCP PLI/FIR from the far end (transport thread), or requestCallKeyframe (INFO, signalling):
//     sender->keyframeAsked();
//   - RTCP SR every second (transport thread, CallReceiverHooks::senderReport):
//     sender->senderReport(video, system_clock::now());
//   - endCall: destroy the sender before the socket `send` writes to.
#pragma once

#include "hntt/engine/call.h"
#include "tier_encoder.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace hntt::engine {

// What an RTCP sender report (RFC 3550 6.4.1) of one stream says.
struct SenderReportInfo {
    std::uint32_t ssrc = 0;
    std::uint64_t packetCount = 0;
    std::uint64_t octetCount = 0; // payload octets, headers not counted
    // The RTP timestamp that corresponds to `wallClock` (the NTP time of the report): the last
    // packet's timestamp carried forward at the stream's clock rate.
    std::uint32_t rtpTimestamp = 0;
    std::chrono::system_clock::time_point wallClock;
};

struct CallSendStats {
    std::uint64_t videoPackets = 0;
    std::uint64_t videoOctets = 0;
    std::uint64_t audioPackets = 0;
    std::uint64_t audioOctets = 0;
    std::uint64_t accessUnitsSent = 0;
    std::uint64_t idrsSent = 0;
    std::uint64_t accessUnitsWaitingIdr = 0; // skipped before the first IDR (or after a drop)
    std::uint64_t droppedWork = 0;           // pictures or sound blocks the full queue refused
    std::uint64_t oversizedNals = 0;         // mode 0: NAL units over the payload limit, not sent
    std::uint64_t keyframesAsked = 0;        // by the far end, of the tier
};

class CallSender {
public:
    using SendFunction = std::function<void(std::span<const std::uint8_t> packet, bool video)>;

    struct Config {
        std::optional<CallAudioFormat> audio; // none, or AAC-LD: no sound is sent
        std::optional<CallVideoFormat> video; // none: no picture (no tier subscription)
        bool audioSend = true;
        bool videoSend = true;
        int fps = 25;
        int sampleRate = 48000; // of the mix-minus blocks
    };
    static Config configFor(const CallMediaSpec& spec, int fps, int sampleRate);

    // Subscribes to the video's tier (which then starts its encoder if needed). `tiers` must
    // outlive the sender. Throws std::runtime_error if the tier encoder cannot be opened.
    CallSender(const Config& config, TierEncoders* tiers, SendFunction send);
    ~CallSender(); // unsubscribes, ends the thread; `send` is not called after it returns
    CallSender(const CallSender&) = delete;
    CallSender& operator=(const CallSender&) = delete;

    // Clock thread: the site's mix-minus of tick `tick`. Copies it; never blocks.
    void pushAudio(std::span<const float> mixMinus, std::int64_t tick);
    // Any thread: hold (false) sends nothing of that kind; resuming video waits for an IDR.
    void setDirections(bool audioSend, bool videoSend);
    // Any thread: the far end asked for a keyframe (PLI, FIR, INFO); merged in the tier.
    void keyframeAsked();

    // Any thread. nullopt before the stream's first packet.
    std::optional<SenderReportInfo> senderReport(bool video, std::chrono::system_clock::time_point now) const;
    std::uint32_t ssrc(bool video) const { return video ? video_.ssrc : audio_.ssrc; }
    CallSendStats stats() const;

private:
    struct AudioJob {
        std::vector<float> samples;
        std::int64_t tick = 0;
        std::chrono::system_clock::time_point captured;
    };
    struct Job {
        AccessUnitPtr video; // or, when null, the sound
        AudioJob audio;
    };
    // One RTP stream's numbering and its sender report figures.
    struct Stream {
        std::uint32_t ssrc = 0;
        std::uint16_t sequence = 0;
        std::uint32_t timestampBase = 0;
        int clockRate = 90000;
        // Guarded by Impl's statsMutex: read by senderReport() from other threads.
        std::uint64_t packets = 0;
        std::uint64_t octets = 0;
        std::uint32_t lastTimestamp = 0;
        std::chrono::system_clock::time_point lastCaptured;
        bool sent = false;
    };
    struct Impl;

    void run();
    void sendVideo(const EncodedAccessUnit& au);
    void sendAudio(const AudioJob& job);
    void onAccessUnit(const AccessUnitPtr& au);

    const Config config_;
    SendFunction send_;
    std::unique_ptr<Impl> impl_;
    Stream video_;
    Stream audio_;
    std::atomic<bool> audioSend_;
    std::atomic<bool> videoSend_;
    std::atomic<bool> needIdr_{true};
    mutable std::mutex statsMutex_;
    CallSendStats stats_;
    std::atomic<std::uint64_t> dropped_{0};
    std::atomic<std::uint64_t> keyframesAsked_{0};
    std::unique_ptr<TierSubscription> subscription_;
    std::thread thread_;
};

} // namespace hntt::engine
