// The command line of the console (see docs/cli.md): parsed once, validated, no side effects.
#pragma once

#include <QString>
#include <QStringList>

namespace hntt::cli {

struct Options {
    bool headless = false;
    bool demo = false;
    QString dataDir; // empty: the platform's app-data folder
    bool apiEnabled = true;
    QString apiHost = QStringLiteral("127.0.0.1");
    quint16 apiPort = 8470;
    QString apiTokenFile;
    QString apiTokens; // more named tokens, with roles: "NAME ROLE TOKEN" lines
    QString apiCert;   // the API's certificate and key; off loopback, the join page's when empty
    QString apiKey;
    bool sipEnabled = true;
    QString sipHost = QStringLiteral("0.0.0.0");
    quint16 sipPort = 5060;
    quint16 rtpPortMin = 20000;
    quint16 rtpPortMax = 20999;
    bool webEnabled = true; // the join page of browser sites, over HTTPS
    QString webHost = QStringLiteral("0.0.0.0");
    quint16 webPort = 8471;
    QString webCert; // the province's certificate and key; empty: the console's self-signed one
    QString webKey;
    enum class Janus { Off, Auto, Url };
    Janus janus = Janus::Auto;
    QString janusUrl;
    QString mediaDir;               // file sources only from here; empty: DATA/media
    bool allowLocalSources = false; // sources may pull from this machine's own addresses
    int programWidth = 1920;
    int programHeight = 1080;
    int programFps = 25;
    bool programSet = false; // --program given: it wins over the saved setting
    QString language;        // "vi" or "en"; empty: from the system locale
    QString verifyArchive;   // --verify-archive PATH: check that archive and exit
    QStringList trustCerts;  // --trust-cert FILE…: signers trusted by --verify-archive
};

struct ParseResult {
    enum class Action { Run, ShowHelp, ShowVersion, VerifyArchive, Error };
    Action action = Action::Run;
    Options options;
    QString text; // help text, version line or error message
};

// Exit status for a malformed command line.
inline constexpr int kUsageExitCode = 2;

// args includes the program name first, as QCoreApplication::arguments() gives it.
ParseResult parseCommandLine(const QStringList& args);

// Scans raw arguments for --lang before the parser (and its translated texts) exist.
QString languageArgument(const QStringList& args);

// True for an address that only this machine can reach.
bool isLoopbackHost(const QString& host);

} // namespace hntt::cli
