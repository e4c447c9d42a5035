#include "core/review/recording_media.h"

#include <QFileInfo>

namespace hntt::core {

namespace {

QString tag(const AVDictionary* metadata, const char* key) {
    const AVDictionaryEntry* e = av_dict_get(metadata, key, nullptr, 0);
    return e ? QString::fromUtf8(e->value) : QString();
}

} // namespace

Result<av::InputContextPtr> RecordingMediaProbe::open(const QString& path, const std::atomic<bool>* stop) {
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists())
        return Error{Error::Code::NotFound, tr("The recording file %1 does not exist.").arg(path)};
    if (!info.isFile() || !info.isReadable())
        return Error{Error::Code::Invalid, tr("The recording file %1 cannot be read.").arg(path)};
    // The interrupt callback is in place before the first read: a stop ends even the opening.
    AVFormatContext* raw = avformat_alloc_context();
    if (!raw)
        return Error{Error::Code::Internal, av::errorText(AVERROR(ENOMEM))};
    raw->interrupt_callback.callback = [](void* opaque) -> int {
        const auto* flag = static_cast<const std::atomic<bool>*>(opaque);
        return flag && flag->load() ? 1 : 0;
    };
    raw->interrupt_callback.opaque = const_cast<std::atomic<bool>*>(stop);
    // On failure avformat_open_input frees the context itself.
    if (const int err = avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr);
        err < 0)
        return Error{Error::Code::Invalid,
                     tr("%1 is not a media file that can be read: %2").arg(path, av::errorText(err))};
    av::InputContextPtr input(raw);
    if (const int err = avformat_find_stream_info(input.get(), nullptr); err < 0)
        return Error{Error::Code::Invalid,
                     tr("%1 is not a media file that can be read: %2").arg(path, av::errorText(err))};
    return input;
}

Result<double> RecordingMediaProbe::measureDuration(const QString& path, const std::atomic<bool>* stop) {
    auto opened = open(path, stop);
    if (!opened)
        return opened.error();
    av::InputContextPtr input = std::move(opened).value();
    // The picture's length when there is one, as a finished recording counts it; the other
    // streams are skipped by the demuxer, which makes the read cheaper too.
    const int video = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    for (unsigned i = 0; i < input->nb_streams; ++i)
        if (video >= 0 && static_cast<int>(i) != video)
            input->streams[i]->discard = AVDISCARD_ALL;
    std::optional<double> first, end;
    av::PacketPtr pkt = av::makePacket();
    for (;;) {
        const int err = av_read_frame(input.get(), pkt.get());
        if (err == AVERROR_EXIT || (stop && stop->load()))
            return Error{Error::Code::Unavailable, tr("The recording file %1 cannot be read.").arg(path)};
        if (err < 0)
            break; // the end, or the cut a crash left
        const AVStream* st = input->streams[pkt->stream_index];
        if ((video < 0 || pkt->stream_index == video) && pkt->pts != AV_NOPTS_VALUE) {
            const double tb = av_q2d(st->time_base);
            const double at = static_cast<double>(pkt->pts) * tb;
            first = first ? std::min(*first, at) : at;
            const double until = static_cast<double>(pkt->pts + std::max<int64_t>(pkt->duration, 0)) * tb;
            end = end ? std::max(*end, until) : until;
        }
        av_packet_unref(pkt.get());
    }
    if (!first || !end)
        return Error{
            Error::Code::Invalid,
            tr("%1 is not a media file that can be read: %2").arg(path, av::errorText(AVERROR_INVALIDDATA))};
    return std::max(0.0, *end - *first);
}

Result<RecordingMedia> RecordingMediaProbe::probe(const QString& path) {
    auto input = open(path);
    if (!input)
        return input.error();
    const AVFormatContext* fmt = input->get();
    RecordingMedia media;
    if (fmt->duration != AV_NOPTS_VALUE && fmt->duration > 0 &&
        fmt->duration_estimation_method != AVFMT_DURATION_FROM_BITRATE)
        media.durationS = fmt->duration / double(AV_TIME_BASE);
    int audioNumber = 0;
    for (unsigned i = 0; i < fmt->nb_streams; ++i) {
        const AVStream* st = fmt->streams[i];
        const AVCodecParameters* par = st->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && media.frameRate == 0 &&
            !(st->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
            const AVRational rate = st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate;
            media.frameRate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0;
            media.width = par->width;
            media.height = par->height;
        } else if (par->codec_type == AVMEDIA_TYPE_AUDIO) {
            RecordingAudioTrack track;
            track.number = audioNumber++;
            track.title = tag(st->metadata, "title");
            track.language = tag(st->metadata, "language");
            bool ok = false;
            const qint64 site = tag(st->metadata, "site_id").toLongLong(&ok);
            if (ok)
                track.siteId = site;
            media.audioTracks.append(track);
        }
    }
    return media;
}

} // namespace hntt::core
