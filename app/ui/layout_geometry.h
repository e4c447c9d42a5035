// Layout shapes for the UI, read from the core's layout list: where each slot of a layout lies as
// fractions of the canvas, and which slot a point falls in.
#pragma once

#include "core/session/session.h"

#include <QList>
#include <QPointF>
#include <QRectF>

namespace hntt::ui {

inline QList<QRectF> layoutRects(const core::Session& session, const QString& name) {
    for (const QJsonValue& v : session.layoutsJson()) {
        const QJsonObject l = v.toObject();
        if (l.value(QStringLiteral("name")).toString() != name)
            continue;
        QList<QRectF> rects;
        for (const QJsonValue& s : l.value(QStringLiteral("slots")).toArray()) {
            const QJsonObject r = s.toObject();
            rects << QRectF(r.value(QStringLiteral("x")).toDouble(), r.value(QStringLiteral("y")).toDouble(),
                            r.value(QStringLiteral("w")).toDouble(), r.value(QStringLiteral("h")).toDouble());
        }
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
