// The API server's shared state: the listener, the I/O threads, the token check, the registry of
// live connections (for stop()) and of WebSocket clients (for broadcasts). HttpServer is a thin
// face over it; the sessions reach it by reference. Private to the transport; includes Boost.
#pragma once

#include "api/access_book.h"
#include "api/http_server.h"
#include "api/server_common.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace hntt::api::detail {

class WsSession;

class ServerCore {
public:
    ServerCore(ServerConfig config, Handler handler);
    ~ServerCore() { stop(); }

    bool start();
    void stop();
    bool isRunning() const {
        std::lock_guard lock(runMutex_);
        return running_;
    }
    void setClientCallback(HttpServer::ClientCallback cb) {
        std::lock_guard lock(runMutex_);
        if (!running_)
            clientCallback_ = std::move(cb);
    }
    void setNoticeCallback(HttpServer::NoticeCallback cb) {
        std::lock_guard lock(runMutex_);
        if (!running_)
            noticeCallback_ = std::move(cb);
    }
    void broadcast(std::string json, Topic topic);

    const ServerConfig& config() const { return config_; }
    const std::string& errorString() const { return error_; }
    std::uint16_t port() const { return boundPort_.load(); }
    std::size_t webSocketClients() const { return wsClients_.load(); }
    const std::shared_ptr<RunGate>& gate() const { return gate_; }

    // Runs the application's handler; false if it threw.
    bool callHandler(const Request& request, Responder responder) const;

    // A token the server knows, with its name and role.
    struct Grant {
        std::string name;
        Role role = Role::Viewer;
        Digest digest{};
    };
    // The grant of a token; constant time in the content and the length of the candidate (digests
    // are compared, every one of them). Null when it is no known token.
    const Grant* grantForToken(std::string_view candidate) const;
    // The same for an Authorization header "Bearer TOKEN" (the scheme in any case).
    const Grant* grantForAuthorization(std::string_view header) const;

    // A failed login from that address: how long to hold its answer; tells the application.
    std::chrono::milliseconds failedLogin(const std::string& peerAddress);

    // Every live connection is registered, for stop(); returns 0 when stopping (refused).
    std::uint64_t addConnection(const std::shared_ptr<Connection>& c);
    void removeConnection(std::uint64_t id);
    // WebSocket clients that completed the handshake receive broadcasts.
    bool addClient(std::uint64_t id, const std::shared_ptr<WsSession>& s, const std::string& clientId);
    void removeClient(std::uint64_t id, const std::string& clientId);

private:
    void doAccept();
    void onAccept(beast::error_code ec, tcp::socket socket);
    // A connection over the limits: a short 503, or a reset when too many are being refused.
    void refuse(tcp::socket socket, const std::string& peerAddress);
    void tell(const std::vector<ServerNotice>& notices);
    void scheduleNotices();
    void fanOut(const std::shared_ptr<const std::string>& message, Topic topic);
    bool fail(std::string message);

    ServerConfig config_;
    const Handler handler_;
    std::vector<Grant> grants_;
    AccessBook access_;
    std::atomic<int> refusing_{0}; // 503 answers being written
    std::string error_;
    std::atomic<std::uint16_t> boundPort_{0};
    std::atomic<std::size_t> wsClients_{0};

    mutable std::mutex runMutex_; // running_, clientCallback_ (set while stopped only)
    bool running_ = false;
    HttpServer::ClientCallback clientCallback_;
    HttpServer::NoticeCallback noticeCallback_;

    // Valid from start() to the end of stop(); the I/O threads only see them in between.
    std::unique_ptr<asio::io_context> ioc_;
    std::optional<tcp::acceptor> acceptor_;
    std::optional<asio::steady_timer> acceptRetry_;
    std::optional<asio::steady_timer> noticeTimer_; // on the acceptor's strand
    std::unique_ptr<ssl::context> tls_;             // with a certificate: every connection is TLS
    std::optional<asio::strand<asio::io_context::executor_type>> fanout_; // orders broadcasts
    std::shared_ptr<RunGate> gate_;
    std::vector<std::thread> threads_;
    std::mutex doneMutex_;
    std::condition_variable doneCv_;
    int threadsRunning_ = 0;

    std::mutex registryMutex_;
    bool stopping_ = false;
    std::uint64_t nextId_ = 0;
    std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> connections_;
    std::unordered_map<std::uint64_t, std::weak_ptr<WsSession>> clients_;
};

} // namespace hntt::api::detail
