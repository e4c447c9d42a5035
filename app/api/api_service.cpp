#include "api/api_service.h"

#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "api/session_json.h"
#include "core/session/session.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMetaObject>
#include <QPointer>
#include <optional>

namespace hntt::api {

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
    connect(&session_.jobs(), &core::JobQueue::jobChanged, this, [this](const core::JobQueue::Job& job) {
        QJsonObject event = wire::jobJson(job);
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
