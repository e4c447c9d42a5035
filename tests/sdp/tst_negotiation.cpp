// Offer/answer with room systems: what the console answers to representative offers (the exact
// lines), which codec, payload type, packetization mode, tier and keyframe request each call
// gets, hold by re-INVITE, refusals, and our own offers with the answers to them.
#include "hntt/sdp/negotiation.h"
#include "sdp_check.h"

#include <QFile>
#include <QTest>
#include <algorithm>

using namespace hntt::sdp;

namespace {

std::string fixture(const char* name) {
    QFile f(QStringLiteral(HNTT_SOURCE_DIR "/tests/sdp/fixtures/%1.sdp").arg(QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", name);
    return f.readAll().replace("\n", "\r\n").toStdString();
}

SessionDescription offerOf(const char* name) {
    auto r = parse(fixture(name));
    if (!r)
        qFatal("%s: %s", name, r.error.c_str());
    return *r.description;
}

SessionDescription parsedText(const std::string& text) {
    auto r = parse(text);
    if (!r)
        qFatal("parse failed: %s", r.error.c_str());
    return *r.description;
}

Capabilities console() {
    Capabilities c;
    c.address = "10.0.0.5";
    c.audioPort = 40000;
    c.videoPort = 40002;
    c.sessionId = 424242;
    return c;
}

// The lines of a media section of written SDP, from its m= line to the next.
std::vector<std::string> sectionLines(const std::string& sdp, std::size_t index) {
    std::vector<std::string> lines;
    std::size_t seen = 0;
    bool in = false;
    std::size_t p = 0;
    while (p < sdp.size()) {
        const auto q = sdp.find("\r\n", p);
        const auto line = sdp.substr(p, q - p);
        if (line.starts_with("m=")) {
            in = seen == index;
            ++seen;
        }
        if (in)
            lines.push_back(line);
        p = q + 2;
    }
    return lines;
}

bool hasWarning(const NegotiatedMedia& m, std::string_view text) {
    return std::any_of(m.warnings.begin(), m.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

// Our answer written, parsed back and compared: what goes on the wire reads as what we built.
std::string writtenAnswer(const AnswerResult& r) {
    const auto text = write(*r.answer);
    const auto again = parse(text);
    if (!again || !(*again.description == *r.answer))
        qFatal("the answer does not round-trip: %s", again.error.c_str());
    return text;
}

} // namespace

class TestNegotiation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void baresip() {
        const auto r = answer(offerOf("baresip"), console());
        QVERIFY2(r, r.refusal.c_str());
        const auto text = writtenAnswer(r);
        CHECK_EQ(sectionLines(text, 0), (std::vector<std::string>{
                                            "m=audio 40000 RTP/AVP 9 101",
                                            "a=rtpmap:9 G722/8000",
                                            "a=rtpmap:101 telephone-event/8000",
                                            "a=fmtp:101 0-15",
                                            "a=ptime:20",
                                            "a=rtcp-mux",
                                            "a=sendrecv",
                                        }));
        // Mode 0 is offered first; mode 1 is taken.
        CHECK_EQ(sectionLines(text, 1),
                 (std::vector<std::string>{
                     "m=video 40002 RTP/AVP 103",
                     "b=AS:2000",
                     "a=rtpmap:103 H264/90000",
                     "a=fmtp:103 profile-level-id=42801f;packetization-mode=1;max-fs=3600;max-mbps=108000",
                     "a=rtcp-fb:103 nack pli",
                     "a=rtcp-fb:103 ccm fir",
                     "a=rtcp-mux",
                     "a=sendrecv",
                 }));
        QVERIFY(text.starts_with("v=0\r\no=hntt 424242 1 IN IP4 10.0.0.5\r\ns=HNTT Console\r\n"
                                 "c=IN IP4 10.0.0.5\r\nt=0 0\r\n"));

        const auto& m = r.media;
        CHECK_EQ(m.remoteAddress, std::string("192.168.10.21"));
        CHECK_EQ(m.remoteAudioPort, std::uint16_t(10000));
        CHECK_EQ(m.remoteVideoPort, std::uint16_t(10002));
        QVERIFY(m.rtcpMux);
        CHECK_EQ(m.remoteAudioRtcpPort, std::uint16_t(10000));
        CHECK_EQ(m.remoteVideoRtcpPort, std::uint16_t(10002));
        QVERIFY(m.audio && m.video);
        CHECK_EQ(m.audio->codec, AudioCodec::G722);
        CHECK_EQ(m.audio->payloadType, 9);
        CHECK_EQ(m.audio->clockRate, 8000);
        CHECK_EQ(m.audio->channels, 1);
        CHECK_EQ(m.audio->telephoneEventPayloadType, 101);
        CHECK_EQ(m.audio->ptimeMs, 20);
        CHECK_EQ(m.video->payloadType, 103);
        CHECK_EQ(m.video->packetizationMode, 1);
        CHECK_EQ(m.video->tier, VideoTier::Hd720);
        CHECK_EQ(m.video->keyframeRequest, KeyframeRequestKind::Pli);
        CHECK_EQ(m.video->maxPayloadBytes, 1200);
        QVERIFY(m.audioSend && m.audioReceive && m.videoSend && m.videoReceive);
        CHECK_EQ(m.warnings, std::vector<std::string>{});
    }

    void polyGroup() {
        const auto r = answer(offerOf("poly_group"), console());
        QVERIFY2(r, r.refusal.c_str());
        const auto text = writtenAnswer(r);
        CHECK_EQ(r.answer->media.size(), std::size_t(4));
        CHECK_EQ(sectionLines(text, 0), (std::vector<std::string>{
                                            "m=audio 40000 RTP/AVP 9 101",
                                            "a=rtpmap:9 G722/8000",
                                            "a=rtpmap:101 telephone-event/8000",
                                            "a=fmtp:101 0-15",
                                            "a=ptime:20",
                                            "a=sendrecv",
                                        }));
        // The payload with packetization-mode 1 (the other has none: mode 0); level 3.0 kept
        // (no level-asymmetry-allowed), our max-fs and max-mbps stated; ccm fir only.
        CHECK_EQ(sectionLines(text, 1),
                 (std::vector<std::string>{
                     "m=video 40002 RTP/AVP 110",
                     "b=AS:2000",
                     "a=rtpmap:110 H264/90000",
                     "a=fmtp:110 profile-level-id=42801e;packetization-mode=1;max-fs=3600;max-mbps=108000",
                     "a=rtcp-fb:110 ccm fir",
                     "a=sendrecv",
                     "a=content:main",
                 }));
        CHECK_EQ(sectionLines(text, 2), std::vector<std::string>{"m=application 0 TCP/BFCP *"});
        CHECK_EQ(sectionLines(text, 3), std::vector<std::string>{"m=video 0 RTP/AVP 109 96"});

        const auto& m = r.media;
        QVERIFY(!m.rtcpMux);
        CHECK_EQ(m.remoteAudioRtcpPort, std::uint16_t(49153));
        CHECK_EQ(m.remoteVideoRtcpPort, std::uint16_t(49155));
        CHECK_EQ(m.video->payloadType, 110);
        CHECK_EQ(m.video->packetizationMode, 1);
        // Level 3.0 raised by max-fs 3600 / max-mbps 108000, b=AS:1920: 720p.
        CHECK_EQ(m.video->tier, VideoTier::Hd720);
        CHECK_EQ(m.video->keyframeRequest, KeyframeRequestKind::Fir);
        CHECK_EQ(m.remoteVideoLimits->maxFrameMacroblocks, 3600);
        CHECK_EQ(m.remoteVideoLimits->maxKbps, 1920);
        QVERIFY(hasWarning(m, "BFCP"));
        QVERIFY(hasWarning(m, "slides"));
    }

    void polyWithoutModeOneGetsModeZero() {
        auto offer = offerOf("poly_group");
        auto& video = offer.media[1];
        video.formats.erase(std::find(video.formats.begin(), video.formats.end(), "110"));
        const auto r = answer(offer, console());
        QVERIFY(r);
        CHECK_EQ(r.media.video->payloadType, 109);
        CHECK_EQ(r.media.video->packetizationMode, 0);
        CHECK_EQ(r.answer->media[1].fmtps.front().parameters,
                 std::string("profile-level-id=42801e;packetization-mode=0;max-fs=3600;max-mbps=108000"));
    }

    void ciscoRoom() {
        const auto r = answer(offerOf("cisco_room"), console());
        QVERIFY2(r, r.refusal.c_str());
        const auto text = writtenAnswer(r);
        // G.722 over the AAC-LD it lists first.
        CHECK_EQ(r.media.audio->codec, AudioCodec::G722);
        CHECK_EQ(r.media.audio->telephoneEventPayloadType, 102);
        CHECK_EQ(sectionLines(text, 1),
                 (std::vector<std::string>{
                     "m=video 40002 RTP/AVP 97",
                     "b=AS:2000",
                     "a=rtpmap:97 H264/90000",
                     "a=fmtp:97 profile-level-id=42e016;packetization-mode=1;max-fs=3600;max-mbps=108000",
                     "a=rtcp-fb:97 nack pli",
                     "a=rtcp-fb:97 ccm fir",
                     "a=sendrecv",
                     "a=content:main",
                 }));
        const auto& m = r.media;
        CHECK_EQ(m.remoteAudioRtcpPort, std::uint16_t(2363));
        CHECK_EQ(m.remoteVideoRtcpPort, std::uint16_t(2365));
        // Level 2.2 raised by max-fs, max-mbps, max-br 5000; b=TIAS 6 Mbit/s.
        CHECK_EQ(m.video->tier, VideoTier::Hd720);
        CHECK_EQ(m.remoteVideoLimits->maxKbps, 5000);
        CHECK_EQ(m.video->keyframeRequest, KeyframeRequestKind::Pli);
    }

    void huaweiTe() {
        auto caps = console();
        const auto r = answer(offerOf("huawei_te"), caps);
        QVERIFY2(r, r.refusal.c_str());
        // High profile first in mode 1: kept as offered (an answer keeps the profile), our level.
        CHECK_EQ(r.media.video->payloadType, 106);
        CHECK_EQ(r.answer->media[1].fmtps.front().parameters,
                 std::string("profile-level-id=64001f;packetization-mode=1;max-fs=3600;max-mbps=108000"));
        CHECK_EQ(r.media.video->tier, VideoTier::Hd720);
        // No rtcp-fb: the fallback.
        CHECK_EQ(r.media.video->keyframeRequest, KeyframeRequestKind::Info);
        CHECK_EQ(r.media.audio->codec, AudioCodec::G722);
        CHECK_EQ(r.media.audio->telephoneEventPayloadType, -1);
        CHECK_EQ(r.media.audio->ptimeMs, 20);
        caps.keyframeFallback = KeyframeRequestKind::Fir2032;
        CHECK_EQ(answer(offerOf("huawei_te"), caps).media.video->keyframeRequest,
                 KeyframeRequestKind::Fir2032);
    }

    void audioOnly() {
        const auto r = answer(offerOf("audio_only"), console());
        QVERIFY2(r, r.refusal.c_str());
        CHECK_EQ(r.answer->media.size(), std::size_t(1));
        CHECK_EQ(r.media.audio->codec, AudioCodec::Pcma);
        CHECK_EQ(r.media.audio->payloadType, 8);
        CHECK_EQ(r.media.audio->telephoneEventPayloadType, 101);
        CHECK_EQ(r.answer->media[0].fmtps.front().parameters, std::string("0-16"));
        QVERIFY(!r.media.video);
        CHECK_EQ(r.media.remoteVideoPort, std::uint16_t(0));
        CHECK_EQ(r.media.remoteAudioRtcpPort, std::uint16_t(24581));
        CHECK_EQ(r.media.remoteAddress, std::string("203.0.113.10"));
    }

    void vp8VideoIsRefusedAudioKept() {
        const auto r = answer(offerOf("vp8_pcmu"), console());
        QVERIFY2(r, r.refusal.c_str());
        const auto text = writtenAnswer(r);
        CHECK_EQ(sectionLines(text, 1), std::vector<std::string>{"m=video 0 RTP/AVPF 100"});
        CHECK_EQ(r.media.audio->codec, AudioCodec::Pcmu);
        CHECK_EQ(r.media.audio->telephoneEventPayloadType, 126);
        QVERIFY(!r.media.video);
        CHECK_EQ(r.media.remoteVideoPort, std::uint16_t(0));
        QVERIFY(hasWarning(r.media, "video: no H.264 we take (offered VP8/90000)"));
    }

    void noCodecIsRefused() {
        const auto r = answer(offerOf("no_codec"), console());
        QVERIFY(!r);
        QVERIFY(!r.answer);
        CHECK_EQ(
            r.refusal,
            std::string("nothing in the offer is acceptable: audio: no codec we speak (offered G729/8000, "
                        "speex/16000); video: no H.264 we take (offered H263/90000)"));
    }

    void secureRtpIsRefused() {
        const auto r = answer(offerOf("savp_only"), console());
        QVERIFY(!r);
        QVERIFY2(r.refusal.find("audio: secure RTP (RTP/SAVP) is not supported") != std::string::npos,
                 r.refusal.c_str());
        // Beside a plain stream, the secure one alone is refused.
        auto mixed = offerOf("savp_only");
        mixed.media[1].proto = "RTP/AVP";
        const auto partial = answer(mixed, console());
        QVERIFY(partial);
        CHECK_EQ(partial.answer->media[0].port, std::uint16_t(0));
        CHECK_EQ(partial.answer->media[0].proto, std::string("RTP/SAVP"));
        QVERIFY(partial.media.video && !partial.media.audio);
        CHECK_EQ(partial.media.remoteAddress, std::string("192.0.2.61"));
    }

    void holdAndResume() {
        const auto caps = console();
        const auto first = answer(offerOf("baresip"), caps);
        QVERIFY(first);
        // sendonly → recvonly: we hear the hall's music on hold, send nothing.
        const auto held = answer(offerOf("hold_sendonly"), caps, &*first.answer);
        QVERIFY(held);
        const auto text = write(*held.answer);
        CHECK_EQ(sectionLines(text, 0).back(), std::string("a=recvonly"));
        CHECK_EQ(sectionLines(text, 1).back(), std::string("a=recvonly"));
        QVERIFY(!held.media.audioSend && held.media.audioReceive);
        QVERIFY(!held.media.videoSend && held.media.videoReceive);
        // Same session, the version raised since the answer changed.
        CHECK_EQ(held.answer->origin.sessionId, std::uint64_t(424242));
        CHECK_EQ(held.answer->origin.sessionVersion, std::uint64_t(2));
        // The same re-offer again (a session refresh): nothing changed, the version stays.
        const auto again = answer(offerOf("hold_sendonly"), caps, &*held.answer);
        CHECK_EQ(again.answer->origin.sessionVersion, std::uint64_t(2));
        QVERIFY(*again.answer == *held.answer);
        // Resumed.
        const auto resumed = answer(offerOf("baresip"), caps, &*again.answer);
        CHECK_EQ(resumed.answer->origin.sessionVersion, std::uint64_t(3));
        QVERIFY(resumed.media.audioSend && resumed.media.audioReceive);
    }

    void holdInactive() {
        const auto r = answer(offerOf("hold_inactive"), console());
        QVERIFY(r);
        const auto text = writtenAnswer(r);
        CHECK_EQ(sectionLines(text, 0).back(), std::string("a=inactive"));
        QVERIFY(!r.media.audioSend && !r.media.audioReceive && !r.media.videoSend && !r.media.videoReceive);
        CHECK_EQ(r.media.video->packetizationMode, 1);
    }

    void holdOldStyle() {
        const auto r = answer(offerOf("hold_zero"), console());
        QVERIFY(r);
        const auto text = writtenAnswer(r);
        CHECK_EQ(sectionLines(text, 0).back(), std::string("a=recvonly"));
        QVERIFY(!r.media.audioSend && r.media.audioReceive);
        CHECK_EQ(r.media.remoteAddress, std::string("0.0.0.0"));
        CHECK_EQ(r.media.audio->codec, AudioCodec::Pcma);
        // H.264 with no packetization-mode: mode 0.
        CHECK_EQ(r.media.video->packetizationMode, 0);
        // Level 3.1 stated without max-fs: 720p, but no bandwidth line says otherwise.
        CHECK_EQ(r.media.video->tier, VideoTier::Hd720);
    }

    void recvonlyOfferIsAnsweredSendonly() {
        auto offer = offerOf("audio_only");
        offer.media[0].direction = Direction::RecvOnly;
        const auto r = answer(offer, console());
        CHECK_EQ(r.answer->media[0].direction, std::optional<Direction>(Direction::SendOnly));
        QVERIFY(r.media.audioSend && !r.media.audioReceive);
    }

    void tiers_data() {
        QTest::addColumn<QString>("fmtp");
        QTest::addColumn<int>("kbps");
        QTest::addColumn<int>("tier"); // -1: below Sd360
        QTest::newRow("level 3.1") << "profile-level-id=42e01f" << 0 << int(VideoTier::Hd720);
        QTest::newRow("level 3.0") << "profile-level-id=42e01e" << 0 << int(VideoTier::Sd360);
        QTest::newRow("level 3.0 raised")
            << "profile-level-id=42e01e;max-fs=3600;max-mbps=108000" << 0 << int(VideoTier::Hd720);
        QTest::newRow("raised frame size, not rate")
            << "profile-level-id=42e01e;max-fs=3600" << 0 << int(VideoTier::Sd360);
        QTest::newRow("level 2.2 (20250 MB/s)") << "profile-level-id=42e016" << 0 << -1;
        QTest::newRow("level 2.2 raised to 360p")
            << "profile-level-id=42e016;max-mbps=40500" << 0 << int(VideoTier::Sd360);
        QTest::newRow("level 2.1 max-br low")
            << "profile-level-id=42e015;max-fs=3600;max-mbps=108000" << 0 << int(VideoTier::Hd720);
        QTest::newRow("level 1.3 bit rate (768 kbit/s)")
            << "profile-level-id=42e00d;max-fs=3600;max-mbps=108000" << 0 << int(VideoTier::Sd360);
        QTest::newRow("level 1.3 raised max-br")
            << "profile-level-id=42e00d;max-fs=3600;max-mbps=108000;max-br=2000" << 0
            << int(VideoTier::Hd720);
        QTest::newRow("1 Mbit/s line") << "profile-level-id=42e01f" << 1000 << int(VideoTier::Sd360);
        QTest::newRow("384 kbit/s line") << "profile-level-id=42e01f" << 384 << -1;
        QTest::newRow("no profile-level-id (level 1)") << "packetization-mode=1" << 0 << -1;
        QTest::newRow("level 1b") << "profile-level-id=42f00b" << 0 << -1;
        QTest::newRow("High 4.0") << "profile-level-id=640028" << 0 << int(VideoTier::Hd720);
    }
    void tiers() {
        QFETCH(QString, fmtp);
        QFETCH(int, kbps);
        QFETCH(int, tier);
        const auto t = tierWithin(h264Limits(fmtp.toStdString(), kbps));
        CHECK_EQ(t ? int(*t) : -1, tier);
    }

    void overItsLimitsStillGetsSd360() {
        auto offer = offerOf("baresip");
        offer.media[1].bandwidths = {Bandwidth{"AS", 256}};
        const auto r = answer(offer, console());
        CHECK_EQ(r.media.video->tier, VideoTier::Sd360);
        QVERIFY(hasWarning(r.media, "Sd360 sent over its limits"));
        QVERIFY(hasWarning(r.media, "256 kbit/s"));
    }

    void sessionBandwidthLeavesRoomForAudio() {
        auto offer = offerOf("baresip");
        offer.media[1].bandwidths.clear();
        offer.bandwidths = {Bandwidth{"AS", 1540}};
        CHECK_EQ(answer(offer, console()).media.video->tier, VideoTier::Sd360); // 1476 kbit/s for video
        offer.bandwidths = {Bandwidth{"TIAS", 2000000}};
        CHECK_EQ(answer(offer, console()).media.video->tier, VideoTier::Hd720);
    }

    void tierCappedByOurs() {
        auto caps = console();
        caps.maxSendTier = VideoTier::Sd360;
        CHECK_EQ(answer(offerOf("cisco_room"), caps).media.video->tier, VideoTier::Sd360);
    }

    void levelAsymmetry() {
        auto offer = offerOf("audio_only");
        const auto video =
            parsedText("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                       "m=video 6000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                       "a=fmtp:96 profile-level-id=42e015;packetization-mode=1;"
                       "level-asymmetry-allowed=1\r\n");
        auto r = answer(video, console());
        // With asymmetry our receive level is ours; without, it may not exceed the offer's.
        CHECK_EQ(
            r.answer->media[0].fmtps.front().parameters,
            std::string("profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1;max-fs=3600;"
                        "max-mbps=108000"));
        auto symmetric = video;
        symmetric.media[0].fmtps.front().parameters = "profile-level-id=42e015;packetization-mode=1";
        r = answer(symmetric, console());
        CHECK_EQ(r.answer->media[0].fmtps.front().parameters,
                 std::string("profile-level-id=42e015;packetization-mode=1;max-fs=3600;max-mbps=108000"));
        // A higher offered level without asymmetry: ours, which is lower.
        symmetric.media[0].fmtps.front().parameters = "profile-level-id=42e028;packetization-mode=1";
        r = answer(symmetric, console());
        CHECK_EQ(r.answer->media[0].fmtps.front().parameters,
                 std::string("profile-level-id=42e01f;packetization-mode=1;max-fs=3600;max-mbps=108000"));
        // Mode 2 (interleaved) and a profile that cannot decode ours are not taken.
        symmetric.media[0].fmtps.front().parameters = "profile-level-id=f4001f;packetization-mode=1";
        r = answer(symmetric, console());
        QVERIFY(!r);
        QVERIFY2(r.refusal.find("profile-level-id f4001f") != std::string::npos, r.refusal.c_str());
        symmetric.media[0].fmtps.front().parameters = "profile-level-id=42e01f;packetization-mode=2";
        QVERIFY(!answer(symmetric, console()));
    }

    void aacLdOnlyIsReceivedOnly() {
        const auto offer =
            parsedText("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                       "m=audio 6000 RTP/AVP 104\r\na=rtpmap:104 MP4A-LATM/90000\r\n"
                       "a=fmtp:104 profile-level-id=24;object=23;bitrate=64000\r\n");
        const auto r = answer(offer, console());
        QVERIFY2(r, r.refusal.c_str());
        const auto text = writtenAnswer(r);
        CHECK_EQ(sectionLines(text, 0), (std::vector<std::string>{
                                            "m=audio 40000 RTP/AVP 104",
                                            "a=rtpmap:104 MP4A-LATM/90000",
                                            "a=fmtp:104 profile-level-id=24;object=23;bitrate=64000",
                                            "a=ptime:20",
                                            "a=recvonly",
                                        }));
        CHECK_EQ(r.media.audio->codec, AudioCodec::AacLd);
        CHECK_EQ(r.media.audio->clockRate, 90000);
        CHECK_EQ(r.media.audio->fmtp, std::string("profile-level-id=24;object=23;bitrate=64000"));
        QVERIFY(!r.media.audioSend && r.media.audioReceive);
        QVERIFY(hasWarning(r.media, "AAC-LD"));
        // A hall that only wants to receive AAC-LD gets nothing from us.
        auto recvonly = offer;
        recvonly.media[0].direction = Direction::RecvOnly;
        QVERIFY(!answer(recvonly, console()));
    }

    void opusWhenThatIsAll() {
        const auto offer =
            parsedText("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                       "m=audio 6000 RTP/AVP 111 110\r\na=rtpmap:111 opus/48000/2\r\n"
                       "a=rtpmap:110 telephone-event/48000\r\na=rtpmap:126 telephone-event/8000\r\n");
        const auto r = answer(offer, console());
        QVERIFY(r);
        CHECK_EQ(r.media.audio->codec, AudioCodec::Opus);
        CHECK_EQ(r.media.audio->clockRate, 48000);
        CHECK_EQ(r.media.audio->channels, 2);
        // The telephone-event of the codec's clock.
        CHECK_EQ(r.media.audio->telephoneEventPayloadType, 110);
        QVERIFY(write(*r.answer).find("a=rtpmap:111 opus/48000/2\r\n") != std::string::npos);
        auto caps = console();
        caps.opus = false;
        QVERIFY(!answer(offer, caps));
    }

    void rtcpMuxOnlyWhenEveryStreamOffersIt() {
        auto offer = offerOf("baresip");
        offer.media[1].rtcpMux = false;
        const auto r = answer(offer, console());
        QVERIFY(!r.media.rtcpMux);
        QVERIFY(!r.answer->media[0].rtcpMux && !r.answer->media[1].rtcpMux);
        CHECK_EQ(r.media.remoteAudioRtcpPort, std::uint16_t(10001));
        QVERIFY(hasWarning(r.media, "rtcp-mux"));
    }

    void ipv6Call() {
        const auto offer =
            parsedText("v=0\r\no=- 1 1 IN IP6 2001:db8::7\r\ns=-\r\nc=IN IP6 2001:db8::7\r\nt=0 0\r\n"
                       "m=audio 6000 RTP/AVP 9\r\n");
        auto caps = console();
        caps.address = "2001:db8::5";
        const auto r = answer(offer, caps);
        QVERIFY(r);
        CHECK_EQ(r.media.remoteAddress, std::string("2001:db8::7"));
        QVERIFY(write(*r.answer).find("c=IN IP6 2001:db8::5\r\n") != std::string::npos);
        // A host name where the media plane needs an address.
        const auto named =
            parsedText("v=0\r\no=- 1 1 IN IP4 pbx.example.vn\r\ns=-\r\nc=IN IP4 pbx.example.vn\r\n"
                       "t=0 0\r\nm=audio 6000 RTP/AVP 9\r\n");
        QVERIFY(!answer(named, caps));
    }

    void ourOffer() {
        const auto o = offer(console());
        const auto text = write(o);
        CHECK_EQ(sectionLines(text, 0), (std::vector<std::string>{
                                            "m=audio 40000 RTP/AVP 9 8 0 101",
                                            "a=rtpmap:9 G722/8000",
                                            "a=rtpmap:8 PCMA/8000",
                                            "a=rtpmap:0 PCMU/8000",
                                            "a=rtpmap:101 telephone-event/8000",
                                            "a=fmtp:101 0-15",
                                            "a=ptime:20",
                                            "a=rtcp-mux",
                                            "a=sendrecv",
                                        }));
        CHECK_EQ(sectionLines(text, 1),
                 (std::vector<std::string>{
                     "m=video 40002 RTP/AVP 97 98",
                     "b=AS:2000",
                     "a=rtpmap:97 H264/90000",
                     "a=fmtp:97 "
                     "profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1;max-fs=3600;"
                     "max-mbps=108000",
                     "a=rtcp-fb:97 nack pli",
                     "a=rtcp-fb:97 ccm fir",
                     "a=rtpmap:98 H264/90000",
                     "a=fmtp:98 "
                     "profile-level-id=42e01f;packetization-mode=0;level-asymmetry-allowed=1;max-fs=3600;"
                     "max-mbps=108000",
                     "a=rtcp-fb:98 nack pli",
                     "a=rtcp-fb:98 ccm fir",
                     "a=rtcp-mux",
                     "a=sendrecv",
                 }));
        const auto again = parse(text);
        QVERIFY(again && *again.description == o);
        CHECK_EQ(o.origin.sessionVersion, std::uint64_t(1));

        // On hold: sendonly, a new version; unchanged re-offer keeps it.
        const auto held = offer(console(), &o, true);
        CHECK_EQ(held.media[0].direction, std::optional<Direction>(Direction::SendOnly));
        CHECK_EQ(held.origin.sessionVersion, std::uint64_t(2));
        CHECK_EQ(offer(console(), &held, true).origin.sessionVersion, std::uint64_t(2));
    }

    // Two consoles: one offers, the other answers, the first accepts.
    void consoleToConsole() {
        auto callee = console();
        callee.address = "10.0.0.9";
        callee.audioPort = 50000;
        callee.videoPort = 50002;
        const auto o = offer(console());
        const auto a = answer(o, callee);
        QVERIFY2(a, a.refusal.c_str());
        CHECK_EQ(a.media.video->payloadType, 97);
        CHECK_EQ(a.media.video->packetizationMode, 1);
        QVERIFY(a.media.rtcpMux);
        const auto accepted = acceptAnswer(o, parsedText(write(*a.answer)), console());
        QVERIFY2(accepted, accepted.error.c_str());
        const auto& m = *accepted.media;
        CHECK_EQ(m.remoteAddress, std::string("10.0.0.9"));
        CHECK_EQ(m.remoteAudioPort, std::uint16_t(50000));
        CHECK_EQ(m.remoteVideoPort, std::uint16_t(50002));
        QVERIFY(m.rtcpMux);
        CHECK_EQ(m.remoteVideoRtcpPort, std::uint16_t(50002));
        CHECK_EQ(m.audio->codec, AudioCodec::G722);
        CHECK_EQ(m.audio->telephoneEventPayloadType, 101);
        CHECK_EQ(m.video->payloadType, 97);
        CHECK_EQ(m.video->packetizationMode, 1);
        CHECK_EQ(m.video->tier, VideoTier::Hd720);
        CHECK_EQ(m.video->keyframeRequest, KeyframeRequestKind::Pli);
        QVERIFY(m.audioSend && m.audioReceive && m.videoSend && m.videoReceive);
    }

    void acceptRoomSystemAnswer() {
        const auto o = offer(console());
        // A Poly-like answer: PCMA, H.264 mode 0 (PT 98) at level 3.0 raised, ccm fir, no mux.
        const auto a =
            parsedText("v=0\r\no=GroupSeries 7 1 IN IP4 10.20.30.40\r\ns=-\r\nc=IN IP4 10.20.30.40\r\n"
                       "t=0 0\r\nm=audio 49152 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n"
                       "m=video 49154 RTP/AVP 98\r\nb=AS:768\r\na=rtpmap:98 H264/90000\r\n"
                       "a=fmtp:98 profile-level-id=42801e; max-mbps=108000; max-fs=3600; "
                       "packetization-mode=0\r\na=rtcp-fb:* ccm fir\r\na=recvonly\r\n");
        const auto r = acceptAnswer(o, a, console());
        QVERIFY2(r, r.error.c_str());
        const auto& m = *r.media;
        CHECK_EQ(m.audio->codec, AudioCodec::Pcma);
        CHECK_EQ(m.audio->telephoneEventPayloadType, -1);
        CHECK_EQ(m.video->payloadType, 98);
        CHECK_EQ(m.video->packetizationMode, 0);
        CHECK_EQ(m.video->tier, VideoTier::Sd360); // b=AS:768
        CHECK_EQ(m.video->keyframeRequest, KeyframeRequestKind::Fir);
        QVERIFY(!m.rtcpMux);
        CHECK_EQ(m.remoteAudioRtcpPort, std::uint16_t(49153));
        // It only receives video: we send, we do not receive.
        QVERIFY(m.videoSend && !m.videoReceive);
    }

    void acceptRefusesWhatWeDidNotOffer_data() {
        QTest::addColumn<QString>("audio");
        QTest::addColumn<QString>("video");
        QTest::addColumn<QString>("error");
        QTest::newRow("G.729") << "m=audio 6000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n"
                               << "m=video 0 RTP/AVP 97\r\n"
                               << "the answer picks payload type 18 (G729/8000), which we did not offer";
        QTest::newRow("PT 8 as another codec")
            << "m=audio 6000 RTP/AVP 8\r\na=rtpmap:8 GSM/8000\r\n"
            << "m=video 0 RTP/AVP 97\r\n"
            << "payload type 8 is GSM/8000 in the answer, PCMA/8000 in our offer";
        QTest::newRow("mode changed")
            << "m=audio 6000 RTP/AVP 9\r\n"
            << "m=video 6002 RTP/AVP 97\r\na=rtpmap:97 H264/90000\r\n"
               "a=fmtp:97 packetization-mode=0\r\n"
            << "payload type 97 is packetization-mode 0 in the answer, 1 in our offer";
        QTest::newRow("VP8") << "m=audio 6000 RTP/AVP 9\r\n"
                             << "m=video 6002 RTP/AVP 100\r\na=rtpmap:100 VP8/90000\r\n"
                             << "the answer picks payload type 100 (VP8/90000), which we did not offer";
        QTest::newRow("only telephone-event")
            << "m=audio 6000 RTP/AVP 101\r\na=rtpmap:101 telephone-event/8000\r\n"
            << "m=video 0 RTP/AVP 97\r\n"
            << "the answer keeps no audio codec";
        QTest::newRow("everything refused") << "m=audio 0 RTP/AVP 9\r\n"
                                            << "m=video 0 RTP/AVP 97\r\n"
                                            << "the far end refused every stream";
        QTest::newRow("swapped kinds") << "m=video 6000 RTP/AVP 97\r\n"
                                       << "m=audio 6002 RTP/AVP 9\r\n"
                                       << "m=video (section 1) answers our m=audio";
        QTest::newRow("secure transport") << "m=audio 6000 RTP/SAVP 9\r\n"
                                          << "m=video 0 RTP/AVP 97\r\n"
                                          << "transport RTP/SAVP answers our RTP/AVP";
        QTest::newRow("one stream missing") << "m=audio 6000 RTP/AVP 9\r\n"
                                            << ""
                                            << "the answer has 1 media sections for the offer's 2";
    }
    void acceptRefusesWhatWeDidNotOffer() {
        QFETCH(QString, audio);
        QFETCH(QString, video);
        QFETCH(QString, error);
        const auto a =
            parsedText("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" +
                       audio.toStdString() + video.toStdString());
        const auto r = acceptAnswer(offer(console()), a, console());
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.error).contains(error), r.error.c_str());
    }

    void acceptToleratesRenumberingAndMissingMode() {
        const auto a = parsedText("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                                  "m=audio 6000 RTP/AVP 9 100\r\na=rtpmap:100 telephone-event/8000\r\n"
                                  "m=video 6002 RTP/AVP 97\r\na=rtpmap:97 H264/90000\r\n"
                                  "a=fmtp:97 profile-level-id=42e01f\r\n");
        const auto r = acceptAnswer(offer(console()), a, console());
        QVERIFY2(r, r.error.c_str());
        CHECK_EQ(r.media->audio->telephoneEventPayloadType, 100);
        // No packetization-mode in the answer: mode 0, which a mode-1 receiver takes too.
        CHECK_EQ(r.media->video->packetizationMode, 0);
        QVERIFY(hasWarning(*r.media, "answered without packetization-mode"));
        QVERIFY(hasWarning(*r.media, "telephone-event/8000 answered as payload type 100"));
        // Neither nack pli nor ccm fir: the fallback.
        CHECK_EQ(r.media->video->keyframeRequest, KeyframeRequestKind::Info);
    }

    void acceptHoldAnswer() {
        const auto caps = console();
        const auto first = offer(caps);
        const auto held = offer(caps, &first, true);
        const auto a = parsedText("v=0\r\no=- 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                                  "m=audio 6000 RTP/AVP 9\r\na=recvonly\r\nm=video 0 RTP/AVP 97\r\n");
        const auto r = acceptAnswer(held, a, caps);
        QVERIFY2(r, r.error.c_str());
        QVERIFY(r.media->audioSend && !r.media->audioReceive);
        QVERIFY(!r.media->video);
        QVERIFY(hasWarning(*r.media, "the far end refused our video"));
    }
};

QTEST_GUILESS_MAIN(TestNegotiation)
#include "tst_negotiation.moc"
