#include "ui/review/review_text.h"

#include <cmath>

namespace hntt::ui {

QString ReviewText::clock(qint64 ms, bool withMs) {
    ms = std::max<qint64>(ms, 0);
    QString text = QStringLiteral("%1:%2:%3")
                       .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
                       .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
                       .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'));
    if (withMs)
        text += QStringLiteral(".%1").arg(ms % 1000, 3, 10, QLatin1Char('0'));
    return text;
}

QString ReviewText::duration(double seconds) {
    const qint64 s = std::llround(std::max(0.0, seconds));
    if (s >= 3600)
        return tr("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 s").arg(s);
}

QString ReviewText::markerKind(core::MarkerKind kind) {
    switch (kind) {
    case core::MarkerKind::Speaker:
        return tr("Speaker");
    case core::MarkerKind::Floor:
        return tr("Floor given");
    case core::MarkerKind::Mute:
        return tr("Muted");
    case core::MarkerKind::Unmute:
        return tr("Unmuted");
    case core::MarkerKind::Join:
        return tr("Joined");
    case core::MarkerKind::Leave:
        return tr("Left");
    case core::MarkerKind::Note:
        return tr("Note");
    case core::MarkerKind::Take:
        return tr("Take");
    }
    return {};
}

QColor ReviewText::markerColour(core::MarkerKind kind) {
    switch (kind) {
    case core::MarkerKind::Speaker:
        return QColor(0x3f, 0xd0, 0x6a); // green: someone talks
    case core::MarkerKind::Floor:
        return QColor(0x2f, 0x81, 0xf7); // the theme's accent blue
    case core::MarkerKind::Mute:
        return QColor(0xf0, 0x4a, 0x4a);
    case core::MarkerKind::Unmute:
        return QColor(0xf0, 0xa0, 0x40);
    case core::MarkerKind::Join:
        return QColor(0x3a, 0xc8, 0xd8);
    case core::MarkerKind::Leave:
        return QColor(0x9a, 0x7a, 0xd8);
    case core::MarkerKind::Note:
        return QColor(0xf2, 0xd0, 0x3a);
    case core::MarkerKind::Take:
        return QColor(0xe8, 0xe8, 0xe8); // white-grey: the picture changed
    }
    return Qt::white;
}

} // namespace hntt::ui
