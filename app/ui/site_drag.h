// Sites are dragged between panels (tree, multiview) and dropped on preview slots as this MIME type.
#pragma once

#include <QByteArray>
#include <QMimeData>
#include <QString>
#include <memory>
#include <optional>

namespace hntt::ui {

inline const QString& siteMimeType() {
    static const QString type = QStringLiteral("application/x-hntt-site-id");
    return type;
}

inline std::unique_ptr<QMimeData> siteMimeData(qint64 siteId) {
    auto mime = std::make_unique<QMimeData>();
    mime->setData(siteMimeType(), QByteArray::number(siteId));
    return mime;
}

inline std::optional<qint64> siteFromMime(const QMimeData* mime) {
    if (!mime || !mime->hasFormat(siteMimeType()))
        return std::nullopt;
    bool ok = false;
    const qint64 id = mime->data(siteMimeType()).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace hntt::ui
