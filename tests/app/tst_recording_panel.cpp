// The recording panel against a real session: Record makes a file that grows while the counter
// runs, Stop leaves a finished recording in the catalogue that ffprobe accepts; the title follows
// the active meeting; a refused start shows why.
#include "core/session/session.h"
#include "session_fixture.h"
#include "test_support.h"
#include "ui/panels/recording_panel.h"
#include "ui/theme.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;
using core::Session;

class TestRecordingPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ui::applyControlRoomTheme(*qApp); }

    void recordAndStop() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        const qint64 host = test::addSite(s, QStringLiteral("UBND tỉnh"), core::SiteLevel::Province,
                                          QStringLiteral("test://solid?color=ff0000&tone=440&w=320&h=180"));
        QVERIFY(host);
        QVERIFY(s.setProgram({"single", {host}}, QStringLiteral("ui")));

        ui::RecordingPanel panel(s);
        panel.resize(480, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.objectName(), QStringLiteral("recordingPanel"));
        auto* title = panel.findChild<QLineEdit*>(QStringLiteral("title"));
        auto* record = panel.findChild<QPushButton*>(QStringLiteral("record"));
        auto* stop = panel.findChild<QPushButton*>(QStringLiteral("stop"));
        auto* elapsed = panel.findChild<QLabel*>(QStringLiteral("elapsed"));
        auto* size = panel.findChild<QLabel*>(QStringLiteral("size"));
        auto* free = panel.findChild<QLabel*>(QStringLiteral("free"));
        auto* timeLeft = panel.findChild<QLabel*>(QStringLiteral("timeLeft"));
        QVERIFY(title && record && stop && elapsed && size && free && timeLeft);
        QVERIFY(!title->text().isEmpty()); // today's date until a meeting runs
        QVERIFY(record->isEnabled());
        QVERIFY(!stop->isEnabled());
        QVERIFY(!free->text().isEmpty());
        QVERIFY(!timeLeft->text().isEmpty());

        // The title follows a meeting that starts.
        const qint64 meeting = test::scheduleToday(s, QStringLiteral("Giao ban tháng 6"), host, {});
        QVERIFY(meeting);
        QVERIFY(s.startMeeting(meeting, QStringLiteral("ui")));
        QCOMPARE(title->text(), QStringLiteral("Giao ban tháng 6"));

        QSignalSpy changed(&panel, &ui::RecordingPanel::recordingChanged);
        QTest::mouseClick(record, Qt::LeftButton);
        QVERIFY(s.activeRecordingId());
        QCOMPARE(changed.size(), 1);
        QVERIFY(!record->isEnabled());
        QVERIFY(stop->isEnabled());
        auto rec = s.recordings().get(*s.activeRecordingId());
        QVERIFY(rec);
        QCOMPARE(rec->title, QStringLiteral("Giao ban tháng 6"));
        QCOMPARE(rec->meetingId, std::optional<qint64>(meeting));

        // The file grows, the counter advances, the size shows.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(rec->path).size() > 0, 5000);
        const qint64 early = QFileInfo(rec->path).size();
        QTRY_COMPARE_WITH_TIMEOUT(elapsed->text(), QStringLiteral("00:00:02"), 4000);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(rec->path).size() > early, 5000);
        QVERIFY2(size->text() != QStringLiteral("—"), qPrintable(size->text()));
        QVERIFY(test::saveScreenshot(panel, QStringLiteral("recording_panel")));

        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!s.activeRecordingId());
        QCOMPARE(changed.size(), 2);
        QVERIFY(record->isEnabled());
        auto finished = s.recordings().get(rec->id);
        QVERIFY(finished);
        QCOMPARE(finished->state, core::RecordingState::Finished);
        QVERIFY(finished->durationS.value_or(0) > 1.5);
        QVERIFY(finished->sizeBytes.value_or(0) > 0);
        const QJsonObject probe = test::ffprobe(finished->path);
        QVERIFY(!probe.isEmpty());
        QStringList codecs;
        for (const QJsonValue& st : probe.value(QStringLiteral("streams")).toArray())
            codecs << st.toObject().value(QStringLiteral("codec_name")).toString();
        QVERIFY2(codecs.contains(QStringLiteral("h264")) && codecs.contains(QStringLiteral("aac")),
                 qPrintable(codecs.join(',')));
        // The elapsed counter stays at the recording's length until the next one.
        QVERIFY(elapsed->text() >= QStringLiteral("00:00:02"));
    }

    void refusedStartShowsWhy() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        // Already recording (from the API): the panel follows; a second start is refused with the reason.
        auto rec = s.startRecording(QStringLiteral("API"), std::nullopt, QStringLiteral("api:test"));
        QVERIFY(rec);
        ui::RecordingPanel panel(s);
        QVERIFY(panel.isRecording());
        QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("record"))->isEnabled());
        QVERIFY(s.stopRecording(rec->id, QStringLiteral("api:test")));
        QTRY_VERIFY(panel.findChild<QPushButton*>(QStringLiteral("record"))->isEnabled());

        // A recordings folder that cannot be made: the recording fails, and the panel says why and
        // is ready to record again.
        QFile blocker(tmp.filePath(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        s.settings().setRecordingsDir(tmp.filePath(QStringLiteral("blocked/recordings")));
        panel.record();
        QTRY_VERIFY_WITH_TIMEOUT(!s.activeRecordingId(), 5000);
        auto* error = panel.findChild<QLabel*>(QStringLiteral("error"));
        QTRY_VERIFY(!error->isHidden());
        QVERIFY(!error->text().isEmpty());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("record"))->isEnabled());
    }
};

QTEST_MAIN(TestRecordingPanel)
#include "tst_recording_panel.moc"
