// The library manages what it holds, through the API and in the window: details (title, meeting,
// file name), a moved file found again, delete to the trash (asked, undone, restored, emptied);
// exports a stop of the console cut off are marked after the restart; archived recordings are
// marked and a second archive is asked for; system errors and Qt's own dialogs in Vietnamese.
#include "api/api_service.h"
#include "api_requests.h"
#include "core/engine_reason.h"
#include "core/language.h"
#include "core/review/clip_exporter.h"
#include "core/review/export_history.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "core/system_error.h"
#include "modal_answer.h"
#include "session_fixture.h"
#include "test_support.h"
#include "ui/file_dialogs.h"
#include "ui/review/archive_export_bar.h"
#include "ui/review/library_window.h"
#include "ui/review/marker_timeline.h"
#include "ui/review/recording_edit_dialog.h"
#include "ui/review/review_player.h"

#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <cerrno>
#include <cstring>
#include <memory>
#include <sys/stat.h>

// The review window's media player (Qt Multimedia's GStreamer back end) allocates inside system
// libraries built without frame pointers: full unwinding lets tests/lsan.supp's suppressions of
// those libraries match. (Only read by sanitizer builds.)
extern "C" const char* __asan_default_options() {
    return "fast_unwind_on_malloc=0";
}

using namespace hntt;
using hntt::test::request;

namespace {

std::string str(qint64 v) {
    return std::to_string(v);
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString cellText(hntt::ui::LibraryWindow& w, qint64 id, int column) {
    QAbstractItemModel* model = w.table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(Qt::UserRole + 1).toLongLong() == id)
            return model->index(row, column).data().toString();
    return {};
}

} // namespace

class TestLibrary : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<core::Session> session_;
    std::unique_ptr<api::ApiService> api_;
    qint64 meeting_ = 0;

    api::Response call(const std::string& method, const std::string& path, const std::string& body = {}) {
        return api_->route(request(method, path, body));
    }

    // A finished recording of `bytes` in the session's recordings folder.
    qint64 recorded(const QString& title, const QString& fileName, const QByteArray& bytes) {
        const QString path =
            QDir(session_->settings().recordingsDir()).filePath(QStringLiteral("2026-12-01/") + fileName);
        if (!writeFile(path, bytes))
            return 0;
        auto rec = session_->recordings().start(path, title,
                                                meeting_ ? std::optional<qint64>(meeting_) : std::nullopt);
        if (!rec)
            return 0;
        auto done = session_->recordings().finish(rec->id, 5.0, bytes.size());
        return done ? done->id : 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        session_ = std::make_unique<core::Session>(test::smallSession(tmp_.path()));
        QVERIFY(session_->open());
        api::ServerConfig config;
        config.token = "library-token";
        api_ = std::make_unique<api::ApiService>(*session_, config);
        const qint64 host = test::addSite(*session_, QStringLiteral("UBND tỉnh"), core::SiteLevel::Province,
                                          QStringLiteral("test://solid?color=ff0000&tone=500&w=320&h=180"));
        QVERIFY(host);
        meeting_ = test::scheduleToday(*session_, QStringLiteral("Giao ban tháng 12"), host, {});
        QVERIFY(meeting_);
    }

    void cleanupTestCase() {
        api_.reset();
        if (session_)
            session_->shutdown();
        session_.reset();
    }

    // DELETE moves the file into the trash beside it and hides the row; restore puts it back,
    // byte for byte; purge deletes it for good, and only from the trash. All logged.
    void trashRestoreAndPurgeThroughTheApi() {
        const QByteArray bytes = QByteArray(4096, 'a');
        const qint64 id =
            recorded(QStringLiteral("Phiên sáng"), QStringLiteral("090000-Phien-sang.mkv"), bytes);
        QVERIFY(id);
        const QString path = session_->recordings().get(id)->path;

        QCOMPARE(call("POST", "/recordings/" + str(id) + "/purge").status, 409); // not in the trash
        api::Response r = call("DELETE", "/recordings/" + str(id));
        QCOMPARE(r.status, 200);
        QVERIFY(!test::objectOf(r).value("trashed_at").isNull());
        QVERIFY(!QFileInfo::exists(path));
        const auto trashed = session_->recordings().get(id);
        QVERIFY(trashed && trashed->trashed());
        QCOMPARE(QFileInfo(trashed->trashPath).dir().dirName(), QStringLiteral(".trash"));
        QCOMPARE(test::fileBytes(trashed->trashPath), bytes);
        auto contains = [](const QJsonArray& list, qint64 id) {
            for (const QJsonValue& v : list)
                if (v.toObject().value("id").toInteger() == id)
                    return true;
            return false;
        };
        QVERIFY(!contains(test::arrayOf(call("GET", "/recordings")), id));
        QVERIFY(contains(test::arrayOf(call("GET", "/recordings?trash=1")), id));
        QCOMPARE(call("DELETE", "/recordings/" + str(id)).status, 409); // already there
        QCOMPARE(call("PATCH", "/recordings/" + str(id), R"({"title":"x"})").status, 409);
        // Archiving it says where it is, not that its file is gone.
        const api::Response archive = call("POST", "/archives", "{\"recording_id\":" + str(id) + "}");
        QCOMPARE(archive.status, 409);
        QVERIFY2(archive.body.find("in the trash") != std::string::npos, archive.body.c_str());

        r = call("POST", "/recordings/" + str(id) + "/restore");
        QCOMPARE(r.status, 200);
        QVERIFY(test::objectOf(r).value("trashed_at").isNull());
        QCOMPARE(test::fileBytes(path), bytes);
        QCOMPARE(call("POST", "/recordings/" + str(id) + "/restore").status, 409);

        QCOMPARE(call("DELETE", "/recordings/" + str(id)).status, 200);
        const QString trashPath = session_->recordings().get(id)->trashPath;
        QCOMPARE(call("POST", "/recordings/" + str(id) + "/purge").status, 204);
        QVERIFY(!QFileInfo::exists(trashPath));
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(call("GET", "/recordings/" + str(id)).status, 404);
        QCOMPARE(call("DELETE", "/recordings/" + str(id)).status, 404);
        QCOMPARE(call("DELETE", "/recordings/999999").status, 404);

        for (const char* action : {"recording.trash", "recording.restore", "recording.purge"}) {
            const core::EventRecord e = test::lastLogged(*session_, QLatin1String(action));
            QCOMPARE(e.subject, QString::number(id));
            QVERIFY2(e.actor.startsWith(QLatin1String("api:")), qPrintable(e.actor));
        }
    }

    // Two recordings of the same file name go to the trash side by side, neither replaced.
    void theTrashNeverReplacesAFile() {
        const qint64 a = recorded(QStringLiteral("A"), QStringLiteral("100000-Hop.mkv"), "first");
        QVERIFY(a);
        QVERIFY(session_->trashRecording(a, QStringLiteral("ui")));
        const qint64 b = recorded(QStringLiteral("B"), QStringLiteral("100000-Hop.mkv"), "second");
        QVERIFY(b);
        QVERIFY(session_->trashRecording(b, QStringLiteral("ui")));
        const auto ra = session_->recordings().get(a), rb = session_->recordings().get(b);
        QVERIFY(ra->trashPath != rb->trashPath);
        QCOMPARE(test::fileBytes(ra->trashPath), QByteArray("first"));
        QCOMPARE(test::fileBytes(rb->trashPath), QByteArray("second"));
        // b's place is free again, a's too; each comes back to it only while it is free.
        QVERIFY(session_->restoreRecording(b, QStringLiteral("ui")));
        auto refused = session_->restoreRecording(a, QStringLiteral("ui"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::Error::Code::Conflict);
        QCOMPARE(test::fileBytes(ra->trashPath), QByteArray("first"));
    }

    // PATCH corrects the title, the meeting and the file's name; refuses paths, hidden names,
    // taken names, control characters and unknown meetings, changing nothing.
    void patchCorrectsWhatTheLibraryHolds() {
        const qint64 id = recorded(QStringLiteral("Phien sang"), QStringLiteral("083000-x.mkv"), "media");
        QVERIFY(id);
        const QString path = session_->recordings().get(id)->path;
        const std::string at = "/recordings/" + str(id);

        api::Response r = call("PATCH", at, R"({"title":"Phiên họp sáng"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(test::objectOf(r).value("title").toString(), QStringLiteral("Phiên họp sáng"));
        r = call("PATCH", at, R"({"meeting_id":null})");
        QCOMPARE(r.status, 200);
        QVERIFY(test::objectOf(r).value("meeting_id").isNull());
        r = call("PATCH", at, R"({"meeting_id":)" + str(meeting_) + "}");
        QCOMPARE(test::objectOf(r).value("meeting_id").toInteger(), meeting_);

        for (const char* bad :
             {R"({"meeting_id":987654})", R"({"file_name":"../escape"})", R"({"file_name":".hidden"})",
              R"({"file_name":""})", R"({"title":"a\u0007b"})", R"({})"})
            QVERIFY2(call("PATCH", at, bad).status == 422, bad);
        QCOMPARE(call("PATCH", at, "{not json").status, 400);
        QCOMPARE(call("PATCH", at, R"({"title":5})").status, 400);
        QVERIFY(writeFile(QFileInfo(path).dir().filePath(QStringLiteral("taken.mkv")), "other"));
        QCOMPARE(call("PATCH", at, R"({"file_name":"taken"})").status, 409);
        QCOMPARE(test::fileBytes(QFileInfo(path).dir().filePath(QStringLiteral("taken.mkv"))),
                 QByteArray("other"));
        QCOMPARE(test::fileBytes(path), QByteArray("media"));
        QCOMPARE(session_->recordings().get(id)->meetingId, std::optional<qint64>(meeting_));

        r = call("PATCH", at, R"({"file_name":"Phiên họp sáng 1-12"})");
        QCOMPARE(r.status, 200);
        const QString renamed = QFileInfo(path).dir().filePath(QStringLiteral("Phiên họp sáng 1-12.mkv"));
        QCOMPARE(test::objectOf(r).value("path").toString(), renamed);
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(test::fileBytes(renamed), QByteArray("media"));
        QCOMPARE(
            test::lastLogged(*session_, QStringLiteral("recording.rename")).detail.value("from").toString(),
            path);
        // The file is there: nothing to point elsewhere.
        QCOMPARE(call("PATCH", at, R"({"path":"/tmp/whatever.mkv"})").status, 409);
    }

    // A recording whose file was moved is pointed at it again: only at a regular file of the
    // recorded size (a FIFO would block the console, a folder is no recording); never both a
    // rename and a relink at once.
    void movedFileIsFoundAgain() {
        const QByteArray bytes(2048, 'm');
        const qint64 id = recorded(QStringLiteral("Chuyển đi"), QStringLiteral("140000-moved.mkv"), bytes);
        QVERIFY(id);
        const QString path = session_->recordings().get(id)->path;
        const QString moved = QDir(tmp_.path()).filePath(QStringLiteral("usb/140000-moved.mkv"));
        QDir().mkpath(QFileInfo(moved).absolutePath());
        QVERIFY(QFile::rename(path, moved));
        const std::string at = "/recordings/" + str(id);
        auto patch = [&](const QString& target) {
            return call(
                "PATCH", at,
                QJsonDocument(QJsonObject{{"path", target}}).toJson(QJsonDocument::Compact).toStdString());
        };

        const QString fifo = QDir(tmp_.path()).filePath(QStringLiteral("fifo.mkv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QCOMPARE(patch(fifo).status, 422); // answered at once: never opened
        QCOMPARE(patch(QStringLiteral("usb/140000-moved.mkv")).status, 422);
        QCOMPARE(patch(QFileInfo(moved).absolutePath()).status, 422);
        const QString wrong = QDir(tmp_.path()).filePath(QStringLiteral("usb/other.mkv"));
        QVERIFY(writeFile(wrong, "short"));
        api::Response r = patch(wrong);
        QCOMPARE(r.status, 422);
        QVERIFY2(test::objectOf(r).value("error").toObject().value("message").toString().contains(
                     QStringLiteral("2048")),
                 r.body.c_str());
        QCOMPARE(call("PATCH", at, R"({"path":"/x.mkv","file_name":"y"})").status, 422);
        QCOMPARE(call("PATCH", at, R"({"file_name":"y"})").status, 409); // nothing there to rename

        r = patch(moved);
        QCOMPARE(r.status, 200);
        QCOMPARE(test::objectOf(r).value("path").toString(), moved);
        QCOMPARE(session_->recordings().get(id)->path, moved);
        QCOMPARE(test::lastLogged(*session_, QStringLiteral("recording.relink")).subject,
                 QString::number(id));
    }

    // In the window: Delete asks, naming the file; "Cancel" changes nothing; the trash is undone
    // from the footer at once, restored from the trash view later, and emptied with a warning.
    void libraryWindowTrashesAndUndoes() {
        core::installTranslations(QStringLiteral("en"));
        const qint64 id =
            recorded(QStringLiteral("Họp khẩn bão số 9"), QStringLiteral("160000-bao.mkv"), "storm");
        QVERIFY(id);
        const QString path = session_->recordings().get(id)->path;
        ui::LibraryWindow w(*session_);
        w.resize(1366, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.selectRecording(id));
        auto* trash = w.findChild<QPushButton*>(QStringLiteral("libraryTrash"));
        QVERIFY(trash && trash->isVisible() && trash->isEnabled());

        QString asked;
        test::answerNextBox(&asked, "cancel");
        QVERIFY(!w.trashSelected());
        QVERIFY2(asked.contains(QDir::toNativeSeparators(path)), qPrintable(asked));
        QVERIFY(QFileInfo::exists(path));

        test::answerNextBox(&asked, "moveToTrash");
        QVERIFY(w.trashSelected());
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!w.visibleRecordings().contains(id));
        QVERIFY2(w.notice().contains(QStringLiteral("Họp khẩn bão số 9")), qPrintable(w.notice()));
        QVERIFY(w.undoButton()->isVisible());
        QTest::mouseClick(w.undoButton(), Qt::LeftButton);
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(w.visibleRecordings().contains(id));
        QVERIFY(!w.undoButton()->isVisible());

        // The Delete key does the same, asked the same.
        QVERIFY(w.selectRecording(id));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.table()->setFocus();
        test::answerNextBox(&asked, "moveToTrash");
        QTest::keyClick(w.table(), Qt::Key_Delete);
        QTRY_VERIFY(!QFileInfo::exists(path));

        w.showTrash(true);
        QVERIFY(w.visibleRecordings().contains(id));
        QVERIFY(w.findChild<QPushButton*>(QStringLiteral("libraryRestore"))->isVisible());
        QVERIFY(!w.findChild<QPushButton*>(QStringLiteral("libraryTrash"))->isVisible());
        QVERIFY(w.selectRecording(id));
        QVERIFY(cellText(w, id, ui::LibraryWindow::StateColumn).startsWith(QStringLiteral("In the trash")));
        QVERIFY(w.restoreSelected());
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(!w.visibleRecordings().contains(id));

        QVERIFY(session_->trashRecording(id, QStringLiteral("ui")));
        QTRY_VERIFY(w.visibleRecordings().contains(id)); // the window follows the session
        QVERIFY(w.selectRecording(id));
        const QString trashPath = session_->recordings().get(id)->trashPath;
        test::answerNextBox(&asked, "deleteForGood");
        QVERIFY(w.purgeSelected());
        QVERIFY2(asked.contains(QStringLiteral("cannot be brought back")), qPrintable(asked));
        QVERIFY(!QFileInfo::exists(trashPath));
        QVERIFY(!session_->recordings().get(id));
        test::saveScreenshot(w, QStringLiteral("library_trash"));
    }

    // The details dialog corrects title, meeting and file name; a taken name is refused in the
    // dialog, which stays open with the reason and changes nothing.
    void detailsDialogCorrectsARecording() {
        core::installTranslations(QStringLiteral("en"));
        const qint64 id = recorded(QStringLiteral("Khong dau"), QStringLiteral("170000-k.mkv"), "k");
        QVERIFY(id);
        QVERIFY(writeFile(
            QFileInfo(session_->recordings().get(id)->path).dir().filePath(QStringLiteral("taken2.mkv")),
            "t"));
        ui::RecordingEditDialog dialog(*session_, *session_->recordings().get(id));
        dialog.titleField()->setText(QStringLiteral("Không dấu đã sửa"));
        dialog.meetingField()->setCurrentIndex(0); // no meeting
        dialog.fileNameField()->setText(QStringLiteral("taken2"));
        QVERIFY(!dialog.apply());
        QVERIFY(dialog.problemLabel()->isVisibleTo(&dialog));
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("taken2.mkv")));
        QCOMPARE(session_->recordings().get(id)->title, QStringLiteral("Khong dau"));

        dialog.fileNameField()->setText(QStringLiteral("Không dấu"));
        QVERIFY(dialog.apply());
        const auto rec = session_->recordings().get(id);
        QCOMPARE(rec->title, QStringLiteral("Không dấu đã sửa"));
        QCOMPARE(rec->meetingId, std::nullopt);
        QCOMPARE(QFileInfo(rec->path).fileName(), QStringLiteral("Không dấu.mkv"));
        QCOMPARE(test::fileBytes(rec->path), QByteArray("k"));
    }

    // A console stopped during an archive and a clip export: at the next start both are logged as
    // cut off (once, however often it starts), the clip's unfinished file is gone, and the library
    // says so in the recording's Archive column.
    void cutOffExportsAreMarkedAfterRestart() {
        core::installTranslations(QStringLiteral("en"));
        QTemporaryDir dir;
        qint64 id = 0;
        const QString clip = QDir(dir.path()).filePath(QStringLiteral("clips/cut.mkv"));
        {
            core::Session first(test::smallSession(dir.path()));
            QVERIFY(first.open());
            const QString path = QDir(first.settings().recordingsDir()).filePath(QStringLiteral("r.mkv"));
            QVERIFY(writeFile(path, "r"));
            auto rec = first.recordings().start(path, QStringLiteral("Họp"));
            QVERIFY(rec);
            QVERIFY(first.recordings().finish(rec->id, 3, 1));
            id = rec->id;
            // What a stop in the middle leaves: the starts, no ends (job 1 of that run).
            for (const char* kind : {"archive", "clip"}) {
                core::EventRecord e;
                e.actor = QStringLiteral("ui");
                e.action = QLatin1String(kind) + QStringLiteral(".start");
                e.subject = QString::number(id);
                e.detail = {{"job_id", 1}, {"path", clip}};
                QVERIFY(first.eventLog().append(e));
            }
            QVERIFY(writeFile(core::ClipExporter::partialPath(clip), "half"));
            first.shutdown();
        }
        for (int run = 0; run < 2; ++run) {
            core::Session again(test::smallSession(dir.path()));
            QVERIFY(again.open());
            core::EventQuery q;
            q.actions = {QStringLiteral("archive.interrupted"), QStringLiteral("clip.interrupted")};
            auto cut = again.eventLog().query(q);
            QVERIFY(cut);
            QCOMPARE(cut->size(), 2); // the second start adds none
            for (const core::EventRecord& e : cut.value()) {
                QCOMPARE(e.subject, QString::number(id));
                QCOMPARE(e.actor, QStringLiteral("auto"));
                QVERIFY(!e.reason.isEmpty());
            }
            QVERIFY(!QFileInfo::exists(core::ClipExporter::partialPath(clip)));
            const auto history = core::ExportHistory::archives(again.eventLog());
            QVERIFY(history);
            QCOMPARE(history->value(id).lastOutcome, QStringLiteral("interrupted"));
            if (run == 1) {
                ui::LibraryWindow w(again);
                QVERIFY2(cellText(w, id, ui::LibraryWindow::ArchiveColumn)
                             .startsWith(QStringLiteral("Export cut off")),
                         qPrintable(cellText(w, id, ui::LibraryWindow::ArchiveColumn)));
            }
            again.shutdown();
        }
    }

    // An archived recording says so in the library; the export button asks before a second
    // archive, naming the first, and "Cancel" starts nothing.
    void archivedRecordingsAreMarkedAndAskedAgain() {
        core::installTranslations(QStringLiteral("en"));
        const qint64 id = recorded(QStringLiteral("Đã lưu"), QStringLiteral("180000-luu.mkv"), "saved");
        QVERIFY(id);
        const QString folder = QDir(tmp_.path()).filePath(QStringLiteral("archives/2026-12-01_18h00_Da-luu"));
        core::EventRecord e;
        e.actor = QStringLiteral("auto");
        e.action = QStringLiteral("archive.done");
        e.subject = QString::number(id);
        e.detail = {{"job_id", 7}, {"result", QJsonObject{{"path", folder}}}};
        QVERIFY(session_->eventLog().append(e));

        ui::LibraryWindow w(*session_);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(cellText(w, id, ui::LibraryWindow::ArchiveColumn).startsWith(QStringLiteral("Archived ")));
        QVERIFY(w.selectRecording(id));
        QCOMPARE(w.archiveBar()->recording(), std::optional<qint64>(id));
        QString asked;
        test::answerNextBox(&asked, "cancel");
        w.archiveBar()->exportArchive();
        QVERIFY2(asked.contains(QDir::toNativeSeparators(folder)), qPrintable(asked));
        QVERIFY(!w.archiveBar()->currentJob());
    }

    // A review window opened before the archives folder moved (to a USB drive) still never saves
    // a clip into the new folder: the folders are read at the export, not at the opening.
    void clipsNeverGoIntoAnArchivesFolderChosenLater() {
        core::installTranslations(QStringLiteral("en"));
        const qint64 id = recorded(QStringLiteral("Cắt"), QStringLiteral("190000-cat.mkv"), "clip me");
        QVERIFY(id);
        ui::LibraryWindow w(*session_);
        ui::ReviewPlayer* player = w.openRecording(id);
        QVERIFY(player);
        const QString before = session_->settings().archivesDir();
        const QString usb = QDir(tmp_.path()).filePath(QStringLiteral("usb-archives"));
        QVERIFY(QDir().mkpath(usb));
        session_->settings().setArchivesDir(usb);
        player->setMarks(0, 1000);
        player->setClipDestination(QDir(usb).filePath(QStringLiteral("clip.mkv")));
        QVERIFY(!player->exportClip());
        QVERIFY2(player->statusText().contains(QStringLiteral("never saved")),
                 qPrintable(player->statusText()));
        QVERIFY(!QFileInfo::exists(QDir(usb).filePath(QStringLiteral("clip.mkv"))));
        session_->settings().setArchivesDir(before);
        player->close();
    }

    // Notes on the timeline: through the API at an offset, refused when empty, out of the recording,
    // with control characters or in the trash; in the player at the position, listed beside the
    // picture at once. Logged.
    void notesOnTheTimeline() {
        core::installTranslations(QStringLiteral("en"));
        const qint64 id = recorded(QStringLiteral("Ghi chú"), QStringLiteral("200000-note.mkv"), "notes");
        QVERIFY(id);
        const std::string at = "/recordings/" + str(id) + "/notes";
        api::Response r = call("POST", at, R"({"text":"Huyện Lệ Thủy xin ý kiến","offset_s":2.5})");
        QCOMPARE(r.status, 201);
        QCOMPARE(test::objectOf(r).value("kind").toString(), QStringLiteral("note"));
        QCOMPARE(test::objectOf(r).value("offset_s").toDouble(), 2.5);
        for (const char* bad :
             {R"({"text":"   ","offset_s":1})", R"({"text":"a","offset_s":1})",
              R"({"text":"late","offset_s":99})", R"({"text":"when?"})", R"({"offset_s":1})"})
            QVERIFY2(call("POST", at, bad).status == 422, bad);
        QCOMPARE(call("POST", "/recordings/999999/notes", R"({"text":"x","offset_s":1})").status, 404);
        QCOMPARE(
            test::lastLogged(*session_, QStringLiteral("recording.note")).detail.value("text").toString(),
            QStringLiteral("Huyện Lệ Thủy xin ý kiến"));

        ui::LibraryWindow w(*session_);
        ui::ReviewPlayer* player = w.openRecording(id);
        QVERIFY(player);
        QCOMPARE(player->markerList()->count(), 1);
        player->seek(1000);
        QVERIFY(player->addNote(QStringLiteral("Cần trích đoạn này")));
        QCOMPARE(player->markerList()->count(), 2);
        QVERIFY(player->markerList()->item(0)->text().contains(
            QStringLiteral("Cần trích đoạn này"))); // 0:01 first
        const auto rec = session_->recordings().get(id);
        QCOMPARE(rec->markers.size(), 2);
        QCOMPARE(rec->markers.first().offsetS, 1.0);
        // Choosing a marker in the list seeks there.
        Q_EMIT player->markerList()->itemActivated(player->markerList()->item(1));
        QCOMPARE(player->position(), qint64(2500));
        player->close();

        QVERIFY(session_->trashRecording(id, QStringLiteral("ui")));
        QCOMPARE(call("POST", at, R"({"text":"x","offset_s":1})").status, 409);
    }

    // Every take (and the operator's own program change) is a marker with its layout; the console
    // following the speaker adds none. A note without an offset goes in at the moment.
    void takesAndLiveNotesAreOnTheTimeline() {
        auto rec = session_->startRecording(QStringLiteral("Có take"), std::nullopt, QStringLiteral("ui"));
        QVERIFY2(rec, rec ? "" : qPrintable(rec.error().message));
        const qint64 host = session_->siteRecords().first().id;
        engine::Composition grid;
        grid.layout = "grid-2x2";
        grid.sites = {host, std::nullopt, std::nullopt, std::nullopt};
        QVERIFY(session_->setPreview(grid, QStringLiteral("ui")));
        session_->take(QStringLiteral("ui"));
        engine::Composition single;
        single.layout = "single";
        single.sites = {host};
        QVERIFY(session_->setProgram(single, QStringLiteral("auto")));
        QVERIFY(session_->setProgram(single, QStringLiteral("api:test@127.0.0.1:1")));
        QTest::qWait(300);
        QVERIFY(session_->addNote(rec->id, std::nullopt, QStringLiteral("Bắt đầu"), QStringLiteral("ui")));
        QVERIFY(session_->stopRecording(rec->id, QStringLiteral("ui")));
        QStringList takes;
        int notes = 0;
        const auto stored = session_->recordings().get(rec->id);
        QVERIFY(stored);
        for (const core::MarkerRecord& m : stored->markers) {
            if (m.kind == core::MarkerKind::Take)
                takes << m.text;
            notes += m.kind == core::MarkerKind::Note ? 1 : 0;
        }
        QCOMPARE(takes, (QStringList{QStringLiteral("grid-2x2"), QStringLiteral("single")}));
        QCOMPARE(notes, 1);
    }

    // Markers too close to tell apart are one tick with all of them in it: eleven mutes in one
    // second are one group of eleven, a join a minute later a tick of its own.
    void closeMarkersAreOneGroup() {
        ui::MarkerTimeline timeline;
        timeline.resize(600, 44);
        timeline.setDuration(600000);
        QList<core::MarkerRecord> markers;
        for (qint64 site = 1; site <= 11; ++site)
            markers.append({0, 1, 60.0 + site * 0.05, core::MarkerKind::Mute, site, {}});
        markers.append({0, 1, 120.0, core::MarkerKind::Join, 3, {}});
        timeline.setMarkers(markers);
        const auto groups = timeline.groups();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.first().markers.size(), 11);
        QCOMPARE(timeline.groupNear(groups.first().x + 1).size(), 11);
        QCOMPARE(timeline.groupNear(groups.last().x).size(), 1);
        QVERIFY(timeline.groupNear(300).isEmpty());
    }

    // The engine's own words for a lost site ("No media for 10 s"), kept in markers and the log,
    // are shown in the window's language; unknown words pass through.
    void lostSitesReasonsInVietnamese() {
        core::installTranslations(QStringLiteral("vi"));
        QCOMPARE(core::EngineReason::text(QStringLiteral("No media for 10 s")),
                 QStringLiteral("Không nhận được tín hiệu trong 10 giây"));
        QCOMPARE(
            core::EngineReason::text(
                QStringLiteral("Connection lost: %1").arg(QString::fromLocal8Bit(std::strerror(ENOSPC)))),
            QStringLiteral("Mất kết nối: Ổ đĩa đã hết chỗ trống"));
        QCOMPARE(core::EngineReason::text(QStringLiteral("something else")),
                 QStringLiteral("something else"));
        ui::MarkerTimeline timeline;
        const core::MarkerRecord lost{
            0, 1, 12.0, core::MarkerKind::Leave, 7, QStringLiteral("No media for 2.5 s")};
        QVERIFY2(
            timeline.tooltipFor(lost).contains(QStringLiteral("Không nhận được tín hiệu trong 2.5 giây")),
            qPrintable(timeline.tooltipFor(lost)));
        core::installTranslations(QStringLiteral("en"));
    }

    // The system's error texts and Qt's own dialogs speak Vietnamese in a Vietnamese console, and
    // English again after a switch.
    void systemErrorsAndQtDialogsInVietnamese() {
        core::installTranslations(QStringLiteral("vi"));
        QCOMPARE(core::SystemError::text(ENOSPC), QStringLiteral("Ổ đĩa đã hết chỗ trống"));
        const QString fromQt =
            QStringLiteral("Cannot write x.mkv: %1").arg(QString::fromLocal8Bit(std::strerror(EROFS)));
        QVERIFY2(core::SystemError::translated(fromQt).contains(QStringLiteral("chỉ đọc")),
                 qPrintable(core::SystemError::translated(fromQt)));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Hủy"));
        {
            QFileDialog dialog(nullptr, QStringLiteral("x"), tmp_.path());
            dialog.setOption(QFileDialog::DontUseNativeDialog);
            dialog.show();
            auto* lookIn = dialog.findChild<QLabel*>(QStringLiteral("lookInLabel"));
            QVERIFY(lookIn);
            QCOMPARE(lookIn->text(), QStringLiteral("Tìm trong:"));
        }
        {
            // The console's file dialogs write dates as the window does, not in the C locale's
            // English ("6 Dec 2026").
            const QString file = QDir(tmp_.path()).filePath(QStringLiteral("ngay.mkv"));
            QVERIFY(writeFile(file, "x"));
            const QDateTime when(QDate(2026, 12, 6), QTime(9, 5));
            {
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadWrite));
                QVERIFY(f.setFileTime(when, QFileDevice::FileModificationTime));
            }
            QString shown;
            QTimer::singleShot(0, [&shown] {
                auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                auto* view = dialog->findChild<QTreeView*>(QStringLiteral("treeView"));
                const QDeadlineTimer deadline(10000); // the file model reads the folder on a thread
                while (view && shown.isEmpty() && !deadline.hasExpired()) {
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
                    const QAbstractItemModel* m = view->model();
                    for (int r = 0; r < m->rowCount(view->rootIndex()); ++r)
                        if (m->index(r, 0, view->rootIndex()).data().toString() == QLatin1String("ngay.mkv"))
                            shown = m->index(r, 3, view->rootIndex()).data().toString();
                }
                dialog->reject();
            });
            QVERIFY(ui::file_dialogs::openFile(nullptr, QStringLiteral("x"), tmp_.path()).isEmpty());
            QCOMPARE(shown, QLocale(QLocale::Vietnamese).toString(when, QLocale::ShortFormat));
            QVERIFY2(!shown.contains(QLatin1String("Dec")), qPrintable(shown));
        }
        core::installTranslations(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QCOMPARE(core::SystemError::text(ENOSPC), QStringLiteral("No space left on the disk"));
    }
};

QTEST_MAIN(TestLibrary)
#include "tst_library.moc"
