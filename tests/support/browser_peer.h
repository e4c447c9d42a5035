// Debian's Chromium as a WebRTC peer for the suites. Janus offers no loopback candidates and
// Chromium leaves loopback out, so the browser runs in a network namespace of its own, joined to
// the host by a veth pair (NetnsLink), and loads the console's pages from the host's end of it.
// The suites drive the page over the DevTools protocol (BrowserPeer). Both need root (or
// CAP_NET_ADMIN and CAP_SYS_ADMIN): a suite asks NetnsLink::available() and QSKIPs otherwise.
#pragma once

#include "child_process.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>
#include <memory>
#include <utility>

namespace hntt::test {

// A network namespace named hntt-t<pid>-<n>, a veth pair into it (host end hnt<pid>-<n>, the
// other end veth0 inside) and a /30 out of 10.213.0.0/16: .1 on the host end, .2 inside, lo up
// too. No default route inside: the namespace reaches the host's end and nothing else. Removed
// again when destroyed, with whatever still runs inside, also after a setup that failed halfway.
// Namespaces and links that a test process which died left behind are removed by the next one.
class NetnsLink {
public:
    NetnsLink();
    ~NetnsLink();
    NetnsLink(const NetnsLink&) = delete;
    NetnsLink& operator=(const NetnsLink&) = delete;

    bool ok() const { return ok_; }
    QString error() const { return error_; } // why not ok(), with what ip said
    QString name() const { return name_; }   // of the namespace (ip netns exec NAME ...)
    QString hostInterface() const { return hostIf_; }
    QString hostAddress() const { return hostAddress_; }           // the host's end, 10.213.x.y
    QString namespaceAddress() const { return namespaceAddress_; } // the namespace's end

    // Whether namespaces and veth pairs can be made here (tried once per process); `why`: why not.
    static bool available(QString* why = nullptr);

private:
    bool setUp(int attempt, QString* why);
    void tearDown();

    QString name_;
    QString hostIf_;
    QString hostAddress_;
    QString namespaceAddress_;
    QString error_;
    bool nsCreated_ = false;
    bool linkCreated_ = false;
    bool ok_ = false;
};

// A headless Chromium in a NetnsLink's namespace, its camera a Y4M file and its microphone a WAV
// file (both looped), driven over the DevTools protocol. All the waiting (start, open, evaluate,
// waitFor, screenshotPng, stop) keeps the calling thread's Qt event loop running, so a console
// core in the same thread goes on serving the page meanwhile.
class BrowserPeer {
public:
    BrowserPeer();
    ~BrowserPeer(); // stop()
    BrowserPeer(const BrowserPeer&) = delete;
    BrowserPeer& operator=(const BrowserPeer&) = delete;

    // Whether /usr/bin/chromium and ffmpeg are here; `why`: what is missing.
    static bool available(QString* why = nullptr);

    // A solid-colour 4:2:0 Y4M (BT.601) and a mono 16-bit sine WAV, made by ffmpeg. Chromium
    // loops both. rgb: 0xRRGGBB.
    static bool makeColourY4m(const QString& path, quint32 rgb, int width = 640, int height = 360,
                              int fps = 25, int seconds = 2);
    // The same from a QColor (anything with rgb()), for suites that have Qt GUI.
    template <class Colour, class = decltype(std::declval<const Colour&>().rgb())>
    static bool makeColourY4m(const QString& path, const Colour& colour, int width = 640, int height = 360,
                              int fps = 25, int seconds = 2) {
        return makeColourY4m(path, static_cast<quint32>(colour.rgb() & 0xffffffu), width, height, fps,
                             seconds);
    }
    // Qt::red and the like would be taken for 0x000007: say QColor(Qt::red).
    static bool makeColourY4m(const QString& path, Qt::GlobalColor colour, int width = 640, int height = 360,
                              int fps = 25, int seconds = 2) = delete;
    static bool makeToneWav(const QString& path, int hz, int seconds = 2, int sampleRate = 48000);

    // Launches Chromium in the link's namespace (the link must outlive this peer's browser) and
    // attaches to its page; false with lastError() (and log()) when it did not come up in
    // `timeoutMs`.
    bool start(const NetnsLink& link, const QString& y4m, const QString& wav, int timeoutMs = 30000);
    // More command-line switches for the next start() (after the standard ones).
    void setExtraArguments(const QStringList& args) { extraArgs_ = args; }
    bool running() const;

    // Navigates the page and waits until its document is complete; false with lastError() when
    // the navigation failed (bad certificate, refused, ...) or took longer.
    bool open(const QString& url, int timeoutMs = 30000);

    // Runtime.evaluate in the page (a promise is awaited, the result returned by value, with a user
    // gesture): the result as QVariant (from JSON; null/undefined as a null QVariant that is
    // valid). Invalid on an exception, a value that cannot be returned by value, or a timeout,
    // with lastError() saying which.
    QVariant evaluate(const QString& expression, int timeoutMs = 10000);
    // Evaluates `expression` every 100 ms until it is truthy (true) or `timeoutMs` passes (false);
    // throwing counts as false, so it can wait across navigations and for things not there yet.
    bool waitFor(const QString& expression, int timeoutMs);

    QByteArray screenshotPng(); // Page.captureScreenshot; empty on failure

    // Browser.close, then SIGKILL to the browser's process group if it has not gone in 5 s.
    void stop();

    QString lastError() const { return lastError_; }
    // The tail of Chromium's stderr/stdout (it complains a lot: dbus, ...), for failure messages.
    QString log(int maxChars = 8000) const;
    // The page's console messages and uncaught exceptions, oldest first (the last 500).
    QStringList consoleMessages() const;
    // Launch to page attached and ready, of the last start() that succeeded; -1 before.
    qint64 startupMs() const { return startupMs_; }

private:
    struct Cdp;
    bool launch(const NetnsLink& link, const QString& y4m, const QString& wav, int timeoutMs);
    bool fail(const QString& why);
    // A DevTools command to the page's session (toPage) or to the browser; false with lastError().
    bool command(const QString& method, const QJsonObject& params, QJsonObject* result, int timeoutMs,
                 bool toPage = true);

    QTemporaryDir dir_;
    std::unique_ptr<ChildProcess> process_;
    std::unique_ptr<Cdp> cdp_;
    QString sessionId_;
    QString lastError_;
    QStringList extraArgs_;
    QStringList console_; // kept from the last run once stopped
    qint64 startupMs_ = -1;
};

} // namespace hntt::test
