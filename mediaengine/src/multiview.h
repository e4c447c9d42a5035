// The operator's multiview: program and preview on top, every site of the meeting below, in pages.
#pragma once

#include "compositor.h"
#include "hntt/engine/types.h"
#include "hntt/engine/video_frame.h"
#include "text_renderer.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hntt::engine {

// Texts drawn on the multiview, in the operator's language.
struct MultiviewTexts {
    std::string program = "CHƯƠNG TRÌNH";
    std::string preview = "XEM TRƯỚC";
    std::string page = "Trang";           // "Trang 2/6"
    std::string sites = "điểm cầu";       // "170 điểm cầu"
    std::string lost = "mất tín hiệu";    // "3 mất tín hiệu"
    std::string audioMuted = "TẮT TIẾNG"; // the mark on a site whose sound is cut
    std::string floor = "PHÁT BIỂU";      // the mark on the site that has the floor
};

// One site as the multiview shows it.
struct MultiviewSite {
    SiteId id = 0;
    TileSource source;
    float levelDbfs = -120.f; // for the audio meter
    bool onProgram = false;   // red tally
    bool onPreview = false;   // green tally
    bool audioMuted = false;
    bool hasFloor = false; // the floor's badge
};

struct MultiviewInput {
    VideoFramePtr program; // the composed program picture, may be null
    VideoFramePtr preview; // the composed preview picture, may be null
    std::vector<MultiviewSite> sites;
    int page = 0; // clamped to the pages there are
};

// Renders the multiview on its own canvas. The grid below program and preview adapts to the number of
// sites (at most tilesPerPage tiles a page; more sites make more pages). Geometry is exposed as
// normalised rects so the UI can map clicks to sites. render() runs on one thread; siteAt() and the
// geometry functions may be called from any thread.
class MultiviewRenderer {
public:
    static constexpr int kDefaultTilesPerPage = 32;

    MultiviewRenderer(TextRenderer& text, MultiviewTexts texts = {}, SlateTexts slateTexts = {},
                      int width = 1920, int height = 1080, int tilesPerPage = kDefaultTilesPerPage);

    int width() const { return width_; }
    int height() const { return height_; }
    int tilesPerPage() const { return tilesPerPage_; }

    // Pages needed for siteCount sites (at least 1).
    int pageCount(int siteCount) const;
    // Tiles of one page, in site order: the rect of sites[page * tilesPerPage() + i] is element i.
    std::vector<Rect> tileRects(int siteCount, int page) const;
    // Columns and rows of the grid used for siteCount sites.
    std::pair<int, int> gridSize(int siteCount) const;
    Rect programRect() const;
    Rect previewRect() const;
    // The page bar's chip of one page (its number, and its lost sites in red), in the information
    // panel; empty when the panel has no room for the bar.
    Rect pageChipRect(int page, int pages) const;

    // Draws onto a canvas of a small pool: a returned frame is never drawn on again while anyone holds it.
    VideoFramePtr render(const MultiviewInput& input);
    // Draws onto `canvas` (YUV420P, width() x height()).
    void renderInto(const MultiviewInput& input, VideoFrame& canvas);

    // The site whose tile holds the normalised point (x, y) in the last rendered multiview.
    std::optional<SiteId> siteAt(double x, double y) const;
    int lastPage() const;
    // Pages of the last rendered canvas, and the sites on its page in tile order.
    int lastPageCount() const;
    std::vector<SiteId> lastPageSites() const;

private:
    struct Grid {
        int columns = 1, rows = 1, tileW = 0, tileH = 0, x0 = 0, y0 = 0, gap = 0;
    };
    Grid gridFor(int siteCount) const;
    PixelRect tileAt(const Grid& g, int index) const;
    void drawSiteTile(const MultiviewSite& site, PixelRect tile, VideoFrame& canvas);
    void drawMeter(PixelRect r, float levelDbfs, bool muted, VideoFrame& canvas);
    void drawSpeakerMark(int x, int y, int size, VideoFrame& canvas);
    void drawTopTile(const VideoFramePtr& frame, PixelRect area, PixelRect labelArea,
                     const std::string& label, Yuv tally, VideoFrame& canvas);
    void drawPanel(const MultiviewInput& input, int page, int pages, VideoFrame& canvas);
    void drawPageBar(const MultiviewInput& input, int page, int pages, VideoFrame& canvas);
    PixelRect pageChip(int page, int pages) const;
    int tallyWidth() const;
    Rect normalised(PixelRect r) const;

    TextRenderer& text_;
    Compositor compositor_;
    MultiviewTexts texts_;
    int width_, height_, tilesPerPage_;
    // Fixed geometry, in pixels.
    int margin_, labelHeight_;
    PixelRect program_, preview_, programLabel_, previewLabel_, panel_, gridArea_;

    std::vector<std::shared_ptr<VideoFrame>> pool_;

    mutable std::mutex hitMutex_; // guards the last rendered tiles, read by the UI thread
    std::vector<std::pair<PixelRect, SiteId>> lastTiles_;
    std::vector<std::pair<PixelRect, SiteId>> scratchTiles_; // built while drawing, then swapped in
    int lastPage_ = 0;
    int lastPageCount_ = 1;
};

} // namespace hntt::engine
