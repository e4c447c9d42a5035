#include "api/api_service.h"

#include "api/api_errors.h"
#include "api/session_json.h"
#include "core/archive/archive_job.h"
#include "core/review/clip_exporter.h"
#include "core/session/session.h"
#include "core/url_mask.h"
#include "version.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QPointer>
#include <cmath>
#include <optional>

namespace hntt::api {

namespace {

using core::Error;

// Thrown inside route() for a malformed request; turned into 400 in one place.
struct BadRequest {
    QString message;
};

std::string utf8(const QString& s) {
    return s.toStdString();
}

Response json(int status, const QJsonValue& v) {
    Response r;
    r.status = status;
    r.body = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact).toStdString()
                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString();
    return r;
}

Response noContent() {
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response fromError(const Error& e) {
    return errorResponse(e);
}

QJsonObject parseObject(const Request& r) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.body), &err);
    if (err.error != QJsonParseError::NoError)
        throw BadRequest{
            QStringLiteral("Malformed JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset)};
    if (!doc.isObject())
        throw BadRequest{QStringLiteral("The body must be a JSON object.")};
    return doc.object();
}

// Typed field readers: absent → nullopt; present with the wrong type → 400.
std::optional<QString> optString(const QJsonObject& o, const char* key, bool nullable = false) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (nullable && v.isNull())
        return QString();
    if (!v.isString())
        throw BadRequest{QStringLiteral("'%1' must be a string.").arg(QLatin1String(key))};
    return v.toString();
}

std::optional<bool> optBool(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool())
        throw BadRequest{QStringLiteral("'%1' must be true or false.").arg(QLatin1String(key))};
    return v.toBool();
}

std::optional<double> optNumber(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble())
        throw BadRequest{QStringLiteral("'%1' must be a number.").arg(QLatin1String(key))};
    return v.toDouble();
}

std::optional<qint64> optId(const QJsonObject& o, const char* key, bool* wasNull = nullptr) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (v.isNull() && wasNull) {
        *wasNull = true;
        return std::nullopt;
    }
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != std::floor(d) || d < 1 || d > 9e15)
        throw BadRequest{QStringLiteral("'%1' must be a positive integer id.").arg(QLatin1String(key))};
    return static_cast<qint64>(d);
}

std::optional<QJsonObject> optObject(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject())
        throw BadRequest{QStringLiteral("'%1' must be an object.").arg(QLatin1String(key))};
    return v.toObject();
}

std::optional<qint64> pathId(const std::string& segment) {
    bool ok = false;
    const qint64 id = QString::fromStdString(segment).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

engine::Composition parseComposition(const QJsonObject& o) {
    const auto layout = optString(o, "layout");
    if (!layout)
        throw BadRequest{QStringLiteral("'layout' is required.")};
    engine::Composition c;
    c.layout = layout->toStdString();
    const QJsonValue slotList = o.value(QLatin1String("slots"));
    if (!slotList.isUndefined()) {
        if (!slotList.isArray())
            throw BadRequest{QStringLiteral("'slots' must be an array of site ids or nulls.")};
        for (const QJsonValue& v : slotList.toArray()) {
            if (v.isNull()) {
                c.sites.emplace_back();
                continue;
            }
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d != std::floor(d) || d < 1)
                throw BadRequest{QStringLiteral("'slots' must be an array of site ids or nulls.")};
            c.sites.emplace_back(static_cast<engine::SiteId>(d));
        }
    }
    return c;
}

QString actorOf(const Request& r) {
    return QStringLiteral("api:") + QString::fromStdString(r.clientId);
}

// A list of site ids, required: {"site_ids": [3, 4]}.
QList<qint64> siteIds(const QJsonObject& o) {
    const QJsonValue ids = o.value(QLatin1String("site_ids"));
    if (!ids.isArray())
        throw BadRequest{QStringLiteral("'site_ids' must be an array of ids.")};
    QList<qint64> out;
    for (const QJsonValue& v : ids.toArray()) {
        if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != std::floor(v.toDouble()))
            throw BadRequest{QStringLiteral("'site_ids' must be an array of ids.")};
        out.append(static_cast<qint64>(v.toDouble()));
    }
    return out;
}

Response maskedError(const Error& e) {
    return fromError(Error{e.code, core::maskStreamUrlsIn(e.message)});
}

// The file a clip is written to: a plain name of the operator's in DATA_DIR/clips (Matroska when
// it has no known container), never a path; an empty QString for a name that is not one.
QString clipFileName(const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 200 || trimmed.startsWith(QLatin1Char('.')) ||
        trimmed.contains(QLatin1Char('/')) || trimmed.contains(QLatin1Char('\\')))
        return {};
    for (const QChar c : trimmed)
        if (c.category() == QChar::Other_Control)
            return {};
    static const QStringList containers{QStringLiteral("mkv"), QStringLiteral("mp4"), QStringLiteral("mov"),
                                        QStringLiteral("ts")};
    return containers.contains(QFileInfo(trimmed).suffix().toLower()) ? trimmed
                                                                      : trimmed + QStringLiteral(".mkv");
}

} // namespace

ApiService::ApiService(core::Session& session, ServerConfig config, QObject* parent)
    : QObject(parent)
    , session_(session) {
    // The I/O thread only queues the request onto this object's (the core's) thread.
    QPointer<ApiService> self(this);
    server_ = std::make_unique<HttpServer>(std::move(config), [self](const Request& req, Responder reply) {
        if (!self) {
            reply(errorResponse(500, "internal", "The console is shutting down."));
            return;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, req, reply] {
                if (self)
                    self->dispatch(req, reply);
                else
                    reply(errorResponse(500, "internal", "The console is shutting down."));
            },
            Qt::QueuedConnection);
    });
    connect(&session_, &core::Session::changed, this, [this](const core::SessionEvent& event) {
        broadcast(wire::eventJson(event, session_), Topic::Always);
    });
    connect(&session_.jobs(), &core::JobQueue::jobChanged, this, [this](const QJsonObject& job) {
        QJsonObject event = job;
        event.insert(QStringLiteral("type"), QStringLiteral("job.progress"));
        event.insert(QStringLiteral("at"), QDateTime::currentDateTime()
                                               .toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                                               .toString(Qt::ISODateWithMs));
        broadcast(event, Topic::Always);
    });
    connect(&session_, &core::Session::levelsChanged, this, [this](const engine::LevelsSnapshot& levels) {
        broadcast(wire::levelsJson(levels), Topic::Levels);
    });
}

ApiService::~ApiService() {
    stop();
}

bool ApiService::start() {
    return server_->start();
}
void ApiService::stop() {
    server_->stop();
}
std::uint16_t ApiService::port() const {
    return server_->port();
}
std::string ApiService::errorString() const {
    return server_->errorString();
}

void ApiService::broadcast(const QJsonObject& message, Topic topic) {
    server_->broadcast(QJsonDocument(message).toJson(QJsonDocument::Compact).toStdString(), topic);
}

void ApiService::dispatch(const Request& req, const Responder& reply) {
    // Camera commands answer when the camera does (or within its timeout): asynchronously.
    const auto& seg = req.segments;
    if (seg.size() >= 4 && seg[0] == "sites" && seg[2] == "camera") {
        const auto id = pathId(seg[1]);
        if (!id) {
            reply(errorResponse(404, "not_found", "No site '" + seg[1] + "'."));
            return;
        }
        if (seg.size() == 4 && seg[3] == "position") {
            if (req.method != "GET") {
                reply(errorResponse(405, "method_not_allowed",
                                    "Method " + req.method + " is not allowed on " + req.path));
                return;
            }
            session_.cameraPosition(*id, [reply](const core::Result<core::camera::CameraPosition>& p) {
                const auto round = [](double v) { return std::round(v * 10000) / 10000; };
                reply(p ? json(200, QJsonObject{{"pan", round(p->pan)},
                                                {"tilt", round(p->tilt)},
                                                {"zoom", round(p->zoom)}})
                        : fromError(p.error()));
            });
            return;
        }
        using Action = core::Session::CameraAction;
        std::optional<Action> action;
        int preset = 0;
        if (seg.size() == 4 && seg[3] == "move")
            action = Action::Move;
        else if (seg.size() == 4 && seg[3] == "stop")
            action = Action::Stop;
        else if (seg.size() == 4 && seg[3] == "zoom")
            action = Action::ZoomTo;
        else if (seg.size() == 6 && seg[3] == "presets" && (seg[5] == "recall" || seg[5] == "store")) {
            bool ok = false;
            preset = QString::fromStdString(seg[4]).toInt(&ok);
            if (!ok) {
                reply(errorResponse(404, "not_found", "No preset '" + seg[4] + "'."));
                return;
            }
            action = seg[5] == "recall" ? Action::RecallPreset : Action::StorePreset;
        }
        if (!action) {
            reply(errorResponse(404, "not_found", "No such endpoint: " + req.path));
            return;
        }
        if (req.method != "POST") {
            reply(errorResponse(405, "method_not_allowed",
                                "Method " + req.method + " is not allowed on " + req.path));
            return;
        }
        core::Session::CameraMove move;
        if (*action == Action::Move) {
            try {
                const QJsonObject body = parseObject(req);
                move.pan = optNumber(body, "pan").value_or(0);
                move.tilt = optNumber(body, "tilt").value_or(0);
                move.zoom = optNumber(body, "zoom").value_or(0);
            } catch (const BadRequest& e) {
                reply(errorResponse(400, "bad_request", utf8(e.message)));
                return;
            }
            if (std::abs(move.pan) > 1 || std::abs(move.tilt) > 1 || std::abs(move.zoom) > 1) {
                reply(errorResponse(422, "unprocessable", "Speeds are between -1 and 1."));
                return;
            }
        }
        if (*action == Action::ZoomTo) {
            try {
                const auto zoom = optNumber(parseObject(req), "zoom");
                if (!zoom)
                    throw BadRequest{QStringLiteral("'zoom' is required.")};
                move.zoom = *zoom;
            } catch (const BadRequest& e) {
                reply(errorResponse(400, "bad_request", utf8(e.message)));
                return;
            }
            if (!(move.zoom >= 0 && move.zoom <= 1)) {
                reply(errorResponse(422, "unprocessable",
                                    "The zoom position is between 0 (wide) and 1 (tele)."));
                return;
            }
        }
        session_.cameraCommand(*id, *action, move, preset, actorOf(req), [reply](const core::Status& s) {
            reply(s ? json(200, QJsonObject{{"status", "ok"}}) : fromError(s.error()));
        });
        return;
    }
    reply(route(req));
}

Response ApiService::route(const Request& req) {
    const auto& seg = req.segments;
    const std::string& m = req.method;
    const QString actor = actorOf(req);
    auto methodNotAllowed = [&] {
        return errorResponse(405, "method_not_allowed", "Method " + m + " is not allowed on " + req.path);
    };
    auto unknown = [&] { return errorResponse(404, "not_found", "No such endpoint: " + req.path); };
    try {
        if (seg.empty())
            return unknown();
        const std::string& area = seg[0];

        if (area == "health" && seg.size() == 1) {
            if (m != "GET")
                return methodNotAllowed();
            return json(200, QJsonObject{{"status", "ok"}, {"version", HNTT_VERSION}});
        }
        if (area == "state" && seg.size() == 1) {
            if (m != "GET")
                return methodNotAllowed();
            return json(200, wire::stateJson(session_));
        }
        if (area == "layouts" && seg.size() == 1) {
            if (m != "GET")
                return methodNotAllowed();
            return json(200, wire::layoutsJson(session_.layouts()));
        }

        if (area == "sites") {
            if (seg.size() == 1) {
                if (m == "GET") {
                    auto all = session_.sites();
                    return all ? json(200, wire::sitesJson(all.value())) : fromError(all.error());
                }
                if (m != "POST")
                    return methodNotAllowed();
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
                                         "'level' must be province, district or commune, not '" +
                                             utf8(*level) + "'.");
                site.level = *parsedLevel;
                bool parentNull = false;
                site.parentId = optId(body, "parent_id", &parentNull);
                site.sourceUrl = optString(body, "source_url", true).value_or(QString());
                site.returnUrl = optString(body, "return_url", true).value_or(QString());
                if (auto cam = body.value(QLatin1String("camera")); !cam.isUndefined() && !cam.isNull()) {
                    if (!cam.isObject())
                        throw BadRequest{QStringLiteral("'camera' must be an object or null.")};
                    site.cameraJson =
                        QString::fromUtf8(QJsonDocument(cam.toObject()).toJson(QJsonDocument::Compact));
                }
                auto created = session_.createSite(site, actor);
                if (!created)
                    return fromError(created.error());
                return json(201, wire::siteJson(session_.siteView(created.value())));
            }
            if (seg.size() == 2 && (seg[1] == "mute" || seg[1] == "mute-all-but-floor")) {
                if (m != "POST")
                    return methodNotAllowed();
                core::Status done;
                if (seg[1] == "mute") {
                    const QJsonObject body = parseObject(req);
                    const QList<qint64> ids = siteIds(body);
                    const auto muted = optBool(body, "muted");
                    if (!muted)
                        throw BadRequest{QStringLiteral("'muted' is required.")};
                    done = session_.setSitesMuted(ids, *muted, actor);
                } else {
                    done = session_.muteAllButFloor(actor);
                }
                if (!done)
                    return fromError(done.error());
                auto all = session_.sites();
                return all ? json(200, wire::sitesJson(all.value())) : fromError(all.error());
            }
            const auto id = pathId(seg[1]);
            if (!id)
                return errorResponse(404, "not_found", "No site '" + seg[1] + "'.");
            if (seg.size() == 2) {
                if (m == "GET") {
                    auto s = session_.site(*id);
                    return s ? json(200, wire::siteJson(s.value())) : fromError(s.error());
                }
                if (m == "DELETE") {
                    auto done = session_.deleteSite(*id, actor);
                    return done ? noContent() : fromError(done.error());
                }
                if (m != "PATCH")
                    return methodNotAllowed();
                const QJsonObject body = parseObject(req);
                core::SitePatch patch;
                patch.name = optString(body, "name");
                patch.sourceUrl = optString(body, "source_url", true);
                patch.returnUrl = optString(body, "return_url", true);
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
                auto updated = session_.updateSite(*id, patch, actor);
                if (!updated)
                    return fromError(updated.error());
                return json(200, wire::siteJson(session_.siteView(updated.value())));
            }
            return unknown();
        }

        if (area == "program" && seg.size() == 2 && seg[1] == "audio") {
            if (m == "GET")
                return json(200, wire::programAudioJson(session_));
            if (m != "PATCH")
                return methodNotAllowed();
            const QJsonObject body = parseObject(req);
            const bool muted = optBool(body, "muted").value_or(session_.programAudioMuted());
            const double gain = optNumber(body, "gain_db").value_or(session_.programGainDb());
            auto done = session_.setProgramAudio(muted, gain, actor);
            return done ? json(200, wire::programAudioJson(session_)) : fromError(done.error());
        }
        if (area == "preview" && seg.size() == 2 && (seg[1] == "layout" || seg[1] == "bring-in")) {
            const bool layout = seg[1] == "layout";
            if (m != (layout ? "PUT" : "POST"))
                return methodNotAllowed();
            const QJsonObject body = parseObject(req);
            core::Status done;
            if (layout) {
                const auto name = optString(body, "layout");
                if (!name)
                    throw BadRequest{QStringLiteral("'layout' is required.")};
                done = session_.setPreviewLayout(*name, actor);
            } else {
                done = session_.bringIn(siteIds(body), actor);
            }
            return done ? json(200, wire::compositionJson(session_.preview())) : fromError(done.error());
        }
        if (area == "alarms") {
            if (seg.size() == 1) {
                if (m != "GET")
                    return methodNotAllowed();
                return json(200, wire::alarmsJson(session_.alarms()));
            }
            if (seg.size() == 2 && seg[1] == "acknowledge") {
                if (m != "POST")
                    return methodNotAllowed();
                return json(200, QJsonObject{{"acknowledged", session_.acknowledgeAllAlarms(actor)}});
            }
            const auto id = pathId(seg[1]);
            if (seg.size() == 3 && seg[2] == "acknowledge" && id) {
                if (m != "POST")
                    return methodNotAllowed();
                auto done = session_.acknowledgeAlarm(*id, actor);
                return done ? json(200, QJsonObject{{"acknowledged", 1}}) : fromError(done.error());
            }
            return errorResponse(404, "not_found", "No alarm '" + seg[1] + "'.");
        }
        if ((area == "program" || area == "preview") && seg.size() == 1) {
            const bool program = area == "program";
            if (m == "GET")
                return json(200, wire::compositionJson(program ? session_.engine().program()
                                                               : session_.engine().preview()));
            if (m != "PUT")
                return methodNotAllowed();
            const engine::Composition c = parseComposition(parseObject(req));
            auto done = program ? session_.setProgram(c, actor) : session_.setPreview(c, actor);
            if (!done)
                return fromError(done.error());
            return json(200, wire::compositionJson(c));
        }
        if (area == "take" && seg.size() == 1) {
            if (m != "POST")
                return methodNotAllowed();
            session_.take(actor);
            return json(200, wire::compositionJson(session_.engine().program()));
        }
        if (area == "floor" && seg.size() == 1) {
            if (m != "POST")
                return methodNotAllowed();
            const auto site = optId(parseObject(req), "site_id");
            if (!site)
                throw BadRequest{QStringLiteral("'site_id' is required.")};
            auto done = session_.giveFloor(*site, actor);
            if (!done)
                return fromError(done.error());
            return json(200, QJsonObject{{"site_id", *site},
                                         {"program", wire::compositionJson(session_.engine().program())}});
        }

        if (area == "recordings") {
            if (seg.size() == 1) {
                if (m == "GET") {
                    auto all = session_.recordings().list();
                    if (!all)
                        return fromError(all.error());
                    QJsonArray out;
                    for (const auto& r : all.value())
                        out.append(core::RecordingCatalogue::toJson(r, false));
                    return json(200, out);
                }
                if (m != "POST")
                    return methodNotAllowed();
                const QJsonObject body = req.body.empty() ? QJsonObject() : parseObject(req);
                const QString title = optString(body, "title").value_or(QString());
                const auto meeting = optId(body, "meeting_id");
                auto rec = session_.startRecording(title, meeting, actor);
                if (!rec)
                    return fromError(rec.error());
                return json(201, core::RecordingCatalogue::toJson(rec.value(), false));
            }
            const auto id = pathId(seg[1]);
            if (!id)
                return errorResponse(404, "not_found", "No recording '" + seg[1] + "'.");
            if (seg.size() == 2) {
                if (m != "GET")
                    return methodNotAllowed();
                auto rec = session_.recordings().get(*id);
                return rec ? json(200, core::RecordingCatalogue::toJson(rec.value(), true))
                           : fromError(rec.error());
            }
            if (seg.size() == 3 && seg[2] == "stop") {
                if (m != "POST")
                    return methodNotAllowed();
                auto rec = session_.stopRecording(*id, actor);
                return rec ? json(200, core::RecordingCatalogue::toJson(rec.value(), false))
                           : fromError(rec.error());
            }
            if (seg.size() == 3 && seg[2] == "clips") {
                if (m != "POST")
                    return methodNotAllowed();
                const QJsonObject body = parseObject(req);
                const auto in = optNumber(body, "in_s"), out = optNumber(body, "out_s");
                const auto name = optString(body, "name");
                auto rec = session_.recordings().get(*id);
                if (!rec)
                    return fromError(rec.error());
                if (rec->state == core::RecordingState::Recording || session_.activeRecordingId() == *id)
                    return errorResponse(409, "conflict",
                                         "Recording " + seg[1] + " is still recording; stop it first.");
                if (!in || !out || !std::isfinite(*in) || !std::isfinite(*out) || *in < 0 || *out <= *in ||
                    (rec->durationS && *in >= *rec->durationS))
                    return errorResponse(422, "unprocessable",
                                         "'in_s' and 'out_s' must be seconds with 0 <= in_s < out_s and "
                                         "in_s before the end of the recording.");
                const QString fileName =
                    name ? clipFileName(*name) : core::ClipExporter::suggestedFileName(rec->path, *in, *out);
                if (fileName.isEmpty())
                    return errorResponse(422, "unprocessable",
                                         "'name' must be a plain file name, not a path.");
                const QDir clips(QDir(session_.options().dataDir).filePath(QStringLiteral("clips")));
                if (!clips.mkpath(QStringLiteral(".")))
                    return errorResponse(500, "internal", "The clips folder cannot be created.");
                core::ClipRequest cr;
                cr.inputPath = rec->path;
                cr.inS = *in;
                cr.outS = *out;
                cr.outputPath = clips.filePath(fileName);
                if (QFileInfo::exists(cr.outputPath))
                    return errorResponse(409, "conflict", "A clip named '" + utf8(fileName) + "' exists.");
                const qint64 job = core::ClipExporter::submit(session_.jobs(), cr);
                Response r = json(202, QJsonObject{{"job_id", job}, {"path", cr.outputPath}});
                r.headers.emplace_back("Location", "/api/v1/jobs/" + std::to_string(job));
                return r;
            }
            return unknown();
        }

        if (area == "outputs") {
            if (seg.size() == 1) {
                if (m == "GET") {
                    return json(200, wire::outputsJson(session_.outputs()));
                }
                if (m != "POST")
                    return methodNotAllowed();
                const QJsonObject body = parseObject(req);
                const auto url = optString(body, "url");
                if (!url)
                    return errorResponse(422, "unprocessable", "An output needs a 'url'.");
                auto out = session_.addOutput(*url, optString(body, "name").value_or(QString()), actor);
                return out ? json(201, wire::outputJson(out.value())) : maskedError(out.error());
            }
            const auto id = pathId(seg[1]);
            if (seg.size() == 2 && id) {
                if (m != "DELETE")
                    return methodNotAllowed();
                auto done = session_.removeOutput(*id, actor);
                return done ? noContent() : fromError(done.error());
            }
            if (seg.size() == 3 && id && (seg[2] == "stop" || seg[2] == "start")) {
                if (m != "POST")
                    return methodNotAllowed();
                if (seg[2] == "start") {
                    auto out = session_.startOutput(*id, actor);
                    return out ? json(200, wire::outputJson(out.value())) : maskedError(out.error());
                }
                auto done = session_.stopOutput(*id, actor);
                if (!done)
                    return fromError(done.error());
                if (const auto out = session_.output(*id))
                    return json(200, wire::outputJson(*out));
                return errorResponse(404, "not_found", "No output '" + seg[1] + "'.");
            }
            return errorResponse(404, "not_found", "No output '" + seg[1] + "'.");
        }

        if (area == "archives" && seg.size() == 1) {
            if (m != "POST")
                return methodNotAllowed();
            const QJsonObject body = parseObject(req);
            core::archive::ArchiveRequest ar;
            ar.sign = optBool(body, "sign");
            ar.certificatePath = optString(body, "certificate").value_or(QString());
            ar.keyPath = optString(body, "key").value_or(QString());
            const auto recording = optId(body, "recording_id");
            if (!recording)
                return errorResponse(422, "unprocessable", "An archive needs a 'recording_id'.");
            ar.recordingId = *recording;
            auto job = core::archive::startArchive(session_, ar, actor);
            if (!job)
                return fromError(job.error());
            Response r = json(202, QJsonObject{{"job_id", *job}});
            r.headers.emplace_back("Location", "/api/v1/jobs/" + std::to_string(*job));
            return r;
        }
        if (area == "jobs" && seg.size() == 2) {
            const auto id = pathId(seg[1]);
            const auto job = id ? session_.jobs().job(*id) : std::nullopt;
            if (!job)
                return errorResponse(404, "not_found", "No job '" + seg[1] + "'.");
            if (m == "GET")
                return json(200, session_.jobs().jobJson(*job));
            if (m != "DELETE")
                return methodNotAllowed();
            if (!session_.jobs().cancel(*id))
                return errorResponse(409, "conflict", "Job " + seg[1] + " has already ended.");
            return json(202, session_.jobs().jobJson(*session_.jobs().job(*id)));
        }

        if (area == "meetings" && seg.size() == 3 && seg[2] == "start") {
            const auto id = pathId(seg[1]);
            if (!id)
                return errorResponse(404, "not_found", "No meeting '" + seg[1] + "'.");
            if (m != "POST")
                return methodNotAllowed();
            auto started = session_.startMeeting(*id, actor);
            if (!started)
                return fromError(started.error());
            return json(200, QJsonObject{{"meeting", core::MeetingBook::toJson(started.value())},
                                         {"program", wire::compositionJson(session_.program())},
                                         {"preview", wire::compositionJson(session_.preview())}});
        }
        if (area == "meetings" && seg.size() == 1) {
            if (m == "GET") {
                auto all = session_.meetings().between(QDateTime::currentDateTime().addYears(-5),
                                                       QDateTime::currentDateTime().addYears(5));
                if (!all)
                    return fromError(all.error());
                QJsonArray out;
                for (const auto& mt : all.value())
                    out.append(core::MeetingBook::toJson(mt));
                return json(200, out);
            }
            if (m != "POST")
                return methodNotAllowed();
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
                return errorResponse(422, "unprocessable",
                                     "'starts_at' and 'ends_at' must be ISO 8601 times.");
            mt.hostSiteId = optId(body, "host_site_id").value_or(0);
            mt.emergency = optBool(body, "emergency").value_or(false);
            const QJsonValue ids = body.value(QLatin1String("site_ids"));
            if (!ids.isUndefined()) {
                if (!ids.isArray())
                    throw BadRequest{QStringLiteral("'site_ids' must be an array of ids.")};
                for (const QJsonValue& v : ids.toArray()) {
                    if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != std::floor(v.toDouble()))
                        throw BadRequest{QStringLiteral("'site_ids' must be an array of ids.")};
                    mt.siteIds.append(static_cast<qint64>(v.toDouble()));
                }
            }
            auto out = session_.scheduleMeeting(mt, actor);
            if (!out)
                return fromError(out.error());
            QJsonObject o = core::MeetingBook::toJson(out->meeting);
            o.insert(QStringLiteral("warning"),
                     out->warning.isEmpty() ? QJsonValue() : QJsonValue(out->warning));
            return json(201, o);
        }
        return unknown();
    } catch (const BadRequest& e) {
        return errorResponse(400, "bad_request", utf8(e.message));
    }
}

} // namespace hntt::api
