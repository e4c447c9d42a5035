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

// A request as the server would route it: path under /api/v1, split into its segments, and a
// query ("/recordings?trash=1&x=2") into its pairs (not percent-decoded: the suites write plain ones).
inline api::Request request(const std::string& method, const std::string& target,
                            const std::string& body = {}) {
    api::Request r;
    r.method = method;
    const std::size_t q = target.find('?');
    const std::string path = target.substr(0, q);
    if (q != std::string::npos)
        for (const QString& pair :
             QString::fromStdString(target.substr(q + 1)).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            r.query[pair.left(eq).toStdString()] = eq < 0 ? std::string() : pair.mid(eq + 1).toStdString();
        }
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
