#include "hntt/sip/sip_agent.h"

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <sofia-sip/nua.h>
#include <sofia-sip/nua_tag.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/su_tag_io.h>
#include <sofia-sip/su_wait.h>
#include <sofia-sip/url.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace hntt::sip {
namespace {

using namespace std::chrono_literals;

struct RootDeleter {
    void operator()(su_root_t* r) const { su_root_destroy(r); }
};
struct NuaDeleter {
    void operator()(nua_t* n) const { nua_destroy(n); }
};
struct HandleDeleter {
    void operator()(nua_handle_t* h) const { nua_handle_destroy(h); }
};
struct HomeDeleter {
    void operator()(su_home_t* h) const { su_home_unref(h); }
};
using RootPtr = std::unique_ptr<su_root_t, RootDeleter>;
using NuaPtr = std::unique_ptr<nua_t, NuaDeleter>;
using HandlePtr = std::unique_ptr<nua_handle_t, HandleDeleter>;
using HomePtr = std::unique_ptr<su_home_t, HomeDeleter>;

// The call id travels as the handle's magic: a number, never dereferenced.
void* magicOf(CallId id) {
    return reinterpret_cast<void*>(static_cast<std::uintptr_t>(id));
}
CallId idOf(const void* magic) {
    return static_cast<CallId>(reinterpret_cast<std::uintptr_t>(magic));
}

std::string text(const char* s) {
    return s ? std::string(s) : std::string();
}

// "sip:user@host" without port or parameters: what a directory entry is matched against.
std::string plainUri(const url_t* u) {
    if (!u || !u->url_host)
        return {};
    std::string scheme = u->url_type == url_sips ? "sips:" : "sip:";
    std::string out = scheme;
    if (u->url_user && *u->url_user)
        out += std::string(u->url_user) + "@";
    out += u->url_host;
    return out;
}

std::string payloadOf(const sip_t* sip) {
    if (!sip || !sip->sip_payload || !sip->sip_payload->pl_data)
        return {};
    return std::string(sip->sip_payload->pl_data, sip->sip_payload->pl_len);
}

std::string contentTypeOf(const sip_t* sip) {
    if (!sip || !sip->sip_content_type || !sip->sip_content_type->c_type)
        return {};
    return sip->sip_content_type->c_type;
}

constexpr const char* kFastUpdateXml =
    "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\r\n"
    "<media_control><vc_primitive><to_encoder><picture_fast_update/></to_encoder></vc_primitive>"
    "</media_control>\r\n";

// Whether UDP and TCP can both bind host:port; the reason when not.
std::string portTaken(const std::string& host, std::uint16_t port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1)
        return {}; // not IPv4: the stack says whether it can bind
    for (int type : {SOCK_DGRAM, SOCK_STREAM}) {
        const int fd = ::socket(AF_INET, type, 0);
        if (fd < 0)
            return "Cannot open a socket for SIP";
        const int one = 1;
        if (type == SOCK_STREAM)
            ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        const int r = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
        const int err = errno;
        ::close(fd);
        if (r != 0)
            return "Cannot listen for SIP on " + host + ":" + std::to_string(port) + ": " +
                   (err == EADDRINUSE      ? std::string("the port is in use")
                    : err == EADDRNOTAVAIL ? std::string("the address is not this machine's")
                                           : std::string(std::strerror(err)));
    }
    return {};
}

} // namespace

struct SipAgent::Impl {
    struct Call {
        HandlePtr handle;
        int state = nua_callstate_init;
        bool outgoing = false;
        bool established = false;
        bool ended = false;
        int endStatus = 0;
        std::string endReason;
        std::string localSdp; // our last SDP: re-sent when a re-INVITE carries no offer
    };

    AgentConfig config;
    AgentEvents events;

    std::mutex lifecycle;
    std::thread thread;
    std::atomic<bool> running{false};
    std::atomic<bool> stopping{false};
    std::atomic<CallId> nextId{1};
    std::atomic<std::size_t> callCount{0};

    std::mutex queueMutex;
    std::deque<std::function<void()>> queue;

    // SIP thread only.
    RootPtr root;
    NuaPtr nua;
    bool shutdownDone = false;
    bool abandoned = false; // the stack never finished: left to the process's exit
    std::map<CallId, Call> calls;

    void post(std::function<void()> f) {
        std::lock_guard lock(queueMutex);
        queue.push_back(std::move(f));
    }

    void drain() {
        std::deque<std::function<void()>> work;
        {
            std::lock_guard lock(queueMutex);
            work.swap(queue);
        }
        for (auto& f : work)
            f();
    }

    void log(const std::string& line) {
        if (events.log)
            events.log(line);
    }

    void run(std::promise<std::string> started) {
        su_init();
        root.reset(su_root_create(nullptr));
        if (!root) {
            started.set_value("Cannot create the SIP event loop");
            su_deinit();
            return;
        }
        if (const std::string taken = portTaken(config.host, config.port); !taken.empty()) {
            // Checked first: the stack's own failure path here does not free all it took.
            started.set_value(taken);
            root.reset();
            su_deinit();
            return;
        }
        const std::string url = "sip:" + config.host + ":" + std::to_string(config.port);
        const std::string allow = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, UPDATE";
        nua.reset(nua_create(
            root.get(), &Impl::callback, reinterpret_cast<nua_magic_t*>(this), NUTAG_URL(url.c_str()),
            NUTAG_MEDIA_ENABLE(0), SIPTAG_ALLOW_STR(allow.c_str()), NUTAG_ALLOW("INFO"),
            SIPTAG_USER_AGENT_STR(config.userAgent.c_str()), NUTAG_SESSION_TIMER(config.sessionExpires),
            NUTAG_MIN_SE(config.minSessionExpires), NUTAG_SESSION_REFRESHER(nua_any_refresher),
            NUTAG_UPDATE_REFRESH(1), NUTAG_ENABLEINVITE(1), TAG_END()));
        if (!nua) {
            started.set_value("Cannot listen for SIP on " + config.host + ":" + std::to_string(config.port) +
                              " (the port is in use or the address is not this machine's)");
            root.reset();
            su_deinit();
            return;
        }
        started.set_value({});
        while (!stopping) {
            drain();
            su_root_step(root.get(), 10);
        }
        drain();
        shutdown();
        calls.clear();
        nua.reset();
        root.reset();
        if (!abandoned)
            su_deinit();
    }

    void shutdown() {
        for (auto& [id, call] : calls)
            if (!call.ended)
                hangupNow(id, call);
        // The stack finishes once every BYE or CANCEL is answered; a far end that no longer
        // answers would hold it for 30 s. After a grace period the calls' handles go, which
        // leaves the stack nothing to wait for.
        nua_shutdown(nua.get());
        waitForShutdown(3s);
        for (auto& [id, call] : calls)
            finish(id, call, 503, "The console stopped");
        if (!shutdownDone) {
            calls.clear();
            nua_shutdown(nua.get());
            waitForShutdown(3s);
        }
        if (!shutdownDone) {
            // Destroying a stack that has not finished is fatal in Sofia: leave it to the exit.
            log("The SIP stack did not finish its shutdown; it is left as it is");
            (void)nua.release();
            (void)root.release(); // the stack still refers to its event loop
            abandoned = true;
        }
    }

    void waitForShutdown(std::chrono::milliseconds grace) {
        const auto deadline = std::chrono::steady_clock::now() + grace;
        auto nextAsk = std::chrono::steady_clock::now() + 500ms;
        while (!shutdownDone && std::chrono::steady_clock::now() < deadline) {
            su_root_step(root.get(), 20);
            if (!shutdownDone && std::chrono::steady_clock::now() >= nextAsk) {
                nua_shutdown(nua.get()); // asks the stack to look again at what it waits for
                nextAsk += 500ms;
            }
        }
    }

    void hangupNow(CallId, Call& call) {
        nua_handle_t* nh = call.handle.get();
        switch (call.state) {
        case nua_callstate_init:
        case nua_callstate_calling:
        case nua_callstate_proceeding:
            nua_cancel(nh, TAG_END());
            break;
        case nua_callstate_received:
        case nua_callstate_early:
            nua_respond(nh, SIP_603_DECLINE, TAG_END());
            break;
        default:
            nua_bye(nh, TAG_END());
            break;
        }
    }

    // The call is over for the application: told once.
    void finish(CallId id, Call& call, int status, const std::string& reason) {
        if (call.ended)
            return;
        call.ended = true;
        if (events.ended)
            events.ended(id, status, reason);
    }

    Call* find(CallId id) {
        auto it = calls.find(id);
        return it == calls.end() ? nullptr : &it->second;
    }

    static void callback(nua_event_t event, int status, char const* phrase, nua_t*, nua_magic_t* magic,
                         nua_handle_t* nh, nua_hmagic_t* hmagic, sip_t const* sip, tagi_t tags[]) {
        reinterpret_cast<Impl*>(magic)->onEvent(event, status, text(phrase), nh, hmagic, sip, tags);
    }

    void onEvent(nua_event_t event, int status, const std::string& phrase, nua_handle_t* nh, void* hmagic,
                 const sip_t* sip, tagi_t tags[]) {
        if (!hmagic && nh && event != nua_i_invite && nua_event_is_incoming_request(event)) {
            // A request outside any call of ours (OPTIONS keep-alives, a stray BYE or INFO,
            // REGISTER, MESSAGE...): the stack has answered it, and the handle it made for it is
            // ours to free; kept, one would pile up per keep-alive for the console's life.
            if (event != nua_i_options && sip && sip->sip_request)
                log(std::string("SIP ") + text(sip->sip_request->rq_method_name) + " outside a call (" +
                    std::to_string(status) + ")");
            nua_handle_destroy(nh);
            return;
        }
        switch (event) {
        case nua_i_invite:
            if (!hmagic)
                incomingInvite(nh, sip);
            else
                reInvite(idOf(hmagic), sip);
            return;
        case nua_i_ack:
            if (Call* c = hmagic ? find(idOf(hmagic)) : nullptr; c && !c->established) {
                c->established = true;
                if (events.established)
                    events.established(idOf(hmagic));
            }
            return;
        case nua_i_cancel:
            if (Call* c = hmagic ? find(idOf(hmagic)) : nullptr) {
                c->endStatus = 487;
                c->endReason = "The caller cancelled";
            }
            return;
        case nua_i_bye:
            if (Call* c = hmagic ? find(idOf(hmagic)) : nullptr) {
                c->endStatus = 200;
                c->endReason = "The far end hung up";
            }
            return;
        case nua_r_invite:
            if (hmagic)
                inviteResponse(idOf(hmagic), status, phrase, sip);
            return;
        case nua_i_info:
            if (hmagic)
                incomingInfo(idOf(hmagic), sip);
            return;
        case nua_i_update:
            return; // a session refresh without SDP: the stack answered it
        case nua_i_state:
            if (hmagic)
                stateChanged(idOf(hmagic), status, phrase, tags);
            return;
        case nua_r_shutdown:
            if (status >= 200)
                shutdownDone = true;
            return;
        case nua_i_error:
            log("SIP error: " + std::to_string(status) + " " + phrase);
            return;
        case nua_i_options:
        case nua_r_bye:
        case nua_r_cancel:
        case nua_r_info:
        case nua_i_terminated:
        case nua_i_active:
        case nua_r_set_params:
            return;
        default:
            if (!hmagic && nh && event != nua_i_outbound) {
                // A request we do not serve, outside any call (REGISTER, MESSAGE, SUBSCRIBE...):
                // the stack has answered it; the handle is ours to free.
                if (sip && sip->sip_request)
                    log(std::string("SIP ") + text(sip->sip_request->rq_method_name) + " refused (" +
                        std::to_string(status) + ")");
                nua_handle_destroy(nh);
            }
            return;
        }
    }

    void incomingInvite(nua_handle_t* nh, const sip_t* sip) {
        const CallId id = nextId++;
        nua_handle_bind(nh, magicOf(id));
        Call& call = calls[id];
        call.handle.reset(nh);
        call.state = nua_callstate_received;
        ++callCount;
        IncomingCall in;
        in.id = id;
        if (sip && sip->sip_from) {
            in.fromUri = plainUri(sip->sip_from->a_url);
            in.fromDisplay = text(sip->sip_from->a_display);
            if (in.fromDisplay.size() >= 2 && in.fromDisplay.front() == '"' && in.fromDisplay.back() == '"')
                in.fromDisplay = in.fromDisplay.substr(1, in.fromDisplay.size() - 2);
        }
        if (sip && sip->sip_to)
            in.toUri = plainUri(sip->sip_to->a_url);
        if (sip && sip->sip_via) {
            in.sourceAddress =
                text(sip->sip_via->v_received ? sip->sip_via->v_received : sip->sip_via->v_host);
            in.transport = text(sip->sip_via->v_protocol);
            if (auto slash = in.transport.rfind('/'); slash != std::string::npos)
                in.transport = in.transport.substr(slash + 1);
        }
        if (contentTypeOf(sip) == "application/sdp")
            in.sdp = payloadOf(sip);
        if (!events.incoming) {
            nua_respond(nh, SIP_480_TEMPORARILY_UNAVAILABLE, TAG_END());
            return;
        }
        // Ringing now (the stack's auto-alert would also ring re-INVITEs); the answer follows once
        // the application has matched the caller.
        nua_respond(nh, SIP_180_RINGING, TAG_END());
        events.incoming(in);
    }

    void reInvite(CallId id, const sip_t* sip) {
        Call* c = find(id);
        if (!c)
            return;
        const std::string sdp = contentTypeOf(sip) == "application/sdp" ? payloadOf(sip) : std::string();
        if (sdp.empty()) {
            // No offer (a refresh asking for ours): our last SDP is the offer; the ACK answers.
            nua_respond(c->handle.get(), SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
                        SIPTAG_PAYLOAD_STR(c->localSdp.c_str()), TAG_END());
            return;
        }
        if (events.reoffer)
            events.reoffer(id, sdp);
        else
            nua_respond(c->handle.get(), SIP_488_NOT_ACCEPTABLE, TAG_END());
    }

    void inviteResponse(CallId id, int status, const std::string& phrase, const sip_t* sip) {
        Call* c = find(id);
        if (!c)
            return;
        if (status == 180 || status == 183) {
            if (events.ringing)
                events.ringing(id, status);
        } else if (status >= 200 && status < 300) {
            if (!c->established) {
                c->established = true;
                const std::string sdp =
                    contentTypeOf(sip) == "application/sdp" ? payloadOf(sip) : std::string();
                if (events.answered)
                    events.answered(id, sdp);
                if (events.established)
                    events.established(id);
            }
        } else if (status >= 300) {
            if (!c->established) {
                c->endStatus = status;
                c->endReason = "The far end refused the call: " + std::to_string(status) + " " + phrase;
            } else {
                log("Re-INVITE refused by the far end: " + std::to_string(status) + " " + phrase);
            }
        }
    }

    void incomingInfo(CallId id, const sip_t* sip) {
        if (!events.info)
            return;
        const std::string type = contentTypeOf(sip);
        const std::string body = payloadOf(sip);
        events.info(id, infoKindOf(type, body), body);
    }

    void stateChanged(CallId id, int status, const std::string& phrase, tagi_t tags[]) {
        Call* c = find(id);
        if (!c)
            return;
        int state = c->state;
        tl_gets(tags, NUTAG_CALLSTATE_REF(state), TAG_END());
        c->state = state;
        if (state != nua_callstate_terminated)
            return;
        int endStatus = c->endStatus ? c->endStatus : status;
        std::string reason = c->endReason;
        if (reason.empty())
            reason =
                endStatus >= 300 ? "Call ended: " + std::to_string(endStatus) + " " + phrase : "Call ended";
        finish(id, *c, endStatus, reason);
        calls.erase(id); // frees the handle
        --callCount;
    }

    // --- commands, on the SIP thread
    void dialNow(CallId id, const std::string& uri, const std::string& sdp) {
        HomePtr home(static_cast<su_home_t*>(su_home_new(sizeof(su_home_t))));
        url_t* u = home ? url_make(home.get(), uri.c_str()) : nullptr;
        if (!u || (u->url_type != url_sip && u->url_type != url_sips) || !u->url_host) {
            if (events.ended)
                events.ended(id, 400, "Not a SIP address: " + uri);
            return;
        }
        nua_handle_t* nh = nua_handle(nua.get(), magicOf(id), SIPTAG_TO_STR(uri.c_str()), TAG_END());
        if (!nh) {
            if (events.ended)
                events.ended(id, 500, "Cannot start a call to " + uri);
            return;
        }
        Call& call = calls[id];
        call.handle.reset(nh);
        call.outgoing = true;
        call.state = nua_callstate_calling;
        call.localSdp = sdp;
        ++callCount;
        nua_invite(nh, SIPTAG_CONTENT_TYPE_STR("application/sdp"), SIPTAG_PAYLOAD_STR(sdp.c_str()),
                   TAG_END());
    }
};

SipAgent::SipAgent(AgentConfig config, AgentEvents events)
    : impl_(std::make_unique<Impl>()) {
    impl_->config = std::move(config);
    impl_->events = std::move(events);
}

SipAgent::~SipAgent() {
    stop();
}

bool SipAgent::start(std::string* error) {
    std::lock_guard lock(impl_->lifecycle);
    if (impl_->running)
        return true;
    impl_->stopping = false;
    std::promise<std::string> started;
    auto result = started.get_future();
    impl_->thread = std::thread([this, p = std::move(started)]() mutable { impl_->run(std::move(p)); });
    const std::string failure = result.get();
    if (!failure.empty()) {
        impl_->thread.join();
        if (error)
            *error = failure;
        return false;
    }
    impl_->running = true;
    return true;
}

void SipAgent::stop() {
    std::lock_guard lock(impl_->lifecycle);
    if (!impl_->running)
        return;
    impl_->stopping = true;
    impl_->thread.join();
    impl_->running = false;
}

bool SipAgent::running() const {
    return impl_->running;
}

CallId SipAgent::dial(const std::string& uri, const std::string& sdp) {
    const CallId id = impl_->nextId++;
    impl_->post([this, id, uri, sdp] { impl_->dialNow(id, uri, sdp); });
    return id;
}

void SipAgent::accept(CallId id, const std::string& sdp) {
    impl_->post([this, id, sdp] {
        if (Impl::Call* c = impl_->find(id); c && !c->ended) {
            c->localSdp = sdp;
            nua_respond(c->handle.get(), SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
                        SIPTAG_PAYLOAD_STR(c->localSdp.c_str()), TAG_END());
        }
    });
}

void SipAgent::reject(CallId id, int status, const std::string& phrase) {
    impl_->post([this, id, status, phrase] {
        if (Impl::Call* c = impl_->find(id); c && !c->ended) {
            if (!c->established) {
                c->endStatus = status;
                c->endReason = "Refused: " + std::to_string(status) + " " + phrase;
            }
            // The stack reads the phrase later, on its own thread: give it one that lives forever.
            const char* stable = sip_status_phrase(status);
            nua_respond(c->handle.get(), status, stable ? stable : "Refused", TAG_END());
        }
    });
}

void SipAgent::hangup(CallId id) {
    impl_->post([this, id] {
        if (Impl::Call* c = impl_->find(id); c && !c->ended) {
            if (!c->endStatus) {
                c->endStatus = 200;
                c->endReason = "Hung up by the console";
            }
            impl_->hangupNow(id, *c);
        }
    });
}

void SipAgent::requestPictureUpdate(CallId id) {
    impl_->post([this, id] {
        if (Impl::Call* c = impl_->find(id); c && c->established && !c->ended)
            nua_info(c->handle.get(), SIPTAG_CONTENT_TYPE_STR("application/media_control+xml"),
                     SIPTAG_PAYLOAD_STR(kFastUpdateXml), TAG_END());
    });
}

std::size_t SipAgent::callCount() const {
    return impl_->callCount;
}

const AgentConfig& SipAgent::config() const {
    return impl_->config;
}

std::string localAddressToward(const std::string& remote) {
    sockaddr_storage addr{};
    socklen_t len = 0;
    int family = AF_INET;
    if (inet_pton(AF_INET, remote.c_str(), &reinterpret_cast<sockaddr_in&>(addr).sin_addr) == 1) {
        auto& a = reinterpret_cast<sockaddr_in&>(addr);
        a.sin_family = AF_INET;
        a.sin_port = htons(9);
        len = sizeof(sockaddr_in);
    } else if (inet_pton(AF_INET6, remote.c_str(), &reinterpret_cast<sockaddr_in6&>(addr).sin6_addr) == 1) {
        auto& a = reinterpret_cast<sockaddr_in6&>(addr);
        a.sin6_family = AF_INET6;
        a.sin6_port = htons(9);
        len = sizeof(sockaddr_in6);
        family = AF_INET6;
    } else {
        return {};
    }
    const int fd = ::socket(family, SOCK_DGRAM, 0);
    if (fd < 0)
        return {};
    std::string out;
    // A UDP connect() sends nothing: it only asks the kernel for the route.
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), len) == 0) {
        sockaddr_storage local{};
        socklen_t localLen = sizeof(local);
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localLen) == 0) {
            char buf[INET6_ADDRSTRLEN] = {};
            const void* src =
                family == AF_INET
                    ? static_cast<const void*>(&reinterpret_cast<sockaddr_in&>(local).sin_addr)
                    : static_cast<const void*>(&reinterpret_cast<sockaddr_in6&>(local).sin6_addr);
            if (inet_ntop(family, src, buf, sizeof(buf)))
                out = buf;
        }
    }
    ::close(fd);
    return out;
}

} // namespace hntt::sip
