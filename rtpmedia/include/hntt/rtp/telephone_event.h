// RFC 4733 telephone-events (DTMF keys sent in RTP): the payload read, and a detector that reports
// each key press once, although a sender repeats every event packet while the key is down and
// sends its end three times.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace hntt::rtp {

struct TelephoneEvent {
    std::uint8_t event = 0; // 0-9, 10 '*', 11 '#', 12-15 A-D; others are not keys
    bool end = false;
    std::uint8_t volume = 0;    // -dBm0, 0..63
    std::uint16_t duration = 0; // in timestamp units, so far
};

// The first event of a payload (a payload may stack several; the first is the current one);
// nullopt for a payload shorter than 4 bytes.
std::optional<TelephoneEvent> parseTelephoneEvent(std::span<const std::uint8_t> payload);

// '0'-'9', '*', '#', 'A'-'D', or 0 for an event that is not a key (flash, tones).
char dtmfKey(std::uint8_t event);

class TelephoneEventDetector {
public:
    // One RTP packet of the event payload type: the key it completes (at its first end packet,
    // or at the start of the next event when the end packets were lost), else 0.
    char push(std::uint32_t rtpTimestamp, std::span<const std::uint8_t> payload);

private:
    bool active_ = false;
    bool reported_ = false;
    std::uint32_t timestamp_ = 0; // the event's RTP timestamp: one per key press
    std::uint8_t event_ = 0;
};

} // namespace hntt::rtp
