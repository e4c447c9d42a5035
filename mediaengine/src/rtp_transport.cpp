#include "rtp_transport.h"

#include <pthread.h>

namespace hntt::engine {

namespace asio = boost::asio;
using asio::ip::udp;

RtpTransport::RtpTransport(std::uint16_t portMin, std::uint16_t portMax)
    : min_(static_cast<std::uint16_t>((portMin + 1) & ~1)) // even
    , max_(portMax)
    , work_(asio::make_work_guard(io_))
    , cursor_(min_) {}

RtpTransport::~RtpTransport() {
    work_.reset();
    io_.stop();
    if (thread_.joinable())
        thread_.join();
}

void RtpTransport::ensureThread() {
    if (thread_.joinable())
        return;
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "hntt-rtp");
        io_.run();
    });
}

std::optional<RtpSocketPair> RtpTransport::reservePair(std::string* error) {
    std::lock_guard lock(mutex_);
    ensureThread();
    if (max_ <= min_) {
        if (error)
            *error = "The RTP port range holds no pair of ports";
        return std::nullopt;
    }
    const int pairs = (max_ - min_ + 1) / 2;
    for (int i = 0; i < pairs; ++i) {
        const std::uint16_t port = cursor_;
        cursor_ = static_cast<std::uint16_t>(cursor_ + 2 > max_ - 1 ? min_ : cursor_ + 2);
        RtpSocketPair pair{udp::socket(io_), udp::socket(io_), port};
        boost::system::error_code ec;
        pair.rtp.open(udp::v4(), ec);
        if (!ec)
            pair.rtp.bind(udp::endpoint(udp::v4(), port), ec);
        if (!ec)
            pair.rtcp.open(udp::v4(), ec);
        if (!ec)
            pair.rtcp.bind(udp::endpoint(udp::v4(), static_cast<std::uint16_t>(port + 1)), ec);
        if (ec)
            continue; // in use by someone else: the destructors close what opened
        // Room for a burst of a 720p keyframe while the thread is busy with other calls.
        pair.rtp.set_option(asio::socket_base::receive_buffer_size(1 << 20), ec);
        return pair;
    }
    if (error)
        *error = "No free RTP ports between " + std::to_string(min_) + " and " + std::to_string(max_);
    return std::nullopt;
}

} // namespace hntt::engine
