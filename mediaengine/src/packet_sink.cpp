#include "packet_sink.h"

#include "sink_pump.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

extern "C" {
#include <libavutil/opt.h>
}

namespace hntt::engine {

namespace {

bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

bool endsWith(const std::string& s, const char* suffix) {
    const std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

constexpr auto kStopGrace = std::chrono::seconds(3);
// A recording's writer that still makes progress is waited for (up to a limit: the caller waits
// too); one that wrote nothing for this long (a disk that does not answer) is given up.
constexpr auto kRecordingStallGrace = std::chrono::seconds(5);
constexpr auto kRecordingDrainLimit = std::chrono::seconds(20);
constexpr auto kTailGrace = std::chrono::seconds(1); // for the sound that goes with the last picture
constexpr double kIsolatedHeldSeconds = 3;    // isolated packets kept while waiting for the first keyframe
constexpr double kIsolatedQueuedSeconds = 10; // ... and queued for a mux thread that is stuck

} // namespace

const char* outputStateName(OutputState s) {
    switch (s) {
    case OutputState::Starting:
        return "starting";
    case OutputState::Running:
        return "running";
    case OutputState::Retrying:
        return "retrying";
    case OutputState::Failed:
        return "failed";
    case OutputState::Stopped:
        return "stopped";
    }
    return "failed";
}

std::string containerForUrl(const std::string& url, std::string* error) {
    if (startsWith(url, "srt://") || startsWith(url, "udp://") || startsWith(url, "rtp://"))
        return "mpegts";
    if (startsWith(url, "rtmp://") || startsWith(url, "rtmps://"))
        return "flv";
    if (url.find("://") != std::string::npos) {
        if (error)
            *error = "Unsupported output URL scheme (use srt://, udp://, rtp:// or rtmp://): " + url;
        return {};
    }
    if (url.empty()) {
        if (error)
            *error = "Empty output path";
        return {};
    }
    if (endsWith(url, ".mp4"))
        return "mp4";
    if (endsWith(url, ".ts"))
        return "mpegts";
    return "matroska";
}

bool createRecordingFile(const std::string& path, bool* created, bool* exists, std::string* error) {
    *created = false;
    *exists = false;
    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
        ::close(fd);
        *created = true;
        return true;
    }
    const int err = errno;
    struct stat st = {};
    if (err == EEXIST && ::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode) &&
        !S_ISDIR(st.st_mode))
        return true; // a FIFO or a device: there is nothing in it to lose
    *exists = err == EEXIST;
    *error = (*exists ? "The file " + path + " exists already"
                      : "Cannot create " + path + ": " + std::strerror(err));
    return false;
}

PacketSink::PacketSink(SinkSettings settings, const AVCodecContext* video, const AVCodecContext* audio,
                       StateCallback onState)
    : settings_(std::move(settings))
    , onState_(std::move(onState))
    , queue_(settings_.queueCapacity) {
    // Keep our own copies of the codec parameters: the encoder may outlive or predecease us.
    auto copyParams = [](const AVCodecContext* src) {
        av::CodecContextPtr c(avcodec_alloc_context3(nullptr));
        AVCodecParameters* p = avcodec_parameters_alloc();
        avcodec_parameters_from_context(p, src);
        avcodec_parameters_to_context(c.get(), p);
        avcodec_parameters_free(&p);
        c->time_base = src->time_base;
        c->framerate = src->framerate;
        return c;
    };
    videoParams_ = copyParams(video);
    if (audio)
        audioParams_ = copyParams(audio);
    if (settings_.kind == SinkKind::Recording && !settings_.isolatedTracks.empty()) {
        IsolatedEncoderSettings is;
        is.tracks = settings_.isolatedTracks.size();
        is.inputRate = settings_.sampleRate;
        // Speech in wideband (16 kHz, as G.722 and the room systems' voice codecs): a track is for
        // hearing who said what, and an encoder costs in proportion to its rate.
        is.sampleRate = settings_.sampleRate % 16000 == 0 ? 16000
                        : settings_.sampleRate >= 32000   ? settings_.sampleRate / 2
                                                          : settings_.sampleRate;
        is.bitrateKbps = settings_.isolatedBitrateKbps;
        is.blockSeconds = settings_.blockSeconds;
        is.maxLagSeconds = settings_.isolatedMaxLagSeconds;
        isolatedLastDts_.assign(is.tracks, AV_NOPTS_VALUE);
        isolatedEncoders_ = std::make_unique<IsolatedEncoders>(
            is, [this](IsolatedPacket p) { isolatedArrived(std::move(p)); });
    }
    stats_.url = settings_.url;
}

PacketSink::~PacketSink() {
    stop();
}

void PacketSink::start(SinkPump* pump) {
    secondStart_ = std::chrono::steady_clock::now();
    started_ = true;
    if (pump && settings_.kind != SinkKind::Recording && SinkPump::suits(settings_.url)) {
        pump_ = pump;
        pump_->add(this);
        return;
    }
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "hntt-sink");
        run();
    });
}

void PacketSink::stop() {
    if (started_ && !queue_.closed()) {
        {
            std::lock_guard lock(tailMutex_);
            if (cutoff_ < 0)
                cutoff_ = std::max(lastVideoEnd_, 0.0);
        }
        // The sound that goes with the last picture is still in the encoder (one AAC frame
        // behind) or not even mixed yet (the clock's next tick): wait for it, briefly.
        const bool carriesSound = audioParams_ != nullptr;
        auto complete = [this] {
            std::lock_guard lock(tailMutex_);
            return soundEnd_ >= cutoff_ - 1e-6;
        };
        const auto until = std::chrono::steady_clock::now() + kTailGrace;
        while (carriesSound && videoWritten_ && !complete() && !finished_ &&
               std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        // The isolated tracks end with the picture too: their workers encode up to the cut-off
        // and drain their encoders, the tail reaching the mux thread before its queue closes.
        if (isolatedEncoders_)
            isolatedEncoders_->finish(
                std::llround(cutoff() * settings_.sampleRate),
                std::chrono::milliseconds(std::llround(settings_.isolatedMaxLagSeconds * 1000)));
    }
    queue_.close();
    if (pump_ && !leftPump_) {
        pump_->wake();
        waitForThread();
        pump_->remove(this);
        leftPump_ = true;
        if (!finished_) { // the pump did not get to it in time: finished here, it no longer looks
            close(true);
            setState(OutputState::Stopped, {});
            finished_ = true;
        }
        return;
    }
    if (!thread_.joinable())
        return;
    waitForThread();
    thread_.join();
}

void PacketSink::pumpStep(std::chrono::steady_clock::time_point now) {
    using namespace std::chrono;
    if (finished_)
        return;
    auto dropQueued = [this] {
        while (queue_.pop(milliseconds(0))) {
        }
    };
    if (!announced_) {
        announced_ = true;
        setState(OutputState::Starting, {});
    }
    std::string error;
    if (!out_) {
        if (queue_.closed()) {
            setState(OutputState::Stopped, {});
            finished_ = true;
            return;
        }
        if (now < retryAt_) { // waiting to try again: what arrives meanwhile is dropped
            dropQueued();
            return;
        }
        if (!open(error)) {
            setState(OutputState::Retrying, error);
            retryAt_ = now + backoff_;
            backoff_ = std::min(backoff_ * 2, milliseconds(10000));
            dropQueued();
            return;
        }
        backoff_ = milliseconds(500);
        setState(OutputState::Running, {});
    }
    while (std::optional<Item> item = queue_.pop(milliseconds(0))) {
        if (!write(*item, error)) {
            close(false);
            setState(OutputState::Retrying, error);
            return; // opened again on the next pass
        }
    }
    if (queue_.closed() && queue_.size() == 0) {
        close(true);
        setState(OutputState::Stopped, {});
        finished_ = true;
    }
}

// The thread drains what is queued and writes the trailer. A network peer that blocks the write
// longer than the grace is interrupted; a recording is waited for as long as it makes progress,
// since everything still queued is part of the meeting.
void PacketSink::waitForThread() {
    using namespace std::chrono;
    const bool recording = settings_.kind == SinkKind::Recording;
    auto deadline = steady_clock::now() + (recording ? kRecordingStallGrace : kStopGrace);
    const auto limit = steady_clock::now() + kRecordingDrainLimit;
    std::uint64_t written = stats().packetsWritten;
    while (!finished_ && steady_clock::now() < std::min(deadline, limit)) {
        std::this_thread::sleep_for(milliseconds(10));
        if (!recording)
            continue;
        if (const std::uint64_t now = stats().packetsWritten; now != written) {
            written = now;
            deadline = steady_clock::now() + kRecordingStallGrace;
        }
    }
    stopping_ = true;
}

void PacketSink::pushPacket(const EncodedPacketPtr& packet) {
    if (finished_)
        return; // a failed recording no longer counts what it would have dropped
    if (packet->kind == StreamKind::Video && packet->packet->pts != AV_NOPTS_VALUE) {
        const AVPacket& p = *packet->packet;
        const double start = static_cast<double>(p.pts) * av_q2d(packet->timeBase);
        const double end =
            static_cast<double>(p.pts + std::max<std::int64_t>(p.duration, 1)) * av_q2d(packet->timeBase);
        std::lock_guard lock(tailMutex_);
        if (cutoff_ >= 0 && start >= cutoff_ - 1e-6)
            return; // after the end of a stopping sink
        lastVideoEnd_ = std::max(lastVideoEnd_, end);
        if (firstVideoPushed_ < 0)
            firstVideoPushed_ = start;
    }
    if (!queue_.tryPush(Item{packet, false})) {
        std::lock_guard lock(statsMutex_);
        ++stats_.packetsDropped;
    } else if (pump_) {
        pump_->wake();
    }
}

void PacketSink::pushMixMinus(const EncodedPacketPtr& packet) {
    if (settings_.kind != SinkKind::ReturnFeed || finished_)
        return;
    if (!queue_.tryPush(Item{packet, true})) {
        std::lock_guard lock(statsMutex_);
        ++stats_.packetsDropped;
    } else if (pump_) {
        pump_->wake();
    }
}

void PacketSink::pushIsolatedAudio(std::int64_t pts, std::vector<std::vector<float>> tracks) {
    if (!isolatedEncoders_ || finished_)
        return;
    isolatedEncoders_->push(pts, std::make_shared<const std::vector<std::vector<float>>>(std::move(tracks)));
}

double PacketSink::isolatedPacketsPerSecond() const {
    return static_cast<double>(settings_.isolatedTracks.size()) * isolatedEncoders_->sampleRate() /
           isolatedEncoders_->frameSize();
}

void PacketSink::isolatedArrived(IsolatedPacket packet) {
    const double most = isolatedPacketsPerSecond() * kIsolatedQueuedSeconds;
    std::lock_guard lock(isolatedMutex_);
    if (static_cast<double>(isolatedArrived_.size()) > most) {
        isolatedArrived_.pop_front();
        ++isolatedOverflow_;
    }
    isolatedArrived_.push_back(std::move(packet));
}

OutputStats PacketSink::stats() const {
    OutputStats s;
    double writtenFrom = -1;
    double videoSeconds = 0;
    {
        std::lock_guard lock(statsMutex_);
        s = stats_;
        writtenFrom = writtenFrom_;
        videoSeconds = videoSeconds_;
    }
    {
        std::lock_guard lock(tailMutex_);
        // How much picture was handed over and is not in the file yet (all of it, while no
        // keyframe has been written).
        const double from = writtenFrom >= 0 ? writtenFrom : firstVideoPushed_;
        if (from >= 0 && lastVideoEnd_ >= 0 && !finished_)
            s.lagSeconds = std::max(0.0, lastVideoEnd_ - from - videoSeconds);
    }
    if (isolatedEncoders_) {
        s.isolatedLagSeconds = isolatedEncoders_->lagSeconds();
        // Packets a stuck writer had to drop are a gap too, spread over the tracks.
        std::uint64_t overflow = 0;
        {
            std::lock_guard lock(isolatedMutex_);
            overflow = isolatedOverflow_;
        }
        s.isolatedGapSeconds = std::max(isolatedEncoders_->gapSeconds(),
                                        static_cast<double>(overflow) * isolatedEncoders_->frameSize() /
                                            isolatedEncoders_->sampleRate() /
                                            static_cast<double>(settings_.isolatedTracks.size()));
    }
    return s;
}

void PacketSink::setState(OutputState s, const std::string& error) {
    bool changed = false;
    {
        std::lock_guard lock(statsMutex_);
        changed = stats_.state != s || stats_.error != error;
        stats_.state = s;
        stats_.error = error;
    }
    if (changed && onState_)
        onState_(s, error);
}

int PacketSink::interruptCallback(void* opaque) {
    auto* self = static_cast<PacketSink*>(opaque);
    // Once stopping, a blocked network write gets a short grace, then gives up.
    return self->stopping_.load() ? 1 : 0;
}

bool PacketSink::open(std::string& error) {
    const std::string container = containerForUrl(settings_.url, &error);
    if (container.empty())
        return false;
    AVFormatContext* raw = nullptr;
    if (const int err =
            avformat_alloc_output_context2(&raw, nullptr, container.c_str(), settings_.url.c_str());
        err < 0 || !raw) {
        error = "Cannot create output: " + av::errorText(err);
        return false;
    }
    out_.reset(raw);
    out_->interrupt_callback = AVIOInterruptCB{&PacketSink::interruptCallback, this};
    out_->flags |= AVFMT_FLAG_FLUSH_PACKETS;

    AVStream* vs = avformat_new_stream(out_.get(), nullptr);
    avcodec_parameters_from_context(vs->codecpar, videoParams_.get());
    vs->time_base = videoParams_->time_base;
    vs->avg_frame_rate = videoParams_->framerate;
    if (const AVCodecContext* audio = audioParams_.get()) {
        AVStream* as = avformat_new_stream(out_.get(), nullptr);
        avcodec_parameters_from_context(as->codecpar, audio);
        as->time_base = audio->time_base;
    }
    firstIsolatedStream_ = static_cast<int>(out_->nb_streams);
    for (std::size_t i = 0; isolatedEncoders_ && i < settings_.isolatedTracks.size(); ++i) {
        const IsolatedTrack& track = settings_.isolatedTracks[i];
        AVStream* as = avformat_new_stream(out_.get(), nullptr);
        avcodec_parameters_from_context(as->codecpar, isolatedEncoders_->context(i));
        as->time_base = isolatedEncoders_->context(i)->time_base;
        // A review player lists the tracks by title and can solo a site by its id.
        av_dict_set(&as->metadata, "title", track.name.c_str(), 0);
        av_dict_set(&as->metadata, "site_id", std::to_string(track.site).c_str(), 0);
    }

    AVDictionary* ioOpts = nullptr;
    if (startsWith(settings_.url, "udp://") || startsWith(settings_.url, "rtp://"))
        av_dict_set(&ioOpts, "pkt_size", "1316", 0);
    if (startsWith(settings_.url, "srt://"))
        av_dict_set(&ioOpts, "connect_timeout", "3000", 0);
    if (startsWith(settings_.url, "rtmp://"))
        av_dict_set(&ioOpts, "rw_timeout", "5000000", 0);
    std::unique_ptr<AVDictionary, av::DictDeleter> ioGuard(nullptr);
    if (!(out_->oformat->flags & AVFMT_NOFILE)) {
        if (settings_.kind == SinkKind::Recording && !settings_.createdFile) {
            std::error_code ec;
            std::filesystem::create_directories(std::filesystem::path(settings_.url).parent_path(), ec);
        }
        if (settings_.kind == SinkKind::Recording) // made empty for it: never cut what a file holds
            av_dict_set(&ioOpts, "truncate", "0", 0);
        const int err =
            avio_open2(&out_->pb, settings_.url.c_str(), AVIO_FLAG_WRITE, &out_->interrupt_callback, &ioOpts);
        ioGuard.reset(ioOpts);
        if (err < 0) {
            error = "Cannot open " + settings_.url + ": " + av::errorText(err);
            out_.reset();
            return false;
        }
    } else {
        ioGuard.reset(ioOpts);
    }

    // The program goes to the file within a second even while isolated tracks trail it; a track
    // packet that comes later is written after it (Matroska blocks may point back in time).
    out_->max_interleave_delta = AV_TIME_BASE;
    AVDictionary* muxOpts = nullptr;
    if (container == "matroska")
        av_dict_set(&muxOpts, "cluster_time_limit", "1000", 0); // a crash loses at most ~1 s
    if (container == "mp4")
        av_dict_set(&muxOpts, "movflags", "frag_keyframe+empty_moov+default_base_moof", 0);
    if (container == "flv")
        av_dict_set(&muxOpts, "flvflags", "no_duration_filesize", 0);
    const int err = avformat_write_header(out_.get(), &muxOpts);
    av_dict_free(&muxOpts);
    if (err < 0) {
        error = "Cannot start " + settings_.url + ": " + av::errorText(err);
        out_.reset();
        return false;
    }
    headerWritten_ = true;
    waitingForKeyframe_ = true;
    return true;
}

void PacketSink::removeUnwrittenFile() {
    if (settings_.kind != SinkKind::Recording || !settings_.createdFile)
        return;
    struct stat st = {};
    if (::lstat(settings_.url.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0)
        ::unlink(settings_.url.c_str());
}

void PacketSink::soundReached(double end) {
    std::lock_guard lock(tailMutex_);
    soundEnd_ = std::max(soundEnd_, end);
}

double PacketSink::cutoff() const {
    std::lock_guard lock(tailMutex_);
    return cutoff_;
}

void PacketSink::close(bool writeTrailer) {
    if (out_ && headerWritten_ && writeTrailer && !waitingForKeyframe_) {
        std::string ignored;
        writeArrivedIsolated(ignored); // the tracks' tails, up to the cut-off (drained at stop())
    }
    isolatedHeld_.clear();
    if (out_ && headerWritten_ && writeTrailer)
        av_write_trailer(out_.get());
    if (out_ && out_->pb)
        avio_flush(out_->pb);
    out_.reset();
    headerWritten_ = false;
}

bool PacketSink::checkDiskSpace(std::string& error) {
    if (settings_.kind != SinkKind::Recording)
        return true;
    const auto now = std::chrono::steady_clock::now();
    if (now - lastDiskCheck_ < std::chrono::seconds(1))
        return true;
    lastDiskCheck_ = now;
    struct statvfs fs = {};
    // The nearest existing folder: before open() the recording's own may not exist yet.
    std::filesystem::path dir = std::filesystem::absolute(settings_.url).parent_path();
    std::error_code ec;
    while (!std::filesystem::exists(dir, ec) && dir.has_relative_path())
        dir = dir.parent_path();
    if (::statvfs(dir.c_str(), &fs) != 0)
        return true;
    const std::uint64_t freeBytes = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
    if (freeBytes < settings_.minFreeBytes) {
        error = "Disk almost full (" + std::to_string(freeBytes >> 20) + " MB free): recording stopped";
        return false;
    }
    return true;
}

bool PacketSink::writePacket(AVPacket* pkt, int streamIndex, AVRational from, std::string& error) {
    AVStream* st = out_->streams[streamIndex];
    pkt->stream_index = streamIndex;
    av_packet_rescale_ts(pkt, from, st->time_base);
    const int size = pkt->size;
    const std::int64_t endPts = pkt->pts + pkt->duration;
    if (const int err = av_interleaved_write_frame(out_.get(), pkt); err < 0) {
        error = "Write to " + settings_.url + " failed: " + av::errorText(err);
        return false;
    }
    std::lock_guard lock(statsMutex_);
    ++stats_.packetsWritten;
    stats_.bytesWritten += static_cast<std::uint64_t>(size);
    bytesThisSecond_ += size;
    const double end = static_cast<double>(endPts) * av_q2d(st->time_base);
    if (streamIndex == 0)
        videoSeconds_ = end;
    // What the file holds is its longest stream: on a loaded machine the picture's encoder may
    // have been behind at the stop while the sound and the tracks reached it.
    stats_.durationSeconds = std::max(stats_.durationSeconds, end);
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - secondStart_).count();
    if (elapsed >= 1.0) {
        stats_.bitrateKbps = static_cast<double>(bytesThisSecond_) * 8.0 / 1000.0 / elapsed;
        bytesThisSecond_ = 0;
        secondStart_ = now;
    }
    return true;
}

bool PacketSink::writeArrivedIsolated(std::string& error) {
    if (!isolatedEncoders_)
        return true;
    std::deque<IsolatedPacket> arrived;
    {
        std::lock_guard lock(isolatedMutex_);
        arrived.swap(isolatedArrived_);
    }
    for (IsolatedPacket& p : arrived) {
        if (waitingForKeyframe_) {
            // Encoded ahead of the picture of their time: kept until the recording starts.
            isolatedHeld_.push_back(std::move(p));
            while (static_cast<double>(isolatedHeld_.size()) >
                   isolatedPacketsPerSecond() * kIsolatedHeldSeconds)
                isolatedHeld_.pop_front();
            continue;
        }
        if (!writeIsolated(p, error))
            return false;
    }
    return true;
}

bool PacketSink::writeIsolated(IsolatedPacket& packet, std::string& error) {
    AVPacket* pkt = packet.packet.get();
    if (!pkt || pkt->pts == AV_NOPTS_VALUE || packet.track >= isolatedLastDts_.size())
        return true;
    const int rate = isolatedEncoders_->sampleRate();
    const double end = cutoff();
    if (end >= 0 && static_cast<double>(pkt->pts) / rate >= end - 1e-6)
        return true; // past the end of a stopping recording
    // The same timeline as the program audio: program time minus the first keyframe's.
    const auto offset = static_cast<std::int64_t>(std::llround(startSeconds_ * rate));
    pkt->pts -= offset;
    if (pkt->dts != AV_NOPTS_VALUE)
        pkt->dts -= offset;
    else
        pkt->dts = pkt->pts;
    if (pkt->pts < 0) // before the first picture (and the encoder's priming frame)
        return true;
    std::int64_t& last = isolatedLastDts_[packet.track];
    if (last != AV_NOPTS_VALUE && pkt->dts <= last)
        return true;
    last = pkt->dts;
    return writePacket(pkt, firstIsolatedStream_ + static_cast<int>(packet.track), AVRational{1, rate},
                       error);
}

bool PacketSink::write(Item& item, std::string& error) {
    const EncodedPacketPtr& packet = item.packet;
    const bool isVideo = packet->kind == StreamKind::Video;
    if (waitingForKeyframe_) {
        // A sink starts on a keyframe so its first picture decodes; earlier audio is dropped too.
        if (!isVideo || !(packet->packet->flags & AV_PKT_FLAG_KEY))
            return true;
        waitingForKeyframe_ = false;
        startSeconds_ = static_cast<double>(packet->packet->pts) * av_q2d(packet->timeBase);
        {
            std::lock_guard lock(statsMutex_);
            writtenFrom_ = startSeconds_;
        }
    }
    // A return feed carries its own mix-minus, never the program's sound.
    if (!isVideo && (!audioParams_ || item.mixMinus != (settings_.kind == SinkKind::ReturnFeed)))
        return true;
    if (!isVideo && packet->packet->pts != AV_NOPTS_VALUE) {
        // Past the end of a stopping sink: the sound stops with the last picture.
        const double end = cutoff();
        const AVPacket& p = *packet->packet;
        const double tb = av_q2d(packet->timeBase);
        soundReached(static_cast<double>(p.pts + p.duration) * tb);
        if (end >= 0 && static_cast<double>(p.pts) * tb >= end - 1e-6)
            return true;
    }
    av::PacketPtr pkt = av::makePacket();
    if (av_packet_ref(pkt.get(), packet->packet.get()) < 0)
        return true;
    const auto offset = static_cast<std::int64_t>(startSeconds_ / av_q2d(packet->timeBase) + 0.5);
    if (pkt->pts != AV_NOPTS_VALUE)
        pkt->pts -= offset;
    if (pkt->dts != AV_NOPTS_VALUE)
        pkt->dts -= offset;
    if (pkt->pts < 0)
        return true;
    if (!isVideo)
        return writePacket(pkt.get(), 1, packet->timeBase, error);
    videoWritten_ = true;
    if (!writePacket(pkt.get(), 0, packet->timeBase, error))
        return false;
    // The first picture is written: the track packets that were waiting for it follow.
    while (!isolatedHeld_.empty()) {
        IsolatedPacket held = std::move(isolatedHeld_.front());
        isolatedHeld_.pop_front();
        if (!writeIsolated(held, error))
            return false;
    }
    return true;
}

void PacketSink::run() {
    using namespace std::chrono;
    struct Finished {
        std::atomic<bool>& flag;
        ~Finished() { flag = true; }
    } finished{finished_};
    setState(OutputState::Starting, {});
    auto backoff = milliseconds(500);
    std::string error;
    for (;;) {
        if (!out_) {
            if (queue_.closed()) {
                removeUnwrittenFile(); // stopped before it opened: no empty file is left
                break;
            }
            // A disk already too full fails before anything is written, rather than leave a stub.
            if (!checkDiskSpace(error)) {
                removeUnwrittenFile();
                setState(OutputState::Failed, error);
                return;
            }
            if (!open(error)) {
                if (settings_.kind == SinkKind::Recording) {
                    removeUnwrittenFile();
                    setState(OutputState::Failed, error);
                    return;
                }
                setState(OutputState::Retrying, error);
                // Sleep the back-off while still consuming (and dropping) what arrives.
                const auto until = steady_clock::now() + backoff;
                while (steady_clock::now() < until && !queue_.closed())
                    queue_.pop(milliseconds(50));
                backoff = std::min(backoff * 2, milliseconds(10000));
                continue;
            }
            backoff = milliseconds(500);
            setState(OutputState::Running, {});
        }
        // Short waits only where the isolated tracks' packets arrive beside this queue: a thread
        // that wakes for nothing costs the clock a core's share.
        std::optional<Item> item = queue_.pop(isolatedEncoders_ ? milliseconds(20) : milliseconds(250));
        const bool popped = item.has_value();
        const bool ok = (!popped || write(*item, error)) && writeArrivedIsolated(error);
        if (!popped && ok) {
            if (queue_.closed())
                break;
        } else if (!ok) {
            close(settings_.kind == SinkKind::Recording);
            if (settings_.kind == SinkKind::Recording) {
                setState(OutputState::Failed, error);
                return;
            }
            setState(OutputState::Retrying, error);
            continue;
        }
        if (!checkDiskSpace(error)) {
            close(true);
            setState(OutputState::Failed, error);
            return;
        }
    }
    close(true);
    setState(OutputState::Stopped, {});
}

} // namespace hntt::engine
