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

} // namespace hntt::engine
