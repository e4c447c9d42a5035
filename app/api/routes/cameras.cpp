// A site's camera: moves, stop, absolute zoom, presets and where it looks. These answer when the
// camera has (or within its driver's timeout): the handlers keep the responder and reply later.
#include "api/api_errors.h"
#include "api/routes/route_support.h"
#include "api/routes/routes.h"
#include "core/session/session.h"

#include <cmath>

namespace hntt::api::routes {

namespace {

using Action = core::Session::CameraAction;

// The command's speeds (Move) or zoom position (ZoomTo) from the body; none for the others.
core::Session::CameraMove cameraMove(Action action, const Request& req) {
    core::Session::CameraMove move;
    if (action == Action::Move) {
        const QJsonObject body = parseObject(req);
        move.pan = optNumber(body, "pan").value_or(0);
        move.tilt = optNumber(body, "tilt").value_or(0);
        move.zoom = optNumber(body, "zoom").value_or(0);
    } else if (action == Action::ZoomTo) {
        const auto zoom = optNumber(parseObject(req), "zoom");
        if (!zoom)
            throw BadRequest{QStringLiteral("'zoom' is required.")};
        move.zoom = *zoom;
    }
    return move;
}

// One camera command; `preset` is read from the path for the preset actions.
RouteHandler command(core::Session& session, Action action) {
    return [&session, action](const Request& req, const PathParams& p, Responder reply) {
        const core::Session::CameraMove move = cameraMove(action, req);
        if (action == Action::Move &&
            (std::abs(move.pan) > 1 || std::abs(move.tilt) > 1 || std::abs(move.zoom) > 1)) {
            reply(errorResponse(422, "unprocessable", "Speeds are between -1 and 1."));
            return;
        }
        if (action == Action::ZoomTo && !(move.zoom >= 0 && move.zoom <= 1)) {
            reply(errorResponse(422, "unprocessable", "The zoom position is between 0 (wide) and 1 (tele)."));
            return;
        }
        const bool presetAction = action == Action::RecallPreset || action == Action::StorePreset;
        const int preset = presetAction ? p.integer("preset") : 0;
        session.cameraCommand(
            p.id("site"), action, move, preset, actorOf(req), [reply](const core::Status& s) {
                reply(s ? json(200, QJsonObject{{"status", "ok"}}) : errorResponse(s.error()));
            });
    };
}

} // namespace

void addCameraRoutes(Router& router, core::Session& session) {
    router.add("POST", "/sites/{site}/camera/move", command(session, Action::Move));
    router.add("POST", "/sites/{site}/camera/stop", command(session, Action::Stop));
    router.add("POST", "/sites/{site}/camera/zoom", command(session, Action::ZoomTo));
    router.add("POST", "/sites/{site}/camera/presets/{preset:int}/recall",
               command(session, Action::RecallPreset));
    router.add("POST", "/sites/{site}/camera/presets/{preset:int}/store",
               command(session, Action::StorePreset));
    router.add("GET", "/sites/{site}/camera/position",
               [&session](const Request&, const PathParams& p, Responder reply) {
                   session.cameraPosition(
                       p.id("site"), [reply](const core::Result<core::camera::CameraPosition>& pos) {
                           const auto round = [](double v) { return std::round(v * 10000) / 10000; };
                           reply(pos ? json(200, QJsonObject{{"pan", round(pos->pan)},
                                                             {"tilt", round(pos->tilt)},
                                                             {"zoom", round(pos->zoom)}})
                                     : errorResponse(pos.error()));
                       });
               });
}

} // namespace hntt::api::routes
