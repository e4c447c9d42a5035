// The join page server's shared state: the TLS context, the listener, the I/O threads and the
// registry of live connections (for the connection limits and for stop()). HttpsServer is a thin
// face over it; the sessions reach it by reference. Private to the transport; includes Boost.
#pragma once

#include "net/beast_ssl.h"
#include "web/https_server.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace hntt::web::detail {

namespace beast = net::beast;
namespace http = net::http;
namespace asio = net::asio;
namespace ssl = net::ssl;
using tcp = net::tcp;

inline constexpr const char* kServerName = "hntt-console";
// How long stop() lets connections end by themselves before the I/O threads are stopped.
inline constexpr std::chrono::milliseconds kStopGrace{500};

// Open while the server runs. Responders outlive runs (the application may keep them), so they
// check it, under its mutex, before posting to an io_context that may be gone.
struct RunGate {
    std::mutex mutex;
    bool open = true;
};

class HttpsSession;

class HttpsCore {
public:
    HttpsCore(HttpsConfig config, net::Handler handler);
    ~HttpsCore() { stop(); }
    HttpsCore(const HttpsCore&) = delete;
    HttpsCore& operator=(const HttpsCore&) = delete;

    bool start();
    void stop();
    bool isRunning() const {
        std::lock_guard lock(runMutex_);
        return running_;
    }
    std::string errorString() const {
        std::lock_guard lock(runMutex_);
        return error_;
    }
    std::uint16_t port() const { return boundPort_.load(); }
    std::size_t connections() const { return connectionCount_.load(); }

    const HttpsConfig& config() const { return config_; }
    const std::shared_ptr<RunGate>& gate() const { return gate_; }
    // While running. Unlike a strand, it may outlive the io_context (it is only a pointer).
    asio::io_context::executor_type ioExecutor() const { return ioc_->get_executor(); }

    // Runs the application's handler; false if it threw.
    bool callHandler(const net::Request& request, net::Responder responder) const;

    // A live session registers itself, for stop(); its slot (see admit()) is given back when it
    // is destroyed.
    void attach(std::uint64_t id, const std::shared_ptr<HttpsSession>& session);
    void release(std::uint64_t id);

private:
    struct Slot {
        std::string peer;
        std::weak_ptr<HttpsSession> session;
    };

    // A slot for a new connection from `peer` (an address), or 0 when a limit is reached or the
    // server is stopping.
    std::uint64_t admit(const std::string& peer);
    void doAccept();
    void onAccept(beast::error_code ec, tcp::socket socket);
    bool fail(std::string message);

    HttpsConfig config_;
    const net::Handler handler_;
    std::atomic<std::uint16_t> boundPort_{0};
    std::atomic<std::size_t> connectionCount_{0};

    mutable std::mutex runMutex_; // running_, error_
    bool running_ = false;
    std::string error_;

    // Valid from start() to the end of stop(); the I/O threads only see them in between.
    std::unique_ptr<ssl::context> tls_;
    std::unique_ptr<asio::io_context> ioc_;
    std::optional<tcp::acceptor> acceptor_;
    std::optional<asio::steady_timer> acceptRetry_;
    std::shared_ptr<RunGate> gate_;
    std::vector<std::thread> threads_;
    std::mutex doneMutex_;
    std::condition_variable doneCv_;
    int threadsRunning_ = 0;

    std::mutex registryMutex_;
    bool stopping_ = false;
    std::uint64_t nextId_ = 0;
    std::unordered_map<std::uint64_t, Slot> slots_;
    std::unordered_map<std::string, std::size_t> perPeer_;
};

// "127.0.0.1:53122" or "[::1]:53122"; an IPv4 peer of a dual-stack socket as IPv4.
std::string endpointText(const tcp::endpoint& ep);

} // namespace hntt::web::detail
