// Text and simple shapes drawn straight into YUV420P canvases: site names, slates, tally marks.
#pragma once

#include "hntt/engine/video_frame.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hntt::engine {

// A colour in the canvas' own space: BT.709, limited range.
struct Yuv {
    std::uint8_t y = 16, u = 128, v = 128;
    static Yuv fromRgb(int r, int g, int b);
    bool operator==(const Yuv&) const = default;
};

// A rectangle in canvas pixels.
struct PixelRect {
    int x = 0, y = 0, w = 0, h = 0;
    bool operator==(const PixelRect&) const = default;
    bool empty() const { return w <= 0 || h <= 0; }
    bool contains(int px, int py) const { return px >= x && py >= y && px < x + w && py < y + h; }
    PixelRect adjusted(int dx0, int dy0, int dx1, int dy1) const {
        return {x + dx0, y + dy0, w - dx0 + dx1, h - dy0 + dy1};
    }
};

// Painting primitives on YUV420P canvases. Rects are clipped to the canvas; a chroma sample is
// painted when any of its four luma pixels is, so keep edges even for exact colour edges.
void fillRect(VideoFrame& canvas, PixelRect r, Yuv c);
void blendRect(VideoFrame& canvas, PixelRect r, Yuv c, int alpha); // alpha 0..255
void strokeRect(VideoFrame& canvas, PixelRect r, int thickness, Yuv c);

struct TextStyle {
    int pixelHeight = 32; // the em size in pixels (a line is about 1.4 times taller)
    Yuv color = Yuv::fromRgb(255, 255, 255);
    int alpha = 255;
    bool box = false; // a box behind the text, `padding` wider on every side
    Yuv boxColor = Yuv::fromRgb(0, 0, 0);
    int boxAlpha = 160;
    int padding = -1; // -1: a fifth of the pixel height
    int maxWidth = 0; // > 0: the whole extent (box included) is kept within it, ending with "…"
};

struct TextExtent {
    int width = 0;
    int height = 0;
};

struct FontMetrics {
    int ascent = 0;  // baseline below the top of the line, pixels
    int descent = 0; // below the baseline, pixels (positive)
    int lineHeight = 0;
};

// Renders UTF-8 text with FreeType into YUV420P canvases, alpha-blended on all three planes.
// Rasterised glyphs are cached per (code point, size), so drawing the same labels every frame costs
// only the blending. Not thread-safe: one renderer per thread that draws.
class TextRenderer {
public:
    // The font chosen by fontconfig for Vietnamese: "Noto Sans", then "DejaVu Sans", then whatever
    // covers lang=vi. Throws std::runtime_error when no usable font is found.
    TextRenderer();
    // An explicit font file (a face index for collections). Throws std::runtime_error when it cannot be
    // opened.
    explicit TextRenderer(const std::string& fontFile, int faceIndex = 0);
    ~TextRenderer();
    TextRenderer(const TextRenderer&) = delete;
    TextRenderer& operator=(const TextRenderer&) = delete;

    const std::string& fontFile() const;
    std::string familyName() const;

    FontMetrics metrics(int pixelHeight);
    // The size of the text alone at this em size.
    TextExtent measure(std::string_view utf8, int pixelHeight);
    // The size draw() would cover with this style (box padding and elision included).
    TextExtent measure(std::string_view utf8, const TextStyle& style);
    // The text, cut and ended with "…" when wider than maxWidth pixels.
    std::string elide(std::string_view utf8, int pixelHeight, int maxWidth);
    // Draws with the top-left of the extent (the box when there is one) at (x, y); returns the extent.
    TextExtent draw(VideoFrame& canvas, int x, int y, std::string_view utf8, const TextStyle& style);

    // Code points the font has no glyph for (drawn as the font's missing-glyph box).
    std::vector<char32_t> missingGlyphs(std::string_view utf8);
    std::size_t cachedGlyphCount() const;
    std::uint64_t glyphLoads() const; // glyphs rasterised so far: the cache misses

    // UTF-8 to code points; invalid bytes become U+FFFD, and decomposed Vietnamese (base letter +
    // combining marks, as some systems send names) is composed to the precomposed letters the font has.
    static std::u32string decodeUtf8(std::string_view utf8);

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

} // namespace hntt::engine
