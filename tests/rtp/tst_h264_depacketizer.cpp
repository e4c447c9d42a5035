// H.264 over RTP, receive side: ffmpeg sends real H.264 over RTP (mode 1 with FU-A, and mode 0
// with small slices) to a loopback socket; the packets go through the reorder buffer and the
// depacketizer, FFmpeg decodes the access units, and the pictures have the sender's size and
// colour. Hostile payloads give errors and damaged units, never a crash.
#include "hntt/rtp/h264_depacketizer.h"
#include "hntt/rtp/reorder_buffer.h"
#include "hntt/rtp/rtp_packet.h"
#include "test_support.h"

extern "C" {
#include <libavcodec/avcodec.h>
}

#include <QTest>
#include <arpa/inet.h>
#include <map>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <random>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace hntt::rtp;
using Clock = std::chrono::steady_clock;

namespace {

struct CodecDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};

// Decodes access units with FFmpeg's H.264 decoder and keeps what the pictures show.
struct Decoder {
    std::unique_ptr<AVCodecContext, CodecDeleter> ctx;
    std::unique_ptr<AVFrame, FrameDeleter> frame{av_frame_alloc()};
    std::unique_ptr<AVPacket, PacketDeleter> packet{av_packet_alloc()};
    int frames = 0;
    int width = 0;
    int height = 0;
    int centreY = -1, centreU = -1, centreV = -1;

    Decoder() {
        const AVCodec* codec = avcodec_find_decoder(AV_CODEC_ID_H264);
        ctx.reset(avcodec_alloc_context3(codec));
        ctx->thread_count = 1;
        avcodec_open2(ctx.get(), codec, nullptr);
    }
    bool decode(const AccessUnit& au) {
        if (av_new_packet(packet.get(), static_cast<int>(au.data.size())) < 0)
            return false;
        std::copy(au.data.begin(), au.data.end(), packet->data);
        packet->pts = au.timestamp;
        const int sent = avcodec_send_packet(ctx.get(), packet.get());
        av_packet_unref(packet.get());
        if (sent < 0)
            return false;
        while (avcodec_receive_frame(ctx.get(), frame.get()) == 0) {
            ++frames;
            width = frame->width;
            height = frame->height;
            const int x = width / 2, y = height / 2;
            centreY = frame->data[0][y * frame->linesize[0] + x];
            centreU = frame->data[1][(y / 2) * frame->linesize[1] + x / 2];
            centreV = frame->data[2][(y / 2) * frame->linesize[2] + x / 2];
            av_frame_unref(frame.get());
        }
        return true;
    }
};

class UdpReceiver {
public:
    UdpReceiver()
        : fd_(::socket(AF_INET, SOCK_DGRAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        const int bytes = 4 << 20;
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
            port_ = ntohs(addr.sin_port);
    }
    ~UdpReceiver() { ::close(fd_); }
    quint16 port() const { return port_; }
    // One datagram, or empty after `timeoutMs`.
    std::vector<std::uint8_t> receive(int timeoutMs) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0)
            return {};
        std::vector<std::uint8_t> buf(65536);
        const ssize_t n = ::recv(fd_, buf.data(), buf.size(), 0);
        buf.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        return buf;
    }

private:
    int fd_;
    quint16 port_ = 0;
};

struct Received {
    Decoder decoder;
    std::map<int, int> nalTypes; // RTP payload NAL type -> packets
    std::size_t largestPayload = 0;
    int keyframes = 0;
    int damaged = 0;
};

// Runs ffmpeg with `args` + rtp://127.0.0.1:port until `frames` pictures decode (or 20 s pass).
void receive(const QStringList& senderArgs, int frames, Received& r) {
    UdpReceiver rx;
    QVERIFY(rx.port() != 0);
    hntt::test::FfmpegProcess ffmpeg(senderArgs +
                                     QStringList{QStringLiteral("rtp://127.0.0.1:%1").arg(rx.port())});
    QVERIFY(ffmpeg.waitStarted());
    ReorderBuffer reorder;
    H264Depacketizer depacketizer;
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (r.decoder.frames < frames && Clock::now() < deadline) {
        const auto datagram = rx.receive(100);
        RtpPacket packet;
        if (datagram.empty() || parseRtp(datagram, packet) != RtpParseError::None)
            continue;
        if (!packet.payload.empty())
            ++r.nalTypes[packet.payload[0] & 0x1F];
        r.largestPayload = std::max(r.largestPayload, packet.payload.size());
        reorder.push(packet.header, packet.payload, Clock::now());
        while (const ReceivedPacket* p = reorder.pop(Clock::now())) {
            QCOMPARE(depacketizer.push(p->payload, p->header.timestamp, p->header.marker, p->lostBefore != 0),
                     H264PacketError::None);
            while (depacketizer.hasAccessUnit()) {
                AccessUnit au = depacketizer.takeAccessUnit();
                r.keyframes += au.keyframe;
                r.damaged += au.damaged;
                if (!au.damaged)
                    QVERIFY(r.decoder.decode(au));
            }
        }
    }
}

QStringList x264Sender(const QString& input, const QStringList& extra) {
    return QStringList{QStringLiteral("-re"),
                       QStringLiteral("-f"),
                       QStringLiteral("lavfi"),
                       QStringLiteral("-i"),
                       input,
                       QStringLiteral("-c:v"),
                       QStringLiteral("libx264"),
                       QStringLiteral("-profile:v"),
                       QStringLiteral("baseline"),
                       QStringLiteral("-preset"),
                       QStringLiteral("ultrafast"),
                       QStringLiteral("-tune"),
                       QStringLiteral("zerolatency"),
                       QStringLiteral("-g"),
                       QStringLiteral("25"),
                       QStringLiteral("-pix_fmt"),
                       QStringLiteral("yuv420p")} +
           extra + QStringList{QStringLiteral("-f"), QStringLiteral("rtp")};
}

std::vector<std::uint8_t> fu(std::uint8_t nalHeader, bool start, bool end, std::vector<std::uint8_t> body) {
    std::vector<std::uint8_t> p = {
        static_cast<std::uint8_t>((nalHeader & 0xE0) | 28),
        static_cast<std::uint8_t>((start ? 0x80 : 0) | (end ? 0x40 : 0) | (nalHeader & 0x1F))};
    p.insert(p.end(), body.begin(), body.end());
    return p;
}

} // namespace

class TestH264Depacketizer : public QObject {
    Q_OBJECT

private slots:
    void ffmpegMode1Decodes() {
        // 720p test pattern, mode 1: ffmpeg fragments its large slices with FU-A.
        Received r;
        receive(x264Sender(QStringLiteral("testsrc2=size=1280x720:rate=25"), {}), 20, r);
        QVERIFY2(r.decoder.frames >= 20, qPrintable(QString::number(r.decoder.frames)));
        QCOMPARE(r.decoder.width, 1280);
        QCOMPARE(r.decoder.height, 720);
        QVERIFY(r.keyframes >= 1);
        QVERIFY(r.nalTypes.count(28) > 0); // FU-A seen
    }

    void ffmpegSolidColourDecodes() {
        Received r;
        receive(x264Sender(QStringLiteral("color=c=red:s=640x360:r=25"), {}), 10, r);
        QVERIFY2(r.decoder.frames >= 10, qPrintable(QString::number(r.decoder.frames)));
        QCOMPARE(r.decoder.width, 640);
        QCOMPARE(r.decoder.height, 360);
        // BT.601 limited-range red: Y 81, U 90, V 240.
        QVERIFY2(std::abs(r.decoder.centreY - 81) <= 4 && std::abs(r.decoder.centreU - 90) <= 4 &&
                     std::abs(r.decoder.centreV - 240) <= 4,
                 qPrintable(QStringLiteral("YUV %1 %2 %3")
                                .arg(r.decoder.centreY)
                                .arg(r.decoder.centreU)
                                .arg(r.decoder.centreV)));
    }

    void ffmpegMode0SlicesDecode() {
        // Mode 0 (no FU-A, no STAP-A): the encoder's slices fit the packets, as baresip sends.
        Received r;
        receive(x264Sender(QStringLiteral("testsrc2=size=640x360:rate=25"),
                           {QStringLiteral("-x264-params"), QStringLiteral("slice-max-size=1000"),
                            QStringLiteral("-rtpflags"), QStringLiteral("h264_mode0")}),
                25, r);
        QVERIFY2(r.decoder.frames >= 25, qPrintable(QString::number(r.decoder.frames)));
        QCOMPARE(r.decoder.width, 640);
        QCOMPARE(r.decoder.height, 360);
        QCOMPARE(r.nalTypes.count(28), std::size_t{0});
        QCOMPARE(r.nalTypes.count(24), std::size_t{0});
        QVERIFY(r.largestPayload <= 1100);
        QVERIFY(r.nalTypes.count(1) + r.nalTypes.count(5) > 0);
        QCOMPARE(r.damaged, 0);
    }

    void stapAAndParameterSetsPutInFront() {
        H264Depacketizer d;
        // STAP-A with SPS (67 ..) and PPS (68 ..), then an IDR on its own: one keyframe AU.
        const std::vector<std::uint8_t> stap = {24, 0, 3, 0x67, 1, 2, 0, 2, 0x68, 3};
        QCOMPARE(d.push(stap, 1000, false), H264PacketError::None);
        const std::vector<std::uint8_t> idr = {0x65, 9, 9};
        QCOMPARE(d.push(idr, 1000, true), H264PacketError::None);
        QVERIFY(d.hasAccessUnit());
        AccessUnit au = d.takeAccessUnit();
        QVERIFY(au.keyframe);
        QVERIFY(!au.damaged);
        QCOMPARE(au.timestamp, 1000u);
        QCOMPARE(au.data, (std::vector<std::uint8_t>{0, 0,    0, 1, 0x67, 1, 2, 0,    0, 0,
                                                     1, 0x68, 3, 0, 0,    0, 1, 0x65, 9, 9}));
        // A later IDR alone (FU-A, marker lost: the timestamp change ends it) gets them in front.
        QCOMPARE(d.push(fu(0x65, true, false, {7}), 4600, false), H264PacketError::None);
        QCOMPARE(d.push(fu(0x65, false, true, {8}), 4600, false), H264PacketError::None);
        QCOMPARE(d.push(std::vector<std::uint8_t>{0x41, 5}, 8200, true), H264PacketError::None);
        au = d.takeAccessUnit();
        QVERIFY(au.keyframe);
        QCOMPARE(au.data, (std::vector<std::uint8_t>{0, 0,    0, 1, 0x67, 1, 2, 0,    0, 0,
                                                     1, 0x68, 3, 0, 0,    0, 1, 0x65, 7, 8}));
        au = d.takeAccessUnit();
        QVERIFY(!au.keyframe);
        QCOMPARE(au.data, (std::vector<std::uint8_t>{0, 0, 0, 1, 0x41, 5}));
        QVERIFY(!d.hasAccessUnit());
    }

    void lostFragmentDamages() {
        H264Depacketizer d;
        QCOMPARE(d.push(fu(0x65, true, false, {1}), 10, false), H264PacketError::None);
        // The middle fragment was lost: the reorder buffer says so with the next one.
        QCOMPARE(d.push(fu(0x65, false, true, {3}), 10, true, true), H264PacketError::FuWithoutStart);
        AccessUnit au = d.takeAccessUnit();
        QVERIFY(au.damaged);
        QVERIFY(!au.keyframe);
        // The next AU is whole again.
        QCOMPARE(d.push(std::vector<std::uint8_t>{0x41, 5}, 20, true), H264PacketError::None);
        QVERIFY(!d.takeAccessUnit().damaged);
        QCOMPARE(d.stats().damaged, 1u);
    }

    void hostilePayloads() {
        H264Depacketizer d;
        // Truncated STAP-A: a size past the end.
        QCOMPARE(d.push(std::vector<std::uint8_t>{24, 0, 50, 0x67}, 1, true),
                 H264PacketError::TruncatedStapA);
        QVERIFY(d.takeAccessUnit().damaged);
        QCOMPARE(d.push(std::vector<std::uint8_t>{24, 0}, 2, true), H264PacketError::TruncatedStapA);
        QVERIFY(d.takeAccessUnit().damaged);
        // FU-A continuation without its start.
        QCOMPARE(d.push(fu(0x41, false, true, {1, 2}), 3, true), H264PacketError::FuWithoutStart);
        QVERIFY(d.takeAccessUnit().damaged);
        QCOMPARE(d.push(std::vector<std::uint8_t>{28}, 4, true), H264PacketError::TruncatedFu);
        QCOMPARE(d.push(std::vector<std::uint8_t>{25, 0, 0}, 5, true),
                 H264PacketError::Unsupported); // STAP-B
        QCOMPARE(d.push(std::vector<std::uint8_t>{29, 0x80, 0}, 6, true),
                 H264PacketError::Unsupported); // FU-B
        QCOMPARE(d.push(std::vector<std::uint8_t>{0x1F, 0}, 7, true), H264PacketError::Reserved);
        QCOMPARE(d.push(std::vector<std::uint8_t>{0xE5, 0}, 8, true), H264PacketError::ForbiddenBit);
        QCOMPARE(d.push(std::vector<std::uint8_t>{}, 9, true), H264PacketError::Empty);
        QCOMPARE(d.stats().unsupported, 2u);
        while (d.hasAccessUnit())
            QVERIFY(d.takeAccessUnit().damaged);

        // An endless FU-A is cut off at the size limit.
        H264Depacketizer small(10000);
        QCOMPARE(small.push(fu(0x41, true, false, std::vector<std::uint8_t>(1000, 1)), 1, false),
                 H264PacketError::None);
        H264PacketError last = H264PacketError::None;
        for (int i = 0; i < 20; ++i)
            last = small.push(fu(0x41, false, false, std::vector<std::uint8_t>(1000, 1)), 1, false);
        QVERIFY(last != H264PacketError::None);
        small.push(fu(0x41, false, true, {1}), 1, true);
        QVERIFY(small.takeAccessUnit().damaged);

        // Random payloads: errors or units, no crash, no undefined behaviour.
        std::mt19937 rng(3);
        std::vector<std::uint8_t> p;
        for (int i = 0; i < 50000; ++i) {
            p.resize(rng() % 40);
            for (auto& x : p)
                x = static_cast<std::uint8_t>(rng());
            d.push(p, static_cast<std::uint32_t>(i / 4), rng() % 4 == 0, rng() % 16 == 0);
            while (d.hasAccessUnit())
                d.takeAccessUnit();
        }
        QVERIFY(d.stats().badPackets > 0);
        QVERIFY(d.stats().accessUnits > 0);
    }
};

QTEST_GUILESS_MAIN(TestH264Depacketizer)
#include "tst_h264_depacketizer.moc"
