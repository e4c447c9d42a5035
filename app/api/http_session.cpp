#include "api/http_session.h"

#include "api/api_errors.h"
#include "api/server_core.h"
#include "api/ws_session.h"

#include <QtGlobal>
#include <algorithm>
#include <atomic>
#include <iterator>
#include <limits>
#include <type_traits>

namespace hntt::api::detail {

namespace {

constexpr std::string_view kHealthPath = "/api/v1/health";
constexpr std::string_view kEventsPath = "/api/v1/events";
// After a response that ends a connection, unread input is drained this long before closing, so
// that the client reads the response instead of a reset (e.g. a 413 answered mid-upload).
constexpr std::chrono::seconds kLingerTime{3};

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

} // namespace

template <class Stream>
BasicHttpSession<Stream>::BasicHttpSession(ServerCore& core, Stream stream,
                                           std::shared_ptr<AccessBook::Slot> slot)
    : core_(core)
    , slot_(std::move(slot))
    , stream_(std::move(stream))
    , executor_(stream_.get_executor())
    , handlerTimer_(executor_) {
    beast::error_code ec;
    const tcp::endpoint peer = lowest().socket().remote_endpoint(ec);
    clientId_ = ec ? std::string("unknown") : endpointText(peer);
}

template <class Stream>
BasicHttpSession<Stream>::~BasicHttpSession() {
    if (id_ != 0)
        core_.removeConnection(id_);
}

template <class Stream>
void BasicHttpSession<Stream>::start() {
    id_ = core_.addConnection(shared_from_this());
    if (id_ == 0)
        return;
    asio::dispatch(executor_, [self = shared_from_this()] {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            // The handshake within the request timeout: a client that never speaks TLS is closed.
            self->lowest().expires_after(self->core_.config().requestTimeout);
            self->stream_.async_handshake(ssl::stream_base::server, [self](beast::error_code ec) {
                if (ec || self->stopping_)
                    self->close();
                else
                    self->readHeader();
            });
        } else {
            self->readHeader();
        }
    });
}

template <class Stream>
void BasicHttpSession<Stream>::shutdown() {
    asio::post(executor_, [self = shared_from_this()] {
        self->stopping_ = true;
        self->awaiting_ = false;
        self->handlerTimer_.cancel();
        self->close();
    });
}

template <class Stream>
void BasicHttpSession<Stream>::onResponse(std::uint64_t seq, Response response) {
    if (!awaiting_ || seq != seq_)
        return; // timed out meanwhile, or stopping
    awaiting_ = false;
    handlerTimer_.cancel();
    send(std::move(response), keepAlive_);
}

template <class Stream>
void BasicHttpSession<Stream>::awaitRequest() {
    if (stopping_)
        return;
    if (buffer_.size() > 0) {
        readHeader();
        return;
    }
    lowest().expires_after(core_.config().idleTimeout);
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

template <class Stream>
void BasicHttpSession<Stream>::readHeader() {
    if (stopping_)
        return;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(core_.config().headerLimit, std::numeric_limits<std::uint32_t>::max())));
    // Content-Length is checked once the header is known (boost::none would fail every body).
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    lowest().expires_after(core_.config().requestTimeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t n) { self->onHeader(ec, n); });
}

template <class Stream>
void BasicHttpSession<Stream>::onHeader(beast::error_code ec, std::size_t headerBytes) {
    if (ec) {
        failRead(ec);
        return;
    }
    const auto& req = parser_->get();
    version_ = req.version();
    head_ = req.method() == http::verb::head;
    // Beast limits the request line and each field to the header limit: the sum is checked here,
    // so that the limit holds however the header arrived, and before any field is looked at.
    if (headerBytes > core_.config().headerLimit) {
        reject(errorResponse(431, "header_too_large", "The request header is too large"));
        return;
    }
    if (static_cast<std::size_t>(std::distance(req.begin(), req.end())) > core_.config().maxHeaderFields) {
        reject(errorResponse(431, "header_too_large", "The request has too many header fields"));
        return;
    }
    target_ = parseTarget(sv(req.target()));
    const bool wellFormed = target_.error.empty();
    const bool isHealth = wellFormed && req.method() == http::verb::get && target_.path == kHealthPath;
    const bool isEvents = wellFormed && target_.path == kEventsPath;
    const bool upgrade = isEvents && websocket::is_upgrade(req);

    const ServerCore::Grant* grant = nullptr;
    const auto auth = req.find(http::field::authorization);
    if (auth != req.end())
        grant = core_.grantForAuthorization(sv(auth->value()));
    // Browsers cannot set headers on a WebSocket: the events stream also takes ?token=.
    if (!grant && upgrade) {
        const auto token = target_.query.find("token");
        if (token != target_.query.end())
            grant = core_.grantForToken(token->second);
    }
    principal_ = grant ? grant->name : std::string();
    readOnly_ = !grant || grant->role != Role::Operator;

    if (!isHealth && !grant) {
        refuseLogin();
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
            reject(
                errorResponse(400, "bad_request", "/api/v1/events is a WebSocket: an upgrade is required"));
            return;
        }
        // The stream moves to the WebSocket session; this session ends here (a stop() that
        // reaches it meanwhile finds nothing to close).
        handedOff_ = true;
        std::make_shared<BasicWsSession<Stream>>(core_, std::move(stream_), clientId_, std::move(slot_))
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
                                  self->close();
                                  return;
                              }
                              self->readBody();
                          });
        return;
    }
    readBody();
}

template <class Stream>
void BasicHttpSession<Stream>::refuseLogin() {
    const std::chrono::milliseconds hold = core_.failedLogin(slot_->peer());
    if (hold.count() == 0) {
        reject(errorResponse(401, "unauthorized", "A valid bearer token is required"));
        return;
    }
    // Held, not refused at once: an address guessing tokens gets one answer per back-off step and
    // connection, and the connection cap bounds how many it can wait on.
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(hold).count();
    awaiting_ = true;
    const std::uint64_t seq = ++seq_;
    lowest().expires_never();
    handlerTimer_.expires_after(hold);
    handlerTimer_.async_wait([self = shared_from_this(), seq, seconds](beast::error_code ec) {
        if (ec || !self->awaiting_ || seq != self->seq_)
            return;
        self->awaiting_ = false;
        Response r = errorResponse(429, "too_many_failures",
                                   "Too many failed logins from this address; a valid bearer token is "
                                   "required");
        r.headers.emplace_back("Retry-After", std::to_string(std::max<long long>(seconds, 1)));
        self->reject(std::move(r));
    });
}

template <class Stream>
void BasicHttpSession<Stream>::readBody() {
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

template <class Stream>
std::string BasicHttpSession<Stream>::tooLargeText() const {
    return "The request body is over the limit of " + std::to_string(core_.config().bodyLimit) + " bytes";
}

template <class Stream>
void BasicHttpSession<Stream>::failRead(beast::error_code ec) {
    // Malformed HTTP gets an answer; a closed or timed-out connection just ends.
    if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
        version_ = 11;
        head_ = false;
        if (ec == http::error::header_limit)
            send(errorResponse(431, "header_too_large", "The request header is too large"), false);
        else
            send(errorResponse(400, "bad_request", "Malformed HTTP request"), false);
        return;
    }
    close();
}

template <class Stream>
void BasicHttpSession<Stream>::reject(Response response) {
    // After a 431 the rest of the header is unknown: the connection ends.
    const bool complete = parser_ && parser_->is_done() && response.status != 431;
    send(std::move(response), complete && parser_->get().keep_alive());
}

template <class Stream>
void BasicHttpSession<Stream>::dispatch() {
    auto& msg = parser_->get();
    Request request;
    request.method = std::string(sv(msg.method_string()));
    request.path = std::move(target_.path);
    request.segments = std::move(target_.segments);
    request.query = std::move(target_.query);
    request.body = std::move(msg.body());
    request.contentType = std::string(sv(msg[http::field::content_type]));
    request.clientId = clientId_;
    request.principal = principal_;
    request.readOnly = readOnly_;
    keepAlive_ = msg.keep_alive();
    parser_.reset();

    awaiting_ = true;
    const std::uint64_t seq = ++seq_;
    lowest().expires_never(); // nothing is read while the handler works
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

template <class Stream>
void BasicHttpSession<Stream>::send(Response r, bool keepAlive) {
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
    lowest().expires_after(core_.config().requestTimeout);
    http::async_write(stream_, res,
                      [self = shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
                          self->res_.reset();
                          if (ec) {
                              self->close();
                              return;
                          }
                          if (keepAlive)
                              self->awaitRequest();
                          else
                              self->lingeringClose();
                      });
}

template <class Stream>
void BasicHttpSession<Stream>::lingeringClose() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
        // TLS has no half-close: close_notify, bounded by the linger time, then the socket.
        lowest().expires_after(kLingerTime);
        stream_.async_shutdown([self = shared_from_this()](beast::error_code) { self->close(); });
    } else {
        beast::error_code ec;
        lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) {
            close();
            return;
        }
        buffer_.clear();
        lowest().expires_after(kLingerTime);
        drain();
    }
}

template <class Stream>
void BasicHttpSession<Stream>::drain() {
    stream_.async_read_some(buffer_.prepare(16 * 1024),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                if (ec || self->stopping_) {
                                    self->close();
                                    return;
                                }
                                self->drain();
                            });
}

template class BasicHttpSession<beast::tcp_stream>;
template class BasicHttpSession<TlsStream>;

} // namespace hntt::api::detail
