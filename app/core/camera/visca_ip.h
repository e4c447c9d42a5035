// Sony VISCA over IP (UDP, port 52381): an 8-byte header (payload type, payload length,
// sequence number, all big-endian) before each VISCA packet. The driver resets the camera's
// sequence number on first use, then sends one command at a time and waits for its ACK and
// completion (or inquiry reply). Everything is asynchronous on the owner's thread; a camera that
// does not answer, answers with an error or answers garbage gives a clear message within the
// timeout (2 s), never a hang.
#pragma once

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

struct CameraResult {
    bool ok = false;
    QString error;     // translated, for the operator and the API's 502
    QByteArray answer; // the VISCA reply of an inquiry (without the IP header)
};

struct PanTiltPosition {
    int pan = 0;  // signed, camera units
    int tilt = 0; // signed, camera units
};

class ViscaIpCamera : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(const CameraResult&)>;

    static constexpr quint16 kDefaultPort = 52381;
    enum PayloadType : quint16 {
        Command = 0x0100,
        Inquiry = 0x0110,
        Reply = 0x0111,
        ControlCommand = 0x0200,
        ControlReply = 0x0201,
    };

    ViscaIpCamera(const QHostAddress& host, quint16 port = kDefaultPort, QObject* parent = nullptr);

    void setTimeout(std::chrono::milliseconds t) { timeout_ = t; }

    // Continuous move at speeds in -1..1 (pan: right positive, tilt: up positive, zoom: tele
    // positive); 0 stops that axis.
    void move(double pan, double tilt, double zoom, Callback done);
    void stop(Callback done);
    // Presets are numbered from 1 as operators speak of them; VISCA memories from 0.
    void recallPreset(int preset, Callback done);
    void storePreset(int preset, Callback done);
    void setZoom(int position, Callback done); // absolute, 0 (wide) .. 0x4000 (tele)
    void queryPanTilt(std::function<void(std::optional<PanTiltPosition>, QString error)> done);

    // The datagram of one message: header + payload. Public for tests and simulators.
    static QByteArray datagram(quint16 type, quint32 sequence, const QByteArray& payload);
    // The VISCA packets the driver sends.
    static QByteArray panTiltDrive(double pan, double tilt);
    static QByteArray zoomDrive(double zoom);
    static QByteArray memory(bool store, int preset);
    static QByteArray zoomDirect(int position);

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
    std::chrono::milliseconds timeout_{2000};
    std::deque<Job> jobs_;
    bool busy_ = false;
    bool sequenceReset_ = false;
    bool acked_ = false;
    quint32 sequence_ = 0;
};

} // namespace hntt::core::camera
