#include "program_encoder.h"

#include <pthread.h>
#include <stdexcept>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

namespace hntt::engine {

av::CodecContextPtr openAacEncoder(int sampleRate, int bitrateKbps, bool fastCoder) {
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!codec)
        throw std::runtime_error("AAC encoder not available");
    av::CodecContextPtr ctx(avcodec_alloc_context3(codec));
    ctx->sample_rate = sampleRate;
    ctx->sample_fmt = AV_SAMPLE_FMT_FLTP;
    av_channel_layout_default(&ctx->ch_layout, 1);
    ctx->bit_rate = bitrateKbps * 1000LL;
    ctx->time_base = AVRational{1, sampleRate};
    ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER; // Matroska/FLV want extradata; MPEG-TS ignores it
    if (fastCoder)
        av_opt_set(ctx->priv_data, "aac_coder", "fast", 0);
    if (const int err = avcodec_open2(ctx.get(), codec, nullptr); err < 0)
        throw std::runtime_error("cannot open AAC encoder: " + av::errorText(err));
    return ctx;
}

AacFramer::AacFramer(AVCodecContext* encoder)
    : encoder_(encoder)
    , frame_(av::makeFrame()) {}

void AacFramer::encode(const float* samples, std::size_t count, const std::function<void(av::PacketPtr)>& out,
                       std::int64_t firstPts) {
    if (firstPts >= 0 && firstPts != nextPts_ + static_cast<std::int64_t>(pending_.size())) {
        pending_.clear(); // a gap (or the first call): restart on the given timeline
        nextPts_ = firstPts;
    }
    pending_.insert(pending_.end(), samples, samples + count);
    const auto frameSize = static_cast<std::size_t>(encoder_->frame_size);
    std::size_t used = 0;
    while (pending_.size() - used >= frameSize) {
        encodeFrame(pending_.data() + used, out);
        used += frameSize;
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(used));
}

void AacFramer::flush(const std::function<void(av::PacketPtr)>& out) {
    if (!pending_.empty()) {
        pending_.resize(static_cast<std::size_t>(encoder_->frame_size), 0.f);
        encodeFrame(pending_.data(), out);
        pending_.clear();
    }
    if (avcodec_send_frame(encoder_, nullptr) >= 0)
        receive(out);
}

void AacFramer::encodeFrame(const float* samples, const std::function<void(av::PacketPtr)>& out) {
    av_frame_unref(frame_.get());
    frame_->nb_samples = encoder_->frame_size;
    frame_->format = encoder_->sample_fmt;
    frame_->sample_rate = encoder_->sample_rate;
    av_channel_layout_copy(&frame_->ch_layout, &encoder_->ch_layout);
    if (av_frame_get_buffer(frame_.get(), 0) < 0)
        return;
    std::copy_n(samples, encoder_->frame_size, reinterpret_cast<float*>(frame_->data[0]));
    frame_->pts = nextPts_;
    nextPts_ += encoder_->frame_size;
    if (avcodec_send_frame(encoder_, frame_.get()) >= 0)
        receive(out);
}

void AacFramer::receive(const std::function<void(av::PacketPtr)>& out) {
    for (;;) {
        av::PacketPtr pkt = av::makePacket();
        if (avcodec_receive_packet(encoder_, pkt.get()) < 0)
            break;
        out(std::move(pkt));
    }
}

ProgramEncoder::ProgramEncoder(const EncoderSettings& settings, PacketCallback onPacket)
    : settings_(settings)
    , onPacket_(std::move(onPacket)) {
    const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
    if (!h264)
        throw std::runtime_error("libx264 encoder not available");
    video_.reset(avcodec_alloc_context3(h264));
    video_->width = settings.width;
    video_->height = settings.height;
    video_->pix_fmt = AV_PIX_FMT_YUV420P;
    video_->time_base = AVRational{1, settings.fps};
    video_->framerate = AVRational{settings.fps, 1};
    video_->gop_size = settings.fps * settings.gopSeconds;
    video_->max_b_frames = 0; // return feeds are interactive: no reordering delay
    video_->bit_rate = settings.videoBitrateKbps * 1000LL;
    video_->rc_max_rate = video_->bit_rate;
    video_->rc_buffer_size = static_cast<int>(video_->bit_rate); // one-second VBV: fits 10 Mbit/s links
    video_->color_range = AVCOL_RANGE_MPEG;
    video_->colorspace = AVCOL_SPC_BT709;
    video_->color_primaries = AVCOL_PRI_BT709;
    video_->color_trc = AVCOL_TRC_BT709;
    video_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    video_->thread_count = 0;
    av_opt_set(video_->priv_data, "preset", settings.x264Preset.c_str(), 0);
    av_opt_set(video_->priv_data, "tune", "zerolatency", 0);
    // Repeat SPS/PPS before keyframes so a late joiner (UDP, SRT) can start decoding.
    av_opt_set(video_->priv_data, "x264-params", "repeat-headers=1", 0);
    av_opt_set_int(video_->priv_data, "forced-idr", 1, 0);
    if (const int err = avcodec_open2(video_.get(), h264, nullptr); err < 0)
        throw std::runtime_error("cannot open H.264 encoder: " + av::errorText(err));
    audio_ = openAacEncoder(settings.sampleRate, settings.audioBitrateKbps);
    aac_ = std::make_unique<AacFramer>(audio_.get());
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "hntt-encoder");
        run();
    });
}

ProgramEncoder::~ProgramEncoder() {
    queue_.close();
    if (thread_.joinable())
        thread_.join();
}

void ProgramEncoder::finish() {
    std::lock_guard lock(finishMutex_);
    if (finished_)
        return;
    finished_ = true;
    queue_.close();
    if (thread_.joinable())
        thread_.join(); // the thread encodes what was queued before it ends
    // The encoder thread is gone: the contexts are this thread's now.
    aac_->flush([this](av::PacketPtr pkt) { emitAudio(std::move(pkt)); });
    if (avcodec_send_frame(video_.get(), nullptr) >= 0)
        drain(video_.get(), StreamKind::Video);
}

void ProgramEncoder::emitAudio(av::PacketPtr pkt) {
    auto shared = std::make_shared<EncodedPacket>();
    shared->packet = std::move(pkt);
    shared->kind = StreamKind::Audio;
    shared->timeBase = audio_->time_base;
    onPacket_(shared);
}

bool ProgramEncoder::submit(VideoFramePtr frame, std::int64_t pts, std::vector<float> audio) {
    if (queue_.tryPush(Job{std::move(frame), pts, std::move(audio)}))
        return true;
    ++dropped_;
    return false;
}

void ProgramEncoder::run() {
    for (;;) {
        // A wait with nothing to do is no end: the clock may be held up for a while (a sink
        // being set up, a loaded machine). Only closing the queue ends the encode.
        auto job = queue_.pop(std::chrono::milliseconds(200));
        if (!job) {
            if (queue_.closed())
                break;
            continue;
        }
        encodeVideo(*job);
        const std::int64_t audioPts = job->pts * settings_.sampleRate / settings_.fps;
        aac_->encode(
            job->audio.data(), job->audio.size(), [this](av::PacketPtr pkt) { emitAudio(std::move(pkt)); },
            audioPts);
    }
    // Closed: nothing more is submitted, so whatever is left in the queue was handled above.
}

void ProgramEncoder::encodeVideo(const Job& job) {
    if (!job.frame)
        return;
    av::FramePtr f = av::makeFrame();
    if (av_frame_ref(f.get(), job.frame->avFrame()) < 0)
        return;
    f->pts = job.pts;
    f->pict_type = keyframeRequested_.exchange(false) ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
    if (avcodec_send_frame(video_.get(), f.get()) < 0)
        return;
    drain(video_.get(), StreamKind::Video);
    ++picturesEncoded_;
}

void ProgramEncoder::drain(AVCodecContext* ctx, StreamKind kind) {
    for (;;) {
        auto shared = std::make_shared<EncodedPacket>();
        shared->packet = av::makePacket();
        if (avcodec_receive_packet(ctx, shared->packet.get()) < 0)
            break;
        shared->kind = kind;
        shared->timeBase = ctx->time_base;
        onPacket_(shared);
    }
}

} // namespace hntt::engine
