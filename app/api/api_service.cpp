#include "api/api_service.h"

#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/session/session.h"

#include <QDateTime>
#include <QJsonDocument>
#include <optional>

namespace hntt::api {

namespace {
constexpr std::chrono::milliseconds kLevelInterval{100};
}

ApiService::ApiService(core::Session& session, ServerConfig config, QObject* parent)
    : QObject(parent)
    , session_(session) {
    routes::addStateRoutes(router_, session_);
    routes::addSiteRoutes(router_, session_);
    routes::addProgramRoutes(router_, session_);
    routes::addRecordingRoutes(router_, session_);
    routes::addOutputRoutes(router_, session_);
    routes::addCameraRoutes(router_, session_);
    routes::addMeetingRoutes(router_, session_);
    routes::addAlarmRoutes(router_, session_);
    routes::addArchiveJobRoutes(router_, session_);
    // What a read-only (viewer's) token may see: the meeting as it runs and what was recorded.
    // Not the join links (secrets), nor cameras (reading one moves traffic to a device).
    for (const char* pattern : {"/health", "/state", "/sites", "/sites/{site}", "/program", "/preview",
                                "/program/audio", "/layouts", "/outputs", "/alarms", "/meetings",
                                "/recordings", "/recordings/{recording}", "/jobs/{job}"})
        router_.permitViewers("GET", pattern);

    // The I/O threads only hand the request to this object's (the core's) thread. They have
    // stopped before the hop goes (the server is destroyed first).
    server_ = std::make_unique<HttpServer>(std::move(config), [this](const Request& req, Responder reply) {
        hop_.post([this, req, reply] { dispatch(req, reply); });
    });
    connect(&session_, &core::Session::changed, this, [this](const core::SessionEvent& event) {
        broadcast(wire::eventJson(event, session_), Topic::Always);
    });
    connect(&session_.jobs(), &core::JobQueue::jobChanged, this, [this](const core::JobQueue::Job& job) {
        QJsonObject event = wire::jobJson(job);
        event.insert(QStringLiteral("type"), QStringLiteral("job.progress"));
        event.insert(QStringLiteral("at"), QDateTime::currentDateTime()
                                               .toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                                               .toString(Qt::ISODateWithMs));
        broadcast(event, Topic::Always);
    });
    levelTimer_.setSingleShot(true);
    levelTimer_.setInterval(kLevelInterval);
    connect(&levelTimer_, &QTimer::timeout, this, &ApiService::sendLevels);
    connect(&session_, &core::Session::levelsChanged, this, [this](const engine::LevelsSnapshot& levels) {
        pendingLevels_ = levels;
        if (!levelTimer_.isActive())
            sendLevels();
    });
    // Refusals come from an I/O thread, at most once a minute per kind and address.
    server_->setNoticeCallback([this](const ServerNotice& n) {
        core::Session::AccessRefusal r;
        r.kind = n.kind == ServerNotice::Kind::FailedLogins
                     ? core::Session::AccessRefusal::Kind::FailedLogins
                     : core::Session::AccessRefusal::Kind::TooManyConnections;
        r.peer = QString::fromStdString(n.peer);
        r.count = n.count;
        r.holding = n.holding;
        hop_.post([this, r] { session_.accessRefused(r); });
    });
}

void ApiService::sendLevels() {
    if (!pendingLevels_)
        return;
    broadcast(wire::levelsJson(*pendingLevels_), Topic::Levels);
    pendingLevels_.reset();
    levelTimer_.start();
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
    router_.dispatch(req, reply);
}

Response ApiService::route(const Request& req) {
    auto answer = std::make_shared<std::optional<Response>>();
    dispatch(req, [answer](Response r) {
        if (!*answer)
            *answer = std::move(r);
    });
    if (*answer)
        return std::move(**answer);
    return errorResponse(500, "internal", req.path + " answers later; it needs the server.");
}

} // namespace hntt::api
