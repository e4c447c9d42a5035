// Meetings: booked, listed, and started as the console's Start button does.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/notices/meeting_notices.h"
#include "core/session/session.h"

#include <QDateTime>
#include <QJsonArray>
#include <optional>
#include <string>

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

// ?lang=vi (the default) or en: the notices' language, whatever the console's.
std::optional<QString> noticeLanguage(const Request& req) {
    const auto lang = req.query.find("lang");
    if (lang == req.query.end() || lang->second == "vi")
        return QStringLiteral("vi");
    if (lang->second == "en")
        return QStringLiteral("en");
    return std::nullopt;
}

Response badLanguage() {
    return errorResponse(422, "unprocessable", "'lang' is vi or en.");
}

std::string noticePath(qint64 meeting, qint64 site) {
    return "/api/v1/meetings/" + std::to_string(meeting) + "/notices/" + std::to_string(site) + ".ics";
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
    // Notices: one calendar file per participating site, in Vietnamese unless ?lang=en. Not for
    // viewers: a browser site's notice holds its join link.
    router.add("GET", "/meetings/{meeting}/notices",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   const auto lang = noticeLanguage(req);
                   if (!lang)
                       return badLanguage();
                   auto notices = core::meetingNotices(session, p.id("meeting"), *lang);
                   if (!notices)
                       return errorResponse(notices.error());
                   QJsonArray out;
                   for (const core::SiteNotice& n : notices.value())
                       out.append(QJsonObject{
                           {"site_id", n.siteId},
                           {"site_name", n.siteName},
                           {"ics", QString::fromStdString(noticePath(p.id("meeting"), n.siteId))}});
                   return json(200, out);
               }));
    router.add("GET", "/meetings/{meeting}/notices/{site}.ics",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   const auto lang = noticeLanguage(req);
                   if (!lang)
                       return badLanguage();
                   auto notice = core::meetingNotice(session, p.id("meeting"), p.id("site"), *lang);
                   if (!notice)
                       return errorResponse(notice.error());
                   Response r;
                   r.body = core::writeCalendar(notice->calendar).toStdString();
                   r.contentType = "text/calendar; charset=utf-8";
                   r.headers.emplace_back("Content-Disposition", "attachment; filename=\"thong-bao-hop-" +
                                                                     std::to_string(p.id("meeting")) +
                                                                     "-diem-cau-" +
                                                                     std::to_string(p.id("site")) + ".ics\"");
                   return r;
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
