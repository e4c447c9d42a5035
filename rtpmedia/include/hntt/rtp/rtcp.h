// RTCP (RFC 3550 section 6) and its feedback messages: sender and receiver reports, SDES CNAME,
// BYE, picture loss indication (RFC 4585 PSFB FMT 1), full intra request (RFC 5104 PSFB FMT 4,
// and the older RFC 2032 form, PT 192, that some room systems and baresip still use).
//
// Builders append to a caller's buffer (reused between reports: no allocation once it has grown).
// The parser turns a compound packet into a flat list of typed items; unknown packet types are
// skipped, and any length that does not fit the datagram rejects the whole compound.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace hntt::rtp {

struct ReportBlock {
    std::uint32_t ssrc = 0;          // the source reported on
    std::uint8_t fractionLost = 0;   // since the last report, of 256
    std::int32_t cumulativeLost = 0; // 24-bit signed on the wire
    std::uint32_t extendedHighestSeq = 0;
    std::uint32_t jitter = 0;           // RFC 3550 interarrival jitter, timestamp units
    std::uint32_t lastSr = 0;           // middle 32 bits of the last SR's NTP time
    std::uint32_t delaySinceLastSr = 0; // 1/65536 s
};

struct SenderInfo {
    std::uint64_t ntp = 0; // 32.32 fixed point, seconds since 1900
    std::uint32_t rtpTimestamp = 0;
    std::uint32_t packetCount = 0;
    std::uint32_t octetCount = 0;
};

enum class RtcpItemKind {
    SenderReport, // sender info of `senderSsrc`
    ReportBlock,  // one block of an SR or RR, reported by `senderSsrc`
    Pli,          // `senderSsrc` asks `mediaSsrc` for a keyframe
    Fir,          // RFC 5104: `mediaSsrc` is the FCI's SSRC, `firSeq` its command number
    Fir2032,      // RFC 2032: `mediaSsrc` the source asked
    Bye,          // `senderSsrc` leaves (one item per SSRC in the packet)
};

struct RtcpItem {
    RtcpItemKind kind = RtcpItemKind::SenderReport;
    std::uint32_t senderSsrc = 0;
    std::uint32_t mediaSsrc = 0;
    std::uint8_t firSeq = 0;
    SenderInfo sender;
    ReportBlock block;
};

enum class RtcpParseError {
    None,
    TooShort,   // under 4 bytes, or a packet shorter than its type needs
    BadVersion, // a packet of the compound is not version 2
    BadLength,  // a length field runs past the datagram
    BadPadding,
};

std::string_view describe(RtcpParseError error);

// Parses a compound packet; `out` is cleared first (its capacity kept). On error `out` holds the
// items of the packets before the bad one, which the caller should ignore.
RtcpParseError parseRtcp(std::span<const std::uint8_t> data, std::vector<RtcpItem>& out);

// Builders: each appends one RTCP packet. At most 31 report blocks (more are left out).
void appendSenderReport(std::vector<std::uint8_t>& out, std::uint32_t ssrc, const SenderInfo& info,
                        std::span<const ReportBlock> blocks = {});
void appendReceiverReport(std::vector<std::uint8_t>& out, std::uint32_t ssrc,
                          std::span<const ReportBlock> blocks);
void appendSdesCname(std::vector<std::uint8_t>& out, std::uint32_t ssrc, std::string_view cname);
void appendPli(std::vector<std::uint8_t>& out, std::uint32_t senderSsrc, std::uint32_t mediaSsrc);
void appendFir(std::vector<std::uint8_t>& out, std::uint32_t senderSsrc, std::uint32_t mediaSsrc,
               std::uint8_t seqNr);
void appendFir2032(std::vector<std::uint8_t>& out, std::uint32_t mediaSsrc);
void appendBye(std::vector<std::uint8_t>& out, std::uint32_t ssrc, std::string_view reason = {});

// NTP time (32.32 since 1900) of a system-clock instant given as nanoseconds since 1970, and the
// middle 32 bits a report block's LSR carries.
std::uint64_t ntpFromUnixNanoseconds(std::int64_t ns);
constexpr std::uint32_t ntpMiddle32(std::uint64_t ntp) {
    return static_cast<std::uint32_t>(ntp >> 16);
}

} // namespace hntt::rtp
