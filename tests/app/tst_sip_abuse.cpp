// The SIP path against callers that misbehave, with SIPp (and baresip) as the callers and a real
// session on the console side: a room system's full call over TCP, offers the console cannot take
// (no common codec, a body that is not SDP), a caller that never ACKs, CANCEL while ringing, BYE
// straight after the 200, a caller that vanishes, a burst of strangers, and garbage and floods on
// a live call's media ports. Each checks what the operator sees (the site's call, the event log,
// alarms), that nothing leaks (ports, sockets, threads) and that the program clock kept going.
#include "baresip_peer.h"
#include "core/session/session.h"
#include "session_fixture.h"
#include "test_support.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>
#include <memory>

using namespace hntt;
using namespace hntt::core;

namespace {

const QString kScenarios = QStringLiteral(HNTT_SOURCE_DIR "/tests/sip/scenarios/");
const QString kRoomUri = QStringLiteral("sip:phonghop@127.0.0.1");

quint16 freeSipPort() {
    // Free for UDP and TCP alike.
    for (int i = 0; i < 50; ++i) {
        const quint16 p = test::freeUdpPort();
        QTcpServer server;
        if (server.listen(QHostAddress::LocalHost, p))
            return p;
    }
    return 0;
}

std::unique_ptr<Session> sipSession(const QString& dir) {
    SessionOptions options = test::smallSession(dir);
    options.sipEnabled = true;
    options.sipHost = QStringLiteral("127.0.0.1");
    options.sipPort = freeSipPort();
    return std::make_unique<Session>(options);
}

qint64 addSipSite(Session& session, const QString& name, const QString& sipUri) {
    SiteRecord s;
    s.name = name;
    s.level = SiteLevel::District;
    s.sipUri = sipUri;
    auto created = session.createSite(s, QStringLiteral("ui"));
    return created ? created->id : 0;
}

std::optional<CallView> callOf(Session& session, qint64 id) {
    auto site = session.site(id);
    return site ? site->call : std::nullopt;
}

bool callIs(Session& session, qint64 id, CallView::State state) {
    const auto call = callOf(session, id);
    return call && call->state == state;
}

struct Sipp {
    int rc = -1;
    QByteArray output;
};

// SIPp against the console: one call (or `extra`'s -m/-r) of `scenario`. While it runs the main
// thread serves the session's events, unless `blockConsole`: then the console's own thread is
// held (the SIP thread still answers), which keeps a call ringing for as long as SIPp runs.
Sipp runSipp(const Session& session, const QString& scenario, const QString& transport,
             const QStringList& extra = {}, bool blockConsole = false) {
    QStringList args{"-sf",
                     kScenarios + scenario,
                     QStringLiteral("127.0.0.1:%1").arg(session.options().sipPort),
                     "-i",
                     "127.0.0.1",
                     "-p",
                     QString::number(test::freeUdpPort()),
                     "-t",
                     transport,
                     "-timeout",
                     "60s",
                     "-timeout_error",
                     "-nostdin",
                     "-key",
                     "caller_user",
                     "phonghop",
                     "-key",
                     "caller_host",
                     "127.0.0.1",
                     "-s",
                     "hntt",
                     "-mp",
                     QString::number(test::freeUdpPort())};
    if (!extra.contains(QStringLiteral("-m")))
        args << "-m"
             << "1";
    args << extra;
    Sipp out;
    test::ChildProcess::Options o;
    o.out = test::ChildProcess::Output::Capture;
    o.mergeErrIntoOut = true;
    test::ChildProcess p(QStringLiteral("sipp"), args, o);
    if (!p.started())
        return out;
    if (blockConsole) {
        p.waitFinished(90000);
    } else {
        QDeadlineTimer deadline(90000);
        while (p.running() && !deadline.hasExpired())
            QTest::qWait(20);
    }
    p.kill(); // if still running
    out.output = p.output();
    out.rc = p.exitCode();
    if (out.rc != 0)
        qWarning("SIPp %s: %s", qPrintable(scenario), out.output.left(3000).constData());
    return out;
}

// The event log's rows of `action`, newest first.
QList<EventRecord> logged(Session& session, const QString& action) {
    QList<EventRecord> rows;
    const auto all = session.eventLog().query(EventQuery{std::nullopt, {}, {}, 0, {}, {}, {}, false});
    if (!all)
        return rows;
    for (const EventRecord& e : *all)
        if (e.action == action)
            rows.append(e);
    return rows;
}

int alarmsOf(Session& session, const QString& kind) {
    const auto alarms = session.alarms();
    return static_cast<int>(
        std::count_if(alarms.begin(), alarms.end(), [&](const AlarmView& a) { return a.kind == kind; }));
}

int entriesIn(const char* dir) {
    return static_cast<int>(QDir(QString::fromLatin1(dir))
                                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
                                .size());
}
int openFds() {
    return entriesIn("/proc/self/fd");
}
int threads() {
    return entriesIn("/proc/self/task");
}

// The program clock across a stretch of the test: it ticked, and late or skipped ticks stayed a
// small part of them (a stall of the clock behind a lock or a flood shows as a run of skips).
class ClockWatch {
public:
    explicit ClockWatch(Session& session)
        : session_(session)
        , before_(session.engine().clockStats()) {}
    QString problem() const {
        const engine::ClockStats after = session_.engine().clockStats();
        const auto ticks = after.ticks - before_.ticks;
        const auto skipped = after.skippedTicks - before_.skippedTicks;
        const auto late = after.lateTicks - before_.lateTicks;
        qInfo("clock: %llu ticks, %llu late, %llu skipped", static_cast<unsigned long long>(ticks),
              static_cast<unsigned long long>(late), static_cast<unsigned long long>(skipped));
        if (ticks < 10)
            return QStringLiteral("the clock did not tick (%1 ticks)").arg(ticks);
#if defined(__SANITIZE_THREAD__)
        // ThreadSanitizer slows the clock's own work (compose, encode) many times over: it runs
        // behind even when nothing else happens. A stall (the clock held by the SIP or RTP path)
        // still shows: it would leave a handful of ticks among hundreds of deadlines.
        const bool stalled = skipped > 10 * ticks;
#else
        const bool stalled = skipped * 5 > ticks || late * 3 > ticks;
#endif
        if (stalled)
            return QStringLiteral("the clock stalled: %1 ticks, %2 late, %3 skipped")
                .arg(ticks)
                .arg(late)
                .arg(skipped);
        return {};
    }

private:
    Session& session_;
    engine::ClockStats before_;
};

// No call media left for the site: the engine has no call, and its ports can be had again.
bool mediaFreed(Session& session, qint64 id) {
    if (session.engine().callStats(id))
        return false;
    engine::EngineError error;
    const auto ports = session.engine().reserveCallPorts(id, &error);
    if (!ports)
        return false;
    session.engine().releaseCallPorts(id);
    return true;
}

} // namespace

class TestSipAbuse : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sipp")).isEmpty(),
                 "sipp is in scripts/debian-packages.txt");
    }

    // A room system's call as Poly/Cisco place it, over TCP: the answer takes mode 1 and G.722
    // (the scenario fails the call otherwise), INFO, hold (answered recvonly: the site shows on
    // hold), resume, BYE.
    void roomSystemCallOverTcp() {
        // Before the session: what its signal writes to outlives it.
        bool sawHold = false, sawConnected = false;
        QTemporaryDir dir;
        auto session = sipSession(dir.path());
        QVERIFY(session->open());
        QVERIFY2(session->sipListening(), qPrintable(session->sipProblem()));
        const qint64 site = addSipSite(*session, QStringLiteral("Phòng họp"), kRoomUri);
        QVERIFY(site);
        connect(session.get(), &Session::changed, this,
                [&sawHold, &sawConnected, site](const SessionEvent& e) {
                    if (const auto* c = e.as<events::CallState>(); c && c->siteId == site && c->call) {
                        sawHold = sawHold || c->call->onHold;
                        sawConnected = sawConnected || c->call->state == CallView::State::Connected;
                    }
                });
        const ClockWatch clock(*session);

        const Sipp run = runSipp(*session, QStringLiteral("room_system_call.xml"), QStringLiteral("t1"));
        QCOMPARE(run.rc, 0);

        QTRY_VERIFY_WITH_TIMEOUT(callIs(*session, site, CallView::State::Ended), 10000);
        const CallView call = *callOf(*session, site);
        QVERIFY(call.direction == CallView::Direction::In);
        QCOMPARE(call.reason, QStringLiteral("The far end hung up"));
        QVERIFY(!call.onHold);
        QVERIFY(sawConnected);
        QVERIFY2(sawHold, "the site never showed on hold");
        QCOMPARE(logged(*session, "call.connected").size(), 1);
        const auto connected = logged(*session, "call.connected").first();
        QCOMPARE(connected.subject, QString::number(site));
        QVERIFY2(connected.detail.value("detail").toString().contains("G722"),
                 qPrintable(connected.detail.value("detail").toString()));
        QCOMPARE(logged(*session, "call.hold").size(), 1);
        QCOMPARE(logged(*session, "call.resume").size(), 1);
        QCOMPARE(logged(*session, "call.ended").size(), 1);
        // The key sent by INFO (application/dtmf-relay) is in the log.
        QCOMPARE(logged(*session, "call.dtmf").size(), 1);
        QCOMPARE(logged(*session, "call.dtmf").first().detail.value("detail").toString(),
                 QStringLiteral("7"));
        QTRY_VERIFY_WITH_TIMEOUT(mediaFreed(*session, site), 5000);
        QCOMPARE(alarmsOf(*session, "call.refused"), 0);
        const QString problem = clock.problem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // VP8 and speex only, from a directory site: 488, logged, raised.
    void anOfferWithNoCommonCodecIsRefused() {
        QTemporaryDir dir;
        auto session = sipSession(dir.path());
        QVERIFY(session->open());
        const qint64 site = addSipSite(*session, QStringLiteral("Phòng họp"), kRoomUri);
        const Sipp run = runSipp(*session, QStringLiteral("refused_call.xml"), QStringLiteral("u1"),
                                 {"-key", "audio_pt", "97", "-key", "audio_codec", "speex/16000"});
        QCOMPARE(run.rc, 0);
        QTRY_COMPARE_WITH_TIMEOUT(logged(*session, "call.refused").size(), 1, 5000);
        const EventRecord row = logged(*session, "call.refused").first();
        QCOMPARE(row.detail.value("status").toInt(), 488);
        QVERIFY2(row.reason.contains(QStringLiteral("nothing the console speaks")), qPrintable(row.reason));
        QTRY_COMPARE_WITH_TIMEOUT(alarmsOf(*session, "call.refused"), 1, 5000);
        QVERIFY(!callIs(*session, site, CallView::State::Connected));
        QVERIFY(mediaFreed(*session, site));
    }

    // A body that claims to be SDP and is not: 488, no call, the console goes on.
    void aBodyThatIsNotSdpIsRefused() {
        QTemporaryDir dir;
        auto session = sipSession(dir.path());
        QVERIFY(session->open());
        const qint64 site = addSipSite(*session, QStringLiteral("Phòng họp"), kRoomUri);
        QCOMPARE(runSipp(*session, QStringLiteral("garbage_sdp.xml"), QStringLiteral("u1")).rc, 0);
        QTRY_COMPARE_WITH_TIMEOUT(logged(*session, "call.refused").size(), 1, 5000);
        const EventRecord row = logged(*session, "call.refused").first();
        QCOMPARE(row.detail.value("status").toInt(), 488);
        QVERIFY2(row.reason.contains(QStringLiteral("not valid SDP")), qPrintable(row.reason));
        QVERIFY(!callOf(*session, site));
        QVERIFY(mediaFreed(*session, site));
        QCOMPARE(runSipp(*session, QStringLiteral("options.xml"), QStringLiteral("u1")).rc, 0);
    }

    // BYE the moment the 200 arrives (before the ACK); then a caller that never ACKs at all: each
    // call ends on the console's side by itself, and leaves no socket, port or thread behind.
    void callersThatHangUpAtOnceOrNeverAckLeaveNothingBehind() {
        QTemporaryDir dir;
        auto session = sipSession(dir.path());
        QVERIFY(session->open());
        const qint64 site = addSipSite(*session, QStringLiteral("Phòng họp"), kRoomUri);
        const ClockWatch clock(*session);

        QCOMPARE(runSipp(*session, QStringLiteral("bye_racing_200.xml"), QStringLiteral("u1")).rc, 0);
        QTRY_VERIFY_WITH_TIMEOUT(callIs(*session, site, CallView::State::Ended), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(mediaFreed(*session, site), 5000);
        QCOMPARE(logged(*session, "call.ended").size(), 1);

        // What a call leaves for good (the RTP thread, the tier's encoder) exists by now.
        QTest::qWait(500);
        const int fdsBefore = openFds();
        const int threadsBefore = threads();

        QCOMPARE(runSipp(*session, QStringLiteral("no_ack.xml"), QStringLiteral("u1")).rc, 0);
        QVERIFY(!callIs(*session, site, CallView::State::Connected));
        // The stack gives up on the ACK after 64*T1 (32 s) and hangs up.
        QTRY_COMPARE_WITH_TIMEOUT(logged(*session, "call.ended").size(), 2, 60000);
        QVERIFY(callIs(*session, site, CallView::State::Ended));
        QTRY_VERIFY_WITH_TIMEOUT(mediaFreed(*session, site), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(openFds() <= fdsBefore, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(threads() <= threadsBefore, 10000);
        QCOMPARE(logged(*session, "call.connected").size(), 1); // the first call's only
        const QString problem = clock.problem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // CANCEL while the console rings: its own thread is held meanwhile, so the call is still
    // unanswered when the CANCEL comes; the answer it then makes is for a call that is gone.
    void cancelWhileRinging() {
        QTemporaryDir dir;
        auto session = sipSession(dir.path());
        QVERIFY(session->open());
        const qint64 site = addSipSite(*session, QStringLiteral("Phòng họp"), kRoomUri);
        const Sipp run =
            runSipp(*session, QStringLiteral("cancel_ringing.xml"), QStringLiteral("u1"), {}, true);
        QCOMPARE(run.rc, 0);
        QTRY_VERIFY_WITH_TIMEOUT(callIs(*session, site, CallView::State::Ended), 10000);
        QVERIFY2(callOf(*session, site)->reason.contains(QStringLiteral("cancelled")),
                 qPrintable(callOf(*session, site)->reason));
        QTRY_VERIFY_WITH_TIMEOUT(mediaFreed(*session, site), 5000);
        QCOMPARE(logged(*session, "call.connected").size(), 0);
        // The site can call again at once.
        QCOMPARE(runSipp(*session, QStringLiteral("bye_racing_200.xml"), QStringLiteral("u1")).rc, 0);
        QTRY_COMPARE_WITH_TIMEOUT(logged(*session, "call.connected").size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(callIs(*session, site, CallView::State::Ended), 10000);
    }

    // Set up, then gone without a BYE (and no RTP ever came): the media timeout ends the call.
    void aCallerThatVanishesIsDroppedForNoMedia() {
        QTemporaryDir dir;
        auto session = sipSession(dir.path());
        QVERIFY(session->open());
        const qint64 site = addSipSite(*session, QStringLiteral("Phòng họp"), kRoomUri);
        QCOMPARE(runSipp(*session, QStringLiteral("vanishing_caller.xml"), QStringLiteral("u1")).rc, 0);
        QTRY_COMPARE_WITH_TIMEOUT(logged(*session, "call.connected").size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(callIs(*session, site, CallView::State::Ended), 60000);
        QCOMPARE(callOf(*session, site)->reason, QStringLiteral("No media from the far end."));
        QCOMPARE(logged(*session, "call.timeout").size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(mediaFreed(*session, site), 5000);
    }

    // Thirty strangers, ten a second, each from its own address: thirty 403s and thirty log rows,
    // but one alarm that counts them; the console still answers OPTIONS.
    void aBurstOfStrangersIsRefusedWithOneAlarm() {
        QTemporaryDir dir;
        auto session = sipSession(dir.path());
        QVERIFY(session->open());
        addSipSite(*session, QStringLiteral("Phòng họp"), kRoomUri);
        const ClockWatch clock(*session);
        const Sipp run = runSipp(*session, QStringLiteral("strangers.xml"), QStringLiteral("u1"),
                                 {"-r", "10", "-m", "30"});
        QCOMPARE(run.rc, 0);
        QTRY_COMPARE_WITH_TIMEOUT(logged(*session, "call.refused").size(), 30, 10000);
        for (const EventRecord& row : logged(*session, "call.refused"))
            QCOMPARE(row.detail.value("status").toInt(), 403);
        QCOMPARE(alarmsOf(*session, "call.refused"), 1);
        const auto alarms = session->alarms();
        const auto it = std::find_if(alarms.begin(), alarms.end(), [](const AlarmView& a) {
            return a.kind == QLatin1String("call.refused");
        });
        QCOMPARE(it->repeats, 29);
        QVERIFY2(it->message.contains(QStringLiteral("stranger-")), qPrintable(it->message));
        QCOMPARE(runSipp(*session, QStringLiteral("options.xml"), QStringLiteral("u1")).rc, 0);
        const QString problem = clock.problem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // A live call (baresip) whose media ports get random datagrams, oversized ones, RTCP-looking
    // junk and well-formed RTP of every payload type from another port: all counted as garbage,
    // the call goes on, and nothing of ours goes to the flooder (the far end is not re-latched).
    void garbageAndFloodsOnALiveCallsPorts() {
        QTemporaryDir dir;
        auto session = sipSession(dir.path());
        QVERIFY(session->open());
        test::BaresipPeer peer(QStringLiteral("phonghop"), 700);
        QString log;
        QVERIFY2(peer.start(&log), qPrintable(log));
        const qint64 site = addSipSite(*session, QStringLiteral("Phòng họp"), peer.fromUri());
        QVERIFY(peer.dial(QStringLiteral("sip:hntt@127.0.0.1:%1").arg(session->options().sipPort)));
        QTRY_VERIFY_WITH_TIMEOUT(callIs(*session, site, CallView::State::Connected), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            session->engine().callStats(site).value_or(engine::CallStats{}).packetsReceived > 50, 15000);
        const auto ports = session->engine().reserveCallPorts(site); // a site in a call: its ports
        QVERIFY(ports);
        const engine::CallStats before = *session->engine().callStats(site);
        const ClockWatch clock(*session);

        QUdpSocket flooder;
        QVERIFY(flooder.bind(QHostAddress::LocalHost, 0));
        QRandomGenerator random(20240611);
        const QList<quint16> targets{ports->audio, static_cast<quint16>(ports->audio + 1), ports->video,
                                     static_cast<quint16>(ports->video + 1)};
        int sent = 0;
        for (int round = 0; round < 20; ++round) {
            for (quint16 port : targets) {
                for (int i = 0; i < 50; ++i) {
                    QByteArray junk(static_cast<int>(random.bounded(1, 1400)), Qt::Uninitialized);
                    for (char& c : junk)
                        c = static_cast<char>(random.bounded(256));
                    sent += flooder.writeDatagram(junk, QHostAddress::LocalHost, port) > 0;
                }
                // Oversized, empty, and RTCP-looking (version 2, SR) with a lying length.
                flooder.writeDatagram(QByteArray(5000, 'x'), QHostAddress::LocalHost, port);
                flooder.writeDatagram(QByteArray(), QHostAddress::LocalHost, port);
                flooder.writeDatagram(QByteArray::fromHex("80c8ffff0000000100"), QHostAddress::LocalHost,
                                      port);
            }
            QTest::qWait(10); // the flood is spread a little: the receiver has time to read it
        }
        // Well-formed RTP of every payload type: the call's own among them.
        for (quint16 port : targets)
            for (int pt = 0; pt < 128; ++pt) {
                QByteArray rtp = QByteArray::fromHex("80000001000000000badf00d") + QByteArray(160, '\x55');
                rtp[1] = static_cast<char>(pt);
                flooder.writeDatagram(rtp, QHostAddress::LocalHost, port);
            }
        qInfo("flood: %d random datagrams", sent);

        QTRY_VERIFY_WITH_TIMEOUT(
            session->engine().callStats(site)->garbagePackets > before.garbagePackets + 500, 5000);
        // The call goes on: still connected, still receiving from baresip.
        const auto during = *session->engine().callStats(site);
        QTRY_VERIFY_WITH_TIMEOUT(
            session->engine().callStats(site)->packetsReceived > during.packetsReceived + 50, 10000);
        QTest::qWait(2000); // reports go out every second: they would reach the flooder
        QVERIFY(callIs(*session, site, CallView::State::Connected));
        QCOMPARE(session->engine().callStats(site)->width, 640);
        int stolen = 0;
        while (flooder.hasPendingDatagrams()) {
            flooder.receiveDatagram();
            ++stolen;
        }
        QVERIFY2(stolen == 0,
                 qPrintable(QStringLiteral("%1 datagrams of the call went to the flooder").arg(stolen)));
        qInfo("garbage counted: %llu",
              static_cast<unsigned long long>(session->engine().callStats(site)->garbagePackets -
                                              before.garbagePackets));
        const QString problem = clock.problem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(peer.hangup());
        QTRY_VERIFY_WITH_TIMEOUT(callIs(*session, site, CallView::State::Ended), 10000);
    }
};

QTEST_MAIN(TestSipAbuse)
#include "tst_sip_abuse.moc"
