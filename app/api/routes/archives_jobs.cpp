// Meeting archives, made as jobs, and the jobs themselves (archives, clips): read and cancelled.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/archive/archive_job.h"
#include "core/session/session.h"

namespace hntt::api::routes {

void addArchiveJobRoutes(Router& router, core::Session& session) {
    router.add("POST", "/archives", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const QJsonObject body = parseObject(req);
                   core::archive::ArchiveRequest ar;
                   ar.sign = optBool(body, "sign");
                   ar.certificatePath = optString(body, "certificate").value_or(QString());
                   ar.keyPath = optString(body, "key").value_or(QString());
                   if (const auto language = optString(body, "language"))
                       ar.language = *language;
                   const auto recording = optId(body, "recording_id");
                   if (!recording)
                       return errorResponse(422, "unprocessable", "An archive needs a 'recording_id'.");
                   ar.recordingId = *recording;
                   auto job = core::archive::startArchive(session, ar, actorOf(req));
                   return job ? jobAccepted(QJsonObject{{"job_id", *job}}, *job) : errorResponse(job.error());
               }));

    router.add("GET", "/jobs/{job}", answerAtOnce([&session](const Request&, const PathParams& p) {
                   const qint64 id = p.id("job");
                   const auto job = session.jobs().job(id);
                   if (!job)
                       return errorResponse(404, "not_found", "No job '" + std::to_string(id) + "'.");
                   return json(200, wire::jobJson(*job));
               }));
    router.add("DELETE", "/jobs/{job}", answerAtOnce([&session](const Request&, const PathParams& p) {
                   const qint64 id = p.id("job");
                   if (!session.jobs().job(id))
                       return errorResponse(404, "not_found", "No job '" + std::to_string(id) + "'.");
                   if (!session.jobs().cancel(id))
                       return errorResponse(409, "conflict",
                                            "Job " + std::to_string(id) + " has already ended.");
                   return json(202, wire::jobJson(*session.jobs().job(id)));
               }));
}

} // namespace hntt::api::routes
