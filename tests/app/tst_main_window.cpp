// The main window under the offscreen platform with a real session: it opens in Vietnamese,
// shows the engine's multiview (site tiles with their colours), and a screenshot of it goes to
// the build folder for people to look at.
#include "core/language.h"
#include "core/session/session.h"
#include "modal_answer.h"
#include "test_support.h"
#include "ui/main_window.h"
#include "ui/panels/sites_panel.h"
#include "ui/picture_view.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <memory>

namespace {
// A small session (640x360) with one district site, Huyện Lệ Thủy, red with a 500 Hz tone; null
// when it cannot open.
std::unique_ptr<hntt::core::Session> sessionWithLeThuy(const QString& dataDir) {
    hntt::core::SessionOptions options;
    options.dataDir = dataDir;
    options.width = 640;
    options.height = 360;
    auto session = std::make_unique<hntt::core::Session>(options);
    if (!session->open())
        return nullptr;
    hntt::core::SiteRecord site;
    site.level = hntt::core::SiteLevel::District;
    site.name = QStringLiteral("Huyện Lệ Thủy");
    site.sourceUrl = QStringLiteral("test://solid?color=ff0000&tone=500");
    if (!session->createSite(site, QStringLiteral("ui")))
        return nullptr;
    return session;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsMultiviewInVietnamese() {
        hntt::core::installTranslations(QStringLiteral("vi"));
        hntt::ui::applyControlRoomTheme(*qApp);
        QTemporaryDir tmp;
        const auto owned = sessionWithLeThuy(tmp.path());
        QVERIFY(owned);
        hntt::core::Session& session = *owned;
        hntt::core::SiteRecord site;
        site.level = hntt::core::SiteLevel::District;
        site.name = QStringLiteral("Thành phố Đồng Hới");
        site.sourceUrl = QStringLiteral("test://solid?color=0000ff&tone=700");
        QVERIFY(session.createSite(site, QStringLiteral("ui")));

        hntt::ui::MainWindow w(session);
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY2(w.windowTitle().contains(QStringLiteral("Bàn điều khiển")), qPrintable(w.windowTitle()));
        QStringList menus;
        for (QAction* a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Tệp")), qPrintable(menus.join(',')));

        // The multiview shows both sites' tiles: somewhere red and somewhere blue.
        auto* view = w.findChild<hntt::ui::PictureView*>(QStringLiteral("multiview"));
        QVERIFY(view);
        auto hasColour = [](const QImage& img, int r, int g, int b) {
            for (int y = 0; y < img.height(); y += 4)
                for (int x = 0; x < img.width(); x += 4) {
                    const QColor c = img.pixelColor(x, y);
                    if (std::abs(c.red() - r) < 40 && std::abs(c.green() - g) < 40 &&
                        std::abs(c.blue() - b) < 40)
                        return true;
                }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!view->lastImage().isNull() && hasColour(view->lastImage(), 255, 0, 0) &&
                                     hasColour(view->lastImage(), 0, 0, 255),
                                 8000);

        const QImage shot = w.grab().toImage();
        QDir().mkpath(HNTT_BINARY_DIR "/screenshots");
        QVERIFY(shot.save(HNTT_BINARY_DIR "/screenshots/main_window.png"));
        QCOMPARE(shot.size(), QSize(1920, 1080));
        session.shutdown();
    }

    // The whole console on the built-in demo (a province, 8 districts, 159 communes, a week of
    // meetings): every panel docked, the tree holding every site, today's meetings listed, the
    // multiview drawn; the picture goes to the build folder.
    // Closing while a recording runs asks first, "Keep working" by default; the system's stop
    // request (SIGTERM's path) closes without a question nobody would answer.
    void closingAsksWhileSomethingRuns() {
        hntt::core::installTranslations(QStringLiteral("en"));
        QTemporaryDir tmp;
        const auto owned = sessionWithLeThuy(tmp.path());
        QVERIFY(owned);
        hntt::core::Session& session = *owned;
        hntt::ui::MainWindow w(session);
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // Answers the question when it comes; records what it said (empty: no question).
        QString asked;
        auto answer = [&asked](const char* button) { hntt::test::answerNextBox(&asked, button, 300); };

        auto rec = session.startRecording(QStringLiteral("Họp"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(rec);
        answer("keepWorking");
        QVERIFY(!w.close());
        QVERIFY(w.isVisible());
        QVERIFY2(asked.contains(QStringLiteral("recording is running")), qPrintable(asked));
        QVERIFY(session.activeRecording());

        asked.clear();
        answer("closeAnyway");
        QVERIFY(w.close());
        QVERIFY(!asked.isEmpty());

        // Shown again, still recording: the stop request closes without asking.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        asked.clear();
        answer("keepWorking");
        w.closeWithoutAsking();
        QTest::qWait(500);
        QVERIFY(!w.isVisible());
        QVERIFY(asked.isEmpty());
        QVERIFY(session.stopRecording(rec->id, QStringLiteral("ui")));

        // Nothing running: no question.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        answer("keepWorking");
        QVERIFY(w.close());
        QTest::qWait(500);
        QVERIFY(asked.isEmpty());
    }

    void screenshotWithTheDemo() {
        hntt::core::installTranslations(QStringLiteral("vi"));
        QTemporaryDir tmp;
        hntt::core::SessionOptions options;
        options.dataDir = tmp.path();
        options.width = 960;
        options.height = 540;
        options.demo = true;
        hntt::core::Session session(options);
        QVERIFY(session.open());
        hntt::ui::MainWindow w(session);
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* sites = w.findChild<hntt::ui::SitesPanel*>(QStringLiteral("sitesPanel"));
        QVERIFY(sites);
        int items = 0;
        for (QTreeWidgetItemIterator it(sites->tree()); *it; ++it)
            ++items;
        QCOMPARE(items, 171);
        // The whole demo in Vietnamese (the longer words) fits a 1366x768 screen as well.
        w.resize(1366, 768);
        QTest::qWait(300);
        QVERIFY2(w.minimumSizeHint().width() <= 1366,
                 qPrintable(QString::number(w.minimumSizeHint().width())));
        QCOMPARE(w.width(), 1366);
        auto* take = w.findChild<QPushButton*>(QStringLiteral("takeButton"));
        QVERIFY(take && take->isVisible());
        QVERIFY(w.rect().contains(QRect(take->mapTo(&w, QPoint(0, 0)), take->size())));
        w.resize(1920, 1080);
        QTest::qWait(300);
        for (const char* dock :
             {"sitesPanelDock", "monitorsPanelDock", "layoutPanelDock", "cameraPanelDock", "audioPanelDock",
              "recordingPanelDock", "outputsPanelDock", "alarmsPanelDock", "meetingPanelDock"})
            QVERIFY2(w.findChild<QDockWidget*>(QLatin1String(dock)), dock);
        // A week of meetings, one running from the current hour: today's are listed, ready to start.
        const QDateTime now = QDateTime::currentDateTime();
        const auto week = session.meetings().between(now, now.addDays(7));
        QVERIFY(week);
        QCOMPARE(week->size(), 8);
        auto* meetingPanel = w.findChild<QWidget*>(QStringLiteral("meetingPanel"));
        QVERIFY(meetingPanel);
        auto* meetings = meetingPanel->findChild<QTableWidget*>(QStringLiteral("meetings"));
        QVERIFY(meetings && meetings->rowCount() >= 1);
        QVERIFY(meetingPanel->findChild<QPushButton*>(QStringLiteral("start"))->isEnabled());
        auto* view = w.findChild<hntt::ui::PictureView*>(QStringLiteral("multiview"));
        QTRY_VERIFY_WITH_TIMEOUT(!view->lastImage().isNull(), 10000);
        QTest::qWait(1500); // a few more frames, so tiles show their sites rather than "connecting"
        const QImage shot = w.grab().toImage();
        QDir().mkpath(HNTT_BINARY_DIR "/screenshots");
        QVERIFY(shot.save(HNTT_BINARY_DIR "/screenshots/main_window_demo.png"));
        // Not a blank window: many distinct colours (tiles, meters, text).
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 8)
            for (int x = 0; x < shot.width(); x += 8)
                colours.insert(shot.pixel(x, y));
        QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
        session.shutdown();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
