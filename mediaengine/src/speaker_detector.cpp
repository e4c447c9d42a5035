#include "speaker_detector.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace hntt::engine {

namespace {
std::int64_t samplesFor(int sampleRate, std::chrono::milliseconds d) {
    return static_cast<std::int64_t>(sampleRate) * std::max<std::int64_t>(d.count(), 0) / 1000;
}
} // namespace

ActiveSpeakerDetector::ActiveSpeakerDetector(int sampleRate, int blockSize, SpeakerDetectorParams params)
    : params_(params)
    , blockSamples_(blockSize)
    , holdSamples_(samplesFor(sampleRate, params.hold))
    , releaseSamples_(samplesFor(sampleRate, params.silenceRelease)) {
    if (sampleRate <= 0 || blockSize <= 0)
        throw std::invalid_argument("ActiveSpeakerDetector: sample rate and block size must be positive");
}

bool ActiveSpeakerDetector::update(std::span<const SpeakerLevel> levels) {
    constexpr double kSilent = -std::numeric_limits<double>::infinity();
    // The loudest and second-loudest audible sites; the current speaker's own level.
    std::optional<SiteId> loudest;
    double loudestDb = kSilent;
    double secondDb = kSilent;
    double currentDb = kSilent;
    for (const SpeakerLevel& l : levels) {
        if (l.muted)
            continue;
        const double db = l.rmsDbfs;
        if (current_ && l.site == *current_)
            currentDb = db;
        if (db > loudestDb) {
            secondDb = loudestDb;
            loudestDb = db;
            loudest = l.site;
        } else {
            secondDb = std::max(secondDb, db);
        }
    }

    changed_ = false;
    const bool challenger = loudest && loudest != current_ && loudestDb >= params_.speechThresholdDbfs &&
                            loudestDb - secondDb >= params_.marginDb;
    if (challenger) {
        if (candidate_ == loudest) {
            candidateSamples_ += blockSamples_;
        } else {
            candidate_ = loudest;
            candidateSamples_ = blockSamples_;
        }
        if (candidateSamples_ >= holdSamples_) {
            current_ = candidate_;
            candidate_.reset();
            candidateSamples_ = 0;
            silentSamples_ = 0;
            changed_ = true;
            return true;
        }
    } else if (candidate_) {
        candidateSamples_ = std::max<std::int64_t>(candidateSamples_ - blockSamples_, 0);
        if (candidateSamples_ == 0)
            candidate_.reset();
    }

    if (current_) {
        if (currentDb >= params_.speechThresholdDbfs) {
            silentSamples_ = 0;
        } else {
            silentSamples_ += blockSamples_;
            if (releaseSamples_ > 0 && silentSamples_ >= releaseSamples_) {
                current_.reset();
                silentSamples_ = 0;
                changed_ = true;
            }
        }
    }
    return changed_;
}

void ActiveSpeakerDetector::reset() {
    current_.reset();
    candidate_.reset();
    candidateSamples_ = 0;
    silentSamples_ = 0;
    changed_ = false;
}

} // namespace hntt::engine
