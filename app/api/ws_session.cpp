#include "api/ws_session.h"

#include "api/server_core.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

namespace hntt::api::detail {

namespace {
constexpr std::size_t kWebSocketMessageMax = 64 * 1024;

std::string errorMessage(std::string_view code, const std::string& text) {
    const QJsonObject error{{QStringLiteral("code"), QString::fromUtf8(code.data(), qsizetype(code.size()))},
                            {QStringLiteral("message"), QString::fromStdString(text)}};
    const QJsonObject obj{{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("at"), QString::fromStdString(nowIso())},
                          {QStringLiteral("error"), error}};
    return QJsonDocument(obj).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

template <class Stream>
BasicWsSession<Stream>::~BasicWsSession() {
    finish();
    if (id_ != 0)
        core_.removeConnection(id_);
}

template <class Stream>
void BasicWsSession<Stream>::start(http::request<http::string_body> req) {
    id_ = core_.addConnection(shared_from_this());
    if (id_ == 0)
        return; // stopping: the socket closes with this object
    upgrade_ = std::move(req);
    asio::dispatch(executor_, [self = shared_from_this()] { self->doAccept(); });
}

template <class Stream>
void BasicWsSession<Stream>::shutdown() {
    asio::post(executor_, [self = shared_from_this()] { self->close(); });
}

template <class Stream>
void BasicWsSession<Stream>::enqueue(const std::shared_ptr<const std::string>& message, Topic topic) {
    if (!open_ || closing_)
        return;
    if (topic == Topic::Levels && !levels_)
        return;
    if (queue_.size() >= core_.config().maxWebSocketQueue) {
        // Too slow: dropping it keeps the others (and the server's memory) unaffected.
        qWarning("API: dropping WebSocket client %s, %zu messages behind", clientId_.c_str(), queue_.size());
        drop();
        return;
    }
    queue_.push_back(message);
    if (!writing_)
        doWrite();
}

template <class Stream>
void BasicWsSession<Stream>::doAccept() {
    const ServerConfig& cfg = core_.config();
    beast::get_lowest_layer(ws_).expires_never(); // the websocket stream has its own timeouts
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = cfg.requestTimeout;
    timeouts.idle_timeout = cfg.webSocketIdleTimeout;
    timeouts.keep_alive_pings = true;
    ws_.set_option(timeouts);
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, kServerName); }));
    ws_.read_message_max(kWebSocketMessageMax);
    ws_.async_accept(*upgrade_, [self = shared_from_this()](beast::error_code ec) { self->onAccept(ec); });
}

template <class Stream>
void BasicWsSession<Stream>::onAccept(beast::error_code ec) {
    upgrade_.reset();
    if (ec || closing_)
        return;
    if (!core_.addClient(id_, shared_from_this(), clientId_)) {
        close();
        return;
    }
    open_ = true;
    doRead();
}

template <class Stream>
void BasicWsSession<Stream>::doRead() {
    ws_.async_read(readBuffer_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

template <class Stream>
void BasicWsSession<Stream>::onRead(beast::error_code ec) {
    if (ec) {
        finish();
        return;
    }
    const bool text = ws_.got_text();
    const std::string message = beast::buffers_to_string(readBuffer_.data());
    readBuffer_.consume(readBuffer_.size());
    handleMessage(text, message);
    doRead();
}

template <class Stream>
void BasicWsSession<Stream>::handleMessage(bool text, const std::string& message) {
    if (!text) {
        reply(errorMessage("bad_request", "Messages must be JSON text"));
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(message), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        reply(errorMessage("bad_request", "Expected a JSON object such as {\"subscribe\": [\"levels\"]}"));
        return;
    }
    const QJsonObject obj = doc.object();
    bool levels = levels_;
    bool any = false;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const bool subscribe = it.key() == QLatin1String("subscribe");
        if (!subscribe && it.key() != QLatin1String("unsubscribe")) {
            reply(errorMessage("bad_request", "Unknown field \"" + it.key().toStdString() + "\""));
            return;
        }
        if (!it.value().isArray()) {
            reply(
                errorMessage("bad_request", "\"" + it.key().toStdString() + "\" must be an array of topics"));
            return;
        }
        for (const QJsonValue& v : it.value().toArray()) {
            if (v.toString() != QLatin1String("levels")) {
                reply(errorMessage("unprocessable", "Unknown topic; the only topic is \"levels\""));
                return;
            }
            levels = subscribe;
        }
        any = true;
    }
    if (!any) {
        reply(errorMessage("bad_request", "Expected \"subscribe\" or \"unsubscribe\""));
        return;
    }
    levels_ = levels;
    QJsonArray topics;
    if (levels_)
        topics.append(QStringLiteral("levels"));
    const QJsonObject ack{{QStringLiteral("type"), QStringLiteral("subscribed")},
                          {QStringLiteral("at"), QString::fromStdString(nowIso())},
                          {QStringLiteral("topics"), topics}};
    reply(QJsonDocument(ack).toJson(QJsonDocument::Compact).toStdString());
}

template <class Stream>
void BasicWsSession<Stream>::reply(std::string json) {
    enqueue(std::make_shared<const std::string>(std::move(json)), Topic::Always);
}

template <class Stream>
void BasicWsSession<Stream>::doWrite() {
    writing_ = true;
    ws_.text(true);
    ws_.async_write(asio::buffer(*queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onWrite(ec); });
}

template <class Stream>
void BasicWsSession<Stream>::onWrite(beast::error_code ec) {
    writing_ = false;
    if (ec) {
        drop();
        return;
    }
    queue_.pop_front();
    if (closing_) {
        if (closeAfterWrite_)
            startClose();
        return;
    }
    if (!queue_.empty())
        doWrite();
}

template <class Stream>
void BasicWsSession<Stream>::close() {
    if (closing_)
        return;
    closing_ = true;
    if (!open_) {
        beast::get_lowest_layer(ws_).close(); // handshake not done: nothing to say
        return;
    }
    if (writing_) {
        queue_.erase(queue_.begin() + 1, queue_.end());
        closeAfterWrite_ = true;
        return;
    }
    startClose();
}

template <class Stream>
void BasicWsSession<Stream>::startClose() {
    closeAfterWrite_ = false;
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = kStopGrace;
    timeouts.idle_timeout = websocket::stream_base::none();
    timeouts.keep_alive_pings = false;
    ws_.set_option(timeouts);
    ws_.async_close(websocket::close_code::going_away,
                    [self = shared_from_this()](beast::error_code) { self->finish(); });
}

template <class Stream>
void BasicWsSession<Stream>::drop() {
    closing_ = true;
    queue_.clear();
    beast::get_lowest_layer(ws_).close();
    finish();
}

template <class Stream>
void BasicWsSession<Stream>::finish() {
    if (finished_)
        return;
    finished_ = true;
    if (open_)
        core_.removeClient(id_, clientId_);
}

template class BasicWsSession<beast::tcp_stream>;
template class BasicWsSession<TlsStream>;

} // namespace hntt::api::detail
