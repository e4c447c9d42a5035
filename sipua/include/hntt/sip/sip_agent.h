// SIP signalling for video calls: Sofia-SIP's NUA on a thread of its own, with its media handling
// off: the SDP offer/answer is the caller's (hntt/sdp), the media plane the engine's. No Qt.
//
// One port takes SIP over UDP and TCP (Sofia switches a request too large for UDP to TCP). INFO
// is in our Allow (room systems send picture_fast_update and DTMF by INFO only then); OPTIONS is
// answered by the stack; session timers (RFC 4028) refresh by UPDATE or re-INVITE as the far end
// prefers.
//
// Threads: every method may be called from any thread; it queues work for the SIP thread and
// returns at once. Events come from the SIP thread: marshal them, and answer an incoming call or
// re-offer with accept()/reject() (from any thread) — the stack keeps the transaction open.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace hntt::sip {

using CallId = std::uint64_t;

struct AgentConfig {
    std::string host = "0.0.0.0"; // listen address; 0.0.0.0: every interface
    std::uint16_t port = 5060;
    std::string userAgent = "HNTT-Console";
    std::string displayName = "HNTT";
    unsigned sessionExpires = 1800; // seconds (RFC 4028); 0: no session timer
    unsigned minSessionExpires = 90;
};

struct IncomingCall {
    CallId id = 0;
    std::string fromUri; // "sip:user@host", without parameters
    std::string fromDisplay;
    std::string toUri;
    std::string sourceAddress; // where the request came from (IP literal)
    std::string transport;     // "UDP" or "TCP"
    std::string sdp;           // the offer; empty: the caller wants our offer (not supported: 488)
};

enum class InfoKind { PictureFastUpdate, Dtmf, Other };

// What an INFO asks, from its Content-Type (type/subtype, any case) and body: a keyframe
// (application/media_control+xml naming picture_fast_update), a key (application/dtmf-relay or
// application/dtmf), or something else.
InfoKind infoKindOf(std::string_view contentType, std::string_view body);

struct AgentEvents {
    // A new call: answer with accept(id, sdp) or reject(id, status, phrase).
    std::function<void(const IncomingCall&)> incoming;
    // A re-INVITE (hold, resume, another address) or an UPDATE with SDP: accept()/reject() too.
    std::function<void(CallId, const std::string& sdp)> reoffer;
    // Dial-out: the far end rings (180/183).
    std::function<void(CallId, int status)> ringing;
    // Dial-out: 200 OK with the far end's answer.
    std::function<void(CallId, const std::string& sdp)> answered;
    // The call is up: ACK received (dial-in) or sent (dial-out).
    std::function<void(CallId)> established;
    // The call is over: BYE either way, CANCEL, refusal, a timeout. status: the SIP status that
    // ended it (200 for a BYE), reason in plain words.
    std::function<void(CallId, int status, const std::string& reason)> ended;
    std::function<void(CallId, InfoKind, const std::string& body)> info;
    // Something worth a log line (a request refused by the stack, a transport error).
    std::function<void(const std::string&)> log;
};

class SipAgent {
public:
    SipAgent(AgentConfig config, AgentEvents events);
    ~SipAgent(); // stops
    SipAgent(const SipAgent&) = delete;
    SipAgent& operator=(const SipAgent&) = delete;

    // Binds UDP and TCP and starts the SIP thread. False with `error` when the port is taken or
    // the address is not one of this machine's.
    bool start(std::string* error = nullptr);
    // Hangs up every call (BYE, or CANCEL while ringing), waits briefly for the stack to finish,
    // and joins the thread; idempotent.
    void stop();
    bool running() const;

    // Dial-out with our offer; the call's id at once (events say how it goes).
    CallId dial(const std::string& uri, const std::string& sdp);
    // Answers an incoming call or a re-offer with our SDP (200 OK).
    void accept(CallId id, const std::string& sdp);
    void reject(CallId id, int status, const std::string& phrase);
    void hangup(CallId id);
    // Asks the far end for a keyframe by INFO (application/media_control+xml).
    void requestPictureUpdate(CallId id);

    // Calls the stack still holds (ringing, up, or ending).
    std::size_t callCount() const;
    const AgentConfig& config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The local address a packet to `remote` (an IP literal) leaves from, for our SDP's c= line when
// we listen on every interface; empty when there is no route.
std::string localAddressToward(const std::string& remote);

} // namespace hntt::sip
