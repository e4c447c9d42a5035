#include "api/http_server.h"

#include "api/api_errors.h"
#include "net/beast.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>
#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <limits>
#include <map>
#include <mutex>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace hntt::api {

namespace beast = net::beast;
namespace http = net::http;
namespace websocket = net::websocket;
namespace asio = net::asio;
using tcp = net::tcp;

namespace {

constexpr std::string_view kApiPrefix = "/api/v1";
constexpr std::string_view kHealthPath = "/api/v1/health";
constexpr std::string_view kEventsPath = "/api/v1/events";
constexpr const char* kServerName = "hntt-console";
constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kWebSocketMessageMax = 64 * 1024;
// After a response that ends a connection, unread input is drained this long before closing, so
// that the client reads the response instead of a reset (e.g. a 413 answered mid-upload).
constexpr std::chrono::seconds kLingerTime{3};
// How long stop() lets connections close by themselves (WebSocket close handshakes).
constexpr std::chrono::milliseconds kStopGrace{500};

using Digest = std::array<unsigned char, 32>;

std::string_view sv(beast::string_view s) {
    return {s.data(), s.size()};
}

Digest sha256(std::string_view data) {
    Digest d{};
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), d.data(), &len, EVP_sha256(), nullptr);
    return d;
}

std::string endpointText(const tcp::endpoint& ep) {
    const std::string address = ep.address().to_string();
    return (ep.address().is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(ep.port());
}

std::string nowIso() {
    const QDateTime now = QDateTime::currentDateTime();
    return now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODateWithMs).toStdString();
}

// --- Target parsing ---------------------------------------------------------------------------

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size())
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

// Percent-decodes; '+' is a space in query components. Nothing on malformed escapes or UTF-8.
std::optional<std::string> percentDecode(std::string_view in, bool plusIsSpace) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return std::nullopt;
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!isValidUtf8(out))
        return std::nullopt;
    return out;
}

struct Target {
    std::string error; // empty when the target is well-formed
    std::string path;
    std::vector<std::string> segments; // below /api/v1
    std::map<std::string, std::string> query;
    bool underApi = false;
};

Target parseTarget(std::string_view target) {
    Target t;
    if (target.empty() || target.front() != '/') {
        t.error = "The request target must be an absolute path";
        return t;
    }
    const std::size_t q = target.find('?');
    const std::string_view rawPath = target.substr(0, q);
    const std::string_view rawQuery = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);

    std::vector<std::string> all;
    std::size_t pos = 1;
    while (true) {
        const std::size_t slash = rawPath.find('/', pos);
        const std::string_view raw =
            rawPath.substr(pos, slash == std::string_view::npos ? slash : slash - pos);
        std::optional<std::string> seg = percentDecode(raw, false);
        if (!seg) {
            t.error = "Malformed percent-encoding or UTF-8 in the path";
            return t;
        }
        // An encoded '/' would make the decoded path ambiguous; dot segments have no meaning here.
        if (seg->find('/') != std::string::npos || seg->find('\0') != std::string::npos || *seg == "." ||
            *seg == "..") {
            t.error = "Invalid path segment";
            return t;
        }
        t.path += '/';
        t.path += *seg;
        all.push_back(std::move(*seg));
        if (slash == std::string_view::npos)
            break;
        pos = slash + 1;
    }
    t.underApi = all.size() >= 2 && all[0] == "api" && all[1] == "v1";
    if (t.underApi)
        t.segments.assign(std::make_move_iterator(all.begin() + 2), std::make_move_iterator(all.end()));

    pos = 0;
    while (!rawQuery.empty()) {
        const std::size_t amp = rawQuery.find('&', pos);
        const std::string_view part = rawQuery.substr(pos, amp == std::string_view::npos ? amp : amp - pos);
        if (!part.empty()) {
            const std::size_t eq = part.find('=');
            auto key = percentDecode(part.substr(0, eq), true);
            auto value =
                percentDecode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), true);
            if (!key || !value) {
                t.error = "Malformed percent-encoding or UTF-8 in the query";
                return t;
            }
            t.query[std::move(*key)] = std::move(*value);
        }
        if (amp == std::string_view::npos)
            break;
        pos = amp + 1;
    }
    return t;
}

// Extra headers of a Response: the ones the server sets itself, and malformed ones, are dropped.
bool isSettableHeader(std::string_view name, std::string_view value) {
    if (name.empty() || name.find_first_of("\r\n: ") != std::string_view::npos ||
        value.find_first_of("\r\n") != std::string_view::npos)
        return false;
    switch (http::string_to_field(beast::string_view(name.data(), name.size()))) {
    case http::field::content_length:
    case http::field::content_type:
    case http::field::transfer_encoding:
    case http::field::connection:
    case http::field::keep_alive:
    case http::field::upgrade:
    case http::field::server:
    case http::field::cache_control:
        return false;
    default:
        return true;
    }
}

// --- Server state shared by the sessions -------------------------------------------------------

// Open while the server runs. Responders outlive runs (the application may keep them), so they
// check it, under its mutex, before posting to an io_context that may be gone.
struct RunGate {
    std::mutex mutex;
    bool open = true;
};

class Connection {
public:
    virtual ~Connection() = default;
    // Closes the connection, from any thread.
    virtual void shutdown() = 0;
};

class WsSession;

class ServerCore {
public:
    ServerCore(ServerConfig config, Handler handler)
        : config_(std::move(config))
        , handler_(std::move(handler))
        , tokenDigest_(sha256(config_.token)) {
        config_.ioThreads = std::clamp(config_.ioThreads, 1, 2);
        config_.maxWebSocketQueue = std::max<std::size_t>(config_.maxWebSocketQueue, 1);
    }
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
    void broadcast(std::string json, Topic topic);

    const ServerConfig& config() const { return config_; }
    const std::string& errorString() const { return error_; }
    std::uint16_t port() const { return boundPort_.load(); }
    std::size_t webSocketClients() const { return wsClients_.load(); }
    const std::shared_ptr<RunGate>& gate() const { return gate_; }

    // Runs the application's handler; false if it threw.
    bool callHandler(const Request& request, Responder responder) const {
        try {
            handler_(request, std::move(responder));
            return true;
        } catch (const std::exception& e) {
            qWarning("API handler failed on %s %s: %s", request.method.c_str(), request.path.c_str(),
                     e.what());
        } catch (...) {
            qWarning("API handler failed on %s %s", request.method.c_str(), request.path.c_str());
        }
        return false;
    }

    // Constant time in the content and the length of the candidate: digests are compared.
    bool tokenMatches(std::string_view candidate) const {
        if (config_.token.empty())
            return false;
        const Digest d = sha256(candidate);
        return CRYPTO_memcmp(d.data(), tokenDigest_.data(), d.size()) == 0;
    }
    bool authorizationMatches(std::string_view header) const {
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

    // Every live connection is registered, for stop(); returns 0 when stopping (refused).
    std::uint64_t addConnection(const std::shared_ptr<Connection>& c) {
        std::lock_guard lock(registryMutex_);
        if (stopping_)
            return 0;
        const std::uint64_t id = ++nextId_;
        connections_.emplace(id, c);
        return id;
    }
    void removeConnection(std::uint64_t id) {
        std::lock_guard lock(registryMutex_);
        connections_.erase(id);
    }
    // WebSocket clients that completed the handshake receive broadcasts.
    bool addClient(std::uint64_t id, const std::shared_ptr<WsSession>& s, const std::string& clientId);
    void removeClient(std::uint64_t id, const std::string& clientId);

    void startSession(tcp::socket socket);

private:
    void doAccept();
    void onAccept(beast::error_code ec, tcp::socket socket);
    void fanOut(const std::shared_ptr<const std::string>& message, Topic topic);
    bool fail(std::string message);

    ServerConfig config_;
    const Handler handler_;
    const Digest tokenDigest_;
    std::string error_;
    std::atomic<std::uint16_t> boundPort_{0};
    std::atomic<std::size_t> wsClients_{0};

    mutable std::mutex runMutex_; // running_, clientCallback_ (set while stopped only)
    bool running_ = false;
    HttpServer::ClientCallback clientCallback_;

    // Valid from start() to the end of stop(); the I/O threads only see them in between.
    std::unique_ptr<asio::io_context> ioc_;
    std::optional<tcp::acceptor> acceptor_;
    std::optional<asio::steady_timer> acceptRetry_;
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

// --- WebSocket session -------------------------------------------------------------------------

class WsSession : public Connection, public std::enable_shared_from_this<WsSession> {
public:
    WsSession(ServerCore& core, tcp::socket socket, std::string clientId)
        : core_(core)
        , ws_(std::move(socket))
        , executor_(ws_.get_executor())
        , clientId_(std::move(clientId)) {}

    // The session's strand.
    const asio::any_io_executor& executor() const { return executor_; }

    ~WsSession() override {
        finish();
        if (id_ != 0)
            core_.removeConnection(id_);
    }

    void start(http::request<http::string_body> req) {
        id_ = core_.addConnection(shared_from_this());
        if (id_ == 0)
            return; // stopping: the socket closes with this object
        upgrade_ = std::move(req);
        asio::dispatch(executor_, [self = shared_from_this()] { self->doAccept(); });
    }

    void shutdown() override {
        asio::post(executor_, [self = shared_from_this()] { self->close(); });
    }

    // On the session's strand, from the fan-out.
    void enqueue(const std::shared_ptr<const std::string>& message, Topic topic) {
        if (!open_ || closing_)
            return;
        if (topic == Topic::Levels && !levels_)
            return;
        if (queue_.size() >= core_.config().maxWebSocketQueue) {
            // Too slow: dropping it keeps the others (and the server's memory) unaffected.
            qWarning("API: dropping WebSocket client %s, %zu messages behind", clientId_.c_str(),
                     queue_.size());
            drop();
            return;
        }
        queue_.push_back(message);
        if (!writing_)
            doWrite();
    }

private:
    void doAccept() {
        const ServerConfig& cfg = core_.config();
        beast::get_lowest_layer(ws_).expires_never(); // the websocket stream has its own timeouts
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = cfg.requestTimeout;
        timeouts.idle_timeout = cfg.webSocketIdleTimeout;
        timeouts.keep_alive_pings = true;
        ws_.set_option(timeouts);
        ws_.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& res) { res.set(http::field::server, kServerName); }));
        ws_.read_message_max(kWebSocketMessageMax);
        ws_.async_accept(*upgrade_,
                         [self = shared_from_this()](beast::error_code ec) { self->onAccept(ec); });
    }

    void onAccept(beast::error_code ec) {
        upgrade_.reset();
        if (ec || closing_)
            return;
        if (!core_.addClient(id_, shared_from_this(), clientId_)) {
            close();
            return;
        }
        open_ = true;
        doRead();
    }

    void doRead() {
        ws_.async_read(readBuffer_,
                       [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec) {
        if (ec) {
            finish();
            return;
        }
        const bool text = ws_.got_text();
        const std::string message = beast::buffers_to_string(readBuffer_.data());
        readBuffer_.consume(readBuffer_.size());
        handleMessage(text, message);
        doRead();
    }

    // Client messages: {"subscribe": [topics]} / {"unsubscribe": [topics]}; never a disconnect.
    void handleMessage(bool text, const std::string& message) {
        if (!text) {
            reply(errorMessage("bad_request", "Messages must be JSON text"));
            return;
        }
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(message), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            reply(
                errorMessage("bad_request", "Expected a JSON object such as {\"subscribe\": [\"levels\"]}"));
            return;
        }
        const QJsonObject obj = doc.object();
        bool levels = levels_;
        bool any = false;
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const bool subscribe = it.key() == QLatin1String("subscribe");
            if (!subscribe && it.key() != QLatin1String("unsubscribe")) {
                reply(errorMessage("bad_request", "Unknown field \"" + it.key().toStdString() + "\""));
                return;
            }
            if (!it.value().isArray()) {
                reply(errorMessage("bad_request",
                                   "\"" + it.key().toStdString() + "\" must be an array of topics"));
                return;
            }
            for (const QJsonValue& v : it.value().toArray()) {
                if (v.toString() != QLatin1String("levels")) {
                    reply(errorMessage("unprocessable", "Unknown topic; the only topic is \"levels\""));
                    return;
                }
                levels = subscribe;
            }
            any = true;
        }
        if (!any) {
            reply(errorMessage("bad_request", "Expected \"subscribe\" or \"unsubscribe\""));
            return;
        }
        levels_ = levels;
        QJsonArray topics;
        if (levels_)
            topics.append(QStringLiteral("levels"));
        const QJsonObject ack{{QStringLiteral("type"), QStringLiteral("subscribed")},
                              {QStringLiteral("at"), QString::fromStdString(nowIso())},
                              {QStringLiteral("topics"), topics}};
        reply(QJsonDocument(ack).toJson(QJsonDocument::Compact).toStdString());
    }

    static std::string errorMessage(std::string_view code, const std::string& text) {
        const QJsonObject error{
            {QStringLiteral("code"), QString::fromUtf8(code.data(), qsizetype(code.size()))},
            {QStringLiteral("message"), QString::fromStdString(text)}};
        const QJsonObject obj{{QStringLiteral("type"), QStringLiteral("error")},
                              {QStringLiteral("at"), QString::fromStdString(nowIso())},
                              {QStringLiteral("error"), error}};
        return QJsonDocument(obj).toJson(QJsonDocument::Compact).toStdString();
    }

    void reply(std::string json) {
        enqueue(std::make_shared<const std::string>(std::move(json)), Topic::Always);
    }

    void doWrite() {
        writing_ = true;
        ws_.text(true);
        ws_.async_write(
            asio::buffer(*queue_.front()),
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onWrite(ec); });
    }

    void onWrite(beast::error_code ec) {
        writing_ = false;
        if (ec) {
            drop();
            return;
        }
        queue_.pop_front();
        if (closing_) {
            if (closeAfterWrite_)
                startClose();
            return;
        }
        if (!queue_.empty())
            doWrite();
    }

    // Graceful close ("going away"), once any write in progress has finished.
    void close() {
        if (closing_)
            return;
        closing_ = true;
        if (!open_) {
            beast::get_lowest_layer(ws_).close(); // handshake not done: nothing to say
            return;
        }
        if (writing_) {
            queue_.erase(queue_.begin() + 1, queue_.end());
            closeAfterWrite_ = true;
            return;
        }
        startClose();
    }

    void startClose() {
        closeAfterWrite_ = false;
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = kStopGrace;
        timeouts.idle_timeout = websocket::stream_base::none();
        timeouts.keep_alive_pings = false;
        ws_.set_option(timeouts);
        ws_.async_close(websocket::close_code::going_away,
                        [self = shared_from_this()](beast::error_code) { self->finish(); });
    }

    // Abrupt close: a client that cannot keep up does not get a close handshake either.
    void drop() {
        closing_ = true;
        queue_.clear();
        beast::get_lowest_layer(ws_).close();
        finish();
    }

    // The client is gone (or going): no more broadcasts, and the application is told once.
    void finish() {
        if (finished_)
            return;
        finished_ = true;
        if (open_)
            core_.removeClient(id_, clientId_);
    }

    ServerCore& core_;
    websocket::stream<beast::tcp_stream> ws_;
    const asio::any_io_executor executor_;
    const std::string clientId_;
    std::uint64_t id_ = 0;
    std::optional<http::request<http::string_body>> upgrade_;
    beast::flat_buffer readBuffer_;
    std::deque<std::shared_ptr<const std::string>> queue_; // front: being written
    bool open_ = false;                                    // handshake done
    bool writing_ = false;
    bool closing_ = false;
    bool closeAfterWrite_ = false;
    bool finished_ = false;
    bool levels_ = false;
};

// --- HTTP session ------------------------------------------------------------------------------

class HttpSession;

// Shared by the copies of one Responder: the first call wins; none at all answers 500.
class ResponderState {
public:
    ResponderState(std::shared_ptr<RunGate> gate, asio::any_io_executor executor,
                   std::weak_ptr<HttpSession> session, std::uint64_t seq)
        : gate_(std::move(gate))
        , executor_(std::move(executor))
        , session_(std::move(session))
        , seq_(seq) {}
    ~ResponderState() {
        if (!done_.load())
            deliver(errorResponse(500, "internal", "The request was not answered"));
    }
    ResponderState(const ResponderState&) = delete;
    ResponderState& operator=(const ResponderState&) = delete;

    void deliver(Response response);

private:
    std::shared_ptr<RunGate> gate_;
    asio::any_io_executor executor_; // the session's strand
    std::weak_ptr<HttpSession> session_;
    std::uint64_t seq_;
    std::atomic<bool> done_{false};
};

class HttpSession : public Connection, public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(ServerCore& core, tcp::socket socket)
        : core_(core)
        , stream_(std::move(socket))
        , executor_(stream_.get_executor())
        , handlerTimer_(executor_) {
        beast::error_code ec;
        const tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
        clientId_ = ec ? std::string("unknown") : endpointText(peer);
    }

    ~HttpSession() override {
        if (id_ != 0)
            core_.removeConnection(id_);
    }

    void start() {
        id_ = core_.addConnection(shared_from_this());
        if (id_ == 0)
            return;
        asio::dispatch(executor_, [self = shared_from_this()] { self->readHeader(); });
    }

    void shutdown() override {
        asio::post(executor_, [self = shared_from_this()] {
            self->stopping_ = true;
            self->awaiting_ = false;
            self->handlerTimer_.cancel();
            self->stream_.close();
        });
    }

    // On the session's strand: the handler's answer to request number `seq`.
    void onResponse(std::uint64_t seq, Response response) {
        if (!awaiting_ || seq != seq_)
            return; // timed out meanwhile, or stopping
        awaiting_ = false;
        handlerTimer_.cancel();
        send(std::move(response), keepAlive_);
    }

private:
    // Keep-alive: wait (idle timeout) for the first bytes of the next request.
    void awaitRequest() {
        if (stopping_)
            return;
        if (buffer_.size() > 0) {
            readHeader();
            return;
        }
        stream_.expires_after(core_.config().idleTimeout);
        stream_.async_read_some(buffer_.prepare(4096),
                                [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                    if (ec) {
                                        self->stream_.close();
                                        return;
                                    }
                                    self->buffer_.commit(n);
                                    self->readHeader();
                                });
    }

    // The header first, so that the token, the path and the size are checked before any body.
    void readHeader() {
        if (stopping_)
            return;
        parser_.emplace();
        parser_->header_limit(kHeaderLimit);
        // Content-Length is checked once the header is known (boost::none would fail every body).
        parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
        stream_.expires_after(core_.config().requestTimeout);
        http::async_read_header(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec) {
        if (ec) {
            failRead(ec);
            return;
        }
        const auto& req = parser_->get();
        version_ = req.version();
        head_ = req.method() == http::verb::head;
        target_ = parseTarget(sv(req.target()));
        const bool wellFormed = target_.error.empty();
        const bool isHealth = wellFormed && req.method() == http::verb::get && target_.path == kHealthPath;
        const bool isEvents = wellFormed && target_.path == kEventsPath;
        const bool upgrade = isEvents && websocket::is_upgrade(req);

        bool authorized = false;
        const auto auth = req.find(http::field::authorization);
        if (auth != req.end())
            authorized = core_.authorizationMatches(sv(auth->value()));
        // Browsers cannot set headers on a WebSocket: the events stream also takes ?token=.
        if (!authorized && upgrade) {
            const auto token = target_.query.find("token");
            authorized = token != target_.query.end() && core_.tokenMatches(token->second);
        }

        if (!isHealth && !authorized) {
            reject(errorResponse(401, "unauthorized", "A valid bearer token is required"));
            return;
        }
        if (!wellFormed) {
            reject(errorResponse(400, "bad_request", target_.error));
            return;
        }
        if (!target_.underApi) {
            reject(errorResponse(404, "not_found", "No such path; the API is under /api/v1"));
            return;
        }
        if (isEvents) {
            if (!upgrade) {
                reject(errorResponse(400, "bad_request",
                                     "/api/v1/events is a WebSocket: an upgrade is required"));
                return;
            }
            // The socket moves to the WebSocket session; this session ends here.
            std::make_shared<WsSession>(core_, stream_.release_socket(), clientId_)
                ->start(parser_->release());
            return;
        }
        const std::uint64_t limit = core_.config().bodyLimit;
        if (const auto length = parser_->content_length(); length && *length > limit) {
            reject(errorResponse(413, "payload_too_large", tooLargeText()));
            return;
        }
        if (parser_->is_done()) {
            dispatch();
            return;
        }
        parser_->body_limit(limit); // bounds chunked bodies
        if (beast::iequals(req[http::field::expect], "100-continue")) {
            continue_.emplace(http::status::continue_, version_);
            http::async_write(stream_, *continue_,
                              [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                  self->continue_.reset();
                                  if (ec) {
                                      self->stream_.close();
                                      return;
                                  }
                                  self->readBody();
                              });
            return;
        }
        readBody();
    }

    void readBody() {
        http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec == http::error::body_limit) {
                                 self->reject(errorResponse(413, "payload_too_large", self->tooLargeText()));
                                 return;
                             }
                             if (ec) {
                                 self->failRead(ec);
                                 return;
                             }
                             self->dispatch();
                         });
    }

    std::string tooLargeText() const {
        return "The request body is over the limit of " + std::to_string(core_.config().bodyLimit) + " bytes";
    }

    void failRead(beast::error_code ec) {
        // Malformed HTTP gets an answer; a closed or timed-out connection just ends.
        if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
            ec != http::error::end_of_stream && ec != http::error::partial_message) {
            version_ = 11;
            head_ = false;
            const char* what = ec == http::error::header_limit ? "The request header is too large"
                                                               : "Malformed HTTP request";
            send(errorResponse(400, "bad_request", what), false);
            return;
        }
        stream_.close();
    }

    // Answers a request the application never sees. A body that was not read ends the connection.
    void reject(Response response) {
        const bool complete = parser_ && parser_->is_done();
        send(std::move(response), complete && parser_->get().keep_alive());
    }

    void dispatch() {
        auto& msg = parser_->get();
        Request request;
        request.method = std::string(sv(msg.method_string()));
        request.path = std::move(target_.path);
        request.segments = std::move(target_.segments);
        request.query = std::move(target_.query);
        request.body = std::move(msg.body());
        request.contentType = std::string(sv(msg[http::field::content_type]));
        request.clientId = clientId_;
        keepAlive_ = msg.keep_alive();
        parser_.reset();

        awaiting_ = true;
        const std::uint64_t seq = ++seq_;
        stream_.expires_never(); // nothing is read while the handler works
        handlerTimer_.expires_after(core_.config().handlerTimeout);
        handlerTimer_.async_wait([self = shared_from_this(), seq](beast::error_code ec) {
            if (ec || !self->awaiting_ || seq != self->seq_)
                return;
            self->awaiting_ = false;
            self->send(errorResponse(500, "internal", "The request was not answered in time"), false);
        });

        auto state = std::make_shared<ResponderState>(core_.gate(), executor_, weak_from_this(), seq);
        if (!core_.callHandler(request, [state](Response r) { state->deliver(std::move(r)); }))
            state->deliver(errorResponse(500, "internal", "The request could not be handled"));
    }

    void send(Response r, bool keepAlive) {
        int status = r.status;
        if (status < 200 || status > 599) {
            qWarning("API: invalid status %d from a handler", status);
            r = errorResponse(500, "internal", "Invalid response status");
            status = 500;
        }
        keepAlive = keepAlive && !stopping_;
        res_.emplace(static_cast<http::status>(status), version_);
        auto& res = *res_;
        for (auto& [name, value] : r.headers) {
            if (isSettableHeader(name, value))
                res.set(name, value);
        }
        res.set(http::field::server, kServerName);
        res.set(http::field::cache_control, "no-store");
        if (status == 401 && res.find(http::field::www_authenticate) == res.end())
            res.set(http::field::www_authenticate, "Bearer");
        res.keep_alive(keepAlive);
        if (status == 204 || status == 304) {
            // No body and no Content-Length, by RFC 9110.
        } else {
            if (!r.contentType.empty())
                res.set(http::field::content_type, r.contentType);
            const std::size_t length = r.body.size();
            if (!head_)
                res.body() = std::move(r.body);
            res.content_length(length);
        }
        stream_.expires_after(core_.config().requestTimeout);
        http::async_write(stream_, res,
                          [self = shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
                              self->res_.reset();
                              if (ec) {
                                  self->stream_.close();
                                  return;
                              }
                              if (keepAlive)
                                  self->awaitRequest();
                              else
                                  self->lingeringClose();
                          });
    }

    // Half-close, then read and discard what the client still sends until it closes (or a short
    // time passes), so that the response is not lost to a reset.
    void lingeringClose() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) {
            stream_.close();
            return;
        }
        buffer_.clear();
        stream_.expires_after(kLingerTime);
        drain();
    }

    void drain() {
        stream_.async_read_some(buffer_.prepare(16 * 1024),
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    if (ec || self->stopping_) {
                                        self->stream_.close();
                                        return;
                                    }
                                    self->drain();
                                });
    }

    ServerCore& core_;
    beast::tcp_stream stream_;
    const asio::any_io_executor executor_; // the strand; kept apart as the socket may move away
    beast::flat_buffer buffer_;
    asio::steady_timer handlerTimer_;
    std::string clientId_;
    std::uint64_t id_ = 0;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<http::response<http::empty_body>> continue_;
    std::optional<http::response<http::string_body>> res_;
    Target target_;
    unsigned version_ = 11;
    bool head_ = false;
    bool keepAlive_ = true;
    bool awaiting_ = false; // the handler has the request
    bool stopping_ = false;
    std::uint64_t seq_ = 0;
};

void ResponderState::deliver(Response response) {
    if (done_.exchange(true))
        return;
    std::lock_guard lock(gate_->mutex);
    if (!gate_->open)
        return; // stopped: the io_context may be gone
    asio::post(executor_, [session = session_, seq = seq_, response = std::move(response)]() mutable {
        if (auto s = session.lock())
            s->onResponse(seq, std::move(response));
    });
}

// --- ServerCore --------------------------------------------------------------------------------

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

} // namespace

// --- HttpServer --------------------------------------------------------------------------------

struct HttpServer::Impl {
    Impl(ServerConfig config, Handler handler)
        : core(std::move(config), std::move(handler)) {}
    ServerCore core;
};

HttpServer::HttpServer(ServerConfig config, Handler handler)
    : d_(std::make_unique<Impl>(std::move(config), std::move(handler))) {}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::setClientCallback(ClientCallback callback) {
    d_->core.setClientCallback(std::move(callback));
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
