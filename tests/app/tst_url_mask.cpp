// Stream keys and passphrases never leave the settings file: the masking of stream URLs.
#include "core/url_mask.h"

#include <QTest>

using hntt::core::maskStreamUrl;
using hntt::core::maskStreamUrlsIn;

class TestUrlMask : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void masks_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("shown");
        QTest::newRow("rtmp key") << "rtmp://live.example.vn/app/abc-123-secret"
                                  << "rtmp://live.example.vn/app/••••";
        QTest::newRow("rtmps key, port") << "rtmps://a.rtmp.youtube.com:443/live2/xxxx-yyyy-zzzz"
                                         << "rtmps://a.rtmp.youtube.com:443/live2/••••";
        QTest::newRow("rtmp key with query") << "rtmp://host/app/key?token=t0k&x=1"
                                             << "rtmp://host/app/••••?token=••••&x=1";
        QTest::newRow("rtmp app alone") << "rtmp://host/app"
                                        << "rtmp://host/app";
        QTest::newRow("rtmp trailing slash") << "rtmp://host/app/key/"
                                             << "rtmp://host/app/••••/";
        QTest::newRow("srt passphrase, streamid")
            << "srt://10.0.0.5:9000?mode=caller&passphrase=VeryLongSecret1&streamid=#!::r=live,u=hntt"
            << "srt://10.0.0.5:9000?mode=caller&passphrase=••••&streamid=••••";
        QTest::newRow("srt upper case key") << "srt://h:1?PassPhrase=abcdefghij"
                                            << "srt://h:1?PassPhrase=••••";
        QTest::newRow("srt without secrets") << "srt://h:9000?mode=listener&latency=200"
                                             << "srt://h:9000?mode=listener&latency=200";
        QTest::newRow("udp untouched") << "udp://127.0.0.1:5000?pkt_size=1316"
                                       << "udp://127.0.0.1:5000?pkt_size=1316";
        QTest::newRow("password in user info") << "rtmp://user:pw@host/app"
                                               << "rtmp://user:••••@host/app";
        QTest::newRow("empty passphrase stays") << "srt://h:1?passphrase="
                                                << "srt://h:1?passphrase=";
        QTest::newRow("not a URL") << "nonsense"
                                   << "nonsense";
        QTest::newRow("empty") << ""
                               << "";
    }
    void masks() {
        QFETCH(QString, url);
        QFETCH(QString, shown);
        QCOMPARE(maskStreamUrl(url), shown);
        QCOMPARE(maskStreamUrl(shown), shown); // idempotent
    }

    void masksUrlsInText() {
        QCOMPARE(maskStreamUrlsIn(QStringLiteral("Cannot open rtmp://h:1/live/KEY-1: Connection refused")),
                 QStringLiteral("Cannot open rtmp://h:1/live/••••: Connection refused"));
        QCOMPARE(maskStreamUrlsIn(QStringLiteral("Lỗi \"srt://h:9?passphrase=abcdefghijk\", rtmp://a/b/c.")),
                 QStringLiteral("Lỗi \"srt://h:9?passphrase=••••\", rtmp://a/b/••••."));
        QCOMPARE(maskStreamUrlsIn(QStringLiteral("udp://127.0.0.1:5000 is down")),
                 QStringLiteral("udp://127.0.0.1:5000 is down"));
        QCOMPARE(maskStreamUrlsIn(QStringLiteral("no URL here")), QStringLiteral("no URL here"));
    }
};

QTEST_GUILESS_MAIN(TestUrlMask)
#include "tst_url_mask.moc"
