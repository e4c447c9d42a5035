// Decides which site is speaking, for voice-activated layouts and the operator's display.
#pragma once

#include "hntt/engine/types.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>

namespace hntt::engine {

struct SpeakerDetectorParams {
    double speechThresholdDbfs = -45.0;  // RMS at or above this counts as speech
    double marginDb = 6.0;               // a challenger must beat every other site by this
    std::chrono::milliseconds hold{600}; // ... for this long before it takes over
    // The current speaker loses the floor after this much silence with nobody taking over;
    // zero keeps the last speaker indefinitely.
    std::chrono::milliseconds silenceRelease{3000};
};

// One site's level for one block: the post-gain RMS as mixed.
struct SpeakerLevel {
    SiteId site = 0;
    float rmsDbfs = -120.f;
    bool muted = false; // muted sites never speak
};

// Fed once per mixing block. A challenger takes over when it is above the speech threshold and
// louder than every other site (the current speaker included) by the margin for `hold` in
// total; blocks where it does not qualify count backwards, so a short burst or an intermittent
// noise never gets there, while ordinary pauses between words barely delay a real speaker.
// Another site qualifying starts its own count from zero. Not thread-safe: one caller (the
// program clock).
class ActiveSpeakerDetector {
public:
    ActiveSpeakerDetector(int sampleRate, int blockSize, SpeakerDetectorParams params = {});

    // One block's levels, each site at most once (sites not listed count as silent).
    // Returns whether current() changed.
    bool update(std::span<const SpeakerLevel> levels);
    std::optional<SiteId> current() const { return current_; }
    bool changed() const { return changed_; } // in the last update()
    void reset();                             // nobody speaking, no candidate
    const SpeakerDetectorParams& params() const { return params_; }

private:
    SpeakerDetectorParams params_;
    std::int64_t blockSamples_;
    std::int64_t holdSamples_;
    std::int64_t releaseSamples_; // 0: never
    std::optional<SiteId> current_;
    std::optional<SiteId> candidate_;
    std::int64_t candidateSamples_ = 0;
    std::int64_t silentSamples_ = 0; // of the current speaker
    bool changed_ = false;
};

} // namespace hntt::engine
