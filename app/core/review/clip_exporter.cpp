#include "core/review/clip_exporter.h"

#include "core/av_handles.h"
#include "core/review/recording_media.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <optional>
#include <vector>

namespace hntt::core {

namespace {

constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
// Past the out point by this much in any stream, the other streams are not waited for any more.
constexpr qint64 kTrailingSlackUs = 10 * AV_TIME_BASE;

// Removes what a failed export made, unless kept: the partial file, then the folders that were
// created for it (only while empty).
class RemoveUnlessKept {
public:
    RemoveUnlessKept(QString file, QStringList createdDirs)
        : file_(std::move(file))
        , dirs_(std::move(createdDirs)) {}
    ~RemoveUnlessKept() {
        if (kept_)
            return;
        QFile::remove(file_);
        for (const QString& dir : dirs_) // deepest first
            QDir().rmdir(dir);
    }
    RemoveUnlessKept(const RemoveUnlessKept&) = delete;
    RemoveUnlessKept& operator=(const RemoveUnlessKept&) = delete;
    void keep() { kept_ = true; }

private:
    QString file_;
    QStringList dirs_;
    bool kept_ = false;
};

// The folders mkpath(dir) would create, deepest first.
QStringList missingFolders(const QString& dir) {
    QStringList missing;
    QString d = QDir::cleanPath(dir);
    while (!d.isEmpty() && !QFileInfo::exists(d)) {
        missing << d;
        const QString parent = QFileInfo(d).path();
        if (parent == d)
            break;
        d = parent;
    }
    return missing;
}

// Stream metadata minus what describes the whole source (its length, its encoder): the muxer
// writes those for the clip itself.
void copyMetadata(AVDictionary** to, const AVDictionary* from) {
    const AVDictionaryEntry* e = nullptr;
    while ((e = av_dict_get(from, "", e, AV_DICT_IGNORE_SUFFIX))) {
        const QByteArray key = QByteArray(e->key).toLower();
        if (key == "duration" || key == "encoder")
            continue;
        av_dict_set(to, e->key, e->value, 0);
    }
}

QString clockText(double seconds) {
    const qint64 ms = qRound64(std::max(0.0, seconds) * 1000);
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

struct StreamState {
    int outIndex = -1; // -1: not copied
    bool video = false;
    bool done = false;               // reached the out point
    std::vector<av::PacketPtr> tail; // video shown after the out point, kept if a frame before it needs them
};

} // namespace

QString ClipExporter::partialPath(const QString& outputPath) {
    return outputPath + QStringLiteral(".part");
}

QString ClipExporter::suggestedFileName(const QString& recordingPath, double inS, double outS) {
    auto hms = [](double s) {
        const qint64 t = static_cast<qint64>(std::floor(std::max(0.0, s)));
        return QStringLiteral("%1-%2-%3")
            .arg(t / 3600, 2, 10, QLatin1Char('0'))
            .arg(t / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(t % 60, 2, 10, QLatin1Char('0'));
    };
    QString base = QFileInfo(recordingPath).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("clip");
    return base + QLatin1Char('_') + hms(inS) + QLatin1Char('_') + hms(outS) + QStringLiteral(".mkv");
}

qint64 ClipExporter::submit(JobQueue& jobs, const ClipRequest& request) {
    return jobs.submit(QStringLiteral("clip"), [request](JobQueue::Context& ctx) -> Result<std::any> {
        auto clip = run(
            request, [&ctx](double p) { ctx.setProgress(p); }, [&ctx] { return ctx.cancelled(); });
        if (!clip)
            return clip.error();
        return std::any(clip.value());
    });
}

qint64 ClipExporter::submitLogged(JobQueue& jobs, EventLog& log, const ClipRequest& request,
                                  qint64 recordingId, std::optional<qint64> meetingId, const QString& actor) {
    const qint64 jobId = submit(jobs, request);
    auto append = [&log, recordingId, meetingId](const QString& by, const QString& action,
                                                 const QJsonObject& detail, const QString& reason) {
        EventRecord e;
        e.actor = by;
        e.action = action;
        e.subject = QString::number(recordingId);
        e.detail = detail;
        e.reason = reason;
        e.meetingId = meetingId;
        (void)log.append(e);
    };
    append(actor, QStringLiteral("clip.start"),
           {{QStringLiteral("job_id"), jobId},
            {QStringLiteral("path"), request.outputPath},
            {QStringLiteral("in_s"), request.inS},
            {QStringLiteral("out_s"), request.outS}},
           {});
    // When the job ends; a cancel is the person's act, an end or a failure the console's.
    jobs.whenEnded(jobId, [jobId, append, actor](const JobQueue::Job& job) {
        QJsonObject detail{{QStringLiteral("job_id"), jobId}};
        if (const auto* clip = job.resultAs<ClipResult>()) {
            detail.insert(QStringLiteral("path"), clip->path);
            detail.insert(QStringLiteral("duration_s"), clip->durationS);
            detail.insert(QStringLiteral("size_bytes"), clip->sizeBytes);
        }
        append(job.state == JobQueue::State::Cancelled ? actor : QStringLiteral("auto"),
               QStringLiteral("clip.") + jobStateName(job.state), detail, job.error);
    });
    return jobId;
}

bool ClipExporter::isInside(const QString& path, const QString& folder) {
    // The deepest part that exists is resolved (links, ".."); the rest is only cleaned.
    auto resolved = [](const QString& p) {
        QString head = QDir::cleanPath(QFileInfo(p).absoluteFilePath());
        QStringList tail;
        while (!head.isEmpty() && !QFileInfo::exists(head)) {
            const qsizetype slash = head.lastIndexOf(QLatin1Char('/'));
            if (slash < 0)
                break;
            tail.prepend(head.mid(slash + 1));
            head = head.left(slash);
        }
        const QString canonical = QFileInfo(head.isEmpty() ? QStringLiteral("/") : head).canonicalFilePath();
        return QDir::cleanPath((canonical.isEmpty() ? head : canonical) + QLatin1Char('/') + tail.join('/'));
    };
    const QString p = resolved(path), f = resolved(folder);
    return p == f || p.startsWith(f.endsWith(QLatin1Char('/')) ? f : f + QLatin1Char('/'));
}

Result<ClipResult> ClipExporter::run(const ClipRequest& request, const Progress& progress,
                                     const Cancelled& cancelled) {
    auto invalid = [](const QString& message) { return Error{Error::Code::Invalid, message}; };
    if (!std::isfinite(request.inS) || !std::isfinite(request.outS) || request.inS < 0)
        return invalid(tr("The in point must be a time from the start of the recording."));
    if (request.inS >= request.outS)
        return invalid(tr("The in point (%1) must come before the out point (%2).")
                           .arg(clockText(request.inS), clockText(request.outS)));
    if (request.outputPath.trimmed().isEmpty())
        return invalid(tr("No destination file was given for the clip."));

    auto opened = RecordingMediaProbe::open(request.inputPath);
    if (!opened)
        return opened.error();
    AVFormatContext* in = opened->get();

    const QFileInfo dest(request.outputPath);
    if (dest.exists() && dest.canonicalFilePath() == QFileInfo(request.inputPath).canonicalFilePath())
        return invalid(tr("The clip cannot be written over its own recording."));
    for (const QString& folder : request.protectedFolders)
        if (!folder.isEmpty() && isInside(request.outputPath, folder))
            return invalid(tr("Clips are never saved in %1: recordings and archives are kept there. "
                              "Choose another folder.")
                               .arg(QDir::toNativeSeparators(folder)));
    if (dest.exists() && !dest.isDir() && !request.replace)
        return Error{Error::Code::Conflict,
                     tr("%1 exists already; the clip does not replace it unless asked to.")
                         .arg(QDir::toNativeSeparators(request.outputPath))};

    // Times of the request are from the start of the recording; the container's may not start at 0.
    const qint64 originUs = in->start_time != AV_NOPTS_VALUE ? in->start_time : 0;
    ClipResult result;
    double outS = request.outS;
    // A length guessed from the bitrate (a file cut off by a crash has none in its header) is not
    // trusted: the reading then simply stops at the end of the file.
    if (in->duration != AV_NOPTS_VALUE && in->duration > 0 &&
        in->duration_estimation_method != AVFMT_DURATION_FROM_BITRATE) {
        const double lengthS = in->duration / double(AV_TIME_BASE);
        if (request.inS >= lengthS)
            return invalid(tr("The in point (%1) is beyond the end of the recording (%2).")
                               .arg(clockText(request.inS), clockText(lengthS)));
        if (outS > lengthS) {
            outS = lengthS;
            result.clamped = true;
        }
    }
    const qint64 inUs = originUs + qRound64(request.inS * AV_TIME_BASE);
    const qint64 outUs = originUs + qRound64(outS * AV_TIME_BASE);

    // The clip starts on a keyframe of the video (of the first audio when there is no video).
    int reference = av_find_best_stream(in, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (reference < 0)
        reference = av_find_best_stream(in, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (reference < 0)
        return invalid(tr("%1 holds neither video nor audio.").arg(request.inputPath));

    // The destination: its folder is made if missing; the clip goes to a partial file first.
    const QString finalPath = dest.absoluteFilePath();
    const QString partial = partialPath(finalPath);
    auto unwritable = [&](const QString& reason) {
        return Error{Error::Code::Storage,
                     tr("Cannot write the clip to %1: %2").arg(request.outputPath, reason)};
    };
    const QStringList createdFolders = missingFolders(dest.absolutePath());
    if (!QDir().mkpath(dest.absolutePath())) {
        for (const QString& dir : createdFolders)
            QDir().rmdir(dir);
        return unwritable(tr("the folder %1 cannot be created").arg(dest.absolutePath()));
    }
    // From here on, what the export makes goes away again unless the clip is complete.
    RemoveUnlessKept cleanup(partial, createdFolders);
    if (dest.isDir())
        return unwritable(tr("it is a folder"));

    const QByteArray finalName = QFile::encodeName(finalPath);
    const AVOutputFormat* format = av_guess_format(nullptr, finalName.constData(), nullptr);
    if (!format)
        format = av_guess_format("matroska", nullptr, nullptr);
    AVFormatContext* rawOut = nullptr;
    if (const int err =
            avformat_alloc_output_context2(&rawOut, format, nullptr, QFile::encodeName(partial).constData());
        err < 0 || !rawOut)
        return unwritable(av::errorText(err));
    av::OutputContextPtr out(rawOut);
    copyMetadata(&out->metadata, in->metadata);

    std::vector<StreamState> streams(in->nb_streams);
    int copied = 0;
    for (unsigned i = 0; i < in->nb_streams; ++i) {
        const AVStream* is = in->streams[i];
        const AVMediaType type = is->codecpar->codec_type;
        if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO && type != AVMEDIA_TYPE_SUBTITLE)
            continue; // attachments and data streams carry nothing a clip needs
        if (type == AVMEDIA_TYPE_VIDEO && (is->disposition & AV_DISPOSITION_ATTACHED_PIC))
            continue;
        AVStream* os = avformat_new_stream(out.get(), nullptr);
        if (!os || avcodec_parameters_copy(os->codecpar, is->codecpar) < 0)
            return unwritable(tr("out of memory"));
        os->codecpar->codec_tag = 0; // the destination container chooses its own
        os->time_base = is->time_base;
        os->avg_frame_rate = is->avg_frame_rate;
        os->r_frame_rate = is->r_frame_rate;
        os->sample_aspect_ratio = is->sample_aspect_ratio;
        os->disposition = is->disposition;
        copyMetadata(&os->metadata, is->metadata);
        streams[i].outIndex = os->index;
        streams[i].video = type == AVMEDIA_TYPE_VIDEO;
        ++copied;
    }
    if (copied == 0)
        return invalid(tr("%1 holds neither video nor audio.").arg(request.inputPath));

    if (const int err = avio_open(&out->pb, QFile::encodeName(partial).constData(), AVIO_FLAG_WRITE); err < 0)
        return unwritable(av::errorText(err));
    if (const int err = avformat_write_header(out.get(), nullptr); err < 0)
        return unwritable(av::errorText(err));

    // The keyframe at or before the in point; reading from the start is the fallback.
    const AVRational refBase = in->streams[reference]->time_base;
    if (av_seek_frame(in, reference, av_rescale_q(inUs, AV_TIME_BASE_Q, refBase), AVSEEK_FLAG_BACKWARD) < 0)
        (void)av_seek_frame(in, -1, in->start_time != AV_NOPTS_VALUE ? in->start_time : 0,
                            AVSEEK_FLAG_BACKWARD);

    auto cancelledNow = [&] { return cancelled && cancelled(); };
    auto cancelError = [] { return Error{Error::Code::Conflict, tr("The clip export was cancelled.")}; };

    // Packets from the last keyframe at or before `in` are held until the reading passes `in`
    // (only then is it known that no later keyframe qualifies) and until every held packet's
    // decode time can be told. At most about one GOP is held.
    std::vector<av::PacketPtr> held;
    qint64 startUs = kNoTime;      // the chosen keyframe's time
    qint64 offsetUs = kNoTime;     // subtracted from every timestamp: the earliest decode time kept
    qint64 endUs = kNoTime;        // end of the last written packet, rebased
    std::optional<qint64> firstUs; // the earliest written presentation time, rebased
    bool passedIn = false;
    bool writing = false; // the held packets went out; the rest follow as they are read
    qint64 written = 0;
    qint64 progressUs = kNoTime;
    std::vector<qint64> lastDts(in->nb_streams, kNoTime);

    auto toUs = [&](qint64 ts, int stream) {
        return av_rescale_q(ts, in->streams[stream]->time_base, AV_TIME_BASE_Q);
    };
    auto packetUs = [&](const AVPacket* p) {
        return toUs(p->pts != AV_NOPTS_VALUE ? p->pts : p->dts, p->stream_index);
    };
    auto decodeUs = [&](const AVPacket* p) {
        return toUs(p->dts != AV_NOPTS_VALUE ? p->dts : p->pts, p->stream_index);
    };

    // Right after a seek the demuxer cannot tell the decode time of the first few video packets
    // (it needs the reordering delay's worth of them). They get times one frame apart before the
    // first packet that has one: what they would have had.
    auto decodeTimesKnown = [&] {
        std::vector<bool> missing(in->nb_streams, false);
        for (const auto& p : held)
            missing[p->stream_index] = p->dts == AV_NOPTS_VALUE;
        return std::none_of(missing.begin(), missing.end(), [](bool m) { return m; });
    };
    auto fillDecodeTimes = [&] {
        for (unsigned si = 0; si < in->nb_streams; ++si) {
            std::vector<AVPacket*> run;
            for (const auto& p : held)
                if (p->stream_index == int(si))
                    run.push_back(p.get());
            const AVStream* st = in->streams[si];
            qint64 step = 1;
            if (st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0)
                step = std::max<qint64>(1, av_rescale_q(1, av_inv_q(st->avg_frame_rate), st->time_base));
            qint64 next = kNoTime;
            for (auto it = run.rbegin(); it != run.rend(); ++it) {
                AVPacket* p = *it;
                if (p->dts == AV_NOPTS_VALUE && next != kNoTime)
                    p->dts = next - (p->duration > 0 ? p->duration : step);
                else if (p->dts == AV_NOPTS_VALUE)
                    p->dts = p->pts;
                next = p->dts;
            }
        }
    };

    auto write = [&](AVPacket* p) -> Status {
        const int si = p->stream_index;
        const AVRational inBase = in->streams[si]->time_base;
        if (p->dts == AV_NOPTS_VALUE)
            p->dts = lastDts[si] != kNoTime ? std::min<qint64>(lastDts[si] + 1, p->pts) : p->pts;
        if (lastDts[si] != kNoTime && p->dts < lastDts[si]) {
            av_packet_unref(p); // out of order in the source: the muxer would refuse the file
            return {};
        }
        lastDts[si] = p->dts;
        const qint64 offset = av_rescale_q(offsetUs, AV_TIME_BASE_Q, inBase);
        p->dts -= offset;
        if (p->pts != AV_NOPTS_VALUE)
            p->pts -= offset;
        if (p->dts < 0 || (p->pts != AV_NOPTS_VALUE && p->pts < 0)) {
            av_packet_unref(p); // before the clip's origin: nothing plays it
            return {};
        }
        const qint64 shown = p->pts != AV_NOPTS_VALUE ? p->pts : p->dts;
        const qint64 shownUs = av_rescale_q(shown, inBase, AV_TIME_BASE_Q);
        firstUs = std::min(firstUs.value_or(shownUs), shownUs);
        endUs = std::max<qint64>(
            endUs, av_rescale_q(shown + std::max<qint64>(p->duration, 0), inBase, AV_TIME_BASE_Q));
        AVStream* os = out->streams[streams[si].outIndex];
        av_packet_rescale_ts(p, inBase, os->time_base);
        p->stream_index = os->index;
        p->pos = -1;
        if (const int err = av_interleaved_write_frame(out.get(), p); err < 0)
            return unwritable(av::errorText(err));
        ++written;
        return {};
    };

    auto writeHeld = [&]() -> Status {
        if (!writing) {
            fillDecodeTimes();
            offsetUs = startUs;
            for (const auto& p : held)
                offsetUs = std::min<qint64>(offsetUs, decodeUs(p.get()));
            writing = true;
        }
        for (auto& p : held)
            if (Status s = write(p.get()); !s)
                return s;
        held.clear();
        return {};
    };

    av::PacketPtr pkt = av::makePacket();
    if (!pkt)
        return unwritable(tr("out of memory"));
    for (;;) {
        if (cancelledNow())
            return cancelError();
        const int err = av_read_frame(in, pkt.get());
        if (err == AVERROR(EAGAIN))
            continue;
        if (err < 0) {
            // The end, or a tail cut short by a crash: what was read so far stands.
            if (err != AVERROR_EOF && startUs == kNoTime)
                return invalid(tr("Cannot read %1: %2").arg(request.inputPath, av::errorText(err)));
            break;
        }
        const int si = pkt->stream_index;
        if (si < 0 || si >= static_cast<int>(streams.size()) || streams[si].outIndex < 0 ||
            (pkt->pts == AV_NOPTS_VALUE && pkt->dts == AV_NOPTS_VALUE)) {
            av_packet_unref(pkt.get());
            continue;
        }
        const qint64 ts = packetUs(pkt.get());
        const bool isReference = si == reference;
        const bool keyframe = (pkt->flags & AV_PKT_FLAG_KEY) != 0;

        if (!passedIn) {
            if (isReference && keyframe && (ts <= inUs || startUs == kNoTime)) {
                held.clear(); // a later keyframe still at or before `in`: start there instead
                startUs = ts;
            } else if (startUs == kNoTime) {
                av_packet_unref(pkt.get());
                continue; // nothing plays before the first keyframe
            } else if (isReference && ts > inUs) {
                passedIn = true;
            }
        }

        StreamState& st = streams[si];
        // Audio and subtitles stop at the out point. Video stops at the first keyframe shown at
        // or after it (or once decoding passes it); frames shown after it are kept only when a
        // frame shown before it follows them in decoding order, i.e. is predicted from them.
        bool drop = st.done || (!isReference && ts < startUs);
        if (!drop && ts >= outUs) {
            if (!st.video || keyframe || decodeUs(pkt.get()) >= outUs) {
                st.done = true;
                st.tail.clear();
                drop = true;
            } else {
                av::PacketPtr later = av::makePacket();
                if (!later)
                    return unwritable(tr("out of memory"));
                av_packet_move_ref(later.get(), pkt.get());
                st.tail.push_back(std::move(later));
                continue;
            }
        }
        if (drop) {
            av_packet_unref(pkt.get());
            const bool allDone = std::all_of(streams.begin(), streams.end(),
                                             [](const StreamState& s) { return s.outIndex < 0 || s.done; });
            if (allDone || ts >= outUs + kTrailingSlackUs)
                break;
            continue;
        }
        for (auto& later : st.tail)
            held.push_back(std::move(later));
        st.tail.clear();
        av::PacketPtr copy = av::makePacket();
        if (!copy)
            return unwritable(tr("out of memory"));
        av_packet_move_ref(copy.get(), pkt.get());
        held.push_back(std::move(copy));
        if (writing || (passedIn && (decodeTimesKnown() || held.size() > 2000))) {
            if (Status s = writeHeld(); !s)
                return s.error();
            if (isReference && progress && outUs > startUs && ts > progressUs) {
                progressUs = ts; // presentation order is not decoding order: only forward
                progress(std::clamp(double(ts - startUs) / double(outUs - startUs), 0.0, 1.0));
            }
        }
    }
    if (!passedIn) {
        // The recording ended at or before the in point (its length was not in the header).
        bool reachesIn = false;
        for (const auto& p : held)
            reachesIn = reachesIn || (p->stream_index == reference && packetUs(p.get()) >= inUs);
        if (startUs == kNoTime || !reachesIn)
            return invalid(
                tr("The in point (%1) is beyond the end of the recording.").arg(clockText(request.inS)));
    }
    if (Status s = writeHeld(); !s)
        return s.error();
    if (written == 0)
        return invalid(tr("The recording holds nothing between %1 and %2.")
                           .arg(clockText(request.inS), clockText(outS)));
    if (cancelledNow())
        return cancelError();

    if (const int err = av_write_trailer(out.get()); err < 0)
        return unwritable(av::errorText(err));
    if (const int err = avio_closep(&out->pb); err < 0)
        return unwritable(av::errorText(err));
    out.reset();

    // Not asked to replace: a file that appeared there meanwhile is not replaced either.
    const QByteArray from = QFile::encodeName(partial), to = QFile::encodeName(finalPath);
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(),
                    request.replace ? 0u : static_cast<unsigned>(RENAME_NOREPLACE)) != 0) {
        const int err = errno;
        if (err == EEXIST)
            return Error{Error::Code::Conflict,
                         tr("%1 exists already; the clip does not replace it unless asked to.")
                             .arg(QDir::toNativeSeparators(request.outputPath))};
        return unwritable(SystemError::text(err));
    }
    cleanup.keep();

    result.path = finalPath;
    result.startS = (startUs - originUs) / double(AV_TIME_BASE);
    result.endS = outS;
    result.durationS = std::max<qint64>(endUs - firstUs.value_or(0), 0) / double(AV_TIME_BASE);
    result.sizeBytes = QFileInfo(finalPath).size();
    if (progress)
        progress(1.0);
    return result;
}

} // namespace hntt::core
