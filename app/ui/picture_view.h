// A monitor: shows one of the engine's pictures (multiview, program, preview) through the core,
// refreshed on a timer, letterboxed to keep its aspect. On the multiview, clicks report the site
// under the cursor and a site can be dragged out; a monitor may accept dropped sites.
#pragma once

#include "core/session/session.h"

#include <QImage>
#include <QPointF>
#include <QTimer>
#include <QWidget>

namespace hntt::ui {

class PictureView : public QWidget {
    Q_OBJECT

public:
    PictureView(core::Session& session, core::Session::Picture which, QWidget* parent = nullptr);

    QRect pictureRect() const; // where the picture is drawn, in widget coordinates
    const QImage& lastImage() const { return image_; }
    quint64 conversions() const { return feed_->conversions(); }
    void refresh();
    // Lets sites dragged from other panels be dropped here (siteDropped reports where).
    void setAcceptSiteDrops(bool on);
    // Slot outlines with captions drawn over the picture (fractions of it), e.g. preview's layout.
    struct Overlay {
        QRectF rect;
        QString caption;
    };
    void setOverlay(QList<Overlay> overlay);

Q_SIGNALS:
    void siteClicked(qint64 siteId);
    void siteDoubleClicked(qint64 siteId);
    // x and y as fractions of the picture (0..1).
    void siteDropped(qint64 siteId, QPointF at);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    std::optional<qint64> siteAt(const QPoint& p) const;
    QPointF fractionAt(const QPoint& p) const;

    core::Session& session_;
    core::Session::Picture which_;
    std::unique_ptr<core::PictureFeed> feed_;
    QImage image_;
    QTimer timer_;
    QPoint pressPos_;
    std::optional<qint64> pressSite_;
    QList<Overlay> overlay_;
    std::optional<QPointF> dragAt_; // a site is being dragged over us, there
};

} // namespace hntt::ui
