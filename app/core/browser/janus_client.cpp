#include "core/browser/janus_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace hntt::core {

namespace {

constexpr int kPollTimeoutMs = 45000; // Janus answers a long poll within 30 s, if only to say so
constexpr qint64 kMaxAnswerBytes = 1024 * 1024;

quint64 idOf(const QJsonValue& v) {
    return static_cast<quint64>(v.toInteger());
}

// Janus's error, in its words: {"janus": "error", "error": {"code", "reason"}}.
QString janusError(const QJsonObject& answer) {
    const QJsonObject e = answer.value(QStringLiteral("error")).toObject();
    return QStringLiteral("Janus: %1 (%2)")
        .arg(e.value(QStringLiteral("reason")).toString(),
             QString::number(e.value(QStringLiteral("code")).toInt()));
}

} // namespace

JanusClient::JanusClient(QObject* parent)
    : QObject(parent) {
    network_.setAutoDeleteReplies(true);
    network_.setProxy(QNetworkProxy::NoProxy); // Janus runs on this machine: never through a proxy
}

JanusClient::~JanusClient() {
    disconnectFrom();
}

QUrl JanusClient::sessionUrl() const {
    QUrl u = url_;
    u.setPath(url_.path() + QStringLiteral("/%1").arg(sessionId_));
    return u;
}

QUrl JanusClient::handleUrl(quint64 handleId) const {
    QUrl u = sessionUrl();
    u.setPath(u.path() + QStringLiteral("/%1").arg(handleId));
    return u;
}

QString JanusClient::nextTransaction() {
    return QStringLiteral("hntt-%1").arg(++nextTransaction_);
}

JanusClient::CallKey JanusClient::keyForHandle(quint64 handleId) const {
    for (auto it = calls_.begin(); it != calls_.end(); ++it)
        if (it->handleId == handleId)
            return it.key();
    return 0;
}

void JanusClient::post(const QUrl& url, QJsonObject body, Reply reply, int timeoutMs) {
    if (!body.contains(QStringLiteral("transaction")))
        body.insert(QStringLiteral("transaction"), nextTransaction());
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* r = network_.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    const quint64 generation = generation_;
    connect(r, &QNetworkReply::finished, this, [this, r, reply = std::move(reply), generation] {
        if (generation != generation_)
            return; // the session it was for is gone
        if (r->error() != QNetworkReply::NoError) {
            reply({}, r->errorString());
            return;
        }
        const QByteArray data = r->read(kMaxAnswerBytes);
        const QJsonDocument doc = QJsonDocument::fromJson(data);
        if (!doc.isObject()) {
            reply({}, QStringLiteral("Janus: not a JSON answer"));
            return;
        }
        const QJsonObject answer = doc.object();
        if (answer.value(QStringLiteral("janus")).toString() == QLatin1String("error"))
            reply({}, janusError(answer));
        else
            reply(answer, {});
    });
}

void JanusClient::connectTo(const QUrl& url) {
    disconnectFrom();
    url_ = url;
    post(url_, {{"janus", "create"}}, [this](const QJsonObject& answer, const QString& error) {
        if (!error.isEmpty()) {
            emit lost(error);
            return;
        }
        sessionId_ = idOf(answer.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")));
        if (sessionId_ == 0) {
            emit lost(QStringLiteral("Janus: no session id"));
            return;
        }
        poll();
        emit ready();
    });
}

void JanusClient::disconnectFrom() {
    generation_++;
    if (pollReply_)
        pollReply_->abort();
    if (sessionId_ != 0) // best effort: Janus forgets it by itself after its session timeout
        network_.post(QNetworkRequest(sessionUrl()),
                      QJsonDocument(QJsonObject{{"janus", "destroy"}, {"transaction", nextTransaction()}})
                          .toJson(QJsonDocument::Compact));
    sessionId_ = 0;
    const auto calls = std::exchange(calls_, {});
    for (const Call& call : calls)
        if (call.done)
            call.done({}, QStringLiteral("Janus: the session ended"));
}

void JanusClient::loseSession(const QString& reason) {
    const bool had = sessionId_ != 0;
    const auto calls = calls_;
    generation_++;
    sessionId_ = 0;
    calls_.clear();
    for (auto it = calls.begin(); it != calls.end(); ++it) {
        if (it->done)
            it->done({}, reason);
        else
            emit ended(it.key(), reason);
    }
    if (had)
        emit lost(reason);
}

void JanusClient::poll() {
    if (sessionId_ == 0)
        return;
    QUrl u = sessionUrl();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("maxev"), QStringLiteral("20"));
    u.setQuery(q);
    QNetworkRequest request(u);
    request.setTransferTimeout(kPollTimeoutMs);
    QNetworkReply* r = network_.get(request);
    pollReply_ = r;
    const quint64 generation = generation_;
    connect(r, &QNetworkReply::finished, this, [this, r, generation] {
        if (generation != generation_)
            return;
        if (r->error() != QNetworkReply::NoError) {
            loseSession(r->errorString());
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(r->read(16 * kMaxAnswerBytes));
        QJsonArray events;
        if (doc.isArray())
            events = doc.array();
        else if (doc.isObject())
            events.append(doc.object());
        for (const QJsonValue& v : events) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("janus")).toString() == QLatin1String("error")) {
                loseSession(janusError(e)); // e.g. 458: the session is gone (Janus restarted)
                return;
            }
            onEvent(e);
            if (generation != generation_)
                return; // a handler dropped the session
        }
        poll();
    });
}

void JanusClient::negotiate(CallKey key, const QString& browserOffer, Answerer answerer, Done done) {
    if (sessionId_ == 0) {
        done({}, QStringLiteral("Janus is not connected"));
        return;
    }
    close(key); // a key is one call at a time
    Call call;
    call.answerer = std::move(answerer);
    call.done = std::move(done);
    calls_.insert(key, std::move(call));
    post(sessionUrl(), {{"janus", "attach"}, {"plugin", "janus.plugin.nosip"}},
         [this, key, browserOffer](const QJsonObject& answer, const QString& error) {
             auto it = calls_.find(key);
             if (it == calls_.end())
                 return;
             if (!error.isEmpty()) {
                 fail(key, error);
                 return;
             }
             it->handleId = idOf(answer.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")));
             it->step = Call::Step::Generating;
             it->transaction = nextTransaction();
             post(handleUrl(it->handleId),
                  {{"janus", "message"},
                   {"transaction", it->transaction},
                   {"body", QJsonObject{{"request", "generate"}}},
                   {"jsep", QJsonObject{{"type", "offer"}, {"sdp", browserOffer}, {"trickle", false}}}},
                  [this, key](const QJsonObject&, const QString& error) {
                      if (!error.isEmpty())
                          fail(key, error);
                  });
         });
}

void JanusClient::fail(CallKey key, const QString& error) {
    auto it = calls_.find(key);
    if (it == calls_.end())
        return;
    Done done = std::move(it->done);
    close(key);
    if (done)
        done({}, error);
}

void JanusClient::close(CallKey key) {
    auto it = calls_.find(key);
    if (it == calls_.end())
        return;
    const quint64 handle = it->handleId;
    calls_.erase(it);
    if (handle == 0 || sessionId_ == 0)
        return;
    // Hang up, then let go of the handle; neither answer matters any more.
    post(handleUrl(handle), {{"janus", "message"}, {"body", QJsonObject{{"request", "hangup"}}}},
         [](const QJsonObject&, const QString&) {});
    post(handleUrl(handle), {{"janus", "detach"}}, [](const QJsonObject&, const QString&) {});
}

void JanusClient::onEvent(const QJsonObject& event) {
    const QString kind = event.value(QStringLiteral("janus")).toString();
    const CallKey key = keyForHandle(idOf(event.value(QStringLiteral("sender"))));
    if (key == 0)
        return; // keepalive, or a handle already closed
    Call& call = calls_[key];
    if (kind == QLatin1String("event")) {
        onPluginEvent(key, call, event);
    } else if (kind == QLatin1String("webrtcup")) {
        call.step = Call::Step::Up;
        emit webrtcUp(key);
    } else if (kind == QLatin1String("hangup") || kind == QLatin1String("detached")) {
        const QString reason = event.value(QStringLiteral("reason")).toString();
        if (call.done) {
            fail(key, reason.isEmpty() ? QStringLiteral("Janus hung up") : reason);
            return;
        }
        close(key);
        emit ended(key, reason);
    }
}

void JanusClient::onPluginEvent(CallKey key, Call& call, const QJsonObject& event) {
    const QJsonObject data =
        event.value(QStringLiteral("plugindata")).toObject().value(QStringLiteral("data")).toObject();
    if (data.contains(QStringLiteral("error"))) {
        fail(key, QStringLiteral("Janus NoSIP: %1").arg(data.value(QStringLiteral("error")).toString()));
        return;
    }
    const QJsonObject result = data.value(QStringLiteral("result")).toObject();
    const QString what = result.value(QStringLiteral("event")).toString();
    if (what == QLatin1String("generated") && call.step == Call::Step::Generating) {
        QString error;
        const QString ours = call.answerer(result.value(QStringLiteral("sdp")).toString(), &error);
        if (ours.isEmpty()) {
            fail(key, error);
            return;
        }
        call.step = Call::Step::Processing;
        call.transaction = nextTransaction();
        post(handleUrl(call.handleId),
             {{"janus", "message"},
              {"transaction", call.transaction},
              {"body", QJsonObject{{"request", "process"}, {"type", "answer"}, {"sdp", ours}}}},
             [this, key](const QJsonObject&, const QString& error) {
                 if (!error.isEmpty())
                     fail(key, error);
             });
    } else if (what == QLatin1String("processed") && call.step == Call::Step::Processing) {
        const QJsonObject jsep = event.value(QStringLiteral("jsep")).toObject();
        const QString answer = jsep.value(QStringLiteral("sdp")).toString();
        if (answer.isEmpty()) {
            fail(key, QStringLiteral("Janus NoSIP: no answer for the browser"));
            return;
        }
        Done done = std::move(call.done);
        call.done = nullptr;
        if (done)
            done(answer, {});
    } else if (what == QLatin1String("hangingup") || what == QLatin1String("hangup")) {
        const QString reason = result.value(QStringLiteral("reason")).toString();
        if (call.done) {
            fail(key, reason.isEmpty() ? QStringLiteral("Janus hung up") : reason);
            return;
        }
        close(key);
        emit ended(key, reason);
    }
}

} // namespace hntt::core
