// An archive export cut off by a crash leaves its "<name>.partial" folder; the console removes it
// at its next start and before the next export, and says so in the event log. A folder an export
// is writing (held, here by another process) stays until that process is gone, even by SIGKILL;
// finished archives are never touched.
#include "core/archive/archive_job.h"
#include "core/archive/archive_writer.h"
#include "core/archive/partial_folders.h"
#include "core/session/session.h"
#include "session_fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace hntt;
using core::Session;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes) {
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// An export's leftovers: a half-copied recording and some of its tracks.
bool leaveInterruptedExport(const QString& folder) {
    return writeFile(QDir(folder).filePath(QStringLiteral("program.mkv")), QByteArray(200000, 'x')) &&
           writeFile(QDir(folder).filePath(QStringLiteral("audio/site-1-UBND-tinh.m4a")), "half a track");
}

// The log's archive.partial_removed entries, by path.
QStringList removalsLogged(Session& s) {
    QStringList paths;
    if (auto events = s.eventLog().query())
        for (const core::EventRecord& e : events.value())
            if (e.action == QStringLiteral("archive.partial_removed"))
                paths << e.detail.value(QStringLiteral("path")).toString();
    return paths;
}

} // namespace

class TestArchivePartial : public QObject {
    Q_OBJECT

    // A finished archive beside the partial ones: never touched.
    void makeFinishedArchive(const QString& archives) {
        QVERIFY(
            writeFile(QDir(archives).filePath(QStringLiteral("Giao-ban-tuan-7/program.mkv")), "archived"));
        QVERIFY(writeFile(QDir(archives).filePath(QStringLiteral("Giao-ban-tuan-7/manifest.json")), "{}"));
    }
    void checkFinishedArchive(const QString& archives) {
        QCOMPARE(readFile(QDir(archives).filePath(QStringLiteral("Giao-ban-tuan-7/program.mkv"))),
                 QByteArray("archived"));
        QCOMPARE(readFile(QDir(archives).filePath(QStringLiteral("Giao-ban-tuan-7/manifest.json"))),
                 QByteArray("{}"));
    }

private Q_SLOTS:
    void aLeftoverGoesAtStartAndAHeldOneStays() {
        QTemporaryDir tmp;
        const QString archives = QDir(tmp.path()).filePath(QStringLiteral("archives"));
        const QString left = QDir(archives).filePath(QStringLiteral("Giao-ban-tuan-8.partial"));
        const QString held = QDir(archives).filePath(QStringLiteral("Hop-khan.partial"));
        QVERIFY(leaveInterruptedExport(left));
        QVERIFY(leaveInterruptedExport(held));
        makeFinishedArchive(archives);
        QVERIFY(
            writeFile(QDir(archives).filePath(QStringLiteral("ghi-chu.partial")), "a file, not an export's"));

        // Another process writes "Hop-khan" (it holds the folder as an export does).
        QProcess writer;
        // One process holds the lock (flock(1) on a descriptor the shell keeps open into sleep),
        // so that SIGKILL to it ends the hold as a crash would.
        writer.start(QStringLiteral("sh"),
                     {QStringLiteral("-c"),
                      QStringLiteral("exec 9<\"$0\"; flock -n 9 && echo held; exec sleep 600"), held});
        QVERIFY(writer.waitForStarted(10000));
        QVERIFY(writer.waitForReadyRead(10000));
        QCOMPARE(writer.readAll().trimmed(), QByteArray("held"));

        {
            Session s(test::smallSession(tmp.path()));
            QVERIFY(s.open());
            QCOMPARE(s.settings().archivesDir(), archives);
            QVERIFY(!QFileInfo::exists(left));
            QVERIFY(QFileInfo::exists(QDir(held).filePath(QStringLiteral("program.mkv"))));
            QCOMPARE(removalsLogged(s), QStringList{left});
            checkFinishedArchive(archives);
            QCOMPARE(readFile(QDir(archives).filePath(QStringLiteral("ghi-chu.partial"))),
                     QByteArray("a file, not an export's"));
        }

        // Killed in the middle of its work: its lock goes with it, and so does the folder.
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        QVERIFY(!QFileInfo::exists(held));
        QVERIFY(removalsLogged(s).contains(held));
        checkFinishedArchive(archives);
    }

    // Before an export, what earlier ones left goes too; the export itself is whole.
    void aLeftoverGoesBeforeTheNextArchive() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        const QString archives = s.settings().archivesDir();
        QVERIFY(test::addSite(s, QStringLiteral("UBND tỉnh"), core::SiteLevel::Province,
                              QStringLiteral("test://solid?color=00ff00&tone=600&w=160&h=90")));
        auto rec = s.startRecording(QStringLiteral("Giao ban"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(rec);
        QTRY_VERIFY_WITH_TIMEOUT(s.engine().recording().stats.durationSeconds >= 1.5, 30000);
        QVERIFY(s.stopRecording(rec->id, QStringLiteral("ui")));

        // Left while the console runs (by an export of another console sharing the folder).
        const QString left = QDir(archives).filePath(QStringLiteral("Giao-ban-tuan-8.partial"));
        QVERIFY(leaveInterruptedExport(left));
        makeFinishedArchive(archives);

        core::archive::ArchiveRequest request;
        request.recordingId = rec->id;
        request.sign = false;
        auto job = core::archive::startArchive(s, request, QStringLiteral("ui"));
        QVERIFY2(job, job ? "" : qPrintable(job.error().message));
        QVERIFY(!QFileInfo::exists(left));
        QVERIFY(removalsLogged(s).contains(left));
        QTRY_VERIFY_WITH_TIMEOUT(s.jobs().job(*job)->state != core::JobQueue::State::Running, 120000);
        const core::JobQueue::Job done = s.jobs().job(*job).value();
        QVERIFY2(done.state == core::JobQueue::State::Done, qPrintable(done.error));
        const auto* made = done.resultAs<core::archive::ArchiveMade>();
        QVERIFY(made);
        QVERIFY(QFileInfo(QDir(made->path).filePath(QStringLiteral("program.mkv"))).isFile());
        QVERIFY(QDir(archives).entryList({QStringLiteral("*.partial")}, QDir::Dirs).isEmpty());
        checkFinishedArchive(archives);
    }
};

QTEST_MAIN(TestArchivePartial)
#include "tst_archive_partial.moc"
