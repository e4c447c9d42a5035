// Layouts, program and preview, the cut, the floor, the program mix's audio, and the preview's
// layout and sites as the console's buttons set them.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/session/session.h"

#include <QJsonArray>

namespace hntt::api::routes {

namespace {

// The preview after a change of it.
Response previewAfter(core::Session& session, const core::Status& done) {
    return done ? json(200, wire::compositionJson(session.preview())) : errorResponse(done.error());
}

} // namespace

void addProgramRoutes(Router& router, core::Session& session) {
    router.add("GET", "/layouts", answerAtOnce([&session](const Request&, const PathParams&) {
                   return json(200, wire::layoutsJson(session.layouts()));
               }));

    router.add("GET", "/program", answerAtOnce([&session](const Request&, const PathParams&) {
                   return json(200, wire::compositionJson(session.engine().program()));
               }));
    router.add("PUT", "/program", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const engine::Composition c = composition(parseObject(req));
                   auto done = session.setProgram(c, actorOf(req));
                   return done ? json(200, wire::compositionJson(c)) : errorResponse(done.error());
               }));
    router.add("GET", "/preview", answerAtOnce([&session](const Request&, const PathParams&) {
                   return json(200, wire::compositionJson(session.engine().preview()));
               }));
    router.add("PUT", "/preview", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const engine::Composition c = composition(parseObject(req));
                   auto done = session.setPreview(c, actorOf(req));
                   return done ? json(200, wire::compositionJson(c)) : errorResponse(done.error());
               }));
    router.add("POST", "/take", answerAtOnce([&session](const Request& req, const PathParams&) {
                   session.take(actorOf(req));
                   return json(200, wire::compositionJson(session.engine().program()));
               }));
    router.add("POST", "/floor", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const auto site = optId(parseObject(req), "site_id");
                   if (!site)
                       throw BadRequest{QStringLiteral("'site_id' is required.")};
                   auto done = session.giveFloor(*site, actorOf(req));
                   if (!done)
                       return errorResponse(done.error());
                   return json(200,
                               QJsonObject{{"site_id", *site},
                                           {"program", wire::compositionJson(session.engine().program())}});
               }));

    router.add("GET", "/program/audio", answerAtOnce([&session](const Request&, const PathParams&) {
                   return json(200, wire::programAudioJson(session));
               }));
    router.add("PATCH", "/program/audio", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const QJsonObject body = parseObject(req);
                   const bool muted = optBool(body, "muted").value_or(session.programAudioMuted());
                   const double gain = optNumber(body, "gain_db").value_or(session.programGainDb());
                   auto done = session.setProgramAudio(muted, gain, actorOf(req));
                   return done ? json(200, wire::programAudioJson(session)) : errorResponse(done.error());
               }));
    router.add("PUT", "/preview/layout", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const auto name = optString(parseObject(req), "layout");
                   if (!name)
                       throw BadRequest{QStringLiteral("'layout' is required.")};
                   return previewAfter(session, session.setPreviewLayout(*name, actorOf(req)));
               }));
    router.add("POST", "/preview/bring-in", answerAtOnce([&session](const Request& req, const PathParams&) {
                   return previewAfter(session, session.bringIn(siteIds(parseObject(req)), actorOf(req)));
               }));
}

} // namespace hntt::api::routes
