// Source with local inputs: the built-in test signal, files (real-time pacing, looping, a
// resolution change), keyframes-only decoding, URL checks and bad URLs.
#include "engine_internal/source.h"
#include "engine_internal/test_pattern.h"
#include "source_checks.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <numbers>
#include <set>
#include <thread>

using namespace hntt::engine;
using namespace hntt::test;
using namespace std::chrono_literals;

namespace {

const double kPresent = 0.06, kAbsent = 0.02;

double tone(const std::vector<float>& s, double hz) {
    return toneLevel(s, hz);
}

SourceConfig configFor(const QString& url) {
    SourceConfig c;
    c.id = 7;
    c.url = url.toStdString();
    return c;
}

} // namespace

class TestSource : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString clip_;            // 2 s, blue 320x180, 660 Hz, GOP 25
    QString change_;          // 1 s at 320x180, then 1 s at 640x360, one MPEG-TS stream
    QString unsupported_;     // an undecodable video codec next to PCM audio at 440 Hz
    QString unsupportedOnly_; // the undecodable video alone

    bool makeClip(const QStringList& args, const QString& path) {
        QByteArray err;
        const int rc = runProgram(QStringLiteral("ffmpeg"),
                                  QStringList{"-hide_banner", "-loglevel", "error", "-nostdin", "-y"} + args +
                                      QStringList{path},
                                  nullptr, &err, 60000);
        if (rc != 0)
            qWarning("ffmpeg failed: %s", err.constData());
        return rc == 0;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        clip_ = dir_.filePath(QStringLiteral("clip.mkv"));
        QVERIFY(makeClip({"-f", "lavfi", "-i", "color=c=blue:s=320x180:r=25:d=2", "-f", "lavfi", "-i",
                          "sine=frequency=660:sample_rate=48000:d=2", "-c:v", "libx264", "-preset",
                          "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"},
                         clip_));
        const QString small = dir_.filePath(QStringLiteral("small.ts"));
        const QString big = dir_.filePath(QStringLiteral("big.ts"));
        QVERIFY(makeClip({"-f", "lavfi", "-i", "color=c=green:s=320x180:r=25:d=1", "-c:v", "libx264",
                          "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"},
                         small));
        // The second part's timestamps continue where the first ends, as a live encoder's would.
        QVERIFY(
            makeClip({"-f", "lavfi", "-i", "color=c=green:s=640x360:r=25:d=1", "-c:v", "libx264", "-preset",
                      "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-output_ts_offset", "1"},
                     big));
        // A codec FFmpeg can write but not read: the picture is unsupported, the sound is fine.
        unsupported_ = dir_.filePath(QStringLiteral("a64.nut"));
        QVERIFY(
            makeClip({"-f", "lavfi", "-i", "testsrc=s=320x200:r=25:d=1", "-f", "lavfi", "-i",
                      "sine=frequency=440:sample_rate=48000:d=1", "-c:v", "a64multi", "-c:a", "pcm_s16le"},
                     unsupported_));
        unsupportedOnly_ = dir_.filePath(QStringLiteral("a64-only.nut"));
        QVERIFY(makeClip({"-f", "lavfi", "-i", "testsrc=s=320x200:r=25:d=1", "-c:v", "a64multi"},
                         unsupportedOnly_));
        change_ = dir_.filePath(QStringLiteral("change.ts"));
        QFile out(change_);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (const QString& part : {small, big}) {
            QFile in(part);
            QVERIFY(in.open(QIODevice::ReadOnly));
            out.write(in.readAll());
        }
    }

    void testPatternSolidHasColourAndTone() {
        StatusLog log;
        Source source(configFor(QStringLiteral("test://solid?color=ff0000&tone=440")), log.callback());
        HNTT_COMPARE_STATE(source.state(), SourceState::Offline);
        source.start();
        HNTT_TRY_STATE(source, SourceState::Connected, 1000);
        const VideoFramePtr f = source.latestVideo();
        QVERIFY(f);
        QCOMPARE(f->width(), 640);
        QCOMPARE(f->height(), 360);
        QCOMPARE(f->pixelFormat(), int(AV_PIX_FMT_YUV420P));
        QVERIFY2(near(centreColour(source), 255, 0, 0, 6), qPrintable(describe(centreColour(source))));
        QVERIFY2(near(f->meanRgb(4, 4, 8, 8), 255, 0, 0, 6), "not solid to the corner");

        const auto s = listen(source, 600);
        QVERIFY2(std::abs(tone(s, 440) - TestPattern::kToneAmplitude) < 0.03,
                 qPrintable(QString::number(tone(s, 440))));
        QVERIFY2(tone(s, 1000) < kAbsent, qPrintable(QString::number(tone(s, 1000))));

        QTest::qWait(300);
        const SourceStats st = source.stats();
        HNTT_COMPARE_STATE(st.state, SourceState::Connected);
        QCOMPARE(st.width, 640);
        QCOMPARE(st.height, 360);
        QVERIFY2(st.fps > 20 && st.fps < 30, qPrintable(QString::number(st.fps)));
        QVERIFY(st.videoFrames >= 20);
        QVERIFY(st.lastError.empty());

        source.stop();
        HNTT_COMPARE_STATE(source.state(), SourceState::Offline);
        QVERIFY(!source.latestVideo());
        const auto entries = log.entries();
        QVERIFY(entries.size() >= 3);
        HNTT_COMPARE_STATE(entries.front().state, SourceState::Connecting);
        HNTT_COMPARE_STATE(entries[1].state, SourceState::Connected);
        HNTT_COMPARE_STATE(entries.back().state, SourceState::Offline);
    }

    void testPatternSilentToneZero() {
        Source source(configFor(QStringLiteral("test://solid?color=00ff00&tone=0&w=160&h=90&fps=10")));
        source.start();
        HNTT_TRY_STATE(source, SourceState::Connected, 1000);
        QCOMPARE(source.latestVideo()->width(), 160);
        QVERIFY2(near(centreColour(source), 0, 255, 0, 6), qPrintable(describe(centreColour(source))));
        const auto s = listen(source, 300);
        const float peak =
            *std::max_element(s.begin(), s.end(), [](float a, float b) { return std::abs(a) < std::abs(b); });
        QCOMPARE(std::abs(peak), 0.f);
        QTest::qWait(500);
        const double fps = source.stats().fps;
        QVERIFY2(fps > 7 && fps < 13, qPrintable(QString::number(fps)));
    }

    // The tone is the same sine however it is made (a whole-hertz tone is played from one
    // repeating cycle), sample for sample, for a minute of 10 ms blocks and odd-sized ones.
    void testPatternToneIsExactOverAMinute() {
        for (const double hz : {440.0, 1981.0, 1760.0, 440.5}) {
            TestPatternSpec spec;
            spec.toneHz = hz;
            TestPattern pattern(spec, 48000);
            std::vector<float> block;
            std::size_t n = 0;
            double worst = 0;
            for (int i = 0; n < 48000u * 60; ++i) {
                block.resize(i % 3 == 0 ? 480 : 317);
                pattern.audio(block.data(), block.size());
                for (const float v : block) {
                    const double phase = std::fmod(hz * static_cast<double>(n), 48000.0) / 48000.0;
                    const double want =
                        TestPattern::kToneAmplitude * std::sin(2.0 * std::numbers::pi * phase);
                    worst = std::max(worst, std::abs(v - want));
                    ++n;
                }
            }
            QVERIFY2(worst < 1e-4, qPrintable(QStringLiteral("%1 Hz: off by %2").arg(hz).arg(worst)));
        }
    }

    void testPatternBarsMove() {
        Source source(configFor(QStringLiteral("test://bars?tone=1000&w=320&h=180")));
        source.start();
        HNTT_TRY_STATE(source, SourceState::Connected, 1000);
        const VideoFramePtr a = source.latestVideo();
        QCOMPARE(a->width(), 320);
        QCOMPARE(a->height(), 180);
        // The first bar is 75 % white, the sixth 75 % red.
        QVERIFY2(near(a->meanRgb(320 / 14, 60, 8, 8), 191, 191, 191, 6),
                 qPrintable(describe(a->meanRgb(22, 60, 8, 8))));
        QVERIFY2(near(a->meanRgb(320 * 11 / 14, 60, 8, 8), 191, 0, 0, 6),
                 qPrintable(describe(a->meanRgb(251, 60, 8, 8))));
        QTest::qWait(300);
        const VideoFramePtr b = source.latestVideo();
        QVERIFY(a != b);
        // The moving box: the bottom strip of the two pictures differs somewhere.
        bool differs = false;
        for (int x = 0; x < 320 && !differs; x += 4)
            differs = a->rgbAt(x, 160).r != b->rgbAt(x, 160).r;
        QVERIFY2(differs, "the bars picture does not move");

        const auto s = listen(source, 400);
        QVERIFY2(tone(s, 1000) > kPresent, qPrintable(QString::number(tone(s, 1000))));
        QVERIFY2(tone(s, 440) < kAbsent, qPrintable(QString::number(tone(s, 440))));
    }

    // The simulated camera of a bars picture: panned half a picture right, the bar that was at
    // the centre is at the left edge; zoomed in fully, one bar (four times wider) fills the
    // centre; tilted up, grey above the scene at the top; back home, the plain picture.
    void testPatternSimulatedCameraMoves() {
        Source source(configFor(QStringLiteral("test://bars?tone=1000&w=320&h=180")));
        source.start();
        HNTT_TRY_STATE(source, SourceState::Connected, 1000);
        auto at = [&](int x, int y) { return source.latestVideo()->meanRgb(x, y, 6, 6); };
        // Plain: bar 0 (grey) at the left, bar 3 (green) at the centre.
        QVERIFY2(near(at(12, 60), 191, 191, 191, 6), qPrintable(describe(at(12, 60))));
        QVERIFY2(near(at(160, 60), 0, 191, 0, 6), qPrintable(describe(at(160, 60))));

        source.setTestView({0.5, 0, 0}); // half a picture to the right: x 0 shows scene x 160
        QTRY_VERIFY2_WITH_TIMEOUT(near(at(12, 60), 0, 191, 0, 6), qPrintable(describe(at(12, 60))), 1000);
        // x 230 shows scene x 390, bar 1 (yellow) of the next copy.
        QVERIFY2(near(at(230, 60), 191, 191, 0, 6), qPrintable(describe(at(230, 60))));
        source.setTestView({0, 0, 1}); // tele: x 40..280 all within bars 2..4
        QTRY_VERIFY2_WITH_TIMEOUT(near(at(160, 90), 0, 191, 0, 6), qPrintable(describe(at(160, 90))), 1000);
        QVERIFY2(near(at(100, 90), 0, 191, 0, 6), qPrintable(describe(at(100, 90))));   // green still
        QVERIFY2(near(at(30, 90), 0, 191, 191, 6), qPrintable(describe(at(30, 90))));   // cyan, bar 2
        QVERIFY2(near(at(290, 90), 191, 0, 191, 6), qPrintable(describe(at(290, 90)))); // magenta, bar 4
        source.setTestView({0, 1, 0}); // up: the top half is above the scene
        QTRY_VERIFY2_WITH_TIMEOUT(near(at(160, 20), 64, 64, 64, 6), qPrintable(describe(at(160, 20))), 1000);
        QVERIFY2(near(at(160, 130), 0, 191, 0, 6), qPrintable(describe(at(160, 130))));
        source.setTestView({});
        QTRY_VERIFY2_WITH_TIMEOUT(near(at(12, 60), 191, 191, 191, 6), qPrintable(describe(at(12, 60))), 1000);
        QVERIFY2(near(at(160, 20), 0, 191, 0, 6), qPrintable(describe(at(160, 20))));
    }

    // Lip sync: pulled as the program clock does (a 40 ms block, then the picture), the pictures
    // come out held back by about the audio latency, so the one shown is older than the newest.
    void programPicturesWaitForTheirSound() {
        SourceConfig c = configFor(QStringLiteral("test://bars?tone=1000&w=320&h=180"));
        c.jitterBudget = 120ms;
        Source source(c);
        source.start();
        HNTT_TRY_STATE(source, SourceState::Connected, 1000);
        std::vector<float> block(1920);
        int shown = 0, olderThanNewest = 0;
        auto next = std::chrono::steady_clock::now();
        for (int tick = 0; tick < 75; ++tick) { // 3 s
            source.audio().pull(block.data(), block.size());
            const VideoFramePtr program = source.programVideo();
            const VideoFramePtr newest = source.latestVideo();
            if (tick >= 25 && program) {
                ++shown;
                olderThanNewest += program != newest ? 1 : 0;
            }
            next += 40ms;
            std::this_thread::sleep_until(next);
        }
        QCOMPARE(shown, 50);
        QVERIFY2(olderThanNewest > 40, qPrintable(QString::number(olderThanNewest)));
        const SourceStats st = source.stats();
        QCOMPARE(st.audioLatencyMs, 120.0);
        // Held until the middle of the block that plays their sound: about the latency, less
        // half a block, give or take a frame.
        QVERIFY2(st.videoDelayMs > 50 && st.videoDelayMs < 200, qPrintable(QString::number(st.videoDelayMs)));
        source.stop();
        QVERIFY(!source.programVideo());
    }

    void malformedTestUrl_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pattern") << "test://stripes"
                                 << "unknown pattern 'stripes'";
        QTest::newRow("colour") << "test://solid?color=red"
                                << "color must be 6 hex digits";
        QTest::newRow("tone") << "test://bars?tone=-5"
                              << "tone must be";
        QTest::newRow("width") << "test://bars?w=abc"
                               << "w must be";
        QTest::newRow("odd height") << "test://bars?h=181"
                                    << "h must be";
        QTest::newRow("fps") << "test://bars?fps=0"
                             << "fps must be";
        QTest::newRow("parameter") << "test://solid?colour=ff0000&size=9"
                                   << "unknown parameter 'size'";
    }

    void malformedTestUrl() {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        std::string error;
        QVERIFY(!parseTestUrl(url.toStdString(), &error).has_value());
        QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
        QVERIFY(!Source::checkUrl(url.toStdString(), &error));

        StatusLog log;
        Source source(configFor(url), log.callback());
        source.start();
        HNTT_TRY_STATE(source, SourceState::Lost, 1000);
        const SourceStats st = source.stats();
        QVERIFY2(QString::fromStdString(st.lastError).contains(expected), st.lastError.c_str());
        QVERIFY(QString::fromStdString(st.lastError).startsWith("Invalid test URL"));
        QVERIFY(!log.ever(SourceState::Connected));
        QVERIFY(!source.latestVideo());
    }

    void checkUrl() {
        std::string error;
        for (const char* ok : {"test://bars", "srt://10.0.0.5:9000?mode=listener", "rtsp://cam.local/stream1",
                               "rtmp://media.local/live/site", "udp://0.0.0.0:5000", "rtp://239.1.1.1:5004",
                               "/srv/demo/site.mp4", "file:/srv/demo/site.mp4", "clip.mkv"})
            QVERIFY2(Source::checkUrl(ok, &error), ok);
        QVERIFY(!Source::checkUrl("gopher://nowhere", &error));
        QVERIFY2(QString::fromStdString(error).contains("gopher"), error.c_str());
        QVERIFY(!Source::checkUrl("", &error));
    }

    // FFmpeg's wrapping protocols would open the clip through another door (cache:, async:,
    // subfile:, concat:, crypto:): a plain path is a file name, and each source may use only the
    // protocols of its own scheme, so none of them reaches the clip.
    void wrappingProtocolsReachNothing() {
        const QString c = clip_;
        for (const QString& url : {"cache:" + c, "async:" + c, "subfile,,start,0,end,0,,:" + c,
                                   "concat:" + c + "|" + c, "crypto:" + c, "file:" + c + "|pipe:0"}) {
            Source source(configFor(url));
            source.start();
            HNTT_TRY_STATE(source, SourceState::Lost, 3000);
            QVERIFY2(source.stats().videoFrames == 0, qPrintable(url));
            QVERIFY2(!source.latestVideo(), qPrintable(url));
        }
        // The same clip named plainly plays.
        Source plain(configFor("file:" + c));
        plain.start();
        HNTT_TRY_STATE(plain, SourceState::Connected, 3000);
    }

    void missingFileRetries() {
        const QString path = dir_.filePath(QStringLiteral("does-not-exist.mp4"));
        Source source(configFor(path));
        source.start();
        HNTT_TRY_STATE(source, SourceState::Lost, 1000);
        QVERIFY2(source.stats().lastError == "No such file or directory", source.stats().lastError.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(source.stats().reconnects >= 1, 2000);
        // The file appears: the retries pick it up.
        QVERIFY(QFile::copy(clip_, path));
        HNTT_TRY_STATE(source, SourceState::Connected, 6000);
    }

    void filePlaysInRealTimeAndLoops() {
        StatusLog log;
        Source source(configFor(clip_), log.callback());
        source.start();
        HNTT_TRY_STATE(source, SourceState::Connected, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(source.latestVideo(), 1000);
        const VideoFramePtr f = toYuv420(source.latestVideo());
        QCOMPARE(f->width(), 320);
        QCOMPARE(f->height(), 180);
        QVERIFY2(near(centreColour(source), 0, 0, 255), qPrintable(describe(centreColour(source))));

        const auto s = listen(source, 600);
        QVERIFY2(tone(s, 660) > kPresent, qPrintable(QString::number(tone(s, 660))));
        QVERIFY2(tone(s, 440) < kAbsent, qPrintable(QString::number(tone(s, 440))));

        // Paced by timestamps (not decoded as fast as possible) and looped past the 2 s end.
        const auto before = source.stats().videoFrames;
        QTest::qWait(3000);
        const SourceStats st = source.stats();
        const auto frames = st.videoFrames - before;
        QVERIFY2(frames > 60 && frames < 90, qPrintable(QString::number(frames)));
        HNTT_COMPARE_STATE(st.state, SourceState::Connected);
        QVERIFY2(st.bitrateKbps > 0, qPrintable(QString::number(st.bitrateKbps)));
        QVERIFY2(st.fps > 20 && st.fps < 30, qPrintable(QString::number(st.fps)));
        QCOMPARE(st.reconnects, 0u);
        QVERIFY2(!log.ever(SourceState::Lost), qPrintable(log.describe()));
    }

    void fileResolutionChangeMidStream() {
        Source source(configFor(change_));
        source.start();
        HNTT_TRY_STATE(source, SourceState::Connected, 3000);
        std::set<std::pair<int, int>> sizes;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 2500 && sizes.size() < 2) {
            if (const VideoFramePtr f = source.latestVideo())
                sizes.insert({f->width(), f->height()});
            QTest::qWait(20);
        }
        QVERIFY(sizes.count({320, 180}));
        QVERIFY(sizes.count({640, 360}));
        const auto st = source.stats();
        QVERIFY(st.width == 320 || st.width == 640);
        HNTT_COMPARE_STATE(source.state(), SourceState::Connected);
        QVERIFY2(near(centreColour(source), 0, 128, 0, 50), qPrintable(describe(centreColour(source))));
    }

    void unsupportedVideoCodec() {
        Source withAudio(configFor(unsupported_));
        Source videoOnly(configFor(unsupportedOnly_));
        withAudio.start();
        videoOnly.start();
        HNTT_TRY_STATE(withAudio, SourceState::Connected, 3000);
        const std::string error = withAudio.stats().lastError;
        QVERIFY2(QString::fromStdString(error).startsWith("Unsupported video codec: "), error.c_str());
        QVERIFY(!withAudio.latestVideo());
        const auto s = listen(withAudio, 300);
        QVERIFY2(tone(s, 440) > kPresent, qPrintable(QString::number(tone(s, 440))));

        HNTT_TRY_STATE(videoOnly, SourceState::Lost, 3000);
        const std::string onlyError = videoOnly.stats().lastError;
        QVERIFY2(QString::fromStdString(onlyError).startsWith("Unsupported video codec: "),
                 onlyError.c_str());
        QCOMPARE(videoOnly.stats().videoFrames, 0u);
    }

    void keyframesOnlyDecodesFarFewerFrames() {
        Source full(configFor(clip_));
        Source keys(configFor(clip_));
        keys.setDecodeMode(DecodeMode::KeyframesOnly);
        QCOMPARE(keys.decodeMode(), DecodeMode::KeyframesOnly);
        full.start();
        keys.start();
        HNTT_TRY_STATE(full, SourceState::Connected, 2000);
        HNTT_TRY_STATE(keys, SourceState::Connected, 2000);
        const auto full0 = full.stats().videoFrames, keys0 = keys.stats().videoFrames;
        QTest::qWait(2000);
        const auto fullN = full.stats().videoFrames - full0, keysN = keys.stats().videoFrames - keys0;
        QVERIFY2(fullN >= 40, qPrintable(QString::number(fullN)));
        QVERIFY2(keysN >= 1 && keysN <= 4, qPrintable(QString::number(keysN)));
        QVERIFY(keys.latestVideo());
        QVERIFY2(near(centreColour(keys), 0, 0, 255), qPrintable(describe(centreColour(keys))));
        // Audio is decoded in full either way.
        const auto s = listen(keys, 400);
        QVERIFY2(tone(s, 660) > kPresent, qPrintable(QString::number(tone(s, 660))));

        // Back to full: every frame again, without corrupt frames from missing references.
        keys.setDecodeMode(DecodeMode::Full);
        QTest::qWait(1500);
        const auto keys1 = keys.stats().videoFrames;
        QTest::qWait(1000);
        const auto st = keys.stats();
        QVERIFY2(st.videoFrames - keys1 >= 20, qPrintable(QString::number(st.videoFrames - keys1)));
        QCOMPARE(st.framesDropped, 0u);
    }

    void setUrlReopens() {
        StatusLog log;
        Source source(configFor(QStringLiteral("test://solid?color=ff0000&tone=440")), log.callback());
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(near(centreColour(source), 255, 0, 0, 6), 1000);
        source.setUrl("test://solid?color=0000ff&tone=880");
        QCOMPARE(source.url(), std::string("test://solid?color=0000ff&tone=880"));
        QTRY_VERIFY_WITH_TIMEOUT(near(centreColour(source), 0, 0, 255, 6), 1000);
        HNTT_COMPARE_STATE(source.state(), SourceState::Connected);
        const auto s = listen(source, 400);
        QVERIFY2(tone(s, 880) > kPresent, qPrintable(QString::number(tone(s, 880))));
        QVERIFY2(tone(s, 440) < kAbsent, qPrintable(QString::number(tone(s, 440))));
        QCOMPARE(source.stats().reconnects, 0u);

        // To a bad URL and back.
        source.setUrl("test://nothing");
        HNTT_TRY_STATE(source, SourceState::Lost, 1000);
        source.setUrl(clip_.toStdString());
        HNTT_TRY_STATE(source, SourceState::Connected, 2000);
        QVERIFY(source.stats().lastError.empty());

        // Stop, then start again.
        source.stop();
        HNTT_COMPARE_STATE(source.state(), SourceState::Offline);
        QVERIFY(!source.running());
        source.start();
        QVERIFY(source.running());
        HNTT_TRY_STATE(source, SourceState::Connected, 2000);
    }

    void stopIsPromptWhilePacingAFile() {
        Source source(configFor(clip_));
        source.start();
        HNTT_TRY_STATE(source, SourceState::Connected, 2000);
        QElapsedTimer t;
        t.start();
        source.stop();
        QVERIFY2(t.elapsed() < 300, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestSource)
#include "tst_source.moc"
