#include "compositor.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <utility>

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace hntt::engine {

namespace palette {
Yuv background() {
    static const Yuv c = Yuv::fromRgb(30, 31, 34);
    return c;
}
Yuv bars() {
    return {16, 128, 128};
}
Yuv slate() {
    static const Yuv c = Yuv::fromRgb(42, 56, 74);
    return c;
}
Yuv speaking() {
    static const Yuv c = Yuv::fromRgb(255, 184, 0);
    return c;
}
} // namespace palette

namespace {

Yuv lostText() {
    static const Yuv c = Yuv::fromRgb(255, 76, 76);
    return c;
}
Yuv mutedText() {
    static const Yuv c = Yuv::fromRgb(255, 206, 110);
    return c;
}
Yuv quietText() {
    static const Yuv c = Yuv::fromRgb(176, 186, 200);
    return c;
}
Yuv white() {
    static const Yuv c = Yuv::fromRgb(255, 255, 255);
    return c;
}

int even(double v) {
    return 2 * static_cast<int>(std::lround(v / 2));
}

// Rounds to an even pixel; the small bias makes two computations of the same edge (x + w of one slot,
// x of the next) land on the same side of a tie.
int snapEdge(double v) {
    return 2 * static_cast<int>(std::floor(v / 2 + 0.5 + 1e-6));
}

int swsColorspace(const AVFrame* f) {
    switch (f->colorspace) {
    case AVCOL_SPC_BT709:
        return SWS_CS_ITU709;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
        return SWS_CS_ITU601;
    case AVCOL_SPC_SMPTE240M:
        return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
        return SWS_CS_BT2020;
    default:
        // Unlabelled: what cameras and encoders mean in practice, HD in 709 and SD in 601.
        return f->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }
}

// The luma weights (Kr, Kb) of a swscale colourspace.
std::pair<double, double> lumaWeights(int space) {
    switch (space) {
    case SWS_CS_ITU601:
        return {0.299, 0.114};
    case SWS_CS_SMPTE240M:
        return {0.212, 0.087};
    case SWS_CS_BT2020:
        return {0.2627, 0.0593};
    default:
        return {0.2126, 0.0722};
    }
}

bool fullRange(const AVFrame* f) {
    const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(f->format));
    if (d && (d->flags & AV_PIX_FMT_FLAG_RGB))
        return true;
    switch (f->format) {
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUVJ444P:
    case AV_PIX_FMT_YUVJ440P:
    case AV_PIX_FMT_YUVJ411P:
        return true;
    default:
        return f->color_range == AVCOL_RANGE_JPEG;
    }
}

} // namespace

PixelRect toPixelRect(const Rect& r, int width, int height) {
    const int maxX = width & ~1, maxY = height & ~1;
    const int x0 = std::clamp(snapEdge(r.x * width), 0, maxX);
    const int y0 = std::clamp(snapEdge(r.y * height), 0, maxY);
    const int x1 = std::clamp(snapEdge((r.x + r.w) * width), x0, maxX);
    const int y1 = std::clamp(snapEdge((r.y + r.h) * height), y0, maxY);
    return {x0, y0, x1 - x0, y1 - y0};
}

PixelRect fitRect(PixelRect area, double aspect) {
    if (area.w < 2 || area.h < 2 || !(aspect > 0) || !std::isfinite(aspect))
        return area;
    int w = area.w, h = area.h;
    if (aspect >= static_cast<double>(area.w) / area.h)
        h = std::clamp(even(area.w / aspect), 2, area.h);
    else
        w = std::clamp(even(area.h * aspect), 2, area.w);
    return {area.x + (((area.w - w) / 2) & ~1), area.y + (((area.h - h) / 2) & ~1), w, h};
}

double displayAspect(const VideoFrame& frame) {
    if (frame.width() <= 0 || frame.height() <= 0)
        return 16.0 / 9.0;
    const AVRational sar = frame.avFrame()->sample_aspect_ratio;
    const double pixel = sar.num > 0 && sar.den > 0 ? static_cast<double>(sar.num) / sar.den : 1.0;
    return frame.width() * pixel / frame.height();
}

// ---------------------------------------------------------------------------------------------

FrameScaler::FrameScaler(std::size_t maxContexts)
    : maxContexts_(std::max<std::size_t>(1, maxContexts)) {
    entries_.reserve(maxContexts_);
}

bool FrameScaler::scale(const VideoFrame& src, VideoFrame& canvas, PixelRect dst) {
    if (canvas.pixelFormat() != AV_PIX_FMT_YUV420P)
        throw std::invalid_argument("FrameScaler: the canvas must be YUV420P");
    const AVFrame* f = src.avFrame();
    if (!f || f->width <= 0 || f->height <= 0 || !f->data[0])
        return false;
    if (dst.w < 2 || dst.h < 2 || (dst.x | dst.y | dst.w | dst.h) & 1 || dst.x < 0 || dst.y < 0 ||
        dst.x + dst.w > canvas.width() || dst.y + dst.h > canvas.height())
        return false;

    // An RGB source has no YUV matrix of its own: swscale makes BT.709 of it directly.
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(f->format));
    const bool rgb = desc && (desc->flags & AV_PIX_FMT_FLAG_RGB);
    const Key key{
        f->width, f->height, f->format, rgb ? SWS_CS_ITU709 : swsColorspace(f), fullRange(f) ? 1 : 0,
        dst.w,    dst.h};
    ++clock_;
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
    if (it == entries_.end()) {
        const auto format = static_cast<AVPixelFormat>(f->format);
        if (!sws_isSupportedInput(format))
            return false;
        // Shrinking (every multiview tile, every grid slot) averages areas: as cheap as bilinear
        // and without its aliasing at large factors. Enlarging and same size: bilinear.
        const int method = dst.w < f->width && dst.h < f->height ? SWS_AREA : SWS_BILINEAR;
        av::SwsPtr ctx(sws_getContext(f->width, f->height, format, dst.w, dst.h, AV_PIX_FMT_YUV420P, method,
                                      nullptr, nullptr, nullptr));
        if (!ctx)
            return false;
        // Range as labelled, onto the canvas' limited range. The matrix is converted after the
        // scaling (convertMatrix): swscale converts one YUV matrix to another through an
        // intermediate RGB picture, which more than doubles the cost of every tile.
        sws_setColorspaceDetails(ctx.get(), sws_getCoefficients(SWS_CS_ITU709), key.srcFullRange,
                                 sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);
        std::optional<Matrix> toBt709;
        if (key.srcSpace != SWS_CS_ITU709)
            toBt709 = matrixFrom(key.srcSpace);
        if (entries_.size() >= maxContexts_) {
            auto oldest =
                std::min_element(entries_.begin(), entries_.end(),
                                 [](const Entry& a, const Entry& b) { return a.lastUse < b.lastUse; });
            *oldest = Entry{key, std::move(ctx), clock_, toBt709};
            it = oldest;
        } else {
            entries_.push_back(Entry{key, std::move(ctx), clock_, toBt709});
            it = entries_.end() - 1;
        }
        ++created_;
    }
    it->lastUse = clock_;

    std::uint8_t* const planes[4] = {
        canvas.data(0) + dst.y * canvas.stride(0) + dst.x,
        canvas.data(1) + (dst.y / 2) * canvas.stride(1) + dst.x / 2,
        canvas.data(2) + (dst.y / 2) * canvas.stride(2) + dst.x / 2,
        nullptr,
    };
    const int strides[4] = {canvas.stride(0), canvas.stride(1), canvas.stride(2), 0};

    // swscale's SIMD output writes whole blocks: a row whose width is not a multiple of 8 gets a few
    // extra pixels past its right end. Those belong to the neighbouring tile (or, at the canvas'
    // right edge, to the next row), so they are saved before scaling and put back after.
    const AVFrame* cf = canvas.avFrame();
    tails_.clear();
    for (int p = 0; p < 3; ++p) {
        const int rows = p ? dst.h / 2 : dst.h, width = p ? dst.w / 2 : dst.w;
        const int keep = p ? kChromaOverrun : kLumaOverrun;
        const std::uint8_t* end = nullptr; // the end of the buffer holding the plane
        for (const AVBufferRef* b : cf->buf)
            if (b && planes[p] >= b->data && planes[p] < b->data + b->size)
                end = b->data + b->size;
        for (int r = 0; r < rows; ++r) {
            std::uint8_t* at = planes[p] + static_cast<std::ptrdiff_t>(r) * strides[p] + width;
            // Up to the next destination row's start (which swscale writes itself), or up to the end of
            // the buffer after the last row. Without a known buffer end nothing is saved.
            const std::ptrdiff_t room = r + 1 < rows ? strides[p] - width : (end ? end - at : 0);
            const int n = static_cast<int>(std::min<std::ptrdiff_t>(keep, room));
            if (n > 0) {
                tails_.push_back({at, n});
                saved_.insert(saved_.end(), at, at + n);
            }
        }
    }
    const bool ok = sws_scale(it->context.get(), f->data, f->linesize, 0, f->height, planes, strides) > 0;
    std::size_t offset = 0;
    for (const TailSpan& t : tails_) {
        std::memcpy(t.at, saved_.data() + offset, static_cast<std::size_t>(t.n));
        offset += static_cast<std::size_t>(t.n);
    }
    saved_.clear();
    if (ok && it->toBt709)
        convertMatrix(*it->toBt709, canvas, dst);
    return ok;
}

FrameScaler::Matrix FrameScaler::matrixFrom(int space) {
    // (Y, Pb, Pr) of the source matrix -> R, G, B -> (Y, Pb, Pr) of BT.709, for a unit Pb and a
    // unit Pr: the conversion is linear and leaves grey alone.
    const auto [kr1, kb1] = lumaWeights(space);
    const auto [kr2, kb2] = lumaWeights(SWS_CS_ITU709);
    auto convert = [&](double pb, double pr, double out[3]) {
        const double r = 2 * (1 - kr1) * pr, b = 2 * (1 - kb1) * pb;
        const double g = (-kr1 * r - kb1 * b) / (1 - kr1 - kb1);
        const double y = kr2 * r + (1 - kr2 - kb2) * g + kb2 * b;
        out[0] = y;
        out[1] = (b - y) / (2 * (1 - kb2));
        out[2] = (r - y) / (2 * (1 - kr2));
    };
    double fromPb[3], fromPr[3];
    convert(1, 0, fromPb);
    convert(0, 1, fromPr);
    constexpr double one = 1 << kMatrixBits;
    // Limited range: luma steps are 219/224 of chroma steps.
    const double luma = 219.0 / 224.0 * one;
    return Matrix{
        static_cast<int>(std::lround(fromPb[0] * luma)), static_cast<int>(std::lround(fromPr[0] * luma)),
        static_cast<int>(std::lround(fromPb[1] * one)),  static_cast<int>(std::lround(fromPr[1] * one)),
        static_cast<int>(std::lround(fromPb[2] * one)),  static_cast<int>(std::lround(fromPr[2] * one))};
}

void FrameScaler::convertMatrix(const Matrix& m, VideoFrame& canvas, PixelRect dst) {
    constexpr int half = 1 << (kMatrixBits - 1);
    const int ys = canvas.stride(0), us = canvas.stride(1), vs = canvas.stride(2);
    const int cw = dst.w / 2;
    lumaShift_.resize(static_cast<std::size_t>(dst.w));
    int* const shift = lumaShift_.data();
    // Plain loops over rows, which the compiler vectorises: the chroma pair first (with the luma
    // shift it gives its 2x2 block), then both luma rows.
    for (int j = 0; j < dst.h / 2; ++j) {
        std::uint8_t* u = canvas.data(1) + (dst.y / 2 + j) * us + dst.x / 2;
        std::uint8_t* v = canvas.data(2) + (dst.y / 2 + j) * vs + dst.x / 2;
        for (int i = 0; i < cw; ++i) {
            const int cb = u[i] - 128, cr = v[i] - 128;
            const int dy = (m.yb * cb + m.yr * cr + half) >> kMatrixBits;
            shift[2 * i] = dy;
            shift[2 * i + 1] = dy;
            u[i] = static_cast<std::uint8_t>(
                std::clamp(128 + ((m.bb * cb + m.br * cr + half) >> kMatrixBits), 0, 255));
            v[i] = static_cast<std::uint8_t>(
                std::clamp(128 + ((m.rb * cb + m.rr * cr + half) >> kMatrixBits), 0, 255));
        }
        for (int r = 0; r < 2; ++r) {
            std::uint8_t* y = canvas.data(0) + (dst.y + 2 * j + r) * ys + dst.x;
            for (int k = 0; k < dst.w; ++k)
                y[k] = static_cast<std::uint8_t>(std::clamp(y[k] + shift[k], 0, 255));
        }
    }
}

// ---------------------------------------------------------------------------------------------

Compositor::Compositor(TextRenderer& text, SlateTexts texts)
    : text_(text)
    , texts_(std::move(texts)) {}

void Compositor::compose(const Layout& layout, const Composition& composition,
                         const std::function<TileSource(SiteId)>& lookup, VideoFrame& canvas,
                         const ComposeOptions& options) {
    if (canvas.pixelFormat() != AV_PIX_FMT_YUV420P)
        throw std::invalid_argument("Compositor: the canvas must be YUV420P");
    fillRect(canvas, {0, 0, canvas.width(), canvas.height()}, palette::background());
    const std::size_t n = std::min(layout.rects.size(), composition.sites.size());
    const TileDecor decor{options.labels, options.speakingMarks};
    // In slot order, so later slots (a picture-in-picture inset) lie on top of earlier ones. An empty
    // slot draws nothing: the background, or what an earlier slot put beneath it.
    for (std::size_t i = 0; i < n; ++i) {
        if (!composition.sites[i] || !lookup)
            continue;
        drawTile(lookup(*composition.sites[i]), toPixelRect(layout.rects[i], canvas.width(), canvas.height()),
                 canvas, decor);
    }
}

void Compositor::drawTile(const TileSource& source, PixelRect area, VideoFrame& canvas,
                          const TileDecor& decor) {
    if (area.w < 2 || area.h < 2)
        return;
    const bool picture = source.frame && !source.videoMuted && source.frame->width() > 0;
    bool drawn = false;
    PixelRect pic = area;
    if (picture) {
        pic = fitRect(area, displayAspect(*source.frame));
        // Bars only where the picture does not go: the scaler overwrites the rest.
        fillRect(canvas, {area.x, area.y, area.w, pic.y - area.y}, palette::bars());
        fillRect(canvas, {area.x, pic.y + pic.h, area.w, area.y + area.h - pic.y - pic.h}, palette::bars());
        fillRect(canvas, {area.x, pic.y, pic.x - area.x, pic.h}, palette::bars());
        fillRect(canvas, {pic.x + pic.w, pic.y, area.x + area.w - pic.x - pic.w, pic.h}, palette::bars());
        drawn = scaler_.scale(*source.frame, canvas, pic);
        if (drawn && source.lost) {
            // The last picture, dimmed, with the status over it: the operator sees what was there.
            blendRect(canvas, pic, palette::bars(), 150);
            TextStyle st;
            st.pixelHeight = std::clamp(static_cast<int>(area.h * 0.1), 12, 56);
            st.color = lostText();
            st.box = true;
            st.boxAlpha = 190;
            st.maxWidth = area.w - 8;
            const TextExtent e = text_.measure(texts_.signalLost, st);
            text_.draw(canvas, area.x + (area.w - e.width) / 2, area.y + (area.h - e.height) / 2,
                       texts_.signalLost, st);
        }
    }
    if (!drawn) {
        const std::string_view name = decor.slateName ? std::string_view(source.name) : std::string_view();
        if (source.videoMuted)
            drawSlate(area, name, texts_.videoMuted, mutedText(), canvas);
        else if (source.lost)
            drawSlate(area, name, texts_.signalLost, lostText(), canvas);
        else
            drawSlate(area, name, texts_.noPicture, quietText(), canvas);
    } else if (decor.label && !source.name.empty()) {
        TextStyle st;
        st.pixelHeight = std::clamp(static_cast<int>(std::lround(area.h * 0.065)), 12, 36);
        st.color = white();
        st.box = true;
        st.boxAlpha = 170;
        st.padding = std::max(2, st.pixelHeight / 4);
        // On the picture itself, not on its bars: where a name super sits on a broadcast picture.
        const int margin = std::max(2, st.pixelHeight * 3 / 5);
        st.maxWidth = pic.w - 2 * margin;
        const TextExtent e = text_.measure(source.name, st);
        text_.draw(canvas, pic.x + margin, pic.y + pic.h - margin - e.height, source.name, st);
    }
    if (decor.speakingMark && source.speaking)
        strokeRect(canvas, area, std::max(2, (area.h / 90) & ~1), palette::speaking());
}

void Compositor::drawSlate(PixelRect area, std::string_view name, std::string_view status, Yuv statusColor,
                           VideoFrame& canvas) {
    fillRect(canvas, area, palette::slate());
    const int maxWidth = area.w * 9 / 10;
    TextStyle nameStyle;
    nameStyle.pixelHeight = std::clamp(static_cast<int>(area.h * 0.11), 12, 72);
    nameStyle.color = white();
    nameStyle.maxWidth = maxWidth;
    TextStyle statusStyle;
    // Alone (the name shown elsewhere, as on the multiview), the status takes the name's size.
    statusStyle.pixelHeight =
        name.empty() ? nameStyle.pixelHeight : std::max(10, nameStyle.pixelHeight * 3 / 5);
    statusStyle.color = statusColor;
    statusStyle.maxWidth = maxWidth;
    const TextExtent ne = name.empty() ? TextExtent{} : text_.measure(name, nameStyle);
    const TextExtent se = status.empty() ? TextExtent{} : text_.measure(status, statusStyle);
    const int gap = se.height > 0 && ne.height > 0 ? nameStyle.pixelHeight / 4 : 0;
    const int top = area.y + (area.h - ne.height - gap - se.height) / 2;
    if (ne.height > 0)
        text_.draw(canvas, area.x + (area.w - ne.width) / 2, top, name, nameStyle);
    if (se.height > 0)
        text_.draw(canvas, area.x + (area.w - se.width) / 2, top + ne.height + gap, status, statusStyle);
}

} // namespace hntt::engine
