#include "hntt/rtp/rtp_packet.h"

namespace hntt::rtp {

std::string_view describe(RtpParseError error) {
    switch (error) {
    case RtpParseError::None:
        return "ok";
    case RtpParseError::TooShort:
        return "shorter than an RTP header";
    case RtpParseError::BadVersion:
        return "not RTP version 2";
    case RtpParseError::LooksLikeRtcp:
        return "an RTCP packet";
    case RtpParseError::CsrcOverrun:
        return "CSRC list past the end";
    case RtpParseError::ExtensionOverrun:
        return "header extension past the end";
    case RtpParseError::BadPadding:
        return "bad padding count";
    }
    return "unknown";
}

bool looksLikeRtcp(std::span<const std::uint8_t> data) {
    return data.size() >= 8 && (data[0] >> 6) == 2 && data[1] >= 192 && data[1] <= 223;
}

RtpParseError parseRtp(std::span<const std::uint8_t> data, RtpPacket& out) {
    if (data.size() < kRtpHeaderSize)
        return RtpParseError::TooShort;
    const std::uint8_t* p = data.data();
    if ((p[0] >> 6) != 2)
        return RtpParseError::BadVersion;
    if (looksLikeRtcp(data))
        return RtpParseError::LooksLikeRtcp;
    const bool padding = (p[0] & 0x20) != 0;
    RtpHeader& h = out.header;
    h.hasExtension = (p[0] & 0x10) != 0;
    h.csrcCount = p[0] & 0x0F;
    h.marker = (p[1] & 0x80) != 0;
    h.payloadType = p[1] & 0x7F;
    h.sequence = readU16(p + 2);
    h.timestamp = readU32(p + 4);
    h.ssrc = readU32(p + 8);
    std::size_t offset = kRtpHeaderSize + 4u * h.csrcCount;
    if (offset > data.size())
        return RtpParseError::CsrcOverrun;
    out.extension = {};
    h.extensionProfile = 0;
    if (h.hasExtension) {
        if (offset + 4 > data.size())
            return RtpParseError::ExtensionOverrun;
        h.extensionProfile = readU16(p + offset);
        const std::size_t words = readU16(p + offset + 2);
        offset += 4;
        if (offset + 4 * words > data.size())
            return RtpParseError::ExtensionOverrun;
        out.extension = data.subspan(offset, 4 * words);
        offset += 4 * words;
    }
    std::size_t end = data.size();
    if (padding) {
        const std::size_t count = p[end - 1];
        if (count == 0 || count > end - offset)
            return RtpParseError::BadPadding;
        end -= count;
    }
    out.payload = data.subspan(offset, end - offset);
    return RtpParseError::None;
}

std::size_t writeRtp(const RtpHeader& header, std::span<std::uint8_t> out) {
    if (out.size() < kRtpHeaderSize)
        return 0;
    std::uint8_t* p = out.data();
    p[0] = 0x80; // version 2, no padding, extension or CSRC
    p[1] = static_cast<std::uint8_t>((header.marker ? 0x80 : 0) | (header.payloadType & 0x7F));
    writeU16(p + 2, header.sequence);
    writeU32(p + 4, header.timestamp);
    writeU32(p + 8, header.ssrc);
    return kRtpHeaderSize;
}

} // namespace hntt::rtp
