// The recording watchdog's decisions, fed as the session feeds it once a second: a file that
// stops growing for 5 s, a writer more than 3 s behind, isolated tracks that skipped audio; and
// a real engine recording into a disk that stops taking writes (a pipe nobody reads).
#include "core/session/recording_watchdog.h"
#include "hntt/engine/engine.h"
#include "stalling_disk.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using hntt::core::RecordingWatchdog;

class TestRecordingWatchdog : public QObject {
    Q_OBJECT

    using Change = RecordingWatchdog::Change;

    static RecordingWatchdog::Sample at(double s, qint64 bytes, double lag = 0, double gap = 0) {
        return {s, bytes, lag, gap};
    }

private Q_SLOTS:
    void growingFileIsQuiet() {
        RecordingWatchdog w;
        for (int s = 0; s < 30; ++s)
            QCOMPARE(w.feed(at(s, 1000 + 500'000 * s)), Change::None);
        QVERIFY(w.problem().isEmpty());
    }

    void stalledFileRaisesOnceAndClears() {
        RecordingWatchdog w;
        QCOMPARE(w.feed(at(0, 29'869)), Change::None); // the header
        for (int s = 1; s < 5; ++s)
            QCOMPARE(w.feed(at(s, 29'869)), Change::None);
        QCOMPARE(w.feed(at(5, 29'869)), Change::Raised);
        QVERIFY2(w.problem().contains(QStringLiteral("5")), qPrintable(w.problem()));
        // Still stalled: the same problem, not announced again.
        QCOMPARE(w.feed(at(6, 29'869)), Change::None);
        QCOMPARE(w.feed(at(9, 29'869)), Change::None);
        QVERIFY(w.problem().contains(QStringLiteral("9")));
        // The file grows again.
        QCOMPARE(w.feed(at(10, 900'000)), Change::Cleared);
        QVERIFY(w.problem().isEmpty());
    }

    void writerBehindRaises() {
        RecordingWatchdog w;
        QCOMPARE(w.feed(at(1, 100'000, 0.5)), Change::None);
        QCOMPARE(w.feed(at(2, 200'000, 3.0)), Change::None); // a few seconds are allowed
        QCOMPARE(w.feed(at(3, 300'000, 3.6)), Change::Raised);
        QVERIFY2(w.problem().contains(QStringLiteral("3.6")), qPrintable(w.problem()));
        QCOMPARE(w.feed(at(4, 400'000, 0.2)), Change::Cleared);
    }

    void tracksWithGapsAreNewsOnce() {
        RecordingWatchdog w;
        QCOMPARE(w.feed(at(1, 100'000)), Change::None);
        QVERIFY(!w.tracksIncomplete());
        QVERIFY(!w.takeTracksIncompleteNews());
        QCOMPARE(w.feed(at(2, 200'000, 0, 0.04)), Change::None); // the program is fine
        QVERIFY(w.tracksIncomplete());
        QVERIFY(w.takeTracksIncompleteNews());
        QCOMPARE(w.feed(at(3, 300'000, 0, 0.4)), Change::None);
        QVERIFY(!w.takeTracksIncompleteNews());
        QVERIFY(w.tracksIncomplete());
        w.reset();
        QVERIFY(!w.tracksIncomplete());
    }

    void stalledDiskRaisesWithinFiveSeconds() {
        using namespace hntt::engine;
        EngineConfig c;
        c.width = 320;
        c.height = 180;
        c.multiview = false;
        c.x264Preset = "ultrafast";
        c.videoBitrateKbps = 500;
        Engine engine(c);
        QVERIFY(engine.addSite(1, {"UBND tỉnh", "test://solid?color=ff0000&tone=440&w=160&h=90", ""}));
        QVERIFY(engine.setProgram({"single", {1}}));
        engine.start();
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("stalled.mkv"));
        // What the disk accepted is what the watchdog sees grow.
        hntt::test::StallingDisk disk(path);
        QVERIFY(disk.ok());
        hntt::engine::EngineError error;
        QVERIFY2(engine.startRecording(path.toStdString(), &error), error.message.c_str());
        RecordingWatchdog w;
        QElapsedTimer clock;
        clock.start();
        auto feed = [&] {
            const OutputStats s = engine.recording().stats;
            return w.feed({clock.elapsed() / 1000.0, static_cast<qint64>(disk.accepted()), s.lagSeconds,
                           s.isolatedGapSeconds});
        };
        // Healthy for three seconds: nothing to say.
        while (clock.elapsed() < 3000) {
            QCOMPARE(feed(), Change::None);
            QTest::qWait(500);
        }
        disk.pause();
        QElapsedTimer stalled;
        stalled.start();
        Change change = Change::None;
        while (change != Change::Raised && stalled.elapsed() < 6000) {
            QTest::qWait(500);
            change = feed();
        }
        QCOMPARE(change, Change::Raised);
        QVERIFY2(stalled.elapsed() <= 5000, qPrintable(QString::number(stalled.elapsed())));
        QVERIFY(!w.problem().isEmpty());
        // The disk answers again: the backlog is written and the stop counts what reached it.
        disk.resume();
        const RecordingStatus end = engine.stopRecording();
        QVERIFY(disk.waitForEnd());
        QCOMPARE(end.stats.state, OutputState::Stopped);
        QVERIFY2(end.stats.durationSeconds > 4.0, qPrintable(QString::number(end.stats.durationSeconds)));
    }
};

QTEST_GUILESS_MAIN(TestRecordingWatchdog)
#include "tst_recording_watchdog.moc"
