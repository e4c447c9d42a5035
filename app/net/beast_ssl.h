// Boost.Asio's and Beast's TLS layers for the servers that speak TLS (the join page, the control
// API off loopback), on top of the Boost shim and treated as system headers for the same reason
// (Boost 1.74 predates GCC 12 and C++20).
#pragma once
#pragma GCC system_header

#include "net/beast.h"

#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>

namespace hntt::net {
namespace ssl = boost::asio::ssl;
} // namespace hntt::net
