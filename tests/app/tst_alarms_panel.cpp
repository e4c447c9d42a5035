// The alarms panel against a real session: a site whose sender dies raises a "signal lost" alarm
// row within seconds; acknowledging it removes the row, counts down, and leaves an event-log row
// by the operator. Automatic actions show in the log with their reason.
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/panels/alarms_panel.h"
#include "ui/panels/event_log_view.h"
#include "ui/theme.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace hntt;
using core::Session;

namespace {

// The first log row (newest first) whose action cell carries that action code; -1 when none.
int logRow(QTableWidget* log, const QString& action) {
    for (int row = 0; row < log->rowCount(); ++row)
        if (log->item(row, ui::EventLogView::LogAction)->data(Qt::UserRole).toString() == action)
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
        QCOMPARE(log->item(connectedRow, ui::EventLogView::LogActor)->text(),
                 ui::AlarmsPanel::tr("Automatic"));
        QCOMPARE(log->item(connectedRow, ui::EventLogView::LogSubject)->text(),
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
        QVERIFY(!log->item(logRow(log, QStringLiteral("site.lost")), ui::EventLogView::LogReason)
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
        QCOMPARE(log->item(ackRow, ui::EventLogView::LogActor)->text(), ui::AlarmsPanel::tr("Operator"));
        QCOMPARE(log->item(ackRow, ui::EventLogView::LogSubject)->text(), QString::number(alarmId));
        auto stored = s.eventLog().query();
        QVERIFY(stored);
        QCOMPARE(stored->first().action, QStringLiteral("alarm.acknowledge"));
        QCOMPARE(stored->first().actor, QStringLiteral("ui"));
    }

    // The log says what the operator did ("Muted", not "Site audio"), narrows to the console's
    // own events, to people's actions or to one site, exports all of what it shows for a
    // spreadsheet (a name that looks like a formula stays text), and takes the whole panel while
    // no alarm waits.
    void eventLogFiltersAndExports() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        const qint64 a = test::addSite(s, QStringLiteral("Xã Cảnh Dương"), core::SiteLevel::Province,
                                       QStringLiteral("test://solid?color=ff0000"));
        const qint64 b = test::addSite(s, QStringLiteral("=Xã Quảng Phú"), core::SiteLevel::Province,
                                       QStringLiteral("test://solid?color=00ff00"));
        QVERIFY(a && b);
        QTRY_COMPARE_WITH_TIMEOUT(test::siteStatus(s, a), QStringLiteral("connected"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(test::siteStatus(s, b), QStringLiteral("connected"), 10000);
        QVERIFY(s.setSiteAudio(a, true, std::nullopt, QStringLiteral("ui")));
        QVERIFY(s.setSiteAudio(a, false, std::nullopt, QStringLiteral("ui")));
        QVERIFY(s.setSiteAudio(b, std::nullopt, -6.0, QStringLiteral("api:cli")));

        ui::AlarmsPanel panel(s);
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        ui::EventLogView* view = panel.eventLog();
        auto* log = view->findChild<QTableWidget*>(QStringLiteral("eventLog"));
        QVERIFY(log);
        auto column = [log](int c) {
            QStringList out;
            for (int row = 0; row < log->rowCount(); ++row)
                out << log->item(row, c)->text();
            return out;
        };
        QCOMPARE(column(ui::EventLogView::LogAction).mid(0, 3),
                 (QStringList{QStringLiteral("Gain set to -6.0 dB"), QStringLiteral("Unmuted"),
                              QStringLiteral("Muted")}));
        QCOMPARE(column(ui::EventLogView::LogSubject).mid(0, 3),
                 (QStringList{QStringLiteral("=Xã Quảng Phú"), QStringLiteral("Xã Cảnh Dương"),
                              QStringLiteral("Xã Cảnh Dương")}));
        view->setShow(ui::EventLogView::Show::People);
        QCOMPARE(log->rowCount(), 5); // and the test's own two "site added"
        QCOMPARE(column(ui::EventLogView::LogActor).mid(0, 3),
                 (QStringList{QStringLiteral("API (cli)"), QStringLiteral("Operator"),
                              QStringLiteral("Operator")}));
        QVERIFY(!column(ui::EventLogView::LogActor).contains(QStringLiteral("Automatic")));
        view->setShow(ui::EventLogView::Show::Automatic);
        QVERIFY(log->rowCount() >= 2); // both sites connected, by the console itself
        for (const QString& by : column(ui::EventLogView::LogActor))
            QCOMPARE(by, QStringLiteral("Automatic"));
        view->setShow(ui::EventLogView::Show::Everything);
        view->setSite(a);
        QVERIFY(log->rowCount() >= 3);
        for (const QString& subject : column(ui::EventLogView::LogSubject))
            QCOMPARE(subject, QStringLiteral("Xã Cảnh Dương"));

        // Export what the filters show: one site, everything about it.
        view->setSite(b);
        const int shown = log->rowCount();
        const QString path = tmp.filePath(QStringLiteral("log.csv"));
        QCOMPARE(view->exportTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines =
            QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + shown);
        QVERIFY2(lines.first().startsWith(QStringLiteral("Time (UTC")), qPrintable(lines.first()));
        QVERIFY(lines.first().endsWith(QStringLiteral("),By,Action,Subject,Reason,Code,Detail")));
        // Every row about that site, its name kept as text; the gain among them (a loaded machine may
        // have logged the site's signal coming and going since).
        for (const QString& row : lines.mid(1))
            QVERIFY2(row.contains(QStringLiteral(",'=Xã Quảng Phú,")), qPrintable(row));
        QVERIFY2(std::any_of(lines.begin(), lines.end(),
                             [](const QString& row) {
                                 return row.contains(QStringLiteral("Gain set to -6.0 dB,'=Xã Quảng Phú,"));
                             }),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        // A folder that cannot be written: a clear word, no file.
        const QString refused = view->exportTo(tmp.filePath(QStringLiteral("missing/log.csv")));
        QVERIFY(refused.contains(QStringLiteral("could not be saved")));
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("missing/log.csv"))));
        // No alarm (a loaded machine may have lost a test site for a moment: acknowledged): the
        // table is folded and the log has most of the panel.
        s.acknowledgeAllAlarms(QStringLiteral("test"));
        QTRY_VERIFY(!panel.findChild<QTableWidget*>(QStringLiteral("alarms"))->isVisible());
        QVERIFY2(log->height() > panel.height() * 6 / 10, qPrintable(QString::number(log->height())));

        s.shutdown();
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
