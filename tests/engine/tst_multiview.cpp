// The multiview: geometry and pages, tally borders, meters, marks, and mapping clicks back to sites.
#include "engine_internal/multiview.h"
#include "frame_dump.h"

#include <QFile>
#include <QTest>

// Composition::slots meets Qt's `slots` keyword macro: the suite uses Q_SLOTS.
#undef slots

#include <algorithm>
#include <cstdlib>

using namespace hntt::engine;
using Rgb = VideoFrame::Rgb;

namespace {

constexpr int kW = 1920, kH = 1080;

VideoFramePtr solid(int w, int h, Rgb c) {
    auto f = VideoFrame::allocateYuv420(w, h);
    fillRect(*f, {0, 0, w, h}, Yuv::fromRgb(c.r, c.g, c.b));
    return f;
}

int distance(Rgb a, Rgb b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}
QString str(Rgb c) {
    return QStringLiteral("rgb(%1, %2, %3)").arg(c.r).arg(c.g).arg(c.b);
}

#define VERIFY_COLOUR(actual, expected, tolerance, what)                                                     \
    QVERIFY2(distance(actual, expected) <= (tolerance),                                                      \
             qPrintable(QString(what) + ": " + str(actual) + " instead of " + str(expected)))

bool reddish(Rgb c) {
    return c.r > 170 && c.g < 90 && c.b < 90;
}
bool greenish(Rgb c) {
    return c.g > 140 && c.r < 90 && c.b < 120;
}
bool amberish(Rgb c) {
    return c.r > 200 && c.g > 140 && c.g < 220 && c.b < 80;
}

PixelRect toPixels(const Rect& r) {
    return {static_cast<int>(std::lround(r.x * kW)), static_cast<int>(std::lround(r.y * kH)),
            static_cast<int>(std::lround(r.w * kW)), static_cast<int>(std::lround(r.h * kH))};
}

bool overlaps(const Rect& a, const Rect& b) {
    const double e = 1e-9;
    return a.x < b.x + b.w - e && b.x < a.x + a.w - e && a.y < b.y + b.h - e && b.y < a.y + a.h - e;
}

int countPixels(const VideoFrame& f, PixelRect r, bool (*test)(Rgb)) {
    int n = 0;
    for (int y = r.y; y < r.y + r.h; ++y)
        for (int x = r.x; x < r.x + r.w; ++x)
            n += test(f.rgbAt(x, y)) ? 1 : 0;
    return n;
}

const char* const kNames[] = {"UBND tỉnh Quảng Bình",    "UBND xã Quảng Hòa",      "Phường Đồng Hới",
                              "Huyện Bố Trạch",          "Trung tâm Y tế Lệ Thủy", "Xã Sơn Thủy",
                              "Thị xã Ba Đồn",           "Xã Quảng Phú",           "Huyện Minh Hóa",
                              "Trường THCS Nguyễn Trãi", "Xã Hưng Trạch",          "Huyện Tuyên Hóa"};

// Sites with muted, distinct colours (never red or green, so tally borders stand out).
std::vector<MultiviewSite> makeSites(int n) {
    std::vector<MultiviewSite> v;
    for (int i = 0; i < n; ++i) {
        MultiviewSite s;
        s.id = 1000 + i;
        s.source.name = std::string(kNames[i % 12]) + (i >= 12 ? " " + std::to_string(i + 1) : "");
        const int k = i % 6;
        s.source.frame =
            solid(i % 3 ? 1280 : 640, i % 3 ? 720 : 480, {60 + 20 * k, 70 + 10 * k, 140 - 10 * k});
        s.levelDbfs = -50.f + static_cast<float>(i % 9) * 6.f;
        v.push_back(std::move(s));
    }
    return v;
}

} // namespace

class TestMultiview : public QObject {
    Q_OBJECT

    std::unique_ptr<TextRenderer> text_;

private Q_SLOTS:
    void initTestCase() { text_ = std::make_unique<TextRenderer>(); }

    void geometryFor16Sites() {
        const MultiviewRenderer mv(*text_);
        QCOMPARE(mv.pageCount(16), 1);
        QCOMPARE(mv.pageCount(0), 1);
        QCOMPARE(mv.pageCount(1), 1);
        const std::vector<Rect> tiles = mv.tileRects(16, 0);
        QCOMPARE(tiles.size(), std::size_t{16});
        const auto [cols, rows] = mv.gridSize(16);
        QVERIFY(cols * rows >= 16 && cols * (rows - 1) < 16);
        qInfo("16 sites: %d x %d tiles of %.0f x %.0f pixels", cols, rows, tiles[0].w * kW, tiles[0].h * kH);
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            const Rect& t = tiles[i];
            QVERIFY(t.x >= 0 && t.y >= 0 && t.x + t.w <= 1 && t.y + t.h <= 1);
            QVERIFY(std::abs(t.w * kW / (t.h * kH) - 16.0 / 9) < 0.03); // 16:9 tiles
            QVERIFY(t.w == tiles[0].w && t.h == tiles[0].h);
            QVERIFY(!overlaps(t, mv.programRect()) && !overlaps(t, mv.previewRect()));
            for (std::size_t j = 0; j < i; ++j)
                QVERIFY(!overlaps(t, tiles[j]));
        }
        // Row-major order.
        QVERIFY(tiles[1].x > tiles[0].x && tiles[1].y == tiles[0].y);
        QVERIFY(tiles[static_cast<std::size_t>(cols)].y > tiles[0].y);
        // Fewer sites, bigger tiles.
        QVERIFY(mv.tileRects(4, 0)[0].w > tiles[0].w);
        QVERIFY(mv.tileRects(16, 0)[0].w >= 0.14); // readable at 16 sites: at least 270 pixels wide
        // Program and preview: side by side at the top, 16:9.
        const Rect pgm = mv.programRect(), pvw = mv.previewRect();
        QVERIFY(pgm.y < 0.05 && pvw.y == pgm.y && pvw.x > pgm.x + pgm.w);
        QVERIFY(std::abs(pgm.w * kW / (pgm.h * kH) - 16.0 / 9) < 0.01);
        QVERIFY(pgm.w > 0.35);
    }

    void pagesFor170Sites() {
        const MultiviewRenderer mv(*text_);
        const int perPage = mv.tilesPerPage();
        QCOMPARE(perPage, MultiviewRenderer::kDefaultTilesPerPage);
        const int pages = mv.pageCount(170);
        QCOMPARE(pages, (170 + perPage - 1) / perPage);
        QVERIFY(pages > 1);
        std::size_t total = 0;
        for (int p = 0; p < pages; ++p) {
            const std::vector<Rect> t = mv.tileRects(170, p);
            QCOMPARE(t.size(), static_cast<std::size_t>(std::min(perPage, 170 - p * perPage)));
            QCOMPARE(t[0], mv.tileRects(170, 0)[0]); // every page has the same grid
            total += t.size();
        }
        QCOMPARE(total, std::size_t{170});
        QCOMPARE(mv.tileRects(170, 99).size(), mv.tileRects(170, pages - 1).size()); // clamped
        QCOMPARE(mv.tileRects(0, 0).size(), std::size_t{0});

        // A smaller page size makes more pages.
        const MultiviewRenderer dense(*text_, {}, {}, kW, kH, 48);
        QCOMPARE(dense.pageCount(170), 4);
        QCOMPARE(dense.tileRects(170, 3).size(), std::size_t{26});
    }

    void tallyBordersAndTopTiles() {
        MultiviewRenderer mv(*text_);
        MultiviewInput in;
        in.sites = makeSites(16);
        in.sites[2].onProgram = true;
        in.sites[5].onPreview = true;
        in.sites[9].onProgram = true;
        in.sites[9].onPreview = true;
        in.program = solid(1920, 1080, {200, 120, 40});
        in.preview = solid(1280, 720, {40, 120, 200});
        const VideoFramePtr out = mv.render(in);
        QVERIFY(out);
        QCOMPARE(out->width(), kW);
        dump(*out, "multiview_16");

        const std::vector<Rect> tiles = mv.tileRects(16, 0);
        auto edge = [&](int site, int inset) {
            const PixelRect r = toPixels(tiles[static_cast<std::size_t>(site)]);
            return out->meanRgb(r.x + inset, r.y + r.h / 2, 1, 1);
        };
        QVERIFY2(reddish(edge(2, 1)), qPrintable("program site: " + str(edge(2, 1))));
        QVERIFY2(greenish(edge(5, 1)), qPrintable("preview site: " + str(edge(5, 1))));
        // 6 pixels each at 1080 lines, seen across the room: red outside, green inside.
        for (int inset : {1, 5})
            QVERIFY2(reddish(edge(9, inset)), qPrintable("both, outside: " + str(edge(9, inset))));
        for (int inset : {7, 11})
            QVERIFY2(greenish(edge(9, inset)), qPrintable("both, inside: " + str(edge(9, inset))));
        QVERIFY2(reddish(edge(2, 5)), qPrintable("program site: " + str(edge(2, 5))));
        QVERIFY2(greenish(edge(5, 5)), qPrintable("preview site: " + str(edge(5, 5))));
        for (int i : {0, 1, 3, 4, 15}) {
            QVERIFY2(!reddish(edge(i, 1)) && !greenish(edge(i, 1)), qPrintable(str(edge(i, 1))));
            QVERIFY(!reddish(edge(i, 5)) && !greenish(edge(i, 5)));
        }
        // Tally on every side of the tile.
        const PixelRect t2 = toPixels(tiles[2]);
        QVERIFY(reddish(out->rgbAt(t2.x + t2.w / 2, t2.y + 1)));
        QVERIFY(reddish(out->rgbAt(t2.x + t2.w / 2, t2.y + t2.h - 2)));
        QVERIFY(reddish(out->rgbAt(t2.x + t2.w - 2, t2.y + t2.h / 3)));

        // The site's own picture inside its tile.
        const PixelRect t0 = toPixels(tiles[0]);
        VERIFY_COLOUR(out->meanRgb(t0.x + t0.w / 3, t0.y + t0.h / 3, 6, 6), (Rgb{60, 70, 140}), 12,
                      "site 0 picture");

        // Program and preview pictures, with red and green borders and labels.
        const PixelRect pgm = toPixels(mv.programRect()), pvw = toPixels(mv.previewRect());
        VERIFY_COLOUR(out->meanRgb(pgm.x + pgm.w / 2, pgm.y + pgm.h / 2, 8, 8), (Rgb{200, 120, 40}), 12,
                      "program");
        VERIFY_COLOUR(out->meanRgb(pvw.x + pvw.w / 2, pvw.y + pvw.h / 2, 8, 8), (Rgb{40, 120, 200}), 12,
                      "preview");
        QVERIFY(reddish(out->rgbAt(pgm.x + 1, pgm.y + pgm.h / 2)));
        QVERIFY(greenish(out->rgbAt(pvw.x + 1, pvw.y + pvw.h / 2)));
        const PixelRect pgmLabel{pgm.x, pgm.y + pgm.h, pgm.w, 30};
        QVERIFY(countPixels(*out, pgmLabel, reddish) > pgm.w * 10);
        QVERIFY(countPixels(*out, pgmLabel, [](Rgb c) { return c.r > 220 && c.g > 220 && c.b > 220; }) > 100);
        const PixelRect pvwLabel{pvw.x, pvw.y + pvw.h, pvw.w, 30};
        QVERIFY(countPixels(*out, pvwLabel, greenish) > pvw.w * 10);
    }

    void metersAndMarks() {
        MultiviewRenderer mv(*text_);
        MultiviewInput in;
        in.sites = makeSites(16);
        for (MultiviewSite& s : in.sites)
            s.levelDbfs = -120.f;
        auto quiet = VideoFrame::allocateYuv420(kW, kH);
        mv.renderInto(in, *quiet);

        in.sites[4].levelDbfs = -3.f;       // loud: green, yellow and red
        in.sites[6].levelDbfs = -30.f;      // green only
        in.sites[7].source.speaking = true; // the speaker mark
        in.sites[8].audioMuted = true;      // the muted mark
        in.sites[8].levelDbfs = -10.f;
        in.sites[10].source.lost = true; // lost, with a last frame
        in.sites[11].source.lost = true; // lost, no frame
        in.sites[11].source.frame = nullptr;
        in.sites[12].source.videoMuted = true;
        in.sites[13].hasFloor = true; // the floor's badge
        in.sites[14].hasFloor = true; // the floor's badge beside the speaker's mark
        in.sites[14].source.speaking = true;
        auto loud = VideoFrame::allocateYuv420(kW, kH);
        mv.renderInto(in, *loud);
        dump(*loud, "multiview_marks");

        const std::vector<Rect> tiles = mv.tileRects(16, 0);
        auto tile = [&](int i) { return toPixels(tiles[static_cast<std::size_t>(i)]); };
        auto changed = [&](PixelRect r, bool (*test)(Rgb)) {
            int n = 0;
            for (int y = r.y; y < r.y + r.h; ++y)
                for (int x = r.x; x < r.x + r.w; ++x)
                    if (quiet->rgbAt(x, y).r != loud->rgbAt(x, y).r ||
                        quiet->rgbAt(x, y).g != loud->rgbAt(x, y).g)
                        n += test(loud->rgbAt(x, y)) ? 1 : 0;
            return n;
        };
        auto anything = [](Rgb) { return true; };
        auto yellow = [](Rgb c) { return c.r > 200 && c.g > 170 && c.b < 100; };

        // The loud site's meter: along its right edge, green at the bottom, red at the top.
        const PixelRect t4 = tile(4);
        const PixelRect right4{t4.x + t4.w * 9 / 10, t4.y, t4.w - t4.w * 9 / 10, t4.h};
        const PixelRect left4{t4.x, t4.y, t4.w * 9 / 10, t4.h};
        QVERIFY2(changed(right4, greenish) > 50, qPrintable(QString::number(changed(right4, greenish))));
        QVERIFY(changed(right4, yellow) > 10);
        QVERIFY(changed(right4, reddish) > 5);
        QCOMPARE(changed(left4, anything), 0);
        const PixelRect t6 = tile(6);
        const PixelRect right6{t6.x + t6.w * 9 / 10, t6.y, t6.w - t6.w * 9 / 10, t6.h};
        QVERIFY(changed(right6, greenish) > 20);
        QCOMPARE(changed(right6, reddish), 0);
        QVERIFY(changed(right6, greenish) < changed(right4, greenish));

        // Speaking: an amber mark in the top-left corner.
        const PixelRect t7 = tile(7);
        QVERIFY(countPixels(*loud, {t7.x, t7.y, t7.w / 3, t7.h / 2}, amberish) > 20);
        QCOMPARE(countPixels(*quiet, {t7.x, t7.y, t7.w / 3, t7.h / 2}, amberish), 0);

        // Audio muted: a red mark at the top right, a grey meter.
        const PixelRect t8 = tile(8);
        QVERIFY(countPixels(*loud, {t8.x + t8.w / 2, t8.y, t8.w / 2, t8.h / 3}, reddish) > 100);
        QCOMPARE(changed({t8.x + t8.w * 9 / 10, t8.y + t8.h / 2, t8.w / 10, t8.h / 2}, greenish), 0);

        // Lost: red status text in the tile, whether the last frame is there or not.
        for (int i : {10, 11}) {
            const PixelRect t = tile(i);
            const int red = countPixels(*loud, {t.x + 8, t.y + 8, t.w - 24, t.h - 16}, reddish);
            QVERIFY2(red > 40, qPrintable(QStringLiteral("site %1: %2").arg(i).arg(red)));
        }
        // The floor: a blue badge at the top left; beside the speaker's amber mark when both.
        auto blueish = [](Rgb c) { return c.b > 150 && c.r < 60 && c.g > 70 && c.g < 140; };
        for (int i : {13, 14}) {
            const PixelRect t = tile(i);
            const int blue = countPixels(*loud, {t.x, t.y, t.w * 2 / 3, t.h / 3}, blueish);
            QVERIFY2(blue > 100, qPrintable(QStringLiteral("site %1: %2").arg(i).arg(blue)));
            QCOMPARE(countPixels(*quiet, {t.x, t.y, t.w * 2 / 3, t.h / 3}, blueish), 0);
        }
        const PixelRect t14 = tile(14);
        QVERIFY(countPixels(*loud, {t14.x, t14.y, t14.w / 3, t14.h / 2}, amberish) > 20);
        for (int i : {4, 7, 8}) { // no badge where there is no floor
            const PixelRect t = tile(i);
            QCOMPARE(countPixels(*loud, {t.x, t.y, t.w, t.h}, blueish), 0);
        }
        // Video muted: a slate instead of the picture.
        const PixelRect t12 = tile(12);
        QVERIFY(distance(loud->meanRgb(t12.x + 12, t12.y + 12, 4, 4),
                         quiet->meanRgb(t12.x + 12, t12.y + 12, 4, 4)) > 10);
    }

    // The whole province on a 1080-line multiview, read from two metres: names on a band at least
    // 18 pixels high, and a page bar where a page with lost sites shows their count in red, whichever
    // page is shown.
    void readableFromTwoMetres() {
        MultiviewRenderer mv(*text_);
        MultiviewInput in;
        in.sites = makeSites(170);
        const int perPage = mv.tilesPerPage();
        for (int i : {2 * perPage + 1, 2 * perPage + 5, 2 * perPage + 9, 4 * perPage + 3})
            in.sites[static_cast<std::size_t>(i)].source.lost = true;
        in.page = 0;
        const VideoFramePtr out = mv.render(in);
        dump(*out, "multiview_170_page_bar");

        // The name band of a plain tile: everything between the picture and the tile's bottom
        // edge, at its left end (no letters there), differs from the site's picture.
        const PixelRect t = toPixels(mv.tileRects(170, 0)[4]); // a 16:9 picture, edge to edge
        const Rgb picture = out->meanRgb(t.x + t.w / 3, t.y + t.h / 3, 4, 4);
        int band = 0;
        for (int y = t.y + t.h - 3; y > t.y && distance(out->rgbAt(t.x + 3, y), picture) > 12; --y)
            ++band;
        QVERIFY2(band >= 18, qPrintable(QString::number(band)));
        QVERIFY2(band < t.h / 3, qPrintable(QString::number(band)));

        const int pages = mv.pageCount(170);
        QVERIFY(pages >= 5);
        auto chip = [&](int page) { return toPixels(mv.pageChipRect(page, pages)); };
        for (int p = 0; p < pages; ++p)
            QVERIFY2(chip(p).w > 20 && chip(p).h > 20, qPrintable(QString::number(p)));
        const PixelRect pgm = toPixels(mv.programRect());
        QVERIFY(chip(0).y < pgm.y + pgm.h + 40); // beside program and preview, not over the tiles
        for (int p = 0; p < pages; ++p) {
            const int red = countPixels(*out, chip(p), reddish);
            if (p == 2 || p == 4)
                QVERIFY2(red > chip(p).w * chip(p).h / 4,
                         qPrintable(QStringLiteral("page %1: %2").arg(p + 1).arg(red)));
            else
                QVERIFY2(red == 0, qPrintable(QStringLiteral("page %1: %2").arg(p + 1).arg(red)));
        }
    }

    void siteAtMapsTilesBackToSites() {
        MultiviewRenderer mv(*text_);
        QVERIFY(!mv.siteAt(0.5, 0.8)); // nothing rendered yet
        MultiviewInput in;
        in.sites = makeSites(16);
        mv.render(in);
        const std::vector<Rect> tiles = mv.tileRects(16, 0);
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            const auto id = mv.siteAt(tiles[i].x + tiles[i].w / 2, tiles[i].y + tiles[i].h / 2);
            QVERIFY(id);
            QCOMPARE(*id, in.sites[i].id);
        }
        const Rect pgm = mv.programRect();
        QVERIFY(!mv.siteAt(pgm.x + pgm.w / 2, pgm.y + pgm.h / 2));
        QVERIFY(!mv.siteAt(-0.1, 0.5));
        QVERIFY(!mv.siteAt(std::nan(""), 0.5));

        // Page 3 of 170 sites.
        in.sites = makeSites(170);
        in.page = 3;
        mv.render(in);
        QCOMPARE(mv.lastPage(), 3);
        QCOMPARE(mv.lastPageCount(), mv.pageCount(170));
        const std::vector<hntt::engine::SiteId> onPage = mv.lastPageSites();
        QCOMPARE(onPage.size(), std::size_t(mv.tilesPerPage()));
        QCOMPARE(onPage.front(), in.sites[static_cast<std::size_t>(3 * mv.tilesPerPage())].id);
        const std::vector<Rect> page3 = mv.tileRects(170, 3);
        const int first = 3 * mv.tilesPerPage();
        for (std::size_t i = 0; i < page3.size(); i += 5) {
            const auto id = mv.siteAt(page3[i].x + page3[i].w / 2, page3[i].y + page3[i].h / 2);
            QVERIFY(id);
            QCOMPARE(*id, in.sites[static_cast<std::size_t>(first) + i].id);
        }
        in.page = 5;
        const VideoFramePtr last = mv.render(in);
        dump(*last, "multiview_170_last_page");
        QCOMPARE(mv.lastPage(), 5);
        const std::vector<Rect> page5 = mv.tileRects(170, 5);
        QCOMPARE(page5.size(), std::size_t{170 - 5 * 32});
        // A tile position past the last site on the last page maps to nothing.
        const Rect beyond = mv.tileRects(170, 0)[page5.size()];
        QVERIFY(!mv.siteAt(beyond.x + beyond.w / 2, beyond.y + beyond.h / 2));

        in.page = 0;
        dump(*mv.render(in), "multiview_170_first_page");
    }

    void framesHeldByOthersAreNotRedrawn() {
        MultiviewRenderer mv(*text_);
        MultiviewInput in;
        in.sites = makeSites(4);
        in.program = solid(640, 360, {200, 40, 40});
        VideoFramePtr first = mv.render(in);
        const PixelRect pgm = toPixels(mv.programRect());
        const int cx = pgm.x + pgm.w / 2, cy = pgm.y + pgm.h / 2;
        VERIFY_COLOUR(first->meanRgb(cx, cy, 8, 8), (Rgb{200, 40, 40}), 12, "first");
        in.program = solid(640, 360, {40, 40, 200});
        VideoFramePtr second = mv.render(in);
        QVERIFY(first.get() != second.get());
        VERIFY_COLOUR(first->meanRgb(cx, cy, 8, 8), (Rgb{200, 40, 40}), 12, "first, still"); // untouched
        VERIFY_COLOUR(second->meanRgb(cx, cy, 8, 8), (Rgb{40, 40, 200}), 12, "second");
        // Once nobody else holds a canvas it is drawn on again rather than a new one allocated.
        const VideoFrame* firstAddress = first.get();
        first.reset();
        const VideoFramePtr third = mv.render(in);
        QCOMPARE(third.get(), firstAddress);
        // Holders of many frames never see them redrawn.
        std::vector<VideoFramePtr> held;
        for (int i = 0; i < 6; ++i)
            held.push_back(mv.render(in));
        for (std::size_t i = 0; i < held.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                QVERIFY(held[i].get() != held[j].get() && held[i].get() != second.get());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 mv.renderInto(in, *VideoFrame::allocateYuv420(1280, 720)));
    }
};

QTEST_GUILESS_MAIN(TestMultiview)
#include "tst_multiview.moc"
