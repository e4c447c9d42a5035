// Settings kept in DATA_DIR/settings.ini: program streams come back after a restart, recordings
// go where the setting says, and the saved canvas is used unless --program overrides it.
#include "api_clients.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "session_wire.h"
#include "test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;

class TestSettings : public QObject {
    Q_OBJECT

    static core::SessionOptions options(const QString& dir) {
        core::SessionOptions o;
        o.dataDir = dir;
        o.width = 320;
        o.height = 180;
        o.multiview = false;
        return o;
    }

    // The canvas the console reports in /state when started on `dataDir` with `extraArgs`.
    static QJsonObject canvasOf(const QString& dataDir, const QStringList& extraArgs) {
        const QString tokenFile = dataDir + QStringLiteral("/token");
        QFile t(tokenFile);
        t.open(QIODevice::WriteOnly);
        t.write("settings-test-token\n");
        t.close();
        const quint16 port = test::freeTcpPort();
        QProcess p;
        p.start(HNTT_CONSOLE_BINARY, QStringList{"--headless", "--data-dir", dataDir, "--api-listen",
                                                 QStringLiteral("127.0.0.1:%1").arg(port), "--api-token-file",
                                                 tokenFile, "--sip-listen", "off", "--web-listen", "off"} +
                                         extraArgs);
        if (!p.waitForStarted())
            return {};
        QJsonObject canvas;
        for (int i = 0; i < 100 && canvas.isEmpty(); ++i) {
            test::HttpClient c(port, std::string("settings-test-token"));
            if (c.connected()) {
                const test::Reply r = c.request(test::http::verb::get, "/api/v1/state");
                if (r.status == 200)
                    canvas = r.json().value(QStringLiteral("canvas")).toObject();
            }
            if (canvas.isEmpty())
                QTest::qWait(100);
        }
        p.terminate();
        p.waitForFinished(10000);
        return canvas;
    }

private Q_SLOTS:
    void outputsComeBackAfterRestart() {
        QTemporaryDir tmp;
        const QString url = QStringLiteral("udp://127.0.0.1:%1").arg(test::freeUdpPort());
        qint64 id = 0;
        {
            core::Session s(options(tmp.path()));
            QVERIFY(s.open());
            auto out = s.addOutput(url, QStringLiteral("Cổng thông tin"), QStringLiteral("ui"));
            QVERIFY(out);
            id = out->id;
        }
        {
            core::Session s(options(tmp.path()));
            QVERIFY(s.open());
            const QJsonArray outs = hntt::test::outputsJson(s);
            QCOMPARE(outs.size(), 1);
            QCOMPARE(outs.at(0).toObject().value(QStringLiteral("url")).toString(), url);
            QCOMPARE(outs.at(0).toObject().value(QStringLiteral("name")).toString(),
                     QStringLiteral("Cổng thông tin"));
            id = outs.at(0).toObject().value(QStringLiteral("id")).toInteger();
            QVERIFY(s.removeOutput(id, QStringLiteral("ui")));
        }
        core::Session s(options(tmp.path()));
        QVERIFY(s.open());
        QVERIFY(hntt::test::outputsJson(s).isEmpty());
    }

    void recordingsGoWhereTheSettingSays() {
        QTemporaryDir tmp;
        const QString elsewhere = tmp.filePath(QStringLiteral("lưu trữ"));
        core::ConsoleSettings(tmp.path()).setRecordingsDir(elsewhere);
        core::Session s(options(tmp.path()));
        QVERIFY(s.open());
        core::SiteRecord site;
        site.name = QStringLiteral("A");
        site.level = core::SiteLevel::Province;
        site.sourceUrl = QStringLiteral("test://solid?color=ff0000&tone=440&w=320&h=180");
        QVERIFY(s.createSite(site, QStringLiteral("ui")));
        auto rec = s.startRecording(QStringLiteral("Họp"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(rec);
        QVERIFY2(rec->path.startsWith(elsewhere), qPrintable(rec->path));
        QTest::qWait(1200);
        auto done = s.stopRecording(rec->id, QStringLiteral("ui"));
        QVERIFY(done);
        QVERIFY(!test::ffprobe(done->path).isEmpty());
    }

    void savedCanvasUnlessProgramIsGiven() {
        QTemporaryDir tmp;
        core::ConsoleSettings(tmp.path()).setCanvas({1280, 720, 25});
        core::ConsoleSettings(tmp.path()).sync();
        QJsonObject canvas = canvasOf(tmp.path(), {});
        QCOMPARE(canvas.value(QStringLiteral("width")).toInt(), 1280);
        QCOMPARE(canvas.value(QStringLiteral("height")).toInt(), 720);
        canvas = canvasOf(tmp.path(), {"--program", "640x360@25"});
        QCOMPARE(canvas.value(QStringLiteral("width")).toInt(), 640);

        // A malformed saved value is ignored: the default canvas.
        QSettings raw(tmp.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        raw.setValue(QStringLiteral("program/canvas"), QStringLiteral("19x@"));
        raw.sync();
        QVERIFY(!core::ConsoleSettings(tmp.path()).canvas());
        QCOMPARE(canvasOf(tmp.path(), {}).value(QStringLiteral("width")).toInt(), 1920);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
