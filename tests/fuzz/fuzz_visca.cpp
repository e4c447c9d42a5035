// A VISCA-over-IP camera's datagrams (app/core/camera/visca_reply.cpp): the 8-byte header checked
// against the datagram, the reply inside (ACK, completion, error) and the pan-tilt and zoom
// positions an inquiry's completion carries.
#include "core/camera/visca_reply.h"
#include "fuzz_check.h"

#include <cstddef>
#include <cstdint>

namespace visca = hntt::core::camera::visca;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray datagram(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto message = visca::parseDatagram(datagram);
    if (!message)
        return 0;
    HNTT_FUZZ_CHECK(message->payload.size() + 8 == datagram.size());
    const visca::Reply reply = visca::classifyReply(message->payload);
    if (reply.kind == visca::Reply::Kind::Invalid)
        HNTT_FUZZ_CHECK(!visca::panTiltFromReply(message->payload) &&
                        !visca::zoomFromReply(message->payload));
    if (const auto pt = visca::panTiltFromReply(message->payload)) {
        HNTT_FUZZ_CHECK(reply.kind == visca::Reply::Kind::Completion && message->payload.size() == 11);
        HNTT_FUZZ_CHECK(pt->pan >= -0x8000 && pt->pan <= 0x7FFF && pt->tilt >= -0x8000 && pt->tilt <= 0x7FFF);
    }
    if (const auto zoom = visca::zoomFromReply(message->payload))
        HNTT_FUZZ_CHECK(*zoom >= 0 && *zoom <= 0xFFFF);
    return 0;
}
