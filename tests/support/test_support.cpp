#include "test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <arpa/inet.h>
#include <cmath>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hntt::test {

double toneAmplitude(const float* samples, std::size_t count, double freq, int sampleRate) {
    if (count == 0)
        return 0;
    const double w = 2.0 * M_PI * freq / sampleRate;
    const double coeff = 2.0 * std::cos(w);
    double s1 = 0, s2 = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double s0 = samples[i] + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 2.0 * std::sqrt(std::max(power, 0.0)) / static_cast<double>(count);
}

double meanToneAmplitude(const float* samples, std::size_t count, double freq, int sampleRate, int windowMs) {
    const auto window = static_cast<std::size_t>(sampleRate) * static_cast<std::size_t>(windowMs) / 1000;
    if (window == 0 || count < window)
        return toneAmplitude(samples, count, freq, sampleRate);
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t off = 0; off + window <= count; off += window, ++n)
        sum += toneAmplitude(samples + off, window, freq, sampleRate);
    return sum / static_cast<double>(n);
}

namespace {
quint16 freePort(int type) {
    const int fd = ::socket(AF_INET, type, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    quint16 port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}
} // namespace

quint16 freeUdpPort() {
    return freePort(SOCK_DGRAM);
}
quint16 freeTcpPort() {
    return freePort(SOCK_STREAM);
}

FfmpegProcess::FfmpegProcess(const QStringList& args)
    : process_(QStringLiteral("ffmpeg"),
               QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                           QStringLiteral("error"), QStringLiteral("-nostdin")} +
                   args,
               ChildProcess::Options{}) {}

FfmpegProcess::~FfmpegProcess() {
    kill();
}

bool FfmpegProcess::waitStarted(int) {
    return process_.started(); // ffmpeg was found and spawned; a run that fails shows in its effects
}

void FfmpegProcess::kill() {
    process_.kill();
}

QStringList solidColorSenderArgs(const QString& color, int toneHz, int width, int height) {
    return {QStringLiteral("-re"),
            QStringLiteral("-f"),
            QStringLiteral("lavfi"),
            QStringLiteral("-i"),
            QStringLiteral("color=c=%1:s=%2x%3:r=25").arg(color).arg(width).arg(height),
            QStringLiteral("-f"),
            QStringLiteral("lavfi"),
            QStringLiteral("-i"),
            QStringLiteral("sine=frequency=%1:sample_rate=48000").arg(toneHz),
            QStringLiteral("-c:v"),
            QStringLiteral("libx264"),
            QStringLiteral("-preset"),
            QStringLiteral("ultrafast"),
            QStringLiteral("-tune"),
            QStringLiteral("zerolatency"),
            QStringLiteral("-g"),
            QStringLiteral("25"),
            QStringLiteral("-pix_fmt"),
            QStringLiteral("yuv420p"),
            QStringLiteral("-c:a"),
            QStringLiteral("aac"),
            QStringLiteral("-b:a"),
            QStringLiteral("96k")};
}

int runProgram(const QString& program, const QStringList& args, QByteArray* out, QByteArray* err,
               int timeoutMs) {
    ChildProcess::Options o;
    o.out = ChildProcess::Output::Capture;
    o.err = ChildProcess::Output::Capture;
    ChildProcess p(program, args, o);
    if (!p.started())
        return -1;
    if (!p.waitFinished(timeoutMs)) {
        p.kill();
        return -1;
    }
    if (out)
        *out = p.output();
    if (err)
        *err = p.errorOutput();
    return p.exitCode();
}

std::vector<float> decodeAudio(const QString& path, double from, double length, int audioStream) {
    QStringList args{"-v", "error", "-ss", QString::number(from), "-i", path};
    if (length > 0)
        args << "-t" << QString::number(length);
    args << "-map" << QStringLiteral("0:a:%1").arg(audioStream) << "-ac"
         << "1"
         << "-ar"
         << "48000"
         << "-f"
         << "f32le"
         << "-";
    QByteArray out;
    if (runProgram(QStringLiteral("ffmpeg"), args, &out) != 0)
        return {};
    std::vector<float> samples(static_cast<std::size_t>(out.size()) / sizeof(float));
    std::memcpy(samples.data(), out.constData(), samples.size() * sizeof(float));
    return samples;
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject ffprobe(const QString& path) {
    QByteArray out;
    const int rc = runProgram(QStringLiteral("ffprobe"),
                              {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-of"),
                               QStringLiteral("json"), QStringLiteral("-show_format"),
                               QStringLiteral("-show_streams"), path},
                              &out);
    if (rc != 0)
        return {};
    return QJsonDocument::fromJson(out).object();
}

} // namespace hntt::test
