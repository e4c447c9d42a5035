// One TLS connection of the join page: the handshake, then HTTP/1.1 requests one at a time, each
// header checked (version, target, method, sizes) before any body is read, each accepted request
// handed to the application's Handler and its answer written, keep-alive or not. Runs on its own
// strand. Private to the transport; includes Boost.
#pragma once

#include "web/https_core.h"
#include "web/https_target.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hntt::web::detail {

class HttpsSession : public std::enable_shared_from_this<HttpsSession> {
public:
    // `id` is the connection's slot in the core, given back when the session is destroyed.
    HttpsSession(HttpsCore& core, tcp::socket socket, ssl::context& tls, std::uint64_t id,
                 std::string clientId);
    ~HttpsSession();
    HttpsSession(const HttpsSession&) = delete;
    HttpsSession& operator=(const HttpsSession&) = delete;

    // Starts the TLS handshake on the session's strand.
    void start();
    // Closes the connection, from any thread.
    void shutdown();

    // On an I/O thread: the handler's answer to request number `seq`, taken to the strand.
    void deliver(std::uint64_t seq, net::Response response);

private:
    void onResponse(std::uint64_t seq, net::Response response);
    void onHandshake(beast::error_code ec);
    // Keep-alive: wait (idle timeout) for the first bytes of the next request.
    void awaitRequest();
    // The header first, so that the target, the method and the size are checked before any body.
    void readHeader();
    void onHeader(beast::error_code ec, std::size_t headerBytes);
    void readBody();
    void failRead(beast::error_code ec);

    // Answers a request the application never sees. A body that was not read ends the connection.
    void reject(int status, std::string_view message);
    void dispatch();
    void send(net::Response r, bool keepAlive);

    // After a response that ends the connection with input left unread: read and discard what the
    // client still sends until it closes (or a short time passes), so that the response is not
    // lost to a reset; then answer its close_notify with ours.
    void lingeringClose();
    void drain();
    // Ends the connection with our close_notify, awaiting the client's for at most `timeout`.
    void closeNotify(std::chrono::milliseconds timeout);
    void close();

    HttpsCore& core_;
    beast::ssl_stream<beast::tcp_stream> stream_;
    const asio::any_io_executor executor_; // the strand
    const std::uint64_t id_;
    const std::string clientId_;
    beast::flat_buffer buffer_;
    asio::steady_timer handlerTimer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<http::response<http::empty_body>> continue_;
    std::optional<http::response<http::string_body>> res_;
    Target target_;
    unsigned version_ = 11;
    bool head_ = false;
    bool keepAlive_ = true;
    bool unreadInput_ = false; // the request being answered was not read to its end
    bool awaiting_ = false;    // the handler has the request
    bool stopping_ = false;
    std::uint64_t seq_ = 0;
};

} // namespace hntt::web::detail
