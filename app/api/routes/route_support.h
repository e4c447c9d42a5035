// What the routes of every area share: JSON answers, the body's typed fields (a field of the wrong
// type is a BadRequest, 400), who is asking, and stream URLs masked in what the API shows.
#pragma once

#include "api/http_types.h"
#include "api/router.h"
#include "core/error.h"
#include "hntt/engine/types.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>
#include <string>

namespace hntt::api::routes {

std::string utf8(const QString& s);

// An answer with a JSON object or array.
Response json(int status, const QJsonValue& value);
// 204, no body.
Response noContent();
// 202 for a job that was started: the body, and Location: /api/v1/jobs/{id}.
Response jobAccepted(const QJsonObject& body, qint64 jobId);

// The body as a JSON object; anything else is a BadRequest.
QJsonObject parseObject(const Request& request);

// Typed fields: absent → nullopt; present with the wrong type → BadRequest.
std::optional<QString> optString(const QJsonObject& o, const char* key, bool nullable = false);
std::optional<bool> optBool(const QJsonObject& o, const char* key);
std::optional<double> optNumber(const QJsonObject& o, const char* key);
// A positive integer id. With wasNull, null is allowed and reported there.
std::optional<qint64> optId(const QJsonObject& o, const char* key, bool* wasNull = nullptr);
std::optional<QJsonObject> optObject(const QJsonObject& o, const char* key);
// The most ids one request may name (site_ids, a program's slots).
inline constexpr int kMaxIdsPerRequest = 1000;
// "site_ids": an array of ids, required, at most kMaxIdsPerRequest.
QList<qint64> siteIds(const QJsonObject& o);

// A program or preview: "layout" (required) and "slots", an array of site ids or nulls.
engine::Composition composition(const QJsonObject& o);

// Who asks, for the event log: "api:operator@127.0.0.1:53122" (the token's name, then the peer).
QString actorOf(const Request& request);

// A core error whose message may quote a stream URL.
Response maskedError(const core::Error& e);

} // namespace hntt::api::routes
