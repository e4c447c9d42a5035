// A typed SDP session description (RFC 8866, formerly 4566) with the attributes an RTP call with
// a SIP room system uses, a strict parser and a writer. What the console does not interpret is
// kept (other attributes, i=/u=/e=/p=/k=/r=/z= lines) so a description survives parse and write.
//
// The parser never throws on input: a malformed description gives an error naming the line.
// Attributes for payload types (rtpmap, fmtp, rtcp-fb) are kept in the order of the m= line's
// formats (types the line does not list after, by number), which is also the order the writer puts
// them in: parse(write(x)) == x.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hntt::sdp {

enum class AddressType { IP4, IP6 };

// RFC 3264 stream direction, as written by the side that wrote the description.
enum class Direction { SendRecv, SendOnly, RecvOnly, Inactive };

std::string_view toString(Direction d);
// The direction an answerer states for an offered one (sendonly → recvonly, ...).
Direction reversed(Direction d);
bool sends(Direction d);
bool receives(Direction d);
Direction makeDirection(bool send, bool receive);

struct Origin {
    std::string username = "-";
    std::uint64_t sessionId = 0;
    std::uint64_t sessionVersion = 0;
    AddressType addressType = AddressType::IP4;
    std::string address = "0.0.0.0";
    bool operator==(const Origin&) const = default;
};

struct Connection {
    AddressType addressType = AddressType::IP4;
    std::string address; // an IP literal or a host name, without /ttl
    std::string suffix;  // "/ttl[/count]" of multicast addresses, as written ("" for unicast)
    bool operator==(const Connection&) const = default;
};

struct Bandwidth {
    std::string type; // "AS" (kbit/s), "TIAS" (bit/s), "CT", "RR", "RS", ...
    std::uint64_t value = 0;
    bool operator==(const Bandwidth&) const = default;
};

struct RtpMap {
    int payloadType = 0;
    std::string encoding; // as written ("H264", "telephone-event")
    int clockRate = 0;
    int channels = 0; // 0: not written (one channel)
    bool operator==(const RtpMap&) const = default;
};

struct Fmtp {
    int payloadType = 0;
    std::string parameters; // "profile-level-id=42e01f;packetization-mode=1"
    bool operator==(const Fmtp&) const = default;
};

struct RtcpFb {
    int payloadType = -1;  // -1: "*", every payload type of the stream
    std::string type;      // "nack", "ccm", "goog-remb", ...
    std::string parameter; // "pli", "fir", "" ...
    bool operator==(const RtcpFb&) const = default;
};

struct RtcpAttribute {
    std::uint16_t port = 0;
    std::optional<Connection> connection;
    bool operator==(const RtcpAttribute&) const = default;
};

// An attribute the console does not interpret, kept as written: a=<name>[:<value>].
struct Attribute {
    std::string name;
    std::optional<std::string> value;
    bool operator==(const Attribute&) const = default;
};

struct MediaDescription {
    std::string media = "audio"; // "audio", "video", "application", or another token
    std::uint16_t port = 0;      // 0: the stream is refused or disabled
    int portCount = 0;           // the "/<n>" after the port; 0: not written
    std::string proto = "RTP/AVP";
    std::vector<std::string> formats; // payload type numbers for RTP, else tokens

    std::optional<std::string> title; // i=
    std::optional<Connection> connection;
    std::vector<Bandwidth> bandwidths;
    std::vector<RtpMap> rtpmaps;
    std::vector<Fmtp> fmtps;
    std::vector<RtcpFb> rtcpFbs;
    std::optional<int> ptime;
    std::optional<int> maxptime;
    std::optional<RtcpAttribute> rtcp;
    bool rtcpMux = false;
    std::optional<Direction> direction;
    std::optional<std::string> content; // RFC 4796: "main", "slides", ...
    std::optional<std::string> label;   // RFC 4574
    std::vector<std::string> keyLines;  // k= (obsolete), kept
    std::vector<Attribute> attributes;  // the others, in order

    bool operator==(const MediaDescription&) const = default;

    bool isRtp() const;    // RTP/AVP, RTP/AVPF, RTP/SAVP, RTP/SAVPF, UDP/TLS/RTP/SAVP(F)
    bool isSecure() const; // an SRTP profile
    // The payload types of an RTP m= line (its formats as numbers).
    std::vector<int> payloadTypes() const;
    const RtpMap* rtpmap(int payloadType) const;
    const Fmtp* fmtp(int payloadType) const;
    std::optional<std::uint64_t> bandwidth(std::string_view type) const;
};

struct SessionDescription {
    Origin origin;
    std::string sessionName = "-";
    // i=, u=, e=, p= lines, as (letter, value), in order.
    std::vector<std::pair<char, std::string>> information;
    std::optional<Connection> connection;
    std::vector<Bandwidth> bandwidths;
    // t=, r= and z= lines as written ("t=0 0"); at least one t= line.
    std::vector<std::string> timeLines{"t=0 0"};
    std::vector<std::string> keyLines; // k=
    std::optional<Direction> direction;
    std::vector<Attribute> attributes;
    std::vector<MediaDescription> media;

    bool operator==(const SessionDescription&) const = default;

    std::optional<std::uint64_t> bandwidth(std::string_view type) const;
    // What applies to a media section: its own value, else the session's.
    Direction directionOf(const MediaDescription& m) const;
    const Connection* connectionOf(const MediaDescription& m) const;
};

struct ParseResult {
    std::optional<SessionDescription> description;
    std::string error; // "line 4: m=audio: port 'x' is not a number"; empty on success
    int line = 0;      // of the error, 1-based; 0: the whole text
    explicit operator bool() const { return description.has_value(); }
};

// Limits of what the parser accepts: a SIP body larger than this is not an SDP a room system sends.
inline constexpr std::size_t kMaxSdpBytes = 64 * 1024;
inline constexpr std::size_t kMaxLineBytes = 4096;

ParseResult parse(std::string_view text);
// The description as text, each line ended by CRLF.
std::string write(const SessionDescription& sdp);

// fmtp parameters "a=b;c=d" as (name, value) pairs, names as written, spaces trimmed.
std::vector<std::pair<std::string, std::string>> fmtpParameters(std::string_view parameters);
// A parameter's value by its name (case-insensitive), if present.
std::optional<std::string> fmtpParameter(std::string_view parameters, std::string_view name);

bool equalsIgnoreCase(std::string_view a, std::string_view b);
// Whether a string is an IPv4 / IPv6 address literal.
bool isIp4Literal(std::string_view s);
bool isIp6Literal(std::string_view s);

} // namespace hntt::sdp
