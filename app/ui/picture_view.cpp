#include "ui/picture_view.h"

#include <QMouseEvent>
#include <QPainter>

namespace hntt::ui {

PictureView::PictureView(core::Session& session, core::Session::Picture which, QWidget* parent)
    : QWidget(parent)
    , session_(session)
    , which_(which) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 180);
    connect(&timer_, &QTimer::timeout, this, &PictureView::refresh);
    timer_.start(which == core::Session::Picture::Multiview ? 80 : 40);
}

QRect PictureView::pictureRect() const {
    const QSize canvas(16, 9);
    QSize s = canvas.scaled(size(), Qt::KeepAspectRatio);
    s.setWidth(s.width() & ~1);
    s.setHeight(s.height() & ~1);
    return QRect(QPoint((width() - s.width()) / 2, (height() - s.height()) / 2), s);
}

void PictureView::refresh() {
    const QRect r = pictureRect();
    QImage next = session_.picture(which_, r.size());
    if (!next.isNull()) {
        image_ = std::move(next);
        update();
    }
}

void PictureView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(0x0b, 0x0c, 0x0e));
    if (!image_.isNull())
        p.drawImage(pictureRect(), image_);
}

std::optional<qint64> PictureView::siteAt(const QPoint& pos) const {
    if (which_ != core::Session::Picture::Multiview)
        return std::nullopt;
    const QRect r = pictureRect();
    if (!r.contains(pos))
        return std::nullopt;
    return session_.multiviewSiteAt(double(pos.x() - r.x()) / r.width(),
                                    double(pos.y() - r.y()) / r.height());
}

void PictureView::mousePressEvent(QMouseEvent* event) {
    if (const auto id = siteAt(event->position().toPoint()))
        Q_EMIT siteClicked(*id);
}

void PictureView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (const auto id = siteAt(event->position().toPoint()))
        Q_EMIT siteDoubleClicked(*id);
}

} // namespace hntt::ui
