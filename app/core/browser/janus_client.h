// The console's side of Janus's HTTP API (its REST transport, on loopback): one Janus session, a
// NoSIP handle per browser, and the long poll that brings their events. NoSIP turns a browser's
// WebRTC offer into a plain-RTP offer the console answers like a SIP call's, and turns that answer
// back into the browser's WebRTC answer: the media then flow browser ⇄ Janus ⇄ engine as RTP.
//
// Everything runs on the owner's thread, asynchronously (Qt's network access): nothing here ever
// waits for Janus. Every request has a deadline.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class QNetworkReply;

namespace hntt::core {

class JanusClient : public QObject {
    Q_OBJECT

public:
    // A browser's call through Janus, the console's own number for it.
    using CallKey = quint64;
    // Answers Janus's plain-RTP offer with the console's SDP; empty with `error` set refuses.
    using Answerer = std::function<QString(const QString& plainOffer, QString* error)>;
    // The browser's answer, or an error.
    using Done = std::function<void(const QString& browserAnswer, const QString& error)>;

    explicit JanusClient(QObject* parent = nullptr);
    ~JanusClient() override;

    // Connects to Janus at `url` ("http://127.0.0.1:8088/janus"): creates a session and keeps it
    // alive with a long poll. ready() when it has one; lost() when Janus stops answering.
    void connectTo(const QUrl& url);
    void disconnectFrom(); // drops the session (every call with it) without waiting for Janus
    bool isReady() const { return sessionId_ != 0; }
    QUrl url() const { return url_; }

    // Opens a NoSIP handle for the browser's WebRTC offer, has `answerer` answer its plain offer,
    // and gives the browser's answer to `done` (once, on this thread).
    void negotiate(CallKey key, const QString& browserOffer, Answerer answerer, Done done);
    // Hangs up and detaches the call's handle; no event about it follows.
    void close(CallKey key);

Q_SIGNALS:
    void ready();
    void lost(const QString& reason);
    // The browser's ICE and DTLS are up: media can flow.
    void webrtcUp(CallKey key);
    // Janus ended the call (the browser's connection failed or closed).
    void ended(CallKey key, const QString& reason);

private:
    struct Call {
        quint64 handleId = 0;
        QString transaction; // of the request whose event is awaited
        Answerer answerer;
        Done done;
        enum class Step { Attaching, Generating, Processing, Up } step = Step::Attaching;
    };
    using Reply = std::function<void(const QJsonObject& answer, const QString& error)>;

    void post(const QUrl& url, QJsonObject body, Reply reply, int timeoutMs = 10000);
    void poll();
    void onEvent(const QJsonObject& event);
    void onPluginEvent(CallKey key, Call& call, const QJsonObject& event);
    void fail(CallKey key, const QString& error);
    void loseSession(const QString& reason);
    QUrl sessionUrl() const;
    QUrl handleUrl(quint64 handleId) const;
    QString nextTransaction();
    CallKey keyForHandle(quint64 handleId) const;

    QNetworkAccessManager network_;
    QUrl url_;
    quint64 sessionId_ = 0;
    quint64 generation_ = 0; // of the session: answers to an older one are dropped
    QPointer<QNetworkReply> pollReply_;
    QHash<CallKey, Call> calls_;
    quint64 nextTransaction_ = 0;
};

} // namespace hntt::core
