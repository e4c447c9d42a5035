// The built-in demo directory (--demo): Quảng Bình's control room and province halls, its 8 districts
// and towns, and their 159 communes, each fed by one of the engine's simulated test sources.
#pragma once

#include "core/store/site_directory.h"

#include <QList>

namespace hntt::core {

// The provincial control room at the Department of Information and Communications: the demo's first
// site, the parent of the districts and the host of province meetings.
inline constexpr qint64 kDemoControlRoomId = 1;

// The demo directory as records, parents before children, ids from 1. Province and district sites
// show test bars (`test://bars?tone=…&w=640&h=360`), communes a solid colour of their own
// (`test://solid?color=rrggbb&tone=…&w=320&h=180`); every site has its own tone, 200..2000 Hz, so
// that its audio can be told apart in a mix.
QList<SiteRecord> demoDirectory();

// Loads demoDirectory() into `directory`, all or nothing, when it has no sites yet; otherwise leaves
// it alone. Returns the number of sites added (0 when it was not empty).
Result<int> loadDemoDirectory(SiteDirectory& directory);

} // namespace hntt::core
