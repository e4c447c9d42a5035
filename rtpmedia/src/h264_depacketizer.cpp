#include "hntt/rtp/h264_depacketizer.h"

#include "hntt/rtp/rtp_packet.h"

#include <utility>

namespace hntt::rtp {
namespace {
constexpr std::uint8_t kStartCode[4] = {0, 0, 0, 1};
constexpr std::uint8_t kIdr = 5;
constexpr std::uint8_t kSps = 7;
constexpr std::uint8_t kPps = 8;
constexpr std::uint8_t kStapA = 24;
constexpr std::uint8_t kFuA = 28;
constexpr std::size_t kMaxDoneQueue = 8; // a consumer that does not take them loses the oldest
} // namespace

std::string_view describe(H264PacketError error) {
    switch (error) {
    case H264PacketError::None:
        return "ok";
    case H264PacketError::Empty:
        return "empty payload";
    case H264PacketError::ForbiddenBit:
        return "NAL unit marked corrupt (F bit)";
    case H264PacketError::TruncatedStapA:
        return "STAP-A unit size past the end";
    case H264PacketError::TruncatedFu:
        return "FU-A too short";
    case H264PacketError::FuWithoutStart:
        return "FU-A fragment without its start";
    case H264PacketError::Unsupported:
        return "STAP-B/MTAP/FU-B (interleaved mode) not supported";
    case H264PacketError::Reserved:
        return "reserved NAL unit type";
    case H264PacketError::TooLarge:
        return "access unit too large";
    }
    return "unknown";
}

H264Depacketizer::H264Depacketizer(std::size_t maxAccessUnitBytes)
    : maxBytes_(maxAccessUnitBytes) {}

void H264Depacketizer::reset() {
    current_ = AccessUnit{};
    open_ = false;
    inFu_ = false;
    hasIdr_ = false;
}

void H264Depacketizer::noteNalType(std::uint8_t type) {
    if (type == kIdr)
        hasIdr_ = true;
    else if (type == kSps)
        current_.hasSps = true;
    else if (type == kPps)
        current_.hasPps = true;
}

void H264Depacketizer::appendNal(std::span<const std::uint8_t> nal) {
    auto& d = current_.data;
    d.insert(d.end(), std::begin(kStartCode), std::end(kStartCode));
    d.insert(d.end(), nal.begin(), nal.end());
    const std::uint8_t type = nal[0] & 0x1F;
    noteNalType(type);
    // Kept for IDRs that come without them (a sender that sends them only once, or out of band).
    if (type == kSps)
        sps_.assign(nal.begin(), nal.end());
    else if (type == kPps)
        pps_.assign(nal.begin(), nal.end());
}

void H264Depacketizer::beginNal(std::uint8_t header) {
    auto& d = current_.data;
    d.insert(d.end(), std::begin(kStartCode), std::end(kStartCode));
    fuStart_ = d.size();
    d.push_back(header);
    noteNalType(header & 0x1F);
}

void H264Depacketizer::finish() {
    if (!open_)
        return;
    if (inFu_)
        current_.damaged = true; // the FU's end never came
    if (current_.data.size() > maxBytes_)
        current_.damaged = true;
    if (hasIdr_ && !current_.damaged) {
        if ((!current_.hasSps || !current_.hasPps) && !sps_.empty() && !pps_.empty()) {
            std::vector<std::uint8_t> withSets;
            withSets.reserve(current_.data.size() + sps_.size() + pps_.size() + 8);
            for (const auto* set : {&sps_, &pps_}) {
                withSets.insert(withSets.end(), std::begin(kStartCode), std::end(kStartCode));
                withSets.insert(withSets.end(), set->begin(), set->end());
            }
            withSets.insert(withSets.end(), current_.data.begin(), current_.data.end());
            current_.data = std::move(withSets);
            current_.hasSps = current_.hasPps = true;
        }
        current_.keyframe = current_.hasSps && current_.hasPps;
    }
    ++stats_.accessUnits;
    if (current_.damaged)
        ++stats_.damaged;
    if (current_.keyframe)
        ++stats_.keyframes;
    if (done_.size() >= kMaxDoneQueue)
        done_.pop_front();
    done_.push_back(std::move(current_));
    current_ = AccessUnit{};
    open_ = false;
    inFu_ = false;
    hasIdr_ = false;
}

AccessUnit H264Depacketizer::takeAccessUnit() {
    AccessUnit au = std::move(done_.front());
    done_.pop_front();
    return au;
}

H264PacketError H264Depacketizer::push(std::span<const std::uint8_t> payload, std::uint32_t timestamp,
                                       bool marker, bool lostBefore) {
    if (open_ && timestamp != current_.timestamp)
        finish(); // the previous AU's marker was lost (or never sent)
    if (lostBefore) {
        // The lost packets belonged to the open AU's tail or to this one's head: both are broken.
        if (open_)
            damage();
        inFu_ = false;
        if (!open_) {
            open_ = true;
            current_.timestamp = timestamp;
            damage();
        }
    }
    if (!open_) {
        open_ = true;
        current_.timestamp = timestamp;
    }

    H264PacketError error = H264PacketError::None;
    if (payload.empty()) {
        error = H264PacketError::Empty;
    } else if (payload[0] & 0x80) {
        error = H264PacketError::ForbiddenBit;
    } else {
        const std::uint8_t type = payload[0] & 0x1F;
        if (type >= 1 && type <= 23) {
            if (inFu_) {
                damage(); // a whole NAL unit in the middle of a fragmented one
                inFu_ = false;
            }
            appendNal(payload);
        } else if (type == kStapA) {
            std::size_t at = 1;
            while (at < payload.size()) {
                if (payload.size() - at < 2) {
                    error = H264PacketError::TruncatedStapA;
                    break;
                }
                const std::size_t size = readU16(payload.data() + at);
                at += 2;
                if (size == 0 || size > payload.size() - at) {
                    error = H264PacketError::TruncatedStapA;
                    break;
                }
                appendNal(payload.subspan(at, size));
                at += size;
            }
        } else if (type == kFuA) {
            if (payload.size() < 3) {
                error = H264PacketError::TruncatedFu;
            } else {
                const bool start = (payload[1] & 0x80) != 0;
                const bool end = (payload[1] & 0x40) != 0;
                const auto header = static_cast<std::uint8_t>((payload[0] & 0xE0) | (payload[1] & 0x1F));
                if (start) {
                    if (inFu_)
                        damage(); // the previous FU never ended
                    beginNal(header);
                    inFu_ = true;
                } else if (!inFu_ || current_.data.size() <= fuStart_ || current_.data[fuStart_] != header) {
                    error = H264PacketError::FuWithoutStart;
                }
                if (error == H264PacketError::None) {
                    current_.data.insert(current_.data.end(), payload.begin() + 2, payload.end());
                    if (end) {
                        inFu_ = false;
                        const std::uint8_t nalType = header & 0x1F;
                        if (nalType == kSps || nalType == kPps) {
                            auto& set = nalType == kSps ? sps_ : pps_;
                            set.assign(current_.data.begin() + static_cast<std::ptrdiff_t>(fuStart_),
                                       current_.data.end());
                        }
                    }
                }
            }
        } else if (type == 25 || type == 26 || type == 27 || type == 29) {
            error = H264PacketError::Unsupported;
            ++stats_.unsupported;
        } else {
            error = H264PacketError::Reserved;
        }
    }
    if (error != H264PacketError::None) {
        ++stats_.badPackets;
        damage();
        inFu_ = false;
    }
    if (current_.data.size() > maxBytes_) {
        // Keep memory bounded against a flood of fragments: the AU is lost anyway.
        current_.data.clear();
        current_.data.shrink_to_fit();
        damage();
        inFu_ = false;
        if (error == H264PacketError::None) {
            error = H264PacketError::TooLarge;
            ++stats_.badPackets;
        }
    }
    if (marker)
        finish();
    return error;
}

} // namespace hntt::rtp
