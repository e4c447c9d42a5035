#include "isolated_encoders.h"

#include "program_encoder.h"

#include <algorithm>
#include <cmath>
#include <pthread.h>
#include <stdexcept>
#include <sys/resource.h>
#include <unistd.h>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

namespace hntt::engine {

namespace {

av::SwrPtr openResampler(int from, int to) {
    AVChannelLayout mono;
    av_channel_layout_default(&mono, 1);
    SwrContext* raw = nullptr;
    if (swr_alloc_set_opts2(&raw, &mono, AV_SAMPLE_FMT_FLT, to, &mono, AV_SAMPLE_FMT_FLT, from, 0, nullptr) <
        0)
        throw std::runtime_error("cannot create the isolated tracks' resampler");
    av::SwrPtr swr(raw);
    if (swr_init(swr.get()) < 0)
        throw std::runtime_error("cannot open the isolated tracks' resampler");
    return swr;
}

// Frames of silence after which an encoder's state is silence too (its overlap and look-ahead).
constexpr int kSettleFrames = 4;
constexpr int kWorkerNice = 10; // below the sources (5)

} // namespace

IsolatedEncoders::IsolatedEncoders(IsolatedEncoderSettings settings, Emit emit)
    : settings_(settings)
    , emit_(std::move(emit)) {
    tracks_.resize(settings_.tracks);
    for (Track& t : tracks_) {
        t.context = openAacEncoder(settings_.sampleRate, settings_.bitrateKbps, true);
        t.framer = std::make_unique<AacFramer>(t.context.get());
        t.resampler = openResampler(settings_.inputRate, settings_.sampleRate);
    }
    if (!tracks_.empty()) {
        // The frame a settled encoder makes of silence, made once by an encoder of the same kind.
        frameSize_ = tracks_.front().context->frame_size;
        av::CodecContextPtr probe = openAacEncoder(settings_.sampleRate, settings_.bitrateKbps, true);
        AacFramer framer(probe.get());
        const std::vector<float> zeros(static_cast<std::size_t>(frameSize_) * (kSettleFrames + 2), 0.f);
        framer.encode(
            zeros.data(), zeros.size(), [this](av::PacketPtr pkt) { silentFrame_ = std::move(pkt); }, 0);
    }
    int count = settings_.workers > 0 ? settings_.workers
                                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    count = std::min<int>(count, static_cast<int>(std::max<std::size_t>(settings_.tracks, 1)));
    const auto capacity = static_cast<std::size_t>(
        std::max(1.0, std::ceil(settings_.maxLagSeconds / std::max(settings_.blockSeconds, 1e-3))));
    for (int i = 0; i < count; ++i)
        workers_.push_back(std::make_unique<Worker>(capacity));
    for (std::size_t i = 0; i < tracks_.size(); ++i)
        workers_[i % workers_.size()]->tracks.push_back(i);
    for (auto& w : workers_) {
        Worker* worker = w.get();
        worker->thread = std::thread([this, worker] {
            pthread_setname_np(pthread_self(), "hntt-tracks");
            // The program first: these threads take what CPU the clock, the sources and the
            // program's encoder leave; when nothing is left, the tracks skip, the program does not.
            setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kWorkerNice);
            run(*worker);
        });
    }
}

IsolatedEncoders::~IsolatedEncoders() {
    abandon_ = true;
    discard_ = true;
    for (auto& w : workers_)
        w->queue.close();
    for (auto& w : workers_)
        if (w->thread.joinable())
            w->thread.join();
}

const AVCodecContext* IsolatedEncoders::context(std::size_t track) const {
    return tracks_.at(track).context.get();
}

void IsolatedEncoders::push(std::int64_t pts, TrackBlocks blocks) {
    for (auto& w : workers_)
        if (!w->queue.tryPush(Block{pts, blocks}) && !w->queue.closed())
            ++w->skippedBlocks; // this worker is more than maxLagSeconds behind (closed: past the end)
}

void IsolatedEncoders::run(Worker& worker) {
    for (;;) {
        auto block = worker.queue.pop(std::chrono::milliseconds(100));
        if (!block) {
            if (worker.queue.closed())
                break;
            continue;
        }
        if (abandon_) {
            ++worker.skippedBlocks;
            continue;
        }
        for (std::size_t index : worker.tracks)
            encode(index, *block);
    }
    if (!discard_)
        for (std::size_t index : worker.tracks)
            flush(index);
    ++workersDone_;
}

void IsolatedEncoders::encode(std::size_t index, const Block& block) {
    if (!block.tracks || index >= block.tracks->size())
        return;
    Track& t = tracks_[index];
    const std::vector<float>& in = (*block.tracks)[index];
    auto count = static_cast<std::int64_t>(in.size());
    if (const std::int64_t end = endSample_.load(); end >= 0) {
        if (block.pts >= end)
            return;
        count = std::min(count, end - block.pts);
    }
    if (count <= 0)
        return;
    const bool silent = std::all_of(in.begin(), in.begin() + count, [](float v) { return v == 0.f; });
    if (rest(index, block, count, silent))
        return;
    t.zeroRun = silent ? t.zeroRun + count : 0;
    const bool resync = t.nextInputPts != block.pts; // the first block, or after skipped ones
    if (resync && t.nextInputPts >= 0)
        swr_init(t.resampler.get()); // the filter's memory belongs to before the gap
    t.nextInputPts = block.pts + count;
    const int room = swr_get_out_samples(t.resampler.get(), static_cast<int>(count));
    if (room <= 0)
        return;
    t.resampled.resize(static_cast<std::size_t>(room));
    auto* out = reinterpret_cast<std::uint8_t*>(t.resampled.data());
    const auto* src = reinterpret_cast<const std::uint8_t*>(in.data());
    const int got = swr_convert(t.resampler.get(), &out, room, &src, static_cast<int>(count));
    if (got <= 0)
        return;
    const std::int64_t firstPts =
        resync ? av_rescale(block.pts, settings_.sampleRate, settings_.inputRate) : std::int64_t{-1};
    t.framer->encode(
        t.resampled.data(), static_cast<std::size_t>(got),
        [&](av::PacketPtr pkt) {
            emit_(IsolatedPacket{index, std::move(pkt)});
        },
        firstPts);
    const std::int64_t settle =
        av_rescale(std::int64_t{kSettleFrames} * frameSize_, settings_.inputRate, settings_.sampleRate);
    if (silentFrame_ && t.zeroRun >= settle) {
        // Settled on silence: from the frame the encoder still holds on, copies stand in.
        t.resting = true;
        t.restPts = t.framer->sentEnd() - frameSize_;
        t.restPending = 0;
    }
}

bool IsolatedEncoders::rest(std::size_t index, const Block& block, std::int64_t count, bool silent) {
    Track& t = tracks_[index];
    if (!t.resting)
        return false;
    if (!silent || block.pts != t.nextInputPts) {
        // Sound again (or a gap): the encoder, whose state is silence, takes over on the new
        // timeline; the frame it still held is silence already covered, and the sink drops it.
        t.resting = false;
        t.zeroRun = 0;
        t.nextInputPts = -1;
        return false;
    }
    t.nextInputPts = block.pts + count;
    t.restPending += count;
    const std::int64_t frameInput = av_rescale(frameSize_, settings_.inputRate, settings_.sampleRate);
    while (t.restPending >= frameInput) {
        av::PacketPtr pkt(av_packet_clone(silentFrame_.get()));
        if (!pkt)
            return true;
        pkt->pts = pkt->dts = t.restPts;
        pkt->duration = frameSize_;
        t.restPts += frameSize_;
        t.restPending -= frameInput;
        emit_(IsolatedPacket{index, std::move(pkt)});
    }
    return true;
}

void IsolatedEncoders::flush(std::size_t index) {
    Track& t = tracks_[index];
    auto emit = [&](av::PacketPtr pkt) { emit_(IsolatedPacket{index, std::move(pkt)}); };
    if (t.nextInputPts >= 0) {
        // What the resampler's filter still holds belongs to the end of the track.
        t.resampled.resize(256);
        auto* out = reinterpret_cast<std::uint8_t*>(t.resampled.data());
        const int got = swr_convert(t.resampler.get(), &out, 256, nullptr, 0);
        if (got > 0)
            t.framer->encode(t.resampled.data(), static_cast<std::size_t>(got), emit);
    }
    t.framer->flush(emit);
}

void IsolatedEncoders::finish(std::int64_t endSample, std::chrono::milliseconds grace) {
    {
        std::lock_guard lock(finishMutex_);
        if (finished_)
            return;
        finished_ = true;
    }
    endSample_ = endSample;
    for (auto& w : workers_)
        w->queue.close();
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (workersDone_ < workers_.size() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    abandon_ = true; // a worker still busy drops the rest of its queue and drains its encoders
    for (auto& w : workers_)
        if (w->thread.joinable())
            w->thread.join();
}

double IsolatedEncoders::gapSeconds() const {
    std::uint64_t most = 0;
    for (const auto& w : workers_)
        most = std::max<std::uint64_t>(most, w->skippedBlocks);
    return static_cast<double>(most) * settings_.blockSeconds;
}

double IsolatedEncoders::lagSeconds() const {
    std::size_t most = 0;
    for (const auto& w : workers_)
        most = std::max(most, w->queue.size());
    return static_cast<double>(most) * settings_.blockSeconds;
}

} // namespace hntt::engine
