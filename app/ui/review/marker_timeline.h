// The review timeline: the recording's length left to right, a tick for every marker of the event
// log in its kind's colour (tooltip: time, kind, site, text), the clip's in/out range and the play
// head. Markers too close to tell apart (eleven mutes in one second) are one tick with their count
// over it, and the tooltip lists them all. A click or drag asks to seek there.
#pragma once

#include "core/store/recording_catalogue.h"

#include <QHash>
#include <QList>
#include <QWidget>
#include <optional>

namespace hntt::ui {

class MarkerTimeline : public QWidget {
    Q_OBJECT

public:
    explicit MarkerTimeline(QWidget* parent = nullptr);

    void setDuration(qint64 ms);
    qint64 duration() const { return durationMs_; }
    void setPosition(qint64 ms);
    qint64 position() const { return positionMs_; }
    // siteNames: names for the markers' site ids, for the tooltips.
    void setMarkers(QList<core::MarkerRecord> markers, QHash<qint64, QString> siteNames = {});
    const QList<core::MarkerRecord>& markers() const { return markers_; } // by time
    void setRange(std::optional<qint64> inMs, std::optional<qint64> outMs);

    // Where a time is drawn, and the time under an x (both clamped to the recording).
    int xForTime(qint64 ms) const;
    qint64 timeForX(int x) const;
    // The marker drawn nearest to x within a few pixels, if any.
    std::optional<core::MarkerRecord> markerNear(int x) const;
    // The markers drawn as one tick at the tick nearest to x (within a few pixels), by time.
    QList<core::MarkerRecord> groupNear(int x) const;
    // The ticks as drawn: each group's x and its markers, left to right.
    struct Group {
        int x = 0;
        QList<core::MarkerRecord> markers;
    };
    QList<Group> groups() const;
    QString tooltipFor(const core::MarkerRecord& marker) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int kMargin = 8; // left and right, so that ticks at the ends stay visible

Q_SIGNALS:
    void seekRequested(qint64 ms);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    qint64 durationMs_ = 0;
    qint64 positionMs_ = 0;
    std::optional<qint64> inMs_;
    std::optional<qint64> outMs_;
    QList<core::MarkerRecord> markers_;
    QHash<qint64, QString> siteNames_;
};

} // namespace hntt::ui
