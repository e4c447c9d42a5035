// A small asynchronous HTTP/1.1 client for device control (ONVIF SOAP): one POST per connection,
// run by Boost.Beast on one I/O thread shared by every camera, with the answer delivered on the
// receiver's (Qt) thread. Nothing here blocks the caller; every exchange ends by its deadline.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>

namespace hntt::net {

struct HttpOutcome {
    enum class Kind {
        Answered,    // an HTTP response came (any status)
        TimedOut,    // no complete response by the deadline
        Unreachable, // name not found, connection refused or reset
        Malformed,   // not HTTP, or a response too large
    };
    Kind kind = Kind::Unreachable;
    int status = 0;
    QByteArray body;
    QString detail; // the system's reason for a failure (English)
};

class HttpPost {
public:
    using Done = std::function<void(const HttpOutcome&)>;
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kBodyLimit = 1024 * 1024;

    // Answers are delivered on `receiver`'s thread, as long as this client and the receiver live.
    explicit HttpPost(QObject* receiver);
    ~HttpPost();
    HttpPost(const HttpPost&) = delete;
    HttpPost& operator=(const HttpPost&) = delete;

    // POSTs `body` to the http:// URL; `done` runs once, on the receiver's thread.
    void post(const QUrl& url, const QByteArray& contentType, const QByteArray& body,
              Clock::time_point deadline, Done done);

private:
    struct Link;
    struct IoThread;
    struct Exchange;

    void deliver(std::uint64_t id, const HttpOutcome& outcome);

    std::shared_ptr<IoThread> io_;
    std::shared_ptr<Link> link_;
    std::map<std::uint64_t, Done> pending_;
    std::uint64_t nextId_ = 1;
};

} // namespace hntt::net
