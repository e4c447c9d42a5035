// The control API against clumsy and hostile clients, through its real server on loopback and a
// real session: read-only tokens, names in the event log, failed logins and refused connections
// logged and raised as alarms, bodies that would mislead the JSON parser or hold the main thread,
// and the levels stream's rate.
#include "api/api_service.h"
#include "api_clients.h"
#include "core/session/session.h"
#include "session_fixture.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <future>
#include <memory>
#include <thread>
#include <tuple>

using namespace hntt;
using namespace std::chrono_literals;
using core::Session;
using hntt::test::HttpClient;
using hntt::test::Reply;
using hntt::test::WsClient;
namespace http = hntt::net::http;

namespace {

const std::string kOperator = "operator-token-0123456789abcdef";
const std::string kViewer = "viewer-token-0123456789abcdef";
const std::string kScript = "script-token-0123456789abcdef";

std::optional<core::AlarmView> alarmOf(Session& s, const QString& kind) {
    for (const core::AlarmView& a : s.alarms())
        if (a.kind == kind)
            return a;
    return std::nullopt;
}

} // namespace

class TestApiGuard : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<api::ApiService> api_;
    qint64 site_ = 0;

    quint16 port() const { return api_->port(); }

    // The API's handlers run on this thread: a client waits on another while events are handled.
    template <class F>
    static auto offThread(F f) {
        auto done = std::async(std::launch::async, std::move(f));
        while (done.wait_for(0ms) != std::future_status::ready)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return done.get();
    }

    Reply ask(http::verb verb, const std::string& target, const std::string& token, std::string body = {}) {
        const quint16 p = port();
        return offThread([=, body = std::move(body)] {
            HttpClient c(p);
            return c.request(verb, "/api/v1" + target, token, body);
        });
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        session_ = std::make_unique<Session>(test::smallSession(tmp_.path()));
        QVERIFY(session_->open());
        api::ServerConfig config;
        config.token = kOperator;
        config.credentials = {{"lanh-dao", api::Role::Viewer, kViewer},
                              {"kich-ban", api::Role::Operator, kScript}};
        config.maxConnectionsPerPeer = 8;
        config.authFailuresAllowed = 3;
        config.authBackoffMax = 1000ms;
        config.ioThreads = 2;
        api_ = std::make_unique<api::ApiService>(*session_, config);
        QVERIFY2(api_->start(), api_->errorString().c_str());
        site_ = test::addSite(*session_, QStringLiteral("UBND tỉnh"), core::SiteLevel::Province,
                              QStringLiteral("test://solid?color=ff0000&tone=500&w=160&h=90"));
        QVERIFY(site_ > 0);
    }

    void cleanupTestCase() {
        api_.reset();
        if (session_)
            session_->shutdown();
        session_.reset();
    }

    // A viewer reads the meeting and its recordings, and may change nothing nor see secrets.
    void aViewerOnlyReads() {
        const std::string site = "/sites/" + std::to_string(site_);
        for (const char* path : {"/state", "/sites", "/program", "/preview", "/layouts", "/outputs",
                                 "/alarms", "/meetings", "/recordings"})
            QCOMPARE(std::make_pair(std::string(path), ask(http::verb::get, path, kViewer).status),
                     std::make_pair(std::string(path), 200));
        QCOMPARE(ask(http::verb::get, site, kViewer).status, 200);
        const Reply link = ask(http::verb::get, site + "/join-link", kViewer);
        QCOMPARE(link.status, 403);
        QCOMPARE(
            link.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("forbidden"));
        QCOMPARE(ask(http::verb::post, "/sites", kViewer, R"({"name":"Xã mới","level":"commune"})").status,
                 403);
        QCOMPARE(ask(http::verb::patch, site, kViewer, R"({"audio":{"muted":true}})").status, 403);
        QCOMPARE(ask(http::verb::delete_, site, kViewer).status, 403);
        QCOMPARE(ask(http::verb::post, "/recordings", kViewer, R"({"title":"x"})").status, 403);
        QVERIFY(!session_->site(site_)->audioMuted);
        QVERIFY(!session_->activeRecording());
        // It may follow the events.
        WsClient ws;
        QVERIFY(!ws.connect(port(), "/api/v1/events", kViewer));
    }

    // What a token does is logged under its name.
    void actionsCarryTheTokensName() {
        const std::string site = "/sites/" + std::to_string(site_);
        QCOMPARE(ask(http::verb::patch, site, kScript, R"({"audio":{"muted":true}})").status, 200);
        QTRY_VERIFY(test::lastLogged(*session_, QStringLiteral("site.audio"))
                        .actor.startsWith(QStringLiteral("api:kich-ban@127.0.0.1:")));
        QCOMPARE(ask(http::verb::patch, site, kOperator, R"({"audio":{"muted":false}})").status, 200);
        QTRY_VERIFY(test::lastLogged(*session_, QStringLiteral("site.audio"))
                        .actor.startsWith(QStringLiteral("api:operator@127.0.0.1:")));
    }

    // Failed logins: one event-log line and an alarm, the right token unaffected.
    void failedLoginsAreLoggedAndRaised() {
        for (int i = 0; i < 5; ++i)
            QVERIFY(ask(http::verb::get, "/state", "guess-" + std::to_string(i)).status != 200);
        QCOMPARE(ask(http::verb::get, "/state", kOperator).status, 200);
        QTRY_COMPARE(test::lastLogged(*session_, QStringLiteral("api.login_failed")).subject,
                     QStringLiteral("127.0.0.1"));
        const auto alarm = alarmOf(*session_, QStringLiteral("api.login_failed"));
        QVERIFY(alarm);
        QVERIFY2(alarm->message.contains(QStringLiteral("127.0.0.1")), qPrintable(alarm->message));
        // Within the minute the rest are counted, not logged one by one.
        int rows = 0;
        for (const core::EventRecord& e : session_->eventLog().query().value())
            rows += e.action == QLatin1String("api.login_failed");
        QCOMPARE(rows, 1);
    }

    // Connections past the cap from one address are refused with 503, logged once and raised.
    void refusedConnectionsAreLoggedAndRaised() {
        std::vector<std::unique_ptr<HttpClient>> held;
        for (int i = 0; i < 8; ++i) {
            const quint16 p = port();
            auto [client, status] = offThread([p] {
                auto c = std::make_unique<HttpClient>(p);
                const int s = c->request(http::verb::get, "/api/v1/health", std::nullopt).status;
                return std::make_pair(std::move(c), s);
            });
            QCOMPARE(status, 200);
            held.push_back(std::move(client));
        }
        const Reply refused = ask(http::verb::get, "/state", kOperator);
        QVERIFY2(refused.error || refused.status == 503, qPrintable(QString::number(refused.status)));
        QTRY_COMPARE(test::lastLogged(*session_, QStringLiteral("api.connections")).subject,
                     QStringLiteral("127.0.0.1"));
        QVERIFY(alarmOf(*session_, QStringLiteral("api.connections")));
        held.clear();
        QTRY_VERIFY_WITH_TIMEOUT(ask(http::verb::get, "/state", kOperator).status == 200, 30000);
    }

    // Half of a surrogate pair would make Qt's parser swallow the next character: refused.
    void loneSurrogatesAreRefused() {
        const int before = static_cast<int>(session_->siteRecords().size());
        for (const char* body :
             {R"({"name":"\ud800X","level":"province"})", R"({"name":"\udc00X","level":"province"})",
              R"({"name":"X\ud800","level":"province"})", R"({"name":"\ud800\u0041","level":"province"})"}) {
            const Reply r = ask(http::verb::post, "/sites", kOperator, body);
            QCOMPARE(r.status, 400);
            QVERIFY2(r.body.find("surrogate") != std::string::npos, r.body.c_str());
        }
        // A whole pair is a character like any other.
        const Reply ok = ask(http::verb::post, "/sites", kOperator,
                             R"({"name":"Huyện \ud83d\ude00","level":"district","parent_id":)" +
                                 std::to_string(site_) + "}");
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.json().value(QStringLiteral("name")).toString(), QStringLiteral("Huyện 😀"));
        QCOMPARE(static_cast<int>(session_->siteRecords().size()), before + 1);
    }

    // Long id lists are refused before any lookup, and the answer comes at once for everyone.
    void longIdListsAreRefused() {
        std::string ids;
        for (int i = 1; i <= 150'000; ++i)
            ids += (i > 1 ? "," : "") + std::to_string(i);
        for (const auto& [verb, path, body] :
             {std::tuple{http::verb::post, "/sites/mute", R"({"muted":true,"site_ids":[)" + ids + "]}"},
              std::tuple{http::verb::post, "/preview/bring-in", R"({"site_ids":[)" + ids + "]}"},
              std::tuple{http::verb::put, "/program", R"({"layout":"grid-4x4","slots":[)" + ids + "]}"}}) {
            const Reply r = ask(verb, path, kOperator, body);
            QCOMPARE(r.status, 400);
            QVERIFY2(r.body.find("more than 1000") != std::string::npos, r.body.c_str());
        }
        QVERIFY(!session_->site(site_)->audioMuted);
    }

    // Levels come at most ten times a second (the engine makes 12.5), and keep coming.
    void levelsAtMostTenASecond() {
        WsClient ws;
        QVERIFY(!ws.connect(port(), "/api/v1/events", kOperator));
        QVERIFY(ws.send(R"({"subscribe":["levels"]})"));
        // Events are handled on this thread while the client waits: read on another.
        std::atomic<int> levels{0};
        std::atomic<bool> stop{false};
        std::thread reader([&] {
            while (!stop.load()) {
                const auto m = ws.read();
                if (!m)
                    return;
                if (m->find("\"site.levels\"") != std::string::npos)
                    ++levels;
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(levels.load() > 0, 10000);
        const int start = levels.load();
        QElapsedTimer t;
        t.start();
        QTest::qWait(3000);
        const int counted = levels.load() - start;
        const double seconds = t.elapsed() / 1000.0;
        stop = true;
        reader.join(); // its next read returns within a tick

        QVERIFY2(counted <= seconds * 10 + 1,
                 qPrintable(QStringLiteral("%1 in %2 s").arg(counted).arg(seconds)));
        QVERIFY2(counted >= seconds * 5, qPrintable(QStringLiteral("%1 in %2 s").arg(counted).arg(seconds)));
    }
};

QTEST_GUILESS_MAIN(TestApiGuard)
#include "tst_api_guard.moc"
