// A per-site audio jitter buffer between a source's decode thread and the program clock.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <mutex>
#include <vector>

namespace hntt::engine {

// Mono float samples at one sample rate. The decode thread push()es whatever it decodes; the
// program clock pull()s exactly one block per tick. Latency is a fixed budget, never a growing
// queue:
//  - pre-roll: nothing plays until `target` (and at least one pull's worth) is buffered;
//  - underrun: the pull plays what is left (faded out), fills the rest with silence, and the
//    buffer pre-rolls again; playback resumes with a short fade-in;
//  - drift: a fill level smoothed over ~4 s (measured before each pull) that leaves target +- a
//    dead band (max(25 %, 20 ms)) makes pull() drop/repeat single samples, at most one every 200
//    output samples (0.5 %, ample for clock drift), each blended with its neighbour so the
//    waveform stays continuous, until the smoothed fill is back within half the band. MPEG-TS
//    senders deliver audio in bursts of 100-250 ms, so the instantaneous fill is a saw-tooth;
//    the slow average and the wide band keep those bursts from being mistaken for drift;
//  - backlog: a fill more than three dead bands above target at every pull for 0.5 s (a clock
//    that started late or fell behind, not drift) is cut back to target + half a band at once,
//    with a 2.5 ms crossfade;
//  - hard cap: a push that leaves more than max(3x target, target + 100 ms) buffered drops the
//    oldest down to target (a burst after a network stall);
//  - capacity: max(1 s, twice the hard cap); a single push beyond it keeps only the newest.
// Samples may carry their media time (the sender's timestamps, in seconds): playhead() then says
// which media time the program clock is playing, so the site's pictures can be held back to match.
// Every member is thread-safe.
class AudioJitterBuffer {
public:
    static constexpr double kNoPts = std::numeric_limits<double>::quiet_NaN();

    // The media time being played out, for lip sync.
    struct Playhead {
        bool valid = false; // false: no timestamped sample has been pulled or is waiting
        double pts = 0;     // seconds, the sender's timeline: the middle of the last pull's block
    };

    AudioJitterBuffer(int sampleRate, std::chrono::milliseconds target);

    // Producer thread. pts: media time of samples[0] in seconds, or kNoPts when unknown.
    void push(const float* samples, std::size_t count, double pts = kNoPts);
    // Always writes `count` samples (silence where nothing is buffered).
    void pull(float* dst, std::size_t count);
    // Discards everything buffered and pre-rolls again (e.g. on reconnect). Counters are kept:
    // they are lifetime statistics of the site.
    void clear();

    std::size_t buffered() const;
    // Pulls that ran dry while playing: one per underrun, not one per silent pull that follows.
    std::uint64_t underruns() const;
    // Samples discarded to keep latency bounded (drift correction, hard cap, capacity).
    std::uint64_t droppedSamples() const;
    // Samples played out that were never pushed: silence (pre-roll, underrun) and the repeated
    // samples of drift correction.
    std::uint64_t insertedSamples() const;
    // While playing: the media time of the middle of the block the last pull() returned. While
    // pre-rolling: the media time of the next sample to play (the pictures wait there).
    Playhead playhead() const;

    // The configuration in samples. The target grows by half on every underrun, up to
    // maxTargetSamples(): senders that deliver audio in bursts (e.g. MPEG-TS muxers packing
    // ~250 ms per PES) get the latency they need instead of a gap every burst.
    std::size_t targetSamples() const;
    std::size_t maxTargetSamples() const { return maxTarget_; }
    std::size_t hardCapSamples() const;
    std::size_t deadBandSamples() const;
    std::size_t capacity() const { return ring_.size(); }

private:
    // Media time of a run of samples, from the absolute index of its first sample on.
    struct Segment {
        std::uint64_t start = 0;
        double pts = kNoPts;
    };

    float popFront();                        // requires size_ > 0
    void popInto(float* dst, std::size_t n); // the oldest n samples; requires n <= size_
    void dropFront(std::size_t n);           // requires n <= size_
    void cutBacklog(std::size_t n);          // drops the oldest n, crossfaded into what follows them
    double ptsAt(std::uint64_t index) const;
    void pruneSegments();

    void setTarget(std::size_t target); // target, cap and dead band move together

    const int sampleRate_;
    const std::size_t maxTarget_; // how far underruns may grow the target

    mutable std::mutex mutex_;
    std::size_t target_ = 0;
    std::size_t hardCap_ = 0;
    std::size_t deadBand_ = 0;
    std::vector<float> ring_;
    std::size_t head_ = 0;         // ring index of the oldest sample
    std::size_t size_ = 0;         // samples buffered
    std::uint64_t headIndex_ = 0;  // absolute index (count of samples ever buffered) of the oldest
    std::deque<Segment> segments_; // media times of the buffered samples, oldest first
    Playhead playhead_;
    bool playing_ = false;
    double smoothedFill_ = 0;
    int correcting_ = 0; // +1 dropping, -1 repeating, 0 within the band
    std::size_t sinceCorrection_ = 0;
    std::size_t backlogRun_ = 0; // samples pulled since the fill last came below the backlog line
    std::size_t fadeInLeft_ = 0;
    float last_ = 0; // last sample played out, for blending repeats
    std::uint64_t underruns_ = 0;
    std::uint64_t dropped_ = 0;
    std::uint64_t inserted_ = 0;
};

} // namespace hntt::engine
