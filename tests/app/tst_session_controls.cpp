// What the session offers the console's panels: program audio, program streams stopped and started
// again (also across a restart), alarms kept until acknowledged, starting a booked meeting, the
// recording's disk budget, and the connection check's judgement of a site.
#include "core/session/connection_check.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "hntt/engine/gain.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;
using core::Session;

namespace {

QJsonObject outputById(Session& s, qint64 id) {
    for (const QJsonValue& o : hntt::test::outputsJson(s))
        if (o.toObject().value(QStringLiteral("id")).toInteger() == id)
            return o.toObject();
    return {};
}

QList<qint64> slotsOf(const QJsonObject& composition) {
    QList<qint64> out;
    for (const QJsonValue& v : composition.value(QStringLiteral("slots")).toArray())
        out.append(v.isNull() ? 0 : v.toInteger());
    return out;
}

} // namespace

class TestSessionControls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Mute and gain are live controls of their own: the typed event carries the new state, the
    // log names them as what they are, and the one gain range of the engine decides what passes.
    void liveControlsAreTheirOwn() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        const qint64 id = test::addSite(s, QStringLiteral("UBND tỉnh"), core::SiteLevel::Province, {});
        QVERIFY(id > 0);
        QList<core::events::SiteAudio> audio;
        connect(&s, &Session::changed, this, [&audio](const core::SessionEvent& e) {
            if (const auto* a = e.as<core::events::SiteAudio>())
                audio.append(*a);
        });
        QVERIFY(s.setSiteAudio(id, true, -12.5, QStringLiteral("ui")));
        QCOMPARE(audio.size(), 1);
        QCOMPARE(audio.at(0).siteId, id);
        QVERIFY(audio.at(0).muted);
        QCOMPARE(audio.at(0).gainDb, -12.5);
        QCOMPARE(test::lastLogged(s, QStringLiteral("site.audio")).subject, QString::number(id));
        QVERIFY(s.setSiteAudio(id, false, std::nullopt, QStringLiteral("ui")));
        QCOMPARE(audio.at(1).gainDb, -12.5); // the gain stays as it was
        const auto tooLoud = s.setSiteAudio(id, std::nullopt, engine::gain::kMaxDb + 1, QStringLiteral("ui"));
        QCOMPARE(tooLoud.error().code, core::Error::Code::Invalid);
        QVERIFY2(tooLoud.error().message.contains(QString::number(engine::gain::kMinDb)),
                 qPrintable(tooLoud.error().message));
        QCOMPARE(audio.size(), 2); // refused: nothing changed, nothing told
        QCOMPARE(s.setSiteAudio(id + 1000, true, std::nullopt, QStringLiteral("ui")).error().code,
                 core::Error::Code::NotFound);
        QVERIFY(s.setSiteVideoMuted(id, true, QStringLiteral("ui")));
        QVERIFY(s.site(id)->videoMuted);
        QCOMPARE(test::lastLogged(s, QStringLiteral("site.video")).subject, QString::number(id));
    }

    // A site's return feed that cannot go out (nothing listens at its RTMP address) raises an
    // alarm naming the site, is logged once, and shows on the site with its state and reason.
    void failingReturnFeedRaisesAnAlarm() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        hntt::test::EventSpy events(s);
        core::SiteRecord site;
        site.name = QStringLiteral("Huyện Tuyên Hóa");
        site.level = core::SiteLevel::District;
        site.sourceUrl = QStringLiteral("test://solid?color=00ff00&tone=500&w=160&h=90");
        site.returnUrl = QStringLiteral("rtmp://127.0.0.1:%1/live/tuyen-hoa").arg(test::freeTcpPort());
        auto created = s.createSite(site, QStringLiteral("ui"));
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        const qint64 id = created->id;
        auto alarmFor = [&] {
            for (const auto& e : events) {
                const QJsonObject o = e.at(0).toJsonObject();
                if (o.value(QStringLiteral("type")).toString() == QLatin1String("alarm") &&
                    o.value(QStringLiteral("kind")).toString() == QLatin1String("return_feed.error") &&
                    o.value(QStringLiteral("site_id")).toInteger() == id)
                    return o;
            }
            return QJsonObject{};
        };
        QTRY_VERIFY_WITH_TIMEOUT(!alarmFor().isEmpty(), 5000);
        QVERIFY2(alarmFor().value(QStringLiteral("message")).toString().contains(site.name),
                 qPrintable(alarmFor().value(QStringLiteral("message")).toString()));
        const QJsonObject feed = hntt::test::siteJson(s, id)->value(QStringLiteral("return_feed")).toObject();
        QVERIFY2(feed.value(QStringLiteral("state")).toString() == QLatin1String("retrying") ||
                     feed.value(QStringLiteral("state")).toString() == QLatin1String("failed"),
                 qPrintable(feed.value(QStringLiteral("state")).toString()));
        QVERIFY(!feed.value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(test::lastLogged(s, QStringLiteral("return_feed.error")).subject, QString::number(id));
        bool listed = false;
        for (const QJsonValue& a : hntt::test::alarmsJson(s))
            listed = listed || a.toObject().value(QStringLiteral("kind")).toString() ==
                                   QLatin1String("return_feed.error");
        QVERIFY(listed);
    }

    void programAudio() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        hntt::test::EventSpy events(s);
        QVERIFY(s.setProgramAudio(true, -6.5, QStringLiteral("ui")));
        QVERIFY(s.programAudioMuted());
        QCOMPARE(s.programGainDb(), -6.5);
        const QJsonObject state = hntt::test::stateJson(s).value(QStringLiteral("program_audio")).toObject();
        QCOMPARE(state.value(QStringLiteral("muted")).toBool(), true);
        QCOMPARE(state.value(QStringLiteral("gain_db")).toDouble(), -6.5);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).at(0).toJsonObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("program.audio"));
        const core::EventRecord logged = test::lastLogged(s, QStringLiteral("program.audio"));
        QCOMPARE(logged.actor, QStringLiteral("ui"));
        QCOMPARE(logged.detail.value(QStringLiteral("gain_db")).toDouble(), -6.5);

        // Bad gain: refused, nothing changes.
        const auto bad = s.setProgramAudio(false, 30, QStringLiteral("ui"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, core::Error::Code::Invalid);
        QVERIFY(s.programAudioMuted());
        QVERIFY(!s.setProgramAudio(false, qQNaN(), QStringLiteral("ui")));
        QCOMPARE(events.size(), 1);
    }

    void outputsStopAndStartAcrossRestarts() {
        QTemporaryDir tmp;
        const QString url = QStringLiteral("udp://127.0.0.1:%1").arg(test::freeUdpPort());
        qint64 id = 0;
        {
            Session s(test::smallSession(tmp.path()));
            QVERIFY(s.open());
            auto out = s.addOutput(url, QStringLiteral("Cổng thông tin"), QStringLiteral("ui"));
            QVERIFY(out);
            id = out->id;
            QVERIFY(s.stopOutput(id, QStringLiteral("ui")));
            QCOMPARE(outputById(s, id).value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
            QCOMPARE(outputById(s, id).value(QStringLiteral("url")).toString(), url);
            QCOMPARE(s.stopOutput(id, QStringLiteral("ui")).error().code, core::Error::Code::Conflict);
            auto again = s.startOutput(id, QStringLiteral("ui"));
            QVERIFY(again);
            QCOMPARE(again->id, id);
            QVERIFY(again->stats.state != engine::OutputState::Stopped);
            QCOMPARE(s.startOutput(id, QStringLiteral("ui")).error().code, core::Error::Code::Conflict);
            QCOMPARE(test::lastLogged(s, QStringLiteral("output.start")).subject, QString::number(id));
            QVERIFY(s.stopOutput(id, QStringLiteral("ui")));
        }
        // Stopped by the operator: it comes back stopped, with its name and URL.
        QCOMPARE(core::ConsoleSettings(tmp.path()).outputs().size(), 1);
        QCOMPARE(core::ConsoleSettings(tmp.path()).outputs().at(0).enabled, false);
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        QCOMPARE(hntt::test::outputsJson(s).size(), 1);
        const QJsonObject back = hntt::test::outputsJson(s).at(0).toObject();
        QCOMPARE(back.value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
        QCOMPARE(back.value(QStringLiteral("name")).toString(), QStringLiteral("Cổng thông tin"));
        const qint64 backId = back.value(QStringLiteral("id")).toInteger();
        QVERIFY(s.startOutput(backId, QStringLiteral("ui")));
        QCOMPARE(core::ConsoleSettings(tmp.path()).outputs().at(0).enabled, true);
        QVERIFY(s.removeOutput(backId, QStringLiteral("ui")));
        QVERIFY(hntt::test::outputsJson(s).isEmpty());
        QCOMPARE(s.stopOutput(backId, QStringLiteral("ui")).error().code, core::Error::Code::NotFound);
        QCOMPARE(s.startOutput(backId, QStringLiteral("ui")).error().code, core::Error::Code::NotFound);
        QVERIFY(core::ConsoleSettings(tmp.path()).outputs().isEmpty());
    }

    void alarmsUntilAcknowledged() {
        QTemporaryDir tmp;
        // Two saved streams that cannot start raise two alarms at open; both stay listed, stopped.
        core::ConsoleSettings(tmp.path())
            .setOutputs({{QStringLiteral("ftp://example.org/a"), QStringLiteral("A")},
                         {QStringLiteral("gopher://example.org/b"), QStringLiteral("B")}});
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        QJsonArray alarms = hntt::test::alarmsJson(s);
        QCOMPARE(alarms.size(), 2);
        const QJsonObject first = alarms.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("output.error"));
        QVERIFY(first.value(QStringLiteral("alarm_id")).toInteger() > 0);
        QVERIFY(!first.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(hntt::test::outputsJson(s).size(), 2);
        QCOMPARE(hntt::test::outputsJson(s).at(0).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("stopped"));
        QVERIFY(
            !hntt::test::outputsJson(s).at(0).toObject().value(QStringLiteral("error")).toString().isEmpty());

        hntt::test::EventSpy events(s);
        const qint64 alarmId = first.value(QStringLiteral("alarm_id")).toInteger();
        QVERIFY(s.acknowledgeAlarm(alarmId, QStringLiteral("ui")));
        QCOMPARE(hntt::test::alarmsJson(s).size(), 1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).at(0).toJsonObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("alarm.acknowledged"));
        const core::EventRecord ack = test::lastLogged(s, QStringLiteral("alarm.acknowledge"));
        QCOMPARE(ack.actor, QStringLiteral("ui"));
        QCOMPARE(ack.subject, QString::number(alarmId));
        QCOMPARE(ack.reason, first.value(QStringLiteral("message")).toString());
        QCOMPARE(s.acknowledgeAlarm(alarmId, QStringLiteral("ui")).error().code, core::Error::Code::NotFound);

        QCOMPARE(s.acknowledgeAllAlarms(QStringLiteral("api:test")), 1);
        QVERIFY(hntt::test::alarmsJson(s).isEmpty());
        QCOMPARE(test::lastLogged(s, QStringLiteral("alarm.acknowledge")).actor, QStringLiteral("api:test"));
    }

    void startMeetingPutsItsSitesOnProgram() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        using core::SiteLevel;
        const qint64 host = test::addSite(s, QStringLiteral("UBND tỉnh"), SiteLevel::Province,
                                          QStringLiteral("test://solid?color=ff0000&w=320&h=180"));
        const qint64 a = test::addSite(s, QStringLiteral("Huyện Lệ Thủy"), SiteLevel::District,
                                       QStringLiteral("test://solid?color=00ff00&w=320&h=180"), host);
        const qint64 b = test::addSite(s, QStringLiteral("Huyện Quảng Ninh"), SiteLevel::District,
                                       QStringLiteral("test://solid?color=0000ff&w=320&h=180"), host);
        QVERIFY(host && a && b);
        const qint64 meeting =
            test::scheduleToday(s, QStringLiteral("Họp phòng chống lụt bão"), host, {a, b});
        QVERIFY(meeting);

        hntt::test::EventSpy events(s);
        auto started = s.startMeeting(meeting, QStringLiteral("ui"));
        QVERIFY(started);
        QCOMPARE(s.activeMeetingId(), std::optional<qint64>(meeting));
        const QJsonObject state = hntt::test::stateJson(s);
        QCOMPARE(state.value(QStringLiteral("active_meeting_id")).toInteger(), meeting);
        const QJsonObject program = state.value(QStringLiteral("program")).toObject();
        QCOMPARE(program.value(QStringLiteral("layout")).toString(), QStringLiteral("grid-2x2"));
        QCOMPARE(slotsOf(program), (QList<qint64>{host, a, b}));
        const QJsonObject preview = state.value(QStringLiteral("preview")).toObject();
        QCOMPARE(preview.value(QStringLiteral("layout")).toString(), QStringLiteral("side-by-side"));
        QCOMPARE(slotsOf(preview), (QList<qint64>{a, b}));
        QStringList types;
        for (const auto& e : events)
            types << e.at(0).toJsonObject().value(QStringLiteral("type")).toString();
        QVERIFY2(types.contains(QStringLiteral("meeting.started")), qPrintable(types.join(',')));
        QVERIFY(types.contains(QStringLiteral("program.changed")));
        const core::EventRecord logged = test::lastLogged(s, QStringLiteral("meeting.start"));
        QCOMPARE(logged.meetingId, std::optional<qint64>(meeting));

        // The program picture shows the host's red, in the top-left quarter.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QImage img = s.picture(Session::Picture::Program, QSize(320, 180));
                return !img.isNull() && qRed(img.pixel(80, 45)) > 200 && qGreen(img.pixel(80, 45)) < 60;
            }(),
            8000);

        // A recording during the meeting belongs to it; the meeting outlives the recording.
        auto rec = s.startRecording(QStringLiteral("Họp"), s.activeMeetingId(), QStringLiteral("ui"));
        QVERIFY(rec);
        QCOMPARE(rec->meetingId, std::optional<qint64>(meeting));
        QTest::qWait(500);
        QVERIFY(s.stopRecording(rec->id, QStringLiteral("ui")));
        QCOMPARE(s.activeMeetingId(), std::optional<qint64>(meeting));

        QCOMPARE(s.startMeeting(999, QStringLiteral("ui")).error().code, core::Error::Code::NotFound);
        QVERIFY(s.meetings().cancel(meeting, QStringLiteral("hoãn")));
        QCOMPARE(s.startMeeting(meeting, QStringLiteral("ui")).error().code, core::Error::Code::Conflict);
    }

    void recordingSpace() {
        using Space = Session::RecordingSpace;
        QCOMPARE(Space::levelFor(-1), Space::Level::Ok);
        QCOMPARE(Space::levelFor(4 * 60), Space::Level::Critical);
        QCOMPARE(Space::levelFor(29 * 60), Space::Level::Warning);
        QCOMPARE(Space::levelFor(31 * 60), Space::Level::Ok);

        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        QVERIFY(test::addSite(s, QStringLiteral("A"), core::SiteLevel::Province,
                              QStringLiteral("test://solid?color=ff0000&tone=440&w=320&h=180")));
        Space idle = s.recordingSpace();
        QVERIFY(idle.freeBytes > 0);
        QVERIFY(idle.bytesPerSecond > 0);
        QVERIFY(!idle.measured);
        QVERIFY(idle.secondsLeft >= 0);
        QCOMPARE(idle.elapsedS, 0.0);
        // Nominal rate: what the disk takes per second at the engine's bitrates; free space over it.
        QVERIFY(std::abs(idle.secondsLeft - (idle.freeBytes - idle.reserveBytes) / idle.bytesPerSecond) < 1 ||
                idle.freeBytes < idle.reserveBytes);

        auto rec = s.startRecording(QStringLiteral("Đo dung lượng"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(rec);
        QTRY_VERIFY_WITH_TIMEOUT(s.recordingSpace().sizeBytes > 0, 5000);
        QTest::qWait(500);
        const Space busy = s.recordingSpace();
        QVERIFY(busy.elapsedS > 0.4);
        QVERIFY(s.stopRecording(rec->id, QStringLiteral("ui")));
        QCOMPARE(s.recordingSpace().sizeBytes, 0);
    }

    void connectionJudgement() {
        using core::SiteCheck;
        using V = SiteCheck::Verdict;
        auto judged = [](int samples, int connected, double kbps, bool linkKnown, int linkKbps,
                         std::optional<double> loss) {
            SiteCheck c;
            c.samples = samples;
            c.connectedSamples = connected;
            c.bitrateKbps = kbps;
            c.linkKnown = linkKnown;
            c.linkKbps = linkKbps;
            c.lossPercent = loss;
            core::ConnectionCheck::judge(c, true);
            return c;
        };
        QCOMPARE(judged(10, 0, 0, false, 10000, std::nullopt).verdict, V::Fail); // unreachable
        QCOMPARE(judged(10, 10, 3000, true, 10000, 0.0).verdict, V::Pass);       // fits the data network
        QCOMPARE(judged(10, 10, 9000, true, 10000, 0.0).verdict, V::Warn);       // little headroom
        QCOMPARE(judged(10, 10, 12000, true, 10000, 0.0).verdict, V::Fail);      // over the link
        QCOMPARE(judged(10, 10, 12000, true, 20000, 0.0).verdict, V::Pass);      // fits the internet link
        QCOMPARE(judged(10, 10, 3000, true, 10000, 2.0).verdict, V::Warn);       // some loss
        QCOMPARE(judged(10, 10, 3000, true, 10000, 8.0).verdict, V::Fail);       // heavy loss
        QCOMPARE(judged(10, 6, 3000, true, 10000, 0.0).verdict, V::Warn);        // dropped during the check
        const SiteCheck unknown = judged(10, 10, 3000, false, 10000, std::nullopt); // no link type, no counts
        QCOMPARE(unknown.verdict, V::Pass);
        QCOMPARE(unknown.notes.size(), 2);
        QCOMPARE(core::verdictName(V::Warn), QStringLiteral("warn"));
    }
};

QTEST_MAIN(TestSessionControls)
#include "tst_session_controls.moc"
