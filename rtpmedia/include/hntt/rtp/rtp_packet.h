// RTP fixed headers (RFC 3550 section 5.1): parse what arrives, write what is sent, and compare
// 16-bit sequence numbers across their wrap-around.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace hntt::rtp {

struct RtpHeader {
    bool marker = false;
    std::uint8_t payloadType = 0;
    std::uint16_t sequence = 0;
    std::uint32_t timestamp = 0;
    std::uint32_t ssrc = 0;
    std::uint8_t csrcCount = 0; // the CSRCs themselves are skipped: a mixer's list we do not use
    bool hasExtension = false;
    std::uint16_t extensionProfile = 0; // 0xBEDE: RFC 8285 one-byte elements
};

// A parsed packet: views into the caller's buffer, valid while it is.
struct RtpPacket {
    RtpHeader header;
    std::span<const std::uint8_t> extension; // the extension's words, without its 4-byte header
    std::span<const std::uint8_t> payload;   // padding removed
};

enum class RtpParseError {
    None,
    TooShort,      // shorter than the 12-byte fixed header
    BadVersion,    // not version 2 (STUN, DTLS, garbage)
    LooksLikeRtcp, // payload type 72..76 with the marker: an RTCP packet on a muxed port
    CsrcOverrun,   // the CSRC list runs past the end
    ExtensionOverrun,
    BadPadding, // a padding count of 0 or larger than what is left
};

std::string_view describe(RtpParseError error);

// Parses one datagram. On error, `out` is left unspecified.
RtpParseError parseRtp(std::span<const std::uint8_t> data, RtpPacket& out);

// True if the datagram looks like RTCP (RFC 5761 section 4: version 2, PT 192..223), so a muxed
// port can tell the two apart before parsing.
bool looksLikeRtcp(std::span<const std::uint8_t> data);

constexpr std::size_t kRtpHeaderSize = 12;

// Writes the 12-byte fixed header (no CSRC, no extension, no padding) at out[0..12). Returns
// the bytes written, or 0 if `out` is shorter than 12.
std::size_t writeRtp(const RtpHeader& header, std::span<std::uint8_t> out);

// Sequence arithmetic modulo 2^16 (RFC 3550 appendix A.1): a is newer than b when it is ahead
// by less than half the space.
constexpr bool seqNewer(std::uint16_t a, std::uint16_t b) {
    return a != b && static_cast<std::uint16_t>(a - b) < 0x8000;
}
// Signed distance a - b, in [-32768, 32767].
constexpr int seqDelta(std::uint16_t a, std::uint16_t b) {
    return static_cast<std::int16_t>(static_cast<std::uint16_t>(a - b));
}
// Extends a 16-bit sequence number to 64 bits near a reference extended value (the last seen),
// so ordering and loss are plain integer arithmetic across wraps.
constexpr std::int64_t seqExtend(std::uint16_t seq, std::int64_t referenceExtended) {
    return referenceExtended + seqDelta(seq, static_cast<std::uint16_t>(referenceExtended & 0xFFFF));
}

// Big-endian helpers shared by the RTP and RTCP code.
inline std::uint16_t readU16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}
inline std::uint32_t readU32(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
inline void writeU16(std::uint8_t* p, std::uint16_t v) {
    p[0] = static_cast<std::uint8_t>(v >> 8);
    p[1] = static_cast<std::uint8_t>(v);
}
inline void writeU32(std::uint8_t* p, std::uint32_t v) {
    p[0] = static_cast<std::uint8_t>(v >> 24);
    p[1] = static_cast<std::uint8_t>(v >> 16);
    p[2] = static_cast<std::uint8_t>(v >> 8);
    p[3] = static_cast<std::uint8_t>(v);
}

} // namespace hntt::rtp
