#include "core/browser/browser_calls.h"

#include "core/browser/janus_client.h"
#include "core/browser/janus_process.h"
#include "core/calls/call_media.h"
#include "hntt/engine/engine.h"
#include "hntt/sip/sip_agent.h"

#include <QHostAddress>
#include <QTimer>

namespace hntt::core {

namespace {

constexpr int kReconnectMs = 1000; // to a Janus that is still running after its session was lost
constexpr qsizetype kPastPeers = 2000;

} // namespace

const char* browserPeerStateName(BrowserPeerStatus::State s) {
    switch (s) {
    case BrowserPeerStatus::State::Unknown:
        return "unknown";
    case BrowserPeerStatus::State::Connecting:
        return "connecting";
    case BrowserPeerStatus::State::Connected:
        return "connected";
    case BrowserPeerStatus::State::Ended:
        return "ended";
    case BrowserPeerStatus::State::Replaced:
        return "replaced";
    }
    return "unknown";
}

BrowserCalls::BrowserCalls(engine::Engine& engine, BrowserSettings settings, QObject* parent)
    : QObject(parent)
    , engine_(engine)
    , settings_(std::move(settings)) {}

BrowserCalls::~BrowserCalls() {
    stop();
}

void BrowserCalls::start() {
    if (!enabled() || janus_)
        return;
    janus_ = std::make_unique<JanusClient>();
    connect(janus_.get(), &JanusClient::ready, this, [this] {
        problem_.clear();
        janusWasUp_ = true;
        emit janusUp();
    });
    connect(janus_.get(), &JanusClient::lost, this, [this](const QString& reason) {
        problem_ = tr("The WebRTC server (Janus) does not answer: %1").arg(reason);
        if (janusWasUp_)
            emit janusDown(problem_);
        janusWasUp_ = false;
        // Its process may still run (a lost session, a slow answer): ask again. A dead process
        // is restarted by its supervisor, whose ready() reconnects.
        QTimer::singleShot(kReconnectMs, this, [this] {
            if (janus_ && !janus_->isReady() && (!process_ || process_->isRunning()))
                janus_->connectTo(process_ ? process_->apiUrl() : settings_.janusUrl);
        });
    });
    connect(janus_.get(), &JanusClient::webrtcUp, this, &BrowserCalls::onWebrtcUp);
    connect(janus_.get(), &JanusClient::ended, this, &BrowserCalls::onEnded);

    if (settings_.janus == BrowserSettings::Janus::Url) {
        problem_ = tr("Connecting to the WebRTC server (Janus) at %1…").arg(settings_.janusUrl.toString());
        janus_->connectTo(settings_.janusUrl);
        return;
    }
    JanusProcessSettings ps;
    ps.folder = settings_.folder;
    ps.program = settings_.program;
    process_ = std::make_unique<JanusProcess>(ps);
    connect(process_.get(), &JanusProcess::ready, this, [this](const QUrl& url) { janus_->connectTo(url); });
    connect(process_.get(), &JanusProcess::died, this, [this](const QString& reason, int retryMs) {
        problem_ = tr("The WebRTC server (Janus) stopped; restarting it in %1 s. %2")
                       .arg(retryMs / 1000)
                       .arg(reason);
        janus_->disconnectFrom();
        // The browsers' calls went with it: their pages reconnect by themselves.
        for (auto& [siteId, call] : calls_)
            if (call.view.state != CallView::State::Ended)
                endCall(call, tr("The WebRTC server (Janus) stopped."), BrowserPeerStatus::State::Ended);
        emit janusDown(problem_);
        janusWasUp_ = false;
    });
    problem_ = tr("Starting the WebRTC server (Janus)…");
    QString error;
    if (!process_->start(&error)) {
        problem_ = error;
        process_.reset();
        emit janusDown(problem_);
    }
}

void BrowserCalls::stop() {
    for (auto& [siteId, call] : calls_)
        if (call.view.state != CallView::State::Ended)
            endCall(call, tr("The console stopped."), BrowserPeerStatus::State::Ended);
    if (janus_)
        janus_->disconnectFrom();
    janus_.reset();
    if (process_)
        process_->stop();
    process_.reset();
}

bool BrowserCalls::available() const {
    return janus_ && janus_->isReady();
}

std::string BrowserCalls::localAddress() const {
    // The console's own Janus sends its plain RTP over loopback; another one, from its machine.
    if (process_)
        return "127.0.0.1";
    const QString host = settings_.janusUrl.host();
    const QHostAddress address(host);
    if (address.isLoopback())
        return "127.0.0.1";
    std::string local = sip::localAddressToward(host.toStdString());
    return local.empty() ? std::string("127.0.0.1") : local;
}

BrowserCalls::Call* BrowserCalls::byKey(quint64 key) {
    for (auto& [siteId, call] : calls_)
        if (call.key == key && call.view.state != CallView::State::Ended)
            return &call;
    return nullptr;
}

void BrowserCalls::remember(const QString& peer, BrowserPeerStatus status) {
    if (peer.isEmpty())
        return;
    if (pastPeers_.size() >= kPastPeers)
        pastPeers_.clear(); // pages that old have long reconnected or gone
    pastPeers_.insert(peer, std::move(status));
}

void BrowserCalls::join(qint64 siteId, const QString& peer, const QString& offer, JoinDone done) {
    if (!available()) {
        done(Error{Error::Code::Unavailable,
                   problem_.isEmpty() ? tr("Browser sites are off on this console.") : problem_});
        return;
    }
    if (auto it = calls_.find(siteId);
        it != calls_.end() && it->second.view.state != CallView::State::Ended) {
        const bool samePage = it->second.peer == peer;
        endCall(it->second,
                samePage ? tr("The browser joined again.")
                         : tr("Another browser joined with this site's link."),
                samePage ? BrowserPeerStatus::State::Ended : BrowserPeerStatus::State::Replaced);
        if (!samePage)
            emit noted(siteId, QStringLiteral("browser.replaced"), {});
    }
    engine::EngineError portError;
    const auto ports = engine_.reserveCallPorts(siteId, &portError);
    if (!ports) {
        done(Error{Error::Code::Unavailable,
                   tr("No media ports for the browser: %1").arg(QString::fromStdString(portError.message))});
        return;
    }
    Call& call = calls_[siteId];
    call = Call{};
    call.siteId = siteId;
    call.peer = peer;
    call.key = ++nextKey_;
    call.view.direction = CallView::Direction::In;
    call.view.remote = QStringLiteral("browser");
    call.view.state = CallView::State::Ringing;
    call.view.since = QDateTime::currentDateTime();
    pastPeers_.remove(peer);
    const quint64 key = call.key;
    emit callChanged(siteId);

    const sdp::Capabilities caps = [&] {
        sdp::Capabilities c;
        c.address = localAddress();
        c.audioPort = ports->audio;
        c.videoPort = ports->video;
        c.preferOpus = true;
        // Janus relays RTCP feedback: PLI reaches the browser's encoder.
        c.keyframeFallback = sdp::KeyframeRequestKind::Pli;
        return c;
    }();
    janus_->negotiate(
        key, offer,
        [this, key, caps](const QString& plainOffer, QString* error) -> QString {
            Call* c = byKey(key);
            if (!c) {
                *error = tr("The browser's call ended.");
                return {};
            }
            const sdp::ParseResult parsed = sdp::parse(plainOffer.toStdString());
            if (!parsed) {
                *error = tr("The WebRTC server's offer is not valid SDP: %1")
                             .arg(QString::fromStdString(parsed.error));
                return {};
            }
            const sdp::AnswerResult answer = sdp::answer(*parsed.description, caps);
            if (!answer) {
                *error = tr("The browser offers nothing the console speaks: %1")
                             .arg(QString::fromStdString(answer.refusal));
                return {};
            }
            engine::EngineError e;
            if (!engine_.startCall(c->siteId, toEngineSpec(answer.media), &e)) {
                *error = tr("The call's media could not start: %1").arg(QString::fromStdString(e.message));
                return {};
            }
            c->mediaStarted = true;
            if (answer.media.audio)
                c->view.audioCodec = QString::fromUtf8(
                    sdp::toString(answer.media.audio->codec).data(),
                    static_cast<qsizetype>(sdp::toString(answer.media.audio->codec).size()));
            if (answer.media.video) {
                c->view.videoCodec = QStringLiteral("H264");
                c->view.packetizationMode = answer.media.video->packetizationMode;
                c->view.tier = tierName(answer.media.video->tier);
            }
            return QString::fromStdString(sdp::write(*answer.answer));
        },
        [this, key, siteId, done = std::move(done)](const QString& browserAnswer, const QString& error) {
            Call* c = byKey(key);
            if (!error.isEmpty() || !c) {
                const QString why = error.isEmpty() ? tr("The browser's call ended.") : error;
                if (c) {
                    emit noted(siteId, QStringLiteral("browser.error"), why);
                    endCall(*c, why, BrowserPeerStatus::State::Ended);
                }
                done(Error{Error::Code::Unavailable, why});
                return;
            }
            c->answered = true;
            done(browserAnswer);
        });
}

void BrowserCalls::onWebrtcUp(quint64 key) {
    Call* call = byKey(key);
    if (!call)
        return;
    call->view.state = CallView::State::Connected;
    call->view.since = QDateTime::currentDateTime();
    emit noted(call->siteId, QStringLiteral("browser.connected"),
               QStringLiteral("%1 %2").arg(call->view.audioCodec, call->view.videoCodec));
    emit callChanged(call->siteId);
    engine_.askCallKeyframe(call->siteId);
}

void BrowserCalls::onEnded(quint64 key, const QString& reason) {
    Call* call = byKey(key);
    if (!call)
        return;
    const QString why = reason.isEmpty() ? tr("The browser's connection closed.")
                                         : tr("The browser's connection closed (%1).").arg(reason);
    emit noted(call->siteId, QStringLiteral("browser.ended"), why);
    endCall(*call, why, BrowserPeerStatus::State::Ended);
}

void BrowserCalls::endCall(Call& call, const QString& reason, BrowserPeerStatus::State peerState) {
    if (janus_)
        janus_->close(call.key);
    if (call.mediaStarted)
        engine_.endCall(call.siteId);
    else
        engine_.releaseCallPorts(call.siteId);
    call.mediaStarted = false;
    call.view.state = CallView::State::Ended;
    call.view.reason = reason;
    call.view.since = QDateTime::currentDateTime();
    remember(call.peer, {peerState, reason});
    emit callChanged(call.siteId);
}

void BrowserCalls::leave(qint64 siteId, const QString& peer) {
    auto it = calls_.find(siteId);
    if (it == calls_.end() || it->second.peer != peer || it->second.view.state == CallView::State::Ended)
        return;
    emit noted(siteId, QStringLiteral("browser.left"), {});
    endCall(it->second, tr("The browser left the meeting."), BrowserPeerStatus::State::Ended);
}

BrowserPeerStatus BrowserCalls::status(qint64 siteId, const QString& peer) const {
    if (const auto it = calls_.find(siteId); it != calls_.end() && it->second.peer == peer) {
        const Call& c = it->second;
        switch (c.view.state) {
        case CallView::State::Ringing:
            return {BrowserPeerStatus::State::Connecting, {}};
        case CallView::State::Connected:
            return {BrowserPeerStatus::State::Connected, {}};
        case CallView::State::Ended:
            break;
        }
    }
    if (const auto it = pastPeers_.find(peer); it != pastPeers_.end())
        return *it;
    return {};
}

std::optional<CallView> BrowserCalls::call(qint64 siteId) const {
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

bool BrowserCalls::hasActiveCall(qint64 siteId) const {
    const auto it = calls_.find(siteId);
    return it != calls_.end() && it->second.view.state != CallView::State::Ended;
}

Status BrowserCalls::hangup(qint64 siteId) {
    auto it = calls_.find(siteId);
    if (it == calls_.end() || it->second.view.state == CallView::State::Ended)
        return Error{Error::Code::Conflict, tr("Site %1 has no call.").arg(siteId)};
    endCall(it->second, tr("The operator ended the call."), BrowserPeerStatus::State::Ended);
    return {};
}

void BrowserCalls::dropLink(qint64 siteId, const QString& reason) {
    auto it = calls_.find(siteId);
    if (it == calls_.end() || it->second.view.state == CallView::State::Ended)
        return;
    emit noted(siteId, QStringLiteral("browser.ended"), reason);
    endCall(it->second, reason, BrowserPeerStatus::State::Replaced);
}

void BrowserCalls::forget(qint64 siteId) {
    auto it = calls_.find(siteId);
    if (it == calls_.end())
        return;
    if (it->second.view.state != CallView::State::Ended)
        endCall(it->second, tr("The site was removed."), BrowserPeerStatus::State::Replaced);
    calls_.erase(siteId);
}

void BrowserCalls::mediaTimedOut(qint64 siteId) {
    auto it = calls_.find(siteId);
    if (it == calls_.end() || it->second.view.state == CallView::State::Ended)
        return;
    emit noted(siteId, QStringLiteral("browser.timeout"), tr("No media from the browser."));
    endCall(it->second, tr("No media from the browser."), BrowserPeerStatus::State::Ended);
}

} // namespace hntt::core
