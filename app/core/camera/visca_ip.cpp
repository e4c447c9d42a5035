#include "core/camera/visca_ip.h"

#include "core/camera/visca_reply.h"

#include <QtEndian>
#include <algorithm>
#include <cmath>

namespace hntt::core::camera {

namespace {

constexpr quint8 kAddress = 0x81; // camera 1 behind the IP header
constexpr int kMaxPanSpeed = 0x18, kMaxTiltSpeed = 0x14, kMaxZoomSpeed = 7;

int scaled(double v, int max) {
    return std::clamp(static_cast<int>(std::lround(std::abs(v) * max)), 1, max);
}

} // namespace

ViscaIpCamera::ViscaIpCamera(const QHostAddress& host, quint16 port, QObject* parent)
    : CameraDriver(parent)
    , host_(host)
    , port_(port) {
    deadline_.setSingleShot(true);
    connect(&deadline_, &QTimer::timeout, this, [this] {
        finish(CameraResult::failure(tr("The camera at %1:%2 did not answer within %3 s.")
                                         .arg(host_.toString())
                                         .arg(port_)
                                         .arg(timeout_.count() / 1000.0)));
    });
    connect(&socket_, &QUdpSocket::readyRead, this, &ViscaIpCamera::onReadyRead);
}

QByteArray ViscaIpCamera::datagram(quint16 type, quint32 sequence, const QByteArray& payload) {
    QByteArray d(8, '\0');
    qToBigEndian<quint16>(type, d.data());
    qToBigEndian<quint16>(static_cast<quint16>(payload.size()), d.data() + 2);
    qToBigEndian<quint32>(sequence, d.data() + 4);
    return d + payload;
}

QByteArray ViscaIpCamera::panTiltDrive(double pan, double tilt) {
    const quint8 p = pan > 0 ? 0x02 : pan < 0 ? 0x01 : 0x03;   // right, left, stop
    const quint8 t = tilt > 0 ? 0x01 : tilt < 0 ? 0x02 : 0x03; // up, down, stop
    const char bytes[] = {static_cast<char>(kAddress),
                          0x01,
                          0x06,
                          0x01,
                          static_cast<char>(scaled(pan, kMaxPanSpeed)),
                          static_cast<char>(scaled(tilt, kMaxTiltSpeed)),
                          static_cast<char>(p),
                          static_cast<char>(t),
                          static_cast<char>(0xFF)};
    return QByteArray(bytes, sizeof bytes);
}

QByteArray ViscaIpCamera::zoomDrive(double zoom) {
    // 0x2p tele, 0x3p wide (p = speed 0..7), 0x00 stop.
    const quint8 speed = static_cast<quint8>(scaled(zoom, kMaxZoomSpeed));
    const quint8 z = zoom > 0 ? (0x20 | speed) : zoom < 0 ? (0x30 | speed) : 0x00;
    const char bytes[] = {static_cast<char>(kAddress), 0x01, 0x04, 0x07, static_cast<char>(z),
                          static_cast<char>(0xFF)};
    return QByteArray(bytes, sizeof bytes);
}

QByteArray ViscaIpCamera::memory(bool store, int preset) {
    const char bytes[] = {static_cast<char>(kAddress),
                          0x01,
                          0x04,
                          0x3F,
                          static_cast<char>(store ? 0x01 : 0x02),
                          static_cast<char>(std::clamp(preset - 1, 0, 0x7F)),
                          static_cast<char>(0xFF)};
    return QByteArray(bytes, sizeof bytes);
}

QByteArray ViscaIpCamera::zoomDirect(int position) {
    const int p = std::clamp(position, 0, 0x4000);
    const char bytes[] = {static_cast<char>(kAddress),
                          0x01,
                          0x04,
                          0x47,
                          static_cast<char>((p >> 12) & 0x0F),
                          static_cast<char>((p >> 8) & 0x0F),
                          static_cast<char>((p >> 4) & 0x0F),
                          static_cast<char>(p & 0x0F),
                          static_cast<char>(0xFF)};
    return QByteArray(bytes, sizeof bytes);
}

QByteArray ViscaIpCamera::panTiltPositionInquiry() {
    const char bytes[] = {static_cast<char>(kAddress), 0x09, 0x06, 0x12, static_cast<char>(0xFF)};
    return QByteArray(bytes, sizeof bytes);
}

QByteArray ViscaIpCamera::zoomPositionInquiry() {
    const char bytes[] = {static_cast<char>(kAddress), 0x09, 0x04, 0x47, static_cast<char>(0xFF)};
    return QByteArray(bytes, sizeof bytes);
}

void ViscaIpCamera::move(double pan, double tilt, double zoom, Callback done) {
    // Two commands; the caller hears once, with the first failure if any.
    auto zoomThenDone = [this, zoom, done = std::move(done)](const CameraResult& r) {
        if (!r.ok) {
            if (done)
                done(r);
            return;
        }
        enqueue(Command, zoomDrive(zoom), done);
    };
    enqueue(Command, panTiltDrive(pan, tilt), zoomThenDone);
}

void ViscaIpCamera::stop(Callback done) {
    move(0, 0, 0, std::move(done));
}

void ViscaIpCamera::recallPreset(int preset, Callback done) {
    enqueue(Command, memory(false, preset), std::move(done));
}

void ViscaIpCamera::storePreset(int preset, Callback done) {
    enqueue(Command, memory(true, preset), std::move(done));
}

void ViscaIpCamera::setZoom(int position, Callback done) {
    enqueue(Command, zoomDirect(position), std::move(done));
}

void ViscaIpCamera::zoomTo(double zoom, Callback done) {
    setZoom(static_cast<int>(std::lround(std::clamp(zoom, 0.0, 1.0) * travel_.zoomMax)), std::move(done));
}

void ViscaIpCamera::queryPanTilt(std::function<void(std::optional<PanTiltPosition>, QString error)> done) {
    enqueue(Inquiry, panTiltPositionInquiry(), [done = std::move(done)](const CameraResult& r) {
        if (!r.ok) {
            done(std::nullopt, r.error);
            return;
        }
        const auto position = visca::panTiltFromReply(r.answer);
        if (!position) {
            done(std::nullopt, tr("The camera answered the position inquiry with an invalid reply."));
            return;
        }
        done(PanTiltPosition{position->pan, position->tilt}, {});
    });
}

void ViscaIpCamera::queryZoom(std::function<void(std::optional<int>, QString error)> done) {
    enqueue(Inquiry, zoomPositionInquiry(), [done = std::move(done)](const CameraResult& r) {
        if (!r.ok) {
            done(std::nullopt, r.error);
            return;
        }
        const auto zoom = visca::zoomFromReply(r.answer);
        if (!zoom) {
            done(std::nullopt, tr("The camera answered the zoom inquiry with an invalid reply."));
            return;
        }
        done(*zoom, {});
    });
}

void ViscaIpCamera::queryPosition(Callback done) {
    queryPanTilt([this, done = std::move(done)](std::optional<PanTiltPosition> pt, const QString& error) {
        if (!pt) {
            done(CameraResult::failure(error));
            return;
        }
        queryZoom([this, pt = *pt, done](std::optional<int> zoom, const QString& zoomError) {
            if (!zoom) {
                done(CameraResult::failure(zoomError));
                return;
            }
            auto norm = [](int v, int limit) {
                return limit > 0 ? std::clamp(static_cast<double>(v) / limit, -1.0, 1.0) : 0.0;
            };
            CameraPosition p;
            p.pan = norm(pt.pan, travel_.panLimit);
            p.tilt = norm(pt.tilt, travel_.tiltLimit);
            p.zoom = std::clamp(norm(*zoom, travel_.zoomMax), 0.0, 1.0);
            CameraResult r = CameraResult::success();
            r.position = p;
            done(r);
        });
    });
}

void ViscaIpCamera::enqueue(quint16 type, QByteArray payload, Callback done) {
    jobs_.push_back({type, std::move(payload), std::move(done)});
    if (!busy_)
        sendNext();
}

void ViscaIpCamera::sendNext() {
    if (jobs_.empty()) {
        busy_ = false;
        return;
    }
    busy_ = true;
    acked_ = false;
    if (!sequenceReset_) {
        // The camera counts sequence numbers per peer: start both sides at 0.
        socket_.writeDatagram(datagram(ControlCommand, sequence_, QByteArray(1, '\x01')), host_, port_);
    } else {
        const Job& job = jobs_.front();
        socket_.writeDatagram(datagram(job.type, sequence_, job.payload), host_, port_);
    }
    deadline_.start(timeout_);
}

void ViscaIpCamera::onReadyRead() {
    while (socket_.hasPendingDatagrams()) {
        QByteArray d(static_cast<int>(socket_.pendingDatagramSize()), '\0');
        socket_.readDatagram(d.data(), d.size());
        if (!busy_)
            continue; // late: the deadline decides
        const auto message = visca::parseDatagram(d);
        if (!message)
            continue; // garbage: the deadline decides
        if (!sequenceReset_) {
            if (message->type == ControlReply && message->sequence == sequence_) {
                sequenceReset_ = true;
                ++sequence_; // commands follow the reset's number
                deadline_.stop();
                sendNext();
            }
            continue;
        }
        if (message->type != Reply || message->sequence != sequence_)
            continue;
        const visca::Reply reply = visca::classifyReply(message->payload);
        if (reply.kind == visca::Reply::Kind::Ack) { // the command was accepted; completion follows
            acked_ = true;
            continue;
        }
        if (reply.kind == visca::Reply::Kind::Completion) {
            CameraResult r = CameraResult::success();
            r.answer = message->payload;
            finish(r);
            return;
        }
        if (reply.kind == visca::Reply::Kind::Error) {
            finish(CameraResult::failure(
                tr("The camera refused the command: %1.").arg(describe(reply.errorCode))));
            return;
        }
    }
}

void ViscaIpCamera::finish(CameraResult result) {
    deadline_.stop();
    busy_ = false;
    if (jobs_.empty())
        return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    if (result.ok) {
        ++sequence_;
    } else {
        // After silence or an error, start afresh: the camera may have restarted meanwhile.
        sequenceReset_ = false;
        sequence_ = 0;
    }
    if (job.done)
        job.done(result); // may queue more
    if (!busy_)
        sendNext();
}

QString ViscaIpCamera::describe(quint8 code) const {
    switch (code) {
    case 0x01:
        return tr("message length error");
    case 0x02:
        return tr("syntax error");
    case 0x03:
        return tr("command buffer full");
    case 0x04:
        return tr("command cancelled");
    case 0x05:
        return tr("no socket");
    case 0x41:
        return tr("command not executable now");
    }
    return tr("error code %1").arg(code, 2, 16, QLatin1Char('0'));
}

} // namespace hntt::core::camera
