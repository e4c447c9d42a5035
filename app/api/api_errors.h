// The JSON error answers of the control API, shared by the server and the endpoint handlers:
// {"error": {"code": "not_found", "message": "…"}}, with one table mapping status <-> code.
#pragma once

#include "api/http_types.h"
#include "core/error.h"

#include <span>
#include <string>
#include <string_view>

namespace hntt::api {

// The code of the table for a status: 400 bad_request, 401 unauthorized, 404 not_found,
// 405 method_not_allowed, 409 conflict, 413 payload_too_large, 422 unprocessable, 500 internal,
// 502 bad_gateway, 503 unavailable. A status outside the table gives "bad_request" (4xx) or "internal"
// (others).
std::string_view errorCodeForStatus(int status);

// The status of a code of the table; 0 for a code that is not in it.
int statusForErrorCode(std::string_view code);

// The whole table, status and code, for the documentation to be checked against.
struct ErrorKind {
    int status;
    std::string_view code;
};
std::span<const ErrorKind> errorKinds();

// The status of a core error: the request's fault 4xx (not found 404, invalid 422, conflict 409),
// the console's own 5xx (storage and internal 500, unavailable 503), a device's 502.
int statusForError(core::Error::Code code);

// The JSON text {"error": {"code": code, "message": message}} (properly escaped, UTF-8).
std::string errorBody(std::string_view code, std::string_view message);

// An error answer. An empty code takes the table's code for the status.
Response errorResponse(int status, std::string_view code, std::string_view message);
Response errorResponse(int status, std::string_view message);
// The answer to a failed core call, by the mapping above.
Response errorResponse(const core::Error& error);

} // namespace hntt::api
