#include "core/archive/isolated_audio.h"

#include "core/archive/file_digest.h"
#include "core/av_handles.h"

#include <QFile>
#include <algorithm>
#include <cstdlib>
#include <vector>

namespace hntt::core::archive {

namespace {

struct IsolatedAudio {
    Q_DECLARE_TR_FUNCTIONS(IsolatedAudio)
};

Error mediaError(const QString& message) {
    return Error{Error::Code::Storage, message};
}

Result<av::InputContextPtr> openInput(const QString& path) {
    AVFormatContext* raw = nullptr;
    const QByteArray name = QFile::encodeName(path);
    if (const int err = avformat_open_input(&raw, name.constData(), nullptr, nullptr); err < 0)
        return mediaError(
            IsolatedAudio::tr("Cannot open the recording %1: %2").arg(path, av::errorText(err)));
    av::InputContextPtr in(raw);
    if (const int err = avformat_find_stream_info(in.get(), nullptr); err < 0)
        return mediaError(
            IsolatedAudio::tr("Cannot read the streams of %1: %2").arg(path, av::errorText(err)));
    return in;
}

QString tag(const AVStream* s, const char* key) {
    const AVDictionaryEntry* e = av_dict_get(s->metadata, key, nullptr, 0);
    return e ? QString::fromUtf8(e->value) : QString();
}

QList<IsolatedTrack> tracksOf(const AVFormatContext* in) {
    QList<IsolatedTrack> out;
    for (unsigned i = 0; i < in->nb_streams; ++i) {
        const AVStream* s = in->streams[i];
        if (s->codecpar->codec_type != AVMEDIA_TYPE_AUDIO)
            continue;
        const QString site = tag(s, "site_id");
        if (site.isEmpty())
            continue; // the program mix
        IsolatedTrack t;
        t.streamIndex = static_cast<int>(i);
        bool ok = false;
        const qint64 id = site.toLongLong(&ok);
        if (ok)
            t.siteId = id;
        t.title = tag(s, "title");
        out.append(t);
    }
    return out;
}

// One output file and where its next packet belongs on the sample grid.
struct Sink {
    av::OutputContextPtr out;
    QString path;
    int inputIndex = -1;
    AVRational inputTimeBase{1, 1000};
    int sampleRate = 0;
    int frameSize = 0;
    int64_t next = AV_NOPTS_VALUE; // in samples
};

Result<Sink> openSink(const AVFormatContext* in, const TrackOutput& o) {
    const AVStream* src = in->streams[o.track.streamIndex];
    AVFormatContext* raw = nullptr;
    const QByteArray name = QFile::encodeName(o.path);
    if (const int err = avformat_alloc_output_context2(&raw, nullptr, nullptr, name.constData());
        err < 0 || !raw)
        return mediaError(IsolatedAudio::tr("Cannot create %1: %2").arg(o.path, av::errorText(err)));
    Sink sink;
    sink.out.reset(raw);
    sink.path = o.path;
    sink.inputIndex = o.track.streamIndex;
    sink.inputTimeBase = src->time_base;
    sink.sampleRate = src->codecpar->sample_rate;
    sink.frameSize = src->codecpar->frame_size;
    AVStream* st = avformat_new_stream(raw, nullptr);
    if (!st || avcodec_parameters_copy(st->codecpar, src->codecpar) < 0)
        return mediaError(IsolatedAudio::tr("Cannot create %1: out of memory").arg(o.path));
    st->codecpar->codec_tag = 0; // let the new container choose its own tag
    st->time_base = sink.sampleRate > 0 ? AVRational{1, sink.sampleRate} : src->time_base;
    if (!o.track.title.isEmpty()) {
        av_dict_set(&raw->metadata, "title", o.track.title.toUtf8().constData(), 0);
        av_dict_set(&st->metadata, "title", o.track.title.toUtf8().constData(), 0);
    }
    if (o.track.siteId)
        av_dict_set(&raw->metadata, "comment",
                    QStringLiteral("site_id=%1").arg(*o.track.siteId).toUtf8().constData(), 0);
    if (!(raw->oformat->flags & AVFMT_NOFILE))
        if (const int err = avio_open(&raw->pb, name.constData(), AVIO_FLAG_WRITE); err < 0)
            return mediaError(IsolatedAudio::tr("Cannot create %1: %2").arg(o.path, av::errorText(err)));
    if (const int err = avformat_write_header(raw, nullptr); err < 0)
        return mediaError(IsolatedAudio::tr("Cannot write %1: %2").arg(o.path, av::errorText(err)));
    return sink;
}

Status writePacket(Sink& sink, AVPacket* pkt) {
    AVStream* st = sink.out->streams[0];
    pkt->stream_index = 0;
    pkt->pos = -1;
    const int64_t ts = pkt->dts != AV_NOPTS_VALUE ? pkt->dts : pkt->pts;
    if (sink.sampleRate > 0 && ts != AV_NOPTS_VALUE) {
        // The recording's millisecond time stamps, back on the exact grid of 1024-sample frames;
        // a real gap (more than half a frame) is kept as it is.
        const AVRational samples{1, sink.sampleRate};
        int64_t at = av_rescale_q(ts, sink.inputTimeBase, samples);
        int64_t frame = sink.frameSize;
        if (frame <= 0 && pkt->duration > 0)
            frame = av_rescale_q(pkt->duration, sink.inputTimeBase, samples);
        if (sink.next != AV_NOPTS_VALUE && frame > 0 && std::llabs(at - sink.next) <= frame / 2)
            at = sink.next;
        if (sink.next != AV_NOPTS_VALUE && at < sink.next)
            return {}; // a packet that goes back in time: dropped rather than breaking the file
        pkt->pts = pkt->dts = av_rescale_q(at, samples, st->time_base);
        pkt->duration = frame > 0 ? av_rescale_q(frame, samples, st->time_base) : 0;
        sink.next = at + std::max<int64_t>(frame, 1);
    } else {
        av_packet_rescale_ts(pkt, sink.inputTimeBase, st->time_base);
    }
    if (const int err = av_interleaved_write_frame(sink.out.get(), pkt); err < 0)
        return mediaError(IsolatedAudio::tr("Cannot write %1: %2").arg(sink.path, av::errorText(err)));
    return {};
}

} // namespace

Result<QList<IsolatedTrack>> probeIsolatedTracks(const QString& recording) {
    auto in = openInput(recording);
    if (!in)
        return in.error();
    return tracksOf(in->get());
}

Status extractIsolatedTracks(const QString& recording, const QList<TrackOutput>& outputs,
                             const WorkControl& control) {
    if (outputs.isEmpty())
        return {};
    auto opened = openInput(recording);
    if (!opened)
        return opened.error();
    AVFormatContext* in = opened->get();
    std::vector<Sink> sinks;
    std::vector<int> sinkOf(in->nb_streams, -1);
    for (const TrackOutput& o : outputs) {
        if (o.track.streamIndex < 0 || o.track.streamIndex >= static_cast<int>(in->nb_streams))
            return mediaError(IsolatedAudio::tr("The recording %1 has no stream %2.")
                                  .arg(recording)
                                  .arg(o.track.streamIndex));
        auto sink = openSink(in, o);
        if (!sink)
            return sink.error();
        sinkOf[o.track.streamIndex] = static_cast<int>(sinks.size());
        sinks.push_back(std::move(sink).value());
    }
    for (unsigned i = 0; i < in->nb_streams; ++i)
        if (sinkOf[i] < 0)
            in->streams[i]->discard = AVDISCARD_ALL; // the video and the program mix are not needed here

    const int64_t total = in->pb ? avio_size(in->pb) : -1;
    av::PacketPtr pkt(av_packet_alloc());
    if (!pkt)
        return mediaError(IsolatedAudio::tr("Out of memory."));
    qint64 packets = 0;
    for (;;) {
        if (control.stopRequested())
            return cancelledError();
        const int err = av_read_frame(in, pkt.get());
        if (err == AVERROR_EOF || (err < 0 && packets > 0))
            break; // the end, or the cut of a recording that was interrupted
        if (err < 0)
            return mediaError(
                IsolatedAudio::tr("Cannot read the recording %1: %2").arg(recording, av::errorText(err)));
        ++packets;
        const int index = pkt->stream_index;
        if (index >= 0 && index < static_cast<int>(sinkOf.size()) && sinkOf[index] >= 0) {
            if (auto written = writePacket(sinks[sinkOf[index]], pkt.get()); !written)
                return written;
        }
        av_packet_unref(pkt.get());
        if (total > 0 && packets % 64 == 0)
            control.report(static_cast<double>(avio_tell(in->pb)) / static_cast<double>(total));
    }
    for (Sink& sink : sinks) {
        if (const int err = av_write_trailer(sink.out.get()); err < 0)
            return mediaError(IsolatedAudio::tr("Cannot write %1: %2").arg(sink.path, av::errorText(err)));
        sink.out.reset(); // closes the file
        if (auto synced = syncPath(sink.path); !synced)
            return synced;
    }
    control.report(1);
    return {};
}

} // namespace hntt::core::archive
