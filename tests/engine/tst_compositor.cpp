// The compositor: every preset with real pictures, aspect fitting, slates, labels and the scaler cache.
#include "engine_internal/compositor.h"
#include "engine_internal/layout_library.h"
#include "frame_dump.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <array>
#include <cstring>

// Layout::slots and Composition::slots meet Qt's `slots` keyword macro: the suite uses Q_SLOTS.
#undef slots
#include <algorithm>
#include <cstdlib>
#include <map>
#include <stdexcept>

extern "C" {
#include <libavutil/frame.h>
}

using namespace hntt::engine;
using Rgb = VideoFrame::Rgb;

namespace {

const std::filesystem::path kLayoutsDir = HNTT_SOURCE_DIR "/resources/layouts";
constexpr int kW = 1920, kH = 1080;

VideoFramePtr solidYuv(int w, int h, Rgb c) {
    auto f = VideoFrame::allocateYuv420(w, h);
    fillRect(*f, {0, 0, w, h}, Yuv::fromRgb(c.r, c.g, c.b));
    return f;
}

// An RGB24 frame; `pixel` gives each pixel's colour.
template <typename F>
VideoFramePtr rgbFrame(int w, int h, F pixel) {
    AVFrame* f = av_frame_alloc();
    f->format = AV_PIX_FMT_RGB24;
    f->width = w;
    f->height = h;
    if (av_frame_get_buffer(f, 32) < 0)
        qFatal("av_frame_get_buffer");
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const Rgb c = pixel(x, y);
            std::uint8_t* p = f->data[0] + y * f->linesize[0] + 3 * x;
            p[0] = static_cast<std::uint8_t>(c.r);
            p[1] = static_cast<std::uint8_t>(c.g);
            p[2] = static_cast<std::uint8_t>(c.b);
        }
    return VideoFrame::adopt(f);
}

int distance(Rgb a, Rgb b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}
QString str(Rgb c) {
    return QStringLiteral("rgb(%1, %2, %3)").arg(c.r).arg(c.g).arg(c.b);
}
Rgb rgbOf(Yuv c) {
    auto f = VideoFrame::allocateYuv420(2, 2);
    fillRect(*f, {0, 0, 2, 2}, c);
    return f->rgbAt(0, 0);
}

#define VERIFY_COLOUR(actual, expected, tolerance, what)                                                     \
    QVERIFY2(distance(actual, expected) <= (tolerance),                                                      \
             qPrintable(QString(what) + ": " + str(actual) + " instead of " + str(expected)))

// Distinct colours: no two closer than 70 on a channel, none grey.
std::vector<Rgb> palette25() {
    std::vector<Rgb> v;
    const int levels[] = {40, 110, 180, 250};
    for (int r : levels)
        for (int g : levels)
            for (int b : levels)
                if (!(r == g && g == b) && v.size() < 25)
                    v.push_back({r, g, b});
    std::rotate(v.begin(), v.begin() + 7, v.end()); // start with livelier colours
    return v;
}

std::uint8_t luma(const VideoFrame& f, int x, int y) {
    return f.data(0)[y * f.stride(0) + x];
}

int countPixels(const VideoFrame& f, PixelRect r, const std::function<bool(Rgb)>& test) {
    int n = 0;
    for (int y = r.y; y < r.y + r.h; ++y)
        for (int x = r.x; x < r.x + r.w; ++x)
            n += test(f.rgbAt(x, y)) ? 1 : 0;
    return n;
}

double meanLuma(const VideoFrame& f, PixelRect r) {
    double sum = 0;
    for (int y = r.y; y < r.y + r.h; ++y)
        for (int x = r.x; x < r.x + r.w; ++x)
            sum += luma(f, x, y);
    return sum / (static_cast<double>(r.w) * r.h);
}

struct Sites {
    std::map<SiteId, TileSource> byId;
    std::function<TileSource(SiteId)> lookup() {
        return [this](SiteId id) {
            const auto it = byId.find(id);
            return it != byId.end() ? it->second : TileSource{};
        };
    }
};

} // namespace

class TestCompositor : public QObject {
    Q_OBJECT

    std::unique_ptr<TextRenderer> text_;
    LayoutLibrary layouts_{kLayoutsDir};
    const Rgb background_ = rgbOf(palette::background());
    const Rgb slate_ = rgbOf(palette::slate());

private Q_SLOTS:
    void initTestCase() {
        text_ = std::make_unique<TextRenderer>();
        QVERIFY(layouts_.errors().empty());
    }

    void geometry() {
        QCOMPARE(toPixelRect({0, 0, 1, 1}, kW, kH), (PixelRect{0, 0, kW, kH}));
        QCOMPARE(toPixelRect({0.25, 0.25, 0.5, 0.5}, kW, kH), (PixelRect{480, 270, 960, 540}));
        QCOMPARE(toPixelRect({1 / 3.0, 0, 1 / 3.0, 1}, 1280, 720), (PixelRect{426, 0, 428, 720}));
        // Pillarbox a 4:3 picture in a 16:9 area, letterbox a 2.39:1 one, both centred.
        QCOMPARE(fitRect({0, 0, 960, 540}, 4.0 / 3), (PixelRect{120, 0, 720, 540}));
        QCOMPARE(fitRect({100, 50, 960, 540}, 2.39), (PixelRect{100, 50 + 68, 960, 402}));
        QCOMPARE(fitRect({0, 0, 960, 540}, 16.0 / 9), (PixelRect{0, 0, 960, 540}));
        // Anamorphic PAL: 720x576 with 16:15 pixels is 4:3 on screen.
        auto pal = VideoFrame::allocateYuv420(720, 576);
        pal->avFrame()->sample_aspect_ratio = AVRational{16, 15};
        QVERIFY(std::abs(displayAspect(*pal) - 4.0 / 3) < 1e-9);
        for (const Layout& l : layouts_.all())
            for (const Rect& r : l.rects) {
                const PixelRect p = toPixelRect(r, kW, kH);
                QVERIFY2(!((p.x | p.y | p.w | p.h) & 1), l.name.c_str());
            }
    }

    void everyPresetShowsEachSiteInItsSlot_data() {
        QTest::addColumn<QString>("layout");
        for (const Layout& l : layouts_.all())
            QTest::newRow(l.name.c_str()) << QString::fromStdString(l.name);
    }
    void everyPresetShowsEachSiteInItsSlot() {
        QFETCH(QString, layout);
        const Layout* l = layouts_.find(layout.toStdString());
        QVERIFY(l);
        const std::vector<Rgb> colours = palette25();
        Sites sites;
        Composition comp{l->name, {}};
        for (std::size_t i = 0; i < l->rects.size(); ++i) {
            const SiteId id = 100 + static_cast<SiteId>(i);
            const Rgb c = colours[i % colours.size()];
            TileSource s;
            s.name = "Điểm cầu " + std::to_string(i + 1);
            // Mixed formats and sizes: RGB24 4:3, odd SD, 720p, 1080p.
            switch (i % 4) {
            case 1:
                s.frame = rgbFrame(640, 480, [c](int, int) { return c; });
                break;
            case 2:
                s.frame = solidYuv(352, 288, c);
                break;
            case 3:
                s.frame = solidYuv(1280, 720, c);
                break;
            default:
                s.frame = solidYuv(1920, 1080, c);
            }
            sites.byId[id] = s;
            comp.sites.push_back(id);
        }
        auto canvas = VideoFrame::allocateYuv420(kW, kH);
        Compositor compositor(*text_);
        compositor.compose(*l, comp, sites.lookup(), *canvas);
        dump(*canvas, "compose_" + layout);

        std::vector<PixelRect> rects;
        for (const Rect& r : l->rects)
            rects.push_back(toPixelRect(r, kW, kH));
        for (std::size_t i = 0; i < rects.size(); ++i) {
            const int cx = rects[i].x + rects[i].w / 2, cy = rects[i].y + rects[i].h / 2;
            // Later slots lie on top (a picture-in-picture inset over the main picture).
            std::size_t top = i;
            for (std::size_t j = i + 1; j < rects.size(); ++j)
                if (rects[j].contains(cx, cy))
                    top = j;
            VERIFY_COLOUR(canvas->meanRgb(cx, cy, 8, 8), colours[top % colours.size()], 12,
                          QStringLiteral("slot %1 centre").arg(i));
        }
        // Where no slot reaches, the background.
        for (int y = 10; y < kH; y += 120)
            for (int x = 10; x < kW; x += 160)
                if (std::none_of(rects.begin(), rects.end(),
                                 [&](const PixelRect& r) { return r.contains(x, y); }))
                    VERIFY_COLOUR(canvas->rgbAt(x, y), background_, 6,
                                  QStringLiteral("(%1, %2)").arg(x).arg(y));
    }

    void emptySlotsShowTheBackground() {
        Sites sites;
        sites.byId[1] = {solidYuv(640, 360, {200, 40, 40}), "A", false, false, false};
        sites.byId[3] = {solidYuv(640, 360, {40, 40, 200}), "C", false, false, false};
        auto canvas = VideoFrame::allocateYuv420(kW, kH);
        Compositor compositor(*text_);
        // Slot 1 empty, slot 3 missing from the composition.
        compositor.compose(*layouts_.find("grid-2x2"), {"grid-2x2", {1, std::nullopt, 3}}, sites.lookup(),
                           *canvas);
        VERIFY_COLOUR(canvas->meanRgb(480, 270, 8, 8), (Rgb{200, 40, 40}), 12, "slot 0");
        VERIFY_COLOUR(canvas->meanRgb(1440, 270, 8, 8), background_, 6, "empty slot 1");
        VERIFY_COLOUR(canvas->meanRgb(480, 810, 8, 8), (Rgb{40, 40, 200}), 12, "slot 2");
        VERIFY_COLOUR(canvas->meanRgb(1440, 810, 8, 8), background_, 6, "slot 3 not in the composition");
        QVERIFY(distance(background_, {16, 16, 16}) > 8); // dark grey, not black

        // Slots beyond the layout's are ignored.
        compositor.compose(*layouts_.find("single"), {"single", {3, 1, 1, 1}}, sites.lookup(), *canvas);
        VERIFY_COLOUR(canvas->meanRgb(960, 540, 8, 8), (Rgb{40, 40, 200}), 12, "single");
        VERIFY_COLOUR(canvas->meanRgb(1800, 100, 8, 8), (Rgb{40, 40, 200}), 12, "single, corner");
    }

    void picturesKeepTheirAspect() {
        // A 4:3 RGB picture: blue with a white square in the middle, in the 960x540 slot of grid-2x2.
        const Rgb blue{30, 60, 200};
        auto pattern = rgbFrame(640, 480, [&](int x, int y) {
            return (x >= 200 && x < 440 && y >= 120 && y < 360) ? Rgb{255, 255, 255} : blue;
        });
        Sites sites;
        sites.byId[7] = {pattern, "4:3", false, false, false};
        sites.byId[8] = {solidYuv(360, 360, {220, 180, 30}), "1:1", false, false, false};
        auto canvas = VideoFrame::allocateYuv420(kW, kH);
        Compositor compositor(*text_);
        compositor.compose(*layouts_.find("grid-2x2"), {"grid-2x2", {7, 8}}, sites.lookup(), *canvas,
                           {.labels = false});
        dump(*canvas, "aspect");
        const Rgb black{0, 0, 0};
        // Pillarbox bars of 120 pixels on each side, the picture 720x540 between them.
        VERIFY_COLOUR(canvas->meanRgb(60, 270, 8, 8), black, 6, "left bar");
        VERIFY_COLOUR(canvas->meanRgb(900, 270, 8, 8), black, 6, "right bar");
        VERIFY_COLOUR(canvas->meanRgb(130, 270, 8, 8), blue, 12, "picture, left edge");
        VERIFY_COLOUR(canvas->meanRgb(830, 270, 8, 8), blue, 12, "picture, right edge");
        VERIFY_COLOUR(canvas->meanRgb(480, 10, 8, 8), blue, 12, "picture, top");
        // The square stays square (240 source pixels, scaled by 540/480) and centred.
        int left = -1, right = -1, topY = -1, bottomY = -1;
        for (int x = 0; x < 960; ++x)
            if (luma(*canvas, x, 270) > 180) {
                left = left < 0 ? x : left;
                right = x;
            }
        for (int y = 0; y < 540; ++y)
            if (luma(*canvas, 480, y) > 180) {
                topY = topY < 0 ? y : topY;
                bottomY = y;
            }
        const int w = right - left + 1, h = bottomY - topY + 1;
        QVERIFY2(std::abs(w - 270) <= 3 && std::abs(h - 270) <= 3,
                 qPrintable(QStringLiteral("square drawn %1x%2").arg(w).arg(h)));
        QVERIFY(std::abs((left + right) / 2 - 480) <= 2 && std::abs((topY + bottomY) / 2 - 270) <= 2);

        // The 1:1 picture in the second slot: 540x540 centred, bars of 210 on each side.
        VERIFY_COLOUR(canvas->meanRgb(960 + 100, 270, 8, 8), black, 6, "1:1 left bar");
        VERIFY_COLOUR(canvas->meanRgb(960 + 860, 270, 8, 8), black, 6, "1:1 right bar");
        VERIFY_COLOUR(canvas->meanRgb(960 + 220, 270, 8, 8), (Rgb{220, 180, 30}), 12, "1:1 left edge");
        VERIFY_COLOUR(canvas->meanRgb(960 + 740, 270, 8, 8), (Rgb{220, 180, 30}), 12, "1:1 right edge");

        // A wide picture in a 16:9 slot is letterboxed: bars above and below.
        sites.byId[9] = {solidYuv(1280, 480, {200, 40, 160}), "wide", false, false, false};
        compositor.compose(*layouts_.find("single"), {"single", {9}}, sites.lookup(), *canvas,
                           {.labels = false});
        VERIFY_COLOUR(canvas->meanRgb(960, 20, 8, 8), black, 6, "top bar");
        VERIFY_COLOUR(canvas->meanRgb(960, 1060, 8, 8), black, 6, "bottom bar");
        VERIFY_COLOUR(canvas->meanRgb(960, 540, 8, 8), (Rgb{200, 40, 160}), 12, "wide picture");
        VERIFY_COLOUR(canvas->meanRgb(10, 540, 8, 8), (Rgb{200, 40, 160}), 12, "wide picture, left edge");
    }

    void siteWithoutPictureGetsASlate_data() {
        QTest::addColumn<bool>("lost");
        QTest::addColumn<bool>("videoMuted");
        QTest::newRow("lost") << true << false;
        QTest::newRow("video muted") << false << true;
        QTest::newRow("no picture yet") << false << false;
    }
    void siteWithoutPictureGetsASlate() {
        QFETCH(bool, lost);
        QFETCH(bool, videoMuted);
        Sites sites;
        TileSource s;
        s.name = "UBND xã Quảng Hòa";
        s.lost = lost;
        s.videoMuted = videoMuted;
        if (videoMuted)
            s.frame = solidYuv(640, 360, {0, 200, 0}); // a muted picture is not shown
        sites.byId[5] = s;
        auto canvas = VideoFrame::allocateYuv420(kW, kH);
        Compositor compositor(*text_);
        compositor.compose(*layouts_.find("grid-2x2"), {"grid-2x2", {5}}, sites.lookup(), *canvas);
        dump(*canvas,
             QStringLiteral("slate_%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_')));
        const PixelRect slot{0, 0, 960, 540};
        // Not black: the slate's blue-grey fills the slot.
        QVERIFY2(meanLuma(*canvas, slot) > 45, qPrintable(QString::number(meanLuma(*canvas, slot))));
        VERIFY_COLOUR(canvas->meanRgb(40, 40, 8, 8), slate_, 6, "slate corner");
        QVERIFY(distance(slate_, background_) > 15);
        QVERIFY(countPixels(*canvas, slot, [](Rgb c) { return c.g > 150 && c.r < 80; }) ==
                0); // no muted picture
        // The name in white, large, in the upper middle; the status text below it.
        const int white =
            countPixels(*canvas, {80, 150, 800, 250}, [](Rgb c) { return c.r > 200 && c.g > 200; });
        QVERIFY2(white > 1000, qPrintable(QString::number(white)));
        if (lost) {
            const int red = countPixels(*canvas, {80, 285, 800, 150},
                                        [](Rgb c) { return c.r > 180 && c.g < 130 && c.b < 130; });
            QVERIFY2(red > 200, qPrintable(QString::number(red)));
        } else {
            const int status = countPixels(*canvas, {80, 285, 800, 150}, [](Rgb c) { return c.r > 150; });
            QVERIFY2(status > 200, qPrintable(QString::number(status)));
        }
    }

    void lostSiteWithAFrameIsDimmedAndMarked() {
        Sites sites;
        TileSource s{solidYuv(1280, 720, {60, 200, 220}), "Phường Đồng Hới", true, false, false};
        sites.byId[1] = s;
        auto canvas = VideoFrame::allocateYuv420(kW, kH);
        Compositor compositor(*text_);
        compositor.compose(*layouts_.find("single"), {"single", {1}}, sites.lookup(), *canvas);
        dump(*canvas, "lost_with_frame");
        const Rgb corner = canvas->meanRgb(100, 100, 8, 8);
        QVERIFY2(corner.g > 60 && corner.g < 140 && corner.b > 60,
                 qPrintable(str(corner))); // dimmed, still there
        const int red =
            countPixels(*canvas, {560, 440, 800, 200}, [](Rgb c) { return c.r > 180 && c.g < 130; });
        QVERIFY2(red > 300, qPrintable(QString::number(red)));
    }

    void labelsAndSpeakingMark() {
        Sites sites;
        sites.byId[1] = {solidYuv(1280, 720, {30, 90, 40}), "Trường THCS Nguyễn Trãi", false, false, true};
        auto canvas = VideoFrame::allocateYuv420(kW, kH);
        Compositor compositor(*text_);
        const Layout& single = *layouts_.find("single");
        compositor.compose(single, {"single", {1}}, sites.lookup(), *canvas);
        dump(*canvas, "label_speaking");
        const PixelRect labelArea{0, 900, 960, 180};
        const auto bright = [](Rgb c) { return c.r > 200 && c.g > 200 && c.b > 200; };
        QVERIFY(countPixels(*canvas, labelArea, bright) > 500);
        const Rgb amber = rgbOf(palette::speaking());
        VERIFY_COLOUR(canvas->rgbAt(2, 540), amber, 12, "speaking frame, left");
        VERIFY_COLOUR(canvas->rgbAt(960, 1077), amber, 12, "speaking frame, bottom");

        compositor.compose(single, {"single", {1}}, sites.lookup(), *canvas,
                           {.labels = false, .speakingMarks = false});
        QCOMPARE(countPixels(*canvas, labelArea, bright), 0);
        VERIFY_COLOUR(canvas->rgbAt(2, 540), (Rgb{30, 90, 40}), 12, "no speaking frame");
    }

    void scalerContextsAreCachedAndBounded() {
        Sites sites;
        Composition comp{"grid-5x5", {}};
        for (int i = 0; i < 25; ++i) {
            sites.byId[i] = {solidYuv(640, 360, palette25()[static_cast<std::size_t>(i)]),
                             "Điểm cầu " + std::to_string(i), false, false, i == 3};
            comp.sites.push_back(i);
        }
        auto canvas = VideoFrame::allocateYuv420(kW, kH);
        Compositor compositor(*text_);
        compositor.compose(*layouts_.find("grid-5x5"), comp, sites.lookup(), *canvas);
        const std::uint64_t created = compositor.scaler().contextsCreated();
        QCOMPARE(created, std::uint64_t{1}); // 25 tiles of one size share one context
        const std::uint64_t glyphs = text_->glyphLoads();
        QElapsedTimer timer;
        timer.start();
        const int frames = 25;
        for (int i = 0; i < frames; ++i)
            compositor.compose(*layouts_.find("grid-5x5"), comp, sites.lookup(), *canvas);
        qInfo("grid-5x5 with labels: %.1f ms a frame (this build)", double(timer.elapsed()) / frames);
        QCOMPARE(compositor.scaler().contextsCreated(), created);
        QCOMPARE(text_->glyphLoads(), glyphs); // steady state: nothing new rasterised

        FrameScaler small(4);
        for (int i = 0; i < 10; ++i) {
            auto src = solidYuv(100 + 2 * i, 100, {200, 0, 0});
            QVERIFY(small.scale(*src, *canvas, {0, 0, 64, 64}));
        }
        QCOMPARE(small.cachedContexts(), std::size_t{4});
        QCOMPARE(small.contextsCreated(), std::uint64_t{10});
        auto src = solidYuv(100, 100, {0, 200, 0});
        QVERIFY(!small.scale(*src, *canvas, {1, 0, 64, 64}));    // odd position
        QVERIFY(!small.scale(*src, *canvas, {1900, 0, 64, 64})); // outside the canvas
    }

    // A picture in another YUV matrix lands on the canvas in BT.709: BT.601 red (81, 90, 240)
    // becomes BT.709 red (63, 102, 240); a BT.709 picture and grey stay as they are.
    void otherMatricesBecomeBt709() {
        auto yuvAt = [](const VideoFrame& f, int x, int y) {
            return std::array<int, 3>{f.data(0)[y * f.stride(0) + x],
                                      f.data(1)[(y / 2) * f.stride(1) + x / 2],
                                      f.data(2)[(y / 2) * f.stride(2) + x / 2]};
        };
        auto solid = [](AVColorSpace space, int y, int u, int v) {
            auto f = VideoFrame::allocateYuv420(64, 64);
            f->avFrame()->colorspace = space;
            for (int p = 0; p < 3; ++p)
                for (int row = 0; row < (p ? 32 : 64); ++row)
                    std::memset(f->data(p) + row * f->stride(p), p == 0 ? y : p == 1 ? u : v, p ? 32 : 64);
            return f;
        };
        auto near = [](std::array<int, 3> got, std::array<int, 3> want) {
            for (int i = 0; i < 3; ++i)
                if (std::abs(got[i] - want[i]) > 2)
                    return false;
            return true;
        };
        auto text = [](std::array<int, 3> c) {
            return QStringLiteral("%1 %2 %3").arg(c[0]).arg(c[1]).arg(c[2]);
        };
        auto canvas = VideoFrame::allocateYuv420(kW, kH);
        FrameScaler scaler;
        const struct {
            AVColorSpace space;
            std::array<int, 3> in, out;
        } cases[] = {
            {AVCOL_SPC_SMPTE170M, {81, 90, 240}, {63, 102, 240}},
            {AVCOL_SPC_BT470BG, {145, 54, 34}, {173, 42, 26}}, // green
            {AVCOL_SPC_BT709, {81, 90, 240}, {81, 90, 240}},
            {AVCOL_SPC_SMPTE170M, {126, 128, 128}, {126, 128, 128}},
        };
        for (const auto& c : cases) {
            QVERIFY(scaler.scale(*solid(c.space, c.in[0], c.in[1], c.in[2]), *canvas, {100, 50, 128, 96}));
            const auto got = yuvAt(*canvas, 164, 98);
            QVERIFY2(near(got, c.out), qPrintable(text(got) + QStringLiteral(" for ") + text(c.out)));
        }
        // Around the tile the canvas is untouched (black).
        QVERIFY(near(yuvAt(*canvas, 98, 48), {16, 128, 128}));
        QVERIFY(near(yuvAt(*canvas, 230, 148), {16, 128, 128}));
    }

    void scalingStaysInsideItsRect() {
        // Widths that are not multiples of 8 make swscale write a few pixels past each row: the
        // neighbours (and, at the canvas' right edge, the next row's start) must come out untouched.
        auto src = rgbFrame(640, 480, [](int, int) { return Rgb{220, 60, 60}; });
        for (int w : {174, 162, 98, 2, 1918, 1920}) {
            auto canvas = VideoFrame::allocateYuv420(kW, kH);
            FrameScaler scaler;
            auto untouched = [&](int x0, int x1, int y0, int y1) {
                for (int y = y0; y <= y1; ++y)
                    for (int x = x0; x < x1; ++x)
                        if (luma(*canvas, x, y) != 16 ||
                            canvas->data(1)[(y / 2) * canvas->stride(1) + x / 2] != 128)
                            return QStringLiteral("width %1: pixel (%2, %3) overwritten")
                                .arg(w)
                                .arg(x)
                                .arg(y);
                return QString();
            };
            // At the right edge: the start of the rows below must stay as they were.
            const PixelRect right{kW - w, 300, w, 130};
            QVERIFY(scaler.scale(*src, *canvas, right));
            const QString rightProblem = untouched(0, std::min(40, kW - w), 300, 430);
            QVERIFY2(rightProblem.isEmpty(), qPrintable(rightProblem));
            VERIFY_COLOUR(canvas->meanRgb(right.x + w / 2, 360, 2, 2), (Rgb{220, 60, 60}), 12,
                          "scaled, right");
            VERIFY_COLOUR(canvas->meanRgb(right.x, 360, 1, 1), (Rgb{220, 60, 60}), 12,
                          "scaled, first column");
            VERIFY_COLOUR(canvas->meanRgb(right.x + w - 1, 429, 1, 1), (Rgb{220, 60, 60}), 12,
                          "scaled, last pixel");
            // In the middle: the pixels to the right of the rect.
            const PixelRect middle{100, 100, w, 130};
            if (middle.x + w + 40 > kW)
                continue;
            QVERIFY(scaler.scale(*src, *canvas, middle));
            const QString middleProblem = untouched(middle.x + w, middle.x + w + 40, 100, 229);
            QVERIFY2(middleProblem.isEmpty(), qPrintable(middleProblem));
            VERIFY_COLOUR(canvas->meanRgb(middle.x + w / 2, 160, 2, 2), (Rgb{220, 60, 60}), 12, "scaled");
        }
    }

    void canvasMustBeYuv420() {
        auto rgbCanvas =
            std::const_pointer_cast<VideoFrame>(rgbFrame(64, 36, [](int, int) { return Rgb{}; }));
        Compositor compositor(*text_);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            compositor.compose(*layouts_.find("single"), {"single", {}}, nullptr, *rgbCanvas));
    }
};

QTEST_GUILESS_MAIN(TestCompositor)
#include "tst_compositor.moc"
