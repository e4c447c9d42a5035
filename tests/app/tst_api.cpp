// The control API of shared/API.md against the real console: `hntt-console --headless` runs as
// its own process with a token file and a loopback port; the suite talks HTTP and WebSocket to it.
// Ends with a headless meeting: four ffmpeg senders over UDP, grid-2x2, a recording, a mute, and
// the recording's pixels and tones checked.
#include "api_clients.h"
#include "test_support.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace hntt::test;

namespace {
const std::string kToken = "test-token-0123456789abcdef";

// A VISCA-over-IP camera on its own thread (the suite's HTTP calls block this one): answers the
// sequence reset, ACKs and completes every command, and keeps what it received.
class ViscaSimulator {
public:
    ViscaSimulator() {
        fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in a = {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        timeval tv{0, 100000};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        thread_ = std::thread([this] { run(); });
    }
    ~ViscaSimulator() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }
    quint16 port() const { return port_; }
    QList<QByteArray> payloads() {
        std::lock_guard lock(mutex_);
        return payloads_;
    }

private:
    void run() {
        char buf[512];
        while (!stop_) {
            sockaddr_in from = {};
            socklen_t len = sizeof from;
            const auto n = ::recvfrom(fd_, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &len);
            if (n < 8)
                continue;
            const QByteArray d(buf, static_cast<int>(n));
            {
                std::lock_guard lock(mutex_);
                payloads_.append(d.mid(8));
            }
            auto reply = [&](const char* typeAndPayload) {
                QByteArray out = QByteArray::fromHex(typeAndPayload);
                const QByteArray payload = out.mid(2);
                QByteArray msg = out.left(2);
                msg.append(char(0)).append(char(payload.size()));
                msg.append(d.mid(4, 4)).append(payload);
                ::sendto(fd_, msg.constData(), static_cast<size_t>(msg.size()), 0,
                         reinterpret_cast<sockaddr*>(&from), len);
            };
            if (d.startsWith(QByteArray::fromHex("0200"))) {
                reply("020101");
            } else {
                reply("01119041ff");
                reply("01119051ff");
            }
        }
    }
    int fd_ = -1;
    quint16 port_ = 0;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    QList<QByteArray> payloads_;
    std::thread thread_;
};
} // namespace

class TestApi : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<QProcess> console_;
    quint16 port_ = 0;

    bool startConsole() {
        QFile token(tmp_.filePath(QStringLiteral("token")));
        if (!token.open(QIODevice::WriteOnly))
            return false;
        token.write(QByteArray::fromStdString(kToken) + "\n");
        token.close();
        port_ = freeTcpPort();
        console_ = std::make_unique<QProcess>();
        console_->setProcessChannelMode(QProcess::ForwardedChannels);
        console_->start(HNTT_CONSOLE_BINARY,
                        {"--headless", "--lang", "en", "--data-dir", tmp_.filePath(QStringLiteral("data")),
                         "--api-listen", QStringLiteral("127.0.0.1:%1").arg(port_), "--api-token-file",
                         token.fileName(), "--program", "640x360@25", "--sip-listen", "off", "--web-listen",
                         "off"});
        if (!console_->waitForStarted())
            return false;
        for (int i = 0; i < 100; ++i) {
            HttpClient c(port_);
            if (c.connected() && c.request(http::verb::get, "/api/v1/health", std::nullopt).status == 200)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    void stopConsole() {
        if (console_ && console_->state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(console_->processId()), SIGTERM);
            if (!console_->waitForFinished(15000))
                console_->kill();
        }
    }

    Reply call(http::verb method, const std::string& target, const std::string& body = {}) {
        HttpClient c(port_);
        return c.request(method, "/api/v1" + target, kToken, body);
    }

    QJsonObject site(qint64 id) { return call(http::verb::get, "/sites/" + std::to_string(id)).json(); }

    qint64 createSite(const QString& name, const QString& url,
                      const QString& level = QStringLiteral("district")) {
        const Reply r = call(http::verb::post, "/sites",
                             QJsonDocument(QJsonObject{{"name", name}, {"level", level}, {"source_url", url}})
                                 .toJson()
                                 .toStdString());
        return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
    }

    static QJsonArray array(const Reply& r) {
        return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).array();
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        QVERIFY2(startConsole(), "the console did not answer /health");
    }
    void cleanupTestCase() { stopConsole(); }

    void healthAndAuth() {
        HttpClient c(port_);
        Reply r = c.request(http::verb::get, "/api/v1/health", std::nullopt);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QStringLiteral("ok"));
        QVERIFY(!r.json().value("version").toString().isEmpty());

        r = c.request(http::verb::get, "/api/v1/sites", std::nullopt);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value("error").toObject().value("code").toString(), QStringLiteral("unauthorized"));
        r = c.request(http::verb::get, "/api/v1/sites", std::string("wrong"));
        QCOMPARE(r.status, 401);
        r = c.request(http::verb::get, "/api/v1/state", kToken);
        QCOMPARE(r.status, 200);
        const QJsonObject canvas = r.json().value("canvas").toObject();
        QCOMPARE(canvas.value("width").toInt(), 640);
        QCOMPARE(canvas.value("fps").toInt(), 25);
        QVERIFY(r.json().value("recording").isNull());
        // The clock's counters, and where its ticks' time goes, phase by phase.
        const QJsonObject clock = r.json().value("clock").toObject();
        for (const char* key : {"ticks", "late", "skipped"})
            QVERIFY2(clock.value(key).isDouble(), key);
        const QJsonObject phases = clock.value("phases").toObject();
        for (const char* phase : {"pull", "mix", "outputs", "compose", "multiview", "encode"}) {
            const QJsonObject p = phases.value(phase).toObject();
            QVERIFY2(p.value("mean_ms").isDouble() && p.value("max_ms").isDouble(), phase);
            QVERIFY2(p.value("max_ms").toDouble() >= p.value("mean_ms").toDouble(), phase);
        }
    }

    void sitesCrudAndErrors() {
        const int before = array(call(http::verb::get, "/sites")).size();
        Reply r = call(http::verb::post, "/sites",
                       "{\"name\":\"UBND xã Quảng "
                       "Hòa\",\"level\":\"province\",\"source_url\":\"test://solid?color=00ff00&tone=600\"}");
        QCOMPARE(r.status, 201);
        const qint64 id = r.json().value("id").toInteger();
        QVERIFY(id > 0);
        QCOMPARE(r.json().value("name").toString(), QStringLiteral("UBND xã Quảng Hòa"));
        QVERIFY(r.json().value("audio").toObject().contains("level_dbfs"));
        QTRY_COMPARE_WITH_TIMEOUT(site(id).value("status").toString(), QStringLiteral("connected"), 5000);
        QCOMPARE(site(id).value("video").toObject().value("width").toInt(), 640);

        // Rejected requests change nothing.
        QCOMPARE(call(http::verb::post, "/sites", "{not json").status, 400);
        QCOMPARE(call(http::verb::post, "/sites", "{\"name\": 5, \"level\": \"district\"}").status, 400);
        QCOMPARE(call(http::verb::post, "/sites", "[1,2]").status, 400);
        r = call(http::verb::post, "/sites", "{\"name\":\"X\",\"level\":\"city\"}");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("unprocessable"));
        QCOMPARE(call(http::verb::post, "/sites",
                      "{\"name\":\"X\",\"level\":\"district\",\"source_url\":\"gopher://x\"}")
                     .status,
                 422);
        QCOMPARE(
            call(http::verb::post, "/sites", "{\"name\":\"X\",\"level\":\"commune\",\"parent_id\":999999}")
                .status,
            422);
        QCOMPARE(array(call(http::verb::get, "/sites")).size(), before + 1);

        QCOMPARE(call(http::verb::get, "/sites/999999").status, 404);
        QCOMPARE(call(http::verb::get, "/sites/abc").status, 404);
        QCOMPARE(call(http::verb::get, "/nothing-here").status, 404);
        QCOMPARE(call(http::verb::put, "/sites").status, 405);

        r = call(http::verb::patch, "/sites/" + std::to_string(id),
                 "{\"audio\":{\"muted\":true,\"gain_db\":-6}}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("audio").toObject().value("muted").toBool(), true);
        QCOMPARE(r.json().value("audio").toObject().value("gain_db").toDouble(), -6.0);
        QCOMPARE(
            call(http::verb::patch, "/sites/" + std::to_string(id), "{\"audio\":{\"muted\":\"yes\"}}").status,
            400);
        QCOMPARE(
            call(http::verb::patch, "/sites/" + std::to_string(id), "{\"audio\":{\"gain_db\":500}}").status,
            422);
        QCOMPARE(site(id).value("audio").toObject().value("gain_db").toDouble(), -6.0);
        QCOMPARE(call(http::verb::patch, "/sites/999999", "{\"name\":\"x\"}").status, 404);

        // A camera password is stored but never returned.
        r = call(http::verb::patch, "/sites/" + std::to_string(id),
                 "{\"camera\":{\"protocol\":\"onvif\",\"url\":\"http://127.0.0.1:1/onvif/"
                 "device_service\",\"username\":\"admin\",\"password\":\"s3cret\"}}");
        QCOMPARE(r.status, 200);
        QVERIFY(!QByteArray::fromStdString(r.body).contains("s3cret"));
        QVERIFY(!QByteArray::fromStdString(call(http::verb::get, "/sites").body).contains("s3cret"));

        // Over 1 MiB: 413 and nothing created.
        const std::string big = "{\"name\":\"" + std::string(1100 * 1024, 'a') + "\",\"level\":\"district\"}";
        QCOMPARE(call(http::verb::post, "/sites", big).status, 413);

        QCOMPARE(call(http::verb::delete_, "/sites/" + std::to_string(id)).status, 204);
        QCOMPARE(call(http::verb::delete_, "/sites/" + std::to_string(id)).status, 404);
        QCOMPARE(array(call(http::verb::get, "/sites")).size(), before);
    }

    void layoutsProgramPreviewTakeFloor() {
        const QJsonArray layouts = array(call(http::verb::get, "/layouts"));
        QStringList names;
        for (const QJsonValue& l : layouts)
            names << l.toObject().value("name").toString();
        for (const char* n :
             {"single", "pip", "grid-2x2", "grid-3x3", "grid-4x4", "grid-5x5", "focus-1+5", "focus-1+7"})
            QVERIFY2(names.contains(QLatin1String(n)), n);
        for (const QJsonValue& l : layouts)
            if (l.toObject().value("name").toString() == QLatin1String("grid-2x2")) {
                const QJsonObject s1 = l.toObject().value("slots").toArray().at(1).toObject();
                QCOMPARE(s1.value("x").toDouble(), 0.5);
                QCOMPARE(s1.value("w").toDouble(), 0.5);
            }

        const qint64 a =
            createSite(QStringLiteral("A"), QStringLiteral("test://solid?color=ff0000&tone=400"));
        const qint64 b =
            createSite(QStringLiteral("B"), QStringLiteral("test://solid?color=0000ff&tone=800"));
        QVERIFY(a && b);
        const std::string ids = std::to_string(a) + "," + std::to_string(b);
        QCOMPARE(call(http::verb::put, "/program", "{\"layout\":\"grid-2x2\",\"slots\":[" + ids + ",null]}")
                     .status,
                 200);
        QCOMPARE(call(http::verb::get, "/program").json().value("layout").toString(),
                 QStringLiteral("grid-2x2"));
        QCOMPARE(call(http::verb::put, "/program", "{\"layout\":\"grid-9x9\",\"slots\":[]}").status, 422);
        QCOMPARE(call(http::verb::put, "/program", "{\"layout\":\"single\",\"slots\":[999999]}").status, 422);
        QCOMPARE(call(http::verb::put, "/program", "{\"layout\":\"single\",\"slots\":[\"a\"]}").status, 400);
        QCOMPARE(call(http::verb::get, "/program").json().value("layout").toString(),
                 QStringLiteral("grid-2x2"));
        QCOMPARE(call(http::verb::delete_, "/program").status, 405);

        QCOMPARE(
            call(http::verb::put, "/preview", "{\"layout\":\"single\",\"slots\":[" + std::to_string(b) + "]}")
                .status,
            200);
        QCOMPARE(call(http::verb::post, "/take").status, 200);
        const QJsonObject program = call(http::verb::get, "/program").json();
        QCOMPARE(program.value("layout").toString(), QStringLiteral("single"));
        QCOMPARE(program.value("slots").toArray().at(0).toInteger(), b);

        Reply r = call(http::verb::post, "/floor", "{\"site_id\":" + std::to_string(a) + "}");
        QCOMPARE(r.status, 200);
        const QJsonObject afterFloor = call(http::verb::get, "/program").json();
        QVERIFY(afterFloor.value("layout").toString().startsWith(QLatin1String("focus-")));
        QCOMPARE(afterFloor.value("slots").toArray().at(0).toInteger(), a);
        QCOMPARE(call(http::verb::post, "/floor", "{\"site_id\":999999}").status, 404);
        QCOMPARE(call(http::verb::post, "/floor", "{\"site\":1}").status, 400);
    }

    void recordingsOutputsMeetings() {
        Reply r = call(http::verb::post, "/recordings", "{\"title\":\"Họp thử\"}");
        QCOMPARE(r.status, 201);
        const qint64 id = r.json().value("id").toInteger();
        QCOMPARE(r.json().value("state").toString(), QStringLiteral("recording"));
        const QString path = r.json().value("path").toString();
        QVERIFY(path.endsWith(QLatin1String(".mkv")));
        QCOMPARE(call(http::verb::post, "/recordings", "{}").status, 409);
        QCOMPARE(call(http::verb::get, "/state").json().value("recording").toObject().value("id").toInteger(),
                 id);
        QTest::qWait(2500);
        r = call(http::verb::post, "/recordings/" + std::to_string(id) + "/stop");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("state").toString(), QStringLiteral("finished"));
        QVERIFY(r.json().value("duration_s").toDouble() > 1.0);
        QCOMPARE(call(http::verb::post, "/recordings/" + std::to_string(id) + "/stop").status, 409);
        QCOMPARE(call(http::verb::post, "/recordings/999999/stop").status, 404);
        QVERIFY(call(http::verb::get, "/recordings/" + std::to_string(id)).json().contains("markers"));
        QVERIFY(!ffprobe(path).isEmpty());

        r = call(http::verb::post, "/outputs",
                 QStringLiteral("{\"url\":\"udp://127.0.0.1:%1\",\"name\":\"Phát lại\"}")
                     .arg(freeUdpPort())
                     .toStdString());
        QCOMPARE(r.status, 201);
        const qint64 out = r.json().value("id").toInteger();
        QCOMPARE(call(http::verb::post, "/outputs", "{\"url\":\"ftp://x\"}").status, 422);
        QCOMPARE(call(http::verb::post, "/outputs", "{\"url\":12}").status, 400);
        QCOMPARE(array(call(http::verb::get, "/outputs")).size(), 1);
        QCOMPARE(call(http::verb::delete_, "/outputs/" + std::to_string(out)).status, 204);
        QCOMPARE(call(http::verb::delete_, "/outputs/" + std::to_string(out)).status, 404);

        const qint64 host = createSite(QStringLiteral("UBND tỉnh"), {}, QStringLiteral("province"));
        QVERIFY(host);
        const QString starts =
            QDateTime::currentDateTime().addDays(5).toOffsetFromUtc(7 * 3600).toString(Qt::ISODate);
        const QString ends =
            QDateTime::currentDateTime().addDays(5).addSecs(7200).toOffsetFromUtc(7 * 3600).toString(
                Qt::ISODate);
        auto meeting = [&](const QString& room) {
            return QJsonDocument(QJsonObject{{"title", "Giao ban"},
                                             {"starts_at", starts},
                                             {"ends_at", ends},
                                             {"room", room},
                                             {"host_site_id", host},
                                             {"site_ids", QJsonArray{host}},
                                             {"emergency", false}})
                .toJson()
                .toStdString();
        };
        const Reply m1 = call(http::verb::post, "/meetings", meeting(QStringLiteral("Phòng 1")));
        QCOMPARE(m1.status, 201);
        QVERIFY(m1.json().value("warning").isNull()); // five days ahead: no warning
        QCOMPARE(call(http::verb::post, "/meetings", meeting(QStringLiteral("Phòng 1"))).status, 409);
        QCOMPARE(call(http::verb::post, "/meetings", meeting(QStringLiteral("Phòng 2"))).status, 201);
        QCOMPARE(call(http::verb::post, "/meetings", "{\"title\":\"x\",\"starts_at\":\"soon\"}").status, 422);
        QVERIFY(array(call(http::verb::get, "/meetings")).size() >= 2);
    }

    void eventsOverWebSocket() {
        WsClient ws;
        QVERIFY(!ws.connect(port_, "/api/v1/events?token=" + kToken, std::nullopt));
        WsClient refused;
        QVERIFY(refused.connect(port_, "/api/v1/events", std::nullopt));

        const qint64 id =
            createSite(QStringLiteral("Sự kiện"), QStringLiteral("test://solid?color=ffffff&tone=1000"));
        QVERIFY(id);
        QVERIFY(
            call(http::verb::patch, "/sites/" + std::to_string(id), "{\"audio\":{\"muted\":true}}").status ==
            200);
        bool sawMute = false;
        for (int i = 0; i < 50 && !sawMute; ++i) {
            const QJsonObject e = ws.readJson();
            QVERIFY(e.contains("type") && e.contains("at"));
            QVERIFY(e.value("type").toString() != QLatin1String("site.levels")); // not subscribed
            sawMute = e.value("type").toString() == QLatin1String("site.audio") &&
                      e.value("site_id").toInteger() == id && e.value("muted").toBool();
        }
        QVERIFY(sawMute);
        QVERIFY(ws.send("{\"subscribe\":[\"levels\"]}"));
        bool sawLevels = false;
        for (int i = 0; i < 100 && !sawLevels; ++i)
            sawLevels = ws.readJson().value("type").toString() == QLatin1String("site.levels");
        QVERIFY(sawLevels);
    }

    void cameraControl() {
        ViscaSimulator cam;
        const qint64 id =
            createSite(QStringLiteral("Camera"), QStringLiteral("test://solid?color=808080&tone=0"));
        const std::string site = "/sites/" + std::to_string(id);
        QCOMPARE(call(http::verb::post, site + "/camera/stop").status, 409); // no camera yet
        QCOMPARE(
            call(http::verb::patch, site,
                 QStringLiteral("{\"camera\":{\"protocol\":\"visca-ip\",\"host\":\"127.0.0.1\",\"port\":%1}}")
                     .arg(cam.port())
                     .toStdString())
                .status,
            200);
        QCOMPARE(call(http::verb::post, site + "/camera/presets/2/recall").status, 200);
        QVERIFY(cam.payloads().contains(QByteArray::fromHex("8101043f0201ff")));
        QCOMPARE(call(http::verb::post, site + "/camera/presets/5/store").status, 200);
        QVERIFY(cam.payloads().contains(QByteArray::fromHex("8101043f0104ff")));
        QCOMPARE(call(http::verb::post, site + "/camera/move", "{\"pan\":0.5,\"zoom\":-1}").status, 200);
        QVERIFY(cam.payloads().contains(QByteArray::fromHex("810106010c010203ff")));
        QCOMPARE(call(http::verb::post, site + "/camera/move", "{\"pan\":\"left\"}").status, 400);
        QCOMPARE(call(http::verb::post, site + "/camera/move", "{\"pan\":3}").status, 422);
        QCOMPARE(call(http::verb::get, site + "/camera/stop").status, 405);
        QCOMPARE(call(http::verb::post, site + "/camera/presets/0/recall").status, 422);
        QCOMPARE(call(http::verb::post, "/sites/999999/camera/stop").status, 404);

        // Giving the floor recalls preset 1 (VISCA memory 0).
        QCOMPARE(call(http::verb::post, "/floor", "{\"site_id\":" + std::to_string(id) + "}").status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(cam.payloads().contains(QByteArray::fromHex("8101043f0200ff")), 3000);

        // A camera that does not answer: 502 with the reason, within the driver's 2 s.
        QCOMPARE(
            call(http::verb::patch, site,
                 QStringLiteral("{\"camera\":{\"protocol\":\"visca-ip\",\"host\":\"127.0.0.1\",\"port\":%1}}")
                     .arg(freeUdpPort())
                     .toStdString())
                .status,
            200);
        const Reply dead = call(http::verb::post, site + "/camera/stop");
        QCOMPARE(dead.status, 502);
        QVERIFY2(dead.json().value("error").toObject().value("message").toString().contains(
                     QLatin1String("did not answer")),
                 dead.body.c_str());
    }

    // What the router answers for every route alike, over the console's real server: a known path
    // with another method is 405 with Allow listing exactly the path's methods, an unknown path 404,
    // a path id that is not a positive integer 404 (as an unknown id), whatever the method.
    void routerAnswers() {
        const struct {
            http::verb method;
            const char* path;
            const char* allow;
        } wrongMethods[] = {
            {http::verb::delete_, "/program", "GET, PUT"},
            {http::verb::post, "/preview", "GET, PUT"},
            {http::verb::get, "/take", "POST"},
            {http::verb::put, "/sites", "GET, POST"},
            {http::verb::post, "/sites/1", "GET, PATCH, DELETE"},
            {http::verb::get, "/sites/mute", "POST"},
            {http::verb::put, "/sites/1/camera/presets/1/recall", "POST"},
            {http::verb::post, "/sites/1/camera/position", "GET"},
            {http::verb::post, "/jobs/1", "GET, DELETE"},
            {http::verb::get, "/archives", "POST"},
            {http::verb::delete_, "/health", "GET"},
        };
        for (const auto& w : wrongMethods) {
            const Reply r = call(w.method, w.path);
            QVERIFY2(r.status == 405, w.path);
            QCOMPARE(r.json().value("error").toObject().value("code").toString(),
                     QStringLiteral("method_not_allowed"));
            QCOMPARE(r.header(http::field::allow), std::string(w.allow));
        }

        for (const char* path :
             {"/nothing-here", "/sites/1/camera", "/program/extra", "/sites/1/camera/presets/2"}) {
            const Reply r = call(http::verb::get, path);
            QVERIFY2(r.status == 404, path);
            QCOMPARE(r.json().value("error").toObject().value("code").toString(),
                     QStringLiteral("not_found"));
            QVERIFY(r.header(http::field::allow).empty());
        }

        Reply r = call(http::verb::get, "/sites/abc");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value("error").toObject().value("message").toString(),
                 QStringLiteral("No site 'abc'."));
        r = call(http::verb::delete_, "/sites/0"); // the id first: no such site, whatever the method
        QCOMPARE(r.status, 404);
        QCOMPARE(call(http::verb::post, "/recordings/-2/stop").status, 404);
        QCOMPARE(call(http::verb::post, "/sites/1x/camera/stop").status, 404);
        r = call(http::verb::post, "/sites/1/camera/presets/one/recall");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value("error").toObject().value("message").toString(),
                 QStringLiteral("No preset 'one'."));
    }

    // A group mute answers {"sites": [...]}: the sites whose mute it changed, as they are now.
    void groupMutesAnswerWhatChanged() {
        const qint64 a =
            createSite(QStringLiteral("Tắt tiếng A"), QStringLiteral("test://solid?color=ff00ff&tone=0"));
        const qint64 b =
            createSite(QStringLiteral("Tắt tiếng B"), QStringLiteral("test://solid?color=00ffff&tone=0"));
        QVERIFY(a && b);
        const auto changed = [](const Reply& r) {
            QList<qint64> ids;
            for (const QJsonValue& s : r.json().value("sites").toArray())
                ids << s.toObject().value("id").toInteger();
            std::sort(ids.begin(), ids.end());
            return ids;
        };
        const auto mute = [&](const std::string& ids, bool muted) {
            return call(http::verb::post, "/sites/mute",
                        "{\"site_ids\":[" + ids + "],\"muted\":" + (muted ? "true" : "false") + "}");
        };
        const std::string ab = std::to_string(a) + "," + std::to_string(b);

        Reply r = mute(ab, true);
        QCOMPARE(r.status, 200);
        QCOMPARE(changed(r), (QList<qint64>{a, b}));
        for (const QJsonValue& s : r.json().value("sites").toArray())
            QCOMPARE(s.toObject().value("audio").toObject().value("muted"), QJsonValue(true));
        QCOMPARE(changed(mute(ab, true)), QList<qint64>{}); // already muted: nothing changed
        r = mute(std::to_string(a), false);
        QCOMPARE(changed(r), QList<qint64>{a});
        QCOMPARE(r.json().value("sites").toArray().at(0).toObject().value("name").toString(),
                 QStringLiteral("Tắt tiếng A"));
        QCOMPARE(mute(std::to_string(b) + ",999999", false).status, 404); // and nothing changes
        QVERIFY(site(b).value("audio").toObject().value("muted").toBool());

        // All but the floor: the floor unmuted if it was muted, every other site muted if it was not.
        QCOMPARE(call(http::verb::post, "/floor", "{\"site_id\":" + std::to_string(a) + "}").status, 200);
        QList<qint64> expected;
        for (const QJsonValue& s : array(call(http::verb::get, "/sites"))) {
            const qint64 id = s.toObject().value("id").toInteger();
            if ((id == a) == s.toObject().value("audio").toObject().value("muted").toBool())
                expected << id;
        }
        std::sort(expected.begin(), expected.end());
        QVERIFY(!expected.isEmpty() && !expected.contains(a) && !expected.contains(b));
        r = call(http::verb::post, "/sites/mute-all-but-floor");
        QCOMPARE(r.status, 200);
        QCOMPARE(changed(r), expected);
        QCOMPARE(changed(call(http::verb::post, "/sites/mute-all-but-floor")), QList<qint64>{});
    }

    // A whole meeting, headless: real senders, grid-2x2, record, mute one, stop, then check the file.
    void headlessMeetingEndToEnd() {
        const struct {
            const char* color;
            int rgb[3];
            int tone;
        } senders[4] = {{"red", {255, 0, 0}, 300},
                        {"lime", {0, 255, 0}, 500},
                        {"blue", {0, 0, 255}, 700},
                        {"white", {255, 255, 255}, 900}};
        std::vector<std::unique_ptr<FfmpegProcess>> procs;
        std::vector<qint64> ids;
        for (int i = 0; i < 4; ++i) {
            const quint16 port = freeUdpPort();
            const QString url = QStringLiteral("udp://127.0.0.1:%1").arg(port);
            procs.push_back(std::make_unique<FfmpegProcess>(
                solidColorSenderArgs(QLatin1String(senders[i].color), senders[i].tone, 320, 180) +
                QStringList{"-f", "mpegts", url + QStringLiteral("?pkt_size=1316")}));
            QVERIFY(procs.back()->waitStarted());
            const qint64 id = createSite(QStringLiteral("Điểm cầu %1").arg(i + 1), url);
            QVERIFY(id);
            ids.push_back(id);
        }
        for (qint64 id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(site(id).value("status").toString(), QStringLiteral("connected"),
                                      10000);
        const std::string slotIds = std::to_string(ids[0]) + "," + std::to_string(ids[1]) + "," +
                                    std::to_string(ids[2]) + "," + std::to_string(ids[3]);
        QCOMPARE(
            call(http::verb::put, "/program", "{\"layout\":\"grid-2x2\",\"slots\":[" + slotIds + "]}").status,
            200);
        QTest::qWait(1000);

        Reply r = call(http::verb::post, "/recordings", "{\"title\":\"Họp 4 điểm cầu\"}");
        QCOMPARE(r.status, 201);
        const qint64 rec = r.json().value("id").toInteger();
        const QString path = r.json().value("path").toString();
        QTest::qWait(3000);
        QCOMPARE(call(http::verb::patch, "/sites/" + std::to_string(ids[1]), "{\"audio\":{\"muted\":true}}")
                     .status,
                 200);
        QTest::qWait(3000);
        r = call(http::verb::post, "/recordings/" + std::to_string(rec) + "/stop");
        QCOMPARE(r.status, 200);
        const double duration = r.json().value("duration_s").toDouble();
        QVERIFY2(duration > 5 && duration < 8, qPrintable(QString::number(duration)));
        const QJsonObject full = call(http::verb::get, "/recordings/" + std::to_string(rec)).json();
        bool muteMarker = false;
        for (const QJsonValue& m : full.value("markers").toArray())
            muteMarker = muteMarker || (m.toObject().value("kind").toString() == QLatin1String("mute") &&
                                        m.toObject().value("site_id").toInteger() == ids[1]);
        QVERIFY(muteMarker);

        // Pixels: each tile centre of a frame at 2 s carries its sender's colour.
        QTemporaryDir out;
        const QString png = out.filePath(QStringLiteral("f.png"));
        QCOMPARE(runProgram(QStringLiteral("ffmpeg"), {"-v", "error", "-y", "-ss", "2", "-i", path,
                                                       "-frames:v", "1", "-update", "1", png}),
                 0);
        const QImage img(png);
        QCOMPARE(img.size(), QSize(640, 360));
        const QPoint centres[4] = {{160, 90}, {480, 90}, {160, 270}, {480, 270}};
        for (int i = 0; i < 4; ++i) {
            const QColor c = img.pixelColor(centres[i]);
            QVERIFY2(std::abs(c.red() - senders[i].rgb[0]) < 50 &&
                         std::abs(c.green() - senders[i].rgb[1]) < 50 &&
                         std::abs(c.blue() - senders[i].rgb[2]) < 50,
                     qPrintable(QStringLiteral("tile %1: %2").arg(i).arg(c.name())));
        }

        // Tones: before the mute all four; after it, site 2's tone (500 Hz) is gone.
        auto tonesOf = [&](double from, double length) {
            const std::vector<float> s = decodeAudio(path, from, length);
            std::map<int, double> amp;
            for (const auto& snd : senders)
                amp[snd.tone] = meanToneAmplitude(s, snd.tone);
            return amp;
        };
        const auto before = tonesOf(0.5, 2.0);
        for (const auto& snd : senders)
            QVERIFY2(before.at(snd.tone) > 0.03,
                     qPrintable(QStringLiteral("%1 Hz before: %2").arg(snd.tone).arg(before.at(snd.tone))));
        const auto after = tonesOf(duration - 2.0, 1.5);
        QVERIFY2(after.at(500) < 0.005, qPrintable(QString::number(after.at(500))));
        for (int hz : {300, 700, 900})
            QVERIFY2(after.at(hz) > 0.03,
                     qPrintable(QStringLiteral("%1 Hz after: %2").arg(hz).arg(after.at(hz))));

        // The meeting's archive over HTTP: a job that ends with a folder whose manifest lists the
        // program recording; unknown jobs and recordings are 404.
        QCOMPARE(call(http::verb::post, "/archives", "{\"recording_id\": 999999}").status, 404);
        QCOMPARE(call(http::verb::get, "/jobs/999999").status, 404);
        r = call(http::verb::post, "/archives", "{\"recording_id\": " + std::to_string(rec) + "}");
        QCOMPARE(r.status, 202);
        const qint64 job = r.json().value("job_id").toInteger();
        QJsonObject state;
        QTRY_VERIFY_WITH_TIMEOUT((state = call(http::verb::get, "/jobs/" + std::to_string(job)).json(),
                                  state.value("state").toString() != QLatin1String("running")),
                                 60000);
        QCOMPARE(state.value("state").toString(), QStringLiteral("done"));
        QCOMPARE(state.value("progress").toDouble(), 1.0);
        const QString archive = state.value("result").toObject().value("path").toString();
        QFile manifest(archive + QStringLiteral("/manifest.json"));
        QVERIFY2(manifest.open(QIODevice::ReadOnly), qPrintable(archive));
        QVERIFY(manifest.readAll().contains("program.mkv"));
    }

    // SIGTERM while recording: the console stops cleanly and the recording is finished and playable.
    void sigtermFinalisesRecording() {
        Reply r = call(http::verb::post, "/recordings", "{\"title\":\"dừng\"}");
        QCOMPARE(r.status, 201);
        const QString path = r.json().value("path").toString();
        QTest::qWait(1500);
        stopConsole();
        QCOMPARE(console_->exitStatus(), QProcess::NormalExit);
        QCOMPARE(console_->exitCode(), 0);
        QVERIFY(!ffprobe(path).isEmpty());
        QVERIFY(startConsole());
        const QJsonArray recs = array(call(http::verb::get, "/recordings"));
        QVERIFY(!recs.isEmpty());
        QCOMPARE(recs.at(0).toObject().value("path").toString(), path);
        QCOMPARE(recs.at(0).toObject().value("state").toString(), QStringLiteral("finished"));
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
