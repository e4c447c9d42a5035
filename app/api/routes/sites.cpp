// The sites: list, create, read, change, delete; many muted at once.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/session/session.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <functional>

namespace hntt::api::routes {

namespace {

Response createSite(core::Session& session, const Request& req) {
    const QJsonObject body = parseObject(req);
    core::SiteRecord site;
    const auto name = optString(body, "name");
    const auto level = optString(body, "level");
    if (!name || !level)
        return errorResponse(422, "unprocessable", "A site needs 'name' and 'level'.");
    site.name = *name;
    const auto parsedLevel = core::siteLevelFromName(*level);
    if (!parsedLevel)
        return errorResponse(422, "unprocessable",
                             "'level' must be province, district or commune, not '" + utf8(*level) + "'.");
    site.level = *parsedLevel;
    bool parentNull = false;
    site.parentId = optId(body, "parent_id", &parentNull);
    site.sourceUrl = optString(body, "source_url", true).value_or(QString());
    site.returnUrl = optString(body, "return_url", true).value_or(QString());
    site.sipUri = optString(body, "sip_uri", true).value_or(QString());
    if (auto cam = body.value(QLatin1String("camera")); !cam.isUndefined() && !cam.isNull()) {
        if (!cam.isObject())
            throw BadRequest{QStringLiteral("'camera' must be an object or null.")};
        site.cameraJson = QString::fromUtf8(QJsonDocument(cam.toObject()).toJson(QJsonDocument::Compact));
    }
    auto created = session.createSite(site, actorOf(req));
    if (!created)
        return errorResponse(created.error());
    return json(201, wire::siteJson(session.siteView(created.value())));
}

Response updateSite(core::Session& session, const Request& req, qint64 id) {
    const QJsonObject body = parseObject(req);
    core::SitePatch patch;
    patch.name = optString(body, "name");
    patch.sourceUrl = optString(body, "source_url", true);
    patch.returnUrl = optString(body, "return_url", true);
    patch.sipUri = optString(body, "sip_uri", true);
    if (const auto audio = optObject(body, "audio")) {
        patch.audioMuted = optBool(*audio, "muted");
        patch.gainDb = optNumber(*audio, "gain_db");
    }
    if (const auto video = optObject(body, "video"))
        patch.videoMuted = optBool(*video, "muted");
    if (auto cam = body.value(QLatin1String("camera")); !cam.isUndefined()) {
        if (!cam.isNull() && !cam.isObject())
            throw BadRequest{QStringLiteral("'camera' must be an object or null.")};
        patch.camera = cam;
    }
    auto updated = session.updateSite(id, patch, actorOf(req));
    if (!updated)
        return errorResponse(updated.error());
    return json(200, wire::siteJson(session.siteView(updated.value())));
}

// The answer of a group mute: {"sites": [...]}, the sites whose mute it changed, as they are now.
// Sites that were already as asked are left out. What changed is read from the sites before and
// after, not taken from the request, so the answer is what the core did.
Response changedSites(core::Session& session, const std::function<core::Status()>& mute) {
    auto before = session.sites();
    if (!before)
        return errorResponse(before.error());
    QHash<qint64, bool> wasMuted;
    for (const core::SiteView& site : before.value())
        wasMuted.insert(site.record.id, site.audioMuted);
    if (auto done = mute(); !done)
        return errorResponse(done.error());
    auto after = session.sites();
    if (!after)
        return errorResponse(after.error());
    QJsonArray changed;
    for (const core::SiteView& site : after.value()) {
        const auto was = wasMuted.constFind(site.record.id);
        if (was != wasMuted.cend() && *was != site.audioMuted)
            changed.append(wire::siteJson(site));
    }
    return json(200, QJsonObject{{"sites", changed}});
}

} // namespace

void addSiteRoutes(Router& router, core::Session& session) {
    router.add("GET", "/sites", answerAtOnce([&session](const Request&, const PathParams&) {
                   auto all = session.sites();
                   return all ? json(200, wire::sitesJson(all.value())) : errorResponse(all.error());
               }));
    router.add("POST", "/sites", answerAtOnce([&session](const Request& req, const PathParams&) {
                   return createSite(session, req);
               }));
    router.add("GET", "/sites/{site}", answerAtOnce([&session](const Request&, const PathParams& p) {
                   auto site = session.site(p.id("site"));
                   return site ? json(200, wire::siteJson(site.value())) : errorResponse(site.error());
               }));
    router.add("PATCH", "/sites/{site}", answerAtOnce([&session](const Request& req, const PathParams& p) {
                   return updateSite(session, req, p.id("site"));
               }));
    router.add("DELETE", "/sites/{site}", answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto done = session.deleteSite(p.id("site"), actorOf(req));
                   return done ? noContent() : errorResponse(done.error());
               }));

    // SIP calls: 202 while the call is placed (call.state events follow), 200 for a hang-up.
    router.add("POST", "/sites/{site}/call",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   const qint64 id = p.id("site");
                   if (auto done = session.callSite(id, actorOf(req)); !done)
                       return errorResponse(done.error());
                   auto site = session.site(id);
                   return site ? json(202, wire::siteJson(site.value())) : errorResponse(site.error());
               }));
    router.add("POST", "/sites/{site}/hangup",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   const qint64 id = p.id("site");
                   if (auto done = session.hangupSite(id, actorOf(req)); !done)
                       return errorResponse(done.error());
                   auto site = session.site(id);
                   return site ? json(200, wire::siteJson(site.value())) : errorResponse(site.error());
               }));

    // Browser sites: the join link (its secret made on first use) and a new one on demand.
    router.add("GET", "/sites/{site}/join-link",
               answerAtOnce([&session](const Request&, const PathParams& p) {
                   auto url = session.joinLink(p.id("site"));
                   return url ? json(200, QJsonObject{{"url", url.value()}}) : errorResponse(url.error());
               }));
    router.add("POST", "/sites/{site}/join-link/rotate",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto url = session.rotateJoinLink(p.id("site"), actorOf(req));
                   return url ? json(200, QJsonObject{{"url", url.value()}}) : errorResponse(url.error());
               }));

    router.add("POST", "/sites/mute", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const QJsonObject body = parseObject(req);
                   const QList<qint64> ids = siteIds(body);
                   const auto muted = optBool(body, "muted");
                   if (!muted)
                       throw BadRequest{QStringLiteral("'muted' is required.")};
                   return changedSites(session,
                                       [&] { return session.setSitesMuted(ids, *muted, actorOf(req)); });
               }));
    router.add("POST", "/sites/mute-all-but-floor",
               answerAtOnce([&session](const Request& req, const PathParams&) {
                   return changedSites(session, [&] { return session.muteAllButFloor(actorOf(req)); });
               }));
}

} // namespace hntt::api::routes
