// A camera without hardware, for the demo and for trying the camera panel: it steers the simulated
// camera of a site's test picture (the engine pans, tilts and zooms the bars). It moves like a PTZ
// camera: continuous moves at the given speed (the whole pan travel in about four seconds at full
// speed), presets stored and recalled (preset 1, unset, is home), absolute zoom and position
// queries. Every answer comes on the next turn of the event loop, never inside the call.
#pragma once

#include "core/camera/camera_driver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <functional>

namespace hntt::core::camera {

class SimulatedCamera : public CameraDriver {
    Q_OBJECT

public:
    // Receives every new position (to steer the picture).
    using Steer = std::function<void(const CameraPosition&)>;
    static constexpr double kTravelPerSecond = 0.5; // of the -1..1 pan travel at full speed
    static constexpr int kStepMs = 40;

    explicit SimulatedCamera(Steer steer, QObject* parent = nullptr);

    void setTimeout(std::chrono::milliseconds) override {}
    void move(double pan, double tilt, double zoom, Callback done) override;
    void stop(Callback done) override;
    void recallPreset(int preset, Callback done) override;
    void storePreset(int preset, Callback done) override;
    void zoomTo(double zoom, Callback done) override;
    void queryPosition(Callback done) override;

    const CameraPosition& position() const { return position_; }

private:
    void step();
    void setPosition(const CameraPosition& p);
    void answer(Callback done, CameraResult result);

    Steer steer_;
    CameraPosition position_;
    CameraPosition speed_;
    QHash<int, CameraPosition> presets_;
    QTimer ticker_;
    QElapsedTimer sinceStep_;
};

} // namespace hntt::core::camera
