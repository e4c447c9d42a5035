// Counts MPEG-TS packets in a byte stream and the ones missing from each PID's continuity
// counter: the loss figure of a connection check for MPEG-TS over UDP, SRT or TCP.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace hntt::engine {

class TsContinuity {
public:
    static constexpr std::size_t kPacketSize = 188;

    TsContinuity();

    // Bytes as they arrive, in any chunks; packets are found by their 0x47 sync byte.
    void feed(const std::uint8_t* data, std::size_t size);

    std::uint64_t received() const { return received_; }
    // Packets missing before one that arrived (a counter gap, modulo 16 per PID, so a run of more
    // than 15 lost packets of one PID is under-counted), plus packets flagged by the transport as
    // errored.
    std::uint64_t lost() const { return lost_; }

private:
    void packet(const std::uint8_t* p);

    std::array<std::int8_t, 8192> lastCc_; // -1: PID not seen yet
    std::array<std::uint8_t, kPacketSize> carry_{};
    std::size_t carried_ = 0; // bytes of a packet split across feeds
    std::uint64_t received_ = 0;
    std::uint64_t lost_ = 0;
};

} // namespace hntt::engine
