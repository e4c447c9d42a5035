// The session's SIP calls: the call manager started with the engine, told the directory's SIP
// addresses, and its news turned into events, log lines and alarms.
#include "core/session/session.h"

namespace hntt::core {

void Session::startCalls() {
    CallSettings settings;
    settings.enabled = options_.sipEnabled;
    settings.host = options_.sipHost;
    settings.port = options_.sipPort;
    calls_ = std::make_unique<CallManager>(*engine_, settings);
    connect(&bridge_, &EngineBridge::callMediaTimeout, calls_.get(), &CallManager::mediaTimedOut);
    connect(&bridge_, &EngineBridge::callKeyframeWanted, calls_.get(), &CallManager::keyframeWanted);
    connect(&bridge_, &EngineBridge::callDtmf, calls_.get(), &CallManager::keyPressed);
    connect(calls_.get(), &CallManager::callChanged, this, [this](qint64 siteId) {
        publish(events::CallState{siteId, calls_->call(siteId)});
    });
    connect(calls_.get(), &CallManager::noted, this,
            [this](qint64 siteId, const QString& action, const QString& detail) {
                log(QStringLiteral("sip"), action, QString::number(siteId),
                    detail.isEmpty() ? QJsonObject{} : QJsonObject{{"detail", detail}});
            });
    connect(calls_.get(), &CallManager::refused, this,
            [this](qint64 siteId, const QString& from, const QString& address, int status,
                   const QString& reason) {
                log(QStringLiteral("sip"), QStringLiteral("call.refused"), from,
                    {{"from", from}, {"address", address}, {"status", status}}, reason);
                // A site's refused call is that site's alarm; strangers share one (see raiseAlarm).
                raiseAlarm(QStringLiteral("call.refused"),
                           siteId ? AlarmSubject::site(siteId) : AlarmSubject{},
                           tr("A call from %1 (%2) was refused: %3").arg(from, address, reason));
            });
    if (!settings.enabled)
        return;
    if (Status started = calls_->start(); !started) {
        sipProblem_ = started.error().message;
        raiseAlarm(QStringLiteral("sip.off"), AlarmSubject{}, sipProblem_);
        log(QStringLiteral("auto"), QStringLiteral("sip.off"), {}, {}, sipProblem_);
    }
}

void Session::updateCallTargets() {
    if (!calls_)
        return;
    QList<CallTarget> targets;
    for (const SiteRecord& s : roster_)
        if (!s.sipUri.isEmpty())
            targets.append({s.id, s.name, s.sipUri});
    calls_->setTargets(targets);
}

bool Session::sipListening() const {
    return calls_ && calls_->listening();
}

Status Session::callSite(qint64 id, const Actor& actor) {
    const auto record = siteRecord(id);
    if (!record)
        return Error{Error::Code::NotFound, tr("There is no site %1.").arg(id)};
    if (record->sipUri.isEmpty())
        return Error{Error::Code::Invalid, tr("Site \"%1\" has no SIP address to call.").arg(record->name)};
    if (browser_ && browser_->hasActiveCall(id))
        return Error{Error::Code::Conflict,
                     tr("Site \"%1\" is in the meeting from a browser.").arg(record->name)};
    if (Status s = calls_->dial(id); !s)
        return s;
    log(actor, QStringLiteral("call.dial"), QString::number(id), {{"sip_uri", record->sipUri}});
    return {};
}

Result<Session::MeetingCalls> Session::callMeetingSites(qint64 meetingId, const Actor& actor) {
    auto meeting = meetings_->get(meetingId);
    if (!meeting)
        return meeting.error();
    if (!sipListening())
        return Error{Error::Code::Unavailable, sipProblem_.isEmpty()
                                                   ? tr("SIP is off on this console (--sip-listen off).")
                                                   : sipProblem_};
    MeetingCalls out;
    QList<qint64> ids{meeting->hostSiteId};
    for (qint64 id : meeting->siteIds)
        if (!ids.contains(id))
            ids.append(id);
    for (qint64 id : ids) {
        const auto record = siteRecord(id);
        if (!record)
            continue; // deleted since it was booked
        if (record->sipUri.isEmpty())
            out.withoutSip.append(id);
        else if (calls_->hasActiveCall(id))
            out.inCall.append(id);
        else if (calls_->dial(id))
            out.placed.append(id);
        else
            out.failed.append(id);
    }
    log(actor, QStringLiteral("call.meeting"), QString::number(meetingId),
        {{"placed", static_cast<int>(out.placed.size())},
         {"in_call", static_cast<int>(out.inCall.size())},
         {"without_sip", static_cast<int>(out.withoutSip.size())},
         {"failed", static_cast<int>(out.failed.size())}});
    return out;
}

Status Session::hangupSite(qint64 id, const Actor& actor) {
    if (!siteRecord(id))
        return Error{Error::Code::NotFound, tr("There is no site %1.").arg(id)};
    if (browser_ && browser_->hasActiveCall(id)) {
        if (Status s = browser_->hangup(id); !s)
            return s;
        log(actor, QStringLiteral("browser.hangup"), QString::number(id));
        return {};
    }
    if (Status s = calls_->hangup(id); !s)
        return s;
    log(actor, QStringLiteral("call.hangup"), QString::number(id));
    return {};
}

} // namespace hntt::core
