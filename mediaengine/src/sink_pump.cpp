#include "sink_pump.h"

#include "packet_sink.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>
#include <pthread.h>
#include <string>

namespace hntt::engine {

namespace {
// Passes also run this often with nothing queued: a feed's reopening after a failure is timed.
constexpr auto kIdlePass = std::chrono::milliseconds(100);
} // namespace

SinkPump::SinkPump()
    : thread_([this] {
        pthread_setname_np(pthread_self(), "hntt-feeds");
        run();
    }) {}

SinkPump::~SinkPump() {
    {
        std::lock_guard lock(wakeMutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

bool SinkPump::suits(const std::string& url) {
    std::string rest;
    for (const char* scheme : {"udp://", "rtp://"})
        if (url.rfind(scheme, 0) == 0)
            rest = url.substr(std::strlen(scheme));
    if (rest.empty())
        return false;
    // Only an address: a name is looked up when the feed opens, which can take seconds.
    std::string host;
    if (rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string::npos)
            return false;
        host = rest.substr(1, close - 1);
    } else {
        host = rest.substr(0, rest.find_first_of(":/?"));
    }
    in6_addr address{};
    return inet_pton(AF_INET, host.c_str(), &address) == 1 ||
           inet_pton(AF_INET6, host.c_str(), &address) == 1;
}

void SinkPump::add(PacketSink* sink) {
    {
        std::lock_guard lock(listMutex_);
        sinks_.push_back(sink);
    }
    wake();
}

void SinkPump::remove(PacketSink* sink) {
    std::lock_guard lock(listMutex_);
    sinks_.erase(std::remove(sinks_.begin(), sinks_.end(), sink), sinks_.end());
}

void SinkPump::wake() {
    if (pending_.exchange(true))
        return;
    // Taking the lock orders the notification after the pump's check of `pending_`.
    { std::lock_guard lock(wakeMutex_); }
    wake_.notify_one();
}

void SinkPump::run() {
    for (;;) {
        {
            std::unique_lock lock(wakeMutex_);
            wake_.wait_for(lock, kIdlePass, [this] { return stopping_ || pending_.load(); });
            if (stopping_)
                return;
            pending_ = false;
        }
        const auto now = std::chrono::steady_clock::now();
        std::lock_guard lock(listMutex_);
        // A finished sink stays listed until its owner removes it; pumpStep() is then a no-op.
        for (PacketSink* sink : sinks_)
            sink->pumpStep(now);
    }
}

} // namespace hntt::engine
