// H.264 over RTP, sending side (RFC 6184): one Annex B access unit in, the RTP payloads of its
// packets out, in order, with the marker on the last one.
//
// Packetization mode 1 (non-interleaved): consecutive NAL units that fit together go in one
// STAP-A (SPS, PPS and a small slice share a packet), a NAL unit larger than the payload limit is
// cut into FU-A fragments of even sizes, and any other goes alone (single NAL unit packet).
// Packetization mode 0: single NAL unit packets only. The sender's encoder keeps its slices
// under the limit (x264's slice-max-size); a NAL unit that is over it anyway cannot be sent in
// this mode, so it is dropped and counted, never sent cut.
//
// Not thread-safe: one packetizer per stream, used by one thread. The payloads it returns are
// views into its own buffer, valid until the next call to packetize().
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hntt::rtp {

struct H264PacketizerStats {
    std::uint64_t accessUnits = 0;      // handed to packetize()
    std::uint64_t nalUnits = 0;         // found in them (empty ones not counted)
    std::uint64_t packets = 0;          // payloads produced
    std::uint64_t singleNal = 0;        // of which single NAL unit packets
    std::uint64_t stapA = 0;            // of which STAP-A
    std::uint64_t fuA = 0;              // of which FU-A fragments
    std::uint64_t oversizedDropped = 0; // mode 0: NAL units over the limit, not sent
    std::uint64_t malformed = 0;        // access units with no start code, or NAL units with F set
};

struct H264Payload {
    std::span<const std::uint8_t> data;
    bool marker = false; // last packet of the access unit
};

class H264Packetizer {
public:
    // The smallest payload limit taken: an FU-A needs room for its two header bytes and data.
    static constexpr std::size_t kMinPayloadBytes = 16;
    // STAP-A sizes are 16-bit; larger limits are lowered to this.
    static constexpr std::size_t kMaxPayloadBytes = 65000;

    // mode: 0 or 1 (anything else is taken as 0, the mode every receiver has).
    H264Packetizer(int packetizationMode, std::size_t maxPayloadBytes);

    // Splits one access unit (NAL units each after a 3- or 4-byte start code) into payloads.
    // Empty when nothing in it can be sent. An access unit holding no start code is counted
    // as malformed and yields nothing. NAL units whose forbidden_zero_bit is set are dropped
    // (a receiver discards them anyway) and counted as malformed.
    const std::vector<H264Payload>& packetize(std::span<const std::uint8_t> accessUnit);

    int packetizationMode() const { return mode_; }
    std::size_t maxPayloadBytes() const { return maxPayload_; }
    const H264PacketizerStats& stats() const { return stats_; }

    // The NAL units of an Annex B buffer, without their start codes (and without the zero bytes
    // that trail a NAL unit before a 4-byte start code). Empty NAL units are skipped.
    static std::vector<std::span<const std::uint8_t>> splitAnnexB(std::span<const std::uint8_t> data);

private:
    // Payload bytes go to buffer_; spans are fixed up once the buffer stops growing.
    struct Range {
        std::size_t offset = 0;
        std::size_t size = 0;
    };
    void emitSingle(std::span<const std::uint8_t> nal);
    void emitStapA(std::span<const std::span<const std::uint8_t>> nals);
    void emitFuA(std::span<const std::uint8_t> nal);

    int mode_;
    std::size_t maxPayload_;
    std::vector<std::uint8_t> buffer_;
    std::vector<Range> ranges_;
    std::vector<std::span<const std::uint8_t>> nals_;
    std::vector<H264Payload> payloads_;
    H264PacketizerStats stats_;
};

} // namespace hntt::rtp
