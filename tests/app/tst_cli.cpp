// The command line of shared/API.md: every flag parsed, bad values rejected with exit code 2.
#include "cli/command_line.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <csignal>
#include <memory>

using hntt::cli::parseCommandLine;
using hntt::cli::ParseResult;

namespace {
// Sends a request and waits up to 15 s for its answer, the events of the test's thread running.
std::unique_ptr<QNetworkReply> finishedReply(QNetworkAccessManager& nam, const QNetworkRequest& req,
                                             const QByteArray& verb, const QByteArray& body) {
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(req, verb, body));
    QElapsedTimer wait;
    wait.start();
    while (!reply->isFinished() && wait.elapsed() < 15000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return reply;
}
} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    static ParseResult parse(QStringList args) {
        args.prepend(QStringLiteral("hntt-console"));
        return parseCommandLine(args);
    }

private slots:
    void defaults() {
        const ParseResult r = parse({});
        QCOMPARE(r.action, ParseResult::Action::Run);
        QCOMPARE(r.options.headless, false);
        QCOMPARE(r.options.apiEnabled, true);
        QCOMPARE(r.options.apiHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(r.options.apiPort, quint16(8470));
        QCOMPARE(r.options.programWidth, 1920);
        QCOMPARE(r.options.programHeight, 1080);
        QCOMPARE(r.options.programFps, 25);
    }

    void everyFlag() {
        const ParseResult r =
            parse({"--headless", "--demo", "--data-dir", "/tmp/x", "--api-listen", "127.0.0.2:9000",
                   "--api-token-file", "/tmp/t", "--program", "1280x720@50", "--lang", "en"});
        QCOMPARE(r.action, ParseResult::Action::Run);
        QVERIFY(r.options.headless);
        QVERIFY(r.options.demo);
        QCOMPARE(r.options.dataDir, QStringLiteral("/tmp/x"));
        QCOMPARE(r.options.apiHost, QStringLiteral("127.0.0.2"));
        QCOMPARE(r.options.apiPort, quint16(9000));
        QCOMPARE(r.options.apiTokenFile, QStringLiteral("/tmp/t"));
        QCOMPARE(r.options.programWidth, 1280);
        QCOMPARE(r.options.programHeight, 720);
        QCOMPARE(r.options.programFps, 50);
        QCOMPARE(r.options.language, QStringLiteral("en"));
    }

    void apiOffAndIpv6() {
        QCOMPARE(parse({"--api-listen", "off"}).options.apiEnabled, false);
        const ParseResult v6 = parse({"--api-listen", "[::1]:8471"});
        QCOMPARE(v6.action, ParseResult::Action::Run);
        QCOMPARE(v6.options.apiHost, QStringLiteral("::1"));
        QCOMPARE(v6.options.apiPort, quint16(8471));
    }

    void sipListen() {
        const ParseResult byDefault = parse({});
        QVERIFY(byDefault.options.sipEnabled);
        QCOMPARE(byDefault.options.sipHost, QStringLiteral("0.0.0.0"));
        QCOMPARE(byDefault.options.sipPort, quint16(5060));
        QCOMPARE(parse({"--sip-listen", "off"}).options.sipEnabled, false);
        const ParseResult ports = parse({"--rtp-ports", "30000-30099"});
        QCOMPARE(ports.options.rtpPortMin, quint16(30000));
        QCOMPARE(ports.options.rtpPortMax, quint16(30099));
        QCOMPARE(byDefault.options.rtpPortMin, quint16(20000));
        const ParseResult chosen = parse({"--sip-listen", "10.20.0.1:5070"});
        QCOMPARE(chosen.action, ParseResult::Action::Run);
        QCOMPARE(chosen.options.sipHost, QStringLiteral("10.20.0.1"));
        QCOMPARE(chosen.options.sipPort, quint16(5070));
        // A SIP port open to the network needs no token: who may call is the directory's matter.
        QCOMPARE(parse({"--sip-listen", "0.0.0.0:5060"}).options.apiEnabled, true);
    }

    void nonLoopbackNeedsTokenFile() {
        QCOMPARE(parse({"--api-listen", "0.0.0.0:8470"}).action, ParseResult::Action::Error);
        QCOMPARE(parse({"--api-listen", "0.0.0.0:8470", "--api-token-file", "/tmp/t"}).action,
                 ParseResult::Action::Run);
    }

    void securityFlags() {
        const ParseResult r =
            parse({"--media-dir", "/srv/media", "--allow-local-sources", "--api-tokens", "/etc/hntt/tokens",
                   "--api-cert", "/etc/hntt/api.pem", "--api-key", "/etc/hntt/api.key"});
        QCOMPARE(r.action, ParseResult::Action::Run);
        QCOMPARE(r.options.mediaDir, QStringLiteral("/srv/media"));
        QVERIFY(r.options.allowLocalSources);
        QCOMPARE(r.options.apiTokens, QStringLiteral("/etc/hntt/tokens"));
        QCOMPARE(r.options.apiCert, QStringLiteral("/etc/hntt/api.pem"));
        QCOMPARE(r.options.apiKey, QStringLiteral("/etc/hntt/api.key"));
        QVERIFY(!parse({}).options.allowLocalSources);
        QCOMPARE(parse({"--api-cert", "/etc/hntt/api.pem"}).action, ParseResult::Action::Error);
        QCOMPARE(parse({"--api-key", "/etc/hntt/api.key"}).action, ParseResult::Action::Error);
    }

    // Off loopback the API speaks only HTTPS (here with the console's own certificate, kept with
    // the join page's), a read-only token from --api-tokens reads but changes nothing, and the
    // descriptor limit is raised for the connection caps.
    void apiOffLoopbackIsHttpsWithRoles() {
        QTemporaryDir tmp;
        const QString dataDir = tmp.filePath(QStringLiteral("data"));
        const QString tokenFile = tmp.filePath(QStringLiteral("token"));
        const QString tokens = tmp.filePath(QStringLiteral("tokens"));
        QFile t(tokenFile);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("operator-token-0123456789\n");
        t.close();
        QFile l(tokens);
        QVERIFY(l.open(QIODevice::WriteOnly));
        l.write("# who may watch\nlanh-dao viewer viewer-token-0123456789\n");
        l.close();
        QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile::setPermissions(tokens, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const quint16 port = hntt::test::freeTcpPort();
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedOutputChannel);
        p.start(HNTT_CONSOLE_BINARY, {"--headless", "--api-listen", QStringLiteral("0.0.0.0:%1").arg(port),
                                      "--api-token-file", tokenFile, "--api-tokens", tokens, "--sip-listen",
                                      "off", "--web-listen", "off", "--data-dir", dataDir});
        QVERIFY(p.waitForStarted());
        const QString pem = QDir(dataDir).filePath(QStringLiteral("web/web-certificate.pem"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(pem), 20000);
        QFile certFile(pem);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromData(certFile.readAll()));

        QNetworkAccessManager nam;
        auto ask = [&](const QString& scheme, const QByteArray& verb, const QString& path,
                       const QByteArray& token, const QByteArray& body = {}) {
            QNetworkRequest req(
                QUrl(QStringLiteral("%1://127.0.0.1:%2/api/v1%3").arg(scheme).arg(port).arg(path)));
            req.setSslConfiguration(ssl);
            req.setRawHeader("Authorization", "Bearer " + token);
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            const std::unique_ptr<QNetworkReply> reply = finishedReply(nam, req, verb, body);
            return std::make_pair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                  reply->error());
        };
        QTRY_COMPARE_WITH_TIMEOUT(ask("https", "GET", "/health", {}).first, 200, 20000);
        QCOMPARE(ask("https", "GET", "/state", "operator-token-0123456789").first, 200);
        QCOMPARE(ask("https", "GET", "/state", "viewer-token-0123456789").first, 200);
        QCOMPARE(
            ask("https", "POST", "/sites", "viewer-token-0123456789", R"({"name":"X","level":"province"})")
                .first,
            403);
        QCOMPARE(ask("https", "GET", "/sites", "viewer-token-0123456789").first, 200);
        // Plain HTTP is not spoken off loopback.
        QCOMPARE(ask("http", "GET", "/health", {}).first, 0);

        QFile limits(QStringLiteral("/proc/%1/limits").arg(p.processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const QString text = QString::fromLatin1(limits.readAll());
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("Max open files\\s+(\\d+)\\s+(\\S+)")).match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        const qint64 hard =
            m.captured(2) == QLatin1String("unlimited") ? 1 << 30 : m.captured(2).toLongLong();
        QVERIFY2(m.captured(1).toLongLong() >= std::min<qint64>(4096, hard), qPrintable(text));

        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitCode(), 0);
    }

    void rejects_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown flag") << QStringList{"--bogus"};
        QTest::newRow("positional") << QStringList{"extra"};
        QTest::newRow("program garbage") << QStringList{"--program", "19x@"};
        QTest::newRow("program odd width") << QStringList{"--program", "1921x1080@25"};
        QTest::newRow("program zero fps") << QStringList{"--program", "1920x1080@0"};
        QTest::newRow("program huge") << QStringList{"--program", "99999x1080@25"};
        QTest::newRow("listen no port") << QStringList{"--api-listen", "127.0.0.1"};
        QTest::newRow("listen port 0") << QStringList{"--api-listen", "127.0.0.1:0"};
        QTest::newRow("listen port big") << QStringList{"--api-listen", "127.0.0.1:70000"};
        QTest::newRow("listen bad host") << QStringList{"--api-listen", "no host:80"};
        QTest::newRow("sip no port") << QStringList{"--sip-listen", "0.0.0.0"};
        QTest::newRow("sip bad host") << QStringList{"--sip-listen", "no host:5060"};
        QTest::newRow("sip localhost") << QStringList{"--sip-listen", "localhost:5060"};
        QTest::newRow("rtp reversed") << QStringList{"--rtp-ports", "30099-30000"};
        QTest::newRow("rtp too few") << QStringList{"--rtp-ports", "30000-30001"};
        QTest::newRow("rtp privileged") << QStringList{"--rtp-ports", "100-200"};
        QTest::newRow("lang") << QStringList{"--lang", "fr"};
        QTest::newRow("missing value") << QStringList{"--data-dir"};
    }
    void rejects() {
        QFETCH(QStringList, args);
        const ParseResult r = parse(args);
        QCOMPARE(r.action, ParseResult::Action::Error);
        QVERIFY(!r.text.isEmpty());
    }

    void helpListsEveryFlag() {
        const ParseResult r = parse({"--help"});
        QCOMPARE(r.action, ParseResult::Action::ShowHelp);
        for (const char* flag : {"--headless", "--demo", "--data-dir", "--api-listen", "--sip-listen",
                                 "--api-token-file", "--api-tokens", "--api-cert", "--api-key", "--media-dir",
                                 "--allow-local-sources", "--program", "--lang", "--version", "--help"})
            QVERIFY2(r.text.contains(QLatin1String(flag)), flag);
    }

    // The real binary: exit codes, stdout/stderr, and a clean stop on SIGTERM.
    void binaryVersionAndErrors() {
        QByteArray out, err;
        QCOMPARE(hntt::test::runProgram(HNTT_CONSOLE_BINARY, {"--version"}, &out, &err), 0);
        QVERIFY(out.startsWith("hntt-console 0."));
        QCOMPARE(hntt::test::runProgram(HNTT_CONSOLE_BINARY, {"--program", "19x@"}, &out, &err), 2);
        QVERIFY(err.contains("19x@"));
        QCOMPARE(hntt::test::runProgram(HNTT_CONSOLE_BINARY, {"--bogus"}, &out, &err), 2);
        QVERIFY(err.contains("bogus"));
        QCOMPARE(hntt::test::runProgram(HNTT_CONSOLE_BINARY, {"--lang", "vi", "--help"}, &out, &err), 0);
        QVERIFY2(QString::fromUtf8(out).contains(QStringLiteral("Hiện")), out.constData());
    }

    // With its window open and a recording running, SIGTERM closes the console at once (no
    // question about the recording waits for an operator) and the recording is finished.
    void windowStopsOnSigtermWhileRecording() {
        QTemporaryDir tmp;
        const QString tokenFile = tmp.filePath(QStringLiteral("token"));
        QFile t(tokenFile);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("window-test-token-0123456789");
        t.close();
        const quint16 port = hntt::test::freeTcpPort();
        QProcess p;
        p.start(HNTT_CONSOLE_BINARY,
                {"--api-listen", QStringLiteral("127.0.0.1:%1").arg(port), "--api-token-file", tokenFile,
                 "--sip-listen", "off", "--web-listen", "off", "--janus", "off", "--data-dir",
                 tmp.filePath(QStringLiteral("data"))});
        QVERIFY(p.waitForStarted());
        QNetworkAccessManager nam;
        auto ask = [&](const QByteArray& verb, const QString& path, const QByteArray& body = {}) {
            QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1%2").arg(port).arg(path)));
            req.setRawHeader("Authorization", "Bearer window-test-token-0123456789");
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            const std::unique_ptr<QNetworkReply> reply = finishedReply(nam, req, verb, body);
            return std::make_pair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                  reply->readAll());
        };
        QTRY_COMPARE_WITH_TIMEOUT(ask("GET", "/health").first, 200, 30000);
        const QByteArray site =
            QJsonDocument(QJsonObject{{"name", QStringLiteral("Huyện Lệ Thủy")},
                                      {"level", "district"},
                                      {"source_url", "test://solid?color=ff0000&tone=500"}})
                .toJson();
        QCOMPARE(ask("POST", "/sites", site).first, 201);
        const auto started =
            ask("POST", "/recordings", QJsonDocument(QJsonObject{{"title", "Hop"}}).toJson());
        QCOMPARE(started.first, 201);
        const QString path =
            QJsonDocument::fromJson(started.second).object().value(QStringLiteral("path")).toString();
        QTest::qWait(2000);
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject probe = hntt::test::ffprobe(path);
        QVERIFY2(probe.value(QStringLiteral("format"))
                         .toObject()
                         .value(QStringLiteral("duration"))
                         .toString()
                         .toDouble() > 1.0,
                 qPrintable(path));
    }

    void headlessStopsOnSigterm() {
        QTemporaryDir tmp;
        const QString dataDir = tmp.filePath(QStringLiteral("data/nested"));
        QProcess p;
        p.start(HNTT_CONSOLE_BINARY, {"--headless", "--api-listen", "off", "--sip-listen", "off",
                                      "--web-listen", "off", "--data-dir", dataDir});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QDir(dataDir).exists(), 10000);
        QTest::qWait(300);
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
