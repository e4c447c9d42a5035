// Meetings: booked, listed, and started as the console's Start button does.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/session/session.h"

#include <QDateTime>
#include <QJsonArray>

namespace hntt::api::routes {

namespace {

Response scheduleMeeting(core::Session& session, const Request& req) {
    const QJsonObject body = parseObject(req);
    core::MeetingRecord mt;
    mt.title = optString(body, "title").value_or(QString());
    mt.room = optString(body, "room").value_or(QString());
    const QString kind = optString(body, "kind").value_or(QStringLiteral("province_districts"));
    const auto parsedKind = core::meetingKindFromName(kind);
    if (!parsedKind)
        return errorResponse(422, "unprocessable", "Unknown meeting kind '" + utf8(kind) + "'.");
    mt.kind = *parsedKind;
    const auto starts = optString(body, "starts_at"), ends = optString(body, "ends_at");
    mt.startsAt = QDateTime::fromString(starts.value_or(QString()), Qt::ISODateWithMs);
    mt.endsAt = QDateTime::fromString(ends.value_or(QString()), Qt::ISODateWithMs);
    if (!mt.startsAt.isValid() || !mt.endsAt.isValid())
        return errorResponse(422, "unprocessable", "'starts_at' and 'ends_at' must be ISO 8601 times.");
    mt.hostSiteId = optId(body, "host_site_id").value_or(0);
    mt.emergency = optBool(body, "emergency").value_or(false);
    if (body.contains(QLatin1String("site_ids")))
        mt.siteIds = siteIds(body);
    auto out = session.scheduleMeeting(mt, actorOf(req));
    if (!out)
        return errorResponse(out.error());
    QJsonObject o = core::MeetingBook::toJson(out->meeting);
    o.insert(QStringLiteral("warning"), out->warning.isEmpty() ? QJsonValue() : QJsonValue(out->warning));
    return json(201, o);
}

} // namespace

void addMeetingRoutes(Router& router, core::Session& session) {
    router.add("GET", "/meetings", answerAtOnce([&session](const Request&, const PathParams&) {
                   auto all = session.meetings().between(QDateTime::currentDateTime().addYears(-5),
                                                         QDateTime::currentDateTime().addYears(5));
                   if (!all)
                       return errorResponse(all.error());
                   QJsonArray out;
                   for (const auto& mt : all.value())
                       out.append(core::MeetingBook::toJson(mt));
                   return json(200, out);
               }));
    router.add("POST", "/meetings", answerAtOnce([&session](const Request& req, const PathParams&) {
                   return scheduleMeeting(session, req);
               }));
    // Every SIP site of the meeting called in one act: 202 with what was placed.
    router.add("POST", "/meetings/{meeting}/call",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto done = session.callMeetingSites(p.id("meeting"), actorOf(req));
                   if (!done)
                       return errorResponse(done.error());
                   const auto ids = [](const QList<qint64>& list) {
                       QJsonArray a;
                       for (qint64 id : list)
                           a.append(id);
                       return a;
                   };
                   return json(202, QJsonObject{{"placed", ids(done->placed)},
                                                {"in_call", ids(done->inCall)},
                                                {"without_sip", ids(done->withoutSip)},
                                                {"failed", ids(done->failed)}});
               }));
    router.add("POST", "/meetings/{meeting}/start",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto started = session.startMeeting(p.id("meeting"), actorOf(req));
                   if (!started)
                       return errorResponse(started.error());
                   return json(200, QJsonObject{{"meeting", core::MeetingBook::toJson(started.value())},
                                                {"program", wire::compositionJson(session.program())},
                                                {"preview", wire::compositionJson(session.preview())}});
               }));
}

} // namespace hntt::api::routes
