#include "hntt/rtp/rtcp.h"

#include "hntt/rtp/rtp_packet.h"

#include <algorithm>
#include <cstddef>

namespace hntt::rtp {
namespace {

constexpr std::uint8_t kSr = 200;
constexpr std::uint8_t kRr = 201;
constexpr std::uint8_t kSdes = 202;
constexpr std::uint8_t kBye = 203;
constexpr std::uint8_t kPsfb = 206;
constexpr std::uint8_t kFir2032 = 192;
constexpr std::size_t kMaxBlocks = 31;

// Appends a packet header with a placeholder length; finish() sets it once the body is written.
std::size_t begin(std::vector<std::uint8_t>& out, std::uint8_t count, std::uint8_t type) {
    const std::size_t start = out.size();
    out.push_back(static_cast<std::uint8_t>(0x80 | (count & 0x1F)));
    out.push_back(type);
    out.push_back(0);
    out.push_back(0);
    return start;
}
void finish(std::vector<std::uint8_t>& out, std::size_t start) {
    while ((out.size() - start) % 4 != 0)
        out.push_back(0);
    writeU16(out.data() + start + 2, static_cast<std::uint16_t>((out.size() - start) / 4 - 1));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    const std::size_t at = out.size();
    out.resize(at + 4);
    writeU32(out.data() + at, v);
}
void putBlock(std::vector<std::uint8_t>& out, const ReportBlock& b) {
    put32(out, b.ssrc);
    const std::int32_t lost = std::clamp<std::int32_t>(b.cumulativeLost, -0x800000, 0x7FFFFF);
    put32(out, (std::uint32_t{b.fractionLost} << 24) | (static_cast<std::uint32_t>(lost) & 0xFFFFFF));
    put32(out, b.extendedHighestSeq);
    put32(out, b.jitter);
    put32(out, b.lastSr);
    put32(out, b.delaySinceLastSr);
}
ReportBlock readBlock(const std::uint8_t* p) {
    ReportBlock b;
    b.ssrc = readU32(p);
    b.fractionLost = p[4];
    std::uint32_t lost = (std::uint32_t{p[5]} << 16) | (std::uint32_t{p[6]} << 8) | p[7];
    if (lost & 0x800000)
        lost |= 0xFF000000; // sign-extend the 24-bit count
    b.cumulativeLost = static_cast<std::int32_t>(lost);
    b.extendedHighestSeq = readU32(p + 8);
    b.jitter = readU32(p + 12);
    b.lastSr = readU32(p + 16);
    b.delaySinceLastSr = readU32(p + 20);
    return b;
}

} // namespace

std::string_view describe(RtcpParseError error) {
    switch (error) {
    case RtcpParseError::None:
        return "ok";
    case RtcpParseError::TooShort:
        return "shorter than its RTCP packet type needs";
    case RtcpParseError::BadVersion:
        return "not RTCP version 2";
    case RtcpParseError::BadLength:
        return "RTCP length past the end";
    case RtcpParseError::BadPadding:
        return "bad RTCP padding";
    }
    return "unknown";
}

RtcpParseError parseRtcp(std::span<const std::uint8_t> data, std::vector<RtcpItem>& out) {
    out.clear();
    if (data.size() < 4)
        return RtcpParseError::TooShort;
    std::size_t offset = 0;
    while (offset < data.size()) {
        if (data.size() - offset < 4)
            return RtcpParseError::BadLength;
        const std::uint8_t* p = data.data() + offset;
        if ((p[0] >> 6) != 2)
            return RtcpParseError::BadVersion;
        const std::uint8_t count = p[0] & 0x1F;
        const std::uint8_t type = p[1];
        const std::size_t length = (std::size_t{readU16(p + 2)} + 1) * 4;
        if (length > data.size() - offset)
            return RtcpParseError::BadLength;
        std::size_t size = length;
        if (p[0] & 0x20) {
            const std::size_t pad = p[length - 1];
            if (pad == 0 || pad > length - 4)
                return RtcpParseError::BadPadding;
            size -= pad;
        }
        offset += length;

        RtcpItem item;
        switch (type) {
        case kSr:
        case kRr: {
            const std::size_t head = type == kSr ? 28 : 8;
            if (size < head + 24u * count)
                return RtcpParseError::TooShort;
            item.senderSsrc = readU32(p + 4);
            if (type == kSr) {
                item.kind = RtcpItemKind::SenderReport;
                item.sender.ntp = (std::uint64_t{readU32(p + 8)} << 32) | readU32(p + 12);
                item.sender.rtpTimestamp = readU32(p + 16);
                item.sender.packetCount = readU32(p + 20);
                item.sender.octetCount = readU32(p + 24);
                out.push_back(item);
            }
            for (std::size_t i = 0; i < count; ++i) {
                RtcpItem block;
                block.kind = RtcpItemKind::ReportBlock;
                block.senderSsrc = item.senderSsrc;
                block.block = readBlock(p + head + 24 * i);
                block.mediaSsrc = block.block.ssrc;
                out.push_back(block);
            }
            break;
        }
        case kBye:
            if (size < 4u + 4u * count)
                return RtcpParseError::TooShort;
            for (std::size_t i = 0; i < count; ++i) {
                item.kind = RtcpItemKind::Bye;
                item.senderSsrc = readU32(p + 4 + 4 * i);
                out.push_back(item);
            }
            break;
        case kPsfb:
            if (size < 12)
                return RtcpParseError::TooShort;
            item.senderSsrc = readU32(p + 4);
            item.mediaSsrc = readU32(p + 8);
            if (count == 1) {
                item.kind = RtcpItemKind::Pli;
                out.push_back(item);
            } else if (count == 4) {
                // One FCI entry (SSRC, seq nr, reserved) per source asked.
                for (std::size_t at = 12; at + 8 <= size; at += 8) {
                    item.kind = RtcpItemKind::Fir;
                    item.mediaSsrc = readU32(p + at);
                    item.firSeq = p[at + 4];
                    out.push_back(item);
                }
            }
            break;
        case kFir2032:
            if (size < 8)
                return RtcpParseError::TooShort;
            item.kind = RtcpItemKind::Fir2032;
            item.mediaSsrc = readU32(p + 4);
            out.push_back(item);
            break;
        default:
            break; // SDES, APP, XR, transport feedback (NACK): nothing we act on
        }
    }
    return RtcpParseError::None;
}

void appendSenderReport(std::vector<std::uint8_t>& out, std::uint32_t ssrc, const SenderInfo& info,
                        std::span<const ReportBlock> blocks) {
    const std::size_t n = std::min(blocks.size(), kMaxBlocks);
    const std::size_t start = begin(out, static_cast<std::uint8_t>(n), kSr);
    put32(out, ssrc);
    put32(out, static_cast<std::uint32_t>(info.ntp >> 32));
    put32(out, static_cast<std::uint32_t>(info.ntp));
    put32(out, info.rtpTimestamp);
    put32(out, info.packetCount);
    put32(out, info.octetCount);
    for (std::size_t i = 0; i < n; ++i)
        putBlock(out, blocks[i]);
    finish(out, start);
}

void appendReceiverReport(std::vector<std::uint8_t>& out, std::uint32_t ssrc,
                          std::span<const ReportBlock> blocks) {
    const std::size_t n = std::min(blocks.size(), kMaxBlocks);
    const std::size_t start = begin(out, static_cast<std::uint8_t>(n), kRr);
    put32(out, ssrc);
    for (std::size_t i = 0; i < n; ++i)
        putBlock(out, blocks[i]);
    finish(out, start);
}

void appendSdesCname(std::vector<std::uint8_t>& out, std::uint32_t ssrc, std::string_view cname) {
    const std::size_t start = begin(out, 1, kSdes);
    put32(out, ssrc);
    const std::size_t len = std::min<std::size_t>(cname.size(), 255);
    out.push_back(1); // CNAME
    out.push_back(static_cast<std::uint8_t>(len));
    out.insert(out.end(), cname.begin(), cname.begin() + static_cast<std::ptrdiff_t>(len));
    out.push_back(0); // end of the item list; finish() pads to a word with more zeros
    finish(out, start);
}

void appendPli(std::vector<std::uint8_t>& out, std::uint32_t senderSsrc, std::uint32_t mediaSsrc) {
    const std::size_t start = begin(out, 1, kPsfb);
    put32(out, senderSsrc);
    put32(out, mediaSsrc);
    finish(out, start);
}

void appendFir(std::vector<std::uint8_t>& out, std::uint32_t senderSsrc, std::uint32_t mediaSsrc,
               std::uint8_t seqNr) {
    const std::size_t start = begin(out, 4, kPsfb);
    put32(out, senderSsrc);
    put32(out, 0); // RFC 5104: the media source field is unused, the FCI names the source
    put32(out, mediaSsrc);
    put32(out, std::uint32_t{seqNr} << 24);
    finish(out, start);
}

void appendFir2032(std::vector<std::uint8_t>& out, std::uint32_t mediaSsrc) {
    const std::size_t start = begin(out, 0, kFir2032);
    put32(out, mediaSsrc);
    finish(out, start);
}

void appendBye(std::vector<std::uint8_t>& out, std::uint32_t ssrc, std::string_view reason) {
    const std::size_t start = begin(out, 1, kBye);
    put32(out, ssrc);
    if (!reason.empty()) {
        const std::size_t len = std::min<std::size_t>(reason.size(), 255);
        out.push_back(static_cast<std::uint8_t>(len));
        out.insert(out.end(), reason.begin(), reason.begin() + static_cast<std::ptrdiff_t>(len));
    }
    finish(out, start);
}

std::uint64_t ntpFromUnixNanoseconds(std::int64_t ns) {
    constexpr std::uint64_t kUnixToNtp = 2208988800ULL; // seconds from 1900 to 1970
    const auto u = static_cast<std::uint64_t>(ns);
    const std::uint64_t seconds = u / 1000000000ULL + kUnixToNtp;
    const std::uint64_t frac = ((u % 1000000000ULL) << 32) / 1000000000ULL;
    return (seconds << 32) | frac;
}

} // namespace hntt::rtp
