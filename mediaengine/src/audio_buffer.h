// A per-site audio jitter buffer between a source's decode thread and the program clock.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace hntt::engine {

// Mono float samples at one sample rate. The decode thread push()es whatever it decodes; the
// program clock pull()s exactly one block per tick. Latency is a fixed budget, never a growing
// queue:
//  - pre-roll: nothing plays until `target` (and at least one pull's worth) is buffered;
//  - underrun: the pull plays what is left (faded out), fills the rest with silence, and the
//    buffer pre-rolls again; playback resumes with a short fade-in;
//  - drift: a smoothed fill level (measured before each pull) outside target +- a dead band
//    (max(10 %, 5 ms)) makes pull() drop/repeat single samples, at most one every 200 output
//    samples (0.5 %, ample for clock drift), each blended with its neighbour so the waveform
//    stays continuous;
//  - hard cap: a push that leaves more than max(3x target, target + 100 ms) buffered drops the
//    oldest down to target (a burst after a network stall);
//  - capacity: max(1 s, twice the hard cap); a single push beyond it keeps only the newest.
// Every member is thread-safe.
class AudioJitterBuffer {
public:
    AudioJitterBuffer(int sampleRate, std::chrono::milliseconds target);

    void push(const float* samples, std::size_t count); // producer thread
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

    // The configuration in samples (constant after construction).
    // The target grows by half on every underrun, up to maxTargetSamples(): senders that deliver
    // audio in bursts (e.g. MPEG-TS muxers packing ~250 ms per PES) get the latency they need
    // instead of a gap every burst.
    std::size_t targetSamples() const { return target_; }
    std::size_t maxTargetSamples() const { return maxTarget_; }
    std::size_t hardCapSamples() const { return hardCap_; }
    std::size_t capacity() const { return ring_.size(); }

private:
    float popFront();              // requires size_ > 0
    void dropFront(std::size_t n); // requires n <= size_

    void setTarget(std::size_t target); // target, cap and dead band move together

    const int sampleRate_;
    const std::size_t maxTarget_; // how far underruns may grow the target
    std::size_t target_;
    std::size_t hardCap_;
    std::size_t deadBand_;

    mutable std::mutex mutex_;
    std::vector<float> ring_;
    std::size_t head_ = 0; // index of the oldest sample
    std::size_t size_ = 0;
    bool playing_ = false;
    double smoothedFill_ = 0;
    std::size_t sinceCorrection_ = 0;
    std::size_t fadeInLeft_ = 0;
    float last_ = 0; // last sample played out, for blending repeats
    std::uint64_t underruns_ = 0;
    std::uint64_t dropped_ = 0;
    std::uint64_t inserted_ = 0;
};

} // namespace hntt::engine
