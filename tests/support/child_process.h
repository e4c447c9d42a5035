// A child program for the tests (ffmpeg senders, probes, SIP and browser peers), started with
// posix_spawn. QProcess (Qt 6.4) starts children with clone(CLONE_VM | CLONE_VFORK) and runs
// intercepted calls (signal, dup2, close) in the child on the parent's memory; under
// ThreadSanitizer that rewrites the parent's own bookkeeping and yields reports of races that
// do not exist. posix_spawn's child runs only libc's internal calls until exec. Every child is
// killed when the test process ends, however it ends (setpriv --pdeathsig, from util-linux).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <sys/types.h>

namespace hntt::test {

class ChildProcess {
public:
    enum class Output {
        Discard, // /dev/null
        Inherit, // the test's own stderr/stdout
        Capture, // kept (in an unlinked file), read with output()
        File,    // written to Options::outFile (truncated first); stdout only
    };
    struct Options {
        Output out = Output::Discard;
        Output err = Output::Inherit;
        bool mergeErrIntoOut = false; // stderr goes where stdout goes
        QString outFile;
        QStringList extraEnvironment; // NAME=value, in place of the test's own NAME
        bool ownProcessGroup = false; // its pid is its group's id: kill(-pid) ends its children too
    };

    ChildProcess(const QString& program, const QStringList& args, const Options& options);
    ~ChildProcess(); // kills (SIGKILL) and reaps a child still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool started() const { return pid_ > 0; }
    const QString& startError() const { return startError_; }
    pid_t pid() const { return pid_; }
    bool running();
    // Waits up to `msecs`; true when the child has ended.
    bool waitFinished(int msecs);
    // Exit code of a child that ended normally, else -1.
    int exitCode() const { return exitCode_; }
    void terminate(); // SIGTERM
    void kill();      // SIGKILL, then reaped
    // Waits up to `msecs` for `marker` in the captured output; false if the child ended without it.
    bool waitForOutput(const QByteArray& marker, int msecs);
    // Captured output so far (stdout, with stderr when merged), as its files hold it now.
    const QByteArray& output();
    const QByteArray& errorOutput();

private:
    void pump();
    bool reap(bool block);

    pid_t pid_ = -1;
    bool ended_ = false;
    int exitCode_ = -1;
    int outFd_ = -1;
    int errFd_ = -1;
    int stdinFd_ = -1; // the write end of the child's stdin, held open
    QByteArray out_;
    QByteArray err_;
    QString startError_;
};

} // namespace hntt::test
