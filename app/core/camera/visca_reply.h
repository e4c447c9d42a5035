// What a VISCA-over-IP camera sends back, read apart from the driver's socket: the 8-byte header
// (payload type, payload length, sequence number, big-endian) checked against the datagram, then
// the VISCA reply inside it (ACK, completion with an inquiry's answer, or error) and the positions
// an inquiry answers with. Garbage is nullopt or Invalid, never a guess.
#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <optional>

namespace hntt::core::camera::visca {

struct Message {
    quint16 type = 0;
    quint32 sequence = 0;
    QByteArray payload;
};

// nullopt for a datagram shorter than the header or whose length field is not its payload's.
std::optional<Message> parseDatagram(const QByteArray& datagram);

struct Reply {
    enum class Kind {
        Ack,        // the command was accepted; its completion follows
        Completion, // done; an inquiry's answer is the whole payload
        Error,      // refused, with `errorCode`
        Invalid,    // not a reply from a camera (no 0x9n address, no 0xFF terminator, too short)
    };
    Kind kind = Kind::Invalid;
    quint8 errorCode = 0;
};

// The reply a payload holds.
Reply classifyReply(const QByteArray& payload);

struct PanTilt {
    int pan = 0;  // signed, camera units
    int tilt = 0; // signed, camera units
};

// y0 50 0w 0w 0w 0w 0z 0z 0z 0z FF: the pan-tilt position inquiry's completion.
std::optional<PanTilt> panTiltFromReply(const QByteArray& completion);
// y0 50 0p 0q 0r 0s FF: the zoom position inquiry's completion, camera units.
std::optional<int> zoomFromReply(const QByteArray& completion);

} // namespace hntt::core::camera::visca
