// Recordings: start, stop, list, read (with markers), and clips cut out of a finished one.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "core/review/clip_exporter.h"
#include "core/review/recording_files.h"
#include "core/session/session.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <cmath>

namespace hntt::api::routes {

namespace {

// The file a clip is written to: a plain name of the operator's in DATA_DIR/clips (Matroska when
// it has no known container), never a path; an empty QString for a name that is not one.
QString clipFileName(const QString& name) {
    const QString trimmed = name.trimmed();
    if (!core::RecordingFiles::checkPlainName(trimmed))
        return {};
    static const QStringList containers{QStringLiteral("mkv"), QStringLiteral("mp4"), QStringLiteral("mov"),
                                        QStringLiteral("ts")};
    return containers.contains(QFileInfo(trimmed).suffix().toLower()) ? trimmed
                                                                      : trimmed + QStringLiteral(".mkv");
}

Response cutClip(core::Session& session, const Request& req, qint64 id) {
    const QJsonObject body = parseObject(req);
    const auto in = optNumber(body, "in_s"), out = optNumber(body, "out_s");
    const auto name = optString(body, "name");
    auto rec = session.recordings().get(id);
    if (!rec)
        return errorResponse(rec.error());
    if (rec->state == core::RecordingState::Recording || session.activeRecordingId() == id)
        return errorResponse(409, "conflict",
                             "Recording " + std::to_string(id) + " is still recording; stop it first.");
    if (!in || !out || !std::isfinite(*in) || !std::isfinite(*out) || *in < 0 || *out <= *in ||
        (rec->durationS && *in >= *rec->durationS))
        return errorResponse(422, "unprocessable",
                             "'in_s' and 'out_s' must be seconds with 0 <= in_s < out_s and "
                             "in_s before the end of the recording.");
    const QString fileName =
        name ? clipFileName(*name) : core::ClipExporter::suggestedFileName(rec->path, *in, *out);
    if (fileName.isEmpty())
        return errorResponse(422, "unprocessable", "'name' must be a plain file name, not a path.");
    const QDir clips(QDir(session.options().dataDir).filePath(QStringLiteral("clips")));
    if (!clips.mkpath(QStringLiteral(".")))
        return errorResponse(500, "internal", "The clips folder cannot be created.");
    core::ClipRequest cr;
    cr.inputPath = rec->path;
    cr.inS = *in;
    cr.outS = *out;
    cr.outputPath = clips.filePath(fileName);
    if (QFileInfo::exists(cr.outputPath))
        return errorResponse(409, "conflict", "A clip named '" + utf8(fileName) + "' exists.");
    const qint64 job = core::ClipExporter::submitLogged(session.jobs(), session.eventLog(), cr, id,
                                                        rec->meetingId, actorOf(req));
    return jobAccepted(QJsonObject{{"job_id", job}, {"path", cr.outputPath}}, job);
}

// PATCH: the library's edits. `file_name` renames the file in its folder; `path` points a recording
// whose file is missing at the moved file; `meeting_id` null detaches it from its meeting.
Response changeRecording(core::Session& session, const Request& req, qint64 id) {
    const QJsonObject body = parseObject(req);
    core::Session::RecordingChange change;
    change.title = optString(body, "title");
    bool meetingNull = false;
    if (const auto meeting = optId(body, "meeting_id", &meetingNull))
        change.meetingId = std::optional<qint64>(*meeting);
    else if (meetingNull)
        change.meetingId = std::optional<qint64>();
    change.fileName = optString(body, "file_name");
    change.relinkPath = optString(body, "path");
    if (!change.title && !change.meetingId && !change.fileName && !change.relinkPath)
        return errorResponse(422, "unprocessable",
                             "Give at least one of 'title', 'meeting_id', 'file_name' or 'path'.");
    auto done = session.changeRecording(id, change, actorOf(req));
    return done ? json(200, core::RecordingCatalogue::toJson(done.value(), false))
                : errorResponse(done.error());
}

} // namespace

void addRecordingRoutes(Router& router, core::Session& session) {
    // ?trash=1: the recordings in the trash instead.
    router.add("GET", "/recordings", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const auto trash = req.query.find("trash");
                   const bool inTrash =
                       trash != req.query.end() && (trash->second == "1" || trash->second == "true");
                   auto all = session.recordings().list(std::nullopt, inTrash);
                   if (!all)
                       return errorResponse(all.error());
                   QJsonArray out;
                   for (const auto& r : all.value())
                       out.append(core::RecordingCatalogue::toJson(r, false));
                   return json(200, out);
               }));
    router.add("POST", "/recordings", answerAtOnce([&session](const Request& req, const PathParams&) {
                   const QJsonObject body = req.body.empty() ? QJsonObject() : parseObject(req);
                   const QString title = optString(body, "title").value_or(QString());
                   const auto meeting = optId(body, "meeting_id");
                   auto rec = session.startRecording(title, meeting, actorOf(req));
                   return rec ? json(201, core::RecordingCatalogue::toJson(rec.value(), false))
                              : errorResponse(rec.error());
               }));
    router.add("GET", "/recordings/{recording}",
               answerAtOnce([&session](const Request&, const PathParams& p) {
                   auto rec = session.recordings().get(p.id("recording"));
                   return rec ? json(200, core::RecordingCatalogue::toJson(rec.value(), true))
                              : errorResponse(rec.error());
               }));
    router.add("POST", "/recordings/{recording}/stop",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto rec = session.stopRecording(p.id("recording"), actorOf(req));
                   return rec ? json(200, core::RecordingCatalogue::toJson(rec.value(), false))
                              : errorResponse(rec.error());
               }));
    router.add("PATCH", "/recordings/{recording}",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   return changeRecording(session, req, p.id("recording"));
               }));
    // Into the trash (the file moved aside), back, and out of it for good.
    router.add("DELETE", "/recordings/{recording}",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto done = session.trashRecording(p.id("recording"), actorOf(req));
                   return done ? json(200, core::RecordingCatalogue::toJson(done.value(), false))
                               : errorResponse(done.error());
               }));
    router.add("POST", "/recordings/{recording}/restore",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   auto done = session.restoreRecording(p.id("recording"), actorOf(req));
                   return done ? json(200, core::RecordingCatalogue::toJson(done.value(), false))
                               : errorResponse(done.error());
               }));
    router.add("POST", "/recordings/{recording}/purge",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   const core::Status done = session.purgeRecording(p.id("recording"), actorOf(req));
                   return done ? noContent() : errorResponse(done.error());
               }));
    // A note on the timeline: at `offset_s`, or now while it records.
    router.add("POST", "/recordings/{recording}/notes",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   const QJsonObject body = parseObject(req);
                   const auto text = optString(body, "text");
                   if (!text)
                       return errorResponse(422, "unprocessable", "A note needs its 'text'.");
                   auto note =
                       session.addNote(p.id("recording"), optNumber(body, "offset_s"), *text, actorOf(req));
                   if (!note)
                       return errorResponse(note.error());
                   return json(201, QJsonObject{{"id", note->id},
                                                {"offset_s", note->offsetS},
                                                {"kind", core::markerKindName(note->kind)},
                                                {"site_id", QJsonValue(QJsonValue::Null)},
                                                {"text", note->text}});
               }));
    router.add("POST", "/recordings/{recording}/clips",
               answerAtOnce([&session](const Request& req, const PathParams& p) {
                   return cutClip(session, req, p.id("recording"));
               }));
}

} // namespace hntt::api::routes
