#include "child_process.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

namespace hntt::test {

namespace {

// posix_spawn's file actions, freed on every path.
struct FileActions {
    posix_spawn_file_actions_t actions;
    FileActions() { posix_spawn_file_actions_init(&actions); }
    ~FileActions() { posix_spawn_file_actions_destroy(&actions); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
};

void closeFd(int& fd) {
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

ChildProcess::ChildProcess(const QString& program, const QStringList& args, const Options& options) {
    const QString path = program.contains(u'/') ? program : QStandardPaths::findExecutable(program);
    if (path.isEmpty() || !QFileInfo(path).isExecutable()) {
        startError_ = QStringLiteral("%1: not found").arg(program);
        return;
    }
    // Through setpriv, whose parent-death signal survives the exec: a suite that dies (a
    // sanitizer's report ends it at once) takes its peers with it instead of leaving them to eat
    // the next suites' CPU.
    std::vector<std::string> argStore{"setpriv", "--pdeathsig", "KILL", "--", path.toStdString()};
    for (const QString& a : args)
        argStore.push_back(a.toStdString());
    std::vector<char*> argv;
    for (auto& a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> envStore;
    auto overridden = [&](const char* entry) {
        for (const QString& e : options.extraEnvironment) {
            const qsizetype eq = e.indexOf(u'=');
            const QByteArray name = e.left(eq + 1).toLocal8Bit();
            if (std::strncmp(entry, name.constData(), static_cast<std::size_t>(name.size())) == 0)
                return true;
        }
        return false;
    };
    for (char** e = environ; e && *e; ++e)
        if (!overridden(*e))
            envStore.emplace_back(*e);
    for (const QString& e : options.extraEnvironment)
        envStore.push_back(e.toStdString());
    std::vector<char*> envp;
    for (auto& e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    FileActions fa;
    int outFiles[2] = {-1, -1};
    int errFiles[2] = {-1, -1};
    auto route = [&](Output how, int target, int(&files)[2]) {
        switch (how) {
        case Output::Discard:
            posix_spawn_file_actions_addopen(&fa.actions, target, "/dev/null", O_WRONLY, 0);
            break;
        case Output::Inherit:
            break;
        case Output::File: {
            const QByteArray path = options.outFile.toLocal8Bit();
            posix_spawn_file_actions_addopen(&fa.actions, target, path.constData(),
                                             O_WRONLY | O_CREAT | O_TRUNC, 0644);
            break;
        }
        case Output::Capture: {
            // An unlinked file, not a pipe: a chatty child never blocks on a reader that is busy.
            char name[] = "/tmp/hntt-child-XXXXXX";
            const int fd = ::mkostemp(name, O_CLOEXEC);
            if (fd >= 0) {
                ::unlink(name);
                files[0] = fd;
                files[1] = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
                posix_spawn_file_actions_adddup2(&fa.actions, files[1], target);
            }
            break;
        }
        }
    };
    // stdin: a pipe kept open and never written, as QProcess gives (EOF makes some programs quit).
    int in[2] = {-1, -1};
    if (::pipe2(in, O_CLOEXEC) == 0) {
        posix_spawn_file_actions_adddup2(&fa.actions, in[0], 0);
        stdinFd_ = in[1];
    } else {
        posix_spawn_file_actions_addopen(&fa.actions, 0, "/dev/null", O_RDONLY, 0);
    }
    route(options.out, 1, outFiles);
    if (options.mergeErrIntoOut)
        posix_spawn_file_actions_adddup2(&fa.actions, 1, 2);
    else
        route(options.err, 2, errFiles);

    // A fresh program's signals: none blocked, none ignored (the test may ignore SIGPIPE or
    // block others on the calling thread, and a child would inherit both).
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if (options.ownProcessGroup) {
        flags |= POSIX_SPAWN_SETPGROUP;
        posix_spawnattr_setpgroup(&attr, 0);
    }
    posix_spawnattr_setflags(&attr, flags);
    pid_t pid = -1;
    const int rc = ::posix_spawnp(&pid, argv[0], &fa.actions, &attr, argv.data(), envp.data());
    posix_spawnattr_destroy(&attr);
    closeFd(outFiles[1]);
    closeFd(errFiles[1]);
    closeFd(in[0]);
    outFd_ = outFiles[0];
    errFd_ = errFiles[0];
    if (rc != 0) {
        closeFd(stdinFd_);
        startError_ = QStringLiteral("%1: %2").arg(program, QString::fromLocal8Bit(std::strerror(rc)));
        closeFd(outFd_);
        closeFd(errFd_);
        return;
    }
    pid_ = pid;
}

ChildProcess::~ChildProcess() {
    kill();
    closeFd(outFd_);
    closeFd(errFd_);
    closeFd(stdinFd_);
}

bool ChildProcess::reap(bool block) {
    if (pid_ <= 0 || ended_)
        return true;
    int status = 0;
    pid_t r;
    do {
        r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r == 0)
        return false;
    ended_ = true;
    exitCode_ = r == pid_ && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return true;
}

bool ChildProcess::running() {
    return started() && !reap(false);
}

void ChildProcess::pump() {
    // pread at our own position: the child shares the file's offset.
    for (auto [fd, into] : {std::pair{outFd_, &out_}, std::pair{errFd_, &err_}}) {
        if (fd < 0)
            continue;
        char buf[65536];
        ssize_t got;
        while ((got = ::pread(fd, buf, sizeof buf, static_cast<off_t>(into->size()))) > 0)
            into->append(buf, static_cast<qsizetype>(got));
    }
}

bool ChildProcess::waitFinished(int msecs) {
    if (!started())
        return true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(msecs);
    while (!reap(false)) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        ::poll(nullptr, 0, 10);
    }
    pump();
    return true;
}

bool ChildProcess::waitForOutput(const QByteArray& marker, int msecs) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(msecs);
    while (true) {
        pump();
        if (out_.contains(marker))
            return true;
        if (!running()) { // what it wrote just before it ended
            pump();
            return out_.contains(marker);
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        ::poll(nullptr, 0, 20);
    }
}

void ChildProcess::terminate() {
    if (running())
        ::kill(pid_, SIGTERM);
}

void ChildProcess::kill() {
    if (!running())
        return;
    ::kill(pid_, SIGKILL);
    reap(true);
}

const QByteArray& ChildProcess::output() {
    pump();
    return out_;
}

const QByteArray& ChildProcess::errorOutput() {
    pump();
    return err_;
}

} // namespace hntt::test
