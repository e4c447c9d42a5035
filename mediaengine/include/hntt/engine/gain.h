// The gains the console accepts for a site or the program, in dB, and the part of that range an
// operator's fader shows (finer steps where they matter; beyond it only the API reaches): one
// definition for the engine, the core and the console.
#pragma once

#include <cmath>

namespace hntt::engine::gain {

inline constexpr double kMinDb = -60.0;
inline constexpr double kMaxDb = 20.0;
inline constexpr double kFaderMinDb = -20.0;
inline constexpr double kFaderMaxDb = 10.0;

inline bool accepted(double db) {
    return std::isfinite(db) && db >= kMinDb && db <= kMaxDb;
}

} // namespace hntt::engine::gain
