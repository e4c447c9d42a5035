// The one interface the core steers a camera through, whatever its protocol (VISCA over IP,
// ONVIF PTZ). Every command returns at once; its callback runs later on the thread the driver
// lives on (its creator's), never inside the call. Commands are carried out one after another.
// A camera that stays silent, refuses or answers garbage gives a translated message within the
// driver's timeout (2 s), never a hang.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace hntt::core::camera {

// Where a camera looks, normalised to its travel: pan -1 (left end) .. 1 (right end), tilt -1
// (down) .. 1 (up), zoom 0 (wide) .. 1 (tele).
struct CameraPosition {
    double pan = 0;
    double tilt = 0;
    double zoom = 0;
};

struct CameraResult {
    bool ok = false;
    QString error; // translated, for the operator and the API's answer
    // The camera cannot do this at all (e.g. it has no absolute zoom), as opposed to failing now.
    bool unsupported = false;
    QByteArray answer;                      // VISCA: the reply of an inquiry (without the IP header)
    std::optional<CameraPosition> position; // queryPosition's answer

    static CameraResult success() {
        CameraResult r;
        r.ok = true;
        return r;
    }
    static CameraResult failure(QString error, bool unsupported = false) {
        CameraResult r;
        r.error = std::move(error);
        r.unsupported = unsupported;
        return r;
    }
};

class CameraDriver : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(const CameraResult&)>;
    static constexpr std::chrono::milliseconds kDefaultTimeout{2000};

    using QObject::QObject;
    ~CameraDriver() override = default;

    // How long one command may take before it fails as unanswered.
    virtual void setTimeout(std::chrono::milliseconds t) = 0;

    // Continuous move at speeds in -1..1 (pan: right positive, tilt: up positive, zoom: tele
    // positive); 0 stops that axis, all three 0 stops the camera.
    virtual void move(double pan, double tilt, double zoom, Callback done) = 0;
    virtual void stop(Callback done) = 0;
    // Presets are numbered from 1 as operators speak of them.
    virtual void recallPreset(int preset, Callback done) = 0;
    virtual void storePreset(int preset, Callback done) = 0;
    // Absolute zoom, 0 (wide) .. 1 (tele). A camera that cannot: `unsupported`.
    virtual void zoomTo(double zoom, Callback done) = 0;
    // Where the camera looks now, in CameraResult::position.
    virtual void queryPosition(Callback done) = 0;
};

// The driver for a site's camera settings: {"protocol": "visca-ip", "host", "port"} (optionally
// "pan_limit", "tilt_limit", "zoom_max" in camera units), {"protocol": "onvif", "url",
// "username", "password"} or {"protocol": "simulated"} (steers the site's test picture through
// `steer`). nullptr and a translated reason when the settings are unusable.
std::unique_ptr<CameraDriver> makeCameraDriver(const QJsonObject& settings, QString* error,
                                               std::function<void(const CameraPosition&)> steer = {});

} // namespace hntt::core::camera
