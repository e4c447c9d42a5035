// One monitor's supply of pictures: converted to the monitor's size with its own scaler, and
// only when the engine has a new picture or the size changed, so a monitor polling faster than
// its picture changes (preview, the multiview) converts nothing in between.
#pragma once

#include "hntt/engine/video_frame.h"

#include <QImage>
#include <QSize>
#include <functional>
#include <optional>

namespace hntt::core {

class PictureFeed {
public:
    using Source = std::function<engine::VideoFramePtr()>;
    explicit PictureFeed(Source source);

    // The picture at `size` when it differs from the last one given; nullopt when nothing
    // changed or there is no picture yet.
    std::optional<QImage> next(const QSize& size);
    // How many pictures were converted (for tests and measurements).
    quint64 conversions() const { return conversions_; }

private:
    Source source_;
    engine::DisplayConverter scaler_;
    engine::VideoFramePtr last_; // held, so a new picture never reuses its address
    QSize lastSize_;
    quint64 conversions_ = 0;
};

} // namespace hntt::core
