// One conference site's ingest: opens the site's URL on its own thread, decodes, and publishes
// the latest picture and a steady audio stream for the program clock.
//
// URLs: anything FFmpeg demuxes (srt://, rtsp://, rtmp://, udp:// and rtp:// MPEG-TS, http...),
// plain file paths (paced in real time by their timestamps and looped, for demos), and the
// built-in test://solid / test://bars signals (see test_pattern.h).
//
// RTSP transport: media over RTSP-interleaved TCP when the server offers it, else over unicast
// UDP: the server's 461 Unsupported Transport to one is answered with the other in the same
// handshake, so a camera that speaks only one of them connects at the first attempt. When an
// attempt is set up but no media arrives in time (UDP behind a firewall or NAT), the next attempt
// asks for the other transport first. `?rtsp_transport=tcp` (or udp, udp_multicast, http) pins
// it; the option is the engine's and is not sent to the server.
//
// States: Offline (not started) -> Connecting (first attempt after start()/setUrl()) ->
// Connected (frames decode) -> Lost (no media for lostAfter, the connection closed, or an attempt
// failed). A lost source retries by itself: callers (rtmp, rtsp, srt caller, http) back off
// exponentially from 0.5 s up to maxBackoff between attempts, reset once media flowed again;
// listeners (udp, rtp, srt/tcp listener) simply keep waiting for the sender, re-arming every
// maxBackoff. Every blocking FFmpeg call is bounded by an interrupt callback, so Lost is
// reported in time and stop() returns promptly even in the middle of a network read.
//
// Audio/video timing (lip sync): audio is resampled to mono float and goes through the site's
// AudioJitterBuffer, which plays it out at its target latency (jitterBudget, grown by underruns
// up to 400 ms) on the program clock. Decoded pictures wait in a short queue and programVideo()
// releases each one when the audio being played has reached its timestamp (both carry the
// sender's timestamps, so a sender that delivers its audio in bursts, as MPEG-TS muxers do, is
// still matched sample-exactly). Pictures are released at once when there is nothing to match:
// no audio or no timestamps, audio silent for over 1.5 s, timestamps more than 2 s apart (a
// sender restart or a looped file), or a lost source. Memory is bounded: at most 1.5 s or 40
// pictures are held, the oldest released first. Limits: a sender whose own audio and video
// timestamps are skewed stays skewed; the picture can be off by half a program frame.
//
// Calls: a source made with SourceConfig::call decodes what the call's receiver queues (H.264
// access units; G.722, PCMA/PCMU, Opus or AAC-LD payloads) on its thread, with the same jitter
// buffer, stats and keyframe-only mode. Its pictures go out as they decode (RTP audio and video
// clocks are unrelated until RTCP sender reports are mapped: not done yet). On hold (receive
// off) its picture is cleared, so the site shows its slate.
#pragma once

#include "audio_buffer.h"
#include "hntt/engine/types.h"
#include "hntt/engine/video_frame.h"
#include "test_pattern.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace hntt::engine {

class CallInput;

enum class DecodeMode {
    Full,          // every frame
    KeyframesOnly, // skip_frame = AVDISCARD_NONKEY: for sites on neither program nor preview
};

struct SourceConfig {
    SiteId id = 0;
    std::string url;
    int sampleRate = 48000;
    std::chrono::milliseconds jitterBudget{80};
    std::chrono::milliseconds lostAfter{2000};
    std::chrono::milliseconds maxBackoff{10000};
    // A site in a call: media comes from the call's receiver instead of `url` (see call_input.h).
    std::shared_ptr<CallInput> call;
    // From the first packet: a site added off screen to a large meeting never decodes (and never
    // sizes its decoder's picture pool for) every picture.
    DecodeMode decodeMode = DecodeMode::Full;
};

class Source {
public:
    // Called from the source thread on every state change, with a clear reason. It must not call
    // stop() or the destructor of this source.
    using StatusCallback = std::function<void(SiteId, SourceState, const std::string& reason)>;
    using Clock = std::chrono::steady_clock;

    explicit Source(SourceConfig config, StatusCallback onStatus = {});
    ~Source(); // stops
    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;

    // Whether `url` is one a source can take (a known scheme, a file path, a well-formed test URL).
    // A reachable sender is not checked. On false, fills `error` with clear text.
    static bool checkUrl(const std::string& url, std::string* error = nullptr);

    void start(); // idempotent
    void stop();  // joins the thread within well under a second; idempotent
    bool running() const;

    // Reopens with the new URL (on the next start() if not running).
    void setUrl(std::string url);
    std::string url() const;
    SiteId id() const { return config_.id; }

    // May change at any time; going back to Full waits for the next keyframe so that no frame
    // decodes from missing references.
    void setDecodeMode(DecodeMode mode);
    DecodeMode decodeMode() const;

    // Where a test picture's simulated camera looks (see TestView); other sources ignore it.
    void setTestView(const TestView& view);

    // The site's audio: mono float at SourceConfig::sampleRate, fed by the source thread.
    AudioJitterBuffer& audio() { return audio_; }

    // The latest decoded picture (shared, immutable; any pixel format the decoder gives, usually
    // YUV420P), or null before the first one. `arrived`, when given, receives the time it was
    // published. The last picture stays after Lost (it is cleared by stop() and setUrl()).
    VideoFramePtr latestVideo(Clock::time_point* arrived = nullptr) const;
    // The picture that goes with the audio the program clock pulled last (see lip sync above):
    // for the clock thread, after its pull(). Null before the first picture; the last one stays
    // after Lost, like latestVideo().
    VideoFramePtr programVideo();

    SourceState state() const;
    SourceStats stats() const;

private:
    class Session;
    enum class Abort { None, Stop, Restart };
    struct Attempt {
        std::string error;
        bool hadMedia = false;
        bool stalled = false; // the open timed out rather than being refused
    };

    void run();
    Attempt runTestPattern(const std::string& url);
    Attempt runCall(CallInput& input);
    void setState(SourceState s, const std::string& reason);
    void setError(std::string text);
    // Media decodes: Connected, with `warning` (e.g. an unsupported second stream) as lastError.
    void markConnected(const std::string& reason, const std::string& warning);
    // pts: the picture's media time in seconds (NaN: unknown).
    void publishVideo(VideoFramePtr frame, double pts);
    void pushAudio(const float* samples, std::size_t count, double pts);
    void clearVideo();
    void countPacket(std::size_t bytes, bool video);
    void countTransport(std::uint64_t received, std::uint64_t lost);
    void countVideoFrame(int width, int height);
    void countDropped(const std::string& why); // a video frame lost to corrupt data
    // Sleeps until `until` or until stop()/setUrl(); false when interrupted.
    bool sleepUntil(Clock::time_point until);
    Abort abortRequested() const;
    void setDeadline(Clock::time_point t);
    void clearDeadline();
    static int interruptCallback(void* opaque);

    const SourceConfig config_;
    const StatusCallback onStatus_;
    AudioJitterBuffer audio_;

    std::mutex lifecycleMutex_; // start()/stop()
    std::thread thread_;
    std::atomic<bool> running_{false};
    std::atomic<bool> stopFlag_{false};
    std::atomic<bool> restartFlag_{false};
    std::atomic<DecodeMode> decodeMode_{DecodeMode::Full};
    // Steady-clock nanoseconds after which blocking FFmpeg calls give up; 0: none.
    std::atomic<std::int64_t> deadlineNs_{0};
    std::atomic<bool> deadlineHit_{false};

    mutable std::mutex controlMutex_; // url_, wake-ups of the source thread
    std::condition_variable wake_;
    std::string url_;
    TestView testView_;

    struct PendingFrame {
        VideoFramePtr frame;
        double pts = 0;
        Clock::time_point arrived{};
    };
    mutable std::mutex videoMutex_;
    VideoFramePtr latest_;
    Clock::time_point latestAt_{};
    std::deque<PendingFrame> pending_; // decoded, waiting for their sound
    VideoFramePtr shown_;              // the last picture released to the program
    double heldMs_ = -1;               // smoothed hold of released pictures; < 0: none yet
    // Steady-clock nanoseconds of the last push of timestamped audio; 0: none.
    std::atomic<std::int64_t> timedAudioAt_{0};

    mutable std::mutex statsMutex_;
    SourceStats stats_;
    std::deque<std::pair<Clock::time_point, std::size_t>> packetWindow_; // arrival, bytes
    std::deque<Clock::time_point> videoWindow_;                          // video packet arrivals
};

} // namespace hntt::engine
