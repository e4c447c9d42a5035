#include "application.h"

#include "api/api_service.h"
#include "api/api_token.h"
#include "cli/command_line.h"
#include "cli/verify_archive.h"
#include "core/language.h"
#include "core/province_time.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "core/signal_watcher.h"
#include "net/fd_limit.h"
#include "net/tls_identity.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "version.h"
#include "web/join_service.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QScreen>
#include <QStandardPaths>
#include <cstdio>

namespace hntt {

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("hntt"));
    QCoreApplication::setApplicationName(QStringLiteral("hntt-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HNTT_VERSION));
}

struct Application {
    Q_DECLARE_TR_FUNCTIONS(Application)
};

// Parses the command line inside a short-lived QCoreApplication, so --help, --version and errors
// work (translated) on a machine with no display.
cli::ParseResult parseWithTranslations(int argc, char** argv, QString& language) {
    QCoreApplication pre(argc, argv);
    describeApplication();
    language = core::chooseLanguage(cli::languageArgument(pre.arguments()));
    core::installTranslations(language);
    return cli::parseCommandLine(pre.arguments());
}

bool prepareDataDir(cli::Options& o) {
    if (o.dataDir.isEmpty())
        o.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(o.dataDir)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(Application::tr("Cannot create the data folder %1.")
                                    .arg(QDir::toNativeSeparators(o.dataDir))));
        return false;
    }
    // Before anything reads the clock: every time shown, printed or in a file name is the province's.
    if (const QString zone = core::ConsoleSettings(o.dataDir).timeZone(); !core::useProvinceTimeZone(zone))
        std::fprintf(
            stderr, "%s\n",
            qPrintable(Application::tr("The time zone %1 in settings.ini is not known here; times are "
                                       "this machine's.")
                           .arg(zone)));
    return true;
}

// The live session and its API, shared by the headless service and the window.
struct Service {
    std::unique_ptr<core::Session> session;
    std::unique_ptr<api::ApiService> api;
    std::unique_ptr<web::JoinService> web;
};

// The browser sites' join page: a console that cannot serve it still runs its meeting (room
// systems, SRT sites); it says why on stderr and in its alarms.
void startJoinPage(const cli::Options& o, Service& s) {
    if (!o.webEnabled)
        return;
    web::JoinServiceConfig cfg;
    cfg.host = o.webHost;
    cfg.port = o.webPort;
    cfg.certFile = o.webCert;
    cfg.keyFile = o.webKey;
    cfg.dataDir = o.dataDir;
    s.web = std::make_unique<web::JoinService>(*s.session, cfg);
    if (!s.web->start()) {
        std::fprintf(stderr, "hntt-console: %s\n", qPrintable(s.web->errorString()));
        s.session->setJoinProblem(s.web->errorString());
        s.web.reset();
        return;
    }
    std::fprintf(stderr, "%s\n",
                 qPrintable(Application::tr("Join page for browser sites at %1 (certificate SHA-256 %2)")
                                .arg(s.web->baseUrl(), s.web->fingerprint())));
}

// The certificate of the control API when it needs one; nothing (after saying why) when it cannot
// be had.
std::optional<net::TlsIdentity> apiIdentity(const cli::Options& o, const Service& s) {
    std::string error;
    std::optional<net::TlsIdentity> identity;
    if (!o.apiCert.isEmpty())
        identity = net::loadIdentity(o.apiCert.toStdString(), o.apiKey.toStdString(), &error);
    else if (cli::isLoopbackHost(o.apiHost))
        return std::nullopt;
    else if (s.web && s.web->identity())
        identity = s.web->identity();
    else {
        const QString dir = QDir(o.dataDir).filePath(QStringLiteral("web"));
        QDir().mkpath(dir);
        identity = net::ensureSelfSigned(dir.toStdString(), o.apiHost.toStdString(),
                                         web::certificateNames(o.apiHost), &error);
    }
    if (!identity)
        std::fprintf(stderr, "hntt-console: %s\n",
                     qPrintable(Application::tr("The control API has no certificate: %1")
                                    .arg(QString::fromStdString(error))));
    return identity;
}

bool startService(cli::Options& o, Service& s) {
    // The API's and the join page's connection caps (512 each) and the media's descriptors fit
    // under this, where Debian's default soft limit of 1,024 would not.
    constexpr std::size_t kWantedOpenFiles = 4096;
    if (const std::size_t limit = net::raiseOpenFileLimit(kWantedOpenFiles); limit < kWantedOpenFiles)
        std::fprintf(stderr, "%s\n",
                     qPrintable(Application::tr("The system allows only %1 open files; under heavy load "
                                                "connections may be refused early.")
                                    .arg(limit)));
    core::SessionOptions so;
    so.dataDir = o.dataDir;
    if (!o.programSet)
        if (const auto saved = core::ConsoleSettings(o.dataDir).canvas()) {
            o.programWidth = saved->width;
            o.programHeight = saved->height;
            o.programFps = saved->fps;
        }
    so.width = o.programWidth;
    so.height = o.programHeight;
    so.fps = o.programFps;
    so.demo = o.demo;
    so.sipEnabled = o.sipEnabled;
    so.sipHost = o.sipHost;
    so.sipPort = o.sipPort;
    so.rtpPortMin = o.rtpPortMin;
    so.rtpPortMax = o.rtpPortMax;
    // Janus only serves the join page's browsers: without the page there is nothing to start.
    if (o.webEnabled && o.janus == cli::Options::Janus::Auto)
        so.janus = core::BrowserSettings::Janus::Auto;
    else if (o.webEnabled && o.janus == cli::Options::Janus::Url)
        so.janus = core::BrowserSettings::Janus::Url;
    so.janusUrl = QUrl(o.janusUrl);
    so.sources.mediaDir = o.mediaDir.isEmpty() ? QString() : QFileInfo(o.mediaDir).absoluteFilePath();
    so.sources.allowLocalTargets = o.allowLocalSources;
    s.session = std::make_unique<core::Session>(so);
    if (auto opened = s.session->open(); !opened) {
        std::fprintf(stderr, "hntt-console: %s\n", qPrintable(opened.error().message));
        return false;
    }
    startJoinPage(o, s);
    if (!o.apiEnabled)
        return true;
    const api::ApiToken token = api::loadApiToken(o.apiTokenFile, o.dataDir);
    if (!token.ok()) {
        std::fprintf(stderr, "hntt-console: %s\n", qPrintable(token.errorString));
        return false;
    }
    if (!token.warning.isEmpty())
        std::fprintf(stderr, "hntt-console: %s\n", qPrintable(token.warning));
    api::ServerConfig cfg;
    cfg.host = o.apiHost.toStdString();
    cfg.port = o.apiPort;
    cfg.token = token.token;
    if (!o.apiTokens.isEmpty()) {
        api::ApiTokenList list = api::readApiTokenList(o.apiTokens);
        if (!list.ok()) {
            std::fprintf(stderr, "hntt-console: %s\n", qPrintable(list.errorString));
            return false;
        }
        if (!list.warning.isEmpty())
            std::fprintf(stderr, "hntt-console: %s\n", qPrintable(list.warning));
        cfg.credentials = std::move(list.credentials);
    }
    // Off loopback the API speaks only HTTPS: its own certificate, the join page's, or the
    // console's self-signed one (the join page's files) when the page is off.
    const std::optional<net::TlsIdentity> identity = apiIdentity(o, s);
    if (!o.apiCert.isEmpty() || !cli::isLoopbackHost(o.apiHost)) {
        if (!identity)
            return false;
        cfg.certificatePem = identity->certificatePem;
        cfg.privateKeyPem = identity->privateKeyPem;
    }
    const bool tls = !cfg.certificatePem.empty();
    s.api = std::make_unique<api::ApiService>(*s.session, cfg);
    if (!s.api->start()) {
        std::fprintf(stderr, "hntt-console: %s\n",
                     qPrintable(Application::tr("Cannot start the control API on %1:%2: %3")
                                    .arg(o.apiHost)
                                    .arg(o.apiPort)
                                    .arg(QString::fromStdString(s.api->errorString()))));
        return false;
    }
    std::fprintf(stderr, "%s\n",
                 qPrintable(Application::tr("Control API listening on %1://%2:%3/api/v1 (token in %4)")
                                .arg(tls ? QStringLiteral("https") : QStringLiteral("http"))
                                .arg(o.apiHost)
                                .arg(s.api->port())
                                .arg(QDir::toNativeSeparators(token.path))));
    if (tls)
        std::fprintf(stderr, "%s\n",
                     qPrintable(Application::tr("Control API certificate SHA-256 %1")
                                    .arg(QString::fromStdString(identity->fingerprintSha256))));
    return true;
}

void stopService(Service& s) {
    if (s.web)
        s.web->stop();
    if (s.api)
        s.api->stop();
    if (s.session)
        s.session->shutdown(); // finalises a running recording
}

} // namespace

int runApplication(int argc, char** argv) {
    QString language;
    cli::ParseResult parsed = parseWithTranslations(argc, argv, language);
    switch (parsed.action) {
    case cli::ParseResult::Action::ShowHelp:
    case cli::ParseResult::Action::ShowVersion:
        std::fprintf(stdout, "%s\n", qPrintable(parsed.text));
        return 0;
    case cli::ParseResult::Action::Error:
        std::fprintf(stderr, "hntt-console: %s\n%s\n", qPrintable(parsed.text),
                     qPrintable(Application::tr("Run 'hntt-console --help' for the options.")));
        return cli::kUsageExitCode;
    case cli::ParseResult::Action::VerifyArchive: {
        QCoreApplication app(argc, argv);
        describeApplication();
        core::installTranslations(language);
        return cli::verifyArchiveCommand(parsed.options.verifyArchive, parsed.options.trustCerts,
                                         parsed.options.dataDir);
    }
    case cli::ParseResult::Action::Run:
        break;
    }
    cli::Options& options = parsed.options;

    if (options.headless) {
        // No display, but the fonts that an archive's PDF report is set in.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        // From the first moment: a stop asked while the service starts (seconds on a busy machine)
        // waits for the event loop and stops cleanly, rather than killing the process half-way.
        core::SignalWatcher watcher;
        QObject::connect(&watcher, &core::SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
        describeApplication();
        core::installTranslations(language);
        if (!prepareDataDir(options))
            return 1;
        Service service;
        if (!startService(options, service))
            return 1;
        std::fprintf(stderr, "%s\n",
                     qPrintable(Application::tr("HNTT Console running headless; stop with Ctrl+C.")));
        const int rc = app.exec();
        stopService(service);
        return rc;
    }

    QApplication app(argc, argv);
    core::SignalWatcher watcher; // from the first moment, as above
    describeApplication();
    core::installTranslations(language);
    if (!prepareDataDir(options))
        return 1;
    // The operator's choice from the Language menu counts unless --lang says otherwise (translators
    // installed later take precedence).
    if (options.language.isEmpty())
        if (const QString chosen = core::ConsoleSettings(options.dataDir).language();
            !chosen.isEmpty() && chosen != language)
            core::installTranslations(chosen);
    ui::applyControlRoomTheme(app);
    Service service;
    if (!startService(options, service))
        return 1;
    ui::MainWindow window(*service.session);
    // The system's stop request closes at once: no question waits for an operator.
    QObject::connect(&watcher, &core::SignalWatcher::terminationRequested, &window, [&window] {
        window.closeWithoutAsking();
        QApplication::closeAllWindows();
    });
    // Fill the screen even where no window manager maximises (kiosk, Xvfb).
    window.setGeometry(window.screen()->availableGeometry());
    window.showMaximized();
    const int rc = app.exec();
    stopService(service);
    return rc;
}

} // namespace hntt
