// Sony VISCA over IP (UDP, port 52381): an 8-byte header (payload type, payload length,
// sequence number, all big-endian) before each VISCA packet. The driver resets the camera's
// sequence number on first use, then sends one command at a time and waits for its ACK and
// completion (or inquiry reply). Everything is asynchronous on the owner's thread; a camera that
// does not answer, answers with an error or answers garbage gives a clear message within the
// timeout (2 s), never a hang.
#pragma once

#include "core/camera/camera_driver.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>
#include <chrono>
#include <deque>
#include <functional>
#include <optional>

namespace hntt::core::camera {

struct PanTiltPosition {
    int pan = 0;  // signed, camera units
    int tilt = 0; // signed, camera units
};

class ViscaIpCamera : public CameraDriver {
    Q_OBJECT

public:
    static constexpr quint16 kDefaultPort = 52381;
    // The travel a position is normalised against. VISCA positions are in camera units whose
    // range differs between models; these defaults are the common OEM PTZ cameras'
    // (pan ±0x0990, tilt ±0x04B0, zoom 0..0x4000). A site's camera settings may override them.
    struct Travel {
        int panLimit = 0x0990;
        int tiltLimit = 0x04B0;
        int zoomMax = 0x4000;
    };
    enum PayloadType : quint16 {
        Command = 0x0100,
        Inquiry = 0x0110,
        Reply = 0x0111,
        ControlCommand = 0x0200,
        ControlReply = 0x0201,
    };

    ViscaIpCamera(const QHostAddress& host, quint16 port = kDefaultPort, QObject* parent = nullptr);

    void setTimeout(std::chrono::milliseconds t) override { timeout_ = t; }
    void setTravel(const Travel& travel) { travel_ = travel; }

    void move(double pan, double tilt, double zoom, Callback done) override;
    void stop(Callback done) override;
    // VISCA memories are numbered from 0: preset 1 is memory 0.
    void recallPreset(int preset, Callback done) override;
    void storePreset(int preset, Callback done) override;
    // 0..1 of the travel's zoomMax (CAM_Zoom Direct).
    void zoomTo(double zoom, Callback done) override;
    // Pan-tilt then zoom position inquiry, normalised against the travel.
    void queryPosition(Callback done) override;

    void setZoom(int position, Callback done); // absolute, camera units 0 (wide) .. 0x4000 (tele)
    void queryPanTilt(std::function<void(std::optional<PanTiltPosition>, QString error)> done);
    void queryZoom(std::function<void(std::optional<int>, QString error)> done); // camera units

    // The datagram of one message: header + payload. Public for tests and simulators.
    static QByteArray datagram(quint16 type, quint32 sequence, const QByteArray& payload);
    // The VISCA packets the driver sends.
    static QByteArray panTiltDrive(double pan, double tilt);
    static QByteArray zoomDrive(double zoom);
    static QByteArray memory(bool store, int preset);
    static QByteArray zoomDirect(int position);
    static QByteArray panTiltPositionInquiry();
    static QByteArray zoomPositionInquiry();

private:
    struct Job {
        quint16 type = Command;
        QByteArray payload;
        Callback done;
    };

    void enqueue(quint16 type, QByteArray payload, Callback done);
    void sendNext();
    void onReadyRead();
    void finish(CameraResult result);
    QString describe(quint8 errorCode) const;

    QHostAddress host_;
    quint16 port_;
    QUdpSocket socket_;
    QTimer deadline_;
    std::chrono::milliseconds timeout_{kDefaultTimeout};
    Travel travel_;
    std::deque<Job> jobs_;
    bool busy_ = false;
    bool sequenceReset_ = false;
    bool acked_ = false;
    quint32 sequence_ = 0;
};

} // namespace hntt::core::camera
