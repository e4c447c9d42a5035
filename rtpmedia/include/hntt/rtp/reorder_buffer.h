// One received RTP stream: puts packets back in sequence order (across the 16-bit wrap),
// waiting a short window for late ones, and keeps RFC 3550's reception statistics (loss,
// interarrival jitter, what an RTCP report block says).
//
// A packet is released when it is the next in sequence; a hole is given up (its packets
// counted lost) when the oldest packet behind it has waited maxDelay or maxPackets wait behind
// it. A new SSRC, or a sequence jump of more than resetJump (Cisco's room systems jump), starts
// the stream afresh: what waited is dropped, the statistics continue.
//
// Packets are copied into slots that keep their capacity: no allocation per packet once warm.
// Not thread-safe: one receive thread owns it.
#pragma once

#include "hntt/rtp/rtcp.h"
#include "hntt/rtp/rtp_packet.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

namespace hntt::rtp {

struct ReorderConfig {
    std::size_t maxPackets = 50; // at most 127
    std::chrono::milliseconds maxDelay{100};
    std::uint32_t clockRate = 90000;
    int resetJump = 1000; // sequence distance beyond which the stream is taken as restarted
};

struct ReceivedPacket {
    RtpHeader header;
    std::vector<std::uint8_t> payload;
    std::chrono::steady_clock::time_point arrival{};
    std::int64_t extendedSeq = 0;
    std::uint32_t lostBefore = 0; // packets given up on just before this one
    bool held = false;            // internal: waiting in its slot
};

struct ReceptionStats {
    std::uint64_t received = 0; // distinct packets
    std::uint64_t lost = 0;     // holes given up (or skipped by a jump)
    std::uint64_t late = 0;     // arrived after their hole was given up
    std::uint64_t duplicates = 0;
    std::uint64_t resets = 0; // SSRC changes and sequence jumps
    double jitterMs = 0;      // RFC 3550 interarrival jitter
    double lossPercent = 0;   // over the last few seconds
};

enum class PushResult { Accepted, Duplicate, Late, Reset };

class ReorderBuffer {
public:
    using Clock = std::chrono::steady_clock;

    explicit ReorderBuffer(ReorderConfig config = {});

    // `payload` is copied. A Reset result also accepted the packet, as the first of a new stream.
    PushResult push(const RtpHeader& header, std::span<const std::uint8_t> payload, Clock::time_point now);

    // The next packet in order, or null when the next one is still awaited (or nothing waits).
    // The pointer is valid until the next push() or pop().
    const ReceivedPacket* pop(Clock::time_point now);

    // What is held, waiting for a hole to fill.
    std::size_t held() const { return heldCount_; }

    ReceptionStats stats(Clock::time_point now);
    // RFC 3550 appendix A.3: fraction lost since the previous call, cumulative lost, extended
    // highest sequence and jitter, for the source this buffer receives. lastSr/dlsr are the
    // caller's (from the far end's last SR). Valid once a packet has arrived.
    ReportBlock reportBlock(std::uint32_t lastSr, std::uint32_t delaySinceLastSr);
    bool started() const { return started_; }
    std::uint32_t ssrc() const { return ssrc_; }

private:
    static constexpr std::size_t kSlots = 128; // a power of two above maxPackets
    ReceivedPacket& slot(std::int64_t ext) { return slots_[static_cast<std::size_t>(ext) & (kSlots - 1)]; }
    void restart(const RtpHeader& header);
    void updateJitter(const RtpHeader& header, Clock::time_point now);
    void sampleLoss(Clock::time_point now);

    ReorderConfig config_;
    std::array<ReceivedPacket, kSlots> slots_{};
    std::size_t heldCount_ = 0;
    bool started_ = false;
    std::uint32_t ssrc_ = 0;
    std::int64_t next_ = 0;    // extended sequence to release next
    std::int64_t highest_ = 0; // highest extended sequence received
    std::int64_t lastReleased_ = -1;
    // Reception counts of this SSRC for report blocks (RFC 3550 A.3).
    std::int64_t base_ = 0;
    std::uint64_t streamReceived_ = 0;
    std::int64_t expectedPrior_ = 0;
    std::uint64_t receivedPrior_ = 0;
    // Jitter: transit times in timestamp units.
    bool haveTransit_ = false;
    double lastTransit_ = 0;
    double jitter_ = 0;
    Clock::time_point epoch_{};
    ReceptionStats totals_;
    // Loss over the last few seconds: (time, received, lost) sampled about once a second.
    struct LossSample {
        Clock::time_point at;
        std::uint64_t received;
        std::uint64_t lost;
    };
    std::deque<LossSample> lossSamples_;
};

} // namespace hntt::rtp
