#include "hntt/engine/video_frame.h"

#include "av_ptr.h"

#include <algorithm>
#include <stdexcept>

extern "C" {
#include <libavutil/imgutils.h>
}

namespace hntt::engine {

VideoFrame::VideoFrame(Key, AVFrame* frame)
    : frame_(frame) {}

VideoFrame::~VideoFrame() {
    av_frame_free(&frame_);
}

std::shared_ptr<VideoFrame> VideoFrame::allocateYuv420(int width, int height) {
    av::FramePtr f = av::makeFrame();
    if (!f)
        throw std::bad_alloc();
    f->format = AV_PIX_FMT_YUV420P;
    f->width = width;
    f->height = height;
    f->color_range = AVCOL_RANGE_MPEG;
    f->colorspace = AVCOL_SPC_BT709;
    f->color_primaries = AVCOL_PRI_BT709;
    f->color_trc = AVCOL_TRC_BT709;
    if (av_frame_get_buffer(f.get(), 32) < 0)
        throw std::bad_alloc();
    for (int y = 0; y < height; ++y)
        std::fill_n(f->data[0] + y * f->linesize[0], width, std::uint8_t{16});
    for (int p = 1; p < 3; ++p)
        for (int y = 0; y < (height + 1) / 2; ++y)
            std::fill_n(f->data[p] + y * f->linesize[p], (width + 1) / 2, std::uint8_t{128});
    return std::make_shared<VideoFrame>(Key{}, f.release());
}

std::shared_ptr<VideoFrame> VideoFrame::adopt(AVFrame* frame) {
    if (!frame)
        throw std::invalid_argument("VideoFrame::adopt: null frame");
    return std::make_shared<VideoFrame>(Key{}, frame);
}

int VideoFrame::width() const {
    return frame_->width;
}
int VideoFrame::height() const {
    return frame_->height;
}
int VideoFrame::pixelFormat() const {
    return frame_->format;
}
std::uint8_t* VideoFrame::data(int plane) {
    return frame_->data[plane];
}
const std::uint8_t* VideoFrame::data(int plane) const {
    return frame_->data[plane];
}
int VideoFrame::stride(int plane) const {
    return frame_->linesize[plane];
}

namespace {
int clamp255(double v) {
    return std::clamp(static_cast<int>(v + 0.5), 0, 255);
}

VideoFrame::Rgb yuvToRgb709(double y, double u, double v) {
    const double yy = (y - 16.0) * 255.0 / 219.0;
    const double uu = (u - 128.0) * 255.0 / 224.0;
    const double vv = (v - 128.0) * 255.0 / 224.0;
    return {clamp255(yy + 1.5748 * vv), clamp255(yy - 0.1873 * uu - 0.4681 * vv), clamp255(yy + 1.8556 * uu)};
}
} // namespace

bool VideoFrame::toBgra(std::uint8_t* dst, int dstStride, int width, int height) const {
    thread_local DisplayConverter scaler;
    return scaler.toBgra(*this, dst, dstStride, width, height);
}

struct DisplayConverter::Context {
    struct Key {
        int srcWidth = 0, srcHeight = 0, format = -1, width = 0, height = 0;
        bool fullRange = false;
        bool operator==(const Key&) const = default;
    };
    av::SwsPtr sws;
    Key key; // what sws was set up for
};

DisplayConverter::DisplayConverter()
    : context_(std::make_unique<Context>()) {}

DisplayConverter::~DisplayConverter() = default;

bool DisplayConverter::toBgra(const VideoFrame& frame, std::uint8_t* dst, int dstStride, int width,
                              int height) {
    const AVFrame* f = frame.avFrame();
    if (!dst || width <= 0 || height <= 0 || f->width <= 0 || f->height <= 0)
        return false;
    const Context::Key key{f->width, f->height, f->format, width, height, f->color_range == AVCOL_RANGE_JPEG};
    if (!context_->sws || !(context_->key == key)) {
        const bool shrinks = width <= f->width && height <= f->height;
        context_->sws.reset(sws_getContext(f->width, f->height, static_cast<AVPixelFormat>(f->format), width,
                                           height, AV_PIX_FMT_BGRA, shrinks ? SWS_AREA : SWS_BILINEAR,
                                           nullptr, nullptr, nullptr));
        if (!context_->sws)
            return false;
        const int* coeffs = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(context_->sws.get(), coeffs, key.fullRange ? 1 : 0, coeffs, 1, 0, 1 << 16,
                                 1 << 16);
        context_->key = key;
    }
    std::uint8_t* planes[4] = {dst, nullptr, nullptr, nullptr};
    int strides[4] = {dstStride, 0, 0, 0};
    return sws_scale(context_->sws.get(), f->data, f->linesize, 0, f->height, planes, strides) == height;
}

VideoFrame::Rgb VideoFrame::rgbAt(int x, int y) const {
    return meanRgb(x, y, 1, 1);
}

VideoFrame::Rgb VideoFrame::meanRgb(int cx, int cy, int w, int h) const {
    if (frame_->format != AV_PIX_FMT_YUV420P)
        throw std::logic_error("VideoFrame::meanRgb needs a YUV420P frame");
    const int x0 = std::clamp(cx - w / 2, 0, width() - 1), x1 = std::clamp(cx - w / 2 + w, x0 + 1, width());
    const int y0 = std::clamp(cy - h / 2, 0, height() - 1), y1 = std::clamp(cy - h / 2 + h, y0 + 1, height());
    double sy = 0, su = 0, sv = 0;
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            sy += frame_->data[0][y * frame_->linesize[0] + x];
            su += frame_->data[1][(y / 2) * frame_->linesize[1] + x / 2];
            sv += frame_->data[2][(y / 2) * frame_->linesize[2] + x / 2];
            ++n;
        }
    return yuvToRgb709(sy / n, su / n, sv / n);
}

} // namespace hntt::engine
