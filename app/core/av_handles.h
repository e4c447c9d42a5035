// RAII owners for the FFmpeg objects the application opens itself (review, clips, archives), and
// the text of an FFmpeg error. The engine keeps its own set; these are the application's.
#pragma once

extern "C" {
#include <libavcodec/packet.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
}

#include "core/system_error.h"

#include <QString>
#include <memory>

namespace hntt::core::av {

struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct InputContextDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
// Closes the file (if the muxer opened one) and frees the context; writes no trailer.
struct OutputContextDeleter {
    void operator()(AVFormatContext* c) const {
        if (c->oformat && !(c->oformat->flags & AVFMT_NOFILE))
            avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct DictDeleter {
    void operator()(AVDictionary* d) const { av_dict_free(&d); }
};

using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using InputContextPtr = std::unique_ptr<AVFormatContext, InputContextDeleter>;
using OutputContextPtr = std::unique_ptr<AVFormatContext, OutputContextDeleter>;

inline PacketPtr makePacket() {
    return PacketPtr(av_packet_alloc());
}

// The human-readable text of an AVERROR code; a system error (a full or read-only disk) in the
// console's language.
inline QString errorText(int err) {
    if (err < 0 && err > -4096) // AVERROR(errno)
        return SystemError::text(-err);
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(err, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

} // namespace hntt::core::av
