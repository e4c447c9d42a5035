#include "hntt/rtp/h264_packetizer.h"

#include <algorithm>

namespace hntt::rtp {

namespace {

constexpr std::uint8_t kStapA = 24;
constexpr std::uint8_t kFuA = 28;

// Index of the first byte after the next start code at or after `from`, and where that start
// code began; npos-like (size) when there is none.
struct StartCode {
    std::size_t begin; // first zero of the start code
    std::size_t end;   // first byte after 00 00 01
};

StartCode findStartCode(std::span<const std::uint8_t> d, std::size_t from) {
    const std::size_t n = d.size();
    for (std::size_t i = from; i + 2 < n; ++i) {
        // Skip quickly: a start code's third byte is 1, and its first two are 0.
        if (d[i + 2] > 1) {
            i += 2;
            continue;
        }
        if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1)
            return {i, i + 3};
    }
    return {n, n};
}

void splitInto(std::span<const std::uint8_t> data, std::vector<std::span<const std::uint8_t>>& out) {
    out.clear();
    StartCode sc = findStartCode(data, 0);
    while (sc.end < data.size()) {
        const StartCode next = findStartCode(data, sc.end);
        std::size_t end = next.begin;
        // Zeros before the next start code (its 4-byte form, or trailing_zero_8bits) are not
        // part of this NAL unit.
        while (end > sc.end && data[end - 1] == 0)
            --end;
        if (end > sc.end)
            out.push_back(data.subspan(sc.end, end - sc.end));
        sc = next;
    }
}

} // namespace

H264Packetizer::H264Packetizer(int packetizationMode, std::size_t maxPayloadBytes)
    : mode_(packetizationMode == 1 ? 1 : 0)
    , maxPayload_(std::clamp(maxPayloadBytes, kMinPayloadBytes, kMaxPayloadBytes)) {}

std::vector<std::span<const std::uint8_t>> H264Packetizer::splitAnnexB(std::span<const std::uint8_t> data) {
    std::vector<std::span<const std::uint8_t>> out;
    splitInto(data, out);
    return out;
}

const std::vector<H264Payload>& H264Packetizer::packetize(std::span<const std::uint8_t> accessUnit) {
    buffer_.clear();
    ranges_.clear();
    payloads_.clear();
    ++stats_.accessUnits;
    splitInto(accessUnit, nals_);
    if (nals_.empty()) {
        if (!accessUnit.empty() && findStartCode(accessUnit, 0).begin == accessUnit.size())
            ++stats_.malformed; // not Annex B at all
        return payloads_;
    }
    // forbidden_zero_bit set: a damaged unit that decoders are told to discard.
    const auto bad =
        std::remove_if(nals_.begin(), nals_.end(), [](auto nal) { return (nal[0] & 0x80) != 0; });
    stats_.malformed += static_cast<std::uint64_t>(nals_.end() - bad);
    nals_.erase(bad, nals_.end());
    stats_.nalUnits += nals_.size();

    std::size_t i = 0;
    while (i < nals_.size()) {
        const auto nal = nals_[i];
        if (nal.size() > maxPayload_) {
            if (mode_ == 1)
                emitFuA(nal);
            else
                ++stats_.oversizedDropped;
            ++i;
            continue;
        }
        if (mode_ == 1) {
            // As many following NAL units as fit with this one in a STAP-A (1 byte of header,
            // 2 of size before each).
            std::size_t total = 1 + 2 + nal.size();
            std::size_t j = i + 1;
            while (j < nals_.size() && total + 2 + nals_[j].size() <= maxPayload_) {
                total += 2 + nals_[j].size();
                ++j;
            }
            if (j - i >= 2) {
                emitStapA(std::span(nals_).subspan(i, j - i));
                i = j;
                continue;
            }
        }
        emitSingle(nal);
        ++i;
    }

    payloads_.reserve(ranges_.size());
    for (const Range& r : ranges_)
        payloads_.push_back({std::span<const std::uint8_t>(buffer_).subspan(r.offset, r.size), false});
    if (!payloads_.empty())
        payloads_.back().marker = true;
    stats_.packets += payloads_.size();
    return payloads_;
}

void H264Packetizer::emitSingle(std::span<const std::uint8_t> nal) {
    ranges_.push_back({buffer_.size(), nal.size()});
    buffer_.insert(buffer_.end(), nal.begin(), nal.end());
    ++stats_.singleNal;
}

void H264Packetizer::emitStapA(std::span<const std::span<const std::uint8_t>> nals) {
    const std::size_t start = buffer_.size();
    // F is the OR of the units' F bits (all zero here), NRI their maximum (RFC 6184 5.7.1).
    std::uint8_t nri = 0;
    for (auto nal : nals)
        nri = std::max<std::uint8_t>(nri, nal[0] & 0x60);
    buffer_.push_back(static_cast<std::uint8_t>(nri | kStapA));
    for (auto nal : nals) {
        buffer_.push_back(static_cast<std::uint8_t>(nal.size() >> 8));
        buffer_.push_back(static_cast<std::uint8_t>(nal.size()));
        buffer_.insert(buffer_.end(), nal.begin(), nal.end());
    }
    ranges_.push_back({start, buffer_.size() - start});
    ++stats_.stapA;
}

void H264Packetizer::emitFuA(std::span<const std::uint8_t> nal) {
    const std::uint8_t indicator = static_cast<std::uint8_t>((nal[0] & 0xE0) | kFuA);
    const std::uint8_t type = nal[0] & 0x1F;
    const auto body = nal.subspan(1); // the NAL header travels in the FU header
    const std::size_t room = maxPayload_ - 2;
    const std::size_t count = (body.size() + room - 1) / room;
    // Even fragments: no runt packet at the end that would cost a header for a few bytes.
    const std::size_t base = body.size() / count;
    std::size_t extra = body.size() % count;
    std::size_t offset = 0;
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t len = base + (extra > 0 ? 1 : 0);
        if (extra > 0)
            --extra;
        std::uint8_t header = type;
        if (k == 0)
            header |= 0x80; // S
        if (k + 1 == count)
            header |= 0x40; // E
        const std::size_t start = buffer_.size();
        buffer_.push_back(indicator);
        buffer_.push_back(header);
        buffer_.insert(buffer_.end(), body.begin() + static_cast<std::ptrdiff_t>(offset),
                       body.begin() + static_cast<std::ptrdiff_t>(offset + len));
        ranges_.push_back({start, buffer_.size() - start});
        offset += len;
        ++stats_.fuA;
    }
}

} // namespace hntt::rtp
