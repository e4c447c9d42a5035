// clang-format off
#include <utility> // before Asio: Boost 1.74 under C++20 relies on it being included already
// clang-format on

#include "browser_peer.h"

// Boost 1.74 predates GCC 12 and C++20. From /usr/include its headers are system headers, whose
// warnings GCC keeps quiet; these keep them quiet from anywhere else too under -Werror.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wdeprecated-copy"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wvolatile"
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#pragma GCC diagnostic pop

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>
#include <QtMath>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <deque>
#include <fcntl.h>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <sched.h>
#include <set>
#include <signal.h>
#include <string>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace hntt::test {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = boost::asio::ip::tcp;

const QString kIp = QStringLiteral("/usr/sbin/ip");
const QString kChromium = QStringLiteral("/usr/bin/chromium");
const QString kFfmpeg = QStringLiteral("ffmpeg");
constexpr int kMaxLinkAttempts = 16;
constexpr quint32 kPool = 0x0ad50000; // 10.213.0.0/16
constexpr quint32 kBlocks = 16384;    // /30s in it

struct Ran {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Ran run(const QString& program, const QStringList& args, int timeoutMs = 20000) {
    Ran r;
    ChildProcess::Options o;
    o.out = ChildProcess::Output::Capture;
    o.err = ChildProcess::Output::Capture;
    ChildProcess p(program, args, o);
    if (!p.started()) {
        r.err = p.startError().toUtf8();
        return r;
    }
    if (!p.waitFinished(timeoutMs)) {
        p.kill();
        r.err = "timed out";
        return r;
    }
    r.out = p.output();
    r.err = p.errorOutput();
    r.code = p.exitCode();
    return r;
}

Ran ip(const QStringList& args) {
    return run(kIp, args);
}

QString said(const Ran& r) {
    return QString::fromUtf8(r.err.isEmpty() ? r.out : r.err).trimmed();
}

QString dotted(quint32 a) {
    return QHostAddress(a).toString();
}

bool pidAlive(qint64 pid) {
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

void killAllIn(const QString& netns) {
    const Ran r = ip({QStringLiteral("netns"), QStringLiteral("pids"), netns});
    for (const QByteArray& line : r.out.split('\n')) {
        bool ok = false;
        const int pid = line.trimmed().toInt(&ok);
        if (ok && pid > 1 && pid != ::getpid())
            ::kill(pid, SIGKILL);
    }
}

// Whether an IPv4 address on the host (other than on `except`) overlaps the /30 at `net`.
bool overlapsHost(quint32 net, const QString& except = {}) {
    static const QRegularExpression inet(QStringLiteral(R"(^\d+:\s+(\S+)\s+inet\s+([\d.]+)/(\d+))"),
                                         QRegularExpression::MultilineOption);
    const Ran r =
        ip({QStringLiteral("-4"), QStringLiteral("-o"), QStringLiteral("addr"), QStringLiteral("show")});
    auto it = inet.globalMatch(QString::fromUtf8(r.out));
    while (it.hasNext()) {
        const auto m = it.next();
        if (!except.isEmpty() && m.captured(1) == except)
            continue;
        bool ok = false;
        const quint32 a = QHostAddress(m.captured(2)).toIPv4Address(&ok);
        if (!ok)
            continue;
        const int len = qMin(m.captured(3).toInt(), 30);
        const quint32 mask = len <= 0 ? 0 : ~quint32(0) << (32 - len);
        if ((a & mask) == (net & mask))
            return true;
    }
    return false;
}

// Namespaces and host veth ends of test processes that died without removing them (a crash, an
// abort by a sanitizer, SIGKILL): removed, with anything still running inside, once per process.
void removeStale() {
    static std::once_flag once;
    std::call_once(once, [] {
        const qint64 self = ::getpid(); // whatever carries our pid now is older than us
        static const QRegularExpression ns(QStringLiteral(R"(^hntt-[tp](\d+)(-\d+)?\b)"),
                                           QRegularExpression::MultilineOption);
        auto it =
            ns.globalMatch(QString::fromUtf8(ip({QStringLiteral("netns"), QStringLiteral("list")}).out));
        while (it.hasNext()) {
            const auto m = it.next();
            const qint64 pid = m.captured(1).toLongLong();
            if (pid == self || !pidAlive(pid)) {
                killAllIn(m.captured(0));
                ip({QStringLiteral("netns"), QStringLiteral("del"), m.captured(0)});
            }
        }
        static const QRegularExpression link(QStringLiteral(R"(^\d+:\s+(hnt(\d+)-\d+)[@:])"),
                                             QRegularExpression::MultilineOption);
        auto lit = link.globalMatch(QString::fromUtf8(
            ip({QStringLiteral("-o"), QStringLiteral("link"), QStringLiteral("show")}).out));
        while (lit.hasNext()) {
            const auto m = lit.next();
            const qint64 pid = m.captured(2).toLongLong();
            if (pid == self || !pidAlive(pid))
                ip({QStringLiteral("link"), QStringLiteral("del"), m.captured(1)});
        }
    });
}

// Runs the calling thread's event loop (when it has one) until `done` or the deadline: true when
// done. `waker` (optional) is given the dispatcher to wake while waiting, then nullptr.
bool spinUntil(const std::function<bool()>& done, const QDeadlineTimer& deadline,
               std::function<void(QAbstractEventDispatcher*)> waker = {}) {
    if (done())
        return true;
    QAbstractEventDispatcher* dispatcher =
        QCoreApplication::instance() ? QAbstractEventDispatcher::instance() : nullptr;
    if (!dispatcher) {
        while (!deadline.hasExpired()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            if (done())
                return true;
        }
        return done();
    }
    if (waker)
        waker(dispatcher);
    QTimer end;
    end.setSingleShot(true);
    end.setTimerType(Qt::PreciseTimer);
    end.start(
        static_cast<int>(qBound<qint64>(qint64(0), deadline.remainingTime(), qint64(24) * 3600 * 1000)));
    QTimer tick; // a safety net: whatever `done` looks at may change without an event
    tick.start(50);
    bool ok = false;
    while (!(ok = done()) && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    if (waker)
        waker(nullptr);
    return ok || done();
}

void spinFor(int ms) {
    spinUntil([] { return false; }, QDeadlineTimer(ms));
}

QString tail(const QString& text, int maxChars) {
    return text.size() <= maxChars ? text : QStringLiteral("...") + text.right(maxChars);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// NetnsLink

NetnsLink::NetnsLink() {
    static std::atomic<int> counter{0};
    removeStale();
    for (int attempt = 0; attempt < kMaxLinkAttempts && !ok_; ++attempt) {
        QString why;
        const int n = counter.fetch_add(1);
        const bool retry = setUp(n, &why);
        if (!ok_) {
            tearDown();
            error_ = why;
            if (!retry)
                break;
        }
    }
    if (ok_)
        error_.clear();
}

NetnsLink::~NetnsLink() {
    tearDown();
}

// Sets up attempt `n`; on failure false for ok_, and whether another attempt may do better.
bool NetnsLink::setUp(int n, QString* why) {
    const qint64 pid = ::getpid();
    name_ = QStringLiteral("hntt-t%1-%2").arg(pid).arg(n);
    hostIf_ = QStringLiteral("hnt%1-%2").arg(pid).arg(n % 10000); // IFNAMSIZ: at most 15
    hostAddress_.clear();
    namespaceAddress_.clear();

    // A /30 of its own: derived from the pid and the attempt, so that concurrent test processes
    // start apart, then checked against what the host already has.
    std::optional<quint32> net;
    const quint32 start = static_cast<quint32>((pid * 16 + n * 7) % (kBlocks - 1)) + 1;
    for (quint32 i = 0; i < 256 && !net; ++i) {
        const quint32 block = (start + i * 97) % kBlocks;
        if (block == 0)
            continue;
        const quint32 candidate = kPool + block * 4;
        if (!overlapsHost(candidate))
            net = candidate;
    }
    if (!net) {
        *why = QStringLiteral("no free /30 in 10.213.0.0/16 (the host's addresses overlap it)");
        return false;
    }

    Ran r = ip({QStringLiteral("netns"), QStringLiteral("add"), name_});
    if (r.code != 0) {
        *why = QStringLiteral("ip netns add %1: %2").arg(name_, said(r));
        return r.err.contains("exists");
    }
    nsCreated_ = true;
    r = ip({QStringLiteral("link"), QStringLiteral("add"), hostIf_, QStringLiteral("type"),
            QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), QStringLiteral("veth0"),
            QStringLiteral("netns"), name_});
    if (r.code != 0) {
        *why = QStringLiteral("ip link add %1 type veth: %2").arg(hostIf_, said(r));
        return r.err.contains("exists");
    }
    linkCreated_ = true;
    const QString host = dotted(*net + 1);
    const QString inside = dotted(*net + 2);
    const QString cidr = QStringLiteral("/30");
    r = ip({QStringLiteral("addr"), QStringLiteral("add"), host + cidr, QStringLiteral("dev"), hostIf_});
    if (r.code != 0) {
        *why = QStringLiteral("ip addr add %1 dev %2: %3").arg(host + cidr, hostIf_, said(r));
        return true;
    }
    // Another process may have picked the same block meanwhile: whoever sees the other backs off.
    if (overlapsHost(*net, hostIf_)) {
        *why = QStringLiteral("%1/30 was taken meanwhile").arg(dotted(*net));
        return true;
    }
    const QList<QStringList> steps = {
        {QStringLiteral("link"), QStringLiteral("set"), hostIf_, QStringLiteral("up")},
        {QStringLiteral("-n"), name_, QStringLiteral("addr"), QStringLiteral("add"), inside + cidr,
         QStringLiteral("dev"), QStringLiteral("veth0")},
        {QStringLiteral("-n"), name_, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("veth0"),
         QStringLiteral("up")},
        {QStringLiteral("-n"), name_, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
         QStringLiteral("up")},
    };
    for (const QStringList& step : steps) {
        r = ip(step);
        if (r.code != 0) {
            *why = QStringLiteral("ip %1: %2").arg(step.join(QLatin1Char(' ')), said(r));
            return false;
        }
    }
    hostAddress_ = host;
    namespaceAddress_ = inside;
    ok_ = true;
    return true;
}

void NetnsLink::tearDown() {
    if (nsCreated_)
        killAllIn(name_); // a browser that outlived its peer would keep the namespace alive
    if (linkCreated_)
        ip({QStringLiteral("link"), QStringLiteral("del"), hostIf_}); // takes veth0 along
    if (nsCreated_)
        ip({QStringLiteral("netns"), QStringLiteral("del"), name_});
    nsCreated_ = false;
    linkCreated_ = false;
    ok_ = false;
}

bool NetnsLink::available(QString* why) {
    static std::mutex mutex;
    static std::optional<std::pair<bool, QString>> known;
    std::lock_guard lock(mutex);
    if (!known) {
        removeStale();
        QString reason;
        if (!QFileInfo(kIp).isExecutable()) {
            reason = QStringLiteral("%1 is missing (package iproute2)").arg(kIp);
        } else {
            const QString probe = QStringLiteral("hntt-p%1").arg(::getpid());
            Ran r = ip({QStringLiteral("netns"), QStringLiteral("add"), probe});
            if (r.code != 0) {
                reason = QStringLiteral("cannot create a network namespace (root, or CAP_SYS_ADMIN and "
                                        "CAP_NET_ADMIN, is needed): %1")
                             .arg(said(r));
            } else {
                r = ip({QStringLiteral("-n"), probe, QStringLiteral("link"), QStringLiteral("add"),
                        QStringLiteral("p0"), QStringLiteral("type"), QStringLiteral("veth"),
                        QStringLiteral("peer"), QStringLiteral("name"), QStringLiteral("p1")});
                if (r.code != 0)
                    reason = QStringLiteral("cannot create a veth pair: %1").arg(said(r));
                ip({QStringLiteral("netns"), QStringLiteral("del"), probe});
            }
        }
        known.emplace(reason.isEmpty(), reason);
    }
    if (why)
        *why = known->second;
    return known->first;
}

// ---------------------------------------------------------------------------------------------
// The DevTools connection: one WebSocket to the browser endpoint, the page reached through a
// flattened session. Its I/O runs on a thread of its own that has entered the namespace (the
// endpoint listens on the namespace's loopback only: Chromium 156 ignores
// --remote-debugging-address). The calling thread posts work to it and spins its event loop.

struct BrowserPeer::Cdp {
    // Shared with the I/O thread, under `mutex`.
    std::mutex mutex;
    std::map<qint64, QJsonObject> responses;
    std::set<qint64> abandoned; // timed out: dropped when they come
    std::deque<QString> console;
    bool closed = false;
    QString closeReason;
    QAbstractEventDispatcher* waiter = nullptr; // while `waiting` > 0
    int waiting = 0;

    // The I/O thread's own.
    asio::io_context ioc;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::optional<websocket::stream<tcp::socket>> ws;
    beast::flat_buffer readBuffer;
    std::deque<std::string> outbox;

    // The calling thread's own.
    std::thread thread;
    qint64 nextId = 0;
    bool connected = false;

    ~Cdp() { shutdown(); }

    void wake() {
        if (waiter)
            waiter->wakeUp();
    }

    std::function<void(QAbstractEventDispatcher*)> waker() {
        return [this](QAbstractEventDispatcher* d) {
            std::lock_guard lock(mutex);
            if (d) {
                ++waiting;
                waiter = d;
            } else if (--waiting == 0) {
                waiter = nullptr;
            }
        };
    }

    // Starts the I/O thread in the namespace mounted at `netnsPath`.
    bool startThread(const std::string& netnsPath, QString* why) {
        work.emplace(ioc.get_executor());
        std::promise<std::string> entered;
        std::future<std::string> result = entered.get_future();
        thread = std::thread([this, netnsPath, entered = std::move(entered)]() mutable {
            std::string error;
            const int fd = ::open(netnsPath.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                error = "open " + netnsPath + ": " + std::error_code(errno, std::system_category()).message();
            } else {
                if (::setns(fd, CLONE_NEWNET) != 0)
                    error = "setns " + netnsPath + ": " +
                            std::error_code(errno, std::system_category()).message();
                ::close(fd);
            }
            entered.set_value(error);
            if (error.empty())
                ioc.run();
        });
        const std::string error = result.get();
        if (!error.empty()) {
            *why = QString::fromStdString(error);
            return false;
        }
        return true;
    }

    void shutdown() {
        if (!thread.joinable())
            return;
        asio::post(ioc, [this] {
            if (ws) {
                beast::error_code ec;
                beast::get_lowest_layer(*ws).close(ec); // ends the read loop
            }
            work.reset();
        });
        thread.join();
        ws.reset();
    }

    // The result of a job run on the I/O thread; kept alive by both sides.
    struct Job {
        std::atomic<bool> done{false};
        bool ok = false;
        std::string text;
    };

    bool await(const std::shared_ptr<Job>& job, const QDeadlineTimer& deadline) {
        return spinUntil([&job] { return job->done.load(std::memory_order_acquire); }, deadline, waker());
    }

    void finish(const std::shared_ptr<Job>& job) {
        job->done.store(true, std::memory_order_release);
        std::lock_guard lock(mutex);
        wake();
    }

    // GET http://127.0.0.1:port/target inside the namespace; the body when 200.
    std::shared_ptr<Job> httpGet(quint16 port, const std::string& target) {
        auto job = std::make_shared<Job>();
        asio::post(ioc, [this, job, port, target] {
            beast::error_code ec;
            tcp::socket socket(ioc);
            socket.connect(tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"), port), ec);
            if (!ec) {
                http::request<http::empty_body> request{http::verb::get, target, 11};
                request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
                http::write(socket, request, ec);
            }
            if (!ec) {
                beast::flat_buffer buffer;
                http::response<http::string_body> response;
                http::read(socket, buffer, response, ec);
                if (!ec) {
                    job->ok = response.result() == http::status::ok;
                    job->text = response.body();
                }
            }
            if (ec)
                job->text = ec.message();
            socket.close(ec);
            finish(job);
        });
        return job;
    }

    std::shared_ptr<Job> connect(quint16 port, const std::string& path) {
        auto job = std::make_shared<Job>();
        asio::post(ioc, [this, job, port, path] {
            beast::error_code ec;
            ws.emplace(ioc);
            ws->next_layer().connect(tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"), port), ec);
            if (!ec) {
                ws->read_message_max(std::size_t(256) << 20); // screenshots
                ws->handshake("127.0.0.1:" + std::to_string(port), path, ec);
            }
            if (ec) {
                job->text = ec.message();
                ws.reset();
            } else {
                job->ok = true;
                read();
            }
            finish(job);
        });
        return job;
    }

    void read() {
        ws->async_read(readBuffer, [this](beast::error_code ec, std::size_t) {
            if (ec) {
                std::lock_guard lock(mutex);
                closed = true;
                closeReason = QString::fromStdString(ec.message());
                wake();
                return;
            }
            const QByteArray text = QByteArray::fromStdString(beast::buffers_to_string(readBuffer.data()));
            readBuffer.consume(readBuffer.size());
            take(QJsonDocument::fromJson(text).object());
            read();
        });
    }

    void send(std::string message) {
        asio::post(ioc, [this, m = std::move(message)]() mutable {
            if (!ws)
                return;
            outbox.push_back(std::move(m));
            if (outbox.size() == 1)
                write();
        });
    }

    void write() {
        ws->text(true);
        ws->async_write(asio::buffer(outbox.front()), [this](beast::error_code ec, std::size_t) {
            if (ec) {
                std::lock_guard lock(mutex);
                closed = true;
                closeReason = QString::fromStdString(ec.message());
                wake();
                return;
            }
            outbox.pop_front();
            if (!outbox.empty())
                write();
        });
    }

    void note(const QString& line) {
        console.push_back(line);
        while (console.size() > 500)
            console.pop_front();
    }

    // A message from the browser (I/O thread).
    void take(const QJsonObject& o) {
        std::lock_guard lock(mutex);
        if (o.contains(QLatin1String("id"))) {
            const qint64 id = o.value(QLatin1String("id")).toInteger();
            if (abandoned.erase(id) == 0) {
                responses[id] = o;
                wake();
            }
            return;
        }
        const QString method = o.value(QLatin1String("method")).toString();
        const QJsonObject params = o.value(QLatin1String("params")).toObject();
        if (method == QLatin1String("Runtime.consoleAPICalled")) {
            QStringList parts;
            for (const QJsonValue& arg : params.value(QLatin1String("args")).toArray()) {
                const QJsonObject a = arg.toObject();
                const QJsonValue value = a.value(QLatin1String("value"));
                if (value.isString())
                    parts << value.toString();
                else if (!value.isUndefined())
                    parts << QString::fromUtf8(
                                 QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                                 .mid(1)
                                 .chopped(1);
                else
                    parts << a.value(QLatin1String("description"))
                                 .toString(a.value(QLatin1String("type")).toString());
            }
            note(QStringLiteral("console.%1: %2")
                     .arg(params.value(QLatin1String("type")).toString(), parts.join(QLatin1Char(' '))));
        } else if (method == QLatin1String("Runtime.exceptionThrown")) {
            const QJsonObject details = params.value(QLatin1String("exceptionDetails")).toObject();
            const QString description = details.value(QLatin1String("exception"))
                                            .toObject()
                                            .value(QLatin1String("description"))
                                            .toString();
            note(QStringLiteral("uncaught: %1")
                     .arg(description.isEmpty() ? details.value(QLatin1String("text")).toString()
                                                : description));
        } else if (method == QLatin1String("Target.detachedFromTarget") ||
                   method == QLatin1String("Inspector.targetCrashed") ||
                   method == QLatin1String("Target.targetCrashed")) {
            note(QStringLiteral("devtools: %1 %2")
                     .arg(method, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))));
        }
    }
};

// ---------------------------------------------------------------------------------------------
// BrowserPeer

BrowserPeer::BrowserPeer() = default;

BrowserPeer::~BrowserPeer() {
    stop();
}

bool BrowserPeer::available(QString* why) {
    QString reason;
    if (!QFileInfo(kChromium).isExecutable())
        reason = QStringLiteral("%1 is missing (package chromium)").arg(kChromium);
    else if (QStandardPaths::findExecutable(kFfmpeg).isEmpty())
        reason = QStringLiteral("ffmpeg is missing (package ffmpeg)");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

bool BrowserPeer::makeColourY4m(const QString& path, quint32 rgb, int width, int height, int fps,
                                int seconds) {
    const QString source = QStringLiteral("color=c=0x%1:s=%2x%3:r=%4")
                               .arg(rgb & 0xffffffu, 6, 16, QLatin1Char('0'))
                               .arg(width)
                               .arg(height)
                               .arg(fps);
    const Ran r =
        run(kFfmpeg, {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                      QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                      QStringLiteral("-i"), source, QStringLiteral("-t"), QString::number(seconds),
                      QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path});
    return r.code == 0 && QFileInfo(path).size() > 0;
}

bool BrowserPeer::makeToneWav(const QString& path, int hz, int seconds, int sampleRate) {
    const Ran r = run(
        kFfmpeg, {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                  QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("sine=frequency=%1:sample_rate=%2").arg(hz).arg(sampleRate),
                  QStringLiteral("-t"), QString::number(seconds), QStringLiteral("-ac"), QStringLiteral("1"),
                  QStringLiteral("-c:a"), QStringLiteral("pcm_s16le"), path});
    return r.code == 0 && QFileInfo(path).size() > 0;
}

bool BrowserPeer::fail(const QString& why) {
    lastError_ = why;
    return false;
}

bool BrowserPeer::running() const {
    return process_ && process_->running();
}

bool BrowserPeer::start(const NetnsLink& link, const QString& y4m, const QString& wav, int timeoutMs) {
    stop();
    lastError_.clear();
    startupMs_ = -1;
    if (launch(link, y4m, wav, timeoutMs))
        return true;
    const QString why = lastError_;
    stop(); // what did come up; its log stays
    lastError_ = why;
    return false;
}

bool BrowserPeer::launch(const NetnsLink& link, const QString& y4m, const QString& wav, int timeoutMs) {
    if (!link.ok())
        return fail(QStringLiteral("the namespace link is not up: %1").arg(link.error()));
    if (!dir_.isValid())
        return fail(QStringLiteral("no temporary folder: %1").arg(dir_.errorString()));
    const QString profile = dir_.filePath(QStringLiteral("profile"));
    QDir(profile).removeRecursively();
    QDir().mkpath(profile);
    console_.clear();
    const QString logPath = dir_.filePath(QStringLiteral("chromium.log"));

    QStringList args = {
        QStringLiteral("netns"),
        QStringLiteral("exec"),
        link.name(),
        kChromium,
        QStringLiteral("--headless"),
        QStringLiteral("--no-sandbox"), // root
        QStringLiteral("--disable-gpu"),
        QStringLiteral("--disable-background-networking"),
        QStringLiteral("--disable-component-update"),
        QStringLiteral("--disable-sync"),
        QStringLiteral("--no-first-run"),
        QStringLiteral("--no-default-browser-check"),
        QStringLiteral("--disable-default-apps"),
        QStringLiteral("--password-store=basic"),
        QStringLiteral("--user-data-dir=%1").arg(profile),
        QStringLiteral("--use-fake-device-for-media-stream"),
        QStringLiteral("--use-fake-ui-for-media-stream"),
        QStringLiteral("--use-file-for-fake-video-capture=%1").arg(QFileInfo(y4m).absoluteFilePath()),
        QStringLiteral("--use-file-for-fake-audio-capture=%1").arg(QFileInfo(wav).absoluteFilePath()),
        QStringLiteral("--ignore-certificate-errors"),
        QStringLiteral("--autoplay-policy=no-user-gesture-required"),
        // Host candidates as addresses, never as .local mDNS names that Janus cannot resolve (156
        // gave addresses here without it too, even to a page that had not asked for the camera).
        QStringLiteral("--disable-features=WebRtcHideLocalIpsWithMdns"),
        QStringLiteral("--remote-debugging-port=0"), // any: the namespace's loopback is ours
        QStringLiteral("--window-size=1366,768"),
    };
    args << extraArgs_ << QStringLiteral("about:blank");

    // Its own process group (stop() ends the renderers and zygotes with it), and killed when the
    // test process dies, whatever way (ChildProcess's parent-death signal outlives the execs: ip
    // netns exec and Debian's wrapper exec, so this is Chromium).
    ChildProcess::Options o;
    o.out = ChildProcess::Output::File;
    o.outFile = logPath;
    o.mergeErrIntoOut = true;
    o.ownProcessGroup = true;
    o.extraEnvironment = {
        QStringLiteral("HOME=%1").arg(dir_.path()), // ~/.pki, ~/.cache: not the real home's
        QStringLiteral("XDG_CONFIG_HOME=%1").arg(dir_.filePath(QStringLiteral("config"))),
        QStringLiteral("XDG_CACHE_HOME=%1").arg(dir_.filePath(QStringLiteral("cache"))),
    };
    QElapsedTimer clock;
    clock.start();
    const QDeadlineTimer deadline(timeoutMs);
    process_ = std::make_unique<ChildProcess>(kIp, args, o);
    if (!process_->started())
        return fail(QStringLiteral("cannot start %1: %2").arg(kChromium, process_->startError()));

    // The DevTools port: in DevToolsActivePort once it listens (also in its log).
    quint16 port = 0;
    static const QRegularExpression listening(QStringLiteral(R"(DevTools listening on ws://[^:/]+:(\d+)/)"));
    const bool listens = spinUntil(
        [&] {
            QFile active(profile + QStringLiteral("/DevToolsActivePort"));
            if (active.open(QIODevice::ReadOnly)) {
                port = static_cast<quint16>(active.readLine().trimmed().toUInt());
            }
            if (port == 0) {
                const auto m = listening.match(log(1 << 20));
                if (m.hasMatch())
                    port = static_cast<quint16>(m.captured(1).toUInt());
            }
            return port != 0 || !process_->running();
        },
        deadline);
    if (!listens || port == 0) {
        return fail(!process_->running()
                        ? QStringLiteral("Chromium exited (%1) before it listened").arg(process_->exitCode())
                        : QStringLiteral("Chromium did not open its DevTools port in %1 ms").arg(timeoutMs));
    }

    cdp_ = std::make_unique<Cdp>();
    QString why;
    if (!cdp_->startThread(QStringLiteral("/run/netns/%1").arg(link.name()).toStdString(), &why))
        return fail(QStringLiteral("cannot enter the namespace: %1").arg(why));

    // /json/version, until it answers: its webSocketDebuggerUrl is the browser's endpoint.
    QString wsUrl;
    QString lastHttp;
    while (wsUrl.isEmpty() && !deadline.hasExpired() && running()) {
        const auto job = cdp_->httpGet(port, "/json/version");
        if (!cdp_->await(job, deadline))
            break;
        if (job->ok) {
            wsUrl = QJsonDocument::fromJson(QByteArray::fromStdString(job->text))
                        .object()
                        .value(QLatin1String("webSocketDebuggerUrl"))
                        .toString();
        } else {
            lastHttp = QString::fromStdString(job->text);
            spinFor(100);
        }
    }
    if (wsUrl.isEmpty())
        return fail(QStringLiteral("no answer from http://127.0.0.1:%1/json/version in the namespace: %2")
                        .arg(port)
                        .arg(lastHttp));
    const QUrl endpoint(wsUrl);
    const quint16 wsPort = static_cast<quint16>(endpoint.port(port)); // its host: the namespace's loopback
    const auto connected = cdp_->connect(wsPort, endpoint.path().toStdString());
    if (!cdp_->await(connected, deadline) || !connected->ok)
        return fail(
            QStringLiteral("cannot connect to %1: %2").arg(wsUrl, QString::fromStdString(connected->text)));
    cdp_->connected = true;

    // The page it opened with (or a new one), through a flattened session.
    QJsonObject result;
    const int left = static_cast<int>(qMax<qint64>(1000, deadline.remainingTime()));
    if (!command(QStringLiteral("Target.getTargets"), {}, &result, left, false))
        return false;
    QString targetId;
    for (const QJsonValue& t : result.value(QLatin1String("targetInfos")).toArray()) {
        const QJsonObject info = t.toObject();
        if (info.value(QLatin1String("type")).toString() == QLatin1String("page")) {
            targetId = info.value(QLatin1String("targetId")).toString();
            break;
        }
    }
    if (targetId.isEmpty()) {
        if (!command(QStringLiteral("Target.createTarget"),
                     {{QStringLiteral("url"), QStringLiteral("about:blank")}}, &result, left, false))
            return false;
        targetId = result.value(QLatin1String("targetId")).toString();
    }
    if (!command(QStringLiteral("Target.attachToTarget"),
                 {{QStringLiteral("targetId"), targetId}, {QStringLiteral("flatten"), true}}, &result, left,
                 false))
        return false;
    sessionId_ = result.value(QLatin1String("sessionId")).toString();
    if (sessionId_.isEmpty())
        return fail(QStringLiteral("Target.attachToTarget gave no session"));
    if (!command(QStringLiteral("Runtime.enable"), {}, &result, left))
        return false;
    // Its first about:blank may still be on the way: an evaluate meanwhile meets a destroyed context.
    if (!waitFor(QStringLiteral("document.readyState === 'complete'"),
                 static_cast<int>(qMax<qint64>(1000, deadline.remainingTime()))))
        return false;
    startupMs_ = clock.elapsed();
    return true;
}

bool BrowserPeer::command(const QString& method, const QJsonObject& params, QJsonObject* result,
                          int timeoutMs, bool toPage) {
    if (!cdp_ || !cdp_->connected)
        return fail(QStringLiteral("%1: the browser is not running").arg(method));
    const qint64 id = ++cdp_->nextId;
    QJsonObject message{{QStringLiteral("id"), id}, {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        message.insert(QStringLiteral("params"), params);
    if (toPage)
        message.insert(QStringLiteral("sessionId"), sessionId_);
    cdp_->send(QJsonDocument(message).toJson(QJsonDocument::Compact).toStdString());

    Cdp& cdp = *cdp_;
    QJsonObject response;
    bool got = false;
    auto arrived = [&] {
        std::lock_guard lock(cdp.mutex);
        const auto it = cdp.responses.find(id);
        if (it != cdp.responses.end()) {
            response = it->second;
            cdp.responses.erase(it);
            got = true;
        }
        return got || cdp.closed;
    };
    spinUntil(arrived, QDeadlineTimer(timeoutMs), cdp.waker());
    if (!got) {
        std::lock_guard lock(cdp.mutex);
        const auto it = cdp.responses.find(id);
        if (it != cdp.responses.end()) {
            response = it->second;
            cdp.responses.erase(it);
            got = true;
        } else {
            cdp.abandoned.insert(id);
            if (cdp.closed)
                return fail(
                    QStringLiteral("%1: the DevTools connection closed (%2)").arg(method, cdp.closeReason));
            return fail(QStringLiteral("%1: no answer in %2 ms").arg(method).arg(timeoutMs));
        }
    }
    if (response.contains(QLatin1String("error"))) {
        const QJsonObject error = response.value(QLatin1String("error")).toObject();
        return fail(QStringLiteral("%1: %2 %3")
                        .arg(method, error.value(QLatin1String("message")).toString(),
                             error.value(QLatin1String("data")).toString())
                        .trimmed());
    }
    if (result)
        *result = response.value(QLatin1String("result")).toObject();
    return true;
}

bool BrowserPeer::open(const QString& url, int timeoutMs) {
    lastError_.clear();
    const QDeadlineTimer deadline(timeoutMs);
    // A mark on the current document: gone once the new one is there. Best effort: the current
    // document may be going (a navigation of the page's own), then there is nothing to mark.
    const bool marked = waitFor(QStringLiteral("window.__hnttOldDocument = true"), qMin(timeoutMs, 2000));
    QJsonObject result;
    if (!command(QStringLiteral("Page.navigate"), {{QStringLiteral("url"), url}}, &result,
                 static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
        return false;
    const QString errorText = result.value(QLatin1String("errorText")).toString();
    if (!errorText.isEmpty())
        return fail(QStringLiteral("navigating to %1 failed: %2").arg(url, errorText));
    const bool sameDocument = !result.contains(QLatin1String("loaderId"));
    const QString loaded =
        sameDocument || !marked
            ? QStringLiteral("document.readyState === 'complete'")
            : QStringLiteral("!window.__hnttOldDocument && document.readyState === 'complete'");
    if (!waitFor(loaded, static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
        return fail(QStringLiteral("%1 did not finish loading in %2 ms (%3)")
                        .arg(url)
                        .arg(timeoutMs)
                        .arg(lastError_));
    lastError_.clear();
    return true;
}

QVariant BrowserPeer::evaluate(const QString& expression, int timeoutMs) {
    lastError_.clear();
    QJsonObject result;
    const QJsonObject params{{QStringLiteral("expression"), expression},
                             {QStringLiteral("returnByValue"), true},
                             {QStringLiteral("awaitPromise"), true},
                             {QStringLiteral("userGesture"), true}};
    if (!command(QStringLiteral("Runtime.evaluate"), params, &result, timeoutMs))
        return {};
    if (result.contains(QLatin1String("exceptionDetails"))) {
        const QJsonObject details = result.value(QLatin1String("exceptionDetails")).toObject();
        const QJsonObject exception = details.value(QLatin1String("exception")).toObject();
        QString description = exception.value(QLatin1String("description")).toString();
        if (description.isEmpty())
            description = exception.value(QLatin1String("value")).toVariant().toString();
        if (description.isEmpty())
            description = details.value(QLatin1String("text")).toString();
        lastError_ = QStringLiteral("exception: %1").arg(description);
        return {};
    }
    const QJsonObject value = result.value(QLatin1String("result")).toObject();
    const QString type = value.value(QLatin1String("type")).toString();
    if (type == QLatin1String("undefined"))
        return QVariant::fromValue(nullptr);
    if (value.contains(QLatin1String("value")))
        return value.value(QLatin1String("value")).toVariant();
    const QString unserializable = value.value(QLatin1String("unserializableValue")).toString();
    if (unserializable == QLatin1String("NaN"))
        return qQNaN();
    if (unserializable == QLatin1String("Infinity"))
        return qInf();
    if (unserializable == QLatin1String("-Infinity"))
        return -qInf();
    if (unserializable == QLatin1String("-0"))
        return -0.0;
    if (unserializable.endsWith(QLatin1Char('n'))) { // a BigInt
        bool ok = false;
        const qlonglong n = unserializable.chopped(1).toLongLong(&ok);
        if (ok)
            return n;
        return unserializable.chopped(1);
    }
    lastError_ = QStringLiteral("the result (%1 %2) cannot be returned by value")
                     .arg(type, value.value(QLatin1String("description")).toString());
    return {};
}

bool BrowserPeer::waitFor(const QString& expression, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    const QString probe = QStringLiteral("(async () => { try { return !!(await (") + expression +
                          QStringLiteral(")); } catch (e) { return false; } })()");
    QString last;
    for (;;) {
        const QVariant v = evaluate(probe, static_cast<int>(qMax<qint64>(500, deadline.remainingTime())));
        if (v.toBool())
            return true;
        if (!v.isValid())
            last = lastError_;
        if (deadline.hasExpired() || !running())
            break;
        spinFor(static_cast<int>(qMin<qint64>(100, deadline.remainingTime())));
    }
    lastError_ = QStringLiteral("not true in %1 ms: %2%3")
                     .arg(timeoutMs)
                     .arg(expression, last.isEmpty() ? QString() : QStringLiteral(" (last: %1)").arg(last));
    return false;
}

QByteArray BrowserPeer::screenshotPng() {
    lastError_.clear();
    QJsonObject result;
    if (!command(QStringLiteral("Page.captureScreenshot"),
                 {{QStringLiteral("format"), QStringLiteral("png")}}, &result, 30000))
        return {};
    return QByteArray::fromBase64(result.value(QLatin1String("data")).toString().toLatin1());
}

void BrowserPeer::stop() {
    if (process_ && process_->running()) {
        const qint64 pid = process_->pid();
        if (cdp_ && cdp_->connected) {
            // No answer needed: the browser may close before it gives one.
            const qint64 id = ++cdp_->nextId;
            cdp_->send(QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                                 {QStringLiteral("method"), QStringLiteral("Browser.close")}})
                           .toJson(QJsonDocument::Compact)
                           .toStdString());
            std::lock_guard lock(cdp_->mutex);
            cdp_->abandoned.insert(id);
        } else {
            ::kill(static_cast<pid_t>(pid), SIGTERM);
        }
        ChildProcess* process = process_.get();
        spinUntil([process] { return !process->running(); }, QDeadlineTimer(5000));
        if (process_->running()) {
            ::kill(static_cast<pid_t>(-pid), SIGKILL);
            process_->kill();
        }
        // Renderers, zygotes and utilities that have not gone with it.
        if (pid > 0)
            ::kill(static_cast<pid_t>(-pid), SIGKILL);
    }
    if (cdp_) {
        cdp_->shutdown();
        console_ = consoleMessages();
        cdp_.reset();
    }
    sessionId_.clear();
}

QString BrowserPeer::log(int maxChars) const {
    QFile file(dir_.filePath(QStringLiteral("chromium.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    const qint64 from = qMax<qint64>(0, size - qint64(maxChars) * 2);
    file.seek(from);
    return tail(QString::fromUtf8(file.readAll()), maxChars);
}

QStringList BrowserPeer::consoleMessages() const {
    if (!cdp_)
        return console_;
    std::lock_guard lock(cdp_->mutex);
    return QStringList(cdp_->console.begin(), cdp_->console.end());
}

} // namespace hntt::test
