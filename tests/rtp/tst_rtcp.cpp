// RTCP: what the builders write parses back into the same items; compounds with unknown types
// are read around them; lengths that do not fit are refused.
#include "hntt/rtp/rtcp.h"

#include <QTest>
#include <random>
#include <vector>

using namespace hntt::rtp;

class TestRtcp : public QObject {
    Q_OBJECT

private slots:
    void compoundRoundTrip() {
        std::vector<std::uint8_t> b;
        ReportBlock block;
        block.ssrc = 0xCAFE;
        block.fractionLost = 64;
        block.cumulativeLost = -3; // duplicates can make it negative
        block.extendedHighestSeq = 0x1FFFF;
        block.jitter = 450;
        block.lastSr = 0x12345678;
        block.delaySinceLastSr = 65536;
        SenderInfo info{ntpFromUnixNanoseconds(1'700'000'000'500'000'000), 90000, 10, 12000};
        appendSenderReport(b, 0xBEEF, info, std::span(&block, 1));
        appendSdesCname(b, 0xBEEF, "hntt@console");
        appendReceiverReport(b, 0xBEEF, std::span(&block, 1));
        appendPli(b, 0xBEEF, 0xCAFE);
        appendFir(b, 0xBEEF, 0xCAFE, 7);
        appendFir2032(b, 0xCAFE);
        appendBye(b, 0xBEEF, "bye");
        QCOMPARE(b.size() % 4, std::size_t{0});

        std::vector<RtcpItem> items;
        QCOMPARE(parseRtcp(b, items), RtcpParseError::None);
        QCOMPARE(items.size(), std::size_t{7}); // SR, its block, RR block, PLI, FIR, FIR 2032, BYE
        QCOMPARE(items[0].kind, RtcpItemKind::SenderReport);
        QCOMPARE(items[0].senderSsrc, 0xBEEFu);
        QCOMPARE(items[0].sender.ntp, info.ntp);
        QCOMPARE(items[0].sender.packetCount, 10u);
        for (int i : {1, 2}) {
            QCOMPARE(items[i].kind, RtcpItemKind::ReportBlock);
            QCOMPARE(items[i].block.ssrc, 0xCAFEu);
            QCOMPARE(items[i].block.fractionLost, std::uint8_t{64});
            QCOMPARE(items[i].block.cumulativeLost, -3);
            QCOMPARE(items[i].block.extendedHighestSeq, 0x1FFFFu);
            QCOMPARE(items[i].block.jitter, 450u);
            QCOMPARE(items[i].block.lastSr, 0x12345678u);
            QCOMPARE(items[i].block.delaySinceLastSr, 65536u);
        }
        QCOMPARE(items[3].kind, RtcpItemKind::Pli);
        QCOMPARE(items[3].mediaSsrc, 0xCAFEu);
        QCOMPARE(items[4].kind, RtcpItemKind::Fir);
        QCOMPARE(items[4].mediaSsrc, 0xCAFEu);
        QCOMPARE(items[4].firSeq, std::uint8_t{7});
        QCOMPARE(items[5].kind, RtcpItemKind::Fir2032);
        QCOMPARE(items[5].mediaSsrc, 0xCAFEu);
        QCOMPARE(items[6].kind, RtcpItemKind::Bye);
        QCOMPARE(items[6].senderSsrc, 0xBEEFu);
    }

    void wireFormat() {
        // RFC 4585 PLI: V=2 FMT=1, PT=206, length 2; RFC 2032 FIR: PT 192, length 1.
        std::vector<std::uint8_t> b;
        appendPli(b, 1, 2);
        QCOMPARE(b, (std::vector<std::uint8_t>{0x81, 206, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2}));
        b.clear();
        appendFir2032(b, 9);
        QCOMPARE(b, (std::vector<std::uint8_t>{0x80, 192, 0, 1, 0, 0, 0, 9}));
        b.clear();
        appendFir(b, 1, 2, 3);
        QCOMPARE(
            b, (std::vector<std::uint8_t>{0x84, 206, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 3, 0, 0, 0}));
        QCOMPARE(ntpMiddle32(0x0011223344556677ULL), 0x22334455u);
        // 1970 is 2208988800 s after 1900.
        QCOMPARE(ntpFromUnixNanoseconds(0) >> 32, 2208988800ULL);
        QCOMPARE(ntpFromUnixNanoseconds(500'000'000) & 0xFFFFFFFF, 0x80000000ULL);
    }

    void unknownTypesSkipped() {
        std::vector<std::uint8_t> b = {0x80, 204, 0, 2, 0, 0, 0, 1, 'n', 'a', 'm', 'e'}; // APP
        b.insert(b.end(), {0x81, 205, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 5, 0, 0});        // NACK
        appendPli(b, 1, 2);
        std::vector<RtcpItem> items;
        QCOMPARE(parseRtcp(b, items), RtcpParseError::None);
        QCOMPARE(items.size(), std::size_t{1});
        QCOMPARE(items[0].kind, RtcpItemKind::Pli);
    }

    void malformedRefused() {
        std::vector<RtcpItem> items;
        std::vector<std::uint8_t> b;
        appendPli(b, 1, 2);
        b[3] = 9; // length past the end
        QCOMPARE(parseRtcp(b, items), RtcpParseError::BadLength);
        b = {0x80, 201, 0, 1, 0, 0, 0, 1};
        b.push_back(0x40); // a second packet of 1 byte
        QCOMPARE(parseRtcp(b, items), RtcpParseError::BadLength);
        b = {0x81, 201, 0, 1, 0, 0, 0, 1}; // one report block announced, none there
        QCOMPARE(parseRtcp(b, items), RtcpParseError::TooShort);
        b = {0x40, 201, 0, 1, 0, 0, 0, 1};
        QCOMPARE(parseRtcp(b, items), RtcpParseError::BadVersion);
        b = {0xA0, 201, 0, 1, 0, 0, 0, 9}; // padding count larger than the packet
        QCOMPARE(parseRtcp(b, items), RtcpParseError::BadPadding);
        b = {0x80};
        QCOMPARE(parseRtcp(b, items), RtcpParseError::TooShort);

        std::mt19937 rng(11);
        int ok = 0;
        for (int i = 0; i < 20000; ++i) {
            b.resize(4 + rng() % 60);
            for (auto& x : b)
                x = static_cast<std::uint8_t>(rng());
            b[0] = static_cast<std::uint8_t>((b[0] & 0x1F) | 0x80);
            b[1] = static_cast<std::uint8_t>(192 + rng() % 16);
            b[2] = 0;
            b[3] = static_cast<std::uint8_t>(rng() % 16);
            if (parseRtcp(b, items) == RtcpParseError::None)
                ++ok;
        }
        QVERIFY(ok > 0); // some random compounds are well-formed, and none crashed
    }
};

QTEST_APPLESS_MAIN(TestRtcp)
#include "tst_rtcp.moc"
