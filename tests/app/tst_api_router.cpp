// The API's route table on its own: which handler a method and path reach, the parameters it gets,
// and the answers the router gives for every route alike (404 for an unknown path or an id that is
// not one, 405 with Allow, 400 for a body a handler rejects); a handler may answer later.
#include "api/router.h"
#include "api_requests.h"

#include <QJsonObject>
#include <QTest>
#include <optional>

using namespace hntt;
using api::PathParams;
using api::Request;
using api::Responder;
using api::Response;
using hntt::test::objectOf;
using hntt::test::request;

namespace {

// Answers with which route ran, and its parameters, as JSON.
api::RouteHandler named(const char* name) {
    return api::answerAtOnce([name](const Request&, const PathParams&) {
        Response r;
        r.body = "{\"route\":\"" + std::string(name) + "\"}";
        return r;
    });
}

std::optional<Response> dispatch(const api::Router& router, const std::string& method,
                                 const std::string& path) {
    std::optional<Response> answer;
    router.dispatch(request(method, path), [&answer](Response r) { answer = std::move(r); });
    return answer;
}

std::string header(const Response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
        if (n == name)
            return v;
    return {};
}

QString errorCode(const Response& r) {
    return objectOf(r).value("error").toObject().value("code").toString();
}

QString errorMessage(const Response& r) {
    return objectOf(r).value("error").toObject().value("message").toString();
}

} // namespace

class TestApiRouter : public QObject {
    Q_OBJECT

    api::Router router_;
    std::optional<Responder> later_;
    qint64 site_ = 0;
    int preset_ = 0;

private Q_SLOTS:
    void initTestCase() {
        // Added out of order: Allow lists GET, POST, PUT, PATCH, DELETE in that order anyway.
        router_.add("PUT", "/program", named("put program"));
        router_.add("GET", "/program", named("get program"));
        router_.add("DELETE", "/sites/{site}", named("delete site"));
        router_.add("GET", "/sites/{site}", named("get site"));
        router_.add("PATCH", "/sites/{site}", named("patch site"));
        router_.add("POST", "/sites/mute", named("mute"));
        router_.add("POST", "/sites/{site}/camera/presets/{preset:int}/recall",
                    [this](const Request&, const PathParams& p, Responder reply) {
                        site_ = p.id("site");
                        preset_ = p.integer("preset");
                        reply(Response{});
                    });
        router_.add(
            "POST", "/sites/{site}/camera/stop",
            [this](const Request&, const PathParams&, Responder reply) { later_ = std::move(reply); });
        router_.add("GET", "/meetings/{meeting}/notices/{site}.ics",
                    [this](const Request&, const PathParams& p, Responder reply) {
                        site_ = p.id("site");
                        Response r;
                        r.body = "{\"route\":\"ics\"}";
                        reply(std::move(r));
                    });
        router_.add("GET", "/meetings/{meeting}/notices/{site}", named("notice"));
        router_.add("POST", "/floor", [](const Request&, const PathParams&, Responder) {
            throw api::BadRequest{QStringLiteral("'site_id' is required.")};
        });
    }

    void methodAndPathReachTheirHandler() {
        QCOMPARE(objectOf(*dispatch(router_, "GET", "/program")).value("route").toString(),
                 QStringLiteral("get program"));
        QCOMPARE(objectOf(*dispatch(router_, "PUT", "/program")).value("route").toString(),
                 QStringLiteral("put program"));
        QCOMPARE(objectOf(*dispatch(router_, "PATCH", "/sites/12")).value("route").toString(),
                 QStringLiteral("patch site"));
    }

    void otherMethodIs405WithAllow() {
        Response r = *dispatch(router_, "DELETE", "/program");
        QCOMPARE(r.status, 405);
        QCOMPARE(errorCode(r), QStringLiteral("method_not_allowed"));
        QCOMPARE(header(r, "Allow"), std::string("GET, PUT"));
        r = *dispatch(router_, "POST", "/sites/12");
        QCOMPARE(r.status, 405);
        QCOMPARE(header(r, "Allow"), std::string("GET, PATCH, DELETE"));
        QCOMPARE(router_.allowed({"sites", "3", "camera", "stop"}), std::string("POST"));
    }

    void unknownPathIs404() {
        for (const char* path :
             {"/nothing-here", "/program/extra", "/sites/12/camera", "/", "/sites/12/camera/presets/1"}) {
            const Response r = *dispatch(router_, "GET", path);
            QCOMPARE(r.status, 404);
            QCOMPARE(errorCode(r), QStringLiteral("not_found"));
            QVERIFY(header(r, "Allow").empty());
        }
        QCOMPARE(router_.allowed({"nothing-here"}), std::string());
    }

    // A literal segment wins over a parameter: /sites/mute is not the site "mute".
    void literalBeforeParameter() {
        Response r = *dispatch(router_, "POST", "/sites/mute");
        QCOMPARE(objectOf(r).value("route").toString(), QStringLiteral("mute"));
        r = *dispatch(router_, "GET", "/sites/mute");
        QCOMPARE(r.status, 405);
        QCOMPARE(header(r, "Allow"), std::string("POST"));
    }

    // Parameters are parsed once, before the method is looked at: a segment that is no id names no
    // resource (404, as an unknown id), whatever the method.
    void malformedIdIs404() {
        for (const char* id : {"abc", "0", "-3", "1.5", "12x", "99999999999999999999"}) {
            for (const char* method : {"GET", "POST"}) {
                const Response r = *dispatch(router_, method, std::string("/sites/") + id);
                QCOMPARE(r.status, 404);
                QCOMPARE(errorCode(r), QStringLiteral("not_found"));
                QCOMPARE(errorMessage(r), QStringLiteral("No site '%1'.").arg(QLatin1String(id)));
            }
        }
        const Response r = *dispatch(router_, "POST", "/sites/7/camera/presets/first/recall");
        QCOMPARE(r.status, 404);
        QCOMPARE(errorMessage(r), QStringLiteral("No preset 'first'."));
    }

    void typedParameters() {
        QCOMPARE(dispatch(router_, "POST", "/sites/7/camera/presets/3/recall")->status, 200);
        QCOMPARE(site_, 7);
        QCOMPARE(preset_, 3);
        // {preset:int} is any int: the range is the camera's rule (422), not the path's.
        QCOMPARE(dispatch(router_, "POST", "/sites/9007199254740993/camera/presets/-1/recall")->status, 200);
        QCOMPARE(site_, Q_INT64_C(9007199254740993));
        QCOMPARE(preset_, -1);
    }

    // A parameter with a literal ending: the number before it; the ending picks that route over a
    // bare parameter; a segment without it, or with nothing before it, is not one.
    void parameterWithAnEnding() {
        site_ = 0;
        Response r = *dispatch(router_, "GET", "/meetings/3/notices/41.ics");
        QCOMPARE(objectOf(r).value("route").toString(), QStringLiteral("ics"));
        QCOMPARE(site_, 41);
        QCOMPARE(objectOf(*dispatch(router_, "GET", "/meetings/3/notices/41")).value("route").toString(),
                 QStringLiteral("notice"));
        for (const char* path : {"/meetings/3/notices/.ics", "/meetings/3/notices/x.ics",
                                 "/meetings/3/notices/41.pdf", "/meetings/3/notices/0.ics"}) {
            r = *dispatch(router_, "GET", path);
            QCOMPARE(r.status, 404);
        }
        QCOMPARE(errorMessage(*dispatch(router_, "GET", "/meetings/3/notices/x.ics")),
                 QStringLiteral("No site 'x.ics'."));
        QCOMPARE(router_.allowed({"meetings", "3", "notices", "41.ics"}), std::string("GET"));
    }

    void badRequestIs400() {
        const Response r = *dispatch(router_, "POST", "/floor");
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("bad_request"));
        QCOMPARE(errorMessage(r), QStringLiteral("'site_id' is required."));
    }

    void handlerAnswersLater() {
        QVERIFY(!dispatch(router_, "POST", "/sites/4/camera/stop"));
        QVERIFY(later_);
        std::optional<Response> answer;
        router_.dispatch(request("POST", "/sites/4/camera/stop"),
                         [&answer](Response r) { answer = std::move(r); });
        QVERIFY(!answer);
        Response ok;
        ok.status = 202;
        (*later_)(ok);
        QVERIFY(answer);
        QCOMPARE(answer->status, 202);
    }
};

QTEST_GUILESS_MAIN(TestApiRouter)
#include "tst_api_router.moc"
