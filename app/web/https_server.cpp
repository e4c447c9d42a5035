// The face of the join page's transport. The pieces are private files of their own: https_core
// (listener, threads, connection registry), https_session (one connection), https_tls (the TLS
// context), https_target (request target decoding).
#include "web/https_server.h"

#include "web/https_core.h"

namespace hntt::web {

struct HttpsServer::Impl {
    Impl(HttpsConfig config, net::Handler handler)
        : core(std::move(config), std::move(handler)) {}
    detail::HttpsCore core;
};

HttpsServer::HttpsServer(HttpsConfig config, net::Handler handler)
    : d_(std::make_unique<Impl>(std::move(config), std::move(handler))) {}

HttpsServer::~HttpsServer() {
    stop();
}

bool HttpsServer::start() {
    return d_->core.start();
}

void HttpsServer::stop() {
    d_->core.stop();
}

bool HttpsServer::isRunning() const {
    return d_->core.isRunning();
}

std::uint16_t HttpsServer::port() const {
    return d_->core.port();
}

std::string HttpsServer::errorString() const {
    return d_->core.errorString();
}

std::size_t HttpsServer::connections() const {
    return d_->core.connections();
}

} // namespace hntt::web
