#include "ts_continuity.h"

#include <algorithm>

namespace hntt::engine {

namespace {
constexpr std::uint8_t kSync = 0x47;
constexpr int kNullPid = 0x1fff;
} // namespace

TsContinuity::TsContinuity() {
    lastCc_.fill(-1);
}

void TsContinuity::feed(const std::uint8_t* data, std::size_t size) {
    if (!data)
        return;
    std::size_t i = 0;
    if (carried_ > 0) {
        const std::size_t take = std::min(size, kPacketSize - carried_);
        std::copy_n(data, take, carry_.begin() + static_cast<std::ptrdiff_t>(carried_));
        carried_ += take;
        i = take;
        if (carried_ < kPacketSize)
            return;
        packet(carry_.data());
        carried_ = 0;
    }
    while (i < size) {
        if (data[i] != kSync) { // out of step (garbage, a partial datagram): find the next sync byte
            ++i;
            continue;
        }
        if (size - i < kPacketSize) {
            carried_ = size - i;
            std::copy_n(data + i, carried_, carry_.begin());
            return;
        }
        // A 0x47 inside garbage is not a packet start unless the next packet starts in step.
        if (size - i > kPacketSize && data[i + kPacketSize] != kSync) {
            ++i;
            continue;
        }
        packet(data + i);
        i += kPacketSize;
    }
}

void TsContinuity::packet(const std::uint8_t* p) {
    ++received_;
    if (p[1] & 0x80) { // transport error indicator
        ++lost_;
        return;
    }
    const int pid = ((p[1] & 0x1f) << 8) | p[2];
    if (pid == kNullPid)
        return; // stuffing carries no counter
    const int adaptation = (p[3] >> 4) & 0x3;
    const bool payload = adaptation & 0x1;
    const int cc = p[3] & 0x0f;
    const bool discontinuity = (adaptation & 0x2) && p[4] > 0 && (p[5] & 0x80);
    const int last = lastCc_[static_cast<std::size_t>(pid)];
    lastCc_[static_cast<std::size_t>(pid)] = static_cast<std::int8_t>(cc);
    if (last < 0 || discontinuity || !payload || cc == last) // first, reset, no payload, or a duplicate
        return;
    lost_ += static_cast<std::uint64_t>((cc - ((last + 1) & 0x0f)) & 0x0f);
}

} // namespace hntt::engine
