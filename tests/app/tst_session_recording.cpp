// The session's recordings tell the truth: a second recording never takes the first one's file,
// and a recording stopped before any picture reached its file ends failed with the reason, never
// "finished, 0 s".
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;
using core::Session;

class TestSessionRecording : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anotherRecordingsFileIsNeverTaken() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        // Files of this title for the next few seconds already exist (another recording's).
        const QDateTime now = QDateTime::currentDateTime();
        const QDir day(
            QDir(s.settings().recordingsDir()).filePath(now.toString(QStringLiteral("yyyy-MM-dd"))));
        QVERIFY(QDir().mkpath(day.path()));
        QStringList taken;
        for (int i = 0; i < 6; ++i) {
            const QString path = day.filePath(now.addSecs(i).toString(QStringLiteral("HHmmss")) +
                                              QStringLiteral("-Giao-ban.mkv"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("an earlier meeting");
            taken << path;
        }
        auto rec = s.startRecording(QStringLiteral("Giao ban"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(rec);
        QVERIFY2(!taken.contains(rec->path), qPrintable(rec->path));
        QVERIFY2(rec->path.endsWith(QStringLiteral("-Giao-ban-2.mkv")), qPrintable(rec->path));
        QVERIFY(s.stopRecording(rec->id, QStringLiteral("ui")));
        for (const QString& path : taken) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("an earlier meeting"));
        }
        // Two recordings of one title one after the other: two files.
        auto first = s.startRecording(QStringLiteral("Họp nhanh"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(first);
        QVERIFY(s.stopRecording(first->id, QStringLiteral("ui")));
        auto second = s.startRecording(QStringLiteral("Họp nhanh"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(second);
        QVERIFY(s.stopRecording(second->id, QStringLiteral("ui")));
        QVERIFY(first->path != second->path);
    }

    // Stopped at once, a recording may have no picture in its file yet: then it is failed, with
    // the reason, an alarm and a recording.error event; when it did get pictures, its duration
    // says how much.
    void aStopCountsWhatWasWritten() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        const qint64 site = test::addSite(s, QStringLiteral("UBND tỉnh"), core::SiteLevel::Province,
                                          QStringLiteral("test://solid?color=00ff00&tone=600&w=160&h=90"));
        QVERIFY(site);
        int failed = 0;
        for (int i = 0; i < 3; ++i) {
            hntt::test::EventSpy events(s);
            auto rec = s.startRecording(QStringLiteral("Ngắn"), std::nullopt, QStringLiteral("ui"));
            QVERIFY(rec);
            auto done = s.stopRecording(rec->id, QStringLiteral("ui"));
            QVERIFY(done);
            QStringList types;
            for (const auto& e : events)
                types << e.at(0).toJsonObject().value(QStringLiteral("type")).toString();
            if (done->state == core::RecordingState::Failed) {
                ++failed;
                QVERIFY(!done->error.isEmpty());
                QVERIFY2(types.contains(QStringLiteral("recording.error")) &&
                             types.contains(QStringLiteral("alarm")),
                         qPrintable(types.join(',')));
            } else {
                QCOMPARE(done->state, core::RecordingState::Finished);
                QVERIFY2(done->durationS.value_or(0) > 0, "finished with nothing written");
                QVERIFY(!test::ffprobe(done->path).isEmpty());
            }
        }
        // A recording that runs writes its pictures: finished, with its length.
        auto rec = s.startRecording(QStringLiteral("Đủ dài"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(rec);
        QTest::qWait(2500);
        QVERIFY(s.recordingProblem().isEmpty());
        auto done = s.stopRecording(rec->id, QStringLiteral("ui"));
        QVERIFY(done);
        QCOMPARE(done->state, core::RecordingState::Finished);
        QVERIFY2(done->durationS.value_or(0) > 1.5, qPrintable(QString::number(done->durationS.value_or(0))));
        qInfo("%d of 3 immediate stops had no picture yet", failed);
    }
};

QTEST_MAIN(TestSessionRecording)
#include "tst_session_recording.moc"
