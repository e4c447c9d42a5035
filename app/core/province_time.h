// The province's time zone. Every time the console shows, prints or names a file by is the
// province's, whatever zone the machine is set to (Debian's default is UTC, which put a meeting
// booked for 15:50 beside its recording "at 08:57"). It is set once for the whole process, before
// anything reads the clock, from settings.ini (`[province] time_zone`, default Asia/Ho_Chi_Minh).
#pragma once

#include <QDateTime>
#include <QString>

namespace hntt::core {

inline constexpr const char* kDefaultProvinceTimeZone = "Asia/Ho_Chi_Minh";

// Makes `ianaId` the process's local time zone; false (nothing changed) for an id this machine
// does not know.
bool useProvinceTimeZone(const QString& ianaId);

// The zone in force, for paper: "UTC+07:00, Asia/Ho_Chi_Minh".
QString provinceTimeZoneLabel();

// `t` in the province's time (what toLocalTime gives once useProvinceTimeZone ran).
inline QDateTime inProvinceTime(const QDateTime& t) {
    return t.isValid() ? t.toLocalTime() : t;
}

} // namespace hntt::core
