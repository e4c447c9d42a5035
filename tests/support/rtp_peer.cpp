#include "rtp_peer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <arpa/inet.h>
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hntt::test {

namespace {

// Binds 127.0.0.1:port (0: any); the bound port, or 0. The socket stays open in *fd.
quint16 bindUdp(quint16 port, int* fd) {
    *fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (*fd < 0)
        return 0;
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    socklen_t len = sizeof addr;
    if (::bind(*fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(*fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        return 0;
    return ntohs(addr.sin_port);
}

// The line of /proc/net/udp{,6} of a socket bound to `port`, split in columns; empty if none.
QList<QByteArray> udpSocketLine(quint16 port) {
    for (const char* table : {"/proc/net/udp", "/proc/net/udp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray needle =
            QStringLiteral(":%1 ").arg(port, 4, 16, QLatin1Char('0')).toUpper().toLatin1();
        for (const QByteArray& line : f.readAll().split('\n')) {
            // "sl local_address rem_address st tx_queue:rx_queue ...": local is the second column.
            const QList<QByteArray> cols = line.simplified().split(' ');
            if (cols.size() > 4 && (cols[1] + ' ').endsWith(needle))
                return cols;
        }
    }
    return {};
}

bool waitFor(int timeoutMs, const std::function<bool()>& done) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(20);
    }
    return true;
}

} // namespace

quint16 freeRtpPort() {
    for (int attempt = 0; attempt < 100; ++attempt) {
        int a = -1, b = -1;
        const quint16 p = bindUdp(0, &a);
        bool ok = p != 0 && p % 2 == 0 && p < 65534 && bindUdp(static_cast<quint16>(p + 1), &b) != 0;
        if (a >= 0)
            ::close(a);
        if (b >= 0)
            ::close(b);
        if (ok)
            return p;
    }
    return 0;
}

bool waitUdpPortBound(quint16 port, int timeoutMs) {
    return waitFor(timeoutMs, [port] { return !udpSocketLine(port).isEmpty(); });
}

bool waitUdpPortDrained(quint16 port, int timeoutMs) {
    return waitFor(timeoutMs, [port] {
        const QList<QByteArray> cols = udpSocketLine(port);
        return cols.isEmpty() || cols[4].split(':').value(1).toULongLong(nullptr, 16) == 0;
    });
}

namespace {
std::unique_ptr<ChildProcess> startReceiver(const QString& dir, const QString& sdp,
                                            const QStringList& outputArgs) {
    const QString path = dir + QStringLiteral("/peer.sdp");
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(sdp.toUtf8());
    f.close();
    ChildProcess::Options o;
    o.err = ChildProcess::Output::Capture;
    return std::make_unique<ChildProcess>(QStringLiteral("ffmpeg"),
                                          QStringList{"-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                                                      "-protocol_whitelist", "file,udp,rtp", "-buffer_size",
                                                      "4194304", "-i", path} +
                                              outputArgs,
                                          o);
}
} // namespace

FfmpegRtpReceiver::FfmpegRtpReceiver(const QString& dir, const QString& sdp, const QStringList& outputArgs)
    : process_(startReceiver(dir, sdp, outputArgs)) {}

FfmpegRtpReceiver::~FfmpegRtpReceiver() = default; // the child is killed with it

bool FfmpegRtpReceiver::waitListening(std::initializer_list<quint16> ports) {
    if (!process_->started())
        return false;
    for (quint16 p : ports)
        if (!waitUdpPortBound(p))
            return false;
    return true;
}

int FfmpegRtpReceiver::finish(int graceMs) {
    if (!process_->waitFinished(graceMs)) {
        process_->terminate();
        if (!process_->waitFinished(15000))
            process_->kill();
    }
    errors_ = process_->errorOutput();
    return process_->exitCode();
}

std::vector<std::uint8_t> rtcpBye(std::uint32_t ssrc) {
    // A compound packet as RFC 3550 wants it (an empty receiver report first), which also makes
    // it long enough for ffmpeg, which drops any datagram under 12 bytes.
    const auto b = [ssrc](int shift) { return static_cast<std::uint8_t>(ssrc >> shift); };
    return {0x80, 201, 0, 1, b(24), b(16), b(8), b(0),  // RR, no report blocks
            0x81, 203, 0, 1, b(24), b(16), b(8), b(0)}; // BYE, one source
}

UdpSender::UdpSender(quint16 port)
    : fd_(::socket(AF_INET, SOCK_DGRAM, 0))
    , port_(port) {
    const int bytes = 4 << 20;
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
}

UdpSender::~UdpSender() {
    if (fd_ >= 0)
        ::close(fd_);
}

bool UdpSender::send(std::span<const std::uint8_t> datagram) {
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port_);
    return ::sendto(fd_, datagram.data(), datagram.size(), 0, reinterpret_cast<const sockaddr*>(&addr),
                    sizeof addr) == static_cast<ssize_t>(datagram.size());
}

} // namespace hntt::test
