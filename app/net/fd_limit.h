// The process's limit on open descriptors. Debian's default soft limit is 1,024, which a few
// hundred API and join page connections plus the media (sources, calls, files) can reach; the
// servers' own caps are sized below what the raised limit allows.
#pragma once

#include <cstddef>

namespace hntt::net {

// Raises the soft limit to `wanted` (never above the hard limit, never lowering it). Returns the
// soft limit in force afterwards.
std::size_t raiseOpenFileLimit(std::size_t wanted);

} // namespace hntt::net
