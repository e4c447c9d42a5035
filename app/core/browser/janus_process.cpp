#include "core/browser/janus_process.h"

#include <QDir>
#include <QFile>
#include <QNetworkReply>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <algorithm>

namespace hntt::core {

namespace {

constexpr int kProbeEveryMs = 250;
constexpr int kAnswerWithinMs = 60000; // a loaded machine under a sanitizer starts it slowly
constexpr int kFirstRetryMs = 1000;
constexpr int kMaxRetryMs = 30000;
constexpr int kHealthyAfterMs = 60000; // alive this long: the next death starts the back-off again
constexpr qsizetype kOutputLines = 20;

const char* const kPluginsDir = "/usr/lib/x86_64-linux-gnu/janus";

quint16 freeLoopbackPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool writeFile(const QString& path, const QString& text, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// Every plugin and transport Debian ships but the two the console uses.
QString disabledBesides(const QString& folder, const QString& keep) {
    QStringList names = QDir(folder).entryList({QStringLiteral("libjanus_*.so")}, QDir::Files);
    names.removeAll(keep);
    return names.join(QLatin1Char(','));
}

} // namespace

JanusProcess::JanusProcess(JanusProcessSettings settings, QObject* parent)
    : QObject(parent)
    , settings_(std::move(settings)) {
    process_.setProcessChannelMode(QProcess::MergedChannels);
    connect(&process_, &QProcess::readyRead, this, [this] {
        while (process_.canReadLine()) {
            output_.append(QString::fromUtf8(process_.readLine()).trimmed());
            if (output_.size() > kOutputLines)
                output_.removeFirst();
        }
        if (process_.bytesAvailable() > 64 * 1024)
            process_.readAll(); // a line that never ends is not kept
    });
    connect(&process_, &QProcess::finished, this, &JanusProcess::onFinished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart && !stopping_)
            scheduleRestart(tr("Janus could not start: %1").arg(process_.errorString()));
    });
    probeTimer_.setInterval(kProbeEveryMs);
    connect(&probeTimer_, &QTimer::timeout, this, &JanusProcess::probe);
    restartTimer_.setSingleShot(true);
    connect(&restartTimer_, &QTimer::timeout, this, &JanusProcess::launch);
}

JanusProcess::~JanusProcess() {
    stop();
}

bool JanusProcess::start(QString* error) {
    if (QStandardPaths::findExecutable(settings_.program).isEmpty() && !QFile::exists(settings_.program)) {
        *error = tr("Janus is not installed (Debian package \"janus\"): browser sites are off.");
        return false;
    }
    if (!QDir().mkpath(settings_.folder)) {
        *error = tr("Cannot create the folder %1 for Janus.").arg(settings_.folder);
        return false;
    }
    stopping_ = false;
    launch();
    return true;
}

bool JanusProcess::writeConfiguration(QString* error) {
    const QString dir = settings_.folder;
    const QString lib = QString::fromLatin1(kPluginsDir);
    const QString main =
        QStringLiteral("general: {\n"
                       "  configs_folder = \"%1\"\n"
                       "  plugins_folder = \"%2/plugins\"\n"
                       "  transports_folder = \"%2/transports\"\n"
                       "  events_folder = \"%2/events\"\n"
                       "  loggers_folder = \"%2/loggers\"\n"
                       "  debug_level = 4\n"
                       "  session_timeout = 60\n"
                       "  reclaim_session_timeout = 0\n"
                       "}\n"
                       "media: { rtp_port_range = \"%3\" }\n"
                       "nat: { nice_debug = false ice_ignore_list = \"vmnet\" }\n"
                       "plugins: { disable = \"%4\" }\n"
                       "transports: { disable = \"%5\" }\n"
                       "events: { broadcast = false }\n"
                       "loggers: { disable = \"%6\" }\n")
            .arg(dir, lib, settings_.icePorts,
                 disabledBesides(lib + QStringLiteral("/plugins"), QStringLiteral("libjanus_nosip.so")),
                 disabledBesides(lib + QStringLiteral("/transports"), QStringLiteral("libjanus_http.so")),
                 disabledBesides(lib + QStringLiteral("/loggers"), QString()));
    // The API answers on loopback only: the join page reaches it through the console.
    const QString http =
        QStringLiteral("general: { json = \"plain\" base_path = \"/janus\" http = true port = %1 "
                       "ip = \"127.0.0.1\" https = false }\n"
                       "admin: { admin_http = false admin_https = false }\n")
            .arg(apiUrl_.port());
    // Its plain-RTP side faces the engine on this machine.
    const QString nosip =
        QStringLiteral("general: { local_ip = \"127.0.0.1\" rtp_port_range = \"%1\" events = false }\n")
            .arg(settings_.plainPorts);
    return writeFile(dir + QStringLiteral("/janus.jcfg"), main, error) &&
           writeFile(dir + QStringLiteral("/janus.transport.http.jcfg"), http, error) &&
           writeFile(dir + QStringLiteral("/janus.plugin.nosip.jcfg"), nosip, error);
}

void JanusProcess::launch() {
    if (stopping_ || isRunning())
        return;
    const quint16 port = settings_.apiPort ? settings_.apiPort : freeLoopbackPort();
    apiUrl_ = QUrl(QStringLiteral("http://127.0.0.1:%1/janus").arg(port));
    QString error;
    if (port == 0 || !writeConfiguration(&error)) {
        scheduleRestart(error.isEmpty() ? tr("No free port for Janus's API.") : error);
        return;
    }
    output_.clear();
    answered_ = false;
    sinceLaunch_.start();
    process_.start(settings_.program, {QStringLiteral("--config=%1/janus.jcfg").arg(settings_.folder),
                                       QStringLiteral("--configs-folder=%1").arg(settings_.folder),
                                       QStringLiteral("--disable-colors")});
    probeTimer_.start();
}

void JanusProcess::probe() {
    if (!isRunning() || answered_)
        return;
    if (sinceLaunch_.elapsed() > kAnswerWithinMs) {
        probeTimer_.stop();
        process_.kill(); // onFinished() restarts it
        return;
    }
    QUrl info = apiUrl_;
    info.setPath(apiUrl_.path() + QStringLiteral("/info"));
    QNetworkRequest request(info);
    request.setTransferTimeout(kProbeEveryMs * 4);
    QNetworkReply* r = network_.get(request);
    r->setParent(this);
    connect(r, &QNetworkReply::finished, this, [this, r] {
        r->deleteLater();
        if (r->error() != QNetworkReply::NoError || answered_ || !isRunning())
            return;
        answered_ = true;
        probeTimer_.stop();
        emit ready(apiUrl_);
    });
}

void JanusProcess::onFinished() {
    probeTimer_.stop();
    if (stopping_)
        return;
    const QString last = lastOutput();
    scheduleRestart(last.isEmpty()
                        ? tr("Janus stopped (exit code %1).").arg(process_.exitCode())
                        : tr("Janus stopped (exit code %1): %2").arg(process_.exitCode()).arg(last));
}

QString JanusProcess::lastOutput() const {
    for (auto it = output_.crbegin(); it != output_.crend(); ++it)
        if (!it->isEmpty())
            return it->left(200);
    return {};
}

void JanusProcess::scheduleRestart(const QString& reason) {
    if (stopping_ || restartTimer_.isActive())
        return;
    if (sinceLaunch_.isValid() && sinceLaunch_.elapsed() > kHealthyAfterMs)
        failures_ = 0;
    const int retry = std::min(kMaxRetryMs, kFirstRetryMs << std::min(failures_, 5));
    failures_++;
    restarts_++;
    restartTimer_.start(retry);
    emit died(reason, retry);
}

void JanusProcess::stop() {
    stopping_ = true;
    probeTimer_.stop();
    restartTimer_.stop();
    if (process_.state() == QProcess::NotRunning)
        return;
    process_.terminate();
    if (!process_.waitForFinished(3000)) {
        process_.kill();
        process_.waitForFinished(1000);
    }
}

} // namespace hntt::core
