// The session's state and events as the API shows them (api::wire), for suites that check what a
// client of the API would see, and a spy on the session's events in that form.
#pragma once

#include "api/session_json.h"
#include "core/session/session.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QVariant>

namespace hntt::test {

inline core::Result<QJsonObject> siteJson(const core::Session& s, qint64 id) {
    auto site = s.site(id);
    if (!site)
        return site.error();
    return api::wire::siteJson(site.value());
}
inline QJsonArray outputsJson(const core::Session& s) {
    return api::wire::outputsJson(s.outputs());
}
inline QJsonArray alarmsJson(const core::Session& s) {
    return api::wire::alarmsJson(s.alarms());
}
inline QJsonObject stateJson(const core::Session& s) {
    return api::wire::stateJson(s);
}
inline QJsonObject compositionJson(const engine::Composition& c) {
    return api::wire::compositionJson(c);
}

// Like a QSignalSpy on the session's events: each entry holds the event as the API sends it.
class EventSpy : public QObject, public QList<QList<QVariant>> {
public:
    explicit EventSpy(core::Session& session) {
        connect(&session, &core::Session::changed, this, [this, &session](const core::SessionEvent& e) {
            append({QVariant(api::wire::eventJson(e, session))});
        });
    }
};

} // namespace hntt::test
