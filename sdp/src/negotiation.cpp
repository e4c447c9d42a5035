#include "hntt/sdp/negotiation.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace hntt::sdp {

namespace {

// --- H.264 levels (ITU-T H.264 Table A-1): frame size and rate in macroblocks, and the Baseline
// bit rate in kbit/s (the units of max-br for the VCL, RFC 6184).
struct Level {
    int idc; // level_idc; 9 stands for level 1b wherever it is written
    int maxFs;
    int maxMbps;
    int maxBrKbps;
};
constexpr std::array<Level, 17> kLevels{{
    {10, 99, 1485, 64},
    {9, 99, 1485, 128},
    {11, 396, 3000, 192},
    {12, 396, 6000, 384},
    {13, 396, 11880, 768},
    {20, 396, 11880, 2000},
    {21, 792, 19800, 4000},
    {22, 1620, 20250, 4000},
    {30, 1620, 40500, 10000},
    {31, 3600, 108000, 14000},
    {32, 5120, 216000, 20000},
    {40, 8192, 245760, 20000},
    {41, 8192, 245760, 50000},
    {42, 8704, 522240, 50000},
    {50, 22080, 589824, 135000},
    {51, 36864, 983040, 240000},
    {52, 36864, 2073600, 240000},
}};

// What we receive: 720p30 (level 3.1 frame size and rate), stated with max-fs and max-mbps since
// Poly's infrastructure refuses H.264 offers without max-fs.
constexpr int kOurLevelIdc = 0x1f;
constexpr int kOurMaxFs = 3600;
constexpr int kOurMaxMbps = 108000;

// Kbit/s left for video out of a session-wide bandwidth line, when the offer has audio too.
constexpr int kAudioShareKbps = 64;

struct ProfileLevel {
    int profileIdc = 0x42;
    int iop = 0x00;
    int levelIdc = 10;
};

// The level's rank in kLevels (1b between 1 and 1.1); unknown levels rank as level 1.
std::size_t levelRank(int normalizedIdc) {
    for (std::size_t i = 0; i < kLevels.size(); ++i) {
        if (kLevels[i].idc == normalizedIdc)
            return i;
    }
    return 0;
}

// level_idc 11 with constraint_set3 is level 1b in Baseline, Main and Extended (A.3.1).
int normalizedLevel(const ProfileLevel& pl) {
    const bool cs3Profiles = pl.profileIdc == 0x42 || pl.profileIdc == 0x4d || pl.profileIdc == 0x58;
    if (cs3Profiles && pl.levelIdc == 11 && (pl.iop & 0x10))
        return 9;
    return pl.levelIdc;
}

std::optional<ProfileLevel> parseProfileLevelId(std::string_view hex) {
    if (hex.size() != 6)
        return std::nullopt;
    int v[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) {
        int x = 0;
        for (int k = 0; k < 2; ++k) {
            const char c = hex[static_cast<std::size_t>(i * 2 + k)];
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                return std::nullopt;
            x = x * 16 + d;
        }
        v[i] = x;
    }
    return ProfileLevel{v[0], v[1], v[2]};
}

std::string hex6(const ProfileLevel& pl) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02x%02x%02x", pl.profileIdc & 0xff, pl.iop & 0xff, pl.levelIdc & 0xff);
    return buf;
}

int intParameter(std::string_view params, std::string_view name, int fallback) {
    const auto v = fmtpParameter(params, name);
    if (!v || v->empty() || v->size() > 9 ||
        !std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fallback;
    return std::stoi(*v);
}

// RFC 6184: a payload with no profile-level-id is Baseline level 1 (42000a).
ProfileLevel profileLevelOf(std::string_view params) {
    const auto text = fmtpParameter(params, "profile-level-id");
    if (text) {
        if (const auto pl = parseProfileLevelId(*text))
            return *pl;
    }
    return ProfileLevel{0x42, 0x00, 10};
}

// Profiles whose decoders take our Constrained Baseline stream: Baseline, Main, Extended, High.
bool decodesConstrainedBaseline(int profileIdc) {
    return profileIdc == 0x42 || profileIdc == 0x4d || profileIdc == 0x58 || profileIdc == 0x64;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty())
            out += sep;
        out += i;
    }
    return out;
}

// --- Audio formats -------------------------------------------------------------------------

enum class AudioKind { None, Codec, TelephoneEvent };

struct AudioIdentity {
    AudioKind kind = AudioKind::None;
    AudioCodec codec = AudioCodec::Pcma;
    int clockRate = 8000;
    int channels = 1;
};

// What a payload type of an m=audio is: its rtpmap, or the static assignment (RFC 3551).
AudioIdentity identifyAudio(const MediaDescription& m, int pt) {
    AudioIdentity id;
    const RtpMap* r = m.rtpmap(pt);
    if (!r) {
        if (pt == 0)
            id = {AudioKind::Codec, AudioCodec::Pcmu, 8000, 1};
        else if (pt == 8)
            id = {AudioKind::Codec, AudioCodec::Pcma, 8000, 1};
        else if (pt == 9)
            id = {AudioKind::Codec, AudioCodec::G722, 8000, 1};
        return id;
    }
    const int ch = r->channels == 0 ? 1 : r->channels;
    if (equalsIgnoreCase(r->encoding, "telephone-event"))
        return {AudioKind::TelephoneEvent, AudioCodec::Pcma, r->clockRate, 1};
    if (ch == 1 && r->clockRate == 8000) {
        if (equalsIgnoreCase(r->encoding, "G722"))
            return {AudioKind::Codec, AudioCodec::G722, 8000, 1};
        if (equalsIgnoreCase(r->encoding, "PCMA"))
            return {AudioKind::Codec, AudioCodec::Pcma, 8000, 1};
        if (equalsIgnoreCase(r->encoding, "PCMU"))
            return {AudioKind::Codec, AudioCodec::Pcmu, 8000, 1};
    }
    if (equalsIgnoreCase(r->encoding, "opus") && r->clockRate == 48000 && ch == 2)
        return {AudioKind::Codec, AudioCodec::Opus, 48000, 2};
    if (equalsIgnoreCase(r->encoding, "MP4A-LATM") && ch <= 2)
        return {AudioKind::Codec, AudioCodec::AacLd, r->clockRate, ch};
    return id;
}

std::string_view encodingName(AudioCodec c) {
    switch (c) {
    case AudioCodec::G722:
        return "G722";
    case AudioCodec::Pcma:
        return "PCMA";
    case AudioCodec::Pcmu:
        return "PCMU";
    case AudioCodec::Opus:
        return "opus";
    case AudioCodec::AacLd:
        return "MP4A-LATM";
    }
    return "PCMA";
}

// "G729/8000" or "PT 18": how an offered format is named in a refusal.
std::string formatName(const MediaDescription& m, int pt) {
    if (const RtpMap* r = m.rtpmap(pt))
        return r->encoding + "/" + std::to_string(r->clockRate);
    return "PT " + std::to_string(pt);
}

std::string offeredNames(const MediaDescription& m) {
    std::vector<std::string> names;
    for (int pt : m.payloadTypes())
        names.push_back(formatName(m, pt));
    return join(names, ", ");
}

bool isUnspecified(const Connection& c) {
    return c.address == "0.0.0.0" || c.address == "::";
}

bool isLiteral(const Connection& c) {
    return c.addressType == AddressType::IP4 ? isIp4Literal(c.address) : isIp6Literal(c.address);
}

// What a send ptime an offer's a=ptime / a=maxptime allow: theirs when it is a common packet
// length, else 20 ms.
int sendPtime(const MediaDescription& m, std::vector<std::string>& warnings) {
    int p = m.ptime.value_or(20);
    constexpr std::array<int, 5> common{10, 20, 30, 40, 60};
    if (std::find(common.begin(), common.end(), p) == common.end()) {
        warnings.push_back("audio: a=ptime:" + std::to_string(p) +
                           " is not a packet length we send; 20 ms sent");
        p = 20;
    }
    if (m.maxptime && p > *m.maxptime)
        p = std::max(10, std::min(20, *m.maxptime) / 10 * 10);
    return p;
}

std::uint16_t rtcpPortOf(const MediaDescription& m, const std::string& rtpAddress,
                         std::vector<std::string>& warnings, std::string_view kind) {
    if (m.rtcp) {
        if (m.rtcp->connection && m.rtcp->connection->address != rtpAddress)
            warnings.push_back(std::string(kind) + ": a=rtcp names another address (" +
                               m.rtcp->connection->address + "); RTCP goes to " + rtpAddress);
        return m.rtcp->port;
    }
    return static_cast<std::uint16_t>(m.port == 65535 ? 0 : m.port + 1);
}

// --- Video --------------------------------------------------------------------------------

struct H264Candidate {
    int pt = -1;
    int mode = 0;
    ProfileLevel profileLevel;
    std::string params;
};

// The offered H.264 payloads we can use, in offer order.
std::vector<H264Candidate> h264Candidates(const MediaDescription& m, std::vector<std::string>* skipped) {
    std::vector<H264Candidate> out;
    for (int pt : m.payloadTypes()) {
        const RtpMap* r = m.rtpmap(pt);
        if (!r || !equalsIgnoreCase(r->encoding, "H264") || r->clockRate != 90000)
            continue;
        H264Candidate c;
        c.pt = pt;
        const Fmtp* f = m.fmtp(pt);
        c.params = f ? f->parameters : std::string();
        c.mode = intParameter(c.params, "packetization-mode", 0);
        c.profileLevel = profileLevelOf(c.params);
        if (c.mode > 1) {
            if (skipped)
                skipped->push_back("H.264 PT " + std::to_string(pt) + " (packetization-mode " +
                                   std::to_string(c.mode) + ")");
            continue;
        }
        if (!decodesConstrainedBaseline(c.profileLevel.profileIdc)) {
            if (skipped)
                skipped->push_back("H.264 PT " + std::to_string(pt) + " (profile-level-id " +
                                   hex6(c.profileLevel) + ")");
            continue;
        }
        out.push_back(std::move(c));
    }
    return out;
}

// Kbit/s a peer's bandwidth lines allow its video; 0: no line says.
int videoKbps(const SessionDescription& sdp, const MediaDescription& m) {
    if (const auto tias = m.bandwidth("TIAS"))
        return static_cast<int>(std::min<std::uint64_t>(*tias / 1000, 1'000'000));
    if (const auto as = m.bandwidth("AS"))
        return static_cast<int>(std::min<std::uint64_t>(*as, 1'000'000));
    const bool hasAudio = std::any_of(sdp.media.begin(), sdp.media.end(), [](const MediaDescription& x) {
        return x.media == "audio" && x.port != 0;
    });
    std::optional<std::uint64_t> session;
    if (const auto tias = sdp.bandwidth("TIAS"))
        session = *tias / 1000;
    else if (const auto as = sdp.bandwidth("AS"))
        session = *as;
    else if (const auto ct = sdp.bandwidth("CT"))
        session = *ct;
    if (!session)
        return 0;
    auto kbps = static_cast<std::int64_t>(std::min<std::uint64_t>(*session, 1'000'000));
    if (hasAudio)
        kbps -= kAudioShareKbps;
    return static_cast<int>(std::max<std::int64_t>(kbps, 1));
}

KeyframeRequestKind keyframeKind(const MediaDescription& m, int pt, KeyframeRequestKind fallback) {
    bool pli = false;
    bool fir = false;
    for (const auto& fb : m.rtcpFbs) {
        if (fb.payloadType != pt && fb.payloadType != -1)
            continue;
        if (equalsIgnoreCase(fb.type, "nack") && equalsIgnoreCase(fb.parameter, "pli"))
            pli = true;
        if (equalsIgnoreCase(fb.type, "ccm") && equalsIgnoreCase(fb.parameter, "fir"))
            fir = true;
    }
    if (pli)
        return KeyframeRequestKind::Pli;
    if (fir)
        return KeyframeRequestKind::Fir;
    return fallback;
}

// The tier we send a peer with these limits, capped by ours; warns when even Sd360 exceeds them.
VideoTier chooseTier(const VideoLimits& limits, VideoTier cap, std::vector<std::string>& warnings) {
    auto tier = tierWithin(limits);
    if (!tier) {
        warnings.push_back("video: Sd360 sent over its limits (max-fs " +
                           std::to_string(limits.maxFrameMacroblocks) + ", max-mbps " +
                           std::to_string(limits.maxMacroblocksPerSecond) + ", " +
                           std::to_string(limits.maxKbps) + " kbit/s)");
        return VideoTier::Sd360;
    }
    if (cap == VideoTier::Sd360)
        return VideoTier::Sd360;
    return *tier;
}

std::string ourH264Fmtp(const ProfileLevel& pl, int mode, bool levelAsymmetry) {
    std::string s = "profile-level-id=" + hex6(pl) + ";packetization-mode=" + std::to_string(mode);
    if (levelAsymmetry)
        s += ";level-asymmetry-allowed=1";
    s += ";max-fs=" + std::to_string(kOurMaxFs) + ";max-mbps=" + std::to_string(kOurMaxMbps);
    return s;
}

// --- Session framing ---------------------------------------------------------------------

Connection ourConnection(const Capabilities& caps) {
    Connection c;
    c.addressType = isIp6Literal(caps.address) ? AddressType::IP6 : AddressType::IP4;
    c.address = caps.address;
    return c;
}

std::uint64_t clockSessionId() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(now).count());
}

// o= of a description we send: the dialog's session id; the version raised on each change.
void stampOrigin(SessionDescription& sdp, const Capabilities& caps, const SessionDescription* previous) {
    sdp.origin.username = caps.username;
    sdp.origin.address = caps.address;
    sdp.origin.addressType = ourConnection(caps).addressType;
    if (!previous) {
        sdp.origin.sessionId = caps.sessionId != 0 ? caps.sessionId : clockSessionId();
        sdp.origin.sessionVersion = 1;
        return;
    }
    sdp.origin.sessionId = previous->origin.sessionId;
    sdp.origin.sessionVersion = previous->origin.sessionVersion;
    SessionDescription same = sdp;
    same.origin = previous->origin;
    if (!(same == *previous))
        sdp.origin.sessionVersion = previous->origin.sessionVersion + 1;
}

SessionDescription skeleton(const Capabilities& caps) {
    SessionDescription sdp;
    sdp.sessionName = caps.sessionName;
    sdp.connection = ourConnection(caps);
    return sdp;
}

MediaDescription refusedCopy(const MediaDescription& offered) {
    MediaDescription r;
    r.media = offered.media;
    r.port = 0;
    r.proto = offered.proto;
    r.formats = offered.formats;
    return r;
}

struct StreamOutcome {
    std::optional<MediaDescription> answer; // none: refused
    std::string reason;
};

} // namespace

std::string_view toString(AudioCodec c) {
    return encodingName(c);
}

std::string_view toString(KeyframeRequestKind k) {
    switch (k) {
    case KeyframeRequestKind::Pli:
        return "PLI";
    case KeyframeRequestKind::Fir:
        return "FIR";
    case KeyframeRequestKind::Fir2032:
        return "FIR (RFC 2032)";
    case KeyframeRequestKind::Info:
        return "SIP INFO";
    }
    return "PLI";
}

std::string_view toString(VideoTier t) {
    return t == VideoTier::Hd720 ? "Hd720" : "Sd360";
}

VideoLimits h264Limits(std::string_view params, int kbpsLimit) {
    const auto pl = profileLevelOf(params);
    const Level& level = kLevels[levelRank(normalizedLevel(pl))];
    // max-fs, max-mbps and max-br only raise what the level allows (RFC 6184 §8.1).
    VideoLimits l;
    l.maxFrameMacroblocks = std::max(level.maxFs, intParameter(params, "max-fs", 0));
    l.maxMacroblocksPerSecond = std::max(level.maxMbps, intParameter(params, "max-mbps", 0));
    l.maxKbps = std::max(level.maxBrKbps, intParameter(params, "max-br", 0));
    if (kbpsLimit > 0)
        l.maxKbps = std::min(l.maxKbps, kbpsLimit);
    return l;
}

std::optional<VideoTier> tierWithin(const VideoLimits& l) {
    if (l.maxFrameMacroblocks >= 3600 && l.maxMacroblocksPerSecond >= 90000 && l.maxKbps >= 1500)
        return VideoTier::Hd720;
    if (l.maxFrameMacroblocks >= 920 && l.maxMacroblocksPerSecond >= 23000 && l.maxKbps >= 500)
        return VideoTier::Sd360;
    return std::nullopt;
}

namespace {

// Checks shared by audio and video streams of an offer; a reason when the stream is unusable.
std::optional<std::string> transportProblem(const SessionDescription& offer, const MediaDescription& m,
                                            std::string_view kind) {
    if (m.port == 0)
        return std::string(kind) + ": disabled in the offer (port 0)";
    if (!m.isRtp())
        return std::string(kind) + ": transport " + m.proto + " is not RTP";
    if (m.isSecure())
        return std::string(kind) + ": secure RTP (" + m.proto + ") is not supported";
    const Connection* c = offer.connectionOf(m);
    if (!c || !isLiteral(*c))
        return std::string(kind) + ": the connection address " +
               (c ? "'" + c->address + "' " : std::string()) + "is not an IP address";
    return std::nullopt;
}

// The offered direction with old-style hold (c=0.0.0.0, RFC 3264 §8.4) as "the offerer does not
// receive"; and our answer's direction, the mirror of it.
Direction answeredDirection(const SessionDescription& offer, const MediaDescription& m) {
    Direction d = offer.directionOf(m);
    if (const Connection* c = offer.connectionOf(m); c && isUnspecified(*c))
        d = makeDirection(sends(d), false);
    return reversed(d);
}

StreamOutcome answerAudio(const SessionDescription& offer, const MediaDescription& m,
                          const Capabilities& caps, NegotiatedMedia& out) {
    if (caps.audioPort == 0)
        return {std::nullopt, "audio: not taken on this call"};
    if (auto problem = transportProblem(offer, m, "audio"))
        return {std::nullopt, *problem};

    // Our preference, not the offer's order: G.722 is the codec every hall shares at 16 kHz.
    std::vector<AudioCodec> preference{AudioCodec::G722, AudioCodec::Pcma, AudioCodec::Pcmu};
    if (caps.opus && caps.preferOpus)
        preference.insert(preference.begin(), AudioCodec::Opus);
    else if (caps.opus)
        preference.push_back(AudioCodec::Opus);
    if (caps.aacLdReceive)
        preference.push_back(AudioCodec::AacLd);
    std::optional<std::pair<int, AudioIdentity>> chosen;
    for (AudioCodec want : preference) {
        for (int pt : m.payloadTypes()) {
            const auto id = identifyAudio(m, pt);
            if (id.kind == AudioKind::Codec && id.codec == want) {
                chosen = std::make_pair(pt, id);
                break;
            }
        }
        if (chosen)
            break;
    }
    if (!chosen)
        return {std::nullopt, "audio: no codec we speak (offered " + offeredNames(m) + ")"};
    const auto [pt, id] = *chosen;

    Direction dir = answeredDirection(offer, m);
    if (id.codec == AudioCodec::AacLd) {
        // FFmpeg decodes AAC-LD but cannot encode it: we hear the hall, it does not hear us.
        if (!receives(dir))
            return {std::nullopt,
                    "audio: MP4A-LATM (AAC-LD) only, which we cannot send, and the far end only receives"};
        dir = makeDirection(false, true);
        out.warnings.push_back("audio: MP4A-LATM (AAC-LD) only: received, nothing sent to the hall");
    }

    AudioFormat fmt;
    fmt.codec = id.codec;
    fmt.payloadType = pt;
    fmt.clockRate = id.clockRate;
    fmt.channels = id.channels;
    fmt.ptimeMs = sendPtime(m, out.warnings);
    if (id.codec == AudioCodec::AacLd) {
        if (const Fmtp* f = m.fmtp(pt))
            fmt.fmtp = f->parameters;
    }

    MediaDescription a;
    a.media = "audio";
    a.port = caps.audioPort;
    a.proto = m.proto;
    a.formats.push_back(std::to_string(pt));
    a.rtpmaps.push_back(
        RtpMap{pt, std::string(encodingName(id.codec)), id.clockRate, id.channels > 1 ? id.channels : 0});
    if (id.codec == AudioCodec::AacLd) {
        // Keep the offer's own spelling and config: it describes what the hall sends.
        a.rtpmaps.back() = *m.rtpmap(pt);
        if (!fmt.fmtp.empty())
            a.fmtps.push_back(Fmtp{pt, fmt.fmtp});
    }
    for (int tpt : m.payloadTypes()) {
        const auto tid = identifyAudio(m, tpt);
        if (tid.kind == AudioKind::TelephoneEvent && tid.clockRate == id.clockRate) {
            fmt.telephoneEventPayloadType = tpt;
            a.formats.push_back(std::to_string(tpt));
            a.rtpmaps.push_back(*m.rtpmap(tpt));
            const Fmtp* f = m.fmtp(tpt);
            a.fmtps.push_back(Fmtp{tpt, f && !f->parameters.empty() ? f->parameters : std::string("0-15")});
            break;
        }
    }
    a.ptime = caps.ptimeMs;
    a.direction = dir;

    const Connection* c = offer.connectionOf(m);
    out.remoteAddress = c->address;
    out.remoteAudioPort = m.port;
    out.remoteAudioRtcpPort = rtcpPortOf(m, c->address, out.warnings, "audio");
    out.audio = fmt;
    out.audioSend = sends(dir) && !isUnspecified(*c);
    out.audioReceive = receives(dir);
    return {std::move(a), {}};
}

StreamOutcome answerVideo(const SessionDescription& offer, const MediaDescription& m,
                          const Capabilities& caps, NegotiatedMedia& out) {
    if (m.content && equalsIgnoreCase(*m.content, "slides"))
        return {std::nullopt, "video: slides (a=content:slides, BFCP) are not taken yet"};
    if (caps.videoPort == 0)
        return {std::nullopt, "video: not taken on this call"};
    if (auto problem = transportProblem(offer, m, "video"))
        return {std::nullopt, *problem};

    std::vector<std::string> skipped;
    const auto candidates = h264Candidates(m, &skipped);
    if (candidates.empty()) {
        std::string reason = "video: no H.264 we take (offered " + offeredNames(m) + ")";
        if (!skipped.empty())
            reason += "; not usable: " + join(skipped, ", ");
        return {std::nullopt, reason};
    }
    // Packetization mode 1 (FU-A fragments large NAL units) over mode 0; else the offer's order.
    const auto mode1 = std::find_if(candidates.begin(), candidates.end(),
                                    [](const H264Candidate& c) { return c.mode == 1; });
    const H264Candidate& chosen = mode1 != candidates.end() ? *mode1 : candidates.front();

    const int kbps = videoKbps(offer, m);
    const VideoLimits limits = h264Limits(chosen.params, kbps);
    out.remoteVideoLimits = limits;

    VideoFormat fmt;
    fmt.payloadType = chosen.pt;
    fmt.packetizationMode = chosen.mode;
    fmt.tier = chooseTier(limits, caps.maxSendTier, out.warnings);
    fmt.keyframeRequest = keyframeKind(m, chosen.pt, caps.keyframeFallback);
    fmt.maxPayloadBytes = caps.maxPayloadBytes;

    // Our fmtp: the offer's profile (its profile-level-id must be kept, RFC 6184 §8.2.2), our
    // receive level. Without level-asymmetry-allowed both directions use the lower level, so ours
    // may not exceed the offer's; max-fs and max-mbps still state what we receive.
    const bool asymmetry =
        fmtpParameter(chosen.params, "level-asymmetry-allowed") == std::optional<std::string>("1");
    ProfileLevel ours = chosen.profileLevel;
    const bool oursHigher = levelRank(kOurLevelIdc) > levelRank(normalizedLevel(chosen.profileLevel));
    if (asymmetry || !oursHigher) {
        ours.levelIdc = kOurLevelIdc;
        ours.iop &= ~0x10; // constraint_set3 marks level 1b only
    }

    MediaDescription v;
    v.media = "video";
    v.port = caps.videoPort;
    v.proto = m.proto;
    v.formats.push_back(std::to_string(chosen.pt));
    v.bandwidths.push_back(Bandwidth{"AS", static_cast<std::uint64_t>(caps.videoReceiveKbps)});
    v.rtpmaps.push_back(RtpMap{chosen.pt, m.rtpmap(chosen.pt)->encoding, 90000, 0});
    v.fmtps.push_back(Fmtp{chosen.pt, ourH264Fmtp(ours, chosen.mode, asymmetry)});
    for (const auto& fb : m.rtcpFbs) {
        if (fb.payloadType != chosen.pt && fb.payloadType != -1)
            continue;
        const bool pli = equalsIgnoreCase(fb.type, "nack") && equalsIgnoreCase(fb.parameter, "pli");
        const bool fir = equalsIgnoreCase(fb.type, "ccm") && equalsIgnoreCase(fb.parameter, "fir");
        if (!pli && !fir)
            continue;
        RtcpFb a{chosen.pt, pli ? "nack" : "ccm", pli ? "pli" : "fir"};
        if (std::find(v.rtcpFbs.begin(), v.rtcpFbs.end(), a) == v.rtcpFbs.end())
            v.rtcpFbs.push_back(std::move(a));
    }
    const Direction dir = answeredDirection(offer, m);
    v.direction = dir;
    if (m.content)
        v.content = m.content; // "main" stays main

    const Connection* c = offer.connectionOf(m);
    if (out.remoteAddress.empty())
        out.remoteAddress = c->address;
    else if (out.remoteAddress != c->address)
        out.warnings.push_back("video comes from " + c->address + ", audio from " + out.remoteAddress +
                               ": the engine latches each to where its media comes from");
    out.remoteVideoPort = m.port;
    out.remoteVideoRtcpPort = rtcpPortOf(m, c->address, out.warnings, "video");
    out.video = fmt;
    out.videoSend = sends(dir) && !isUnspecified(*c);
    out.videoReceive = receives(dir);
    return {std::move(v), {}};
}

} // namespace

AnswerResult answer(const SessionDescription& offer, const Capabilities& caps,
                    const SessionDescription* previous) {
    AnswerResult result;
    NegotiatedMedia& nm = result.media;
    nm.audioSend = nm.audioReceive = nm.videoSend = nm.videoReceive = false;
    SessionDescription ans = skeleton(caps);
    std::vector<std::string> reasons;
    std::vector<std::size_t> accepted; // indexes into ans.media
    bool audioTaken = false;
    bool videoTaken = false;

    for (const auto& m : offer.media) {
        StreamOutcome o;
        if (m.media == "audio") {
            o = audioTaken ? StreamOutcome{std::nullopt, "audio: a second audio stream"}
                           : answerAudio(offer, m, caps, nm);
            audioTaken = audioTaken || o.answer.has_value();
        } else if (m.media == "video") {
            const bool slides = m.content && equalsIgnoreCase(*m.content, "slides");
            o = (videoTaken && !slides) ? StreamOutcome{std::nullopt, "video: a second video stream"}
                                        : answerVideo(offer, m, caps, nm);
            videoTaken = videoTaken || o.answer.has_value();
        } else if (m.media == "application" && m.proto.find("BFCP") != std::string::npos) {
            o.reason = "BFCP (" + m.proto + "): content sharing is not taken yet";
        } else {
            o.reason = "m=" + m.media + " (" + m.proto + ") is not a stream we take";
        }
        if (o.answer) {
            accepted.push_back(ans.media.size());
            ans.media.push_back(std::move(*o.answer));
        } else {
            ans.media.push_back(refusedCopy(m));
            reasons.push_back(o.reason);
        }
    }

    if (accepted.empty()) {
        result.refusal = "nothing in the offer is acceptable: " + join(reasons, "; ");
        result.media = NegotiatedMedia{};
        result.media.warnings = reasons;
        return result;
    }
    for (const auto& r : reasons)
        nm.warnings.push_back("refused " + r);

    // The engine multiplexes RTCP for the whole call or not at all (RFC 5761 lets each stream
    // choose, our contract does not): take it only if every stream we accept offered it.
    const bool allMux =
        std::all_of(accepted.begin(), accepted.end(), [&](std::size_t i) { return offer.media[i].rtcpMux; });
    const bool someMux =
        std::any_of(accepted.begin(), accepted.end(), [&](std::size_t i) { return offer.media[i].rtcpMux; });
    if (allMux) {
        nm.rtcpMux = true;
        for (std::size_t i : accepted)
            ans.media[i].rtcpMux = true;
        if (nm.remoteAudioPort)
            nm.remoteAudioRtcpPort = nm.remoteAudioPort;
        if (nm.remoteVideoPort)
            nm.remoteVideoRtcpPort = nm.remoteVideoPort;
    } else if (someMux) {
        nm.warnings.push_back("rtcp-mux offered on some streams only: RTCP kept on its own ports");
    }

    stampOrigin(ans, caps, previous);
    result.answer = std::move(ans);
    return result;
}

SessionDescription offer(const Capabilities& caps, const SessionDescription* previous, bool hold) {
    SessionDescription sdp = skeleton(caps);
    const Direction dir = hold ? Direction::SendOnly : Direction::SendRecv;
    if (caps.audioPort != 0) {
        MediaDescription a;
        a.media = "audio";
        a.port = caps.audioPort;
        const int te = caps.telephoneEventPayloadType;
        a.formats = {"9", "8", "0", std::to_string(te)};
        a.rtpmaps = {{9, "G722", 8000, 0},
                     {8, "PCMA", 8000, 0},
                     {0, "PCMU", 8000, 0},
                     {te, "telephone-event", 8000, 0}};
        a.fmtps = {{te, "0-15"}};
        a.ptime = caps.ptimeMs;
        a.rtcpMux = caps.offerRtcpMux;
        a.direction = dir;
        sdp.media.push_back(std::move(a));
    }
    if (caps.videoPort != 0) {
        // H.264 twice, as baresip does: room systems that only do single NAL units pick mode 0.
        MediaDescription v;
        v.media = "video";
        v.port = caps.videoPort;
        const int p1 = caps.h264Mode1PayloadType;
        const int p0 = caps.h264Mode0PayloadType;
        v.formats = {std::to_string(p1), std::to_string(p0)};
        v.bandwidths.push_back(Bandwidth{"AS", static_cast<std::uint64_t>(caps.videoReceiveKbps)});
        const ProfileLevel cb{0x42, 0xe0, kOurLevelIdc};
        for (const auto& [pt, mode] : {std::pair{p1, 1}, std::pair{p0, 0}}) {
            v.rtpmaps.push_back(RtpMap{pt, "H264", 90000, 0});
            v.fmtps.push_back(Fmtp{pt, ourH264Fmtp(cb, mode, true)});
            v.rtcpFbs.push_back(RtcpFb{pt, "nack", "pli"});
            v.rtcpFbs.push_back(RtcpFb{pt, "ccm", "fir"});
        }
        v.rtcpMux = caps.offerRtcpMux;
        v.direction = dir;
        sdp.media.push_back(std::move(v));
    }
    stampOrigin(sdp, caps, previous);
    return sdp;
}

AcceptResult acceptAnswer(const SessionDescription& ourOffer, const SessionDescription& ans,
                          const Capabilities& caps) {
    AcceptResult result;
    auto fail = [&](std::string e) {
        result.error = std::move(e);
        return result;
    };
    if (ans.media.size() != ourOffer.media.size())
        return fail("the answer has " + std::to_string(ans.media.size()) +
                    " media sections for the offer's " + std::to_string(ourOffer.media.size()));
    NegotiatedMedia nm;
    nm.audioSend = nm.audioReceive = nm.videoSend = nm.videoReceive = false;
    std::vector<const MediaDescription*> acceptedAnswers;
    std::vector<const MediaDescription*> acceptedOffers;

    for (std::size_t i = 0; i < ans.media.size(); ++i) {
        const MediaDescription& om = ourOffer.media[i];
        const MediaDescription& am = ans.media[i];
        const std::string where = "m=" + am.media + " (section " + std::to_string(i + 1) + ")";
        if (am.media != om.media)
            return fail(where + " answers our m=" + om.media);
        if (am.port == 0 || om.port == 0) {
            if (om.port != 0)
                nm.warnings.push_back("the far end refused our " + om.media);
            continue;
        }
        if (am.proto != om.proto)
            return fail(where + ": transport " + am.proto + " answers our " + om.proto);
        const Connection* c = ans.connectionOf(am);
        if (!c || !isLiteral(*c))
            return fail(where + ": the connection address is not an IP address");

        // Directions as we see them: we send what they receive and we offered to send.
        const Direction offered = ourOffer.directionOf(om);
        const Direction theirs = ans.directionOf(am);
        if ((sends(theirs) && !receives(offered)) || (receives(theirs) && !sends(offered)))
            nm.warnings.push_back(where + ": a=" + std::string(toString(theirs)) + " answers our a=" +
                                  std::string(toString(offered)) + "; taken as the directions both allow");
        const bool weSend = receives(theirs) && sends(offered) && !isUnspecified(*c);
        const bool weReceive = sends(theirs) && receives(offered);

        if (am.media == "audio") {
            if (nm.audio)
                return fail(where + ": a second audio stream");
            std::optional<AudioFormat> fmt;
            int te = -1;
            for (int pt : am.payloadTypes()) {
                const auto id = identifyAudio(am, pt);
                const auto pts = om.payloadTypes();
                bool offeredPt = std::find(pts.begin(), pts.end(), pt) != pts.end();
                if (offeredPt) {
                    const auto ours = identifyAudio(om, pt);
                    if (id.kind != ours.kind || id.codec != ours.codec)
                        return fail(where + ": payload type " + std::to_string(pt) + " is " +
                                    formatName(am, pt) + " in the answer, " + formatName(om, pt) +
                                    " in our offer");
                } else {
                    // RFC 3264 lets an answer renumber; the format itself must be one we offered.
                    const bool sameFormatOffered =
                        id.kind != AudioKind::None && std::any_of(pts.begin(), pts.end(), [&](int o) {
                            const auto x = identifyAudio(om, o);
                            return x.kind == id.kind && x.codec == id.codec;
                        });
                    if (!sameFormatOffered)
                        return fail(where + ": the answer picks payload type " + std::to_string(pt) + " (" +
                                    formatName(am, pt) + "), which we did not offer");
                    nm.warnings.push_back(where + ": " + formatName(am, pt) + " answered as payload type " +
                                          std::to_string(pt));
                }
                if (id.kind == AudioKind::TelephoneEvent && te < 0)
                    te = pt;
                if (id.kind == AudioKind::Codec && !fmt)
                    fmt = AudioFormat{id.codec, pt, id.clockRate, id.channels, -1, sendPtime(am, nm.warnings),
                                      {}};
            }
            if (!fmt)
                return fail(where + ": the answer keeps no audio codec");
            fmt->telephoneEventPayloadType = te;
            nm.audio = fmt;
            nm.remoteAudioPort = am.port;
            if (nm.remoteAddress.empty())
                nm.remoteAddress = c->address;
            nm.remoteAudioRtcpPort = rtcpPortOf(am, c->address, nm.warnings, "audio");
            nm.audioSend = weSend;
            nm.audioReceive = weReceive;
        } else if (am.media == "video") {
            if (nm.video)
                return fail(where + ": a second video stream");
            const auto ourCandidates = h264Candidates(om, nullptr);
            std::optional<VideoFormat> fmt;
            std::string params;
            for (int pt : am.payloadTypes()) {
                const RtpMap* r = am.rtpmap(pt);
                const bool h264 =
                    r ? (equalsIgnoreCase(r->encoding, "H264") && r->clockRate == 90000) : false;
                const auto ours = std::find_if(ourCandidates.begin(), ourCandidates.end(),
                                               [&](const H264Candidate& c2) { return c2.pt == pt; });
                if (!h264 || (ours == ourCandidates.end() && !r))
                    return fail(where + ": the answer picks payload type " + std::to_string(pt) + " (" +
                                formatName(am, pt) + "), which we did not offer");
                const Fmtp* f = am.fmtp(pt);
                const std::string p = f ? f->parameters : std::string();
                const auto stated = fmtpParameter(p, "packetization-mode");
                int mode = stated ? intParameter(p, "packetization-mode", -1) : -1;
                if (ours != ourCandidates.end()) {
                    if (mode >= 0 && mode != ours->mode)
                        return fail(where + ": payload type " + std::to_string(pt) +
                                    " is packetization-mode " + std::to_string(mode) + " in the answer, " +
                                    std::to_string(ours->mode) + " in our offer");
                    if (mode < 0 && ours->mode != 0) {
                        // No mode in the answer means mode 0; single NAL units are safe either way.
                        nm.warnings.push_back(where + ": payload type " + std::to_string(pt) +
                                              " answered without packetization-mode: mode 0 sent");
                    }
                    if (mode < 0)
                        mode = 0;
                } else {
                    // Renumbered: it must be one of the modes we offered.
                    if (mode < 0)
                        mode = 0;
                    const bool modeOffered =
                        std::any_of(ourCandidates.begin(), ourCandidates.end(),
                                    [&](const H264Candidate& c2) { return c2.mode == mode; });
                    if (!modeOffered)
                        return fail(where + ": the answer picks H.264 packetization-mode " +
                                    std::to_string(mode) + " (payload type " + std::to_string(pt) +
                                    "), which we did not offer");
                    nm.warnings.push_back(where + ": H.264 answered as payload type " + std::to_string(pt));
                }
                if (!fmt) {
                    fmt = VideoFormat{pt, mode, VideoTier::Sd360, KeyframeRequestKind::Pli,
                                      caps.maxPayloadBytes};
                    params = p;
                }
            }
            if (!fmt)
                return fail(where + ": the answer keeps no video format");
            const VideoLimits limits = h264Limits(params, videoKbps(ans, am));
            nm.remoteVideoLimits = limits;
            fmt->tier = chooseTier(limits, caps.maxSendTier, nm.warnings);
            fmt->keyframeRequest = keyframeKind(am, fmt->payloadType, caps.keyframeFallback);
            nm.video = fmt;
            nm.remoteVideoPort = am.port;
            if (nm.remoteAddress.empty())
                nm.remoteAddress = c->address;
            nm.remoteVideoRtcpPort = rtcpPortOf(am, c->address, nm.warnings, "video");
            nm.videoSend = weSend;
            nm.videoReceive = weReceive;
        } else {
            return fail(where + ": accepted, but we offered no such stream");
        }
        acceptedAnswers.push_back(&am);
        acceptedOffers.push_back(&om);
    }
    if (acceptedAnswers.empty())
        return fail("the far end refused every stream");

    bool allMux = true;
    for (std::size_t k = 0; k < acceptedAnswers.size(); ++k)
        allMux = allMux && acceptedAnswers[k]->rtcpMux && acceptedOffers[k]->rtcpMux;
    if (allMux) {
        nm.rtcpMux = true;
        if (nm.remoteAudioPort)
            nm.remoteAudioRtcpPort = nm.remoteAudioPort;
        if (nm.remoteVideoPort)
            nm.remoteVideoRtcpPort = nm.remoteVideoPort;
    } else if (std::any_of(acceptedAnswers.begin(), acceptedAnswers.end(),
                           [](auto* m) { return m->rtcpMux; })) {
        nm.warnings.push_back("rtcp-mux accepted on some streams only: RTCP kept on its own ports");
    }
    result.media = std::move(nm);
    return result;
}

} // namespace hntt::sdp
