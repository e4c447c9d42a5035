#include "core/province_time.h"

#include <QTimeZone>
#include <cstdlib>
#include <ctime>

namespace hntt::core {

bool useProvinceTimeZone(const QString& ianaId) {
    if (ianaId.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(ianaId.toUtf8()))
        return false;
    // The C library's local time, which QDateTime's local time follows, reads TZ.
    ::setenv("TZ", ianaId.toUtf8().constData(), 1);
    ::tzset();
    return true;
}

QString provinceTimeZoneLabel() {
    const int offset = QDateTime::currentDateTime().offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    const QString id = QString::fromUtf8(qgetenv("TZ")).isEmpty()
                           ? QString::fromUtf8(QTimeZone::systemTimeZoneId())
                           : QString::fromUtf8(qgetenv("TZ"));
    return QStringLiteral("UTC%1%2:%3, %4")
        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'))
        .arg(id);
}

} // namespace hntt::core
