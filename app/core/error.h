// The core's one error type: what failed and whose fault it was, with a message for the operator.
// Every fallible core call (store, session, cameras, archives, clips) returns a Result or Status;
// nothing in the core throws. The API maps each code to an HTTP status in one table
// (api/api_errors.cpp).
#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace hntt::core {

struct Error {
    enum class Code {
        // The request's fault (4xx):
        NotFound, // no such site, meeting, recording, alarm, job
        Invalid,  // well-formed but breaks a rule (bad level, end before start, bad import line)
        Conflict, // clashes with the current state (room booked, site has children, already recording)
        // Ours (5xx):
        Storage,     // the SQLite store or the disk failed (I/O, corrupt file, schema too new)
        Internal,    // the console's own machinery failed (an encoder or muxer that cannot open)
        Unavailable, // the console cannot do it now (shutting down, engine not running)
        // A device's (502):
        Upstream, // a device the console drives (a camera) failed or did not answer
    };
    Code code = Code::Internal;
    QString message; // translated, for the operator
    int line = 0;    // 1-based line of a CSV import that failed, else 0
    int item = 0;    // 1-based element of a JSON import that failed, else 0
};

// A value or the reason there is none; the core's stand-in for std::expected (C++23).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : v_(std::move(value)) {}
    Result(Error error)
        : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    // By value on a temporary, so `for (auto& x : *dir.list())` does not iterate a dead object.
    T value() && { return std::get<0>(std::move(v_)); }
    const T* operator->() const { return &std::get<0>(v_); }
    T* operator->() { return &std::get<0>(v_); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    T operator*() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Success with nothing to return, or the reason for failure.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : error_(std::move(error)) {}

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *error_; }

private:
    std::optional<Error> error_;
};

using Status = Result<void>;

} // namespace hntt::core
