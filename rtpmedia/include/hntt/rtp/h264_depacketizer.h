// RFC 6184 H.264 over RTP, receive side: single NAL unit packets, STAP-A and FU-A (packetization
// modes 0 and 1) become whole access units in Annex B. STAP-B, MTAP16/24 and FU-B (interleaved
// mode 2, which no room system we meet offers) are refused and counted.
//
// An access unit ends at the marker bit, or when the RTP timestamp changes (the marker was lost).
// An AU that lost a packet (the caller says so, from the reorder buffer) or whose fragments do not
// join up is marked damaged: the caller drops it and asks for a keyframe, rather than feeding the
// decoder a broken picture. An IDR that arrives without SPS/PPS gets the last ones seen put in
// front, so a decoder that joined late can start from it.
//
// Feed packets in sequence order. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string_view>
#include <vector>

namespace hntt::rtp {

struct AccessUnit {
    std::vector<std::uint8_t> data; // Annex B: 00 00 00 01 before each NAL unit
    std::uint32_t timestamp = 0;    // RTP, 90 kHz
    bool keyframe = false;          // holds an IDR slice (with SPS and PPS, given or put in front)
    bool damaged = false;
    bool hasSps = false;
    bool hasPps = false;
};

enum class H264PacketError {
    None,
    Empty,
    ForbiddenBit,   // the NAL header's F bit: the sender says the unit is corrupt
    TruncatedStapA, // an aggregated unit's size runs past the packet
    TruncatedFu,    // an FU-A shorter than its two header bytes
    FuWithoutStart, // a fragment whose start was never seen
    Unsupported,    // STAP-B, MTAP16, MTAP24, FU-B (interleaved mode)
    Reserved,       // NAL type 0, 30 or 31
    TooLarge,       // an access unit past maxAccessUnitBytes: dropped
};

std::string_view describe(H264PacketError error);

struct H264DepacketizerStats {
    std::uint64_t accessUnits = 0; // emitted, damaged ones included
    std::uint64_t damaged = 0;
    std::uint64_t keyframes = 0;
    std::uint64_t badPackets = 0; // any H264PacketError
    std::uint64_t unsupported = 0;
};

class H264Depacketizer {
public:
    explicit H264Depacketizer(std::size_t maxAccessUnitBytes = 4 * 1024 * 1024);

    // One RTP payload, in order. `lostBefore`: packets were lost just before this one.
    H264PacketError push(std::span<const std::uint8_t> payload, std::uint32_t timestamp, bool marker,
                         bool lostBefore = false);
    // Completed access units, oldest first.
    bool hasAccessUnit() const { return !done_.empty(); }
    AccessUnit takeAccessUnit();
    // Forgets any partial AU (a new stream, a hold).
    void reset();

    const H264DepacketizerStats& stats() const { return stats_; }

private:
    void appendNal(std::span<const std::uint8_t> nal);
    void beginNal(std::uint8_t header); // for FU-A: start code + reconstructed NAL header
    void noteNalType(std::uint8_t type);
    void finish();
    void damage() { current_.damaged = true; }

    const std::size_t maxBytes_;
    AccessUnit current_;
    bool open_ = false; // current_ has received at least one packet
    bool inFu_ = false; // an FU-A is being assembled
    bool hasIdr_ = false;
    std::size_t fuStart_ = 0; // where the FU's NAL unit begins in current_.data
    std::vector<std::uint8_t> sps_;
    std::vector<std::uint8_t> pps_;
    std::deque<AccessUnit> done_;
    H264DepacketizerStats stats_;
};

} // namespace hntt::rtp
