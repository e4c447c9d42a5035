// Synchronous Beast clients for tests that talk to a real server over loopback: HTTP with
// keep-alive and the /events WebSocket. Every wait is bounded, so a broken server fails a test
// instead of hanging it.
#pragma once

#include "net/beast.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <array>
#include <chrono>
#include <optional>
#include <string>

namespace hntt::test {

using namespace std::chrono_literals;
namespace beast = hntt::net::beast;
namespace http = hntt::net::http;
namespace websocket = hntt::net::websocket;
namespace net = hntt::net::asio;
using tcp = hntt::net::tcp;

inline constexpr auto kIoTimeout = 5s;

inline QJsonObject json(const std::string& text) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

// Runs one asynchronous operation of a private io_context until it completes, or cancels it
// after kIoTimeout: a broken server fails the test instead of hanging it.
template <class Start, class Cancel>
inline beast::error_code runOp(net::io_context& ioc, Start&& start, Cancel&& cancel) {
    beast::error_code result = net::error::would_block;
    std::forward<Start>(start)(result);
    ioc.restart();
    const auto deadline = std::chrono::steady_clock::now() + kIoTimeout;
    while (result == net::error::would_block && ioc.run_one_until(deadline) > 0) {
    }
    if (result == net::error::would_block) {
        cancel();
        ioc.restart();
        while (result == net::error::would_block && ioc.run_one() > 0) {
        }
    }
    return result;
}

struct Reply {
    beast::error_code error;
    int status = 0;
    std::string body;
    http::fields headers;
    QJsonObject json() const { return hntt::test::json(body); }
    std::string header(http::field f) const { return std::string(headers[f]); }
};

class HttpClient {
public:
    // defaultToken: what request(method, target) sends as its bearer token.
    explicit HttpClient(quint16 port, std::optional<std::string> defaultToken = std::nullopt)
        : defaultToken_(std::move(defaultToken)) {
        stream_.expires_after(kIoTimeout);
        connectError_ = op([&](beast::error_code& out) {
            stream_.async_connect(tcp::endpoint(net::ip::address_v4::loopback(), port),
                                  [&out](beast::error_code ec) { out = ec; });
        });
    }
    bool connected() const { return !connectError_; }

    // prepare: sets Content-Length; otherwise the request goes as it is (e.g. chunked).
    Reply send(http::request<http::string_body> req, bool prepare = true) {
        req.set(http::field::host, "127.0.0.1");
        if (prepare)
            req.prepare_payload();
        Reply r;
        stream_.expires_after(kIoTimeout);
        r.error = op([&](beast::error_code& out) {
            http::async_write(stream_, req, [&out](beast::error_code ec, std::size_t) { out = ec; });
        });
        if (r.error)
            return r;
        return read();
    }

    Reply request(http::verb method, const std::string& target) {
        return request(method, target, defaultToken_);
    }

    Reply request(http::verb method, const std::string& target, const std::optional<std::string>& token,
                  std::string body = {}) {
        http::request<http::string_body> req(method, target, 11);
        if (token)
            req.set(http::field::authorization, "Bearer " + *token);
        if (!body.empty())
            req.set(http::field::content_type, "application/json");
        req.body() = std::move(body);
        return send(std::move(req));
    }

    Reply read() {
        Reply r;
        http::response_parser<http::string_body> parser;
        parser.body_limit(8 * 1024 * 1024);
        stream_.expires_after(kIoTimeout);
        r.error = op([&](beast::error_code& out) {
            http::async_read(stream_, buffer_, parser,
                             [&out](beast::error_code ec, std::size_t) { out = ec; });
        });
        if (!r.error) {
            auto res = parser.release();
            r.status = res.result_int();
            r.body = res.body();
            r.headers = res.base();
        }
        return r;
    }

    beast::error_code writeRaw(const std::string& data) {
        stream_.expires_after(kIoTimeout);
        return op([&](beast::error_code& out) {
            net::async_write(stream_, net::buffer(data),
                             [&out](beast::error_code ec, std::size_t) { out = ec; });
        });
    }

    // Waits for the server to close the connection: eof (or reset) within `timeout`.
    bool closedByServer(std::chrono::milliseconds timeout) {
        stream_.expires_after(timeout);
        std::array<char, 4096> data{};
        for (;;) {
            const beast::error_code ec = op([&](beast::error_code& out) {
                stream_.async_read_some(net::buffer(data),
                                        [&out](beast::error_code e, std::size_t) { out = e; });
            });
            if (ec == net::error::eof || ec == net::error::connection_reset)
                return true;
            if (ec)
                return false; // timeout
        }
    }

private:
    template <class Start>
    beast::error_code op(Start&& start) {
        return runOp(ioc_, std::forward<Start>(start), [this] { stream_.close(); });
    }

    std::optional<std::string> defaultToken_;
    net::io_context ioc_;
    beast::tcp_stream stream_{ioc_};
    beast::flat_buffer buffer_;
    beast::error_code connectError_;
};

class WsClient {
public:
    // token: sent as "Authorization: Bearer" when set. receiveBuffer: SO_RCVBUF when not 0.
    beast::error_code connect(quint16 port, const std::string& target,
                              const std::optional<std::string>& token, int receiveBuffer = 0) {
        auto& tcpStream = beast::get_lowest_layer(ws_);
        if (receiveBuffer > 0) {
            tcpStream.socket().open(tcp::v4());
            tcpStream.socket().set_option(net::socket_base::receive_buffer_size(receiveBuffer));
        }
        tcpStream.expires_after(kIoTimeout);
        beast::error_code ec = op([&](beast::error_code& out) {
            tcpStream.async_connect(tcp::endpoint(net::ip::address_v4::loopback(), port),
                                    [&out](beast::error_code e) { out = e; });
        });
        if (ec)
            return ec;
        tcpStream.expires_never();
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = kIoTimeout;
        timeouts.idle_timeout = websocket::stream_base::none(); // op() bounds every wait
        timeouts.keep_alive_pings = false;
        ws_.set_option(timeouts);
        ws_.set_option(websocket::stream_base::decorator([token](websocket::request_type& req) {
            if (token)
                req.set(http::field::authorization, "Bearer " + *token);
        }));
        return op([&](beast::error_code& out) {
            ws_.async_handshake(handshake_, "127.0.0.1", target, [&out](beast::error_code e) { out = e; });
        });
    }
    int handshakeStatus() const { return handshake_.result_int(); }
    const std::string& handshakeBody() const { return handshake_.body(); }

    std::optional<std::string> read() {
        buffer_.clear();
        const beast::error_code ec = op([&](beast::error_code& out) {
            ws_.async_read(buffer_, [&out](beast::error_code e, std::size_t) { out = e; });
        });
        if (ec)
            return std::nullopt;
        return beast::buffers_to_string(buffer_.data());
    }
    QJsonObject readJson() {
        const auto m = read();
        return m ? json(*m) : QJsonObject();
    }
    bool send(const std::string& text) {
        return !op([&](beast::error_code& out) {
            ws_.async_write(net::buffer(text), [&out](beast::error_code e, std::size_t) { out = e; });
        });
    }

private:
    template <class Start>
    beast::error_code op(Start&& start) {
        return runOp(ioc_, std::forward<Start>(start), [this] { beast::get_lowest_layer(ws_).close(); });
    }

    net::io_context ioc_;
    websocket::stream<beast::tcp_stream> ws_{ioc_};
    websocket::response_type handshake_;
    beast::flat_buffer buffer_;
};

} // namespace hntt::test
