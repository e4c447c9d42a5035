// RFC 3264 offer/answer for the console's SIP calls: what we answer to a room system's offer,
// what we offer when we dial out, and what an answer to our offer agreed. The outcome,
// NegotiatedMedia, mirrors hntt::engine::CallMediaSpec field for field (and the enums enumerator
// for enumerator, in the same order) without depending on the engine: signalling maps one onto
// the other in a few lines.
//
// What is spoken (docs/sip.md has the reasons):
// - audio, by our preference: G.722 (PT 9), PCMA (8), PCMU (0), Opus (opus/48000/2); MP4A-LATM
//   (AAC-LD) received only, when an offer has nothing else; telephone-event (RFC 4733) when offered;
// - video: H.264 (RFC 6184) only, packetization-mode 1 preferred over 0, Constrained Baseline sent
//   at the highest tier the far end's level, max-fs, max-mbps, max-br and b= allow;
// - slides (a second m=video with a=content:slides), BFCP and secure RTP are refused (port 0).
#pragma once

#include "hntt/sdp/sdp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hntt::sdp {

enum class AudioCodec { Pcmu, Pcma, G722, Opus, AacLd };

// How to ask the far end for a keyframe: RTCP PLI (it offered nack pli), RTCP FIR (ccm fir,
// RFC 5104), the RFC 2032 FIR, or SIP INFO picture_fast_update.
enum class KeyframeRequestKind { Pli, Fir, Fir2032, Info };

enum class VideoTier {
    Hd720, // 1280x720@25: 3600 macroblocks a frame, 90000 a second, ~1500 kbit/s
    Sd360, // 640x360@25: 920 macroblocks (40x23) a frame, 23000 a second, ~500 kbit/s
};

std::string_view toString(AudioCodec c);
std::string_view toString(KeyframeRequestKind k);
std::string_view toString(VideoTier t);

struct AudioFormat {
    AudioCodec codec = AudioCodec::Pcma;
    int payloadType = 8;
    int clockRate = 8000; // as in the rtpmap (G.722: 8000, though it samples at 16 kHz)
    int channels = 1;
    int telephoneEventPayloadType = -1; // RFC 4733, -1: none
    int ptimeMs = 20;                   // what we send
    std::string fmtp;                   // AAC-LD (MP4A-LATM): its config, as the far end wrote it
};

struct VideoFormat {
    int payloadType = 96;
    int packetizationMode = 1; // 0: single NAL units only; 1: STAP-A and FU-A too
    VideoTier tier = VideoTier::Hd720;
    KeyframeRequestKind keyframeRequest = KeyframeRequestKind::Pli;
    int maxPayloadBytes = 1200;
};

// What the far end can receive, as its H.264 parameters and bandwidth lines say.
struct VideoLimits {
    int maxFrameMacroblocks = 0;     // max-fs, or the level's
    int maxMacroblocksPerSecond = 0; // max-mbps, or the level's
    int maxKbps = 0;                 // the least of max-br (or the level's) and b=TIAS/b=AS
};

struct NegotiatedMedia {
    std::string remoteAddress;         // IP literal from the c= line (of audio, else of video)
    std::uint16_t remoteAudioPort = 0; // 0: no audio stream
    std::uint16_t remoteVideoPort = 0; // 0: no video stream
    // RTCP goes to port + 1 unless the SDP says otherwise (a=rtcp) or multiplexes (rtcp-mux).
    std::uint16_t remoteAudioRtcpPort = 0;
    std::uint16_t remoteVideoRtcpPort = 0;
    bool rtcpMux = false;
    std::optional<AudioFormat> audio;
    std::optional<VideoFormat> video;
    // As seen from us: hold is the far end sending without receiving, or neither.
    bool audioSend = true;
    bool audioReceive = true;
    bool videoSend = true;
    bool videoReceive = true;
    // Not in the engine's contract: for the operator and the event log.
    std::optional<VideoLimits> remoteVideoLimits;
    std::vector<std::string> warnings;
};

struct Capabilities {
    // Our side of the c= and o= lines, and the ports reserved for the call (the engine's
    // reserveCallPorts()). A port of 0 refuses that kind of stream.
    std::string address = "127.0.0.1";
    std::uint16_t audioPort = 0;
    std::uint16_t videoPort = 0;
    std::string username = "hntt";
    std::string sessionName = "HNTT Console";
    std::uint64_t sessionId = 0; // of o=; 0: taken from the clock

    bool opus = true; // in answers only: room systems do not need it, browsers behind Janus might
    // Opus before G.722 (browsers: full band, in-band FEC, what WebRTC is built around).
    bool preferOpus = false;
    bool aacLdReceive = true;
    VideoTier maxSendTier = VideoTier::Hd720;
    int maxPayloadBytes = 1200;  // of an RTP payload we send
    int ptimeMs = 20;            // what we want to receive
    int videoReceiveKbps = 2000; // b=AS of our video: what we want to receive
    // What to use for a peer that advertised neither nack pli nor ccm fir. INFO is what room
    // systems honour; signalling sets Fir2032 when the peer's Allow header lacks INFO.
    KeyframeRequestKind keyframeFallback = KeyframeRequestKind::Info;
    bool offerRtcpMux = true;
    // Payload types of our offers.
    int h264Mode1PayloadType = 97;
    int h264Mode0PayloadType = 98;
    int telephoneEventPayloadType = 101;
};

struct AnswerResult {
    std::optional<SessionDescription> answer; // none: refused, reply 488 Not Acceptable Here
    std::string refusal;                      // why, when refused (for the Warning header and log)
    NegotiatedMedia media;
    explicit operator bool() const { return answer.has_value(); }
};

// Our answer to an offer (initial INVITE or re-INVITE). `previous` is the last description we
// sent in this dialog: its o= session id is kept, and its version is raised by one only if the
// answer differs from it (RFC 3264 §8).
AnswerResult answer(const SessionDescription& offer, const Capabilities& caps,
                    const SessionDescription* previous = nullptr);

// Our offer for a call we place (or a re-INVITE of ours, with `previous`).
// `hold`: sendonly streams (we put the far end on hold).
SessionDescription offer(const Capabilities& caps, const SessionDescription* previous = nullptr,
                         bool hold = false);

struct AcceptResult {
    std::optional<NegotiatedMedia> media; // none: the answer is unusable (error says why)
    std::string error;
    explicit operator bool() const { return media.has_value(); }
};

// What the far end's answer to our offer agreed; an answer that picks a format we did not offer,
// changes the number or kinds of streams, or keeps no stream is an error.
AcceptResult acceptAnswer(const SessionDescription& ourOffer, const SessionDescription& answer,
                          const Capabilities& caps);

// The far end's H.264 receive limits, from its fmtp (profile-level-id, max-fs, max-mbps, max-br),
// and the tier they allow; `kbpsLimit` 0: no bandwidth line.
VideoLimits h264Limits(std::string_view fmtpParameters, int kbpsLimit);
// The highest tier within the limits, or nullopt when even Sd360 exceeds them.
std::optional<VideoTier> tierWithin(const VideoLimits& limits);

} // namespace hntt::sdp
