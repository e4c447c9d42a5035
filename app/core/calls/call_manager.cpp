#include "core/calls/call_manager.h"

#include "core/calls/call_media.h"
#include "core/calls/sip_text.h"
#include "hntt/engine/engine.h"

#include <QHostAddress>
#include <QTimer>
#include <QUrl>
#include <algorithm>

namespace hntt::core {

const char* callStateName(CallView::State s) {
    switch (s) {
    case CallView::State::Ringing:
        return "ringing";
    case CallView::State::Connected:
        return "connected";
    case CallView::State::Ended:
        return "ended";
    }
    return "ended";
}

const char* callDirectionName(CallView::Direction d) {
    return d == CallView::Direction::In ? "in" : "out";
}

namespace {

constexpr int kFirstRedialMs = 2000;
constexpr int kMaxRedialMs = 60000;

// The far end holds the call when it no longer wants our media (its offer said sendonly or
// inactive): we then send nothing, whatever it still sends us.
bool heldBy(const sdp::NegotiatedMedia& m) {
    const bool anySend = (m.audio && m.audioSend) || (m.video && m.videoSend);
    return !anySend;
}

} // namespace

CallManager::CallManager(engine::Engine& engine, CallSettings settings, QObject* parent)
    : QObject(parent)
    , engine_(engine)
    , settings_(std::move(settings)) {}

CallManager::~CallManager() {
    stop();
}

Status CallManager::start() {
    if (!settings_.enabled || agent_)
        return {};
    sip::AgentConfig config;
    config.host = settings_.host.toStdString();
    config.port = settings_.port;
    config.userAgent = "HNTT-Console";
    // Every event hops to this object's thread (the agent stops before the hop goes).
    sip::AgentEvents e;
    e.incoming = [this](const sip::IncomingCall& in) { hop_.post([this, in] { onIncoming(in); }); };
    e.reoffer = [this](sip::CallId id, const std::string& sdp) {
        hop_.post([this, id, sdp] { onReoffer(id, sdp); });
    };
    e.ringing = [this](sip::CallId id, int) { hop_.post([this, id] { onRinging(id); }); };
    e.answered = [this](sip::CallId id, const std::string& sdp) {
        hop_.post([this, id, sdp] { onAnswered(id, sdp); });
    };
    e.established = [this](sip::CallId id) { hop_.post([this, id] { onEstablished(id); }); };
    e.ended = [this](sip::CallId id, int status, const std::string& reason) {
        const QString r = QString::fromStdString(reason);
        hop_.post([this, id, status, r] { onEnded(id, status, r); });
    };
    e.info = [this](sip::CallId id, sip::InfoKind kind, const std::string& body) {
        const QString b = QString::fromStdString(body);
        hop_.post([this, id, kind, b] { onInfo(id, kind, b); });
    };
    auto agent = std::make_unique<sip::SipAgent>(config, std::move(e));
    std::string error;
    if (!agent->start(&error)) {
        // The agent speaks English (no Qt below the core): its two usual causes are said here.
        const QString where = QStringLiteral("%1:%2").arg(settings_.host).arg(settings_.port);
        if (error.find("in use") != std::string::npos)
            return Error{Error::Code::Unavailable,
                         tr("SIP is off: the port %1 is in use by another program.").arg(where)};
        if (error.find("not this machine's") != std::string::npos)
            return Error{Error::Code::Unavailable,
                         tr("SIP is off: %1 is not an address of this machine.").arg(where)};
        return Error{Error::Code::Unavailable, tr("SIP is off: %1").arg(QString::fromStdString(error))};
    }
    agent_ = std::move(agent);
    return {};
}

void CallManager::stop() {
    if (!agent_)
        return;
    agent_->stop(); // says BYE to every call
    for (auto& [siteId, call] : calls_) {
        call.redialTicket++;
        if (call.mediaStarted) {
            engine_.endCall(siteId);
            call.mediaStarted = false;
        }
    }
    agent_.reset();
}

bool CallManager::listening() const {
    return agent_ != nullptr;
}

void CallManager::setTargets(const QList<CallTarget>& targets) {
    targets_ = targets;
}

const CallTarget* CallManager::targetFor(const QString& fromUri) const {
    const QString key = sipMatchKey(fromUri);
    if (key.isEmpty())
        return nullptr;
    const auto it = std::find_if(targets_.begin(), targets_.end(),
                                 [&](const CallTarget& t) { return sipMatchKey(t.sipUri) == key; });
    return it == targets_.end() ? nullptr : &*it;
}

std::string CallManager::localAddressFor(const std::string& remote) const {
    if (settings_.host != QLatin1String("0.0.0.0") && settings_.host != QLatin1String("::"))
        return settings_.host.toStdString();
    std::string local = sip::localAddressToward(remote);
    if (local.empty())
        local = sip::localAddressToward("192.0.2.1"); // no route to it: the default route's address
    return local.empty() ? std::string("127.0.0.1") : local;
}

CallManager::Call* CallManager::bySip(sip::CallId id) {
    for (auto& [siteId, call] : calls_)
        if (call.sipId == id && call.view.state != CallView::State::Ended)
            return &call;
    return nullptr;
}

bool CallManager::hasActiveCall(qint64 siteId) const {
    const auto it = calls_.find(siteId);
    return it != calls_.end() && it->second.view.state != CallView::State::Ended;
}

std::optional<CallView> CallManager::call(qint64 siteId) const {
    const auto it = calls_.find(siteId);
    if (it == calls_.end())
        return std::nullopt;
    CallView v = it->second.view;
    if (it->second.mediaStarted) {
        if (const auto stats = engine_.callStats(siteId)) {
            v.width = stats->width;
            v.height = stats->height;
            v.lossPct = stats->lossPercent;
            v.jitterMs = stats->jitterMs;
        }
    }
    return v;
}

void CallManager::setState(Call& call, CallView::State state, const QString& reason) {
    call.view.state = state;
    call.view.since = QDateTime::currentDateTime();
    if (!reason.isEmpty() || state != CallView::State::Ended)
        call.view.reason = reason;
    emit callChanged(call.siteId);
}

// --- dial-out

Status CallManager::dial(qint64 siteId) {
    if (!agent_)
        return Error{Error::Code::Unavailable, tr("SIP is off on this console (--sip-listen off).")};
    const auto target = std::find_if(targets_.begin(), targets_.end(),
                                     [siteId](const CallTarget& t) { return t.siteId == siteId; });
    if (target == targets_.end() || target->sipUri.isEmpty())
        return Error{Error::Code::Invalid, tr("Site %1 has no SIP address to call.").arg(siteId)};
    if (hasActiveCall(siteId))
        return Error{Error::Code::Conflict, tr("Site %1 already has a call.").arg(siteId)};
    Call& call = calls_[siteId];
    call = Call{};
    call.siteId = siteId;
    call.wanted = true;
    call.view.direction = CallView::Direction::Out;
    call.view.remote = target->sipUri;
    placeCall(call);
    return {};
}

void CallManager::placeCall(Call& call) {
    call.view.redialAt = {}; // this is the try that was due
    const auto target = std::find_if(targets_.begin(), targets_.end(),
                                     [&](const CallTarget& t) { return t.siteId == call.siteId; });
    if (target == targets_.end() || !agent_) {
        setState(call, CallView::State::Ended, tr("The site no longer has a SIP address."));
        return;
    }
    engine::EngineError error;
    const auto ports = engine_.reserveCallPorts(call.siteId, &error);
    if (!ports) {
        call.view.attempt++;
        setState(call, CallView::State::Ended,
                 tr("No media ports for the call: %1").arg(QString::fromStdString(error.message)));
        scheduleRedial(call.siteId);
        return;
    }
    call.caps = sdp::Capabilities{};
    call.caps.address = localAddressFor(sipHostOf(target->sipUri));
    call.caps.audioPort = ports->audio;
    call.caps.videoPort = ports->video;
    call.local = sdp::offer(call.caps);
    call.mediaStarted = false;
    call.hangingUp = false;
    call.view.attempt++;
    call.view.onHold = false;
    call.sipId = agent_->dial(target->sipUri.toStdString(), sdp::write(*call.local));
    setState(call, CallView::State::Ringing);
    if (call.view.attempt > 1) // the first is logged by whoever asked
        emit noted(call.siteId, QStringLiteral("call.redial"),
                   QStringLiteral("%1 (%2)").arg(target->sipUri).arg(call.view.attempt));
}

void CallManager::scheduleRedial(qint64 siteId) {
    auto it = calls_.find(siteId);
    if (it == calls_.end() || !it->second.wanted || it->second.hangingUp || !agent_)
        return;
    Call& call = it->second;
    const int delay = std::min(kMaxRedialMs, kFirstRedialMs << std::min(call.failures, 5));
    call.failures++;
    const int ticket = ++call.redialTicket;
    call.endReason = call.view.reason;
    call.view.reason = tr("%1 Calling again in %2 s.").arg(call.view.reason).arg(delay / 1000);
    call.view.redialAt = QDateTime::currentDateTime().addMSecs(delay);
    emit callChanged(siteId);
    QTimer::singleShot(delay, this, [this, siteId, ticket] {
        auto again = calls_.find(siteId);
        if (again == calls_.end() || again->second.redialTicket != ticket || hasActiveCall(siteId))
            return;
        placeCall(again->second);
    });
}

void CallManager::onRinging(sip::CallId id) {
    if (Call* call = bySip(id))
        emit callChanged(call->siteId);
}

void CallManager::onAnswered(sip::CallId id, const std::string& sdp) {
    Call* call = bySip(id);
    if (!call || !call->local)
        return;
    const sdp::ParseResult parsed = sdp::parse(sdp);
    if (!parsed) {
        emit noted(call->siteId, QStringLiteral("call.error"),
                   tr("The far end's answer is not valid SDP: %1").arg(QString::fromStdString(parsed.error)));
        agent_->hangup(id);
        return;
    }
    const sdp::AcceptResult agreed = sdp::acceptAnswer(*call->local, *parsed.description, call->caps);
    QString error;
    if (!agreed) {
        error = QString::fromStdString(agreed.error);
    } else if (startMedia(*call, *agreed.media, &error)) {
        return;
    }
    emit noted(call->siteId, QStringLiteral("call.error"), error);
    call->view.reason = error;
    call->dropped = true; // a redial may fare better
    agent_->hangup(id);
}

// --- dial-in

void CallManager::onIncoming(const sip::IncomingCall& in) {
    const QString from = QString::fromStdString(in.fromUri);
    const QString address = QString::fromStdString(in.sourceAddress);
    const CallTarget* target = targetFor(from);
    if (!target) {
        agent_->reject(in.id, 403, "Forbidden");
        emit refused(0, from, address, 403, tr("%1 is not a site of the directory.").arg(from));
        return;
    }
    if (hasActiveCall(target->siteId)) {
        agent_->reject(in.id, 486, "Busy Here");
        emit refused(target->siteId, from, address, 486,
                     tr("Site \"%1\" already has a call.").arg(target->name));
        return;
    }
    const sdp::ParseResult parsed = sdp::parse(in.sdp);
    if (!parsed) {
        agent_->reject(in.id, 488, "Not Acceptable Here");
        emit refused(
            target->siteId, from, address, 488,
            tr("The offer of \"%1\" is not valid SDP: %2")
                .arg(target->name, QString::fromStdString(in.sdp.empty() ? "no SDP" : parsed.error)));
        return;
    }
    engine::EngineError portError;
    const auto ports = engine_.reserveCallPorts(target->siteId, &portError);
    if (!ports) {
        agent_->reject(in.id, 503, "Service Unavailable");
        emit refused(target->siteId, from, address, 503,
                     tr("No media ports for a call: %1").arg(QString::fromStdString(portError.message)));
        return;
    }
    sdp::Capabilities caps;
    caps.address = localAddressFor(in.sourceAddress);
    caps.audioPort = ports->audio;
    caps.videoPort = ports->video;
    const sdp::AnswerResult answer = sdp::answer(*parsed.description, caps);
    if (!answer) {
        engine_.releaseCallPorts(target->siteId);
        agent_->reject(in.id, 488, "Not Acceptable Here");
        emit refused(target->siteId, from, address, 488,
                     tr("The call of \"%1\" offers nothing the console speaks: %2")
                         .arg(target->name, QString::fromStdString(answer.refusal)));
        return;
    }
    Call& call = calls_[target->siteId];
    const int ticket = call.redialTicket + 1; // a pending redial of ours gives way to this call
    call = Call{};
    call.redialTicket = ticket;
    call.siteId = target->siteId;
    call.sipId = in.id;
    call.caps = caps;
    call.local = *answer.answer;
    call.view.direction = CallView::Direction::In;
    call.view.remote = in.fromDisplay.empty()
                           ? from
                           : QStringLiteral("%1 <%2>").arg(QString::fromStdString(in.fromDisplay), from);
    QString error;
    if (!startMedia(call, answer.media, &error)) {
        agent_->reject(in.id, 500, "Server Internal Error");
        setState(call, CallView::State::Ended, error);
        return;
    }
    agent_->accept(in.id, sdp::write(*answer.answer));
}

void CallManager::onReoffer(sip::CallId id, const std::string& text) {
    Call* call = bySip(id);
    if (!call)
        return;
    const sdp::ParseResult parsed = sdp::parse(text);
    const sdp::AnswerResult answer =
        parsed ? sdp::answer(*parsed.description, call->caps, call->local ? &*call->local : nullptr)
               : sdp::AnswerResult{};
    if (!parsed || !answer) {
        agent_->reject(id, 488, "Not Acceptable Here");
        emit noted(call->siteId, QStringLiteral("call.error"),
                   tr("A new offer was refused: %1")
                       .arg(QString::fromStdString(parsed ? answer.refusal : parsed.error)));
        return;
    }
    engine::EngineError error;
    const engine::CallMediaSpec spec = toEngineSpec(answer.media);
    if (call->mediaStarted && !engine_.updateCall(call->siteId, spec, &error)) {
        agent_->reject(id, 488, "Not Acceptable Here");
        emit noted(call->siteId, QStringLiteral("call.error"), QString::fromStdString(error.message));
        return;
    }
    call->local = *answer.answer;
    agent_->accept(id, sdp::write(*answer.answer));
    const bool held = heldBy(answer.media);
    if (held != call->view.onHold) {
        call->view.onHold = held;
        emit noted(call->siteId, held ? QStringLiteral("call.hold") : QStringLiteral("call.resume"), {});
        emit callChanged(call->siteId);
    }
}

bool CallManager::startMedia(Call& call, const sdp::NegotiatedMedia& media, QString* error) {
    engine::EngineError e;
    const engine::CallMediaSpec spec = toEngineSpec(media);
    if (!engine_.startCall(call.siteId, spec, &e)) {
        if (error)
            *error = tr("The call's media could not start: %1").arg(QString::fromStdString(e.message));
        engine_.endCall(call.siteId);
        return false;
    }
    call.mediaStarted = true;
    if (media.audio)
        call.view.audioCodec =
            QString::fromUtf8(sdp::toString(media.audio->codec).data(),
                              static_cast<qsizetype>(sdp::toString(media.audio->codec).size()));
    if (media.video) {
        call.view.videoCodec = QStringLiteral("H264");
        call.view.packetizationMode = media.video->packetizationMode;
        call.view.tier = tierName(media.video->tier);
    }
    call.view.onHold = heldBy(media);
    return true;
}

void CallManager::onEstablished(sip::CallId id) {
    Call* call = bySip(id);
    if (!call)
        return;
    call->failures = 0;
    setState(*call, CallView::State::Connected);
    emit noted(
        call->siteId, QStringLiteral("call.connected"),
        QStringLiteral("%1 %2 %3").arg(call->view.remote, call->view.audioCodec, call->view.videoCodec));
    engine_.askCallKeyframe(call->siteId);
}

void CallManager::onEnded(sip::CallId id, int status, const QString& reason) {
    Call* call = bySip(id);
    if (!call)
        return;
    if (call->mediaStarted) {
        engine_.endCall(call->siteId);
        call->mediaStarted = false;
    } else {
        engine_.releaseCallPorts(call->siteId);
    }
    call->view.onHold = false;
    // The console's own reason (no media, a bad answer) says more than "hung up by the console".
    const QString why = call->dropped && !call->view.reason.isEmpty() ? call->view.reason : reason;
    setState(*call, CallView::State::Ended, why);
    emit noted(call->siteId, QStringLiteral("call.ended"), QStringLiteral("%1 (%2)").arg(why).arg(status));
    // A failed or dropped call the operator asked for is tried again; a hang-up is respected.
    if (!call->hangingUp && (status >= 300 || call->dropped))
        scheduleRedial(call->siteId);
}

void CallManager::onInfo(sip::CallId id, sip::InfoKind kind, const QString& body) {
    Call* call = bySip(id);
    if (!call)
        return;
    if (kind == sip::InfoKind::PictureFastUpdate) {
        engine_.requestCallKeyframe(call->siteId);
    } else if (kind == sip::InfoKind::Dtmf) {
        if (const auto key = dtmfKeyOf(body))
            keyPressed(call->siteId, *key);
    }
}

void CallManager::keyPressed(qint64 siteId, QChar key) {
    if (hasActiveCall(siteId))
        emit noted(siteId, QStringLiteral("call.dtmf"), QString(key));
}

Status CallManager::hangup(qint64 siteId) {
    auto it = calls_.find(siteId);
    if (it == calls_.end())
        return Error{Error::Code::Conflict, tr("Site %1 has no call.").arg(siteId)};
    Call& call = it->second;
    call.wanted = false;
    call.redialTicket++;              // a pending redial is cancelled
    if (call.view.redialAt.isValid()) // no "calling again" once it no longer will
        call.view.reason = call.endReason;
    call.view.redialAt = {};
    if (call.view.state == CallView::State::Ended) {
        emit callChanged(siteId);
        return {};
    }
    call.hangingUp = true;
    if (agent_)
        agent_->hangup(call.sipId);
    return {};
}

void CallManager::forget(qint64 siteId) {
    auto it = calls_.find(siteId);
    if (it == calls_.end())
        return;
    if (it->second.view.state != CallView::State::Ended && agent_)
        agent_->hangup(it->second.sipId);
    if (it->second.mediaStarted)
        engine_.endCall(siteId);
    else
        engine_.releaseCallPorts(siteId);
    calls_.erase(it); // a pending redial finds nothing and gives up
}

void CallManager::mediaTimedOut(qint64 siteId) {
    auto it = calls_.find(siteId);
    if (it == calls_.end() || it->second.view.state == CallView::State::Ended || !agent_)
        return;
    emit noted(siteId, QStringLiteral("call.timeout"), tr("No media from the far end."));
    it->second.view.reason = tr("No media from the far end.");
    it->second.dropped = true;
    agent_->hangup(it->second.sipId);
}

void CallManager::keyframeWanted(qint64 siteId) {
    auto it = calls_.find(siteId);
    if (it != calls_.end() && it->second.view.state == CallView::State::Connected && agent_)
        agent_->requestPictureUpdate(it->second.sipId);
}

} // namespace hntt::core
