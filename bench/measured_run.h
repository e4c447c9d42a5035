// Runs a command as a child process and measures it (CPU, wall time, peak memory): the benchmarks'
// way of timing a peer (the ffmpeg CLI) or a run of their own beside each other.
#pragma once

#include <chrono>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace hntt::bench {

struct Usage {
    double cpuSeconds = 0;
    double wallSeconds = 0;
    long maxRssMb = 0;
    int status = -1; // exit status; -1 when it did not exit by itself
};

inline Usage runMeasured(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        execvp(args[0], args.data());
        _exit(127);
    }
    Usage u;
    struct rusage ru = {};
    int status = 0;
    wait4(pid, &status, 0, &ru);
    u.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    u.cpuSeconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                   static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    u.maxRssMb = ru.ru_maxrss / 1024;
    u.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return u;
}

} // namespace hntt::bench
