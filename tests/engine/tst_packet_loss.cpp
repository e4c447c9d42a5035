// Packet loss for the connection check: MPEG-TS continuity gaps counted per site. A counter fed
// with made-up packets, then real senders over UDP through a relay on loopback: clean (nothing
// lost) and with every Nth datagram dropped (the loss counted, about seven TS packets for each).
#include "engine_internal/ts_continuity.h"
#include "hntt/engine/engine.h"
#include "test_support.h"
#include "udp_relay.h"

#include <QTest>
#include <vector>

using namespace hntt::engine;
using namespace hntt::test;
using namespace std::chrono_literals;

namespace {

// One TS packet of `pid` with counter `cc`; `payload` false: adaptation field only.
std::vector<std::uint8_t> tsPacket(int pid, int cc, bool payload = true, bool discontinuity = false) {
    std::vector<std::uint8_t> p(TsContinuity::kPacketSize, 0xff);
    p[0] = 0x47;
    p[1] = static_cast<std::uint8_t>((pid >> 8) & 0x1f);
    p[2] = static_cast<std::uint8_t>(pid & 0xff);
    const int adaptation = discontinuity || !payload ? (payload ? 3 : 2) : 1;
    p[3] = static_cast<std::uint8_t>((adaptation << 4) | (cc & 0x0f));
    if (adaptation & 2) {
        p[4] = payload ? 1 : 183;
        p[5] = discontinuity ? 0x80 : 0x00;
    }
    return p;
}

EngineConfig quietConfig() {
    EngineConfig c;
    c.width = 320;
    c.height = 180;
    c.multiview = false;
    return c;
}

// A moving picture (so every frame costs a few datagrams) and a tone, H.264 + AAC in MPEG-TS.
QStringList udpSender(quint16 port) {
    return {"-re",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=s=320x180:r=25",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:sample_rate=48000",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-tune",
            "zerolatency",
            "-g",
            "25",
            "-b:v",
            "400k",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-f",
            "mpegts",
            QStringLiteral("udp://127.0.0.1:%1?pkt_size=1316").arg(port)};
}

} // namespace

class TestPacketLoss : public QObject {
    Q_OBJECT

private slots:
    void continuityGapsAreCounted() {
        TsContinuity ts;
        std::vector<std::uint8_t> stream = {0x12, 0x47, 0x00}; // garbage before the first packet
        auto add = [&](const std::vector<std::uint8_t>& p) {
            stream.insert(stream.end(), p.begin(), p.end());
        };
        for (int cc = 0; cc < 20; ++cc) // PID 256: 0..15, wraps to 0..3
            add(tsPacket(256, cc));
        add(tsPacket(257, 5));
        add(tsPacket(257, 9));        // 6, 7, 8 missing
        add(tsPacket(257, 9));        // a duplicate: allowed once
        add(tsPacket(257, 9, false)); // no payload: the counter stays
        add(tsPacket(257, 10));
        add(tsPacket(257, 2, true, true)); // discontinuity: a new count
        add(tsPacket(257, 3));
        add(tsPacket(0x1fff, 7)); // stuffing has no counter
        add(tsPacket(256, 6));    // 4, 5 missing
        // Split across reads at odd places.
        for (std::size_t at = 0; at < stream.size(); at += 100)
            ts.feed(stream.data() + at, std::min<std::size_t>(100, stream.size() - at));
        QCOMPARE(ts.received(), std::uint64_t(20 + 7 + 1 + 1));
        QCOMPARE(ts.lost(), std::uint64_t(3 + 2));

        // A packet the transport flags as errored counts as lost.
        auto errored = tsPacket(300, 0);
        errored[1] |= 0x80;
        ts.feed(errored.data(), errored.size());
        QCOMPARE(ts.lost(), std::uint64_t(6));
    }

    void cleanSenderLosesNothing() {
        const quint16 port = freeUdpPort();
        Engine engine(quietConfig());
        QVERIFY(
            engine.addSite(1, {"Sạch", QStringLiteral("udp://127.0.0.1:%1").arg(port).toStdString(), ""}));
        engine.start();
        FfmpegProcess sender(udpSender(port));
        QVERIFY(sender.waitStarted());
        QTRY_VERIFY_WITH_TIMEOUT(engine.siteStats(1)->state == SourceState::Connected, 10000);
        QTest::qWait(2000);
        const SourceStats st = *engine.siteStats(1);
        QVERIFY2(st.packetsReceived > 300, qPrintable(QString::number(st.packetsReceived)));
        QCOMPARE(st.packetsLost, std::uint64_t(0));
        QCOMPARE(st.framesDropped, std::uint64_t(0));
    }

    void droppedDatagramsAreCounted() {
        const quint16 port = freeUdpPort();
        UdpRelay relay(port);
        QVERIFY(relay.inPort() != 0);
        Engine engine(quietConfig());
        QVERIFY(
            engine.addSite(1, {"Mất gói", QStringLiteral("udp://127.0.0.1:%1").arg(port).toStdString(), ""}));
        engine.start();
        FfmpegProcess sender(udpSender(relay.inPort()));
        QVERIFY(sender.waitStarted());
        QTRY_VERIFY_WITH_TIMEOUT(engine.siteStats(1)->state == SourceState::Connected, 10000);
        QTest::qWait(500);
        QCOMPARE(engine.siteStats(1)->packetsLost, std::uint64_t(0));

        relay.setDropEvery(10); // 10 % of the datagrams
        QTest::qWait(3000);
        relay.setDropEvery(0);
        QTest::qWait(500); // what was in flight arrives
        const std::uint64_t forwarded = relay.forwarded();
        const SourceStats st = *engine.siteStats(1);
        const std::uint64_t dropped = relay.dropped();
        QVERIFY2(dropped >= 10, qPrintable(QString::number(dropped)));
        // A datagram carries one to seven TS packets (1316 bytes at most); each of them is missed
        // by its PID's counter (a datagram of stuffing only would not be, but this sender sends none).
        const QString what =
            QStringLiteral("%1 packets lost for %2 datagrams dropped; %3 packets in %4 datagrams")
                .arg(st.packetsLost)
                .arg(dropped)
                .arg(st.packetsReceived)
                .arg(forwarded);
        QVERIFY2(st.packetsLost >= dropped && st.packetsLost <= 7 * dropped, qPrintable(what));
        QVERIFY2(st.packetsReceived >= forwarded && st.packetsReceived <= 7 * forwarded, qPrintable(what));
        qInfo("%s", qPrintable(what));
        QCOMPARE(engine.siteStats(1)->state, SourceState::Connected); // loss is not a lost site

        // Steady again: no more loss.
        QTest::qWait(1000);
        QCOMPARE(engine.siteStats(1)->packetsLost, st.packetsLost);
    }
};

QTEST_GUILESS_MAIN(TestPacketLoss)
#include "tst_packet_loss.moc"
