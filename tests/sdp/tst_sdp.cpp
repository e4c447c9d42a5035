// SDP parsing and writing: the representative offers of room systems parse into what they say,
// survive a write and a parse unchanged, and malformed text is refused with a message that names
// the line, never a crash (every truncation and many byte flips of the fixtures).
#include "hntt/sdp/sdp.h"
#include "sdp_check.h"

#include <QFile>
#include <QTest>
#include <random>

using namespace hntt::sdp;

namespace {

const QStringList kFixtures{"baresip",       "poly_group",    "cisco_room", "huawei_te",
                            "audio_only",    "vp8_pcmu",      "no_codec",   "savp_only",
                            "hold_sendonly", "hold_inactive", "hold_zero"};

std::string fixture(const QString& name) {
    QFile f(QStringLiteral(HNTT_SOURCE_DIR "/tests/sdp/fixtures/%1.sdp").arg(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", qPrintable(name));
    // The files are kept with LF endings; on the wire SIP bodies use CRLF.
    return f.readAll().replace("\n", "\r\n").toStdString();
}

SessionDescription parsed(const std::string& text) {
    auto r = parse(text);
    if (!r)
        qFatal("parse failed: %s", r.error.c_str());
    return *r.description;
}

const std::string kMinimal = "v=0\r\n"
                             "o=- 1 1 IN IP4 192.0.2.1\r\n"
                             "s=-\r\n"
                             "c=IN IP4 192.0.2.1\r\n"
                             "t=0 0\r\n"
                             "m=audio 5000 RTP/AVP 0\r\n";

// kMinimal with one line replaced (by its prefix) or appended.
std::string withLine(std::string_view prefix, std::string_view replacement) {
    std::string out;
    bool replaced = false;
    std::size_t p = 0;
    while (p < kMinimal.size()) {
        const auto q = kMinimal.find("\r\n", p);
        const auto line = std::string_view(kMinimal).substr(p, q - p);
        if (!replaced && line.starts_with(prefix)) {
            replaced = true;
            if (!replacement.empty()) {
                out += replacement;
                out += "\r\n";
            }
        } else {
            out += line;
            out += "\r\n";
        }
        p = q + 2;
    }
    if (!replaced) {
        out += replacement;
        out += "\r\n";
    }
    return out;
}

} // namespace

class TestSdp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixturesRoundTrip_data() {
        QTest::addColumn<QString>("name");
        for (const auto& n : kFixtures)
            QTest::newRow(qPrintable(n)) << n;
    }
    void fixturesRoundTrip() {
        QFETCH(QString, name);
        const auto text = fixture(name);
        const auto r = parse(text);
        QVERIFY2(r, r.error.c_str());
        QVERIFY(r.error.empty());
        const std::string written = write(*r.description);
        // CRLF after every line, and no bare LF or CR.
        QVERIFY(written.ends_with("\r\n"));
        for (std::size_t i = 0; i < written.size(); ++i) {
            if (written[i] == '\n')
                QVERIFY(i > 0 && written[i - 1] == '\r');
            if (written[i] == '\r')
                QVERIFY(i + 1 < written.size() && written[i + 1] == '\n');
        }
        const auto again = parse(written);
        QVERIFY2(again, again.error.c_str());
        QVERIFY(*again.description == *r.description);
        // A second write gives the same text: the writer's order is the parser's.
        CHECK_EQ(write(*again.description), written);
        // LF-only text (RFC 8866 asks parsers to accept it) reads the same.
        std::string lf = text;
        std::erase(lf, '\r');
        const auto fromLf = parse(lf);
        QVERIFY2(fromLf, fromLf.error.c_str());
        QVERIFY(*fromLf.description == *r.description);
    }

    void polyOfferReadsAsWritten() {
        const auto sdp = parsed(fixture("poly_group"));
        CHECK_EQ(sdp.origin.username, std::string("GroupSeries"));
        CHECK_EQ(sdp.origin.sessionId, std::uint64_t(1733212101));
        CHECK_EQ(sdp.origin.sessionVersion, std::uint64_t(0));
        CHECK_EQ(sdp.origin.address, std::string("10.20.30.40"));
        QVERIFY(sdp.connection && sdp.connection->addressType == AddressType::IP4);
        CHECK_EQ(sdp.bandwidth("AS"), std::optional<std::uint64_t>(2048));
        CHECK_EQ(sdp.attributes.size(), std::size_t(2)); // a=ixmap, kept
        CHECK_EQ(sdp.media.size(), std::size_t(4));

        const auto& audio = sdp.media[0];
        CHECK_EQ(audio.port, std::uint16_t(49152));
        CHECK_EQ(audio.payloadTypes(), (std::vector<int>{115, 102, 9, 15, 0, 8, 18, 101}));
        QVERIFY(audio.rtpmap(9) && audio.rtpmap(9)->encoding == "G722" && audio.rtpmap(9)->clockRate == 8000);
        CHECK_EQ(audio.fmtp(101)->parameters, std::string("0-15"));
        CHECK_EQ(sdp.directionOf(audio), Direction::SendRecv);

        const auto& video = sdp.media[1];
        CHECK_EQ(video.bandwidth("AS"), std::optional<std::uint64_t>(1920));
        CHECK_EQ(video.content, std::optional<std::string>("main"));
        CHECK_EQ(video.label, std::optional<std::string>("1"));
        // "; " between parameters, as Poly writes them.
        CHECK_EQ(fmtpParameter(video.fmtp(110)->parameters, "packetization-mode"),
                 std::optional<std::string>("1"));
        CHECK_EQ(fmtpParameter(video.fmtp(110)->parameters, "MAX-FS"), std::optional<std::string>("3600"));
        CHECK_EQ(fmtpParameter(video.fmtp(109)->parameters, "packetization-mode"), std::nullopt);
        CHECK_EQ(video.rtcpFbs.size(), std::size_t(2));
        CHECK_EQ(video.rtcpFbs[0], (RtcpFb{-1, "ccm", "fir"}));

        const auto& bfcp = sdp.media[2];
        CHECK_EQ(bfcp.media, std::string("application"));
        CHECK_EQ(bfcp.proto, std::string("TCP/BFCP"));
        QVERIFY(!bfcp.isRtp());
        CHECK_EQ(bfcp.formats, std::vector<std::string>{"*"});
        CHECK_EQ(bfcp.attributes.size(), std::size_t(6));
        CHECK_EQ(bfcp.attributes[4], (Attribute{"floorid", "2 mstrm:3"}));

        CHECK_EQ(sdp.media[3].content, std::optional<std::string>("slides"));
    }

    void otherFixturesReadAsWritten() {
        const auto cisco = parsed(fixture("cisco_room"));
        CHECK_EQ(cisco.media[1].rtcp->port, std::uint16_t(2365));
        CHECK_EQ(cisco.media[1].rtcp->connection->address, std::string("172.16.1.50"));
        CHECK_EQ(cisco.media[0].rtcp->port, std::uint16_t(2363));
        QVERIFY(!cisco.media[0].rtcp->connection);
        CHECK_EQ(cisco.media[1].bandwidth("tias"), std::optional<std::uint64_t>(6000000));

        const auto huawei = parsed(fixture("huawei_te"));
        CHECK_EQ(huawei.sessionName, std::string("Sip Call"));
        CHECK_EQ(huawei.media[0].ptime, std::optional<int>(20)); // "20.0"

        const auto baresip = parsed(fixture("baresip"));
        QVERIFY(baresip.media[0].rtcpMux && baresip.media[1].rtcpMux);
        CHECK_EQ(baresip.media[0].rtpmap(96)->channels, 2);
        CHECK_EQ(baresip.media[0].rtpmap(9)->channels, 0);

        const auto savp = parsed(fixture("savp_only"));
        QVERIFY(savp.media[0].isSecure() && savp.media[0].isRtp());

        const auto sendonly = parsed(fixture("hold_sendonly"));
        CHECK_EQ(sendonly.directionOf(sendonly.media[0]), Direction::SendOnly);
        const auto zero = parsed(fixture("hold_zero"));
        CHECK_EQ(zero.connectionOf(zero.media[0])->address, std::string("0.0.0.0"));
    }

    void mediaLevelOverSessionLevel() {
        const std::string text = "v=0\r\n"
                                 "o=- 1 1 IN IP6 2001:db8::1\r\n"
                                 "s=-\r\n"
                                 "c=IN IP6 2001:db8::1\r\n"
                                 "t=0 0\r\n"
                                 "a=recvonly\r\n"
                                 "m=audio 5000 RTP/AVP 0\r\n"
                                 "m=video 5002 RTP/AVP 96\r\n"
                                 "c=IN IP4 192.0.2.7\r\n"
                                 "a=inactive\r\n";
        const auto sdp = parsed(text);
        CHECK_EQ(sdp.directionOf(sdp.media[0]), Direction::RecvOnly);
        CHECK_EQ(sdp.directionOf(sdp.media[1]), Direction::Inactive);
        CHECK_EQ(sdp.connectionOf(sdp.media[0])->addressType, AddressType::IP6);
        CHECK_EQ(sdp.connectionOf(sdp.media[1])->address, std::string("192.0.2.7"));
    }

    void attributesFollowTheFormatOrder() {
        // rtpmaps written before the m= line's order, fmtp ahead of its rtpmap: the writer groups
        // them by payload type in the m= line's order.
        const std::string text = withLine("m=", "m=video 5002 RTP/AVP 97 96\r\n"
                                                "a=rtcp-fb:* nack pli\r\n"
                                                "a=rtpmap:96 H264/90000\r\n"
                                                "a=fmtp:97 packetization-mode=1\r\n"
                                                "a=rtpmap:97 H264/90000");
        const auto sdp = parsed(text);
        const auto out = write(sdp);
        const auto media = out.substr(out.find("m=video"));
        CHECK_EQ(media, std::string("m=video 5002 RTP/AVP 97 96\r\n"
                                    "a=rtpmap:97 H264/90000\r\n"
                                    "a=fmtp:97 packetization-mode=1\r\n"
                                    "a=rtpmap:96 H264/90000\r\n"
                                    "a=rtcp-fb:* nack pli\r\n"));
    }

    void unlistedPayloadTypesRoundTrip() {
        // Attributes of payload types the m= line does not list, an fmtp's type before another's
        // rtpmap: they follow the listed ones by number, and parse(write(x)) == x.
        const std::string text = withLine("m=", "m=audio 5000 RTP/AVP 0\r\n"
                                                "a=fmtp:109 x=1\r\n"
                                                "a=rtpmap:110 H264/90000\r\n"
                                                "a=fmtp:110 y=2\r\n"
                                                "a=rtpmap:0 PCMU/8000");
        const auto sdp = parsed(text);
        const auto out = write(sdp);
        CHECK_EQ(out.substr(out.find("m=audio")), std::string("m=audio 5000 RTP/AVP 0\r\n"
                                                              "a=rtpmap:0 PCMU/8000\r\n"
                                                              "a=fmtp:109 x=1\r\n"
                                                              "a=rtpmap:110 H264/90000\r\n"
                                                              "a=fmtp:110 y=2\r\n"));
        QVERIFY(parsed(out) == sdp);
    }

    void malformedIsRefused_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        auto row = [](const char* name, const std::string& text, const char* error) {
            QTest::newRow(name) << QByteArray::fromStdString(text) << QString::fromUtf8(error);
        };
        row("empty", "", "the description is empty");
        row("only blank lines", "\r\n\r\n", "no lines");
        row("no v=", kMinimal.substr(kMinimal.find("o=")), "line 1: the description does not start with v=0");
        row("version 1", withLine("v=", "v=1"), "line 1: version '1' is not 0");
        row("no o=", withLine("o=", ""), "line 2: the second line is not the origin (o=)");
        row("o= short", withLine("o=", "o=- 1 IN IP4 192.0.2.1"), "line 2: o= needs");
        row("o= session id", withLine("o=", "o=- x1 1 IN IP4 192.0.2.1"), "session id 'x1' is not a number");
        row("o= huge version", withLine("o=", "o=- 1 99999999999999999999 IN IP4 192.0.2.1"),
            "session version '99999999999999999999' is not a number");
        row("no s=", withLine("s=", ""), "line 5: m= before the session name (s=)");
        row("no t=", withLine("t=", ""), "line 5: m= before the timing (t=)");
        row("bad t=", withLine("t=", "t=now"), "line 5: t= needs '<start> <stop>'");
        row("no m=", withLine("m=", ""), "no media (m=) section");
        row("port too big", withLine("m=", "m=audio 70000 RTP/AVP 0"),
            "line 6: m=audio: port '70000' is not a number from 0 to 65535");
        row("port not a number", withLine("m=", "m=audio 5o00 RTP/AVP 0"), "port '5o00' is not a number");
        row("negative port", withLine("m=", "m=audio -1 RTP/AVP 0"), "port '-1' is not a number");
        row("port count zero", withLine("m=", "m=audio 5000/0 RTP/AVP 0"), "port count '0'");
        row("m= without formats", withLine("m=", "m=audio 5000 RTP/AVP"), "m= needs");
        row("payload 128", withLine("m=", "m=audio 5000 RTP/AVP 0 128"),
            "m=audio: payload type '128' is not a number from 0 to 127");
        row("payload word", withLine("m=", "m=audio 5000 RTP/AVP PCMU"), "payload type 'PCMU'");
        row("rtpmap payload", withLine("zz", "a=rtpmap:300 PCMU/8000"),
            "line 7: a=rtpmap: payload type '300'");
        row("rtpmap no clock", withLine("zz", "a=rtpmap:0 PCMU"), "a=rtpmap: 'PCMU' has no clock rate");
        row("rtpmap zero clock", withLine("zz", "a=rtpmap:0 PCMU/0"), "clock rate '0'");
        row("rtpmap empty channels", withLine("zz", "a=rtpmap:0 PCMU/8000/"), "channel count ''");
        row("rtpmap twice", withLine("zz", "a=rtpmap:0 PCMU/8000\r\na=rtpmap:0 PCMA/8000"),
            "line 8: a=rtpmap: payload type 0 is mapped twice");
        row("fmtp payload", withLine("zz", "a=fmtp:x 0-15"), "a=fmtp: payload type 'x'");
        row("rtcp-fb short", withLine("zz", "a=rtcp-fb:96"), "a=rtcp-fb needs");
        row("ptime zero", withLine("zz", "a=ptime:0"), "a=ptime: '0' is not a positive number");
        row("ptime word", withLine("zz", "a=ptime:twenty"), "a=ptime: 'twenty'");
        row("rtcp port", withLine("zz", "a=rtcp:99999"), "a=rtcp: port '99999'");
        row("two directions", withLine("zz", "a=sendonly\r\na=recvonly"),
            "a second direction attribute (a=recvonly)");
        row("bad IPv4", withLine("c=", "c=IN IP4 999.1.1.1"),
            "line 4: c=: '999.1.1.1' is not an IP4 address");
        row("bad IPv6", withLine("c=", "c=IN IP6 2001:db8:::1"), "'2001:db8:::1' is not an IP6 address");
        row("address type", withLine("c=", "c=IN IPX 192.0.2.1"), "address type 'IPX'");
        row("network type", withLine("c=", "c=ATM IP4 192.0.2.1"), "network type 'ATM'");
        row("no c= at all", withLine("c=", ""), "m=audio (media section 1) has no connection address (c=)");
        row("bandwidth word", withLine("zz", "b=AS:fast"), "b=AS: 'fast' is not a non-negative number");
        row("bandwidth no type", withLine("zz", "b=1000"), "b= needs '<type>:<value>'");
        row("unknown letter", withLine("zz", "x=1"), "line 7: unknown line type 'x='");
        row("upper-case letter", withLine("zz", "A=sendrecv"), "not a '<letter>=<value>' line");
        row("no equals", withLine("zz", "a"), "not a '<letter>=<value>' line: 'a'");
        row("space before =", withLine("zz", "a =sendrecv"), "not a '<letter>=<value>' line");
        row("attribute name", withLine("zz", "a=send recv"), "attribute name 'send recv' is not a token");
        row("empty line inside", withLine("t=", "t=0 0\r\n"), "line 6: an empty line inside the description");
        row("second o=", withLine("zz", "o=- 1 1 IN IP4 192.0.2.1"), "a second o= line");
        row("t= inside media", withLine("zz", "t=0 0"), "t= inside the m=audio section");
        row("over-long line", withLine("zz", "a=x-note:" + std::string(5000, 'y')),
            "line 7: the line is 5009 bytes long, more than the 4096 accepted");
        row("too long", kMinimal + std::string(70000, 'a'), "more than the 65536 accepted");
        row("not UTF-8", withLine("s=", "s=Hu\xff"), "line 3: byte 5 is not valid UTF-8");
        row("overlong UTF-8", withLine("s=", "s=\xc0\xaf"), "byte 3 is not valid UTF-8");
        row("UTF-16 surrogate", withLine("s=", "s=\xed\xa0\x80"), "byte 3 is not valid UTF-8");
        row("truncated UTF-8", withLine("s=", "s=\xe1\xba"), "byte 3 is not valid UTF-8");
        row("NUL byte", withLine("s=", std::string("s=a\0b", 5)),
            "line 3: byte 4 is a control character (0x00)");
        row("bare CR", withLine("s=", "s=a\rb"), "is a control character (0x0d)");
    }
    void malformedIsRefused() {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const auto r = parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY2(!r, "accepted");
        QVERIFY(!r.description);
        QVERIFY2(QString::fromStdString(r.error).contains(error),
                 qPrintable(QStringLiteral("error was: %1").arg(QString::fromStdString(r.error))));
    }

    void vietnameseSessionNameIsKept() {
        const auto sdp = parsed(withLine("s=", "s=Họp trực tuyến Quảng Bình"));
        CHECK_EQ(sdp.sessionName, std::string("Họp trực tuyến Quảng Bình"));
        QVERIFY(write(sdp).find("s=Họp trực tuyến Quảng Bình\r\n") != std::string::npos);
    }

    void tolerated() {
        // Trailing blanks after values, blank lines at the end, a=ptime with a fraction.
        const auto sdp = parsed(withLine("zz", "a=sendrecv \r\na=ptime:30.0\r\n\r\n"));
        CHECK_EQ(sdp.media[0].direction, std::optional<Direction>(Direction::SendRecv));
        CHECK_EQ(sdp.media[0].ptime, std::optional<int>(30));
        // The address at media level only; and a refused stream needs none.
        const auto mediaLevel = parsed(withLine("c=", "") + "c=IN IP4 192.0.2.1\r\n");
        CHECK_EQ(mediaLevel.media[0].connection->address, std::string("192.0.2.1"));
        QVERIFY(parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n"));
    }

    void ip6Literals() {
        QVERIFY(isIp6Literal("::"));
        QVERIFY(isIp6Literal("2001:db8::1"));
        QVERIFY(isIp6Literal("::ffff:192.0.2.1"));
        QVERIFY(!isIp6Literal("2001:db8:::1"));
        QVERIFY(!isIp6Literal("192.0.2.1"));
        QVERIFY(isIp4Literal("0.0.0.0"));
        QVERIFY(!isIp4Literal("1.2.3"));
        QVERIFY(!isIp4Literal("1.2.3.4.5"));
    }

    // Every prefix of every fixture, and single-byte changes: the parser returns a description or
    // an error, never both, never neither; whatever it accepts writes and reads back the same.
    void truncatedAndFlippedNeverCrash() {
        std::mt19937 rng(20240611);
        std::size_t accepted = 0;
        std::size_t refused = 0;
        auto check = [&](const std::string& text) {
            const auto r = parse(text);
            CHECK_EQ(r.description.has_value(), r.error.empty());
            if (r) {
                ++accepted;
                const auto again = parse(write(*r.description));
                QVERIFY2(again, again.error.c_str());
                QVERIFY(*again.description == *r.description);
            } else {
                ++refused;
            }
        };
        for (const auto& name : kFixtures) {
            const auto text = fixture(name);
            for (std::size_t n = 0; n <= text.size(); ++n)
                check(text.substr(0, n));
            for (std::size_t i = 0; i < text.size(); ++i) {
                for (unsigned char mask : {0x01, 0x20, 0x80, 0xff}) {
                    std::string flipped = text;
                    flipped[i] = static_cast<char>(static_cast<unsigned char>(flipped[i]) ^ mask);
                    check(flipped);
                }
            }
            // Random bytes dropped in, and random runs deleted.
            for (int k = 0; k < 300; ++k) {
                std::string t = text;
                const auto at = std::uniform_int_distribution<std::size_t>(0, t.size() - 1)(rng);
                if (k % 2)
                    t.insert(at, 1, static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng)));
                else
                    t.erase(at, std::uniform_int_distribution<std::size_t>(1, 40)(rng));
                check(t);
            }
        }
        qInfo("%zu mutated descriptions accepted, %zu refused", accepted, refused);
        QVERIFY(accepted > 0);
        QVERIFY(refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestSdp)
#include "tst_sdp.moc"
