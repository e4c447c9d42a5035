// RTSP ingest against a real RTSP server on loopback (gst-rtsp-server, tests/tools): a site pulls
// H.264 + AAC, reaches Connected with the server's colour and tone in the program; the server is
// killed (Lost within 2 s) and started again on the same port (the site reconnects by itself).
// Once for each kind of server: offering both transports, only RTSP-interleaved TCP, and only UDP
// (the site finds the offered one by itself); a second site that pins the transport the server
// does not offer (?rtsp_transport=) never connects and says why.
#include "hntt/engine/engine.h"
#include "test_support.h"

#include <QTest>
#include <chrono>
#include <cmath>
#include <mutex>

using namespace hntt::engine;
using namespace hntt::test;

namespace {

constexpr int kW = 640, kH = 360;
const double kPresent = 0.05, kAbsent = 0.01;

bool near(VideoFrame::Rgb c, int r, int g, int b, int tol = 40) {
    return std::abs(c.r - r) <= tol && std::abs(c.g - g) <= tol && std::abs(c.b - b) <= tol;
}

QString describe(VideoFrame::Rgb c) {
    return QStringLiteral("(%1,%2,%3)").arg(c.r).arg(c.g).arg(c.b);
}

// The loopback RTSP server as a child process; killed (SIGKILL) when destroyed.
class RtspServer {
public:
    // only: "", "--udp-only" or "--tcp-only".
    RtspServer(const QString& only, quint16 port, const QString& rgb, int toneHz) {
        QStringList args{QString::number(port), rgb, QString::number(toneHz)};
        if (!only.isEmpty())
            args.prepend(only);
        hntt::test::ChildProcess::Options o;
        o.out = hntt::test::ChildProcess::Output::Capture;
        process_ = std::make_unique<hntt::test::ChildProcess>(QStringLiteral(HNTT_RTSP_TEST_SERVER), args, o);
    }
    ~RtspServer() { kill(); }
    RtspServer(const RtspServer&) = delete;
    RtspServer& operator=(const RtspServer&) = delete;

    // The port it listens on, once it says so; 0 when it failed.
    quint16 waitListening() {
        if (!process_->started() || !process_->waitForOutput("\n", 10000))
            return 0;
        const QByteArray line = process_->output().split('\n').value(0).trimmed();
        return line.startsWith("PORT ") ? static_cast<quint16>(line.mid(5).toUInt()) : 0;
    }
    void kill() { process_->kill(); }

private:
    std::unique_ptr<hntt::test::ChildProcess> process_;
};

} // namespace

class TestRtsp : public QObject {
    Q_OBJECT

    struct Seen {
        std::mutex mutex;
        bool capturing = false;
        std::vector<float> program;
        struct Change {
            SiteId site;
            SourceState state;
            std::chrono::steady_clock::time_point at;
        };
        std::vector<Change> states;
    };

    static std::optional<std::chrono::steady_clock::time_point>
    entered(Seen& seen, SiteId site, SourceState s,
            std::chrono::steady_clock::time_point since = std::chrono::steady_clock::time_point{}) {
        std::lock_guard lock(seen.mutex);
        for (const Seen::Change& c : seen.states)
            if (c.site == site && c.state == s && c.at >= since)
                return c.at;
        return std::nullopt;
    }

    static std::vector<float> capture(Seen& seen, int ms) {
        {
            std::lock_guard lock(seen.mutex);
            seen.program.clear();
            seen.capturing = true;
        }
        QTest::qWait(ms);
        std::lock_guard lock(seen.mutex);
        seen.capturing = false;
        return seen.program;
    }

    // The program shows the site's colour and carries its tone and not `otherHz`.
    static void checkProgram(Engine& engine, Seen& seen, int r, int g, int b, int toneHz, int otherHz) {
        auto centre = [&] {
            const VideoFramePtr f = engine.programFrame();
            return f ? f->meanRgb(kW / 2, kH / 2, 16, 16) : VideoFrame::Rgb{-1, -1, -1};
        };
        QTRY_VERIFY2_WITH_TIMEOUT(near(centre(), r, g, b), qPrintable(describe(centre())), 5000);
        double own = 0, other = 0;
        for (int attempt = 0; attempt < 10 && own <= kPresent; ++attempt) {
            const std::vector<float> s = capture(seen, 500);
            own = meanToneAmplitude(s, toneHz);
            other = meanToneAmplitude(s, otherHz);
        }
        QVERIFY2(own > kPresent, qPrintable(QString::number(own)));
        QVERIFY2(other < kAbsent, qPrintable(QString::number(other)));
    }

private slots:
    void ingestLoseAndReconnect_data() {
        QTest::addColumn<QString>("only");    // the server's option
        QTest::addColumn<QString>("refused"); // the transport it does not offer; empty: none
        QTest::newRow("tcp and udp") << QString() << QString();
        QTest::newRow("tcp only") << QStringLiteral("--tcp-only") << QStringLiteral("udp");
        QTest::newRow("udp only") << QStringLiteral("--udp-only") << QStringLiteral("tcp");
    }

    void ingestLoseAndReconnect() {
        QFETCH(QString, only);
        QFETCH(QString, refused);
        auto server = std::make_unique<RtspServer>(only, 0, QStringLiteral("ff0000"), 440);
        const quint16 port = server->waitListening();
        QVERIFY2(port != 0, "the RTSP test server did not start");

        auto seen = std::make_shared<Seen>();
        EngineEvents ev;
        ev.siteStatus = [seen](SiteId site, SourceState s, const std::string&) {
            std::lock_guard lock(seen->mutex);
            seen->states.push_back({site, s, std::chrono::steady_clock::now()});
        };
        ev.audioBlock = [seen](std::span<const float> program,
                               const std::map<SiteId, std::span<const float>>&) {
            std::lock_guard lock(seen->mutex);
            if (seen->capturing)
                seen->program.insert(seen->program.end(), program.begin(), program.end());
        };
        EngineConfig c;
        c.width = kW;
        c.height = kH;
        c.multiview = false;
        c.jitterBudget = std::chrono::milliseconds(200); // RTP arrives in small bursts
        Engine engine(c, ev);
        const QString url = QStringLiteral("rtsp://127.0.0.1:%1/site").arg(port);
        QVERIFY(engine.addSite(1, {"Trạm RTSP", url.toStdString(), ""}));
        if (!refused.isEmpty()) {
            const QString pinned = url + QStringLiteral("?rtsp_transport=") + refused;
            QVERIFY(engine.addSite(2, {"Trạm RTSP ghim", pinned.toStdString(), ""}));
        }
        QVERIFY(engine.setProgram({"single", {1}}));
        engine.start();

        // Connected at the first attempt: a transport the server refuses costs no reconnect.
        QTRY_VERIFY2_WITH_TIMEOUT(engine.siteStats(1)->state == SourceState::Connected,
                                  engine.siteStats(1)->lastError.c_str(), 15000);
        checkProgram(engine, *seen, 255, 0, 0, 440, 880);
        const SourceStats connected = *engine.siteStats(1);
        QCOMPARE(connected.width, 320);
        QCOMPARE(connected.height, 180);
        QCOMPARE(connected.reconnects, 0u);
        if (!refused.isEmpty()) {
            QTRY_VERIFY_WITH_TIMEOUT(entered(*seen, 2, SourceState::Lost).has_value(), 10000);
            const std::string why = engine.siteStats(2)->lastError;
            QVERIFY2(why.find("does not offer the transport " + refused.toStdString()) != std::string::npos,
                     why.c_str());
        }

        // The server dies: Lost within 2 s, with a reason.
        const auto killedAt = std::chrono::steady_clock::now();
        server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(entered(*seen, 1, SourceState::Lost, killedAt).has_value(), 5000);
        const auto lostMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                *entered(*seen, 1, SourceState::Lost, killedAt) - killedAt)
                                .count();
        QVERIFY2(lostMs <= 2000, qPrintable(QString::number(lostMs)));
        QVERIFY(!engine.siteStats(1)->lastError.empty());

        // Back on the same port with another colour and tone: the site reconnects by itself.
        QTest::qWait(500);
        server = std::make_unique<RtspServer>(only, port, QStringLiteral("0000ff"), 880);
        QCOMPARE(server->waitListening(), port);
        QTRY_VERIFY2_WITH_TIMEOUT(engine.siteStats(1)->state == SourceState::Connected,
                                  engine.siteStats(1)->lastError.c_str(), 20000);
        QVERIFY(engine.siteStats(1)->reconnects >= 1);
        checkProgram(engine, *seen, 0, 0, 255, 880, 440);
        if (!refused.isEmpty())
            QVERIFY(!entered(*seen, 2, SourceState::Connected).has_value());
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestRtsp)
#include "tst_rtsp.moc"
