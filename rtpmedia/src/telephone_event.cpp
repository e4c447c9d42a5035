#include "hntt/rtp/telephone_event.h"

namespace hntt::rtp {

std::optional<TelephoneEvent> parseTelephoneEvent(std::span<const std::uint8_t> payload) {
    if (payload.size() < 4)
        return std::nullopt;
    TelephoneEvent e;
    e.event = payload[0];
    e.end = (payload[1] & 0x80) != 0;
    e.volume = payload[1] & 0x3f;
    e.duration = static_cast<std::uint16_t>((payload[2] << 8) | payload[3]);
    return e;
}

char dtmfKey(std::uint8_t event) {
    if (event <= 9)
        return static_cast<char>('0' + event);
    switch (event) {
    case 10:
        return '*';
    case 11:
        return '#';
    case 12:
    case 13:
    case 14:
    case 15:
        return static_cast<char>('A' + (event - 12));
    default:
        return 0;
    }
}

char TelephoneEventDetector::push(std::uint32_t rtpTimestamp, std::span<const std::uint8_t> payload) {
    const auto e = parseTelephoneEvent(payload);
    if (!e)
        return 0;
    char done = 0;
    if (!active_ || rtpTimestamp != timestamp_) {
        // A new press: the previous one ends here if its end packets were all lost.
        if (active_ && !reported_)
            done = dtmfKey(event_);
        active_ = true;
        reported_ = false;
        timestamp_ = rtpTimestamp;
        event_ = e->event;
    }
    if (e->end && !reported_) {
        reported_ = true;
        // Two presses cannot both end on one packet: the earlier one was reported above.
        if (!done)
            done = dtmfKey(event_);
    }
    return done;
}

} // namespace hntt::rtp
