// The control API's request bodies (app/api/routes/route_support.cpp): the body read as a JSON
// object, then every field read the way the routes read theirs (sites, program and preview, floor,
// program audio, cameras, recordings and clips, meetings, outputs, archives). A body is either
// typed values or a BadRequest whose answer is well-formed JSON; nothing else may happen.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "fuzz_check.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace routes = hntt::api::routes;
using hntt::api::BadRequest;

namespace {

// The answer the router gives a BadRequest: a JSON object, whatever the message quotes.
void checkErrorAnswer(const QString& message) {
    HNTT_FUZZ_CHECK(!message.isEmpty());
    const hntt::api::Response r = hntt::api::errorResponse(400, "bad_request", routes::utf8(message));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.body), &error);
    HNTT_FUZZ_CHECK(error.error == QJsonParseError::NoError && doc.isObject());
}

// Runs one route's reading of a body; a BadRequest is a fine answer.
void read(const std::function<void()>& fields) {
    try {
        fields();
    } catch (const BadRequest& e) {
        checkErrorAnswer(e.message);
    }
}

void checkId(const std::optional<qint64>& id) {
    HNTT_FUZZ_CHECK(!id || *id >= 1);
}

// Text read from a body goes on as UTF-8 (to the core, the log, an error message).
void checkText(const std::optional<QString>& s) {
    if (s)
        HNTT_FUZZ_CHECK(hntt::fuzz::isUtf8(routes::utf8(*s)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    hntt::api::Request request;
    request.body.assign(reinterpret_cast<const char*>(data), size);
    QJsonObject body;
    try {
        body = routes::parseObject(request);
    } catch (const BadRequest& e) {
        checkErrorAnswer(e.message);
        return 0;
    }

    read([&] { // POST /sites, PATCH /sites/{site}
        for (const char* key : {"name", "level"})
            checkText(routes::optString(body, key));
        for (const char* key : {"source_url", "return_url", "sip_uri"})
            checkText(routes::optString(body, key, true));
        bool parentNull = false;
        checkId(routes::optId(body, "parent_id", &parentNull));
        if (const auto audio = routes::optObject(body, "audio")) {
            (void)routes::optBool(*audio, "muted");
            (void)routes::optNumber(*audio, "gain_db");
        }
        if (const auto video = routes::optObject(body, "video"))
            (void)routes::optBool(*video, "muted");
    });
    read([&] { // POST /sites/mute, POST /preview/bring-in
        for (const qint64 id : routes::siteIds(body))
            HNTT_FUZZ_CHECK(id >= 1);
        (void)routes::optBool(body, "muted");
    });
    read([&] { // PUT /program, PUT /preview
        const auto c = routes::composition(body);
        for (const auto& site : c.sites)
            HNTT_FUZZ_CHECK(!site || *site >= 1);
    });
    read([&] { checkId(routes::optId(body, "site_id")); }); // POST /floor
    read([&] {                                              // PATCH /program/audio, camera moves
        for (const char* key : {"gain_db", "pan", "tilt", "zoom", "in_s", "out_s"})
            (void)routes::optNumber(body, key);
        (void)routes::optBool(body, "muted");
    });
    read([&] { // POST /recordings, clips, archives, outputs, meetings
        for (const char* key :
             {"title", "name", "layout", "url", "certificate", "key", "room", "kind", "starts_at", "ends_at"})
            checkText(routes::optString(body, key));
        for (const char* key : {"meeting_id", "recording_id", "host_site_id"})
            checkId(routes::optId(body, key));
        (void)routes::optBool(body, "sign");
        (void)routes::optBool(body, "emergency");
    });
    return 0;
}
