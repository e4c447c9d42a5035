// Room systems in a meeting by SIP, with baresip as the room systems: two dial in, one is dialled
// out; each one's picture reaches the program, each one hears the others but not itself and sees
// the program; a far end's hang-up takes its site offline while the other calls go on; a caller
// that is not a site is refused and raised as an alarm.
#include "baresip_peer.h"
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace hntt;
using namespace hntt::core;

namespace {

constexpr int kToneA = 700;
constexpr int kToneB = 1100;
constexpr int kToneC = 1500;

qint64 addSipSite(Session& session, const QString& name, SiteLevel level, const QString& sipUri,
                  std::optional<qint64> parent = std::nullopt) {
    SiteRecord s;
    s.name = name;
    s.level = level;
    s.sipUri = sipUri;
    s.parentId = parent;
    auto created = session.createSite(s, QStringLiteral("ui"));
    return created ? created->id : 0;
}

std::optional<CallView> callOf(Session& session, qint64 id) {
    auto site = session.site(id);
    return site ? site->call : std::nullopt;
}

bool connected(Session& session, qint64 id) {
    const auto call = callOf(session, id);
    return call && call->state == CallView::State::Connected &&
           test::siteStatus(session, id) == QLatin1String("connected");
}

// How much of a tone a stretch of sound holds: the loudest of its 100 ms windows' mean.
double tone(const std::vector<float>& s, int hz) {
    return test::meanToneAmplitude(s, hz);
}

} // namespace

class TestSipCalls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("baresip")).isEmpty(),
                 "baresip is in scripts/debian-packages.txt");
    }

    void threeRoomSystemsMeetByDialInAndDialOut() {
        QTemporaryDir dir;
        SessionOptions options = test::smallSession(dir.path());
        options.width = 640;
        options.height = 360;
        options.sipEnabled = true;
        options.sipHost = QStringLiteral("127.0.0.1");
        options.sipPort = test::freeUdpPort();
        Session session(options);
        QVERIFY(session.open());
        QVERIFY2(session.sipListening(), qPrintable(session.sipProblem()));

        test::BaresipPeer a(QStringLiteral("tinh"), kToneA), b(QStringLiteral("huyen1"), kToneB),
            c(QStringLiteral("huyen2"), kToneC);
        QString log;
        QVERIFY2(a.start(&log), qPrintable(log));
        QVERIFY2(b.start(&log), qPrintable(log));
        QVERIFY2(c.start(&log), qPrintable(log));

        const qint64 siteA = addSipSite(session, QStringLiteral("Tỉnh"), SiteLevel::Province, a.fromUri());
        const qint64 siteB =
            addSipSite(session, QStringLiteral("Huyện 1"), SiteLevel::District, b.fromUri(), siteA);
        const qint64 siteC =
            addSipSite(session, QStringLiteral("Huyện 2"), SiteLevel::District, c.uri(), siteA);
        QVERIFY(siteA && siteB && siteC);
        QVERIFY(session.setProgram({"grid-2x2", {siteA, siteB, siteC}}, QStringLiteral("ui")));

        const QString console = QStringLiteral("sip:hntt@127.0.0.1:%1").arg(options.sipPort);
        QVERIFY(a.dial(console));
        QVERIFY(b.dial(console));
        QVERIFY(session.callSite(siteC, QStringLiteral("ui")));

        QTRY_VERIFY_WITH_TIMEOUT(connected(session, siteA), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(connected(session, siteB), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(connected(session, siteC), 20000);
        {
            const CallView ca = *callOf(session, siteA);
            QVERIFY(ca.direction == CallView::Direction::In);
            QCOMPARE(ca.videoCodec, QStringLiteral("H264"));
            QCOMPARE(ca.audioCodec, QStringLiteral("G722"));
            QVERIFY(callOf(session, siteC)->direction == CallView::Direction::Out);
        }
        // Each site's own picture arrives (640x360 from its generator) and its tone is heard.
        for (qint64 id : {siteA, siteB, siteC}) {
            QTRY_VERIFY_WITH_TIMEOUT(session.engine().siteFrame(id) != nullptr, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(session.site(id)->stats.width, 640, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(
                session.engine().siteLevels(id).value_or(engine::SiteLevels{}).levels.rmsDbfs > -40, 10000);
        }
        // Each site's picture is in its own program tile (grid 2x2 of 320x180, in the order A, B,
        // C): baresip's generator draws red, green and blue bars, left to right.
        const auto barsAt = [&](int x0, int y0) {
            const engine::VideoFramePtr program = session.engine().programFrame();
            if (!program)
                return false;
            const auto red = program->meanRgb(x0 + 53, y0 + 40, 16, 16);
            const auto green = program->meanRgb(x0 + 160, y0 + 40, 16, 16);
            const auto blue = program->meanRgb(x0 + 267, y0 + 40, 16, 16);
            return red.r > 150 && red.g < 90 && green.g > 150 && green.r < 90 && blue.b > 150 && blue.g < 90;
        };
        QTRY_VERIFY_WITH_TIMEOUT(barsAt(0, 0), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(barsAt(320, 0), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(barsAt(0, 180), 10000);
        QVERIFY(!barsAt(320, 180)); // the fourth tile has no site
        // Four seconds of the meeting, then what site A saw of the program.
        QTest::qWait(4000);
        // What a site that called in (A) and the site called out (C) see: the 720p program,
        // whose tiles are the three generated pictures, not black.
        for (test::BaresipPeer* peer : {&a, &c}) {
            const QString shot =
                dir.filePath(QStringLiteral("%1-received.png").arg(peer == &a ? "tinh" : "huyen2"));
            QVERIFY(peer->snapshot(shot));
            QTRY_VERIFY_WITH_TIMEOUT(!QImage(shot).isNull(), 5000); // written when the next picture comes
            const QImage seen(shot);
            seen.save(QStringLiteral(HNTT_BINARY_DIR "/screenshots/sip-%1").arg(QFileInfo(shot).fileName()));
            QCOMPARE(seen.size(), QSize(1280, 720));
            double sum = 0;
            for (int y = 0; y < seen.height(); y += 40)
                for (int x = 0; x < seen.width(); x += 40)
                    sum += qGray(seen.pixel(x, y));
            QVERIFY2(sum / ((seen.height() / 40) * (seen.width() / 40)) > 20, "the program came back black");
        }

        // Site A hangs up: its site leaves "connected" within 5 s; the others go on.
        QVERIFY(a.hangup());
        QTRY_VERIFY_WITH_TIMEOUT(callOf(session, siteA)->state == CallView::State::Ended, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(test::siteStatus(session, siteA) != QLatin1String("connected"), 5000);
        QTest::qWait(1500);
        QVERIFY(connected(session, siteB));
        QVERIFY(connected(session, siteC));

        // The console hangs up C; B hangs up itself. Their sound files are then complete.
        QVERIFY(session.hangupSite(siteC, QStringLiteral("ui")));
        QVERIFY(b.hangup());
        QTRY_VERIFY_WITH_TIMEOUT(callOf(session, siteC)->state == CallView::State::Ended, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(callOf(session, siteB)->state == CallView::State::Ended, 5000);
        a.kill();
        b.kill();
        c.kill();

        // A heard B and C while all three were in (its last seconds), never itself.
        const QString heard = a.receivedSoundFile();
        QVERIFY2(!heard.isEmpty(), "baresip wrote no sound");
        const QJsonObject probe = test::ffprobe(heard);
        const double seconds = probe.value("format").toObject().value("duration").toString().toDouble();
        QVERIFY2(seconds > 3.5, qPrintable(QString::number(seconds)));
        const std::vector<float> s = test::decodeAudio(heard, seconds - 3, 2.5);
        QVERIFY(!s.empty());
        const double own = tone(s, kToneA), fromB = tone(s, kToneB), fromC = tone(s, kToneC);
        qInfo("A heard: own %.4f, B %.4f, C %.4f", own, fromB, fromC);
        QVERIFY(fromB > 0.02);
        QVERIFY(fromC > 0.02);
        QVERIFY(own < 0.2 * std::min(fromB, fromC));
        // B heard A and C while A was still in: the middle of its file.
        const std::vector<float> sb = test::decodeAudio(b.receivedSoundFile(), 1.5, 2.5);
        qInfo("B heard: A %.4f, own %.4f, C %.4f", tone(sb, kToneA), tone(sb, kToneB), tone(sb, kToneC));
        QVERIFY(tone(sb, kToneA) > 0.02);
        QVERIFY(tone(sb, kToneB) < 0.2 * tone(sb, kToneA));
    }

    // What the API says of a call: the site's "call" and the call.state events, from ringing to
    // ended; and a second call while one is up is a conflict.
    void aCallAsTheApiTellsIt() {
        QTemporaryDir dir;
        SessionOptions options = test::smallSession(dir.path());
        options.sipEnabled = true;
        options.sipHost = QStringLiteral("127.0.0.1");
        options.sipPort = test::freeUdpPort();
        Session session(options);
        QVERIFY(session.open());
        test::BaresipPeer room(QStringLiteral("phonghop"), 800);
        QVERIFY(room.start());
        const qint64 id = addSipSite(session, QStringLiteral("Tỉnh"), SiteLevel::Province, room.uri());
        QCOMPARE(test::siteJson(session, id)->value("call"), QJsonValue(QJsonValue::Null));
        test::EventSpy events(session);
        QVERIFY(session.callSite(id, QStringLiteral("api:test")));
        QCOMPARE(session.callSite(id, QStringLiteral("api:test")).error().code, Error::Code::Conflict);
        QTRY_VERIFY_WITH_TIMEOUT(connected(session, id), 20000);
        const QJsonObject call = test::siteJson(session, id)->value("call").toObject();
        QCOMPARE(call.value("state").toString(), QStringLiteral("connected"));
        QCOMPARE(call.value("direction").toString(), QStringLiteral("out"));
        QCOMPARE(call.value("remote").toString(), room.uri());
        QCOMPARE(call.value("video_codec").toString(), QStringLiteral("H264"));
        QCOMPARE(call.value("tier").toString(), QStringLiteral("720p"));
        QCOMPARE(call.value("attempt").toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            test::siteJson(session, id)->value("call").toObject().value("width").toInt(), 640, 10000);
        // A key pressed on the room system's remote (baresip sends RFC 4733 events) is logged.
        QVERIFY(room.command(QStringLiteral("sndcode"), QStringLiteral("5")));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const EventRecord& row : *session.eventLog().query())
                    if (row.action == QLatin1String("call.dtmf") &&
                        row.detail.value("detail").toString() == "5")
                        return true;
                return false;
            }(),
            10000);
        QVERIFY(session.hangupSite(id, QStringLiteral("api:test")));
        QTRY_COMPARE_WITH_TIMEOUT(
            test::siteJson(session, id)->value("call").toObject().value("state").toString(),
            QStringLiteral("ended"), 5000);
        QStringList states;
        for (const auto& e : events) {
            const QJsonObject o = e.first().toJsonObject();
            if (o.value("type") == QLatin1String("call.state")) {
                QCOMPARE(o.value("site_id").toInteger(), id);
                states << o.value("call").toObject().value("state").toString();
            }
        }
        QCOMPARE(states.first(), QStringLiteral("ringing"));
        QVERIFY(states.contains(QStringLiteral("connected")));
        QCOMPARE(states.last(), QStringLiteral("ended"));
        // Every step is in the event log.
        QStringList actions;
        for (const EventRecord& row : *session.eventLog().query())
            actions << row.action;
        for (const char* a : {"call.dial", "call.connected", "call.hangup", "call.ended"})
            QVERIFY2(actions.contains(QLatin1String(a)), a);
    }

    // A call the operator placed that fails is tried again, later each time, until hung up.
    void aFailedCallIsRedialledUntilHungUp() {
        QTemporaryDir dir;
        SessionOptions options = test::smallSession(dir.path());
        options.sipEnabled = true;
        options.sipHost = QStringLiteral("127.0.0.1");
        options.sipPort = test::freeUdpPort();
        Session session(options);
        QVERIFY(session.open());
        const QString nobody =
            QStringLiteral("sip:nobody@127.0.0.1:%1;transport=tcp").arg(test::freeTcpPort());
        const qint64 id = addSipSite(session, QStringLiteral("Tỉnh"), SiteLevel::Province, nobody);
        QVERIFY(session.callSite(id, QStringLiteral("ui")));
        QTRY_VERIFY_WITH_TIMEOUT(callOf(session, id)->state == CallView::State::Ended, 10000);
        QVERIFY2(callOf(session, id)->reason.contains(QStringLiteral("2 s")),
                 qPrintable(callOf(session, id)->reason));
        {
            // The API tells when the next try comes.
            const QJsonObject call = test::siteJson(session, id)->value("call").toObject();
            const QDateTime next =
                QDateTime::fromString(call.value("redial_at").toString(), Qt::ISODateWithMs);
            QVERIFY2(next.isValid() && next > QDateTime::currentDateTime().addSecs(-1),
                     qPrintable(call.value("redial_at").toString()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(callOf(session, id)->attempt, 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(callOf(session, id)->reason.contains(QStringLiteral("4 s")), 10000);
        QVERIFY(session.hangupSite(id, QStringLiteral("ui")));
        const int attempts = callOf(session, id)->attempt;
        QTest::qWait(5000); // longer than the next back-off: no third try comes
        QCOMPARE(callOf(session, id)->attempt, attempts);
        QVERIFY(callOf(session, id)->state == CallView::State::Ended);
    }

    // "Call every SIP site of this meeting": one act, each site as it stands.
    void aMeetingsSitesAreCalledInOneAct() {
        QTemporaryDir dir;
        SessionOptions options = test::smallSession(dir.path());
        options.sipEnabled = true;
        options.sipHost = QStringLiteral("127.0.0.1");
        options.sipPort = test::freeUdpPort();
        Session session(options);
        QVERIFY(session.open());
        test::BaresipPeer room(QStringLiteral("huyen"), 800);
        QVERIFY(room.start());
        const qint64 host = test::addSite(session, QStringLiteral("Tỉnh"), SiteLevel::Province, {});
        const qint64 sip =
            addSipSite(session, QStringLiteral("Huyện 1"), SiteLevel::District, room.uri(), host);
        const qint64 plain = test::addSite(session, QStringLiteral("Huyện 2"), SiteLevel::District, {}, host);
        const qint64 meeting = test::scheduleToday(session, QStringLiteral("Họp khẩn"), host, {sip, plain});
        QVERIFY(meeting);
        auto first = session.callMeetingSites(meeting, QStringLiteral("ui"));
        QVERIFY(first);
        QCOMPARE(first->placed, QList<qint64>{sip});
        QCOMPARE(first->withoutSip, (QList<qint64>{host, plain}));
        QTRY_VERIFY_WITH_TIMEOUT(connected(session, sip), 20000);
        auto again = session.callMeetingSites(meeting, QStringLiteral("ui"));
        QVERIFY(again);
        QVERIFY(again->placed.isEmpty());
        QCOMPARE(again->inCall, QList<qint64>{sip});
        QCOMPARE(session.callMeetingSites(4242, QStringLiteral("ui")).error().code, Error::Code::NotFound);
        // A site deleted in a call: the call is hung up, not left running without a site.
        // (baresip's control socket has at times not answered a query at once: -1, asked again.)
        QTRY_COMPARE_WITH_TIMEOUT(room.activeCalls(), 1, 5000);
        QVERIFY(session.deleteSite(sip, QStringLiteral("ui")));
        QTRY_COMPARE_WITH_TIMEOUT(room.activeCalls(), 0, 10000);
    }

    void aCallerWhoIsNotASiteIsRefused() {
        QTemporaryDir dir;
        SessionOptions options = test::smallSession(dir.path());
        options.sipEnabled = true;
        options.sipHost = QStringLiteral("127.0.0.1");
        options.sipPort = test::freeUdpPort();
        Session session(options);
        QVERIFY(session.open());
        test::BaresipPeer stranger(QStringLiteral("la"), 900);
        QVERIFY(stranger.start());
        QVERIFY(stranger.dial(QStringLiteral("sip:hntt@127.0.0.1:%1").arg(options.sipPort)));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto alarms = session.alarms();
                return std::any_of(alarms.begin(), alarms.end(), [](const AlarmView& a) {
                    return a.kind == QLatin1String("call.refused");
                });
            }(),
            10000);
        const auto alarms = session.alarms();
        const auto it = std::find_if(alarms.begin(), alarms.end(), [](const AlarmView& a) {
            return a.kind == QLatin1String("call.refused");
        });
        QVERIFY(it->message.contains(QStringLiteral("sip:la@127.0.0.1")));
    }

    void aSiteWithoutSipAddressCannotBeCalled() {
        QTemporaryDir dir;
        SessionOptions options = test::smallSession(dir.path());
        options.sipEnabled = true;
        options.sipHost = QStringLiteral("127.0.0.1");
        options.sipPort = test::freeUdpPort();
        Session session(options);
        QVERIFY(session.open());
        const qint64 plain = test::addSite(session, QStringLiteral("Tỉnh"), SiteLevel::Province, {});
        const Status s = session.callSite(plain, QStringLiteral("ui"));
        QVERIFY(!s);
        QVERIFY(s.error().code == Error::Code::Invalid);
        QVERIFY(session.callSite(9999, QStringLiteral("ui")).error().code == Error::Code::NotFound);
    }
};

QTEST_MAIN(TestSipCalls)
#include "tst_sip_calls.moc"
