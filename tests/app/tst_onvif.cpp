// The ONVIF PTZ driver against a camera simulator speaking real HTTP on 127.0.0.1: the simulator
// parses the exact SOAP the driver sends, checks the WS-Security digest against the password and
// the camera's own clock, and answers like a camera (or faults, refuses, babbles, keeps silent).
// Then the same camera through the Session and the API's camera routes, in a temporary data dir.
#include "api/api_service.h"
#include "core/camera/onvif_ptz.h"
#include "core/session/session.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QDomDocument>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

using hntt::core::camera::CameraResult;
using hntt::core::camera::OnvifPtzCamera;

namespace {

const QString kSoap = QStringLiteral("http://www.w3.org/2003/05/soap-envelope");
const QString kDevice = QStringLiteral("http://www.onvif.org/ver10/device/wsdl");
const QString kMedia = QStringLiteral("http://www.onvif.org/ver10/media/wsdl");
const QString kPtz = QStringLiteral("http://www.onvif.org/ver20/ptz/wsdl");
const QString kSchema = QStringLiteral("http://www.onvif.org/ver10/schema");
const QString kWsse =
    QStringLiteral("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd");
const QString kWsu =
    QStringLiteral("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd");
const QString kDigestType = QStringLiteral(
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest");
const QString kGenericZoom =
    QStringLiteral("http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace");
const QString kGenericPanTilt =
    QStringLiteral("http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace");
const QString kUser = QStringLiteral("operator");
const QString kPassword = QStringLiteral("Mật-khẩu s3cret&<");

QDomElement firstChild(const QDomNode& n, const QString& ns, const QString& local) {
    for (QDomElement e = n.firstChildElement(); !e.isNull(); e = e.nextSiblingElement())
        if (e.namespaceURI() == ns && e.localName() == local)
            return e;
    return {};
}

// One request as the camera saw it.
struct Received {
    QString path;
    QString action;    // from the Content-Type's action parameter
    QString operation; // the Body's element, local name
    QString operationNs;
    bool hasToken = false;
    bool digestOk = false;  // the UsernameToken's digest matches the camera's password
    bool createdOk = false; // "Created" within 10 s of the camera's clock
    QString username;
    QByteArray nonce;
    QDomElement body; // the operation element
    QDomDocument doc;
};

// A PTZ camera on ONVIF: device, media and PTZ services on one HTTP port.
class OnvifSimulator : public QObject {
public:
    enum class Mode { Normal, Fault, Http401, Garbage, Silent, NoAbsoluteZoom, ServicesOnly };
    Mode mode = Mode::Normal;
    QString password = kPassword;
    qint64 clockOffsetSecs = 3600; // the camera's clock is an hour ahead of ours
    QList<Received> received;
    struct Preset {
        QString token, name;
    };
    QList<Preset> presets = {{QStringLiteral("tok-a"), QStringLiteral("1")},
                             {QStringLiteral("5"), QStringLiteral("Lectern")}};

    OnvifSimulator() {
        server_.listen(QHostAddress::LocalHost, 0);
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = server_.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
            }
        });
    }
    quint16 port() const { return server_.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/onvif/device_service").arg(port()); }
    QStringList operations() const {
        QStringList out;
        for (const Received& r : received)
            out << r.operation;
        return out;
    }
    const Received* last(const QString& operation) const {
        for (auto it = received.crbegin(); it != received.crend(); ++it)
            if (it->operation == operation)
                return &*it;
        return nullptr;
    }

private:
    void onData(QTcpSocket* s) {
        QByteArray& buf = buffers_[s];
        buf += s->readAll();
        const int headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
        qsizetype length = 0;
        QByteArray contentType;
        for (const QByteArray& l : lines) {
            const QByteArray line = l.trimmed();
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
            if (line.toLower().startsWith("content-type:"))
                contentType = line.mid(13).trimmed();
        }
        if (buf.size() < headerEnd + 4 + length)
            return;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        const QByteArray body = buf.mid(headerEnd + 4, length);
        buffers_.remove(s);
        handle(s, QString::fromLatin1(requestLine.value(1)), contentType, body);
    }

    void respond(QTcpSocket* s, int status, const QByteArray& body, const QByteArray& extra = {}) {
        const char* reason = status == 200 ? "OK" : status == 401 ? "Unauthorized" : "Error";
        s->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                 "\r\nContent-Type: application/soap+xml; charset=utf-8\r\n" + extra + "Content-Length: " +
                 QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        s->disconnectFromHost();
    }

    static QByteArray envelope(const QString& body) {
        return QStringLiteral(
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                   "<env:Envelope xmlns:env=\"%1\" xmlns:tds=\"%2\" xmlns:trt=\"%3\" "
                   "xmlns:tptz=\"%4\" xmlns:tt=\"%5\" xmlns:ter=\"http://www.onvif.org/ver10/error\">"
                   "<env:Body>%6</env:Body></env:Envelope>")
            .arg(kSoap, kDevice, kMedia, kPtz, kSchema, body)
            .toUtf8();
    }
    static QByteArray fault(const QString& subcode, const QString& reason) {
        return envelope(QStringLiteral("<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode>"
                                       "<env:Value>%1</env:Value></env:Subcode></env:Code><env:Reason>"
                                       "<env:Text xml:lang=\"en\">%2</env:Text></env:Reason></env:Fault>")
                            .arg(subcode, reason));
    }

    void handle(QTcpSocket* s, const QString& path, const QByteArray& contentType, const QByteArray& body) {
        Received r;
        r.path = path;
        const int at = contentType.indexOf("action=\"");
        if (at >= 0)
            r.action =
                QString::fromLatin1(contentType.mid(at + 8, contentType.indexOf('"', at + 8) - at - 8));
        if (mode == Mode::Silent) {
            received.append(r);
            return; // the connection stays open, unanswered
        }
        if (mode == Mode::Garbage) {
            received.append(r);
            respond(s, 200, "<html><body>Welcome to your camera</body>");
            return;
        }
        if (!r.doc.setContent(body, true)) {
            respond(s, 400, fault(QStringLiteral("ter:WellFormed"), QStringLiteral("Not XML")));
            return;
        }
        const QDomElement env = r.doc.documentElement();
        const QDomElement soapBody = firstChild(env, kSoap, QStringLiteral("Body"));
        if (env.namespaceURI() != kSoap || env.localName() != QLatin1String("Envelope") ||
            soapBody.isNull()) {
            respond(s, 400, fault(QStringLiteral("ter:WellFormed"), QStringLiteral("Not SOAP 1.2")));
            return;
        }
        r.body = soapBody.firstChildElement();
        r.operation = r.body.localName();
        r.operationNs = r.body.namespaceURI();
        checkToken(env, r);
        received.append(r);
        const QString op = r.operation;

        if (op == QLatin1String("GetSystemDateAndTime")) {
            const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(clockOffsetSecs);
            respond(s, 200,
                    envelope(QStringLiteral("<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                                            "<tt:DateTimeType>NTP</tt:DateTimeType><tt:UTCDateTime><tt:Time>"
                                            "<tt:Hour>%1</tt:Hour><tt:Minute>%2</tt:Minute><tt:Second>%3"
                                            "</tt:Second></tt:Time><tt:Date><tt:Year>%4</tt:Year><tt:Month>%5"
                                            "</tt:Month><tt:Day>%6</tt:Day></tt:Date></tt:UTCDateTime>"
                                            "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>")
                                 .arg(t.time().hour())
                                 .arg(t.time().minute())
                                 .arg(t.time().second())
                                 .arg(t.date().year())
                                 .arg(t.date().month())
                                 .arg(t.date().day())));
            return;
        }
        if (mode == Mode::Http401) {
            respond(s, 401, "Unauthorized", "WWW-Authenticate: Digest realm=\"camera\", nonce=\"abc\"\r\n");
            return;
        }
        if (!r.hasToken || !r.digestOk || !r.createdOk || r.username != kUser) {
            respond(s, 400,
                    fault(QStringLiteral("ter:NotAuthorized"), QStringLiteral("Sender not authorized")));
            return;
        }
        // Services are announced with an address only valid on the camera's own network.
        const QString own = QStringLiteral("http://127.0.0.2:1");
        if (op == QLatin1String("GetCapabilities")) {
            if (mode == Mode::ServicesOnly) {
                respond(s, 400,
                        fault(QStringLiteral("ter:ActionNotSupported"), QStringLiteral("Use GetServices")));
                return;
            }
            respond(
                s, 200,
                envelope(QStringLiteral("<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>"
                                        "%1/onvif/device_service</tt:XAddr></tt:Device><tt:Media><tt:XAddr>"
                                        "%1/onvif/media_service</tt:XAddr></tt:Media><tt:PTZ><tt:XAddr>"
                                        "%1/onvif/ptz_service</tt:XAddr></tt:PTZ></tds:Capabilities>"
                                        "</tds:GetCapabilitiesResponse>")
                             .arg(own)));
            return;
        }
        if (op == QLatin1String("GetServices")) {
            respond(
                s, 200,
                envelope(QStringLiteral("<tds:GetServicesResponse>"
                                        "<tds:Service><tds:Namespace>%2</tds:Namespace><tds:XAddr>"
                                        "%1/onvif/device_service</tds:XAddr></tds:Service>"
                                        "<tds:Service><tds:Namespace>%3</tds:Namespace><tds:XAddr>"
                                        "%1/onvif/Media</tds:XAddr></tds:Service>"
                                        "<tds:Service><tds:Namespace>%4</tds:Namespace><tds:XAddr>"
                                        "%1/onvif/PTZ</tds:XAddr></tds:Service></tds:GetServicesResponse>")
                             .arg(own, kDevice, kMedia, kPtz)));
            return;
        }
        if (op == QLatin1String("GetProfiles")) {
            respond(
                s, 200,
                envelope(QStringLiteral(
                    "<trt:GetProfilesResponse><trt:Profiles token=\"video_only\" fixed=\"true\"><tt:Name>Sub"
                    "</tt:Name></trt:Profiles><trt:Profiles token=\"prof_ptz\" fixed=\"true\"><tt:Name>Main"
                    "</tt:Name><tt:PTZConfiguration token=\"ptzcfg\"><tt:Name>PTZ</tt:Name><tt:UseCount>1"
                    "</tt:UseCount><tt:NodeToken>node1</"
                    "tt:NodeToken><tt:DefaultAbsolutePantTiltPositionSpace>"
                    "http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace"
                    "</tt:DefaultAbsolutePantTiltPositionSpace></tt:PTZConfiguration></trt:Profiles>"
                    "</trt:GetProfilesResponse>")));
            return;
        }
        if (op == QLatin1String("GetNode")) {
            const QString zoomSpace = mode == Mode::NoAbsoluteZoom
                                          ? QString()
                                          : QStringLiteral("<tt:AbsoluteZoomPositionSpace><tt:URI>%1</tt:URI>"
                                                           "<tt:XRange><tt:Min>0</tt:Min><tt:Max>1</tt:Max>"
                                                           "</tt:XRange></tt:AbsoluteZoomPositionSpace>")
                                                .arg(kGenericZoom);
            respond(
                s, 200,
                envelope(QStringLiteral("<tptz:GetNodeResponse><tptz:PTZNode token=\"node1\"><tt:Name>N"
                                        "</tt:Name><tt:SupportedPTZSpaces><tt:AbsolutePanTiltPositionSpace>"
                                        "<tt:URI>%1</tt:URI><tt:XRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max>"
                                        "</tt:XRange><tt:YRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max>"
                                        "</tt:YRange></tt:AbsolutePanTiltPositionSpace>"
                                        "<tt:AbsolutePanTiltPositionSpace><tt:URI>http://example.org/Degrees"
                                        "</tt:URI><tt:XRange><tt:Min>-170</tt:Min><tt:Max>170</tt:Max>"
                                        "</tt:XRange><tt:YRange><tt:Min>-30</tt:Min><tt:Max>90</tt:Max>"
                                        "</tt:YRange></tt:AbsolutePanTiltPositionSpace>%2"
                                        "</tt:SupportedPTZSpaces><tt:MaximumNumberOfPresets>128"
                                        "</tt:MaximumNumberOfPresets></tptz:PTZNode></tptz:GetNodeResponse>")
                             .arg(kGenericPanTilt, zoomSpace)));
            return;
        }
        if (mode == Mode::Fault && r.operationNs == kPtz) {
            respond(
                s, 400,
                fault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("Movement is not possible now")));
            return;
        }
        if (op == QLatin1String("GetPresets")) {
            QString list;
            for (const Preset& p : presets)
                list += QStringLiteral("<tptz:Preset token=\"%1\"><tt:Name>%2</tt:Name></tptz:Preset>")
                            .arg(p.token, p.name);
            respond(
                s, 200,
                envelope(QStringLiteral("<tptz:GetPresetsResponse>%1</tptz:GetPresetsResponse>").arg(list)));
            return;
        }
        if (op == QLatin1String("SetPreset")) {
            const QString name = firstChild(r.body, kPtz, QStringLiteral("PresetName")).text();
            QString token = firstChild(r.body, kPtz, QStringLiteral("PresetToken")).text();
            if (token.isEmpty()) {
                token = QStringLiteral("tok-new-%1").arg(presets.size());
                presets.append({token, name});
            }
            respond(s, 200,
                    envelope(QStringLiteral("<tptz:SetPresetResponse><tptz:PresetToken>%1</tptz:PresetToken>"
                                            "</tptz:SetPresetResponse>")
                                 .arg(token)));
            return;
        }
        if (op == QLatin1String("GetStatus")) {
            respond(
                s, 200,
                envelope(QStringLiteral("<tptz:GetStatusResponse><tptz:PTZStatus><tt:Position>"
                                        "<tt:PanTilt x=\"85\" y=\"30\" space=\"http://example.org/Degrees\"/>"
                                        "<tt:Zoom x=\"0.25\" space=\"%1\"/></tt:Position><tt:MoveStatus>"
                                        "<tt:PanTilt>IDLE</tt:PanTilt></tt:MoveStatus><tt:UtcTime>"
                                        "2024-05-01T08:00:00Z</tt:UtcTime></tptz:PTZStatus>"
                                        "</tptz:GetStatusResponse>")
                             .arg(kGenericZoom)));
            return;
        }
        for (const char* simple : {"ContinuousMove", "Stop", "GotoPreset", "AbsoluteMove"}) {
            if (op == QLatin1String(simple)) {
                respond(s, 200, envelope(QStringLiteral("<tptz:%1Response/>").arg(op)));
                return;
            }
        }
        respond(s, 400, fault(QStringLiteral("ter:ActionNotSupported"), QStringLiteral("Unknown")));
    }

    void checkToken(const QDomElement& env, Received& r) const {
        const QDomElement header = firstChild(env, kSoap, QStringLiteral("Header"));
        const QDomElement security = firstChild(header, kWsse, QStringLiteral("Security"));
        const QDomElement token = firstChild(security, kWsse, QStringLiteral("UsernameToken"));
        if (token.isNull())
            return;
        r.hasToken = true;
        r.username = firstChild(token, kWsse, QStringLiteral("Username")).text();
        const QDomElement password = firstChild(token, kWsse, QStringLiteral("Password"));
        r.nonce = QByteArray::fromBase64(firstChild(token, kWsse, QStringLiteral("Nonce")).text().toLatin1());
        const QString created = firstChild(token, kWsu, QStringLiteral("Created")).text();
        const QByteArray expected =
            QCryptographicHash::hash(r.nonce + created.toUtf8() + this->password.toUtf8(),
                                     QCryptographicHash::Sha1)
                .toBase64();
        r.digestOk = password.attribute(QStringLiteral("Type")) == kDigestType && r.nonce.size() >= 16 &&
                     password.text().toLatin1() == expected;
        const QDateTime when = QDateTime::fromString(created, Qt::ISODateWithMs);
        const QDateTime cameraNow = QDateTime::currentDateTimeUtc().addSecs(clockOffsetSecs);
        r.createdOk =
            when.isValid() && created.endsWith(QLatin1Char('Z')) && std::abs(when.secsTo(cameraNow)) <= 10;
    }

    QTcpServer server_;
    QHash<QTcpSocket*, QByteArray> buffers_;
};

struct Outcome {
    bool done = false;
    CameraResult result;
};

Outcome run(const std::function<void(OnvifPtzCamera::Callback)>& start) {
    Outcome o;
    start([&o](const CameraResult& r) {
        o.result = r;
        o.done = true;
    });
    (void)QTest::qWaitFor([&o] { return o.done; }, 6000);
    return o;
}

// The element at a path of child local names ("Velocity/PanTilt") below `e`.
QDomElement at(const QDomElement& e, const QString& path) {
    QDomElement here = e;
    for (const QString& part : path.split(QLatin1Char('/'))) {
        QDomElement next;
        for (QDomElement c = here.firstChildElement(); !c.isNull() && next.isNull();
             c = c.nextSiblingElement())
            if (c.localName() == part)
                next = c;
        here = next;
        if (here.isNull())
            break;
    }
    return here;
}

QString attr(const QDomElement& e, const char* path, const char* name) {
    const QDomElement a = at(e, QString::fromLatin1(path));
    return a.isNull() ? QStringLiteral("<none>") : a.attribute(QLatin1String(name), QStringLiteral("<none>"));
}

QString childText(const QDomElement& e, const QString& local) {
    return firstChild(e, kPtz, local).text();
}

// A VISCA-over-IP camera (UDP) for the API's VISCA path: ACKs and completes commands, answers the
// position inquiries.
class ViscaSimulator : public QObject {
public:
    QList<QByteArray> payloads;
    ViscaSimulator() {
        socket_.bind(QHostAddress::LocalHost, 0);
        connect(&socket_, &QUdpSocket::readyRead, this, [this] {
            while (socket_.hasPendingDatagrams()) {
                const QNetworkDatagram d = socket_.receiveDatagram();
                const QByteArray data = d.data();
                if (data.size() < 8)
                    continue;
                payloads.append(data.mid(8));
                auto send = [&](const char* type, const char* payload) {
                    const QByteArray p = QByteArray::fromHex(payload);
                    QByteArray out = QByteArray::fromHex(type);
                    out.append(char(0)).append(char(p.size())).append(data.mid(4, 4)).append(p);
                    socket_.writeDatagram(out, d.senderAddress(), d.senderPort());
                };
                if (data.startsWith(QByteArray::fromHex("0200")))
                    send("0201", "01");
                else if (data.mid(8) == QByteArray::fromHex("81090612ff"))
                    send("0111", "9050"
                                 "00040000"
                                 "00000000"
                                 "ff"); // pan 0x0400, tilt 0
                else if (data.mid(8) == QByteArray::fromHex("81090447ff"))
                    send("0111", "905002000000ff");
                else {
                    send("0111", "9041ff");
                    send("0111", "9051ff");
                }
            }
        });
    }
    quint16 port() const { return socket_.localPort(); }

private:
    QUdpSocket socket_;
};

} // namespace

class TestOnvif : public QObject {
    Q_OBJECT

    static void verifyNoPassword(const QString& text) {
        QVERIFY2(!text.contains(kPassword), qPrintable(text));
    }

private Q_SLOTS:
    void movesStopsZoomsAndReportsPosition() {
        OnvifSimulator sim;
        OnvifPtzCamera cam(QUrl(sim.url()), kUser, kPassword);

        Outcome o = run([&](auto cb) { cam.move(0.5, -0.25, 0, cb); });
        QVERIFY2(o.done && o.result.ok, qPrintable(o.result.error));
        // Discovery, then the command: the camera's clock, services, the PTZ profile, its node.
        QCOMPARE(sim.operations(), (QStringList{"GetSystemDateAndTime", "GetCapabilities", "GetProfiles",
                                                "GetNode", "ContinuousMove"}));
        QCOMPARE(sim.received[0].path, QStringLiteral("/onvif/device_service"));
        QCOMPARE(sim.received[0].operationNs, kDevice);
        QCOMPARE(sim.received[0].action,
                 QStringLiteral("http://www.onvif.org/ver10/device/wsdl/GetSystemDateAndTime"));
        QVERIFY(!sim.received[0].hasToken); // asked without credentials
        QCOMPARE(sim.received[1].path, QStringLiteral("/onvif/device_service"));
        QCOMPARE(firstChild(sim.received[1].body, kDevice, QStringLiteral("Category")).text(),
                 QStringLiteral("All"));
        // The announced addresses' paths at the host and port the camera was reached at.
        QCOMPARE(sim.received[2].path, QStringLiteral("/onvif/media_service"));
        QCOMPARE(sim.received[2].operationNs, kMedia);
        QCOMPARE(sim.received[3].path, QStringLiteral("/onvif/ptz_service"));
        QCOMPARE(childText(sim.received[3].body, QStringLiteral("NodeToken")), QStringLiteral("node1"));
        const Received& move = sim.received[4];
        QCOMPARE(move.path, QStringLiteral("/onvif/ptz_service"));
        QCOMPARE(move.operationNs, kPtz);
        QCOMPARE(move.action, QStringLiteral("http://www.onvif.org/ver20/ptz/wsdl/ContinuousMove"));
        QCOMPARE(childText(move.body, QStringLiteral("ProfileToken")), QStringLiteral("prof_ptz"));
        const QDomElement velocity = firstChild(move.body, kPtz, QStringLiteral("Velocity"));
        QCOMPARE(firstChild(velocity, kSchema, QStringLiteral("PanTilt")).attribute("x"),
                 QStringLiteral("0.5"));
        QCOMPARE(firstChild(velocity, kSchema, QStringLiteral("PanTilt")).attribute("y"),
                 QStringLiteral("-0.25"));
        QCOMPARE(firstChild(velocity, kSchema, QStringLiteral("Zoom")).attribute("x"), QStringLiteral("0"));
        // Every authenticated request: the right digest, the camera's clock, a fresh nonce.
        QSet<QByteArray> nonces;
        for (int i = 1; i < sim.received.size(); ++i) {
            QVERIFY(sim.received[i].hasToken && sim.received[i].digestOk && sim.received[i].createdOk);
            nonces.insert(sim.received[i].nonce);
        }
        QCOMPARE(nonces.size(), sim.received.size() - 1);

        o = run([&](auto cb) { cam.move(0, 0, -1, cb); });
        QVERIFY(o.result.ok);
        QCOMPARE(sim.operations().last(), QStringLiteral("ContinuousMove")); // discovered once
        QCOMPARE(sim.received.size(), 6);
        QCOMPARE(attr(sim.received.last().body, "Velocity/Zoom", "x"), QStringLiteral("-1"));
        QCOMPARE(attr(sim.received.last().body, "Velocity/PanTilt", "x"), QStringLiteral("0"));

        o = run([&](auto cb) { cam.stop(cb); });
        QVERIFY(o.result.ok);
        const Received* stop = sim.last(QStringLiteral("Stop"));
        QVERIFY(stop);
        QCOMPARE(childText(stop->body, QStringLiteral("ProfileToken")), QStringLiteral("prof_ptz"));
        QCOMPARE(childText(stop->body, QStringLiteral("PanTilt")), QStringLiteral("true"));
        QCOMPARE(childText(stop->body, QStringLiteral("Zoom")), QStringLiteral("true"));
        QVERIFY(run([&](auto cb) { cam.move(0, 0, 0, cb); }).result.ok); // all zero is a stop
        QCOMPARE(sim.operations().last(), QStringLiteral("Stop"));

        o = run([&](auto cb) { cam.zoomTo(0.4, cb); });
        QVERIFY2(o.result.ok, qPrintable(o.result.error));
        const Received* zoom = sim.last(QStringLiteral("AbsoluteMove"));
        QVERIFY(zoom);
        QCOMPARE(attr(zoom->body, "Position/Zoom", "x"), QStringLiteral("0.4"));
        QCOMPARE(attr(zoom->body, "Position/Zoom", "space"), kGenericZoom);
        QCOMPARE(attr(zoom->body, "Position/PanTilt", "x"), QStringLiteral("<none>")); // zoom only

        o = run([&](auto cb) { cam.queryPosition(cb); });
        QVERIFY2(o.result.ok, qPrintable(o.result.error));
        QVERIFY(o.result.position);
        // 85° of -170..170 and 30° of -30..90, in the space the camera reported them in.
        QCOMPARE(o.result.position->pan, 0.5);
        QCOMPARE(o.result.position->tilt, 0.0);
        QCOMPARE(o.result.position->zoom, 0.25);
        QCOMPARE(childText(sim.last(QStringLiteral("GetStatus"))->body, QStringLiteral("ProfileToken")),
                 QStringLiteral("prof_ptz"));
    }

    void presetsByNameOrToken() {
        OnvifSimulator sim;
        OnvifPtzCamera cam(QUrl(sim.url()), kUser, kPassword);
        // Preset 1 is the camera's preset named "1"; preset 5 the one whose token is "5".
        QVERIFY(run([&](auto cb) { cam.recallPreset(1, cb); }).result.ok);
        QCOMPARE(sim.operations().mid(sim.received.size() - 2), (QStringList{"GetPresets", "GotoPreset"}));
        QCOMPARE(childText(sim.last(QStringLiteral("GotoPreset"))->body, QStringLiteral("PresetToken")),
                 QStringLiteral("tok-a"));
        QCOMPARE(childText(sim.last(QStringLiteral("GotoPreset"))->body, QStringLiteral("ProfileToken")),
                 QStringLiteral("prof_ptz"));
        QVERIFY(run([&](auto cb) { cam.recallPreset(5, cb); }).result.ok);
        QCOMPARE(childText(sim.last(QStringLiteral("GotoPreset"))->body, QStringLiteral("PresetToken")),
                 QStringLiteral("5"));

        const Outcome missing = run([&](auto cb) { cam.recallPreset(7, cb); });
        QVERIFY(missing.done && !missing.result.ok);
        QVERIFY2(missing.result.error.contains(QLatin1String("no preset 7")),
                 qPrintable(missing.result.error));
        QCOMPARE(sim.operations().last(), QStringLiteral("GetPresets")); // nothing sent to move

        // Storing an existing one overwrites it under its token; a new one is made by name.
        QVERIFY(run([&](auto cb) { cam.storePreset(1, cb); }).result.ok);
        const Received* set = sim.last(QStringLiteral("SetPreset"));
        QCOMPARE(childText(set->body, QStringLiteral("PresetName")), QStringLiteral("1"));
        QCOMPARE(childText(set->body, QStringLiteral("PresetToken")), QStringLiteral("tok-a"));
        QVERIFY(run([&](auto cb) { cam.storePreset(3, cb); }).result.ok);
        set = sim.last(QStringLiteral("SetPreset"));
        QCOMPARE(childText(set->body, QStringLiteral("PresetName")), QStringLiteral("3"));
        QVERIFY(firstChild(set->body, kPtz, QStringLiteral("PresetToken")).isNull());
        QVERIFY(run([&](auto cb) { cam.recallPreset(3, cb); }).result.ok);
        QCOMPARE(childText(sim.last(QStringLiteral("GotoPreset"))->body, QStringLiteral("PresetToken")),
                 QStringLiteral("tok-new-2"));
    }

    void servicesWhenThereAreNoCapabilities() {
        OnvifSimulator sim;
        sim.mode = OnvifSimulator::Mode::ServicesOnly;
        OnvifPtzCamera cam(QUrl(sim.url()), kUser, kPassword);
        const Outcome o = run([&](auto cb) { cam.stop(cb); });
        QVERIFY2(o.result.ok, qPrintable(o.result.error));
        QCOMPARE(sim.operations(), (QStringList{"GetSystemDateAndTime", "GetCapabilities", "GetServices",
                                                "GetProfiles", "GetNode", "Stop"}));
        QCOMPARE(sim.last(QStringLiteral("GetProfiles"))->path, QStringLiteral("/onvif/Media"));
        QCOMPARE(sim.last(QStringLiteral("Stop"))->path, QStringLiteral("/onvif/PTZ"));
    }

    void cannotZoomAbsolutely() {
        OnvifSimulator sim;
        sim.mode = OnvifSimulator::Mode::NoAbsoluteZoom;
        OnvifPtzCamera cam(QUrl(sim.url()), kUser, kPassword);
        const Outcome o = run([&](auto cb) { cam.zoomTo(0.5, cb); });
        QVERIFY(o.done && !o.result.ok);
        QVERIFY(o.result.unsupported);
        QVERIFY2(o.result.error.contains(QLatin1String("cannot zoom to a set position")),
                 qPrintable(o.result.error));
        QVERIFY(!sim.last(QStringLiteral("AbsoluteMove")));
        QVERIFY(run([&](auto cb) { cam.move(0, 0, 0.5, cb); }).result.ok); // the rocker still works
    }

    void failuresAreClearAndQuick_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("message");
        QTest::newRow("soap fault") << int(OnvifSimulator::Mode::Fault) << kPassword
                                    << QStringLiteral("refused ContinuousMove: Movement is not possible now");
        QTest::newRow("http 401") << int(OnvifSimulator::Mode::Http401) << kPassword
                                  << QStringLiteral("refused the user name or password");
        QTest::newRow("wrong password") << int(OnvifSimulator::Mode::Normal) << QStringLiteral("guess")
                                        << QStringLiteral("refused the user name or password");
        QTest::newRow("garbage") << int(OnvifSimulator::Mode::Garbage) << kPassword
                                 << QStringLiteral("not an ONVIF answer");
        QTest::newRow("silence") << int(OnvifSimulator::Mode::Silent) << kPassword
                                 << QStringLiteral("did not answer within 2 s");
    }
    void failuresAreClearAndQuick() {
        QFETCH(int, mode);
        QFETCH(QString, password);
        QFETCH(QString, message);
        OnvifSimulator sim;
        sim.mode = static_cast<OnvifSimulator::Mode>(mode);
        OnvifPtzCamera cam(QUrl(sim.url()), kUser, password);
        QElapsedTimer t;
        t.start();
        const Outcome o = run([&](auto cb) { cam.move(0.3, 0, 0, cb); });
        QVERIFY(o.done && !o.result.ok && !o.result.unsupported);
        QVERIFY2(t.elapsed() < 2500, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(o.result.error.contains(message), qPrintable(o.result.error));
        QVERIFY2(o.result.error.contains(QStringLiteral("127.0.0.1:%1").arg(sim.port())),
                 qPrintable(o.result.error));
        verifyNoPassword(o.result.error);
        QVERIFY(!sim.received.isEmpty());

        // Once the camera behaves (and is given the right password), the driver works again.
        sim.mode = OnvifSimulator::Mode::Normal;
        sim.password = password;
        const Outcome again = run([&](auto cb) { cam.stop(cb); });
        QVERIFY2(again.result.ok, qPrintable(again.result.error));
    }

    void unreachableCamera() {
        OnvifPtzCamera dead(
            QUrl(QStringLiteral("http://127.0.0.1:%1/onvif/device_service").arg(hntt::test::freeTcpPort())),
            kUser, kPassword);
        const Outcome o = run([&](auto cb) { dead.stop(cb); });
        QVERIFY(o.done && !o.result.ok);
        QVERIFY2(o.result.error.contains(QLatin1String("Cannot reach the camera")),
                 qPrintable(o.result.error));
    }

    // The ONVIF camera through the Session and the API's camera routes.
    void throughSessionAndApi() {
        QTemporaryDir tmp;
        hntt::core::SessionOptions options;
        options.dataDir = tmp.path();
        options.width = 320;
        options.height = 180;
        options.multiview = false;
        hntt::core::Session session(options);
        QVERIFY(session.open());
        OnvifSimulator sim;
        hntt::core::SiteRecord site;
        site.level = hntt::core::SiteLevel::District;
        site.name = QStringLiteral("Huyện Minh Hóa");
        site.cameraJson = QString::fromUtf8(QJsonDocument(QJsonObject{{"protocol", "onvif"},
                                                                      {"url", sim.url()},
                                                                      {"username", kUser},
                                                                      {"password", kPassword}})
                                                .toJson(QJsonDocument::Compact));
        auto created = session.createSite(site, QStringLiteral("ui"));
        QVERIFY(created);
        const std::string id = std::to_string(created->id);
        site.name = QStringLiteral("Xã không có camera");
        site.cameraJson.clear();
        auto bare = session.createSite(site, QStringLiteral("ui"));
        QVERIFY(bare);
        const std::string bareId = std::to_string(bare->id);

        hntt::api::ApiService api(session, hntt::api::ServerConfig{});
        auto call = [&](const std::string& method, const std::string& path, const std::string& body = {}) {
            hntt::api::Request req;
            req.method = method;
            req.path = "/api/v1/" + path;
            for (const QString& segment : QString::fromStdString(path).split(QLatin1Char('/')))
                req.segments.push_back(segment.toStdString());
            req.body = body;
            req.clientId = "127.0.0.1:5000";
            std::optional<hntt::api::Response> response;
            api.dispatch(req, [&response](hntt::api::Response r) { response = std::move(r); });
            (void)QTest::qWaitFor([&] { return response.has_value(); }, 6000);
            if (!response) {
                hntt::api::Response none;
                none.status = 0; // no answer at all
                return none;
            }
            return *response;
        };
        auto json = [](const hntt::api::Response& r) {
            return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        };

        auto r = call("POST", "sites/" + id + "/camera/zoom", "{\"zoom\":0.4}");
        QCOMPARE(r.status, 200);
        QCOMPARE(attr(sim.last(QStringLiteral("AbsoluteMove"))->body, "Position/Zoom", "x"),
                 QStringLiteral("0.4"));
        r = call("GET", "sites/" + id + "/camera/position");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value("pan").toDouble(), 0.5);
        QCOMPARE(json(r).value("tilt").toDouble(), 0.0);
        QCOMPARE(json(r).value("zoom").toDouble(), 0.25);
        QCOMPARE(call("POST", "sites/" + id + "/camera/move", "{\"tilt\":1}").status, 200);
        QCOMPARE(attr(sim.last(QStringLiteral("ContinuousMove"))->body, "Velocity/PanTilt", "y"),
                 QStringLiteral("1"));
        QCOMPARE(call("POST", "sites/" + id + "/camera/presets/1/recall").status, 200);
        QCOMPARE(call("POST", "sites/" + id + "/camera/presets/4/store").status, 200);
        QCOMPARE(childText(sim.last(QStringLiteral("SetPreset"))->body, QStringLiteral("PresetName")),
                 QStringLiteral("4"));
        QCOMPARE(call("POST", "sites/" + id + "/camera/stop").status, 200);

        // Requests that are wrong change nothing.
        const int before = sim.received.size();
        QCOMPARE(call("POST", "sites/" + id + "/camera/zoom", "{\"zoom\":1.5}").status, 422);
        QCOMPARE(call("POST", "sites/" + id + "/camera/zoom", "{\"zoom\":-0.1}").status, 422);
        QCOMPARE(call("POST", "sites/" + id + "/camera/zoom", "{\"zoom\":\"tele\"}").status, 400);
        QCOMPARE(call("POST", "sites/" + id + "/camera/zoom", "{}").status, 400);
        QCOMPARE(call("POST", "sites/" + id + "/camera/zoom", "not json").status, 400);
        QCOMPARE(call("GET", "sites/" + id + "/camera/zoom").status, 405);
        QCOMPARE(call("POST", "sites/" + id + "/camera/position").status, 405);
        QCOMPARE(call("GET", "sites/999999/camera/position").status, 404);
        QCOMPARE(sim.received.size(), before);
        r = call("POST", "sites/" + bareId + "/camera/zoom", "{\"zoom\":0.5}");
        QCOMPARE(r.status, 409);
        QCOMPARE(call("GET", "sites/" + bareId + "/camera/position").status, 409);

        // A camera that cannot zoom absolutely: 409 with the reason; one that faults: 502.
        sim.mode = OnvifSimulator::Mode::NoAbsoluteZoom;
        QCOMPARE(call("POST", "sites/" + id + "/camera/presets/9/recall").status, 502); // no such preset
        r = call("POST", "sites/" + id + "/camera/zoom", "{\"zoom\":0.5}");
        QCOMPARE(r.status, 409);
        QVERIFY2(json(r).value("error").toObject().value("message").toString().contains(
                     QLatin1String("cannot zoom to a set position")),
                 r.body.c_str());
        sim.mode = OnvifSimulator::Mode::Fault;
        r = call("POST", "sites/" + id + "/camera/move", "{\"pan\":-1}");
        QCOMPARE(r.status, 502);
        QVERIFY2(json(r).value("error").toObject().value("message").toString().contains(
                     QLatin1String("Movement is not possible now")),
                 r.body.c_str());
        sim.mode = OnvifSimulator::Mode::Http401;
        r = call("GET", "sites/" + id + "/camera/position");
        QCOMPARE(r.status, 502);
        QVERIFY2(json(r).value("error").toObject().value("message").toString().contains(
                     QLatin1String("refused the user name or password")),
                 r.body.c_str());

        // Giving the floor recalls preset 1 on the ONVIF camera too.
        sim.mode = OnvifSimulator::Mode::Normal;
        const auto gotos = sim.operations().count(QStringLiteral("GotoPreset"));
        QVERIFY(session.giveFloor(created->id, QStringLiteral("ui")));
        QTRY_COMPARE_WITH_TIMEOUT(sim.operations().count(QStringLiteral("GotoPreset")), gotos + 1, 3000);

        // The password is in no answer and no logged event.
        QVERIFY(!QByteArray::fromStdString(call("GET", "sites/" + id).body).contains("s3cret"));
        const auto events = session.eventLog().exportJson();
        QVERIFY(events);
        QVERIFY(events->contains("camera.zoom"));
        QVERIFY(!events->contains("s3cret"));

        // The VISCA path of the same two routes.
        ViscaSimulator visca;
        hntt::core::SitePatch patch;
        patch.camera = QJsonObject{{"protocol", "visca-ip"}, {"host", "127.0.0.1"}, {"port", visca.port()}};
        QVERIFY(session.updateSite(created->id, patch, QStringLiteral("ui")));
        QCOMPARE(call("POST", "sites/" + id + "/camera/zoom", "{\"zoom\":0.25}").status, 200);
        QVERIFY(visca.payloads.contains(QByteArray::fromHex("8101044701000000ff")));
        r = call("GET", "sites/" + id + "/camera/position");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value("pan").toDouble(), std::round(0x400 * 10000.0 / 0x0990) / 10000);
        QCOMPARE(json(r).value("tilt").toDouble(), 0.0);
        QCOMPARE(json(r).value("zoom").toDouble(), 0.5);
        session.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestOnvif)
#include "tst_onvif.moc"
