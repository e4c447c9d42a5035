#include "api/api_errors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <array>

namespace hntt::api {

namespace {
constexpr std::array<ErrorKind, 13> kErrors{{
    {400, "bad_request"},
    {401, "unauthorized"},
    {403, "forbidden"},
    {404, "not_found"},
    {405, "method_not_allowed"},
    {409, "conflict"},
    {413, "payload_too_large"},
    {422, "unprocessable"},
    {429, "too_many_failures"},
    {431, "header_too_large"},
    {500, "internal"},
    {502, "bad_gateway"},
    {503, "unavailable"},
}};

QString toQString(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

std::span<const ErrorKind> errorKinds() {
    return kErrors;
}

std::string_view errorCodeForStatus(int status) {
    for (const ErrorKind& e : kErrors) {
        if (e.status == status)
            return e.code;
    }
    return status >= 400 && status < 500 ? std::string_view("bad_request") : std::string_view("internal");
}

int statusForErrorCode(std::string_view code) {
    for (const ErrorKind& e : kErrors) {
        if (e.code == code)
            return e.status;
    }
    return 0;
}

std::string errorBody(std::string_view code, std::string_view message) {
    const QJsonObject error{{QStringLiteral("code"), toQString(code)},
                            {QStringLiteral("message"), toQString(message)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

Response errorResponse(int status, std::string_view code, std::string_view message) {
    Response r;
    r.status = status;
    r.body = errorBody(code.empty() ? errorCodeForStatus(status) : code, message);
    return r;
}

Response errorResponse(int status, std::string_view message) {
    return errorResponse(status, {}, message);
}

int statusForError(core::Error::Code code) {
    using Code = core::Error::Code;
    switch (code) {
    case Code::NotFound:
        return 404;
    case Code::Invalid:
        return 422;
    case Code::Conflict:
        return 409;
    case Code::Storage:
    case Code::Internal:
        return 500;
    case Code::Unavailable:
        return 503;
    case Code::Upstream:
        return 502;
    }
    return 500;
}

Response errorResponse(const core::Error& error) {
    return errorResponse(statusForError(error.code), error.message.toStdString());
}

} // namespace hntt::api
