// baresip (a SIP video softphone nobody here wrote) as a room system for the suites: its own
// config folder, a sine tone as its microphone (ausine), a generated picture (fakevideo), auto
// answer, driven over ctrl_tcp; it dumps the sound it hears (sndfile) and saves the picture it
// receives on request (snapshot). Killed when destroyed.
#pragma once

#include "child_process.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace hntt::test {

class BaresipPeer {
public:
    // user: the account's user part (its From is sip:user@127.0.0.1); toneHz: its microphone.
    BaresipPeer(const QString& user, int toneHz);
    ~BaresipPeer();
    BaresipPeer(const BaresipPeer&) = delete;
    BaresipPeer& operator=(const BaresipPeer&) = delete;

    // Starts it and waits until it says it is ready; false (with its output in `log`) otherwise.
    bool start(QString* log = nullptr);
    QString uri() const;     // sip:user@127.0.0.1:port
    QString fromUri() const; // sip:user@127.0.0.1, what a directory site holds
    quint16 sipPort() const { return sipPort_; }

    // ctrl_tcp commands; false when baresip did not take it. `data`: what it answered.
    bool command(const QString& name, const QString& params = {}, QString* data = nullptr);
    // Its active calls, as it counts them; -1 when it did not answer.
    int activeCalls();
    bool dial(const QString& target) { return command(QStringLiteral("dial"), target); }
    bool hangup() { return command(QStringLiteral("hangup")); }
    // Saves the picture it receives now (PNG) to `path`.
    bool snapshot(const QString& path) { return command(QStringLiteral("snapshot_recv"), path); }

    // The sound it received on its (last) call, as written by sndfile; empty before a call.
    QString receivedSoundFile() const;
    QString output() const; // what it printed so far
    void kill();

private:
    QTemporaryDir dir_;
    QString user_;
    quint16 sipPort_ = 0;
    quint16 ctrlPort_ = 0;
    std::unique_ptr<ChildProcess> process_;
};

} // namespace hntt::test
