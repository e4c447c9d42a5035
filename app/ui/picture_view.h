// A monitor: shows one of the engine's pictures (multiview, program, preview) through the core,
// refreshed on a timer, letterboxed to keep its aspect. Clicks report the site under the cursor.
#pragma once

#include "core/session/session.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

namespace hntt::ui {

class PictureView : public QWidget {
    Q_OBJECT

public:
    PictureView(core::Session& session, core::Session::Picture which, QWidget* parent = nullptr);

    QRect pictureRect() const; // where the picture is drawn, in widget coordinates
    const QImage& lastImage() const { return image_; }
    void refresh();

Q_SIGNALS:
    void siteClicked(qint64 siteId);
    void siteDoubleClicked(qint64 siteId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    std::optional<qint64> siteAt(const QPoint& p) const;

    core::Session& session_;
    core::Session::Picture which_;
    QImage image_;
    QTimer timer_;
};

} // namespace hntt::ui
