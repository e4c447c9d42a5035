#include "core/camera/onvif_ptz.h"

#include <QDateTime>
#include <QMetaObject>
#include <QPointer>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace hntt::core::camera {

namespace {

// Camera clocks that differ from ours by less than this are taken as ours: their one-second
// resolution would otherwise move "Created" around for nothing.
constexpr qint64 kClockSlackMs = 2000;

std::optional<double> toNumber(const QString& s) {
    bool ok = false;
    const double v = s.toDouble(&ok);
    return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

} // namespace

OnvifPtzCamera::OnvifPtzCamera(const QUrl& deviceUrl, const QString& username, const QString& password,
                               QObject* parent)
    : CameraDriver(parent)
    , deviceUrl_(deviceUrl.adjusted(QUrl::RemoveUserInfo))
    , credentials_{username, password}
    , http_(this) {
    deadline_.setSingleShot(true);
    connect(&deadline_, &QTimer::timeout, this, [this] {
        fail(tr("The camera at %1 did not answer within %2 s.").arg(where()).arg(timeout_.count() / 1000.0));
    });
}

OnvifPtzCamera::~OnvifPtzCamera() = default;

// ------------------------------------------------------------------------------------ commands

void OnvifPtzCamera::move(double pan, double tilt, double zoom, Callback done) {
    pan = std::clamp(pan, -1.0, 1.0);
    tilt = std::clamp(tilt, -1.0, 1.0);
    zoom = std::clamp(zoom, -1.0, 1.0);
    if (pan == 0 && tilt == 0 && zoom == 0) {
        stop(std::move(done));
        return;
    }
    enqueue(
        [this, pan, tilt, zoom] {
            ready([this, pan, tilt, zoom] {
                call(ptzUrl_, onvif::kPtzNs, "ContinuousMove",
                     QStringLiteral("<tptz:ContinuousMove>%1<tptz:Velocity><tt:PanTilt x=\"%2\" y=\"%3\"/>"
                                    "<tt:Zoom x=\"%4\"/></tptz:Velocity></tptz:ContinuousMove>")
                         .arg(profileXml(), number(pan), number(tilt), number(zoom)),
                     "ContinuousMoveResponse", [this](const Payload&) { succeed(); });
            });
        },
        std::move(done));
}

void OnvifPtzCamera::stop(Callback done) {
    enqueue(
        [this] {
            ready([this] {
                call(
                    ptzUrl_, onvif::kPtzNs, "Stop",
                    QStringLiteral("<tptz:Stop>%1<tptz:PanTilt>true</tptz:PanTilt><tptz:Zoom>true</tptz:Zoom>"
                                   "</tptz:Stop>")
                        .arg(profileXml()),
                    "StopResponse", [this](const Payload&) { succeed(); });
            });
        },
        std::move(done));
}

void OnvifPtzCamera::recallPreset(int preset, Callback done) {
    enqueue(
        [this, preset] {
            ready([this, preset] {
                findPreset(preset, [this, preset](const QString& token) {
                    if (token.isEmpty()) {
                        fail(tr("The camera at %1 has no preset %2.").arg(where()).arg(preset));
                        return;
                    }
                    call(ptzUrl_, onvif::kPtzNs, "GotoPreset",
                         QStringLiteral("<tptz:GotoPreset>%1<tptz:PresetToken>%2</tptz:PresetToken>"
                                        "</tptz:GotoPreset>")
                             .arg(profileXml(), onvif::escaped(token)),
                         "GotoPresetResponse", [this](const Payload&) { succeed(); });
                });
            });
        },
        std::move(done));
}

void OnvifPtzCamera::storePreset(int preset, Callback done) {
    enqueue(
        [this, preset] {
            ready([this, preset] {
                findPreset(preset, [this, preset](const QString& token) {
                    // Overwrite the camera's preset n where there is one; otherwise make it.
                    const QString tokenXml = token.isEmpty()
                                                 ? QString()
                                                 : QStringLiteral("<tptz:PresetToken>%1</tptz:PresetToken>")
                                                       .arg(onvif::escaped(token));
                    call(ptzUrl_, onvif::kPtzNs, "SetPreset",
                         QStringLiteral("<tptz:SetPreset>%1<tptz:PresetName>%2</tptz:PresetName>%3"
                                        "</tptz:SetPreset>")
                             .arg(profileXml(), QString::number(preset), tokenXml),
                         "SetPresetResponse", [this](const Payload&) { succeed(); });
                });
            });
        },
        std::move(done));
}

void OnvifPtzCamera::zoomTo(double zoom, Callback done) {
    zoom = std::clamp(zoom, 0.0, 1.0);
    enqueue(
        [this, zoom] {
            ready([this, zoom] {
                if (!zoomSpace_) {
                    fail(tr("The camera at %1 cannot zoom to a set position; use the zoom buttons.")
                             .arg(where()),
                         true);
                    return;
                }
                const Range& r = zoomSpace_->x;
                const QString space =
                    zoomSpace_->uri.isEmpty()
                        ? QString()
                        : QStringLiteral(" space=\"%1\"").arg(onvif::escaped(zoomSpace_->uri));
                call(
                    ptzUrl_, onvif::kPtzNs, "AbsoluteMove",
                    QStringLiteral("<tptz:AbsoluteMove>%1<tptz:Position><tt:Zoom x=\"%2\"%3/></tptz:Position>"
                                   "</tptz:AbsoluteMove>")
                        .arg(profileXml(), number(r.min + zoom * (r.max - r.min)), space),
                    "AbsoluteMoveResponse", [this](const Payload&) { succeed(); });
            });
        },
        std::move(done));
}

void OnvifPtzCamera::queryPosition(Callback done) {
    enqueue(
        [this] {
            ready([this] {
                call(ptzUrl_, onvif::kPtzNs, "GetStatus",
                     QStringLiteral("<tptz:GetStatus>%1</tptz:GetStatus>").arg(profileXml()),
                     "GetStatusResponse", [this](const Payload& answer) {
                         const Payload* status = answer.child(u"PTZStatus");
                         const Payload* position = status ? status->child(u"Position") : nullptr;
                         if (!position) {
                             fail(tr("The camera at %1 does not report its position.").arg(where()), true);
                             return;
                         }
                         auto spaceOf = [](const std::vector<Space>& spaces, const QString& uri,
                                           const QString& fallback) -> std::optional<Space> {
                             for (const QString& u : {uri, fallback})
                                 for (const Space& s : spaces)
                                     if (!u.isEmpty() && s.uri == u)
                                         return s;
                             return spaces.empty() ? std::nullopt : std::optional<Space>(spaces.front());
                         };
                         CameraPosition p;
                         bool valid = true;
                         if (const Payload* pt = position->child(u"PanTilt")) {
                             const auto x = toNumber(pt->attribute(QStringLiteral("x")));
                             const auto y = toNumber(pt->attribute(QStringLiteral("y")));
                             const auto s = spaceOf(panTiltSpaces_, pt->attribute(QStringLiteral("space")),
                                                    defaultPanTiltSpace_);
                             valid = x && y;
                             if (valid) {
                                 p.pan = normalise(*x, s ? s->x : Range{-1, 1}, -1, 1);
                                 p.tilt = normalise(*y, s ? s->y : Range{-1, 1}, -1, 1);
                             }
                         }
                         if (const Payload* z = position->child(u"Zoom"); z && valid) {
                             const auto x = toNumber(z->attribute(QStringLiteral("x")));
                             const auto s = spaceOf(zoomSpaces_, z->attribute(QStringLiteral("space")),
                                                    defaultZoomSpace_);
                             valid = x.has_value();
                             if (valid)
                                 p.zoom = normalise(*x, s ? s->x : Range{0, 1}, 0, 1);
                         }
                         if (!valid) {
                             fail(tr("The camera at %1 gave a position that is not a number.").arg(where()));
                             return;
                         }
                         CameraResult result = CameraResult::success();
                         result.position = p;
                         complete(result);
                     });
            });
        },
        std::move(done));
}

// --------------------------------------------------------------------------------- the queue

void OnvifPtzCamera::enqueue(std::function<void()> run, Callback done) {
    jobs_.push_back({std::move(run), std::move(done)});
    if (!busy_) {
        busy_ = true;
        // Never answer inside the call, even when the answer is known at once.
        QMetaObject::invokeMethod(
            this, [this] { startNext(); }, Qt::QueuedConnection);
    }
}

void OnvifPtzCamera::startNext() {
    if (jobs_.empty()) {
        busy_ = false;
        return;
    }
    busy_ = true;
    ++generation_;
    jobDeadline_ = HttpPost::Clock::now() + timeout_;
    deadline_.start(timeout_);
    jobs_.front().run();
}

void OnvifPtzCamera::complete(CameraResult result) {
    if (!busy_ || jobs_.empty())
        return;
    deadline_.stop();
    ++generation_; // late answers of this command are dropped
    if (!result.ok && !result.unsupported)
        discovered_ = false; // the camera may have been restarted or replaced: learn it anew
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    const QPointer<OnvifPtzCamera> self(this);
    if (job.done)
        job.done(result);
    if (self)
        startNext();
}

// ------------------------------------------------------------------------------------- SOAP

void OnvifPtzCamera::call(const QUrl& service, const char* ns, const char* action, const QString& body,
                          const char* response, Next next, std::function<void()> onError, bool authenticate) {
    const quint64 generation = generation_;
    const QDateTime created = QDateTime::currentDateTimeUtc().addMSecs(clockOffsetMs_);
    const QByteArray message =
        onvif::envelope(body, authenticate ? credentials_ : onvif::Credentials{}, created);
    const QByteArray contentType =
        QByteArray("application/soap+xml; charset=utf-8; action=\"") + ns + '/' + action + '"';
    http_.post(
        service, contentType, message, jobDeadline_,
        [this, generation, action, response, next = std::move(next),
         onError = std::move(onError)](const HttpOutcome& o) {
            if (generation != generation_)
                return; // the command has ended meanwhile
            auto failWith = [&](const QString& error) {
                if (onError)
                    onError();
                else
                    fail(error);
            };
            const QString name = QLatin1String(action);
            if (o.kind != HttpOutcome::Kind::Answered) {
                failWith(describe(o));
                return;
            }
            if (o.status == 401) {
                failWith(tr("The camera at %1 refused the user name or password.").arg(where()));
                return;
            }
            const auto answer = onvif::parseSoap(o.body);
            if (answer && answer->fault) {
                const onvif::SoapFault& f = *answer->fault;
                if (f.subcode.contains(QLatin1String("NotAuthorized")) ||
                    f.subcode.contains(QLatin1String("FailedAuthentication")) ||
                    f.code.contains(QLatin1String("FailedAuthentication"))) {
                    failWith(tr("The camera at %1 refused the user name or password.").arg(where()));
                    return;
                }
                const QString reason = !f.reason.isEmpty()    ? f.reason
                                       : !f.subcode.isEmpty() ? f.subcode
                                                              : f.code;
                failWith(tr("The camera at %1 refused %2: %3").arg(where(), name, reason));
                return;
            }
            if (o.status < 200 || o.status > 299) {
                failWith(
                    tr("The camera at %1 answered %2 with HTTP status %3.").arg(where(), name).arg(o.status));
                return;
            }
            if (!answer || !answer->payload || answer->payload->name != QLatin1String(response)) {
                failWith(tr("The camera at %1 answered %2 with something that is not an ONVIF answer.")
                             .arg(where(), name));
                return;
            }
            next(*answer->payload);
        });
}

QString OnvifPtzCamera::describe(const HttpOutcome& outcome) const {
    switch (outcome.kind) {
    case HttpOutcome::Kind::TimedOut:
        return tr("The camera at %1 did not answer within %2 s.").arg(where()).arg(timeout_.count() / 1000.0);
    case HttpOutcome::Kind::Unreachable:
        return tr("Cannot reach the camera at %1: %2.").arg(where(), outcome.detail);
    case HttpOutcome::Kind::Malformed:
        return tr("The camera at %1 answered with something that is not HTTP (%2).")
            .arg(where(), outcome.detail);
    case HttpOutcome::Kind::Answered:
        break;
    }
    return {};
}

// -------------------------------------------------------------------------------- discovery

void OnvifPtzCamera::ready(std::function<void()> next) {
    if (discovered_) {
        next();
        return;
    }
    // The camera's clock first (asked without credentials, as ONVIF allows): a UsernameToken
    // whose "Created" is far from the camera's own time is refused.
    call(
        deviceUrl_, onvif::kDeviceNs, "GetSystemDateAndTime", QStringLiteral("<tds:GetSystemDateAndTime/>"),
        "GetSystemDateAndTimeResponse",
        [this, next](const Payload& answer) {
            clockOffsetMs_ = 0;
            if (const Payload* utc = answer.find(u"UTCDateTime")) {
                const Payload* date = utc->child(u"Date");
                const Payload* time = utc->child(u"Time");
                if (date && time) {
                    const QDateTime camera(
                        QDate(date->childText(u"Year").toInt(), date->childText(u"Month").toInt(),
                              date->childText(u"Day").toInt()),
                        QTime(time->childText(u"Hour").toInt(), time->childText(u"Minute").toInt(),
                              time->childText(u"Second").toInt()),
                        QTimeZone::utc());
                    const qint64 offset =
                        camera.isValid() ? QDateTime::currentDateTimeUtc().msecsTo(camera) : 0;
                    if (std::abs(offset) > kClockSlackMs)
                        clockOffsetMs_ = offset;
                }
            }
            readCapabilities(next);
        },
        [this, next] {
            clockOffsetMs_ = 0; // a camera that will not tell its time: ours it is
            readCapabilities(next);
        },
        false);
}

void OnvifPtzCamera::readCapabilities(std::function<void()> next) {
    call(
        deviceUrl_, onvif::kDeviceNs, "GetCapabilities",
        QStringLiteral("<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>"),
        "GetCapabilitiesResponse",
        [this, next](const Payload& answer) {
            const Payload* caps = answer.child(u"Capabilities");
            const Payload* media = caps ? caps->child(u"Media") : nullptr;
            const Payload* ptz = caps ? caps->child(u"PTZ") : nullptr;
            mediaUrl_ = media ? serviceUrl(media->childText(u"XAddr")) : QUrl();
            ptzUrl_ = ptz ? serviceUrl(ptz->childText(u"XAddr")) : QUrl();
            if (mediaUrl_.isEmpty() || ptzUrl_.isEmpty()) {
                readServices(next); // newer devices list some services only there
                return;
            }
            readProfile(next);
        },
        [this, next] { readServices(next); });
}

void OnvifPtzCamera::readServices(std::function<void()> next) {
    call(deviceUrl_, onvif::kDeviceNs, "GetServices",
         QStringLiteral(
             "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>"),
         "GetServicesResponse", [this, next](const Payload& answer) {
             for (const Payload* service : answer.childrenNamed(u"Service")) {
                 const QString ns = service->childText(u"Namespace");
                 if (ns == QLatin1String(onvif::kMediaNs))
                     mediaUrl_ = serviceUrl(service->childText(u"XAddr"));
                 else if (ns == QLatin1String(onvif::kPtzNs))
                     ptzUrl_ = serviceUrl(service->childText(u"XAddr"));
             }
             if (ptzUrl_.isEmpty()) {
                 fail(tr("The camera at %1 has no pan, tilt and zoom (no ONVIF PTZ service).").arg(where()),
                      true);
                 return;
             }
             if (mediaUrl_.isEmpty()) {
                 fail(tr("The camera at %1 has no ONVIF media service.").arg(where()));
                 return;
             }
             readProfile(next);
         });
}

void OnvifPtzCamera::readProfile(std::function<void()> next) {
    call(mediaUrl_, onvif::kMediaNs, "GetProfiles", QStringLiteral("<trt:GetProfiles/>"),
         "GetProfilesResponse", [this, next](const Payload& answer) {
             profileToken_.clear();
             for (const Payload* profile : answer.childrenNamed(u"Profiles")) {
                 const Payload* ptz = profile->child(u"PTZConfiguration");
                 if (!ptz || profile->attribute(QStringLiteral("token")).isEmpty())
                     continue;
                 profileToken_ = profile->attribute(QStringLiteral("token"));
                 nodeToken_ = ptz->childText(u"NodeToken");
                 // (sic) the schema's spelling
                 defaultPanTiltSpace_ = ptz->childText(u"DefaultAbsolutePantTiltPositionSpace");
                 defaultZoomSpace_ = ptz->childText(u"DefaultAbsoluteZoomPositionSpace");
                 break;
             }
             if (profileToken_.isEmpty()) {
                 fail(tr("The camera at %1 has no media profile with pan, tilt and zoom.").arg(where()),
                      true);
                 return;
             }
             readNode(next);
         });
}

void OnvifPtzCamera::readNode(std::function<void()> next) {
    panTiltSpaces_.clear();
    zoomSpaces_.clear();
    zoomSpace_.reset();
    auto learnt = [this, next] {
        // The space absolute zoom is sent in: the configuration's default, else the generic one,
        // else whichever the node has.
        for (const Space& s : zoomSpaces_)
            if (!defaultZoomSpace_.isEmpty() && s.uri == defaultZoomSpace_)
                zoomSpace_ = s;
        for (const Space& s : zoomSpaces_)
            if (!zoomSpace_ && s.uri.endsWith(QLatin1String("PositionGenericSpace")))
                zoomSpace_ = s;
        if (!zoomSpace_ && !zoomSpaces_.empty())
            zoomSpace_ = zoomSpaces_.front();
        discovered_ = true;
        next();
    };
    if (nodeToken_.isEmpty()) {
        learnt(); // no node to ask: moves and presets still work, absolute zoom does not
        return;
    }
    call(
        ptzUrl_, onvif::kPtzNs, "GetNode",
        QStringLiteral("<tptz:GetNode><tptz:NodeToken>%1</tptz:NodeToken></tptz:GetNode>")
            .arg(onvif::escaped(nodeToken_)),
        "GetNodeResponse",
        [this, learnt](const Payload& answer) {
            const Payload* node = answer.child(u"PTZNode");
            const Payload* spaces = node ? node->child(u"SupportedPTZSpaces") : nullptr;
            if (spaces) {
                for (const Payload* s : spaces->childrenNamed(u"AbsolutePanTiltPositionSpace"))
                    if (auto space = readSpace(s))
                        panTiltSpaces_.push_back(*space);
                for (const Payload* s : spaces->childrenNamed(u"AbsoluteZoomPositionSpace"))
                    if (auto space = readSpace(s))
                        zoomSpaces_.push_back(*space);
            }
            learnt();
        },
        learnt);
}

void OnvifPtzCamera::findPreset(int preset, std::function<void(const QString& token)> next) {
    call(ptzUrl_, onvif::kPtzNs, "GetPresets",
         QStringLiteral("<tptz:GetPresets>%1</tptz:GetPresets>").arg(profileXml()), "GetPresetsResponse",
         [next, preset](const Payload& answer) {
             const QString n = QString::number(preset);
             const auto presets = answer.childrenNamed(u"Preset");
             // By name first (what SetPreset gave it), then by token (presets made on the camera).
             for (const Payload* p : presets)
                 if (p->childText(u"Name") == n && !p->attribute(QStringLiteral("token")).isEmpty())
                     return next(p->attribute(QStringLiteral("token")));
             for (const Payload* p : presets)
                 if (p->attribute(QStringLiteral("token")) == n)
                     return next(n);
             next({});
         });
}

// ---------------------------------------------------------------------------------- helpers

QUrl OnvifPtzCamera::serviceUrl(const QString& xaddr) const {
    const QUrl address(xaddr.trimmed());
    if (!address.isValid() || address.path().isEmpty())
        return {};
    // The path is the camera's; host and port stay the ones we reach it at, since a camera
    // behind NAT or a port mapping announces addresses that are only valid on its own network.
    QUrl url = deviceUrl_;
    url.setPath(address.path(QUrl::FullyEncoded), QUrl::TolerantMode);
    url.setQuery(address.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    return url;
}

QString OnvifPtzCamera::where() const {
    return deviceUrl_.host() + QLatin1Char(':') + QString::number(deviceUrl_.port(80));
}

QString OnvifPtzCamera::profileXml() const {
    return QStringLiteral("<tptz:ProfileToken>%1</tptz:ProfileToken>").arg(onvif::escaped(profileToken_));
}

QString OnvifPtzCamera::number(double v) {
    QString s = QString::number(std::round(v * 10000) / 10000, 'f', 4);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

std::optional<OnvifPtzCamera::Space> OnvifPtzCamera::readSpace(const Payload* element) {
    Space s;
    s.uri = element->childText(u"URI");
    auto range = [](const Payload* r, Range fallback) {
        if (!r)
            return fallback;
        const auto lo = toNumber(r->childText(u"Min"));
        const auto hi = toNumber(r->childText(u"Max"));
        return lo && hi && *hi > *lo ? Range{*lo, *hi} : fallback;
    };
    const bool zoom = element->name == QLatin1String("AbsoluteZoomPositionSpace");
    s.x = range(element->child(u"XRange"), zoom ? Range{0, 1} : Range{-1, 1});
    s.y = range(element->child(u"YRange"), Range{-1, 1});
    return s;
}

double OnvifPtzCamera::normalise(double v, const Range& r, double lo, double hi) {
    if (r.max <= r.min)
        return std::clamp(v, lo, hi);
    return std::clamp(lo + (v - r.min) / (r.max - r.min) * (hi - lo), lo, hi);
}

} // namespace hntt::core::camera
