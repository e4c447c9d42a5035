#include "audio_buffer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hntt::engine {

namespace {
constexpr std::size_t kCorrectionInterval = 200; // output samples per drop/repeat: 0.5 % at most
// The fill is averaged over ~4 s: several of the 100-250 ms audio bursts of an MPEG-TS sender, so
// a burst arriving or draining does not read as drift (over 0.6 s it did, and corrections flapped).
constexpr double kFillSmoothingSeconds = 4.0;
constexpr std::size_t kFadeSamples = 120; // 2.5 ms at 48 kHz: hides the step into/out of silence
// A fill more than three dead bands above the target before every pull for half a second is a
// backlog, cut at once. Drift never gets there (corrections start at one band), nor does a
// bursty sender's saw-tooth: its troughs come back near the target with every burst.
constexpr std::size_t kBacklogBands = 3;
constexpr std::size_t kBacklogHoldDivisor = 2;               // half a second
constexpr std::chrono::milliseconds kMaxAdaptiveTarget{400}; // beyond this, lip sync suffers more than gaps
constexpr std::chrono::milliseconds kMinDeadBand{20};
constexpr std::size_t kDeadBandDivisor = 4;  // the band is a quarter of the target, at least 20 ms
constexpr double kSameRunTolerance = 0.0005; // a push within 0.5 ms of where the last one ends continues it
constexpr std::size_t kMaxSegments = 512;    // timestamps kept for buffered audio (a few per push)

std::size_t samplesFor(int sampleRate, std::chrono::milliseconds d) {
    const auto ms = std::max<std::chrono::milliseconds::rep>(d.count(), 0);
    return static_cast<std::size_t>(static_cast<std::int64_t>(sampleRate) * ms / 1000);
}

int checkedRate(int sampleRate) {
    if (sampleRate <= 0)
        throw std::invalid_argument("AudioJitterBuffer: sample rate must be positive");
    return sampleRate;
}
} // namespace

AudioJitterBuffer::AudioJitterBuffer(int sampleRate, std::chrono::milliseconds target)
    : sampleRate_(checkedRate(sampleRate))
    , maxTarget_(std::max(4 * std::max<std::size_t>(samplesFor(sampleRate, target), 1),
                          samplesFor(sampleRate, kMaxAdaptiveTarget))) {
    setTarget(std::max<std::size_t>(samplesFor(sampleRate, target), 1));
    const std::size_t maxCap =
        std::max(3 * maxTarget_, maxTarget_ + samplesFor(sampleRate, std::chrono::milliseconds(100)));
    ring_.assign(std::max(static_cast<std::size_t>(sampleRate), 2 * maxCap), 0.f);
}

void AudioJitterBuffer::setTarget(std::size_t target) {
    target_ = target;
    // Some headroom over target even for tiny targets, so a pull block still fits under the cap.
    hardCap_ = std::max(3 * target_, target_ + samplesFor(sampleRate_, std::chrono::milliseconds(100)));
    deadBand_ = std::max(target_ / kDeadBandDivisor, samplesFor(sampleRate_, kMinDeadBand));
}

float AudioJitterBuffer::popFront() {
    const float v = ring_[head_];
    head_ = (head_ + 1) % ring_.size();
    --size_;
    ++headIndex_;
    return v;
}

void AudioJitterBuffer::popInto(float* dst, std::size_t n) {
    const std::size_t first = std::min(n, ring_.size() - head_);
    std::copy_n(ring_.data() + head_, first, dst);
    std::copy_n(ring_.data(), n - first, dst + first);
    dropFront(n);
}

void AudioJitterBuffer::dropFront(std::size_t n) {
    head_ = (head_ + n) % ring_.size();
    size_ -= n;
    headIndex_ += n;
}

void AudioJitterBuffer::cutBacklog(std::size_t n) {
    // The samples just after the cut fade in over those that would have played, so the
    // waveform has no step where the backlog was.
    const std::size_t cap = ring_.size();
    for (std::size_t i = 0; i < kFadeSamples; ++i) {
        const float g = static_cast<float>(i + 1) / static_cast<float>(kFadeSamples + 1);
        float& after = ring_[(head_ + n + i) % cap];
        after = ring_[(head_ + i) % cap] * (1.f - g) + after * g;
    }
    dropFront(n);
    dropped_ += n;
}

double AudioJitterBuffer::ptsAt(std::uint64_t index) const {
    if (segments_.empty())
        return kNoPts;
    // The last run that starts at or before `index`; before the first, extrapolate backwards.
    auto it = std::find_if(segments_.rbegin(), segments_.rend(),
                           [index](const Segment& s) { return s.start <= index; });
    const Segment& s = it == segments_.rend() ? segments_.front() : *it;
    if (std::isnan(s.pts))
        return kNoPts;
    const double offset = static_cast<double>(index) - static_cast<double>(s.start);
    return s.pts + offset / sampleRate_;
}

void AudioJitterBuffer::pruneSegments() {
    while (segments_.size() > 1 && segments_[1].start <= headIndex_)
        segments_.pop_front();
    while (segments_.size() > kMaxSegments)
        segments_.pop_front();
}

void AudioJitterBuffer::push(const float* samples, std::size_t count, double pts) {
    if (!samples || count == 0)
        return;
    std::lock_guard lock(mutex_);
    const std::size_t cap = ring_.size();
    if (count > cap) {
        // Only the newest `cap` samples can survive anyway.
        const std::size_t skipped = count - cap;
        dropped_ += skipped;
        samples += skipped;
        count = cap;
        pts += static_cast<double>(skipped) / sampleRate_;
    }
    if (size_ + count > cap) {
        const std::size_t overflow = size_ + count - cap;
        dropFront(overflow);
        dropped_ += overflow;
    }
    // Timestamps: a new run unless this push continues the last one where it ended.
    const std::uint64_t tailIndex = headIndex_ + size_;
    if (segments_.empty()) {
        segments_.push_back({tailIndex, pts});
    } else {
        const double expected = ptsAt(tailIndex);
        const bool continues = std::isnan(pts)
                                   ? std::isnan(expected)
                                   : !std::isnan(expected) && std::abs(expected - pts) < kSameRunTolerance;
        if (!continues)
            segments_.push_back({tailIndex, pts});
    }

    std::size_t tail = (head_ + size_) % cap;
    const std::size_t first = std::min(count, cap - tail);
    std::copy_n(samples, first, ring_.begin() + static_cast<std::ptrdiff_t>(tail));
    std::copy_n(samples + first, count - first, ring_.begin());
    size_ += count;
    if (size_ > hardCap_) {
        // A burst (e.g. after a stall): jump back to the target latency at once rather than
        // draining it slowly through drift correction.
        const std::size_t excess = size_ - target_;
        dropFront(excess);
        dropped_ += excess;
    }
    pruneSegments();
}

void AudioJitterBuffer::pull(float* dst, std::size_t count) {
    if (!dst || count == 0)
        return;
    std::lock_guard lock(mutex_);
    if (!playing_) {
        // Start only once a whole pull is there as well, or the first pull would run dry at once.
        const std::size_t start = std::min(std::max(target_, count), hardCap_);
        if (size_ >= start) {
            playing_ = true;
            smoothedFill_ = static_cast<double>(size_);
            correcting_ = 0;
            sinceCorrection_ = 0;
            backlogRun_ = 0;
            fadeInLeft_ = kFadeSamples;
        }
    }
    if (!playing_) {
        std::fill_n(dst, count, 0.f);
        inserted_ += count;
        last_ = 0;
        // The pictures wait where the sound will resume.
        if (size_ > 0)
            playhead_ = Playhead{!std::isnan(ptsAt(headIndex_)), ptsAt(headIndex_)};
        return;
    }

    const double alpha = std::min(1.0, static_cast<double>(count) /
                                           (kFillSmoothingSeconds * static_cast<double>(sampleRate_)));
    smoothedFill_ += (static_cast<double>(size_) - smoothedFill_) * alpha;
    // A fill that stays far above the target is a backlog (a clock that took its first blocks
    // late, a consumer that fell behind), not drift: cut it out at once rather than play it 0.5 %
    // fast for a minute, a pitch shift and a latency nobody wants.
    if (size_ > target_ + kBacklogBands * deadBand_) {
        backlogRun_ += count;
        const std::size_t keep = std::max({target_ + deadBand_ / 2, count, kFadeSamples});
        if (backlogRun_ >= static_cast<std::size_t>(sampleRate_) / kBacklogHoldDivisor &&
            size_ > keep + kFadeSamples) {
            cutBacklog(size_ - keep);
            smoothedFill_ = static_cast<double>(size_);
            backlogRun_ = 0;
        }
    } else {
        backlogRun_ = 0;
    }

    // The media time of this block's middle: the picture shown with it is the one nearest to it.
    const double mid = ptsAt(headIndex_ + std::min(size_, count) / 2);
    playhead_ = Playhead{!std::isnan(mid), mid};

    auto fadeIn = [this](float v) {
        if (fadeInLeft_ == 0)
            return v;
        const float g = 1.f - static_cast<float>(fadeInLeft_) / static_cast<float>(kFadeSamples + 1);
        --fadeInLeft_;
        return v * g;
    };

    if (size_ < count) {
        // Underrun: play what is left, fading it out, then silence; pre-roll again.
        const std::size_t n = size_;
        const std::size_t fadeLen = std::min(n, kFadeSamples);
        for (std::size_t i = 0; i < n; ++i) {
            float v = fadeIn(popFront());
            if (i + fadeLen >= n)
                v *= static_cast<float>(n - i) / static_cast<float>(fadeLen + 1);
            dst[i] = v;
        }
        std::fill(dst + n, dst + count, 0.f);
        inserted_ += count - n;
        ++underruns_;
        playing_ = false;
        last_ = 0;
        setTarget(std::min(maxTarget_, target_ + std::max<std::size_t>(target_ / 2, 1)));
        pruneSegments();
        return;
    }

    const double error = smoothedFill_ - static_cast<double>(target_);
    const double band = static_cast<double>(deadBand_);
    // Hysteresis: corrections start outside the band and stop once back within half of it.
    if (std::abs(error) > band)
        correcting_ = error > 0 ? 1 : -1;
    else if (std::abs(error) <= band / 2)
        correcting_ = 0;
    const int mode = correcting_;

    if (mode == 0 && fadeInLeft_ == 0) {
        // The usual block: neither corrected nor fading in, copied as it is.
        popInto(dst, count);
        last_ = dst[count - 1];
        pruneSegments();
        return;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t remaining = count - i;
        float v;
        if (mode != 0 && ++sinceCorrection_ >= kCorrectionInterval) {
            sinceCorrection_ = 0;
            if (mode > 0 && size_ >= remaining + 1) {
                // Drop: two samples become their mean, so the waveform has no gap.
                const float a = popFront();
                const float b = popFront();
                v = 0.5f * (a + b);
                ++dropped_;
            } else if (mode < 0) {
                // Repeat: a sample halfway between the last one played and the next one.
                v = 0.5f * (last_ + ring_[head_]);
                ++inserted_;
            } else {
                v = popFront();
            }
        } else {
            v = popFront();
        }
        v = fadeIn(v);
        dst[i] = v;
        last_ = v;
    }
    pruneSegments();
}

void AudioJitterBuffer::clear() {
    std::lock_guard lock(mutex_);
    headIndex_ += size_;
    head_ = 0;
    size_ = 0;
    segments_.clear();
    playhead_ = {};
    playing_ = false;
    smoothedFill_ = 0;
    correcting_ = 0;
    sinceCorrection_ = 0;
    backlogRun_ = 0;
    fadeInLeft_ = 0;
    last_ = 0;
}

std::size_t AudioJitterBuffer::buffered() const {
    std::lock_guard lock(mutex_);
    return size_;
}

std::uint64_t AudioJitterBuffer::underruns() const {
    std::lock_guard lock(mutex_);
    return underruns_;
}

std::uint64_t AudioJitterBuffer::droppedSamples() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

std::uint64_t AudioJitterBuffer::insertedSamples() const {
    std::lock_guard lock(mutex_);
    return inserted_;
}

AudioJitterBuffer::Playhead AudioJitterBuffer::playhead() const {
    std::lock_guard lock(mutex_);
    return playhead_;
}

std::size_t AudioJitterBuffer::targetSamples() const {
    std::lock_guard lock(mutex_);
    return target_;
}

std::size_t AudioJitterBuffer::hardCapSamples() const {
    std::lock_guard lock(mutex_);
    return hardCap_;
}

std::size_t AudioJitterBuffer::deadBandSamples() const {
    std::lock_guard lock(mutex_);
    return deadBand_;
}

} // namespace hntt::engine
