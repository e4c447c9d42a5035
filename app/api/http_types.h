// The contract between the API transport (HttpServer) and the endpoint logic: the exchange types
// every HTTP transport of the console shares (net/http_exchange.h), under the API's names.
#pragma once

#include "net/http_exchange.h"

namespace hntt::api {

using net::Handler;
using net::Request;
using net::Responder;
using net::Response;

} // namespace hntt::api
