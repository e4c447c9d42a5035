// No tr() here: this file pulls in Boost.Beast, which the translation scan is kept away from.
#include "net/http_post.h"

#include "net/beast.h"

#include <QMetaObject>
#include <QPointer>
#include <mutex>
#include <thread>

namespace hntt::net {

// Between the I/O thread and the client: whom to deliver to, cleared when the client goes.
struct HttpPost::Link {
    std::mutex mutex;
    QObject* receiver = nullptr; // posted to from the I/O thread, under the mutex
    HttpPost* owner = nullptr;   // read on the receiver's thread only
};

// One I/O thread for every camera: made by the first client, ended with the last.
struct HttpPost::IoThread {
    asio::io_context ioc;
    asio::executor_work_guard<asio::io_context::executor_type> work{ioc.get_executor()};
    std::thread thread;

    IoThread()
        : thread([this] { ioc.run(); }) {}
    ~IoThread() {
        work.reset();
        ioc.stop(); // exchanges still running are dropped with their handlers
        thread.join();
    }

    static std::shared_ptr<IoThread> shared() {
        static std::mutex mutex;
        static std::weak_ptr<IoThread> instance;
        std::lock_guard lock(mutex);
        auto io = instance.lock();
        if (!io) {
            io = std::make_shared<IoThread>();
            instance = io;
        }
        return io;
    }
};

// One request and its response, on the I/O thread.
struct HttpPost::Exchange : std::enable_shared_from_this<Exchange> {
    Exchange(asio::io_context& ioc, std::shared_ptr<Link> link, std::uint64_t id)
        : resolver(ioc)
        , socket(ioc)
        , timer(ioc)
        , link(std::move(link))
        , id(id) {}

    tcp::resolver resolver;
    tcp::socket socket;
    asio::steady_timer timer;
    std::shared_ptr<Link> link;
    std::uint64_t id;
    std::string host, port;
    http::request<http::string_body> request;
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    bool timedOut = false;
    bool done = false;

    void start(Clock::time_point deadline) {
        parser.body_limit(kBodyLimit);
        timer.expires_at(deadline);
        timer.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (ec || self->done)
                return;
            self->timedOut = true;
            self->resolver.cancel();
            beast::error_code ignored;
            self->socket.close(ignored);
        });
        resolver.async_resolve(
            host, port,
            [self = shared_from_this()](beast::error_code ec, tcp::resolver::results_type results) {
                if (ec)
                    return self->fail(ec, HttpOutcome::Kind::Unreachable);
                self->connect(results);
            });
    }

    void connect(const tcp::resolver::results_type& results) {
        asio::async_connect(socket, results,
                            [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
                                if (ec)
                                    return self->fail(ec, HttpOutcome::Kind::Unreachable);
                                self->write();
                            });
    }

    void write() {
        http::async_write(socket, request, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec)
                return self->fail(ec, HttpOutcome::Kind::Unreachable);
            self->read();
        });
    }

    void read() {
        http::async_read(socket, buffer, parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec)
                                 return self->fail(ec, HttpOutcome::Kind::Malformed);
                             HttpOutcome o;
                             o.kind = HttpOutcome::Kind::Answered;
                             o.status = static_cast<int>(self->parser.get().result_int());
                             const std::string& body = self->parser.get().body();
                             o.body = QByteArray(body.data(), static_cast<qsizetype>(body.size()));
                             self->finish(std::move(o));
                         });
    }

    void fail(beast::error_code ec, HttpOutcome::Kind kind) {
        HttpOutcome o;
        if (timedOut) {
            o.kind = HttpOutcome::Kind::TimedOut;
        } else if (kind == HttpOutcome::Kind::Malformed &&
                   (ec == asio::error::connection_reset || ec == asio::error::eof ||
                    ec == http::error::end_of_stream)) {
            o.kind = HttpOutcome::Kind::Unreachable; // closed without answering
        } else {
            o.kind = kind;
        }
        o.detail = QString::fromStdString(ec.message());
        finish(std::move(o));
    }

    void finish(HttpOutcome outcome) {
        done = true;
        timer.cancel();
        beast::error_code ignored;
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
        std::lock_guard lock(link->mutex);
        if (!link->receiver)
            return;
        QMetaObject::invokeMethod(
            link->receiver,
            [link = link, id = id, outcome = std::move(outcome)] {
                if (link->owner)
                    link->owner->deliver(id, outcome);
            },
            Qt::QueuedConnection);
    }
};

HttpPost::HttpPost(QObject* receiver)
    : io_(IoThread::shared())
    , link_(std::make_shared<Link>()) {
    link_->receiver = receiver;
    link_->owner = this;
}

HttpPost::~HttpPost() {
    {
        std::lock_guard lock(link_->mutex);
        link_->receiver = nullptr;
        link_->owner = nullptr;
    }
    // Exchanges in flight end by their deadline on the I/O thread and deliver nothing; answers
    // already posted are dropped with the receiver's pending events or by the cleared owner.
}

void HttpPost::post(const QUrl& url, const QByteArray& contentType, const QByteArray& body,
                    Clock::time_point deadline, Done done) {
    const std::uint64_t id = nextId_++;
    pending_.emplace(id, std::move(done));
    auto exchange = std::make_shared<Exchange>(io_->ioc, link_, id);
    exchange->host = url.host(QUrl::FullyEncoded).toStdString();
    if (exchange->host.size() > 2 && exchange->host.front() == '[')
        exchange->host = exchange->host.substr(1, exchange->host.size() - 2); // IPv6 literal
    exchange->port = std::to_string(url.port(80));
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += "?" + url.query(QUrl::FullyEncoded).toUtf8();
    auto& req = exchange->request;
    req.method(http::verb::post);
    req.target(target.toStdString());
    req.version(11);
    const QString hostHeader =
        url.port() > 0 ? url.host(QUrl::FullyEncoded) + QLatin1Char(':') + QString::number(url.port())
                       : url.host(QUrl::FullyEncoded);
    req.set(http::field::host, hostHeader.toStdString());
    req.set(http::field::content_type, contentType.toStdString());
    req.set(http::field::user_agent, "hntt-console");
    req.set(http::field::connection, "close");
    req.body() = body.toStdString();
    req.prepare_payload();
    asio::post(io_->ioc, [exchange, deadline] { exchange->start(deadline); });
}

void HttpPost::deliver(std::uint64_t id, const HttpOutcome& outcome) {
    auto it = pending_.find(id);
    if (it == pending_.end())
        return;
    Done done = std::move(it->second);
    pending_.erase(it);
    done(outcome);
}

} // namespace hntt::net
