// An immutable-once-shared picture passed between engine threads.
#pragma once

#include <cstdint>
#include <memory>

struct AVFrame;

namespace hntt::engine {

// Owns one FFmpeg frame (reference-counted buffers). Producers fill it, then share it as
// std::shared_ptr<const VideoFrame>; from then on nobody writes to it.
class VideoFrame {
public:
    struct Rgb {
        int r = 0, g = 0, b = 0;
    };

    // A new 4:2:0 8-bit (AV_PIX_FMT_YUV420P, BT.709 limited range) picture, filled black.
    static std::shared_ptr<VideoFrame> allocateYuv420(int width, int height);
    // Takes ownership of a decoded frame of any pixel format.
    static std::shared_ptr<VideoFrame> adopt(AVFrame* frame);

    ~VideoFrame();
    VideoFrame(const VideoFrame&) = delete;
    VideoFrame& operator=(const VideoFrame&) = delete;

    int width() const;
    int height() const;
    int pixelFormat() const; // an AVPixelFormat value
    std::uint8_t* data(int plane);
    const std::uint8_t* data(int plane) const;
    int stride(int plane) const;
    const AVFrame* avFrame() const { return frame_; }
    AVFrame* avFrame() { return frame_; }

    // Scales and converts the picture into a 32-bit BGRA buffer (QImage::Format_RGB32 on
    // little-endian) of width×height; false if the conversion is impossible. For snapshots: a
    // display converting pictures steadily keeps a DisplayConverter of its own.
    bool toBgra(std::uint8_t* dst, int dstStride, int width, int height) const;

    // Colour at a pixel of a YUV420P frame, converted back with BT.709 limited range.
    // For tests and probes, not for hot paths.
    Rgb rgbAt(int x, int y) const;
    // Mean colour of a w×h box centred on (cx, cy).
    Rgb meanRgb(int cx, int cy, int w, int h) const;

    // Construction goes through allocateYuv420()/adopt(); the key keeps it that way.
    struct Key {
    private:
        Key() = default;
        friend class VideoFrame;
    };
    VideoFrame(Key, AVFrame* frame);

private:
    AVFrame* frame_; // owned; freed in the destructor
};

using VideoFramePtr = std::shared_ptr<const VideoFrame>;

// Converts pictures to 32-bit BGRA for one display. It keeps its scaling context while the sizes
// stay the same (setting one up costs more than a small conversion), and shrinks by area
// averaging: sharper than bilinear for text and a third of its cost at monitor sizes.
class DisplayConverter {
public:
    DisplayConverter();
    ~DisplayConverter();
    DisplayConverter(const DisplayConverter&) = delete;
    DisplayConverter& operator=(const DisplayConverter&) = delete;

    bool toBgra(const VideoFrame& frame, std::uint8_t* dst, int dstStride, int width, int height);

private:
    struct Context;
    std::unique_ptr<Context> context_;
};

} // namespace hntt::engine
