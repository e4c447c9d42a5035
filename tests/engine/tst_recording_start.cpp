// A recording holds every picture from its first one: the first half-second is as steady as the
// rest (25 fps, one picture every 40 ms), however the machine is loaded when it starts.
#include "hntt/engine/engine.h"
#include "test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sched.h>

using namespace hntt::engine;

namespace {

// The presentation times (ms) of the file's video packets, in decode order, read by ffprobe.
QList<qint64> videoPacketTimes(const QString& path) {
    QByteArray out, err;
    if (hntt::test::runProgram(
            QStringLiteral("ffprobe"),
            {"-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts", "-of", "csv=p=0", path},
            &out, &err) != 0)
        return {};
    QList<qint64> times;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            times.append(line.trimmed().toLongLong());
    return times;
}

} // namespace

class TestRecordingStart : public QObject {
    Q_OBJECT

private slots:
    // Each run starts the recording on a running engine (its encoder opened for the recording),
    // as the console does; the first 15 pictures must be there, 40 ms apart.
    void firstPicturesAreAllThere() {
        // One core for the whole process (the engine's threads inherit it), as a console shares
        // its machine with other work: the start of a recording competes with the clock for it.
        cpu_set_t all;
        QCOMPARE(sched_getaffinity(0, sizeof all, &all), 0);
        struct Restore {
            cpu_set_t cpus;
            ~Restore() { sched_setaffinity(0, sizeof cpus, &cpus); }
        } restore{all};
        // The console's own canvas and encoder settings: a fresh x264 is slowest there.
        EngineConfig c;
        c.multiviewWidth = 640;
        c.multiviewHeight = 360;
#ifdef __SANITIZE_THREAD__
        // ThreadSanitizer makes the clock's own work several times slower: on one core at the
        // full canvas even the steady state could fall behind, so the start is checked on a
        // smaller canvas with every core.
        c.width = 640;
        c.height = 360;
#else
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(sched_getcpu(), &one);
        QCOMPARE(sched_setaffinity(0, sizeof one, &one), 0);
#endif
        Engine engine(c);
        QVERIFY(engine.addSite(1, {"Đồng Hới", "test://solid?color=ff0000&tone=300", ""}));
        QVERIFY(engine.addSite(2, {"Lệ Thủy", "test://solid?color=00ff00&tone=500", ""}));
        QVERIFY(engine.addSite(3, {"Quảng Ninh", "test://solid?color=0000ff&tone=700", ""}));
        QVERIFY(engine.setProgram({"grid-2x2", {1, 2, 3}}));
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(engine.clockStats().ticks > 50, 20000);
        QTemporaryDir tmp;
        for (int run = 0; run < 5; ++run) {
            const QString path = tmp.filePath(QStringLiteral("run-%1.mkv").arg(run));
            EngineError error;
            QVERIFY2(engine.startRecording(path.toStdString(), &error), error.message.c_str());
            // Three seconds of pictures written (the clock's time, not the wall's).
            QTRY_VERIFY_WITH_TIMEOUT(engine.recording().stats.durationSeconds >= 3.0, 60000);
            const RecordingStatus done = engine.stopRecording();
            QCOMPARE(done.stats.state, OutputState::Stopped);
            const QList<qint64> times = videoPacketTimes(path);
            QVERIFY2(times.size() >= 15, qPrintable(QString::number(times.size())));
            QStringList first;
            for (int i = 0; i < 15; ++i)
                first << QString::number(times[i]);
            qInfo("run %d: %s", run, qPrintable(first.join(QLatin1Char(' '))));
            for (int i = 0; i < 15; ++i)
                QVERIFY2(times[i] == i * 40,
                         qPrintable(QStringLiteral("run %1: %2").arg(run).arg(first.join(QLatin1Char(' ')))));
        }
    }

    // A recording never writes over a file: one that is there (another recording's, made a moment
    // ago under the same name) is refused as such, and left as it was.
    void anExistingFileIsRefused() {
        EngineConfig c;
        c.width = 320;
        c.height = 180;
        c.multiview = false;
        c.x264Preset = "ultrafast";
        Engine engine(c);
        QVERIFY(engine.addSite(1, {"Đồng Hới", "test://solid?color=ff0000&tone=300", ""}));
        QVERIFY(engine.setProgram({"single", {1}}));
        engine.start();
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("taken.mkv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::NewOnly));
            f.write("another recording");
        }
        EngineError error;
        QVERIFY(!engine.startRecording(path.toStdString(), &error));
        QCOMPARE(error.kind, EngineError::Kind::Exists);
        QVERIFY(!engine.recording().active);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("another recording"));
        // A name that is free is made and written.
        const QString fresh = tmp.filePath(QStringLiteral("day/fresh.mkv"));
        QVERIFY2(engine.startRecording(fresh.toStdString(), &error), error.message.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(engine.recording().stats.durationSeconds >= 1.0, 30000);
        QCOMPARE(engine.stopRecording().stats.state, OutputState::Stopped);
        QVERIFY(!hntt::test::ffprobe(fresh).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecordingStart)
#include "tst_recording_start.moc"
