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
#include <string_view>

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
    const int w = spec_.width, h = spec_.height;
    if (spec_.kind == TestPatternSpec::Kind::Solid) {
        auto f = VideoFrame::allocateYuv420(w, h);
        fillRect(*f, 0, 0, w, h, rgbToYuv709(spec_.r, spec_.g, spec_.b));
        solid_ = std::move(f);
        return;
    }
    // 75 % bars over the top three quarters; a black strip below for the moving box.
    static constexpr std::array<std::array<int, 3>, 7> kBars = {{{191, 191, 191},
                                                                 {191, 191, 0},
                                                                 {0, 191, 191},
                                                                 {0, 191, 0},
                                                                 {191, 0, 191},
                                                                 {191, 0, 0},
                                                                 {0, 0, 191}}};
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
    // A white box crossing the bottom strip once every two seconds.
    const int top = even(h * 3 / 4), stripH = h - top;
    const int box = std::max(2, even(stripH / 2));
    const int travel = std::max(1, w - box);
    const std::uint64_t period = static_cast<std::uint64_t>(spec_.fps) * 2;
    const int x = even(static_cast<int>(static_cast<std::uint64_t>(travel) * (index % period) / period));
    const int y = even(top + (stripH - box) / 2);
    fillRect(*f, x, y, x + box, y + box, rgbToYuv709(255, 255, 255));
    return f;
}

void TestPattern::audio(float* dst, std::size_t count) {
    if (spec_.toneHz <= 0) {
        std::fill_n(dst, count, 0.f);
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
