#include "ui/clock_status.h"

#include <QStringList>
#include <algorithm>

namespace hntt::ui {

ClockStatus::ClockStatus(QWidget* parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("clockStatus"));
}

void ClockStatus::report(const engine::ClockStats& clock, int fps) {
    watch_.feed(clock);
    setText(tr("Clock: %1 late, %2 skipped")
                .arg(static_cast<qulonglong>(clock.lateTicks))
                .arg(static_cast<qulonglong>(clock.skippedTicks)));
    switch (watch_.health()) {
    case Health::OnTime:
        setStyleSheet(QString());
        break;
    case Health::Strained:
        setStyleSheet(
            QStringLiteral("color: #1a1a1a; background: #e3a008; font-weight: 700; padding: 0 6px;"));
        break;
    case Health::Behind:
        setStyleSheet(QStringLiteral("color: white; background: #c62828; font-weight: 800; padding: 0 6px;"));
        break;
    }
    setToolTip(detail(clock, fps));
}

QString ClockStatus::detail(const engine::ClockStats& clock, int fps) const {
    const core::ClockWatchdog::Counters recent = watch_.recent();
    constexpr int kWindowSeconds = core::ClockWatchdog::kWindowSeconds;
    static const char* const phases[engine::kClockPhaseCount] = {
        QT_TR_NOOP("Sources"),
        QT_TR_NOOP("Audio mix"),
        QT_TR_NOOP("Return feeds and tracks"),
        QT_TR_NOOP("Program and preview"),
        QT_TR_NOOP("Multiview"),
        QT_TR_NOOP("Encoder hand-off"),
    };
    const double budgetMs = 1000.0 / std::max(1, fps);
    QStringList lines;
    switch (watch_.health()) {
    case Health::OnTime:
        lines << tr("The program keeps time: no tick skipped in the last %1 s.").arg(kWindowSeconds);
        break;
    case Health::Strained:
        lines << tr("The program is under strain: %1 late and %2 skipped ticks in the last %3 s; now and "
                    "then a "
                    "picture is shown twice. The sound stays whole.")
                     .arg(static_cast<qulonglong>(recent.late))
                     .arg(static_cast<qulonglong>(recent.skipped))
                     .arg(kWindowSeconds);
        break;
    case Health::Behind:
        // The alarm's own words: one judgement, one sentence of advice.
        lines << tr("The program is not keeping time: %1").arg(watch_.problem());
        break;
    }
    lines << tr("Late: ticks that started after their time. Skipped: ticks passed over to catch up.")
          << QString()
          << tr("Program clock over the last second, a tick every %1 ms:").arg(budgetMs, 0, 'f', 0)
          << tr("Whole tick: %1 ms on average, at most %2 ms")
                 .arg(clock.tick.meanMs, 0, 'f', 1)
                 .arg(clock.tick.maxMs, 0, 'f', 1);
    for (std::size_t p = 0; p < engine::kClockPhaseCount; ++p)
        lines << tr("%1: %2 ms on average, at most %3 ms")
                     .arg(tr(phases[p]))
                     .arg(clock.phases[p].meanMs, 0, 'f', 1)
                     .arg(clock.phases[p].maxMs, 0, 'f', 1);
    return lines.join(QLatin1Char('\n'));
}

} // namespace hntt::ui
