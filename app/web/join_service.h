// The join page of browser sites (--web-listen): served over HTTPS, because browsers give camera
// and microphone only to secure pages. Its few routes (the page, the site's name, the WebRTC offer,
// the browser's status, leaving, the link check) are answered on the core's thread; the server's
// I/O thread only queues them. The secret in the path is the only credential: a wrong or replaced
// one gets 403 and joins nothing.
#pragma once

#include "net/http_exchange.h"
#include "net/thread_hop.h"
#include "net/tls_identity.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hntt::core {
class Session;
}

namespace hntt::web {

class HttpsServer;

struct JoinServiceConfig {
    QString host = QStringLiteral("0.0.0.0");
    quint16 port = 8471; // 0: any free port (tests)
    QString certFile;    // the province's certificate and key; empty: the console's own
    QString keyFile;
    QString dataDir; // where the console's own certificate is kept
    // The host in join links; empty: `host`, or this machine's address when `host` is any.
    QString publicHost;
};

// Every name and address a certificate of this machine should cover, `publicHost` among them.
std::vector<std::string> certificateNames(const QString& publicHost);

class JoinService : public QObject {
    Q_OBJECT

public:
    JoinService(core::Session& session, JoinServiceConfig config, QObject* parent = nullptr);
    ~JoinService() override;

    // Loads or makes the certificate and listens; tells the session where the page is. False with
    // errorString() (in the operator's language) when it cannot.
    bool start();
    void stop();
    quint16 port() const;
    QString errorString() const { return error_; }
    QString baseUrl() const { return baseUrl_; }
    // SHA-256 of the certificate the page is served with ("AB:CD:…"), and its file.
    QString fingerprint() const { return fingerprint_; }
    QString certificateFile() const { return certificateFile_; }
    // The certificate and key it serves, once started (the control API off loopback shares them).
    const std::optional<net::TlsIdentity>& identity() const { return identity_; }

    // Routes one request (on the core's thread).
    void dispatch(const net::Request& request, const net::Responder& reply);

private:
    net::Response page(const net::Request& request, const QString& secret);
    net::Response asset(const QString& name);
    net::Response info(const QString& secret);
    void offer(const net::Request& request, const QString& secret, const net::Responder& reply);
    net::Response status(const net::Request& request, const QString& secret);
    net::Response leave(const net::Request& request, const QString& secret);
    net::Response probe(const net::Request& request, const QString& secret);

    core::Session& session_;
    JoinServiceConfig config_;
    net::ThreadHop hop_; // before the server: its I/O threads post here until it stops
    std::unique_ptr<HttpsServer> server_;
    QString error_;
    QString baseUrl_;
    QString fingerprint_;
    QString certificateFile_;
    std::optional<net::TlsIdentity> identity_;
    QByteArray probeBytes_; // what the link check downloads: made once, not compressible
};

} // namespace hntt::web
