// Program streams: list, add, remove, stop and start again. URLs are shown masked.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/session/session.h"

#include <QJsonArray>

namespace hntt::api::routes {

void addOutputRoutes(Router& router, core::Session& session) {
    router.add("GET", "/outputs", answerAtOnce([&session](const Request&, const PathParams&) {
                   return json(200, wire::outputsJson(session.outputs()));
               }));
    router.add("POST", "/outputs", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const QJsonObject body = parseObject(req);
                   const auto url = optString(body, "url");
                   if (!url)
                       return errorResponse(422, "unprocessable", "An output needs a 'url'.");
                   auto out =
                       session.addOutput(*url, optString(body, "name").value_or(QString()), actorOf(req));
                   return out ? json(201, wire::outputJson(out.value())) : maskedError(out.error());
               }));
    router.add("DELETE", "/outputs/{output}",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto done = session.removeOutput(p.id("output"), actorOf(req));
                   return done ? noContent() : errorResponse(done.error());
               }));
    router.add("POST", "/outputs/{output}/start",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto out = session.startOutput(p.id("output"), actorOf(req));
                   return out ? json(200, wire::outputJson(out.value())) : maskedError(out.error());
               }));
    router.add("POST", "/outputs/{output}/stop",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   const qint64 id = p.id("output");
                   auto done = session.stopOutput(id, actorOf(req));
                   if (!done)
                       return errorResponse(done.error());
                   if (const auto out = session.output(id))
                       return json(200, wire::outputJson(*out));
                   return errorResponse(404, "not_found", "No output '" + std::to_string(id) + "'.");
               }));
}

} // namespace hntt::api::routes
