#include "core/session/reconnect_watch.h"

#include <algorithm>

namespace hntt::core {

bool ReconnectWatch::lost(qint64 siteId, qint64 nowMs) {
    Site& site = sites_[siteId];
    if (site.episode && !site.losses.empty() && nowMs - site.losses.back() > kWindowMs)
        site.episode = false; // quiet for the whole window: a later run of losses is news again
    site.losses.push_back(nowMs);
    while (!site.losses.empty() && nowMs - site.losses.front() > kWindowMs)
        site.losses.pop_front();
    if (site.episode || static_cast<int>(site.losses.size()) < kLosses)
        return false;
    site.episode = true;
    return true;
}

int ReconnectWatch::recentLosses(qint64 siteId, qint64 nowMs) const {
    const auto it = sites_.constFind(siteId);
    if (it == sites_.constEnd())
        return 0;
    return static_cast<int>(std::count_if(it->losses.begin(), it->losses.end(),
                                          [&](qint64 at) { return nowMs - at <= kWindowMs; }));
}

bool ReconnectWatch::unstable(qint64 siteId, qint64 nowMs) const {
    const auto it = sites_.constFind(siteId);
    return it != sites_.constEnd() && it->episode && !it->losses.empty() &&
           nowMs - it->losses.back() <= kWindowMs;
}

} // namespace hntt::core
