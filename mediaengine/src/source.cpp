#include "source.h"

#include "av_ptr.h"
#include "call_input.h"
#include "test_pattern.h"
#include "ts_continuity.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <new>
#include <optional>
#include <pthread.h>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/version.h>
}

namespace hntt::engine {

namespace {

using namespace std::chrono_literals;
using Clock = Source::Clock;

constexpr auto kFirstBackoff = 500ms;
constexpr auto kListenerRearm = 200ms;  // a listener only waits: no need to back off
constexpr auto kCallerOpenTimeout = 5s; // connect, handshake and probe of a remote sender
constexpr auto kStatsWindow = 1s;       // fps and bitrate are measured over the last second
constexpr auto kMaxPacingGap = 1s;      // a file timestamp jump beyond this re-bases the clock
constexpr int kSourceNice = 5;
constexpr auto kTestPatternTick = 10ms;         // audio of the test signal is pushed in 10 ms steps
constexpr int kMaxSkippedBeforeKey = 250;       // 10 s at 25 fps
constexpr int kCountingIoBuffer = 64 * 1024;    // the MPEG-TS loss counter's read buffer
constexpr int kSingleThreadPixels = 1280 * 720; // beyond this, video decodes on two slice threads
// Lip sync: how long pictures may wait for their sound, and when there is no sound to wait for.
constexpr auto kMaxVideoHold = 1500ms;        // the 400 ms jitter ceiling plus a sender's audio bursts
constexpr std::size_t kMaxPendingFrames = 40; // 1.6 s at 25 fps: bounds memory at high frame rates
constexpr auto kTimedAudioGone = 1500ms;      // no timestamped audio for this long: pictures go alone
constexpr double kUnrelatedPts = 2.0;         // a picture this far ahead of the sound is on another timeline

std::once_flag networkInitOnce;

std::string toLower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The URL's scheme in lower case; empty for a plain path.
std::string schemeOf(const std::string& url) {
    const std::size_t colon = url.find(':');
    if (colon == std::string::npos || colon < 2) // "C:" would be a drive, not a scheme
        return {};
    for (std::size_t i = 0; i < colon; ++i) {
        const auto c = static_cast<unsigned char>(url[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.')
            return {};
    }
    if (url.compare(colon, 3, "://") != 0 && toLower(url.substr(0, colon)) != "file")
        return {};
    return toLower(url.substr(0, colon));
}

// The value of `key` in the URL's query ("" for a bare key), or nullopt.
std::optional<std::string> queryParam(const std::string& url, std::string_view key) {
    const std::size_t q = url.find('?');
    if (q == std::string::npos)
        return std::nullopt;
    std::string_view rest = std::string_view(url).substr(q + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view item = rest.substr(0, amp);
        const std::size_t eq = item.find('=');
        if (item.substr(0, eq) == key)
            return std::string(eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1));
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    }
    return std::nullopt;
}

// The URL without `key` in its query (the option is ours, not the server's).
std::string removeQueryParam(const std::string& url, std::string_view key) {
    const std::size_t q = url.find('?');
    if (q == std::string::npos)
        return url;
    std::string kept;
    std::string_view rest = std::string_view(url).substr(q + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view item = rest.substr(0, amp);
        if (!item.empty() && item.substr(0, item.find('=')) != key) {
            kept += kept.empty() ? "" : "&";
            kept += item;
        }
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    }
    return url.substr(0, q) + (kept.empty() ? "" : "?" + kept);
}

// The URL without secrets (user:password@, SRT passphrase), for status texts that get shown and logged.
std::string redacted(const std::string& url) {
    std::string out = url;
    const std::size_t hostStart = out.find("://");
    if (hostStart != std::string::npos) {
        const std::size_t authorityEnd = out.find_first_of("/?", hostStart + 3);
        const std::size_t at =
            out.rfind('@', authorityEnd == std::string::npos ? std::string::npos : authorityEnd);
        if (at != std::string::npos && at > hostStart)
            out.replace(hostStart + 3, at - hostStart - 3, "***");
    }
    for (const char* key : {"passphrase=", "password="}) {
        const std::size_t k = out.find(key);
        if (k != std::string::npos) {
            const std::size_t v = k + std::string_view(key).size();
            out.replace(v, out.find('&', v) == std::string::npos ? std::string::npos : out.find('&', v) - v,
                        "***");
        }
    }
    return out;
}

std::string secondsText(std::chrono::milliseconds ms) {
    char buf[32];
    if (ms.count() % 1000 == 0)
        std::snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(ms.count() / 1000));
    else
        std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms.count()) / 1000.0);
    return buf;
}

std::int64_t toNs(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

// How a URL is opened.
struct Target {
    std::string url;    // as handed to FFmpeg
    std::string scheme; // lower case; "file" for plain paths
    bool file = false;
    bool listener = false; // waits for the sender to come to us
    const AVInputFormat* format = nullptr;
    std::string rtspTransport; // pinned by the URL; empty: whichever the server offers, TCP first
    // The protocols FFmpeg may use for it, and nothing else: no wrapping protocol (cache:, concat:,
    // subfile:, pipe:…) can reach further than the scheme the URL names.
    std::string protocols;
};

// The protocols a scheme opens through: itself and what carries it.
std::string protocolsFor(const std::string& scheme) {
    if (scheme == "rtsp")
        return "rtsp,rtp,udp,tcp";
    if (scheme == "rtsps")
        return "rtsp,rtsps,rtp,udp,tcp,tls";
    if (scheme == "rtmp")
        return "rtmp,tcp";
    if (scheme == "rtmps")
        return "rtmps,tls,tcp";
    if (scheme == "rtp")
        return "rtp,udp";
    if (scheme == "http")
        return "http,tcp";
    if (scheme == "https")
        return "https,tls,tcp";
    return scheme; // file, udp, srt, tcp: one protocol each
}

Target describeTarget(const std::string& url) {
    Target t;
    t.url = url;
    t.scheme = schemeOf(url);
    if (t.scheme.empty() || t.scheme == "file") {
        t.scheme = "file";
        t.file = true;
        // A plain path is named as a file, so that FFmpeg never reads a protocol from its first
        // colon ("cache:/x" is a file of that name, not the cache protocol).
        if (schemeOf(url).empty())
            t.url = "file:" + url;
    } else if (t.scheme == "udp") {
        // Contribution over UDP is MPEG-TS; naming the demuxer skips a probe that garbage could fool.
        t.listener = true;
        t.format = av_find_input_format("mpegts");
    } else if (t.scheme == "rtp") {
        t.listener = true;
    } else if (t.scheme == "srt") {
        t.format = av_find_input_format("mpegts");
        t.listener = queryParam(url, "mode") == std::optional<std::string>("listener");
    } else if (t.scheme == "tcp") {
        t.listener = queryParam(url, "listen").has_value();
    } else if (t.scheme == "rtsp" || t.scheme == "rtsps") {
        if (auto transport = queryParam(url, "rtsp_transport")) {
            t.rtspTransport = *transport;
            t.url = removeQueryParam(url, "rtsp_transport");
        }
    }
    t.protocols = protocolsFor(t.scheme);
    return t;
}

// An AVDictionary of options, freed on scope exit.
struct Options {
    AVDictionary* dict = nullptr;
    Options() = default;
    Options(const Options&) = delete;
    Options& operator=(const Options&) = delete;
    ~Options() { av_dict_free(&dict); }
    void set(const char* key, const std::string& value) { av_dict_set(&dict, key, value.c_str(), 0); }
    void set(const char* key, std::int64_t value) { av_dict_set_int(&dict, key, value, 0); }
};

// A copy of a channel layout, released on scope exit.
struct ChannelLayout {
    AVChannelLayout layout{};
    ChannelLayout() = default;
    ChannelLayout(const ChannelLayout&) = delete;
    ChannelLayout& operator=(const ChannelLayout&) = delete;
    ~ChannelLayout() { av_channel_layout_uninit(&layout); }
};

std::int64_t micros(std::chrono::milliseconds ms) {
    return static_cast<std::int64_t>(ms.count()) * 1000;
}

} // namespace

// One attempt at an FFmpeg input: open, probe, then read and decode until it fails or is told
// to stop. Runs on the source thread only.
class Source::Session {
public:
    Session(Source& src, Target target, bool preferRtspUdp)
        : src_(src)
        , target_(std::move(target))
        , preferRtspUdp_(preferRtspUdp)
        , packet_(av::makePacket())
        , frame_(av::makeFrame()) {
        if (!packet_ || !frame_)
            throw std::bad_alloc();
    }

    Attempt run() {
        std::string error;
        if (!open(error))
            return {error, false, openStalled_};
        const auto lostAfter = src_.config_.lostAfter;
        std::uint64_t packetsSinceLoop = 0;
        for (;;) {
            if (src_.abortRequested() != Abort::None)
                return {{}, connected_};
            src_.setDeadline(Clock::now() + lostAfter);
            const int r = av_read_frame(input_.get(), packet_.get());
            src_.clearDeadline();
            if (r == AVERROR(EAGAIN)) {
                src_.sleepUntil(Clock::now() + 5ms);
                continue;
            }
            if (r < 0) {
                if (src_.abortRequested() != Abort::None)
                    return {{}, connected_};
                if (r == AVERROR_EOF && target_.file) {
                    if (packetsSinceLoop > 0 && loopFile()) {
                        packetsSinceLoop = 0;
                        continue;
                    }
                    return {packetsSinceLoop > 0 ? "Cannot loop the file" : "The file has no playable media",
                            connected_};
                }
                return {readErrorText(r), connected_};
            }
            ++packetsSinceLoop;
            const bool video = packet_->stream_index == videoIndex_;
            if (video || packet_->stream_index == audioIndex_) {
                src_.countPacket(static_cast<std::size_t>(packet_->size), video);
                if (!io_.outer) // MPEG-TS over udp/srt counts its transport packets instead
                    src_.countTransport(1, (packet_->flags & AV_PKT_FLAG_CORRUPT) ? 1 : 0);
                if (target_.file && !pace(*packet_)) {
                    av_packet_unref(packet_.get());
                    continue; // interrupted: the loop head returns
                }
                if (video)
                    decodeVideo(packet_.get());
                else
                    decodeAudio(packet_.get());
            }
            av_packet_unref(packet_.get());
        }
    }

private:
    bool open(std::string& error) {
        std::call_once(networkInitOnce, [] { avformat_network_init(); });
        // Sticky for the session: once interrupted, FFmpeg's I/O context keeps failing without
        // asking the callback again.
        src_.deadlineHit_ = false;
        const Target& t = target_;
        const auto openTimeout =
            t.listener ? src_.config_.maxBackoff : std::chrono::milliseconds(kCallerOpenTimeout);

        Options opts;
        // Low latency: a second of probing finds a keyframe of the usual 1 s GOP, and no
        // frame-rate estimate is needed (fps is measured on arrival).
        opts.set("probesize", std::int64_t{1'000'000});
        opts.set("analyzeduration", std::int64_t{1'000'000});
        opts.set("fpsprobesize", std::int64_t{0});
        opts.set("protocol_whitelist", t.protocols);
        if (!t.file) {
            // The protocol's own guard, behind the interrupt callback's deadlines.
            opts.set("rw_timeout", micros(std::max(openTimeout, src_.config_.lostAfter) + 1s));
        }
        if (t.scheme == "udp") {
            opts.set("overrun_nonfatal", std::int64_t{1});
        } else if (t.scheme == "srt") {
            opts.set("timeout", micros(openTimeout));
            if (t.listener)
                opts.set("listen_timeout", micros(openTimeout));
        } else if (t.scheme == "tcp") {
            opts.set("timeout", micros(openTimeout));
            if (t.listener)
                opts.set("listen_timeout", static_cast<std::int64_t>(openTimeout.count()));
        } else if (t.scheme == "rtsp" || t.scheme == "rtsps") {
            if (!t.rtspTransport.empty()) {
                opts.set("rtsp_transport", t.rtspTransport);
            } else {
                // Both: a server that refuses the preferred one (461 Unsupported Transport) gets
                // the other in the same handshake. FFmpeg tries UDP first unless told prefer_tcp.
                opts.set("rtsp_transport", std::string("tcp+udp"));
                if (!preferRtspUdp_)
                    opts.set("rtsp_flags", std::string("prefer_tcp"));
            }
#if LIBAVFORMAT_VERSION_MAJOR >= 59
            opts.set("timeout", micros(openTimeout)); // socket I/O timeout since FFmpeg 5
#else
            opts.set("stimeout", micros(openTimeout));
#endif
        } else if (t.scheme == "http" || t.scheme == "https") {
            opts.set("timeout", micros(openTimeout));
        }
        // Not rtmp's "timeout": there it means "listen for a publisher".

        av::InputContextPtr ctx(avformat_alloc_context());
        if (!ctx)
            throw std::bad_alloc();
        ctx->interrupt_callback = {&Source::interruptCallback, &src_};

        src_.setDeadline(Clock::now() + openTimeout);
        int r = 0;
        // MPEG-TS over udp or srt is read through a counter of its transport packets and their
        // continuity gaps: the site's packet loss.
        const bool countTs = t.format && (t.scheme == "udp" || t.scheme == "srt");
        if (countTs) {
            r = openCountingIo(t.url, ctx->interrupt_callback, opts.dict);
            if (r >= 0)
                ctx->pb = io_.outer;
        }
        AVFormatContext* raw = ctx.release();
        if (r >= 0) {
            r = avformat_open_input(&raw, t.url.c_str(), t.format, &opts.dict);
        } else {
            avformat_free_context(raw);
            raw = nullptr;
        }
        input_.reset(raw); // null after a failure: FFmpeg freed it
        if (r >= 0)
            r = avformat_find_stream_info(input_.get(), nullptr);
        const bool deadlineHit = src_.deadlineHit_;
        src_.clearDeadline();
        if (r < 0) {
            openStalled_ = (r == AVERROR_EXIT && deadlineHit) || r == AVERROR(ETIMEDOUT);
            if (r == AVERROR_EXIT && deadlineHit)
                error = t.listener ? "No media for " + secondsText(openTimeout)
                                   : "No answer within " + secondsText(openTimeout);
            else if (r == AVERROR(EPROTONOSUPPORT) && (t.scheme == "rtsp" || t.scheme == "rtsps"))
                error = t.rtspTransport.empty() ? "The RTSP server offers neither TCP nor UDP transport"
                                                : "The RTSP server does not offer the transport " +
                                                      t.rtspTransport + " asked for by the URL";
            else if (r == AVERROR_PROTOCOL_NOT_FOUND)
                error = "Unsupported URL scheme: " + t.scheme;
            else
                error = av::errorText(r);
            return false;
        }

        videoIndex_ = av_find_best_stream(input_.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        audioIndex_ =
            av_find_best_stream(input_.get(), AVMEDIA_TYPE_AUDIO, -1, std::max(videoIndex_, -1), nullptr, 0);
        if (videoIndex_ >= 0 && !openDecoder(videoIndex_, video_))
            videoIndex_ = -1;
        if (audioIndex_ >= 0 && !openDecoder(audioIndex_, audio_))
            audioIndex_ = -1;
        for (unsigned i = 0; i < input_->nb_streams; ++i)
            if (static_cast<int>(i) != videoIndex_ && static_cast<int>(i) != audioIndex_)
                input_->streams[i]->discard = AVDISCARD_ALL;
        if (videoIndex_ < 0 && audioIndex_ < 0) {
            error = warning_.empty() ? "No audio or video stream found" : warning_;
            return false;
        }
        return true;
    }

    // The protocol opened by hand, under a reader that counts what passes.
    int openCountingIo(const std::string& url, const AVIOInterruptCB& interrupt, const AVDictionary* opts) {
        AVDictionary* protocolOpts = nullptr;
        av_dict_copy(&protocolOpts, opts, 0);
        int r = avio_open2(&io_.inner, url.c_str(), AVIO_FLAG_READ, &interrupt, &protocolOpts);
        av_dict_free(&protocolOpts);
        if (r < 0)
            return r;
        auto* buffer = static_cast<unsigned char*>(av_malloc(kCountingIoBuffer));
        if (!buffer)
            throw std::bad_alloc();
        io_.outer =
            avio_alloc_context(buffer, kCountingIoBuffer, 0, this, &Session::readCounted, nullptr, nullptr);
        if (!io_.outer) {
            av_free(buffer);
            throw std::bad_alloc();
        }
        io_.outer->seekable = 0;
        return 0;
    }

    static int readCounted(void* opaque, std::uint8_t* buf, int size) {
        auto* self = static_cast<Session*>(opaque);
        int n = 0;
        // Nothing yet (an empty datagram): read again rather than report an end the reader above
        // would take as final; stop() and the deadlines still end the wait.
        while ((n = avio_read_partial(self->io_.inner, buf, size)) == 0) {
            if (Source::interruptCallback(&self->src_))
                return AVERROR_EXIT;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (n < 0)
            return n;
        const std::uint64_t received = self->ts_.received(), lost = self->ts_.lost();
        self->ts_.feed(buf, static_cast<std::size_t>(n));
        self->src_.countTransport(self->ts_.received() - received, self->ts_.lost() - lost);
        return n;
    }

    bool openDecoder(int index, av::CodecContextPtr& out) {
        const AVStream* st = input_->streams[index];
        const AVCodecParameters* par = st->codecpar;
        const bool video = par->codec_type == AVMEDIA_TYPE_VIDEO;
        const std::string kind = video ? "video" : "audio";
        const AVCodec* codec = avcodec_find_decoder(par->codec_id);
        if (!codec) {
            std::string name = avcodec_get_name(par->codec_id);
            if (par->codec_id == AV_CODEC_ID_NONE && par->codec_tag != 0) {
                char tag[AV_FOURCC_MAX_STRING_SIZE] = {};
                name = av_fourcc_make_string(tag, par->codec_tag);
            }
            warning_ = "Unsupported " + kind + " codec: " + name;
            return false;
        }
        av::CodecContextPtr c(avcodec_alloc_context3(codec));
        if (!c)
            throw std::bad_alloc();
        int r = avcodec_parameters_to_context(c.get(), par);
        if (r >= 0) {
            c->pkt_timebase = st->time_base;
            if (video) {
                // One thread keeps many small streams cheap and adds no frame of delay.
                const bool big = par->width * par->height > kSingleThreadPixels;
                c->thread_count = big ? 2 : 1;
                c->thread_type = FF_THREAD_SLICE;
            }
            r = avcodec_open2(c.get(), codec, nullptr);
        }
        if (r < 0) {
            warning_ = "Cannot open the " + kind + " decoder (" + codec->name + "): " + av::errorText(r);
            return false;
        }
        out = std::move(c);
        return true;
    }

    std::string readErrorText(int r) const {
        if (r == AVERROR_EXIT && src_.deadlineHit_)
            return "No media for " + secondsText(src_.config_.lostAfter);
        if (r == AVERROR_EOF)
            return "Connection closed by the sender";
        return "Connection lost: " + av::errorText(r);
    }

    // Full <-> keyframes only. Back to full waits for a keyframe: the frames in between would
    // decode from references that were skipped.
    void applyDecodeMode(const AVPacket& pkt) {
        if (src_.decodeMode_ == DecodeMode::KeyframesOnly) {
            // A decoder keeps the picture pool it grew while decoding every picture (as many as
            // were queued for lip sync) until it closes: a fresh one needs two or three.
            if (!skippingNonKey_ && videoStarted_) {
                av::CodecContextPtr fresh;
                if (openDecoder(videoIndex_, fresh))
                    video_ = std::move(fresh);
            }
            video_->skip_frame = AVDISCARD_NONKEY;
            skippingNonKey_ = true;
        } else if (skippingNonKey_ && (pkt.flags & AV_PKT_FLAG_KEY)) {
            video_->skip_frame = AVDISCARD_DEFAULT;
            skippingNonKey_ = false;
        }
    }

    // A video frame lost to damaged data. MPEG-TS read through the loss counter already counted
    // the missing transport packets behind it.
    void videoDamaged(const std::string& why) {
        src_.countDropped(why);
        if (!io_.outer)
            src_.countTransport(0, 1);
    }

    void decodeVideo(const AVPacket* pkt) {
        if (pkt) {
            // Joining mid-GOP: what precedes the first keyframe cannot decode. A stream that never
            // flags keyframes (intra refresh) is fed anyway after a while.
            if (!videoStarted_ && !(pkt->flags & AV_PKT_FLAG_KEY) &&
                skippedBeforeKey_ < kMaxSkippedBeforeKey) {
                ++skippedBeforeKey_;
                return;
            }
            skippedBeforeKey_ = kMaxSkippedBeforeKey;
            applyDecodeMode(*pkt);
            // The decoder would discard it anyway; not handing it over saves parsing the slices
            // of every off-screen site beyond the full-decode limit.
            if (skippingNonKey_ && !(pkt->flags & AV_PKT_FLAG_KEY))
                return;
        }
        // Failures before the first picture are still waiting for one, not loss.
        int r = avcodec_send_packet(video_.get(), pkt);
        if (r < 0 && r != AVERROR(EAGAIN) && r != AVERROR_EOF && videoStarted_)
            videoDamaged("Corrupt video data: " + av::errorText(r));
        while ((r = avcodec_receive_frame(video_.get(), frame_.get())) >= 0) {
            videoStarted_ = true;
            if ((frame_->flags & AV_FRAME_FLAG_CORRUPT) || frame_->decode_error_flags) {
                videoDamaged("Corrupt video frame");
                av_frame_unref(frame_.get());
                continue;
            }
            src_.countVideoFrame(frame_->width, frame_->height);
            const double pts = seconds(frame_->best_effort_timestamp, videoIndex_);
            av::FramePtr out = av::makeFrame();
            if (!out)
                throw std::bad_alloc();
            av_frame_move_ref(out.get(), frame_.get());
            VideoFramePtr shared = VideoFrame::adopt(out.get());
            out.release(); // now owned by the VideoFrame
            src_.publishVideo(std::move(shared), pts);
            gotMedia();
        }
        if (r != AVERROR(EAGAIN) && r != AVERROR_EOF && videoStarted_)
            videoDamaged("Corrupt video data: " + av::errorText(r));
    }

    void decodeAudio(const AVPacket* pkt) {
        int r = avcodec_send_packet(audio_.get(), pkt);
        if (r < 0 && r != AVERROR(EAGAIN) && r != AVERROR_EOF)
            return; // a damaged audio packet is a short gap; the jitter buffer covers it
        while (avcodec_receive_frame(audio_.get(), frame_.get()) >= 0) {
            pushAudio(*frame_);
            av_frame_unref(frame_.get());
            gotMedia();
        }
    }

    // A timestamp of stream `index` in seconds; NaN when there is none.
    double seconds(std::int64_t ts, int index) const {
        if (ts == AV_NOPTS_VALUE || index < 0)
            return AudioJitterBuffer::kNoPts;
        return static_cast<double>(ts) * av_q2d(input_->streams[index]->time_base);
    }

    // Resamples to mono float at the site's rate; the resampler follows format changes.
    void pushAudio(const AVFrame& f) {
        if (f.nb_samples <= 0 || f.ch_layout.nb_channels <= 0 || f.sample_rate <= 0)
            return;
        if (!swr_ || f.sample_rate != swrRate_ || f.format != swrFormat_ ||
            av_channel_layout_compare(&f.ch_layout, &swrLayout_.layout) != 0) {
            swr_.reset();
            av_channel_layout_uninit(&swrLayout_.layout);
            if (av_channel_layout_copy(&swrLayout_.layout, &f.ch_layout) < 0)
                return;
            ChannelLayout in, mono;
            if (f.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
                av_channel_layout_default(&in.layout, f.ch_layout.nb_channels);
            else if (av_channel_layout_copy(&in.layout, &f.ch_layout) < 0)
                return;
            av_channel_layout_default(&mono.layout, 1);
            SwrContext* raw = nullptr;
            if (swr_alloc_set_opts2(&raw, &mono.layout, AV_SAMPLE_FMT_FLT, src_.config_.sampleRate,
                                    &in.layout, static_cast<AVSampleFormat>(f.format), f.sample_rate, 0,
                                    nullptr) < 0)
                return;
            av::SwrPtr swr(raw);
            if (swr_init(swr.get()) < 0)
                return;
            swr_ = std::move(swr);
            swrRate_ = f.sample_rate;
            swrFormat_ = f.format;
        }
        const int capacity = swr_get_out_samples(swr_.get(), f.nb_samples);
        if (capacity <= 0)
            return;
        // The first sample out is what the resampler still held from before this frame.
        double pts = seconds(f.best_effort_timestamp, audioIndex_);
        pts -= static_cast<double>(swr_get_delay(swr_.get(), 1'000'000)) / 1e6;
        resampled_.resize(static_cast<std::size_t>(capacity));
        std::uint8_t* out[1] = {reinterpret_cast<std::uint8_t*>(resampled_.data())};
        const int n = swr_convert(swr_.get(), out, capacity,
                                  const_cast<const std::uint8_t**>(f.extended_data), f.nb_samples);
        if (n > 0)
            src_.pushAudio(resampled_.data(), static_cast<std::size_t>(n), pts);
    }

    void gotMedia() {
        if (connected_)
            return;
        connected_ = true;
        std::string what;
        if (video_) {
            const AVCodecParameters* par = input_->streams[videoIndex_]->codecpar;
            what = std::string(avcodec_get_name(par->codec_id));
        }
        if (audio_)
            what += (what.empty() ? "" : " + ") + std::string(avcodec_get_name(audio_->codec_id));
        src_.markConnected("Receiving " + what, warning_);
    }

    // Files play at their own pace: each packet waits for its timestamp on the wall clock.
    bool pace(const AVPacket& pkt) {
        const std::int64_t ts = pkt.dts != AV_NOPTS_VALUE ? pkt.dts : pkt.pts;
        if (ts == AV_NOPTS_VALUE)
            return true;
        const double seconds = static_cast<double>(ts) * av_q2d(input_->streams[pkt.stream_index]->time_base);
        const auto now = Clock::now();
        if (!haveBase_) {
            haveBase_ = true;
            base_ = now;
            baseTs_ = seconds;
            return true;
        }
        const auto due = base_ + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(seconds - baseTs_));
        if (due > now + kMaxPacingGap || due < now - kMaxPacingGap) {
            base_ = now; // a timestamp jump or a stall: carry on from here
            baseTs_ = seconds;
            return true;
        }
        return due <= now || src_.sleepUntil(due);
    }

    // Back to the start of a file: drain what the decoders hold, then seek.
    bool loopFile() {
        if (video_) {
            decodeVideo(nullptr);
            avcodec_flush_buffers(video_.get());
        }
        if (audio_) {
            decodeAudio(nullptr);
            avcodec_flush_buffers(audio_.get());
        }
        haveBase_ = false;
        const std::int64_t start = input_->start_time != AV_NOPTS_VALUE ? input_->start_time : 0;
        if (av_seek_frame(input_.get(), -1, start, AVSEEK_FLAG_BACKWARD) >= 0)
            return true;
        return avformat_seek_file(input_.get(), -1, INT64_MIN, start, INT64_MAX, 0) >= 0 ||
               av_seek_frame(input_.get(), -1, 0, AVSEEK_FLAG_BYTE) >= 0;
    }

    // The loss counter's reader and the protocol under it; the input (declared after it, so
    // closed before it) uses them without owning them.
    struct CountingIo {
        AVIOContext* inner = nullptr;
        AVIOContext* outer = nullptr;
        CountingIo() = default;
        CountingIo(const CountingIo&) = delete;
        CountingIo& operator=(const CountingIo&) = delete;
        ~CountingIo() {
            if (outer) {
                av_freep(&outer->buffer);
                avio_context_free(&outer);
            }
            avio_closep(&inner);
        }
    };

    Source& src_;
    Target target_;
    bool preferRtspUdp_;       // ask for UDP before TCP, unless the URL pins a transport
    bool openStalled_ = false; // open() ran out of time (not refused): media may not flow this way
    CountingIo io_;
    TsContinuity ts_;
    av::InputContextPtr input_;
    av::CodecContextPtr video_;
    av::CodecContextPtr audio_;
    int videoIndex_ = -1;
    int audioIndex_ = -1;
    av::PacketPtr packet_;
    av::FramePtr frame_;
    av::SwrPtr swr_;
    ChannelLayout swrLayout_;
    int swrRate_ = 0;
    int swrFormat_ = -1;
    std::vector<float> resampled_;
    bool skippingNonKey_ = false;
    bool videoStarted_ = false; // a first picture decoded
    int skippedBeforeKey_ = 0;
    bool connected_ = false;
    std::string warning_; // e.g. an unsupported video codec next to working audio
    bool haveBase_ = false;
    Clock::time_point base_{};
    double baseTs_ = 0;
};

Source::Source(SourceConfig config, StatusCallback onStatus)
    : config_(std::move(config))
    , onStatus_(std::move(onStatus))
    , audio_(config_.sampleRate, config_.jitterBudget)
    , url_(config_.url) {
    decodeMode_ = config_.decodeMode;
}

Source::~Source() {
    stop();
}

bool Source::checkUrl(const std::string& url, std::string* error) {
    auto fail = [&](std::string why) {
        if (error)
            *error = std::move(why);
        return false;
    };
    if (url.empty())
        return fail("Empty URL");
    if (isTestUrl(url))
        return parseTestUrl(url, error).has_value();
    const std::string scheme = schemeOf(url);
    if (scheme.empty() || scheme == "file")
        return true;
    static constexpr std::array<std::string_view, 11> kSchemes = {
        "srt", "rtsp", "rtsps", "rtmp", "rtmps", "udp", "rtp", "tcp", "http", "https", "file"};
    if (std::find(kSchemes.begin(), kSchemes.end(), scheme) == kSchemes.end())
        return fail("Unsupported URL scheme '" + scheme + "' in " + url +
                    " (use srt, rtsp, rtmp, udp, rtp, http, a file or test)");
    // rtsp is a demuxer that opens its own connections; the others are I/O protocols.
    const bool known = scheme == "rtsp" || scheme == "rtsps"
                           ? av_find_input_format("rtsp") != nullptr
                           : avio_find_protocol_name(url.c_str()) != nullptr;
    if (!known)
        return fail("This FFmpeg build cannot open " + scheme + " URLs: " + url);
    return true;
}

void Source::start() {
    std::lock_guard lock(lifecycleMutex_);
    if (thread_.joinable())
        return;
    stopFlag_ = false;
    restartFlag_ = false;
    running_ = true;
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "hntt-source");
        // Below the program clock: a province's 170 sources at its priority crowd it out of the
        // CPU at each tick (measured: 2.5 % of ticks skipped with the demo's window open, 0.1 %
        // so); a source's own buffers ride out the wait, a skipped tick is on air.
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kSourceNice);
        run();
    });
}

void Source::stop() {
    std::lock_guard lock(lifecycleMutex_);
    if (!thread_.joinable())
        return;
    {
        std::lock_guard control(controlMutex_);
        stopFlag_ = true;
    }
    wake_.notify_all();
    thread_.join();
    running_ = false;
}

bool Source::running() const {
    return running_;
}

void Source::setUrl(std::string url) {
    {
        std::lock_guard lock(controlMutex_);
        url_ = std::move(url);
        restartFlag_ = true;
    }
    wake_.notify_all();
    clearVideo();
}

std::string Source::url() const {
    std::lock_guard lock(controlMutex_);
    return url_;
}

void Source::setDecodeMode(DecodeMode mode) {
    decodeMode_ = mode;
}
DecodeMode Source::decodeMode() const {
    return decodeMode_;
}

VideoFramePtr Source::latestVideo(Clock::time_point* arrived) const {
    std::lock_guard lock(videoMutex_);
    if (arrived)
        *arrived = latestAt_;
    return latest_;
}

SourceState Source::state() const {
    std::lock_guard lock(statsMutex_);
    return stats_.state;
}

SourceStats Source::stats() const {
    const auto since = Clock::now() - kStatsWindow;
    SourceStats s;
    {
        std::lock_guard lock(statsMutex_);
        s = stats_;
        std::size_t bytes = 0;
        for (const auto& [t, n] : packetWindow_)
            if (t > since)
                bytes += n;
        const auto frames = std::count_if(videoWindow_.begin(), videoWindow_.end(),
                                          [&](Clock::time_point t) { return t > since; });
        const double seconds = std::chrono::duration<double>(kStatsWindow).count();
        s.bitrateKbps = static_cast<double>(bytes) * 8.0 / 1000.0 / seconds;
        s.fps = static_cast<double>(frames) / seconds;
    }
    s.audioUnderruns = audio_.underruns();
    s.audioLatencyMs =
        static_cast<double>(audio_.targetSamples()) * 1000.0 / static_cast<double>(config_.sampleRate);
    {
        std::lock_guard lock(videoMutex_);
        s.videoDelayMs = std::max(heldMs_, 0.0);
    }
    return s;
}

void Source::run() {
    auto backoff = std::chrono::milliseconds(kFirstBackoff);
    bool firstAttempt = true;
    bool preferRtspUdp = false;
    setState(SourceState::Connecting,
             config_.call ? std::string("Waiting for the call's media") : "Connecting to " + redacted(url()));
    while (!stopFlag_) {
        std::string url;
        {
            std::lock_guard lock(controlMutex_);
            url = url_;
            restartFlag_ = false;
        }
        if (!firstAttempt) {
            std::lock_guard lock(statsMutex_);
            ++stats_.reconnects;
        }
        firstAttempt = false;

        const Target target = describeTarget(url);
        Attempt attempt;
        if (config_.call) {
            attempt = runCall(*config_.call);
        } else if (isTestUrl(url)) {
            attempt = runTestPattern(url);
        } else {
            attempt = Session(*this, target, preferRtspUdp).run();
        }
        if (stopFlag_)
            break;
        if (restartFlag_) { // a new URL: start over, as after start()
            firstAttempt = true;
            backoff = kFirstBackoff;
            preferRtspUdp = false;
            clearVideo();
            audio_.clear();
            setError({});
            setState(SourceState::Connecting, "Connecting to " + redacted(this->url()));
            continue;
        }
        if (attempt.hadMedia)
            backoff = kFirstBackoff;
        else if (attempt.stalled && target.scheme == "rtsp" && target.rtspTransport.empty())
            preferRtspUdp = !preferRtspUdp; // set up, but no media that way (a firewall, a NAT)
        setError(attempt.error);
        setState(SourceState::Lost, attempt.error);
        if (target.listener || config_.call) {
            sleepUntil(Clock::now() + kListenerRearm);
        } else {
            sleepUntil(Clock::now() + backoff);
            backoff = std::min(backoff * 2, config_.maxBackoff);
        }
    }
    clearVideo();
    audio_.clear(); // a later start() must not play stale sound
    setState(SourceState::Offline, "Stopped");
}

void Source::setTestView(const TestView& view) {
    std::lock_guard lock(controlMutex_);
    testView_ = view;
}

Source::Attempt Source::runTestPattern(const std::string& url) {
    std::string error;
    const std::optional<TestPatternSpec> spec = parseTestUrl(url, &error);
    if (!spec)
        return {error, false};
    TestPattern pattern(*spec, config_.sampleRate);
    const auto start = Clock::now();
    const auto framePeriod =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / spec->fps));
    std::uint64_t frameIndex = 0;
    std::uint64_t samplesPushed = 0;
    std::vector<float> samples;
    bool connected = false;
    while (abortRequested() == Abort::None) {
        const auto now = Clock::now();
        // Audio follows the wall clock exactly, so the jitter buffer stays at its target.
        const auto elapsedUs = std::chrono::duration_cast<std::chrono::microseconds>(now - start).count();
        const auto samplesDue = static_cast<std::uint64_t>(elapsedUs) *
                                static_cast<std::uint64_t>(config_.sampleRate) / 1'000'000u;
        if (samplesDue > samplesPushed) {
            samples.resize(samplesDue - samplesPushed);
            pattern.audio(samples.data(), samples.size());
            pushAudio(samples.data(), samples.size(),
                      static_cast<double>(samplesPushed) / static_cast<double>(config_.sampleRate));
            samplesPushed = samplesDue;
        }
        const auto frameDue = start + framePeriod * static_cast<std::int64_t>(frameIndex);
        if (now >= frameDue) {
            // Keyframes only behaves like a stream with a one-second GOP.
            const bool keyframesOnly = decodeMode_ == DecodeMode::KeyframesOnly;
            if (!keyframesOnly || frameIndex % static_cast<std::uint64_t>(spec->fps) == 0) {
                TestView view;
                {
                    std::lock_guard lock(controlMutex_);
                    view = testView_;
                }
                publishVideo(pattern.frame(frameIndex, view),
                             static_cast<double>(frameIndex) / static_cast<double>(spec->fps));
                countVideoFrame(spec->width, spec->height);
            }
            countPacket(0, true);
            ++frameIndex;
            if (now - frameDue > kMaxPacingGap) // the thread was starved: skip, do not burst
                frameIndex = static_cast<std::uint64_t>((now - start) / framePeriod) + 1;
            if (!connected) {
                connected = true;
                markConnected("Test signal " + url, {});
            }
        }
        sleepUntil(
            std::min(start + framePeriod * static_cast<std::int64_t>(frameIndex), now + kTestPatternTick));
    }
    return {{}, connected};
}

namespace {

// A call's decoder: FFmpeg's, picked by the negotiated codec, fed RTP payloads as packets.
av::CodecContextPtr openCallDecoder(AVCodecID id, int sampleRate, int channels, int threads) {
    const AVCodec* codec = avcodec_find_decoder(id);
    if (!codec)
        return nullptr;
    av::CodecContextPtr c(avcodec_alloc_context3(codec));
    if (!c)
        throw std::bad_alloc();
    if (sampleRate > 0) {
        c->sample_rate = sampleRate;
        av_channel_layout_default(&c->ch_layout, channels);
    } else {
        c->thread_count = threads;
        c->thread_type = FF_THREAD_SLICE;
    }
    if (avcodec_open2(c.get(), codec, nullptr) < 0)
        return nullptr;
    return c;
}

struct CallAudioDecoder {
    AVCodecID id = AV_CODEC_ID_NONE;
    int sampleRate = 0; // what the decoder produces
    int channels = 1;
    const char* name = "";
};

CallAudioDecoder callAudioDecoder(const CallAudioFormat& f) {
    switch (f.codec) {
    case CallAudioCodec::Pcmu:
        return {AV_CODEC_ID_PCM_MULAW, 8000, 1, "PCMU"};
    case CallAudioCodec::Pcma:
        return {AV_CODEC_ID_PCM_ALAW, 8000, 1, "PCMA"};
    case CallAudioCodec::G722:
        return {AV_CODEC_ID_ADPCM_G722, 16000, 1, "G722"}; // the rtpmap's 8000 is historical
    case CallAudioCodec::Opus:
        return {AV_CODEC_ID_OPUS, 48000, std::max(1, f.channels), "opus"};
    case CallAudioCodec::AacLd:
        return {AV_CODEC_ID_AAC_LATM, f.clockRate, std::max(1, f.channels), "MP4A-LATM"};
    }
    return {};
}

} // namespace

// A call: decodes what the receiver queued. Runs until stop(); the call's own timeout (no RTP)
// is the receiver's to raise, so this never reports Lost by itself.
Source::Attempt Source::runCall(CallInput& in) {
    av::CodecContextPtr video;
    av::CodecContextPtr audio;
    std::string warning;
    if (in.hasVideo && !(video = openCallDecoder(AV_CODEC_ID_H264, 0, 0, 1)))
        warning = "Cannot open the H.264 decoder";
    if (in.audioFormat) {
        const CallAudioDecoder d = callAudioDecoder(*in.audioFormat);
        if (!(audio = openCallDecoder(d.id, d.sampleRate, d.channels, 1)))
            warning = std::string("Cannot decode the call's audio (") + d.name + ")";
    }
    av::PacketPtr packet = av::makePacket();
    av::FramePtr frame = av::makeFrame();
    if (!packet || !frame)
        throw std::bad_alloc();
    av::SwrPtr swr;
    int swrRate = 0, swrChannels = 0, swrFormat = -1;
    std::vector<float> resampled;
    bool connected = false;
    bool videoStarted = false;   // a keyframe went to the decoder
    bool skippingNonKey = false; // keyframes-only mode, or back from it until a keyframe
    bool holdCleared = false;
    std::uint64_t received = 0, lost = 0;
    auto gotMedia = [&] {
        if (!connected) {
            connected = true;
            markConnected("Receiving the call", warning);
        }
    };
    while (abortRequested() == Abort::None) {
        // The receiver's transport counters, as the site's connection figures.
        const std::uint64_t r = in.packetsReceived, l = in.packetsLost;
        countTransport(r - received, l - lost);
        received = r;
        lost = l;
        if (!in.videoReceiving) {
            if (!holdCleared) {
                clearVideo(); // the slate, never a frozen picture
                holdCleared = true;
                videoStarted = false; // back from hold: start again at a keyframe
            }
        } else {
            holdCleared = false;
        }
        std::optional<CallUnit> unit = in.units.pop(std::chrono::milliseconds(20));
        if (!unit)
            continue;
        countPacket(unit->data.size(), unit->video);
        if (unit->video) {
            if (!video || !in.videoReceiving)
                continue;
            const bool keyOnly = decodeMode_ == DecodeMode::KeyframesOnly;
            if (!unit->keyframe && (!videoStarted || keyOnly || skippingNonKey)) {
                if (!videoStarted)
                    in.keyframeNeeded = true;
                skippingNonKey = skippingNonKey || keyOnly;
                continue;
            }
            if (unit->keyframe) {
                videoStarted = true;
                skippingNonKey = keyOnly;
            }
            if (av_new_packet(packet.get(), static_cast<int>(unit->data.size())) < 0)
                throw std::bad_alloc();
            std::copy(unit->data.begin(), unit->data.end(), packet->data);
            if (unit->keyframe)
                packet->flags |= AV_PKT_FLAG_KEY;
            int ret = avcodec_send_packet(video.get(), packet.get());
            av_packet_unref(packet.get());
            if (ret < 0 && ret != AVERROR(EAGAIN)) {
                countDropped("Corrupt video data: " + av::errorText(ret));
                in.keyframeNeeded = true;
            }
            while ((ret = avcodec_receive_frame(video.get(), frame.get())) >= 0) {
                if ((frame->flags & AV_FRAME_FLAG_CORRUPT) || frame->decode_error_flags) {
                    countDropped("Corrupt video frame");
                    in.keyframeNeeded = true;
                    av_frame_unref(frame.get());
                    continue;
                }
                countVideoFrame(frame->width, frame->height);
                in.width = frame->width;
                in.height = frame->height;
                av::FramePtr out = av::makeFrame();
                if (!out)
                    throw std::bad_alloc();
                av_frame_move_ref(out.get(), frame.get());
                VideoFramePtr shared = VideoFrame::adopt(out.get());
                out.release(); // now owned by the VideoFrame
                // Baseline H.264 has no reordering: the picture is the access unit just sent.
                if (in.videoReceiving)
                    publishVideo(std::move(shared), unit->pts);
                gotMedia();
            }
        } else {
            if (!audio || !in.audioReceiving || unit->data.empty())
                continue;
            if (av_new_packet(packet.get(), static_cast<int>(unit->data.size())) < 0)
                throw std::bad_alloc();
            std::copy(unit->data.begin(), unit->data.end(), packet->data);
            const int ret = avcodec_send_packet(audio.get(), packet.get());
            av_packet_unref(packet.get());
            if (ret < 0)
                continue; // a damaged payload is a short gap the jitter buffer covers
            while (avcodec_receive_frame(audio.get(), frame.get()) >= 0) {
                const AVFrame& f = *frame;
                if (f.nb_samples > 0 && f.sample_rate > 0 && f.ch_layout.nb_channels > 0) {
                    if (!swr || f.sample_rate != swrRate || f.ch_layout.nb_channels != swrChannels ||
                        f.format != swrFormat) {
                        ChannelLayout inLayout, mono;
                        av_channel_layout_default(&inLayout.layout, f.ch_layout.nb_channels);
                        av_channel_layout_default(&mono.layout, 1);
                        SwrContext* raw = nullptr;
                        swr.reset();
                        if (swr_alloc_set_opts2(&raw, &mono.layout, AV_SAMPLE_FMT_FLT, config_.sampleRate,
                                                &inLayout.layout, static_cast<AVSampleFormat>(f.format),
                                                f.sample_rate, 0, nullptr) >= 0) {
                            av::SwrPtr fresh(raw);
                            if (swr_init(fresh.get()) >= 0)
                                swr = std::move(fresh);
                        }
                        swrRate = f.sample_rate;
                        swrChannels = f.ch_layout.nb_channels;
                        swrFormat = f.format;
                    }
                    const int capacity = swr ? swr_get_out_samples(swr.get(), f.nb_samples) : 0;
                    if (capacity > 0) {
                        resampled.resize(static_cast<std::size_t>(capacity));
                        std::uint8_t* outPlanes[1] = {reinterpret_cast<std::uint8_t*>(resampled.data())};
                        // The first sample out is what the resampler still held from before.
                        const double pts =
                            unit->pts - static_cast<double>(swr_get_delay(swr.get(), 1'000'000)) / 1e6;
                        const int n =
                            swr_convert(swr.get(), outPlanes, capacity,
                                        const_cast<const std::uint8_t**>(f.extended_data), f.nb_samples);
                        if (n > 0)
                            pushAudio(resampled.data(), static_cast<std::size_t>(n), pts);
                    }
                }
                av_frame_unref(frame.get());
                gotMedia();
            }
        }
    }
    return {{}, connected};
}

void Source::setState(SourceState s, const std::string& reason) {
    {
        std::lock_guard lock(statsMutex_);
        if (stats_.state == s)
            return;
        stats_.state = s;
    }
    if (onStatus_)
        onStatus_(config_.id, s, reason);
}

void Source::setError(std::string text) {
    std::lock_guard lock(statsMutex_);
    stats_.lastError = std::move(text);
}

void Source::markConnected(const std::string& reason, const std::string& warning) {
    setError(warning);
    setState(SourceState::Connected, reason);
}

void Source::publishVideo(VideoFramePtr frame, double pts) {
    const auto now = Clock::now();
    std::lock_guard lock(videoMutex_);
    latest_ = frame;
    latestAt_ = now;
    pending_.push_back({std::move(frame), pts, now});
    while (pending_.size() > kMaxPendingFrames) {
        shown_ = std::move(pending_.front().frame);
        pending_.pop_front();
    }
}

void Source::pushAudio(const float* samples, std::size_t count, double pts) {
    audio_.push(samples, count, pts);
    if (!std::isnan(pts))
        timedAudioAt_ = toNs(Clock::now());
}

void Source::clearVideo() {
    std::lock_guard lock(videoMutex_);
    latest_.reset();
    pending_.clear();
    shown_.reset();
    heldMs_ = -1;
}

VideoFramePtr Source::programVideo() {
    const auto now = Clock::now();
    const AudioJitterBuffer::Playhead playhead = audio_.playhead();
    const std::int64_t audioAt = timedAudioAt_;
    const bool timedAudio =
        playhead.valid && audioAt != 0 &&
        toNs(now) - audioAt < std::chrono::duration_cast<std::chrono::nanoseconds>(kTimedAudioGone).count();
    const bool lost = state() == SourceState::Lost;
    std::lock_guard lock(videoMutex_);
    while (!pending_.empty()) {
        const PendingFrame& f = pending_.front();
        const bool due = !timedAudio || lost || std::isnan(f.pts) || f.pts <= playhead.pts ||
                         f.pts > playhead.pts + kUnrelatedPts || now - f.arrived >= kMaxVideoHold;
        if (!due)
            break;
        const double held = std::chrono::duration<double, std::milli>(now - f.arrived).count();
        heldMs_ = heldMs_ < 0 ? held : heldMs_ + (held - heldMs_) * 0.1;
        shown_ = f.frame;
        pending_.pop_front();
    }
    return shown_;
}

void Source::countPacket(std::size_t bytes, bool video) {
    const auto now = Clock::now();
    const auto since = now - kStatsWindow;
    std::lock_guard lock(statsMutex_);
    packetWindow_.emplace_back(now, bytes);
    while (!packetWindow_.empty() && packetWindow_.front().first <= since)
        packetWindow_.pop_front();
    if (video) {
        videoWindow_.push_back(now);
        while (!videoWindow_.empty() && videoWindow_.front() <= since)
            videoWindow_.pop_front();
    }
}

void Source::countTransport(std::uint64_t received, std::uint64_t lost) {
    if (received == 0 && lost == 0)
        return;
    std::lock_guard lock(statsMutex_);
    stats_.packetsReceived += received;
    stats_.packetsLost += lost;
}

void Source::countVideoFrame(int width, int height) {
    std::lock_guard lock(statsMutex_);
    ++stats_.videoFrames;
    stats_.width = width;
    stats_.height = height;
}

void Source::countDropped(const std::string& why) {
    std::lock_guard lock(statsMutex_);
    ++stats_.framesDropped;
    stats_.lastError = why;
}

bool Source::sleepUntil(Clock::time_point until) {
    std::unique_lock lock(controlMutex_);
    return !wake_.wait_until(lock, until, [this] { return stopFlag_ || restartFlag_; });
}

Source::Abort Source::abortRequested() const {
    if (stopFlag_)
        return Abort::Stop;
    if (restartFlag_)
        return Abort::Restart;
    return Abort::None;
}

void Source::setDeadline(Clock::time_point t) {
    deadlineNs_ = toNs(t);
}

void Source::clearDeadline() {
    deadlineNs_ = 0;
}

int Source::interruptCallback(void* opaque) {
    auto* self = static_cast<Source*>(opaque);
    if (self->stopFlag_ || self->restartFlag_)
        return 1;
    const std::int64_t deadline = self->deadlineNs_;
    if (deadline != 0 && toNs(Clock::now()) > deadline) {
        self->deadlineHit_ = true;
        return 1;
    }
    return 0;
}

} // namespace hntt::engine
