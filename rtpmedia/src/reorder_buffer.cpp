#include "hntt/rtp/reorder_buffer.h"

#include <algorithm>
#include <cmath>

namespace hntt::rtp {
namespace {
constexpr auto kLossWindow = std::chrono::seconds(5);
}

ReorderBuffer::ReorderBuffer(ReorderConfig config)
    : config_(config) {
    config_.maxPackets = std::clamp<std::size_t>(config_.maxPackets, 1, kSlots - 1);
    config_.resetJump = std::max(config_.resetJump, static_cast<int>(kSlots));
    if (config_.clockRate == 0)
        config_.clockRate = 90000;
}

void ReorderBuffer::restart(const RtpHeader& header) {
    for (auto& s : slots_)
        s.held = false;
    heldCount_ = 0;
    ssrc_ = header.ssrc;
    next_ = header.sequence;
    highest_ = header.sequence - 1;
    lastReleased_ = next_ - 1;
    base_ = header.sequence;
    streamReceived_ = 0;
    expectedPrior_ = 0;
    receivedPrior_ = 0;
    haveTransit_ = false;
}

PushResult ReorderBuffer::push(const RtpHeader& header, std::span<const std::uint8_t> payload,
                               Clock::time_point now) {
    PushResult result = PushResult::Accepted;
    if (!started_) {
        started_ = true;
        epoch_ = now;
        restart(header);
    } else if (header.ssrc != ssrc_) {
        restart(header);
        ++totals_.resets;
        result = PushResult::Reset;
    }
    std::int64_t ext = seqExtend(header.sequence, highest_);
    if (ext < next_) {
        if (next_ - ext > config_.resetJump) {
            restart(header); // far behind: the sender started again
            ++totals_.resets;
            result = PushResult::Reset;
            ext = next_;
        } else {
            const ReceivedPacket& s = slot(ext);
            if (s.extendedSeq == ext && (s.held || ext <= lastReleased_) &&
                next_ - ext < static_cast<std::int64_t>(kSlots)) {
                ++totals_.duplicates;
                return PushResult::Duplicate;
            }
            ++totals_.late;
            return PushResult::Late;
        }
    } else if (ext - next_ >= static_cast<std::int64_t>(kSlots)) {
        // Beyond the window: a jump. A moderate one is a long loss (what waited behind the old
        // hole is dropped with it); a large one a restart.
        if (ext - next_ <= config_.resetJump) {
            totals_.lost += static_cast<std::uint64_t>(ext - next_) - heldCount_;
            for (auto& held : slots_)
                held.held = false;
            heldCount_ = 0;
            next_ = ext;
        } else {
            restart(header);
            ++totals_.resets;
            result = PushResult::Reset;
            ext = next_;
        }
    }
    ReceivedPacket& s = slot(ext);
    if (s.held && s.extendedSeq == ext) {
        ++totals_.duplicates;
        return PushResult::Duplicate;
    }
    s.header = header;
    s.payload.assign(payload.begin(), payload.end());
    s.arrival = now;
    s.extendedSeq = ext;
    s.lostBefore = 0;
    s.held = true;
    ++heldCount_;
    highest_ = std::max(highest_, ext);
    ++totals_.received;
    ++streamReceived_;
    updateJitter(header, now);
    sampleLoss(now);
    return result;
}

const ReceivedPacket* ReorderBuffer::pop(Clock::time_point now) {
    if (heldCount_ == 0)
        return nullptr;
    ReceivedPacket* s = &slot(next_);
    if (!(s->held && s->extendedSeq == next_)) {
        // A hole: find the first packet behind it and decide whether to wait longer.
        std::int64_t first = next_ + 1;
        while (first <= highest_ && !(slot(first).held && slot(first).extendedSeq == first))
            ++first;
        if (first > highest_)
            return nullptr; // cannot happen while heldCount_ > 0; kept as a guard
        if (heldCount_ < config_.maxPackets && now - slot(first).arrival < config_.maxDelay)
            return nullptr;
        const auto skipped = static_cast<std::uint32_t>(first - next_);
        totals_.lost += skipped;
        next_ = first;
        s = &slot(next_);
        s->lostBefore = skipped;
    }
    s->held = false;
    --heldCount_;
    lastReleased_ = next_;
    ++next_;
    sampleLoss(now);
    return s;
}

void ReorderBuffer::updateJitter(const RtpHeader& header, Clock::time_point now) {
    const double arrival =
        std::chrono::duration<double>(now - epoch_).count() * static_cast<double>(config_.clockRate);
    const double transit = arrival - static_cast<double>(header.timestamp);
    if (haveTransit_) {
        double d = std::fabs(transit - lastTransit_);
        // A timestamp wrap (or a sender's jump) is no jitter: ignore differences beyond an hour.
        if (d < 3600.0 * config_.clockRate)
            jitter_ += (d - jitter_) / 16.0;
    }
    lastTransit_ = transit;
    haveTransit_ = true;
}

void ReorderBuffer::sampleLoss(Clock::time_point now) {
    if (lossSamples_.empty() || now - lossSamples_.back().at >= std::chrono::seconds(1)) {
        lossSamples_.push_back({now, totals_.received, totals_.lost});
        while (lossSamples_.size() > 2 && now - lossSamples_[1].at >= kLossWindow)
            lossSamples_.pop_front();
    }
}

ReceptionStats ReorderBuffer::stats(Clock::time_point now) {
    ReceptionStats s = totals_;
    s.jitterMs = jitter_ * 1000.0 / config_.clockRate;
    if (!lossSamples_.empty() && now - lossSamples_.front().at < kLossWindow + std::chrono::seconds(2)) {
        const double received = static_cast<double>(totals_.received - lossSamples_.front().received);
        const double lost = static_cast<double>(totals_.lost - lossSamples_.front().lost);
        if (received + lost > 0)
            s.lossPercent = 100.0 * lost / (received + lost);
    }
    return s;
}

ReportBlock ReorderBuffer::reportBlock(std::uint32_t lastSr, std::uint32_t delaySinceLastSr) {
    ReportBlock b;
    b.ssrc = ssrc_;
    const std::int64_t expected = highest_ - base_ + 1;
    const std::int64_t lost = expected - static_cast<std::int64_t>(streamReceived_);
    b.cumulativeLost = static_cast<std::int32_t>(std::clamp<std::int64_t>(lost, -0x800000, 0x7FFFFF));
    const std::int64_t expectedInterval = expected - expectedPrior_;
    const std::int64_t lostInterval =
        expectedInterval - static_cast<std::int64_t>(streamReceived_ - receivedPrior_);
    expectedPrior_ = expected;
    receivedPrior_ = streamReceived_;
    b.fractionLost =
        expectedInterval <= 0 || lostInterval <= 0
            ? 0
            : static_cast<std::uint8_t>(std::min<std::int64_t>(255, (lostInterval << 8) / expectedInterval));
    // The extended highest sequence counts wraps from zero, as the sender's own counter does.
    b.extendedHighestSeq = static_cast<std::uint32_t>(highest_ < 0 ? 0 : highest_);
    b.jitter = static_cast<std::uint32_t>(jitter_);
    b.lastSr = lastSr;
    b.delaySinceLastSr = delaySinceLastSr;
    return b;
}

} // namespace hntt::rtp
