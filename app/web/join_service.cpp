#include "web/join_service.h"

#include "api/api_errors.h"
#include "core/session/session.h"
#include "core/store/join_links.h"
#include "hntt/sip/sip_agent.h"
#include "net/tls_identity.h"
#include "web/https_server.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace hntt::web {

namespace {

// The link check downloads up to this much, and uploads at most kBodyLimit: bounds that keep what
// many connections at once can make the console hold small.
constexpr qsizetype kProbeMaxBytes = 4 * 1024 * 1024;
constexpr std::size_t kBodyLimit = 2 * 1024 * 1024 + 64 * 1024;
constexpr qsizetype kOfferMaxBytes = 256 * 1024;

// Only what the page needs: its own scripts, styles, pictures and the media of its call.
const char* const kPolicy = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
                            "connect-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
                            "base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

net::Response json(int status, const QJsonObject& body) {
    net::Response r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
    return r;
}

net::Response failure(const core::Error& e) {
    // A wrong link is 403 to the page: it was never a resource that could be found.
    if (e.code == core::Error::Code::NotFound)
        return api::errorResponse(403, "forbidden", e.message.toStdString());
    return api::errorResponse(e);
}

// The page's own id: hex, as it makes it.
bool validPeer(const QString& peer) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{8,64}$"));
    return re.match(peer).hasMatch();
}

QJsonObject bodyObject(const net::Request& request, QString* error) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(request.body), &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("expected a JSON object");
        return {};
    }
    return doc.object();
}

// The address browsers reach this machine at when it listens on every address.
QString machineAddress() {
    const std::string toward = sip::localAddressToward("192.0.2.1");
    if (!toward.empty() && toward != "127.0.0.1")
        return QString::fromStdString(toward);
    for (const QHostAddress& a : QNetworkInterface::allAddresses())
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            return a.toString();
    return QStringLiteral("127.0.0.1");
}

} // namespace

std::vector<std::string> certificateNames(const QString& publicHost) {
    std::vector<std::string> names{publicHost.toStdString(), QHostInfo::localHostName().toStdString(),
                                   "localhost", "127.0.0.1"};
    for (const QHostAddress& a : QNetworkInterface::allAddresses())
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            names.push_back(a.toString().toStdString());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

JoinService::JoinService(core::Session& session, JoinServiceConfig config, QObject* parent)
    : QObject(parent)
    , session_(session)
    , config_(std::move(config)) {}

JoinService::~JoinService() {
    stop();
}

bool JoinService::start() {
    QString host = config_.publicHost;
    if (host.isEmpty()) {
        const QHostAddress bound(config_.host);
        host = bound == QHostAddress::AnyIPv4 || bound == QHostAddress::AnyIPv6 || bound == QHostAddress::Any
                   ? machineAddress()
                   : config_.host;
    }
    std::string error;
    std::optional<net::TlsIdentity> identity;
    if (!config_.certFile.isEmpty()) {
        identity = net::loadIdentity(config_.certFile.toStdString(), config_.keyFile.toStdString(), &error);
        certificateFile_ = config_.certFile;
    } else {
        const QString dir = QDir(config_.dataDir).filePath(QStringLiteral("web"));
        QDir().mkpath(dir);
        identity =
            net::ensureSelfSigned(dir.toStdString(), host.toStdString(), certificateNames(host), &error);
        certificateFile_ = QDir(dir).filePath(QStringLiteral("web-certificate.pem"));
    }
    if (!identity) {
        error_ = tr("The join page has no certificate: %1").arg(QString::fromStdString(error));
        return false;
    }
    fingerprint_ = QString::fromStdString(identity->fingerprintSha256);
    identity_ = identity;

    HttpsConfig cfg;
    cfg.host = config_.host.toStdString();
    cfg.port = config_.port;
    cfg.certificatePem = identity->certificatePem;
    cfg.privateKeyPem = identity->privateKeyPem;
    cfg.bodyLimit = kBodyLimit;
    // The I/O threads hand each request to this object's thread; they stop (the server goes
    // first) before the hop does.
    server_ = std::make_unique<HttpsServer>(cfg, [this](const net::Request& req, net::Responder reply) {
        hop_.post([this, req, reply] { dispatch(req, reply); });
    });
    if (!server_->start()) {
        error_ = tr("The join page cannot listen on %1:%2: %3")
                     .arg(config_.host)
                     .arg(config_.port)
                     .arg(QString::fromStdString(server_->errorString()));
        server_.reset();
        return false;
    }
    const QString shownHost = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    baseUrl_ = QStringLiteral("https://%1:%2").arg(shownHost).arg(server_->port());
    session_.setJoinBase(baseUrl_);
    session_.setJoinCertificate(certificateFile_, fingerprint_);
    probeBytes_.resize(kProbeMaxBytes);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(probeBytes_.data()),
                                          static_cast<qsizetype>(probeBytes_.size() / sizeof(quint32)));
    return true;
}

void JoinService::stop() {
    if (server_)
        server_->stop();
    server_.reset();
}

quint16 JoinService::port() const {
    return server_ ? server_->port() : 0;
}

void JoinService::dispatch(const net::Request& req, const net::Responder& reply) {
    const auto& seg = req.segments;
    const bool get = req.method == "GET" || req.method == "HEAD";
    const bool post = req.method == "POST";
    if (seg.size() == 3 && seg[0] == "join" && seg[1] == "assets" && get) {
        reply(asset(QString::fromStdString(seg[2])));
        return;
    }
    if (seg.size() >= 2 && seg[0] == "join") {
        const QString secret = QString::fromStdString(seg[1]);
        const std::string what = seg.size() == 3 ? seg[2] : std::string();
        if (seg.size() == 2 && get) {
            reply(page(req, secret));
            return;
        }
        if (seg.size() == 3) {
            if (what == "info" && get)
                return reply(info(secret));
            if (what == "offer" && post)
                return offer(req, secret, reply);
            if (what == "status" && get)
                return reply(status(req, secret));
            if (what == "leave" && post)
                return reply(leave(req, secret));
            if (what == "probe" && (get || post))
                return reply(probe(req, secret));
        }
    }
    if (seg.empty() && get) {
        net::Response r;
        r.contentType = "text/plain; charset=utf-8";
        r.body = tr("HNTT Console: open the join link the province's control centre gave your site.")
                     .toStdString();
        reply(r);
        return;
    }
    reply(api::errorResponse(404, "not_found", "No such page."));
}

net::Response JoinService::asset(const QString& name) {
    static const QHash<QString, QString> types{
        {QStringLiteral("join.js"), QStringLiteral("text/javascript; charset=utf-8")},
        {QStringLiteral("join.css"), QStringLiteral("text/css; charset=utf-8")}};
    const auto type = types.constFind(name);
    QFile f(QStringLiteral(":/web/") + name);
    if (type == types.constEnd() || !f.open(QIODevice::ReadOnly))
        return api::errorResponse(404, "not_found", "No such file.");
    net::Response r;
    r.contentType = type->toStdString();
    r.body = f.readAll().toStdString();
    r.headers.emplace_back("X-Cache", "static");
    return r;
}

net::Response JoinService::page(const net::Request&, const QString& secret) {
    QFile f(QStringLiteral(":/web/join.html"));
    if (!f.open(QIODevice::ReadOnly))
        return api::errorResponse(500, "internal", "The join page is missing from this build.");
    net::Response r;
    // A wrong link still gets the page (it explains, in the clerk's language), as a 403.
    r.status = session_.joinSite(secret) ? 200 : 403;
    r.contentType = "text/html; charset=utf-8";
    r.body = f.readAll().toStdString();
    r.headers.emplace_back("Content-Security-Policy", kPolicy);
    r.headers.emplace_back("X-Frame-Options", "DENY");
    r.headers.emplace_back("Permissions-Policy", "camera=(self), microphone=(self)");
    return r;
}

net::Response JoinService::info(const QString& secret) {
    const auto site = session_.joinSite(secret);
    if (!site)
        return failure(site.error());
    QJsonObject body{{"site", QJsonObject{{"id", site->id}, {"name", site->name}}},
                     {"link", QJsonValue::Null},
                     {"console", tr("Provincial video-conference control centre")}};
    if (!session_.browserSitesOn())
        body.insert(QStringLiteral("problem"), session_.browserProblem());
    return json(200, body);
}

void JoinService::offer(const net::Request& req, const QString& secret, const net::Responder& reply) {
    if (req.body.size() > static_cast<std::size_t>(kOfferMaxBytes)) {
        reply(api::errorResponse(413, "The offer is too large."));
        return;
    }
    QString error;
    const QJsonObject body = bodyObject(req, &error);
    if (!error.isEmpty()) {
        reply(api::errorResponse(400, "bad_request", ("Malformed JSON: " + error).toStdString()));
        return;
    }
    const QString peer = body.value(QStringLiteral("peer")).toString();
    const QString sdp = body.value(QStringLiteral("sdp")).toString();
    if (!validPeer(peer) || !sdp.startsWith(QLatin1String("v=0"))) {
        reply(api::errorResponse(422, "invalid", "Expected {\"peer\": hex id, \"sdp\": a WebRTC offer}."));
        return;
    }
    if (!session_.joinSite(secret)) {
        // Said before the WebRTC server is asked anything: a wrong link joins nothing.
        session_.joinFromBrowser(secret, peer, sdp, QString::fromStdString(req.clientId),
                                 [reply](core::Result<QString> r) { reply(failure(r.error())); });
        return;
    }
    session_.joinFromBrowser(secret, peer, sdp, QString::fromStdString(req.clientId),
                             [reply](core::Result<QString> answer) {
                                 if (!answer) {
                                     reply(failure(answer.error()));
                                     return;
                                 }
                                 reply(json(200, {{"type", "answer"}, {"sdp", answer.value()}}));
                             });
}

net::Response JoinService::status(const net::Request& req, const QString& secret) {
    const auto it = req.query.find("peer");
    const QString peer = it == req.query.end() ? QString() : QString::fromStdString(it->second);
    if (!validPeer(peer))
        return api::errorResponse(422, "invalid", "Expected ?peer=hex id.");
    const auto s = session_.browserStatus(secret, peer);
    if (!s)
        return failure(s.error());
    return json(200, {{"state", core::browserPeerStateName(s->state)}, {"reason", s->reason}});
}

net::Response JoinService::leave(const net::Request& req, const QString& secret) {
    QString error;
    const QJsonObject body = bodyObject(req, &error);
    const QString peer = body.value(QStringLiteral("peer")).toString();
    if (!error.isEmpty() || !validPeer(peer))
        return api::errorResponse(422, "invalid", "Expected {\"peer\": hex id}.");
    if (const auto site = session_.joinSite(secret); !site)
        return failure(site.error());
    session_.leaveFromBrowser(secret, peer);
    return json(200, {{"left", true}});
}

net::Response JoinService::probe(const net::Request& req, const QString& secret) {
    if (const auto site = session_.joinSite(secret); !site)
        return failure(site.error());
    if (req.method == "POST")
        return json(200, {{"bytes", static_cast<qint64>(req.body.size())}});
    const auto it = req.query.find("bytes");
    bool ok = false;
    const qint64 n = it == req.query.end() ? 0 : QString::fromStdString(it->second).toLongLong(&ok);
    if (!ok || n < 1 || n > kProbeMaxBytes)
        return api::errorResponse(422, "invalid", "Expected ?bytes=1…4194304.");
    net::Response r;
    r.contentType = "application/octet-stream";
    r.body.assign(probeBytes_.constData(), static_cast<std::size_t>(n));
    return r;
}

} // namespace hntt::web
