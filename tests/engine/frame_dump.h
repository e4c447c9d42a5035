// With HNTT_DUMP_DIR set, suites write frames there as raw yuv420p, to be looked at with e.g.
// ffmpeg -f rawvideo -pix_fmt yuv420p -s WxH -i NAME_WxH.yuv NAME.png
#pragma once

#include "hntt/engine/video_frame.h"

#include <QByteArray>
#include <QFile>
#include <QString>

inline void dump(const hntt::engine::VideoFrame& f, const QString& name) {
    const QByteArray dir = qgetenv("HNTT_DUMP_DIR");
    if (dir.isEmpty())
        return;
    QFile out(QString::fromLocal8Bit(dir) + '/' + name +
              QStringLiteral("_%1x%2.yuv").arg(f.width()).arg(f.height()));
    if (!out.open(QIODevice::WriteOnly))
        return;
    for (int p = 0; p < 3; ++p) {
        const int w = p ? (f.width() + 1) / 2 : f.width(), h = p ? (f.height() + 1) / 2 : f.height();
        for (int y = 0; y < h; ++y)
            out.write(reinterpret_cast<const char*>(f.data(p) + y * f.stride(p)), w);
    }
}
