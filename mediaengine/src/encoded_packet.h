// A compressed packet of the program's one encode, shared read-only by every sink.
#pragma once

#include "av_ptr.h"

#include <memory>

namespace hntt::engine {

enum class StreamKind { Video, Audio };

struct EncodedPacket {
    av::PacketPtr packet; // timestamps in the encoder's time base of its kind
    StreamKind kind = StreamKind::Video;
    AVRational timeBase{1, 25};
};

using EncodedPacketPtr = std::shared_ptr<const EncodedPacket>;

} // namespace hntt::engine
