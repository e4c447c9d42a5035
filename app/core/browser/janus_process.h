// The console's own Janus (--janus auto): a configuration written into the data folder (its API on
// loopback only, no admin API, only the NoSIP plugin and the HTTP transport), the process started,
// watched and restarted with back-off when it dies. ready() gives the URL of its API once it
// answers.
#pragma once

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

namespace hntt::core {

struct JanusProcessSettings {
    QString folder; // where its configuration and log go (created)
    QString program = QStringLiteral("janus");
    quint16 apiPort = 0;                                // 0: a free loopback port is picked at each start
    QString icePorts = QStringLiteral("40000-40999");   // the browsers' side (ICE, DTLS-SRTP)
    QString plainPorts = QStringLiteral("41000-41999"); // the console's side (plain RTP)
};

class JanusProcess : public QObject {
    Q_OBJECT

public:
    explicit JanusProcess(JanusProcessSettings settings, QObject* parent = nullptr);
    ~JanusProcess() override; // stops it

    // Writes the configuration and starts Janus; false with `error` when it cannot even start
    // (not installed, folder not writable).
    bool start(QString* error);
    void stop();
    bool isRunning() const { return process_.state() != QProcess::NotRunning; }
    QUrl apiUrl() const { return apiUrl_; }
    int restarts() const { return restarts_; }

Q_SIGNALS:
    void ready(const QUrl& apiUrl);
    // It died or never answered; it is restarted after `retryMs`.
    void died(const QString& reason, int retryMs);

private:
    bool writeConfiguration(QString* error);
    void launch();
    void probe();
    void onFinished();
    void scheduleRestart(const QString& reason);
    QString lastOutput() const;

    JanusProcessSettings settings_;
    QProcess process_;
    QNetworkAccessManager network_;
    QTimer probeTimer_;
    QTimer restartTimer_;
    QElapsedTimer sinceLaunch_;
    QUrl apiUrl_;
    QStringList output_; // its last lines, for the reason of a death
    bool stopping_ = false;
    bool answered_ = false;
    int failures_ = 0;
    int restarts_ = 0;
};

} // namespace hntt::core
