// The sites' SIP calls: signalling (hntt/sip) and the SDP offer/answer (hntt/sdp) on one side, the
// engine's call media on the other, each call tied to one directory site.
//
// Dial-out: the operator (or the API) calls a site at its sip_uri; a call the operator asked for is
// redialled with back-off (2, 4, 8 … up to 60 s) when it fails or drops, until hung up.
// Dial-in: a caller whose From address (user and host) is a site's sip_uri joins as that site; any
// other is refused with 403 and reported (refused()). A call with no codec the console speaks is
// refused with 488.
//
// Everything here runs on the owner's thread: the SIP thread's and the engine's events arrive
// through Qt's queue.
#pragma once

#include "core/calls/call_view.h"
#include "core/error.h"
#include "hntt/sdp/negotiation.h"
#include "hntt/sip/sip_agent.h"
#include "net/thread_hop.h"

#include <QHash>
#include <QObject>
#include <map>
#include <memory>
#include <optional>

namespace hntt::engine {
class Engine;
}

namespace hntt::core {

struct CallSettings {
    bool enabled = false;
    QString host = QStringLiteral("0.0.0.0");
    quint16 port = 5060;
};

// A directory site that can be called or can call in.
struct CallTarget {
    qint64 siteId = 0;
    QString name;
    QString sipUri;
};

class CallManager : public QObject {
    Q_OBJECT

public:
    CallManager(engine::Engine& engine, CallSettings settings, QObject* parent = nullptr);
    ~CallManager() override; // hangs up and stops signalling

    // Starts listening; Unavailable with a clear message when the port is taken.
    Status start();
    void stop();
    bool listening() const;
    const CallSettings& settings() const { return settings_; }

    // The sites with a SIP address, as the directory has them now.
    void setTargets(const QList<CallTarget>& targets);

    Status dial(qint64 siteId);
    Status hangup(qint64 siteId);
    // The site is gone from the directory: its call is hung up and forgotten.
    void forget(qint64 siteId);
    // The site's call, live figures included; none when it never had one.
    std::optional<CallView> call(qint64 siteId) const;
    bool hasActiveCall(qint64 siteId) const;

    // From the engine (through the core's thread): no media from the far end for a while.
    void mediaTimedOut(qint64 siteId);
    // From the engine: the site takes keyframe requests only by SIP INFO.
    void keyframeWanted(qint64 siteId);
    // A key pressed on the far end's remote (RFC 4733 from the engine, or SIP INFO): logged.
    void keyPressed(qint64 siteId, QChar key);

Q_SIGNALS:
    void callChanged(qint64 siteId);
    // A caller that is not a site (siteId 0), or an offer the console cannot take.
    void refused(qint64 siteId, const QString& from, const QString& address, int status,
                 const QString& reason);
    // Something worth the event log about a site's call: "call.connected", "call.ended", ...
    void noted(qint64 siteId, const QString& action, const QString& detail);

private:
    struct Call {
        qint64 siteId = 0;
        sip::CallId sipId = 0;
        CallView view;
        sdp::Capabilities caps;
        std::optional<sdp::SessionDescription> local; // our last SDP in the dialog
        bool mediaStarted = false;
        bool wanted = false;    // the operator asked: redial when it fails
        int failures = 0;       // in a row, for the back-off
        bool hangingUp = false; // the operator ends it: no redial
        bool dropped = false;   // the console ended it for a fault (no media, a bad answer)
        int redialTicket = 0;   // a pending redial runs only if it still holds this number
        QString endReason;      // why it ended, without the redial's "calling again"
    };

    void onIncoming(const sip::IncomingCall& in);
    void onReoffer(sip::CallId id, const std::string& sdp);
    void onRinging(sip::CallId id);
    void onAnswered(sip::CallId id, const std::string& sdp);
    void onEstablished(sip::CallId id);
    void onEnded(sip::CallId id, int status, const QString& reason);
    void onInfo(sip::CallId id, sip::InfoKind kind, const QString& body);

    Call* bySip(sip::CallId id);
    const CallTarget* targetFor(const QString& fromUri) const;
    std::string localAddressFor(const std::string& remote) const;
    bool startMedia(Call& call, const sdp::NegotiatedMedia& media, QString* error);
    void placeCall(Call& call);
    void scheduleRedial(qint64 siteId);
    void setState(Call& call, CallView::State state, const QString& reason = {});

    engine::Engine& engine_;
    CallSettings settings_;
    net::ThreadHop hop_; // before the agent: its threads post here until it stops
    std::unique_ptr<sip::SipAgent> agent_;
    QList<CallTarget> targets_;
    std::map<qint64, Call> calls_; // by site; an ended call stays until the next one
};

} // namespace hntt::core
