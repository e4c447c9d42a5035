// An ONVIF PTZ camera: SOAP 1.2 over HTTP with a WS-Security UsernameToken (PasswordDigest, a
// fresh nonce each request, the camera's clock for "Created"). On first use it learns the Media
// and PTZ service addresses from the device service (GetCapabilities, or GetServices for devices
// without it), the profile from Media GetProfiles (the first with a PTZ configuration) and the
// node's position spaces (GetNode). Then ContinuousMove, Stop, GotoPreset/SetPreset (our preset n
// is the camera's preset named or tokened "n"), AbsoluteMove of the zoom and GetStatus.
//
// Commands run one after another; each, discovery included, answers within the timeout (2 s)
// with a translated message for silence, SOAP faults, HTTP errors (401: credentials refused) and
// garbage. The password is never part of a message.
#pragma once

#include "core/camera/camera_driver.h"
#include "core/camera/onvif_soap.h"
#include "net/http_post.h"

#include <QTimer>
#include <QUrl>
#include <deque>
#include <optional>

namespace hntt::core::camera {

using net::HttpOutcome;
using net::HttpPost;

class OnvifPtzCamera : public CameraDriver {
    Q_OBJECT

public:
    // deviceUrl: the device service, e.g. http://10.0.0.5/onvif/device_service.
    OnvifPtzCamera(const QUrl& deviceUrl, const QString& username, const QString& password,
                   QObject* parent = nullptr);
    ~OnvifPtzCamera() override;

    void setTimeout(std::chrono::milliseconds t) override { timeout_ = t; }

    void move(double pan, double tilt, double zoom, Callback done) override;
    void stop(Callback done) override;
    void recallPreset(int preset, Callback done) override;
    void storePreset(int preset, Callback done) override;
    void zoomTo(double zoom, Callback done) override;
    void queryPosition(Callback done) override;

private:
    struct Range {
        double min = -1;
        double max = 1;
    };
    struct Space {
        QString uri;
        Range x;
        Range y;
    };
    struct Job {
        std::function<void()> run;
        Callback done;
    };
    using Payload = onvif::XmlElement;
    using Next = std::function<void(const Payload&)>;

    void enqueue(std::function<void()> run, Callback done);
    void startNext();
    // Ends the current command with `result` and starts the next.
    void complete(CameraResult result);
    void fail(const QString& error, bool unsupported = false) {
        complete(CameraResult::failure(error, unsupported));
    }
    void succeed() { complete(CameraResult::success()); }

    // One SOAP call of the current command. `next` gets the answer's `response` element; any
    // failure ends the command, unless `onError` takes it.
    void call(const QUrl& service, const char* ns, const char* action, const QString& body,
              const char* response, Next next, std::function<void()> onError = {}, bool authenticate = true);
    QString describe(const HttpOutcome& outcome) const;

    // Runs `next` once the services, profile and node are known.
    void ready(std::function<void()> next);
    void readCapabilities(std::function<void()> next);
    void readServices(std::function<void()> next);
    void readProfile(std::function<void()> next);
    void readNode(std::function<void()> next);
    // The camera's token of our preset n, or empty.
    void findPreset(int preset, std::function<void(const QString& token)> next);

    QUrl serviceUrl(const QString& xaddr) const;
    QString where() const; // the camera as named in messages: scheme://host:port, no credentials
    QString profileXml() const;
    static QString number(double v);
    static std::optional<Space> readSpace(const Payload* element);
    static double normalise(double v, const Range& r, double lo, double hi);

    QUrl deviceUrl_;
    onvif::Credentials credentials_;
    std::chrono::milliseconds timeout_{kDefaultTimeout};
    HttpPost http_;
    QTimer deadline_;
    std::deque<Job> jobs_;
    bool busy_ = false;
    quint64 generation_ = 0; // of the running command: answers for an ended one are dropped
    HttpPost::Clock::time_point jobDeadline_;

    // Learnt on first use; forgotten after a failure, so a replaced camera is learnt anew.
    bool discovered_ = false;
    qint64 clockOffsetMs_ = 0; // camera clock minus ours
    QUrl mediaUrl_;
    QUrl ptzUrl_;
    QString profileToken_;
    QString nodeToken_;
    QString defaultPanTiltSpace_;
    QString defaultZoomSpace_;
    std::vector<Space> panTiltSpaces_;
    std::vector<Space> zoomSpaces_;
    std::optional<Space> zoomSpace_; // the absolute zoom space used, if the node has one
};

} // namespace hntt::core::camera
