#include "core/camera/visca_reply.h"

#include <QtEndian>

namespace hntt::core::camera::visca {

namespace {

constexpr qsizetype kHeaderBytes = 8;

// The value of `count` nibbles (0p 0q ...) of a reply from `at`.
int nibbles(const QByteArray& reply, qsizetype at, int count) {
    int v = 0;
    for (int i = 0; i < count; ++i)
        v = (v << 4) | (static_cast<quint8>(reply[at + i]) & 0x0F);
    return v;
}

// A completion of `size` bytes: y0 50 ... FF.
bool isCompletion(const QByteArray& reply, qsizetype size) {
    return reply.size() == size && classifyReply(reply).kind == Reply::Kind::Completion;
}

} // namespace

std::optional<Message> parseDatagram(const QByteArray& d) {
    if (d.size() < kHeaderBytes)
        return std::nullopt;
    Message m;
    m.type = qFromBigEndian<quint16>(d.constData());
    const quint16 length = qFromBigEndian<quint16>(d.constData() + 2);
    m.sequence = qFromBigEndian<quint32>(d.constData() + 4);
    if (length != d.size() - kHeaderBytes)
        return std::nullopt;
    m.payload = d.mid(kHeaderBytes);
    return m;
}

Reply classifyReply(const QByteArray& payload) {
    if (payload.size() < 3 || (static_cast<quint8>(payload[0]) & 0xF0) != 0x90 ||
        static_cast<quint8>(payload.back()) != 0xFF)
        return {};
    switch (static_cast<quint8>(payload[1]) & 0xF0) {
    case 0x40:
        return {Reply::Kind::Ack, 0};
    case 0x50:
        return {Reply::Kind::Completion, 0};
    case 0x60:
        if (payload.size() >= 4)
            return {Reply::Kind::Error, static_cast<quint8>(payload[2])};
        break;
    default:
        break;
    }
    return {};
}

std::optional<PanTilt> panTiltFromReply(const QByteArray& completion) {
    if (!isCompletion(completion, 11))
        return std::nullopt;
    return PanTilt{static_cast<qint16>(nibbles(completion, 2, 4)),
                   static_cast<qint16>(nibbles(completion, 6, 4))};
}

std::optional<int> zoomFromReply(const QByteArray& completion) {
    if (!isCompletion(completion, 7))
        return std::nullopt;
    return nibbles(completion, 2, 4);
}

} // namespace hntt::core::camera::visca
