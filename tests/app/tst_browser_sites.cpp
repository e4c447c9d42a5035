// Commune halls in a meeting from a browser: Debian's Chromium (fake camera of a known colour, fake
// microphone of a known tone) opens each site's join link over HTTPS, its WebRTC goes through the
// console's own Janus (NoSIP), and the console carries it like a call. Chromium runs in a network
// namespace of its own (Janus offers no loopback candidates); the console listens on the host's
// end of the veth pair.
//
// Asserted: each site connects with its colour in its program tile and its sound heard; each page
// receives the program and hears the other site but not itself; leaving takes the site offline.
// Bad input: wrong and rotated links (403, nothing joins), a second browser on one link (the newer
// wins, the older is told), a browser whose network vanishes (offline within 5 s), Janus killed
// mid-meeting (alarm, restarted, the page rejoins by itself), garbage on the join port.
#include "browser_peer.h"
#include "core/browser/janus_process.h"
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"
#include "web/join_service.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace hntt;
using namespace hntt::core;

namespace {

constexpr quint32 kGreen = 0x20c040;
constexpr quint32 kRed = 0xd03020;
constexpr int kToneA = 700;
constexpr int kToneB = 1300;

// The page's return sound: the level (dB) of two tones in it, through an AnalyserNode.
const char* const kHearScript = R"JS((async () => {
  const v = document.getElementById('remote-video');
  if (!v || !v.srcObject) return null;
  const ctx = new AudioContext();
  const an = ctx.createAnalyser();
  an.fftSize = 8192;
  an.smoothingTimeConstant = 0.8;
  ctx.createMediaStreamSource(v.srcObject).connect(an);
  await new Promise(r => setTimeout(r, 2000));
  const d = new Float32Array(an.frequencyBinCount);
  an.getFloatFrequencyData(d);
  const at = f => { const b = Math.round(f * an.fftSize / ctx.sampleRate);
                    return Math.max(d[b - 1], d[b], d[b + 1]); };
  const r = {a: at(%1), b: at(%2)};
  ctx.close();
  return JSON.stringify(r);
})())JS";

std::optional<CallView> callOf(Session& session, qint64 id) {
    auto site = session.site(id);
    return site ? site->call : std::nullopt;
}

bool callEnded(Session& session, qint64 id) {
    const auto call = callOf(session, id);
    return call && call->state == CallView::State::Ended;
}

bool browserConnected(Session& session, qint64 id) {
    const auto call = callOf(session, id);
    return call && call->state == CallView::State::Connected && call->remote == QLatin1String("browser") &&
           test::siteStatus(session, id) == QLatin1String("connected");
}

// What a failure message says of a site's browser call.
QByteArray describe(Session& session, qint64 id) {
    const auto call = callOf(session, id);
    const auto site = session.site(id);
    const auto stats = session.engine().callStats(id);
    return QStringLiteral(
               "site %1: status %2, call %3 %4 (%5), %6 frames, %7x%8, call %9 packets, %10 garbage")
        .arg(id)
        .arg(test::siteStatus(session, id),
             call ? QString::fromLatin1(callStateName(call->state)) : QStringLiteral("none"),
             call ? call->remote : QString(), call ? call->reason : QString())
        .arg(site ? static_cast<qint64>(site->stats.videoFrames) : -1)
        .arg(site ? site->stats.width : -1)
        .arg(site ? site->stats.height : -1)
        .arg(stats ? static_cast<qint64>(stats->packetsReceived) : -1)
        .arg(stats ? static_cast<qint64>(stats->garbagePackets) : -1)
        .toUtf8();
}

bool hasAlarm(Session& session, const QString& kind) {
    const auto alarms = session.alarms();
    return std::any_of(alarms.begin(), alarms.end(), [&](const AlarmView& a) { return a.kind == kind; });
}

// Kills the console's Janus as a crash would.
int killJanus(const QString& folder) {
    int killed = 0;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool numeric = false;
        const int pid = QFileInfo(dir).fileName().toInt(&numeric);
        if (!numeric)
            continue;
        QFile f(dir + QStringLiteral("/cmdline"));
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(("--configs-folder=" + folder).toUtf8())) {
            ::kill(pid, SIGKILL);
            killed++;
        }
    }
    return killed;
}

// One console with its join page on the host's end of a veth pair, and its own Janus.
struct Console {
    QTemporaryDir dir;
    test::NetnsLink link;
    std::unique_ptr<Session> session;
    std::unique_ptr<web::JoinService> web;
    BrowserSettings::Janus janus = BrowserSettings::Janus::Auto;
    QUrl janusUrl;

    bool open(QString* why) {
        if (!link.ok()) {
            *why = link.error();
            return false;
        }
        SessionOptions options = test::smallSession(dir.path());
        options.width = 640;
        options.height = 360;
        options.janus = janus;
        options.janusUrl = janusUrl;
        session = std::make_unique<Session>(options);
        if (!session->open()) {
            *why = QStringLiteral("session did not open");
            return false;
        }
        web::JoinServiceConfig cfg;
        cfg.host = link.hostAddress();
        cfg.port = 0;
        cfg.dataDir = dir.path();
        web = std::make_unique<web::JoinService>(*session, cfg);
        if (!web->start()) {
            *why = web->errorString();
            return false;
        }
        // Janus starts slowly on a loaded machine.
        if (!QTest::qWaitFor([&] { return session->browserSitesAvailable(); }, 60000)) {
            *why = session->browserProblem();
            return false;
        }
        return true;
    }
    QString janusFolder() const { return dir.filePath(QStringLiteral("janus")); }
    QString joinUrl(qint64 site) const { return session->joinLink(site).value(); }
};

struct Media {
    QString y4m, wav;
};

Media makeMedia(const QTemporaryDir& dir, const QString& name, quint32 colour, int tone) {
    Media m{dir.filePath(name + QStringLiteral(".y4m")), dir.filePath(name + QStringLiteral(".wav"))};
    if (!test::BrowserPeer::makeColourY4m(m.y4m, colour) || !test::BrowserPeer::makeToneWav(m.wav, tone))
        return {};
    return m;
}

QJsonObject hear(test::BrowserPeer& peer) {
    const QVariant v = peer.evaluate(QString::fromLatin1(kHearScript).arg(kToneA).arg(kToneB), 15000);
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// Opens the page, once more if Chromium's first navigation of a fresh profile was refused.
bool openPage(test::BrowserPeer& peer, const QString& url) {
    if (peer.open(url))
        return true;
    qWarning("opening %s failed (%s); once more", qPrintable(url), qPrintable(peer.lastError()));
    return peer.open(url);
}

double framesDecoded(test::BrowserPeer& peer) {
    return peer.evaluate(QStringLiteral("hnttJoin.stats().then(s => s.inboundVideoFramesDecoded)"))
        .toDouble();
}

QString pageState(test::BrowserPeer& peer) {
    return peer.evaluate(QStringLiteral("hnttJoin.state")).toString();
}

// A JavaScript string literal of `text`.
QString jsString(const QString& text) {
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

// The status of a same-origin request made by the page.
int pageFetch(test::BrowserPeer& peer, const QString& path, const QString& method = QStringLiteral("GET"),
              const QString& body = {}) {
    const QString options =
        body.isEmpty()
            ? QStringLiteral("{method: %1}").arg(jsString(method))
            : QStringLiteral("{method: %1, headers: {'Content-Type': 'application/json'}, body: %2}")
                  .arg(jsString(method), jsString(body));
    return peer.evaluate(QStringLiteral("fetch(%1, %2).then(r => r.status)").arg(jsString(path), options))
        .toInt();
}

} // namespace

class TestBrowserSites : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString why;
        if (!test::NetnsLink::available(&why))
            QSKIP(qPrintable(QStringLiteral("no network namespaces here: ") + why));
        QVERIFY2(test::BrowserPeer::available(&why), qPrintable(why));
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("janus")).isEmpty(),
                 "janus is in scripts/debian-packages.txt");
    }

    void twoCommunesJoinSeeAndHear() {
        Console console;
        QString why;
        QVERIFY2(console.open(&why), qPrintable(why));
        Session& session = *console.session;
        const qint64 district =
            test::addSite(session, QStringLiteral("Huyện Tuyên Hóa"), SiteLevel::District, {});
        const qint64 siteA =
            test::addSite(session, QStringLiteral("UBND xã Lâm Hóa"), SiteLevel::Commune, {}, district);
        const qint64 siteB =
            test::addSite(session, QStringLiteral("UBND xã Hương Hóa"), SiteLevel::Commune, {}, district);
        QVERIFY(district && siteA && siteB);
        QVERIFY(session.setProgram({"grid-2x2", {siteA, siteB}}, QStringLiteral("ui")));
        const QString linkA = console.joinUrl(siteA);
        QVERIFY2(linkA.startsWith(QStringLiteral("https://%1:").arg(console.link.hostAddress())),
                 qPrintable(linkA));
        QCOMPARE(session.joinLink(siteA).value(), linkA); // the same link until rotated

        const Media a = makeMedia(console.dir, QStringLiteral("a"), kGreen, kToneA);
        const Media b = makeMedia(console.dir, QStringLiteral("b"), kRed, kToneB);
        QVERIFY(!a.y4m.isEmpty() && !b.y4m.isEmpty());
        test::BrowserPeer pageA, pageB;
        QVERIFY2(pageA.start(console.link, a.y4m, a.wav), qPrintable(pageA.lastError() + pageA.log()));
        QVERIFY2(pageB.start(console.link, b.y4m, b.wav), qPrintable(pageB.lastError() + pageB.log()));
        QVERIFY(openPage(pageA, linkA + QStringLiteral("?autojoin=1")));
        QVERIFY(openPage(pageB, console.joinUrl(siteB) + QStringLiteral("?autojoin=1")));

        QTRY_VERIFY2_WITH_TIMEOUT(browserConnected(session, siteA), describe(session, siteA).constData(),
                                  30000);
        QTRY_VERIFY2_WITH_TIMEOUT(browserConnected(session, siteB), describe(session, siteB).constData(),
                                  30000);
        QVERIFY(pageA.waitFor(QStringLiteral("hnttJoin.state === 'connected'"), 10000));
        {
            const CallView call = *callOf(session, siteA);
            QVERIFY(call.direction == CallView::Direction::In);
            QCOMPARE(call.audioCodec, QStringLiteral("opus"));
            QCOMPARE(call.videoCodec, QStringLiteral("H264"));
            const QJsonObject json = test::siteJson(session, siteA)->value("call").toObject();
            QCOMPARE(json.value("remote").toString(), QStringLiteral("browser"));
            QCOMPARE(json.value("direction").toString(), QStringLiteral("in"));
        }
        // Each camera's colour fills its tile (grid 2x2 of 320x180: A top left, B top right).
        const auto colourAt = [&](int x, int y, quint32 rgb) {
            const engine::VideoFramePtr program = session.engine().programFrame();
            if (!program)
                return false;
            const auto m = program->meanRgb(x, y, 32, 32);
            return std::abs(m.r - int((rgb >> 16) & 0xff)) < 40 &&
                   std::abs(m.g - int((rgb >> 8) & 0xff)) < 40 && std::abs(m.b - int(rgb & 0xff)) < 40;
        };
        QTRY_VERIFY_WITH_TIMEOUT(colourAt(144, 74, kGreen), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(colourAt(464, 74, kRed), 15000);
        // Their sound arrives.
        for (qint64 id : {siteA, siteB})
            QTRY_VERIFY_WITH_TIMEOUT(
                session.engine().siteLevels(id).value_or(engine::SiteLevels{}).levels.rmsDbfs > -60, 15000);

        // Each page receives the program, and hears the other site but not itself.
        const double before = framesDecoded(pageA);
        QTRY_VERIFY_WITH_TIMEOUT(framesDecoded(pageA) > before + 10, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(framesDecoded(pageB) > 10, 15000);
        const QJsonObject heardA = hear(pageA), heardB = hear(pageB);
        qInfo("A hears own %.1f dB, B %.1f dB; B hears A %.1f dB, own %.1f dB", heardA.value("a").toDouble(),
              heardA.value("b").toDouble(), heardB.value("a").toDouble(), heardB.value("b").toDouble());
        QVERIFY(heardA.value("b").toDouble() > heardA.value("a").toDouble() + 20);
        QVERIFY(heardB.value("a").toDouble() > heardB.value("b").toDouble() + 20);
        const QByteArray shot = pageA.screenshotPng();
        QVERIFY(!shot.isEmpty());
        QDir().mkpath(QStringLiteral(HNTT_BINARY_DIR "/screenshots"));
        QFile out(QStringLiteral(HNTT_BINARY_DIR "/screenshots/browser-joined.png"));
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(shot) == shot.size());

        // Leaving takes the site offline; the other goes on.
        pageA.evaluate(QStringLiteral("hnttJoin.leave()"));
        QTRY_VERIFY_WITH_TIMEOUT(callEnded(session, siteA), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(test::siteStatus(session, siteA) != QLatin1String("connected"), 5000);
        QVERIFY(browserConnected(session, siteB));
        QStringList actions;
        for (const EventRecord& row : *session.eventLog().query())
            actions << row.action;
        for (const char* action : {"browser.join", "browser.connected", "browser.left"})
            QVERIFY2(actions.contains(QLatin1String(action)), action);
    }

    // --janus URL: a Janus the province runs itself (here on this machine) serves the browsers.
    void anExistingJanusByItsUrl() {
        QTemporaryDir janusDir;
        JanusProcessSettings settings;
        settings.folder = janusDir.path();
        JanusProcess janus(settings);
        QSignalSpy ready(&janus, &JanusProcess::ready);
        QString error;
        QVERIFY2(janus.start(&error), qPrintable(error));
        QVERIFY(ready.wait(60000));

        Console console;
        console.janus = BrowserSettings::Janus::Url;
        console.janusUrl = janus.apiUrl();
        QString why;
        QVERIFY2(console.open(&why), qPrintable(why));
        QVERIFY(!QDir(console.janusFolder()).exists()); // no Janus of its own
        Session& session = *console.session;
        const qint64 district =
            test::addSite(session, QStringLiteral("Huyện Bố Trạch"), SiteLevel::District, {});
        const qint64 site =
            test::addSite(session, QStringLiteral("UBND xã Lý Trạch"), SiteLevel::Commune, {}, district);
        QVERIFY(session.setProgram({"grid-2x2", {site}}, QStringLiteral("ui")));
        const Media m = makeMedia(console.dir, QStringLiteral("m"), kRed, kToneB);
        test::BrowserPeer page;
        QVERIFY2(page.start(console.link, m.y4m, m.wav), qPrintable(page.lastError()));
        QVERIFY(openPage(page, console.joinUrl(site) + QStringLiteral("?autojoin=1")));
        QTRY_VERIFY2_WITH_TIMEOUT(browserConnected(session, site), describe(session, site).constData(),
                                  30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const engine::VideoFramePtr program = session.engine().programFrame();
                if (!program)
                    return false;
                const auto c = program->meanRgb(144, 74, 32, 32);
                return c.r > 170 && c.g < 90 && c.b < 80;
            }(),
            15000);
        QTRY_VERIFY_WITH_TIMEOUT(framesDecoded(page) > 10, 15000);
    }

    void wrongLinksTakeoversAndFaults() {
        Console console;
        QString why;
        QVERIFY2(console.open(&why), qPrintable(why));
        Session& session = *console.session;
        const qint64 district =
            test::addSite(session, QStringLiteral("Huyện Minh Hóa"), SiteLevel::District, {});
        const qint64 site =
            test::addSite(session, QStringLiteral("UBND xã Hóa Sơn"), SiteLevel::Commune, {}, district);
        QVERIFY(district && site);
        const Media m = makeMedia(console.dir, QStringLiteral("m"), kGreen, kToneA);
        test::BrowserPeer first, second;
        QVERIFY2(first.start(console.link, m.y4m, m.wav), qPrintable(first.lastError()));
        QVERIFY2(second.start(console.link, m.y4m, m.wav), qPrintable(second.lastError()));

        // A wrong secret: the page says so (403), nothing joins.
        const QString good = console.joinUrl(site);
        const QString base = good.left(good.indexOf(QLatin1String("/join/")));
        QVERIFY(openPage(
            first, base + QStringLiteral("/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?autojoin=1")));
        QVERIFY(first.waitFor(QStringLiteral("hnttJoin.error === 'link_invalid'"), 15000));
        QCOMPARE(pageFetch(first, QStringLiteral("/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/info")),
                 403);
        QCOMPARE(pageFetch(first, QStringLiteral("/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/offer"),
                           QStringLiteral("POST"),
                           QStringLiteral("{\"peer\":\"0123456789abcdef\",\"sdp\":\"v=0\"}")),
                 403);
        QCOMPARE(pageFetch(first, QStringLiteral("/join/x/status?peer=0123456789abcdef")), 403);
        // Trying secrets is logged once a minute per address, not once a try.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(
                pageFetch(first,
                          QStringLiteral("/join/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB%1/offer").arg(i),
                          QStringLiteral("POST"),
                          QStringLiteral("{\"peer\":\"0123456789abcdef\",\"sdp\":\"v=0\"}")),
                403);
        int refusedLines = 0;
        for (const EventRecord& row : *session.eventLog().query())
            refusedLines += row.action == QLatin1String("browser.refused");
        QCOMPARE(refusedLines, 1);
        QVERIFY(!callOf(session, site));
        // Malformed offers are refused before Janus hears of them.
        const QString secret = good.mid(good.lastIndexOf(QLatin1Char('/')) + 1);
        QCOMPARE(pageFetch(first, QStringLiteral("/join/%1/offer").arg(secret), QStringLiteral("POST"),
                           QStringLiteral("{not json")),
                 400);
        QCOMPARE(pageFetch(first, QStringLiteral("/join/%1/offer").arg(secret), QStringLiteral("POST"),
                           QStringLiteral("{\"peer\":\"zz\",\"sdp\":\"hello\"}")),
                 422);

        // Two browsers on one link: the newer takes the site over, the older is told why and stays out.
        QVERIFY(openPage(first, good + QStringLiteral("?autojoin=1")));
        QTRY_VERIFY2_WITH_TIMEOUT(browserConnected(session, site), describe(session, site).constData(),
                                  30000);
        QVERIFY(openPage(second, good + QStringLiteral("?autojoin=1")));
        QVERIFY(first.waitFor(QStringLiteral("hnttJoin.state === 'replaced'"), 20000));
        QVERIFY(second.waitFor(QStringLiteral("hnttJoin.state === 'connected'"), 30000));
        QTRY_VERIFY2_WITH_TIMEOUT(browserConnected(session, site), describe(session, site).constData(),
                                  10000);
        QTest::qWait(3000);
        QCOMPARE(pageState(first), QStringLiteral("replaced")); // no reconnection of its own

        // Garbage on the join port: the clock goes on and the page still answers.
        {
            const quint64 ticks = session.clock().ticks;
            QTcpSocket garbage;
            garbage.connectToHost(console.link.hostAddress(), console.web->port());
            QVERIFY(garbage.waitForConnected(5000));
            QByteArray junk(64 * 1024, '\0');
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(junk.data()), junk.size() / 4);
            garbage.write("GET / HTTP/1.1\r\n\r\n");
            garbage.write(junk);
            garbage.waitForBytesWritten(5000);
            QTest::qWait(1000);
            QVERIFY(session.clock().ticks > ticks);
            QCOMPARE(pageFetch(second, QStringLiteral("/join/%1/info").arg(secret)), 200);
        }

        // Janus killed mid-meeting: an alarm, Janus restarted, and the page rejoins by itself.
        QVERIFY(killJanus(console.janusFolder()) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(hasAlarm(session, QStringLiteral("browser.janus")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(test::siteStatus(session, site) != QLatin1String("connected"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(session.browserSitesAvailable(), 60000);
        QTRY_VERIFY2_WITH_TIMEOUT(browserConnected(session, site), describe(session, site).constData(),
                                  60000);
        QVERIFY(second.waitFor(QStringLiteral("hnttJoin.state === 'connected'"), 20000));

        // The network under the browser vanishes: the site is offline within 5 s.
        test::runProgram(QStringLiteral("ip"), {"link", "set", console.link.hostInterface(), "down"});
        QElapsedTimer gone;
        gone.start();
        QTRY_VERIFY_WITH_TIMEOUT(test::siteStatus(session, site) != QLatin1String("connected"), 5500);
        qInfo("offline after %lld ms", static_cast<long long>(gone.elapsed()));
        test::runProgram(QStringLiteral("ip"), {"link", "set", console.link.hostInterface(), "up"});

        // A rotated link: the old one is refused at once, and its browser is dropped.
        QTRY_VERIFY2_WITH_TIMEOUT(browserConnected(session, site), describe(session, site).constData(),
                                  60000);
        const auto rotated = session.rotateJoinLink(site, QStringLiteral("api:test"));
        QVERIFY(rotated);
        QVERIFY(rotated.value() != good);
        QTRY_VERIFY_WITH_TIMEOUT(callEnded(session, site), 5000);
        QCOMPARE(pageFetch(second, QStringLiteral("/join/%1/info").arg(secret)), 403);
        QVERIFY(second.waitFor(QStringLiteral("hnttJoin.error === 'link_invalid'"), 20000));
        QTest::qWait(2000);
        QVERIFY(callEnded(session, site));
    }
};

QTEST_MAIN(TestBrowserSites)
#include "tst_browser_sites.moc"
