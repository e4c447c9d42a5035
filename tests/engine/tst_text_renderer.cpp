// Text rendering into YUV420P canvases: Vietnamese glyphs, measuring, eliding, blending, caching.
#include "engine_internal/text_renderer.h"

#include <QTest>

// Layout::slots and Composition::slots meet Qt's `slots` keyword macro: the suite uses Q_SLOTS.
#undef slots
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

extern "C" {
#include <libavutil/frame.h>
}

using namespace hntt::engine;

namespace {

// Every Vietnamese letter: the vowels with each tone mark, in both cases, and đ Đ.
const char* const kVietnameseAlphabet =
    "aàáãảạăằắẵẳặâầấẫẩậeèéẽẻẹêềếễểệiìíĩỉịoòóõỏọôồốỗổộơờớỡởợuùúũủụưừứữửựyỳýỹỷỵ"
    "AÀÁÃẢẠĂẰẮẴẲẶÂẦẤẪẨẬEÈÉẼẺẸÊỀẾỄỂỆIÌÍĨỈỊOÒÓÕỎỌÔỒỐỖỔỘƠỜỚỠỞỢUÙÚŨỦỤƯỪỨỮỬỰYỲÝỸỶỴđĐ";

std::shared_ptr<VideoFrame> canvas(int w, int h, Yuv fill = {16, 128, 128}) {
    auto f = VideoFrame::allocateYuv420(w, h);
    fillRect(*f, {0, 0, w, h}, fill);
    return f;
}

std::uint8_t luma(const VideoFrame& f, int x, int y) {
    return f.data(0)[y * f.stride(0) + x];
}

struct Ink {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1; // inclusive bounds; x1 < 0: none
    int pixels = 0;
};

// Pixels whose luma differs from `background` by more than `threshold`.
Ink inkOf(const VideoFrame& f, int background = 16, int threshold = 40) {
    Ink ink;
    for (int y = 0; y < f.height(); ++y)
        for (int x = 0; x < f.width(); ++x)
            if (std::abs(luma(f, x, y) - background) > threshold) {
                ink.x0 = std::min(ink.x0, x);
                ink.y0 = std::min(ink.y0, y);
                ink.x1 = std::max(ink.x1, x);
                ink.y1 = std::max(ink.y1, y);
                ++ink.pixels;
            }
    return ink;
}

QString codePoints(const std::vector<char32_t>& v) {
    QStringList l;
    for (char32_t c : v)
        l << QStringLiteral("U+%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
    return l.join(' ');
}

int colourDistance(VideoFrame::Rgb a, VideoFrame::Rgb b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

QString rgb(VideoFrame::Rgb c) {
    return QStringLiteral("rgb(%1, %2, %3)").arg(c.r).arg(c.g).arg(c.b);
}

} // namespace

class TestTextRenderer : public QObject {
    Q_OBJECT

    std::unique_ptr<TextRenderer> text_;

private Q_SLOTS:
    void initTestCase() {
        text_ = std::make_unique<TextRenderer>();
        qInfo() << "font:" << QString::fromStdString(text_->familyName())
                << QString::fromStdString(text_->fontFile());
    }

    void fontChosenByFontconfig() {
        const std::string family = text_->familyName();
        QVERIFY2(family == "Noto Sans" || family == "DejaVu Sans", family.c_str());
        QVERIFY(std::filesystem::exists(text_->fontFile()));
        const TextRenderer explicitFont(text_->fontFile());
        QCOMPARE(explicitFont.familyName(), family);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TextRenderer("/nonexistent/font.ttf"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TextRenderer(HNTT_SOURCE_DIR "/CMakeLists.txt"));
    }

    void everyVietnameseGlyphIsFound() {
        for (const char* s : {kVietnameseAlphabet, "UBND xã Quảng Hòa", "Mất tín hiệu", "Đã tắt hình",
                              "CHƯƠNG TRÌNH", "XEM TRƯỚC", "Trường THCS Nguyễn Trãi", "…"}) {
            const std::vector<char32_t> missing = text_->missingGlyphs(s);
            QVERIFY2(missing.empty(), qPrintable(QString::fromUtf8(s) + ": missing " + codePoints(missing)));
        }
        QCOMPARE(TextRenderer::decodeUtf8(kVietnameseAlphabet).size(), std::size_t{146});
        // The check can fail: a Han character and a private-use code point are not in the font.
        QCOMPARE(text_->missingGlyphs("Hà Nội 河内\xEE\x80\x80"),
                 (std::vector<char32_t>{U'河', U'内', 0xE000}));
    }

    void decodesUtf8() {
        QCOMPARE(TextRenderer::decodeUtf8("Ab"), std::u32string(U"Ab"));
        QCOMPARE(TextRenderer::decodeUtf8("Quảng Hòa"), std::u32string(U"Quảng Hòa"));
        QCOMPARE(TextRenderer::decodeUtf8("\xF0\x9F\x98\x80"), std::u32string(U"\U0001F600"));
        // Decomposed input (base + combining marks) becomes the precomposed letters.
        QCOMPARE(TextRenderer::decodeUtf8("Qua\xCC\x89ng Ho\xCC\x80"
                                          "a"),
                 std::u32string(U"Quảng Hòa"));
        QCOMPARE(TextRenderer::decodeUtf8("a\xCC\xA3\xCC\x82 u\xCC\x9B\xCC\x80"), std::u32string(U"ậ ừ"));
        QCOMPARE(TextRenderer::decodeUtf8("D\xCC\x81"), std::u32string(U"D\u0301")); // no such letter: kept
        // Invalid bytes: a stray continuation, a truncated sequence, an overlong form, a surrogate.
        QCOMPARE(TextRenderer::decodeUtf8("a\x80z"), std::u32string(U"a\uFFFDz"));
        QCOMPARE(TextRenderer::decodeUtf8("a\xE1\xBA"), std::u32string(U"a\uFFFD\uFFFD"));
        QCOMPARE(TextRenderer::decodeUtf8("\xC0\x80"), std::u32string(U"\uFFFD\uFFFD"));
        QCOMPARE(TextRenderer::decodeUtf8("\xED\xA0\x80"), std::u32string(U"\uFFFD\uFFFD\uFFFD"));
        QCOMPARE(TextRenderer::decodeUtf8("a\tb\nc"), std::u32string(U"a b c"));
    }

    void diacriticsAreDrawnAboveTheLetters() {
        const int px = 64;
        auto plain = canvas(640, 160), marked = canvas(640, 160), letterA = canvas(640, 160);
        TextStyle st;
        st.pixelHeight = px;
        text_->draw(*plain, 20, 20, "Quang Hoa", st);
        text_->draw(*marked, 20, 20, "Quảng Hòa", st);
        text_->draw(*letterA, 20, 20, "a", st);
        const Ink a = inkOf(*letterA);
        QVERIFY(a.pixels > 50);
        const int xHeightTop = a.y0; // the top of a lowercase letter without marks

        int differAbove = 0, differ = 0;
        for (int y = 0; y < plain->height(); ++y)
            for (int x = 0; x < plain->width(); ++x)
                if (std::abs(luma(*plain, x, y) - luma(*marked, x, y)) > 40) {
                    ++differ;
                    differAbove += y < xHeightTop ? 1 : 0;
                }
        QVERIFY2(differAbove > 60,
                 qPrintable(QStringLiteral("%1 of %2 differing pixels above the x-height (row %3)")
                                .arg(differAbove)
                                .arg(differ)
                                .arg(xHeightTop)));
        QVERIFY(differAbove * 10 > differ * 9); // the letters themselves are the same
        // The hook above "ả" and the grave above "ò" are two separate marks, each above its letter.
        const TextExtent quang = text_->measure("Qu", px);
        const TextExtent quangHo = text_->measure("Quảng H", px);
        auto markColumns = [&](int from, int to) {
            int n = 0;
            for (int x = 20 + from; x < 20 + to; ++x)
                for (int y = 0; y < xHeightTop; ++y)
                    if (std::abs(luma(*plain, x, y) - luma(*marked, x, y)) > 40) {
                        ++n;
                        break;
                    }
            return n;
        };
        QVERIFY(markColumns(quang.width, quang.width + px / 2) > 5);     // over the "a" of Quảng
        QVERIFY(markColumns(quangHo.width, quangHo.width + px / 2) > 5); // over the "o" of Hòa

        // Decomposed input draws the same picture.
        auto nfd = canvas(640, 160);
        text_->draw(*nfd, 20, 20,
                    "Qua\xCC\x89ng Ho\xCC\x80"
                    "a",
                    st);
        QVERIFY(std::equal(nfd->data(0), nfd->data(0) + nfd->stride(0) * nfd->height(), marked->data(0)));
    }

    void measures() {
        const TextExtent e = text_->measure("UBND xã Quảng Hòa", 32);
        QVERIFY(e.width > 100 && e.width < 600);
        QCOMPARE(e.height, text_->metrics(32).lineHeight);
        QVERIFY(text_->metrics(32).ascent > 20 && text_->metrics(32).descent > 3);
        QVERIFY(text_->measure("UBND xã Quảng Hòa", 64).width > e.width * 19 / 10);
        QVERIFY(text_->measure("UBND", 32).width < e.width);
        QCOMPARE(text_->measure("", 32).width, 0);

        // The ink stays inside the measured extent.
        auto c = canvas(800, 120);
        TextStyle st;
        st.pixelHeight = 32;
        const TextExtent drawn = text_->draw(*c, 100, 30, "UBND xã Quảng Hòa", st);
        QCOMPARE(drawn.width, e.width);
        QCOMPARE(drawn.height, e.height);
        const Ink ink = inkOf(*c);
        QVERIFY(ink.pixels > 200);
        QVERIFY2(ink.x0 >= 100 && ink.x1 < 100 + e.width && ink.y0 >= 30 && ink.y1 < 30 + e.height,
                 qPrintable(QStringLiteral("ink %1,%2..%3,%4 outside 100,30 +%5x%6")
                                .arg(ink.x0)
                                .arg(ink.y0)
                                .arg(ink.x1)
                                .arg(ink.y1)
                                .arg(e.width)
                                .arg(e.height)));
        // With a box, the extent grows by the padding on each side.
        st.box = true;
        st.padding = 6;
        const TextExtent boxed = text_->measure("UBND xã Quảng Hòa", st);
        QCOMPARE(boxed.width, e.width + 12);
        QCOMPARE(boxed.height, e.height + 12);
    }

    void elidesToMaxWidth() {
        const char* longName = "Ủy ban nhân dân xã Quảng Hòa, huyện Quảng Trạch, tỉnh Quảng Bình";
        const int px = 24;
        QVERIFY(text_->measure(longName, px).width > 400);
        const std::string cut = text_->elide(longName, px, 300);
        QVERIFY2(cut.size() > 10 && cut.size() < std::string(longName).size(), cut.c_str());
        QVERIFY2(cut.ends_with("…"), cut.c_str());
        QVERIFY2(std::string(longName).starts_with(cut.substr(0, cut.size() - std::string("…").size())),
                 cut.c_str());
        QVERIFY(text_->measure(cut, px).width <= 300);
        QCOMPARE(text_->elide("Quảng Hòa", px, 300), std::string("Quảng Hòa"));

        auto c = canvas(800, 80);
        TextStyle st;
        st.pixelHeight = px;
        st.maxWidth = 300;
        const TextExtent e = text_->draw(*c, 40, 10, longName, st);
        QVERIFY(e.width <= 300 && e.width > 250);
        const Ink ink = inkOf(*c);
        QVERIFY2(ink.x1 < 40 + 300, qPrintable(QString::number(ink.x1)));
        // The ellipsis is drawn: ink close to the right end.
        QVERIFY(ink.x1 > 40 + 250);
    }

    void blendsColourOnAllPlanes() {
        const Yuv grey = Yuv::fromRgb(128, 128, 128);
        auto c = canvas(400, 300, grey);
        TextStyle st;
        st.pixelHeight = 200;
        st.color = Yuv::fromRgb(230, 20, 20);
        text_->draw(*c, 100, 10, "I", st);
        const Ink ink = inkOf(*c, grey.y, 30);
        QVERIFY(ink.x1 - ink.x0 >= 16); // a stem wide enough to sample
        const int cx = ((ink.x0 + ink.x1) / 2) & ~1, cy = ((ink.y0 + ink.y1) / 2) & ~1;
        const VideoFrame::Rgb solid = c->meanRgb(cx, cy, 4, 4);
        QVERIFY2(colourDistance(solid, {230, 20, 20}) <= 12, qPrintable(rgb(solid)));

        // Half alpha: halfway between the text colour and the grey beneath.
        auto half = canvas(400, 300, grey);
        st.alpha = 128;
        text_->draw(*half, 100, 10, "I", st);
        const VideoFrame::Rgb mixed = half->meanRgb(cx, cy, 4, 4);
        QVERIFY2(colourDistance(mixed, {179, 74, 74}) <= 14, qPrintable(rgb(mixed)));
        // Outside the glyph the canvas is untouched.
        QVERIFY(colourDistance(half->meanRgb(20, 150, 8, 8), {128, 128, 128}) <= 3);
    }

    void drawsABoxBehindTheText() {
        const Yuv white = Yuv::fromRgb(255, 255, 255);
        auto c = canvas(400, 120, white);
        TextStyle st;
        st.pixelHeight = 24;
        st.color = white;
        st.box = true;
        st.boxColor = Yuv::fromRgb(0, 0, 200);
        st.boxAlpha = 255;
        st.padding = 10;
        const TextExtent e = text_->draw(*c, 20, 20, "Mất tín hiệu", st);
        QVERIFY(colourDistance(c->meanRgb(24, 24, 4, 4), {0, 0, 200}) <= 12); // a padding corner
        QVERIFY(colourDistance(c->meanRgb(20 + e.width + 10, 30, 4, 4), {255, 255, 255}) <= 6);

        auto translucent = canvas(400, 120, white);
        st.boxColor = Yuv::fromRgb(0, 0, 0);
        st.boxAlpha = 128;
        text_->draw(*translucent, 20, 20, "Mất tín hiệu", st);
        const VideoFrame::Rgb m = translucent->meanRgb(24, 24, 4, 4);
        QVERIFY2(colourDistance(m, {127, 127, 127}) <= 10, qPrintable(rgb(m)));
    }

    void repeatedLabelsComeFromTheCache() {
        auto c = canvas(640, 360);
        TextStyle st;
        st.pixelHeight = 22;
        st.box = true;
        text_->draw(*c, 10, 10, "UBND xã Quảng Hòa", st);
        const std::uint64_t loads = text_->glyphLoads();
        const std::size_t cached = text_->cachedGlyphCount();
        QVERIFY(cached > 0);
        for (int i = 0; i < 200; ++i)
            text_->draw(*c, 10 + i % 7, 10 + i % 5, "UBND xã Quảng Hòa", st);
        QCOMPARE(text_->glyphLoads(), loads);
        QCOMPARE(text_->cachedGlyphCount(), cached);
        text_->draw(*c, 10, 40, "UBND xã Quảng Hòa", TextStyle{.pixelHeight = 23});
        QVERIFY(text_->glyphLoads() > loads); // another size is another set of glyphs
    }

    void clipsAtTheCanvasEdges() {
        auto c = canvas(200, 100);
        TextStyle st;
        st.pixelHeight = 48;
        st.box = true;
        text_->draw(*c, -30, -20, "Quảng Hòa", st);
        text_->draw(*c, 150, 70, "Quảng Hòa", st);
        text_->draw(*c, 7, 13, "Hòa", st); // odd positions
        text_->draw(*c, 5000, 5000, "Hòa", st);
        QVERIFY(inkOf(*c).pixels > 100);

        // A canvas that is not YUV420P is refused.
        AVFrame* f = av_frame_alloc();
        f->format = AV_PIX_FMT_RGB24;
        f->width = 64;
        f->height = 32;
        QCOMPARE(av_frame_get_buffer(f, 32), 0);
        const auto rgbCanvas = VideoFrame::adopt(f);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, text_->draw(*rgbCanvas, 0, 0, "Hòa", st));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fillRect(*rgbCanvas, {0, 0, 8, 8}, Yuv{}));
    }
};

QTEST_GUILESS_MAIN(TestTextRenderer)
#include "tst_text_renderer.moc"
