#include "call_receiver.h"

#include "hntt/rtp/rtcp.h"
#include "hntt/rtp/rtp_packet.h"
#include "hntt/rtp/telephone_event.h"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <future>
#include <random>
#include <sys/socket.h>

namespace hntt::engine {

namespace asio = boost::asio;
using asio::ip::udp;
using namespace std::chrono_literals;

namespace {
constexpr auto kTick = 20ms;            // reorder holes are given up on this grid
constexpr auto kReportEvery = 1s;       // RTCP receiver reports
constexpr auto kKeyframeEvery = 1s;     // requests to the far end are merged to one a second
constexpr std::size_t kDatagram = 4096; // beyond any MTU; larger datagrams are garbage

std::uint32_t randomSsrc() {
    std::random_device rd;
    return (static_cast<std::uint32_t>(rd()) << 1) | 1u; // never 0
}

std::string audioCodecName(CallAudioCodec c) {
    switch (c) {
    case CallAudioCodec::Pcmu:
        return "PCMU";
    case CallAudioCodec::Pcma:
        return "PCMA";
    case CallAudioCodec::G722:
        return "G722";
    case CallAudioCodec::Opus:
        return "opus";
    case CallAudioCodec::AacLd:
        return "MP4A-LATM";
    }
    return {};
}
} // namespace

struct CallReceiver::Stream {
    Stream(CallMedia m, RtpSocketPair s, std::uint32_t clockRate)
        : media(m)
        , sockets(std::move(s))
        , reorder(rtp::ReorderConfig{50, 100ms, clockRate, 1000})
        , clockRate(clockRate) {}

    CallMedia media;
    RtpSocketPair sockets;
    rtp::ReorderBuffer reorder;
    int payloadType = -1;
    int telephoneEvent = -1;
    rtp::TelephoneEventDetector keys; // RFC 4733: each key press once
    bool receiving = true;
    std::array<std::uint8_t, kDatagram> rtpBuf{};
    std::array<std::uint8_t, kDatagram> rtcpBuf{};
    udp::endpoint rtpFrom;
    udp::endpoint rtcpFrom;
    // Where to send; read by send() on other threads, hence the mutex (which also keeps the
    // sockets open while a send is under way).
    std::mutex remoteMutex;
    udp::endpoint remoteRtp;
    udp::endpoint remoteRtcp;
    bool open = true;
    bool rtcpMux = false;
    bool rtcpLatched = false;
    bool rtpLatched = false; // RTP thread only: the far end's RTP source is known

    std::uint32_t lastSr = 0;
    Clock::time_point lastSrAt{};
    // The far end's latest sender report: its wall clock (NTP) against this stream's RTP clock.
    const std::uint32_t clockRate;
    bool haveSr = false;
    std::uint64_t srNtp = 0;
    std::uint32_t srRtp = 0;
    std::uint64_t packets = 0;
    std::uint64_t garbage = 0;
    std::uint64_t sent = 0; // under remoteMutex
};

CallReceiver::CallReceiver(RtpTransport& transport, const CallMediaSpec& spec,
                           std::optional<RtpSocketPair> audio, std::optional<RtpSocketPair> video,
                           std::shared_ptr<CallInput> input, std::chrono::milliseconds mediaTimeout,
                           CallReceiverHooks hooks)
    : transport_(transport)
    , input_(std::move(input))
    , timeout_(mediaTimeout)
    , hooks_(std::move(hooks))
    , timer_(transport.io())
    , ssrc_(randomSsrc()) {
    if (audio && spec.audio && spec.remoteAudioPort != 0)
        audio_ = std::make_unique<Stream>(CallMedia::Audio, std::move(*audio),
                                          static_cast<std::uint32_t>(spec.audio->clockRate));
    if (video && spec.video && spec.remoteVideoPort != 0)
        video_ = std::make_unique<Stream>(CallMedia::Video, std::move(*video), 90000);
    applySpec(spec);
}

CallReceiver::~CallReceiver() = default;

void CallReceiver::start() {
    auto self = shared_from_this();
    asio::post(transport_.io(), [self] {
        const auto now = Clock::now();
        self->lastMedia_ = now;
        self->lastReport_ = now;
        for (Stream* s : {self->audio_.get(), self->video_.get()})
            if (s) {
                self->receiveRtp(*s);
                self->receiveRtcp(*s);
            }
        self->arm();
    });
}

CallReceiver::Sockets CallReceiver::stop(bool keepSockets) {
    Sockets out;
    auto work = [&] {
        if (stopped_)
            return;
        stopped_ = true;
        timer_.cancel();
        for (auto* slot : {&audio_, &video_}) {
            Stream* s = slot->get();
            if (!s)
                continue;
            std::lock_guard lock(s->remoteMutex);
            s->open = false;
            boost::system::error_code ec;
            if (keepSockets) {
                s->sockets.rtp.cancel(ec);
                s->sockets.rtcp.cancel(ec);
                RtpSocketPair pair{std::move(s->sockets.rtp), std::move(s->sockets.rtcp), s->sockets.port};
                (s->media == CallMedia::Audio ? out.audio : out.video) = std::move(pair);
            } else {
                // Frees the ports now: a new reservation may take them as soon as stop() returns.
                s->sockets.rtp.close(ec);
                s->sockets.rtcp.close(ec);
            }
        }
        input_->units.close();
    };
    if (transport_.onIoThread()) {
        work();
    } else {
        std::promise<void> done;
        asio::post(transport_.io(), [&] {
            work();
            done.set_value();
        });
        done.get_future().wait();
    }
    return out;
}

void CallReceiver::update(const CallMediaSpec& spec) {
    auto self = shared_from_this();
    asio::post(transport_.io(), [self, spec] { self->applySpec(spec); });
}

void CallReceiver::applySpec(const CallMediaSpec& spec) {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(spec.remoteAddress, ec);
    auto setRemote = [&](Stream* s, std::uint16_t port, std::uint16_t rtcpPort, bool receive) {
        if (!s)
            return;
        const bool wasReceiving = s->receiving;
        s->receiving = receive;
        if (!ec && port != 0) {
            std::lock_guard lock(s->remoteMutex);
            s->rtcpMux = spec.rtcpMux;
            const udp::endpoint rtpEp(address, port);
            if (rtpEp != s->remoteRtp) { // a new address: latch afresh
                s->remoteRtp = rtpEp;
                s->rtcpLatched = false;
                s->rtpLatched = false;
            }
            if (!s->rtcpLatched)
                s->remoteRtcp =
                    spec.rtcpMux
                        ? rtpEp
                        : udp::endpoint(address,
                                        rtcpPort != 0 ? rtcpPort : static_cast<std::uint16_t>(port + 1));
        }
        if (receive && !wasReceiving && s->media == CallMedia::Video) {
            depacketizer_.reset(); // resumed: start clean, with a keyframe
            keyframeWanted_ = true;
        }
    };
    if (audio_ && spec.audio) {
        audio_->payloadType = spec.audio->payloadType;
        audio_->telephoneEvent = spec.audio->telephoneEventPayloadType;
    }
    if (video_ && spec.video)
        video_->payloadType = spec.video->payloadType;
    setRemote(audio_.get(), spec.remoteAudioPort, spec.remoteAudioRtcpPort, spec.audioReceive);
    setRemote(video_.get(), spec.remoteVideoPort, spec.remoteVideoRtcpPort, spec.videoReceive);
    input_->audioReceiving = audio_ && spec.audioReceive;
    input_->videoReceiving = video_ && spec.videoReceive;
    spec_ = spec;
    std::lock_guard lock(statsMutex_);
    stats_.audioCodec = spec.audio ? audioCodecName(spec.audio->codec) : std::string();
    stats_.videoCodec = spec.video ? "H264" : "";
    stats_.packetizationMode = spec.video ? spec.video->packetizationMode : 0;
}

void CallReceiver::receiveRtp(Stream& s) {
    auto self = shared_from_this();
    s.sockets.rtp.async_receive_from(asio::buffer(s.rtpBuf), s.rtpFrom,
                                     [self, &s](const boost::system::error_code& ec, std::size_t n) {
                                         if (ec == asio::error::operation_aborted || self->stopped_)
                                             return;
                                         if (!ec)
                                             self->onRtp(s, std::span(s.rtpBuf.data(), n), false);
                                         self->receiveRtp(s);
                                     });
}

void CallReceiver::receiveRtcp(Stream& s) {
    auto self = shared_from_this();
    s.sockets.rtcp.async_receive_from(asio::buffer(s.rtcpBuf), s.rtcpFrom,
                                      [self, &s](const boost::system::error_code& ec, std::size_t n) {
                                          if (ec == asio::error::operation_aborted || self->stopped_)
                                              return;
                                          if (!ec)
                                              self->onRtcpSocket(s, std::span(s.rtcpBuf.data(), n));
                                          self->receiveRtcp(s);
                                      });
}

// RTCP on its own port. It latches too (NATs and room systems send it from where they want it
// back), but only valid RTCP from the far end's host: anyone else's would take our reports and
// could ask our tier for keyframes.
void CallReceiver::onRtcpSocket(Stream& s, std::span<const std::uint8_t> datagram) {
    if (s.rtpLatched && s.rtcpFrom.address() != s.remoteRtp.address()) {
        ++s.garbage;
        return;
    }
    if (!onRtcp(s, datagram))
        return;
    if (!s.rtcpLatched || s.remoteRtcp != s.rtcpFrom) {
        std::lock_guard lock(s.remoteMutex);
        s.remoteRtcp = s.rtcpFrom;
        s.rtcpLatched = true;
    }
}

void CallReceiver::onRtp(Stream& s, std::span<const std::uint8_t> datagram, bool) {
    // Once the far end's RTP source is latched, what comes from elsewhere is not the call's.
    const bool fromPeer = !s.rtpLatched || s.rtpFrom == s.remoteRtp;
    if (rtp::looksLikeRtcp(datagram)) { // rtcp-mux, or a peer that sends it here anyway
        if (fromPeer)
            onRtcp(s, datagram);
        else
            ++s.garbage;
        return;
    }
    rtp::RtpPacket packet;
    if (datagram.size() == kDatagram || rtp::parseRtp(datagram, packet) != rtp::RtpParseError::None) {
        ++s.garbage;
        return;
    }
    if (packet.header.payloadType != s.payloadType) {
        if (packet.header.payloadType != s.telephoneEvent || !fromPeer) {
            ++s.garbage;
        } else if (const char key = s.keys.push(packet.header.timestamp, packet.payload);
                   key && hooks_.dtmf) {
            hooks_.dtmf(key); // a key pressed on the room system's remote (RFC 4733)
        }
        return;
    }
    // Symmetric RTP: answer to where the media comes from (a NAT, a room system behind one) —
    // its first source only. Latching on every packet would hand the call's media to anyone who
    // sends one well-formed packet to the port; a re-INVITE with a new address latches afresh.
    if (!fromPeer) {
        ++s.garbage;
        return;
    }
    if (!s.rtpLatched) {
        std::lock_guard lock(s.remoteMutex);
        s.rtpLatched = true;
        s.remoteRtp = s.rtpFrom;
        if (!s.rtcpLatched)
            s.remoteRtcp = s.rtcpMux ? s.rtpFrom
                                     : udp::endpoint(s.rtpFrom.address(),
                                                     static_cast<std::uint16_t>(s.rtpFrom.port() + 1));
    }
    const auto now = Clock::now();
    lastMedia_ = now;
    timeoutRaised_ = false;
    ++s.packets;
    input_->packetsReceived.fetch_add(1, std::memory_order_relaxed);
    if (!s.receiving)
        return; // on hold: counted as alive, not played
    s.reorder.push(packet.header, packet.payload, now);
    drain(s, now);
}

// A packet's time on the far end's wall clock, from the stream's latest sender report, in seconds
// since the first report of the call; NaN before one.
double CallReceiver::mediaTime(const Stream& s, std::uint32_t rtpTimestamp) const {
    if (!s.haveSr || !ntpBase_ || s.clockRate == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double sr = static_cast<double>(static_cast<std::int64_t>(s.srNtp - *ntpBase_)) / 4294967296.0;
    // The signed difference keeps packets just before the report, and the wrap, right.
    const auto ticks = static_cast<std::int32_t>(rtpTimestamp - s.srRtp);
    return sr + static_cast<double>(ticks) / static_cast<double>(s.clockRate);
}

void CallReceiver::drain(Stream& s, Clock::time_point now) {
    while (const rtp::ReceivedPacket* p = s.reorder.pop(now)) {
        if (p->lostBefore)
            input_->packetsLost.fetch_add(p->lostBefore, std::memory_order_relaxed);
        if (s.media == CallMedia::Audio) {
            CallUnit unit;
            unit.timestamp = p->header.timestamp;
            unit.pts = mediaTime(s, p->header.timestamp);
            unit.data.assign(p->payload.begin(), p->payload.end());
            if (!input_->units.tryPush(std::move(unit)))
                input_->unitsDropped.fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        depacketizer_.push(p->payload, p->header.timestamp, p->header.marker, p->lostBefore != 0);
        while (depacketizer_.hasAccessUnit()) {
            rtp::AccessUnit au = depacketizer_.takeAccessUnit();
            if (au.damaged) {
                keyframeWanted_ = true; // the decoder would show a broken picture until one
                continue;
            }
            CallUnit unit;
            unit.video = true;
            unit.keyframe = au.keyframe;
            unit.timestamp = au.timestamp;
            unit.pts = mediaTime(s, au.timestamp);
            unit.data = std::move(au.data);
            if (!input_->units.tryPush(std::move(unit))) {
                input_->unitsDropped.fetch_add(1, std::memory_order_relaxed);
                keyframeWanted_ = true;
            }
        }
    }
}

bool CallReceiver::onRtcp(Stream& s, std::span<const std::uint8_t> datagram) {
    if (rtp::parseRtcp(datagram, rtcpItems_) != rtp::RtcpParseError::None) {
        ++s.garbage;
        return false;
    }
    for (const rtp::RtcpItem& item : rtcpItems_) {
        switch (item.kind) {
        case rtp::RtcpItemKind::SenderReport:
            s.lastSr = rtp::ntpMiddle32(item.sender.ntp);
            s.lastSrAt = Clock::now();
            s.haveSr = true;
            s.srNtp = item.sender.ntp;
            s.srRtp = item.sender.rtpTimestamp;
            if (!ntpBase_)
                ntpBase_ = item.sender.ntp; // one origin for both streams of the call
            break;
        case rtp::RtcpItemKind::Pli:
        case rtp::RtcpItemKind::Fir:
        case rtp::RtcpItemKind::Fir2032:
            if (s.media == CallMedia::Video) {
                ++keyframesAsked_;
                if (hooks_.keyframeAsked)
                    hooks_.keyframeAsked();
            }
            break;
        default:
            break;
        }
    }
    return true;
}

void CallReceiver::arm() {
    auto self = shared_from_this();
    timer_.expires_after(kTick);
    timer_.async_wait([self](const boost::system::error_code& ec) {
        if (ec || self->stopped_)
            return;
        self->onTimer();
        self->arm();
    });
}

void CallReceiver::onTimer() {
    const auto now = Clock::now();
    for (Stream* s : {audio_.get(), video_.get()})
        if (s && s->receiving)
            drain(*s, now);
    if (input_->keyframeNeeded.exchange(false))
        keyframeWanted_ = true;
    if (keyframeWanted_ && video_ && video_->receiving && now - lastKeyframeRequest_ >= kKeyframeEvery) {
        keyframeWanted_ = false;
        lastKeyframeRequest_ = now;
        sendKeyframeRequest();
    }
    if (now - lastReport_ >= kReportEvery) {
        lastReport_ = now;
        sendReports(now);
    }
    const bool receiving = (audio_ && audio_->receiving) || (video_ && video_->receiving);
    if (!receiving) {
        lastMedia_ = now; // on hold: silence is expected
    } else if (now - lastMedia_ >= timeout_ && !timeoutRaised_) {
        timeoutRaised_ = true;
        if (hooks_.mediaTimeout)
            hooks_.mediaTimeout();
    }
    publishStats(now);
}

void CallReceiver::sendReports(Clock::time_point now) {
    const auto wallClock = std::chrono::system_clock::now();
    for (Stream* s : {audio_.get(), video_.get()}) {
        if (!s)
            continue;
        rtcpOut_.clear();
        std::optional<rtp::ReportBlock> block;
        if (s->reorder.started()) {
            std::uint32_t dlsr = 0;
            if (s->lastSr != 0)
                dlsr = static_cast<std::uint32_t>(std::chrono::duration<double>(now - s->lastSrAt).count() *
                                                  65536.0);
            block = s->reorder.reportBlock(s->lastSr, dlsr);
        }
        const auto blocks =
            block ? std::span<const rtp::ReportBlock>(&*block, 1) : std::span<const rtp::ReportBlock>();
        // What the call sends of this kind is reported by its sender (RFC 3550 6.4): the far end
        // needs the SR to sync our picture with our sound and to measure the round trip.
        const bool sending = s->media == CallMedia::Audio ? spec_.audioSend : spec_.videoSend;
        std::optional<SenderReportInfo> sent;
        if (sending && hooks_.senderReport)
            sent = hooks_.senderReport(s->media, wallClock);
        std::uint32_t ssrc = ssrc_;
        if (sent) {
            ssrc = sent->ssrc;
            rtp::SenderInfo info;
            info.ntp = rtp::ntpFromUnixNanoseconds(
                std::chrono::duration_cast<std::chrono::nanoseconds>(sent->wallClock.time_since_epoch())
                    .count());
            info.rtpTimestamp = sent->rtpTimestamp;
            info.packetCount = static_cast<std::uint32_t>(sent->packetCount); // wraps, as RFC 3550 says
            info.octetCount = static_cast<std::uint32_t>(sent->octetCount);
            rtp::appendSenderReport(rtcpOut_, ssrc, info, blocks);
        } else {
            rtp::appendReceiverReport(rtcpOut_, ssrc, blocks);
        }
        rtp::appendSdesCname(rtcpOut_, ssrc, "hntt-console");
        send(s->media, rtcpOut_, true);
    }
}

void CallReceiver::sendKeyframeRequest() {
    ++keyframesRequested_;
    const KeyframeRequestKind kind = spec_.video ? spec_.video->keyframeRequest : KeyframeRequestKind::Pli;
    if (kind == KeyframeRequestKind::Info) {
        if (hooks_.keyframeWanted)
            hooks_.keyframeWanted();
        return;
    }
    const std::uint32_t media = video_->reorder.ssrc();
    rtcpOut_.clear();
    if (kind == KeyframeRequestKind::Fir2032) {
        rtp::appendFir2032(rtcpOut_, media);
    } else {
        // RFC 4585: feedback rides in a compound packet that starts with a report.
        rtp::appendReceiverReport(rtcpOut_, ssrc_, {});
        if (kind == KeyframeRequestKind::Pli)
            rtp::appendPli(rtcpOut_, ssrc_, media);
        else
            rtp::appendFir(rtcpOut_, ssrc_, media, firSeq_++);
    }
    send(CallMedia::Video, rtcpOut_, true);
}

bool CallReceiver::send(CallMedia media, std::span<const std::uint8_t> packet, bool rtcp) {
    Stream* s = media == CallMedia::Audio ? audio_.get() : video_.get();
    if (!s)
        return false;
    std::lock_guard lock(s->remoteMutex);
    const udp::endpoint& to = rtcp ? s->remoteRtcp : s->remoteRtp;
    if (!s->open || to.port() == 0)
        return false;
    // rtcp-mux sends RTCP from the RTP port too.
    auto& socket = rtcp && !s->rtcpMux ? s->sockets.rtcp : s->sockets.rtp;
    // The native send: a non-blocking datagram from any thread, without touching the socket
    // object the RTP thread's pending receive uses.
    const ssize_t n = ::sendto(socket.native_handle(), packet.data(), packet.size(), MSG_DONTWAIT, to.data(),
                               static_cast<socklen_t>(to.size()));
    if (n < 0)
        return false;
    ++s->sent;
    return true;
}

void CallReceiver::publishStats(Clock::time_point now) {
    Stream* main = video_ ? video_.get() : audio_.get();
    std::lock_guard lock(statsMutex_);
    stats_.active = !stopped_;
    stats_.packetsReceived = 0;
    stats_.packetsLost = 0;
    stats_.garbagePackets = 0;
    stats_.packetsSent = 0;
    for (Stream* s : {audio_.get(), video_.get()}) {
        if (!s)
            continue;
        const rtp::ReceptionStats r = s->reorder.stats(now);
        stats_.packetsReceived += s->packets;
        stats_.packetsLost += r.lost;
        stats_.garbagePackets += s->garbage;
        {
            std::lock_guard remote(s->remoteMutex);
            stats_.packetsSent += s->sent;
        }
        if (s == main) {
            stats_.lossPercent = r.lossPercent;
            stats_.jitterMs = r.jitterMs;
        }
    }
    stats_.secondsSinceMedia = std::chrono::duration<double>(now - lastMedia_).count();
    stats_.keyframesRequested = keyframesRequested_;
    stats_.keyframesAsked = keyframesAsked_;
    stats_.width = input_->width;
    stats_.height = input_->height;
}

void CallReceiver::askKeyframe() {
    input_->keyframeNeeded = true; // the RTP thread takes it at its next tick
}

CallStats CallReceiver::stats() const {
    std::lock_guard lock(statsMutex_);
    return stats_;
}

} // namespace hntt::engine
