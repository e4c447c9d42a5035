#include "ui/picture_view.h"

#include "ui/site_drag.h"

#include <QApplication>
#include <QDrag>
#include <QMouseEvent>
#include <QPainter>

namespace hntt::ui {

PictureView::PictureView(core::Session& session, core::Session::Picture which, QWidget* parent)
    : QWidget(parent)
    , session_(session)
    , which_(which)
    , feed_(session.pictureFeed(which)) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(192, 108);
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
    if (!isVisible())
        return; // a hidden monitor costs nothing
    if (std::optional<QImage> next = feed_->next(pictureRect().size())) {
        image_ = std::move(*next);
        update(pictureRect()); // the letterbox and overlays stay as painted
    }
}

void PictureView::setAcceptSiteDrops(bool on) {
    setAcceptDrops(on);
}

void PictureView::setOverlay(QList<Overlay> overlay) {
    overlay_ = std::move(overlay);
    update();
}

void PictureView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(0x0b, 0x0c, 0x0e));
    const QRect r = pictureRect();
    if (!image_.isNull())
        p.drawImage(r, image_);
    if (overlay_.isEmpty())
        return;
    // Slot outlines: the one a dragged site would land in is highlighted.
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    for (const Overlay& o : overlay_) {
        const QRectF area(r.x() + o.rect.x() * r.width(), r.y() + o.rect.y() * r.height(),
                          o.rect.width() * r.width(), o.rect.height() * r.height());
        const bool target = dragAt_ && o.rect.contains(*dragAt_);
        if (target)
            p.fillRect(area, QColor(0x2f, 0x81, 0xf7, 90));
        p.setPen(QPen(target ? QColor(0x2f, 0x81, 0xf7) : QColor(255, 255, 255, 70), target ? 3 : 1));
        p.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5));
        if (!o.caption.isEmpty()) {
            const QRectF label = area.adjusted(4, 2, -4, -2);
            p.setPen(QColor(255, 255, 255, 200));
            p.drawText(label, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                       p.fontMetrics().elidedText(o.caption, Qt::ElideRight, int(label.width())));
        }
    }
}

QPointF PictureView::fractionAt(const QPoint& pos) const {
    const QRect r = pictureRect();
    return {double(pos.x() - r.x()) / r.width(), double(pos.y() - r.y()) / r.height()};
}

std::optional<qint64> PictureView::siteAt(const QPoint& pos) const {
    if (which_ != core::Session::Picture::Multiview || !pictureRect().contains(pos))
        return std::nullopt;
    const QPointF f = fractionAt(pos);
    return session_.multiviewSiteAt(f.x(), f.y());
}

void PictureView::mousePressEvent(QMouseEvent* event) {
    pressPos_ = event->position().toPoint();
    pressSite_ = siteAt(pressPos_);
    if (pressSite_ && event->button() == Qt::LeftButton)
        Q_EMIT siteClicked(*pressSite_);
}

void PictureView::mouseMoveEvent(QMouseEvent* event) {
    if (!pressSite_ || !(event->buttons() & Qt::LeftButton) ||
        (event->position().toPoint() - pressPos_).manhattanLength() < QApplication::startDragDistance())
        return;
    // A tile dragged out of the multiview: drop it on a preview slot.
    auto* drag = new QDrag(this); // owned by Qt, deleted after exec
    drag->setMimeData(siteMimeData(*pressSite_).release());
    pressSite_.reset();
    drag->exec(Qt::CopyAction);
}

void PictureView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (const auto id = siteAt(event->position().toPoint()))
        Q_EMIT siteDoubleClicked(*id);
}

void PictureView::dragEnterEvent(QDragEnterEvent* event) {
    if (siteFromMime(event->mimeData()))
        event->acceptProposedAction();
}

void PictureView::dragMoveEvent(QDragMoveEvent* event) {
    if (!siteFromMime(event->mimeData()))
        return;
    event->acceptProposedAction();
    dragAt_ = fractionAt(event->position().toPoint());
    update();
}

void PictureView::dragLeaveEvent(QDragLeaveEvent*) {
    dragAt_.reset();
    update();
}

void PictureView::dropEvent(QDropEvent* event) {
    dragAt_.reset();
    update();
    if (const auto id = siteFromMime(event->mimeData())) {
        event->acceptProposedAction();
        Q_EMIT siteDropped(*id, fractionAt(event->position().toPoint()));
    }
}

} // namespace hntt::ui
