// The SIP agent against SIPp, a SIP peer nobody here wrote: a room system's call over TCP and
// UDP (INFO picture_fast_update, hold and resume by re-INVITE, BYE), refusals, OPTIONS,
// dial-out to a SIPp answerer, garbage on the port.
#include "hntt/sip/sip_agent.h"
#include "test_support.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QtTest>
#include <mutex>

using namespace hntt;
using namespace hntt::sip;

namespace {

const QString kScenarios = QStringLiteral(HNTT_SOURCE_DIR "/tests/sip/scenarios/");

// An answer that mirrors the offer's streams, with the RFC 3264 direction: enough for signalling.
std::string answerFor(const std::string& offer) {
    const bool hold = offer.find("a=sendonly") != std::string::npos;
    return "v=0\r\no=hntt 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
           "m=audio 30000 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\n" +
           std::string(hold ? "a=recvonly\r\n" : "a=sendrecv\r\n") +
           "m=video 30002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
           "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1\r\n" +
           std::string(hold ? "a=recvonly\r\n" : "a=sendrecv\r\n");
}

struct Seen {
    std::vector<IncomingCall> incoming;
    std::vector<std::string> reoffers;
    std::vector<std::string> answers;
    std::vector<CallId> established;
    std::vector<std::pair<int, std::string>> ended;
    std::vector<InfoKind> infos;
    int ringing = 0;
};

// What the agent's events said, from the SIP thread.
struct Recorder : Seen {
    std::mutex m;
    Seen copy() {
        std::lock_guard lock(m);
        return *this;
    }
};

AgentEvents eventsFor(Recorder& r, SipAgent*& agent, int refuseWith = 0) {
    AgentEvents e;
    e.incoming = [&r, &agent, refuseWith](const IncomingCall& c) {
        {
            std::lock_guard lock(r.m);
            r.incoming.push_back(c);
        }
        if (refuseWith)
            agent->reject(c.id, refuseWith, "Refused");
        else
            agent->accept(c.id, answerFor(c.sdp));
    };
    e.reoffer = [&r, &agent](CallId id, const std::string& sdp) {
        {
            std::lock_guard lock(r.m);
            r.reoffers.push_back(sdp);
        }
        agent->accept(id, answerFor(sdp));
    };
    e.ringing = [&r](CallId, int) {
        std::lock_guard lock(r.m);
        ++r.ringing;
    };
    e.answered = [&r](CallId, const std::string& sdp) {
        std::lock_guard lock(r.m);
        r.answers.push_back(sdp);
    };
    e.established = [&r](CallId id) {
        std::lock_guard lock(r.m);
        r.established.push_back(id);
    };
    e.ended = [&r](CallId, int status, const std::string& reason) {
        std::lock_guard lock(r.m);
        r.ended.emplace_back(status, reason);
    };
    e.info = [&r](CallId, InfoKind k, const std::string&) {
        std::lock_guard lock(r.m);
        r.infos.push_back(k);
    };
    return e;
}

quint16 freeSipPort() {
    // Free for UDP and TCP alike.
    for (int i = 0; i < 50; ++i) {
        const quint16 p = test::freeUdpPort();
        QTcpSocket probe;
        QTcpServer server;
        if (server.listen(QHostAddress::LocalHost, p))
            return p;
    }
    return 0;
}

int runSipp(const QStringList& args, QByteArray* err = nullptr) {
    QByteArray out;
    return test::runProgram("sipp", args, &out, err, 60000);
}

QStringList sippArgs(const QString& scenario, quint16 port, const QString& transport) {
    return {"-sf",
            kScenarios + scenario,
            QStringLiteral("127.0.0.1:%1").arg(port),
            "-i",
            "127.0.0.1",
            "-p",
            QString::number(test::freeUdpPort()),
            "-t",
            transport,
            "-m",
            "1",
            "-timeout",
            "30s",
            "-timeout_error",
            "-nostdin",
            "-key",
            "caller_user",
            "phonghop",
            "-key",
            "caller_host",
            "127.0.0.1",
            "-s",
            "hntt",
            "-mp",
            QString::number(test::freeUdpPort())};
}

} // namespace

class TestSipAgent : public QObject {
    Q_OBJECT

private:
    void roomSystemCall(const QString& transport, const std::string& expectTransport) {
        Recorder r;
        SipAgent* agentPtr = nullptr;
        AgentConfig config;
        config.host = "127.0.0.1";
        config.port = freeSipPort();
        SipAgent agent(config, eventsFor(r, agentPtr));
        agentPtr = &agent;
        std::string error;
        QVERIFY2(agent.start(&error), error.c_str());

        QByteArray err;
        const int rc = runSipp(sippArgs("room_system_call.xml", config.port, transport), &err);
        QVERIFY2(rc == 0, err.constData());

        QTRY_COMPARE_WITH_TIMEOUT(r.copy().ended.size(), std::size_t(1), 5000);
        {
            const Seen x = r.copy();
            QCOMPARE(x.incoming.size(), std::size_t(1));
            QCOMPARE(x.incoming[0].fromUri, std::string("sip:phonghop@127.0.0.1"));
            QCOMPARE(x.incoming[0].fromDisplay, std::string("Phong hop"));
            QCOMPARE(x.incoming[0].transport, expectTransport);
            QVERIFY(x.incoming[0].sdp.find("m=video") != std::string::npos);
            QCOMPARE(x.established.size(), std::size_t(1));
            QCOMPARE(x.infos.size(), std::size_t(2));
            QVERIFY(x.infos[0] == InfoKind::PictureFastUpdate);
            QVERIFY(x.infos[1] == InfoKind::Dtmf);
            QCOMPARE(x.reoffers.size(), std::size_t(2)); // hold, then resume
            QVERIFY(x.reoffers[0].find("a=sendonly") != std::string::npos);
            QCOMPARE(x.ended[0].first, 200);
            QCOMPARE(x.ended[0].second, std::string("The far end hung up"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(agent.callCount(), std::size_t(0), 5000);
        agent.stop();
    }

private slots:
    void roomSystemCallOverTcp() { roomSystemCall("t1", "TCP"); }
    void roomSystemCallOverUdp() { roomSystemCall("u1", "UDP"); }

    void refusedCallGetsTheStatusAsked() {
        Recorder r;
        SipAgent* agentPtr = nullptr;
        AgentConfig config;
        config.host = "127.0.0.1";
        config.port = freeSipPort();
        SipAgent agent(config, eventsFor(r, agentPtr, 403));
        agentPtr = &agent;
        QVERIFY(agent.start());
        QStringList args = sippArgs("refused_call.xml", config.port, "u1");
        args << "-key"
             << "expected"
             << "403"
             << "-key"
             << "audio_pt"
             << "0"
             << "-key"
             << "audio_codec"
             << "PCMU/8000";
        QByteArray err;
        QCOMPARE(runSipp(args, &err), 0);
        QTRY_COMPARE_WITH_TIMEOUT(r.copy().ended.size(), std::size_t(1), 5000);
        {
            const Seen x = r.copy();
            QCOMPARE(x.ended[0].first, 403);
            QVERIFY(x.established.empty());
        }
        QTRY_COMPARE_WITH_TIMEOUT(agent.callCount(), std::size_t(0), 5000);
    }

    void optionsAreAnsweredWithInfoAllowed() {
        Recorder r;
        SipAgent* agentPtr = nullptr;
        AgentConfig config;
        config.host = "127.0.0.1";
        config.port = freeSipPort();
        SipAgent agent(config, eventsFor(r, agentPtr));
        agentPtr = &agent;
        QVERIFY(agent.start());
        QByteArray err;
        QVERIFY2(runSipp(sippArgs("options.xml", config.port, "u1"), &err) == 0, err.constData());
        QVERIFY2(runSipp(sippArgs("options.xml", config.port, "t1"), &err) == 0, err.constData());
    }

    void garbageOnThePortChangesNothing() {
        Recorder r;
        SipAgent* agentPtr = nullptr;
        AgentConfig config;
        config.host = "127.0.0.1";
        config.port = freeSipPort();
        SipAgent agent(config, eventsFor(r, agentPtr));
        agentPtr = &agent;
        QVERIFY(agent.start());
        QUdpSocket udp;
        const QList<QByteArray> garbage = {
            QByteArray(1400, '\xff'),
            "INVITE sip:x SIP/2.0\r\n\r\n",
            "INVITE sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP "
            "127.0.0.1:1;branch=z9hG4bKx\r\nContent-Length: "
            "99999\r\n\r\nv=0",
            "SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\n\r\n",
            QByteArray("\0\0\0\0", 4),
        };
        for (const QByteArray& g : garbage)
            udp.writeDatagram(g, QHostAddress::LocalHost, config.port);
        QTcpSocket tcp;
        tcp.connectToHost(QHostAddress::LocalHost, config.port);
        QVERIFY(tcp.waitForConnected(3000));
        tcp.write(QByteArray(70000, 'A'));
        tcp.waitForBytesWritten(3000);
        tcp.close();
        QByteArray err;
        QVERIFY2(runSipp(sippArgs("options.xml", config.port, "u1"), &err) == 0, err.constData());
        {
            const Seen x = r.copy();
            QVERIFY(x.incoming.empty());
        }
    }

    void dialOutToASippAnswerer() {
        Recorder r;
        SipAgent* agentPtr = nullptr;
        AgentConfig config;
        config.host = "127.0.0.1";
        config.port = freeSipPort();
        SipAgent agent(config, eventsFor(r, agentPtr));
        agentPtr = &agent;
        QVERIFY(agent.start());
        const quint16 uasPort = test::freeUdpPort();
        test::ChildProcess uas(QStringLiteral("sipp"),
                               {"-sn", "uas", "-i", "127.0.0.1", "-p", QString::number(uasPort), "-m", "1",
                                "-nostdin", "-timeout", "30s", "-timeout_error", "-mp",
                                QString::number(test::freeUdpPort())},
                               {});
        QVERIFY(uas.started());
        QTest::qWait(300);
        const std::string offer = answerFor("");
        const CallId id = agent.dial("sip:room@127.0.0.1:" + std::to_string(uasPort), offer);
        QTRY_COMPARE_WITH_TIMEOUT(r.copy().established.size(), std::size_t(1), 10000);
        {
            const Seen x = r.copy();
            QCOMPARE(x.established[0], id);
            QCOMPARE(x.answers.size(), std::size_t(1));
            QVERIFY(x.ringing >= 1);
        }
        agent.hangup(id);
        QVERIFY(uas.waitFinished(15000));
        QCOMPARE(uas.exitCode(), 0); // SIPp saw its one call end by BYE
        QTRY_COMPARE_WITH_TIMEOUT(r.copy().ended.size(), std::size_t(1), 5000);
        {
            const Seen x = r.copy();
            QCOMPARE(x.ended[0].second, std::string("Hung up by the console"));
        }
    }

    void dialOutFailuresEndTheCall() {
        Recorder r;
        SipAgent* agentPtr = nullptr;
        AgentConfig config;
        config.host = "127.0.0.1";
        config.port = freeSipPort();
        SipAgent agent(config, eventsFor(r, agentPtr));
        agentPtr = &agent;
        QVERIFY(agent.start());
        agent.dial("not a sip uri", answerFor(""));
        const quint16 closed = test::freeTcpPort();
        agent.dial("sip:room@127.0.0.1:" + std::to_string(closed) + ";transport=tcp", answerFor(""));
        QTRY_COMPARE_WITH_TIMEOUT(r.copy().ended.size(), std::size_t(2), 15000);
        {
            const Seen x = r.copy();
            QCOMPARE(x.ended[0].first, 400);
            QVERIFY(x.ended[1].first >= 400);
            QVERIFY(x.established.empty());
        }
        QTRY_COMPARE_WITH_TIMEOUT(agent.callCount(), std::size_t(0), 5000);
    }

    void aPortInUseIsAClearError() {
        AgentConfig config;
        config.host = "127.0.0.1";
        config.port = freeSipPort();
        Recorder r;
        SipAgent* p = nullptr;
        SipAgent first(config, eventsFor(r, p));
        QVERIFY(first.start());
        SipAgent second(config, eventsFor(r, p));
        std::string error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.find("in use") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSipAgent)
#include "tst_sip_agent.moc"
