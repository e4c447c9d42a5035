// How a site's link state looks everywhere in the console: one colour, one icon and one word each.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace hntt::ui {

class SiteStatusLook {
    Q_DECLARE_TR_FUNCTIONS(SiteStatusLook)

public:
    // status: the API's "connected", "connecting", "lost", "offline".
    static QColor color(const QString& status);
    static QIcon icon(const QString& status);
    static QString text(const QString& status);
};

inline QColor statusColor(const QString& status) {
    return SiteStatusLook::color(status);
}
inline QIcon statusIcon(const QString& status) {
    return SiteStatusLook::icon(status);
}
inline QString statusText(const QString& status) {
    return SiteStatusLook::text(status);
}

} // namespace hntt::ui
