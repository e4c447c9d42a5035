#include "api/routes/route_support.h"

#include "api/api_errors.h"
#include "core/url_mask.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace hntt::api::routes {

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
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != std::floor(d) || d < 1 || d > 9e15)
        throw BadRequest{QStringLiteral("'%1' must be a positive integer id.").arg(QLatin1String(key))};
    return static_cast<qint64>(d);
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
    QList<qint64> out;
    for (const QJsonValue& v : ids.toArray()) {
        if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != std::floor(v.toDouble()))
            throw BadRequest{QStringLiteral("'site_ids' must be an array of ids.")};
        out.append(static_cast<qint64>(v.toDouble()));
    }
    return out;
}

QString actorOf(const Request& r) {
    return QStringLiteral("api:") + QString::fromStdString(r.clientId);
}

Response maskedError(const core::Error& e) {
    return errorResponse(core::Error{e.code, core::maskStreamUrlsIn(e.message)});
}

} // namespace hntt::api::routes
