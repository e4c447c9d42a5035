// A site's call media: what signalling (SIP, or a browser through Janus) negotiated, handed to
// the engine, which carries the RTP itself. The engine receives the site's picture and sound
// from the call (instead of the site's URL) and sends back on the same call the program picture,
// encoded once per tier and shared by every call of that tier, with the site's own mix-minus
// encoded for that call alone.
//
// Ports: reserveCallPorts() binds the call's UDP sockets before the answer (or offer) is sent,
// from EngineConfig's RTP port range; startCall() uses them; endCall() (or an unused reservation
// given back with releaseCallPorts()) frees them. RTP is symmetric: the engine sends from the
// port it receives on, and latches the far end's address to where its media comes from.
#pragma once

#include "hntt/engine/types.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hntt::engine {

enum class CallAudioCodec { Pcmu, Pcma, G722, Opus, AacLd };

struct CallAudioFormat {
    CallAudioCodec codec = CallAudioCodec::Pcma;
    int payloadType = 8;
    int clockRate = 8000; // as in the rtpmap (G.722: 8000, though it samples at 16 kHz)
    int channels = 1;
    int telephoneEventPayloadType = -1; // RFC 4733, -1: none
    int ptimeMs = 20;
    std::string fmtp; // AAC-LD (MP4A-LATM): its config
};

// How to ask the far end for a keyframe: RTCP PLI (it advertised nack pli), RTCP FIR (ccm fir,
// RFC 5104; or the RFC 2032 form for a peer that advertised neither), or SIP INFO
// picture_fast_update, which signalling sends when the engine raises keyframeWanted.
enum class KeyframeRequestKind { Pli, Fir, Fir2032, Info };

// The program picture's tiers: every call of a tier shares one encode.
enum class VideoTier {
    Hd720, // 1280x720, H.264 Constrained Baseline, slices of ~1,200 bytes
    Sd360, // 640x360, same profile, for weak links
};

struct CallVideoFormat {
    int payloadType = 96;
    int packetizationMode = 1; // 0: single NAL units only; 1: STAP-A and FU-A too
    VideoTier tier = VideoTier::Hd720;
    KeyframeRequestKind keyframeRequest = KeyframeRequestKind::Pli;
    int maxPayloadBytes = 1200;
};

struct CallMediaSpec {
    std::string remoteAddress;         // IPv4/IPv6 literal from the SDP's c= line
    std::uint16_t remoteAudioPort = 0; // 0: no audio stream
    std::uint16_t remoteVideoPort = 0; // 0: no video stream
    // RTCP goes to port + 1 unless the SDP says otherwise (a=rtcp) or multiplexes (rtcp-mux).
    std::uint16_t remoteAudioRtcpPort = 0;
    std::uint16_t remoteVideoRtcpPort = 0;
    bool rtcpMux = false;
    std::optional<CallAudioFormat> audio;
    std::optional<CallVideoFormat> video;
    // RFC 3264 directions, as seen from the engine: hold is send without receive or neither.
    bool audioSend = true;
    bool audioReceive = true;
    bool videoSend = true;
    bool videoReceive = true;
};

struct CallPorts {
    std::uint16_t audio = 0; // RTP; RTCP on audio + 1
    std::uint16_t video = 0; // RTP; RTCP on video + 1
};

struct CallStats {
    bool active = false;
    std::string audioCodec; // "G722", "PCMA", "PCMU", "opus", "MP4A-LATM"
    std::string videoCodec; // "H264"
    int width = 0;          // of the pictures received
    int height = 0;
    int packetizationMode = 0;
    std::uint64_t packetsReceived = 0;
    std::uint64_t packetsLost = 0;
    double lossPercent = 0;               // over the last few seconds
    double jitterMs = 0;                  // RFC 3550 interarrival jitter of the video stream (else audio)
    double secondsSinceMedia = 0;         // since the last RTP packet from the far end
    std::uint64_t keyframesRequested = 0; // by us, of the far end
    std::uint64_t keyframesAsked = 0;     // by the far end, of our tier
    std::uint64_t packetsSent = 0;
    std::uint64_t garbagePackets = 0; // what arrived on the ports and was not RTP/RTCP of the call
};

} // namespace hntt::engine
