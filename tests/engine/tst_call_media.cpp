// A site in a call: ffmpeg sends H.264 and G.722 over RTP to the ports the engine reserved, and
// the site's picture and sound reach the program; garbage on the ports is counted without
// stalling the clock; a call that goes silent raises callMediaTimeout; what the call sends is
// described by RTCP sender reports; endCall frees the ports and leaves no thread behind.
#include "hntt/engine/engine.h"
#include "rtp_peer.h"
#include "test_support.h"

#include <QDateTime>
#include <QDir>
#include <QTest>
#include <arpa/inet.h>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace hntt::engine;

namespace {

constexpr int kW = 640, kH = 360;

int threadCount() {
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

bool near(VideoFrame::Rgb c, int r, int g, int b, int tol = 40) {
    return std::abs(c.r - r) <= tol && std::abs(c.g - g) <= tol && std::abs(c.b - b) <= tol;
}

// A raw UDP socket on loopback: garbage senders, and a check that a port is free again.
struct Udp {
    int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    ~Udp() { ::close(fd); }
    static sockaddr_in at(quint16 port) {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(port);
        return a;
    }
    bool bind(quint16 port) {
        sockaddr_in a = at(port);
        a.sin_addr.s_addr = htonl(INADDR_ANY);
        return ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    }
    void send(quint16 port, const std::vector<std::uint8_t>& d) {
        const sockaddr_in a = at(port);
        ::sendto(fd, d.data(), d.size(), 0, reinterpret_cast<const sockaddr*>(&a), sizeof a);
    }
    // Every datagram waiting now.
    std::vector<std::vector<std::uint8_t>> drain() {
        std::vector<std::vector<std::uint8_t>> out;
        std::vector<std::uint8_t> buf(65536);
        for (;;) {
            const ssize_t n = ::recv(fd, buf.data(), buf.size(), MSG_DONTWAIT);
            if (n < 0)
                return out;
            out.emplace_back(buf.begin(), buf.begin() + n);
        }
    }
};

std::uint32_t be32(const std::vector<std::uint8_t>& d, std::size_t at) {
    return (std::uint32_t(d[at]) << 24) | (std::uint32_t(d[at + 1]) << 16) | (std::uint32_t(d[at + 2]) << 8) |
           d[at + 3];
}

QStringList videoSender(quint16 port) {
    return {QStringLiteral("-re"),
            QStringLiteral("-f"),
            QStringLiteral("lavfi"),
            QStringLiteral("-i"),
            QStringLiteral("color=c=red:s=640x360:r=25"),
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
            QStringLiteral("yuv420p"),
            QStringLiteral("-f"),
            QStringLiteral("rtp"),
            QStringLiteral("rtp://127.0.0.1:%1").arg(port)};
}

QStringList audioSender(quint16 port, const QString& codec, int rate) {
    return {QStringLiteral("-re"),
            QStringLiteral("-f"),
            QStringLiteral("lavfi"),
            QStringLiteral("-i"),
            QStringLiteral("sine=frequency=1000:sample_rate=%1").arg(rate),
            QStringLiteral("-c:a"),
            codec,
            QStringLiteral("-ar"),
            QString::number(rate),
            QStringLiteral("-ac"),
            QStringLiteral("1"),
            QStringLiteral("-f"),
            QStringLiteral("rtp"),
            QStringLiteral("rtp://127.0.0.1:%1").arg(port)};
}

CallMediaSpec spec(CallAudioCodec codec, int pt, int clockRate) {
    CallMediaSpec s;
    s.remoteAddress = "127.0.0.1";
    // Where ffmpeg sends from is not known beforehand: symmetric RTP latches it.
    s.remoteAudioPort = 9;
    s.remoteVideoPort = 9;
    s.audio = CallAudioFormat{};
    s.audio->codec = codec;
    s.audio->payloadType = pt;
    s.audio->clockRate = clockRate;
    s.video = CallVideoFormat{};
    s.video->payloadType = 96;
    return s;
}

} // namespace

class TestCallMedia : public QObject {
    Q_OBJECT

    std::unique_ptr<Engine> engine_;
    std::mutex mutex_;
    bool capturing_ = false;
    std::vector<float> program_;
    std::atomic<int> timeouts_{0};

    void makeEngine() {
        EngineConfig c;
        c.width = kW;
        c.height = kH;
        c.multiviewWidth = kW;
        c.multiviewHeight = kH;
        c.jitterBudget = std::chrono::milliseconds(250);
        c.rtpPortMin = 31000;
        c.rtpPortMax = 31099;
        c.callMediaTimeout = std::chrono::milliseconds(1500);
        EngineEvents ev;
        ev.audioBlock = [this](std::span<const float> program,
                               const std::map<SiteId, std::span<const float>>&) {
            std::lock_guard lock(mutex_);
            if (capturing_)
                program_.insert(program_.end(), program.begin(), program.end());
        };
        ev.callMediaTimeout = [this](SiteId) { ++timeouts_; };
        engine_ = std::make_unique<Engine>(c, ev);
        QVERIFY(engine_->addSite(1, SiteConfig{"Call site", "", ""}));
        QVERIFY(engine_->setProgram(Composition{"single", {SiteId{1}}}));
        engine_->start();
    }

    double programTone(int ms) {
        {
            std::lock_guard lock(mutex_);
            program_.clear();
            capturing_ = true;
        }
        QTest::qWait(ms);
        std::lock_guard lock(mutex_);
        capturing_ = false;
        return hntt::test::meanToneAmplitude(program_, 1000);
    }

private slots:
    void init() {
        timeouts_ = 0;
        makeEngine();
    }
    void cleanup() { engine_.reset(); }

    void pictureAndToneReachTheMix_data() {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<int>("codecId");
        QTest::addColumn<int>("pt");
        QTest::addColumn<int>("rate");
        QTest::newRow("g722") << QStringLiteral("g722") << int(CallAudioCodec::G722) << 9 << 16000;
        QTest::newRow("pcma") << QStringLiteral("pcm_alaw") << int(CallAudioCodec::Pcma) << 8 << 8000;
        QTest::newRow("pcmu") << QStringLiteral("pcm_mulaw") << int(CallAudioCodec::Pcmu) << 0 << 8000;
        // ffmpeg's RTP muxer numbers a dynamic audio format 97.
        QTest::newRow("opus") << QStringLiteral("libopus") << int(CallAudioCodec::Opus) << 97 << 48000;
    }
    void pictureAndToneReachTheMix() {
        QFETCH(QString, codec);
        QFETCH(int, codecId);
        QFETCH(int, pt);
        QFETCH(int, rate);
        const auto ports = engine_->reserveCallPorts(1);
        QVERIFY(ports);
        QVERIFY(ports->audio % 2 == 0 && ports->video % 2 == 0 && ports->audio != ports->video);
        CallMediaSpec s = spec(static_cast<CallAudioCodec>(codecId), pt, rate == 16000 ? 8000 : rate);
        if (s.audio->codec == CallAudioCodec::Opus)
            s.audio->channels = 2; // opus/48000/2, as RFC 7587 writes it whatever is sent
        EngineError error;
        QVERIFY2(engine_->startCall(1, s, &error), error.message.c_str());
        hntt::test::FfmpegProcess video(videoSender(ports->video));
        hntt::test::FfmpegProcess audio(audioSender(ports->audio, codec, rate));
        QVERIFY(video.waitStarted() && audio.waitStarted());

        QTRY_VERIFY_WITH_TIMEOUT(engine_->programFrame() &&
                                     near(engine_->programFrame()->meanRgb(kW / 2, kH / 2, 8, 8), 255, 0, 0),
                                 15000);
        bool tone = false;
        for (int i = 0; i < 20 && !tone; ++i)
            tone = programTone(300) > 0.05;
        QVERIFY(tone);
        // Each picture waits for its sound (the 250 ms jitter budget): the far end's sender reports
        // put its audio and video on one clock. Unmatched, a picture would wait a tick at most.
        // Sender reports come every 5 s; G.711 rows have at times taken 30 to 60 s to show the wait
        // (not yet understood), hence the long bound.
        QTRY_VERIFY_WITH_TIMEOUT(engine_->siteStats(1)->videoDelayMs > 120, 90000);
        const auto st = engine_->callStats(1);
        QVERIFY(st);
        QVERIFY(st->active);
        QVERIFY2(st->packetsReceived > 10, qPrintable(QStringLiteral("%1 %2 %3")
                                                          .arg(st->packetsReceived)
                                                          .arg(st->garbagePackets)
                                                          .arg(st->secondsSinceMedia)));
        QCOMPARE(st->width, 640);
        QCOMPARE(st->height, 360);
        QVERIFY(st->keyframesRequested >= 1); // a call starts by asking
        QCOMPARE(st->videoCodec, std::string("H264"));

        // On hold the site shows its slate, not the frozen red picture.
        CallMediaSpec hold = s;
        hold.videoReceive = hold.audioReceive = false;
        QVERIFY(engine_->updateCall(1, hold));
        QTRY_VERIFY_WITH_TIMEOUT(!near(engine_->programFrame()->meanRgb(kW / 2, kH / 2, 8, 8), 255, 0, 0),
                                 5000);
        // and resumes.
        QVERIFY(engine_->updateCall(1, s));
        QTRY_VERIFY_WITH_TIMEOUT(near(engine_->programFrame()->meanRgb(kW / 2, kH / 2, 8, 8), 255, 0, 0),
                                 15000);
        QCOMPARE(timeouts_.load(), 0);
        engine_->endCall(1);
        QVERIFY(!engine_->callStats(1));
    }

    void garbageCountedAndSilenceTimesOut() {
        const auto ports = engine_->reserveCallPorts(1);
        QVERIFY(ports);
        QVERIFY(engine_->startCall(1, spec(CallAudioCodec::Pcma, 8, 8000)));
        const auto before = engine_->clockStats();
        Udp flood;
        std::vector<std::uint8_t> junk(1200);
        for (int i = 0; i < 5000; ++i) {
            for (std::size_t j = 0; j < junk.size(); ++j)
                junk[j] = static_cast<std::uint8_t>(i * 31 + j * 7);
            junk[0] = static_cast<std::uint8_t>(i % 3 == 0 ? 0x80 : junk[0]); // some look like RTP
            junk[1] = 55;                                                     // a PT nobody negotiated
            for (quint16 p :
                 {ports->audio, quint16(ports->audio + 1), ports->video, quint16(ports->video + 1)})
                flood.send(p, junk);
        }
        QTRY_VERIFY_WITH_TIMEOUT(engine_->callStats(1)->garbagePackets > 1000, 5000);
        QCOMPARE(engine_->callStats(1)->packetsReceived, 0u);
        const auto after = engine_->clockStats();
        QVERIFY(after.ticks > before.ticks);
        QVERIFY2(after.skippedTicks - before.skippedTicks < 25,
                 qPrintable(QString::number(after.skippedTicks - before.skippedTicks)));
        // No RTP at all: the timeout is raised (once).
        QTRY_VERIFY_WITH_TIMEOUT(timeouts_.load() == 1, 10000);
        QTest::qWait(500);
        QCOMPARE(timeouts_.load(), 1);
    }

    void holdDoesNotTimeOut() {
        QVERIFY(engine_->reserveCallPorts(1));
        CallMediaSpec s = spec(CallAudioCodec::Pcma, 8, 8000);
        s.audioReceive = s.videoReceive = false;
        QVERIFY(engine_->startCall(1, s));
        QTest::qWait(2500); // longer than the 1.5 s timeout
        QCOMPARE(timeouts_.load(), 0);
        s.audioReceive = true;
        QVERIFY(engine_->updateCall(1, s));
        QTRY_VERIFY_WITH_TIMEOUT(timeouts_.load() == 1, 10000);
    }

    // What the call sends back is reported by RTCP SRs on each stream's RTCP port: the SSRC of
    // the RTP it describes, a packet count no larger than what arrived, a wall clock of now.
    void senderReportsForWhatTheCallSends() {
        Udp audioRtp, audioRtcp, videoRtp, videoRtcp;
        const quint16 audioPort = hntt::test::freeRtpPort();
        QVERIFY(audioRtp.bind(audioPort) && audioRtcp.bind(quint16(audioPort + 1)));
        quint16 videoPort = hntt::test::freeRtpPort();
        for (int i = 0; i < 20 && (videoPort == audioPort || !videoRtp.bind(videoPort)); ++i)
            videoPort = hntt::test::freeRtpPort();
        QVERIFY(videoRtcp.bind(quint16(videoPort + 1)));
        QVERIFY(engine_->reserveCallPorts(1));
        CallMediaSpec s = spec(CallAudioCodec::Pcma, 8, 8000);
        s.remoteAudioPort = audioPort;
        s.remoteVideoPort = videoPort;
        QVERIFY(engine_->startCall(1, s));

        struct Seen {
            std::uint64_t rtp = 0;
            std::uint32_t rtpSsrc = 0;
            int srs = 0;
            QString problem;
        };
        Seen audio, video;
        auto take = [](Udp& rtp, Udp& rtcp, Seen& seen) {
            // The reports first: the packets they count were sent before them, and are read here.
            const auto reports = rtcp.drain();
            for (const auto& p : rtp.drain())
                if (p.size() >= 12) {
                    ++seen.rtp;
                    seen.rtpSsrc = be32(p, 8);
                }
            for (const auto& p : reports) {
                if (p.size() < 28 || p[1] != 200)
                    continue; // a receiver report, before anything was sent
                ++seen.srs;
                const std::uint32_t ssrc = be32(p, 4);
                const std::uint32_t count = be32(p, 20);
                const double ntpSeconds = be32(p, 8) - 2208988800.0; // 1900 → 1970
                const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
                if (ssrc != seen.rtpSsrc)
                    seen.problem = QStringLiteral("SR of SSRC %1, RTP of %2").arg(ssrc).arg(seen.rtpSsrc);
                else if (count == 0 || count > seen.rtp + seen.rtp / 10 + 5) // a few in flight
                    seen.problem =
                        QStringLiteral("SR counts %1 packets, %2 arrived").arg(count).arg(seen.rtp);
                else if (std::abs(ntpSeconds - now) > 5)
                    seen.problem = QStringLiteral("SR's wall clock is %1 s off").arg(ntpSeconds - now);
            }
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                take(audioRtp, audioRtcp, audio);
                take(videoRtp, videoRtcp, video);
                return audio.srs >= 2 && video.srs >= 2;
            }(),
            15000);
        QVERIFY2(audio.problem.isEmpty(), qPrintable(audio.problem));
        QVERIFY2(video.problem.isEmpty(), qPrintable(video.problem));
        QVERIFY(audio.rtp > 0 && video.rtp > 0);
        engine_->endCall(1);
    }

    void endCallFreesPortsAndThreads() {
        // A first call starts the RTP thread, which stays for the engine's life.
        QVERIFY(engine_->reserveCallPorts(1));
        QVERIFY(engine_->startCall(1, spec(CallAudioCodec::Pcma, 8, 8000)));
        engine_->endCall(1);
        const int threads = threadCount();
        const auto ports = engine_->reserveCallPorts(1);
        QVERIFY(ports);
        QVERIFY(engine_->startCall(1, spec(CallAudioCodec::G722, 9, 8000)));
        QVERIFY(threadCount() > threads); // the call's source thread
        QVERIFY(engine_->callStats(1));
        engine_->endCall(1);
        QCOMPARE(threadCount(), threads);
        for (quint16 p : {ports->audio, quint16(ports->audio + 1), ports->video, quint16(ports->video + 1)}) {
            Udp u;
            QVERIFY2(u.bind(p), qPrintable(QString::number(p)));
        }
        // A reservation no call used is given back too.
        const auto unused = engine_->reserveCallPorts(1);
        QVERIFY(unused);
        engine_->releaseCallPorts(1);
        Udp u;
        QVERIFY(u.bind(unused->audio));
        QVERIFY(!engine_->startCall(2, spec(CallAudioCodec::Pcma, 8, 8000))); // no such site
    }
};

QTEST_GUILESS_MAIN(TestCallMedia)
#include "tst_call_media.moc"
