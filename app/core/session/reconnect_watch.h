// Tells a site that keeps reconnecting from one that dropped once: each loss of a site's signal is
// counted over the last two minutes, and the third one in that time starts an episode, which the
// session raises as its own alarm once ("keeps reconnecting": a link problem to fix, not a
// moment's loss). An episode ends after two minutes without a loss.
#pragma once

#include <QHash>
#include <QtGlobal>
#include <deque>

namespace hntt::core {

class ReconnectWatch {
public:
    static constexpr int kLosses = 3;
    static constexpr qint64 kWindowMs = 120'000;

    // A loss of `siteId`'s signal at `nowMs` (a steady clock); true when it starts an episode.
    bool lost(qint64 siteId, qint64 nowMs);
    // Losses within the window before `nowMs`.
    int recentLosses(qint64 siteId, qint64 nowMs) const;
    bool unstable(qint64 siteId, qint64 nowMs) const;
    void forget(qint64 siteId) { sites_.remove(siteId); }

private:
    struct Site {
        std::deque<qint64> losses;
        bool episode = false;
    };
    QHash<qint64, Site> sites_;
};

} // namespace hntt::core
