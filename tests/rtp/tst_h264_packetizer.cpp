// H.264 packetizer (RFC 6184): made-up access units against a reference depacketizer written
// here (edge cases, hostile input, limits), then a real x264 stream sent over loopback RTP to a
// real ffmpeg receiving per SDP, in packetization modes 0 and 1: ffmpeg must decode every
// picture, each identical to what it decodes from the encoder's own file.
#include "hntt/rtp/h264_packetizer.h"
#include "hntt/rtp/rtp_packet.h"
#include "rtp_peer.h"
#include "test_support.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <vector>

using namespace hntt::rtp;
using namespace hntt::test;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes nal(std::uint8_t header, std::size_t size, std::uint8_t fill = 0x5a) {
    Bytes n(size, fill);
    n[0] = header;
    return n;
}

// Annex B of the NAL units, each after a 4-byte start code.
Bytes annexB(const std::vector<Bytes>& nals) {
    Bytes out;
    for (const Bytes& n : nals) {
        out.insert(out.end(), {0, 0, 0, 1});
        out.insert(out.end(), n.begin(), n.end());
    }
    return out;
}

// The receiving side of RFC 6184 for single NAL units, STAP-A and FU-A, strict: any structure it
// does not expect fails the test.
std::vector<Bytes> depacketize(const std::vector<H264Payload>& payloads) {
    std::vector<Bytes> out;
    Bytes fu;
    bool inFu = false;
    for (const H264Payload& p : payloads) {
        const auto d = p.data;
        if (d.empty()) {
            QTest::qFail("empty payload", __FILE__, __LINE__);
            return {};
        }
        const int type = d[0] & 0x1f;
        if (type == 24) {
            std::size_t i = 1;
            while (i < d.size()) {
                if (i + 2 > d.size())
                    return {};
                const std::size_t len = (std::size_t{d[i]} << 8) | d[i + 1];
                i += 2;
                if (len == 0 || i + len > d.size())
                    return {};
                out.emplace_back(d.begin() + static_cast<std::ptrdiff_t>(i),
                                 d.begin() + static_cast<std::ptrdiff_t>(i + len));
                i += len;
            }
        } else if (type == 28) {
            const bool start = d[1] & 0x80, end = d[1] & 0x40;
            if (start == inFu || (start && end))
                return {}; // a start inside a unit, or a continuation without one
            if (start)
                fu.assign(1, static_cast<std::uint8_t>((d[0] & 0xe0) | (d[1] & 0x1f)));
            fu.insert(fu.end(), d.begin() + 2, d.end());
            inFu = !end;
            if (end)
                out.push_back(fu);
        } else if (type >= 1 && type <= 23) {
            if (inFu)
                return {};
            out.emplace_back(d.begin(), d.end());
        } else {
            return {};
        }
    }
    return inFu ? std::vector<Bytes>{} : out;
}

bool onlyLastMarked(const std::vector<H264Payload>& payloads) {
    for (std::size_t i = 0; i < payloads.size(); ++i)
        if (payloads[i].marker != (i + 1 == payloads.size()))
            return false;
    return true;
}

// Access units of an Annex B elementary stream (H.264 7.4.1.2.3, what x264 writes): a new one
// starts at an AUD, SPS, PPS or SEI after a slice, or at a slice whose first_mb_in_slice is 0.
std::vector<Bytes> accessUnits(const Bytes& stream) {
    std::vector<Bytes> aus;
    std::vector<Bytes> current;
    bool haveSlice = false;
    for (auto n : H264Packetizer::splitAnnexB(stream)) {
        const int type = n[0] & 0x1f;
        const bool vcl = type == 1 || type == 5;
        const bool firstSlice = vcl && n.size() > 1 && (n[1] & 0x80);
        if (haveSlice && ((!vcl && (type == 6 || type == 7 || type == 8 || type == 9)) || firstSlice)) {
            aus.push_back(annexB(current));
            current.clear();
            haveSlice = false;
        }
        current.emplace_back(n.begin(), n.end());
        haveSlice = haveSlice || vcl;
    }
    if (!current.empty())
        aus.push_back(annexB(current));
    return aus;
}

// The hashes of framemd5 output, in order, and its "#dimensions" line.
QStringList frameHashes(const QString& path, QString* dimensions = nullptr) {
    QFile f(path);
    QStringList hashes;
    if (!f.open(QIODevice::ReadOnly))
        return hashes;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        const QString line = QString::fromLatin1(raw).trimmed();
        if (line.startsWith(QLatin1String("#dimensions")) && dimensions)
            *dimensions = line.section(QLatin1Char(' '), -1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        hashes << line.section(QLatin1Char(','), -1).trimmed();
    }
    return hashes;
}

} // namespace

class TstH264Packetizer : public QObject {
    Q_OBJECT

private slots:
    void splitsStartCodesOfBothLengths() {
        // 3- and 4-byte start codes, trailing zeros, an empty NAL unit between two start codes.
        const Bytes d{0, 0, 1, 0x67, 1, 2, 0, 0, 0, 0, 1, 0x68, 3, 0, 0, 1, 0, 0, 1, 0x65, 4, 5, 0};
        const auto nals = H264Packetizer::splitAnnexB(d);
        QCOMPARE(nals.size(), std::size_t{3});
        QCOMPARE(Bytes(nals[0].begin(), nals[0].end()), (Bytes{0x67, 1, 2}));
        QCOMPARE(Bytes(nals[1].begin(), nals[1].end()), (Bytes{0x68, 3}));
        QCOMPARE(Bytes(nals[2].begin(), nals[2].end()), (Bytes{0x65, 4, 5}));
    }

    void refusesWhatIsNotAnnexB() {
        H264Packetizer p(1, 1200);
        QVERIFY(p.packetize({}).empty());
        QCOMPARE(p.stats().malformed, std::uint64_t{0}); // nothing is not damage
        const Bytes raw(500, 0x41);                      // no start code at all
        QVERIFY(p.packetize(raw).empty());
        QCOMPARE(p.stats().malformed, std::uint64_t{1});
        const Bytes zeros(64, 0); // no start code either
        QVERIFY(p.packetize(zeros).empty());
        const Bytes onlyStartCodes{0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1};
        QVERIFY(p.packetize(onlyStartCodes).empty());
        // forbidden_zero_bit set: dropped and counted; the good unit beside it goes.
        const auto out = p.packetize(annexB({nal(0xe5, 40), nal(0x41, 30)}));
        QCOMPARE(out.size(), std::size_t{1});
        QCOMPARE(out[0].data[0], std::uint8_t{0x41});
        QVERIFY(out[0].marker);
        QCOMPARE(p.stats().malformed, std::uint64_t{3});
        QCOMPARE(p.stats().packets, std::uint64_t{1});
    }

    void modeOneAggregatesSmallUnits() {
        H264Packetizer p(1, 1200);
        const std::vector<Bytes> in{nal(0x67, 23), nal(0x68, 4), nal(0x06, 600), nal(0x65, 540),
                                    nal(0x65, 900)};
        const auto out = p.packetize(annexB(in));
        // SPS, PPS and SEI fit in one STAP-A (1 + 2+23 + 2+4 + 2+600 = 634; the 540-byte slice
        // would make 1176, so it joins too); the 900-byte slice goes alone.
        QCOMPARE(out.size(), std::size_t{2});
        QCOMPARE(out[0].data[0] & 0x1f, 24);
        QCOMPARE(out[0].data.size(), std::size_t{1 + 2 + 23 + 2 + 4 + 2 + 600 + 2 + 540});
        QCOMPARE(out[0].data[0] & 0x60, 0x60); // NRI: the highest of the units (IDR, SPS: 3)
        QCOMPARE(out[1].data[0], std::uint8_t{0x65});
        QVERIFY(onlyLastMarked(out));
        QCOMPARE(depacketize(out), in);
        QCOMPARE(p.stats().stapA, std::uint64_t{1});
        QCOMPARE(p.stats().singleNal, std::uint64_t{1});
    }

    void modeOneFragmentsLargeUnitsEvenly() {
        H264Packetizer p(1, 1200);
        Bytes big = nal(0x65, 5000);
        for (std::size_t i = 1; i < big.size(); ++i)
            big[i] = static_cast<std::uint8_t>(i * 7);
        const std::vector<Bytes> in{nal(0x67, 20), nal(0x68, 4), big};
        const auto out = p.packetize(annexB(in));
        // STAP-A(SPS, PPS), then 4999 bytes of body in fragments of at most 1198.
        QCOMPARE(out.size(), std::size_t{1 + 5});
        std::size_t smallest = 100000, largest = 0;
        for (std::size_t i = 1; i < out.size(); ++i) {
            QVERIFY(out[i].data.size() <= 1200);
            QCOMPARE(out[i].data[0], std::uint8_t{0x60 | 28});
            smallest = std::min(smallest, out[i].data.size());
            largest = std::max(largest, out[i].data.size());
        }
        QVERIFY(largest - smallest <= 1); // no runt at the end
        QCOMPARE(out[1].data[1], std::uint8_t{0x80 | 5});
        QCOMPARE(out[5].data[1], std::uint8_t{0x40 | 5});
        QVERIFY(onlyLastMarked(out));
        QCOMPARE(depacketize(out), in);
    }

    void limitsAtTheEdge() {
        // Exactly the limit: a single NAL unit packet in both modes; one byte over: FU-A (1) or
        // dropped (0).
        for (int mode : {0, 1}) {
            H264Packetizer p(mode, 1200);
            auto out = p.packetize(annexB({nal(0x41, 1200)}));
            QCOMPARE(out.size(), std::size_t{1});
            QCOMPARE(out[0].data.size(), std::size_t{1200});
            out = p.packetize(annexB({nal(0x41, 1201)}));
            if (mode == 1) {
                QCOMPARE(out.size(), std::size_t{2});
                QCOMPARE(depacketize(out), (std::vector<Bytes>{nal(0x41, 1201)}));
            } else {
                QVERIFY(out.empty());
                QCOMPARE(p.stats().oversizedDropped, std::uint64_t{1});
            }
        }
    }

    void modeZeroSendsSingleUnitsAndDropsOversized() {
        H264Packetizer p(0, 1200);
        const auto out = p.packetize(annexB({nal(0x67, 23), nal(0x68, 4), nal(0x65, 800), nal(0x65, 3000)}));
        // No aggregation in mode 0; the oversized last slice is dropped, so the marker moves to
        // the last unit that is sent.
        QCOMPARE(out.size(), std::size_t{3});
        for (const auto& pl : out)
            QVERIFY((pl.data[0] & 0x1f) < 24);
        QVERIFY(onlyLastMarked(out));
        QCOMPARE(p.stats().oversizedDropped, std::uint64_t{1});
        QCOMPARE(p.stats().stapA + p.stats().fuA, std::uint64_t{0});
        QCOMPARE(depacketize(out), (std::vector<Bytes>{nal(0x67, 23), nal(0x68, 4), nal(0x65, 800)}));
    }

    void modesOutOfRangeAndTinyLimits() {
        H264Packetizer p(7, 0); // unknown mode: 0; no limit: the smallest one
        QCOMPARE(p.packetizationMode(), 0);
        QCOMPARE(p.maxPayloadBytes(), H264Packetizer::kMinPayloadBytes);
        H264Packetizer q(1, 3);
        const Bytes big = nal(0x65, 1000);
        const auto out = q.packetize(annexB({big}));
        for (const auto& pl : out)
            QVERIFY(pl.data.size() <= H264Packetizer::kMinPayloadBytes);
        QCOMPARE(depacketize(out), std::vector<Bytes>{big});
        H264Packetizer r(1, 1 << 20);
        QCOMPARE(r.maxPayloadBytes(), H264Packetizer::kMaxPayloadBytes);
    }

    void randomUnitsRoundTrip() {
        // Random sizes (some over the limit) and random bodies that hold no start code; the
        // reference depacketizer must get back exactly what went in, in mode 1, and exactly the
        // units that fit in mode 0.
        QRandomGenerator rng(20261204);
        for (int round = 0; round < 300; ++round) {
            const std::size_t limit = 16 + rng.bounded(1400);
            std::vector<Bytes> in;
            const int count = 1 + static_cast<int>(rng.bounded(8));
            for (int k = 0; k < count; ++k) {
                Bytes n(1 + rng.bounded(rng.bounded(2) ? 64u : 4000u));
                n[0] = static_cast<std::uint8_t>((rng.bounded(4) << 5) | (1 + rng.bounded(23)));
                for (std::size_t i = 1; i < n.size(); ++i)
                    n[i] = static_cast<std::uint8_t>(2 + rng.bounded(254)); // never 0 or 1
                in.push_back(n);
            }
            for (int mode : {0, 1}) {
                H264Packetizer p(mode, limit);
                const auto out = p.packetize(annexB(in));
                std::vector<Bytes> expected;
                for (const Bytes& n : in)
                    if (mode == 1 || n.size() <= limit)
                        expected.push_back(n);
                for (const auto& pl : out)
                    QVERIFY(pl.data.size() <= limit);
                QVERIFY(onlyLastMarked(out));
                QCOMPARE(depacketize(out), expected);
            }
        }
    }

    void ffmpegDecodesWhatIsSent_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("x264Params");
        // Mode 0: the encoder keeps its slices under the limit, as the tier encoders do. Mode 1:
        // whole-picture slices, so keyframes need FU-A.
        QTest::newRow("mode 0") << 0 << QStringLiteral("slice-max-size=1200:keyint=25:repeat-headers=1");
        QTest::newRow("mode 1") << 1 << QStringLiteral("keyint=25:repeat-headers=1");
    }

    void ffmpegDecodesWhatIsSent() {
        QFETCH(int, mode);
        QFETCH(QString, x264Params);
        constexpr int kFrames = 50;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString es = dir.filePath(QStringLiteral("sent.h264"));
        QCOMPARE(runProgram(QStringLiteral("ffmpeg"), {"-hide_banner",
                                                       "-loglevel",
                                                       "error",
                                                       "-y",
                                                       "-f",
                                                       "lavfi",
                                                       "-i",
                                                       "testsrc2=size=1280x720:rate=25",
                                                       "-frames:v",
                                                       QString::number(kFrames),
                                                       "-c:v",
                                                       "libx264",
                                                       "-preset",
                                                       "veryfast",
                                                       "-tune",
                                                       "zerolatency",
                                                       "-profile:v",
                                                       "baseline",
                                                       "-pix_fmt",
                                                       "yuv420p",
                                                       "-x264-params",
                                                       x264Params,
                                                       "-f",
                                                       "h264",
                                                       es}),
                 0);
        QCOMPARE(runProgram(QStringLiteral("ffmpeg"), {"-hide_banner", "-loglevel", "error", "-y", "-i", es,
                                                       "-f", "framemd5", dir.filePath("reference.md5")}),
                 0);
        const QStringList reference = frameHashes(dir.filePath("reference.md5"));
        QCOMPARE(reference.size(), kFrames);

        QFile f(es);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        const auto aus = accessUnits(Bytes(all.begin(), all.end()));
        QCOMPARE(static_cast<int>(aus.size()), kFrames);

        const quint16 port = freeRtpPort();
        QVERIFY(port != 0);
        const QString sdp = QStringLiteral("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=packetizer\r\n"
                                           "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video %1 RTP/AVP 96\r\n"
                                           "a=rtpmap:96 H264/90000\r\n"
                                           "a=fmtp:96 profile-level-id=42e01f;packetization-mode=%2\r\n")
                                .arg(port)
                                .arg(mode);
        const QString received = dir.filePath(QStringLiteral("received.md5"));
        FfmpegRtpReceiver peer(dir.path(), sdp,
                               {"-frames:v", QString::number(kFrames), "-f", "framemd5", received});
        QVERIFY(peer.waitListening({port}));

        H264Packetizer packetizer(mode, 1200);
        UdpSender udp(port);
        std::uint16_t seq = 4242;
        Bytes datagram;
        for (int i = 0; i < kFrames; ++i) {
            for (const H264Payload& pl : packetizer.packetize(aus[static_cast<std::size_t>(i)])) {
                RtpHeader h;
                h.marker = pl.marker;
                h.payloadType = 96;
                h.sequence = seq++;
                h.timestamp = 0xfffff000u + static_cast<std::uint32_t>(i) * 3600u; // wraps on the way
                h.ssrc = 0x1234abcd;
                datagram.assign(kRtpHeaderSize, 0);
                QCOMPARE(writeRtp(h, datagram), kRtpHeaderSize);
                datagram.insert(datagram.end(), pl.data.begin(), pl.data.end());
                QVERIFY(udp.send(datagram));
            }
            QThread::msleep(4); // a little pacing: the receiver's socket is not a reservoir
        }
        // The end of the stream, as a sender leaving says it: ffmpeg flushes and ends.
        QVERIFY(waitUdpPortDrained(port));
        QVERIFY(UdpSender(static_cast<quint16>(port + 1)).send(rtcpBye(0x1234abcd)));
        const int rc = peer.finish(30000);
        QVERIFY2(rc == 0, peer.errors().constData());

        const auto& st = packetizer.stats();
        QCOMPARE(st.oversizedDropped, std::uint64_t{0});
        QCOMPARE(st.malformed, std::uint64_t{0});
        if (mode == 0) {
            QCOMPARE(st.stapA + st.fuA, std::uint64_t{0});
        } else {
            QVERIFY(st.stapA >= 2); // SPS+PPS(+SEI) of each of the two keyframes
            QVERIFY(st.fuA > 0);
        }
        QString dimensions;
        const QStringList got = frameHashes(received, &dimensions);
        QCOMPARE(dimensions, QStringLiteral("1280x720"));
        QCOMPARE(got, reference); // every picture, each one bit-exact
    }
};

QTEST_GUILESS_MAIN(TstH264Packetizer)
#include "tst_h264_packetizer.moc"
