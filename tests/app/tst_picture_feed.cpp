// A monitor's picture feed: converts a picture once, not again while neither it nor the monitor's
// size changed (the monitors poll faster than preview and the multiview change), and the
// colours survive the shrink and the enlargement where they should be.
#include "core/session/picture_feed.h"

#include <QTest>

using hntt::core::PictureFeed;
using hntt::engine::VideoFrame;
using hntt::engine::VideoFramePtr;

namespace {
// A 4:2:0 picture: red on the left half, blue on the right (BT.709 limited range).
VideoFramePtr halves(int w, int h) {
    auto f = VideoFrame::allocateYuv420(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            f->data(0)[y * f->stride(0) + x] = x < w / 2 ? 63 : 32; // Y of red, of blue
    for (int y = 0; y < h / 2; ++y)
        for (int x = 0; x < w / 2; ++x) {
            f->data(1)[y * f->stride(1) + x] = x < w / 4 ? 102 : 240; // Cb
            f->data(2)[y * f->stride(2) + x] = x < w / 4 ? 240 : 118; // Cr
        }
    return f;
}

bool near(QRgb c, int r, int g, int b) {
    return std::abs(qRed(c) - r) < 24 && std::abs(qGreen(c) - g) < 24 && std::abs(qBlue(c) - b) < 24;
}
} // namespace

class TestPictureFeed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void convertsOnlyWhatChanged() {
        VideoFramePtr current;
        PictureFeed feed([&] { return current; });
        QVERIFY(!feed.next(QSize(480, 270))); // nothing yet
        current = halves(1920, 1080);
        auto first = feed.next(QSize(480, 270));
        QVERIFY(first);
        QCOMPARE(first->size(), QSize(480, 270));
        QVERIFY(!feed.next(QSize(480, 270))); // the same picture at the same size
        QVERIFY(!feed.next(QSize(480, 270)));
        QCOMPARE(feed.conversions(), 1u);
        QVERIFY(feed.next(QSize(640, 360))); // the monitor was resized
        QVERIFY(!feed.next(QSize(640, 360)));
        current = halves(1920, 1080); // a new picture
        QVERIFY(feed.next(QSize(640, 360)));
        QCOMPARE(feed.conversions(), 3u);
        QVERIFY(!feed.next(QSize())); // a monitor of no size asks for nothing
    }

    void colourStaysWhereItIs() {
        for (const QSize size : {QSize(480, 270), QSize(1104, 620), QSize(2560, 1440)}) {
            const VideoFramePtr frame = halves(1920, 1080);
            PictureFeed feed([&] { return frame; });
            const auto image = feed.next(size);
            QVERIFY(image);
            const int y = size.height() / 2;
            const QRgb left = image->pixel(size.width() / 4, y),
                       right = image->pixel(size.width() * 3 / 4, y);
            QVERIFY2(near(left, 255, 0, 0),
                     qPrintable(QStringLiteral("%1: left %2").arg(size.width()).arg(left, 0, 16)));
            QVERIFY2(near(right, 0, 0, 255),
                     qPrintable(QStringLiteral("%1: right %2").arg(size.width()).arg(right, 0, 16)));
        }
    }
};

QTEST_GUILESS_MAIN(TestPictureFeed)
#include "tst_picture_feed.moc"
