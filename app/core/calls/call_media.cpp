#include "core/calls/call_media.h"

namespace hntt::core {

engine::CallMediaSpec toEngineSpec(const sdp::NegotiatedMedia& m) {
    engine::CallMediaSpec spec;
    spec.remoteAddress = m.remoteAddress;
    spec.remoteAudioPort = m.remoteAudioPort;
    spec.remoteVideoPort = m.remoteVideoPort;
    spec.remoteAudioRtcpPort = m.remoteAudioRtcpPort;
    spec.remoteVideoRtcpPort = m.remoteVideoRtcpPort;
    spec.rtcpMux = m.rtcpMux;
    if (m.audio) {
        engine::CallAudioFormat a;
        a.codec = static_cast<engine::CallAudioCodec>(m.audio->codec);
        a.payloadType = m.audio->payloadType;
        a.clockRate = m.audio->clockRate;
        a.channels = m.audio->channels;
        a.telephoneEventPayloadType = m.audio->telephoneEventPayloadType;
        a.ptimeMs = m.audio->ptimeMs;
        a.fmtp = m.audio->fmtp;
        spec.audio = a;
    }
    if (m.video) {
        engine::CallVideoFormat v;
        v.payloadType = m.video->payloadType;
        v.packetizationMode = m.video->packetizationMode;
        v.tier = static_cast<engine::VideoTier>(m.video->tier);
        v.keyframeRequest = static_cast<engine::KeyframeRequestKind>(m.video->keyframeRequest);
        v.maxPayloadBytes = m.video->maxPayloadBytes;
        spec.video = v;
    }
    spec.audioSend = m.audioSend;
    spec.audioReceive = m.audioReceive;
    spec.videoSend = m.videoSend;
    spec.videoReceive = m.videoReceive;
    return spec;
}

QString tierName(sdp::VideoTier t) {
    return t == sdp::VideoTier::Hd720 ? QStringLiteral("720p") : QStringLiteral("360p");
}

} // namespace hntt::core
