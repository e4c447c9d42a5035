// The control API of shared/API.md: the HTTP server's requests routed to the application core,
// and every core event broadcast to WebSocket clients. Handlers run on the core's thread; the
// server's I/O thread only queues them, so a busy core never blocks the network. The routes are
// a table (api/router.h) filled by the areas in app/api/routes/.
#pragma once

#include "api/http_server.h"
#include "api/router.h"
#include "hntt/engine/engine.h"
#include "net/thread_hop.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace hntt::core {
class Session;
}

namespace hntt::api {

class ApiService : public QObject {
    Q_OBJECT

public:
    ApiService(core::Session& session, ServerConfig config, QObject* parent = nullptr);
    ~ApiService() override;

    bool start();
    void stop();
    std::uint16_t port() const;
    std::string errorString() const;

    // Routes one request (on the core's thread) and replies, now or when a device has answered.
    void dispatch(const Request& request, const Responder& reply);
    // Routes one request whose answer comes at once (every route but a camera's), for callers
    // without a server; one that would answer later is 500 here.
    Response route(const Request& request);

private:
    void broadcast(const QJsonObject& message, Topic topic);
    void sendLevels();

    core::Session& session_;
    // Levels go out at most ten times a second, the latest each time (the engine makes 12.5).
    QTimer levelTimer_;
    std::optional<engine::LevelsSnapshot> pendingLevels_;
    Router router_;
    net::ThreadHop hop_; // before the server: its I/O threads post here until it stops
    std::unique_ptr<HttpServer> server_;
};

} // namespace hntt::api
