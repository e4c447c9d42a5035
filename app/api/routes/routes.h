// The control API's areas, each a file of this folder that adds its routes (below /api/v1) to the
// one router. A new route goes into its area's add…Routes; a new area is a new file with its own
// add…Routes, declared here and called where the router is built (ApiService's constructor).
#pragma once

namespace hntt::core {
class Session;
}

namespace hntt::api {
class Router;
}

namespace hntt::api::routes {

void addStateRoutes(Router& router, core::Session& session);     // health, state
void addSiteRoutes(Router& router, core::Session& session);      // sites, group mutes
void addProgramRoutes(Router& router, core::Session& session);   // layouts, program, preview, floor
void addRecordingRoutes(Router& router, core::Session& session); // recordings, their clips
void addOutputRoutes(Router& router, core::Session& session);    // program streams
void addCameraRoutes(Router& router, core::Session& session);    // a site's camera (answers later)
void addMeetingRoutes(Router& router, core::Session& session);
void addAlarmRoutes(Router& router, core::Session& session);
void addArchiveJobRoutes(Router& router, core::Session& session); // archives, jobs

} // namespace hntt::api::routes
