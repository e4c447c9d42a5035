// One call's media plane on the RTP thread: its sockets (audio and video, RTP and RTCP), the
// far end's address latched from where its RTP comes from (symmetric RTP), the receive path
// (reorder, H.264 depacketizer, audio payloads) into the site's CallInput, RTCP reports every
// second (a sender report for what the call sends, else a receiver report), keyframe requests to the far end
// (PLI, FIR, RFC 2032 FIR or the INFO hook), throttled to one a second, and the far end's own requests handed
// to the send side's hook.
//
// Every method may be called from any thread: the work is posted to the RTP thread, and stats()
// reads a copy made there. stop() returns when the sockets are closed (the ports are free).
#pragma once

#include "call_input.h"
#include "call_sender.h"
#include "hntt/engine/call.h"
#include "hntt/engine/types.h"
#include "hntt/rtp/h264_depacketizer.h"
#include "hntt/rtp/reorder_buffer.h"
#include "rtp_transport.h"

#include <array>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace hntt::engine {

enum class CallMedia { Audio, Video };

struct CallReceiverHooks {
    std::function<void()> keyframeAsked;  // the far end asked our tier for a keyframe (RTCP)
    std::function<void()> keyframeWanted; // ask the far end by SIP INFO (KeyframeRequestKind::Info)
    std::function<void()> mediaTimeout;   // no RTP for the timeout while receiving (once per silence)
    std::function<void(char)> dtmf;       // a key the far end pressed (RFC 4733), once per press
    // What the call's send side sent of that kind, for an RTCP sender report; none before its
    // first packet (or without a send side): a receiver report goes instead.
    std::function<std::optional<SenderReportInfo>(CallMedia, std::chrono::system_clock::time_point)>
        senderReport;
};

class CallReceiver : public std::enable_shared_from_this<CallReceiver> {
public:
    using Clock = std::chrono::steady_clock;

    CallReceiver(RtpTransport& transport, const CallMediaSpec& spec, std::optional<RtpSocketPair> audio,
                 std::optional<RtpSocketPair> video, std::shared_ptr<CallInput> input,
                 std::chrono::milliseconds mediaTimeout, CallReceiverHooks hooks);
    ~CallReceiver();
    CallReceiver(const CallReceiver&) = delete;
    CallReceiver& operator=(const CallReceiver&) = delete;

    void start();
    // Closes the sockets on the RTP thread and waits for it; when `keepSockets`, hands them back
    // open instead (a re-INVITE that changes codecs keeps its ports). Idempotent.
    struct Sockets {
        std::optional<RtpSocketPair> audio;
        std::optional<RtpSocketPair> video;
    };
    Sockets stop(bool keepSockets = false);

    // A re-INVITE that keeps the codecs: directions (hold) and the far end's addresses.
    void update(const CallMediaSpec& spec);
    // Ask the far end for a keyframe (merged: one a second at most).
    void askKeyframe();
    CallStats stats() const;

    // The send side: one RTP (or RTCP) packet to the far end from this call's socket, so the
    // far end sees us where it sends (symmetric RTP). Thread-safe; false when not sent.
    bool send(CallMedia media, std::span<const std::uint8_t> packet, bool rtcp = false);

private:
    struct Stream;
    void receiveRtp(Stream& s);
    void receiveRtcp(Stream& s);
    void onRtp(Stream& s, std::span<const std::uint8_t> datagram, bool fromRtcpSocket);
    void onRtcpSocket(Stream& s, std::span<const std::uint8_t> datagram);
    double mediaTime(const Stream& s, std::uint32_t rtpTimestamp) const;
    bool onRtcp(Stream& s, std::span<const std::uint8_t> datagram); // false: not RTCP (garbage)
    void drain(Stream& s, Clock::time_point now);
    void arm();
    void onTimer();
    void sendReports(Clock::time_point now);
    void sendKeyframeRequest();
    void applySpec(const CallMediaSpec& spec);
    void publishStats(Clock::time_point now);

    RtpTransport& transport_;
    const std::shared_ptr<CallInput> input_;
    const std::chrono::milliseconds timeout_;
    const CallReceiverHooks hooks_;
    std::unique_ptr<Stream> audio_;
    std::unique_ptr<Stream> video_;
    boost::asio::steady_timer timer_;
    std::uint32_t ssrc_;
    CallMediaSpec spec_; // RTP thread only, after start()
    rtp::H264Depacketizer depacketizer_;
    std::vector<rtp::RtcpItem> rtcpItems_;
    std::vector<std::uint8_t> rtcpOut_;
    bool stopped_ = false;
    bool keyframeWanted_ = true;           // a call starts by asking for one
    std::optional<std::uint64_t> ntpBase_; // RTP thread: the far end's first report, the origin of pts
    Clock::time_point lastKeyframeRequest_{};
    Clock::time_point lastReport_{};
    Clock::time_point lastMedia_{};
    bool timeoutRaised_ = false;
    std::uint8_t firSeq_ = 0;
    std::uint64_t keyframesRequested_ = 0;
    std::uint64_t keyframesAsked_ = 0;

    mutable std::mutex statsMutex_;
    CallStats stats_;
};

} // namespace hntt::engine
