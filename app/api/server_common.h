// What the pieces of the API transport (server core, HTTP and WebSocket sessions) share: the Beast
// names, a few constants and helpers, the gate responders check and the interface stop() closes
// connections through. Private to the transport; includes Boost, so it stays out of the
// translation scan (app/CMakeLists.txt) and speaks English only.
#pragma once

#include "net/beast.h"
#include "net/beast_ssl.h"

#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>

namespace hntt::api::detail {

namespace beast = net::beast;
namespace http = net::http;
namespace websocket = net::websocket;
namespace asio = net::asio;
using tcp = net::tcp;
namespace ssl = net::ssl;
// The stream of a connection over TLS (the API bound off loopback).
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

inline constexpr const char* kServerName = "hntt-console";
// How long stop() lets connections close by themselves (WebSocket close handshakes).
inline constexpr std::chrono::milliseconds kStopGrace{500};

using Digest = std::array<unsigned char, 32>;

inline std::string_view sv(beast::string_view s) {
    return {s.data(), s.size()};
}

Digest sha256(std::string_view data);
// "127.0.0.1:53122" or "[::1]:53122".
std::string endpointText(const tcp::endpoint& ep);
// Now, ISO 8601 with milliseconds and the local offset.
std::string nowIso();

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

} // namespace hntt::api::detail
