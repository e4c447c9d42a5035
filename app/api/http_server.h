// The transport of the control API: HTTP/1.1 and the /api/v1/events WebSocket on one port, served
// by Boost.Beast on the server's own I/O threads. The endpoint logic is a single Handler
// (api/http_types.h); the server enforces the token, the body limit, the /api/v1 prefix and the
// timeouts before any handler runs, so a rejected request never reaches the application.
#pragma once

#include "api/http_types.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hntt::api {

// What a token may do: everything, or only read (state, events, recordings; no changes).
enum class Role { Operator, Viewer };

// A bearer token with its name, which the event log shows for what it does.
struct Credential {
    std::string name;
    Role role = Role::Viewer;
    std::string token;
};

struct ServerConfig {
    std::string host = "127.0.0.1"; // an IPv4/IPv6 address or a name that resolves to one
    std::uint16_t port = 0;         // 0: any free port, see HttpServer::port()
    // The operator's bearer token (named "operator"), for every request but GET /api/v1/health.
    // Empty, with no credentials either: every such request is 401.
    std::string token;
    // Further tokens, each with its name and role (e.g. a leader's read-only view).
    std::vector<Credential> credentials;
    // Certificate (chain) and unencrypted key, PEM: with both, the server speaks only HTTPS/WSS.
    std::string certificatePem;
    std::string privateKeyPem;
    // Connections open at once, in all and from one address: past either, a new connection gets
    // 503 and is closed (past twice the limit it is reset), and a notice says so once a minute.
    std::size_t maxConnections = 512;
    std::size_t maxConnectionsPerPeer = 128;
    // The whole request header (request line and fields), however it arrives, and its fields.
    std::size_t headerLimit = 16 * 1024;
    std::size_t maxHeaderFields = 100;
    // Failed logins: past this many from one address within ten minutes, each further failure
    // from it is answered 429 after a delay doubling from 1 s up to authBackoffMax. A right token
    // from the same address is never held up.
    int authFailuresAllowed = 5;
    std::chrono::milliseconds authBackoffMax{30'000};
    std::size_t bodyLimit = 1024 * 1024; // larger bodies are answered 413
    // Limit for receiving one whole request (header and body) and for sending its response.
    std::chrono::milliseconds requestTimeout{15'000};
    // A keep-alive connection with no new request for this long is closed.
    std::chrono::milliseconds idleTimeout{60'000};
    // A handler that has not responded by then: the client gets 500 and the connection is closed.
    std::chrono::milliseconds handlerTimeout{60'000};
    // A WebSocket client is pinged after half of this without traffic, and dropped after all of it.
    std::chrono::milliseconds webSocketIdleTimeout{60'000};
    // Messages waiting for one WebSocket client; a client that falls further behind is dropped.
    std::size_t maxWebSocketQueue = 1024;
    // I/O threads, 1 or 2. With 2, the Handler may be called on both at the same time.
    int ioThreads = 1;
};

// Something the server refused, told to the application at most once a minute per kind and
// address (the first at once), with how many times it happened since the last notice.
struct ServerNotice {
    enum class Kind {
        ConnectionsRefused, // over maxConnections or maxConnectionsPerPeer
        FailedLogins,       // a missing or wrong token
    };
    Kind kind = Kind::ConnectionsRefused;
    std::string peer; // the address, without port
    std::uint64_t count = 0;
    bool holding = false; // FailedLogins: the address's failures are being answered late
};

// What a WebSocket broadcast is for.
enum class Topic {
    Always, // every client
    Levels, // only clients that sent {"subscribe": ["levels"]}
};

// HTTP/WebSocket server. start(), stop() and the destructor are called from one owning thread
// (never from the handler or an I/O thread); broadcast(), port(), webSocketClients() and
// isRunning() from any thread.
//
// WebSocket clients may send {"subscribe": [topics]} / {"unsubscribe": [topics]} (topic:
// "levels"); the server confirms with {"type": "subscribed", "at", "topics": [...]} (the topics now
// subscribed) and answers anything else with {"type": "error", "at", "error": {"code", "message"}}.
class HttpServer {
public:
    // Called with the client's id (peer address:port) when a WebSocket client has connected
    // (true) and when it is gone (false), once each. Runs on an I/O thread, or on the thread
    // calling stop() for clients still connected then; it must not block nor call stop().
    using ClientCallback = std::function<void(const std::string& clientId, bool connected)>;
    // Called on an I/O thread; it must not block nor call stop().
    using NoticeCallback = std::function<void(const ServerNotice&)>;

    HttpServer(ServerConfig config, Handler handler);
    ~HttpServer(); // stops
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Set before start().
    void setClientCallback(ClientCallback callback);
    void setNoticeCallback(NoticeCallback callback);

    // Binds, listens and starts the I/O threads. False with errorString() set (e.g. "Cannot
    // listen on 127.0.0.1:8470: Address already in use") when it cannot. True if already running.
    bool start();
    // Closes the listener and every connection (WebSocket clients get a "going away" close when
    // they take it within a second), and joins the I/O threads. Idempotent; the server can be
    // started again. Responses of handlers still at work are dropped.
    void stop();
    bool isRunning() const;

    std::string errorString() const;
    // The bound port while running (the one picked when the config said 0), else 0.
    std::uint16_t port() const;

    // Sends one text message (a JSON object) to the WebSocket clients of the topic. Every client
    // receives the messages in the order of the calls. No effect while stopped.
    void broadcast(std::string json, Topic topic = Topic::Always);
    std::size_t webSocketClients() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

} // namespace hntt::api
