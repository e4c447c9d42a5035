#include "audio_mixer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hntt::engine {

namespace {
constexpr double kAttackSeconds = 0.002;
constexpr double kReleaseSeconds = 0.150;
constexpr double kRampSeconds = 0.015;
constexpr double kMinGainDb = -120.0; // at or below: off
constexpr double kMaxGainDb = 24.0;
constexpr float kFloorDbfs = -120.f;

double dbToGain(double db) {
    if (std::isnan(db))
        db = 0;
    db = std::clamp(db, kMinGainDb, kMaxGainDb);
    return db <= kMinGainDb ? 0.0 : std::pow(10.0, db / 20.0);
}

float toDbfs(double amplitude) {
    if (!(amplitude > 0))
        return kFloorDbfs;
    return std::max(kFloorDbfs, static_cast<float>(20.0 * std::log10(amplitude)));
}

AudioLevels levelsOf(double peak, double sumSquares, std::size_t count) {
    AudioLevels l;
    l.peakDbfs = toDbfs(peak);
    l.rmsDbfs = toDbfs(count ? std::sqrt(sumSquares / static_cast<double>(count)) : 0.0);
    return l;
}
} // namespace

PeakLimiter::PeakLimiter(int sampleRate)
    : attackStep_(1.0 / (kAttackSeconds * sampleRate))
    , releaseCoef_(1.0 - std::exp(-1.0 / (kReleaseSeconds * sampleRate))) {}

void PeakLimiter::process(const double* in, float* out, std::size_t count) {
    work_.resize(count);
    // Backward pass: the gain each sample needs, slope-limited so the gain already falls
    // gradually in the samples before a peak (the block is the look-ahead).
    double next = 1.0;
    for (std::size_t i = count; i-- > 0;) {
        const double a = std::abs(in[i]);
        const double required = a > kCeiling ? kCeiling / a : 1.0;
        next = std::min(required, next + attackStep_);
        work_[i] = next;
    }
    // Forward pass: smooth release towards unity, never above what the samples need.
    double g = gain_;
    for (std::size_t i = 0; i < count; ++i) {
        g += (1.0 - g) * releaseCoef_;
        g = std::min(g, work_[i]);
        out[i] = std::clamp(static_cast<float>(in[i] * g), -1.f, 1.f);
    }
    gain_ = g;
}

void AudioMixer::RampedGain::set(double newTarget, long rampSamples) {
    if (newTarget == target)
        return;
    target = newTarget;
    remaining = std::max(rampSamples, 1L);
    step = (target - current) / static_cast<double>(remaining);
}

double AudioMixer::RampedGain::next() {
    if (remaining > 0) {
        current += step;
        if (--remaining == 0)
            current = target; // no rounding residue once the ramp ends
    }
    return current;
}

AudioMixer::Channel::Channel(int sampleRate, int blockSize)
    : contribution(static_cast<std::size_t>(blockSize), 0.0)
    , output(static_cast<std::size_t>(blockSize), 0.f)
    , mixMinus(static_cast<std::size_t>(blockSize), 0.f)
    , limiter(sampleRate) {
    // A new channel fades in: its audio most likely starts mid-waveform.
    gain.current = 0.0;
    gain.target = 0.0;
}

AudioMixer::AudioMixer(int sampleRate, int blockSize)
    : sampleRate_(sampleRate)
    , blockSize_(blockSize)
    , rampSamples_(std::max(1L, std::lround(kRampSeconds * sampleRate)))
    , programLimiter_(sampleRate > 0 ? sampleRate : 1)
    , commonLimiter_(sampleRate > 0 ? sampleRate : 1) {
    if (sampleRate <= 0 || blockSize <= 0)
        throw std::invalid_argument("AudioMixer: sample rate and block size must be positive");
    const auto n = static_cast<std::size_t>(blockSize);
    total_.assign(n, 0.0);
    work_.assign(n, 0.0);
    program_.assign(n, 0.f);
    common_.assign(n, 0.f);
}

void AudioMixer::setChannel(SiteId site, bool muted, double gainDb) {
    auto it = channels_.find(site);
    if (it == channels_.end())
        it = channels_.try_emplace(site, sampleRate_, blockSize_).first;
    it->second.gain.set(muted ? 0.0 : dbToGain(gainDb), rampSamples_);
}

void AudioMixer::removeChannel(SiteId site) {
    channels_.erase(site);
}

void AudioMixer::setProgram(bool muted, double gainDb) {
    master_.set(muted ? 0.0 : dbToGain(gainDb), rampSamples_);
}

void AudioMixer::mix(std::span<const MixInput> inputs) {
    const auto n = static_cast<std::size_t>(blockSize_);
    for (const MixInput& in : inputs) {
        if (auto it = channels_.find(in.site); it != channels_.end())
            it->second.input = in.samples;
    }

    std::fill(total_.begin(), total_.end(), 0.0);
    for (auto& [site, ch] : channels_) {
        double peak = 0, sumSquares = 0;
        if (ch.gain.remaining == 0 && (ch.gain.current == 0.0 || !ch.input)) {
            // Muted and settled, or sending nothing: contributes nothing (most communes of a
            // province-wide meeting), without a pass over its samples.
            if (!ch.silent) {
                std::fill(ch.contribution.begin(), ch.contribution.end(), 0.0);
                std::fill(ch.output.begin(), ch.output.end(), 0.f);
            }
            ch.levels = levelsOf(0, 0, n);
            ch.silent = true;
            ch.input = nullptr;
            continue;
        }
        const bool ramping = ch.gain.remaining > 0;
        const double steadyGain = ch.gain.current;
        for (std::size_t i = 0; i < n; ++i) {
            float x = ch.input ? ch.input[i] : 0.f;
            if (!std::isfinite(x))
                x = 0.f; // one corrupt sample must not poison the limiters for good
            const double c = static_cast<double>(x) * (ramping ? ch.gain.next() : steadyGain);
            ch.contribution[i] = c;
            ch.output[i] = static_cast<float>(std::clamp(c, -1.0, 1.0));
            total_[i] += c;
            peak = std::max(peak, std::abs(c));
            sumSquares += c * c;
        }
        ch.levels = levelsOf(peak, sumSquares, n);
        ch.silent = peak == 0.0;
        ch.input = nullptr; // the caller's buffer is only valid during this call
    }

    for (std::size_t i = 0; i < n; ++i)
        work_[i] = total_[i] * master_.next();
    programLimiter_.process(work_.data(), program_.data(), n);
    double peak = 0, sumSquares = 0;
    for (const float s : program_) {
        peak = std::max(peak, static_cast<double>(std::abs(s)));
        sumSquares += static_cast<double>(s) * s;
    }
    programLevels_ = levelsOf(peak, sumSquares, n);

    commonLimiter_.process(total_.data(), common_.data(), n);
    ++block_;
}

std::span<const float> AudioMixer::mixMinus(SiteId site) {
    const auto it = channels_.find(site);
    if (it == channels_.end())
        return {};
    Channel& ch = it->second;
    if (ch.mixMinusBlock == block_)
        return ch.mixMinus;
    if (ch.silent) {
        // Total minus nothing: exactly the common mix-minus, its limiter in the same state
        // (most sites of a province-wide meeting are muted).
        std::copy(common_.begin(), common_.end(), ch.mixMinus.begin());
        ch.limiter.follow(commonLimiter_);
    } else {
        // Not made for the block before: its limiter starts from the common one's state, the
        // nearest there is, rather than from a gain of long ago.
        if (ch.mixMinusBlock + 1 != block_)
            ch.limiter.follow(commonLimiter_);
        for (std::size_t i = 0; i < total_.size(); ++i)
            work_[i] = total_[i] - ch.contribution[i];
        ch.limiter.process(work_.data(), ch.mixMinus.data(), total_.size());
    }
    ch.mixMinusBlock = block_;
    return ch.mixMinus;
}

std::span<const float> AudioMixer::program() const {
    return program_;
}

std::span<const float> AudioMixer::channelOutput(SiteId site) const {
    const auto it = channels_.find(site);
    if (it == channels_.end())
        return {};
    return it->second.output;
}

AudioLevels AudioMixer::channelLevels(SiteId site) const {
    const auto it = channels_.find(site);
    return it == channels_.end() ? AudioLevels{} : it->second.levels;
}

AudioLevels AudioMixer::programLevels() const {
    return programLevels_;
}

std::vector<SiteId> AudioMixer::channels() const {
    std::vector<SiteId> ids;
    ids.reserve(channels_.size());
    for (const auto& entry : channels_)
        ids.push_back(entry.first);
    return ids;
}

} // namespace hntt::engine
