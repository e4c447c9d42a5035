// What a call receives back: the program picture through its tier's shared encode and its own
// mix-minus, as RTP. A tier encoder and call senders fed as the clock feeds them (a two-colour
// program picture, a 1 kHz tone as the mix-minus), sent over loopback to a real ffmpeg that
// receives per SDP (H.264 packetization modes 0 and 1; G.722, PCMA, Opus): the colours must be
// where they were and the tone must be heard. Then keyframe merging (IDRs counted in the output,
// per frame, never per wall-clock second), a caller joining late, hold and resume.
#include "engine_internal/call_audio_encoder.h"
#include "engine_internal/call_sender.h"
#include "engine_internal/tier_encoder.h"
#include "rtp_peer.h"
#include "test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <set>

using namespace hntt::engine;
using namespace hntt::test;

namespace {

constexpr int kFps = 25;
constexpr int kRate = 48000;
constexpr int kBlock = kRate / kFps;

// Y'CbCr (BT.709, limited range) of an sRGB colour.
void yuvOf(int r, int g, int b, std::uint8_t& y, std::uint8_t& u, std::uint8_t& v) {
    const double yf = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    y = static_cast<std::uint8_t>(std::lround(16 + 219 * yf / 255));
    u = static_cast<std::uint8_t>(std::lround(128 + 224 * (b - yf) / 1.8556 / 255));
    v = static_cast<std::uint8_t>(std::lround(128 + 224 * (r - yf) / 1.5748 / 255));
}

// A program picture: left half one colour, right half another.
VideoFramePtr twoColourFrame(int w, int h, VideoFrame::Rgb left, VideoFrame::Rgb right) {
    auto f = VideoFrame::allocateYuv420(w, h);
    std::uint8_t yl, ul, vl, yr, ur, vr;
    yuvOf(left.r, left.g, left.b, yl, ul, vl);
    yuvOf(right.r, right.g, right.b, yr, ur, vr);
    for (int row = 0; row < h; ++row)
        for (int x = 0; x < w; ++x)
            f->data(0)[row * f->stride(0) + x] = x < w / 2 ? yl : yr;
    for (int row = 0; row < h / 2; ++row)
        for (int x = 0; x < w / 2; ++x) {
            f->data(1)[row * f->stride(1) + x] = x < w / 4 ? ul : ur;
            f->data(2)[row * f->stride(2) + x] = x < w / 4 ? vl : vr;
        }
    return f;
}

// One tick of a continuous 1 kHz sine at half scale.
std::vector<float> toneBlock(std::int64_t tick) {
    std::vector<float> b(kBlock);
    for (int i = 0; i < kBlock; ++i)
        b[static_cast<std::size_t>(i)] =
            0.5f *
            static_cast<float>(std::sin(2 * M_PI * 1000.0 * static_cast<double>(tick * kBlock + i) / kRate));
    return b;
}

struct Rtp {
    bool marker = false;
    int pt = 0;
    std::uint16_t seq = 0;
    std::uint32_t ts = 0;
    std::uint32_t ssrc = 0;
    std::vector<std::uint8_t> payload;
};

Rtp parse(std::span<const std::uint8_t> d) {
    Rtp r;
    if (d.size() < 12)
        return r;
    r.marker = d[1] & 0x80;
    r.pt = d[1] & 0x7f;
    r.seq = static_cast<std::uint16_t>((d[2] << 8) | d[3]);
    r.ts = (std::uint32_t{d[4]} << 24) | (std::uint32_t{d[5]} << 16) | (std::uint32_t{d[6]} << 8) | d[7];
    r.ssrc = (std::uint32_t{d[8]} << 24) | (std::uint32_t{d[9]} << 16) | (std::uint32_t{d[10]} << 8) | d[11];
    r.payload.assign(d.begin() + 12, d.end());
    return r;
}

// Every packet a sender gave its send function, by kind.
struct Capture {
    std::mutex mutex;
    std::vector<Rtp> video, audio;
    CallSender::SendFunction fn() {
        return [this](std::span<const std::uint8_t> p, bool isVideo) {
            std::lock_guard lock(mutex);
            (isVideo ? video : audio).push_back(parse(p));
        };
    }
    std::size_t count(bool isVideo) {
        std::lock_guard lock(mutex);
        return (isVideo ? video : audio).size();
    }
};

// Counts a tier's access units, and lets a test wait for the n-th without a clock.
struct AuCounter {
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<bool> idr;
    void add(const AccessUnitPtr& au) {
        {
            std::lock_guard lock(mutex);
            idr.push_back(au->idr);
        }
        cv.notify_all();
    }
    bool waitFor(std::size_t n) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::seconds(60), [&] { return idr.size() >= n; });
    }
    int idrs() {
        std::lock_guard lock(mutex);
        return static_cast<int>(std::count(idr.begin(), idr.end(), true));
    }
};

// A light tier for the suites that count and do not look: small and fast.
TierSettings lightTier() {
    TierSettings s = tierSettings(VideoTier::Sd360, kFps);
    s.width = 320;
    s.height = 180;
    s.bitrateKbps = 200;
    s.preset = "ultrafast";
    return s;
}

// Feeds `count` ticks from `first`, one at a time, each picture encoded before the next is given
// (so none is dropped however slow the machine).
void feedEncoded(TierEncoders& tiers, AuCounter& counter, const VideoFramePtr& frame, std::int64_t first,
                 int count, const std::function<void(std::int64_t)>& perTick = {}) {
    for (std::int64_t t = first; t < first + count; ++t) {
        if (perTick)
            perTick(t);
        tiers.submit(frame, t);
        QVERIFY(counter.waitFor(static_cast<std::size_t>(t + 1)));
    }
}

int nalType(const std::vector<std::uint8_t>& payload, int mode) {
    if (payload.empty())
        return -1;
    const int t = payload[0] & 0x1f;
    if (mode == 1 && t == 24 && payload.size() > 3)
        return payload[3] & 0x1f; // the first unit of a STAP-A
    if (mode == 1 && t == 28 && payload.size() > 1)
        return payload[1] & 0x1f;
    return t;
}

} // namespace

class TstCallSend : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { av_log_set_level(AV_LOG_ERROR); } // x264's summaries are not findings

    void ffmpegReceivesPictureAndTone_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("codec");
        QTest::addColumn<QString>("rtpmap");
        QTest::addColumn<int>("pt");
        QTest::newRow("mode 0, G.722") << 0 << int(CallAudioCodec::G722) << "G722/8000" << 9;
        QTest::newRow("mode 1, PCMA") << 1 << int(CallAudioCodec::Pcma) << "PCMA/8000" << 8;
        QTest::newRow("mode 1, Opus") << 1 << int(CallAudioCodec::Opus) << "opus/48000/2" << 111;
    }

    void ffmpegReceivesPictureAndTone() {
        QFETCH(int, mode);
        QFETCH(int, codec);
        QFETCH(QString, rtpmap);
        QFETCH(int, pt);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const quint16 audioPort = freeRtpPort();
        quint16 videoPort = freeRtpPort();
        while (videoPort == audioPort)
            videoPort = freeRtpPort();
        QVERIFY(audioPort && videoPort);
        const QString sdp =
            QStringLiteral("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=call\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                           "m=audio %1 RTP/AVP %2\r\na=rtpmap:%2 %3\r\n"
                           "m=video %4 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                           "a=fmtp:96 profile-level-id=42e01f;packetization-mode=%5\r\n")
                .arg(audioPort)
                .arg(pt)
                .arg(rtpmap)
                .arg(videoPort)
                .arg(mode);
        const QString videoOut = dir.filePath("video.rgb"), audioOut = dir.filePath("audio.f32");
        FfmpegRtpReceiver peer(dir.path(), sdp,
                               {"-map", "0:v:0", "-pix_fmt", "rgb24", "-f", "rawvideo", videoOut, "-map",
                                "0:a:0",
                                // The first channel as it is (Opus decodes to stereo; a downmix
                                // would scale the tone).
                                "-af", "pan=mono|c0=c0", "-ar", "48000", "-f", "f32le", audioOut});
        QVERIFY(peer.waitListening({audioPort, videoPort}));

        TierEncoders tiers(kFps);
        CallSender::Config config;
        CallAudioFormat af;
        af.codec = static_cast<CallAudioCodec>(codec);
        af.payloadType = pt;
        config.audio = af;
        CallVideoFormat vf;
        vf.packetizationMode = mode;
        vf.tier = VideoTier::Hd720;
        config.video = vf;
        UdpSender toAudio(audioPort), toVideo(videoPort);
        std::atomic<int> sendFailures{0};
        auto sender =
            std::make_unique<CallSender>(config, &tiers, [&](std::span<const std::uint8_t> p, bool video) {
                if (!(video ? toVideo : toAudio).send(p))
                    ++sendFailures;
            });
        QVERIFY(tiers.running(VideoTier::Hd720));

        // Three seconds of program at the clock's pace, as the clock thread feeds them.
        const auto frame = twoColourFrame(1920, 1080, {200, 30, 30}, {30, 30, 200});
        constexpr int kTicks = 75;
        auto next = std::chrono::steady_clock::now();
        for (std::int64_t t = 0; t < kTicks; ++t) {
            const auto block = toneBlock(t);
            sender->pushAudio(block, t);
            tiers.submit(frame, t);
            next += std::chrono::milliseconds(1000 / kFps);
            std::this_thread::sleep_until(next);
        }
        const std::uint32_t audioSsrc = sender->ssrc(false), videoSsrc = sender->ssrc(true);
        const auto tierStats = tiers.stats(VideoTier::Hd720);
        QVERIFY(tierStats.has_value());
        QVERIFY(sender->senderReport(true, std::chrono::system_clock::now()).has_value());
        QVERIFY(sender->senderReport(false, std::chrono::system_clock::now()).has_value());
        sender.reset();                            // everything queued has gone out
        QVERIFY(!tiers.running(VideoTier::Hd720)); // the last call gone, so is its encoder

        QVERIFY(waitUdpPortDrained(audioPort));
        QVERIFY(waitUdpPortDrained(videoPort));
        QVERIFY(UdpSender(static_cast<quint16>(audioPort + 1)).send(rtcpBye(audioSsrc)));
        QVERIFY(UdpSender(static_cast<quint16>(videoPort + 1)).send(rtcpBye(videoSsrc)));
        const int rc = peer.finish(30000);
        QVERIFY2(rc == 0, peer.errors().constData());
        QCOMPARE(sendFailures.load(), 0);

        // The picture: 1280x720, the two halves in their colours, in most of what was sent (a
        // loaded machine may drop a picture or two, never most of them).
        QFile v(videoOut);
        QVERIFY(v.open(QIODevice::ReadOnly));
        const QByteArray rgb = v.readAll();
        constexpr int kW = 1280, kH = 720, kFrameBytes = kW * kH * 3;
        QCOMPARE(rgb.size() % kFrameBytes, 0);
        const int frames = static_cast<int>(rgb.size() / kFrameBytes);
        QVERIFY2(frames >= kTicks / 2, qPrintable(QString::number(frames)));
        auto at = [&](int f, int x, int y, int c) {
            return static_cast<int>(static_cast<std::uint8_t>(rgb[f * kFrameBytes + (y * kW + x) * 3 + c]));
        };
        for (int f : {0, frames / 2, frames - 1}) {
            for (auto [x, y] : {std::pair{200, 200}, std::pair{440, 600}}) {
                QVERIFY(std::abs(at(f, x, y, 0) - 200) < 24);
                QVERIFY(std::abs(at(f, x, y, 2) - 30) < 24);
            }
            for (auto [x, y] : {std::pair{900, 200}, std::pair{1200, 650}}) {
                QVERIFY(std::abs(at(f, x, y, 0) - 30) < 24);
                QVERIFY(std::abs(at(f, x, y, 2) - 200) < 24);
            }
        }

        // The sound: the tone, loud and clean (no 3 kHz, nothing of another pitch).
        QFile a(audioOut);
        QVERIFY(a.open(QIODevice::ReadOnly));
        const QByteArray raw = a.readAll();
        std::vector<float> samples(static_cast<std::size_t>(raw.size()) / sizeof(float));
        std::memcpy(samples.data(), raw.constData(), samples.size() * sizeof(float));
        QVERIFY2(samples.size() >= kRate * 2, qPrintable(QString::number(samples.size())));
        // The middle of it: away from the start and end, where a codec ramps in and out.
        const std::size_t from = samples.size() / 4, len = samples.size() / 2;
        const double tone = meanToneAmplitude(samples.data() + from, len, 1000, kRate);
        const double other = meanToneAmplitude(samples.data() + from, len, 3000, kRate);
        QVERIFY2(tone > 0.3 && tone < 0.7, qPrintable(QString::number(tone)));
        QVERIFY2(other < 0.05, qPrintable(QString::number(other)));
    }

    void keyframeRequestsAreMergedToOneASecond() {
        TierEncoders tiers(kFps);
        tiers.setSettingsOverride(VideoTier::Sd360, lightTier());
        AuCounter counter;
        auto sub = tiers.subscribe(VideoTier::Sd360, [&](const AccessUnitPtr& au) { counter.add(au); });
        auto other = tiers.subscribe(VideoTier::Sd360, [](const AccessUnitPtr&) {});
        const auto frame = twoColourFrame(640, 360, {0, 200, 0}, {200, 200, 200});
        // Three seconds of program with a storm of requests, ten a tick from two calls, up to
        // the picture that starts the fourth second; then a second with none.
        feedEncoded(tiers, counter, frame, 0, 4 * kFps, [&](std::int64_t t) {
            for (int i = 0; i < 5 && t <= 3 * kFps; ++i) {
                sub->requestKeyframe();
                other->requestKeyframe();
            }
        });
        // One IDR a second of program: the first picture, then every 25th.
        QCOMPARE(counter.idrs(), 4);
        {
            std::lock_guard lock(counter.mutex);
            for (int i = 0; i < 4 * kFps; ++i)
                QCOMPARE(static_cast<bool>(counter.idr[static_cast<std::size_t>(i)]), i % kFps == 0);
        }
        // Nobody asks for four seconds: no IDR (the GOP is longer than that).
        feedEncoded(tiers, counter, frame, 4 * kFps, 4 * kFps);
        QCOMPARE(counter.idrs(), 4);
        // One request, long after the last IDR: answered by the very next picture.
        sub->requestKeyframe();
        feedEncoded(tiers, counter, frame, 8 * kFps, 1);
        QCOMPARE(counter.idrs(), 5);
        {
            std::lock_guard lock(counter.mutex);
            QVERIFY(counter.idr.back());
        }
        const auto st = tiers.stats(VideoTier::Sd360);
        QVERIFY(st.has_value());
        QCOMPARE(st->idrs, std::uint64_t{5});
        QCOMPARE(st->keyframesForced, std::uint64_t{5});
        QVERIFY(st->keyframeRequests >= std::uint64_t{760});
    }

    void newCallerStartsAtAnIdrWithItsParameterSets_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("mode 0") << 0;
        QTest::newRow("mode 1") << 1;
    }

    void newCallerStartsAtAnIdrWithItsParameterSets() {
        QFETCH(int, mode);
        TierEncoders tiers(kFps);
        tiers.setSettingsOverride(VideoTier::Sd360, lightTier());
        AuCounter counter;
        auto watcher = tiers.subscribe(VideoTier::Sd360, [&](const AccessUnitPtr& au) { counter.add(au); });
        const auto frame = twoColourFrame(640, 360, {0, 0, 200}, {200, 200, 0});
        feedEncoded(tiers, counter, frame, 0, 30); // past the first IDR and the one-second guard
        CallSender::Config config;
        CallVideoFormat vf;
        vf.tier = VideoTier::Sd360;
        vf.packetizationMode = mode;
        vf.payloadType = 109;
        config.video = vf;
        Capture capture;
        auto late = std::make_unique<CallSender>(config, &tiers, capture.fn());
        feedEncoded(tiers, counter, frame, 30, 10);
        late.reset();                // flushes its queue
        QCOMPARE(counter.idrs(), 2); // the joiner's request made one at once
        QVERIFY(!capture.video.empty());
        QCOMPARE(nalType(capture.video.front().payload, mode), 7); // SPS first
        QCOMPARE(capture.video.front().pt, 109);
        QVERIFY(capture.audio.empty()); // no audio negotiated: none sent
        // Packets numbered without a gap, one timestamp per picture at 90 kHz, the marker on
        // each picture's last packet.
        std::set<std::uint32_t> stamps;
        for (std::size_t i = 0; i < capture.video.size(); ++i) {
            const Rtp& r = capture.video[i];
            stamps.insert(r.ts);
            if (i > 0)
                QCOMPARE(static_cast<std::uint16_t>(r.seq - capture.video[i - 1].seq), std::uint16_t{1});
            const bool lastOfPicture = i + 1 == capture.video.size() || capture.video[i + 1].ts != r.ts;
            QCOMPARE(r.marker, lastOfPicture);
            if (i > 0 && r.ts != capture.video[i - 1].ts)
                QCOMPARE(r.ts - capture.video[i - 1].ts, std::uint32_t{90000 / kFps});
        }
        QCOMPARE(stamps.size(), std::size_t{10}); // every picture from the IDR on
    }

    void holdSendsNothingAndResumeWaitsForAnIdr() {
        TierEncoders tiers(kFps);
        tiers.setSettingsOverride(VideoTier::Sd360, lightTier());
        AuCounter counter;
        auto watcher = tiers.subscribe(VideoTier::Sd360, [&](const AccessUnitPtr& au) { counter.add(au); });
        CallSender::Config config;
        CallAudioFormat af; // PCMA, 20 ms
        config.audio = af;
        CallVideoFormat vf;
        vf.tier = VideoTier::Sd360;
        config.video = vf;
        Capture capture;
        CallSender sender(config, &tiers, capture.fn());
        const auto frame = twoColourFrame(640, 360, {100, 100, 100}, {50, 50, 50});
        auto tick = [&](std::int64_t t) { sender.pushAudio(toneBlock(t), t); };
        feedEncoded(tiers, counter, frame, 0, 30, tick);
        // Everything handed over has gone (two 20 ms packets a tick, but for the resampler's
        // delay), then hold.
        QTRY_VERIFY_WITH_TIMEOUT(sender.stats().accessUnitsSent == 30 && capture.count(false) >= 58, 20000);
        sender.setDirections(false, false);
        const std::size_t videoBefore = capture.count(true), audioBefore = capture.count(false);
        feedEncoded(tiers, counter, frame, 30, 30, tick);
        QCOMPARE(capture.count(true), videoBefore);
        QCOMPARE(capture.count(false), audioBefore);
        // Resume: the first picture sent is an IDR (asked for on resume), sound resumes with a
        // marker and on the clock's timeline.
        sender.setDirections(true, true);
        feedEncoded(tiers, counter, frame, 60, 30, tick);
        QTRY_VERIFY_WITH_TIMEOUT(capture.count(false) >= audioBefore + 2 * 30 - 2, 20000);
        std::lock_guard lock(capture.mutex);
        QVERIFY(capture.video.size() > videoBefore);
        QCOMPARE(nalType(capture.video[videoBefore].payload, 1), 7);
        const Rtp& firstBack = capture.audio[audioBefore];
        QVERIFY(firstBack.marker);
        // 30 ticks on hold at 320 timestamp units (8 kHz) a tick, plus the gap to the next packet.
        const Rtp& lastBefore = capture.audio[audioBefore - 1];
        QVERIFY(firstBack.ts - lastBefore.ts >= 30u * 320u);
        for (std::size_t i = 0; i < capture.audio.size(); ++i) {
            QCOMPARE(capture.audio[i].pt, 8);
            QCOMPARE(capture.audio[i].payload.size(), std::size_t{160}); // 20 ms of A-law
            if (i > 0 && i != audioBefore)
                QCOMPARE(capture.audio[i].ts - capture.audio[i - 1].ts, std::uint32_t{160});
        }
        // The sender report carries the counts and a timestamp near the last one sent.
        const auto sr = sender.senderReport(false, std::chrono::system_clock::now());
        QVERIFY(sr.has_value());
        QCOMPARE(sr->packetCount, static_cast<std::uint64_t>(capture.audio.size()));
        QCOMPARE(sr->octetCount, static_cast<std::uint64_t>(capture.audio.size() * 160));
        QCOMPARE(sr->ssrc, capture.audio.back().ssrc);
    }

    void aacLdIsRefusedAndSendsNoSound() {
        CallAudioFormat af;
        af.codec = CallAudioCodec::AacLd;
        QVERIFY(!CallAudioEncoder::canEncode(af.codec));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, CallAudioEncoder(af, kRate));
        CallSender::Config config;
        config.audio = af;
        Capture capture;
        CallSender sender(config, nullptr, capture.fn());
        for (int t = 0; t < 10; ++t)
            sender.pushAudio(toneBlock(t), t);
        QVERIFY(!sender.senderReport(false, std::chrono::system_clock::now()).has_value());
    }
};

QTEST_GUILESS_MAIN(TstCallSend)
#include "tst_call_send.moc"
