// Sites that join from a browser (commune PCs): the join page's WebRTC offer goes through Janus's
// NoSIP plugin, which hands the console a plain-RTP offer; the console answers it as it answers a
// SIP call's, and the engine carries the media like any call's (tiers, keyframes, mix-minus).
//
// One browser a site: a newer browser on the same link takes the site over and the older one is
// told why ("replaced"). Janus is the console's own (--janus auto, restarted when it dies) or an
// existing one (--janus URL). Everything runs on the owner's thread.
#pragma once

#include "core/calls/call_view.h"
#include "core/error.h"

#include <QHash>
#include <QObject>
#include <QUrl>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace hntt::engine {
class Engine;
}

namespace hntt::core {

class JanusClient;
class JanusProcess;

struct BrowserSettings {
    enum class Janus { Off, Auto, Url };
    Janus janus = Janus::Off;
    QUrl janusUrl;  // Url: its HTTP API, "http://10.0.0.5:8088/janus"
    QString folder; // Auto: where its configuration goes
    QString program = QStringLiteral("janus");
};

// What a join page learns when it asks how its browser stands.
struct BrowserPeerStatus {
    enum class State { Unknown, Connecting, Connected, Ended, Replaced };
    State state = State::Unknown;
    QString reason;
};

const char* browserPeerStateName(BrowserPeerStatus::State s); // "connecting", …, "replaced"

class BrowserCalls : public QObject {
    Q_OBJECT

public:
    BrowserCalls(engine::Engine& engine, BrowserSettings settings, QObject* parent = nullptr);
    ~BrowserCalls() override; // ends every call and stops its Janus

    // Starts (or connects to) Janus; a browser can join once available().
    void start();
    void stop();
    bool enabled() const { return settings_.janus != BrowserSettings::Janus::Off; }
    bool available() const;
    // Why browsers cannot join now, in the operator's language; empty when they can.
    QString problem() const { return problem_; }

    using JoinDone = std::function<void(Result<QString> browserAnswer)>;
    // A browser (`peer`: the page's own random id) offers to join as the site.
    void join(qint64 siteId, const QString& peer, const QString& offer, JoinDone done);
    void leave(qint64 siteId, const QString& peer);
    BrowserPeerStatus status(qint64 siteId, const QString& peer) const;

    std::optional<CallView> call(qint64 siteId) const;
    bool hasActiveCall(qint64 siteId) const;
    // The operator ends the browser's call (the page reconnects unless the link changes).
    Status hangup(qint64 siteId);
    // The site's link was replaced: its browser is dropped, and its page told so.
    void dropLink(qint64 siteId, const QString& reason);
    // The site is gone: its browser is dropped and its call forgotten.
    void forget(qint64 siteId);

    // From the engine (through the core's thread): no media from the browser for a while.
    void mediaTimedOut(qint64 siteId);

Q_SIGNALS:
    void callChanged(qint64 siteId);
    void noted(qint64 siteId, const QString& action, const QString& detail);
    // Janus went away (alarm) / came back.
    void janusDown(const QString& reason);
    void janusUp();

private:
    struct Call {
        qint64 siteId = 0;
        QString peer;
        quint64 key = 0;
        CallView view;
        bool mediaStarted = false;
        bool answered = false; // the page has its answer
    };

    void onWebrtcUp(quint64 key);
    void onEnded(quint64 key, const QString& reason);
    void endCall(Call& call, const QString& reason, BrowserPeerStatus::State peerState);
    void remember(const QString& peer, BrowserPeerStatus status);
    Call* byKey(quint64 key);
    QString answerFor(Call& call, const QString& plainOffer, QString* error);
    std::string localAddress() const;

    engine::Engine& engine_;
    BrowserSettings settings_;
    std::unique_ptr<JanusClient> janus_;
    std::unique_ptr<JanusProcess> process_;
    QString problem_;
    bool janusWasUp_ = false;
    std::map<qint64, Call> calls_;                // by site; an ended call stays until the next one
    QHash<QString, BrowserPeerStatus> pastPeers_; // pages that no longer hold their site
    quint64 nextKey_ = 0;
};

} // namespace hntt::core
