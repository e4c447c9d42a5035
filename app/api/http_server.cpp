// The face of the API transport. The pieces are private files of their own: server_core (listener,
// threads, registries), http_session and ws_session (one connection each), http_target (request
// target decoding), server_common (what they share).
#include "api/http_server.h"

#include "api/server_core.h"

namespace hntt::api {

struct HttpServer::Impl {
    Impl(ServerConfig config, Handler handler)
        : core(std::move(config), std::move(handler)) {}
    detail::ServerCore core;
};

HttpServer::HttpServer(ServerConfig config, Handler handler)
    : d_(std::make_unique<Impl>(std::move(config), std::move(handler))) {}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::setClientCallback(ClientCallback callback) {
    d_->core.setClientCallback(std::move(callback));
}

void HttpServer::setNoticeCallback(NoticeCallback callback) {
    d_->core.setNoticeCallback(std::move(callback));
}

bool HttpServer::start() {
    return d_->core.start();
}

void HttpServer::stop() {
    d_->core.stop();
}

bool HttpServer::isRunning() const {
    return d_->core.isRunning();
}

std::string HttpServer::errorString() const {
    return d_->core.errorString();
}

std::uint16_t HttpServer::port() const {
    return d_->core.port();
}

void HttpServer::broadcast(std::string json, Topic topic) {
    d_->core.broadcast(std::move(json), topic);
}

std::size_t HttpServer::webSocketClients() const {
    return d_->core.webSocketClients();
}

} // namespace hntt::api
