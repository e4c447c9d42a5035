#include "api/server_core.h"

#include "api/http_session.h"
#include "api/ws_session.h"
#include "net/tls_context.h"

#include <QtGlobal>
#include <algorithm>
#include <array>
#include <cctype>
#include <openssl/crypto.h>

namespace hntt::api::detail {

namespace {

// How many connections may be waiting for their 503 at once; beyond, they are reset.
constexpr int kMaxRefusing = 64;
constexpr std::chrono::seconds kRefusalTime{2};
constexpr std::chrono::seconds kNoticeCheck{10};

asio::ip::address plainAddress(const asio::ip::address& a) {
    if (a.is_v6() && a.to_v6().is_v4_mapped())
        return asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6());
    return a;
}

// A connection over the limits: the 503, a half-close, then what the client still sends is read
// and dropped until it closes (or kRefusalTime passes), so that it reads the answer, not a reset.
class Refusal : public std::enable_shared_from_this<Refusal> {
public:
    Refusal(tcp::socket socket, std::atomic<int>& count)
        : stream_(std::move(socket))
        , count_(count) {}
    ~Refusal() { --count_; }
    Refusal(const Refusal&) = delete;
    Refusal& operator=(const Refusal&) = delete;

    void start(const std::string& answer) {
        stream_.expires_after(kRefusalTime);
        asio::async_write(stream_, asio::buffer(answer),
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              beast::error_code sec;
                              if (!ec)
                                  self->stream_.socket().shutdown(tcp::socket::shutdown_send, sec);
                              if (ec || sec)
                                  self->stream_.close();
                              else
                                  self->drain();
                          });
    }

private:
    void drain() {
        stream_.async_read_some(asio::buffer(sink_),
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    if (ec)
                                        self->stream_.close();
                                    else
                                        self->drain();
                                });
    }

    beast::tcp_stream stream_;
    std::atomic<int>& count_;
    std::array<char, 4096> sink_{};
};

} // namespace

ServerCore::ServerCore(ServerConfig config, Handler handler)
    : config_(std::move(config))
    , handler_(std::move(handler))
    , access_(config_) {
    config_.ioThreads = std::clamp(config_.ioThreads, 1, 2);
    config_.maxWebSocketQueue = std::max<std::size_t>(config_.maxWebSocketQueue, 1);
    config_.maxHeaderFields = std::max<std::size_t>(config_.maxHeaderFields, 1);
    // Below a request line and a Host field, no request could pass.
    config_.headerLimit = std::max<std::size_t>(config_.headerLimit, 1024);
    if (!config_.token.empty())
        grants_.push_back(Grant{"operator", Role::Operator, sha256(config_.token)});
    for (const Credential& c : config_.credentials)
        if (!c.token.empty())
            grants_.push_back(Grant{c.name, c.role, sha256(c.token)});
    // Tokens are not kept in memory longer than their digests need.
    config_.token.clear();
    config_.credentials.clear();
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

const ServerCore::Grant* ServerCore::grantForToken(std::string_view candidate) const {
    if (candidate.empty())
        return nullptr;
    const Digest d = sha256(candidate);
    const Grant* found = nullptr;
    for (const Grant& g : grants_) // every one compared, so the time says nothing of which
        if (CRYPTO_memcmp(d.data(), g.digest.data(), d.size()) == 0 && !found)
            found = &g;
    return found;
}

const ServerCore::Grant* ServerCore::grantForAuthorization(std::string_view header) const {
    constexpr std::string_view scheme = "bearer ";
    if (header.size() < scheme.size())
        return nullptr;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(header[i])) != scheme[i])
            return nullptr;
    }
    std::string_view token = header.substr(scheme.size());
    while (!token.empty() && (token.front() == ' ' || token.front() == '\t'))
        token.remove_prefix(1);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t'))
        token.remove_suffix(1);
    return grantForToken(token);
}

std::chrono::milliseconds ServerCore::failedLogin(const std::string& peerAddress) {
    const auto now = AccessBook::Clock::now();
    const std::chrono::milliseconds hold = access_.failedLogin(peerAddress, now);
    tell(access_.note(ServerNotice::Kind::FailedLogins, peerAddress, hold.count() > 0, now));
    return hold;
}

void ServerCore::tell(const std::vector<ServerNotice>& notices) {
    if (notices.empty() || !noticeCallback_)
        return;
    for (const ServerNotice& n : notices) {
        try {
            noticeCallback_(n);
        } catch (...) {
            qWarning("API: the notice callback failed");
        }
    }
}

void ServerCore::scheduleNotices() {
    noticeTimer_->expires_after(kNoticeCheck);
    noticeTimer_->async_wait([this](beast::error_code ec) {
        if (ec || !acceptor_->is_open())
            return;
        tell(access_.due(AccessBook::Clock::now()));
        scheduleNotices();
    });
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
    tls_.reset();
    acceptRetry_.reset();
    acceptor_.reset();
    ioc_.reset();
    return false;
}

bool ServerCore::start() {
    if (isRunning())
        return true;
    error_.clear();
    // The certificate first: a server that cannot do TLS should not hold the port.
    if (!config_.certificatePem.empty() || !config_.privateKeyPem.empty()) {
        std::string tlsError;
        tls_ = net::makeServerContext(config_.certificatePem, config_.privateKeyPem, &tlsError);
        if (!tls_)
            return fail(std::move(tlsError));
    }
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
    noticeTimer_.emplace(acceptor_->get_executor());
    doAccept();
    scheduleNotices();
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
    beast::error_code pec;
    const tcp::endpoint peer = socket.remote_endpoint(pec);
    if (pec) { // gone already
        socket.close(pec);
        doAccept();
        return;
    }
    const std::string address = plainAddress(peer.address()).to_string();
    if (auto slot = access_.enter(address)) {
        try {
            if (tls_)
                std::make_shared<BasicHttpSession<TlsStream>>(*this, TlsStream(std::move(socket), *tls_),
                                                              std::move(slot))
                    ->start();
            else
                std::make_shared<BasicHttpSession<beast::tcp_stream>>(
                    *this, beast::tcp_stream(std::move(socket)), std::move(slot))
                    ->start();
        } catch (const std::exception& e) {
            qWarning("API: cannot start a connection: %s", e.what()); // e.g. no memory
        }
    } else {
        refuse(std::move(socket), address);
    }
    doAccept();
}

void ServerCore::refuse(tcp::socket socket, const std::string& peerAddress) {
    tell(access_.note(ServerNotice::Kind::ConnectionsRefused, peerAddress, false, AccessBook::Clock::now()));
    beast::error_code ec;
    if (refusing_.load() >= kMaxRefusing) {
        // A reset costs nothing and leaves no TIME_WAIT behind.
        socket.set_option(asio::socket_base::linger(true, 0), ec);
        socket.close(ec);
        return;
    }
    static const std::string k503 = [] {
        const std::string body =
            R"({"error":{"code":"unavailable","message":"Too many connections; try again shortly."}})";
        return "HTTP/1.1 503 Service Unavailable\r\nServer: hntt-console\r\nContent-Type: "
               "application/json\r\n"
               "Cache-Control: no-store\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n" + body;
    }();
    ++refusing_;
    std::make_shared<Refusal>(std::move(socket), refusing_)->start(k503);
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
        noticeTimer_->cancel();
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
    noticeTimer_.reset();
    acceptor_.reset();
    fanout_.reset();
    ioc_.reset(); // destroys the sessions still held by pending operations
    tls_.reset();
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
