#include "call_sender.h"

#include "bounded_queue.h"
#include "call_audio_encoder.h"
#include "hntt/rtp/h264_packetizer.h"
#include "hntt/rtp/rtp_packet.h"

#include <pthread.h>
#include <random>

namespace hntt::engine {

struct CallSender::Impl {
    // A second of work at 25 ticks: a picture and a block a tick. Beyond it the sender is far
    // behind, and what comes is dropped and counted.
    BoundedQueue<Job> queue{50};
    std::unique_ptr<rtp::H264Packetizer> packetizer;
    std::unique_ptr<CallAudioEncoder> audio;
    std::vector<std::uint8_t> datagram;
    bool audioResync = true; // the marker on the first packet after a start or a gap
    std::int64_t nextAudioTick = -1;
    bool videoWasSending = true;
};

CallSender::Config CallSender::configFor(const CallMediaSpec& spec, int fps, int sampleRate) {
    Config c;
    c.audio = spec.remoteAudioPort ? spec.audio : std::nullopt;
    c.video = spec.remoteVideoPort ? spec.video : std::nullopt;
    c.audioSend = spec.audioSend;
    c.videoSend = spec.videoSend;
    c.fps = fps;
    c.sampleRate = sampleRate;
    return c;
}

CallSender::CallSender(const Config& config, TierEncoders* tiers, SendFunction send)
    : config_(config)
    , send_(std::move(send))
    , impl_(std::make_unique<Impl>())
    , audioSend_(config.audioSend)
    , videoSend_(config.videoSend) {
    std::random_device rd;
    std::mt19937 rng(rd());
    auto random32 = [&rng] { return static_cast<std::uint32_t>(rng()); };
    // RFC 3550: random SSRC, sequence and timestamp starts (a known start helps an attacker of
    // an unencrypted stream, and two calls must not collide).
    video_.ssrc = random32();
    do
        audio_.ssrc = random32();
    while (audio_.ssrc == video_.ssrc);
    for (Stream* s : {&video_, &audio_}) {
        s->sequence = static_cast<std::uint16_t>(random32());
        s->timestampBase = random32();
    }
    video_.clockRate = 90000;
    if (config_.audio && CallAudioEncoder::canEncode(config_.audio->codec)) {
        impl_->audio = std::make_unique<CallAudioEncoder>(*config_.audio, config_.sampleRate);
        audio_.clockRate = impl_->audio->clockRate();
    }
    impl_->videoWasSending = config_.videoSend;
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "hntt-callsend");
        run();
    });
    if (config_.video && tiers) {
        impl_->packetizer = std::make_unique<rtp::H264Packetizer>(
            config_.video->packetizationMode, static_cast<std::size_t>(config_.video->maxPayloadBytes));
        try {
            subscription_ =
                tiers->subscribe(config_.video->tier, [this](const AccessUnitPtr& au) { onAccessUnit(au); });
        } catch (...) {
            impl_->queue.close();
            thread_.join();
            throw;
        }
    }
}

CallSender::~CallSender() {
    subscription_.reset(); // no access unit comes after this
    impl_->queue.close();
    if (thread_.joinable())
        thread_.join();
}

void CallSender::onAccessUnit(const AccessUnitPtr& au) {
    // The tier's thread: hand over, never wait.
    if (!impl_->queue.tryPush(Job{au, {}})) {
        ++dropped_;
        // The chain of references is broken for the far end: resume at the next IDR.
        if (!needIdr_.exchange(true) && subscription_)
            subscription_->requestKeyframe();
    }
}

void CallSender::pushAudio(std::span<const float> mixMinus, std::int64_t tick) {
    if (!impl_->audio || !audioSend_)
        return;
    Job job;
    job.audio.samples.assign(mixMinus.begin(), mixMinus.end());
    job.audio.tick = tick;
    job.audio.captured = std::chrono::system_clock::now();
    if (!impl_->queue.tryPush(std::move(job)))
        ++dropped_;
}

void CallSender::setDirections(bool audioSend, bool videoSend) {
    audioSend_ = audioSend;
    const bool wasSending = videoSend_.exchange(videoSend);
    if (videoSend && !wasSending) {
        // The far end's decoder missed what was held: start again at an IDR.
        needIdr_ = true;
        if (subscription_)
            subscription_->requestKeyframe();
    }
}

void CallSender::keyframeAsked() {
    ++keyframesAsked_;
    if (subscription_)
        subscription_->requestKeyframe();
}

void CallSender::run() {
    for (;;) {
        auto job = impl_->queue.pop(std::chrono::milliseconds(200));
        if (!job) {
            if (impl_->queue.closed())
                break;
            continue;
        }
        if (job->video)
            sendVideo(*job->video);
        else
            sendAudio(job->audio);
    }
}

void CallSender::sendVideo(const EncodedAccessUnit& au) {
    if (!videoSend_)
        return;
    if (needIdr_) {
        if (!au.idr) {
            std::lock_guard lock(statsMutex_);
            ++stats_.accessUnitsWaitingIdr;
            return;
        }
        needIdr_ = false;
    }
    auto& p = *impl_->packetizer;
    const std::uint64_t oversizedBefore = p.stats().oversizedDropped;
    const auto& payloads = p.packetize(au.data());
    // 90 kHz from the program clock: the tick's time, whatever the encoding took.
    const auto timestamp =
        static_cast<std::uint32_t>(video_.timestampBase + static_cast<std::uint64_t>(au.tick) * 90000 /
                                                              static_cast<std::uint64_t>(config_.fps));
    std::uint64_t octets = 0;
    auto& buf = impl_->datagram;
    for (const rtp::H264Payload& pl : payloads) {
        rtp::RtpHeader h;
        h.marker = pl.marker;
        h.payloadType = static_cast<std::uint8_t>(config_.video->payloadType);
        h.sequence = video_.sequence++;
        h.timestamp = timestamp;
        h.ssrc = video_.ssrc;
        buf.resize(rtp::kRtpHeaderSize + pl.data.size());
        rtp::writeRtp(h, buf);
        std::copy(pl.data.begin(), pl.data.end(), buf.begin() + rtp::kRtpHeaderSize);
        send_(buf, true);
        octets += pl.data.size();
    }
    std::lock_guard lock(statsMutex_);
    stats_.oversizedNals += p.stats().oversizedDropped - oversizedBefore;
    if (payloads.empty())
        return;
    stats_.videoPackets += payloads.size();
    stats_.videoOctets += octets;
    ++stats_.accessUnitsSent;
    stats_.idrsSent += au.idr ? 1 : 0;
    video_.packets += payloads.size();
    video_.octets += octets;
    video_.lastTimestamp = timestamp;
    video_.lastCaptured = au.captured;
    video_.sent = true;
}

void CallSender::sendAudio(const AudioJob& job) {
    if (job.tick != impl_->nextAudioTick)
        impl_->audioResync = true;
    impl_->nextAudioTick = job.tick + 1;
    const std::int64_t firstSample = job.tick * config_.sampleRate / config_.fps;
    const auto& payloads = impl_->audio->encode(job.samples, firstSample);
    if (!audioSend_ || payloads.empty())
        return;
    auto& buf = impl_->datagram;
    std::uint64_t octets = 0;
    for (const CallAudioEncoder::Payload& pl : payloads) {
        rtp::RtpHeader h;
        h.marker = impl_->audioResync; // RFC 3551 4.1: the first packet of a talkspurt
        impl_->audioResync = false;
        h.payloadType = static_cast<std::uint8_t>(config_.audio->payloadType);
        h.sequence = audio_.sequence++;
        h.timestamp = audio_.timestampBase + pl.timestamp;
        h.ssrc = audio_.ssrc;
        buf.resize(rtp::kRtpHeaderSize + pl.data.size());
        rtp::writeRtp(h, buf);
        std::copy(pl.data.begin(), pl.data.end(), buf.begin() + rtp::kRtpHeaderSize);
        send_(buf, false);
        octets += pl.data.size();
    }
    std::lock_guard lock(statsMutex_);
    stats_.audioPackets += payloads.size();
    stats_.audioOctets += octets;
    audio_.packets += payloads.size();
    audio_.octets += octets;
    // The block's first sample, in the RTP clock, was what the clock made at `captured`.
    audio_.lastTimestamp = audio_.timestampBase +
                           static_cast<std::uint32_t>(firstSample * audio_.clockRate / config_.sampleRate);
    audio_.lastCaptured = job.captured;
    audio_.sent = true;
}

std::optional<SenderReportInfo> CallSender::senderReport(bool video,
                                                         std::chrono::system_clock::time_point now) const {
    std::lock_guard lock(statsMutex_);
    const Stream& s = video ? video_ : audio_;
    if (!s.sent)
        return std::nullopt;
    SenderReportInfo r;
    r.ssrc = s.ssrc;
    r.packetCount = s.packets;
    r.octetCount = s.octets;
    const auto elapsedUs =
        std::chrono::duration_cast<std::chrono::microseconds>(now - s.lastCaptured).count();
    r.rtpTimestamp = s.lastTimestamp + static_cast<std::uint32_t>(elapsedUs * s.clockRate / 1000000);
    r.wallClock = now;
    return r;
}

CallSendStats CallSender::stats() const {
    std::lock_guard lock(statsMutex_);
    CallSendStats s = stats_;
    s.droppedWork = dropped_;
    s.keyframesAsked = keyframesAsked_;
    return s;
}

} // namespace hntt::engine
