// Benchmark: what each added SIP call costs on the send side, beside the stock ffmpeg CLI sending
// one G.722 stream over RTP in the same run.
//
// Job: the 720p tier encoder fed a 1920x1080 program picture at 25 fps, and N call senders (H.264
// packetization mode 1 + G.722 from a 1 kHz mix-minus) sending RTP to a socket on loopback, for
// S seconds, each N in a child process of its own (CPU from wait4()). The picture is encoded once
// whatever N is, so (cpu(N=9) − cpu(N=1)) / 8 is what a call costs beyond the shared encode. Also
// printed: the CPU of the calls' own threads ("hntt-callsend"), read from /proc, which the shared
// encode does not blur. Goal: ≤ 0.02 CPU-s per second per call.
//
//   bench_calls [--seconds 10]
#include "engine_internal/call_sender.h"
#include "engine_internal/tier_encoder.h"
#include "measured_run.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern "C" {
#include <libavutil/log.h>
}

using namespace hntt::engine;

namespace {

using hntt::bench::runMeasured;
using hntt::bench::Usage;

// CPU seconds of this process's threads named `name` (from /proc/self/task/*/stat).
double threadCpu(const std::string& name) {
    double total = 0;
    const long ticks = sysconf(_SC_CLK_TCK);
    DIR* dir = opendir("/proc/self/task");
    if (!dir)
        return 0;
    while (dirent* e = readdir(dir)) {
        if (e->d_name[0] == '.')
            continue;
        std::ifstream f(std::string("/proc/self/task/") + e->d_name + "/stat");
        std::string line;
        std::getline(f, line);
        const auto open = line.find('('), close = line.rfind(')');
        if (open == std::string::npos || close == std::string::npos ||
            line.substr(open + 1, close - open - 1) != name)
            continue;
        std::istringstream rest(line.substr(close + 2));
        std::string field;
        // Fields after the name: state(3) ... utime(14) stime(15).
        for (int i = 3; i <= 13; ++i)
            rest >> field;
        long utime = 0, stime = 0;
        rest >> utime >> stime;
        total += static_cast<double>(utime + stime) / static_cast<double>(ticks);
    }
    closedir(dir);
    return total;
}

// Child: the tier encoder and `calls` senders for `seconds`; prints the calls' thread CPU.
int runCalls(int calls, int seconds) {
    av_log_set_level(AV_LOG_ERROR);
    constexpr int kFps = 25, kRate = 48000, kBlock = kRate / kFps;
    const int sink = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(sink, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(sink, reinterpret_cast<sockaddr*>(&addr), &len);
    const int out = ::socket(AF_INET, SOCK_DGRAM, 0);
    // The far ends: one socket receives for every call and drains on a thread, as a peer would.
    std::atomic<bool> stop{false};
    std::thread drain([&] {
        std::vector<char> buf(2048);
        timeval tv{0, 100000};
        ::setsockopt(sink, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        while (!stop)
            ::recv(sink, buf.data(), buf.size(), 0);
    });
    {
        TierEncoders tiers(kFps);
        std::vector<std::unique_ptr<CallSender>> senders;
        for (int i = 0; i < calls; ++i) {
            CallSender::Config c;
            CallAudioFormat af;
            af.codec = CallAudioCodec::G722;
            af.payloadType = 9;
            c.audio = af;
            c.video = CallVideoFormat{};
            senders.push_back(
                std::make_unique<CallSender>(c, &tiers, [&](std::span<const std::uint8_t> p, bool) {
                    ::sendto(out, p.data(), p.size(), 0, reinterpret_cast<const sockaddr*>(&addr),
                             sizeof addr);
                }));
        }
        // A program picture with some detail, so the tier's encode is not trivially cheap.
        auto frame = VideoFrame::allocateYuv420(1920, 1080);
        std::vector<float> block(kBlock);
        auto next = std::chrono::steady_clock::now();
        for (std::int64_t t = 0; t < std::int64_t{seconds} * kFps; ++t) {
            for (int y = 0; y < 1080; ++y)
                for (int x = 0; x < 1920; x += 4)
                    frame->data(0)[y * frame->stride(0) + x] =
                        static_cast<std::uint8_t>(16 + ((x + y + t * 8) % 200));
            for (int i = 0; i < kBlock; ++i)
                block[static_cast<std::size_t>(i)] =
                    0.3f * static_cast<float>(
                               std::sin(2 * M_PI * 1000.0 * static_cast<double>(t * kBlock + i) / kRate));
            // The clock's part: one copy of the picture's pointer, one block per call.
            tiers.submit(frame, t);
            for (auto& s : senders)
                s->pushAudio(block, t);
            next += std::chrono::milliseconds(1000 / kFps);
            std::this_thread::sleep_until(next);
        }
        std::printf("CALLSEND %.4f\n", threadCpu("hntt-callsend"));
        std::fflush(stdout);
    }
    stop = true;
    drain.join();
    ::close(sink);
    ::close(out);
    return 0;
}

double childCallThreadCpu(const std::string& self, int calls, int seconds, Usage* usage) {
    // The child prints its calls' thread CPU; a pipe brings it back.
    int fds[2];
    if (pipe(fds) != 0)
        return 0;
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        execl(self.c_str(), self.c_str(), "--child", std::to_string(calls).c_str(),
              std::to_string(seconds).c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    std::string text;
    char buf[256];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;)
        text.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    struct rusage ru = {};
    wait4(pid, &usage->status, 0, &ru);
    usage->wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    usage->cpuSeconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                        static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    const auto at = text.find("CALLSEND ");
    return at == std::string::npos ? 0 : std::atof(text.c_str() + at + 9);
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--child")
        return runCalls(std::atoi(argv[2]), std::atoi(argv[3]));
    int seconds = 10;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--seconds")
            seconds = std::max(2, std::atoi(argv[i + 1]));
    char self[4096] = {};
    if (readlink("/proc/self/exe", self, sizeof self - 1) <= 0)
        return 1;

    Usage one, nine;
    const double threads1 = childCallThreadCpu(self, 1, seconds, &one);
    const double threads9 = childCallThreadCpu(self, 9, seconds, &nine);
    if (one.status != 0 || nine.status != 0) {
        std::fprintf(stderr, "a run failed\n");
        return 1;
    }
    const double perCallDiff = (nine.cpuSeconds - one.cpuSeconds) / 8 / seconds;
    const double perCallThreads = threads9 / 9 / seconds;
    std::printf("calls: N=1 %.3f CPU-s/s, N=9 %.3f CPU-s/s (tier encode included in both)\n",
                one.cpuSeconds / seconds, nine.cpuSeconds / seconds);
    std::printf("per added call (difference):     %.4f CPU-s/s\n", perCallDiff);
    std::printf("per call (its sender thread):    %.4f CPU-s/s (N=1: %.4f)\n", perCallThreads,
                threads1 / seconds);

    // The peer: the ffmpeg CLI sending one G.722 stream over RTP, in real time, for as long.
    const int port = 40000 + static_cast<int>(getpid() % 10000) * 2 % 20000;
    const Usage peer = runMeasured({"ffmpeg",
                                    "-hide_banner",
                                    "-loglevel",
                                    "error",
                                    "-nostdin",
                                    "-re",
                                    "-f",
                                    "lavfi",
                                    "-i",
                                    "sine=frequency=1000:sample_rate=48000",
                                    "-t",
                                    std::to_string(seconds),
                                    "-ac",
                                    "1",
                                    "-ar",
                                    "16000",
                                    "-c:a",
                                    "g722",
                                    "-sdp_file",
                                    "/dev/null", // not on the bench's output
                                    "-f",
                                    "rtp",
                                    "rtp://127.0.0.1:" + std::to_string(port)});
    if (peer.status != 0) {
        std::fprintf(stderr, "ffmpeg failed\n");
        return 1;
    }
    const double peerPerSecond = peer.cpuSeconds / seconds;
    std::printf("ffmpeg, one G.722 RTP stream:    %.4f CPU-s/s (process start included)\n", peerPerSecond);
    std::printf("ratio, ours (difference) / ffmpeg: %.2f; goal per call <= 0.02: %s\n",
                peerPerSecond > 0 ? perCallDiff / peerPerSecond : 0.0,
                perCallDiff <= 0.02 ? "met" : "NOT met");
    return 0;
}
