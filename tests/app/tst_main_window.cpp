// The main window under the offscreen platform: it opens, speaks Vietnamese by default, and a
// screenshot of it goes to the build folder for people to look at.
#include "core/language.h"
#include "test_support.h"
#include "ui/main_window.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMenuBar>
#include <QTest>

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void opensInVietnameseAndRenders() {
        hntt::core::installTranslations(QStringLiteral("vi"));
        hntt::ui::applyControlRoomTheme(*qApp);
        hntt::ui::MainWindow w;
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY2(w.windowTitle().contains(QStringLiteral("Bàn điều khiển")), qPrintable(w.windowTitle()));
        QStringList menus;
        for (QAction* a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Tệp")), qPrintable(menus.join(',')));

        const QImage shot = w.grab().toImage();
        QDir().mkpath(HNTT_BINARY_DIR "/screenshots");
        QVERIFY(shot.save(HNTT_BINARY_DIR "/screenshots/main_window.png"));
        // A dark control-room window: mostly dark, but not a blank single colour.
        QCOMPARE(shot.size(), QSize(1920, 1080));
        QVERIFY(qGray(shot.pixel(960, 540)) < 60);
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 7)
            for (int x = 0; x < shot.width(); x += 7)
                colours.insert(shot.pixel(x, y));
        QVERIFY(colours.size() > 8);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
