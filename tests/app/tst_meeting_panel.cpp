// The meeting panel against a real session: today's booked meeting is listed; Start makes it the
// active meeting with its sites on program (the live one's picture shows); the connection check
// reports the live site (an ffmpeg sender on loopback) reachable with a bitrate and the dead one
// (a UDP port nobody sends to) unreachable, with a progress bar that reaches its end.
#include "core/session/connection_check.h"
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/panels/meeting_panel.h"
#include "ui/theme.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;
using core::Session;

class TestMeetingPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ui::applyControlRoomTheme(*qApp); }

    void startAndCheckConnections() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        using core::SiteLevel;
        const qint64 host = test::addSite(s, QStringLiteral("UBND tỉnh Quảng Bình"), SiteLevel::Province,
                                          QStringLiteral("test://solid?color=ffffff&w=320&h=180"));
        // The live participant sends MPEG-TS over UDP like a real hall, so that its bitrate is measured.
        const QString liveUrl = QStringLiteral("udp://127.0.0.1:%1").arg(test::freeUdpPort());
        test::FfmpegProcess sender(test::solidColorSenderArgs(QStringLiteral("red"), 400, 320, 180) +
                                   QStringList{"-f", "mpegts", liveUrl + QStringLiteral("?pkt_size=1316")});
        QVERIFY(sender.waitStarted());
        const qint64 live =
            test::addSite(s, QStringLiteral("Huyện Lệ Thủy"), SiteLevel::District, liveUrl, host);
        const qint64 dead =
            test::addSite(s, QStringLiteral("Huyện Minh Hóa"), SiteLevel::District,
                          QStringLiteral("udp://127.0.0.1:%1?timeout=500000").arg(test::freeUdpPort()), host);
        QVERIFY(host && live && dead);
        // Another day's meeting is not listed.
        core::MeetingRecord later;
        later.title = QStringLiteral("Họp tuần sau");
        later.room = QStringLiteral("Phòng 2");
        later.hostSiteId = host;
        later.siteIds = {live};
        later.startsAt = QDateTime::currentDateTime().addDays(7);
        later.endsAt = later.startsAt.addSecs(3600);
        QVERIFY(s.scheduleMeeting(later, QStringLiteral("ui")));

        ui::MeetingPanel panel(s);
        panel.setCheckDuration(std::chrono::milliseconds(2500));
        panel.resize(1100, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.objectName(), QStringLiteral("meetingPanel"));
        auto* meetings = panel.findChild<QTableWidget*>(QStringLiteral("meetings"));
        QVERIFY(meetings);
        QCOMPARE(meetings->rowCount(), 0);
        // Nothing to start or check: the buttons are greyed and say why.
        for (const QString& button : {QStringLiteral("start"), QStringLiteral("check")}) {
            const auto* b = panel.findChild<QPushButton*>(button);
            QVERIFY(!b->isEnabled());
            QVERIFY2(b->toolTip().contains(QStringLiteral("No meeting is booked for today")),
                     qPrintable(b->toolTip()));
            QVERIFY(b->width() >= b->sizeHint().width()); // its words whole
        }

        // Booked now (from the API, say): the panel lists it.
        const qint64 meeting =
            test::scheduleToday(s, QStringLiteral("Họp khẩn phòng chống lụt bão"), host, {live, dead});
        QVERIFY(meeting);
        QCOMPARE(meetings->rowCount(), 1);
        QCOMPARE(panel.meetingAt(0), meeting);
        QCOMPARE(meetings->item(0, ui::MeetingPanel::Title)->text(),
                 QStringLiteral("Họp khẩn phòng chống lụt bão"));
        QCOMPARE(meetings->item(0, ui::MeetingPanel::Host)->text(), QStringLiteral("UBND tỉnh Quảng Bình"));
        QCOMPARE(meetings->item(0, ui::MeetingPanel::Sites)->text(), QStringLiteral("2"));
        QVERIFY(!meetings->item(0, ui::MeetingPanel::Emergency)->text().isEmpty());

        // Start: the meeting is active, host and sites on program, the live site's red on the picture.
        QSignalSpy started(&panel, &ui::MeetingPanel::meetingStarted);
        meetings->selectRow(0);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("start")), Qt::LeftButton);
        QCOMPARE(started.size(), 1);
        QCOMPARE(s.activeMeetingId(), std::optional<qint64>(meeting));
        // The running meeting is named (cut with "…" where the panel is narrow, whole on hover).
        const auto* active = panel.findChild<QLabel*>(QStringLiteral("activeMeeting"));
        QVERIFY(
            (active->text() + active->toolTip()).contains(QStringLiteral("Họp khẩn phòng chống lụt bão")));
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("start"))->isEnabled());
        const QJsonObject program = hntt::test::stateJson(s).value(QStringLiteral("program")).toObject();
        QCOMPARE(program.value(QStringLiteral("slots")).toArray().size(), 3);
        QCOMPARE(program.value(QStringLiteral("slots")).toArray().at(0).toInteger(), host);
        // grid-2x2: the live site in the top-right quarter.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QImage img = s.picture(Session::Picture::Program, QSize(320, 180));
                return !img.isNull() && qRed(img.pixel(240, 45)) > 200 && qGreen(img.pixel(240, 45)) < 60;
            }(),
            8000);

        // Connection check: progress to the end, live reachable with a bitrate, dead unreachable.
        QTRY_COMPARE_WITH_TIMEOUT(test::siteStatus(s, live), QStringLiteral("connected"), 10000);
        QSignalSpy finished(&panel, &ui::MeetingPanel::checkFinished);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("check")), Qt::LeftButton);
        QVERIFY(panel.checkRunning());
        QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("check"))->isEnabled());
        QVERIFY(finished.wait(10000));
        auto* progress = panel.findChild<QProgressBar*>(QStringLiteral("checkProgress"));
        QCOMPARE(progress->value(), 100);
        QVERIFY(finished.at(0).at(0).toInt() >= 1); // the dead site fails

        auto* results = panel.findChild<QTableWidget*>(QStringLiteral("checkResults"));
        QCOMPARE(results->rowCount(), 3);
        auto rowOf = [&](qint64 id) {
            for (int row = 0; row < results->rowCount(); ++row)
                if (results->item(row, ui::MeetingPanel::CheckSite)->data(Qt::UserRole).toLongLong() == id)
                    return row;
            return -1;
        };
        const int liveRow = rowOf(live), deadRow = rowOf(dead);
        QVERIFY(liveRow >= 0 && deadRow >= 0);
        QCOMPARE(results->item(liveRow, ui::MeetingPanel::CheckReachable)->text(),
                 ui::MeetingPanel::tr("Yes"));
        QCOMPARE(results->item(deadRow, ui::MeetingPanel::CheckReachable)->text(),
                 ui::MeetingPanel::tr("No"));
        QCOMPARE(results->item(deadRow, ui::MeetingPanel::CheckResult)->data(Qt::UserRole).toString(),
                 QStringLiteral("fail"));
        QVERIFY(results->item(liveRow, ui::MeetingPanel::CheckResult)->data(Qt::UserRole).toString() !=
                QLatin1String("fail"));
        // No link type in the directory: the 10 Mbit/s rule, and the panel says it assumed it.
        QCOMPARE(results->item(liveRow, ui::MeetingPanel::CheckLink)->text(),
                 ui::MeetingPanel::tr("%1 Mbit/s (assumed)").arg(10));
        const QString bitrate = results->item(liveRow, ui::MeetingPanel::CheckBitrate)->text();
        QVERIFY2(bitrate != ui::MeetingPanel::tr("—") && !bitrate.startsWith(QLatin1String("0.00")),
                 qPrintable(bitrate));
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("check"))->isEnabled());
        QVERIFY(test::saveScreenshot(panel, QStringLiteral("meeting_panel")));
    }

    void checkMeasuresTheLiveSite() {
        // The core check alone: a connected site is reachable in every sample; an unknown id fails.
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        const qint64 live = test::addSite(s, QStringLiteral("A"), core::SiteLevel::Province,
                                          QStringLiteral("test://solid?color=ff0000&tone=400&w=320&h=180"));
        QTRY_COMPARE_WITH_TIMEOUT(test::siteStatus(s, live), QStringLiteral("connected"), 5000);
        core::ConnectionCheck check(s, {live, 424242}, std::chrono::milliseconds(1500));
        QSignalSpy done(&check, &core::ConnectionCheck::finished);
        check.start();
        QVERIFY(check.running());
        QVERIFY(done.wait(5000));
        QCOMPARE(check.progress(), 1.0);
        const core::SiteCheck& c = check.results().at(0);
        QVERIFY(c.reachable());
        QCOMPARE(c.samples, 3);
        QCOMPARE(c.connectedSamples, 3);
        QVERIFY(c.verdict != core::SiteCheck::Verdict::Fail);
        QCOMPARE(c.linkKbps, core::ConnectionCheck::kDataNetworkKbps);
        QVERIFY(!c.linkKnown);
        const core::SiteCheck& missing = check.results().at(1);
        QVERIFY(!missing.known);
        QCOMPARE(missing.verdict, core::SiteCheck::Verdict::Fail);
        QCOMPARE(check.resultsJson().size(), 2);
        QCOMPARE(check.resultsJson().at(0).toObject().value(QStringLiteral("reachable")).toBool(), true);
    }
};

QTEST_MAIN(TestMeetingPanel)
#include "tst_meeting_panel.moc"
