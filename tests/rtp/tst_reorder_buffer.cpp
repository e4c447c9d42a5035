// The receive ordering of one RTP stream: reordering across the wrap, holes given up after the
// window with their loss counted, late and duplicate packets, SSRC changes and Cisco-style
// sequence jumps, jitter and report blocks.
#include "hntt/rtp/reorder_buffer.h"

#include <QTest>
#include <vector>

using namespace hntt::rtp;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

struct Feed {
    ReorderBuffer buffer;
    Clock::time_point now = Clock::time_point{} + 1h;
    std::vector<std::uint16_t> out;
    std::vector<std::uint32_t> lostBefore;

    explicit Feed(ReorderConfig c = {})
        : buffer(c) {}

    PushResult push(std::uint16_t seq, std::uint32_t ssrc = 1, std::uint32_t ts = 0) {
        RtpHeader h;
        h.sequence = seq;
        h.ssrc = ssrc;
        h.timestamp = ts;
        const std::uint8_t payload[2] = {static_cast<std::uint8_t>(seq >> 8), static_cast<std::uint8_t>(seq)};
        const PushResult r = buffer.push(h, payload, now);
        drain();
        return r;
    }
    void drain() {
        while (const ReceivedPacket* p = buffer.pop(now)) {
            out.push_back(p->header.sequence);
            lostBefore.push_back(p->lostBefore);
            // The payload travels with its packet.
            QCOMPARE(p->payload.size(), std::size_t{2});
            QCOMPARE(static_cast<std::uint16_t>((p->payload[0] << 8) | p->payload[1]), p->header.sequence);
        }
    }
};

} // namespace

class TestReorderBuffer : public QObject {
    Q_OBJECT

private slots:
    void reordersAcrossWrap() {
        Feed f;
        for (std::uint16_t s : {65533, 65535, 65534, 1, 0, 2})
            f.push(s);
        QCOMPARE(f.out, (std::vector<std::uint16_t>{65533, 65534, 65535, 0, 1, 2}));
        const auto st = f.buffer.stats(f.now);
        QCOMPARE(st.received, 6u);
        QCOMPARE(st.lost, 0u);
    }

    void holeGivenUpAfterDelay() {
        Feed f;
        f.push(10);
        f.push(12);
        f.push(13);
        QCOMPARE(f.out, (std::vector<std::uint16_t>{10})); // 11 still awaited
        f.now += 50ms;
        f.drain();
        QCOMPARE(f.out.size(), std::size_t{1});
        f.now += 60ms; // 12 has now waited past 100 ms
        f.drain();
        QCOMPARE(f.out, (std::vector<std::uint16_t>{10, 12, 13}));
        QCOMPARE(f.lostBefore[1], 1u);
        QCOMPARE(f.buffer.stats(f.now).lost, 1u);
        QCOMPARE(f.push(11), PushResult::Late);
        QCOMPARE(f.push(12), PushResult::Duplicate);
        QCOMPARE(f.buffer.stats(f.now).late, 1u);
        QCOMPARE(f.buffer.stats(f.now).duplicates, 1u);
        QCOMPARE(f.out.size(), std::size_t{3});
    }

    void holeGivenUpWhenWindowFull() {
        ReorderConfig c;
        c.maxPackets = 5;
        Feed f(c);
        f.push(0);
        for (std::uint16_t s = 2; s <= 6; ++s)
            f.push(s);
        // Five wait behind the hole at 1: it is given up without waiting for the clock.
        QCOMPARE(f.out, (std::vector<std::uint16_t>{0, 2, 3, 4, 5, 6}));
        QCOMPARE(f.buffer.stats(f.now).lost, 1u);
    }

    void duplicateWhileHeld() {
        Feed f;
        f.push(1);
        f.push(3);
        QCOMPARE(f.push(3), PushResult::Duplicate);
        f.push(2);
        QCOMPARE(f.out, (std::vector<std::uint16_t>{1, 2, 3}));
    }

    void ssrcChangeAndJumpRestart() {
        Feed f;
        f.push(100);
        f.push(101);
        QCOMPARE(f.push(5000, 2), PushResult::Reset); // a new SSRC
        f.push(5001, 2);
        QCOMPARE(f.push(40000, 2), PushResult::Reset); // a Cisco-style jump on the same SSRC
        f.push(40001, 2);
        QCOMPARE(f.out, (std::vector<std::uint16_t>{100, 101, 5000, 5001, 40000, 40001}));
        const auto st = f.buffer.stats(f.now);
        QCOMPARE(st.resets, 2u);
        QCOMPARE(st.lost, 0u);                        // a restart is not loss
        QCOMPARE(f.push(1000, 2), PushResult::Reset); // and far backwards too
        QCOMPARE(f.out.back(), std::uint16_t{1000});
    }

    void moderateJumpIsLoss() {
        Feed f;
        f.push(0);
        QCOMPARE(f.push(300), PushResult::Accepted); // 299 lost in a burst, beyond the window
        QCOMPARE(f.out, (std::vector<std::uint16_t>{0, 300}));
        QCOMPARE(f.buffer.stats(f.now).lost, 299u);
        const ReportBlock b = f.buffer.reportBlock(0, 0);
        QCOMPARE(b.cumulativeLost, 299);
        QCOMPARE(b.extendedHighestSeq, 300u);
        QVERIFY(b.fractionLost > 250);
    }

    void reportBlockAndLossPercent() {
        Feed f;
        // 100 packets, every tenth missing; one a 20 ms step.
        for (std::uint16_t s = 65500; s != 64; ++s) {
            if (s % 10 != 0)
                f.push(s, 7, static_cast<std::uint32_t>(s) * 1800u);
            f.now += 20ms;
            f.drain();
        }
        f.now += 200ms; // the last hole (60) is given up
        f.drain();
        // 65500 was never seen: a stream starts at its first packet.
        const auto st = f.buffer.stats(f.now);
        QCOMPARE(st.lost, 10u);
        QVERIFY(st.lossPercent > 8 && st.lossPercent < 12);
        const ReportBlock b = f.buffer.reportBlock(0xAA, 0xBB);
        QCOMPARE(b.ssrc, 7u);
        QCOMPARE(b.cumulativeLost, 10);
        QCOMPARE(b.extendedHighestSeq, 0x10000u + 63u); // one wrap counted
        QCOMPARE(b.lastSr, 0xAAu);
        QVERIFY(b.fractionLost > 20 && b.fractionLost < 30);                // ~10% of 256
        QCOMPARE(f.buffer.reportBlock(0, 0).fractionLost, std::uint8_t{0}); // nothing new since
    }

    void jitterOfSteadyAndUnsteadyStreams() {
        Feed steady;
        for (std::uint16_t s = 0; s < 100; ++s) {
            steady.push(s, 1, s * 3600u); // 40 ms at 90 kHz, arriving every 40 ms
            steady.now += 40ms;
        }
        QVERIFY(steady.buffer.stats(steady.now).jitterMs < 0.5);
        Feed shaky;
        for (std::uint16_t s = 0; s < 100; ++s) {
            shaky.push(s, 1, s * 3600u);
            shaky.now += (s % 2) ? 20ms : 60ms; // +-20 ms around the 40 ms cadence
        }
        const double j = shaky.buffer.stats(shaky.now).jitterMs;
        QVERIFY2(j > 10 && j < 30, qPrintable(QString::number(j)));
    }
};

QTEST_APPLESS_MAIN(TestReorderBuffer)
#include "tst_reorder_buffer.moc"
