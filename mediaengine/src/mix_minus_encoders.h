// The sound of the return feeds, encoded once for all the sites that are not heard and once more
// only for each site that is. A site whose own signal is silent (muted, or quiet) hears exactly
// what everybody hears, the common mix-minus: in a province-wide meeting most of 170 feeds share
// one AAC encode instead of running one each. An audible site gets its own mix-minus (without
// itself) from an encoder of its own, started on the sound just before, so that it never hears
// its own first words; it goes back to the common encode once it has been quiet for a while (the
// caller decides who is audible, with its hysteresis). The encoders use FFmpeg's fast AAC coder:
// speech for a hall's loudspeakers, at a fraction of the default coder's CPU.
//
// Every encoder frames the program timeline on the same grid of AAC frames, so that packet X of
// any of them covers the same time: a feed takes, for each X, its own packet when it has one and
// the common packet otherwise.
#pragma once

#include "av_ptr.h"
#include "bounded_queue.h"
#include "encoded_packet.h"
#include "hntt/engine/types.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <thread>
#include <vector>

namespace hntt::engine {

class AacFramer;

// One clock block for the return feeds.
struct MixMinusBlock {
    std::int64_t pts = 0;                         // of the first sample, on the program timeline (samples)
    std::vector<float> common;                    // what a site that is not heard hears
    std::vector<SiteId> feeds;                    // the sites with a return feed, ascending
    std::map<SiteId, std::vector<float>> audible; // own mix-minus of the feed sites heard now
};

class MixMinusEncoders {
public:
    // Called on the worker thread with each packet and the sites it is for (ascending).
    using Deliver = std::function<void(const EncodedPacketPtr&, std::span<const SiteId>)>;

    // Opens the common encoder at once (its parameters make the feeds' audio streams); throws
    // std::runtime_error.
    MixMinusEncoders(int sampleRate, int bitrateKbps, Deliver deliver);
    ~MixMinusEncoders(); // stops the worker; what is queued is dropped
    // The end of the program: encodes what is queued, drains every encoder to the feeds, and
    // takes nothing more. Never with a lock its Deliver takes.
    MixMinusEncoders(const MixMinusEncoders&) = delete;
    MixMinusEncoders& operator=(const MixMinusEncoders&) = delete;

    const AVCodecContext* parameters() const { return common_.get(); }
    // From the clock thread; never blocks. False (the block dropped: a gap) when the worker lags.
    bool push(MixMinusBlock block);
    void finish();
    // Encoders running now: the common one and one per audible site.
    int encoders() const { return 1 + ownCount_.load(); }
    std::uint64_t droppedBlocks() const { return dropped_.load(); }

private:
    struct Own {
        av::CodecContextPtr encoder;
        std::unique_ptr<AacFramer> framer;
        std::int64_t firstValid = 0; // its packets before this are the encoder's start-up
        bool fed = false;            // its framer has its timeline
    };
    struct Past { // a common block kept to start an own encoder on the sound before
        std::int64_t pts = 0;
        std::vector<float> samples;
    };
    using Packets = std::vector<av::PacketPtr>;
    void run();
    void encode(MixMinusBlock& block);
    void flush();
    // Hands each common packet to the feeds, but to a site with its own packet of that time.
    void dispatch(Packets& common, std::map<SiteId, Packets>& own);
    void startOwn(SiteId site, std::int64_t at);
    EncodedPacketPtr wrap(av::PacketPtr packet) const;

    int sampleRate_;
    int bitrateKbps_;
    Deliver deliver_;
    av::CodecContextPtr common_;
    std::unique_ptr<AacFramer> commonFramer_;
    std::int64_t gridOrigin_ = -1; // where the frames' grid started (the first block, or a gap)
    std::int64_t nextPts_ = -1;    // the block expected next
    std::vector<Past> past_;
    std::map<SiteId, Own> own_;
    std::vector<SiteId> feeds_; // of the last block
    std::atomic<int> ownCount_{0};
    std::atomic<std::uint64_t> dropped_{0};
    std::atomic<bool> abandon_{false};
    BoundedQueue<MixMinusBlock> queue_;
    std::thread thread_;
};

} // namespace hntt::engine
