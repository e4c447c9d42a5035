// The engine end to end: test and loopback sources composed, mixed, encoded and sent out, with
// real outcomes checked — pixels at tile centres, tones by Goertzel, files by ffprobe.
#include "hntt/engine/engine.h"
#include "test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QNetworkDatagram>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <csignal>
#include <limits>
#include <mutex>
#include <set>
#include <thread>

using namespace hntt::engine;
using hntt::test::toneAmplitude;

namespace {

constexpr int kW = 640, kH = 360;
const double kPresent = 0.05, kAbsent = 0.01;

struct Capture {
    std::mutex mutex;
    bool on = false;
    std::vector<float> program;
    std::map<SiteId, std::vector<float>> mixMinus;
};

bool near(VideoFrame::Rgb c, int r, int g, int b, int tol = 40) {
    return std::abs(c.r - r) <= tol && std::abs(c.g - g) <= tol && std::abs(c.b - b) <= tol;
}

QString describe(VideoFrame::Rgb c) {
    return QStringLiteral("(%1,%2,%3)").arg(c.r).arg(c.g).arg(c.b);
}

} // namespace

class TestEngine : public QObject {
    Q_OBJECT

    std::unique_ptr<Engine> engine_;
    Capture capture_;
    std::mutex statusMutex_;
    std::map<SiteId, SourceState> status_;

    EngineConfig config() const {
        EngineConfig c;
        c.width = kW;
        c.height = kH;
        c.multiviewWidth = kW;
        c.multiviewHeight = kH;
        c.x264Preset = "ultrafast";
        c.videoBitrateKbps = 1000;
        // These suites check what is mixed, not latency: a wide budget keeps sound continuous
        // while other processes load the machine.
        c.jitterBudget = std::chrono::milliseconds(250);
        return c;
    }

    void makeEngine(EngineConfig c) {
        EngineEvents ev;
        ev.audioBlock = [this](std::span<const float> program,
                               const std::map<SiteId, std::span<const float>>& mm) {
            std::lock_guard lock(capture_.mutex);
            if (!capture_.on)
                return;
            capture_.program.insert(capture_.program.end(), program.begin(), program.end());
            for (auto& [id, s] : mm)
                capture_.mixMinus[id].insert(capture_.mixMinus[id].end(), s.begin(), s.end());
        };
        ev.siteStatus = [this](SiteId id, SourceState s, const std::string&) {
            std::lock_guard lock(statusMutex_);
            status_[id] = s;
        };
        engine_ = std::make_unique<Engine>(c, ev);
    }

    void capture(int ms) {
        {
            std::lock_guard lock(capture_.mutex);
            capture_.program.clear();
            capture_.mixMinus.clear();
            capture_.on = true;
        }
        QTest::qWait(ms);
        std::lock_guard lock(capture_.mutex);
        capture_.on = false;
    }

    double tone(const std::vector<float>& s, double hz) { return hntt::test::meanToneAmplitude(s, hz); }

    SourceState state(SiteId id) {
        std::lock_guard lock(statusMutex_);
        return status_.count(id) ? status_[id] : SourceState::Offline;
    }

    // Waits until every site's tone is in the program mix (sources connected, buffers primed).
    bool waitForTones(std::initializer_list<double> tones) {
        for (int attempt = 0; attempt < 20; ++attempt) {
            capture(300);
            bool all = true;
            for (double hz : tones)
                all = all && tone(capture_.program, hz) > kPresent;
            if (all)
                return true;
        }
        return false;
    }

    void addFourSolidSites() {
        QVERIFY(engine_->addSite(1, {"Đồng Hới", "test://solid?color=ff0000&tone=300", ""}));
        QVERIFY(engine_->addSite(2, {"Lệ Thủy", "test://solid?color=00ff00&tone=500", ""}));
        QVERIFY(engine_->addSite(3, {"Quảng Ninh", "test://solid?color=0000ff&tone=700", ""}));
        QVERIFY(engine_->addSite(4, {"Bố Trạch", "test://solid?color=ffffff&tone=900", ""}));
    }

private slots:
    void init() {
        makeEngine(config());
        status_.clear();
    }
    void cleanup() { engine_.reset(); }

    void rejectsBadInput() {
        EngineError error;
        auto refused = [&error](bool done) {
            return !done && error.kind == EngineError::Kind::Invalid && !error.message.empty();
        };
        QVERIFY(refused(engine_->addSite(1, {"x", "gopher://nowhere", ""}, &error)));
        QVERIFY(error.message.find("gopher") != std::string::npos);
        QVERIFY(engine_->sites().empty());
        QVERIFY(engine_->addSite(1, {"x", "test://solid?color=ff0000", ""}));
        QVERIFY(refused(engine_->addSite(1, {"again", "test://solid", ""}, &error)));
        QVERIFY(refused(engine_->setProgram({"no-such-layout", {1}}, &error)));
        QVERIFY(error.message.find("no-such-layout") != std::string::npos);
        QVERIFY(refused(engine_->setProgram({"single", {1, 1}}, &error))); // more sites than slots
        QCOMPARE(engine_->program().layout, std::string("single"));
        QVERIFY(refused(engine_->setReturnUrl(1, "/tmp/file.ts", &error)));
        QVERIFY(refused(engine_->setReturnUrl(99, "udp://127.0.0.1:5000", &error)));
        QVERIFY(refused(engine_->setSiteUrl(99, "test://solid", &error)));
        QVERIFY(refused(engine_->addOutput("ftp://x", &error).has_value()));
        QVERIFY(refused(engine_->startRecording("srt://127.0.0.1:1", &error)));
        QVERIFY(!engine_->setSiteAudio(99, true, 0));
        QVERIFY(!engine_->removeSite(99));
    }

    // The engine's own failures (here an encoder setting x264 refuses, so the program's encoder
    // cannot open) are Internal errors, not exceptions, and change nothing.
    void encoderFailureIsInternalError() {
        EngineConfig c = config();
        c.x264Preset = "no-such-preset";
        makeEngine(c);
        engine_->start();
        QVERIFY(engine_->addSite(1, {"Đồng Hới", "test://solid?color=ff0000&tone=300", ""}));
        const std::string feed = "udp://127.0.0.1:" + std::to_string(hntt::test::freeUdpPort());
        auto failedInside = [](const EngineError& e) {
            return e.kind == EngineError::Kind::Internal && e.message.find("H.264") != std::string::npos;
        };

        EngineError error;
        bool done = true;
        QVERIFY_THROWS_NO_EXCEPTION(done = engine_->addOutput(feed, &error).has_value());
        QVERIFY(!done);
        QVERIFY2(failedInside(error), error.message.c_str());
        QVERIFY(engine_->outputs().empty());

        QTemporaryDir tmp;
        const std::string path = tmp.filePath(QStringLiteral("rec.mkv")).toStdString();
        error = {};
        QVERIFY_THROWS_NO_EXCEPTION(done = engine_->startRecording(path, &error));
        QVERIFY(!done);
        QVERIFY2(failedInside(error), error.message.c_str());
        QVERIFY(!engine_->recording().active);

        // A site whose return feed cannot start is not added; an existing site keeps no feed.
        error = {};
        QVERIFY_THROWS_NO_EXCEPTION(done = engine_->addSite(2, {"Lệ Thủy", "test://solid", feed}, &error));
        QVERIFY(!done);
        QVERIFY2(failedInside(error), error.message.c_str());
        QCOMPARE(engine_->sites(), std::vector<SiteId>{1});
        error = {};
        QVERIFY_THROWS_NO_EXCEPTION(done = engine_->setReturnUrl(1, feed, &error));
        QVERIFY(!done);
        QVERIFY2(failedInside(error), error.message.c_str());
        QVERIFY(!engine_->returnFeed(1));

        // The clock went on throughout.
        const auto ticks = engine_->clockStats().ticks;
        QTRY_VERIFY_WITH_TIMEOUT(engine_->clockStats().ticks > ticks + 5, 5000);
    }

    void composesGridAtTileCentres() {
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"grid-2x2", {1, 2, 3, 4}}));
        QVERIFY(engine_->setPreview({"single", {3}}));
        engine_->start();
        const int cx[] = {kW / 4, 3 * kW / 4, kW / 4, 3 * kW / 4};
        const int cy[] = {kH / 4, kH / 4, 3 * kH / 4, 3 * kH / 4};
        const int rgb[4][3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
        auto allRight = [&] {
            VideoFramePtr f = engine_->programFrame();
            if (!f)
                return false;
            for (int i = 0; i < 4; ++i)
                if (!near(f->meanRgb(cx[i], cy[i], 8, 8), rgb[i][0], rgb[i][1], rgb[i][2]))
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allRight(), 5000);
        // Each site's own latest picture, as it arrived (camera preset thumbnails use it).
        VideoFramePtr own = engine_->siteFrame(2);
        QVERIFY(own);
        QVERIFY(near(own->meanRgb(own->width() / 2, own->height() / 2, 8, 8), 0, 255, 0));
        QVERIFY(!engine_->siteFrame(99));
        VideoFramePtr prev = engine_->previewFrame();
        QVERIFY(prev);
        QCOMPARE(prev->width(), kW / 2);
        QCOMPARE(prev->height(), kH / 2);
        QVERIFY2(near(prev->meanRgb(kW / 4, kH / 4, 8, 8), 0, 0, 255),
                 qPrintable(describe(prev->meanRgb(kW / 4, kH / 4, 8, 8))));

        // Take: preview (blue, single) goes to program.
        engine_->take();
        QTRY_VERIFY_WITH_TIMEOUT(near(engine_->programFrame()->meanRgb(kW / 4, kH / 4, 8, 8), 0, 0, 255),
                                 2000);
        QCOMPARE(engine_->program().layout, std::string("single"));

        // Video mute shows a slate, not the site's picture.
        engine_->setSiteVideoMuted(3, true);
        QTRY_VERIFY_WITH_TIMEOUT(!near(engine_->programFrame()->meanRgb(kW / 2, kH / 4, 8, 8), 0, 0, 255, 60),
                                 2000);
        QTRY_VERIFY_WITH_TIMEOUT(engine_->clockStats().ticks > 10, 2000);
    }

    // The controls change while the clock runs: every change lands. Under ThreadSanitizer this
    // also proves that the clock never reads a site's settings while a caller writes them.
    void controlsChangeWhileTheClockRuns() {
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"grid-2x2", {1, 2, 3, 4}}));
        engine_->start();
        QTRY_VERIFY_WITH_TIMEOUT(engine_->clockStats().ticks > 5, 5000);
        // Changes as fast as they come, for a couple of seconds of ticks.
        const std::string colours[] = {"00ff00", "0000ff", "ffffff"};
        QElapsedTimer busy;
        busy.start();
        for (int i = 0; busy.elapsed() < 2000; ++i) {
            QVERIFY(engine_->setSiteName(1, "Đồng Hới " + std::to_string(i)));
            QVERIFY(engine_->setSiteAudio(1, i % 2 == 0, -(i % 12)));
            QVERIFY(engine_->setSiteVideoMuted(2, i % 2 == 0));
            if (i % 500 == 0)
                QVERIFY(engine_->setSiteUrl(1, "test://solid?color=" + colours[(i / 500) % 3] + "&tone=300"));
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
        QVERIFY(engine_->setSiteUrl(1, "test://solid?color=0000ff&tone=300"));
        QVERIFY(engine_->setSiteAudio(1, false, 0));
        QVERIFY(engine_->setSiteVideoMuted(2, false));
        auto showsFinalState = [this] {
            VideoFramePtr f = engine_->programFrame();
            return f && near(f->meanRgb(kW / 4, kH / 4, 8, 8), 0, 0, 255) &&
                   near(f->meanRgb(3 * kW / 4, kH / 4, 8, 8), 0, 255, 0);
        };
        QTRY_VERIFY_WITH_TIMEOUT(showsFinalState(), 5000);
        QVERIFY(waitForTones({300, 500}));
    }

    // Each phase of the tick is timed, and together they take no longer than the tick.
    void clockReportsItsPhases() {
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"grid-2x2", {1, 2, 3, 4}}));
        QVERIFY(engine_->setPreview({"single", {3}}));
        engine_->start();
        QTRY_VERIFY_WITH_TIMEOUT(engine_->clockStats().ticks > 10, 5000);
        const ClockStats s = engine_->clockStats();
        std::set<std::string> names;
        double lastSum = 0, meanSum = 0;
        for (std::size_t p = 0; p < kClockPhaseCount; ++p) {
            const char* name = clockPhaseName(static_cast<ClockPhase>(p));
            const WorkTime& w = s.phases[p];
            QVERIFY2(w.maxMs > 0 && w.maxMs >= w.meanMs && w.maxMs >= w.lastMs && w.lastMs >= 0, name);
            names.insert(name);
            lastSum += w.lastMs;
            meanSum += w.meanMs;
        }
        QCOMPARE(names.size(), kClockPhaseCount);
        QVERIFY(s.tick.maxMs >= s.tick.meanMs && s.tick.maxMs >= s.tick.lastMs);
        // Summed in the same units they were measured in: at most a rounding error apart.
        QVERIFY2(lastSum <= s.tick.lastMs + 1e-6, qPrintable(QString::number(lastSum - s.tick.lastMs)));
        QVERIFY2(meanSum <= s.tick.meanMs + 1e-6, qPrintable(QString::number(meanSum - s.tick.meanMs)));
    }

    // Light load: the multiview refreshes at most every fifth tick (instead of every second), and
    // a site off program and preview decodes keyframes only though the engine has few sites;
    // back to normal, both return. The program keeps every site's picture.
    void lightLoadRendersAndDecodesLess() {
        addFourSolidSites();
        QVERIFY(engine_->addSite(5, {"Tuyên Hóa", "test://bars?tone=1100&w=320&h=180", ""}));
        QVERIFY(engine_->setProgram({"grid-2x2", {1, 2, 3, 4}}));
        QVERIFY(engine_->setPreview({"single", {3}}));
        engine_->start();
        QTRY_VERIFY_WITH_TIMEOUT(engine_->siteStats(5)->fps > 20, 8000);
        // Pictures a site decoded in a second (its fps counts the packets that arrive).
        auto decoded = [this](SiteId id) {
            const std::uint64_t before = engine_->siteStats(id)->videoFrames;
            QTest::qWait(1000);
            return engine_->siteStats(id)->videoFrames - before;
        };
        // Multiview pictures per tick (skipped ticks count: the clock's tick number runs on).
        auto share = [this](int ms) {
            const ClockStats a = engine_->clockStats();
            QTest::qWait(ms);
            const ClockStats b = engine_->clockStats();
            const double ticks = double(b.ticks + b.skippedTicks - a.ticks - a.skippedTicks);
            return std::pair{double(b.multiviewFrames - a.multiviewFrames), ticks};
        };
        const auto [normalFrames, normalTicks] = share(1500);
        QVERIFY2(normalFrames >= normalTicks / 2 - 2 && normalFrames <= normalTicks / 2 + 2,
                 qPrintable(QStringLiteral("%1 in %2").arg(normalFrames).arg(normalTicks)));

        engine_->setLightLoad(true);
        QVERIFY(engine_->lightLoad());
        QTest::qWait(200);
        const auto [lightFrames, lightTicks] = share(2000);
        QVERIFY2(lightFrames <= lightTicks / Engine::kLightMultiviewEveryNthTick + 2 && lightFrames > 0,
                 qPrintable(QStringLiteral("%1 in %2").arg(lightFrames).arg(lightTicks)));
        // The off-air site: a picture a second (keyframes of a one-second GOP), the others whole.
        QVERIFY2(decoded(5) <= 2, "the off-air site still decodes every picture");
        QVERIFY2(decoded(1) >= 20, "a site on program lost pictures");

        engine_->setLightLoad(false);
        QVERIFY2(decoded(5) >= 15, "the off-air site does not decode every picture again");
        const auto [againFrames, againTicks] = share(1500);
        QVERIFY2(againFrames >= againTicks / 2 - 2,
                 qPrintable(QStringLiteral("%1 in %2").arg(againFrames).arg(againTicks)));
    }

    void muteRemovesToneFromProgram() {
        addFourSolidSites();
        engine_->start();
        QVERIFY(waitForTones({300, 500, 700, 900}));
        capture(600);
        for (double hz : {300.0, 500.0, 700.0, 900.0})
            QVERIFY2(tone(capture_.program, hz) > kPresent, qPrintable(QString::number(hz)));

        QVERIFY(engine_->setSiteAudio(2, true, 0));
        QTest::qWait(200); // ramp
        capture(600);
        QVERIFY2(tone(capture_.program, 500) < kAbsent,
                 qPrintable(QString::number(tone(capture_.program, 500))));
        for (double hz : {300.0, 700.0, 900.0})
            QVERIFY(tone(capture_.program, hz) > kPresent);

        QVERIFY(engine_->setSiteAudio(2, false, -6));
        QTest::qWait(200);
        capture(600);
        const double ratio = tone(capture_.program, 500) / tone(capture_.program, 300);
        QVERIFY2(ratio > 0.4 && ratio < 0.6, qPrintable(QString::number(ratio))); // -6 dB ≈ half
    }

    void eachMixMinusLacksOnlyItsOwnTone() {
        addFourSolidSites();
        engine_->start();
        QVERIFY(waitForTones({300, 500, 700, 900}));
        capture(600);
        const std::map<SiteId, double> tones = {{1, 300}, {2, 500}, {3, 700}, {4, 900}};
        for (auto [site, own] : tones) {
            const auto& mm = capture_.mixMinus[site];
            QVERIFY(!mm.empty());
            QVERIFY2(tone(mm, own) < kAbsent, qPrintable(QStringLiteral("site %1 hears itself").arg(site)));
            for (auto [other, hz] : tones)
                if (other != site)
                    QVERIFY2(tone(mm, hz) > kPresent,
                             qPrintable(QStringLiteral("site %1 misses %2").arg(site).arg(other)));
        }
    }

    // A site's return feed over real UDP: program video with the mix without its own tone.
    void returnFeedOverUdpCarriesMixMinus() {
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"single", {2}}));
        engine_->start();
        const quint16 port = hntt::test::freeUdpPort();
        QTemporaryDir tmp;
        const QString ts = tmp.filePath(QStringLiteral("return.ts"));
        const QString wav = tmp.filePath(QStringLiteral("return.wav"));
        const QString png = tmp.filePath(QStringLiteral("return.png"));
        hntt::test::ChildProcess rx(QStringLiteral("ffmpeg"),
                                    {"-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i",
                                     QStringLiteral("udp://127.0.0.1:%1?timeout=8000000").arg(port), "-c",
                                     "copy", "-t", "4", ts},
                                    {});
        QVERIFY(rx.started());
        QTest::qWait(300);
        EngineError error;
        QVERIFY2(
            engine_->setReturnUrl(1, QStringLiteral("udp://127.0.0.1:%1").arg(port).toStdString(), &error),
            error.message.c_str());
        QVERIFY2(rx.waitFinished(30000), "receiver did not finish");
        QCOMPARE(rx.exitCode(), 0);
        QVERIFY(engine_->returnFeed(1)->packetsWritten > 0);
        // Sound and picture of the feed are on one timeline, the program clock's (a separate audio
        // clock would put them seconds apart). A capture joining mid-stream can begin its audio up
        // to ~0.7 s after its video: that is how much audio an MPEG-TS PES may carry.
        const QJsonArray streams = hntt::test::ffprobe(ts)[QStringLiteral("streams")].toArray();
        QCOMPARE(streams.size(), 2);
        const double startA = streams[0].toObject()[QStringLiteral("start_time")].toString().toDouble();
        const double startB = streams[1].toObject()[QStringLiteral("start_time")].toString().toDouble();
        QVERIFY2(std::abs(startA - startB) < 1.0,
                 qPrintable(QStringLiteral("%1 vs %2").arg(startA).arg(startB)));
        // Skip the first second (probing), then check the mix and the picture.
        QCOMPARE(hntt::test::runProgram(QStringLiteral("ffmpeg"),
                                        {"-v", "error", "-y", "-ss", "1", "-i", ts, "-map", "0:a", "-ac", "1",
                                         "-ar", "48000", wav}),
                 0);
        QCOMPARE(hntt::test::runProgram(QStringLiteral("ffmpeg"), {"-v", "error", "-y", "-ss", "1", "-i", ts,
                                                                   "-frames:v", "1", "-update", "1", png}),
                 0);

        QFile f(wav);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll().mid(44);
        std::vector<float> s(static_cast<std::size_t>(data.size() / 2));
        for (std::size_t i = 0; i < s.size(); ++i)
            s[i] = reinterpret_cast<const qint16*>(data.constData())[i] / 32768.f;
        QVERIFY2(s.size() > 48000, qPrintable(QString::number(s.size())));
        QVERIFY2(tone(s, 300) < kAbsent, qPrintable(QString::number(tone(s, 300))));
        for (double hz : {500.0, 700.0, 900.0})
            QVERIFY2(tone(s, hz) > kPresent, qPrintable(QString::number(hz)));
        const QImage img(png);
        QVERIFY(!img.isNull());
        const QColor c = img.pixelColor(img.width() / 2, img.height() / 2);
        QVERIFY2(c.green() > 180 && c.red() < 80, qPrintable(c.name())); // site 2 (green) on program
    }

    // Threads of this process by name (a name is what pthread_setname_np gave it).
    static int threadsNamed(const QString& name) {
        int n = 0;
        const QDir tasks(QStringLiteral("/proc/self/task"));
        for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
            if (comm.open(QIODevice::ReadOnly) && QString::fromUtf8(comm.readAll()).trimmed() == name)
                ++n;
        }
        return n;
    }

    // Return feeds to UDP addresses are written by one thread for all of them, not a thread each
    // (a province's 170 feeds woke 170 threads a packet); one feed's end leaves the others going.
    // A feed to a host name keeps a thread of its own: looking the name up can take seconds, and
    // one that fails is tried again without holding up the rest.
    void returnFeedsToUdpShareOneWriter() {
        addFourSolidSites();
        engine_->start();
        std::map<SiteId, quint16> ports;
        std::map<SiteId, std::unique_ptr<QUdpSocket>> receivers;
        for (SiteId id : {1, 2, 3}) {
            auto rx = std::make_unique<QUdpSocket>();
            QVERIFY(rx->bind(QHostAddress::LocalHost, 0));
            ports[id] = rx->localPort();
            receivers[id] = std::move(rx);
            EngineError error;
            QVERIFY2(engine_->setReturnUrl(
                         id, QStringLiteral("udp://127.0.0.1:%1").arg(ports[id]).toStdString(), &error),
                     error.message.c_str());
        }
        // Site 4's destination is a name that never resolves: its feed keeps retrying.
        EngineError error;
        QVERIFY2(engine_->setReturnUrl(4, "udp://no-such-host.invalid:5000", &error), error.message.c_str());
        std::map<SiteId, qint64> total; // bytes received so far, per site
        auto received = [&](SiteId id) {
            QUdpSocket& rx = *receivers[id];
            while (rx.hasPendingDatagrams())
                total[id] += rx.receiveDatagram().data().size();
            return total[id];
        };
        for (SiteId id : {1, 2, 3})
            QTRY_VERIFY_WITH_TIMEOUT(received(id) > 0, 5000);
        QCOMPARE(threadsNamed(QStringLiteral("hntt-feeds")), 1);
        QCOMPARE(threadsNamed(QStringLiteral("hntt-sink")), 1); // site 4's
        QTRY_VERIFY_WITH_TIMEOUT(
            engine_->returnFeed(4) && engine_->returnFeed(4)->state == OutputState::Retrying, 5000);

        QVERIFY(engine_->setReturnUrl(2, {}, &error)); // site 2's feed ends
        QVERIFY(!engine_->returnFeed(2));
        QTest::qWait(200);
        std::map<SiteId, qint64> before;
        for (SiteId id : {1, 2, 3})
            before[id] = received(id); // with what was under way
        QTest::qWait(1000);
        QCOMPARE(received(2), before[2]);
        for (SiteId id : {1, 3}) {
            const qint64 bytes = received(id) - before[id];
            // Still going: the feed's sound alone is ~8 kB a second.
            QVERIFY2(bytes > 5000, qPrintable(QStringLiteral("site %1: %2 bytes").arg(id).arg(bytes)));
            QCOMPARE(engine_->returnFeed(id)->state, OutputState::Running);
        }
    }

    // The sound of a captured return feed (MPEG-TS), from its first second on, as 48 kHz mono.
    static std::vector<float> feedSound(const QString& ts) {
        const QString wav = ts + QStringLiteral(".wav");
        if (hntt::test::runProgram(QStringLiteral("ffmpeg"),
                                   {"-v", "error", "-y", "-ss", "1", "-i", ts, "-map", "0:a", "-ac", "1",
                                    "-ar", "48000", wav}) != 0)
            return {};
        QFile f(wav);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray data = f.readAll().mid(44);
        std::vector<float> s(static_cast<std::size_t>(data.size() / 2));
        for (std::size_t i = 0; i < s.size(); ++i)
            s[i] = reinterpret_cast<const qint16*>(data.constData())[i] / 32768.f;
        return s;
    }

    // Sites that are not heard share one encode of their mix-minus; a site that starts to speak
    // gets its own at once, without ever hearing itself, and gives it back once quiet again.
    void returnFeedsOfSilentSitesShareOneEncode() {
        addFourSolidSites();
        QVERIFY(engine_->setSiteAudio(1, true, 0));
        QVERIFY(engine_->setSiteAudio(2, true, 0));
        engine_->start();
        QVERIFY(waitForTones({700, 900}));
        QCOMPARE(engine_->returnFeedEncoders(), 0);
        QTemporaryDir tmp;
        std::map<SiteId, quint16> ports;
        for (SiteId id : {1, 2, 3, 4})
            ports[id] = hntt::test::freeUdpPort();
        std::map<SiteId, std::unique_ptr<hntt::test::ChildProcess>> receivers;
        for (SiteId id : {1, 3}) {
            auto rx = std::make_unique<hntt::test::ChildProcess>(
                QStringLiteral("ffmpeg"),
                QStringList{"-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i",
                            QStringLiteral("udp://127.0.0.1:%1?timeout=8000000").arg(ports[id]), "-c", "copy",
                            "-t", "7", tmp.filePath(QStringLiteral("feed%1.ts").arg(id))},
                hntt::test::ChildProcess::Options{});
            QVERIFY(rx->started());
            receivers[id] = std::move(rx);
        }
        QTest::qWait(300);
        for (SiteId id : {1, 2, 3, 4}) {
            EngineError error;
            QVERIFY2(engine_->setReturnUrl(
                         id, QStringLiteral("udp://127.0.0.1:%1").arg(ports[id]).toStdString(), &error),
                     error.message.c_str());
        }
        // Sites 1 and 2 are muted: they share the common encode; 3 and 4 are heard.
        QTRY_COMPARE_WITH_TIMEOUT(engine_->returnFeedEncoders(), 3, 3000);
        QTest::qWait(2500);
        QVERIFY(engine_->setSiteAudio(1, false, 0)); // site 1 speaks
        QTRY_COMPARE_WITH_TIMEOUT(engine_->returnFeedEncoders(), 4, 3000);
        for (auto& [id, rx] : receivers) {
            QVERIFY2(rx->waitFinished(30000), "receiver did not finish");
            QCOMPARE(rx->exitCode(), 0);
        }
        QVERIFY(engine_->setSiteAudio(1, true, 0)); // quiet again: its own encode ends after a while
        QTRY_COMPARE_WITH_TIMEOUT(engine_->returnFeedEncoders(), 3, 6000);

        // Site 1's feed, a quarter second at a time, across the moment it began to speak (2.8 s
        // or more in): it hears sites 3 and 4 throughout, never itself, never muted site 2. The
        // feed's start is not what this is about: the windows begin 1.5 s in (under the thread
        // sanitizer a feed has once begun with a quarter second of silence at 1 s).
        const std::vector<float> one = feedSound(tmp.filePath(QStringLiteral("feed1.ts")));
        const std::size_t window = 12000;
        QVERIFY2(one.size() >= 4 * 48000, qPrintable(QString::number(one.size())));
        for (std::size_t at = 2 * window; at + window <= one.size(); at += window) {
            const std::vector<float> w(one.begin() + static_cast<std::ptrdiff_t>(at),
                                       one.begin() + static_cast<std::ptrdiff_t>(at + window));
            const QString where =
                QStringLiteral("site 1's feed at %1 s: ").arg(1.0 + static_cast<double>(at) / 48000);
            QVERIFY2(tone(w, 300) < kAbsent,
                     qPrintable(where + QStringLiteral("itself at %1").arg(tone(w, 300))));
            QVERIFY2(tone(w, 500) < kAbsent, qPrintable(where + QStringLiteral("muted site 2")));
            QVERIFY2(tone(w, 700) > kPresent && tone(w, 900) > kPresent,
                     qPrintable(where + QStringLiteral("sites 3 and 4 missing")));
        }
        // Site 3's feed: site 1 appears once it speaks, site 3 itself never.
        const std::vector<float> three = feedSound(tmp.filePath(QStringLiteral("feed3.ts")));
        QVERIFY2(three.size() >= 4 * 48000, qPrintable(QString::number(three.size())));
        const std::vector<float> last(three.end() - 48000, three.end());
        QVERIFY2(tone(three, 700) < kAbsent, qPrintable(QString::number(tone(three, 700))));
        QVERIFY2(tone(last, 300) > kPresent, qPrintable(QString::number(tone(last, 300))));
        QVERIFY(tone(three, 900) > kPresent);
    }

    void lostSiteShowsSlateAndClockGoesOn() {
        const quint16 port = hntt::test::freeUdpPort();
        const QString url = QStringLiteral("udp://127.0.0.1:%1").arg(port);
        auto sender = std::make_unique<hntt::test::FfmpegProcess>(
            hntt::test::solidColorSenderArgs(QStringLiteral("red"), 440) +
            QStringList{"-f", "mpegts", url + QStringLiteral("?pkt_size=1316")});
        QVERIFY(sender->waitStarted());
        QVERIFY(engine_->addSite(7, {"UBND xã Quảng Hòa", url.toStdString(), ""}));
        QVERIFY(engine_->setProgram({"single", {7}}));
        engine_->start();
        QTRY_VERIFY_WITH_TIMEOUT(state(7) == SourceState::Connected, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(near(engine_->programFrame()->meanRgb(kW / 2, kH / 2, 8, 8), 255, 0, 0),
                                 3000);

        sender.reset(); // killed
        QTRY_VERIFY_WITH_TIMEOUT(state(7) == SourceState::Lost, 3000);
        const auto ticksAtLoss = engine_->clockStats().ticks;
        QTest::qWait(500);
        QVERIFY(engine_->clockStats().ticks > ticksAtLoss + 5); // the program never stalls
        VideoFramePtr f = engine_->programFrame();
        const auto centre = f->meanRgb(kW / 2, kH / 2, 64, 64);
        QVERIFY2(!near(centre, 255, 0, 0, 60), qPrintable(describe(centre)));        // not the frozen picture
        QVERIFY2(centre.r + centre.g + centre.b > 40, qPrintable(describe(centre))); // not black

        sender = std::make_unique<hntt::test::FfmpegProcess>(
            hntt::test::solidColorSenderArgs(QStringLiteral("red"), 440) +
            QStringList{"-f", "mpegts", url + QStringLiteral("?pkt_size=1316")});
        QTRY_VERIFY_WITH_TIMEOUT(state(7) == SourceState::Connected, 15000);
        QVERIFY(engine_->siteStats(7)->reconnects >= 1);
    }

    void recordingProbesRight() {
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"grid-2x2", {1, 2, 3, 4}}));
        engine_->start();
        // Start well after the clock: the recording's timeline must not depend on when it began.
        QVERIFY(waitForTones({300, 500, 700, 900}));
        QTest::qWait(1500);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("rec/meeting.mkv"));
        EngineError error;
        QVERIFY2(engine_->startRecording(path.toStdString(), &error), error.message.c_str());
        QVERIFY(!engine_->startRecording(tmp.filePath(QStringLiteral("other.mkv")).toStdString(), &error));
        QVERIFY(engine_->recording().active);
        QTest::qWait(3000);
        const RecordingStatus done = engine_->stopRecording();
        QCOMPARE(done.stats.state, OutputState::Stopped);
        QVERIFY(!engine_->recording().active);

        const QJsonObject probe = hntt::test::ffprobe(path);
        QVERIFY2(!probe.isEmpty(), "ffprobe rejected the recording");
        const QJsonArray streams = probe[QStringLiteral("streams")].toArray();
        QCOMPARE(streams.size(), 2 + 4); // program video and mix, then each site's own audio
        const QJsonObject v = streams[0].toObject(), a = streams[1].toObject();
        QCOMPARE(v[QStringLiteral("codec_name")].toString(), QStringLiteral("h264"));
        QCOMPARE(v[QStringLiteral("width")].toInt(), kW);
        QCOMPARE(v[QStringLiteral("height")].toInt(), kH);
        QCOMPARE(v[QStringLiteral("r_frame_rate")].toString(), QStringLiteral("25/1"));
        QCOMPARE(a[QStringLiteral("codec_name")].toString(), QStringLiteral("aac"));
        QCOMPARE(a[QStringLiteral("sample_rate")].toString(), QStringLiteral("48000"));
        const double duration =
            probe[QStringLiteral("format")].toObject()[QStringLiteral("duration")].toString().toDouble();
        QVERIFY2(duration > 2.3 && duration < 3.7, qPrintable(QString::number(duration)));
        const std::vector<float> audio = hntt::test::decodeAudio(path, 0.5, 2.0);
        QVERIFY(audio.size() > 48000);
        for (double hz : {300.0, 500.0, 700.0, 900.0})
            QVERIFY2(tone(audio, hz) > kPresent,
                     qPrintable(QStringLiteral("%1 Hz: %2").arg(hz).arg(tone(audio, hz))));
    }

    // Picture and sound of a finished recording end together, within one AAC frame, whether the
    // recording is stopped while the engine runs or the engine stops under it: the sound that was
    // still in the encoder (its last partial frame and its one-frame delay) is flushed.
    void recordingEndsWithItsSound_data() {
        QTest::addColumn<bool>("engineStops");
        QTest::newRow("recording stopped") << false;
        QTest::newRow("engine stopped") << true;
    }
    void recordingEndsWithItsSound() {
        QFETCH(bool, engineStops);
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"grid-2x2", {1, 2, 3, 4}}));
        engine_->start();
        QVERIFY(waitForTones({300, 500, 700, 900}));
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("end.mkv"));
        EngineError error;
        QVERIFY2(engine_->startRecording(path.toStdString(), &error), error.message.c_str());
        QTest::qWait(2130); // not a whole number of audio frames
        QElapsedTimer stopping;
        stopping.start();
        if (engineStops) {
            engine_->stop();
        } else {
            QCOMPARE(engine_->stopRecording().stats.state, OutputState::Stopped);
        }
        qInfo("stopped in %lld ms; encoder dropped %llu", static_cast<long long>(stopping.elapsed()),
              static_cast<unsigned long long>(engine_->encoderDroppedFrames()));

        QByteArray out;
        QCOMPARE(
            hntt::test::runProgram(QStringLiteral("ffprobe"),
                                   {"-v", "error", "-show_entries",
                                    "packet=stream_index,pts_time,duration_time", "-of", "csv=p=0", path},
                                   &out),
            0);
        std::map<int, double> ends; // stream -> end of its last packet
        for (const QByteArray& line : out.split('\n')) {
            const QList<QByteArray> f = line.trimmed().split(',');
            if (f.size() < 3 || f[1] == "N/A")
                continue;
            const double end = f[1].toDouble() + (f[2] == "N/A" ? 0.0 : f[2].toDouble());
            ends[f[0].toInt()] = std::max(ends[f[0].toInt()], end);
        }
        QCOMPARE(ends.size(), std::size_t(2 + 4)); // video, program audio, four isolated tracks
        const double video = ends[0];
        QVERIFY2(video > 1.5, qPrintable(QString::number(video)));
        // Within one AAC frame of the stream: 1024 samples of the program's 48 kHz, of a track's 16 kHz.
        for (const auto& [stream, end] : ends)
            QVERIFY2(std::abs(end - video) <= 1024.0 / (stream >= 2 ? 16000 : 48000) + 0.001,
                     qPrintable(QStringLiteral("stream %1 ends at %2 s, the picture at %3 s")
                                    .arg(stream)
                                    .arg(end)
                                    .arg(video)));
    }

    // Each site's own audio after its gain/mute on its own track, so a review player can solo it.
    void recordingHasIsolatedTrackPerSite() {
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"grid-2x2", {1, 2, 3, 4}}));
        engine_->start();
        QVERIFY(waitForTones({300, 500, 700, 900}));
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("isolated.mkv"));
        EngineError error;
        QVERIFY2(engine_->startRecording(path.toStdString(), &error), error.message.c_str());
        QTest::qWait(2500);
        QVERIFY(engine_->setSiteAudio(2, true, 0));
        QTest::qWait(2500);
        const RecordingStatus done = engine_->stopRecording();
        QCOMPARE(done.stats.state, OutputState::Stopped);

        const QJsonObject probe = hntt::test::ffprobe(path);
        QVERIFY2(!probe.isEmpty(), "ffprobe rejected the recording");
        const QJsonArray streams = probe[QStringLiteral("streams")].toArray();
        QCOMPARE(streams.size(), 2 + 4);
        const std::map<SiteId, double> tones = {{1, 300}, {2, 500}, {3, 700}, {4, 900}};
        const QStringList names = {QStringLiteral("Đồng Hới"), QStringLiteral("Lệ Thủy"),
                                   QStringLiteral("Quảng Ninh"), QStringLiteral("Bố Trạch")};
        for (int i = 0; i < 4; ++i) {
            const QJsonObject st = streams[2 + i].toObject();
            QCOMPARE(st[QStringLiteral("codec_name")].toString(), QStringLiteral("aac"));
            QCOMPARE(st[QStringLiteral("channels")].toInt(), 1);
            const QJsonObject tags = st[QStringLiteral("tags")].toObject();
            QCOMPARE(tags[QStringLiteral("title")].toString(), names[i]);
            QString siteId;
            for (auto it = tags.begin(); it != tags.end(); ++it)
                if (it.key().compare(QStringLiteral("site_id"), Qt::CaseInsensitive) == 0)
                    siteId = it.value().toString();
            QCOMPARE(siteId, QString::number(i + 1));
        }
        // Before the mute: every isolated track has its own tone and none of the others.
        for (auto [site, own] : tones) {
            const std::vector<float> a = hntt::test::decodeAudio(path, 0.5, 1.5, static_cast<int>(site));
            QVERIFY2(a.size() > 48000, qPrintable(QStringLiteral("site %1: %2").arg(site).arg(a.size())));
            QVERIFY2(tone(a, own) > kPresent,
                     qPrintable(QStringLiteral("site %1 own tone %2").arg(site).arg(tone(a, own))));
            for (auto [other, hz] : tones)
                if (other != site)
                    QVERIFY2(tone(a, hz) < kAbsent,
                             qPrintable(QStringLiteral("site %1 has %2's tone").arg(site).arg(other)));
        }
        // After the mute: site 2's track is silent, the others go on.
        const std::vector<float> muted = hntt::test::decodeAudio(path, 3.3, 1.2, 2);
        QVERIFY(muted.size() > 24000);
        QVERIFY2(tone(muted, 500) < kAbsent, qPrintable(QString::number(tone(muted, 500))));
        const std::vector<float> other = hntt::test::decodeAudio(path, 3.3, 1.2, 1);
        QVERIFY2(tone(other, 300) > kPresent, qPrintable(QString::number(tone(other, 300))));
    }

    // Below the configured free space the recording fails once, cleanly, and the clock goes on.
    void recordingFailsCleanlyOnFullDisk() {
        struct Seen {
            std::mutex mutex;
            std::vector<std::pair<OutputState, std::string>> states;
            int failed() {
                std::lock_guard lock(mutex);
                return static_cast<int>(std::count_if(states.begin(), states.end(), [](const auto& s) {
                    return s.first == OutputState::Failed;
                }));
            }
        };
        auto seen = std::make_shared<Seen>();
        EngineConfig c = config();
        c.recordingMinFreeBytes = std::numeric_limits<std::uint64_t>::max() / 2;
        EngineEvents ev;
        ev.recordingState = [seen](OutputState st, const std::string& err) {
            std::lock_guard lock(seen->mutex);
            seen->states.emplace_back(st, err);
        };
        engine_ = std::make_unique<Engine>(c, ev);
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"grid-2x2", {1, 2, 3, 4}}));
        engine_->start();
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("full/meeting.mkv"));
        EngineError error;
        QVERIFY2(engine_->startRecording(path.toStdString(), &error), error.message.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(seen->failed() == 1, 2000);
        {
            std::lock_guard lock(seen->mutex);
            const std::string& err = seen->states.back().second;
            QVERIFY2(err.find("isk") != std::string::npos, err.c_str()); // "Disk almost full"
        }
        const auto ticks = engine_->clockStats().ticks;
        QTest::qWait(1000);
        QVERIFY(engine_->clockStats().ticks >= ticks + 15);
        QCOMPARE(seen->failed(), 1);
        // Whatever was written is a whole file, or nothing was.
        if (QFileInfo::exists(path))
            QVERIFY2(!hntt::test::ffprobe(path).isEmpty(), "a half-written recording");
        const RecordingStatus status = engine_->stopRecording();
        QCOMPARE(status.stats.state, OutputState::Failed);
        QVERIFY(!engine_->recording().active);
        QCOMPARE(seen->failed(), 1);
        engine_.reset();
        QCOMPARE(seen->failed(), 1);
    }

    // Auto mode puts the speaking site in slot 0; without it nothing moves.
    void autoModeFollowsSpeaker() {
        struct Seen {
            std::mutex mutex;
            std::vector<std::optional<SiteId>> speakers;
            std::vector<Composition> autoPrograms;
        };
        auto seen = std::make_shared<Seen>();
        EngineEvents ev;
        ev.speakerChanged = [seen](std::optional<SiteId> id) {
            std::lock_guard lock(seen->mutex);
            seen->speakers.push_back(id);
        };
        ev.programChangedByAuto = [seen](const Composition& c) {
            std::lock_guard lock(seen->mutex);
            seen->autoPrograms.push_back(c);
        };
        engine_ = std::make_unique<Engine>(config(), ev);
        QVERIFY(engine_->addSite(1, {"Đồng Hới", "test://solid?color=ff0000&tone=0", ""}));
        QVERIFY(engine_->addSite(2, {"Lệ Thủy", "test://solid?color=00ff00&tone=0", ""}));
        QVERIFY(engine_->addSite(3, {"Quảng Ninh", "test://solid?color=0000ff&tone=440", ""}));
        const Composition start{"focus-1+5", {1, 2, 3}};
        QVERIFY(engine_->setProgram(start));
        engine_->start();

        // Auto mode off: the speaker is found, the program stays.
        QTRY_VERIFY_WITH_TIMEOUT(engine_->activeSpeaker() == std::optional<SiteId>(3), 3000);
        QTest::qWait(500);
        QCOMPARE(engine_->program(), start);
        {
            std::lock_guard lock(seen->mutex);
            QVERIFY(!seen->speakers.empty());
            QCOMPARE(seen->speakers.back(), std::optional<SiteId>(3));
            QVERIFY(seen->autoPrograms.empty());
        }

        // On: slot 0 follows the speaker already talking; the one it displaces takes its slot.
        engine_->setAutoFollowSpeaker(true);
        QVERIFY(engine_->autoFollowSpeaker());
        QTRY_VERIFY_WITH_TIMEOUT(engine_->program().sites.at(0) == std::optional<SiteId>(3), 3000);
        const Composition followed{"focus-1+5", {3, 2, 1}};
        QCOMPARE(engine_->program(), followed);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                std::lock_guard lock(seen->mutex);
                return !seen->autoPrograms.empty() && seen->autoPrograms.back() == followed;
            }(),
            1000);

        // Off again: a manual program stays as set.
        engine_->setAutoFollowSpeaker(false);
        QVERIFY(engine_->setProgram(start));
        QTest::qWait(1000);
        QCOMPARE(engine_->program(), start);
        std::lock_guard lock(seen->mutex);
        QCOMPARE(seen->autoPrograms.size(), std::size_t(1));
    }

    void recordingSurvivesSigkill() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("killed.mkv"));
        hntt::test::ChildProcess::Options o;
        o.out = hntt::test::ChildProcess::Output::Capture;
        hntt::test::ChildProcess rec(QStringLiteral(HNTT_ENGINE_RECORDER), {path}, o);
        QVERIFY(rec.started());
        QVERIFY(rec.waitForOutput("recording", 10000));
        QTest::qWait(3500);
        ::kill(rec.pid(), SIGKILL);
        QVERIFY(rec.waitFinished(5000));

        const QJsonObject probe = hntt::test::ffprobe(path);
        QVERIFY2(!probe.isEmpty(), "ffprobe rejected the file of a killed recorder");
        // Decoding the whole file gives at least 2 s of pictures (at most ~1 s lost).
        QByteArray out, err;
        QCOMPARE(hntt::test::runProgram(QStringLiteral("ffprobe"),
                                        {"-v", "error", "-count_frames", "-select_streams", "v:0",
                                         "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path},
                                        &out, &err),
                 0);
        const int frames = out.trimmed().toInt();
        QVERIFY2(frames >= 50, out.constData());
    }

    void outputStreamsOverUdp() {
        addFourSolidSites();
        QVERIFY(engine_->setProgram({"single", {4}}));
        engine_->start();
        const quint16 port = hntt::test::freeUdpPort();
        QTemporaryDir tmp;
        const QString png = tmp.filePath(QStringLiteral("out.png"));
        hntt::test::ChildProcess rx(QStringLiteral("ffmpeg"),
                                    {"-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i",
                                     QStringLiteral("udp://127.0.0.1:%1?timeout=8000000").arg(port),
                                     "-frames:v", "1", "-update", "1", png},
                                    {});
        QVERIFY(rx.started());
        QTest::qWait(300);
        EngineError error;
        const auto id =
            engine_->addOutput(QStringLiteral("udp://127.0.0.1:%1").arg(port).toStdString(), &error);
        QVERIFY2(id.has_value(), error.message.c_str());
        QVERIFY(rx.waitFinished(20000));
        QCOMPARE(rx.exitCode(), 0);
        const QColor c = QImage(png).pixelColor(kW / 2, kH / 2);
        QVERIFY2(c.red() > 200 && c.green() > 200 && c.blue() > 200, qPrintable(c.name()));
        QCOMPARE(engine_->outputs().at(*id).state, OutputState::Running);
        QVERIFY(engine_->removeOutput(*id));
        QVERIFY(engine_->outputs().empty());
    }

    // A stream to a dead RTMP server retries with its error and never stalls the program.
    void deadOutputRetriesWithoutStalling() {
        addFourSolidSites();
        engine_->start();
        EngineError error;
        const auto id = engine_->addOutput(
            QStringLiteral("rtmp://127.0.0.1:%1/live/x").arg(hntt::test::freeTcpPort()).toStdString(),
            &error);
        QVERIFY(id);
        QTRY_VERIFY_WITH_TIMEOUT(engine_->outputs().at(*id).state == OutputState::Retrying, 8000);
        QVERIFY(!engine_->outputs().at(*id).error.empty());
        const auto t0 = engine_->clockStats().ticks;
        QTest::qWait(1000);
        QVERIFY(engine_->clockStats().ticks >= t0 + 15);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
