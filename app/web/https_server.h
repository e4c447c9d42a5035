// The transport of the join page: HTTPS (TLS 1.2+, HTTP/1.1) on a public port, served by
// Boost.Beast on the server's own I/O threads. Every request that passes the server's checks (HTTP
// version, target, method, sizes, timeouts) goes to one Handler (net/http_exchange.h); the page is
// public, so there is no token here: the handler checks the secret in the path.
#pragma once

#include "net/http_exchange.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace hntt::web {

struct HttpsConfig {
    std::string host = "0.0.0.0"; // an IPv4/IPv6 address or a name that resolves to one
    std::uint16_t port = 8471;    // 0: any free port, see HttpsServer::port()
    // PEM contents: the certificate, optionally followed by its chain, and its private key.
    std::string certificatePem;
    std::string privateKeyPem;
    std::size_t bodyLimit = 8 * 1024 * 1024; // larger bodies are answered 413
    std::size_t headerLimit = 16 * 1024;     // a larger request header is answered 431
    std::size_t maxHeaderFields = 100;       // more header fields are answered 431
    // The TLS handshake of a new connection.
    std::chrono::milliseconds handshakeTimeout{10'000};
    // Receiving one whole request (header and body), and sending its response.
    std::chrono::milliseconds requestTimeout{15'000};
    // A keep-alive connection with no new request for this long is closed.
    std::chrono::milliseconds idleTimeout{30'000};
    // A handler that has not responded by then: the client gets 500 and the connection is closed.
    std::chrono::milliseconds handlerTimeout{30'000};
    // Open connections in all, and from one address; a connection beyond either is closed at once.
    std::size_t maxConnections = 512;
    std::size_t maxConnectionsPerPeer = 32;
    // I/O threads, 1 to 4. With more than one, the Handler may be called on several at once.
    int ioThreads = 1;
};

// HTTPS server. start(), stop() and the destructor are called from one owning thread (never from
// the handler or an I/O thread); the other members from any thread.
//
// Responses carry the handler's status, body, Content-Type and extra headers, plus Server,
// Date, X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, Strict-Transport-Security
// and Cache-Control: no-store, or max-age=300 when the handler marks the response with the header
// "X-Cache: static" (the marker itself is not sent).
class HttpsServer {
public:
    HttpsServer(HttpsConfig config, net::Handler handler);
    ~HttpsServer(); // stops
    HttpsServer(const HttpsServer&) = delete;
    HttpsServer& operator=(const HttpsServer&) = delete;

    // Checks the certificate and key, binds, listens and starts the I/O threads. False with
    // errorString() set when it cannot ("Cannot listen on 0.0.0.0:8471: Address already in use",
    // "The certificate or key is not valid: …"). True if already running.
    bool start();
    // Closes the listener and every connection and joins the I/O threads. Idempotent; the server
    // can be started again. Responses of handlers still at work are dropped.
    void stop();
    bool isRunning() const;

    // The bound port while running (the one picked when the config said 0), else 0.
    std::uint16_t port() const;
    std::string errorString() const;
    // Open connections, handshakes in progress included.
    std::size_t connections() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

} // namespace hntt::web
