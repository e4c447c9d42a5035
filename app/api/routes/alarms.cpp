// Alarms kept until someone acknowledges them, one or all. Shown with stream URLs masked.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/session/session.h"

#include <QJsonArray>

namespace hntt::api::routes {

void addAlarmRoutes(Router& router, core::Session& session) {
    router.add("GET", "/alarms", answerAtOnce([&session](const Request&, const PathParams&) {
                   return json(200, wire::alarmsJson(session.alarms()));
               }));
    router.add(
        "POST", "/alarms/acknowledge", answerAtOnce([&session](const Request& req, const PathParams&) {
            return json(200, QJsonObject{{"acknowledged", session.acknowledgeAllAlarms(actorOf(req))}});
        }));
    router.add("POST", "/alarms/{alarm}/acknowledge",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto done = session.acknowledgeAlarm(p.id("alarm"), actorOf(req));
                   return done ? json(200, QJsonObject{{"acknowledged", 1}}) : errorResponse(done.error());
               }));
}

} // namespace hntt::api::routes
