#include "tier_encoder.h"

#include "bounded_queue.h"

#include <pthread.h>
#include <stdexcept>
#include <thread>

extern "C" {
#include <libavutil/opt.h>
}

namespace hntt::engine {

TierSettings tierSettings(VideoTier tier, int fps) {
    TierSettings s;
    s.fps = fps;
    if (tier == VideoTier::Sd360) {
        s.width = 640;
        s.height = 360;
        s.bitrateKbps = 500;
    }
    return s;
}

namespace {

bool holdsIdr(const AVPacket& pkt) {
    const std::uint8_t* d = pkt.data;
    const int n = pkt.size;
    for (int i = 0; i + 3 < n; ++i)
        if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1 && (d[i + 3] & 0x1f) == 5)
            return true;
    return false;
}

} // namespace

// One tier: its queue, thread, x264 and scaler, and its subscribers.
class TierEncoder {
public:
    explicit TierEncoder(const TierSettings& settings)
        : settings_(settings) {
        const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
        if (!h264)
            throw std::runtime_error("libx264 encoder not available");
        ctx_.reset(avcodec_alloc_context3(h264));
        ctx_->width = settings.width;
        ctx_->height = settings.height;
        ctx_->pix_fmt = AV_PIX_FMT_YUV420P;
        ctx_->time_base = AVRational{1, settings.fps};
        ctx_->framerate = AVRational{settings.fps, 1};
        ctx_->gop_size = settings.fps * settings.gopSeconds;
        ctx_->max_b_frames = 0;
        ctx_->bit_rate = settings.bitrateKbps * 1000LL;
        ctx_->rc_max_rate = ctx_->bit_rate;
        // Half a second of VBV: bounds the burst of an IDR on a 2 Mbit/s line.
        ctx_->rc_buffer_size = static_cast<int>(ctx_->bit_rate / 2);
        ctx_->level = 31; // 3.1: profile-level-id 42e01f
        ctx_->color_range = AVCOL_RANGE_MPEG;
        ctx_->colorspace = AVCOL_SPC_BT709;
        ctx_->color_primaries = AVCOL_PRI_BT709;
        ctx_->color_trc = AVCOL_TRC_BT709;
        // One thread per tier: the slices are cut by size, not by thread, and the tiers run side
        // by side with the program encode on a small machine.
        ctx_->thread_count = 1;
        av_opt_set(ctx_->priv_data, "preset", settings.preset.c_str(), 0);
        av_opt_set(ctx_->priv_data, "tune", "zerolatency", 0);
        av_opt_set(ctx_->priv_data, "profile", "baseline", 0);
        av_opt_set_int(ctx_->priv_data, "forced-idr", 1, 0);
        // SPS/PPS in band before every IDR: a caller joins on any of them. No scene-cut IDRs:
        // keyframes are costly on the wire, and are made when asked for or once a GOP.
        const std::string params =
            "repeat-headers=1:scenecut=0:slice-max-size=" + std::to_string(settings.sliceMaxBytes);
        av_opt_set(ctx_->priv_data, "x264-params", params.c_str(), 0);
        if (const int err = avcodec_open2(ctx_.get(), h264, nullptr); err < 0)
            throw std::runtime_error("cannot open the call tier's H.264 encoder: " + av::errorText(err));
        thread_ = std::thread([this] {
            pthread_setname_np(pthread_self(), "hntt-tier");
            run();
        });
    }

    ~TierEncoder() { stop(); }
    TierEncoder(const TierEncoder&) = delete;
    TierEncoder& operator=(const TierEncoder&) = delete;

    void stop() {
        queue_.close();
        std::lock_guard lock(stopMutex_);
        if (thread_.joinable())
            thread_.join();
    }

    void submit(const VideoFramePtr& frame, std::int64_t tick) {
        if (queue_.closed())
            return;
        if (!queue_.tryPush(Job{frame, tick, std::chrono::system_clock::now()}))
            ++stats_.dropped;
    }

    void requestKeyframe() {
        ++stats_.requests;
        keyframeWanted_ = true;
    }

    void add(std::uint64_t id, TierEncoders::AccessUnitCallback cb) {
        std::lock_guard lock(deliverMutex_);
        subscribers_.emplace(id, std::move(cb));
    }
    // Returns the number left.
    std::size_t remove(std::uint64_t id) {
        std::lock_guard lock(deliverMutex_); // waits for a delivery under way
        subscribers_.erase(id);
        return subscribers_.size();
    }

    TierStats stats() const {
        TierStats s;
        s.framesEncoded = stats_.encoded;
        s.droppedFrames = stats_.dropped;
        s.idrs = stats_.idrs;
        s.keyframeRequests = stats_.requests;
        s.keyframesForced = stats_.forced;
        return s;
    }

private:
    struct Job {
        VideoFramePtr frame;
        std::int64_t tick = 0;
        std::chrono::system_clock::time_point captured;
    };

    void run() {
        for (;;) {
            auto job = queue_.pop(std::chrono::milliseconds(200));
            if (!job) {
                if (queue_.closed())
                    break;
                continue;
            }
            encode(*job);
        }
    }

    // The program picture at the tier's size, in the encoder's format.
    av::FramePtr scaled(const VideoFrame& src) {
        av::FramePtr f = av::makeFrame();
        const AVFrame* in = src.avFrame();
        if (in->width == ctx_->width && in->height == ctx_->height && in->format == AV_PIX_FMT_YUV420P) {
            if (av_frame_ref(f.get(), in) < 0)
                return nullptr;
            return f;
        }
        sws_.reset(sws_getCachedContext(sws_.release(), in->width, in->height,
                                        static_cast<AVPixelFormat>(in->format), ctx_->width, ctx_->height,
                                        AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr));
        if (!sws_)
            return nullptr;
        f->width = ctx_->width;
        f->height = ctx_->height;
        f->format = AV_PIX_FMT_YUV420P;
        if (av_frame_get_buffer(f.get(), 0) < 0)
            return nullptr;
        sws_scale(sws_.get(), in->data, in->linesize, 0, in->height, f->data, f->linesize);
        return f;
    }

    void encode(const Job& job) {
        if (!job.frame)
            return;
        av::FramePtr f = scaled(*job.frame);
        if (!f)
            return;
        f->pts = job.tick;
        ++framesSinceIdr_;
        // Merged requests: one IDR, and not sooner than a second after the previous one.
        const bool force = keyframeWanted_.load() && framesSinceIdr_ >= settings_.fps;
        f->pict_type = force ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
        if (avcodec_send_frame(ctx_.get(), f.get()) < 0)
            return;
        for (;;) {
            auto au = std::make_shared<EncodedAccessUnit>();
            au->packet = av::makePacket();
            if (avcodec_receive_packet(ctx_.get(), au->packet.get()) < 0)
                break;
            au->tick = au->packet->pts;
            au->captured = job.captured;
            au->idr = holdsIdr(*au->packet);
            ++stats_.encoded;
            if (au->idr) {
                ++stats_.idrs;
                if (force)
                    ++stats_.forced;
                framesSinceIdr_ = 0;
                keyframeWanted_ = false; // any IDR answers every request made so far
            }
            deliver(au);
        }
    }

    void deliver(const AccessUnitPtr& au) {
        std::lock_guard lock(deliverMutex_);
        for (auto& [id, cb] : subscribers_)
            cb(au);
    }

    const TierSettings settings_;
    av::CodecContextPtr ctx_;
    av::SwsPtr sws_;
    // Two pictures of slack: a tier more than that behind drops, the clock never waits.
    BoundedQueue<Job> queue_{2};
    std::atomic<bool> keyframeWanted_{false};
    std::int64_t framesSinceIdr_ = 1 << 30; // the encoder's thread only
    struct {
        std::atomic<std::uint64_t> encoded{0}, dropped{0}, idrs{0}, requests{0}, forced{0};
    } stats_;
    std::mutex deliverMutex_;
    std::map<std::uint64_t, TierEncoders::AccessUnitCallback> subscribers_;
    std::mutex stopMutex_;
    std::thread thread_;
};

TierSubscription::TierSubscription(Token, std::shared_ptr<TierEncoder> encoder, std::function<void()> release,
                                   VideoTier tier, std::uint64_t id)
    : encoder_(std::move(encoder))
    , release_(std::move(release))
    , tier_(tier)
    , id_(id) {}

TierSubscription::~TierSubscription() {
    release_();
}

void TierSubscription::requestKeyframe() {
    encoder_->requestKeyframe();
}

TierEncoders::TierEncoders(int fps)
    : fps_(fps) {}

TierEncoders::~TierEncoders() {
    std::lock_guard lock(mutex_);
    for (auto& [tier, enc] : tiers_)
        enc->stop();
}

void TierEncoders::submit(const VideoFramePtr& program, std::int64_t tick) {
    if (!program)
        return;
    std::lock_guard lock(mutex_); // held for a push per tier: never waits on an encode
    for (auto& [tier, enc] : tiers_)
        enc->submit(program, tick);
}

std::unique_ptr<TierSubscription> TierEncoders::subscribe(VideoTier tier, AccessUnitCallback onAccessUnit) {
    std::shared_ptr<TierEncoder> enc;
    std::uint64_t id = 0;
    {
        std::lock_guard lock(mutex_);
        auto it = tiers_.find(tier);
        if (it == tiers_.end()) {
            auto o = overrides_.find(tier);
            const TierSettings settings = o != overrides_.end() ? o->second : tierSettings(tier, fps_);
            it = tiers_.emplace(tier, std::make_shared<TierEncoder>(settings)).first;
        }
        enc = it->second;
        id = nextId_++;
        enc->add(id, std::move(onAccessUnit));
    }
    enc->requestKeyframe(); // the newcomer starts at the next IDR
    return std::make_unique<TierSubscription>(
        TierSubscription::Token{}, enc, [this, tier, id] { release(tier, id); }, tier, id);
}

void TierEncoders::release(VideoTier tier, std::uint64_t id) {
    std::shared_ptr<TierEncoder> last;
    {
        std::lock_guard lock(mutex_);
        auto it = tiers_.find(tier);
        if (it == tiers_.end())
            return;
        if (it->second->remove(id) == 0) {
            last = it->second;
            tiers_.erase(it);
        }
    }
    // Nobody left: the tier's thread ends here, off the clock and outside the lock.
    if (last)
        last->stop();
}

bool TierEncoders::running(VideoTier tier) const {
    std::lock_guard lock(mutex_);
    return tiers_.count(tier) > 0;
}

std::optional<TierStats> TierEncoders::stats(VideoTier tier) const {
    std::lock_guard lock(mutex_);
    auto it = tiers_.find(tier);
    if (it == tiers_.end())
        return std::nullopt;
    return it->second->stats();
}

void TierEncoders::setSettingsOverride(VideoTier tier, TierSettings settings) {
    std::lock_guard lock(mutex_);
    overrides_[tier] = std::move(settings);
}

} // namespace hntt::engine
