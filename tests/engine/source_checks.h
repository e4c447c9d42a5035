// Helpers shared by the Source suites: a status log, picture and tone checks, socket readiness.
#pragma once

#include "engine_internal/source.h"
#include "test_support.h"

#include <QFile>
#include <QString>
#include <QTest>
#include <arpa/inet.h>
#include <chrono>
#include <cmath>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern "C" {
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

namespace hntt::test {

using engine::SourceState;

// Every status callback of a source, with the time it came.
class StatusLog {
public:
    struct Entry {
        SourceState state;
        std::string reason;
        std::chrono::steady_clock::time_point at;
    };

    engine::Source::StatusCallback callback() {
        return [this](engine::SiteId, SourceState s, const std::string& reason) {
            std::lock_guard lock(mutex_);
            entries_.push_back({s, reason, std::chrono::steady_clock::now()});
        };
    }
    std::vector<Entry> entries() const {
        std::lock_guard lock(mutex_);
        return entries_;
    }
    bool ever(SourceState s) const {
        std::lock_guard lock(mutex_);
        for (const auto& e : entries_)
            if (e.state == s)
                return true;
        return false;
    }
    // When the source last entered `s` at or after `since`; nullopt if it did not.
    std::optional<std::chrono::steady_clock::time_point>
    enteredAfter(SourceState s, std::chrono::steady_clock::time_point since) const {
        std::lock_guard lock(mutex_);
        for (const auto& e : entries_)
            if (e.state == s && e.at >= since)
                return e.at;
        return std::nullopt;
    }
    QString describe() const {
        std::lock_guard lock(mutex_);
        QString out;
        for (const auto& e : entries_)
            out += QStringLiteral("%1(%2) ").arg(engine::sourceStateName(e.state),
                                                 QString::fromStdString(e.reason));
        return out;
    }

private:
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
};

inline QString stateText(SourceState s) {
    return QString::fromLatin1(engine::sourceStateName(s));
}

// QCOMPARE cannot print a SourceState: QTest would free the static text of a toString() found by lookup; the
// engine names its texts sourceStateName() for that reason.
#define HNTT_COMPARE_STATE(actual, expected)                                                                 \
    QVERIFY2((actual) == (expected),                                                                         \
             qPrintable(QStringLiteral("state %1, expected %2")                                              \
                            .arg(hntt::test::stateText(actual), hntt::test::stateText(expected))))
// Waits for a source's state; says where it is and why when it does not get there.
#define HNTT_TRY_STATE(source, expected, timeoutMs)                                                          \
    QTRY_VERIFY2_WITH_TIMEOUT(                                                                               \
        (source).state() == (expected),                                                                      \
        qPrintable(QStringLiteral("state %1, expected %2; lastError: %3")                                    \
                       .arg(hntt::test::stateText((source).state()), hntt::test::stateText(expected),        \
                            QString::fromStdString((source).stats().lastError))),                            \
        timeoutMs)

inline bool near(engine::VideoFrame::Rgb c, int r, int g, int b, int tol = 40) {
    return std::abs(c.r - r) <= tol && std::abs(c.g - g) <= tol && std::abs(c.b - b) <= tol;
}

inline QString describe(engine::VideoFrame::Rgb c) {
    return QStringLiteral("(%1,%2,%3)").arg(c.r).arg(c.g).arg(c.b);
}

// The frame as YUV420P (decoders usually give that already; anything else is converted).
inline engine::VideoFramePtr toYuv420(const engine::VideoFramePtr& f) {
    if (!f || f->pixelFormat() == AV_PIX_FMT_YUV420P)
        return f;
    auto out = engine::VideoFrame::allocateYuv420(f->width(), f->height());
    SwsContext* sws =
        sws_getContext(f->width(), f->height(), static_cast<AVPixelFormat>(f->pixelFormat()), f->width(),
                       f->height(), AV_PIX_FMT_YUV420P, SWS_POINT, nullptr, nullptr, nullptr);
    if (!sws)
        return nullptr;
    sws_scale(sws, f->avFrame()->data, f->avFrame()->linesize, 0, f->height(), out->avFrame()->data,
              out->avFrame()->linesize);
    sws_freeContext(sws);
    return out;
}

// Mean colour of the centre of the source's latest picture, or (-1,-1,-1) without one.
inline engine::VideoFrame::Rgb centreColour(const engine::Source& source) {
    const engine::VideoFramePtr f = toYuv420(source.latestVideo());
    if (!f)
        return {-1, -1, -1};
    return f->meanRgb(f->width() / 2, f->height() / 2, 16, 16);
}

// Pulls the source's audio as a program clock would: 20 ms blocks on a steady schedule.
inline std::vector<float> pullAudio(engine::Source& source, int ms, int sampleRate = 48000) {
    const std::size_t block = static_cast<std::size_t>(sampleRate / 50);
    std::vector<float> out;
    auto next = std::chrono::steady_clock::now();
    for (int i = 0; i < ms / 20; ++i) {
        const std::size_t at = out.size();
        out.resize(at + block);
        source.audio().pull(out.data() + at, block);
        next += std::chrono::milliseconds(20);
        std::this_thread::sleep_until(next);
    }
    return out;
}

// The site's audio as the program clock would hear it from now on: the buffer restarts (as after a
// reconnect), pre-rolls, settles for 200 ms, then `ms` of it are returned.
inline std::vector<float> listen(engine::Source& source, int ms) {
    source.audio().clear();
    pullAudio(source, 200);
    return pullAudio(source, ms);
}

// Amplitude of a tone averaged over 50 ms windows. The jitter buffer's drift correction drops
// or repeats single samples, which shifts the phase: one Goertzel over a long span would cancel.
inline double toneLevel(const std::vector<float>& s, double hz, int sampleRate = 48000) {
    const std::size_t window = static_cast<std::size_t>(sampleRate / 20);
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i + window <= s.size(); i += window, ++n)
        sum += toneAmplitude(s.data() + i, window, hz, sampleRate);
    return n ? sum / n : 0.0;
}

// Whether something is bound to 127.0.0.1:port (tcp: listening) according to /proc/net.
inline bool portBound(quint16 port, bool tcp) {
    QFile f(tcp ? QStringLiteral("/proc/net/tcp") : QStringLiteral("/proc/net/udp"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray want = QStringLiteral(":%1").arg(port, 4, 16, QLatin1Char('0')).toUpper().toLatin1();
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QList<QByteArray> cols = line.simplified().split(' ');
        if (cols.size() > 3 && cols[1].endsWith(want) && (!tcp || cols[3] == "0A"))
            return true;
    }
    return false;
}

inline bool waitPortBound(quint16 port, bool tcp, int timeoutMs = 5000) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < until) {
        if (portBound(port, tcp))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

// Raw sockets (the suites link no Qt Network).
class Socket {
public:
    explicit Socket(int type)
        : fd_(::socket(AF_INET, type, 0)) {}
    ~Socket() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;

    // A TCP server on 127.0.0.1 that lets the kernel accept connections and never answers.
    quint16 listenMute() {
        sockaddr_in addr = loopback(0);
        socklen_t len = sizeof addr;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 8) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
            return 0;
        return ntohs(addr.sin_port);
    }

    bool sendTo(quint16 port, const QByteArray& datagram) {
        const sockaddr_in addr = loopback(port);
        return ::sendto(fd_, datagram.constData(), static_cast<std::size_t>(datagram.size()), 0,
                        reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == datagram.size();
    }

private:
    static sockaddr_in loopback(quint16 port) {
        sockaddr_in addr = {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(port);
        return addr;
    }
    int fd_;
};

} // namespace hntt::test
