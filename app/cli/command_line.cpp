#include "cli/command_line.h"

#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace hntt::cli {

namespace {

// The translation context of the command line's texts.
struct CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

bool parseProgram(const QString& value, Options& o) {
    static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})@(\\d{1,3})$"));
    const auto m = re.match(value);
    if (!m.hasMatch())
        return false;
    const int w = m.captured(1).toInt(), h = m.captured(2).toInt(), fps = m.captured(3).toInt();
    // Even sizes because the canvas is 4:2:0; bounds keep memory and encoders sane.
    if (w < 160 || h < 90 || w > 7680 || h > 4320 || w % 2 || h % 2 || fps < 1 || fps > 60)
        return false;
    o.programWidth = w;
    o.programHeight = h;
    o.programFps = fps;
    return true;
}

// HOST:PORT (an IPv6 host in brackets) or "off", for --api-listen and --sip-listen.
bool parseListen(const QString& value, bool& enabled, QString& hostOut, quint16& portOut) {
    if (value == QLatin1String("off")) {
        enabled = false;
        return true;
    }
    static const QRegularExpression re(
        QStringLiteral("^(?:\\[([0-9a-fA-F:.]+)\\]|([^:\\[\\]]+)):(\\d{1,5})$"));
    const auto m = re.match(value);
    if (!m.hasMatch())
        return false;
    const QString host = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    const int port = m.captured(3).toInt();
    if (port < 1 || port > 65535)
        return false;
    if (host != QLatin1String("localhost") && QHostAddress(host).isNull())
        return false;
    enabled = true;
    hostOut = host;
    portOut = static_cast<quint16>(port);
    return true;
}

} // namespace

bool isLoopbackHost(const QString& host) {
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

QString languageArgument(const QStringList& args) {
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            return args[i + 1];
        if (args[i].startsWith(QLatin1String("--lang=")))
            return args[i].mid(7);
    }
    return {};
}

ParseResult parseCommandLine(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLine::tr("HNTT Console: operator console for the province's online video-conference centre."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  CommandLine::tr("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     CommandLine::tr("Show the version and exit."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      CommandLine::tr("Run without a window: engine, store and API only."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  CommandLine::tr("Load the built-in demo directory with simulated sites."));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        CommandLine::tr("Folder for the database, recordings, archives and API token."),
        CommandLine::tr("DIR"));
    const QCommandLineOption apiListen(
        QStringLiteral("api-listen"),
        CommandLine::tr("Address of the control API (default 127.0.0.1:8470), or 'off'."),
        CommandLine::tr("HOST:PORT"));
    const QCommandLineOption sipListen(
        QStringLiteral("sip-listen"),
        CommandLine::tr("Address for SIP calls of room systems, over UDP and TCP (default 0.0.0.0:5060), or "
                        "'off'."),
        CommandLine::tr("HOST:PORT"));
    const QCommandLineOption rtpPorts(
        QStringLiteral("rtp-ports"),
        CommandLine::tr(
            "UDP ports for the media of calls (default 20000-20999): two per stream, four per call."),
        CommandLine::tr("MIN-MAX"));
    const QCommandLineOption webListen(
        QStringLiteral("web-listen"),
        CommandLine::tr(
            "Address of the browser sites' join page, over HTTPS (default 0.0.0.0:8471), or 'off'."),
        CommandLine::tr("HOST:PORT"));
    const QCommandLineOption webCert(
        QStringLiteral("web-cert"),
        CommandLine::tr("The join page's certificate (PEM), instead of the console's "
                        "self-signed one; needs --web-key."),
        CommandLine::tr("FILE"));
    const QCommandLineOption webKey(QStringLiteral("web-key"),
                                    CommandLine::tr("The private key (PEM) of --web-cert."),
                                    CommandLine::tr("FILE"));
    const QCommandLineOption janus(
        QStringLiteral("janus"),
        CommandLine::tr(
            "The WebRTC server of browser sites: 'auto' (default: the console runs its own Janus), "
            "the URL of an existing Janus's HTTP API, or 'off'."),
        CommandLine::tr("auto|URL|off"));
    const QCommandLineOption mediaDir(
        QStringLiteral("media-dir"),
        CommandLine::tr("The only folder file sources may come from (default: the data folder's media)."),
        CommandLine::tr("DIR"));
    const QCommandLineOption allowLocalSources(
        QStringLiteral("allow-local-sources"),
        CommandLine::tr("Let sources pull from this machine's own addresses (e.g. an RTSP server on "
                        "127.0.0.1); off by default."));
    const QCommandLineOption tokenFile(
        QStringLiteral("api-token-file"),
        CommandLine::tr("Read the API bearer token from the first line of FILE."), CommandLine::tr("FILE"));
    const QCommandLineOption apiTokens(
        QStringLiteral("api-tokens"),
        CommandLine::tr(
            "More API tokens, one per line as NAME ROLE TOKEN (ROLE: operator or viewer, which may "
            "only read); the name is shown in the event log."),
        CommandLine::tr("FILE"));
    const QCommandLineOption apiCert(
        QStringLiteral("api-cert"),
        CommandLine::tr(
            "The control API's certificate (PEM), for HTTPS; needs --api-key. Off loopback the API "
            "speaks only HTTPS, with the join page's certificate when none is given."),
        CommandLine::tr("FILE"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
                                    CommandLine::tr("The private key (PEM) of --api-cert."),
                                    CommandLine::tr("FILE"));
    const QCommandLineOption program(
        QStringLiteral("program"),
        CommandLine::tr("Program canvas size and frame rate (default 1920x1080@25)."),
        CommandLine::tr("WxH@FPS"));
    const QCommandLineOption lang(QStringLiteral("lang"), CommandLine::tr("Interface language: vi or en."),
                                  CommandLine::tr("LANG"));
    const QCommandLineOption verifyArchive(
        QStringLiteral("verify-archive"),
        CommandLine::tr(
            "Check a meeting archive's files and signature against its manifest, then exit (0: "
            "intact and signed by a trusted certificate, 1: changed, 2: not a folder, 3: unsigned "
            "or signed by a certificate that is not trusted)."),
        CommandLine::tr("PATH"));
    const QCommandLineOption trustCert(
        QStringLiteral("trust-cert"),
        CommandLine::tr("With --verify-archive: trust signatures by this certificate (PEM), or by the "
                        "certificates it issued. May be given more than once; with --data-dir, the console's "
                        "own signing certificate and its trust list are trusted too."),
        CommandLine::tr("FILE"));
    parser.addOptions({help,      version,   headless, demo,   dataDir, apiListen, sipListen,
                       rtpPorts,  webListen, webCert,  webKey, janus,   mediaDir,  allowLocalSources,
                       tokenFile, apiTokens, apiCert,  apiKey, program, lang,      verifyArchive,
                       trustCert});

    ParseResult r;
    auto fail = [&r](const QString& message) {
        r.action = ParseResult::Action::Error;
        r.text = message;
        return r;
    };
    if (!parser.parse(args))
        return fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(
            CommandLine::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help)) {
        r.action = ParseResult::Action::ShowHelp;
        r.text = parser.helpText();
        return r;
    }
    if (parser.isSet(version)) {
        r.action = ParseResult::Action::ShowVersion;
        r.text = QStringLiteral("hntt-console " HNTT_VERSION);
        return r;
    }
    if (parser.isSet(verifyArchive)) {
        r.action = ParseResult::Action::VerifyArchive;
        r.options.verifyArchive = parser.value(verifyArchive);
        if (r.options.verifyArchive.isEmpty())
            return fail(CommandLine::tr("--verify-archive needs a folder."));
        r.options.trustCerts = parser.values(trustCert);
        if (r.options.trustCerts.contains(QString()))
            return fail(CommandLine::tr("--trust-cert needs a certificate file."));
        if (parser.isSet(dataDir)) {
            r.options.dataDir = parser.value(dataDir);
            if (r.options.dataDir.isEmpty())
                return fail(CommandLine::tr("--data-dir needs a folder."));
        }
        return r;
    }
    if (parser.isSet(trustCert))
        return fail(CommandLine::tr("--trust-cert is for --verify-archive only."));

    Options& o = r.options;
    o.headless = parser.isSet(headless);
    o.demo = parser.isSet(demo);
    if (parser.isSet(dataDir)) {
        o.dataDir = parser.value(dataDir);
        if (o.dataDir.isEmpty())
            return fail(CommandLine::tr("--data-dir needs a folder."));
    }
    o.programSet = parser.isSet(program);
    if (o.programSet && !parseProgram(parser.value(program), o))
        return fail(
            CommandLine::tr("Invalid --program value '%1': expected WxH@FPS with even sizes from 160x90 to "
                            "7680x4320 and 1 to 60 frames per second, e.g. 1920x1080@25.")
                .arg(parser.value(program)));
    if (parser.isSet(apiListen) && !parseListen(parser.value(apiListen), o.apiEnabled, o.apiHost, o.apiPort))
        return fail(CommandLine::tr(
                        "Invalid --api-listen value '%1': expected HOST:PORT (e.g. 127.0.0.1:8470) or off.")
                        .arg(parser.value(apiListen)));
    if (parser.isSet(sipListen) &&
        (!parseListen(parser.value(sipListen), o.sipEnabled, o.sipHost, o.sipPort) ||
         o.sipHost == QLatin1String("localhost")))
        return fail(
            CommandLine::tr(
                "Invalid --sip-listen value '%1': expected an address and port (e.g. 0.0.0.0:5060) or off.")
                .arg(parser.value(sipListen)));
    if (parser.isSet(rtpPorts)) {
        static const QRegularExpression range(QStringLiteral("^(\\d{1,5})-(\\d{1,5})$"));
        const auto m = range.match(parser.value(rtpPorts));
        const int low = m.hasMatch() ? m.captured(1).toInt() : 0;
        const int high = m.hasMatch() ? m.captured(2).toInt() : 0;
        // Room for a call at least (an even RTP port and RTCP above it, audio and video).
        if (low < 1024 || high > 65535 || high - low < 3)
            return fail(
                CommandLine::tr("Invalid --rtp-ports value '%1': expected MIN-MAX within 1024-65535 with "
                                "room for at least one call (4 ports), e.g. 20000-20999.")
                    .arg(parser.value(rtpPorts)));
        o.rtpPortMin = static_cast<quint16>(low);
        o.rtpPortMax = static_cast<quint16>(high);
    }
    if (parser.isSet(webListen) &&
        (!parseListen(parser.value(webListen), o.webEnabled, o.webHost, o.webPort) || o.webPort == 0))
        return fail(CommandLine::tr("Invalid --web-listen value '%1': expected an address and port (e.g. "
                                    "0.0.0.0:8471) or off.")
                        .arg(parser.value(webListen)));
    o.webCert = parser.value(webCert);
    o.webKey = parser.value(webKey);
    if (o.webCert.isEmpty() != o.webKey.isEmpty())
        return fail(CommandLine::tr("--web-cert and --web-key go together."));
    if (parser.isSet(mediaDir))
        o.mediaDir = parser.value(mediaDir);
    o.allowLocalSources = parser.isSet(allowLocalSources);
    if (parser.isSet(janus)) {
        const QString v = parser.value(janus);
        const QUrl url(v, QUrl::StrictMode);
        if (v == QLatin1String("off")) {
            o.janus = Options::Janus::Off;
        } else if (v == QLatin1String("auto")) {
            o.janus = Options::Janus::Auto;
        } else if (url.isValid() &&
                   (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
                   !url.host().isEmpty() && url.userInfo().isEmpty()) {
            o.janus = Options::Janus::Url;
            o.janusUrl = v;
        } else {
            return fail(
                CommandLine::tr("Invalid --janus value '%1': expected auto, off or the URL of a Janus "
                                "HTTP API (e.g. http://10.0.0.5:8088/janus).")
                    .arg(v));
        }
    }
    if (parser.isSet(tokenFile)) {
        o.apiTokenFile = parser.value(tokenFile);
        if (o.apiTokenFile.isEmpty())
            return fail(CommandLine::tr("--api-token-file needs a file."));
    }
    if (parser.isSet(apiTokens))
        o.apiTokens = parser.value(apiTokens);
    if (parser.isSet(apiCert) != parser.isSet(apiKey))
        return fail(CommandLine::tr("--api-cert and --api-key go together."));
    o.apiCert = parser.value(apiCert);
    o.apiKey = parser.value(apiKey);
    if (o.apiEnabled && !isLoopbackHost(o.apiHost) && o.apiTokenFile.isEmpty())
        return fail(
            CommandLine::tr("The API may listen on a non-loopback address (%1) only with --api-token-file.")
                .arg(o.apiHost));
    if (parser.isSet(lang)) {
        o.language = parser.value(lang);
        if (o.language != QLatin1String("vi") && o.language != QLatin1String("en"))
            return fail(CommandLine::tr("Invalid --lang value '%1': expected vi or en.").arg(o.language));
    }
    return r;
}

} // namespace hntt::cli
