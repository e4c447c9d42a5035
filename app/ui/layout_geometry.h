// Layout shapes for the UI, read from the core's layout list: where each slot of a layout lies as
// fractions of the canvas, and which slot a point falls in.
#pragma once

#include "core/session/session.h"

#include <QList>
#include <QPointF>
#include <QRectF>

namespace hntt::ui {

inline QList<QRectF> layoutRects(const core::Session& session, const QString& name) {
    for (const engine::Layout& l : session.layouts()) {
        if (QString::fromStdString(l.name) != name)
            continue;
        QList<QRectF> rects;
        for (const engine::Rect& r : l.rects)
            rects << QRectF(r.x, r.y, r.w, r.h);
        return rects;
    }
    return {};
}

// The topmost slot under `at` (later slots are drawn over earlier ones, e.g. a picture-in-picture),
// or -1.
inline int slotAt(const QList<QRectF>& rects, QPointF at) {
    for (int i = int(rects.size()) - 1; i >= 0; --i)
        if (rects[i].contains(at))
            return i;
    return -1;
}

} // namespace hntt::ui
