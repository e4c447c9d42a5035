// The contract between an HTTP transport (the control API's, the join page's) and its endpoint logic:
// one request in, one response out. Nothing here depends on Boost, so the endpoint code stays free
// of Asio/Beast.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hntt::net {

// A request that has passed the server's own checks (for the control API: the bearer token except
// GET /api/v1/health, the body limit and the /api/v1 prefix). Everything is already decoded.
struct Request {
    std::string method;                       // "GET", "POST", ... as sent (upper case by HTTP)
    std::string path;                         // percent-decoded, without the query: /api/v1/sites/12
    std::vector<std::string> segments;        // decoded segments below the server's prefix: {"sites", "12"}
    std::map<std::string, std::string> query; // decoded ('+' is a space); the last of repeated keys
    std::string body;                         // at most ServerConfig::bodyLimit bytes
    std::string contentType;                  // the Content-Type header as sent, may be empty
    std::string clientId;                     // the peer, "127.0.0.1:53122" or "[::1]:53122"
    std::string principal; // the control API: the name of the token that authorised it, else empty
    bool readOnly = false; // the control API: that token may only read (a viewer's)
};

struct Response {
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
    // Extra headers (e.g. Location, Allow). Content-Length, Content-Type, Server, Cache-Control and
    // Connection are set by the server; values with CR or LF are dropped.
    std::vector<std::pair<std::string, std::string>> headers;
};

// Delivers the response of one request. Callable from any thread, once: later calls are ignored.
// If every copy is destroyed without a call, the client gets 500 "internal" rather than a hang.
// Calling it after the server has stopped is harmless (the response is dropped).
using Responder = std::function<void(Response)>;

// The application's entry point for every accepted request. Called on an I/O thread of the
// server: it must return quickly and never block. Work that takes time (database, engine, camera)
// is posted elsewhere, e.g. to the Qt main thread, which calls the Responder when it is done. An
// exception thrown by the handler before it responds becomes a 500 "internal" answer.
using Handler = std::function<void(const Request&, Responder)>;

} // namespace hntt::net
