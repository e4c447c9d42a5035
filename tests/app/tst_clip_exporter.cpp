// Clip export without re-encoding: a real recording (made by the ffmpeg CLI, and one by the engine
// cut off by SIGKILL) is cut on keyframes; ffprobe checks the clip's length and streams, ffmpeg
// decodes it to the end without an error, and every refused or cancelled export leaves nothing.
#include "core/jobs/job_queue.h"
#include "core/review/clip_exporter.h"
#include "core/review/recording_media.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <cmath>

using hntt::core::ClipExporter;
using hntt::core::ClipRequest;
using hntt::core::ClipResult;
using hntt::core::Error;
using hntt::core::JobQueue;
using hntt::core::RecordingMediaProbe;

namespace {

double formatDuration(const QJsonObject& probe) {
    return probe.value(QStringLiteral("format"))
        .toObject()
        .value(QStringLiteral("duration"))
        .toString()
        .toDouble();
}

// The played length: the container's duration counts from 0, and the first frame may come a little
// later (by the B-frames' reordering delay).
double playedLength(const QJsonObject& probe) {
    const QJsonObject format = probe.value(QStringLiteral("format")).toObject();
    return format.value(QStringLiteral("duration")).toString().toDouble() -
           format.value(QStringLiteral("start_time")).toString().toDouble();
}

// ffmpeg decodes every stream of the file to the end without a single error message.
bool decodesFully(const QString& path, QByteArray* errors) {
    const int rc = hntt::test::runProgram(
        QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path, QStringLiteral("-map"),
         QStringLiteral("0"), QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
        nullptr, errors);
    return rc == 0 && errors->trimmed().isEmpty();
}

// Presentation times of the video's keyframes, by ffprobe.
QList<double> keyframesOf(const QString& path) {
    QByteArray out;
    hntt::test::runProgram(QStringLiteral("ffprobe"),
                           {"-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags",
                            "-of", "csv=p=0", path},
                           &out);
    QList<double> times;
    for (const QByteArray& line : out.split('\n'))
        if (line.contains(",K"))
            times << line.split(',').first().toDouble();
    std::sort(times.begin(), times.end());
    return times;
}

// The last keyframe at or before t.
double keyframeAtOrBefore(const QList<double>& keyframes, double t) {
    double best = -1;
    for (double k : keyframes)
        if (k <= t + 1e-6)
            best = k;
    return best;
}

// The files in a folder, to prove that a refused export left nothing behind.
QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestClipExporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    QString source_; // 8 s, 320x180@25, H.264 with a keyframe every second (B-frames on), AAC, 2 audio tracks
    QList<double> keyframes_;
    double length_ = 0;

    QString outDir(const QString& name) {
        const QString dir = tmp_.filePath(name);
        QDir().mkpath(dir);
        return dir;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        source_ = tmp_.filePath(QStringLiteral("giao-ban.mkv"));
        QByteArray err;
        const int rc = hntt::test::runProgram(QStringLiteral("ffmpeg"),
                                              {"-v",
                                               "error",
                                               "-f",
                                               "lavfi",
                                               "-i",
                                               "testsrc=size=320x180:rate=25",
                                               "-f",
                                               "lavfi",
                                               "-i",
                                               "sine=frequency=440:sample_rate=48000",
                                               "-f",
                                               "lavfi",
                                               "-i",
                                               "sine=frequency=880:sample_rate=48000",
                                               "-map",
                                               "0:v",
                                               "-map",
                                               "1:a",
                                               "-map",
                                               "2:a",
                                               "-t",
                                               "8",
                                               "-c:v",
                                               "libx264",
                                               "-preset",
                                               "veryfast",
                                               "-g",
                                               "25",
                                               "-keyint_min",
                                               "25",
                                               "-sc_threshold",
                                               "0",
                                               "-pix_fmt",
                                               "yuv420p",
                                               "-c:a",
                                               "aac",
                                               "-b:a",
                                               "64k",
                                               "-metadata:s:a:1",
                                               QStringLiteral("title=Xã Quảng Hòa"),
                                               "-metadata:s:a:1",
                                               "site_id=7",
                                               source_},
                                              nullptr, &err);
        QVERIFY2(rc == 0, err.constData());
        length_ = formatDuration(hntt::test::ffprobe(source_));
        QVERIFY(std::abs(length_ - 8.0) < 0.2);
        keyframes_ = keyframesOf(source_);
        QCOMPARE(keyframes_.size(), 8); // one a second
    }

    void probesTheRecording() {
        auto media = RecordingMediaProbe::probe(source_);
        QVERIFY2(media, qPrintable(media ? QString() : media.error().message));
        QVERIFY(media->durationS && std::abs(*media->durationS - 8.0) < 0.2);
        QCOMPARE(media->frameRate, 25.0);
        QCOMPARE(media->width, 320);
        QCOMPARE(media->audioTracks.size(), 2);
        QCOMPARE(media->audioTracks[0].number, 0);
        QVERIFY(!media->audioTracks[0].siteId);
        QCOMPARE(media->audioTracks[1].number, 1);
        QCOMPARE(media->audioTracks[1].title, QStringLiteral("Xã Quảng Hòa"));
        QCOMPARE(media->audioTracks[1].siteId, std::optional<qint64>(7));
    }

    void exportsTwoToFiveSeconds() {
        const QString dir = outDir(QStringLiteral("middle"));
        const QString clip = dir + QStringLiteral("/clip.mkv");
        QList<double> progress;
        auto result = ClipExporter::run({source_, 2.0, 5.0, clip}, [&](double p) { progress << p; });
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->path, QFileInfo(clip).absoluteFilePath());
        // The keyframe at or before 2 s (the AAC encoder's priming moves the file's video by ~21 ms).
        const double keyframe = keyframeAtOrBefore(keyframes_, 2.0);
        QVERIFY(keyframe > 1.0 && keyframe <= 2.0);
        QVERIFY2(std::abs(result->startS - keyframe) < 0.002, qPrintable(QString::number(result->startS)));
        QCOMPARE(result->endS, 5.0);
        QVERIFY(!result->clamped);
        QCOMPARE(result->sizeBytes, QFileInfo(clip).size());
        QCOMPARE(filesIn(dir), QStringList{QStringLiteral("clip.mkv")}); // the partial file is gone
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 1.0);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));

        const QJsonObject probe = hntt::test::ffprobe(clip);
        QVERIFY(!probe.isEmpty());
        const double duration = playedLength(probe);
        QVERIFY2(std::abs(duration - 3.0) <= 1.0, qPrintable(QString::number(duration))); // within a GOP
        QVERIFY2(std::abs(duration - (5.0 - keyframe)) < 0.1, qPrintable(QString::number(duration)));
        QVERIFY2(std::abs(result->durationS - duration) < 0.05,
                 qPrintable(QString::number(result->durationS)));
        // Every stream is copied as it was: H.264, two AAC tracks, the site's title kept.
        const QJsonArray streams = probe.value(QStringLiteral("streams")).toArray();
        QCOMPARE(streams.size(), 3);
        QCOMPARE(streams[0].toObject().value(QStringLiteral("codec_name")).toString(),
                 QStringLiteral("h264"));
        QCOMPARE(streams[1].toObject().value(QStringLiteral("codec_name")).toString(), QStringLiteral("aac"));
        QCOMPARE(streams[2].toObject().value(QStringLiteral("codec_name")).toString(), QStringLiteral("aac"));
        const QJsonObject tags = streams[2].toObject().value(QStringLiteral("tags")).toObject();
        QCOMPARE(tags.value(QStringLiteral("title")).toString(), QStringLiteral("Xã Quảng Hòa"));
        // Timestamps start near zero, not at 2 s.
        const double start = probe.value(QStringLiteral("format"))
                                 .toObject()
                                 .value(QStringLiteral("start_time"))
                                 .toString()
                                 .toDouble();
        QVERIFY2(start >= 0 && start < 0.2, qPrintable(QString::number(start)));
        QByteArray errors;
        QVERIFY2(decodesFully(clip, &errors), errors.constData());
        // The clip's audio is the source's: the 880 Hz track is still 880 Hz.
        const std::vector<float> siteAudio = hntt::test::decodeAudio(clip, 0.5, 1.0, 1);
        QVERIFY(hntt::test::meanToneAmplitude(siteAudio, 880) > 0.08); // lavfi sine: amplitude 1/8
        QVERIFY(hntt::test::meanToneAmplitude(siteAudio, 440) < 0.01);
    }

    void startsOnTheKeyframeBeforeTheInPoint() {
        const QString clip = outDir(QStringLiteral("keyframe")) + QStringLiteral("/clip.mkv");
        auto result = ClipExporter::run({source_, 3.5, 5.0, clip});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        const double keyframe = keyframeAtOrBefore(keyframes_, 3.5);
        QVERIFY(keyframe > 2.5 && keyframe <= 3.5);
        QVERIFY2(std::abs(result->startS - keyframe) < 0.002, qPrintable(QString::number(result->startS)));
        const double duration = playedLength(hntt::test::ffprobe(clip));
        QVERIFY2(std::abs(duration - (5.0 - keyframe)) < 0.1, qPrintable(QString::number(duration)));
        QByteArray errors;
        QVERIFY2(decodesFully(clip, &errors), errors.constData());
    }

    void clampsAnOutPointBeyondTheEnd() {
        const QString clip = outDir(QStringLiteral("clamp")) + QStringLiteral("/clip.mp4");
        auto result = ClipExporter::run({source_, 6.0, 60.0, clip});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QVERIFY(result->clamped);
        QVERIFY(std::abs(result->endS - length_) < 0.01);
        const QJsonObject probe = hntt::test::ffprobe(clip);
        QCOMPARE(
            probe.value(QStringLiteral("format")).toObject().value(QStringLiteral("format_name")).toString(),
            QStringLiteral("mov,mp4,m4a,3gp,3g2,mj2")); // the container follows the extension
        const double duration = playedLength(probe);
        QVERIFY2(std::abs(duration - (length_ - keyframeAtOrBefore(keyframes_, 6.0))) < 0.1,
                 qPrintable(QString::number(duration)));
        QByteArray errors;
        QVERIFY2(decodesFully(clip, &errors), errors.constData());
    }

    void runsAsAJobWithProgress() {
        JobQueue jobs;
        const QString clip = outDir(QStringLiteral("job")) + QStringLiteral("/clip.mkv");
        const qint64 id = ClipExporter::submit(jobs, {source_, 1.0, 7.0, clip});
        QCOMPARE(jobs.job(id)->kind, QStringLiteral("clip"));
        QTRY_VERIFY_WITH_TIMEOUT(jobs.job(id)->state != JobQueue::State::Running, 20000);
        QCOMPARE(jobs.job(id)->state, JobQueue::State::Done);
        const JobQueue::Job done = *jobs.job(id);
        const auto* result = done.resultAs<hntt::core::ClipResult>();
        QVERIFY(result);
        QCOMPARE(result->path, QFileInfo(clip).absoluteFilePath());
        const double duration = result->durationS;
        QVERIFY2(std::abs(duration - (7.0 - keyframeAtOrBefore(keyframes_, 1.0))) < 0.1,
                 qPrintable(QString::number(duration)));
        QVERIFY(!hntt::test::ffprobe(clip).isEmpty());
    }

    void cancelLeavesNoFile() {
        const QString dir = outDir(QStringLiteral("cancel"));
        const QString clip = dir + QStringLiteral("/clip.mkv");
        bool cancel = false;
        bool partialSeen = false;
        auto result = ClipExporter::run(
            {source_, 0.0, 8.0, clip},
            [&](double p) {
                if (p > 0.2) {
                    partialSeen =
                        partialSeen ||
                        QFileInfo::exists(ClipExporter::partialPath(QFileInfo(clip).absoluteFilePath()));
                    cancel = true;
                }
            },
            [&] { return cancel; });
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Conflict);
        QVERIFY(partialSeen); // it was writing, then took it away again
        QCOMPARE(filesIn(dir), QStringList());
    }

    void cancelThroughTheQueue() {
        JobQueue jobs;
        const QString dir = outDir(QStringLiteral("cancel-job"));
        bool cancelled = false;
        const qint64 id =
            jobs.submit(QStringLiteral("clip"), [&](JobQueue::Context& ctx) -> hntt::core::Result<std::any> {
                // The same run the queue's clip jobs use, with the cancel asked for at once.
                while (!ctx.cancelled())
                    QThread::msleep(5);
                auto clip = ClipExporter::run({source_, 0.0, 8.0, dir + QStringLiteral("/clip.mkv")}, {},
                                              [&ctx] { return ctx.cancelled(); });
                cancelled = !clip && clip.error().code == Error::Code::Conflict;
                if (!clip)
                    return clip.error();
                return std::any(*clip);
            });
        QVERIFY(jobs.cancel(id));
        QTRY_COMPARE_WITH_TIMEOUT(jobs.job(id)->state, JobQueue::State::Cancelled, 10000);
        QVERIFY(cancelled);
        QCOMPARE(filesIn(dir), QStringList());
    }

    void refusesBadRequestsAndLeavesNothing_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<double>("in");
        QTest::addColumn<double>("out");
        QTest::addColumn<QString>("output"); // relative to a fresh folder; "@" is the folder itself
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const int notFound = int(Error::Code::NotFound), invalid = int(Error::Code::Invalid),
                  storage = int(Error::Code::Storage);
        const QString missing = QStringLiteral("/nonexistent/recordings/none.mkv");
        QTest::newRow("missing input") << missing << 1.0 << 2.0 << "clip.mkv" << notFound << "does not exist";
        QTest::newRow("in equals out")
            << QString() << 3.0 << 3.0 << "clip.mkv" << invalid << "must come before";
        QTest::newRow("in after out")
            << QString() << 5.0 << 2.0 << "clip.mkv" << invalid << "must come before";
        QTest::newRow("negative in") << QString() << -1.0 << 2.0 << "clip.mkv" << invalid << "in point";
        QTest::newRow("in beyond end")
            << QString() << 9.0 << 12.0 << "clip.mkv" << invalid << "beyond the end";
        QTest::newRow("no destination") << QString() << 1.0 << 2.0 << "" << invalid << "destination";
        QTest::newRow("folder under a file")
            << QString() << 1.0 << 2.0 << "blocker/sub/clip.mkv" << storage << "Cannot write the clip";
        QTest::newRow("new folders, then a refused header")
            << QString() << 1.0 << 2.0 << "new/deeper/clip.mp3" << storage << "Cannot write the clip";
        QTest::newRow("destination is a folder") << QString() << 1.0 << 2.0 << "@" << storage << "folder";
    }

    void refusesBadRequestsAndLeavesNothing() {
        QFETCH(QString, input);
        QFETCH(double, in);
        QFETCH(double, out);
        QFETCH(QString, output);
        QFETCH(int, code);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("blocker"))); // a file where a folder would go
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString destination = output.isEmpty()                ? QString()
                                    : output == QStringLiteral("@") ? dir.path()
                                                                    : dir.filePath(output);
        auto result = ClipExporter::run({input.isEmpty() ? source_ : input, in, out, destination});
        QVERIFY(!result);
        QCOMPARE(int(result.error().code), code);
        QVERIFY2(result.error().message.contains(says), qPrintable(result.error().message));
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("blocker")});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
    }

    void refusesWhatIsNotMedia() {
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("notes.mkv"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("không phải là video\n");
        f.close();
        auto result = ClipExporter::run({text, 0.0, 1.0, dir.filePath(QStringLiteral("clip.mkv"))});
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Invalid);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("notes.mkv")});
    }

    void neverOverwritesItsRecordingOrAFileItCouldNotReplace() {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("recording.mkv"));
        QVERIFY(QFile::copy(source_, copy));
        const qint64 size = QFileInfo(copy).size();
        auto self = ClipExporter::run({copy, 1.0, 2.0, copy});
        QVERIFY(!self);
        QCOMPARE(self.error().code, Error::Code::Invalid);
        QCOMPARE(QFileInfo(copy).size(), size);

        // An existing destination is replaced only by a complete clip: a refused one keeps it.
        const QString existing = dir.filePath(QStringLiteral("existing.mkv"));
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old");
        f.close();
        QVERIFY(!ClipExporter::run({copy, 4.0, 3.0, existing}));
        QCOMPARE(QFileInfo(existing).size(), 3);
        // Not asked to replace it: refused, kept, no partial file left.
        auto unasked = ClipExporter::run({copy, 1.0, 2.0, existing});
        QVERIFY(!unasked);
        QCOMPARE(unasked.error().code, Error::Code::Conflict);
        QCOMPARE(QFileInfo(existing).size(), 3);
        ClipRequest replace{copy, 1.0, 2.0, existing};
        replace.replace = true;
        QVERIFY(ClipExporter::run(replace));
        QVERIFY(!hntt::test::ffprobe(existing).isEmpty());
        QCOMPARE(filesIn(dir.path()),
                 (QStringList{QStringLiteral("existing.mkv"), QStringLiteral("recording.mkv")}));
    }

    // The recordings' and archives' folders are never written into, however the path is spelt:
    // "..", doubled slashes, a link to the folder, a folder not yet made inside it.
    void neverWritesIntoProtectedFolders() {
        QTemporaryDir dir;
        const QString recordings = dir.filePath(QStringLiteral("recordings"));
        const QString archives = dir.filePath(QStringLiteral("archives"));
        QVERIFY(QDir().mkpath(recordings + QStringLiteral("/2026-12-05")));
        QVERIFY(QDir().mkpath(archives));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("clips"))));
        const QString meeting = recordings + QStringLiteral("/2026-12-05/090000-Hop.mkv");
        QVERIFY(QFile::copy(source_, meeting));
        const qint64 size = QFileInfo(meeting).size();
        QVERIFY(QFile::link(recordings, dir.filePath(QStringLiteral("clips/link"))));
        const QStringList hostile{
            meeting,
            dir.filePath(QStringLiteral("clips/../recordings/2026-12-05/090000-Hop.mkv")),
            dir.path() + QStringLiteral("//recordings///2026-12-05//other.mkv"),
            dir.filePath(QStringLiteral("clips/link/2026-12-05/090000-Hop.mkv")),
            recordings + QStringLiteral("/new/day/clip.mkv"),
            archives + QStringLiteral("/clip.mkv"),
        };
        for (const QString& path : hostile) {
            ClipRequest r{source_, 1.0, 2.0, path};
            r.protectedFolders = {recordings, archives};
            r.replace = true; // not even when asked to replace
            auto result = ClipExporter::run(r);
            QVERIFY2(!result, qPrintable(path));
            QCOMPARE(result.error().code, Error::Code::Invalid);
            QVERIFY2(result.error().message.contains(QStringLiteral("never saved")),
                     qPrintable(result.error().message));
        }
        QCOMPARE(QFileInfo(meeting).size(), size);
        QCOMPARE(filesIn(recordings + QStringLiteral("/2026-12-05")),
                 QStringList{QStringLiteral("090000-Hop.mkv")});
        QVERIFY(!QFileInfo::exists(recordings + QStringLiteral("/new")));
        QVERIFY(QDir(archives).isEmpty());
        // Next to them is fine.
        ClipRequest fine{source_, 1.0, 2.0, dir.filePath(QStringLiteral("clips/recordings-clip.mkv"))};
        fine.protectedFolders = {recordings, archives};
        QVERIFY(ClipExporter::run(fine));
        QVERIFY(!ClipExporter::isInside(dir.filePath(QStringLiteral("recordings-old/x.mkv")), recordings));
        QVERIFY(ClipExporter::isInside(recordings, recordings));
    }

    void cutsAnEngineRecordingCutOffByACrash() {
        if (!QFileInfo::exists(QStringLiteral(HNTT_ENGINE_RECORDER)))
            QSKIP("engine_recorder is not built");
        const QString recording = tmp_.filePath(QStringLiteral("engine/crash.mkv"));
        QProcess recorder;
        recorder.start(QStringLiteral(HNTT_ENGINE_RECORDER), {recording});
        QVERIFY(recorder.waitForStarted(10000));
        QVERIFY(recorder.waitForReadyRead(20000));
        // Wait for about 5 s of media, then cut the power.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(recording).size() > 0, 10000);
        QTest::qWait(5500);
        recorder.kill();
        recorder.waitForFinished();

        auto media = RecordingMediaProbe::probe(recording);
        QVERIFY2(media, qPrintable(media ? QString() : media.error().message));
        // The program mix, then one track per site, titled with its name and tagged with its id.
        QCOMPARE(media->audioTracks.size(), 3);
        QCOMPARE(media->audioTracks[1].title, QStringLiteral("Site A"));
        QCOMPARE(media->audioTracks[1].siteId, std::optional<qint64>(1));
        QCOMPARE(media->audioTracks[2].title, QStringLiteral("Site B"));

        const QString clip = tmp_.filePath(QStringLiteral("engine/clip.mkv"));
        auto result = ClipExporter::run({recording, 1.0, 3.0, clip});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        const QJsonObject probe = hntt::test::ffprobe(clip);
        QCOMPARE(probe.value(QStringLiteral("streams")).toArray().size(), 4);
        const double duration = playedLength(probe);
        QVERIFY2(duration >= 1.0 && duration <= 3.5, qPrintable(QString::number(duration)));
        QByteArray errors;
        QVERIFY2(decodesFully(clip, &errors), errors.constData());
        // Site B's own track still carries its 880 Hz tone, not Site A's 440 Hz.
        const std::vector<float> siteB = hntt::test::decodeAudio(clip, 0.3, 1.0, 2);
        QVERIFY(hntt::test::meanToneAmplitude(siteB, 880) > 5 * hntt::test::meanToneAmplitude(siteB, 440));
    }
};

QTEST_GUILESS_MAIN(TestClipExporter)
#include "tst_clip_exporter.moc"
