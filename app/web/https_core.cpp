#include "web/https_core.h"

#include "net/tls_context.h"
#include "web/https_session.h"

#include <QtGlobal>
#include <algorithm>

namespace hntt::web::detail {

namespace {

asio::ip::address plainAddress(const asio::ip::address& a) {
    if (a.is_v6() && a.to_v6().is_v4_mapped())
        return asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6());
    return a;
}

} // namespace

std::string endpointText(const tcp::endpoint& ep) {
    const asio::ip::address a = plainAddress(ep.address());
    const std::string address = a.to_string();
    return (a.is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(ep.port());
}

HttpsCore::HttpsCore(HttpsConfig config, net::Handler handler)
    : config_(std::move(config))
    , handler_(std::move(handler)) {
    config_.ioThreads = std::clamp(config_.ioThreads, 1, 4);
    config_.maxConnections = std::max<std::size_t>(config_.maxConnections, 1);
    config_.maxConnectionsPerPeer = std::max<std::size_t>(config_.maxConnectionsPerPeer, 1);
    config_.maxHeaderFields = std::max<std::size_t>(config_.maxHeaderFields, 1);
    // Below a request line and a Host field, no request could pass.
    config_.headerLimit = std::max<std::size_t>(config_.headerLimit, 1024);
}

bool HttpsCore::callHandler(const net::Request& request, net::Responder responder) const {
    try {
        handler_(request, std::move(responder));
        return true;
    } catch (const std::exception& e) {
        qWarning("Join page: handler failed on %s %s: %s", request.method.c_str(), request.path.c_str(),
                 e.what());
    } catch (...) {
        qWarning("Join page: handler failed on %s %s", request.method.c_str(), request.path.c_str());
    }
    return false;
}

std::uint64_t HttpsCore::admit(const std::string& peer) {
    std::lock_guard lock(registryMutex_);
    if (stopping_ || slots_.size() >= config_.maxConnections)
        return 0;
    std::size_t& fromPeer = perPeer_[peer];
    if (fromPeer >= config_.maxConnectionsPerPeer)
        return 0;
    ++fromPeer;
    const std::uint64_t id = ++nextId_;
    slots_.emplace(id, Slot{peer, {}});
    connectionCount_ = slots_.size();
    return id;
}

void HttpsCore::attach(std::uint64_t id, const std::shared_ptr<HttpsSession>& session) {
    std::lock_guard lock(registryMutex_);
    if (const auto it = slots_.find(id); it != slots_.end())
        it->second.session = session;
}

void HttpsCore::release(std::uint64_t id) {
    std::lock_guard lock(registryMutex_);
    const auto it = slots_.find(id);
    if (it == slots_.end())
        return;
    if (const auto peer = perPeer_.find(it->second.peer); peer != perPeer_.end() && --peer->second == 0)
        perPeer_.erase(peer);
    slots_.erase(it);
    connectionCount_ = slots_.size();
}

bool HttpsCore::fail(std::string message) {
    {
        std::lock_guard lock(runMutex_);
        error_ = std::move(message);
    }
    acceptRetry_.reset();
    acceptor_.reset();
    ioc_.reset();
    tls_.reset();
    return false;
}

bool HttpsCore::start() {
    if (isRunning())
        return true;
    {
        std::lock_guard lock(runMutex_);
        error_.clear();
    }
    // The certificate first: a server that cannot do TLS should not hold the port.
    std::string tlsError;
    tls_ = net::makeServerContext(config_.certificatePem, config_.privateKeyPem, &tlsError);
    if (!tls_)
        return fail(std::move(tlsError));

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
                        qWarning("Join page: I/O thread: %s", e.what());
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
        std::lock_guard lock(runMutex_);
        error_ = std::string("Cannot start the join page's threads: ") + e.what();
        return false;
    }
    return true;
}

void HttpsCore::doAccept() {
    acceptor_->async_accept(asio::make_strand(*ioc_), [this](beast::error_code ec, tcp::socket socket) {
        onAccept(ec, std::move(socket));
    });
}

void HttpsCore::onAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_->is_open())
        return;
    if (ec) {
        // E.g. out of file descriptors: retry shortly instead of spinning.
        qWarning("Join page: accept failed: %s", ec.message().c_str());
        acceptRetry_->expires_after(std::chrono::milliseconds(100));
        acceptRetry_->async_wait([this](beast::error_code wec) {
            if (!wec && acceptor_->is_open())
                doAccept();
        });
        return;
    }
    beast::error_code pec;
    const tcp::endpoint peer = socket.remote_endpoint(pec);
    const std::uint64_t id = pec ? 0 : admit(plainAddress(peer.address()).to_string());
    if (id == 0) {
        // Over a limit (or already gone): a reset costs nothing and leaves no TIME_WAIT behind.
        socket.set_option(asio::socket_base::linger(true, 0), pec);
        socket.close(pec);
    } else {
        try {
            auto session =
                std::make_shared<HttpsSession>(*this, std::move(socket), *tls_, id, endpointText(peer));
            attach(id, session);
            session->start();
        } catch (const std::exception& e) {
            // E.g. no memory for the TLS state; the socket went with the session.
            qWarning("Join page: cannot start a connection: %s", e.what());
            release(id);
        }
    }
    doAccept();
}

void HttpsCore::stop() {
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
    std::vector<std::shared_ptr<HttpsSession>> live;
    {
        std::lock_guard lock(registryMutex_);
        stopping_ = true;
        for (auto& [id, slot] : slots_) {
            if (auto s = slot.session.lock())
                live.push_back(std::move(s));
        }
    }
    for (auto& s : live)
        s->shutdown();
    live.clear();
    {
        // Closed connections end by themselves at once; what remains after the grace is cut.
        std::unique_lock lock(doneMutex_);
        doneCv_.wait_for(lock, kStopGrace, [this] { return threadsRunning_ == 0; });
    }
    ioc_->stop();
    for (std::thread& t : threads_)
        t.join();
    threads_.clear();
    acceptRetry_.reset();
    acceptor_.reset();
    ioc_.reset(); // destroys the sessions still held by pending operations
    tls_.reset();
    {
        std::lock_guard lock(registryMutex_);
        slots_.clear();
        perPeer_.clear();
        stopping_ = false;
    }
    connectionCount_ = 0;
    boundPort_ = 0;
}

} // namespace hntt::web::detail
