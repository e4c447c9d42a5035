// One /api/v1/events WebSocket client: the upgrade handshake, the client's subscribe/unsubscribe
// messages, and its queue of broadcasts (a client too far behind is dropped). Runs on its own
// strand. Private to the transport; includes Boost.
#pragma once

#include "api/access_book.h"
#include "api/http_server.h"
#include "api/server_common.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace hntt::api::detail {

class ServerCore;

// What the server's registry and fan-out see of a WebSocket client, whatever its stream.
class WsSession : public Connection {
public:
    // The session's strand.
    virtual const asio::any_io_executor& executor() const = 0;
    // On the session's strand, from the fan-out.
    virtual void enqueue(const std::shared_ptr<const std::string>& message, Topic topic) = 0;
};

template <class Stream>
class BasicWsSession final : public WsSession, public std::enable_shared_from_this<BasicWsSession<Stream>> {
public:
    BasicWsSession(ServerCore& core, Stream stream, std::string clientId,
                   std::shared_ptr<AccessBook::Slot> slot)
        : core_(core)
        , slot_(std::move(slot))
        , ws_(std::move(stream))
        , executor_(ws_.get_executor())
        , clientId_(std::move(clientId)) {}
    ~BasicWsSession() override;

    const asio::any_io_executor& executor() const override { return executor_; }

    // Takes the upgrade request and answers the handshake on the session's strand.
    void start(http::request<http::string_body> req);
    void shutdown() override;
    void enqueue(const std::shared_ptr<const std::string>& message, Topic topic) override;

private:
    using std::enable_shared_from_this<BasicWsSession<Stream>>::shared_from_this;

    void doAccept();
    void onAccept(beast::error_code ec);
    void doRead();
    void onRead(beast::error_code ec);

    // Client messages: {"subscribe": [topics]} / {"unsubscribe": [topics]}; never a disconnect.
    void handleMessage(bool text, const std::string& message);
    void reply(std::string json);

    void doWrite();
    void onWrite(beast::error_code ec);

    // Graceful close ("going away"), once any write in progress has finished.
    void close();
    void startClose();

    // Abrupt close: a client that cannot keep up does not get a close handshake either.
    void drop();

    // The client is gone (or going): no more broadcasts, and the application is told once.
    void finish();

    ServerCore& core_;
    std::shared_ptr<AccessBook::Slot> slot_; // counts the connection open
    websocket::stream<Stream> ws_;
    const asio::any_io_executor executor_;
    const std::string clientId_;
    std::uint64_t id_ = 0;
    std::optional<http::request<http::string_body>> upgrade_;
    beast::flat_buffer readBuffer_;
    std::deque<std::shared_ptr<const std::string>> queue_; // front: being written
    bool open_ = false;                                    // handshake done
    bool writing_ = false;
    bool closing_ = false;
    bool closeAfterWrite_ = false;
    bool finished_ = false;
    bool levels_ = false;
};

extern template class BasicWsSession<beast::tcp_stream>;
extern template class BasicWsSession<TlsStream>;

} // namespace hntt::api::detail
