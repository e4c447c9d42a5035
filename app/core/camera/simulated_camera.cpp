#include "core/camera/simulated_camera.h"

#include <algorithm>

namespace hntt::core::camera {

SimulatedCamera::SimulatedCamera(Steer steer, QObject* parent)
    : CameraDriver(parent)
    , steer_(std::move(steer)) {
    ticker_.setInterval(kStepMs);
    connect(&ticker_, &QTimer::timeout, this, &SimulatedCamera::step);
}

void SimulatedCamera::move(double pan, double tilt, double zoom, Callback done) {
    speed_ = {std::clamp(pan, -1.0, 1.0), std::clamp(tilt, -1.0, 1.0), std::clamp(zoom, -1.0, 1.0)};
    if (speed_.pan == 0 && speed_.tilt == 0 && speed_.zoom == 0) {
        ticker_.stop();
    } else if (!ticker_.isActive()) {
        sinceStep_.start();
        ticker_.start();
    }
    answer(std::move(done), CameraResult::success());
}

void SimulatedCamera::stop(Callback done) {
    step(); // up to the moment of the stop
    speed_ = {};
    ticker_.stop();
    answer(std::move(done), CameraResult::success());
}

void SimulatedCamera::recallPreset(int preset, Callback done) {
    speed_ = {};
    ticker_.stop();
    setPosition(presets_.value(preset, CameraPosition{}));
    answer(std::move(done), CameraResult::success());
}

void SimulatedCamera::storePreset(int preset, Callback done) {
    presets_.insert(preset, position_);
    answer(std::move(done), CameraResult::success());
}

void SimulatedCamera::zoomTo(double zoom, Callback done) {
    CameraPosition p = position_;
    p.zoom = std::clamp(zoom, 0.0, 1.0);
    setPosition(p);
    answer(std::move(done), CameraResult::success());
}

void SimulatedCamera::queryPosition(Callback done) {
    CameraResult r = CameraResult::success();
    r.position = position_;
    answer(std::move(done), r);
}

void SimulatedCamera::step() {
    if (!ticker_.isActive())
        return;
    const double seconds = static_cast<double>(sinceStep_.restart()) / 1000.0;
    // Zoomed in, a real camera pans more slowly across the picture; so does this one.
    const double reach = kTravelPerSecond * seconds / (1 + 3 * position_.zoom);
    CameraPosition p = position_;
    p.pan = std::clamp(p.pan + speed_.pan * reach * 2, -1.0, 1.0);
    p.tilt = std::clamp(p.tilt + speed_.tilt * reach * 2, -1.0, 1.0);
    p.zoom = std::clamp(p.zoom + speed_.zoom * kTravelPerSecond * seconds, 0.0, 1.0);
    setPosition(p);
}

void SimulatedCamera::setPosition(const CameraPosition& p) {
    position_ = p;
    if (steer_)
        steer_(position_);
}

void SimulatedCamera::answer(Callback done, CameraResult result) {
    QTimer::singleShot(0, this, [done = std::move(done), result = std::move(result)] {
        if (done)
            done(result);
    });
}

} // namespace hntt::core::camera
