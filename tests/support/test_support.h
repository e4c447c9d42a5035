// Helpers shared by the test suites: real media senders, probes and signal analysis.
#pragma once

#include "child_process.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <memory>
#include <vector>

namespace hntt::test {

// Amplitude (0..1 for a full-scale sine) of `freq` in the samples, by the Goertzel algorithm.
double toneAmplitude(const float* samples, std::size_t count, double freq, int sampleRate);

// Mean Goertzel amplitude over consecutive windows of `windowMs`: robust to the single-sample
// drift corrections a jitter buffer makes, which would cancel a tone over one long window.
double meanToneAmplitude(const float* samples, std::size_t count, double freq, int sampleRate,
                         int windowMs = 100);
inline double meanToneAmplitude(const std::vector<float>& s, double freq, int sampleRate = 48000) {
    return meanToneAmplitude(s.data(), s.size(), freq, sampleRate);
}

// A port that was free a moment ago on 127.0.0.1 (UDP or TCP).
quint16 freeUdpPort();
quint16 freeTcpPort();

// An ffmpeg CLI process (the tests' media sender); stopped (SIGKILL) when destroyed.
class FfmpegProcess {
public:
    explicit FfmpegProcess(const QStringList& args);
    ~FfmpegProcess();
    bool waitStarted(int msecs = 5000);
    void kill();

private:
    ChildProcess process_;
};

// Arguments for ffmpeg that generate a solid `color` 640x360@25 video with a sine of `toneHz`
// (H.264 + AAC unless told otherwise), to be followed by output options and a URL.
QStringList solidColorSenderArgs(const QString& color, int toneHz, int width = 640, int height = 360);

// The bytes of a file; empty when it cannot be read.
QByteArray fileBytes(const QString& path);

// ffprobe -show_format -show_streams as JSON; empty object when ffprobe rejects the file.
QJsonObject ffprobe(const QString& path);

// The audio of a media file, decoded by the ffmpeg CLI to mono float at 48 kHz, from `from`
// seconds for `length` seconds (length <= 0: to the end), of audio stream `audioStream` (the
// N-th audio track, as in -map 0:a:N). Empty when decoding fails.
std::vector<float> decodeAudio(const QString& path, double from = 0, double length = 0, int audioStream = 0);

// Runs a program to completion; returns its exit code (or -1) and fills the outputs.
int runProgram(const QString& program, const QStringList& args, QByteArray* out = nullptr,
               QByteArray* err = nullptr, int timeoutMs = 120000);

} // namespace hntt::test
