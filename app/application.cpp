#include "application.h"

#include "cli/command_line.h"
#include "core/language.h"
#include "core/signal_watcher.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "version.h"

#include <QApplication>
#include <QDir>
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
    case cli::ParseResult::Action::Run:
        break;
    }
    cli::Options& options = parsed.options;

    if (options.headless) {
        QCoreApplication app(argc, argv);
        describeApplication();
        core::installTranslations(language);
        if (!prepareDataDir(options))
            return 1;
        core::SignalWatcher watcher;
        QObject::connect(&watcher, &core::SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
        std::fprintf(stderr, "%s\n",
                     qPrintable(Application::tr("HNTT Console running headless; stop with Ctrl+C.")));
        return app.exec();
    }

    QApplication app(argc, argv);
    describeApplication();
    core::installTranslations(language);
    if (!prepareDataDir(options))
        return 1;
    ui::applyControlRoomTheme(app);
    core::SignalWatcher watcher;
    QObject::connect(&watcher, &core::SignalWatcher::terminationRequested, &app,
                     &QApplication::closeAllWindows);
    ui::MainWindow window;
    window.show();
    return app.exec();
}

} // namespace hntt
