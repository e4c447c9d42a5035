// The recordings library and the review player under the offscreen platform, over a real SQLite
// catalogue in a temporary data folder and a real Matroska recording (made by the ffmpeg CLI, with
// the program mix and two sites' own tracks titled and tagged as the engine writes them).
#include "core/jobs/job_queue.h"
#include "core/review/clip_exporter.h"
#include "core/session/session.h"
#include "core/store/database.h"
#include "core/store/meeting_book.h"
#include "core/store/recording_catalogue.h"
#include "core/store/site_directory.h"
#include "test_support.h"
#include "ui/review/library_window.h"
#include "ui/review/marker_timeline.h"
#include "ui/review/review_player.h"
#include "ui/review/review_text.h"
#include "ui/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>
#include <cmath>

// Qt Multimedia's GStreamer back end (device monitors, PulseAudio) and QVideoWidget's offscreen
// backing store allocate inside system libraries built without frame pointers. With the fast
// unwinder the leak checker sees only malloc and its caller, so tests/lsan.supp's suppressions of
// those libraries cannot match; full unwinding lets them. (Only read by sanitizer builds.)
extern "C" const char* __asan_default_options() {
    return "fast_unwind_on_malloc=0";
}

using namespace hntt::core;
using hntt::ui::LibraryWindow;
using hntt::ui::MarkerTimeline;
using hntt::ui::ReviewPlayer;
using hntt::ui::ReviewSources;
using hntt::ui::ReviewText;

class TestReviewPlayer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dataDir_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<SiteDirectory> sites_;
    std::unique_ptr<MeetingBook> meetings_;
    std::unique_ptr<RecordingCatalogue> recordings_;
    std::unique_ptr<JobQueue> jobs_;
    QString media_; // 6 s, 25 fps, keyframe every second; audio: program, Quảng Hòa, Đồng Hới
    qint64 province_ = 0, quangHoa_ = 0, dongHoi_ = 0, leThuy_ = 0;
    qint64 giaoBan_ = 0, baoLu_ = 0, huyen_ = 0; // recordings

    ReviewSources sources() {
        ReviewSources s;
        s.recordings = recordings_.get();
        s.meetings = meetings_.get();
        s.sites = sites_.get();
        s.jobs = jobs_.get();
        s.clipsDir = dataDir_.filePath(QStringLiteral("clips"));
        s.protectedFolders = {dataDir_.filePath(QStringLiteral("recordings")),
                              dataDir_.filePath(QStringLiteral("archives"))};
        return s;
    }

    qint64 addSite(const QString& name, SiteLevel level, std::optional<qint64> parent) {
        SiteRecord s;
        s.name = name;
        s.level = level;
        s.parentId = parent;
        auto created = sites_->create(s);
        return created ? created->id : 0;
    }

    RecordingRecord recording(qint64 id) { return recordings_->get(id).value(); }

    // The player, shown, with the file's header read (and the media loaded when the backend can).
    std::unique_ptr<ReviewPlayer> openPlayer(qint64 id) {
        auto player = std::make_unique<ReviewPlayer>(sources(), recording(id));
        QSignalSpy probed(player.get(), &ReviewPlayer::mediaProbed);
        player->resize(1280, 860);
        player->show();
        if (!QTest::qWaitForWindowExposed(player.get()))
            return nullptr;
        if (probed.isEmpty() && !probed.wait(10000))
            return nullptr;
        // GStreamer plays here under the offscreen platform: wait until it has loaded the file.
        if (!QTest::qWaitFor(
                [&] { return player->mediaPlayer()->mediaStatus() == QMediaPlayer::LoadedMedia; }, 15000))
            return nullptr;
        return player;
    }

private Q_SLOTS:
    void initTestCase() {
        hntt::ui::applyControlRoomTheme(*qApp);
        qRegisterMetaType<hntt::ui::ReviewPlayer*>();
        QDir().mkpath(QStringLiteral(HNTT_BINARY_DIR "/screenshots"));
        QVERIFY(dataDir_.isValid());
        auto db = Database::open(dataDir_.filePath(QStringLiteral("hntt.sqlite")));
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        db_ = std::move(db).value();
        sites_ = std::make_unique<SiteDirectory>(*db_);
        meetings_ = std::make_unique<MeetingBook>(*db_);
        recordings_ = std::make_unique<RecordingCatalogue>(*db_);
        jobs_ = std::make_unique<JobQueue>();

        province_ = addSite(QStringLiteral("Tỉnh Quảng Bình"), SiteLevel::Province, {});
        const qint64 quangTrach =
            addSite(QStringLiteral("Huyện Quảng Trạch"), SiteLevel::District, province_);
        quangHoa_ = addSite(QStringLiteral("Xã Quảng Hòa"), SiteLevel::Commune, quangTrach);
        dongHoi_ = addSite(QStringLiteral("Thành phố Đồng Hới"), SiteLevel::District, province_);
        leThuy_ = addSite(QStringLiteral("Huyện Lệ Thủy"), SiteLevel::District, province_);
        QVERIFY(province_ && quangTrach && quangHoa_ && dongHoi_ && leThuy_);

        // The recording, where the console keeps them.
        QDir().mkpath(dataDir_.filePath(QStringLiteral("recordings/2026-11-22")));
        media_ = dataDir_.filePath(QStringLiteral("recordings/2026-11-22/083015-Giao-ban-tuan.mkv"));
        QByteArray err;
        const int rc = hntt::test::runProgram(QStringLiteral("ffmpeg"),
                                              {"-v",
                                               "error",
                                               "-f",
                                               "lavfi",
                                               "-i",
                                               "testsrc=size=320x180:rate=25",
                                               "-f",
                                               "lavfi",
                                               "-i",
                                               "sine=frequency=440:sample_rate=48000",
                                               "-f",
                                               "lavfi",
                                               "-i",
                                               "sine=frequency=660:sample_rate=48000",
                                               "-f",
                                               "lavfi",
                                               "-i",
                                               "sine=frequency=880:sample_rate=48000",
                                               "-map",
                                               "0:v",
                                               "-map",
                                               "1:a",
                                               "-map",
                                               "2:a",
                                               "-map",
                                               "3:a",
                                               "-t",
                                               "6",
                                               "-c:v",
                                               "libx264",
                                               "-preset",
                                               "veryfast",
                                               "-g",
                                               "25",
                                               "-keyint_min",
                                               "25",
                                               "-sc_threshold",
                                               "0",
                                               "-pix_fmt",
                                               "yuv420p",
                                               "-c:a",
                                               "aac",
                                               "-b:a",
                                               "64k",
                                               "-metadata:s:a:1",
                                               QStringLiteral("title=Xã Quảng Hòa"),
                                               "-metadata:s:a:1",
                                               QStringLiteral("site_id=%1").arg(quangHoa_),
                                               "-metadata:s:a:2",
                                               QStringLiteral("title=Thành phố Đồng Hới"),
                                               "-metadata:s:a:2",
                                               QStringLiteral("site_id=%1").arg(dongHoi_),
                                               media_},
                                              nullptr, &err);
        QVERIFY2(rc == 0, err.constData());

        // Three recordings: the weekly briefing (Quảng Hòa and Đồng Hới speak), a flood meeting whose
        // file is gone, and a district meeting booked in the meeting book.
        const QDateTime day(QDate(2026, 11, 22), QTime(8, 30)); // the console's local time
        auto a = recordings_->start(media_, QStringLiteral("Giao ban tuần"), {}, day);
        QVERIFY(a);
        giaoBan_ = a->id;
        const QList<MarkerRecord> markers{
            {0, giaoBan_, 1.0, MarkerKind::Speaker, quangHoa_, {}},
            {0, giaoBan_, 2.0, MarkerKind::Speaker, dongHoi_, {}},
            {0, giaoBan_, 2.5, MarkerKind::Floor, dongHoi_, QStringLiteral("Thành phố Đồng Hới")},
            {0, giaoBan_, 3.5, MarkerKind::Speaker, quangHoa_, {}},
            {0, giaoBan_, 4.0, MarkerKind::Mute, dongHoi_, QStringLiteral("Thành phố Đồng Hới")},
            {0, giaoBan_, 5.0, MarkerKind::Note, {}, QStringLiteral("Bắt đầu thảo luận")},
        };
        for (const MarkerRecord& m : markers)
            QVERIFY(recordings_->addMarker(m));
        QVERIFY(recordings_->finish(giaoBan_, 6.0, QFileInfo(media_).size(), day.addSecs(6)));

        auto b = recordings_->start(dataDir_.filePath(QStringLiteral("recordings/2026-11-20/gone.mkv")),
                                    QStringLiteral("Họp trực tuyến phòng chống bão lũ"), {}, day.addDays(-2));
        QVERIFY(b);
        baoLu_ = b->id;
        QVERIFY(recordings_->addMarker({0, baoLu_, 10.0, MarkerKind::Join, leThuy_, {}}));
        QVERIFY(
            recordings_->fail(baoLu_, QStringLiteral("Ổ đĩa đầy"), 120.0, {}, day.addDays(-2).addSecs(120)));

        MeetingRecord meeting;
        meeting.title = QStringLiteral("Giao ban các huyện");
        meeting.kind = MeetingKind::ProvinceDistricts;
        meeting.room = QStringLiteral("Phòng họp số 1");
        meeting.hostSiteId = province_;
        meeting.siteIds = {province_, leThuy_};
        meeting.startsAt = day.addDays(-1);
        meeting.endsAt = day.addDays(-1).addSecs(3600);
        meeting.emergency = true;
        auto booked = meetings_->schedule(meeting);
        QVERIFY2(booked, qPrintable(booked ? QString() : booked.error().message));
        auto c = recordings_->start(media_, QStringLiteral("Họp huyện"), booked->meeting.id, day.addDays(-1));
        QVERIFY(c);
        huyen_ = c->id;
        QVERIFY(recordings_->finish(huyen_, 6.0, QFileInfo(media_).size(), day.addDays(-1).addSecs(6)));
    }

    void cleanupTestCase() {
        jobs_.reset();
        recordings_.reset();
        meetings_.reset();
        sites_.reset();
        db_.reset();
    }

    void libraryListsEveryRecording() {
        LibraryWindow library(sources());
        library.show();
        QVERIFY(QTest::qWaitForWindowExposed(&library));
        QCOMPARE(library.recordingCount(), 3);
        // Newest first.
        QCOMPARE(library.visibleRecordings(), (QList<qint64>{giaoBan_, huyen_, baoLu_}));
        const QAbstractItemModel* m = library.table()->model();
        auto text = [&](int row, int column) { return m->index(row, column).data().toString(); };
        QCOMPARE(text(0, LibraryWindow::TitleColumn), QStringLiteral("Giao ban tuần"));
        QCOMPARE(text(0, LibraryWindow::DateColumn), QStringLiteral("22/11/2026 08:30"));
        QCOMPARE(text(0, LibraryWindow::DurationColumn), ReviewText::duration(6));
        QCOMPARE(text(0, LibraryWindow::SizeColumn), QLocale().formattedDataSize(QFileInfo(media_).size()));
        QCOMPARE(text(0, LibraryWindow::SitesColumn), QStringLiteral("Xã Quảng Hòa, Thành phố Đồng Hới"));
        QCOMPARE(text(1, LibraryWindow::MeetingColumn), QStringLiteral("Giao ban các huyện"));
        QCOMPARE(text(1, LibraryWindow::SitesColumn), QStringLiteral("Tỉnh Quảng Bình, Huyện Lệ Thủy"));
        QCOMPARE(text(2, LibraryWindow::SizeColumn), QStringLiteral("missing"));
        QVERIFY(text(2, LibraryWindow::StateColumn).contains(QStringLiteral("Failed")));

        QVERIFY(library.grab().save(QStringLiteral(HNTT_BINARY_DIR "/screenshots/review_library.png")));
    }

    void searchIgnoresDiacritics() {
        LibraryWindow library(sources());
        library.setSearchText(QStringLiteral("quang hoa"));
        QCOMPARE(library.visibleRecordings(), QList<qint64>{giaoBan_});
        library.setSearchText(QStringLiteral("  BAO   LU "));
        QCOMPARE(library.visibleRecordings(), QList<qint64>{baoLu_});
        library.setSearchText(QStringLiteral("lệ thuy"));
        QCOMPARE(library.visibleRecordings(), (QList<qint64>{huyen_, baoLu_}));
        library.setSearchText(QStringLiteral("21/11/2026"));
        QCOMPARE(library.visibleRecordings(), QList<qint64>{huyen_});
        library.setSearchText(QStringLiteral("không có"));
        QVERIFY(library.visibleRecordings().isEmpty());
        library.setSearchText({});
        QCOMPARE(library.visibleRecordings().size(), 3);
        // The state filter.
        auto* state = library.findChild<QComboBox*>(QStringLiteral("libraryState"));
        QVERIFY(state);
        state->setCurrentIndex(state->findData(QStringLiteral("failed")));
        QCOMPARE(library.visibleRecordings(), QList<qint64>{baoLu_});
    }

    void doubleClickOpensThePlayer() {
        LibraryWindow library(sources());
        library.show();
        QVERIFY(QTest::qWaitForWindowExposed(&library));
        QSignalSpy opened(&library, &LibraryWindow::recordingOpened);
        QTableView* table = library.table();
        const QRect row = table->visualRect(table->model()->index(0, LibraryWindow::TitleColumn));
        library.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&library));
        // A click, then the double-click (QTest's double-click is that second half only).
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, row.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, row.center());
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toLongLong(), giaoBan_);
        auto* player = opened.first().at(1).value<ReviewPlayer*>();
        QVERIFY(player);
        QCOMPARE(player->recording().id, giaoBan_);
        QCOMPARE(player->recording().markers.size(), 6);
        QVERIFY(player->isWindow());
        // Opening it again raises the same window.
        QCOMPARE(library.openRecording(giaoBan_), player);
        QSignalSpy probed(player, &ReviewPlayer::mediaProbed);
        QVERIFY(probed.wait(10000));
    }

    void timelinePlacesTicksAtTheirTimes() {
        MarkerTimeline timeline;
        timeline.resize(2 * MarkerTimeline::kMargin + 601, 44); // 600 px for the whole length
        timeline.setDuration(60000);
        timeline.setPosition(59000);
        QList<MarkerRecord> markers{
            {1, 1, 15.0, MarkerKind::Speaker, quangHoa_, {}},
            {2, 1, 30.0, MarkerKind::Mute, dongHoi_, QStringLiteral("Thành phố Đồng Hới")},
            {3, 1, 45.0, MarkerKind::Note, {}, QStringLiteral("Nghỉ giải lao")}};
        timeline.setMarkers(markers, {{quangHoa_, QStringLiteral("Xã Quảng Hòa")},
                                      {dongHoi_, QStringLiteral("Thành phố Đồng Hới")}});
        QCOMPARE(timeline.xForTime(0), MarkerTimeline::kMargin);
        QCOMPARE(timeline.xForTime(15000), MarkerTimeline::kMargin + 150);
        QCOMPARE(timeline.xForTime(30000), MarkerTimeline::kMargin + 300);
        QCOMPARE(timeline.xForTime(60000), MarkerTimeline::kMargin + 600);
        QCOMPARE(timeline.timeForX(MarkerTimeline::kMargin + 450), qint64(45000));

        // The painted ticks: each kind's colour at its x, the background between them.
        const QImage image = timeline.grab().toImage();
        const int y = image.height() / 2;
        auto near = [](QColor a, QColor b) {
            return std::abs(a.red() - b.red()) < 8 && std::abs(a.green() - b.green()) < 8 &&
                   std::abs(a.blue() - b.blue()) < 8;
        };
        for (const MarkerRecord& m : markers) {
            const int x = timeline.xForTime(std::llround(m.offsetS * 1000));
            QVERIFY2(near(image.pixelColor(x, y), ReviewText::markerColour(m.kind)),
                     qPrintable(QStringLiteral("%1 at x=%2: %3")
                                    .arg(ReviewText::markerKind(m.kind))
                                    .arg(x)
                                    .arg(image.pixelColor(x, y).name())));
            QVERIFY(!near(image.pixelColor(x + 20, y), ReviewText::markerColour(m.kind)));
        }
        QVERIFY(!near(image.pixelColor(MarkerTimeline::kMargin + 75, y),
                      ReviewText::markerColour(MarkerKind::Speaker)));

        // Tooltips name the time, the kind and the site.
        const auto hit = timeline.markerNear(MarkerTimeline::kMargin + 151);
        QVERIFY(hit);
        QCOMPARE(timeline.tooltipFor(*hit), QStringLiteral("00:00:15  Speaker: Xã Quảng Hòa"));
        QCOMPARE(timeline.tooltipFor(markers[2]), QStringLiteral("00:00:45  Note — Nghỉ giải lao"));
        QVERIFY(!timeline.markerNear(MarkerTimeline::kMargin + 100));

        // A click asks to seek there.
        QSignalSpy seek(&timeline, &MarkerTimeline::seekRequested);
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, QPoint(MarkerTimeline::kMargin + 300, 20));
        QCOMPARE(seek.count(), 1);
        QCOMPARE(seek.first().at(0).toLongLong(), qint64(30000));
    }

    void playerShowsTheRecordingsMarkers() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        MarkerTimeline* timeline = player->timeline();
        QCOMPARE(timeline->markers(), recording(giaoBan_).markers);
        QVERIFY(timeline->duration() >= 5900 && timeline->duration() <= 6200);
        // The tick of the note at 5 s is where 5 s is on the player's own timeline.
        const QImage image = timeline->grab().toImage();
        QVERIFY(std::abs(image.pixelColor(timeline->xForTime(5000), image.height() / 2).red() -
                         ReviewText::markerColour(MarkerKind::Note).red()) < 8);
        QVERIFY(player->grab().save(QStringLiteral(HNTT_BINARY_DIR "/screenshots/review_player.png")));
    }

    void loadingTheFileMakesTheDurationKnown() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        // From the media backend itself (GStreamer here), not only from the catalogue.
        QTRY_VERIFY_WITH_TIMEOUT(player->mediaPlayer()->duration() > 0, 15000);
        QVERIFY2(std::abs(player->mediaPlayer()->duration() - 6000) < 200,
                 qPrintable(QString::number(player->mediaPlayer()->duration())));
        QVERIFY(std::abs(player->duration() - 6000) < 200);
        QVERIFY(player->mediaPlayer()->error() == QMediaPlayer::NoError);
    }

    void playsPausesAndChangesSpeed() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        QVERIFY(!player->isPlaying());
        player->setSpeed(2.0);
        QCOMPARE(player->mediaPlayer()->playbackRate(), 2.0);
        auto* speed = player->findChild<QComboBox*>(QStringLiteral("reviewSpeed"));
        QVERIFY(speed);
        QCOMPARE(speed->currentData().toDouble(), 2.0);
        player->setSpeed(1.0);
        // Space plays; the position moves on; Space pauses.
        player->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(player.get()));
        QTest::keyClick(player.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(player->isPlaying(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(player->position() > 300, 10000);
        QTest::keyClick(player.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(player->mediaPlayer()->playbackState() == QMediaPlayer::PausedState, 5000);
        QVERIFY(!player->isPlaying());
        const qint64 at = player->position();
        QTest::qWait(300);
        QVERIFY(std::abs(player->position() - at) < 100);
    }

    void nextTimeASiteSpoke() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        QCOMPARE(player->speakingSites(), (QList<qint64>{quangHoa_, dongHoi_}));
        player->seek(0);
        QVERIFY(player->jumpToNextSpeech(quangHoa_));
        QCOMPARE(player->position(), qint64(1000));
        QCOMPARE(player->timeline()->position(), qint64(1000));
        QVERIFY(player->jumpToNextSpeech(quangHoa_));
        QCOMPARE(player->position(), qint64(3500));
        QVERIFY(!player->jumpToNextSpeech(quangHoa_)); // it does not speak again
        QCOMPARE(player->position(), qint64(3500));
        QVERIFY(player->statusText().contains(QStringLiteral("Xã Quảng Hòa")));

        // The same through the site chooser and its button.
        player->seek(0);
        auto* chooser = player->findChild<QComboBox*>(QStringLiteral("reviewSpeakSite"));
        auto* next = player->findChild<QPushButton*>(QStringLiteral("reviewNextSpeech"));
        QVERIFY(chooser && next);
        QCOMPARE(chooser->count(), 2);
        chooser->setCurrentIndex(chooser->findData(dongHoi_));
        QCOMPARE(chooser->currentText(), QStringLiteral("Thành phố Đồng Hới"));
        next->click();
        QCOMPARE(player->position(), qint64(2000));
    }

    void frameStepWhilePaused() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        QCOMPARE(player->frameDurationMs(), 40.0); // 25 fps, read from the file
        player->pause();
        player->seek(2000);
        player->stepFrames(1);
        QCOMPARE(player->position(), qint64(2040));
        player->stepFrames(1);
        QCOMPARE(player->position(), qint64(2080));
        player->stepFrames(-1);
        QCOMPARE(player->position(), qint64(2040));
        QVERIFY(!player->isPlaying());

        // The keys: Shift+Right and Shift+Left step, I and O set the marks.
        player->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(player.get()));
        QTest::keyClick(player.get(), Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(player->position(), qint64(2080));
        QTest::keyClick(player.get(), Qt::Key_Left, Qt::ShiftModifier);
        QTest::keyClick(player.get(), Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(player->position(), qint64(2000));
        QTest::keyClick(player.get(), Qt::Key_I);
        player->seek(4000);
        QTest::keyClick(player.get(), Qt::Key_O);
        QCOMPARE(player->inPoint(), std::optional<qint64>(2000));
        QCOMPARE(player->outPoint(), std::optional<qint64>(4000));
        // At the start it cannot go back further.
        player->seek(0);
        player->stepFrames(-1);
        QCOMPARE(player->position(), qint64(0));
    }

    // The keys of every player: Left/Right 5 s, J/L 10 s, Home/End, PgUp/PgDn through the
    // markers, K plays and pauses; the ◀◀/▶▶ buttons move 5 s as their icons say, the frame
    // buttons one frame. All listed by keys().
    void keysAsInEveryPlayer() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        player->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(player.get()));
        player->pause();
        QTRY_VERIFY_WITH_TIMEOUT(player->mediaPlayer()->duration() > 0, 15000);
        const qint64 last = player->duration() - 40; // the last frame at 25 fps
        player->seek(500);
        QTest::keyClick(player.get(), Qt::Key_Right);
        QCOMPARE(player->position(), qint64(5500));
        QTest::keyClick(player.get(), Qt::Key_Left);
        QCOMPARE(player->position(), qint64(500));
        QTest::keyClick(player.get(), Qt::Key_L);
        QCOMPARE(player->position(), last); // 10 s on: the last frame, not past it
        QTest::keyClick(player.get(), Qt::Key_J);
        QCOMPARE(player->position(), qint64(0));
        QTest::keyClick(player.get(), Qt::Key_End);
        QCOMPARE(player->position(), last);
        QTest::keyClick(player.get(), Qt::Key_Home);
        QCOMPARE(player->position(), qint64(0));
        // The markers at 1.0, 2.0, 2.5, 3.5, 4.0 and 5.0 s.
        for (qint64 at : {1000, 2000, 2500, 3500, 4000, 5000}) {
            QTest::keyClick(player.get(), Qt::Key_PageDown);
            QCOMPARE(player->position(), at);
        }
        QVERIFY(!player->nextMarker());
        QTest::keyClick(player.get(), Qt::Key_PageUp);
        QCOMPARE(player->position(), qint64(4000));
        QTest::keyClick(player.get(), Qt::Key_PageUp);
        QCOMPARE(player->position(), qint64(3500));

        player->seek(500);
        player->findChild<QToolButton*>(QStringLiteral("reviewForward"))->click();
        QCOMPARE(player->position(), qint64(5500));
        player->seek(3000);
        player->findChild<QToolButton*>(QStringLiteral("reviewBack"))->click();
        QCOMPARE(player->position(), qint64(0));
        player->seek(1000);
        player->findChild<QToolButton*>(QStringLiteral("reviewFrameForward"))->click();
        QCOMPARE(player->position(), qint64(1040));
        player->findChild<QToolButton*>(QStringLiteral("reviewFrameBack"))->click();
        QCOMPARE(player->position(), qint64(1000));

        QTest::keyClick(player.get(), Qt::Key_K);
        QTRY_VERIFY_WITH_TIMEOUT(player->isPlaying(), 5000);
        QTest::keyClick(player.get(), Qt::Key_K);
        QTRY_VERIFY_WITH_TIMEOUT(!player->isPlaying(), 5000);

        QStringList keys;
        for (const auto& [key, action] : ReviewPlayer::keys())
            keys << key;
        const QString all = keys.join(QLatin1Char(' '));
        for (const char* k : {"J", "K", "L", "Home", "End", "PgUp", "PgDown", "Shift+Left"})
            QVERIFY2(all.contains(QLatin1String(k)), qPrintable(all));
    }

    // Loaded and paused, the picture is the recording's first frame, not black; a seek while
    // paused shows the frame at that time, the end included.
    void thePictureIsTheFrameAtThePosition() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        auto* video = player->findChild<QVideoWidget*>(QStringLiteral("reviewVideo"));
        QVERIFY(video && video->videoSink());
        QTRY_VERIFY_WITH_TIMEOUT(video->videoSink()->videoFrame().isValid(), 10000);
        QVERIFY(!player->isPlaying());
        const QImage first = video->videoSink()->videoFrame().toImage();
        QVERIFY(!first.isNull());
        double sum = 0;
        for (int y = 0; y < first.height(); y += 8)
            for (int x = 0; x < first.width(); x += 8)
                sum += qGray(first.pixel(x, y));
        QVERIFY2(sum / ((first.height() / 8) * (first.width() / 8)) > 40, "the first frame is black");
        QVERIFY(video->videoSink()->videoFrame().startTime() < 100000);

        for (qint64 at : {qint64(3000), qint64(6000)}) {
            player->seek(at);
            const qint64 expected = std::min<qint64>(at, player->duration() - 40);
            QTRY_VERIFY_WITH_TIMEOUT(
                std::abs(video->videoSink()->videoFrame().startTime() / 1000 - expected) <= 40, 10000);
        }
    }

    // No sound device here: the player says so, once and plainly; the volume cannot be moved, and
    // choosing a site's track says that nothing can be heard.
    void withoutASoundDeviceThePlayerSaysSo() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        if (player->hasSound())
            QSKIP("this machine has a sound device");
        auto* notice = player->findChild<QLabel*>(QStringLiteral("reviewNoSound"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY(!player->findChild<QSlider*>(QStringLiteral("reviewVolume"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(player->audioChoices().size() > 1, 10000);
        QVERIFY(player->soloSite(dongHoi_));
        QVERIFY2(player->statusText().contains(QStringLiteral("no sound device")),
                 qPrintable(player->statusText()));
    }

    void soloChoicesFollowTheTrackTitles() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        // Program mix first, then each site with its own track, named from the directory.
        QTRY_COMPARE_WITH_TIMEOUT(player->audioChoices().size(), 3, 10000);
        const auto choices = player->audioChoices();
        QVERIFY(!choices[0].siteId);
        QCOMPARE(choices[0].track, 0);
        QCOMPARE(choices[1].siteId, std::optional<qint64>(quangHoa_));
        QCOMPARE(choices[1].name, QStringLiteral("Xã Quảng Hòa"));
        QCOMPARE(choices[1].track, 1);
        QCOMPARE(choices[2].siteId, std::optional<qint64>(dongHoi_));
        QCOMPARE(choices[2].track, 2);
        auto* audio = player->findChild<QComboBox*>(QStringLiteral("reviewAudio"));
        QVERIFY(audio && audio->isEnabled());
        QCOMPARE(audio->itemText(1), QStringLiteral("Only Xã Quảng Hòa"));

        // The backend's own track list, once loaded, carries the titles the choices were matched by.
        QTRY_VERIFY_WITH_TIMEOUT(player->mediaPlayer()->audioTracks().size() == 3, 15000);
        QCOMPARE(player->mediaPlayer()->audioTracks()[1].stringValue(QMediaMetaData::Title),
                 QStringLiteral("Xã Quảng Hòa"));
        QCOMPARE(player->audioChoices().size(), 3);
        QCOMPARE(player->audioChoices()[2].track, 2);

        QVERIFY(player->soloSite(dongHoi_));
        QCOMPARE(audio->currentIndex(), 2);
        QCOMPARE(player->mediaPlayer()->activeAudioTrack(), 2);
        QVERIFY(!player->soloSite(leThuy_)); // no track of its own in this recording
        QVERIFY(player->soloSite(std::nullopt));
        QCOMPARE(audio->currentIndex(), 0);
        QCOMPARE(player->mediaPlayer()->activeAudioTrack(), 0);
    }

    void exportsAClipFromTheMarks() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        // Without marks it says what is missing and starts nothing.
        QVERIFY(!player->exportClip());
        QVERIFY(player->statusText().contains(QStringLiteral("in and the out mark")));

        player->seek(2000);
        player->markIn();
        player->seek(5000);
        player->markOut();
        const QString destination = player->clipDestination();
        QCOMPARE(QFileInfo(destination).absolutePath(), dataDir_.filePath(QStringLiteral("clips")));
        QCOMPARE(QFileInfo(destination).fileName(),
                 QStringLiteral("083015-Giao-ban-tuan_00-00-02_00-00-05.mkv"));

        QSignalSpy exported(player.get(), &ReviewPlayer::clipExported);
        auto* button = player->findChild<QPushButton*>(QStringLiteral("reviewExport"));
        QVERIFY(button);
        button->click();
        QVERIFY(player->exportJob());
        QCOMPARE(jobs_->job(*player->exportJob())->kind, QStringLiteral("clip"));
        QVERIFY(player->findChild<QProgressBar*>(QStringLiteral("reviewExportProgress"))->isVisible());
        QVERIFY(player->findChild<QPushButton*>(QStringLiteral("reviewExportCancel"))->isVisible());
        QVERIFY(!button->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QCOMPARE(exported.first().at(0).toString(), destination);
        QVERIFY(!player->findChild<QProgressBar*>(QStringLiteral("reviewExportProgress"))->isVisible());
        QVERIFY(button->isEnabled());
        QVERIFY(player->statusText().contains(QStringLiteral("Clip saved")));

        const QJsonObject probe = hntt::test::ffprobe(destination);
        QVERIFY(!probe.isEmpty());
        // Played length (the container's duration less its start): within one GOP of the 3 s marked.
        const QJsonObject format = probe.value(QStringLiteral("format")).toObject();
        const double duration = format.value(QStringLiteral("duration")).toString().toDouble() -
                                format.value(QStringLiteral("start_time")).toString().toDouble();
        QVERIFY2(std::abs(duration - 3.0) <= 1.0, qPrintable(QString::number(duration)));
        QByteArray errors;
        QCOMPARE(hntt::test::runProgram(QStringLiteral("ffmpeg"),
                                        {"-v", "error", "-i", destination, "-map", "0", "-f", "null", "-"},
                                        nullptr, &errors),
                 0);
        QVERIFY2(errors.trimmed().isEmpty(), errors.constData());
        QCOMPARE(probe.value(QStringLiteral("streams")).toArray().size(), 4);
    }

    void exportFailureIsShown() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        QTemporaryDir tmp;
        QFile blocker(tmp.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        player->setMarks(1000, 2000);
        player->setClipDestination(tmp.filePath(QStringLiteral("blocker/clip.mkv")));
        QSignalSpy failed(player.get(), &ReviewPlayer::clipFailed);
        QVERIFY(player->exportClip());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY2(player->statusText().contains(QStringLiteral("could not be exported")),
                 qPrintable(player->statusText()));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("blocker")});
    }

    // A reviewer cannot destroy a recording with a clip: a path into the recordings' folder (its
    // own file, another recording's, spelt with "..") is refused before anything runs; an
    // existing clip is replaced only by a second Export of the same path.
    void aClipNeverReplacesARecordingOrAFileUnasked() {
        auto player = openPlayer(giaoBan_);
        QVERIFY(player);
        player->setMarks(1000, 2000);
        const qint64 size = QFileInfo(media_).size();
        const QString sideways =
            dataDir_.filePath(QStringLiteral("clips/../recordings/2026-11-22/083015-Giao-ban-tuan.mkv"));
        for (const QString& path :
             {media_, sideways, dataDir_.filePath(QStringLiteral("recordings/new.mkv"))}) {
            player->setClipDestination(path);
            QVERIFY(!player->exportClip());
            QVERIFY(!player->exportClip()); // asking twice changes nothing either
            QVERIFY2(player->statusText().contains(QStringLiteral("never saved")),
                     qPrintable(player->statusText()));
        }
        QCOMPARE(QFileInfo(media_).size(), size);
        QVERIFY(!QFileInfo::exists(dataDir_.filePath(QStringLiteral("recordings/new.mkv"))));

        QDir().mkpath(dataDir_.filePath(QStringLiteral("clips")));
        const QString existing = dataDir_.filePath(QStringLiteral("clips/kept.mkv"));
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("an earlier clip");
        f.close();
        player->setClipDestination(existing);
        QVERIFY(!player->exportClip());
        QVERIFY2(player->statusText().contains(QStringLiteral("exists already")),
                 qPrintable(player->statusText()));
        QCOMPARE(QFileInfo(existing).size(), 15);
        QSignalSpy exported(player.get(), &ReviewPlayer::clipExported);
        QVERIFY(player->exportClip()); // the second press replaces it
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QVERIFY(!hntt::test::ffprobe(existing).isEmpty());
    }

    void followsTheSessionsRecordings() {
        // A live session (engine on, demo off): its recordings appear in the library as they start
        // and stop, and the engine's per-site tracks become the solo choices, named by the directory.
        QTemporaryDir tmp;
        SessionOptions options;
        options.dataDir = tmp.path();
        options.width = 320;
        options.height = 180;
        options.multiview = false;
        Session session(options);
        QVERIFY(session.open());
        SiteRecord site;
        site.level = SiteLevel::District;
        site.name = QStringLiteral("Huyện Lệ Thủy");
        site.sourceUrl = QStringLiteral("test://solid?color=ff0000&tone=500");
        auto leThuy = session.createSite(site, QStringLiteral("ui"));
        site.name = QStringLiteral("Thành phố Đồng Hới");
        site.sourceUrl = QStringLiteral("test://solid?color=0000ff&tone=700");
        auto dongHoi = session.createSite(site, QStringLiteral("ui"));
        QVERIFY(leThuy && dongHoi);

        LibraryWindow library(session);
        QCOMPARE(library.recordingCount(), 0);
        auto rec = session.startRecording(QStringLiteral("Giao ban thử"), {}, QStringLiteral("ui"));
        QVERIFY2(rec, qPrintable(rec ? QString() : rec.error().message));
        QCOMPARE(library.recordingCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(rec->path).size() > 20000, 15000);
        QTest::qWait(1500);
        QVERIFY(session.stopRecording(rec->id, QStringLiteral("ui")));
        QCOMPARE(library.recordingCount(), 1);
        const QAbstractItemModel* m = library.table()->model();
        QCOMPARE(m->index(0, LibraryWindow::StateColumn).data().toString(), QStringLiteral("Finished"));
        QCOMPARE(library.clipsDir(), QDir(tmp.path()).filePath(QStringLiteral("clips")));

        ReviewPlayer* player = library.openRecording(rec->id);
        QVERIFY(player);
        QTRY_COMPARE_WITH_TIMEOUT(player->audioChoices().size(), 3, 15000);
        QCOMPARE(player->audioChoices()[1].siteId, std::optional<qint64>(leThuy->id));
        QCOMPARE(player->audioChoices()[1].name, QStringLiteral("Huyện Lệ Thủy"));
        QCOMPARE(player->audioChoices()[2].siteId, std::optional<qint64>(dongHoi->id));
        QTRY_VERIFY_WITH_TIMEOUT(player->mediaPlayer()->duration() > 0, 15000);
        player->close();
        session.shutdown();
    }

    void aMissingFileStillShowsItsMarkers() {
        auto player = std::make_unique<ReviewPlayer>(sources(), recording(baoLu_));
        QVERIFY(player->statusText().contains(QStringLiteral("does not exist")));
        QCOMPARE(player->timeline()->markers().size(), 1);
        QCOMPARE(player->duration(), qint64(120000));
    }
};

QTEST_MAIN(TestReviewPlayer)
#include "tst_review_player.moc"
