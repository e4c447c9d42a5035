// A real RTP peer for the suites: the ffmpeg CLI receiving plain RTP on loopback as an SDP file
// describes it, and a raw UDP socket to send to it.
#pragma once

#include "child_process.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace hntt::test {

// An even UDP port whose odd neighbour (RTCP) is free too, on 127.0.0.1, a moment ago.
quint16 freeRtpPort();

// True once a socket is bound to UDP `port` on this host (read from /proc/net/udp), waiting up
// to `timeoutMs`: a receiver started as a process is ready when its port is.
bool waitUdpPortBound(quint16 port, int timeoutMs = 15000);

// True once nothing waits in the receive queue of UDP `port` (the receiver has read all that
// was sent to it), waiting up to `timeoutMs`. Before a BYE on another port, so that the BYE does
// not overtake the media.
bool waitUdpPortDrained(quint16 port, int timeoutMs = 15000);

// ffmpeg reading `sdp` (its text is written to a file in `dir`) and writing what it decodes as
// `outputArgs` says (e.g. "-f", "framemd5", path). Ends by itself when every stream sent an RTCP
// BYE (or the output options say so), else when finish() stops it.
class FfmpegRtpReceiver {
public:
    FfmpegRtpReceiver(const QString& dir, const QString& sdp, const QStringList& outputArgs);
    ~FfmpegRtpReceiver();
    FfmpegRtpReceiver(const FfmpegRtpReceiver&) = delete;
    FfmpegRtpReceiver& operator=(const FfmpegRtpReceiver&) = delete;

    // Started and listening on every port of the SDP's m= lines given here.
    bool waitListening(std::initializer_list<quint16> ports);
    // Waits up to `graceMs` for ffmpeg to end by itself, then asks it to stop (SIGTERM: it
    // flushes its decoders and closes its output). Returns its exit code, -1 if it crashed.
    int finish(int graceMs);
    QByteArray errors() const { return errors_; }

private:
    std::unique_ptr<ChildProcess> process_;
    QByteArray errors_;
};

// An RTCP BYE from `ssrc` (RFC 3550 6.6): ffmpeg's RTP input ends its stream when every stream
// of the SDP said BYE, flushes its decoders and exits cleanly.
std::vector<std::uint8_t> rtcpBye(std::uint32_t ssrc);

// A UDP socket sending to 127.0.0.1:port.
class UdpSender {
public:
    explicit UdpSender(quint16 port);
    ~UdpSender();
    UdpSender(const UdpSender&) = delete;
    UdpSender& operator=(const UdpSender&) = delete;
    bool send(std::span<const std::uint8_t> datagram);

private:
    int fd_ = -1;
    quint16 port_ = 0;
};

} // namespace hntt::test
