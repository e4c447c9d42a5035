// The session's browser sites: their join links, the join page's requests turned into calls
// (core/browser), and Janus's health as alarms.
#include "core/session/session.h"

#include <QDir>

namespace hntt::core {

void Session::startBrowserCalls() {
    BrowserSettings settings;
    settings.janus = options_.janus;
    settings.janusUrl = options_.janusUrl;
    settings.program = options_.janusProgram;
    settings.folder = QDir(options_.dataDir).filePath(QStringLiteral("janus"));
    browser_ = std::make_unique<BrowserCalls>(*engine_, settings);
    connect(&bridge_, &EngineBridge::callMediaTimeout, browser_.get(), &BrowserCalls::mediaTimedOut);
    connect(browser_.get(), &BrowserCalls::callChanged, this, [this](qint64 siteId) {
        publish(events::CallState{siteId, siteView(*siteRecord(siteId)).call});
    });
    connect(browser_.get(), &BrowserCalls::noted, this,
            [this](qint64 siteId, const QString& action, const QString& detail) {
                log(QStringLiteral("browser"), action, QString::number(siteId),
                    detail.isEmpty() ? QJsonObject{} : QJsonObject{{"detail", detail}});
            });
    connect(browser_.get(), &BrowserCalls::janusDown, this, [this](const QString& reason) {
        raiseAlarm(QStringLiteral("browser.janus"), AlarmSubject{}, reason);
        log(QStringLiteral("auto"), QStringLiteral("browser.janus_down"), {}, {}, reason);
    });
    connect(browser_.get(), &BrowserCalls::janusUp, this,
            [this] { log(QStringLiteral("auto"), QStringLiteral("browser.janus_up"), {}); });
    browser_->start();
}

QString Session::browserProblem() const {
    if (!browser_ || !browser_->enabled())
        return tr("Browser sites are off on this console (--janus off).");
    if (joinBase_.isEmpty())
        return joinProblem_.isEmpty() ? tr("The join page is off on this console (--web-listen off).")
                                      : joinProblem_;
    return browser_->problem();
}

Result<QString> Session::joinLink(qint64 siteId) {
    if (!siteRecord(siteId))
        return Error{Error::Code::NotFound, tr("There is no site %1.").arg(siteId)};
    if (joinBase_.isEmpty())
        return Error{Error::Code::Unavailable,
                     tr("The join page is off on this console (--web-listen off).")};
    auto secret = joinLinks_->secretFor(siteId);
    if (!secret)
        return secret.error();
    return QStringLiteral("%1/join/%2").arg(joinBase_, secret.value());
}

Result<QString> Session::rotateJoinLink(qint64 siteId, const Actor& actor) {
    const auto record = siteRecord(siteId);
    if (!record)
        return Error{Error::Code::NotFound, tr("There is no site %1.").arg(siteId)};
    if (joinBase_.isEmpty())
        return Error{Error::Code::Unavailable,
                     tr("The join page is off on this console (--web-listen off).")};
    auto secret = joinLinks_->rotate(siteId);
    if (!secret)
        return secret.error();
    if (browser_)
        browser_->dropLink(siteId, tr("The site's join link was replaced."));
    log(actor, QStringLiteral("browser.link_rotated"), QString::number(siteId));
    return QStringLiteral("%1/join/%2").arg(joinBase_, secret.value());
}

Result<SiteRecord> Session::joinSite(const QString& secret) const {
    auto site = joinLinks_->siteFor(secret);
    if (!site)
        return site.error();
    const auto record = siteRecord(site.value());
    if (!record)
        return Error{Error::Code::NotFound, tr("This join link is not valid.")};
    return *record;
}

void Session::joinFromBrowser(const QString& secret, const QString& peer, const QString& offer,
                              const QString& clientId, BrowserCalls::JoinDone done) {
    const auto site = joinSite(secret);
    if (!site) {
        // Once a minute per address: a client trying secrets cannot flood the event log.
        const QString address = clientId.left(clientId.lastIndexOf(QLatin1Char(':')));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - refusedJoinLogged_.value(address, 0) >= 60'000) {
            if (refusedJoinLogged_.size() > 1000)
                refusedJoinLogged_.clear();
            refusedJoinLogged_.insert(address, now);
            log(QStringLiteral("web:%1").arg(clientId), QStringLiteral("browser.refused"), {}, {},
                tr("A wrong or replaced join link."));
        }
        done(site.error());
        return;
    }
    if (!browser_ || !browser_->enabled()) {
        done(Error{Error::Code::Unavailable, browserProblem()});
        return;
    }
    if (calls_ && calls_->hasActiveCall(site->id)) {
        done(Error{Error::Code::Conflict,
                   tr("\"%1\" is already in the meeting by its room system (SIP).").arg(site->name)});
        return;
    }
    log(QStringLiteral("web:%1").arg(clientId), QStringLiteral("browser.join"), QString::number(site->id));
    browser_->join(site->id, peer, offer, std::move(done));
}

void Session::leaveFromBrowser(const QString& secret, const QString& peer) {
    if (const auto site = joinSite(secret); site && browser_)
        browser_->leave(site->id, peer);
}

Result<BrowserPeerStatus> Session::browserStatus(const QString& secret, const QString& peer) const {
    const auto site = joinSite(secret);
    if (!site)
        return site.error();
    if (!browser_)
        return BrowserPeerStatus{};
    return browser_->status(site->id, peer);
}

} // namespace hntt::core
