#include "call_audio_encoder.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

namespace hntt::engine {

CallAudioEncoder::CallAudioEncoder(const CallAudioFormat& format, int inputRate)
    : inputRate_(inputRate)
    , frame_(av::makeFrame()) {
    const char* name = nullptr;
    switch (format.codec) {
    case CallAudioCodec::Pcma:
        name = "pcm_alaw";
        break;
    case CallAudioCodec::Pcmu:
        name = "pcm_mulaw";
        break;
    case CallAudioCodec::G722:
        name = "g722";
        codecRate_ = 16000;
        break;
    case CallAudioCodec::Opus:
        name = "libopus";
        codecRate_ = 48000;
        clockRate_ = 48000;
        break;
    case CallAudioCodec::AacLd:
        throw std::runtime_error("AAC-LD cannot be encoded (FFmpeg decodes it only)");
    }
    const int ptimeMs = std::clamp(format.ptimeMs > 0 ? format.ptimeMs : 20, 10, 60);
    frameSamples_ = codecRate_ * ptimeMs / 1000;
    const AVCodec* codec = avcodec_find_encoder_by_name(name);
    if (!codec)
        throw std::runtime_error(std::string("audio encoder not available: ") + name);
    ctx_.reset(avcodec_alloc_context3(codec));
    ctx_->sample_rate = codecRate_;
    av_channel_layout_default(&ctx_->ch_layout, 1);
    ctx_->time_base = AVRational{1, codecRate_};
    // Float where the codec takes it (Opus), else 16-bit.
    ctx_->sample_fmt = AV_SAMPLE_FMT_S16;
    for (const AVSampleFormat* f = codec->sample_fmts; f && *f != AV_SAMPLE_FMT_NONE; ++f)
        if (*f == AV_SAMPLE_FMT_FLT)
            ctx_->sample_fmt = AV_SAMPLE_FMT_FLT;
    if (format.codec == CallAudioCodec::Opus) {
        ctx_->bit_rate = 32000;
        av_opt_set(ctx_->priv_data, "application", "voip", 0);
        av_opt_set_double(ctx_->priv_data, "frame_duration", ptimeMs, 0);
    } else {
        ctx_->frame_size = frameSamples_; // G.722 takes it as its frame; PCM has none of its own
    }
    if (const int err = avcodec_open2(ctx_.get(), codec, nullptr); err < 0)
        throw std::runtime_error(std::string("cannot open ") + name + ": " + av::errorText(err));
    if (ctx_->frame_size > 0)
        frameSamples_ = ctx_->frame_size;
    if (inputRate_ != codecRate_) {
        AVChannelLayout mono;
        av_channel_layout_default(&mono, 1);
        SwrContext* raw = nullptr;
        if (swr_alloc_set_opts2(&raw, &mono, AV_SAMPLE_FMT_FLT, codecRate_, &mono, AV_SAMPLE_FMT_FLT,
                                inputRate_, 0, nullptr) < 0 ||
            !raw)
            throw std::runtime_error("cannot set up the call's resampler");
        swr_.reset(raw);
        if (swr_init(swr_.get()) < 0)
            throw std::runtime_error("cannot open the call's resampler");
    }
}

CallAudioEncoder::~CallAudioEncoder() = default;

const std::vector<CallAudioEncoder::Payload>& CallAudioEncoder::encode(std::span<const float> samples,
                                                                       std::int64_t firstSample) {
    bytes_.clear();
    ranges_.clear();
    stamps_.clear();
    payloads_.clear();
    if (firstSample != nextInput_) {
        // The first block, or a jump: frame afresh from here, on the program's timeline.
        resampled_.clear();
        codecPos_ = firstSample * codecRate_ / inputRate_;
        if (swr_)
            swr_init(swr_.get());
    }
    nextInput_ = firstSample + static_cast<std::int64_t>(samples.size());
    if (swr_) {
        const int in = static_cast<int>(samples.size());
        const int room = swr_get_out_samples(swr_.get(), in);
        const std::size_t old = resampled_.size();
        resampled_.resize(old + static_cast<std::size_t>(std::max(room, 0)));
        auto* out = reinterpret_cast<std::uint8_t*>(resampled_.data() + old);
        const auto* src = reinterpret_cast<const std::uint8_t*>(samples.data());
        const int got = swr_convert(swr_.get(), &out, room, &src, in);
        resampled_.resize(old + static_cast<std::size_t>(std::max(got, 0)));
    } else {
        resampled_.insert(resampled_.end(), samples.begin(), samples.end());
    }
    encodeFrames();
    payloads_.reserve(ranges_.size());
    for (std::size_t i = 0; i < ranges_.size(); ++i)
        payloads_.push_back(
            {std::span<const std::uint8_t>(bytes_).subspan(ranges_[i].first, ranges_[i].second), stamps_[i]});
    return payloads_;
}

void CallAudioEncoder::encodeFrames() {
    const auto n = static_cast<std::size_t>(frameSamples_);
    std::size_t used = 0;
    while (resampled_.size() - used >= n) {
        av_frame_unref(frame_.get());
        frame_->nb_samples = frameSamples_;
        frame_->format = ctx_->sample_fmt;
        frame_->sample_rate = codecRate_;
        av_channel_layout_copy(&frame_->ch_layout, &ctx_->ch_layout);
        if (av_frame_get_buffer(frame_.get(), 0) < 0)
            return;
        const float* src = resampled_.data() + used;
        if (ctx_->sample_fmt == AV_SAMPLE_FMT_FLT) {
            std::copy_n(src, n, reinterpret_cast<float*>(frame_->data[0]));
        } else {
            auto* dst = reinterpret_cast<std::int16_t*>(frame_->data[0]);
            for (std::size_t i = 0; i < n; ++i)
                dst[i] = static_cast<std::int16_t>(std::lrintf(std::clamp(src[i], -1.f, 1.f) * 32767.f));
        }
        frame_->pts = codecPos_;
        codecPos_ += frameSamples_;
        used += n;
        ++frames_;
        if (avcodec_send_frame(ctx_.get(), frame_.get()) >= 0)
            receive();
    }
    resampled_.erase(resampled_.begin(), resampled_.begin() + static_cast<std::ptrdiff_t>(used));
}

void CallAudioEncoder::receive() {
    av::PacketPtr pkt = av::makePacket();
    while (avcodec_receive_packet(ctx_.get(), pkt.get()) >= 0) {
        ranges_.emplace_back(bytes_.size(), static_cast<std::size_t>(pkt->size));
        bytes_.insert(bytes_.end(), pkt->data, pkt->data + pkt->size);
        // Modulo 2^32 by definition: RTP timestamps wrap.
        stamps_.push_back(static_cast<std::uint32_t>(pkt->pts * clockRate_ / codecRate_));
        av_packet_unref(pkt.get());
    }
}

} // namespace hntt::engine
