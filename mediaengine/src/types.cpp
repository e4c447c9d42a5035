#include "hntt/engine/types.h"

namespace hntt::engine {

const char* sourceStateName(SourceState s) {
    switch (s) {
    case SourceState::Offline:
        return "offline";
    case SourceState::Connecting:
        return "connecting";
    case SourceState::Connected:
        return "connected";
    case SourceState::Lost:
        return "lost";
    }
    return "offline";
}

const char* clockPhaseName(ClockPhase p) {
    switch (p) {
    case ClockPhase::Pull:
        return "pull";
    case ClockPhase::Mix:
        return "mix";
    case ClockPhase::Outputs:
        return "outputs";
    case ClockPhase::Compose:
        return "compose";
    case ClockPhase::Multiview:
        return "multiview";
    case ClockPhase::Encode:
        return "encode";
    }
    return "pull";
}

} // namespace hntt::engine
