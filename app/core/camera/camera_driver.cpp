#include "core/camera/camera_driver.h"

#include "core/camera/onvif_ptz.h"
#include "core/camera/simulated_camera.h"
#include "core/camera/visca_ip.h"

#include <QHostAddress>
#include <QUrl>

namespace hntt::core::camera {

std::unique_ptr<CameraDriver> makeCameraDriver(const QJsonObject& settings, QString* error,
                                               std::function<void(const CameraPosition&)> steer) {
    auto refuse = [error](const QString& why) -> std::unique_ptr<CameraDriver> {
        if (error)
            *error = why;
        return nullptr;
    };
    const QString protocol = settings.value(QLatin1String("protocol")).toString();
    if (protocol == QLatin1String("visca-ip")) {
        const QHostAddress host(settings.value(QLatin1String("host")).toString());
        const int port = settings.value(QLatin1String("port")).toInt(ViscaIpCamera::kDefaultPort);
        if (host.isNull() || port < 1 || port > 65535)
            return refuse(CameraDriver::tr("The camera has no valid IP address and port."));
        ViscaIpCamera::Travel travel;
        auto limit = [&settings](const char* key, int fallback) {
            const int v = settings.value(QLatin1String(key)).toInt(fallback);
            return v > 0 && v <= 0xFFFF ? v : fallback;
        };
        travel.panLimit = limit("pan_limit", travel.panLimit);
        travel.tiltLimit = limit("tilt_limit", travel.tiltLimit);
        travel.zoomMax = limit("zoom_max", travel.zoomMax);
        auto camera = std::make_unique<ViscaIpCamera>(host, static_cast<quint16>(port));
        camera->setTravel(travel);
        return camera;
    }
    if (protocol == QLatin1String("onvif")) {
        const QUrl url(settings.value(QLatin1String("url")).toString(), QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty())
            return refuse(CameraDriver::tr("The camera's ONVIF address must be the http:// address of its "
                                           "device service."));
        // Credentials written into the address count when the fields are empty.
        QString username = settings.value(QLatin1String("username")).toString();
        QString password = settings.value(QLatin1String("password")).toString();
        if (username.isEmpty()) {
            username = url.userName();
            password = url.password();
        }
        return std::make_unique<OnvifPtzCamera>(url, username, password);
    }
    if (protocol == QLatin1String("simulated") && steer)
        return std::make_unique<SimulatedCamera>(std::move(steer));
    return refuse(CameraDriver::tr("Cameras of protocol \"%1\" cannot be steered.").arg(protocol));
}

} // namespace hntt::core::camera
