// Datagrams of a SIP call's media ports (rtpmedia/): RTCP compounds, RTP headers, the reorder
// buffer, H.264 depacketization and RFC 4733 telephone events, as the engine's call transport
// chains them. The input is a list of datagrams, each [ms since the last: 1 byte][length: 2 bytes,
// big-endian][bytes]; the clock is the input's, so a run is the same every time.
#include "fuzz_check.h"
#include "hntt/rtp/h264_depacketizer.h"
#include "hntt/rtp/reorder_buffer.h"
#include "hntt/rtp/rtcp.h"
#include "hntt/rtp/rtp_packet.h"
#include "hntt/rtp/telephone_event.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rtp = hntt::rtp;

namespace {

constexpr std::uint8_t kTelephoneEventPt = 101;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> all(data, size);
    std::vector<rtp::RtcpItem> items;
    // The whole input as one datagram too: most fuzzed bytes never make a list.
    (void)rtp::parseRtcp(all, items);
    rtp::RtpPacket whole;
    (void)rtp::parseRtp(all, whole);

    rtp::ReorderBuffer reorder;
    rtp::H264Depacketizer h264(256 * 1024);
    rtp::TelephoneEventDetector dtmf;
    auto now = rtp::ReorderBuffer::Clock::time_point{};
    std::size_t pos = 0;
    while (pos + 3 <= size) {
        now += std::chrono::milliseconds(data[pos]);
        const std::size_t length = std::min<std::size_t>(rtp::readU16(data + pos + 1), size - pos - 3);
        const auto datagram = all.subspan(pos + 3, length);
        pos += 3 + length;

        if (rtp::looksLikeRtcp(datagram)) {
            if (rtp::parseRtcp(datagram, items) == rtp::RtcpParseError::None)
                for (const rtp::RtcpItem& item : items)
                    HNTT_FUZZ_CHECK(item.kind <= rtp::RtcpItemKind::Bye);
            continue;
        }
        rtp::RtpPacket packet;
        if (rtp::parseRtp(datagram, packet) != rtp::RtpParseError::None)
            continue;
        HNTT_FUZZ_CHECK(packet.payload.data() >= datagram.data() &&
                        packet.payload.data() + packet.payload.size() <= datagram.data() + datagram.size());
        if (packet.header.payloadType == kTelephoneEventPt) {
            (void)rtp::parseTelephoneEvent(packet.payload);
            (void)dtmf.push(packet.header.timestamp, packet.payload);
            continue;
        }
        (void)reorder.push(packet.header, packet.payload, now);
        while (const rtp::ReceivedPacket* p = reorder.pop(now)) {
            (void)h264.push(p->payload, p->header.timestamp, p->header.marker, p->lostBefore > 0);
            while (h264.hasAccessUnit())
                (void)h264.takeAccessUnit();
        }
        (void)reorder.stats(now);
        (void)reorder.reportBlock(0, 0);
    }
    return 0;
}
