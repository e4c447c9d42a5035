#include "web/https_session.h"

#include <QtGlobal>
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <limits>

namespace hntt::web::detail {

namespace {

// After a response that ends a connection, unread input is drained this long before closing, so
// that the client reads the response instead of a reset (e.g. a 413 answered mid-upload).
constexpr std::chrono::seconds kLingerTime{3};
// How long a client that sent its close_notify gets to take ours.
constexpr std::chrono::seconds kCloseNotifyTime{1};
constexpr std::string_view kStaticMarker = "X-Cache";

std::string_view sv(beast::string_view s) {
    return {s.data(), s.size()};
}

beast::string_view bsv(std::string_view s) {
    return {s.data(), s.size()};
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool isToken(std::string_view s) {
    constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
    return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               extra.find(c) != std::string_view::npos;
    });
}

// Extra headers of a Response: the ones the server sets itself (a handler's value would contradict
// the framing or weaken the page's protection) and malformed ones are dropped.
bool isSettableHeader(std::string_view name, std::string_view value) {
    static constexpr std::array<std::string_view, 12> kServerSet = {"Content-Length",
                                                                    "Content-Type",
                                                                    "Transfer-Encoding",
                                                                    "Connection",
                                                                    "Keep-Alive",
                                                                    "Upgrade",
                                                                    "Server",
                                                                    "Date",
                                                                    "Cache-Control",
                                                                    "Referrer-Policy",
                                                                    "Strict-Transport-Security",
                                                                    "X-Content-Type-Options"};
    if (!isToken(name) || value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
        return false;
    return std::none_of(kServerSet.begin(), kServerSet.end(),
                        [&](std::string_view s) { return beast::iequals(bsv(s), bsv(name)); });
}

// RFC 9110 IMF-fixdate. Not strftime: the application sets a locale, and the names are English.
std::string httpDate() {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7], tm.tm_mday,
                  kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return text;
}

net::Response textResponse(int status, std::string_view message) {
    net::Response r;
    r.status = status;
    r.body = std::string(message) + "\n";
    r.contentType = "text/plain; charset=utf-8";
    return r;
}

// Shared by the copies of one Responder: the first call wins; none at all answers 500. It holds
// no strand: the application may keep a Responder past stop(), and a strand must not outlive its
// io_context. The answer goes through the io_context (a plain pointer) to the session's strand.
class ResponderState {
public:
    ResponderState(std::shared_ptr<RunGate> gate, asio::io_context::executor_type io,
                   std::weak_ptr<HttpsSession> session, std::uint64_t seq)
        : gate_(std::move(gate))
        , io_(std::move(io))
        , session_(std::move(session))
        , seq_(seq) {}
    ~ResponderState() {
        if (!done_.load())
            deliver(textResponse(500, "The request was not answered"));
    }
    ResponderState(const ResponderState&) = delete;
    ResponderState& operator=(const ResponderState&) = delete;

    void deliver(net::Response response) {
        if (done_.exchange(true))
            return;
        std::lock_guard lock(gate_->mutex);
        if (!gate_->open)
            return; // stopped: the io_context may be gone
        asio::post(io_, [session = session_, seq = seq_, response = std::move(response)]() mutable {
            if (auto s = session.lock())
                s->deliver(seq, std::move(response));
        });
    }

private:
    std::shared_ptr<RunGate> gate_;
    asio::io_context::executor_type io_;
    std::weak_ptr<HttpsSession> session_;
    std::uint64_t seq_;
    std::atomic<bool> done_{false};
};

} // namespace

HttpsSession::HttpsSession(HttpsCore& core, tcp::socket socket, ssl::context& tls, std::uint64_t id,
                           std::string clientId)
    : core_(core)
    , stream_(std::move(socket), tls)
    , executor_(stream_.get_executor())
    , id_(id)
    , clientId_(std::move(clientId))
    , handlerTimer_(executor_) {
    // Headers and small bodies go out as they are written, not after a delayed ACK.
    beast::error_code ec;
    beast::get_lowest_layer(stream_).socket().set_option(tcp::no_delay(true), ec);
}

HttpsSession::~HttpsSession() {
    core_.release(id_);
}

void HttpsSession::start() {
    asio::dispatch(executor_, [self = shared_from_this()] {
        beast::get_lowest_layer(self->stream_).expires_after(self->core_.config().handshakeTimeout);
        self->stream_.async_handshake(ssl::stream_base::server,
                                      [self](beast::error_code ec) { self->onHandshake(ec); });
    });
}

void HttpsSession::shutdown() {
    asio::post(executor_, [self = shared_from_this()] {
        self->stopping_ = true;
        self->awaiting_ = false;
        self->handlerTimer_.cancel();
        self->close();
    });
}

void HttpsSession::close() {
    beast::get_lowest_layer(stream_).close();
}

void HttpsSession::onHandshake(beast::error_code ec) {
    // Plain HTTP, scanners, alerts, timeouts: nothing to answer in TLS, the connection just ends.
    if (ec || stopping_) {
        close();
        return;
    }
    readHeader();
}

void HttpsSession::deliver(std::uint64_t seq, net::Response response) {
    asio::dispatch(executor_, [self = shared_from_this(), seq, response = std::move(response)]() mutable {
        self->onResponse(seq, std::move(response));
    });
}

void HttpsSession::onResponse(std::uint64_t seq, net::Response response) {
    if (!awaiting_ || seq != seq_)
        return; // timed out meanwhile, or stopping
    awaiting_ = false;
    handlerTimer_.cancel();
    send(std::move(response), keepAlive_);
}

void HttpsSession::awaitRequest() {
    if (stopping_)
        return;
    if (buffer_.size() > 0) {
        readHeader();
        return;
    }
    beast::get_lowest_layer(stream_).expires_after(core_.config().idleTimeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                if (ec) {
                                    self->close();
                                    return;
                                }
                                self->buffer_.commit(n);
                                self->readHeader();
                            });
}

void HttpsSession::readHeader() {
    if (stopping_)
        return;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(core_.config().headerLimit, std::numeric_limits<std::uint32_t>::max())));
    // Content-Length is checked once the header is known (boost::none would fail every body).
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    beast::get_lowest_layer(stream_).expires_after(core_.config().requestTimeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t n) { self->onHeader(ec, n); });
}

void HttpsSession::onHeader(beast::error_code ec, std::size_t headerBytes) {
    if (ec) {
        failRead(ec);
        return;
    }
    const auto& req = parser_->get();
    const HttpsConfig& config = core_.config();
    version_ = req.version();
    head_ = req.method() == http::verb::head;
    // Beast limits the request line and the fields each to the header limit: the sum is checked
    // here, so that the limit holds however the header arrived.
    if (headerBytes > config.headerLimit) {
        reject(431, "The request header is too large");
        return;
    }
    if (static_cast<std::size_t>(std::distance(req.begin(), req.end())) > config.maxHeaderFields) {
        reject(431, "The request has too many header fields");
        return;
    }
    if (version_ != 10 && version_ != 11) {
        version_ = 11;
        head_ = false;
        reject(400, "Only HTTP/1.x is served here");
        return;
    }
    target_ = parseTarget(sv(req.target()));
    if (!target_.error.empty()) {
        reject(400, target_.error);
        return;
    }
    if (req.method() != http::verb::get && req.method() != http::verb::head &&
        req.method() != http::verb::post) {
        reject(405, "Only GET, HEAD and POST are served here");
        return;
    }
    // A transfer coding other than chunked leaves the body's end unknown (RFC 9112 6.3).
    if (req.find(http::field::transfer_encoding) != req.end() && !parser_->chunked()) {
        reject(400, "Unsupported transfer coding");
        return;
    }
    const std::uint64_t limit = config.bodyLimit;
    if (const auto length = parser_->content_length(); length && *length > limit) {
        reject(413, "The request body is over the limit of " + std::to_string(limit) + " bytes");
        return;
    }
    if (parser_->is_done()) {
        dispatch();
        return;
    }
    parser_->body_limit(limit); // bounds chunked bodies as they come
    if (beast::iequals(req[http::field::expect], "100-continue")) {
        continue_.emplace(http::status::continue_, version_);
        http::async_write(stream_, *continue_,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->continue_.reset();
                              if (ec) {
                                  self->close();
                                  return;
                              }
                              self->readBody();
                          });
        return;
    }
    readBody();
}

void HttpsSession::readBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec == http::error::body_limit) {
                             self->reject(413, "The request body is over the limit of " +
                                                   std::to_string(self->core_.config().bodyLimit) + " bytes");
                             return;
                         }
                         if (ec) {
                             self->failRead(ec);
                             return;
                         }
                         self->dispatch();
                     });
}

void HttpsSession::failRead(beast::error_code ec) {
    // Malformed HTTP gets an answer; a closed or timed-out connection just ends.
    if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
        version_ = 11;
        head_ = false;
        unreadInput_ = true;
        if (ec == http::error::header_limit)
            send(textResponse(431, "The request header is too large"), false);
        else
            send(textResponse(400, "Malformed HTTP request"), false);
        return;
    }
    close();
}

void HttpsSession::reject(int status, std::string_view message) {
    net::Response r = textResponse(status, message);
    if (status == 405)
        r.headers.emplace_back("Allow", "GET, HEAD, POST");
    // A body left unread, or a header that was refused, ends the connection.
    const bool complete = parser_ && parser_->is_done() && status != 431;
    unreadInput_ = !complete;
    send(std::move(r), complete && parser_->get().keep_alive());
}

void HttpsSession::dispatch() {
    auto& msg = parser_->get();
    net::Request request;
    request.method = std::string(sv(msg.method_string()));
    request.path = std::move(target_.path);
    request.segments = std::move(target_.segments);
    request.query = std::move(target_.query);
    request.body = std::move(msg.body());
    request.contentType = std::string(sv(msg[http::field::content_type]));
    request.clientId = clientId_;
    keepAlive_ = msg.keep_alive();
    unreadInput_ = false;
    parser_.reset();
    target_ = {};

    awaiting_ = true;
    const std::uint64_t seq = ++seq_;
    beast::get_lowest_layer(stream_).expires_never(); // nothing is read while the handler works
    handlerTimer_.expires_after(core_.config().handlerTimeout);
    handlerTimer_.async_wait([self = shared_from_this(), seq](beast::error_code ec) {
        if (ec || !self->awaiting_ || seq != self->seq_)
            return;
        self->awaiting_ = false;
        self->send(textResponse(500, "The request was not answered in time"), false);
    });

    auto state = std::make_shared<ResponderState>(core_.gate(), core_.ioExecutor(), weak_from_this(), seq);
    if (!core_.callHandler(request, [state](net::Response r) { state->deliver(std::move(r)); }))
        state->deliver(textResponse(500, "The request could not be handled"));
}

void HttpsSession::send(net::Response r, bool keepAlive) {
    int status = r.status;
    if (status < 200 || status > 599) {
        qWarning("Join page: invalid status %d from a handler", status);
        r = textResponse(500, "Invalid response status");
        status = 500;
    }
    keepAlive = keepAlive && !stopping_;
    res_.emplace(static_cast<http::status>(status), version_);
    auto& res = *res_;
    bool cacheable = false;
    for (auto& [name, value] : r.headers) {
        if (beast::iequals(bsv(name), bsv(kStaticMarker))) {
            cacheable = beast::iequals(bsv(trimmed(value)), "static");
            continue;
        }
        if (isSettableHeader(name, value))
            res.insert(bsv(name), bsv(value));
    }
    res.set(http::field::server, kServerName);
    res.set(http::field::date, httpDate());
    // The page's answers carry a secret's worth (who may join): nothing is stored but what the
    // handler marked as the same for everyone.
    res.set(http::field::cache_control, cacheable ? "max-age=300" : "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "no-referrer");
    res.set("Strict-Transport-Security", "max-age=31536000");
    res.keep_alive(keepAlive);
    if (status == 204 || status == 304) {
        // No body and no Content-Length, by RFC 9110.
    } else {
        if (!r.contentType.empty() &&
            r.contentType.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos)
            res.set(http::field::content_type, r.contentType);
        const std::size_t length = r.body.size();
        if (!head_)
            res.body() = std::move(r.body);
        res.content_length(length);
    }
    beast::get_lowest_layer(stream_).expires_after(core_.config().requestTimeout);
    http::async_write(stream_, res,
                      [self = shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
                          self->res_.reset();
                          if (ec) {
                              self->close();
                              return;
                          }
                          if (keepAlive)
                              self->awaitRequest();
                          else if (self->unreadInput_)
                              self->lingeringClose();
                          else
                              self->closeNotify(kLingerTime);
                      });
}

void HttpsSession::lingeringClose() {
    if (stopping_) {
        close();
        return;
    }
    buffer_.clear();
    beast::get_lowest_layer(stream_).expires_after(kLingerTime);
    drain();
}

void HttpsSession::drain() {
    stream_.async_read_some(buffer_.prepare(16 * 1024),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                if (self->stopping_) {
                                    self->close();
                                    return;
                                }
                                if (ec == asio::error::eof) {
                                    self->closeNotify(kCloseNotifyTime); // the client's close_notify came
                                    return;
                                }
                                if (ec) {
                                    self->close();
                                    return;
                                }
                                self->drain();
                            });
}

void HttpsSession::closeNotify(std::chrono::milliseconds timeout) {
    if (stopping_) {
        close();
        return;
    }
    beast::get_lowest_layer(stream_).expires_after(timeout);
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) { self->close(); });
}

} // namespace hntt::web::detail
