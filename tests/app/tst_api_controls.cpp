// The API's routes for what the console's panels do beyond the contract: program audio, stopping
// and starting program streams, alarms, starting a meeting, group mutes, bringing sites in, the
// preview's layout and clips of a recording. Driven through ApiService::route against a real
// Session in a folder of its own; outcomes are checked in the core, in the program's audio levels,
// in the clip file (ffprobe), and stream keys are checked to stay out of answers and events.
#include "api/api_service.h"
#include "api_clients.h"
#include "api_requests.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/panels/outputs_panel.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace hntt;
using core::Session;
using core::SiteLevel;
using hntt::test::arrayOf;
using hntt::test::objectOf;
using hntt::test::request;

namespace {

std::string str(qint64 id) {
    return std::to_string(id);
}

QString tone(const char* color, int hz) {
    return QStringLiteral("test://solid?color=%1&tone=%2&w=320&h=180").arg(QLatin1String(color)).arg(hz);
}

bool siteMuted(Session& s, qint64 id) {
    auto site = hntt::test::siteJson(s, id);
    return site && site->value(QStringLiteral("audio")).toObject().value(QStringLiteral("muted")).toBool();
}

QList<qint64> slotsOf(const QJsonObject& composition) {
    QList<qint64> out;
    for (const QJsonValue& v : composition.value(QStringLiteral("slots")).toArray())
        out.append(v.isNull() ? 0 : v.toInteger());
    return out;
}

// The ids of a group mute's answer, {"sites": [...]}, sorted.
QList<qint64> changedSites(const api::Response& r) {
    QList<qint64> ids;
    for (const QJsonValue& site : objectOf(r).value(QStringLiteral("sites")).toArray())
        ids.append(site.toObject().value(QStringLiteral("id")).toInteger());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> previewSites(Session& s) {
    return slotsOf(hntt::test::compositionJson(s.preview()));
}

} // namespace

class TestApiControls : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<api::ApiService> api_;
    qint64 a_ = 0, b_ = 0, c_ = 0;
    double programRms_ = -200;

    api::Response call(const std::string& method, const std::string& path, const std::string& body = {}) {
        return api_->route(request(method, path, body));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        session_ = std::make_unique<Session>(test::smallSession(tmp_.path()));
        QVERIFY(session_->open());
        api::ServerConfig config;
        config.token = "controls-token";
        api_ = std::make_unique<api::ApiService>(*session_, config);
        connect(session_.get(), &Session::levelsChanged, this,
                [this](const engine::LevelsSnapshot& levels) { programRms_ = levels.program.rmsDbfs; });
        a_ = test::addSite(*session_, QStringLiteral("UBND tỉnh"), SiteLevel::Province, tone("ff0000", 500));
        b_ = test::addSite(*session_, QStringLiteral("Huyện Lệ Thủy"), SiteLevel::District,
                           tone("00ff00", 700), a_);
        c_ = test::addSite(*session_, QStringLiteral("Huyện Quảng Ninh"), SiteLevel::District,
                           tone("0000ff", 900), a_);
        QVERIFY(a_ && b_ && c_);
        QTRY_COMPARE_WITH_TIMEOUT(test::siteStatus(*session_, a_), QStringLiteral("connected"), 10000);
    }

    void cleanupTestCase() {
        api_.reset();
        if (session_)
            session_->shutdown();
        session_.reset();
    }

    void programAudio() {
        QVERIFY(session_->setProgram({"single", {a_}}, QStringLiteral("ui")));
        QTRY_VERIFY_WITH_TIMEOUT(programRms_ > -40, 10000);

        api::Response r = call("GET", "/program/audio");
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r).value("muted"), QJsonValue(false));
        QCOMPARE(objectOf(r).value("gain_db").toDouble(-1), 0.0);

        r = call("PATCH", "/program/audio", R"({"muted":true})");
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r).value("muted").toBool(), true);
        QVERIFY(session_->programAudioMuted());
        QTRY_VERIFY_WITH_TIMEOUT(programRms_ < -90, 10000); // the mix every output carries goes silent

        // Only what is sent changes.
        r = call("PATCH", "/program/audio", R"({"gain_db":-6.5})");
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r).value("muted"), QJsonValue(true));
        QCOMPARE(objectOf(r).value("gain_db").toDouble(), -6.5);

        // Refused requests change nothing.
        QCOMPARE(call("PATCH", "/program/audio", "{").status, 400);
        QCOMPARE(call("PATCH", "/program/audio", "[]").status, 400);
        QCOMPARE(call("PATCH", "/program/audio", R"({"muted":"no"})").status, 400);
        QCOMPARE(call("PATCH", "/program/audio", R"({"muted":false,"gain_db":"3"})").status, 400);
        r = call("PATCH", "/program/audio", R"({"muted":false,"gain_db":30})");
        QCOMPARE(r.status, 422);
        QCOMPARE(objectOf(r).value("error").toObject().value("code").toString(),
                 QStringLiteral("unprocessable"));
        QCOMPARE(call("PATCH", "/program/audio", R"({"gain_db":-61})").status, 422);
        QCOMPARE(call("POST", "/program/audio", "{}").status, 405);
        QVERIFY(session_->programAudioMuted());
        QCOMPARE(session_->programGainDb(), -6.5);

        r = call("PATCH", "/program/audio", R"({"muted":false,"gain_db":0})");
        QCOMPARE(r.status, 200);
        QVERIFY(!session_->programAudioMuted());
        QTRY_VERIFY_WITH_TIMEOUT(programRms_ > -40, 10000);
    }

    void outputsStopStartAndMaskedKeys() {
        test::WsClient ws;
        QVERIFY(api_->start());
        QVERIFY(!ws.connect(api_->port(), "/api/v1/events", std::string("controls-token")));

        const std::string secretUrl = "rtmp://127.0.0.1:1/live/SECRET-stream-key-42";
        api::Response r = call("POST", "/outputs", R"({"url":")" + secretUrl + R"(","name":"Cổng tỉnh"})");
        QCOMPARE(r.status, 201);
        QVERIFY2(r.body.find("SECRET") == std::string::npos, r.body.c_str());
        QCOMPARE(objectOf(r).value("url").toString(), QStringLiteral("rtmp://127.0.0.1:1/live/••••"));
        const qint64 rtmpId = objectOf(r).value("id").toInteger();

        const QString udpUrl = QStringLiteral("udp://127.0.0.1:%1").arg(test::freeUdpPort());
        r = call("POST", "/outputs", R"({"url":")" + udpUrl.toStdString() + R"("})");
        QCOMPARE(r.status, 201);
        const qint64 udpId = objectOf(r).value("id").toInteger();
        QCOMPARE(objectOf(r).value("url").toString(), udpUrl); // nothing secret: shown as it is
        // The console's Outputs panel shows them masked too, also in the error column.
        {
            ui::OutputsPanel panel(*session_);
            panel.refresh();
            auto* table = panel.findChild<QTableWidget*>(QStringLiteral("outputs"));
            QVERIFY(table);
            QCOMPARE(table->rowCount(), 2);
            QStringList urls, errors;
            for (int row = 0; row < table->rowCount(); ++row) {
                urls << table->item(row, ui::OutputsPanel::Url)->text();
                errors << table->item(row, ui::OutputsPanel::Error)->text();
            }
            QVERIFY(urls.contains(QStringLiteral("rtmp://127.0.0.1:1/live/••••")));
            QVERIFY(!errors.join(QLatin1Char(' ')).contains(QLatin1String("SECRET")));
        }

        r = call("POST", "/outputs/" + str(udpId) + "/stop");
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r).value("state").toString(), QStringLiteral("stopped"));
        QCOMPARE(call("POST", "/outputs/" + str(udpId) + "/stop").status, 409);
        bool stoppedInCore = false;
        for (const QJsonValue& o : hntt::test::outputsJson(*session_))
            if (o.toObject().value("id").toInteger() == udpId)
                stoppedInCore = o.toObject().value("state").toString() == QLatin1String("stopped");
        QVERIFY(stoppedInCore);
        QCOMPARE(core::ConsoleSettings(tmp_.path()).outputs().size(), 2);

        r = call("POST", "/outputs/" + str(udpId) + "/start");
        QCOMPARE(r.status, 200);
        QVERIFY(objectOf(r).value("state").toString() != QLatin1String("stopped"));
        QCOMPARE(call("POST", "/outputs/" + str(udpId) + "/start").status, 409);

        QCOMPARE(call("POST", "/outputs/999/stop").status, 404);
        QCOMPARE(call("POST", "/outputs/999/start").status, 404);
        QCOMPARE(call("POST", "/outputs/x/start").status, 404);
        QCOMPARE(call("GET", "/outputs/" + str(udpId) + "/stop").status, 405);
        QCOMPARE(call("POST", "/outputs/" + str(udpId) + "/pause").status, 404);

        r = call("POST", "/outputs/" + str(rtmpId) + "/stop");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.find("SECRET") == std::string::npos);
        r = call("GET", "/outputs");
        QCOMPARE(r.status, 200);
        QCOMPARE(arrayOf(r).size(), 2);
        QVERIFY(r.body.find("SECRET") == std::string::npos);

        // The settings file keeps the full URL, so the stream can start again.
        QStringList saved;
        for (const core::OutputSetting& o : core::ConsoleSettings(tmp_.path()).outputs())
            saved << o.url;
        QVERIFY(saved.contains(QString::fromStdString(secretUrl)));
        // The event log has the masked one.
        auto logged = session_->eventLog().query();
        QVERIFY(logged);
        for (const core::EventRecord& e : logged.value())
            QVERIFY(!QJsonDocument(e.detail).toJson().contains("SECRET") && !e.reason.contains("SECRET"));

        // Events: the added stream and every state change, none with the key.
        bool sawAdded = false;
        int stoppedEvents = 0;
        for (int i = 0; i < 40 && (!sawAdded || stoppedEvents < 2); ++i) {
            const auto text = ws.read();
            QVERIFY(text);
            QVERIFY2(text->find("SECRET") == std::string::npos, text->c_str());
            const QJsonObject e = test::json(*text);
            if (e.value("type").toString() == QLatin1String("output.added") &&
                e.value("id").toInteger() == rtmpId) {
                sawAdded = true;
                QCOMPARE(e.value("url").toString(), QStringLiteral("rtmp://127.0.0.1:1/live/••••"));
            }
            stoppedEvents += e.value("type").toString() == QLatin1String("output.state") &&
                             e.value("state").toString() == QLatin1String("stopped");
        }
        QVERIFY(sawAdded);
        QCOMPARE(stoppedEvents, 2);

        QCOMPARE(call("DELETE", "/outputs/" + str(rtmpId)).status, 204);
        QCOMPARE(call("POST", "/outputs/" + str(udpId) + "/stop").status, 200);
        QCOMPARE(call("DELETE", "/outputs/" + str(udpId)).status, 204);
        api_->stop();
    }

    void alarms() {
        // A saved stream that cannot start raises an alarm at open; the URL in it is masked.
        QTemporaryDir tmp;
        core::ConsoleSettings(tmp.path())
            .setOutputs(
                {{QStringLiteral("ftp://example.org/a"), QStringLiteral("A")},
                 {QStringLiteral("gopher://example.org/b?passphrase=SECRETPASS"), QStringLiteral("B")}});
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        api::ApiService api(s, api::ServerConfig{});

        api::Response r = api.route(request("GET", "/alarms"));
        QCOMPARE(r.status, 200);
        const QJsonArray alarms = arrayOf(r);
        QCOMPARE(alarms.size(), 2);
        QVERIFY2(r.body.find("SECRETPASS") == std::string::npos, r.body.c_str());
        QCOMPARE(alarms.at(0).toObject().value("kind").toString(), QStringLiteral("output.error"));
        const qint64 first = alarms.at(0).toObject().value("alarm_id").toInteger();
        QVERIFY(first > 0);

        r = api.route(request("POST", "/alarms/" + str(first) + "/acknowledge"));
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r).value("acknowledged").toInt(), 1);
        QCOMPARE(hntt::test::alarmsJson(s).size(), 1);
        QCOMPARE(api.route(request("POST", "/alarms/" + str(first) + "/acknowledge")).status, 404);
        QCOMPARE(api.route(request("POST", "/alarms/x/acknowledge")).status, 404);
        QCOMPARE(api.route(request("POST", "/alarms/99/snooze")).status, 404);
        QCOMPARE(api.route(request("GET", "/alarms/" + str(first) + "/acknowledge")).status, 405);
        QCOMPARE(api.route(request("POST", "/alarms")).status, 405);
        QCOMPARE(api.route(request("GET", "/alarms/acknowledge")).status, 405);
        QCOMPARE(hntt::test::alarmsJson(s).size(), 1);

        r = api.route(request("POST", "/alarms/acknowledge"));
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r).value("acknowledged").toInt(), 1);
        QVERIFY(hntt::test::alarmsJson(s).isEmpty());
        QCOMPARE(arrayOf(api.route(request("GET", "/alarms"))).size(), 0);
        QCOMPARE(objectOf(api.route(request("POST", "/alarms/acknowledge"))).value("acknowledged").toInt(),
                 0);
        s.shutdown();
    }

    void sitesMute() {
        const std::string ab = "[" + str(a_) + "," + str(b_) + "]";
        api::Response r = call("POST", "/sites/mute", R"({"site_ids":)" + ab + R"(,"muted":true})");
        QCOMPARE(r.status, 200);
        QCOMPARE(changedSites(r), (QList<qint64>{a_, b_}));
        QVERIFY(siteMuted(*session_, a_) && siteMuted(*session_, b_) && !siteMuted(*session_, c_));
        // The answer shows the sites as they are now.
        for (const QJsonValue& site : objectOf(r).value("sites").toArray())
            QCOMPARE(site.toObject().value("audio").toObject().value("muted"), QJsonValue(true));
        // Sites already as asked are not in the answer.
        r = call("POST", "/sites/mute", R"({"site_ids":[)" + str(b_) + "," + str(c_) + R"(],"muted":true})");
        QCOMPARE(r.status, 200);
        QCOMPARE(changedSites(r), QList<qint64>{c_});
        r = call("POST", "/sites/mute", R"({"site_ids":[)" + str(c_) + R"(],"muted":false})");
        QCOMPARE(changedSites(r), QList<qint64>{c_});
        r = call("POST", "/sites/mute", R"({"site_ids":[)" + str(c_) + R"(],"muted":false})");
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r), (QJsonObject{{"sites", QJsonArray()}}));

        // One unknown id: nothing changes.
        r = call("POST", "/sites/mute", R"({"site_ids":[)" + str(a_) + R"(,999],"muted":false})");
        QCOMPARE(r.status, 404);
        QVERIFY(siteMuted(*session_, a_));
        QCOMPARE(call("POST", "/sites/mute", "{").status, 400);
        QCOMPARE(call("POST", "/sites/mute", R"({"site_ids":)" + ab + "}").status, 400);
        QCOMPARE(call("POST", "/sites/mute", R"({"site_ids":)" + ab + R"(,"muted":1})").status, 400);
        QCOMPARE(call("POST", "/sites/mute", R"({"site_ids":"1","muted":false})").status, 400);
        QCOMPARE(call("POST", "/sites/mute", R"({"site_ids":["a"],"muted":false})").status, 400);
        QCOMPARE(call("POST", "/sites/mute", R"({"site_ids":[0],"muted":false})").status, 400);
        QCOMPARE(call("GET", "/sites/mute").status, 405);
        QVERIFY(siteMuted(*session_, a_) && siteMuted(*session_, b_));

        // All but the floor: a conflict until a site has the floor.
        QVERIFY(!session_->floor());
        r = call("POST", "/sites/mute-all-but-floor");
        QCOMPARE(r.status, 409);
        QVERIFY(siteMuted(*session_, a_) && !siteMuted(*session_, c_));
        QVERIFY(session_->giveFloor(a_, QStringLiteral("ui")));
        QCOMPARE(call("GET", "/sites/mute-all-but-floor").status, 405);
        r = call("POST", "/sites/mute-all-but-floor");
        QCOMPARE(r.status, 200);
        QVERIFY(!siteMuted(*session_, a_) && siteMuted(*session_, b_) && siteMuted(*session_, c_));
        // The floor unmuted, c muted; b was muted already.
        QCOMPARE(changedSites(r), (QList<qint64>{a_, c_}));
        QCOMPARE(changedSites(call("POST", "/sites/mute-all-but-floor")), QList<qint64>{});

        r = call("POST", "/sites/mute", R"({"site_ids":[)" + str(b_) + "," + str(c_) + R"(],"muted":false})");
        QCOMPARE(r.status, 200);
        QVERIFY(!siteMuted(*session_, b_) && !siteMuted(*session_, c_));
    }

    void previewBringInAndLayout() {
        api::Response r = call("POST", "/preview/bring-in",
                               R"({"site_ids":[)" + str(c_) + "," + str(b_) + "," + str(a_) + "]}");
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r).value("layout").toString(), QStringLiteral("grid-2x2"));
        QCOMPARE(previewSites(*session_), (QList<qint64>{c_, b_, a_}));
        QCOMPARE(slotsOf(objectOf(r)), previewSites(*session_)); // answers the preview it made

        QCOMPARE(call("POST", "/preview/bring-in", R"({"site_ids":[]})").status, 422);
        QCOMPARE(call("POST", "/preview/bring-in", R"({"site_ids":[)" + str(a_) + ",999]}").status, 404);
        QCOMPARE(call("POST", "/preview/bring-in", R"({"site_ids":"all"})").status, 400);
        QCOMPARE(call("POST", "/preview/bring-in", R"({})").status, 400);
        QCOMPARE(call("POST", "/preview/bring-in", "not json").status, 400);
        QCOMPARE(call("PUT", "/preview/bring-in", R"({"site_ids":[1]})").status, 405);
        QCOMPARE(previewSites(*session_), (QList<qint64>{c_, b_, a_}));

        r = call("PUT", "/preview/layout", R"({"layout":"side-by-side"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(objectOf(r).value("layout").toString(), QStringLiteral("side-by-side"));
        QCOMPARE(previewSites(*session_), (QList<qint64>{c_, b_})); // those beyond the slots leave
        QCOMPARE(session_->preview().layout, std::string("side-by-side"));

        QCOMPARE(call("PUT", "/preview/layout", R"({"layout":"no-such-layout"})").status, 422);
        QCOMPARE(call("PUT", "/preview/layout", R"({"layout":4})").status, 400);
        QCOMPARE(call("PUT", "/preview/layout", R"({})").status, 400);
        QCOMPARE(call("POST", "/preview/layout", R"({"layout":"single"})").status, 405);
        QCOMPARE(call("GET", "/preview/zoom").status, 404);
        QCOMPARE(session_->preview().layout, std::string("side-by-side"));
        QCOMPARE(previewSites(*session_), (QList<qint64>{c_, b_}));
    }

    void startMeeting() {
        const qint64 meeting =
            test::scheduleToday(*session_, QStringLiteral("Họp phòng chống lụt bão"), a_, {c_, b_});
        QVERIFY(meeting);
        api::Response r = call("POST", "/meetings/" + str(meeting) + "/start");
        QCOMPARE(r.status, 200);
        const QJsonObject body = objectOf(r);
        QCOMPARE(body.value("meeting").toObject().value("id").toInteger(), meeting);
        QList<qint64> onProgram = slotsOf(body.value("program").toObject());
        QCOMPARE(onProgram.value(0), a_); // the host in slot 0
        std::sort(onProgram.begin(), onProgram.end());
        QCOMPARE(onProgram, (QList<qint64>{a_, b_, c_}));
        QCOMPARE(slotsOf(body.value("preview").toObject()).size(), 2);
        QVERIFY(!slotsOf(body.value("preview").toObject()).contains(a_));
        QCOMPARE(session_->activeMeetingId(), std::optional<qint64>(meeting));
        QCOMPARE(static_cast<qint64>(session_->program().sites.at(0).value_or(0)), a_);
        QCOMPARE(hntt::test::stateJson(*session_).value("active_meeting_id").toInteger(), meeting);

        QCOMPARE(call("POST", "/meetings/99999/start").status, 404);
        QCOMPARE(call("POST", "/meetings/x/start").status, 404);
        QCOMPARE(call("GET", "/meetings/" + str(meeting) + "/start").status, 405);

        const qint64 other = test::scheduleToday(*session_, QStringLiteral("Giao ban"), a_, {b_},
                                                 QStringLiteral("Phòng giao ban"));
        QVERIFY(other);
        QVERIFY(session_->meetings().cancel(other, QStringLiteral("Hoãn")));
        QCOMPARE(call("POST", "/meetings/" + str(other) + "/start").status, 409);
        QCOMPARE(session_->activeMeetingId(), std::optional<qint64>(meeting));
    }

    void clips() {
        auto rec = session_->startRecording(QStringLiteral("Trích đoạn"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(rec);
        const std::string path = "/recordings/" + str(rec->id) + "/clips";
        QTest::qWait(1500);
        QCOMPARE(call("POST", path, R"({"in_s":0.2,"out_s":1})").status, 409);
        QTest::qWait(1500);
        QVERIFY(session_->stopRecording(rec->id, QStringLiteral("ui")));

        const QString clipsDir = QDir(tmp_.path()).filePath(QStringLiteral("clips"));
        QCOMPARE(call("POST", "/recordings/99999/clips", R"({"in_s":0,"out_s":1})").status, 404);
        QCOMPARE(call("POST", "/recordings/x/clips", R"({"in_s":0,"out_s":1})").status, 404);
        QCOMPARE(call("POST", path, "{").status, 400);
        QCOMPARE(call("POST", path, R"({"in_s":"0","out_s":1})").status, 400);
        QCOMPARE(call("POST", path, R"({"in_s":0,"out_s":1,"name":7})").status, 400);
        QCOMPARE(call("POST", path, R"({"in_s":2,"out_s":1})").status, 422);
        QCOMPARE(call("POST", path, R"({"in_s":1,"out_s":1})").status, 422);
        QCOMPARE(call("POST", path, R"({"in_s":-1,"out_s":1})").status, 422);
        QCOMPARE(call("POST", path, R"({"out_s":1})").status, 422);
        QCOMPARE(call("POST", path, R"({"in_s":3600,"out_s":3700})").status, 422);
        QCOMPARE(call("POST", path, R"({"in_s":0,"out_s":1,"name":"../../evil"})").status, 422);
        QCOMPARE(call("POST", path, R"({"in_s":0,"out_s":1,"name":"/tmp/evil.mkv"})").status, 422);
        QCOMPARE(call("POST", path, R"({"in_s":0,"out_s":1,"name":".hidden"})").status, 422);
        QCOMPARE(call("POST", path, R"({"in_s":0,"out_s":1,"name":"a\\b"})").status, 422);
        QCOMPARE(call("GET", path).status, 405);
        QVERIFY(!QFileInfo::exists(QDir(tmp_.path()).filePath(QStringLiteral("evil.mkv"))));

        api::Response r = call("POST", path, R"({"in_s":0.5,"out_s":2,"name":"Trích đoạn 1"})");
        QCOMPARE(r.status, 202);
        const qint64 job = objectOf(r).value("job_id").toInteger();
        QVERIFY(job > 0);
        const std::string jobPath = "/jobs/" + str(job);
        QTRY_COMPARE_WITH_TIMEOUT(objectOf(call("GET", jobPath)).value("state").toString(),
                                  QStringLiteral("done"), 30000);
        const QString file = QDir(clipsDir).filePath(QStringLiteral("Trích đoạn 1.mkv"));
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(objectOf(call("GET", jobPath)).value("result").toObject().value("path").toString(), file);
        const QJsonObject probe = test::ffprobe(file);
        QVERIFY(!probe.isEmpty());
        const double duration = probe.value("format").toObject().value("duration").toString().toDouble();
        QVERIFY2(duration > 0.8 && duration < 3, qPrintable(QString::number(duration)));

        // The same name again would overwrite the operator's clip.
        QCOMPARE(call("POST", path, R"({"in_s":0.5,"out_s":2,"name":"Trích đoạn 1.mkv"})").status, 409);
        // Without a name: the suggested one, next to it.
        r = call("POST", path, R"({"in_s":0,"out_s":1})");
        QCOMPARE(r.status, 202);
        const std::string second = "/jobs/" + str(objectOf(r).value("job_id").toInteger());
        QTRY_COMPARE_WITH_TIMEOUT(objectOf(call("GET", second)).value("state").toString(),
                                  QStringLiteral("done"), 30000);
        QCOMPARE(QDir(clipsDir).entryList(QDir::Files).size(), 2);
    }
};

QTEST_MAIN(TestApiControls)
#include "tst_api_controls.moc"
