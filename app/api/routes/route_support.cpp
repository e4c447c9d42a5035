#include "api/routes/route_support.h"

#include "api/api_errors.h"
#include "core/url_mask.h"
#include "net/json_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace hntt::api::routes {

namespace {

// Ids stay below 2^53, where every whole number is a double; a larger number (1e300) would not fit
// in a qint64 at all.
constexpr double kMaxId = 9e15;

// A JSON number that is a positive whole number an id can be.
bool isId(const QJsonValue& v) {
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return d >= 1 && d <= kMaxId && d == std::floor(d);
}

} // namespace

std::string utf8(const QString& s) {
    return s.toStdString();
}

Response json(int status, const QJsonValue& v) {
    Response r;
    r.status = status;
    r.body = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact).toStdString()
                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString();
    return r;
}

Response noContent() {
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response jobAccepted(const QJsonObject& body, qint64 jobId) {
    Response r = json(202, body);
    r.headers.emplace_back("Location", "/api/v1/jobs/" + std::to_string(jobId));
    return r;
}

QJsonObject parseObject(const Request& r) {
    if (const auto at = net::loneSurrogateEscape(r.body))
        throw BadRequest{
            QStringLiteral("Malformed JSON: half of a UTF-16 surrogate pair at offset %1").arg(*at)};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.body), &err);
    if (err.error != QJsonParseError::NoError)
        throw BadRequest{
            QStringLiteral("Malformed JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset)};
    if (!doc.isObject())
        throw BadRequest{QStringLiteral("The body must be a JSON object.")};
    return doc.object();
}

std::optional<QString> optString(const QJsonObject& o, const char* key, bool nullable) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (nullable && v.isNull())
        return QString();
    if (!v.isString())
        throw BadRequest{QStringLiteral("'%1' must be a string.").arg(QLatin1String(key))};
    return v.toString();
}

std::optional<bool> optBool(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool())
        throw BadRequest{QStringLiteral("'%1' must be true or false.").arg(QLatin1String(key))};
    return v.toBool();
}

std::optional<double> optNumber(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble())
        throw BadRequest{QStringLiteral("'%1' must be a number.").arg(QLatin1String(key))};
    return v.toDouble();
}

std::optional<qint64> optId(const QJsonObject& o, const char* key, bool* wasNull) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (v.isNull() && wasNull) {
        *wasNull = true;
        return std::nullopt;
    }
    if (!isId(v))
        throw BadRequest{QStringLiteral("'%1' must be a positive integer id.").arg(QLatin1String(key))};
    return static_cast<qint64>(v.toDouble());
}

std::optional<QJsonObject> optObject(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject())
        throw BadRequest{QStringLiteral("'%1' must be an object.").arg(QLatin1String(key))};
    return v.toObject();
}

QList<qint64> siteIds(const QJsonObject& o) {
    const QJsonValue ids = o.value(QLatin1String("site_ids"));
    if (!ids.isArray())
        throw BadRequest{QStringLiteral("'site_ids' must be an array of ids.")};
    // Bounded before any id is looked up: a province has a few hundred sites.
    if (ids.toArray().size() > kMaxIdsPerRequest)
        throw BadRequest{QStringLiteral("'site_ids' holds more than %1 ids.").arg(kMaxIdsPerRequest)};
    QList<qint64> out;
    for (const QJsonValue& v : ids.toArray()) {
        if (!isId(v))
            throw BadRequest{QStringLiteral("'site_ids' must be an array of ids.")};
        out.append(static_cast<qint64>(v.toDouble()));
    }
    return out;
}

engine::Composition composition(const QJsonObject& o) {
    const auto layout = optString(o, "layout");
    if (!layout)
        throw BadRequest{QStringLiteral("'layout' is required.")};
    engine::Composition c;
    c.layout = layout->toStdString();
    const QJsonValue slotList = o.value(QLatin1String("slots"));
    if (!slotList.isUndefined()) {
        if (!slotList.isArray())
            throw BadRequest{QStringLiteral("'slots' must be an array of site ids or nulls.")};
        if (slotList.toArray().size() > kMaxIdsPerRequest)
            throw BadRequest{QStringLiteral("'slots' holds more than %1 entries.").arg(kMaxIdsPerRequest)};
        for (const QJsonValue& v : slotList.toArray()) {
            if (v.isNull()) {
                c.sites.emplace_back();
                continue;
            }
            if (!isId(v))
                throw BadRequest{QStringLiteral("'slots' must be an array of site ids or nulls.")};
            c.sites.emplace_back(static_cast<engine::SiteId>(v.toDouble()));
        }
    }
    return c;
}

QString actorOf(const Request& r) {
    const QString client = QString::fromStdString(r.clientId);
    return QStringLiteral("api:") +
           (r.principal.empty() ? client : QString::fromStdString(r.principal) + QLatin1Char('@') + client);
}

Response maskedError(const core::Error& e) {
    return errorResponse(core::Error{e.code, core::maskStreamUrlsIn(e.message)});
}

} // namespace hntt::api::routes
