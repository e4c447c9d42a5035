// The alarms panel against a real session: a site whose sender dies raises a "signal lost" alarm
// row within seconds; acknowledging it removes the row, counts down, and leaves an event-log row
// by the operator. Automatic actions show in the log with their reason.
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/panels/alarms_panel.h"
#include "ui/theme.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;
using core::Session;

namespace {

// The first log row (newest first) whose action cell carries that action code; -1 when none.
int logRow(QTableWidget* log, const QString& action) {
    for (int row = 0; row < log->rowCount(); ++row)
        if (log->item(row, ui::AlarmsPanel::LogAction)->data(Qt::UserRole).toString() == action)
            return row;
    return -1;
}

} // namespace

class TestAlarmsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ui::applyControlRoomTheme(*qApp); }

    void lostSiteAlarmAndAcknowledge() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        const quint16 port = test::freeUdpPort();
        const QString url = QStringLiteral("udp://127.0.0.1:%1").arg(port);
        test::FfmpegProcess sender(test::solidColorSenderArgs(QStringLiteral("red"), 500, 320, 180) +
                                   QStringList{"-f", "mpegts", url + QStringLiteral("?pkt_size=1316")});
        QVERIFY(sender.waitStarted());
        const qint64 site =
            test::addSite(s, QStringLiteral("Huyện Minh Hóa"), core::SiteLevel::Province, url);
        QVERIFY(site);

        ui::AlarmsPanel panel(s);
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.objectName(), QStringLiteral("alarmsPanel"));
        auto* alarms = panel.findChild<QTableWidget*>(QStringLiteral("alarms"));
        auto* log = panel.findChild<QTableWidget*>(QStringLiteral("eventLog"));
        auto* acknowledge = panel.findChild<QPushButton*>(QStringLiteral("acknowledge"));
        QVERIFY(alarms && log && acknowledge);
        QCOMPARE(panel.unacknowledgedCount(), 0);
        QVERIFY(!acknowledge->isEnabled());
        QSignalSpy count(&panel, &ui::AlarmsPanel::unacknowledgedChanged);

        QTRY_COMPARE_WITH_TIMEOUT(test::siteStatus(s, site), QStringLiteral("connected"), 10000);
        // The automatic "connected" shows in the log, by the console itself.
        QTRY_VERIFY_WITH_TIMEOUT(logRow(log, QStringLiteral("site.connected")) >= 0, 3000);
        const int connectedRow = logRow(log, QStringLiteral("site.connected"));
        QCOMPARE(log->item(connectedRow, ui::AlarmsPanel::LogActor)->text(),
                 ui::AlarmsPanel::tr("Automatic"));
        QCOMPARE(log->item(connectedRow, ui::AlarmsPanel::LogSubject)->text(),
                 QStringLiteral("Huyện Minh Hóa"));

        // The sender dies: a "signal lost" alarm row within a few seconds.
        sender.kill();
        QTRY_COMPARE_WITH_TIMEOUT(panel.unacknowledgedCount(), 1, 6000);
        QCOMPARE(alarms->item(0, ui::AlarmsPanel::AlarmSite)->text(), QStringLiteral("Huyện Minh Hóa"));
        QCOMPARE(alarms->item(0, ui::AlarmsPanel::AlarmWhat)->text(), ui::AlarmsPanel::tr("Signal lost"));
        QVERIFY(!alarms->item(0, ui::AlarmsPanel::AlarmReason)->text().isEmpty());
        QVERIFY(!count.isEmpty());
        QCOMPARE(count.last().at(0).toInt(), 1);
        QVERIFY(acknowledge->isEnabled());
        // The automatic action is in the log with its reason.
        QTRY_VERIFY_WITH_TIMEOUT(logRow(log, QStringLiteral("site.lost")) >= 0, 3000);
        QVERIFY(!log->item(logRow(log, QStringLiteral("site.lost")), ui::AlarmsPanel::LogReason)
                     ->text()
                     .isEmpty());
        QVERIFY(test::saveScreenshot(panel, QStringLiteral("alarms_panel")));

        // Acknowledge: the row goes, the count says 0, the log has the operator's acknowledgement.
        const qint64 alarmId = panel.alarmIdAt(0);
        alarms->selectRow(0);
        QTest::mouseClick(acknowledge, Qt::LeftButton);
        QCOMPARE(panel.unacknowledgedCount(), 0);
        QCOMPARE(count.last().at(0).toInt(), 0);
        QVERIFY(hntt::test::alarmsJson(s).isEmpty());
        const int ackRow = logRow(log, QStringLiteral("alarm.acknowledge"));
        QVERIFY(ackRow >= 0);
        QCOMPARE(log->item(ackRow, ui::AlarmsPanel::LogActor)->text(), ui::AlarmsPanel::tr("Operator"));
        QCOMPARE(log->item(ackRow, ui::AlarmsPanel::LogSubject)->text(), QString::number(alarmId));
        auto stored = s.eventLog().query();
        QVERIFY(stored);
        QCOMPARE(stored->first().action, QStringLiteral("alarm.acknowledge"));
        QCOMPARE(stored->first().actor, QStringLiteral("ui"));
    }

    void acknowledgeAll() {
        QTemporaryDir tmp;
        // Two saved streams that cannot start: two alarms when the session opens.
        core::ConsoleSettings(tmp.path())
            .setOutputs({{QStringLiteral("ftp://example.org/a"), QStringLiteral("Kênh A")},
                         {QStringLiteral("gopher://example.org/b"), QStringLiteral("Kênh B")}});
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        ui::AlarmsPanel panel(s);
        QCOMPARE(panel.unacknowledgedCount(), 2);
        auto* alarms = panel.findChild<QTableWidget*>(QStringLiteral("alarms"));
        // Newest on top; the stream is named.
        QCOMPARE(alarms->item(0, ui::AlarmsPanel::AlarmSite)->text(),
                 ui::AlarmsPanel::tr("Stream %1").arg("Kênh B"));
        QCOMPARE(alarms->item(1, ui::AlarmsPanel::AlarmWhat)->text(), ui::AlarmsPanel::tr("Stream error"));
        QSignalSpy count(&panel, &ui::AlarmsPanel::unacknowledgedChanged);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("acknowledgeAll")), Qt::LeftButton);
        QCOMPARE(panel.unacknowledgedCount(), 0);
        QVERIFY(!count.isEmpty());
        QCOMPARE(count.last().at(0).toInt(), 0);
        int acks = 0;
        for (const core::EventRecord& e : s.eventLog().query().value())
            acks += e.action == QLatin1String("alarm.acknowledge") && e.actor == QLatin1String("ui");
        QCOMPARE(acks, 2);
    }
};

QTEST_MAIN(TestAlarmsPanel)
#include "tst_alarms_panel.moc"
