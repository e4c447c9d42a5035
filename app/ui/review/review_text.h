// How the review windows write times, sizes and marker kinds for the operator.
#pragma once

#include "core/store/recording_catalogue.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace hntt::ui {

class ReviewText {
    Q_DECLARE_TR_FUNCTIONS(ReviewText)

public:
    // "01:02:03" (withMs: "01:02:03.040").
    static QString clock(qint64 ms, bool withMs = false);
    // "1 h 02 min", "12 min 05 s", "8 s".
    static QString duration(double seconds);
    // "Speaker", "Floor", … translated.
    static QString markerKind(core::MarkerKind kind);
    // The colour a marker of that kind is drawn in on the timeline.
    static QColor markerColour(core::MarkerKind kind);
};

} // namespace hntt::ui
