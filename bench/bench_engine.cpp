// Benchmark: the engine against the stock ffmpeg CLI doing the same job, side by side in one run.
//
// Job: N sites of 640x360 H.264+AAC (looping files, paced in real time) → grid on a 1920x1080@25
// program + audio mix + x264 veryfast 4 Mbit/s + AAC → Matroska file, for D seconds.
// Each side runs as a child process; CPU (user+sys) and peak memory come from wait4().
// Prints CPU-seconds per output second for both and the ratio (target: ours ≤ 0.75 × ffmpeg's).
//
//   bench_engine [--sites 16] [--seconds 20] [--work DIR] [--multiview]
//
// Scaling mode: how many sites the engine holds in real time. For N in 24, 48, 96, 128, 170:
// N sites of 640x360 H.264 (a few distinct looping files, paced in real time), the multiview
// rendered, program grid-4x4 of the first 16, no recording or output; each N runs in a child for
// S seconds. Prints CPU-s per second, late and skipped ticks, peak memory and CPU per thread
// kind; stops at the first N that is not real time (skipped ticks > 2 % of ticks).
//
//   bench_engine --scale [--seconds 15] [--work DIR] [--record [--mute-others]]
//
// With --record each N also records the program with one isolated track per site, and prints the
// bytes the file grew by per second beside the nominal rate (program video + audio + 32 kbit/s a
// track), how far the writer trails the program and how much a track had to skip. With
// --mute-others the sites beyond the 16 on program are muted, as in a province-wide meeting
// where the communes listen: their tracks rest.
//
// Province mode: the province's whole job at 170 sites (program, preview, multiview, a recording
// with a track per site, one program stream over UDP, a return feed over UDP to every site), then
// the same without the return feeds, and at 24 and 16 sites, to print what a return feed, a
// keyframe-only site and a fully decoded site each cost. With --mute-others the sites off program
// are muted, as the communes are in a province-wide meeting.
//
//   bench_engine --province [--seconds 60] [--work DIR] [--mute-others]
//
// Latency mode: how long a picture takes from its arrival (decoded by its site) to the program.
// Two senders over UDP MPEG-TS flash white every second: one with a beep at each flash (its
// pictures wait for their sound: lip sync), one without audio (nothing to wait for). Both are on
// a grid-2x2 program; a 1 kHz poll of each site's latest picture and of the program finds when
// each flash arrives and when it is on program. Prints the spread per site beside its audio
// latency (the jitter buffer's target) and the engine's own measure of how long pictures are held.
//
//   bench_engine --latency [--seconds 20]
#include "hntt/engine/engine.h"
#include "measured_run.h"

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <netinet/in.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace hntt::engine;

namespace {

using hntt::bench::runMeasured;
using hntt::bench::Usage;

int grid(int sites) {
    return static_cast<int>(std::ceil(std::sqrt(static_cast<double>(sites))));
}

// The engine's side: runs in its own process, records for `seconds`, exits.
int runOurs(const fs::path& work, int sites, int seconds, bool multiview) {
    EngineConfig cfg;
    cfg.multiview = multiview;
    cfg.x264Preset = "veryfast";
    cfg.videoBitrateKbps = 4000;
    Engine engine(cfg);
    Composition program;
    const int n = grid(sites);
    program.layout = "grid-" + std::to_string(n) + "x" + std::to_string(n);
    for (int i = 0; i < sites; ++i) {
        engine.addSite(i + 1, {"Site " + std::to_string(i + 1),
                               (work / ("site" + std::to_string(i) + ".mp4")).string(), ""});
        program.sites.emplace_back(i + 1);
    }
    EngineError error;
    if (!engine.setProgram(program, &error)) {
        std::fprintf(stderr, "%s\n", error.message.c_str());
        return 1;
    }
    engine.start();
    std::this_thread::sleep_for(std::chrono::seconds(2)); // sources open and fill
    if (!engine.startRecording((work / "ours.mkv").string(), &error)) {
        std::fprintf(stderr, "%s\n", error.message.c_str());
        return 1;
    }
    const ClockStats before = engine.clockStats();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const ClockStats after = engine.clockStats();
    engine.stopRecording();
    engine.stop();
    std::printf(
        "  engine clock: %llu ticks, %llu late, %llu skipped during the recording; encoder dropped %llu\n",
        static_cast<unsigned long long>(after.ticks - before.ticks),
        static_cast<unsigned long long>(after.lateTicks - before.lateTicks),
        static_cast<unsigned long long>(after.skippedTicks - before.skippedTicks),
        static_cast<unsigned long long>(engine.encoderDroppedFrames()));
    return 0;
}

std::vector<std::string> ffmpegArgs(const fs::path& work, int sites, int seconds) {
    std::vector<std::string> a = {"ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y"};
    for (int i = 0; i < sites; ++i) {
        for (const char* x : {"-re", "-stream_loop", "-1", "-i"})
            a.emplace_back(x);
        a.push_back((work / ("site" + std::to_string(i) + ".mp4")).string());
    }
    const int n = grid(sites);
    const int tileW = 1920 / n, tileH = 1080 / n;
    std::string filter, layout, stack, mix;
    for (int i = 0; i < sites; ++i) {
        filter += "[" + std::to_string(i) + ":v]scale=" + std::to_string(tileW) + ":" +
                  std::to_string(tileH) + "[v" + std::to_string(i) + "];";
        stack += "[v" + std::to_string(i) + "]";
        mix += "[" + std::to_string(i) + ":a]";
        layout += (i ? "|" : "") + std::to_string((i % n) * tileW) + "_" + std::to_string((i / n) * tileH);
    }
    filter += stack + "xstack=inputs=" + std::to_string(sites) + ":layout=" + layout +
              ":fill=black,pad=1920:1080[v];" + mix + "amix=inputs=" + std::to_string(sites) + "[a]";
    const std::vector<std::string> encode = {"-filter_complex",
                                             filter,
                                             "-map",
                                             "[v]",
                                             "-map",
                                             "[a]",
                                             "-c:v",
                                             "libx264",
                                             "-preset",
                                             "veryfast",
                                             "-b:v",
                                             "4M",
                                             "-maxrate",
                                             "4M",
                                             "-bufsize",
                                             "4M",
                                             "-r",
                                             "25",
                                             "-c:a",
                                             "aac",
                                             "-b:a",
                                             "128k",
                                             "-t",
                                             std::to_string(seconds + 2)};
    a.insert(a.end(), encode.begin(), encode.end());
    a.push_back((work / "ffmpeg.mkv").string());
    return a;
}

// A 20 s looping input: a moving test picture (so decoders and the encoder do real work) and a tone.
bool makeInput(const fs::path& file, int toneHz) {
    if (fs::exists(file))
        return true;
    const std::string cmd =
        "ffmpeg -hide_banner -loglevel error -nostdin -y -f lavfi -i testsrc2=s=640x360:r=25:d=20 "
        "-f lavfi -i sine=frequency=" +
        std::to_string(toneHz) +
        ":sample_rate=48000:d=20 -c:v libx264 -preset veryfast -b:v 600k -g 50 -pix_fmt yuv420p "
        "-c:a aac -b:a 64k -shortest " +
        file.string();
    return std::system(cmd.c_str()) == 0;
}

bool makeInputs(const fs::path& work, int sites) {
    fs::create_directories(work);
    for (int i = 0; i < sites; ++i)
        if (!makeInput(work / ("site" + std::to_string(i) + ".mp4"), 300 + 50 * i))
            return false;
    return true;
}

// ---- scaling mode

constexpr int kScaleFiles = 4; // distinct inputs the sites share

bool makeScaleInputs(const fs::path& work) {
    fs::create_directories(work);
    for (int i = 0; i < kScaleFiles; ++i)
        if (!makeInput(work / ("scale" + std::to_string(i) + ".mp4"), 300 + 100 * i))
            return false;
    return true;
}

// CPU seconds (user+sys) of each of this process's threads, summed by thread name.
std::map<std::string, double> cpuByThreadName() {
    std::map<std::string, double> out;
    const double hz = static_cast<double>(sysconf(_SC_CLK_TCK));
    for (const auto& task : fs::directory_iterator("/proc/self/task")) {
        std::ifstream in(task.path() / "stat");
        std::string line;
        if (!std::getline(in, line))
            continue;
        const auto open = line.find('('), close = line.rfind(')');
        if (open == std::string::npos || close == std::string::npos)
            continue;
        const std::string name = line.substr(open + 1, close - open - 1);
        std::istringstream rest(line.substr(close + 2));
        std::string field;
        double utime = 0, stime = 0;
        // After the name: state is field 3; utime and stime are fields 14 and 15.
        for (int i = 3; i <= 15 && rest >> field; ++i) {
            if (i == 14)
                utime = std::atof(field.c_str());
            if (i == 15)
                stime = std::atof(field.c_str());
        }
        out[name] += (utime + stime) / hz;
    }
    return out;
}

// CPU seconds the whole machine has been busy (every core, every process), from /proc/stat.
double machineBusySeconds() {
    std::ifstream in("/proc/stat");
    std::string cpu;
    double user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    in >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
    return (user + nice + system + irq + softirq + steal) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// This process's resident memory now, in MB.
long residentMb() {
    std::ifstream in("/proc/self/status");
    std::string key;
    long kb = 0;
    while (in >> key) {
        if (key == "VmRSS:") {
            in >> kb;
            break;
        }
        in.ignore(1 << 12, '\n');
    }
    return kb / 1024;
}

double processCpuSeconds() {
    struct rusage ru = {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// What a scaling or province child runs besides its sites, program, preview and multiview.
struct ScaleJob {
    int sites = 0;
    bool record = false;      // the program with one isolated track per site
    bool muteOthers = false;  // the sites beyond the 16 on program muted
    bool stream = false;      // one program stream (MPEG-TS over UDP to this machine)
    bool returnFeeds = false; // a return feed to every site (MPEG-TS over UDP to this machine)
};

// UDP sockets bound on 127.0.0.1 and never read: the destinations of the streams a child sends,
// which drop what they do not read as a far end that is slow would.
class UdpSinks {
public:
    explicit UdpSinks(int count) {
        for (int i = 0; i < count; ++i) {
            const int fd = socket(AF_INET, SOCK_DGRAM, 0);
            sockaddr_in addr = {};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            socklen_t len = sizeof addr;
            if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
                getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
                if (fd >= 0)
                    close(fd);
                continue;
            }
            fds_.push_back(fd);
            ports_.push_back(ntohs(addr.sin_port));
        }
    }
    ~UdpSinks() {
        for (const int fd : fds_)
            close(fd);
    }
    UdpSinks(const UdpSinks&) = delete;
    UdpSinks& operator=(const UdpSinks&) = delete;
    std::string url(std::size_t i) const {
        return "udp://127.0.0.1:" + std::to_string(ports_.at(i)) + "?pkt_size=1316";
    }
    std::size_t size() const { return ports_.size(); }

private:
    std::vector<int> fds_;
    std::vector<int> ports_;
};

// One N in its own process: writes its figures to `result` as "key value" lines.
int runScaleChild(const fs::path& work, const ScaleJob& job, int seconds, const fs::path& result) {
    const int sites = job.sites;
    const bool record = job.record, muteOthers = job.muteOthers;
    EngineConfig cfg;
    cfg.multiview = true;
    Engine engine(cfg);
    const int destinations = (job.stream ? 1 : 0) + (job.returnFeeds ? sites : 0);
    UdpSinks sinks(destinations);
    if (static_cast<int>(sinks.size()) != destinations) {
        std::fprintf(stderr, "cannot bind %d UDP ports on 127.0.0.1\n", destinations);
        return 1;
    }
    Composition program{"grid-4x4", {}};
    for (int i = 0; i < sites; ++i) {
        EngineError error;
        const std::string file = (work / ("scale" + std::to_string(i % kScaleFiles) + ".mp4")).string();
        const std::string feed = job.returnFeeds ? sinks.url(static_cast<std::size_t>(i)) : std::string();
        if (!engine.addSite(i + 1, {"Site " + std::to_string(i + 1), file, feed}, &error)) {
            std::fprintf(stderr, "%s\n", error.message.c_str());
            return 1;
        }
        if (i < 16)
            program.sites.emplace_back(i + 1);
        else if (muteOthers)
            engine.setSiteAudio(i + 1, true, 0);
    }
    EngineError error;
    if (!engine.setProgram(program, &error) || !engine.setPreview({"single", {1}}, &error)) {
        std::fprintf(stderr, "%s\n", error.message.c_str());
        return 1;
    }
    engine.start();
    if (job.stream && !engine.addOutput(sinks.url(sinks.size() - 1), &error)) {
        std::fprintf(stderr, "%s\n", error.message.c_str());
        return 1;
    }
    std::this_thread::sleep_for(std::chrono::seconds(3)); // sources open and fill
    const long rssSites = residentMb();
    const fs::path recording = work / ("scale-" + std::to_string(sites) + ".mkv");
    if (record) {
        fs::remove(recording);
        if (!engine.startRecording(recording.string(), &error)) {
            std::fprintf(stderr, "%s\n", error.message.c_str());
            return 1;
        }
        std::this_thread::sleep_for(std::chrono::seconds(2)); // past its first cluster
    }
    std::error_code ec;
    const auto fileBefore = record ? fs::file_size(recording, ec) : 0;
    const ClockStats before = engine.clockStats();
    const double cpuBefore = processCpuSeconds();
    const double machineBefore = machineBusySeconds();
    const auto threadsBefore = cpuByThreadName();
    const auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const ClockStats after = engine.clockStats();
    const auto fileAfter = record ? fs::file_size(recording, ec) : 0;
    const OutputStats rec = engine.recording().stats;
    const double cpu = processCpuSeconds() - cpuBefore;
    const double machine = machineBusySeconds() - machineBefore;
    const auto threadsAfter = cpuByThreadName();
    std::ofstream out(result);
    out << "cpu_per_s " << cpu / wall << "\n";
    // What other processes took meanwhile: on a shared machine it is CPU the engine did not have.
    out << "others_per_s " << std::max(0.0, machine - cpu) / wall << "\n";
    out << "ticks " << (after.ticks - before.ticks) << "\n";
    out << "late " << (after.lateTicks - before.lateTicks) << "\n";
    out << "skipped " << (after.skippedTicks - before.skippedTicks) << "\n";
    out << "return_encoders " << engine.returnFeedEncoders() << "\n";
    for (std::size_t i = 0; i < kClockPhaseCount; ++i)
        out << "phase " << clockPhaseName(static_cast<ClockPhase>(i)) << " " << after.phases[i].meanMs
            << "\n";
    out << "rss_sites_mb " << rssSites << "\n";
    out << "rss_end_mb " << residentMb() << "\n";
    if (record) {
        const double nominal =
            (cfg.videoBitrateKbps + cfg.audioBitrateKbps + cfg.isolatedTrackBitrateKbps * sites) * 1000.0 /
            8.0;
        out << "rec_bytes_per_s " << static_cast<double>(fileAfter - fileBefore) / wall << "\n";
        out << "rec_nominal_per_s " << nominal << "\n";
        out << "rec_lag_s " << rec.lagSeconds << "\n";
        out << "rec_tracks_lag_s " << rec.isolatedLagSeconds << "\n";
        out << "rec_tracks_gap_s " << rec.isolatedGapSeconds << "\n";
    }
    for (const auto& [name, s] : threadsAfter) {
        const auto it = threadsBefore.find(name);
        out << "thread " << name << " " << (s - (it == threadsBefore.end() ? 0.0 : it->second)) / wall
            << "\n";
    }
    out.flush();
    if (record)
        engine.stopRecording();
    engine.stop();
    return 0;
}

// A child's figures, as runScaleChild wrote them, with its process's usage.
struct Figures {
    Usage usage;
    double cpu = 0, others = 0, recBytes = 0, recNominal = 0, recLag = 0, tracksLag = 0, tracksGap = 0;
    unsigned long long ticks = 0, late = 0, skipped = 0;
    int returnEncoders = 0;                // AAC encodes of the return feeds' sound at the end
    long rssSitesMb = 0, rssEndMb = 0;     // resident once the sites run, and at the end
    std::map<std::string, double> threads; // CPU-s/s by thread name
    std::map<std::string, double> phases;  // the clock's mean ms a tick by phase
    bool ok = false;

    bool realTime(double bound) const {
        return ticks > 0 && static_cast<double>(skipped) <= bound * static_cast<double>(ticks);
    }
    std::string phaseText() const {
        std::string text;
        for (const auto& [name, v] : phases) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s %.1f ", name.c_str(), v);
            text += buf;
        }
        return text;
    }
    std::string threadText() const {
        std::string text;
        for (const auto& [name, v] : threads)
            if (v >= 0.01) {
                char buf[96];
                std::snprintf(buf, sizeof buf, "%s %.2f ", name.c_str(), v);
                text += buf;
            }
        return text;
    }
};

Figures runChild(const char* self, const fs::path& work, const ScaleJob& job, int seconds) {
    const fs::path result = work / ("scale-" + std::to_string(job.sites) + ".txt");
    fs::remove(result);
    std::vector<std::string> args = {self,         "--scale-child",         std::to_string(job.sites),
                                     "--seconds",  std::to_string(seconds), "--work",
                                     work.string()};
    if (job.record)
        args.emplace_back("--record");
    if (job.muteOthers)
        args.emplace_back("--mute-others");
    if (job.stream)
        args.emplace_back("--stream");
    if (job.returnFeeds)
        args.emplace_back("--return-feeds");
    Figures f;
    f.usage = runMeasured(args);
    std::ifstream in(result);
    if (f.usage.status != 0 || !in) {
        std::fprintf(stderr, "the run with %d sites failed (%d)\n", job.sites, f.usage.status);
        return f;
    }
    std::string key;
    while (in >> key) {
        if (key == "cpu_per_s")
            in >> f.cpu;
        else if (key == "others_per_s")
            in >> f.others;
        else if (key == "ticks")
            in >> f.ticks;
        else if (key == "late")
            in >> f.late;
        else if (key == "skipped")
            in >> f.skipped;
        else if (key == "return_encoders")
            in >> f.returnEncoders;
        else if (key == "rss_sites_mb")
            in >> f.rssSitesMb;
        else if (key == "rss_end_mb")
            in >> f.rssEndMb;
        else if (key == "rec_bytes_per_s")
            in >> f.recBytes;
        else if (key == "rec_nominal_per_s")
            in >> f.recNominal;
        else if (key == "rec_lag_s")
            in >> f.recLag;
        else if (key == "rec_tracks_lag_s")
            in >> f.tracksLag;
        else if (key == "rec_tracks_gap_s")
            in >> f.tracksGap;
        else if (key == "phase") {
            std::string name;
            double v = 0;
            in >> name >> v;
            f.phases[name] = v;
        } else if (key == "thread") {
            std::string name;
            double v = 0;
            in >> name >> v;
            f.threads[name] = v;
        }
    }
    f.ok = true;
    return f;
}

int runScale(const char* self, const fs::path& work, int seconds, bool record, bool muteOthers) {
    std::printf(
        "HNTT engine scaling: N sites 640x360 H.264 (looping, real time), multiview, program grid-4x4, "
        "%s%s, %d s each\n",
        record ? "recording with one isolated track per site" : "no recording",
        muteOthers ? ", sites off program muted" : "", seconds);
    if (!makeScaleInputs(work)) {
        std::fprintf(stderr, "cannot make the input files with ffmpeg\n");
        return 1;
    }
    std::printf("%6s %10s %8s %8s %8s %8s %8s  %s\n", "sites", "CPU-s / s", "others", "ticks", "late",
                "skipped", "peak MB", "CPU-s / s by thread");
    for (const int n : {24, 48, 96, 128, 170}) {
        const Figures f = runChild(self, work, {n, record, muteOthers, false, false}, seconds);
        if (!f.ok)
            return 1;
        std::printf("%6d %10.2f %8.2f %8llu %8llu %8llu %8ld  %s\n", n, f.cpu, f.others, f.ticks, f.late,
                    f.skipped, f.usage.maxRssMb, f.threadText().c_str());
        if (record)
            std::printf("       recording: %.0f kB/s written, nominal %.0f kB/s (ratio %.2f); writer %.1f s "
                        "behind; tracks %.1f s behind, %.1f s skipped\n",
                        f.recBytes / 1000.0, f.recNominal / 1000.0,
                        f.recNominal > 0 ? f.recBytes / f.recNominal : 0.0, f.recLag, f.tracksLag,
                        f.tracksGap);
        std::fflush(stdout);
        if (!f.realTime(0.02)) {
            std::printf("not real time at %d sites\n", n);
            if (!record) // a recording's figures matter at every size: go on
                break;
        }
    }
    return 0;
}

// ---- province mode

// The province's whole job (issue's goals: <= 1 % of ticks skipped, <= 1.6 CPU-s/s, <= 1.5 GB) and,
// from runs that leave one part out, what each kind of site and each return feed costs.
int runProvince(const char* self, const fs::path& work, int seconds, bool muteOthers) {
    constexpr int kProvince = 170;
    std::printf("HNTT engine, the province's job: %d sites 640x360 H.264+AAC (looping, real time), program "
                "grid-4x4, preview, multiview, recording with a track per site, one program stream, a "
                "return feed to every site%s; %d s each\n",
                kProvince, muteOthers ? "; the sites off program muted" : "; every site open", seconds);
    if (!makeScaleInputs(work)) {
        std::fprintf(stderr, "cannot make the input files with ffmpeg\n");
        return 1;
    }
    struct Row {
        const char* name;
        ScaleJob job;
        Figures f;
    };
    std::vector<Row> rows = {
        {"province", {kProvince, true, muteOthers, true, true}, {}},
        {"no return feeds", {kProvince, true, muteOthers, true, false}, {}},
        {"24 sites", {24, true, muteOthers, true, false}, {}},
        {"16 sites", {16, true, muteOthers, true, false}, {}},
    };
    std::printf("%-16s %6s %10s %8s %8s %8s %8s %8s %8s %8s  %s\n", "job", "sites", "CPU-s / s", "others",
                "ticks", "late", "skipped", "peak MB", "sites MB", "end MB", "CPU-s / s by thread");
    for (Row& r : rows) {
        r.f = runChild(self, work, r.job, seconds);
        if (!r.f.ok)
            return 1;
        std::printf("%-16s %6d %10.2f %8.2f %8llu %8llu %8llu %8ld %8ld %8ld  %s\n", r.name, r.job.sites,
                    r.f.cpu, r.f.others, r.f.ticks, r.f.late, r.f.skipped, r.f.usage.maxRssMb, r.f.rssSitesMb,
                    r.f.rssEndMb, r.f.threadText().c_str());
        std::printf("%-16s clock phases, mean ms a tick: %s\n", "", r.f.phaseText().c_str());
        std::fflush(stdout);
    }
    const Figures& whole = rows[0].f;
    std::printf("return feeds' sound: %d AAC encodes for %d feeds\n", whole.returnEncoders, kProvince);
    const double skippedShare =
        whole.ticks ? static_cast<double>(whole.skipped) / static_cast<double>(whole.ticks + whole.skipped)
                    : 1.0;
    std::printf(
        "\nprovince: %.1f %% of ticks skipped (goal <= 1 %%), %.2f CPU-s/s (goal <= 1.6), %ld MB peak "
        "(goal <= 1500): %s\n",
        100.0 * skippedShare, whole.cpu, whole.usage.maxRssMb,
        skippedShare <= 0.01 && whole.cpu <= 1.6 && whole.usage.maxRssMb <= 1500 ? "MET" : "NOT MET");
    // Each part's cost from the runs without it (sites 17..24 are fully decoded at 24 sites, those
    // beyond keyframe-only: the engine decodes every picture of at most fullDecodeSiteLimit sites).
    const Figures &noFeeds = rows[1].f, &at24 = rows[2].f, &at16 = rows[3].f;
    const auto per = [](double a, double b, int n) { return (a - b) / n; };
    std::printf("per return feed:       %.4f CPU-s/s, %.2f MB\n", per(whole.cpu, noFeeds.cpu, kProvince),
                per(static_cast<double>(whole.usage.maxRssMb), static_cast<double>(noFeeds.usage.maxRssMb),
                    kProvince));
    std::printf("per keyframe-only site: %.4f CPU-s/s, %.2f MB\n", per(noFeeds.cpu, at24.cpu, kProvince - 24),
                per(static_cast<double>(noFeeds.usage.maxRssMb), static_cast<double>(at24.usage.maxRssMb),
                    kProvince - 24));
    std::printf("per fully decoded site: %.4f CPU-s/s, %.2f MB\n", per(at24.cpu, at16.cpu, 8),
                per(static_cast<double>(at24.usage.maxRssMb), static_cast<double>(at16.usage.maxRssMb), 8));
    return 0;
}

// ---- latency mode

// A UDP port that was free a moment ago on 127.0.0.1.
int freeUdpPort() {
    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    if (fd >= 0)
        close(fd);
    return port;
}

// A flash-and-beep sender (ffmpeg, real time, MPEG-TS over UDP): white for 0.2 s every second,
// and with `beep` a 1 kHz beep starting with each flash. Returns its pid.
pid_t startFlashSender(int port, bool beep) {
    std::vector<std::string> a = {"ffmpeg",
                                  "-hide_banner",
                                  "-loglevel",
                                  "error",
                                  "-nostdin",
                                  "-re",
                                  "-f",
                                  "lavfi",
                                  "-i",
                                  "color=c=black:s=640x360:r=25,drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:"
                                  "enable='lt(mod(t,1),0.2)'"};
    if (beep)
        for (const char* x :
             {"-f", "lavfi", "-i", "aevalsrc='if(lt(mod(t,1),0.3),0.5*sin(2*PI*1000*t),0)':s=48000"})
            a.emplace_back(x);
    for (const char* x : {"-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25",
                          "-pix_fmt", "yuv420p"})
        a.emplace_back(x);
    if (beep)
        for (const char* x : {"-c:a", "aac", "-b:a", "96k"})
            a.emplace_back(x);
    else
        a.emplace_back("-an");
    // Every audio frame sent as it is made, as a hardware encoder does.
    for (const char* x : {"-muxdelay", "0", "-f", "mpegts"})
        a.emplace_back(x);
    a.push_back("udp://127.0.0.1:" + std::to_string(port) + "?pkt_size=1316");
    std::vector<char*> args;
    for (auto& x : a)
        args.push_back(x.data());
    args.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        execvp(args[0], args.data());
        _exit(127);
    }
    return pid;
}

bool isWhite(const VideoFramePtr& f, int cx, int cy) {
    if (!f)
        return false;
    const VideoFrame::Rgb c = f->meanRgb(cx, cy, 8, 8);
    return c.r > 180 && c.g > 180 && c.b > 180;
}

struct FlashTimes {
    std::vector<double> arrivals;  // seconds since start: the site's decoded picture turned white
    std::vector<double> onProgram; // the program's tile of the site turned white
};

void printSpread(const char* what, std::vector<double> ms) {
    if (ms.empty()) {
        std::printf("  %-34s no flashes measured\n", what);
        return;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-34s n=%2zu  min %6.1f  median %6.1f  max %6.1f ms\n", what, ms.size(), ms.front(),
                ms[ms.size() / 2], ms.back());
}

int runLatency(int seconds) {
    std::printf("HNTT engine: frame arrival to program, two senders over UDP MPEG-TS (flash every 1 s), "
                "program grid-2x2 640x360@25, %d s\n",
                seconds);
    const int withSound = freeUdpPort(), videoOnly = freeUdpPort();
    EngineConfig cfg;
    cfg.width = 640;
    cfg.height = 360;
    cfg.multiview = false;
    Engine engine(cfg);
    engine.addSite(1, {"Flash + beep", "udp://127.0.0.1:" + std::to_string(withSound), ""});
    engine.addSite(2, {"Flash, no audio", "udp://127.0.0.1:" + std::to_string(videoOnly), ""});
    engine.setProgram({"grid-2x2", {1, 2}});
    engine.start();
    const pid_t a = startFlashSender(withSound, true);
    const pid_t b = startFlashSender(videoOnly, false);
    std::this_thread::sleep_for(std::chrono::seconds(4)); // connected, the jitter buffer settled

    // Tile centres of grid-2x2 slots 0 and 1 on the program.
    const int tileX[2] = {cfg.width / 4, 3 * cfg.width / 4}, tileY = cfg.height / 4;
    FlashTimes times[2];
    bool siteWhite[2] = {false, false}, programWhite[2] = {false, false};
    const auto t0 = std::chrono::steady_clock::now();
    const auto end = t0 + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < end) {
        const double now = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const VideoFramePtr program = engine.programFrame();
        for (int i = 0; i < 2; ++i) {
            const VideoFramePtr own = engine.siteFrame(i + 1);
            const bool s = own && isWhite(own, own->width() / 2, own->height() / 2);
            const bool p = isWhite(program, tileX[i], tileY);
            if (s && !siteWhite[i])
                times[i].arrivals.push_back(now);
            if (p && !programWhite[i])
                times[i].onProgram.push_back(now);
            siteWhite[i] = s;
            programWhite[i] = p;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const SourceStats stats[2] = {*engine.siteStats(1), *engine.siteStats(2)};
    kill(a, SIGKILL);
    kill(b, SIGKILL);
    waitpid(a, nullptr, 0);
    waitpid(b, nullptr, 0);
    engine.stop();

    const char* names[2] = {"with sound (lip sync):", "video only:"};
    for (int i = 0; i < 2; ++i) {
        // Each flash on program is matched with the latest arrival before it.
        std::vector<double> ms;
        for (double p : times[i].onProgram) {
            double arrival = -1;
            for (double x : times[i].arrivals)
                if (x <= p)
                    arrival = x;
            if (arrival >= 0 && p - arrival < 0.9)
                ms.push_back((p - arrival) * 1000.0);
        }
        printSpread(names[i], ms);
        std::printf(
            "  %-34s audio latency %.0f ms, pictures held %.0f ms (engine's figures), %llu underruns\n", "",
            stats[i].audioLatencyMs, stats[i].videoDelayMs,
            static_cast<unsigned long long>(stats[i].audioUnderruns));
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    int sites = 16, seconds = 20;
    bool multiview = false, child = false, scale = false, latency = false, record = false, muteOthers = false;
    bool stream = false, returnFeeds = false, province = false;
    int scaleChild = 0;
    fs::path work = fs::temp_directory_path() / "hntt-bench";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--sites" && i + 1 < argc)
            sites = std::atoi(argv[++i]);
        else if (a == "--seconds" && i + 1 < argc)
            seconds = std::atoi(argv[++i]);
        else if (a == "--work" && i + 1 < argc)
            work = argv[++i];
        else if (a == "--multiview")
            multiview = true;
        else if (a == "--ours")
            child = true;
        else if (a == "--scale")
            scale = true;
        else if (a == "--latency")
            latency = true;
        else if (a == "--record")
            record = true;
        else if (a == "--mute-others")
            muteOthers = true;
        else if (a == "--stream")
            stream = true;
        else if (a == "--return-feeds")
            returnFeeds = true;
        else if (a == "--province")
            province = true;
        else if (a == "--scale-child" && i + 1 < argc)
            scaleChild = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr,
                         "usage: %s [--sites N] [--seconds S] [--work DIR] [--multiview] | --scale "
                         "[--seconds S] [--work DIR] [--record] [--mute-others] | --province [--seconds S] "
                         "[--work DIR] [--mute-others] | --latency [--seconds S]\n",
                         argv[0]);
            return 2;
        }
    }
    if (scaleChild > 0)
        return runScaleChild(work, {scaleChild, record, muteOthers, stream, returnFeeds}, seconds,
                             work / ("scale-" + std::to_string(scaleChild) + ".txt"));
    if (province)
        return runProvince(argv[0], work, seconds, muteOthers);
    if (scale)
        return runScale(argv[0], work, seconds, record, muteOthers);
    if (latency)
        return runLatency(seconds);
    if (sites < 1 || sites > 25 || seconds < 1) {
        std::fprintf(stderr, "--sites 1..25 (one grid), --seconds >= 1\n");
        return 2;
    }
    if (child)
        return runOurs(work, sites, seconds, multiview);

    std::printf(
        "HNTT engine vs ffmpeg: %d sites 640x360 → grid 1920x1080@25 + audio mix + x264 veryfast 4 Mbit/s "
        "+ MKV, %d s%s\n",
        sites, seconds, multiview ? " (ours also renders the multiview)" : "");
    if (!makeInputs(work, sites)) {
        std::fprintf(stderr, "cannot make the input files with ffmpeg\n");
        return 1;
    }
    std::vector<std::string> ours = {
        argv[0],  "--ours",     "--sites", std::to_string(sites), "--seconds", std::to_string(seconds),
        "--work", work.string()};
    if (multiview)
        ours.emplace_back("--multiview");
    const Usage u = runMeasured(ours);
    const Usage f = runMeasured(ffmpegArgs(work, sites, seconds));
    if (u.status != 0 || f.status != 0) {
        std::fprintf(stderr, "a run failed (ours %d, ffmpeg %d)\n", u.status, f.status);
        return 1;
    }
    // Both ran ~2 s of start-up plus `seconds` of output: compare per second of wall time.
    const double oursPerSecond = u.cpuSeconds / u.wallSeconds;
    const double ffPerSecond = f.cpuSeconds / f.wallSeconds;
    std::printf("%-8s %10s %10s %14s %10s\n", "", "CPU s", "wall s", "CPU-s / out s", "peak MB");
    std::printf("%-8s %10.2f %10.2f %14.3f %10ld\n", "ours", u.cpuSeconds, u.wallSeconds, oursPerSecond,
                u.maxRssMb);
    std::printf("%-8s %10.2f %10.2f %14.3f %10ld\n", "ffmpeg", f.cpuSeconds, f.wallSeconds, ffPerSecond,
                f.maxRssMb);
    std::printf("ratio ours/ffmpeg: %.2f (target <= 0.75)\n", oursPerSecond / ffPerSecond);
    return 0;
}
