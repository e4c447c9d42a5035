#include "ui/panels/meter_widget.h"

#include "ui/panels/panel_style.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace hntt::ui {

namespace {

constexpr int kScaleWidth = 22; // the tick labels left of the bar
constexpr int kBarWidth = 12;
constexpr double kScaleMarks[] = {0, -6, -12, -18, -24, -30, -40, -50, -60};

double clampDb(double db) {
    return std::isfinite(db) ? std::clamp(db, MeterWidget::kFloorDb, 0.0) : MeterWidget::kFloorDb;
}

QColor zoneColour(double db) {
    return db >= MeterWidget::kRedDb     ? style::kRed
           : db >= MeterWidget::kAmberDb ? style::kAmber
                                         : style::kGreen;
}

} // namespace

MeterWidget::MeterWidget(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("meter"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    heldSince_.start();
}

void MeterWidget::setLevels(double rmsDbfs, double peakDbfs) {
    rms_ = clampDb(rmsDbfs);
    peak_ = clampDb(peakDbfs);
    if (peak_ >= held_ || heldSince_.elapsed() > kPeakHoldMs) {
        held_ = peak_;
        heldSince_.start();
    }
    update();
}

void MeterWidget::setDimmed(bool dimmed) {
    if (dimmed_ == dimmed)
        return;
    dimmed_ = dimmed;
    update();
}

QSize MeterWidget::sizeHint() const {
    return {kScaleWidth + kBarWidth + 6, 220};
}

QSize MeterWidget::minimumSizeHint() const {
    return {kScaleWidth + kBarWidth + 6, 64};
}

void MeterWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const int top = 6, bottom = height() - 6;
    const int barX = kScaleWidth + 3;
    auto yOf = [&](double db) {
        return top + static_cast<int>(std::lround((0 - db) / (0 - kFloorDb) * (bottom - top)));
    };

    // Scale.
    QFont f = font();
    f.setPointSizeF(std::max(6.5, f.pointSizeF() * 0.7));
    p.setFont(f);
    p.setPen(style::kGrey);
    // A short meter labels fewer marks: a label is drawn only clear of the last one drawn.
    const int labelHeight = QFontMetrics(f).height();
    int lastLabel = -labelHeight;
    for (double mark : kScaleMarks) {
        const int y = yOf(mark);
        p.drawLine(kScaleWidth - 3, y, kScaleWidth, y);
        if (y - lastLabel < labelHeight)
            continue;
        lastLabel = y;
        p.drawText(QRect(0, y - labelHeight / 2, kScaleWidth - 4, labelHeight),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(static_cast<int>(mark)));
    }

    // The zones, unlit, then lit up to the peak.
    const QRect bar(barX, top, kBarWidth, bottom - top);
    p.fillRect(bar, QColor(0x0d, 0x0f, 0x12));
    const struct {
        double from, to;
        QColor colour;
    } zones[] = {
        {kFloorDb, kAmberDb, style::kGreen}, {kAmberDb, kRedDb, style::kAmber}, {kRedDb, 0, style::kRed}};
    for (const auto& z : zones) {
        QColor unlit = z.colour;
        unlit.setAlpha(40);
        p.fillRect(QRect(barX, yOf(z.to), kBarWidth, yOf(z.from) - yOf(z.to)), unlit);
        if (peak_ > z.from) {
            QColor lit = z.colour;
            if (dimmed_)
                lit.setAlpha(90);
            const double upTo = std::min(peak_, z.to);
            p.fillRect(QRect(barX, yOf(upTo), kBarWidth, yOf(z.from) - yOf(upTo)), lit);
        }
    }
    // The average level as a notch, the held peak as a line across the bar.
    if (rms_ > kFloorDb) {
        p.setPen(QPen(style::kText, 2));
        p.drawLine(barX - 3, yOf(rms_), barX, yOf(rms_));
    }
    if (held_ > kFloorDb) {
        p.setPen(QPen(zoneColour(held_), 2));
        p.drawLine(barX, yOf(held_), barX + kBarWidth - 1, yOf(held_));
    }
}

} // namespace hntt::ui
