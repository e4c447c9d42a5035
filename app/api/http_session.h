// One HTTP/1.1 connection of the API, plain or over TLS: reads each request's header first (token,
// path, size are checked before any body), hands accepted requests to the application's Handler,
// and writes its answer, keep-alive or not; an upgrade to /api/v1/events becomes a WsSession. Runs
// on its own strand. Private to the transport; includes Boost.
#pragma once

#include "api/access_book.h"
#include "api/http_target.h"
#include "api/http_types.h"
#include "api/server_common.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace hntt::api::detail {

class ServerCore;

// What the responders and the server see of a connection, whatever its stream.
class HttpSession : public Connection {
public:
    // On the session's strand: the handler's answer to request number `seq`.
    virtual void onResponse(std::uint64_t seq, Response response) = 0;
};

// One connection over Stream: beast::tcp_stream (plain HTTP, loopback only) or TlsStream.
template <class Stream>
class BasicHttpSession final : public HttpSession,
                               public std::enable_shared_from_this<BasicHttpSession<Stream>> {
public:
    BasicHttpSession(ServerCore& core, Stream stream, std::shared_ptr<AccessBook::Slot> slot);
    ~BasicHttpSession() override;

    // Registers the connection and starts (the TLS handshake, then) its first request on the
    // session's strand.
    void start();
    void shutdown() override;
    void onResponse(std::uint64_t seq, Response response) override;

private:
    using std::enable_shared_from_this<BasicHttpSession<Stream>>::shared_from_this;
    using std::enable_shared_from_this<BasicHttpSession<Stream>>::weak_from_this;

    auto& lowest() { return beast::get_lowest_layer(stream_); }
    // After the hand-off to a WebSocket session the stream is that session's: nothing to close.
    void close() {
        if (!handedOff_)
            lowest().close();
    }

    // Keep-alive: wait (idle timeout) for the first bytes of the next request.
    void awaitRequest();

    // The header first, so that the token, the path and the size are checked before any body.
    void readHeader();

    void onHeader(beast::error_code ec, std::size_t headerBytes);
    // A missing or wrong token: 401, or, for an address that keeps failing, 429 after its back-off.
    void refuseLogin();
    void readBody();
    std::string tooLargeText() const;
    void failRead(beast::error_code ec);

    // Answers a request the application never sees. A body that was not read ends the connection.
    void reject(Response response);

    void dispatch();
    void send(Response r, bool keepAlive);

    // Half-close (TLS: close_notify), then read and discard what the client still sends until it
    // closes (or a short time passes), so that the response is not lost to a reset.
    void lingeringClose();
    void drain();

    ServerCore& core_;
    std::shared_ptr<AccessBook::Slot> slot_; // counts this connection (then its WebSocket) open
    Stream stream_;
    const asio::any_io_executor executor_; // the strand; kept apart as the stream may move away
    beast::flat_buffer buffer_;
    asio::steady_timer handlerTimer_;
    std::string clientId_;
    std::uint64_t id_ = 0;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<http::response<http::empty_body>> continue_;
    std::optional<http::response<http::string_body>> res_;
    Target target_;
    std::string principal_; // the name of the request's token
    bool readOnly_ = false;
    unsigned version_ = 11;
    bool head_ = false;
    bool keepAlive_ = true;
    bool awaiting_ = false; // the handler has the request
    bool stopping_ = false;
    bool handedOff_ = false; // the stream moved to a WebSocket session
    std::uint64_t seq_ = 0;
};

extern template class BasicHttpSession<beast::tcp_stream>;
extern template class BasicHttpSession<TlsStream>;

} // namespace hntt::api::detail
