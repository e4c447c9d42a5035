// The program's one encode (H.264 with libx264, AAC), on its own thread, fanned out to every sink.
#pragma once

#include "av_ptr.h"
#include "bounded_queue.h"
#include "encoded_packet.h"
#include "hntt/engine/video_frame.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hntt::engine {

struct EncoderSettings {
    int width = 1920;
    int height = 1080;
    int fps = 25;
    int sampleRate = 48000;
    int videoBitrateKbps = 4000;
    int audioBitrateKbps = 128;
    int gopSeconds = 2;
    std::string x264Preset = "veryfast";
};

// Opens an AAC encoder for mono float input at `sampleRate`; throws std::runtime_error.
// `fastCoder`: FFmpeg's fast quantiser, ~40 % less CPU, for many voice tracks at once.
av::CodecContextPtr openAacEncoder(int sampleRate, int bitrateKbps, bool fastCoder = false);

// Accumulates mono float samples and encodes them as AAC frames of the encoder's frame size.
class AacFramer {
public:
    explicit AacFramer(AVCodecContext* encoder);
    // Encodes what `samples` completes; every packet produced goes to `out`. firstPts: the time
    // (in samples) of samples[0], or -1 to follow on from the previous call; a jump resynchronises
    // so that audio keeps the program clock's timeline.
    void encode(const float* samples, std::size_t count, const std::function<void(av::PacketPtr)>& out,
                std::int64_t firstPts = -1);
    // End of stream: what is pending goes out as a last frame padded with silence, then the
    // encoder's own delay is drained. The encoder takes nothing more afterwards.
    void flush(const std::function<void(av::PacketPtr)>& out);
    // Where the frames handed to the encoder end (in samples): the encoder still holds the last
    // one, whose packet comes out with the next frame.
    std::int64_t sentEnd() const { return nextPts_; }

private:
    void encodeFrame(const float* samples, const std::function<void(av::PacketPtr)>& out);
    void receive(const std::function<void(av::PacketPtr)>& out);

    AVCodecContext* encoder_;
    std::vector<float> pending_;
    std::int64_t nextPts_ = 0;
    av::FramePtr frame_;
};

class ProgramEncoder {
public:
    using PacketCallback = std::function<void(const EncodedPacketPtr&)>;

    // Opens both encoders at once so sinks can read their parameters; throws std::runtime_error.
    ProgramEncoder(const EncoderSettings& settings, PacketCallback onPacket);
    ~ProgramEncoder();
    ProgramEncoder(const ProgramEncoder&) = delete;
    ProgramEncoder& operator=(const ProgramEncoder&) = delete;

    const AVCodecContext* videoContext() const { return video_.get(); }
    const AVCodecContext* audioContext() const { return audio_.get(); }

    // From the clock thread; never blocks. False (and counted) when the encoder lags behind.
    // pts: the program tick; frame may be null for a tick whose picture was skipped (its audio
    // is still encoded, so sound stays continuous).
    bool submit(VideoFramePtr frame, std::int64_t pts, std::vector<float> audio);
    // End of the program (the clock has stopped): encodes what is queued, then drains both
    // encoders, the last audio frame padded with silence, so that every sink gets sound up to the
    // end of the last picture. Every packet has gone to the callback when it returns; submit()
    // refuses from then on. Idempotent.
    void finish();
    // The next frame is encoded as a keyframe, so a new sink starts without waiting a GOP.
    void requestKeyframe() { keyframeRequested_ = true; }
    std::uint64_t droppedFrames() const { return dropped_; }
    // Past its first pictures, which a fresh encoder codes slowly, and not behind the clock.
    bool keepsPace() const { return picturesEncoded_ >= kWarmPictures && queue_.size() <= 1; }

private:
    struct Job {
        VideoFramePtr frame;
        std::int64_t pts = 0;
        std::vector<float> audio;
    };
    void run();
    void encodeVideo(const Job& job);
    void drain(AVCodecContext* ctx, StreamKind kind);
    void emitAudio(av::PacketPtr pkt);

    EncoderSettings settings_;
    PacketCallback onPacket_;
    av::CodecContextPtr video_;
    av::CodecContextPtr audio_;
    std::unique_ptr<AacFramer> aac_;
    BoundedQueue<Job> queue_{8};
    std::atomic<bool> keyframeRequested_{false};
    std::atomic<std::uint64_t> dropped_{0};
    static constexpr std::uint64_t kWarmPictures = 8;
    std::atomic<std::uint64_t> picturesEncoded_{0};
    std::mutex finishMutex_;
    bool finished_ = false;
    std::thread thread_;
};

} // namespace hntt::engine
