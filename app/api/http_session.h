// One HTTP/1.1 connection of the API: reads each request's header first (token, path, size are
// checked before any body), hands accepted requests to the application's Handler, and writes its
// answer, keep-alive or not; an upgrade to /api/v1/events becomes a WsSession. Runs on its own
// strand. Private to the transport; includes Boost.
#pragma once

#include "api/http_target.h"
#include "api/http_types.h"
#include "api/server_common.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace hntt::api::detail {

class ServerCore;

class HttpSession : public Connection, public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(ServerCore& core, tcp::socket socket);
    ~HttpSession() override;

    // Registers the connection and starts reading its first request on the session's strand.
    void start();
    void shutdown() override;

    // On the session's strand: the handler's answer to request number `seq`.
    void onResponse(std::uint64_t seq, Response response);

private:
    // Keep-alive: wait (idle timeout) for the first bytes of the next request.
    void awaitRequest();

    // The header first, so that the token, the path and the size are checked before any body.
    void readHeader();

    void onHeader(beast::error_code ec);
    void readBody();
    std::string tooLargeText() const;
    void failRead(beast::error_code ec);

    // Answers a request the application never sees. A body that was not read ends the connection.
    void reject(Response response);

    void dispatch();
    void send(Response r, bool keepAlive);

    // Half-close, then read and discard what the client still sends until it closes (or a short
    // time passes), so that the response is not lost to a reset.
    void lingeringClose();
    void drain();

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

} // namespace hntt::api::detail
