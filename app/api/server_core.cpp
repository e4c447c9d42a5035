#include "api/server_core.h"

#include "api/http_session.h"
#include "api/ws_session.h"

#include <QtGlobal>
#include <algorithm>
#include <cctype>
#include <openssl/crypto.h>

namespace hntt::api::detail {

ServerCore::ServerCore(ServerConfig config, Handler handler)
    : config_(std::move(config))
    , handler_(std::move(handler))
    , tokenDigest_(sha256(config_.token)) {
    config_.ioThreads = std::clamp(config_.ioThreads, 1, 2);
    config_.maxWebSocketQueue = std::max<std::size_t>(config_.maxWebSocketQueue, 1);
}

bool ServerCore::callHandler(const Request& request, Responder responder) const {
    try {
        handler_(request, std::move(responder));
        return true;
    } catch (const std::exception& e) {
        qWarning("API handler failed on %s %s: %s", request.method.c_str(), request.path.c_str(), e.what());
    } catch (...) {
        qWarning("API handler failed on %s %s", request.method.c_str(), request.path.c_str());
    }
    return false;
}

bool ServerCore::tokenMatches(std::string_view candidate) const {
    if (config_.token.empty())
        return false;
    const Digest d = sha256(candidate);
    return CRYPTO_memcmp(d.data(), tokenDigest_.data(), d.size()) == 0;
}

bool ServerCore::authorizationMatches(std::string_view header) const {
    constexpr std::string_view scheme = "bearer ";
    if (header.size() < scheme.size())
        return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(header[i])) != scheme[i])
            return false;
    }
    std::string_view token = header.substr(scheme.size());
    while (!token.empty() && (token.front() == ' ' || token.front() == '\t'))
        token.remove_prefix(1);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t'))
        token.remove_suffix(1);
    return tokenMatches(token);
}

std::uint64_t ServerCore::addConnection(const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(registryMutex_);
    if (stopping_)
        return 0;
    const std::uint64_t id = ++nextId_;
    connections_.emplace(id, c);
    return id;
}

void ServerCore::removeConnection(std::uint64_t id) {
    std::lock_guard lock(registryMutex_);
    connections_.erase(id);
}

bool ServerCore::addClient(std::uint64_t id, const std::shared_ptr<WsSession>& s,
                           const std::string& clientId) {
    {
        std::lock_guard lock(registryMutex_);
        if (stopping_)
            return false;
        clients_.emplace(id, s);
        ++wsClients_;
    }
    if (clientCallback_)
        clientCallback_(clientId, true);
    return true;
}

void ServerCore::removeClient(std::uint64_t id, const std::string& clientId) {
    {
        std::lock_guard lock(registryMutex_);
        if (clients_.erase(id) == 0)
            return;
        --wsClients_;
    }
    if (clientCallback_)
        clientCallback_(clientId, false);
}

bool ServerCore::fail(std::string message) {
    error_ = std::move(message);
    acceptRetry_.reset();
    acceptor_.reset();
    ioc_.reset();
    return false;
}

bool ServerCore::start() {
    if (isRunning())
        return true;
    error_.clear();
    ioc_ = std::make_unique<asio::io_context>(config_.ioThreads);

    beast::error_code ec;
    tcp::endpoint endpoint;
    const asio::ip::address address = asio::ip::make_address(config_.host, ec);
    if (!ec) {
        endpoint = tcp::endpoint(address, config_.port);
    } else {
        tcp::resolver resolver(*ioc_);
        const auto results = resolver.resolve(config_.host, std::to_string(config_.port), ec);
        if (ec || results.empty())
            return fail("Cannot resolve " + config_.host + ": " + (ec ? ec.message() : "no address"));
        endpoint = results.begin()->endpoint();
    }
    const std::string where = endpointText(endpoint);
    acceptor_.emplace(asio::make_strand(*ioc_));
    acceptor_->open(endpoint.protocol(), ec);
    if (!ec)
        acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor_->bind(endpoint, ec);
    if (!ec)
        acceptor_->listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return fail("Cannot listen on " + where + ": " + ec.message());
    boundPort_ = acceptor_->local_endpoint(ec).port();

    gate_ = std::make_shared<RunGate>();
    fanout_.emplace(asio::make_strand(*ioc_));
    acceptRetry_.emplace(acceptor_->get_executor());
    doAccept();
    {
        std::lock_guard lock(runMutex_);
        running_ = true;
    }
    try {
        for (int i = 0; i < config_.ioThreads; ++i) {
            {
                std::lock_guard lock(doneMutex_);
                ++threadsRunning_;
            }
            threads_.emplace_back([this] {
                for (;;) {
                    try {
                        ioc_->run();
                        break;
                    } catch (const std::exception& e) {
                        qWarning("API: I/O thread: %s", e.what());
                    }
                }
                {
                    std::lock_guard lock(doneMutex_);
                    --threadsRunning_;
                }
                doneCv_.notify_all();
            });
        }
    } catch (const std::system_error& e) {
        {
            std::lock_guard lock(doneMutex_);
            --threadsRunning_; // the thread that failed to start
        }
        stop();
        error_ = std::string("Cannot start the API threads: ") + e.what();
        return false;
    }
    return true;
}

void ServerCore::doAccept() {
    acceptor_->async_accept(asio::make_strand(*ioc_), [this](beast::error_code ec, tcp::socket socket) {
        onAccept(ec, std::move(socket));
    });
}

void ServerCore::onAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_->is_open())
        return;
    if (ec) {
        // E.g. out of file descriptors: retry shortly instead of spinning.
        qWarning("API: accept failed: %s", ec.message().c_str());
        acceptRetry_->expires_after(std::chrono::milliseconds(100));
        acceptRetry_->async_wait([this](beast::error_code wec) {
            if (!wec && acceptor_->is_open())
                doAccept();
        });
        return;
    }
    startSession(std::move(socket));
    doAccept();
}

void ServerCore::startSession(tcp::socket socket) {
    std::make_shared<HttpSession>(*this, std::move(socket))->start();
}

void ServerCore::stop() {
    {
        std::lock_guard lock(runMutex_);
        if (!running_)
            return;
        running_ = false;
    }
    {
        std::lock_guard lock(gate_->mutex);
        gate_->open = false;
    }
    asio::post(acceptor_->get_executor(), [this] {
        beast::error_code ec;
        acceptor_->close(ec);
        acceptRetry_->cancel();
    });
    std::vector<std::shared_ptr<Connection>> live;
    {
        std::lock_guard lock(registryMutex_);
        stopping_ = true;
        for (auto& [id, weak] : connections_) {
            if (auto c = weak.lock())
                live.push_back(std::move(c));
        }
    }
    for (auto& c : live)
        c->shutdown();
    live.clear();
    {
        // Connections close by themselves within the grace time; what remains is cut.
        std::unique_lock lock(doneMutex_);
        doneCv_.wait_for(lock, kStopGrace + std::chrono::milliseconds(200),
                         [this] { return threadsRunning_ == 0; });
    }
    ioc_->stop();
    for (std::thread& t : threads_)
        t.join();
    threads_.clear();
    acceptRetry_.reset();
    acceptor_.reset();
    fanout_.reset();
    ioc_.reset(); // destroys the sessions still held by pending operations
    {
        std::lock_guard lock(registryMutex_);
        connections_.clear();
        clients_.clear();
        stopping_ = false;
    }
    wsClients_ = 0;
    boundPort_ = 0;
}

void ServerCore::broadcast(std::string json, Topic topic) {
    auto message = std::make_shared<const std::string>(std::move(json));
    std::lock_guard lock(runMutex_);
    if (!running_)
        return;
    // One strand fans out every broadcast, so that all clients see the same order.
    asio::post(*fanout_, [this, message = std::move(message), topic] { fanOut(message, topic); });
}

void ServerCore::fanOut(const std::shared_ptr<const std::string>& message, Topic topic) {
    std::vector<std::shared_ptr<WsSession>> targets;
    {
        std::lock_guard lock(registryMutex_);
        targets.reserve(clients_.size());
        for (auto& [id, weak] : clients_) {
            if (auto s = weak.lock())
                targets.push_back(std::move(s));
        }
    }
    for (auto& s : targets) {
        const asio::any_io_executor ex = s->executor();
        asio::post(ex, [s = std::move(s), message, topic] { s->enqueue(message, topic); });
    }
}

} // namespace hntt::api::detail
