#include "core/session/picture_feed.h"

namespace hntt::core {

PictureFeed::PictureFeed(Source source)
    : source_(std::move(source)) {}

std::optional<QImage> PictureFeed::next(const QSize& size) {
    engine::VideoFramePtr frame = source_();
    if (!frame || size.isEmpty() || (frame == last_ && size == lastSize_))
        return std::nullopt;
    QImage image(size, QImage::Format_RGB32);
    if (!scaler_.toBgra(*frame, image.bits(), static_cast<int>(image.bytesPerLine()), size.width(),
                        size.height()))
        return std::nullopt;
    last_ = std::move(frame);
    lastSize_ = size;
    ++conversions_;
    return image;
}

} // namespace hntt::core
