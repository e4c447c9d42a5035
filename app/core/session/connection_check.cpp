#include "core/session/connection_check.h"

#include <QJsonObject>
#include <algorithm>

namespace hntt::core {

namespace {

constexpr std::chrono::milliseconds kSampleEvery{500};

// The link a site is held to, when the directory keeps one; it keeps none yet, so every site is
// held to the data network's rate.
std::optional<int> linkOf(const SiteRecord&) {
    return std::nullopt;
}

} // namespace

QString verdictName(SiteCheck::Verdict v) {
    switch (v) {
    case SiteCheck::Verdict::Pass:
        return QStringLiteral("pass");
    case SiteCheck::Verdict::Warn:
        return QStringLiteral("warn");
    case SiteCheck::Verdict::Fail:
        return QStringLiteral("fail");
    case SiteCheck::Verdict::Pending:
        break;
    }
    return QStringLiteral("pending");
}

ConnectionCheck::ConnectionCheck(Session& session, QList<qint64> siteIds, std::chrono::milliseconds duration,
                                 QObject* parent)
    : QObject(parent)
    , session_(session)
    , ids_(std::move(siteIds)) {
    samplesWanted_ = std::max<int>(1, static_cast<int>(duration / kSampleEvery));
    timer_.setInterval(kSampleEvery);
    connect(&timer_, &QTimer::timeout, this, &ConnectionCheck::sample);
}

void ConnectionCheck::start() {
    records_.clear();
    counters_.clear();
    results_.clear();
    samplesTaken_ = 0;
    for (qint64 id : ids_) {
        SiteCheck c;
        c.siteId = id;
        auto site = session_.directory().get(id);
        c.known = site.ok();
        records_.append(site ? site.value() : SiteRecord{});
        c.name = site ? site->name : QString::number(id);
        counters_.append(Counters{});
        results_.append(c);
    }
    timer_.start();
    Q_EMIT progressed(0);
}

void ConnectionCheck::cancel() {
    timer_.stop();
}

double ConnectionCheck::progress() const {
    return std::min(1.0, static_cast<double>(samplesTaken_) / samplesWanted_);
}

void ConnectionCheck::sample() {
    ++samplesTaken_;
    const bool done = samplesTaken_ >= samplesWanted_;
    for (int i = 0; i < results_.size(); ++i) {
        SiteCheck& c = results_[i];
        if (c.known) {
            const SiteView site = session_.siteView(records_[i]);
            const std::optional<int> link = linkOf(site.record);
            c.linkKnown = link.has_value();
            c.linkKbps = link.value_or(kDataNetworkKbps);
            ++c.samples;
            if (site.state == engine::SourceState::Connected) {
                const double kbps = site.stats.bitrateKbps;
                c.bitrateKbps = (c.bitrateKbps * c.connectedSamples + kbps) / (c.connectedSamples + 1);
                ++c.connectedSamples;
            }
            // Packets counted by the ingest: the loss over the check's window.
            Counters& n = counters_[i];
            const auto packets = static_cast<qint64>(site.stats.packetsReceived);
            const auto lost = static_cast<qint64>(site.stats.packetsLost);
            if (!n.firstPackets) {
                n.firstPackets = packets;
                n.firstLost = lost;
            }
            qint64 received = packets - *n.firstPackets, missing = lost - *n.firstLost;
            if (received + missing <= 0) { // one sample so far: the totals since the site connected
                received = packets;
                missing = lost;
            }
            if (received + missing > 0)
                c.lossPercent =
                    100.0 * static_cast<double>(missing) / static_cast<double>(received + missing);
        }
        judge(c, done);
    }
    if (done)
        timer_.stop();
    Q_EMIT progressed(progress());
    if (done)
        Q_EMIT finished();
}

void ConnectionCheck::judge(SiteCheck& c, bool finished) {
    c.notes.clear();
    auto worse = [&c](SiteCheck::Verdict v) { c.verdict = std::max(c.verdict, v); };
    c.verdict = SiteCheck::Verdict::Pending;
    if (!c.known) {
        c.verdict = SiteCheck::Verdict::Fail;
        c.notes << tr("The site is not in the directory.");
        return;
    }
    if (c.samples == 0 || (!finished && c.connectedSamples == 0))
        return; // nothing to say yet
    c.verdict = SiteCheck::Verdict::Pass;
    if (c.connectedSamples == 0) {
        c.verdict = SiteCheck::Verdict::Fail;
        c.notes << tr("Unreachable: no media arrived during the check.");
        return;
    }
    if (c.connectedSamples < c.samples) {
        worse(SiteCheck::Verdict::Warn);
        c.notes << tr("Connected during %1 of %2 samples.").arg(c.connectedSamples).arg(c.samples);
    }
    const double mbps = c.bitrateKbps / 1000.0, linkMbps = c.linkKbps / 1000.0;
    if (c.bitrateKbps <= 0) {
        worse(SiteCheck::Verdict::Warn);
        c.notes << tr("Connected, but no data was measured.");
    } else if (c.bitrateKbps > c.linkKbps) {
        worse(SiteCheck::Verdict::Fail);
        c.notes
            << tr("%1 Mbit/s is more than the %2 Mbit/s link carries.").arg(mbps, 0, 'f', 1).arg(linkMbps);
    } else if (c.bitrateKbps > kHeadroomShare * c.linkKbps) {
        worse(SiteCheck::Verdict::Warn);
        c.notes << tr("%1 Mbit/s leaves less than %2% of the %3 Mbit/s link free.")
                       .arg(mbps, 0, 'f', 1)
                       .arg(qRound((1 - kHeadroomShare) * 100))
                       .arg(linkMbps);
    }
    if (!c.linkKnown)
        c.notes << tr("No link type recorded: the 10 Mbit/s data-network rule applies.");
    if (!c.lossPercent) {
        c.notes << tr("Packet loss unknown: this source does not count packets.");
    } else if (*c.lossPercent >= kLossFailPercent) {
        worse(SiteCheck::Verdict::Fail);
        c.notes << tr("%1% of packets lost.").arg(*c.lossPercent, 0, 'f', 1);
    } else if (*c.lossPercent >= kLossWarnPercent) {
        worse(SiteCheck::Verdict::Warn);
        c.notes << tr("%1% of packets lost.").arg(*c.lossPercent, 0, 'f', 1);
    }
}

QJsonArray ConnectionCheck::resultsJson() const {
    QJsonArray out;
    for (const SiteCheck& c : results_)
        out.append(QJsonObject{
            {"site_id", c.siteId},
            {"name", c.name},
            {"reachable", c.reachable()},
            {"bitrate_kbps", qRound(c.bitrateKbps)},
            {"link_kbps", c.linkKbps},
            {"link_known", c.linkKnown},
            {"loss_percent", c.lossPercent ? QJsonValue(*c.lossPercent) : QJsonValue(QJsonValue::Null)},
            {"verdict", verdictName(c.verdict)},
            {"notes", QJsonArray::fromStringList(c.notes)}});
    return out;
}

} // namespace hntt::core
