#include "text_renderer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include <stdexcept>
#include <unordered_map>
#include FT_FREETYPE_H

extern "C" {
#include <libavutil/pixfmt.h>
}

namespace hntt::engine {

// ---------------------------------------------------------------------------------------------
// Colours and painting primitives

Yuv Yuv::fromRgb(int r, int g, int b) {
    const double rr = std::clamp(r, 0, 255) / 255.0, gg = std::clamp(g, 0, 255) / 255.0,
                 bb = std::clamp(b, 0, 255) / 255.0;
    const double y = 0.2126 * rr + 0.7152 * gg + 0.0722 * bb;
    const double cb = (bb - y) / 1.8556, cr = (rr - y) / 1.5748;
    auto q = [](double v) { return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L)); };
    return {q(16 + 219 * y), q(128 + 224 * cb), q(128 + 224 * cr)};
}

namespace {

struct Span {
    int x0, y0, x1, y1; // luma, half-open
};

void requireYuv420(const VideoFrame& canvas) {
    if (canvas.pixelFormat() != AV_PIX_FMT_YUV420P)
        throw std::invalid_argument("drawing needs a YUV420P canvas");
}

bool clipTo(const VideoFrame& canvas, PixelRect r, Span& s) {
    s.x0 = std::max(r.x, 0);
    s.y0 = std::max(r.y, 0);
    s.x1 = std::min(r.x + r.w, canvas.width());
    s.y1 = std::min(r.y + r.h, canvas.height());
    return s.x0 < s.x1 && s.y0 < s.y1;
}

// One blend step with integer weights: (dst * (255 - a) + src * a) / 255, rounded.
inline std::uint8_t mix(std::uint8_t dst, int src, int a) {
    return static_cast<std::uint8_t>((dst * (255 - a) + src * a + 127) / 255);
}

} // namespace

void fillRect(VideoFrame& canvas, PixelRect r, Yuv c) {
    requireYuv420(canvas);
    Span s;
    if (!clipTo(canvas, r, s))
        return;
    for (int y = s.y0; y < s.y1; ++y)
        std::memset(canvas.data(0) + y * canvas.stride(0) + s.x0, c.y, s.x1 - s.x0);
    const int cx0 = s.x0 / 2, cx1 = (s.x1 + 1) / 2;
    for (int y = s.y0 / 2; y < (s.y1 + 1) / 2; ++y) {
        std::memset(canvas.data(1) + y * canvas.stride(1) + cx0, c.u, cx1 - cx0);
        std::memset(canvas.data(2) + y * canvas.stride(2) + cx0, c.v, cx1 - cx0);
    }
}

void blendRect(VideoFrame& canvas, PixelRect r, Yuv c, int alpha) {
    if (alpha <= 0)
        return;
    if (alpha >= 255)
        return fillRect(canvas, r, c);
    requireYuv420(canvas);
    Span s;
    if (!clipTo(canvas, r, s))
        return;
    for (int y = s.y0; y < s.y1; ++y) {
        std::uint8_t* row = canvas.data(0) + y * canvas.stride(0);
        for (int x = s.x0; x < s.x1; ++x)
            row[x] = mix(row[x], c.y, alpha);
    }
    const int cx0 = s.x0 / 2, cx1 = (s.x1 + 1) / 2;
    for (int y = s.y0 / 2; y < (s.y1 + 1) / 2; ++y) {
        std::uint8_t* u = canvas.data(1) + y * canvas.stride(1);
        std::uint8_t* v = canvas.data(2) + y * canvas.stride(2);
        for (int x = cx0; x < cx1; ++x) {
            u[x] = mix(u[x], c.u, alpha);
            v[x] = mix(v[x], c.v, alpha);
        }
    }
}

void strokeRect(VideoFrame& canvas, PixelRect r, int t, Yuv c) {
    if (r.empty() || t <= 0)
        return;
    t = std::min({t, (r.w + 1) / 2, (r.h + 1) / 2});
    fillRect(canvas, {r.x, r.y, r.w, t}, c);
    fillRect(canvas, {r.x, r.y + r.h - t, r.w, t}, c);
    fillRect(canvas, {r.x, r.y + t, t, r.h - 2 * t}, c);
    fillRect(canvas, {r.x + r.w - t, r.y + t, t, r.h - 2 * t}, c);
}

// ---------------------------------------------------------------------------------------------
// UTF-8

namespace {

struct Composition {
    char32_t base, mark, composed;
};

// Canonical compositions of Latin letters with the marks Vietnamese uses (grave, acute, circumflex,
// tilde, breve, hook above, horn, dot below), sorted by (base, mark). Applied repeatedly, they turn
// NFD Vietnamese ("a" U+0323 U+0302) into the precomposed letter ("ậ").
constexpr Composition kCompositions[] = {
    {0x0041, 0x0300, 0x00C0}, {0x0041, 0x0301, 0x00C1}, {0x0041, 0x0302, 0x00C2}, {0x0041, 0x0303, 0x00C3},
    {0x0041, 0x0306, 0x0102}, {0x0041, 0x0309, 0x1EA2}, {0x0041, 0x0323, 0x1EA0}, {0x0042, 0x0323, 0x1E04},
    {0x0043, 0x0301, 0x0106}, {0x0043, 0x0302, 0x0108}, {0x0044, 0x0323, 0x1E0C}, {0x0045, 0x0300, 0x00C8},
    {0x0045, 0x0301, 0x00C9}, {0x0045, 0x0302, 0x00CA}, {0x0045, 0x0303, 0x1EBC}, {0x0045, 0x0306, 0x0114},
    {0x0045, 0x0309, 0x1EBA}, {0x0045, 0x0323, 0x1EB8}, {0x0047, 0x0301, 0x01F4}, {0x0047, 0x0302, 0x011C},
    {0x0047, 0x0306, 0x011E}, {0x0048, 0x0302, 0x0124}, {0x0048, 0x0323, 0x1E24}, {0x0049, 0x0300, 0x00CC},
    {0x0049, 0x0301, 0x00CD}, {0x0049, 0x0302, 0x00CE}, {0x0049, 0x0303, 0x0128}, {0x0049, 0x0306, 0x012C},
    {0x0049, 0x0309, 0x1EC8}, {0x0049, 0x0323, 0x1ECA}, {0x004A, 0x0302, 0x0134}, {0x004B, 0x0301, 0x1E30},
    {0x004B, 0x0323, 0x1E32}, {0x004C, 0x0301, 0x0139}, {0x004C, 0x0323, 0x1E36}, {0x004D, 0x0301, 0x1E3E},
    {0x004D, 0x0323, 0x1E42}, {0x004E, 0x0300, 0x01F8}, {0x004E, 0x0301, 0x0143}, {0x004E, 0x0303, 0x00D1},
    {0x004E, 0x0323, 0x1E46}, {0x004F, 0x0300, 0x00D2}, {0x004F, 0x0301, 0x00D3}, {0x004F, 0x0302, 0x00D4},
    {0x004F, 0x0303, 0x00D5}, {0x004F, 0x0306, 0x014E}, {0x004F, 0x0309, 0x1ECE}, {0x004F, 0x031B, 0x01A0},
    {0x004F, 0x0323, 0x1ECC}, {0x0050, 0x0301, 0x1E54}, {0x0052, 0x0301, 0x0154}, {0x0052, 0x0323, 0x1E5A},
    {0x0053, 0x0301, 0x015A}, {0x0053, 0x0302, 0x015C}, {0x0053, 0x0323, 0x1E62}, {0x0054, 0x0323, 0x1E6C},
    {0x0055, 0x0300, 0x00D9}, {0x0055, 0x0301, 0x00DA}, {0x0055, 0x0302, 0x00DB}, {0x0055, 0x0303, 0x0168},
    {0x0055, 0x0306, 0x016C}, {0x0055, 0x0309, 0x1EE6}, {0x0055, 0x031B, 0x01AF}, {0x0055, 0x0323, 0x1EE4},
    {0x0056, 0x0303, 0x1E7C}, {0x0056, 0x0323, 0x1E7E}, {0x0057, 0x0300, 0x1E80}, {0x0057, 0x0301, 0x1E82},
    {0x0057, 0x0302, 0x0174}, {0x0057, 0x0323, 0x1E88}, {0x0059, 0x0300, 0x1EF2}, {0x0059, 0x0301, 0x00DD},
    {0x0059, 0x0302, 0x0176}, {0x0059, 0x0303, 0x1EF8}, {0x0059, 0x0309, 0x1EF6}, {0x0059, 0x0323, 0x1EF4},
    {0x005A, 0x0301, 0x0179}, {0x005A, 0x0302, 0x1E90}, {0x005A, 0x0323, 0x1E92}, {0x0061, 0x0300, 0x00E0},
    {0x0061, 0x0301, 0x00E1}, {0x0061, 0x0302, 0x00E2}, {0x0061, 0x0303, 0x00E3}, {0x0061, 0x0306, 0x0103},
    {0x0061, 0x0309, 0x1EA3}, {0x0061, 0x0323, 0x1EA1}, {0x0062, 0x0323, 0x1E05}, {0x0063, 0x0301, 0x0107},
    {0x0063, 0x0302, 0x0109}, {0x0064, 0x0323, 0x1E0D}, {0x0065, 0x0300, 0x00E8}, {0x0065, 0x0301, 0x00E9},
    {0x0065, 0x0302, 0x00EA}, {0x0065, 0x0303, 0x1EBD}, {0x0065, 0x0306, 0x0115}, {0x0065, 0x0309, 0x1EBB},
    {0x0065, 0x0323, 0x1EB9}, {0x0067, 0x0301, 0x01F5}, {0x0067, 0x0302, 0x011D}, {0x0067, 0x0306, 0x011F},
    {0x0068, 0x0302, 0x0125}, {0x0068, 0x0323, 0x1E25}, {0x0069, 0x0300, 0x00EC}, {0x0069, 0x0301, 0x00ED},
    {0x0069, 0x0302, 0x00EE}, {0x0069, 0x0303, 0x0129}, {0x0069, 0x0306, 0x012D}, {0x0069, 0x0309, 0x1EC9},
    {0x0069, 0x0323, 0x1ECB}, {0x006A, 0x0302, 0x0135}, {0x006B, 0x0301, 0x1E31}, {0x006B, 0x0323, 0x1E33},
    {0x006C, 0x0301, 0x013A}, {0x006C, 0x0323, 0x1E37}, {0x006D, 0x0301, 0x1E3F}, {0x006D, 0x0323, 0x1E43},
    {0x006E, 0x0300, 0x01F9}, {0x006E, 0x0301, 0x0144}, {0x006E, 0x0303, 0x00F1}, {0x006E, 0x0323, 0x1E47},
    {0x006F, 0x0300, 0x00F2}, {0x006F, 0x0301, 0x00F3}, {0x006F, 0x0302, 0x00F4}, {0x006F, 0x0303, 0x00F5},
    {0x006F, 0x0306, 0x014F}, {0x006F, 0x0309, 0x1ECF}, {0x006F, 0x031B, 0x01A1}, {0x006F, 0x0323, 0x1ECD},
    {0x0070, 0x0301, 0x1E55}, {0x0072, 0x0301, 0x0155}, {0x0072, 0x0323, 0x1E5B}, {0x0073, 0x0301, 0x015B},
    {0x0073, 0x0302, 0x015D}, {0x0073, 0x0323, 0x1E63}, {0x0074, 0x0323, 0x1E6D}, {0x0075, 0x0300, 0x00F9},
    {0x0075, 0x0301, 0x00FA}, {0x0075, 0x0302, 0x00FB}, {0x0075, 0x0303, 0x0169}, {0x0075, 0x0306, 0x016D},
    {0x0075, 0x0309, 0x1EE7}, {0x0075, 0x031B, 0x01B0}, {0x0075, 0x0323, 0x1EE5}, {0x0076, 0x0303, 0x1E7D},
    {0x0076, 0x0323, 0x1E7F}, {0x0077, 0x0300, 0x1E81}, {0x0077, 0x0301, 0x1E83}, {0x0077, 0x0302, 0x0175},
    {0x0077, 0x0323, 0x1E89}, {0x0079, 0x0300, 0x1EF3}, {0x0079, 0x0301, 0x00FD}, {0x0079, 0x0302, 0x0177},
    {0x0079, 0x0303, 0x1EF9}, {0x0079, 0x0309, 0x1EF7}, {0x0079, 0x0323, 0x1EF5}, {0x007A, 0x0301, 0x017A},
    {0x007A, 0x0302, 0x1E91}, {0x007A, 0x0323, 0x1E93}, {0x00C2, 0x0300, 0x1EA6}, {0x00C2, 0x0301, 0x1EA4},
    {0x00C2, 0x0303, 0x1EAA}, {0x00C2, 0x0309, 0x1EA8}, {0x00C5, 0x0301, 0x01FA}, {0x00C6, 0x0301, 0x01FC},
    {0x00C7, 0x0301, 0x1E08}, {0x00CA, 0x0300, 0x1EC0}, {0x00CA, 0x0301, 0x1EBE}, {0x00CA, 0x0303, 0x1EC4},
    {0x00CA, 0x0309, 0x1EC2}, {0x00CF, 0x0301, 0x1E2E}, {0x00D4, 0x0300, 0x1ED2}, {0x00D4, 0x0301, 0x1ED0},
    {0x00D4, 0x0303, 0x1ED6}, {0x00D4, 0x0309, 0x1ED4}, {0x00D5, 0x0301, 0x1E4C}, {0x00D8, 0x0301, 0x01FE},
    {0x00DC, 0x0300, 0x01DB}, {0x00DC, 0x0301, 0x01D7}, {0x00E2, 0x0300, 0x1EA7}, {0x00E2, 0x0301, 0x1EA5},
    {0x00E2, 0x0303, 0x1EAB}, {0x00E2, 0x0309, 0x1EA9}, {0x00E5, 0x0301, 0x01FB}, {0x00E6, 0x0301, 0x01FD},
    {0x00E7, 0x0301, 0x1E09}, {0x00EA, 0x0300, 0x1EC1}, {0x00EA, 0x0301, 0x1EBF}, {0x00EA, 0x0303, 0x1EC5},
    {0x00EA, 0x0309, 0x1EC3}, {0x00EF, 0x0301, 0x1E2F}, {0x00F4, 0x0300, 0x1ED3}, {0x00F4, 0x0301, 0x1ED1},
    {0x00F4, 0x0303, 0x1ED7}, {0x00F4, 0x0309, 0x1ED5}, {0x00F5, 0x0301, 0x1E4D}, {0x00F8, 0x0301, 0x01FF},
    {0x00FC, 0x0300, 0x01DC}, {0x00FC, 0x0301, 0x01D8}, {0x0102, 0x0300, 0x1EB0}, {0x0102, 0x0301, 0x1EAE},
    {0x0102, 0x0303, 0x1EB4}, {0x0102, 0x0309, 0x1EB2}, {0x0103, 0x0300, 0x1EB1}, {0x0103, 0x0301, 0x1EAF},
    {0x0103, 0x0303, 0x1EB5}, {0x0103, 0x0309, 0x1EB3}, {0x0112, 0x0300, 0x1E14}, {0x0112, 0x0301, 0x1E16},
    {0x0113, 0x0300, 0x1E15}, {0x0113, 0x0301, 0x1E17}, {0x014C, 0x0300, 0x1E50}, {0x014C, 0x0301, 0x1E52},
    {0x014D, 0x0300, 0x1E51}, {0x014D, 0x0301, 0x1E53}, {0x0168, 0x0301, 0x1E78}, {0x0169, 0x0301, 0x1E79},
    {0x01A0, 0x0300, 0x1EDC}, {0x01A0, 0x0301, 0x1EDA}, {0x01A0, 0x0303, 0x1EE0}, {0x01A0, 0x0309, 0x1EDE},
    {0x01A0, 0x0323, 0x1EE2}, {0x01A1, 0x0300, 0x1EDD}, {0x01A1, 0x0301, 0x1EDB}, {0x01A1, 0x0303, 0x1EE1},
    {0x01A1, 0x0309, 0x1EDF}, {0x01A1, 0x0323, 0x1EE3}, {0x01AF, 0x0300, 0x1EEA}, {0x01AF, 0x0301, 0x1EE8},
    {0x01AF, 0x0303, 0x1EEE}, {0x01AF, 0x0309, 0x1EEC}, {0x01AF, 0x0323, 0x1EF0}, {0x01B0, 0x0300, 0x1EEB},
    {0x01B0, 0x0301, 0x1EE9}, {0x01B0, 0x0303, 0x1EEF}, {0x01B0, 0x0309, 0x1EED}, {0x01B0, 0x0323, 0x1EF1},
    {0x0228, 0x0306, 0x1E1C}, {0x0229, 0x0306, 0x1E1D}, {0x1EA0, 0x0302, 0x1EAC}, {0x1EA0, 0x0306, 0x1EB6},
    {0x1EA1, 0x0302, 0x1EAD}, {0x1EA1, 0x0306, 0x1EB7}, {0x1EB8, 0x0302, 0x1EC6}, {0x1EB9, 0x0302, 0x1EC7},
    {0x1ECC, 0x0302, 0x1ED8}, {0x1ECD, 0x0302, 0x1ED9},
};

char32_t compose(char32_t base, char32_t mark) {
    const auto* end = std::end(kCompositions);
    const auto* it = std::lower_bound(std::begin(kCompositions), end, Composition{base, mark, 0},
                                      [](const Composition& a, const Composition& b) {
                                          return a.base != b.base ? a.base < b.base : a.mark < b.mark;
                                      });
    return it != end && it->base == base && it->mark == mark ? it->composed : 0;
}

void decodeInto(std::u32string& out, std::string_view s) {
    out.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned b = p[i];
        char32_t cp = 0xFFFD;
        std::size_t len = 1;
        char32_t min = 0;
        if (b < 0x80) {
            cp = b;
        } else if ((b & 0xE0) == 0xC0) {
            len = 2, cp = b & 0x1F, min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            len = 3, cp = b & 0x0F, min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            len = 4, cp = b & 0x07, min = 0x10000;
        } else {
            len = 0; // a stray continuation byte or an invalid lead byte
        }
        bool ok = len > 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok) {
            out.push_back(0xFFFD);
            ++i; // resynchronise on the next byte
            continue;
        }
        i += len;
        if (cp < 0x20 || cp == 0x7F)
            cp = U' '; // labels are one line: tabs and line breaks become spaces
        if (cp >= 0x300 && cp <= 0x36F && !out.empty()) {
            if (const char32_t c = compose(out.back(), cp)) {
                out.back() = c;
                continue;
            }
        }
        out.push_back(cp);
    }
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// ---------------------------------------------------------------------------------------------
// FreeType and fontconfig owners

struct FtLibraryDeleter {
    void operator()(FT_Library l) const { FT_Done_FreeType(l); }
};
struct FtFaceDeleter {
    void operator()(FT_Face f) const { FT_Done_Face(f); }
};
struct FcPatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using FtLibraryPtr = std::unique_ptr<FT_LibraryRec_, FtLibraryDeleter>;
using FtFacePtr = std::unique_ptr<FT_FaceRec_, FtFaceDeleter>;
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

struct FontChoice {
    std::string file;
    int index = 0;
};

// Letters a font must have to pass for Vietnamese: ả ư đ ệ Ọ.
bool coversVietnamese(FcPattern* font) {
    FcCharSet* cs = nullptr; // owned by the pattern
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &cs) != FcResultMatch || !cs)
        return false;
    for (FcChar32 c : {0x1EA3u, 0x01B0u, 0x0111u, 0x1EC7u, 0x1ECCu})
        if (!FcCharSetHasChar(cs, c))
            return false;
    return true;
}

bool hasFamily(FcPattern* font, const char* family) {
    FcChar8* value = nullptr;
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &value) == FcResultMatch; ++i)
        if (FcStrCmpIgnoreCase(value, reinterpret_cast<const FcChar8*>(family)) == 0)
            return true;
    return false;
}

// The best match for a family (nullptr: any family) in Vietnamese, regular upright.
FcPatternPtr matchFont(const char* family) {
    FcPatternPtr pattern(FcPatternCreate());
    if (!pattern)
        return nullptr;
    if (family)
        FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddString(pattern.get(), FC_LANG, reinterpret_cast<const FcChar8*>("vi"));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    return FcPatternPtr(FcFontMatch(nullptr, pattern.get(), &result));
}

FontChoice choiceOf(FcPattern* font) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch || !file)
        return {};
    int index = 0;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    return {reinterpret_cast<const char*>(file), index};
}

FontChoice findVietnameseFont() {
    if (!FcInit())
        throw std::runtime_error("fontconfig could not be initialised");
    for (const char* family : {"Noto Sans", "DejaVu Sans"}) {
        FcPatternPtr font = matchFont(family);
        // fontconfig always answers with something: take it only when it is the family asked for.
        if (font && hasFamily(font.get(), family) && coversVietnamese(font.get()))
            if (FontChoice c = choiceOf(font.get()); !c.file.empty())
                return c;
    }
    if (FcPatternPtr font = matchFont(nullptr))
        if (FontChoice c = choiceOf(font.get()); !c.file.empty())
            return c;
    throw std::runtime_error("no font found by fontconfig for lang=vi (install fonts-noto-core)");
}

} // namespace

std::u32string TextRenderer::decodeUtf8(std::string_view utf8) {
    std::u32string out;
    decodeInto(out, utf8);
    return out;
}

// ---------------------------------------------------------------------------------------------
// The renderer

struct TextRenderer::Impl {
    struct Glyph {
        unsigned index = 0; // 0: the font has no glyph for the code point
        int left = 0, top = 0, width = 0, rows = 0;
        long advance = 0; // 26.6 pixels
        std::vector<std::uint8_t> bitmap;
    };
    struct Placed {
        const Glyph* glyph;
        long pen; // 26.6 pixels from the origin
    };
    struct Line {
        int width = 0;   // max of the advance end and the ink's right edge
        int inkLeft = 0; // ink bounds relative to the origin and the baseline
        int inkRight = 0;
        int inkAbove = 0; // pixels above the baseline
        int inkBelow = 0; // pixels below
    };

    static constexpr std::size_t kMaxCachedGlyphs = 4096;

    FtLibraryPtr library; // declared before the face: destroyed after it
    FtFacePtr face;
    std::string file;
    int currentSize = 0;
    std::unordered_map<std::uint64_t, Glyph> glyphs;
    std::unordered_map<int, FontMetrics> metrics;
    std::uint64_t loads = 0;
    // Scratch reused across calls, so steady-state drawing does not allocate.
    std::u32string codePoints;
    std::vector<Placed> placed;
    std::vector<std::uint8_t> coverage;

    Impl(const std::string& path, int index)
        : file(path) {
        FT_Library lib = nullptr;
        if (FT_Init_FreeType(&lib) != 0)
            throw std::runtime_error("FreeType could not be initialised");
        library.reset(lib);
        FT_Face f = nullptr;
        if (FT_New_Face(library.get(), path.c_str(), index, &f) != 0)
            throw std::runtime_error("cannot open font file '" + path + "'");
        face.reset(f);
        if (!face->charmap && FT_Select_Charmap(face.get(), FT_ENCODING_UNICODE) != 0)
            throw std::runtime_error("font '" + path + "' has no Unicode character map");
        if (!FT_IS_SCALABLE(face.get()))
            throw std::runtime_error("font '" + path + "' is not scalable");
    }

    void setSize(int px) {
        if (px != currentSize) {
            FT_Set_Pixel_Sizes(face.get(), 0, static_cast<FT_UInt>(px));
            currentSize = px;
        }
    }

    const FontMetrics& metricsFor(int px) {
        if (auto it = metrics.find(px); it != metrics.end())
            return it->second;
        setSize(px);
        const FT_Size_Metrics& m = face->size->metrics;
        FontMetrics fm;
        fm.ascent = static_cast<int>((m.ascender + 63) >> 6);
        fm.descent = static_cast<int>((-m.descender + 63) >> 6);
        fm.lineHeight = fm.ascent + fm.descent;
        return metrics.emplace(px, fm).first->second;
    }

    const Glyph& glyphFor(char32_t cp, int px) {
        const std::uint64_t key = (static_cast<std::uint64_t>(px) << 32) | cp;
        if (auto it = glyphs.find(key); it != glyphs.end())
            return it->second;
        setSize(px);
        Glyph g;
        g.index = FT_Get_Char_Index(face.get(), cp);
        FT_GlyphSlot slot = face->glyph;
        if (FT_Load_Glyph(face.get(), g.index, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) == 0 ||
            FT_Load_Glyph(face.get(), g.index, FT_LOAD_RENDER) == 0) {
            const FT_Bitmap& bm = slot->bitmap;
            g.left = slot->bitmap_left;
            g.top = slot->bitmap_top;
            g.width = static_cast<int>(bm.width);
            g.rows = static_cast<int>(bm.rows);
            g.advance = slot->advance.x;
            g.bitmap.resize(static_cast<std::size_t>(g.width) * g.rows);
            for (int r = 0; r < g.rows; ++r) {
                const unsigned char* src = bm.buffer + static_cast<std::ptrdiff_t>(r) * bm.pitch;
                std::uint8_t* dst = g.bitmap.data() + static_cast<std::size_t>(r) * g.width;
                for (int c = 0; c < g.width; ++c)
                    dst[c] = bm.pixel_mode == FT_PIXEL_MODE_MONO ? ((src[c >> 3] >> (7 - (c & 7))) & 1) * 255
                                                                 : src[c];
            }
        } else {
            g.advance = static_cast<long>(px) * 32; // an unloadable glyph still takes room
        }
        ++loads;
        return glyphs.emplace(key, std::move(g)).first->second;
    }

    // Lays the text out into `placed`; with maxWidth > 0, cuts it to fit and appends an ellipsis.
    Line layout(std::string_view utf8, int px, int maxWidth) {
        if (glyphs.size() > kMaxCachedGlyphs)
            glyphs.clear(); // bounded: a stream of ever-new names cannot grow it without limit
        decodeInto(codePoints, utf8);
        placed.clear();
        const bool kerning = FT_HAS_KERNING(face.get());
        long pen = 0;
        unsigned previous = 0;
        for (char32_t cp : codePoints) {
            const Glyph& g = glyphFor(cp, px);
            if (kerning && previous && g.index) {
                FT_Vector delta{};
                setSize(px);
                if (FT_Get_Kerning(face.get(), previous, g.index, FT_KERNING_DEFAULT, &delta) == 0)
                    pen += delta.x;
            }
            placed.push_back({&g, pen});
            pen += g.advance;
            previous = g.index;
        }
        Line line = measurePlaced(pen);
        if (maxWidth > 0 && line.width > maxWidth && !placed.empty()) {
            const Glyph& ellipsis = glyphFor(U'\u2026', px);
            const Glyph& dot = glyphFor(U'.', px);
            const bool haveEllipsis = ellipsis.index != 0;
            const long tail = haveEllipsis ? ellipsis.advance : 3 * dot.advance;
            // Drop glyphs (and the spaces they leave at the end) until the rest and the ellipsis fit.
            do {
                pen = placed.back().pen;
                placed.pop_back();
            } while (!placed.empty() &&
                     (((pen + tail + 63) >> 6) > maxWidth || codePoints[placed.size() - 1] == U' '));
            if (haveEllipsis) {
                placed.push_back({&ellipsis, pen});
                pen += ellipsis.advance;
            } else {
                for (int i = 0; i < 3; ++i, pen += dot.advance)
                    placed.push_back({&dot, pen});
            }
            line = measurePlaced(pen);
        }
        return line;
    }

    Line measurePlaced(long penEnd) const {
        Line line;
        int right = static_cast<int>((penEnd + 32) >> 6);
        int left = 0;
        for (const Placed& p : placed) {
            const Glyph& g = *p.glyph;
            if (g.width == 0 || g.rows == 0)
                continue;
            const int x = static_cast<int>((p.pen + 32) >> 6) + g.left;
            left = std::min(left, x);
            right = std::max(right, x + g.width);
            line.inkAbove = std::max(line.inkAbove, g.top);
            line.inkBelow = std::max(line.inkBelow, g.rows - g.top);
        }
        line.inkLeft = left;
        line.inkRight = right;
        line.width = right;
        return line;
    }
};

TextRenderer::TextRenderer() {
    const FontChoice c = findVietnameseFont();
    d_ = std::make_unique<Impl>(c.file, c.index);
}

TextRenderer::TextRenderer(const std::string& fontFile, int faceIndex)
    : d_(std::make_unique<Impl>(fontFile, faceIndex)) {}

TextRenderer::~TextRenderer() = default;

const std::string& TextRenderer::fontFile() const {
    return d_->file;
}

std::string TextRenderer::familyName() const {
    return d_->face->family_name ? d_->face->family_name : std::string();
}

FontMetrics TextRenderer::metrics(int pixelHeight) {
    return d_->metricsFor(std::max(1, pixelHeight));
}

TextExtent TextRenderer::measure(std::string_view utf8, int pixelHeight) {
    const int px = std::max(1, pixelHeight);
    const Impl::Line line = d_->layout(utf8, px, 0);
    return {line.width, d_->metricsFor(px).lineHeight};
}

namespace {
int paddingOf(const TextStyle& s) {
    if (!s.box)
        return 0;
    return s.padding >= 0 ? s.padding : std::max(1, s.pixelHeight / 5);
}
} // namespace

TextExtent TextRenderer::measure(std::string_view utf8, const TextStyle& style) {
    const int px = std::max(1, style.pixelHeight);
    const int pad = paddingOf(style);
    const int maxText = style.maxWidth > 0 ? std::max(1, style.maxWidth - 2 * pad) : 0;
    const Impl::Line line = d_->layout(utf8, px, maxText);
    return {line.width + 2 * pad, d_->metricsFor(px).lineHeight + 2 * pad};
}

std::string TextRenderer::elide(std::string_view utf8, int pixelHeight, int maxWidth) {
    const int px = std::max(1, pixelHeight);
    d_->layout(utf8, px, std::max(1, maxWidth));
    std::string out;
    for (std::size_t i = 0; i < d_->placed.size(); ++i) {
        // Placed glyphs follow the code points until the cut, then the ellipsis glyphs.
        const bool original =
            i < d_->codePoints.size() && d_->placed[i].glyph == &d_->glyphFor(d_->codePoints[i], px);
        appendUtf8(out, original ? d_->codePoints[i] : (d_->placed[i].glyph->index ? U'\u2026' : U'.'));
    }
    return out;
}

TextExtent TextRenderer::draw(VideoFrame& canvas, int x, int y, std::string_view utf8,
                              const TextStyle& style) {
    requireYuv420(canvas);
    const int px = std::max(1, style.pixelHeight);
    const int pad = paddingOf(style);
    const int maxText = style.maxWidth > 0 ? std::max(1, style.maxWidth - 2 * pad) : 0;
    const Impl::Line line = d_->layout(utf8, px, maxText);
    const FontMetrics& fm = d_->metricsFor(px);
    const TextExtent extent{line.width + 2 * pad, fm.lineHeight + 2 * pad};
    if (style.box)
        blendRect(canvas, {x, y, extent.width, extent.height}, style.boxColor, style.boxAlpha);
    const int alpha = std::clamp(style.alpha, 0, 255);
    if (alpha == 0 || d_->placed.empty())
        return extent;

    // Rasterise the line into one coverage buffer (aligned to the 2x2 chroma grid), then blend it:
    // luma per pixel, chroma per 2x2 block with the block's mean coverage.
    const int originX = x + pad, baseline = y + pad + fm.ascent;
    Span s;
    if (!clipTo(canvas,
                {originX + line.inkLeft, baseline - line.inkAbove, line.inkRight - line.inkLeft,
                 line.inkAbove + line.inkBelow},
                s))
        return extent;
    s.x0 &= ~1;
    s.y0 &= ~1;
    s.x1 += s.x1 & 1;
    s.y1 += s.y1 & 1;
    const int cw = s.x1 - s.x0, ch = s.y1 - s.y0;
    std::vector<std::uint8_t>& cov = d_->coverage;
    cov.assign(static_cast<std::size_t>(cw) * ch, 0);
    for (const Impl::Placed& p : d_->placed) {
        const Impl::Glyph& g = *p.glyph;
        const int gx = originX + static_cast<int>((p.pen + 32) >> 6) + g.left - s.x0;
        const int gy = baseline - g.top - s.y0;
        const int c0 = std::max(0, -gx), c1 = std::min(g.width, cw - gx);
        const int r0 = std::max(0, -gy), r1 = std::min(g.rows, ch - gy);
        for (int r = r0; r < r1; ++r) {
            const std::uint8_t* src = g.bitmap.data() + static_cast<std::size_t>(r) * g.width;
            std::uint8_t* dst = cov.data() + static_cast<std::size_t>(gy + r) * cw + gx;
            for (int c = c0; c < c1; ++c)
                dst[c] = std::max(dst[c], src[c]);
        }
    }
    const int lumaRows = std::min(ch, canvas.height() - s.y0), lumaCols = std::min(cw, canvas.width() - s.x0);
    for (int r = 0; r < lumaRows; ++r) {
        const std::uint8_t* c = cov.data() + static_cast<std::size_t>(r) * cw;
        std::uint8_t* row = canvas.data(0) + (s.y0 + r) * canvas.stride(0) + s.x0;
        for (int i = 0; i < lumaCols; ++i)
            if (c[i])
                row[i] = mix(row[i], style.color.y, (c[i] * alpha + 127) / 255);
    }
    for (int r = 0; r < ch / 2; ++r) {
        const std::uint8_t* c0 = cov.data() + static_cast<std::size_t>(2 * r) * cw;
        const std::uint8_t* c1 = c0 + cw;
        std::uint8_t* u = canvas.data(1) + (s.y0 / 2 + r) * canvas.stride(1) + s.x0 / 2;
        std::uint8_t* v = canvas.data(2) + (s.y0 / 2 + r) * canvas.stride(2) + s.x0 / 2;
        for (int i = 0; i < cw / 2; ++i) {
            const int sum = c0[2 * i] + c0[2 * i + 1] + c1[2 * i] + c1[2 * i + 1];
            if (sum == 0)
                continue;
            const int a = ((sum + 2) / 4 * alpha + 127) / 255;
            u[i] = mix(u[i], style.color.u, a);
            v[i] = mix(v[i], style.color.v, a);
        }
    }
    return extent;
}

std::vector<char32_t> TextRenderer::missingGlyphs(std::string_view utf8) {
    std::vector<char32_t> missing;
    decodeInto(d_->codePoints, utf8);
    for (char32_t cp : d_->codePoints)
        if (FT_Get_Char_Index(d_->face.get(), cp) == 0 &&
            std::find(missing.begin(), missing.end(), cp) == missing.end())
            missing.push_back(cp);
    return missing;
}

std::size_t TextRenderer::cachedGlyphCount() const {
    return d_->glyphs.size();
}

std::uint64_t TextRenderer::glyphLoads() const {
    return d_->loads;
}

} // namespace hntt::engine
