// The camera panel against a real Session (temporary data dir) whose site shows a red test
// picture and has a VISCA-over-IP camera simulated on loopback UDP: the pad, the arrow keys and
// the zoom rocker send moves while held and a stop on release; storing a preset stores it in the
// camera and keeps a red thumbnail that the button shows; a dead camera is reported in the
// panel's message line in time.
#include "core/session/session.h"
#include "test_support.h"
#include "ui/panels/camera_panel.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUdpSocket>

using hntt::ui::CameraPanel;

namespace {

// A VISCA-over-IP camera: answers the sequence reset, ACKs and completes every command, and keeps
// the VISCA packets it received.
class ViscaSimulator : public QObject {
public:
    QList<QByteArray> payloads;

    ViscaSimulator() {
        socket_.bind(QHostAddress::LocalHost, 0);
        connect(&socket_, &QUdpSocket::readyRead, this, [this] {
            while (socket_.hasPendingDatagrams()) {
                const QNetworkDatagram d = socket_.receiveDatagram();
                const QByteArray data = d.data();
                if (data.size() < 8)
                    continue;
                auto send = [&](const char* type, const char* payload) {
                    const QByteArray p = QByteArray::fromHex(payload);
                    QByteArray out = QByteArray::fromHex(type);
                    out.append(char(0)).append(char(p.size())).append(data.mid(4, 4)).append(p);
                    socket_.writeDatagram(out, d.senderAddress(), d.senderPort());
                };
                if (data.startsWith(QByteArray::fromHex("0200"))) {
                    send("0201", "01");
                    continue;
                }
                payloads.append(data.mid(8));
                send("0111", "9041ff");
                send("0111", "9051ff");
            }
        });
    }
    quint16 port() const { return socket_.localPort(); }
    bool received(const char* hex) const { return payloads.contains(QByteArray::fromHex(hex)); }

private:
    QUdpSocket socket_;
};

double redShare(const QImage& image) {
    if (image.isNull())
        return 0;
    int red = 0, all = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2, ++all) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 200 && c.green() < 60 && c.blue() < 60)
                ++red;
        }
    return all ? double(red) / all : 0;
}

} // namespace

class TestCameraPanel : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<hntt::core::Session> session_;
    ViscaSimulator camera_;
    qint64 siteId_ = 0;
    qint64 bareId_ = 0;

    template <class T>
    static T* child(CameraPanel& panel, const char* name) {
        return panel.findChild<T*>(QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        hntt::ui::applyControlRoomTheme(*qApp);
        hntt::core::SessionOptions options;
        options.dataDir = tmp_.path();
        options.width = 320;
        options.height = 180;
        options.multiview = false;
        session_ = std::make_unique<hntt::core::Session>(options);
        QVERIFY(session_->open());
        hntt::core::SiteRecord site;
        site.level = hntt::core::SiteLevel::District;
        site.name = QStringLiteral("Huyện Quảng Ninh");
        site.sourceUrl = QStringLiteral("test://solid?color=ff0000");
        site.cameraJson = QStringLiteral("{\"protocol\":\"visca-ip\",\"host\":\"127.0.0.1\",\"port\":%1}")
                              .arg(camera_.port());
        auto created = session_->createSite(site, QStringLiteral("ui"));
        QVERIFY(created);
        siteId_ = created->id;
        site.name = QStringLiteral("Xã Hải Ninh");
        site.sourceUrl.clear();
        site.cameraJson.clear();
        auto bare = session_->createSite(site, QStringLiteral("ui"));
        QVERIFY(bare);
        bareId_ = bare->id;
    }

    void cleanupTestCase() {
        if (session_)
            session_->shutdown();
        session_.reset();
    }

    void padAndRockerMoveWhileHeld() {
        CameraPanel panel(*session_);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSite(siteId_);
        QVERIFY(panel.hasCamera());
        QVERIFY(child<QWidget>(panel, "controls")->isEnabled());
        QVERIFY(!child<QLabel>(panel, "hint")->isVisible());

        // Right at half speed: pan 0x0C of 0x18, right (02), tilt stopped (03).
        auto* right = child<QToolButton>(panel, "pad-right");
        QVERIFY(right);
        QTest::mousePress(right, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("810106010c010203ff"), 2000);
        QVERIFY(!camera_.received("810106010101"
                                  "0303ff"));
        QTest::mouseRelease(right, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("810106010101"
                                                  "0303ff"),
                                 2000); // stop
        QTRY_VERIFY_WITH_TIMEOUT(camera_.payloads.last() == QByteArray::fromHex("8101040700ff"), 2000);

        // Down-left at full speed.
        child<QSlider>(panel, "speed")->setValue(100);
        auto* downLeft = child<QToolButton>(panel, "pad-down-left");
        camera_.payloads.clear();
        QTest::mousePress(downLeft, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("810106011814"
                                                  "0102ff"),
                                 2000);
        QTest::mouseRelease(downLeft, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("810106010101"
                                                  "0303ff"),
                                 2000);

        // The arrow keys while the panel has the focus; auto-repeat sends nothing more.
        child<QSlider>(panel, "speed")->setValue(50);
        panel.setFocus();
        camera_.payloads.clear();
        QTest::keyPress(&panel, Qt::Key_Up);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("81010601010a0301ff"), 2000);
        QTest::keyRelease(&panel, Qt::Key_Up);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("810106010101"
                                                  "0303ff"),
                                 2000);

        // The zoom rocker: tele at speed 4 of 7 while held, then stop.
        camera_.payloads.clear();
        auto* tele = child<QToolButton>(panel, "zoom-tele");
        QTest::mousePress(tele, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("8101040724ff"), 2000);
        QTest::mouseRelease(tele, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.payloads.last() == QByteArray::fromHex("8101040700ff"), 2000);
        auto* wide = child<QToolButton>(panel, "zoom-wide");
        QTest::mousePress(wide, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("8101040734ff"), 2000);
        QTest::mouseRelease(wide, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.payloads.last() == QByteArray::fromHex("8101040700ff"), 2000);
        QVERIFY2(panel.message().isEmpty(), qPrintable(panel.message()));
    }

    void storingAPresetKeepsAThumbnail() {
        CameraPanel panel(*session_);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSite(siteId_);
        // The site's red picture has reached the core.
        QTRY_VERIFY_WITH_TIMEOUT(!session_->sitePicture(siteId_, QSize(160, 90)).isNull(), 8000);

        camera_.payloads.clear();
        child<QLineEdit>(panel, "presetName")->setText(QStringLiteral("Chủ tọa"));
        QTest::mouseClick(child<QPushButton>(panel, "store"), Qt::LeftButton);
        QVERIFY(child<QPushButton>(panel, "store")->isChecked());
        auto* preset2 = child<QToolButton>(panel, "preset-2");
        QTest::mouseClick(preset2, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("8101043f0101ff"), 2000); // memory 1 = preset 2
        const QString path = panel.thumbnailPath(siteId_, 2);
        QCOMPARE(path, tmp_.filePath(QStringLiteral("thumbnails/site-%1-preset-2.png").arg(siteId_)));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), 2000);
        const QImage thumb(path);
        QCOMPARE(thumb.size(), QSize(160, 90));
        QVERIFY2(redShare(thumb) > 0.9, qPrintable(QString::number(redShare(thumb))));
        // The button shows it, with the name.
        QTRY_VERIFY_WITH_TIMEOUT(redShare(preset2->icon().pixmap(QSize(160, 90)).toImage()) > 0.9, 2000);
        QVERIFY2(preset2->text().contains(QStringLiteral("Chủ tọa")), qPrintable(preset2->text()));
        QVERIFY(!child<QPushButton>(panel, "store")->isChecked()); // one store per toggle
        QVERIFY2(panel.message().contains(QLatin1String("stored")), qPrintable(panel.message()));

        // Ctrl+click stores too; a plain click recalls.
        auto* preset3 = child<QToolButton>(panel, "preset-3");
        QVERIFY(redShare(preset3->icon().pixmap(QSize(160, 90)).toImage()) < 0.1); // no thumbnail yet
        QTest::mouseClick(preset3, Qt::LeftButton, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("8101043f0102ff"), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(panel.thumbnailPath(siteId_, 3)), 2000);
        QTest::mouseClick(preset2, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(camera_.received("8101043f0201ff"), 2000);

        // A picture for people to look at.
        QDir().mkpath(HNTT_BINARY_DIR "/screenshots");
        QVERIFY(panel.grab().save(HNTT_BINARY_DIR "/screenshots/camera_panel.png"));

        // Another panel (or the next start) shows the same thumbnails and names.
        CameraPanel again(*session_);
        again.setSite(siteId_);
        auto* shown = again.findChild<QToolButton*>(QStringLiteral("preset-2"));
        QVERIFY(redShare(shown->icon().pixmap(QSize(160, 90)).toImage()) > 0.9);
        QVERIFY(shown->text().contains(QStringLiteral("Chủ tọa")));
    }

    // The demo's cameras: a simulated camera moves the site's test bars. Held right, the picture
    // pans (the bar at the centre changes); preset 1, never stored, is home again; a stored preset
    // brings its view back. Only a test picture can have one.
    void simulatedCameraMovesTheTestPicture() {
        hntt::core::SiteRecord site;
        site.level = hntt::core::SiteLevel::District;
        site.name = QStringLiteral("Huyện Bố Trạch");
        site.sourceUrl = QStringLiteral("test://bars?w=320&h=180");
        site.cameraJson = QStringLiteral(R"({"protocol":"simulated"})");
        auto created = session_->createSite(site, QStringLiteral("ui"));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        const qint64 id = created->id;
        auto centre = [&] {
            const QImage img = session_->sitePicture(id, QSize(320, 180));
            return img.isNull() ? QColor() : img.pixelColor(160, 60);
        };
        auto isGreen = [](const QColor& c) { return c.green() > 150 && c.red() < 60 && c.blue() < 60; };
        QTRY_VERIFY_WITH_TIMEOUT(isGreen(centre()), 8000); // bar 3 of 7 at the centre

        CameraPanel panel(*session_);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSite(id);
        QVERIFY(panel.hasCamera());
        child<QSlider>(panel, "speed")->setValue(100);
        auto* right = child<QToolButton>(panel, "pad-right");
        QTest::mousePress(right, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!isGreen(centre()), 3000);
        QTest::mouseRelease(right, Qt::LeftButton);
        QTest::qWait(300);
        const QColor moved = centre();
        QTest::qWait(300);
        QCOMPARE(centre(), moved); // stopped
        QVERIFY2(panel.message().isEmpty(), qPrintable(panel.message()));

        QTest::mouseClick(child<QToolButton>(panel, "preset-2"), Qt::LeftButton, Qt::ControlModifier);
        QTest::qWait(200);
        QTest::mouseClick(child<QToolButton>(panel, "preset-1"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(isGreen(centre()), 2000);
        QTest::mouseClick(child<QToolButton>(panel, "preset-2"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(centre(), moved, 2000);

        // A simulated camera on a real source is refused with the reason.
        site.name = QStringLiteral("Huyện Tuyên Hóa");
        site.sourceUrl = QStringLiteral("srt://127.0.0.1:9000?mode=listener");
        auto refused = session_->createSite(site, QStringLiteral("ui"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("test")),
                 qPrintable(refused.error().message));
        QVERIFY(session_->deleteSite(id, QStringLiteral("ui")));
    }

    void siteWithoutCameraIsDisabled() {
        CameraPanel panel(*session_);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSite(bareId_);
        QVERIFY(!panel.hasCamera());
        QVERIFY(!child<QWidget>(panel, "controls")->isEnabled());
        QVERIFY(child<QLabel>(panel, "hint")->isVisible());
        QVERIFY(child<QLabel>(panel, "hint")->text().contains(QStringLiteral("Xã Hải Ninh")));
        camera_.payloads.clear();
        QTest::keyPress(&panel, Qt::Key_Left);
        QTest::keyRelease(&panel, Qt::Key_Left);
        QTest::qWait(200);
        QVERIFY(camera_.payloads.isEmpty());
        panel.setSite(0);
        QVERIFY(!child<QWidget>(panel, "controls")->isEnabled());
    }

    void deadCameraIsReportedInTime() {
        CameraPanel panel(*session_);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSite(siteId_);
        // The camera's address changes to one where nothing answers; the panel follows the site.
        hntt::core::SitePatch patch;
        patch.camera =
            QJsonObject{{"protocol", "visca-ip"}, {"host", "127.0.0.1"}, {"port", hntt::test::freeUdpPort()}};
        QVERIFY(session_->updateSite(siteId_, patch, QStringLiteral("ui")));
        QVERIFY(panel.hasCamera());
        QElapsedTimer t;
        t.start();
        auto* up = child<QToolButton>(panel, "pad-up");
        QTest::mousePress(up, Qt::LeftButton);
        QTest::mouseRelease(up, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.message().isEmpty(), 2500);
        QVERIFY2(t.elapsed() < 2500, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(panel.message().contains(QLatin1String("did not answer")), qPrintable(panel.message()));
        // Removing the camera disables the panel at once.
        patch.camera = QJsonValue(QJsonValue::Null);
        QVERIFY(session_->updateSite(siteId_, patch, QStringLiteral("ui")));
        QVERIFY(!panel.hasCamera());
        QVERIFY(!child<QWidget>(panel, "controls")->isEnabled());
    }
};

QTEST_MAIN(TestCameraPanel)
#include "tst_camera_panel.moc"
