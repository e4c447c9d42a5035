// The API server's bookkeeping of who may come in: connections open per address and in all, failed
// logins per address with their back-off, and the notices that summarise refusals once a minute.
// Plain C++ under one mutex, shared by the I/O threads; no Boost, so it is tested on its own.
#pragma once

#include "api/http_server.h"

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hntt::api::detail {

class AccessBook {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::minutes kNoticeInterval{1};
    static constexpr std::chrono::minutes kFailureMemory{10};
    // Addresses whose failures are remembered at once; past it the oldest are forgotten first.
    static constexpr std::size_t kMaxTrackedPeers = 10'000;

    AccessBook(const ServerConfig& config);

    // One open connection, counted from enter() until the slot is destroyed.
    class Slot {
    public:
        Slot(AccessBook& book, std::string peer)
            : book_(book)
            , peer_(std::move(peer)) {}
        ~Slot() { book_.leave(peer_); }
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        const std::string& peer() const { return peer_; }

    private:
        AccessBook& book_;
        std::string peer_;
    };

    // A slot when the limits allow one more connection from `peer`, else null.
    std::shared_ptr<Slot> enter(const std::string& peer);
    std::size_t connections() const;

    // A failed login from `peer` at `now`: how long its answer is held (zero: answered at once).
    std::chrono::milliseconds failedLogin(const std::string& peer, Clock::time_point now);

    // Something refused at `now`; the notices due at once (the first of its kind and address in a
    // minute). The rest are told by due().
    std::vector<ServerNotice> note(ServerNotice::Kind kind, const std::string& peer, bool holding,
                                   Clock::time_point now);
    // The notices whose minute has passed; forgets failures older than kFailureMemory.
    std::vector<ServerNotice> due(Clock::time_point now);

private:
    void leave(const std::string& peer);

    struct Pending {
        std::uint64_t count = 0;
        bool holding = false;
        Clock::time_point lastTold{};
        bool told = false;
    };

    const std::size_t maxConnections_;
    const std::size_t maxPerPeer_;
    const int failuresAllowed_;
    const std::chrono::milliseconds backoffMax_;

    mutable std::mutex mutex_;
    std::size_t open_ = 0;
    std::unordered_map<std::string, std::size_t> perPeer_;
    std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
    std::map<std::pair<ServerNotice::Kind, std::string>, Pending> notices_;
};

} // namespace hntt::api::detail
