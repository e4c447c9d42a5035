#include "ui/status_colors.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace hntt::ui {

QColor SiteStatusLook::color(const QString& status) {
    if (status == QLatin1String("connected"))
        return QColor(0x3d, 0xd6, 0x6f);
    if (status == QLatin1String("connecting"))
        return QColor(0xf2, 0xc1, 0x2e);
    if (status == QLatin1String("lost"))
        return QColor(0xff, 0x4d, 0x4d);
    return QColor(0x7a, 0x80, 0x88);
}

QIcon SiteStatusLook::icon(const QString& status) {
    static QHash<QString, QIcon> cache;
    if (const auto it = cache.constFind(status); it != cache.constEnd())
        return *it;
    QPixmap dot(14, 14);
    dot.fill(Qt::transparent);
    QPainter p(&dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color(status));
    p.drawEllipse(QRectF(2, 2, 10, 10));
    p.end();
    return cache.insert(status, QIcon(dot)).value();
}

QString SiteStatusLook::text(const QString& status) {
    if (status == QLatin1String("connected"))
        return tr("connected");
    if (status == QLatin1String("connecting"))
        return tr("connecting");
    if (status == QLatin1String("lost"))
        return tr("lost");
    return tr("offline");
}

} // namespace hntt::ui
