#include "application.h"

#include "api/api_service.h"
#include "api/api_token.h"
#include "cli/command_line.h"
#include "cli/verify_archive.h"
#include "core/language.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "core/signal_watcher.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "version.h"
#include "web/join_service.h"

#include <QApplication>
#include <QDir>
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

bool startService(cli::Options& o, Service& s) {
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
                 qPrintable(Application::tr("Control API listening on http://%1:%2/api/v1 (token in %3)")
                                .arg(o.apiHost)
                                .arg(s.api->port())
                                .arg(QDir::toNativeSeparators(token.path))));
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
        return cli::verifyArchiveCommand(parsed.options.verifyArchive);
    }
    case cli::ParseResult::Action::Run:
        break;
    }
    cli::Options& options = parsed.options;

    if (options.headless) {
        // No display, but the fonts that an archive's PDF report is set in.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        describeApplication();
        core::installTranslations(language);
        if (!prepareDataDir(options))
            return 1;
        Service service;
        if (!startService(options, service))
            return 1;
        core::SignalWatcher watcher;
        QObject::connect(&watcher, &core::SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
        std::fprintf(stderr, "%s\n",
                     qPrintable(Application::tr("HNTT Console running headless; stop with Ctrl+C.")));
        const int rc = app.exec();
        stopService(service);
        return rc;
    }

    QApplication app(argc, argv);
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
    core::SignalWatcher watcher;
    QObject::connect(&watcher, &core::SignalWatcher::terminationRequested, &app,
                     &QApplication::closeAllWindows);
    Service service;
    if (!startService(options, service))
        return 1;
    ui::MainWindow window(*service.session);
    // Fill the screen even where no window manager maximises (kiosk, Xvfb).
    window.setGeometry(window.screen()->availableGeometry());
    window.showMaximized();
    const int rc = app.exec();
    stopService(service);
    return rc;
}

} // namespace hntt
