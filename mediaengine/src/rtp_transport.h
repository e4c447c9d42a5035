// The UDP side of every call: one Boost.Asio io_context on one thread of its own ("hntt-rtp")
// carries the RTP and RTCP sockets of all calls, so 8 or 80 calls cost one thread, and nothing
// here ever runs on the program clock. The thread starts with the first reservation.
//
// Ports come from [min, max]: an even RTP port with RTCP on the odd one above it, both bound on
// 0.0.0.0 (IPv4 only for now), tried from a rotating cursor so a port just freed is not taken
// again at once (late packets of the previous call would land in the next).
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility> // before Asio: GCC 12 in C++20 mode needs it for std::exchange there

namespace hntt::engine {

struct RtpSocketPair {
    boost::asio::ip::udp::socket rtp;
    boost::asio::ip::udp::socket rtcp;
    std::uint16_t port = 0; // RTP; RTCP on port + 1
};

class RtpTransport {
public:
    RtpTransport(std::uint16_t portMin, std::uint16_t portMax);
    ~RtpTransport(); // stops the thread: every call using it must be stopped first
    RtpTransport(const RtpTransport&) = delete;
    RtpTransport& operator=(const RtpTransport&) = delete;

    boost::asio::io_context& io() { return io_; }
    bool onIoThread() const { return std::this_thread::get_id() == thread_.get_id(); }

    // Binds a free even port and its neighbour; nullopt (and `error`) when the range is used up.
    std::optional<RtpSocketPair> reservePair(std::string* error);

private:
    void ensureThread();

    const std::uint16_t min_;
    const std::uint16_t max_;
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::mutex mutex_; // cursor_, thread_ start
    std::uint16_t cursor_;
    std::thread thread_;
};

} // namespace hntt::engine
