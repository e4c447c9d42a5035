// The check of every site's link before a meeting starts: for a few seconds it samples each site's
// live stats on the session's thread (a timer, never a wait) and judges it against the province's
// rules: reachable, a bitrate that fits its link (10 Mbit/s government data network, 20 Mbit/s
// internet) with room to spare, and little packet loss.
#pragma once

#include "core/session/session.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <optional>

namespace hntt::core {

struct SiteCheck {
    enum class Verdict { Pending, Pass, Warn, Fail };

    qint64 siteId = 0;
    QString name;
    bool known = true; // false: not in the directory
    int samples = 0;   // taken so far
    int connectedSamples = 0;
    double bitrateKbps = 0;            // mean over the samples it was connected
    int linkKbps = 0;                  // the rule it is held to
    bool linkKnown = false;            // false: the site records no link type, the 10 Mbit/s rule applies
    std::optional<double> lossPercent; // unknown until the engine counts packets
    Verdict verdict = Verdict::Pending;
    QStringList notes; // why it warns or fails, for the operator

    bool reachable() const { return connectedSamples > 0; }
};

// "pass", "warn", "fail", "pending".
QString verdictName(SiteCheck::Verdict v);

class ConnectionCheck : public QObject {
    Q_OBJECT

public:
    static constexpr int kDataNetworkKbps = 10000;
    static constexpr int kInternetKbps = 20000;
    // A stream over this share of its link leaves too little room (return feed, bursts): warn.
    static constexpr double kHeadroomShare = 0.8;
    static constexpr double kLossWarnPercent = 1.0;
    static constexpr double kLossFailPercent = 5.0;

    ConnectionCheck(Session& session, QList<qint64> siteIds,
                    std::chrono::milliseconds duration = std::chrono::seconds(5), QObject* parent = nullptr);

    void start();
    void cancel();
    bool running() const { return timer_.isActive(); }
    double progress() const;
    const QList<SiteCheck>& results() const { return results_; }
    QJsonArray resultsJson() const;

    // The verdict and notes of a measured site (its counts, bitrate, link and loss set).
    static void judge(SiteCheck& check, bool finished);

Q_SIGNALS:
    void progressed(double fraction);
    void finished();

private:
    struct Counters {
        std::optional<qint64> firstPackets, firstLost; // at the check's first sample
    };
    void sample();

    Session& session_;
    QList<qint64> ids_;
    QList<SiteRecord> records_;
    QList<Counters> counters_;
    QList<SiteCheck> results_;
    QTimer timer_;
    int samplesWanted_ = 1;
    int samplesTaken_ = 0;
};

} // namespace hntt::core
