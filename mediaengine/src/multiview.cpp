#include "multiview.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

extern "C" {
#include <libavutil/pixfmt.h>
}

namespace hntt::engine {

namespace {

int even(double v) {
    return 2 * static_cast<int>(std::lround(v / 2));
}

Yuv tallyRed() {
    static const Yuv c = Yuv::fromRgb(226, 30, 30);
    return c;
}
Yuv tallyGreen() {
    static const Yuv c = Yuv::fromRgb(20, 196, 60);
    return c;
}
Yuv idleBorder() {
    static const Yuv c = Yuv::fromRgb(72, 74, 80);
    return c;
}
Yuv white() {
    static const Yuv c = Yuv::fromRgb(255, 255, 255);
    return c;
}
Yuv dimText() {
    static const Yuv c = Yuv::fromRgb(170, 176, 186);
    return c;
}
Yuv alertText() {
    static const Yuv c = Yuv::fromRgb(255, 76, 76);
    return c;
}
Yuv panelColor() {
    static const Yuv c = Yuv::fromRgb(22, 23, 26);
    return c;
}
Yuv meterGreen() {
    static const Yuv c = Yuv::fromRgb(40, 210, 70);
    return c;
}
Yuv meterYellow() {
    static const Yuv c = Yuv::fromRgb(240, 206, 40);
    return c;
}
Yuv meterRed() {
    static const Yuv c = Yuv::fromRgb(236, 40, 40);
    return c;
}
Yuv meterMuted() {
    static const Yuv c = Yuv::fromRgb(110, 110, 110);
    return c;
}
Yuv lostStrip() {
    static const Yuv c = Yuv::fromRgb(150, 16, 16);
    return c;
}
Yuv floorMark() {
    static const Yuv c =
        Yuv::fromRgb(21, 101, 192); // blue: neither a tally's red/green nor the speaker's amber
    return c;
}

Yuv mutedMark() {
    static const Yuv c = Yuv::fromRgb(200, 24, 24);
    return c;
}

// The meter's scale: -60 dBFS at the bottom, 0 at the top; yellow from -18, red from -6.
constexpr double kMeterFloorDb = -60.0;
double meterFraction(double db) {
    return std::clamp((db - kMeterFloorDb) / -kMeterFloorDb, 0.0, 1.0);
}

} // namespace

MultiviewRenderer::MultiviewRenderer(TextRenderer& text, MultiviewTexts texts, SlateTexts slateTexts,
                                     int width, int height, int tilesPerPage)
    : text_(text)
    , compositor_(text, std::move(slateTexts))
    , texts_(std::move(texts))
    , width_(std::max(64, width) & ~1)
    , height_(std::max(64, height) & ~1)
    , tilesPerPage_(std::max(1, tilesPerPage)) {
    // Proportions of a 1920x1080 multiview: program and preview 768x432 side by side, an information
    // panel to their right, the sites' grid below.
    margin_ = std::max(2, even(height_ * 8.0 / 1080));
    labelHeight_ = std::max(12, even(height_ * 36.0 / 1080));
    int topW = even(height_ * 0.40 * 16 / 9);
    topW = std::min(topW, ((width_ - 3 * margin_) / 2) & ~1);
    const int topH = even(topW * 9.0 / 16);
    program_ = {margin_, margin_, topW, topH};
    preview_ = {2 * margin_ + topW, margin_, topW, topH};
    programLabel_ = {program_.x, program_.y + topH, topW, labelHeight_};
    previewLabel_ = {preview_.x, preview_.y + topH, topW, labelHeight_};
    panel_ = {3 * margin_ + 2 * topW, margin_, std::max(0, width_ - 4 * margin_ - 2 * topW),
              topH + labelHeight_};
    const int gridTop = 2 * margin_ + topH + labelHeight_;
    gridArea_ = {margin_, gridTop, width_ - 2 * margin_, std::max(2, height_ - gridTop - margin_)};
    pool_.reserve(4);
}

int MultiviewRenderer::pageCount(int siteCount) const {
    return std::max(1, (std::max(0, siteCount) + tilesPerPage_ - 1) / tilesPerPage_);
}

MultiviewRenderer::Grid MultiviewRenderer::gridFor(int siteCount) const {
    const int n = std::clamp(siteCount, 1, tilesPerPage_);
    Grid g;
    g.gap = std::max(2, even(height_ * 8.0 / 1080));
    // The column count that gives the largest 16:9 tiles.
    double best = -1;
    for (int cols = 1; cols <= n; ++cols) {
        const int rows = (n + cols - 1) / cols;
        const double w = static_cast<double>(gridArea_.w - (cols - 1) * g.gap) / cols;
        const double h = static_cast<double>(gridArea_.h - (rows - 1) * g.gap) / rows;
        const double scale = std::min(w / 16, h / 9);
        if (scale > best + 1e-9) {
            best = scale;
            g.columns = cols;
            g.rows = rows;
        }
    }
    g.tileW = std::max(2, static_cast<int>(best * 16) & ~1);
    g.tileH = std::max(2, static_cast<int>(best * 9) & ~1);
    const int blockW = g.columns * g.tileW + (g.columns - 1) * g.gap;
    const int blockH = g.rows * g.tileH + (g.rows - 1) * g.gap;
    g.x0 = gridArea_.x + (std::max(0, (gridArea_.w - blockW) / 2) & ~1);
    g.y0 = gridArea_.y + (std::max(0, (gridArea_.h - blockH) / 2) & ~1);
    return g;
}

PixelRect MultiviewRenderer::tileAt(const Grid& g, int index) const {
    const int col = index % g.columns, row = index / g.columns;
    return {g.x0 + col * (g.tileW + g.gap), g.y0 + row * (g.tileH + g.gap), g.tileW, g.tileH};
}

std::pair<int, int> MultiviewRenderer::gridSize(int siteCount) const {
    const Grid g = gridFor(siteCount);
    return {g.columns, g.rows};
}

Rect MultiviewRenderer::normalised(PixelRect r) const {
    return {static_cast<double>(r.x) / width_, static_cast<double>(r.y) / height_,
            static_cast<double>(r.w) / width_, static_cast<double>(r.h) / height_};
}

std::vector<Rect> MultiviewRenderer::tileRects(int siteCount, int page) const {
    std::vector<Rect> rects;
    if (siteCount <= 0)
        return rects;
    const Grid g = gridFor(siteCount);
    page = std::clamp(page, 0, pageCount(siteCount) - 1);
    const int first = page * tilesPerPage_;
    const int n = std::min(tilesPerPage_, siteCount - first);
    rects.reserve(n);
    for (int i = 0; i < n; ++i)
        rects.push_back(normalised(tileAt(g, i)));
    return rects;
}

Rect MultiviewRenderer::programRect() const {
    return normalised(program_);
}
Rect MultiviewRenderer::previewRect() const {
    return normalised(preview_);
}

VideoFramePtr MultiviewRenderer::render(const MultiviewInput& input) {
    std::shared_ptr<VideoFrame> target;
    for (const auto& f : pool_)
        if (f.use_count() == 1) { // nobody else holds it: free to draw on again
            target = f;
            break;
        }
    if (!target) {
        target = VideoFrame::allocateYuv420(width_, height_);
        if (pool_.size() >= 4)
            pool_.erase(pool_.begin()); // its holders keep it alive; the pool just forgets it
        pool_.push_back(target);
    }
    renderInto(input, *target);
    return target;
}

void MultiviewRenderer::renderInto(const MultiviewInput& input, VideoFrame& canvas) {
    if (canvas.pixelFormat() != AV_PIX_FMT_YUV420P || canvas.width() != width_ || canvas.height() != height_)
        throw std::invalid_argument("MultiviewRenderer: the canvas must be YUV420P of the renderer's size");
    fillRect(canvas, {0, 0, width_, height_}, palette::background());

    const int count = static_cast<int>(input.sites.size());
    const int pages = pageCount(count);
    const int page = std::clamp(input.page, 0, pages - 1);

    drawTopTile(input.program, program_, programLabel_, texts_.program, tallyRed(), canvas);
    drawTopTile(input.preview, preview_, previewLabel_, texts_.preview, tallyGreen(), canvas);
    drawPanel(input, page, pages, canvas);

    scratchTiles_.clear();
    if (count > 0) {
        const Grid g = gridFor(count);
        const int first = page * tilesPerPage_;
        const int n = std::min(tilesPerPage_, count - first);
        for (int i = 0; i < n; ++i) {
            const MultiviewSite& site = input.sites[static_cast<std::size_t>(first + i)];
            const PixelRect r = tileAt(g, i);
            drawSiteTile(site, r, canvas);
            scratchTiles_.emplace_back(r, site.id);
        }
    }
    const std::lock_guard lock(hitMutex_);
    lastTiles_.swap(scratchTiles_);
    lastPage_ = page;
    lastPageCount_ = pages;
}

void MultiviewRenderer::drawTopTile(const VideoFramePtr& frame, PixelRect area, PixelRect labelArea,
                                    const std::string& label, Yuv tally, VideoFrame& canvas) {
    fillRect(canvas, area, palette::bars());
    if (frame && frame->width() > 0)
        compositor_.scaler().scale(*frame, canvas, fitRect(area, displayAspect(*frame)));
    strokeRect(canvas, area, tallyWidth(), tally);
    fillRect(canvas, labelArea, tally);
    TextStyle st;
    st.pixelHeight = std::max(10, labelArea.h * 3 / 5);
    st.color = white();
    st.maxWidth = labelArea.w - 2 * margin_;
    const TextExtent e = text_.measure(label, st);
    text_.draw(canvas, labelArea.x + (labelArea.w - e.width) / 2, labelArea.y + (labelArea.h - e.height) / 2,
               label, st);
}

void MultiviewRenderer::drawPanel(const MultiviewInput& input, int page, int pages, VideoFrame& canvas) {
    if (panel_.w < 8 * margin_)
        return;
    fillRect(canvas, panel_, panelColor());
    int lost = 0;
    for (const MultiviewSite& s : input.sites)
        lost += s.source.lost ? 1 : 0;
    const int pad = 2 * margin_;
    int y = panel_.y + pad;
    char buf[160];
    auto line = [&](int px, Yuv color) {
        TextStyle st;
        st.pixelHeight = px;
        st.color = color;
        st.maxWidth = panel_.w - 2 * pad;
        y += text_.draw(canvas, panel_.x + pad, y, buf, st).height + margin_;
    };
    std::snprintf(buf, sizeof buf, "%s %d/%d", texts_.page.c_str(), page + 1, pages);
    line(std::max(12, labelHeight_ * 4 / 5), white());
    std::snprintf(buf, sizeof buf, "%d %s", static_cast<int>(input.sites.size()), texts_.sites.c_str());
    line(std::max(10, labelHeight_ * 3 / 5), dimText());
    if (lost > 0) {
        std::snprintf(buf, sizeof buf, "%d %s", lost, texts_.lost.c_str());
        line(std::max(10, labelHeight_ * 3 / 5), alertText());
    }
    drawPageBar(input, page, pages, canvas);
}

int MultiviewRenderer::tallyWidth() const {
    // 6 pixels on a 1080-line multiview: a tally seen across the room.
    return std::max(4, even(height_ * 6.0 / 1080));
}

PixelRect MultiviewRenderer::pageChip(int page, int pages) const {
    constexpr int kChipsPerRow = 4;
    constexpr int kMostPages = 16; // beyond this the bar would be too small to read
    const int pad = 2 * margin_;
    if (pages < 2 || pages > kMostPages || page < 0 || page >= pages || panel_.w < 8 * margin_)
        return {};
    const int perRow = std::min(pages, kChipsPerRow);
    const int rows = (pages + perRow - 1) / perRow;
    const int gap = margin_;
    const int chipW = (panel_.w - 2 * pad - (perRow - 1) * gap) / perRow;
    const int chipH = labelHeight_ * 3 / 2;
    const int top = panel_.y + panel_.h - pad - rows * chipH - (rows - 1) * gap;
    if (chipW < 2 * labelHeight_ / 3 || top < panel_.y + panel_.h / 2)
        return {};
    return {panel_.x + pad + (page % perRow) * (chipW + gap), top + (page / perRow) * (chipH + gap),
            chipW & ~1, chipH & ~1};
}

Rect MultiviewRenderer::pageChipRect(int page, int pages) const {
    const PixelRect r = pageChip(page, pages);
    return r.w > 0 ? normalised(r) : Rect{};
}

void MultiviewRenderer::drawPageBar(const MultiviewInput& input, int page, int pages, VideoFrame& canvas) {
    // Every page's number and, in red, how many of its sites have lost their signal: a loss on a
    // page nobody is looking at is still seen.
    std::vector<int> lostOnPage(static_cast<std::size_t>(pages), 0);
    for (std::size_t i = 0; i < input.sites.size(); ++i)
        if (input.sites[i].source.lost)
            ++lostOnPage[std::min(i / static_cast<std::size_t>(tilesPerPage_), lostOnPage.size() - 1)];
    char buf[32];
    for (int p = 0; p < pages; ++p) {
        const PixelRect chip = pageChip(p, pages);
        if (chip.w <= 0)
            return;
        fillRect(canvas, chip, palette::bars());
        TextStyle st;
        st.pixelHeight = std::max(10, chip.h * 9 / 20);
        st.color = p == page ? white() : dimText();
        const int lost = lostOnPage[static_cast<std::size_t>(p)];
        const PixelRect badge{chip.x + chip.w / 2, chip.y, chip.w - chip.w / 2, chip.h};
        std::snprintf(buf, sizeof buf, "%d", p + 1);
        const TextExtent number = text_.measure(buf, st);
        const int numberRoom = lost > 0 ? chip.w / 2 : chip.w;
        text_.draw(canvas, chip.x + (numberRoom - number.width) / 2, chip.y + (chip.h - number.height) / 2,
                   buf, st);
        if (lost > 0) {
            fillRect(canvas, badge, tallyRed());
            std::snprintf(buf, sizeof buf, "%d", lost);
            st.color = white();
            st.maxWidth = badge.w;
            const TextExtent e = text_.measure(buf, st);
            text_.draw(canvas, badge.x + (badge.w - e.width) / 2, badge.y + (badge.h - e.height) / 2, buf,
                       st);
        }
        if (p == page)
            strokeRect(canvas, chip, 2, white());
    }
}

void MultiviewRenderer::drawSiteTile(const MultiviewSite& site, PixelRect tile, VideoFrame& canvas) {
    // The name goes on the label strip below, so a slate shows only the status, large.
    compositor_.drawTile(site.source, tile, canvas, TileDecor{false, false, false});

    // Tally: red outside, green inside when a site is on both.
    const int border = tallyWidth();
    PixelRect inner = tile;
    if (site.onProgram) {
        strokeRect(canvas, inner, border, tallyRed());
        inner = inner.adjusted(border, border, -border, -border);
    }
    if (site.onPreview) {
        strokeRect(canvas, inner, border, tallyGreen());
        inner = inner.adjusted(border, border, -border, -border);
    }
    if (!site.onProgram && !site.onPreview) {
        strokeRect(canvas, inner, 2, idleBorder());
        inner = inner.adjusted(2, 2, -2, -2);
    }
    if (inner.w < 8 || inner.h < 8)
        return;

    // The audio meter along the right edge.
    const int meterW = std::max(4, even(tile.w * 0.035));
    drawMeter({inner.x + inner.w - meterW, inner.y, meterW, inner.h}, site.levelDbfs, site.audioMuted,
              canvas);
    const int contentW = inner.w - meterW;

    // The name on a strip along the bottom, in the manner of a monitor's under-display label:
    // 18 pixels at least on a 1080-line multiview, readable from two metres.
    TextStyle name;
    const int minName = std::max(10, static_cast<int>(height_ * 18.0 / 1080));
    const int maxName = std::max(minName, static_cast<int>(height_ * 30.0 / 1080));
    name.pixelHeight = std::clamp(static_cast<int>(tile.h * 0.16), minName, maxName);
    name.color = white();
    const int pad = std::max(2, name.pixelHeight / 4);
    name.maxWidth = contentW - 2 * pad;
    const int stripH = text_.metrics(name.pixelHeight).lineHeight;
    const PixelRect strip{inner.x, inner.y + inner.h - stripH, contentW, stripH};
    // A lost site's strip turns red: it stands out among dozens of tiles at a glance.
    blendRect(canvas, strip, site.source.lost ? lostStrip() : palette::bars(), site.source.lost ? 220 : 170);
    text_.draw(canvas, strip.x + pad, strip.y, site.source.name, name);

    const int markSize = std::max(12, even(tile.h * 0.2));
    int badgeX = inner.x + pad;
    if (site.source.speaking) {
        drawSpeakerMark(inner.x + pad, inner.y + pad, markSize, canvas);
        badgeX += markSize + pad;
    }
    if (site.hasFloor) {
        // Who has the floor, as large as the name, beside the speaker's mark.
        TextStyle st;
        st.pixelHeight = name.pixelHeight;
        st.color = white();
        st.box = true;
        st.boxColor = floorMark();
        st.boxAlpha = 235;
        st.maxWidth = inner.x + contentW - pad - badgeX; // the tile's width: it must read whole
        text_.draw(canvas, badgeX, inner.y + pad, texts_.floor, st);
    }
    if (site.audioMuted) {
        TextStyle st;
        st.pixelHeight = name.pixelHeight; // as large as the name: a cut sound is seen from afar
        st.color = white();
        st.box = true;
        st.boxColor = mutedMark();
        st.boxAlpha = 235;
        st.maxWidth = contentW / 2;
        const TextExtent e = text_.measure(texts_.audioMuted, st);
        text_.draw(canvas, inner.x + contentW - pad - e.width, inner.y + pad, texts_.audioMuted, st);
    }
}

void MultiviewRenderer::drawMeter(PixelRect r, float levelDbfs, bool muted, VideoFrame& canvas) {
    fillRect(canvas, r, palette::bars());
    const double level = meterFraction(levelDbfs);
    const int bottom = r.y + r.h;
    auto yAt = [&](double fraction) { return bottom - even(r.h * fraction); };
    const int top = yAt(level);
    if (top >= bottom)
        return;
    if (muted) {
        fillRect(canvas, {r.x, top, r.w, bottom - top}, meterMuted());
        return;
    }
    const int yellowFrom = yAt(meterFraction(-18)), redFrom = yAt(meterFraction(-6));
    fillRect(canvas, {r.x, std::max(top, yellowFrom), r.w, bottom - std::max(top, yellowFrom)}, meterGreen());
    if (top < yellowFrom)
        fillRect(canvas, {r.x, std::max(top, redFrom), r.w, yellowFrom - std::max(top, redFrom)},
                 meterYellow());
    if (top < redFrom)
        fillRect(canvas, {r.x, top, r.w, redFrom - top}, meterRed());
}

void MultiviewRenderer::drawSpeakerMark(int x, int y, int s, VideoFrame& canvas) {
    // A loudspeaker with sound waves, in the amber of the program's speaking frame.
    blendRect(canvas, {x, y, s, s}, palette::bars(), 190);
    const Yuv c = palette::speaking();
    const int cy = y + s / 2;
    auto at = [&](double f) { return static_cast<int>(std::lround(s * f)); };
    fillRect(canvas, {x + at(0.12), cy - at(0.12), at(0.14), 2 * at(0.12)}, c);
    const int x0 = x + at(0.26), x1 = x + at(0.48);
    for (int cx = x0; cx < x1; cx += 2) {
        const double t = static_cast<double>(cx - x0) / std::max(1, x1 - x0);
        const int half = at(0.12 + 0.22 * t);
        fillRect(canvas, {cx, cy - half, 2, 2 * half}, c);
    }
    const int bar = std::max(2, at(0.08));
    fillRect(canvas, {x + at(0.58), cy - at(0.14), bar, 2 * at(0.14)}, c);
    fillRect(canvas, {x + at(0.76), cy - at(0.30), bar, 2 * at(0.30)}, c);
}

std::optional<SiteId> MultiviewRenderer::siteAt(double x, double y) const {
    if (!(x >= 0 && x < 1 && y >= 0 && y < 1)) // also rejects NaN
        return std::nullopt;
    const int px = static_cast<int>(x * width_), py = static_cast<int>(y * height_);
    const std::lock_guard lock(hitMutex_);
    for (const auto& [rect, id] : lastTiles_)
        if (rect.contains(px, py))
            return id;
    return std::nullopt;
}

int MultiviewRenderer::lastPage() const {
    const std::lock_guard lock(hitMutex_);
    return lastPage_;
}

int MultiviewRenderer::lastPageCount() const {
    const std::lock_guard lock(hitMutex_);
    return lastPageCount_;
}

std::vector<SiteId> MultiviewRenderer::lastPageSites() const {
    const std::lock_guard lock(hitMutex_);
    std::vector<SiteId> ids;
    ids.reserve(lastTiles_.size());
    for (const auto& [rect, id] : lastTiles_)
        ids.push_back(id);
    return ids;
}

} // namespace hntt::engine
