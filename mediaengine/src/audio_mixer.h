// Block-based mono mixing of the sites' audio: program, mix-minus per site, levels.
#pragma once

#include "hntt/engine/types.h"

#include <cstddef>
#include <map>
#include <span>
#include <vector>

namespace hntt::engine {

// A look-ahead-free peak limiter for one output. It sees a whole block at once, so within the
// block it ramps the gain down before a peak (attack ~2 ms), and otherwise recovers smoothly
// (release ~150 ms). A peak in the first samples of a block gets an instant gain drop: safety
// over smoothness. No output sample ever exceeds the ceiling.
class PeakLimiter {
public:
    static constexpr double kCeiling = 0.98; // -0.18 dBFS: headroom for float rounding

    explicit PeakLimiter(int sampleRate);
    void process(const double* in, float* out, std::size_t count);
    double gain() const { return gain_; } // current gain reduction, 1 = none
    // Takes the state of a limiter that had the same input: both go on alike.
    void follow(const PeakLimiter& other) { gain_ = other.gain_; }

private:
    double attackStep_;  // largest gain change per sample while attacking
    double releaseCoef_; // per-sample one-pole approach to unity
    double gain_ = 1.0;
    std::vector<double> work_; // per-sample gain of the current block
};

// One site's audio for one block: blockSize samples (nullptr counts as silence).
struct MixInput {
    SiteId site = 0;
    const float* samples = nullptr;
};

// Mixes 48 kHz (or any rate) mono float audio by blocks of blockSize samples (sampleRate / fps,
// e.g. 1920 at 25 fps). Per site: gain in dB and mute, both applied with a 15 ms per-sample ramp
// so changes never click. Outputs, each through its own limiter: the program (with the master
// gain/mute) and, for every site, its mix-minus (every other site, without the master: muting
// the program for a broadcast must not cut the conference's return feeds). Mix-minus costs
// O(N) per block: total minus the site's own contribution, made when asked for (only sites with
// a return feed or a call need theirs; a demo province of 171 audible test sources needs none).
//
// Not thread-safe: every call, including the accessors, belongs to the program clock thread.
// Spans returned stay valid until the next mix(), removeChannel() or destruction.
class AudioMixer {
public:
    AudioMixer(int sampleRate, int blockSize);

    void setChannel(SiteId site, bool muted, double gainDb); // adds the channel if new
    void removeChannel(SiteId site);                         // immediate; mute first to fade out
    void setProgram(bool muted, double gainDb);              // master, program output only

    // Mixes one block. Channels absent from `inputs` count as silence; inputs of unknown sites
    // are ignored; for a site given twice, the last input wins.
    void mix(std::span<const MixInput> inputs);

    std::span<const float> program() const;
    // The site's mix-minus of the last block, made at the first request after mix() (empty span
    // for an unknown site). A site asked every block has its own limiter running continuously.
    std::span<const float> mixMinus(SiteId site);
    // Every site's sound, without the master: the mix-minus of a site that is silent (muted, or
    // sending nothing), which the return feeds of such sites share.
    std::span<const float> commonMixMinus() const { return common_; }
    // The site's own signal after its gain/mute (its contribution to the mix), of the last
    // block, clamped to full scale: the isolated feed of a recording. Empty for an unknown site.
    std::span<const float> channelOutput(SiteId site) const;
    AudioLevels channelLevels(SiteId site) const; // post gain/mute, of the last block
    AudioLevels programLevels() const;            // the program as output, of the last block
    std::vector<SiteId> channels() const;         // ascending

    int sampleRate() const { return sampleRate_; }
    int blockSize() const { return blockSize_; }

private:
    // A gain that moves to its target by a linear per-sample ramp.
    struct RampedGain {
        double current = 1.0;
        double target = 1.0;
        double step = 0.0;
        long remaining = 0;
        void set(double newTarget, long rampSamples);
        double next();
    };

    struct Channel {
        explicit Channel(int sampleRate, int blockSize);
        RampedGain gain;
        const float* input = nullptr; // of the block being mixed
        std::vector<double> contribution;
        std::vector<float> output; // contribution as float, for channelOutput()
        std::vector<float> mixMinus;
        PeakLimiter limiter;
        AudioLevels levels;
        bool silent = true;              // contributed nothing to the last block
        std::uint64_t mixMinusBlock = 0; // the block its mixMinus was made for (0: none)
    };

    int sampleRate_;
    int blockSize_;
    long rampSamples_;
    std::map<SiteId, Channel> channels_;
    RampedGain master_;
    PeakLimiter programLimiter_;
    PeakLimiter commonLimiter_;
    std::vector<float> common_;
    std::vector<double> total_;
    std::vector<double> work_;
    std::vector<float> program_;
    AudioLevels programLevels_;
    std::uint64_t block_ = 0; // blocks mixed
};

} // namespace hntt::engine
