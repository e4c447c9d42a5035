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
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

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

    // Two recordings of one title in one second (the naming clock held still), the name also taken
    // by an older file: three files, each recording's playable and its own row's, none of them
    // truncated by the next.
    void twoRecordingsInOneSecondKeepTheirFiles() {
        QTemporaryDir tmp;
        core::SessionOptions options = test::smallSession(tmp.path());
        const QDateTime now = QDateTime::currentDateTime();
        options.clock = [now] { return now; };
        Session s(options);
        QVERIFY(s.open());
        QVERIFY(test::addSite(s, QStringLiteral("UBND tỉnh"), core::SiteLevel::Province,
                              QStringLiteral("test://solid?color=00ff00&tone=600&w=160&h=90")));
        const QDir day(
            QDir(s.settings().recordingsDir()).filePath(now.toString(QStringLiteral("yyyy-MM-dd"))));
        QVERIFY(QDir().mkpath(day.path()));
        const QString older =
            day.filePath(now.toString(QStringLiteral("HHmmss")) + QStringLiteral("-Giao-ban.mkv"));
        {
            QFile f(older);
            QVERIFY(f.open(QIODevice::NewOnly));
            f.write("an earlier meeting");
        }
        auto bytesOf = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QList<core::RecordingRecord> made;
        QByteArray firstBytes;
        for (int i = 0; i < 2; ++i) {
            auto rec = s.startRecording(QStringLiteral("Giao ban"), std::nullopt, QStringLiteral("ui"));
            QVERIFY(rec);
            QTRY_VERIFY_WITH_TIMEOUT(s.engine().recording().stats.durationSeconds >= 1.5, 30000);
            auto done = s.stopRecording(rec->id, QStringLiteral("ui"));
            QVERIFY(done);
            made.append(done.value());
            if (i == 0)
                firstBytes = bytesOf(done->path);
        }
        const core::RecordingRecord* first = &made[0];
        const core::RecordingRecord* second = &made[1];
        QVERIFY2(first->path != second->path, qPrintable(first->path));
        QVERIFY(first->path != older && second->path != older);
        QCOMPARE(QFileInfo(first->path).dir(), day);
        QCOMPARE(QFileInfo(second->path).dir(), day);
        QCOMPARE(bytesOf(older), QByteArray("an earlier meeting"));
        QVERIFY(firstBytes.size() > 1000);
        QCOMPARE(bytesOf(first->path), firstBytes);
        for (const core::RecordingRecord& rec : made) {
            QCOMPARE(rec.state, core::RecordingState::Finished);
            const QJsonObject probe = test::ffprobe(rec.path);
            QVERIFY2(!probe.isEmpty(), qPrintable(rec.path));
            const double duration =
                probe[QStringLiteral("format")].toObject()[QStringLiteral("duration")].toString().toDouble();
            QVERIFY2(duration >= 1.4, qPrintable(QStringLiteral("%1: %2 s").arg(rec.path).arg(duration)));
            QCOMPARE(rec.sizeBytes.value_or(-1), QFileInfo(rec.path).size());
        }
        auto rows = s.recordings().list();
        QVERIFY(rows);
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).id, second->id);
        QCOMPARE(rows->at(0).path, second->path);
        QCOMPARE(rows->at(1).id, first->id);
        QCOMPARE(rows->at(1).path, first->path);
    }

    // A recording whose writer was killed (SIGKILL: no trailer, no index, no duration in its
    // header) is catalogued at the next start with what its file holds: its length within a
    // frame of what ffprobe reads from its packets, its size, a stop time, and a log entry.
    void aRecordingCutByACrashIsMeasuredAtStart() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("recordings/2026-05-04/083015-Giao-ban.mkv"));
        qint64 id = 0;
        {
            // The console as it was when killed: its row says "recording".
            auto db = core::Database::open(QDir(tmp.path()).filePath(QStringLiteral("hntt.sqlite")));
            QVERIFY(db);
            core::RecordingCatalogue catalogue(*db.value());
            auto row = catalogue.start(path, QStringLiteral("Giao ban"));
            QVERIFY(row);
            id = row->id;
        }
        test::ChildProcess::Options o;
        o.out = test::ChildProcess::Output::Capture;
        test::ChildProcess recorder(QStringLiteral(HNTT_ENGINE_RECORDER), {path}, o);
        QVERIFY(recorder.started());
        QVERIFY(recorder.waitForOutput("recording", 20000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 0, 20000);
        QTest::qWait(4000);
        ::kill(recorder.pid(), SIGKILL);
        QVERIFY(recorder.waitFinished(10000));

        // What the file holds, by ffprobe: the end of its last picture.
        QByteArray out, err;
        QCOMPARE(test::runProgram(QStringLiteral("ffprobe"),
                                  {"-v", "error", "-select_streams", "v:0", "-show_entries",
                                   "packet=pts_time,duration_time", "-of", "csv=p=0", path},
                                  &out, &err),
                 0);
        double held = 0;
        int pictures = 0;
        for (const QByteArray& line : out.split('\n')) {
            const QList<QByteArray> fields = line.trimmed().split(',');
            if (fields.size() < 2)
                continue;
            held = std::max(held, fields[0].toDouble() + fields[1].toDouble());
            ++pictures;
        }
        QVERIFY2(pictures >= 50, out.right(200).constData());
        const qint64 size = QFileInfo(path).size();
        // The fault: the header says nothing of the length.
        const QJsonObject probe = test::ffprobe(path);
        QVERIFY(!probe.isEmpty());
        qInfo("the header's duration: %s; the packets': %.3f s",
              qPrintable(probe[QStringLiteral("format")].toObject()[QStringLiteral("duration")].toString()),
              held);

        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        QTRY_VERIFY_WITH_TIMEOUT(s.recordings().get(id)->durationS.has_value(), 60000);
        const core::RecordingRecord rec = s.recordings().get(id).value();
        QCOMPARE(rec.state, core::RecordingState::Failed);
        QVERIFY(!rec.error.isEmpty());
        QVERIFY2(std::abs(*rec.durationS - held) < 0.1,
                 qPrintable(QStringLiteral("%1 against %2").arg(*rec.durationS).arg(held)));
        QCOMPARE(rec.sizeBytes, std::optional<qint64>(size));
        QVERIFY(rec.stoppedAt.isValid() && rec.stoppedAt >= rec.startedAt);
        auto events = s.eventLog().query();
        QVERIFY(events);
        const auto logged = std::find_if(events->cbegin(), events->cend(), [id](const core::EventRecord& e) {
            return e.action == QStringLiteral("recording.interrupted") && e.subject == QString::number(id);
        });
        QVERIFY(logged != events->cend());
        QCOMPARE(logged->detail.value(QStringLiteral("size_bytes")).toInteger(), size);
        // Measured once: the next start leaves the row as it is.
        QVERIFY(s.recordings().unmeasuredInterrupted()->isEmpty());
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
