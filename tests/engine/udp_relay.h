// A UDP relay on 127.0.0.1 between a sender and the engine: forwards datagrams as they come, and
// can drop every Nth one (packet loss) or hold everything back for a while and then release it in
// one burst (a network stall). For the suites only: raw sockets, one thread, stops by itself.
#pragma once

#include <QtGlobal>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace hntt::test {

class UdpRelay {
public:
    using Clock = std::chrono::steady_clock;

    // Forwards to 127.0.0.1:outPort; listens on a port of its own (inPort()).
    explicit UdpRelay(quint16 outPort)
        : in_(::socket(AF_INET, SOCK_DGRAM, 0))
        , out_(::socket(AF_INET, SOCK_DGRAM, 0)) {
        sockaddr_in addr = loopback(0);
        socklen_t len = sizeof addr;
        if (in_ >= 0 && ::bind(in_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
            ::getsockname(in_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
            inPort_ = ntohs(addr.sin_port);
        const int bufferBytes = 4 << 20; // a held-back burst must not overflow the socket
        ::setsockopt(in_, SOL_SOCKET, SO_RCVBUF, &bufferBytes, sizeof bufferBytes);
        ::setsockopt(out_, SOL_SOCKET, SO_SNDBUF, &bufferBytes, sizeof bufferBytes);
        target_ = loopback(outPort);
        thread_ = std::thread([this] { run(); });
    }
    ~UdpRelay() {
        stop_ = true;
        thread_.join();
        ::close(in_);
        ::close(out_);
    }
    UdpRelay(const UdpRelay&) = delete;
    UdpRelay& operator=(const UdpRelay&) = delete;

    quint16 inPort() const { return inPort_; }
    // 0: drop nothing; N: drop every Nth datagram.
    void setDropEvery(int n) { dropEvery_ = n; }
    // Holds every datagram back for `d`, then sends them all at once.
    void holdFor(std::chrono::milliseconds d) {
        std::lock_guard lock(mutex_);
        holdUntil_ = Clock::now() + d;
    }
    std::uint64_t forwarded() const { return forwarded_; }
    std::uint64_t dropped() const { return dropped_; }

private:
    static sockaddr_in loopback(quint16 port) {
        sockaddr_in addr = {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(port);
        return addr;
    }

    void send(const std::vector<char>& d) {
        ::sendto(out_, d.data(), d.size(), 0, reinterpret_cast<const sockaddr*>(&target_), sizeof target_);
        ++forwarded_;
    }

    void run() {
        std::vector<char> buf(65536);
        std::deque<std::vector<char>> held;
        std::uint64_t count = 0;
        while (!stop_) {
            pollfd p{in_, POLLIN, 0};
            const bool readable = ::poll(&p, 1, 10) > 0 && (p.revents & POLLIN);
            bool holding = false;
            {
                std::lock_guard lock(mutex_);
                holding = Clock::now() < holdUntil_;
            }
            if (!holding)
                for (; !held.empty(); held.pop_front())
                    send(held.front());
            if (!readable)
                continue;
            const ssize_t n = ::recv(in_, buf.data(), buf.size(), 0);
            if (n <= 0)
                continue;
            ++count;
            const int every = dropEvery_;
            if (every > 0 && count % static_cast<std::uint64_t>(every) == 0) {
                ++dropped_;
                continue;
            }
            std::vector<char> d(buf.begin(), buf.begin() + n);
            if (holding)
                held.push_back(std::move(d));
            else
                send(d);
        }
    }

    int in_;
    int out_;
    quint16 inPort_ = 0;
    sockaddr_in target_{};
    std::atomic<int> dropEvery_{0};
    std::atomic<std::uint64_t> forwarded_{0};
    std::atomic<std::uint64_t> dropped_{0};
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    Clock::time_point holdUntil_{};
    std::thread thread_;
};

} // namespace hntt::test
