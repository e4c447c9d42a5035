#include "api/access_book.h"

#include <algorithm>

namespace hntt::api::detail {

AccessBook::AccessBook(const ServerConfig& config)
    : maxConnections_(std::max<std::size_t>(config.maxConnections, 1))
    , maxPerPeer_(std::max<std::size_t>(config.maxConnectionsPerPeer, 1))
    , failuresAllowed_(std::max(config.authFailuresAllowed, 0))
    , backoffMax_(std::max(config.authBackoffMax, std::chrono::milliseconds(1000))) {}

std::shared_ptr<AccessBook::Slot> AccessBook::enter(const std::string& peer) {
    {
        std::lock_guard lock(mutex_);
        if (open_ >= maxConnections_)
            return nullptr;
        std::size_t& fromPeer = perPeer_[peer];
        if (fromPeer >= maxPerPeer_)
            return nullptr;
        ++fromPeer;
        ++open_;
    }
    return std::make_shared<Slot>(*this, peer);
}

void AccessBook::leave(const std::string& peer) {
    std::lock_guard lock(mutex_);
    --open_;
    if (const auto it = perPeer_.find(peer); it != perPeer_.end() && --it->second == 0)
        perPeer_.erase(it);
}

std::size_t AccessBook::connections() const {
    std::lock_guard lock(mutex_);
    return open_;
}

std::chrono::milliseconds AccessBook::failedLogin(const std::string& peer, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (failures_.size() >= kMaxTrackedPeers && failures_.find(peer) == failures_.end()) {
        // Forget the address whose latest failure is oldest, so that a sweep of addresses cannot
        // grow the book without bound.
        const auto oldest =
            std::min_element(failures_.begin(), failures_.end(),
                             [](const auto& a, const auto& b) { return a.second.back() < b.second.back(); });
        failures_.erase(oldest);
    }
    std::deque<Clock::time_point>& times = failures_[peer];
    while (!times.empty() && now - times.front() > kFailureMemory)
        times.pop_front();
    times.push_back(now);
    // Only the count matters past the allowance; keep what the back-off's longest step needs.
    while (times.size() > static_cast<std::size_t>(failuresAllowed_) + 64)
        times.pop_front();
    const auto beyond = static_cast<long>(times.size()) - failuresAllowed_;
    if (beyond <= 0)
        return std::chrono::milliseconds(0);
    const std::chrono::milliseconds delay(1000LL << std::min<long>(beyond - 1, 20));
    return std::min(delay, backoffMax_);
}

std::vector<ServerNotice> AccessBook::note(ServerNotice::Kind kind, const std::string& peer, bool holding,
                                           Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Pending& p = notices_[{kind, peer}];
    ++p.count;
    p.holding = p.holding || holding;
    if (p.told && now - p.lastTold < kNoticeInterval)
        return {};
    ServerNotice n{kind, peer, p.count, p.holding};
    p = Pending{0, false, now, true};
    return {n};
}

std::vector<ServerNotice> AccessBook::due(Clock::time_point now) {
    std::vector<ServerNotice> out;
    std::lock_guard lock(mutex_);
    for (auto it = notices_.begin(); it != notices_.end();) {
        Pending& p = it->second;
        const bool minutePassed = now - p.lastTold >= kNoticeInterval;
        if (minutePassed && p.count > 0) {
            out.push_back(ServerNotice{it->first.first, it->first.second, p.count, p.holding});
            p = Pending{0, false, now, true};
        } else if (minutePassed) {
            it = notices_.erase(it); // a quiet minute: the next refusal is told at once again
            continue;
        }
        ++it;
    }
    for (auto it = failures_.begin(); it != failures_.end();) {
        std::deque<Clock::time_point>& times = it->second;
        while (!times.empty() && now - times.front() > kFailureMemory)
            times.pop_front();
        it = times.empty() ? failures_.erase(it) : std::next(it);
    }
    return out;
}

} // namespace hntt::api::detail
