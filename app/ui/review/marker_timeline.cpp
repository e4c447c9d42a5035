#include "ui/review/marker_timeline.h"

#include "core/engine_reason.h"
#include "ui/review/review_text.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStringList>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace hntt::ui {

namespace {

constexpr int kTickHalfWidth = 1; // ticks are 3 px wide
constexpr int kNearPx = 4;
constexpr int kGroupPx = 3;       // markers closer than this share one tick
constexpr int kTooltipLines = 15; // a group's tooltip lists this many, then how many more

} // namespace

MarkerTimeline::MarkerTimeline(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Timeline with markers"));
}

QSize MarkerTimeline::sizeHint() const {
    return {600, 44};
}

QSize MarkerTimeline::minimumSizeHint() const {
    return {120, 44};
}

void MarkerTimeline::setDuration(qint64 ms) {
    durationMs_ = std::max<qint64>(ms, 0);
    update();
}

void MarkerTimeline::setPosition(qint64 ms) {
    if (ms == positionMs_)
        return;
    positionMs_ = ms;
    update();
}

void MarkerTimeline::setMarkers(QList<core::MarkerRecord> markers, QHash<qint64, QString> siteNames) {
    markers_ = std::move(markers);
    // By time, once: the groups are made on every repaint (the play head moves many times a second).
    std::stable_sort(
        markers_.begin(), markers_.end(),
        [](const core::MarkerRecord& a, const core::MarkerRecord& b) { return a.offsetS < b.offsetS; });
    siteNames_ = std::move(siteNames);
    update();
}

void MarkerTimeline::setRange(std::optional<qint64> inMs, std::optional<qint64> outMs) {
    inMs_ = inMs;
    outMs_ = outMs;
    update();
}

int MarkerTimeline::xForTime(qint64 ms) const {
    const int span = std::max(width() - 2 * kMargin - 1, 1);
    if (durationMs_ <= 0)
        return kMargin;
    const double f = std::clamp(double(ms) / double(durationMs_), 0.0, 1.0);
    return kMargin + int(std::lround(f * span));
}

qint64 MarkerTimeline::timeForX(int x) const {
    const int span = std::max(width() - 2 * kMargin - 1, 1);
    const double f = std::clamp(double(x - kMargin) / span, 0.0, 1.0);
    return std::llround(f * double(durationMs_));
}

std::optional<core::MarkerRecord> MarkerTimeline::markerNear(int x) const {
    std::optional<core::MarkerRecord> best;
    int bestDistance = kNearPx + 1;
    for (const core::MarkerRecord& m : markers_) {
        const int d = std::abs(xForTime(std::llround(m.offsetS * 1000)) - x);
        if (d < bestDistance) {
            bestDistance = d;
            best = m;
        }
    }
    return best;
}

QList<MarkerTimeline::Group> MarkerTimeline::groups() const {
    QList<Group> out;
    for (const core::MarkerRecord& m : markers_) {
        const int x = xForTime(std::llround(m.offsetS * 1000));
        if (!out.isEmpty() && x - out.last().x <= kGroupPx)
            out.last().markers.append(m);
        else
            out.append(Group{x, {m}});
    }
    return out;
}

QList<core::MarkerRecord> MarkerTimeline::groupNear(int x) const {
    const QList<Group> all = groups();
    const Group* best = nullptr;
    int bestDistance = kNearPx + 1;
    for (const Group& g : all)
        if (const int d = std::abs(g.x - x); d < bestDistance) {
            bestDistance = d;
            best = &g;
        }
    return best ? best->markers : QList<core::MarkerRecord>{};
}

QString MarkerTimeline::tooltipFor(const core::MarkerRecord& m) const {
    QString text = ReviewText::clock(std::llround(m.offsetS * 1000)) + QStringLiteral("  ") +
                   ReviewText::markerKind(m.kind);
    QString who;
    if (m.siteId)
        who = siteNames_.value(*m.siteId, tr("Site %1").arg(*m.siteId));
    if (!who.isEmpty())
        text += QStringLiteral(": ") + who;
    if (!m.text.isEmpty() && m.text != who)
        text += QStringLiteral(" — ") +
                (m.kind == core::MarkerKind::Leave ? core::EngineReason::text(m.text) : m.text);
    return text;
}

bool MarkerTimeline::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        if (const QList<core::MarkerRecord> group = groupNear(help->pos().x()); !group.isEmpty()) {
            QStringList lines;
            for (qsizetype i = 0; i < group.size() && i < kTooltipLines; ++i)
                lines << tooltipFor(group[i]);
            if (group.size() > kTooltipLines)
                lines << tr("…and %n more", nullptr, int(group.size() - kTooltipLines));
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
        } else
            QToolTip::showText(help->globalPos(), ReviewText::clock(timeForX(help->pos().x())), this);
        return true;
    }
    return QWidget::event(event);
}

void MarkerTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRect r = rect();
    p.fillRect(r, QColor(0x14, 0x16, 0x1a));
    const int top = 4, bottom = r.height() - 5;
    // The groove along the bottom, the clip's range over it.
    p.fillRect(QRect(QPoint(kMargin, bottom - 2), QPoint(r.width() - kMargin - 1, bottom)),
               QColor(0x3a, 0x3f, 0x47));
    if (inMs_ || outMs_) {
        const int x0 = xForTime(inMs_.value_or(0));
        const int x1 = xForTime(outMs_.value_or(durationMs_));
        p.fillRect(QRect(QPoint(x0, top), QPoint(x1, bottom)), QColor(0x2f, 0x81, 0xf7, 60));
        p.fillRect(QRect(QPoint(x0, bottom - 2), QPoint(x1, bottom)), QColor(0x2f, 0x81, 0xf7));
    }
    if (durationMs_ > 0) {
        // Ticks from the top down to the groove, each kind in its colour; a group's tick is wider,
        // in its first marker's colour, with the count over it.
        QFont small = font();
        small.setPixelSize(9);
        p.setFont(small);
        for (const Group& g : groups()) {
            const int half = g.markers.size() > 1 ? kTickHalfWidth + 1 : kTickHalfWidth;
            const int tickTop = g.markers.size() > 1 ? top + 10 : top;
            p.fillRect(QRect(QPoint(g.x - half, tickTop), QPoint(g.x + half, bottom - 4)),
                       ReviewText::markerColour(g.markers.first().kind));
            if (g.markers.size() > 1) {
                p.setPen(QColor(0xe0, 0xe4, 0xea));
                p.drawText(QRect(g.x - 12, 0, 24, 12), Qt::AlignCenter, QString::number(g.markers.size()));
            }
        }
        // The play head.
        const int x = xForTime(positionMs_);
        p.fillRect(QRect(QPoint(x, 0), QPoint(x, r.height() - 1)), Qt::white);
        QPolygon head;
        head << QPoint(x - 4, 0) << QPoint(x + 4, 0) << QPoint(x, 5);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawPolygon(head);
    }
    p.setPen(QColor(0x3a, 0x3f, 0x47));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(0, 0, -1, -1));
}

void MarkerTimeline::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && durationMs_ > 0)
        Q_EMIT seekRequested(timeForX(event->position().toPoint().x()));
}

void MarkerTimeline::mouseMoveEvent(QMouseEvent* event) {
    if ((event->buttons() & Qt::LeftButton) && durationMs_ > 0)
        Q_EMIT seekRequested(timeForX(event->position().toPoint().x()));
}

} // namespace hntt::ui
