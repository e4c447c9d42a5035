// Lip sync per site: a real sender over UDP MPEG-TS whose picture flashes white exactly when a beep
// starts; the engine's recording of the program must show the flash with the beep, within one
// program frame plus one audio frame, with the jitter buffer at its start, grown by underruns
// (stalls of the network), and with a wide configured budget.
#include "hntt/engine/engine.h"
#include "test_support.h"
#include "udp_relay.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <mutex>

using namespace hntt::engine;
using namespace hntt::test;
using namespace std::chrono_literals;

namespace {

constexpr int kFps = 25;
constexpr int kRate = 48000;
constexpr double kPeriod = 2.0; // a flash and a beep every 2 s
// One program frame plus one AAC frame of 1024 samples.
constexpr double kTolerance = 1.0 / kFps + 1024.0 / kRate;

// Black pictures with a white one for 0.2 s, and a 1 kHz beep for 0.5 s, both starting every 2 s
// on the same timestamps; H.264 + AAC in MPEG-TS, paced in real time. `bursty`: ffmpeg's usual
// audio packing, ~2.9 kB per PES, which for this mostly silent sound means a burst of up to 0.7 s
// of audio at a time; otherwise every AAC frame goes out as it is made, like a hardware encoder.
QStringList flashBeepSender(const QString& url, bool bursty) {
    const QStringList packing = bursty ? QStringList{} : QStringList{"-muxdelay", "0"};
    return QStringList{
               "-re",
               "-f",
               "lavfi",
               "-i",
               QStringLiteral("color=c=black:s=320x180:r=%1,drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:"
                              "enable='lt(mod(t,%2),0.2)'")
                   .arg(kFps)
                   .arg(kPeriod),
               "-f",
               "lavfi",
               "-i",
               QStringLiteral("aevalsrc='if(lt(mod(t,%1),0.5),0.5*sin(2*PI*1000*t),0)':s=%2")
                   .arg(kPeriod)
                   .arg(kRate),
               "-c:v",
               "libx264",
               "-preset",
               "ultrafast",
               "-tune",
               "zerolatency",
               "-g",
               "25",
               "-pix_fmt",
               "yuv420p",
               "-c:a",
               "aac",
               "-b:a",
               "96k",
               "-f",
               "mpegts"} +
           packing + QStringList{url + QStringLiteral("?pkt_size=1316")};
}

struct Onsets {
    std::vector<double> flashes; // the picture's centre turns from black to white
    std::vector<double> beeps;   // the sound turns from silence to the beep
    QString log;
};

// Where flashes and beeps start in a recording, in its own timeline, by ffmpeg's blackdetect and
// silencedetect (the centre only: the site's name is drawn at the bottom left).
Onsets onsets(const QString& path) {
    QByteArray out, err;
    runProgram(QStringLiteral("ffmpeg"),
               {"-hide_banner", "-nostdin", "-i", path, "-map", "0:v:0", "-map", "0:a:0", "-vf",
                "crop=iw/2:ih/2,blackdetect=d=0.3:pix_th=0.3:pic_th=0.9", "-af",
                "silencedetect=n=-30dB:d=0.3", "-f", "null", "-"},
               &out, &err);
    Onsets o;
    const QString text = QString::fromUtf8(err);
    // Both filters also close a black or silent stretch at the end of the file: not an onset.
    const double duration =
        ffprobe(path)[QStringLiteral("format")].toObject()[QStringLiteral("duration")].toString().toDouble();
    static const QRegularExpression blackEnd(QStringLiteral("black_end:([0-9.]+)"));
    static const QRegularExpression silenceEnd(QStringLiteral("silence_end: ([0-9.]+)"));
    for (auto it = blackEnd.globalMatch(text); it.hasNext();)
        if (const double t = it.next().captured(1).toDouble(); t < duration - 0.1)
            o.flashes.push_back(t);
    for (auto it = silenceEnd.globalMatch(text); it.hasNext();)
        if (const double t = it.next().captured(1).toDouble(); t < duration - 0.1)
            o.beeps.push_back(t);
    for (const QString& line : text.split('\n'))
        if (line.contains(QStringLiteral("black_end")) || line.contains(QStringLiteral("silence_end")))
            o.log += line.trimmed() + '\n';
    return o;
}

} // namespace

class TestLipSync : public QObject {
    Q_OBJECT

private slots:
    void pictureMeetsSound_data() {
        QTest::addColumn<int>("budgetMs");
        QTest::addColumn<bool>("stalls");
        QTest::addColumn<bool>("bursty");
        QTest::newRow("80 ms budget") << 80 << false << false;
        QTest::newRow("grown by network stalls") << 80 << true << false;
        QTest::newRow("bursty sender") << 80 << false << true;
    }

    void pictureMeetsSound() {
        QFETCH(int, budgetMs);
        QFETCH(bool, stalls);
        QFETCH(bool, bursty);
        const quint16 port = freeUdpPort();
        UdpRelay relay(port);
        QVERIFY(relay.inPort() != 0);
        FfmpegProcess sender(
            flashBeepSender(QStringLiteral("udp://127.0.0.1:%1").arg(relay.inPort()), bursty));
        QVERIFY(sender.waitStarted());

        EngineConfig c;
        c.width = 640;
        c.height = 360;
        c.fps = kFps;
        c.sampleRate = kRate;
        c.multiview = false;
        c.x264Preset = "ultrafast";
        c.videoBitrateKbps = 800;
        c.isolatedAudioTracks = false;
        c.jitterBudget = std::chrono::milliseconds(budgetMs);
        Engine engine(c);
        QVERIFY(
            engine.addSite(1, {"Flash", QStringLiteral("udp://127.0.0.1:%1").arg(port).toStdString(), ""}));
        QVERIFY(engine.setProgram({"single", {1}}));
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(engine.siteStats(1)->state == SourceState::Connected, 10000);
        QTest::qWait(2500); // the jitter buffer finds its level

        const double startLatency = engine.siteStats(1)->audioLatencyMs;
        if (stalls) {
            // The network stalls twice for 0.6 s, then delivers it all at once: each stall runs the
            // site's audio dry, and the jitter buffer raises its target.
            for (int i = 0; i < 2; ++i) {
                relay.holdFor(600ms);
                QTest::qWait(1800);
            }
            const SourceStats st = *engine.siteStats(1);
            QVERIFY2(st.audioUnderruns >= 1, qPrintable(QString::number(st.audioUnderruns)));
            QVERIFY2(st.audioLatencyMs >= 1.4 * startLatency,
                     qPrintable(QStringLiteral("%1 -> %2 ms").arg(startLatency).arg(st.audioLatencyMs)));
            QTest::qWait(1500);
        }

        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("sync.mkv"));
        EngineError error;
        QVERIFY2(engine.startRecording(path.toStdString(), &error), error.message.c_str());
        QTest::qWait(5500); // two or three flashes
        const SourceStats st = *engine.siteStats(1);
        QCOMPARE(engine.stopRecording().stats.state, OutputState::Stopped);
        engine.stop();

        const Onsets o = onsets(path);
        int pairs = 0;
        QString offsets;
        for (double flash : o.flashes) {
            auto nearest = std::min_element(o.beeps.begin(), o.beeps.end(), [flash](double a, double b) {
                return std::abs(a - flash) < std::abs(b - flash);
            });
            if (nearest == o.beeps.end() || std::abs(*nearest - flash) > kPeriod / 2)
                continue;
            const double offset = flash - *nearest;
            offsets += QStringLiteral("%1 ms ").arg(offset * 1000, 0, 'f', 1);
            QVERIFY2(
                std::abs(offset) <= kTolerance,
                qPrintable(QStringLiteral("flash %1 s, beep %2 s: the picture is %3 ms %4 (audio latency "
                                          "%5 ms, video held %6 ms)\n%7")
                               .arg(flash)
                               .arg(*nearest)
                               .arg(std::abs(offset) * 1000, 0, 'f', 1)
                               .arg(offset < 0 ? QStringLiteral("early") : QStringLiteral("late"))
                               .arg(st.audioLatencyMs)
                               .arg(st.videoDelayMs)
                               .arg(o.log)));
            ++pairs;
        }
        QVERIFY2(pairs >= 2, qPrintable(o.log));
        qInfo("flash - beep: %s(audio latency %.0f ms, video held %.0f ms, %llu underruns)",
              qPrintable(offsets), st.audioLatencyMs, st.videoDelayMs,
              static_cast<unsigned long long>(st.audioUnderruns));
    }
};

QTEST_GUILESS_MAIN(TestLipSync)
#include "tst_lip_sync.moc"
