// Composes sites' latest pictures into a layout on a YUV420P canvas.
#pragma once

#include "av_ptr.h"
#include "hntt/engine/types.h"
#include "hntt/engine/video_frame.h"
#include "text_renderer.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hntt::engine {

// What the compositor needs to know about one site.
struct TileSource {
    VideoFramePtr frame;     // the latest decoded frame (any pixel format and size), may be null
    std::string name;        // the site's name, drawn as its label
    bool lost = false;       // media stopped: the last frame dimmed with the mark, or a slate
    bool videoMuted = false; // a slate with the name and the "video muted" text
    bool speaking = false;   // a speaking mark on the tile
};

// Status texts of slates, in the operator's language.
struct SlateTexts {
    std::string signalLost = "Mất tín hiệu";
    std::string videoMuted = "Đã tắt hình";
    std::string noPicture = "Chưa có hình"; // connected or connecting, no frame yet
};

struct ComposeOptions {
    bool labels = true;        // site names on pictures
    bool speakingMarks = true; // a frame around the tile of whoever speaks
};

// Canvas colours.
namespace palette {
Yuv background(); // dark grey: a slot without a site
Yuv bars();       // black: letterbox and pillarbox bars
Yuv slate();      // dark blue-grey: a site without a picture
Yuv speaking();   // amber
} // namespace palette

// A normalised rect in pixels of a width x height canvas, edges snapped to even pixels (4:2:0) so
// that neighbouring slots share their edges exactly.
PixelRect toPixelRect(const Rect& r, int width, int height);
// The largest rect of the display aspect `aspect` centred in `area`, even-aligned: letterbox or pillarbox.
PixelRect fitRect(PixelRect area, double aspect);
// A frame's display aspect, with its sample aspect ratio applied when it has one.
double displayAspect(const VideoFrame& frame);

// Scales and converts frames of any format and size into rects of a YUV420P canvas (BT.709, limited
// range), writing straight into the canvas planes. swscale contexts are cached per conversion,
// least recently used ones dropped beyond `maxContexts`.
class FrameScaler {
public:
    explicit FrameScaler(std::size_t maxContexts = 64);
    // `dst` must be even-aligned and inside the canvas. Returns false when the frame cannot be converted.
    bool scale(const VideoFrame& src, VideoFrame& canvas, PixelRect dst);
    std::size_t cachedContexts() const { return entries_.size(); }
    std::uint64_t contextsCreated() const { return created_; }

private:
    struct Key {
        int srcW, srcH, srcFormat, srcSpace, srcFullRange, dstW, dstH;
        bool operator==(const Key&) const = default;
    };
    // A YUV matrix's conversion to BT.709 on limited-range samples, in fixed point: luma gains
    // yb*Cb + yr*Cr, chroma becomes (bb*Cb + br*Cr, rb*Cb + rr*Cr) (Cb, Cr centred on 0).
    static constexpr int kMatrixBits = 14;
    struct Matrix {
        int yb, yr, bb, br, rb, rr;
    };
    struct Entry {
        Key key;
        av::SwsPtr context;
        std::uint64_t lastUse;
        std::optional<Matrix> toBt709; // for a source in another matrix, made with the context
    };
    static Matrix matrixFrom(int swsColorspace);
    // The picture just scaled into `dst` from a source in another matrix, onto the canvas' BT.709.
    void convertMatrix(const Matrix& m, VideoFrame& canvas, PixelRect dst);
    struct TailSpan {
        std::uint8_t* at;
        int n;
    };
    // Bytes past each destination row's end that swscale may overwrite (it writes blocks of 8 luma
    // pixels; the margins leave room for wider SIMD).
    static constexpr int kLumaOverrun = 32;
    static constexpr int kChromaOverrun = 16;

    std::vector<Entry> entries_;
    std::vector<TailSpan> tails_;     // scratch, kept to avoid allocating per frame
    std::vector<std::uint8_t> saved_; // scratch
    std::vector<int> lumaShift_;      // scratch of convertMatrix()
    std::size_t maxContexts_;
    std::uint64_t clock_ = 0;
    std::uint64_t created_ = 0;
};

struct TileDecor {
    bool label = true;        // the name at the bottom left of a picture
    bool speakingMark = true; // the amber frame
    bool slateName = true;    // the name on a slate (off where a label elsewhere shows it)
};

// Draws compositions. Not thread-safe: one per thread that composes (with its own TextRenderer).
class Compositor {
public:
    explicit Compositor(TextRenderer& text, SlateTexts texts = {});

    // Draws `composition` (slots of `layout`) onto `canvas`, a YUV420P frame; lookup gives each slot's
    // site. Slots beyond the layout's are ignored; empty slots show the background. A site without a
    // picture is never black: it gets a slate with its name.
    void compose(const Layout& layout, const Composition& composition,
                 const std::function<TileSource(SiteId)>& lookup, VideoFrame& canvas,
                 const ComposeOptions& options = {});

    // One site in `area` (even-aligned): its picture fitted without distortion on black bars, or a slate.
    void drawTile(const TileSource& source, PixelRect area, VideoFrame& canvas, const TileDecor& decor);
    // A dark blue-grey card with `name` large and centred and `status` (in statusColor) below it.
    void drawSlate(PixelRect area, std::string_view name, std::string_view status, Yuv statusColor,
                   VideoFrame& canvas);

    const SlateTexts& texts() const { return texts_; }
    TextRenderer& text() { return text_; }
    FrameScaler& scaler() { return scaler_; }

private:
    TextRenderer& text_;
    SlateTexts texts_;
    FrameScaler scaler_;
};

} // namespace hntt::engine
