// A built-in test signal (picture and tone) for demos and tests, generated directly without any
// decoding: `test://solid?color=ff0000&tone=440` or `test://bars?tone=1000`, optionally with
// `&w=640&h=360&fps=25`.
#pragma once

#include "hntt/engine/video_frame.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hntt::engine {

// Where the simulated camera of a test picture looks, as a camera's normalised travel: pan -1..1
// (the scene repeats sideways, like a room turned around in), tilt -1 (down) .. 1 (up), zoom
// 0 (wide, the plain picture) .. 1 (four times closer).
struct TestView {
    double pan = 0;
    double tilt = 0;
    double zoom = 0;
    bool plain() const { return pan == 0 && tilt == 0 && zoom == 0; }
};

struct TestPatternSpec {
    enum class Kind { Solid, Bars };
    Kind kind = Kind::Bars;
    int r = 0, g = 0, b = 0; // the colour of a solid picture
    double toneHz = 1000;    // 0: silence
    int width = 640;
    int height = 360;
    int fps = 25;
};

// True when `url` uses the test:// scheme (well formed or not).
bool isTestUrl(const std::string& url);

// Parses a test URL. Defaults: solid is mid grey and silent, bars carry a 1 kHz tone.
// On a malformed URL returns nullopt and, if given, fills `error` with clear text.
std::optional<TestPatternSpec> parseTestUrl(const std::string& url, std::string* error = nullptr);

// Generates the pictures (YUV420P, BT.709 limited range) and the tone (mono float, -12 dBFS).
class TestPattern {
public:
    static constexpr double kToneAmplitude = 0.25118864315095801; // -12 dBFS

    TestPattern(const TestPatternSpec& spec, int sampleRate);

    const TestPatternSpec& spec() const { return spec_; }

    // Picture number `index`. Solid pictures are one shared frame; bars carry a box that moves
    // with `index`, so a frozen picture is visible.
    VideoFramePtr frame(std::uint64_t index);
    // The same picture as the simulated camera sees it from `view` (bars only; a solid colour
    // looks the same from everywhere).
    VideoFramePtr frame(std::uint64_t index, const TestView& view);

    // The next `count` samples of the tone, continuing its phase.
    void audio(float* dst, std::size_t count);

private:
    TestPatternSpec spec_;
    int sampleRate_;
    double phase_ = 0;
    // A whole-hertz tone repeats exactly every sampleRate / gcd(sampleRate, tone) samples: played
    // from this table, 171 demo sites cost no sine computations.
    std::vector<float> toneCycle_;
    std::size_t toneAt_ = 0;
    VideoFramePtr solid_;
    VideoFramePtr bars_; // the bars without the moving box, copied into each new picture
};

} // namespace hntt::engine
