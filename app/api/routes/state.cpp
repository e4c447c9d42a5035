// GET /health (the server lets it through without a token) and GET /state.
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/session/session.h"
#include "version.h"

namespace hntt::api::routes {

void addStateRoutes(Router& router, core::Session& session) {
    router.add("GET", "/health", answerAtOnce([](const Request&, const PathParams&) {
                   return json(200, QJsonObject{{"status", "ok"}, {"version", HNTT_VERSION}});
               }));
    router.add("GET", "/state", answerAtOnce([&session](const Request&, const PathParams&) {
                   return json(200, wire::stateJson(session));
               }));
}

} // namespace hntt::api::routes
