#include "core/review/recording_media.h"

#include <QFileInfo>

namespace hntt::core {

namespace {

QString tag(const AVDictionary* metadata, const char* key) {
    const AVDictionaryEntry* e = av_dict_get(metadata, key, nullptr, 0);
    return e ? QString::fromUtf8(e->value) : QString();
}

} // namespace

Result<av::InputContextPtr> RecordingMediaProbe::open(const QString& path) {
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists())
        return Error{Error::Code::NotFound, tr("The recording file %1 does not exist.").arg(path)};
    if (!info.isFile() || !info.isReadable())
        return Error{Error::Code::Invalid, tr("The recording file %1 cannot be read.").arg(path)};
    AVFormatContext* raw = nullptr;
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
