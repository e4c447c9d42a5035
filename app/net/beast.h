// Boost.Asio/Beast for the API transport. Boost 1.74 predates GCC 12 and C++20: its headers are
// treated as system headers here so that their warnings do not fail the -Werror build.
#pragma once
#pragma GCC system_header

// clang-format off
#include <utility> // before Asio: Boost 1.74 under C++20 relies on it being included already
// clang-format on

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

namespace hntt::net {
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace asio = boost::asio;
using tcp = boost::asio::ip::tcp;
} // namespace hntt::net
