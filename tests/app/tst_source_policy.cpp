// What a site's source may name: the schemes of contribution feeds and the test pictures, files
// only from the media folder, and this machine's own addresses only when the operator allows it.
// Each refused case is an attack a client of the API could try; a refused source changes nothing.
#include "core/session/session.h"
#include "core/sources/source_policy.h"
#include "core/store/database.h"
#include "core/store/site_directory.h"
#include "session_fixture.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;
using core::checkSource;
using core::SourcePolicy;

class TestSourcePolicy : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString media_;
    QString clip_; // a file inside the media folder

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        media_ = dir_.filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(media_ + QStringLiteral("/sub")));
        clip_ = media_ + QStringLiteral("/sub/hoi-truong.mp4");
        QFile f(clip_);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not really a video, but a regular file");
        f.close();
        // A link inside the folder that leads out of it, and a folder beside it with a similar name.
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), media_ + QStringLiteral("/passwd.mp4")));
        QVERIFY(QDir().mkpath(dir_.filePath(QStringLiteral("media-other"))));
        QFile other(dir_.filePath(QStringLiteral("media-other/x.mp4")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
    }

    void allowed_data() {
        QTest::addColumn<QString>("url");
        QTest::newRow("empty: no source") << QString();
        QTest::newRow("test picture") << QStringLiteral("test://solid?color=ff0000&tone=500");
        QTest::newRow("srt caller") << QStringLiteral("srt://10.0.0.5:9000?mode=caller&latency=200");
        QTest::newRow("srt listener on loopback") << QStringLiteral("srt://127.0.0.1:9000?mode=listener");
        QTest::newRow("srt listener anywhere") << QStringLiteral("srt://0.0.0.0:9000?mode=listener");
        QTest::newRow("rtsp camera") << QStringLiteral("rtsp://admin:pw@192.168.1.64:554/Streaming/101");
        QTest::newRow("rtsp with a user named like loopback")
            << QStringLiteral("rtsp://127.0.0.1@cam.huyen.gov.vn/stream");
        QTest::newRow("rtmp pull") << QStringLiteral("rtmp://media.tinh.gov.vn/live/hoi-truong");
        QTest::newRow("udp receiver on loopback") << QStringLiteral("udp://127.0.0.1:5000");
        QTest::newRow("udp receiver") << QStringLiteral("udp://@:5000");
        QTest::newRow("rtp multicast") << QStringLiteral("rtp://239.1.1.1:5004");
        QTest::newRow("file in the media folder") << QStringLiteral("%1/sub/hoi-truong.mp4");
        QTest::newRow("file: url in the media folder") << QStringLiteral("file:%1/sub/hoi-truong.mp4");
        QTest::newRow("file:// url in the media folder") << QStringLiteral("file://%1/sub/hoi-truong.mp4");
    }
    void allowed() {
        QFETCH(QString, url);
        if (url.contains(QLatin1String("%1")))
            url = url.arg(media_);
        const SourcePolicy policy{media_, false};
        const core::Status s = checkSource(url, policy);
        QVERIFY2(s.ok(), qPrintable(url + QStringLiteral(": ") + (s ? QString() : s.error().message)));
    }

    void refused_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        // FFmpeg's wrapping and local protocols, which a plain "path" would have reached.
        QTest::newRow("cache:") << QStringLiteral("cache:%1/sub/hoi-truong.mp4") << "'cache:'";
        QTest::newRow("async:") << QStringLiteral("async:file:/etc/passwd") << "'async:'";
        QTest::newRow("concat:") << QStringLiteral("concat:/etc/passwd|/etc/group") << "'concat:'";
        QTest::newRow("subfile") << QStringLiteral("subfile,,start,0,end,100,,:/etc/passwd") << "full path";
        QTest::newRow("pipe:") << QStringLiteral("pipe:0") << "'pipe:'";
        QTest::newRow("data:") << QStringLiteral("data:video/mp4;base64,AAAA") << "'data:'";
        QTest::newRow("unix://") << QStringLiteral("unix:///run/hntt/socket") << "'unix:'";
        QTest::newRow("gopher://") << QStringLiteral("gopher://127.0.0.1:70/") << "'gopher:'";
        QTest::newRow("ftp://") << QStringLiteral("ftp://10.0.0.1/x.ts") << "'ftp:'";
        QTest::newRow("http:// to loopback")
            << QStringLiteral("http://127.0.0.1:8470/api/v1/state") << "'http:'";
        QTest::newRow("tcp:// to loopback") << QStringLiteral("tcp://127.0.0.1:22") << "'tcp:'";
        QTest::newRow("hls over https") << QStringLiteral("https://example.com/live.m3u8") << "'https:'";
        // Local files outside the media folder, however they are named.
        QTest::newRow("file:///etc/passwd") << QStringLiteral("file:///etc/passwd") << "media folder";
        QTest::newRow("/etc/shadow") << QStringLiteral("/etc/shadow") << "media folder";
        QTest::newRow("relative path") << QStringLiteral("clip.mp4") << "full path";
        QTest::newRow("dot-dot out of the folder")
            << QStringLiteral("%1/sub/../../media-other/x.mp4") << "media folder";
        QTest::newRow("look-alike folder") << QStringLiteral("%1-other/x.mp4") << "media folder";
        QTest::newRow("link out of the folder") << QStringLiteral("%1/passwd.mp4") << "media folder";
        QTest::newRow("the folder itself") << QStringLiteral("%1") << "media folder";
        QTest::newRow("a folder inside") << QStringLiteral("%1/sub") << "regular file";
        QTest::newRow("missing file") << QStringLiteral("%1/none.mp4") << "media folder";
        // Pulls from this machine itself, in the spellings a resolver accepts.
        QTest::newRow("rtsp loopback") << QStringLiteral("rtsp://127.0.0.1:8554/x") << "this machine";
        QTest::newRow("rtsp 127.1") << QStringLiteral("rtsp://127.1/x") << "this machine";
        QTest::newRow("rtsp decimal") << QStringLiteral("rtsp://2130706433/x") << "this machine";
        QTest::newRow("rtsp hex") << QStringLiteral("rtsp://0x7f000001/x") << "this machine";
        QTest::newRow("rtsp ::1") << QStringLiteral("rtsp://[::1]:8554/x") << "this machine";
        QTest::newRow("rtsp v4-mapped") << QStringLiteral("rtsp://[::ffff:127.0.0.1]/x") << "this machine";
        QTest::newRow("rtsp 0.0.0.0") << QStringLiteral("rtsp://0.0.0.0:8554/x") << "this machine";
        QTest::newRow("rtsp localhost") << QStringLiteral("rtsp://LocalHost/x") << "this machine";
        QTest::newRow("rtsp a.localhost") << QStringLiteral("rtsp://cam.localhost/x") << "this machine";
        QTest::newRow("rtsp user@loopback") << QStringLiteral("rtsp://cam.vn@127.0.0.1/x") << "this machine";
        QTest::newRow("srt caller loopback")
            << QStringLiteral("srt://127.0.0.1:9000?mode=caller") << "this machine";
        QTest::newRow("srt default mode") << QStringLiteral("srt://127.0.0.1:9000") << "this machine";
        QTest::newRow("rtmp loopback") << QStringLiteral("rtmp://127.0.0.1/live/x") << "this machine";
        QTest::newRow("rtsp no host") << QStringLiteral("rtsp:///x") << "no host";
        QTest::newRow("control character") << QStringLiteral("rtsp://cam/x\nfile:/etc/passwd") << "control";
    }
    void refused() {
        QFETCH(QString, url);
        QFETCH(QString, says);
        if (url.contains(QLatin1String("%1")))
            url = url.arg(media_);
        const core::Status s = checkSource(url, SourcePolicy{media_, false});
        QVERIFY2(!s.ok(), qPrintable(url));
        QCOMPARE(s.error().code, core::Error::Code::Invalid);
        QVERIFY2(s.error().message.contains(says), qPrintable(s.error().message));
    }

    // The refusal of a file outside the folder reads the same whether the file exists or not.
    void saysNothingAboutFilesOutside() {
        const SourcePolicy policy{media_, false};
        QCOMPARE(checkSource(QStringLiteral("/etc/passwd"), policy).error().message,
                 checkSource(QStringLiteral("/etc/no-such-file"), policy).error().message);
    }

    void localTargetsWhenAllowed() {
        const SourcePolicy open{media_, true};
        for (const char* url : {"rtsp://127.0.0.1:8554/x", "srt://localhost:9000", "rtmp://[::1]/live/x"})
            QVERIFY2(checkSource(QString::fromLatin1(url), open).ok(), url);
        // Allowing local pulls does not open the other doors.
        QVERIFY(!checkSource(QStringLiteral("file:///etc/passwd"), open).ok());
        QVERIFY(!checkSource(QStringLiteral("http://127.0.0.1:1/"), open).ok());
        // Without a media folder there are no file sources at all.
        QVERIFY(!checkSource(clip_, SourcePolicy{QString(), true}).ok());
    }

    // Through the session: a refused source creates nothing, changes nothing and logs nothing.
    void theSessionRefusesAndChangesNothing() {
        QTemporaryDir tmp;
        core::SessionOptions o = test::smallSession(tmp.path());
        o.sources.mediaDir = media_;
        core::Session s(o);
        QVERIFY(s.open());
        const qint64 before = s.siteRecords().size();
        core::SiteRecord site;
        site.name = QStringLiteral("Xã Tân Hóa");
        site.level = core::SiteLevel::Province;
        site.sourceUrl = QStringLiteral("file:///etc/passwd");
        const auto created = s.createSite(site, QStringLiteral("api:127.0.0.1:5000"));
        QVERIFY(!created);
        QCOMPARE(created.error().code, core::Error::Code::Invalid);
        QCOMPARE(s.siteRecords().size(), before);
        QCOMPARE(test::lastLogged(s, QStringLiteral("site.create")).action, QString());

        const qint64 id = test::addSite(s, QStringLiteral("Xã Tân Hóa"), core::SiteLevel::Province,
                                        QStringLiteral("test://solid?color=00ff00"));
        QVERIFY(id > 0);
        core::SitePatch patch;
        patch.sourceUrl = QStringLiteral("rtsp://127.0.0.1:8470/");
        QVERIFY(!s.updateSite(id, patch, QStringLiteral("ui")));
        QCOMPARE(s.site(id)->record.sourceUrl, QStringLiteral("test://solid?color=00ff00"));
        patch.sourceUrl = clip_;
        QVERIFY(s.updateSite(id, patch, QStringLiteral("ui")));
    }

    // A source stored before the policy (or by an import) is not opened; the log says why.
    void aStoredSourceIsCheckedAgain() {
        QTemporaryDir tmp;
        qint64 id = 0;
        {
            auto db = core::Database::open(QDir(tmp.path()).filePath(QStringLiteral("hntt.sqlite")));
            QVERIFY(db);
            core::SiteDirectory directory(*db.value());
            core::SiteRecord r;
            r.name = QStringLiteral("Huyện Lệ Thủy");
            r.level = core::SiteLevel::Province;
            r.sourceUrl = QStringLiteral("file:///etc/passwd");
            auto created = directory.create(r);
            QVERIFY(created);
            id = created->id;
        }
        core::SessionOptions o = test::smallSession(tmp.path());
        core::Session s(o);
        QVERIFY(s.open());
        QCOMPARE(s.options().sources.mediaDir, QDir(tmp.path()).filePath(QStringLiteral("media")));
        QVERIFY(QFileInfo(s.options().sources.mediaDir).isDir());
        const core::EventRecord e = test::lastLogged(s, QStringLiteral("site.source_refused"));
        QCOMPARE(e.subject, QString::number(id));
        QVERIFY2(e.detail.value(QStringLiteral("reason")).toString().contains(QStringLiteral("media")),
                 qPrintable(e.detail.value(QStringLiteral("reason")).toString()));
        // The site is there, offline, and nothing was read from the file.
        QVERIFY(s.site(id));
        QTest::qWait(1500);
        QCOMPARE(s.site(id)->stats.videoFrames, 0u);
        QCOMPARE(s.site(id)->stats.lastError, std::string());
    }
};

QTEST_GUILESS_MAIN(TestSourcePolicy)
#include "tst_source_policy.moc"
