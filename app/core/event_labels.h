// The words the console uses for what its event log and alarms hold: alarm kinds, who acted and
// what was done, from the core's codes ("site.audio" with {"muted": true} reads "Muted").
#pragma once

#include "core/store/event_log.h"

#include <QString>

namespace hntt::core {

class EventLabels {
public:
    // Each in the document's language where one is written (TextLanguage: an archive's), else the
    // window's.

    static QString alarmKind(const QString& kind);
    static QString actor(const QString& actor);
    static QString action(const QString& action, const EventDetail& detail = {});
    // Actions whose subject is a site id.
    static bool aboutSite(const QString& action);
};

} // namespace hntt::core
