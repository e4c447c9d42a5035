// What SIP and browser calls share between the SDP they agreed and the engine's call media.
#pragma once

#include "hntt/engine/call.h"
#include "hntt/sdp/negotiation.h"

#include <QString>

namespace hntt::core {

// The engine's description of the media an offer/answer agreed on.
engine::CallMediaSpec toEngineSpec(const sdp::NegotiatedMedia& media);
// "720p", "360p": what a call receives of the program.
QString tierName(sdp::VideoTier tier);

} // namespace hntt::core
