// Requests handed straight to ApiService::route/dispatch (no socket), and their JSON answers: for
// suites that test routes against a real Session without running the HTTP server.
#pragma once

#include "api/http_types.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <string>

namespace hntt::test {

// A request as the server would route it: path under /api/v1, split into its segments.
inline api::Request request(const std::string& method, const std::string& path,
                            const std::string& body = {}) {
    api::Request r;
    r.method = method;
    r.path = "/api/v1" + path;
    for (const QString& s : QString::fromStdString(path).split(QLatin1Char('/'), Qt::SkipEmptyParts))
        r.segments.push_back(s.toStdString());
    r.body = body;
    r.clientId = "127.0.0.1:1";
    return r;
}

inline QJsonObject objectOf(const api::Response& r) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
}

inline QJsonArray arrayOf(const api::Response& r) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).array();
}

} // namespace hntt::test
