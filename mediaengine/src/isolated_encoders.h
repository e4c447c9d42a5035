// A recording's isolated tracks (each site's own audio), encoded on worker threads of their own so
// that the program recording never waits for them. At 170 sites these tracks cost more than one
// core at the program's 48 kHz: they are resampled to 24 kHz (speech keeps everything up to
// 11 kHz) and encoded with the fast AAC quantiser, which together cost about a third.
// A worker that falls too far behind skips blocks: its tracks get a gap, counted as such.
// A track in digital silence (a muted or absent site: most communes, most of a meeting) rests its
// encoder: once it has settled on silence, a copy of one silent frame stands for each frame.
#pragma once

#include "av_ptr.h"
#include "bounded_queue.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace hntt::engine {

class AacFramer;

// One site's samples for every track of a block, shared read-only by the workers.
using TrackBlocks = std::shared_ptr<const std::vector<std::vector<float>>>;

struct IsolatedPacket {
    std::size_t track = 0;
    av::PacketPtr packet; // pts in 1/IsolatedEncoders::sampleRate(), on the program's timeline
};

struct IsolatedEncoderSettings {
    std::size_t tracks = 0;
    int inputRate = 48000;
    int sampleRate = 16000; // of the encoded tracks
    int bitrateKbps = 32;
    int workers = 0;            // 0: one per core
    double maxLagSeconds = 3.0; // beyond this a worker skips blocks
    double blockSeconds = 0.04; // the clock's block, to turn queue lengths into time
};

class IsolatedEncoders {
public:
    using Emit = std::function<void(IsolatedPacket)>; // called on the worker threads

    // Opens every encoder at once (their parameters make the recording's streams); throws
    // std::runtime_error.
    IsolatedEncoders(IsolatedEncoderSettings settings, Emit emit);
    ~IsolatedEncoders(); // stops without flushing
    IsolatedEncoders(const IsolatedEncoders&) = delete;
    IsolatedEncoders& operator=(const IsolatedEncoders&) = delete;

    const AVCodecContext* context(std::size_t track) const;
    int sampleRate() const { return settings_.sampleRate; }
    int frameSize() const { return frameSize_; } // samples per packet

    // From the clock thread; never blocks. pts: program time of the blocks' first sample, in
    // input samples; one block per track.
    void push(std::int64_t pts, TrackBlocks blocks);
    // Encodes what is queued up to `endSample` (program time, input samples), pads and drains
    // every encoder, and stops the workers. Waits at most `grace` for a worker that lags; past
    // that its queued blocks are dropped (and counted as a gap) but its encoders are still drained.
    void finish(std::int64_t endSample, std::chrono::milliseconds grace);

    double gapSeconds() const; // the most that any one track skipped so far
    double lagSeconds() const; // how far the slowest worker is behind the clock

private:
    struct Block {
        std::int64_t pts = 0;
        TrackBlocks tracks;
    };
    struct Track {
        av::CodecContextPtr context;
        std::unique_ptr<AacFramer> framer;
        av::SwrPtr resampler;
        std::int64_t nextInputPts = -1; // where the next block continues without a gap
        std::vector<float> resampled;
        std::int64_t zeroRun = 0;     // input samples of silence fed to the encoder in a row
        bool resting = false;         // the encoder rests; silent frames are copies
        std::int64_t restPts = 0;     // output samples: the next silent frame's time
        std::int64_t restPending = 0; // input samples of silence not yet covered by a frame
    };
    struct Worker {
        explicit Worker(std::size_t capacity)
            : queue(capacity) {}
        BoundedQueue<Block> queue;
        std::vector<std::size_t> tracks;
        std::atomic<std::uint64_t> skippedBlocks{0};
        std::thread thread;
    };
    void run(Worker& worker);
    void encode(std::size_t index, const Block& block);
    void flush(std::size_t index);
    // A steady silent block: copies of the silent frame, the encoder untouched. False when the
    // track is not resting (or stops resting here).
    bool rest(std::size_t index, const Block& block, std::int64_t count, bool silent);

    IsolatedEncoderSettings settings_;
    Emit emit_;
    std::vector<Track> tracks_;
    av::PacketPtr silentFrame_; // one frame of an encoder settled on silence
    int frameSize_ = 1024;
    std::vector<std::unique_ptr<Worker>> workers_;
    std::atomic<std::int64_t> endSample_{-1};
    std::atomic<bool> abandon_{false}; // finish()'s grace ran out: drop what is queued
    std::atomic<bool> discard_{false}; // destroyed without finish(): no tail, nothing emitted
    std::atomic<std::size_t> workersDone_{0};
    std::mutex finishMutex_;
    bool finished_ = false;
};

} // namespace hntt::engine
