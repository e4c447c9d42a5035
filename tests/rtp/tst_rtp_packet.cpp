// RTP headers: what a sender writes parses back; CSRC, extension and padding are stepped over;
// garbage is refused with its reason; sequence arithmetic holds across the wrap.
#include "hntt/rtp/rtp_packet.h"

#include <QTest>
#include <array>
#include <random>
#include <vector>

using namespace hntt::rtp;

class TestRtpPacket : public QObject {
    Q_OBJECT

private slots:
    void writeThenParse() {
        std::vector<std::uint8_t> buf(12 + 3, 0xAB);
        RtpHeader h;
        h.marker = true;
        h.payloadType = 96;
        h.sequence = 0xFFFE;
        h.timestamp = 0x89ABCDEF;
        h.ssrc = 0x01020304;
        QCOMPARE(writeRtp(h, buf), std::size_t{12});
        RtpPacket p;
        QCOMPARE(parseRtp(buf, p), RtpParseError::None);
        QVERIFY(p.header.marker);
        QCOMPARE(p.header.payloadType, std::uint8_t{96});
        QCOMPARE(p.header.sequence, std::uint16_t{0xFFFE});
        QCOMPARE(p.header.timestamp, 0x89ABCDEFu);
        QCOMPARE(p.header.ssrc, 0x01020304u);
        QCOMPARE(p.payload.size(), std::size_t{3});
        QCOMPARE(p.payload[0], std::uint8_t{0xAB});
        std::array<std::uint8_t, 11> small{};
        QCOMPARE(writeRtp(h, small), std::size_t{0});
    }

    void csrcExtensionPadding() {
        // V=2 P=1 X=1 CC=2, then 2 CSRCs, a one-word extension, 2 payload bytes and 3 of padding.
        std::vector<std::uint8_t> b = {0xB2, 0x08, 0x00, 0x01, 0,    0,    0, 160, 0, 0,
                                       0,    7,    0,    0,    0,    1,    0, 0,   0, 2, // CSRCs
                                       0xBE, 0xDE, 0x00, 0x01, 0x10, 0xAA, 0, 0,         // extension
                                       0x55, 0x66, 0,    0,    3};
        RtpPacket p;
        QCOMPARE(parseRtp(b, p), RtpParseError::None);
        QCOMPARE(p.header.csrcCount, std::uint8_t{2});
        QVERIFY(p.header.hasExtension);
        QCOMPARE(p.header.extensionProfile, std::uint16_t{0xBEDE});
        QCOMPARE(p.extension.size(), std::size_t{4});
        QCOMPARE(p.payload.size(), std::size_t{2});
        QCOMPARE(p.payload[0], std::uint8_t{0x55});
        QCOMPARE(p.header.payloadType, std::uint8_t{8});
    }

    void refusesGarbage() {
        RtpPacket p;
        std::vector<std::uint8_t> shortOne(11, 0x80);
        QCOMPARE(parseRtp(shortOne, p), RtpParseError::TooShort);
        std::vector<std::uint8_t> v1(20, 0x40);
        QCOMPARE(parseRtp(v1, p), RtpParseError::BadVersion);
        std::vector<std::uint8_t> csrc(16, 0);
        csrc[0] = 0x8F; // 15 CSRCs announced, one there
        QCOMPARE(parseRtp(csrc, p), RtpParseError::CsrcOverrun);
        std::vector<std::uint8_t> ext(16, 0);
        ext[0] = 0x90; // an extension header with no room for its length
        ext[12] = 0xBE;
        ext[13] = 0xDE;
        ext[14] = 0;
        ext[15] = 5; // five words that are not there
        QCOMPARE(parseRtp(ext, p), RtpParseError::ExtensionOverrun);
        std::vector<std::uint8_t> pad(14, 0);
        pad[0] = 0xA0;
        pad[13] = 9; // more padding than payload
        QCOMPARE(parseRtp(pad, p), RtpParseError::BadPadding);
        pad[13] = 0;
        QCOMPARE(parseRtp(pad, p), RtpParseError::BadPadding);
        std::vector<std::uint8_t> rtcp = {0x80, 200, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0};
        QCOMPARE(parseRtp(rtcp, p), RtpParseError::LooksLikeRtcp);
        QVERIFY(looksLikeRtcp(rtcp));
        QVERIFY(!describe(RtpParseError::BadPadding).empty());
    }

    void randomBytesNeverOverrun() {
        std::mt19937 rng(7);
        std::vector<std::uint8_t> b;
        int parsed = 0;
        for (int i = 0; i < 20000; ++i) {
            b.resize(rng() % 64);
            for (auto& x : b)
                x = static_cast<std::uint8_t>(rng());
            if (!b.empty())
                b[0] = static_cast<std::uint8_t>((b[0] & 0x3F) | 0x80);
            RtpPacket p;
            if (parseRtp(b, p) == RtpParseError::None) {
                ++parsed;
                // The views stay inside the datagram.
                QVERIFY(p.payload.data() >= b.data() &&
                        p.payload.data() + p.payload.size() <= b.data() + b.size());
            }
        }
        QVERIFY(parsed > 0);
    }

    void sequenceWrap() {
        QVERIFY(seqNewer(1, 0xFFFF));
        QVERIFY(!seqNewer(0xFFFF, 1));
        QVERIFY(!seqNewer(5, 5));
        QCOMPARE(seqDelta(2, 0xFFFE), 4);
        QCOMPARE(seqDelta(0xFFFE, 2), -4);
        QCOMPARE(seqExtend(3, 0xFFFF), std::int64_t{0x10003});
        QCOMPARE(seqExtend(0xFFF0, 0x10003), std::int64_t{0xFFF0});
        QCOMPARE(seqExtend(100, 0x20050), std::int64_t{0x20064});
    }
};

QTEST_APPLESS_MAIN(TestRtpPacket)
#include "tst_rtp_packet.moc"
