#include "test_pattern.h"

#include "av_ptr.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <new>
#include <numbers>
#include <numeric>
#include <string_view>
#include <vector>

namespace hntt::engine {

namespace {

constexpr std::string_view kScheme = "test://";

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i])
            return false;
    return true;
}

template <typename T>
bool parseNumber(std::string_view text, T& out) {
    if (text.empty())
        return false;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

bool parseHexColour(std::string_view text, TestPatternSpec& spec) {
    if (text.size() != 6)
        return false;
    int rgb = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + 6, rgb, 16);
    if (ec != std::errc() || ptr != text.data() + 6)
        return false;
    spec.r = (rgb >> 16) & 0xff;
    spec.g = (rgb >> 8) & 0xff;
    spec.b = rgb & 0xff;
    return true;
}

struct Yuv {
    std::uint8_t y, u, v;
};

// BT.709, limited range: what VideoFrame::meanRgb() converts back.
Yuv rgbToYuv709(int r, int g, int b) {
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double u = (b - y) / 1.8556;
    const double v = (r - y) / 1.5748;
    auto clamp = [](double x) { return static_cast<std::uint8_t>(std::clamp(std::lround(x), 0L, 255L)); };
    return {clamp(16 + y * 219.0 / 255.0), clamp(128 + u * 224.0 / 255.0), clamp(128 + v * 224.0 / 255.0)};
}

// Fills [x0, x1) x [y0, y1); the caller keeps the corners even so chroma lines up.
void fillRect(VideoFrame& f, int x0, int y0, int x1, int y1, Yuv c) {
    x0 = std::clamp(x0, 0, f.width());
    x1 = std::clamp(x1, x0, f.width());
    y0 = std::clamp(y0, 0, f.height());
    y1 = std::clamp(y1, y0, f.height());
    for (int y = y0; y < y1; ++y)
        std::memset(f.data(0) + y * f.stride(0) + x0, c.y, static_cast<std::size_t>(x1 - x0));
    const int cx0 = x0 / 2, cx1 = (x1 + 1) / 2;
    for (int y = y0 / 2; y < (y1 + 1) / 2; ++y) {
        std::memset(f.data(1) + y * f.stride(1) + cx0, c.u, static_cast<std::size_t>(cx1 - cx0));
        std::memset(f.data(2) + y * f.stride(2) + cx0, c.v, static_cast<std::size_t>(cx1 - cx0));
    }
}

int even(int v) {
    return v & ~1;
}

// 75 % colour bars, left to right.
constexpr std::array<std::array<int, 3>, 7> kBars = {
    {{191, 191, 191}, {191, 191, 0}, {0, 191, 191}, {0, 191, 0}, {191, 0, 191}, {191, 0, 0}, {0, 0, 191}}};

// The white box crossing the bottom strip once every two seconds, in picture `index`.
struct MovingBox {
    int x, y, size;
};
MovingBox movingBox(int w, int h, int fps, std::uint64_t index) {
    const int top = even(h * 3 / 4), stripH = h - top;
    const int box = std::max(2, even(stripH / 2));
    const int travel = std::max(1, w - box);
    const std::uint64_t period = static_cast<std::uint64_t>(fps) * 2;
    return {even(static_cast<int>(static_cast<std::uint64_t>(travel) * (index % period) / period)),
            even(top + (stripH - box) / 2), box};
}

} // namespace

bool isTestUrl(const std::string& url) {
    return startsWithNoCase(url, kScheme);
}

std::optional<TestPatternSpec> parseTestUrl(const std::string& url, std::string* error) {
    auto fail = [&](const std::string& why) -> std::optional<TestPatternSpec> {
        if (error)
            *error = "Invalid test URL '" + url + "': " + why;
        return std::nullopt;
    };
    if (!isTestUrl(url))
        return fail("it does not start with test://");

    std::string_view rest = std::string_view(url).substr(kScheme.size());
    const std::size_t q = rest.find('?');
    std::string_view kind = rest.substr(0, q);
    std::string_view query = q == std::string_view::npos ? std::string_view{} : rest.substr(q + 1);
    while (!kind.empty() && kind.back() == '/')
        kind.remove_suffix(1);

    TestPatternSpec spec;
    if (kind == "solid") {
        spec.kind = TestPatternSpec::Kind::Solid;
        spec.r = spec.g = spec.b = 128;
        spec.toneHz = 0;
    } else if (kind == "bars") {
        spec.kind = TestPatternSpec::Kind::Bars;
    } else {
        return fail("unknown pattern '" + std::string(kind) + "' (expected solid or bars)");
    }

    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view item = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (item.empty())
            continue;
        const std::size_t eq = item.find('=');
        const std::string_view key = item.substr(0, eq);
        const std::string_view value =
            eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1);
        const std::string k(key), v(value);
        if (key == "color" || key == "colour") {
            if (spec.kind != TestPatternSpec::Kind::Solid)
                return fail("color applies to solid only");
            if (!parseHexColour(value, spec))
                return fail("color must be 6 hex digits RRGGBB, not '" + v + "'");
        } else if (key == "tone") {
            if (!parseNumber(value, spec.toneHz) || !(spec.toneHz >= 0 && spec.toneHz <= 20000))
                return fail("tone must be 0..20000 Hz, not '" + v + "'");
        } else if (key == "w") {
            if (!parseNumber(value, spec.width) || spec.width < 16 || spec.width > 3840 || spec.width % 2)
                return fail("w must be an even width of 16..3840, not '" + v + "'");
        } else if (key == "h") {
            if (!parseNumber(value, spec.height) || spec.height < 16 || spec.height > 2160 || spec.height % 2)
                return fail("h must be an even height of 16..2160, not '" + v + "'");
        } else if (key == "fps") {
            if (!parseNumber(value, spec.fps) || spec.fps < 1 || spec.fps > 60)
                return fail("fps must be 1..60, not '" + v + "'");
        } else {
            return fail("unknown parameter '" + k + "'");
        }
    }
    return spec;
}

TestPattern::TestPattern(const TestPatternSpec& spec, int sampleRate)
    : spec_(spec)
    , sampleRate_(sampleRate) {
    if (spec_.toneHz > 0 && spec_.toneHz == std::floor(spec_.toneHz) && sampleRate_ > 0) {
        const auto hz = static_cast<long>(spec_.toneHz);
        const long cycle = sampleRate_ / std::gcd(static_cast<long>(sampleRate_), hz);
        toneCycle_.resize(static_cast<std::size_t>(cycle));
        for (long i = 0; i < cycle; ++i)
            toneCycle_[static_cast<std::size_t>(i)] = static_cast<float>(
                kToneAmplitude *
                std::sin(2.0 * std::numbers::pi * static_cast<double>((hz * i) % sampleRate_) / sampleRate_));
    }
    const int w = spec_.width, h = spec_.height;
    if (spec_.kind == TestPatternSpec::Kind::Solid) {
        auto f = VideoFrame::allocateYuv420(w, h);
        fillRect(*f, 0, 0, w, h, rgbToYuv709(spec_.r, spec_.g, spec_.b));
        solid_ = std::move(f);
        return;
    }
    // 75 % bars over the top three quarters; a black strip below for the moving box.
    auto f = VideoFrame::allocateYuv420(w, h);
    const int barsBottom = even(h * 3 / 4);
    for (int i = 0; i < 7; ++i) {
        const auto& c = kBars[static_cast<std::size_t>(i)];
        fillRect(*f, even(i * w / 7), 0, i == 6 ? w : even((i + 1) * w / 7), barsBottom,
                 rgbToYuv709(c[0], c[1], c[2]));
    }
    bars_ = std::move(f);
}

VideoFramePtr TestPattern::frame(std::uint64_t index) {
    if (solid_)
        return solid_;
    const int w = spec_.width, h = spec_.height;
    auto f = VideoFrame::allocateYuv420(w, h);
    if (av_frame_copy(f->avFrame(), bars_->avFrame()) < 0)
        throw std::bad_alloc();
    const MovingBox b = movingBox(w, h, spec_.fps, index);
    fillRect(*f, b.x, b.y, b.x + b.size, b.y + b.size, rgbToYuv709(255, 255, 255));
    return f;
}

VideoFramePtr TestPattern::frame(std::uint64_t index, const TestView& view) {
    if (solid_ || view.plain())
        return frame(index);
    // The scene is the plain picture (w x h, bars over a black strip) repeated sideways, with grey
    // above and below it; the view is a window of w/f x h/f on it around (cx, cy), scaled to w x h.
    const int w = spec_.width, h = spec_.height;
    const double f = 1 + 3 * std::clamp(view.zoom, 0.0, 1.0);
    const double cx = w / 2.0 + std::clamp(view.pan, -1.0, 1.0) * w;
    const double cy = h / 2.0 - std::clamp(view.tilt, -1.0, 1.0) * h / 2.0;
    auto sceneX = [&](double x) { return cx + (x - w / 2.0) / f; };
    auto sceneY = [&](double y) { return cy + (y - h / 2.0) / f; };
    auto outX = [&](double sx) { return (sx - cx) * f + w / 2.0; };
    auto outY = [&](double sy) { return (sy - cy) * f + h / 2.0; };

    std::array<Yuv, 7> bars{};
    for (std::size_t i = 0; i < bars.size(); ++i)
        bars[i] = rgbToYuv709(kBars[i][0], kBars[i][1], kBars[i][2]);
    const Yuv black = rgbToYuv709(0, 0, 0), wall = rgbToYuv709(64, 64, 64),
              white = rgbToYuv709(255, 255, 255);

    // One line of bars as this view sees it, chroma per pair of pixels.
    std::vector<std::uint8_t> lineY(static_cast<std::size_t>(w)), lineU(static_cast<std::size_t>(w / 2)),
        lineV(static_cast<std::size_t>(w / 2));
    const double barWidth = w / 7.0;
    for (int x = 0; x < w; ++x) {
        const double sx = sceneX(x + 0.5);
        const auto bar =
            static_cast<std::size_t>(((static_cast<long>(std::floor(sx / barWidth)) % 7) + 7) % 7);
        lineY[static_cast<std::size_t>(x)] = bars[bar].y;
        if (x % 2 == 0) {
            lineU[static_cast<std::size_t>(x / 2)] = bars[bar].u;
            lineV[static_cast<std::size_t>(x / 2)] = bars[bar].v;
        }
    }
    auto picture = VideoFrame::allocateYuv420(w, h);
    VideoFrame& out = *picture;
    const double barsBottom = even(h * 3 / 4);
    for (int y = 0; y < h; ++y) {
        const double sy = sceneY(y + 0.5);
        std::uint8_t* row = out.data(0) + y * out.stride(0);
        const Yuv& plainColour = sy < 0 || sy >= h ? wall : black;
        const bool onBars = sy >= 0 && sy < barsBottom;
        if (onBars)
            std::memcpy(row, lineY.data(), lineY.size());
        else
            std::memset(row, plainColour.y, static_cast<std::size_t>(w));
        if (y % 2 == 0) {
            std::uint8_t* u = out.data(1) + (y / 2) * out.stride(1);
            std::uint8_t* v = out.data(2) + (y / 2) * out.stride(2);
            if (onBars) {
                std::memcpy(u, lineU.data(), lineU.size());
                std::memcpy(v, lineV.data(), lineV.size());
            } else {
                std::memset(u, plainColour.u, static_cast<std::size_t>(w / 2));
                std::memset(v, plainColour.v, static_cast<std::size_t>(w / 2));
            }
        }
    }
    // The moving box, where the view puts it (in the scene copy nearest the view's centre).
    const MovingBox b = movingBox(w, h, spec_.fps, index);
    const double bx = b.x + std::floor(cx / w) * w;
    fillRect(out, even(static_cast<int>(outX(bx))), even(static_cast<int>(outY(b.y))),
             even(static_cast<int>(outX(bx + b.size))), even(static_cast<int>(outY(b.y + b.size))), white);
    return picture;
}

void TestPattern::audio(float* dst, std::size_t count) {
    if (spec_.toneHz <= 0) {
        std::fill_n(dst, count, 0.f);
        return;
    }
    if (!toneCycle_.empty()) {
        for (std::size_t i = 0; i < count; ++i) {
            dst[i] = toneCycle_[toneAt_];
            if (++toneAt_ == toneCycle_.size())
                toneAt_ = 0;
        }
        return;
    }
    const double step = 2.0 * std::numbers::pi * spec_.toneHz / sampleRate_;
    for (std::size_t i = 0; i < count; ++i) {
        dst[i] = static_cast<float>(kToneAmplitude * std::sin(phase_));
        phase_ += step;
        if (phase_ >= 2.0 * std::numbers::pi)
            phase_ -= 2.0 * std::numbers::pi;
    }
}

} // namespace hntt::engine
