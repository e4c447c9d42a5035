#include "mix_minus_encoders.h"

#include "program_encoder.h"

#include <algorithm>
#include <pthread.h>

namespace hntt::engine {

namespace {
// Two seconds of blocks at 25 fps: beyond that the worker is not keeping up and blocks are dropped.
constexpr std::size_t kQueueBlocks = 50;
// An own encoder starts this many frames before the block that made its site audible: the
// first frames an AAC encoder makes are its start-up, not the sound.
constexpr std::int64_t kLeadFrames = 2;
} // namespace

MixMinusEncoders::MixMinusEncoders(int sampleRate, int bitrateKbps, Deliver deliver)
    : sampleRate_(sampleRate)
    , bitrateKbps_(bitrateKbps)
    , deliver_(std::move(deliver))
    , common_(openAacEncoder(sampleRate, bitrateKbps, true))
    , commonFramer_(std::make_unique<AacFramer>(common_.get()))
    , queue_(kQueueBlocks) {
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "hntt-mixminus");
        run();
    });
}

MixMinusEncoders::~MixMinusEncoders() {
    abandon_ = true;
    finish();
}

void MixMinusEncoders::finish() {
    queue_.close();
    if (thread_.joinable())
        thread_.join();
}

bool MixMinusEncoders::push(MixMinusBlock block) {
    if (queue_.tryPush(std::move(block)))
        return true;
    ++dropped_;
    return false;
}

void MixMinusEncoders::run() {
    for (;;) {
        std::optional<MixMinusBlock> block = queue_.pop(std::chrono::milliseconds(200));
        if (abandon_)
            return;
        if (block)
            encode(*block);
        else if (queue_.closed())
            return flush();
    }
}

EncodedPacketPtr MixMinusEncoders::wrap(av::PacketPtr packet) const {
    auto p = std::make_shared<EncodedPacket>();
    p->packet = std::move(packet);
    p->kind = StreamKind::Audio;
    p->timeBase = AVRational{1, sampleRate_};
    return p;
}

void MixMinusEncoders::startOwn(SiteId site, std::int64_t at) {
    const std::int64_t frame = common_->frame_size;
    // The latest grid point kLeadFrames frames before `at` that the kept blocks still cover.
    std::int64_t start = gridOrigin_ + (at - kLeadFrames * frame - gridOrigin_) / frame * frame;
    if (at - kLeadFrames * frame < gridOrigin_)
        start = gridOrigin_;
    while (start < at && (past_.empty() || past_.front().pts > start))
        start += frame;
    Own own;
    own.encoder = openAacEncoder(sampleRate_, bitrateKbps_, true);
    own.framer = std::make_unique<AacFramer>(own.encoder.get());
    own.firstValid = start;
    // Until `at` the site was not heard: what it heard was the common mix.
    bool first = true;
    for (const Past& p : past_) {
        const std::int64_t end = p.pts + static_cast<std::int64_t>(p.samples.size());
        if (end <= start || p.pts >= at)
            continue;
        const std::int64_t from = std::max(p.pts, start);
        const auto skip = static_cast<std::size_t>(from - p.pts);
        const auto count = static_cast<std::size_t>(std::min(end, at) - from);
        own.framer->encode(
            p.samples.data() + skip, count, [](av::PacketPtr) {}, first ? from : -1);
        first = false;
    }
    // Nothing kept before `at` only happens right after the grid's (re)start, where `at` is the
    // origin: the encoder starts with the block itself, on the grid.
    own.fed = !first;
    if (first)
        own.firstValid = at;
    own_.emplace(site, std::move(own));
}

void MixMinusEncoders::encode(MixMinusBlock& block) {
    const auto samples = static_cast<std::int64_t>(block.common.size());
    if (block.pts != nextPts_) {
        // The first block, or a gap (blocks dropped, ticks skipped): every encoder restarts its
        // frames here, on one grid again.
        gridOrigin_ = block.pts;
        past_.clear();
        own_.clear();
    }
    nextPts_ = block.pts + samples;
    for (auto it = own_.begin(); it != own_.end();)
        it = block.audible.count(it->first) ? std::next(it) : own_.erase(it);
    for (const auto& [site, samplesOf] : block.audible)
        if (!own_.count(site))
            startOwn(site, block.pts);
    ownCount_ = static_cast<int>(own_.size());

    Packets common;
    commonFramer_->encode(
        block.common.data(), block.common.size(), [&](av::PacketPtr p) { common.push_back(std::move(p)); },
        block.pts);
    std::map<SiteId, Packets> own;
    for (auto& [site, o] : own_) {
        const auto in = block.audible.find(site);
        auto& out = own[site];
        o.framer->encode(
            in->second.data(), in->second.size(), [&](av::PacketPtr p) { out.push_back(std::move(p)); },
            o.fed ? -1 : block.pts);
        o.fed = true;
    }
    feeds_ = std::move(block.feeds);
    dispatch(common, own);

    past_.push_back(Past{block.pts, std::move(block.common)});
    std::int64_t kept = 0;
    for (const Past& p : past_)
        kept += static_cast<std::int64_t>(p.samples.size());
    const std::int64_t need = (kLeadFrames + 1) * common_->frame_size;
    while (past_.size() > 1 && kept - static_cast<std::int64_t>(past_.front().samples.size()) >= need) {
        kept -= static_cast<std::int64_t>(past_.front().samples.size());
        past_.erase(past_.begin());
    }
}

void MixMinusEncoders::dispatch(Packets& common, std::map<SiteId, Packets>& own) {
    std::vector<SiteId> shared;
    for (av::PacketPtr& packet : common) {
        const std::int64_t at = packet->pts;
        shared.clear();
        for (const SiteId site : feeds_) {
            const auto o = own.find(site);
            const auto encoder = own_.find(site);
            if (o != own.end() && encoder != own_.end() && at >= encoder->second.firstValid) {
                const auto mine = std::find_if(o->second.begin(), o->second.end(),
                                               [at](const av::PacketPtr& p) { return p && p->pts == at; });
                if (mine != o->second.end()) {
                    const SiteId only[] = {site};
                    deliver_(wrap(std::move(*mine)), only);
                    continue;
                }
            }
            shared.push_back(site);
        }
        if (!shared.empty())
            deliver_(wrap(std::move(packet)), shared);
    }
}

void MixMinusEncoders::flush() {
    if (nextPts_ < 0)
        return;
    Packets common;
    commonFramer_->flush([&](av::PacketPtr p) { common.push_back(std::move(p)); });
    std::map<SiteId, Packets> own;
    for (auto& [site, o] : own_)
        o.framer->flush([&, site = site](av::PacketPtr p) { own[site].push_back(std::move(p)); });
    dispatch(common, own);
}

} // namespace hntt::engine
