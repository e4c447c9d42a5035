// Meeting archives end to end: a real meeting of three connected sites and one that never comes is
// recorded through a Session (a mute and a floor change on the way) and exported through the job
// queue. The archive is then checked from the outside: every manifest hash recomputed here and by
// sha256sum, the media accepted by ffprobe with each site's tone in its own audio file, the event
// log's rows, the report's Vietnamese names in the HTML and the PDF (rendered by pdftoppm: not
// blank), the signature checked by the openssl CLI, and `hntt-console --verify-archive` finding a
// flipped byte. Cancelled and failed exports leave nothing; bad requests are refused, also through
// the API's routes.
#include "api/api_service.h"
#include "api_requests.h"
#include "archive_forgery.h"
#include "cli/command_line.h"
#include "core/archive/archive_job.h"
#include "core/archive/archive_material.h"
#include "core/archive/archive_verifier.h"
#include "core/archive/attendance.h"
#include "core/archive/attendance_report.h"
#include "core/archive/trust_list.h"
#include "core/province_time.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "session_wire.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <ctime>
#include <memory>
#include <sys/stat.h>

using namespace hntt;
using core::archive::ArchiveRequest;
using hntt::test::objectOf;
using hntt::test::request;

namespace {

QJsonObject jsonFile(const QString& path) {
    return QJsonDocument::fromJson(test::fileBytes(path)).object();
}

// Every file under `dir`, relative, sorted.
QStringList filesUnder(const QString& dir) {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(dir).relativeFilePath(it.next()));
    out.sort();
    return out;
}

bool copyFolder(const QString& from, const QString& to) {
    for (const QString& rel : filesUnder(from)) {
        const QString target = QDir(to).filePath(rel);
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(QDir(from).filePath(rel), target))
            return false;
    }
    return true;
}

struct Verdict {
    int code = -1;
    QString out;
};

Verdict verifyWithConsole(const QString& folder, const QStringList& more = {},
                          const QString& lang = QStringLiteral("en")) {
    QByteArray out, err;
    Verdict v;
    v.code = test::runProgram(HNTT_CONSOLE_BINARY,
                              QStringList{"--lang", lang, "--verify-archive", folder} + more, &out, &err);
    v.out = QString::fromUtf8(out + err);
    return v;
}

QString firstLine(const QString& text) {
    return text.section(QLatin1Char('\n'), 0, 0);
}

} // namespace

class TestArchive : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<core::Session> session_;
    qint64 recording_ = 0;
    qint64 meeting_ = 0;
    QString archive_;       // unsigned
    QString signedArchive_; // signed with the test's certificate
    QString cert_, key_;
    struct Site {
        qint64 id = 0;
        QString name;
        int tone = 0; // 0: no source, never joins
    };
    QList<Site> sites_;

    QString archivesDir() const { return QDir(tmp_.filePath(QStringLiteral("data"))).filePath("archives"); }

    // Runs an archive job to its end; the job's final JSON.
    QJsonObject runJob(const ArchiveRequest& r) {
        auto job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        if (!job) {
            qWarning() << job.error().message;
            return {};
        }
        QJsonObject state;
        for (int i = 0; i < 1200; ++i) {
            state = hntt::api::wire::jobJson(*session_->jobs().job(*job));
            if (state.value("state").toString() != QLatin1String("running"))
                break;
            QTest::qWait(50);
        }
        return state;
    }

    qint64 siteId(const QString& name) const {
        for (const Site& s : sites_)
            if (s.name == name)
                return s.id;
        return 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        // A self-signed certificate for a signer with a Vietnamese name.
        cert_ = tmp_.filePath(QStringLiteral("cert.pem"));
        key_ = tmp_.filePath(QStringLiteral("key.pem"));
        QCOMPARE(
            test::runProgram(QStringLiteral("openssl"),
                             {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                              "-nodes", "-keyout", key_, "-out", cert_, "-days", "2", "-utf8", "-subj",
                              "/CN=Văn phòng UBND tỉnh Quảng Bình/O=Sở Thông tin và Truyền thông"}),
            0);

        core::SessionOptions o;
        o.dataDir = tmp_.filePath(QStringLiteral("data"));
        o.width = 320;
        o.height = 180;
        o.multiview = false;
        session_ = std::make_unique<core::Session>(o);
        QVERIFY(session_->open());

        auto add = [&](const QString& name, core::SiteLevel level, std::optional<qint64> parent,
                       const QString& color, int tone) {
            core::SiteRecord s;
            s.name = name;
            s.level = level;
            s.parentId = parent;
            if (tone > 0)
                s.sourceUrl = QStringLiteral("test://solid?color=%1&tone=%2").arg(color).arg(tone);
            auto made = session_->createSite(s, QStringLiteral("ui"));
            if (!made)
                qWarning() << made.error().message;
            sites_.append({made ? made->id : 0, name, tone});
            return made ? made->id : 0;
        };
        const qint64 province =
            add(QStringLiteral("Sở Thông tin và Truyền thông"), core::SiteLevel::Province, {}, "ff0000", 400);
        const qint64 district =
            add(QStringLiteral("Huyện Lệ Thủy"), core::SiteLevel::District, province, "00ff00", 800);
        add(QStringLiteral("UBND xã Quảng Hòa"), core::SiteLevel::Commune, district, "0000ff", 1200);
        add(QStringLiteral("Huyện Minh Hóa"), core::SiteLevel::District, province, {}, 0);
        for (const Site& s : sites_)
            QVERIFY(s.id > 0);

        core::MeetingRecord m;
        m.title = QStringLiteral("Họp trực tuyến phòng chống bão lũ");
        m.kind = core::MeetingKind::ProvinceAll;
        m.room = QStringLiteral("Phòng họp số 1");
        m.hostSiteId = province;
        for (const Site& s : sites_)
            m.siteIds.append(s.id);
        m.startsAt = QDateTime::currentDateTime().addSecs(-60);
        m.endsAt = m.startsAt.addSecs(3600);
        m.emergency = true;
        auto booked = session_->scheduleMeeting(m, QStringLiteral("ui"));
        QVERIFY2(booked, booked ? "" : qPrintable(booked.error().message));
        meeting_ = booked->meeting.id;

        for (const Site& s : sites_)
            if (s.tone > 0)
                QTRY_COMPARE_WITH_TIMEOUT(hntt::test::siteJson(*session_, s.id)->value("status").toString(),
                                          QStringLiteral("connected"), 10000);

        // About four seconds: a mute and a floor change on the way.
        auto rec = session_->startRecording(QStringLiteral("Phiên họp sáng"), meeting_, QStringLiteral("ui"));
        QVERIFY(rec);
        recording_ = rec->id;
        QTest::qWait(1500);
        core::SitePatch mute;
        mute.audioMuted = true;
        QVERIFY(session_->updateSite(district, mute, QStringLiteral("ui")));
        // The commune gets the floor and speaks up: 10 dB over the others makes it the active speaker.
        const qint64 commune = siteId(QStringLiteral("UBND xã Quảng Hòa"));
        QVERIFY(session_->giveFloor(commune, QStringLiteral("ui")));
        core::SitePatch louder;
        louder.gainDb = 10;
        QVERIFY(session_->updateSite(commune, louder, QStringLiteral("ui")));
        QTest::qWait(1500);
        mute.audioMuted = false;
        QVERIFY(session_->updateSite(district, mute, QStringLiteral("ui")));
        QTest::qWait(1000);
        QVERIFY(session_->stopRecording(recording_, QStringLiteral("ui")));

        ArchiveRequest r;
        r.recordingId = recording_;
        const QJsonObject plain = runJob(r);
        QCOMPARE(plain.value("state").toString(), QStringLiteral("done"));
        archive_ = plain.value("result").toObject().value("path").toString();
        QVERIFY(QFileInfo(archive_).isDir());
        QVERIFY(!plain.value("result").toObject().value("signed").toBool());

        r.certificatePath = cert_;
        r.keyPath = key_;
        const QJsonObject signedJob = runJob(r);
        QCOMPARE(signedJob.value("state").toString(), QStringLiteral("done"));
        signedArchive_ = signedJob.value("result").toObject().value("path").toString();
        QVERIFY(signedJob.value("result").toObject().value("signed").toBool());
        QVERIFY(signedArchive_ != archive_);
    }

    void cleanupTestCase() {
        if (session_)
            session_->shutdown();
        session_.reset();
    }

    void archiveHoldsEveryPart() {
        // By the recording's start in the province's time, the meeting and the recording's title;
        // the second archive of it says so.
        const auto rec = session_->recordings().get(recording_);
        QVERIFY(rec);
        const QString name =
            hntt::core::inProvinceTime(rec->startedAt).toString(QStringLiteral("yyyy-MM-dd_HH'h'mm")) +
            QStringLiteral("_Hop-truc-tuyen-phong-chong-bao-lu_Phien-hop-sang");
        QCOMPARE(QFileInfo(archive_).fileName(), name);
        QCOMPARE(QFileInfo(signedArchive_).fileName(), name + QStringLiteral("_lan-2"));
        const QStringList files = filesUnder(archive_);
        for (const char* name : {"program.mkv", "events.csv", "events.json", "recording.json",
                                 "attendance.html", "attendance.pdf", "manifest.json", "MANIFEST.sha256"})
            QVERIFY2(files.contains(QLatin1String(name)), name);
        QVERIFY(!files.contains(QStringLiteral("manifest.p7s")));
        QVERIFY(filesUnder(signedArchive_).contains(QStringLiteral("manifest.p7s")));
        // One audio file per site the console had when the recording started.
        for (const Site& s : sites_)
            QVERIFY2(std::any_of(files.cbegin(), files.cend(),
                                 [&](const QString& f) {
                                     return f.startsWith(QStringLiteral("audio/site-%1-").arg(s.id)) &&
                                            f.endsWith(QLatin1String(".m4a"));
                                 }),
                     qPrintable(files.join(' ')));
        // Nothing half-written is left beside the archives.
        for (const QString& entry : QDir(archivesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
            QVERIFY2(!entry.endsWith(QLatin1String(".partial")), qPrintable(entry));
        // The program is the recording, byte for byte.
        QCOMPARE(test::fileBytes(QDir(archive_).filePath("program.mkv")), test::fileBytes(rec->path));
    }

    void everyManifestHashHolds() {
        for (const QString& dir : {archive_, signedArchive_}) {
            const QJsonObject manifest = jsonFile(QDir(dir).filePath("manifest.json"));
            QCOMPARE(manifest.value("algorithm").toString(), QStringLiteral("SHA-256"));
            QCOMPARE(manifest.value("recording").toObject().value("id").toInteger(), recording_);
            QStringList listed;
            for (const QJsonValue& v : manifest.value("files").toArray()) {
                const QJsonObject f = v.toObject();
                const QString path = QDir(dir).filePath(f.value("path").toString());
                const QByteArray bytes = test::fileBytes(path);
                QCOMPARE(bytes.size(), f.value("size").toInteger());
                QCOMPARE(
                    QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
                    f.value("sha256").toString());
                listed.append(f.value("path").toString());
            }
            // Everything but the manifest's own files is listed.
            QStringList expected = filesUnder(dir);
            for (const char* own : {"manifest.json", "MANIFEST.sha256", "manifest.p7s"})
                expected.removeAll(QLatin1String(own));
            listed.sort();
            QCOMPARE(listed, expected);
            // The sha256sum-compatible list says the same.
            QByteArray out, err;
            const int rc =
                test::runProgram(QStringLiteral("sh"),
                                 {"-c", "cd \"$1\" && sha256sum --check --strict MANIFEST.sha256", "sh", dir},
                                 &out, &err, 60000);
            QVERIFY2(rc == 0, err.constData());
        }
    }

    void mediaPlaysAndEachSiteHasItsOwnSound() {
        const QJsonObject program = test::ffprobe(QDir(archive_).filePath("program.mkv"));
        QVERIFY(!program.isEmpty());
        const QJsonArray streams = program.value("streams").toArray();
        QCOMPARE(streams.at(0).toObject().value("codec_name").toString(), QStringLiteral("h264"));
        const double duration = program.value("format").toObject().value("duration").toString().toDouble();
        QVERIFY2(duration > 3, qPrintable(QString::number(duration)));

        for (const Site& s : sites_) {
            const QStringList found =
                QDir(QDir(archive_).filePath("audio"))
                    .entryList({QStringLiteral("site-%1-*.m4a").arg(s.id)}, QDir::Files);
            QCOMPARE(found.size(), 1);
            const QString file = QDir(archive_).filePath("audio/" + found.first());
            const QJsonObject probe = test::ffprobe(file);
            QVERIFY2(!probe.isEmpty(), qPrintable(file));
            const QJsonArray st = probe.value("streams").toArray();
            QCOMPARE(st.size(), 1);
            QCOMPARE(st.at(0).toObject().value("codec_name").toString(), QStringLiteral("aac"));
            const double d = probe.value("format").toObject().value("duration").toString().toDouble();
            QVERIFY2(std::abs(d - duration) < 1.0,
                     qPrintable(QStringLiteral("%1 vs %2").arg(d).arg(duration)));
            QCOMPARE(probe.value("format").toObject().value("tags").toObject().value("title").toString(),
                     s.name);
            // Its own tone, in the first second (before any mute), and none of the others'.
            const std::vector<float> samples = test::decodeAudio(file, 0.3, 1.0);
            QVERIFY(!samples.empty());
            for (const Site& other : sites_) {
                if (other.tone == 0)
                    continue;
                const double amp = test::meanToneAmplitude(samples, other.tone);
                if (other.id == s.id)
                    QVERIFY2(amp > 0.03, qPrintable(QStringLiteral("%1: %2").arg(s.name).arg(amp)));
                else
                    QVERIFY2(amp < 0.005,
                             qPrintable(QStringLiteral("%1 in %2: %3").arg(other.tone).arg(s.name).arg(amp)));
            }
        }
    }

    // events.csv is for people, in the archive's language (Vietnamese, though this window speaks
    // English): a byte-order mark for spreadsheets, times in the province's zone, words for who
    // and what, sites by name; the codes in a column of their own. events.json keeps them all.
    void eventLogHasTheMeetingsRows() {
        const QByteArray bytes = test::fileBytes(QDir(archive_).filePath("events.csv"));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QList<QByteArray> lines = bytes.mid(3).split('\n');
        QVERIFY2(QString::fromUtf8(lines.first()).startsWith(QStringLiteral("Thời gian (UTC")),
                 lines.first().constData());
        const QString text = QString::fromUtf8(bytes);
        QVERIFY(text.contains(QStringLiteral("Trao quyền phát biểu"))); // floor.give
        QVERIFY(text.contains(QStringLiteral("Kỹ thuật viên")));        // the operator ("ui")
        // A site's events name it (the mute, the gain and the floor of this meeting).
        int named = 0;
        for (const QJsonValue& v :
             QJsonDocument::fromJson(test::fileBytes(QDir(archive_).filePath("events.json"))).array()) {
            const QJsonObject e = v.toObject();
            if (!e.value("action").toString().startsWith(QLatin1String("site.audio")))
                continue;
            for (const Site& s : sites_)
                if (QString::number(s.id) == e.value("subject").toString()) {
                    QVERIFY2(text.contains(QStringLiteral(",") + s.name + QStringLiteral(",")),
                             qPrintable(s.name));
                    ++named;
                }
        }
        QVERIFY(named >= 3);
        const QDateTime started = session_->recordings().get(recording_)->startedAt;
        QVERIFY(text.contains(hntt::core::inProvinceTime(started).toString(QStringLiteral("dd/MM/yyyy"))));
        const QJsonArray events =
            QJsonDocument::fromJson(test::fileBytes(QDir(archive_).filePath("events.json"))).array();
        int csvRows = 0;
        for (const QByteArray& l : lines.mid(1))
            csvRows += l.trimmed().isEmpty() ? 0 : 1;
        QCOMPARE(csvRows, events.size());
        QStringList actions;
        for (const QJsonValue& e : events)
            actions.append(e.toObject().value("action").toString());
        QCOMPARE(actions.first(), QStringLiteral("recording.start"));
        QCOMPARE(actions.last(), QStringLiteral("recording.stop"));
        QCOMPARE(actions.count(QStringLiteral("site.audio")), 3); // mute, gain, unmute
        QCOMPARE(actions.count(QStringLiteral("floor.give")), 1);
        for (const QJsonValue& e : events)
            QCOMPARE(e.toObject().value("meeting_id").toInteger(), meeting_);
        QVERIFY(test::fileBytes(QDir(archive_).filePath("events.csv")).contains("floor.give"));
    }

    // Asked for in English, the archive speaks English, report and event list alike; a language
    // the console has no words for is refused before anything is written.
    void anArchiveInEnglishWhenAskedFor() {
        ArchiveRequest r;
        r.recordingId = recording_;
        r.language = QStringLiteral("en");
        const QJsonObject job = runJob(r);
        QCOMPARE(job.value("state").toString(), QStringLiteral("done"));
        const QString folder = job.value("result").toObject().value("path").toString();
        const QString html = QString::fromUtf8(test::fileBytes(QDir(folder).filePath("attendance.html")));
        QVERIFY(html.contains(QStringLiteral("Absent")));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en\">")));
        QVERIFY(QString::fromUtf8(test::fileBytes(QDir(folder).filePath("events.csv")))
                    .contains(QStringLiteral("Floor given")));
        QVERIFY(QDir(folder).removeRecursively());
        r.language = QStringLiteral("fr");
        auto refused = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::Error::Code::Invalid);
    }

    void reportIsInVietnameseAndNotBlank() {
        const QString html = QString::fromUtf8(test::fileBytes(QDir(archive_).filePath("attendance.html")));
        for (const Site& s : sites_)
            QVERIFY2(html.contains(s.name), qPrintable(s.name));
        QVERIFY(html.contains(QStringLiteral("Họp trực tuyến phòng chống bão lũ")));
        // In the archive's language, Vietnamese by default, though this window speaks English.
        QVERIFY(html.contains(QStringLiteral("Vắng mặt"))); // Huyện Minh Hóa never came
        QVERIFY(!html.contains(QStringLiteral("Absent")));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"vi\">")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));

        // The PDF carries the same text (so the font had the glyphs) and renders with dark text.
        const QString pdf = QDir(archive_).filePath("attendance.pdf");
        QByteArray text;
        QCOMPARE(test::runProgram(QStringLiteral("pdftotext"), {"-enc", "UTF-8", pdf, "-"}, &text), 0);
        const QString plain = QString::fromUtf8(text).normalized(QString::NormalizationForm_C);
        for (const Site& s : sites_)
            QVERIFY2(plain.contains(s.name), qPrintable(s.name + QStringLiteral(" in ") + plain));

        QTemporaryDir out;
        QCOMPARE(test::runProgram(QStringLiteral("pdftoppm"),
                                  {"-png", "-r", "60", "-f", "1", "-l", "1", pdf, out.filePath("page")}),
                 0);
        const QStringList pages = QDir(out.path()).entryList({"page*.png"});
        QCOMPARE(pages.size(), 1);
        const QImage page(out.filePath(pages.first()));
        QVERIFY(!page.isNull());
        QVERIFY(page.width() > page.height()); // A4 landscape
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 100 ? 1 : 0;
        QVERIFY2(dark > 2000, qPrintable(QString::number(dark)));
    }

    void attendanceFromMarkers() {
        // On a machine in UTC (Debian's default), the report is in the province's time and says so.
        const QByteArray machineZone = qgetenv("TZ");
        qputenv("TZ", "UTC");
        tzset();
        QVERIFY(!core::useProvinceTimeZone(QStringLiteral("Asia/Nowhere")));
        QVERIFY(core::useProvinceTimeZone(QStringLiteral("Asia/Ho_Chi_Minh")));
        const auto restoreZone = qScopeGuard([&machineZone] {
            if (machineZone.isEmpty())
                qunsetenv("TZ");
            else
                qputenv("TZ", machineZone);
            tzset();
        });
        // A meeting of 100 s: sites 1-4 expected, 5 comes unlisted; 4 never comes. Stored in UTC.
        core::archive::ArchiveMaterial m;
        m.recording.id = 1;
        m.recording.startedAt = QDateTime(QDate(2026, 11, 26), QTime(1, 0), QTimeZone::utc());
        m.recording.stoppedAt = m.recording.startedAt.addSecs(100);
        m.recording.durationS = 100;
        m.meeting = core::MeetingRecord{};
        m.meeting->title = QStringLiteral("Giao ban");
        m.meeting->startsAt = m.recording.startedAt;
        m.meeting->endsAt = m.recording.startedAt.addSecs(3600);
        m.expectedSiteIds = {1, 2, 3, 4};
        for (qint64 id = 1; id <= 5; ++id) {
            core::SiteRecord s;
            s.id = id;
            s.name = QStringLiteral("Điểm cầu %1").arg(id);
            m.sites.insert(id, s);
        }
        using K = core::MarkerKind;
        auto mark = [&](double at, K kind, std::optional<qint64> site) {
            core::MarkerRecord r;
            r.offsetS = at;
            r.kind = kind;
            r.siteId = site;
            m.recording.markers.append(r);
        };
        mark(0, K::Join, 1);
        mark(0, K::Join, 2);
        mark(5, K::Speaker, 1);
        mark(10, K::Join, 3);
        mark(20, K::Speaker, 2);
        mark(30, K::Mute, 2); // a muted speaker stops speaking
        mark(40, K::Speaker, 3);
        mark(50, K::Leave, 3); // its link drops ...
        mark(55, K::Join, 3);  // ... and comes back
        mark(60, K::Join, 5);
        mark(80, K::Leave, 2); // leaves for good
        mark(85, K::Speaker, 1);
        mark(90, K::Speaker, std::nullopt);
        const auto a = core::archive::computeAttendance(m, {});
        QCOMPARE(a.durationS, 100.0);
        QCOMPARE(a.expected, 4);
        QCOMPARE(a.present, 3);
        QCOMPARE(a.absent, 1);
        QCOMPARE(a.unlisted, 1);
        QCOMPARE(a.rows.size(), 5);
        const auto& r1 = a.rows[0];
        QCOMPARE(r1.siteId, 1);
        QVERIFY(r1.joined && !r1.leftAtS);
        QCOMPARE(r1.presentS, 100.0);
        QCOMPARE(r1.speakingS, 20.0);
        QCOMPARE(r1.quality, core::archive::LinkQuality::Good);
        const auto& r2 = a.rows[1];
        QCOMPARE(r2.presentS, 80.0);
        QCOMPARE(r2.speakingS, 10.0);
        QCOMPARE(r2.leftAtS, std::optional<double>(80.0));
        QCOMPARE(r2.quality, core::archive::LinkQuality::Good);
        const auto& r3 = a.rows[2];
        QCOMPARE(r3.joinedAtS, 10.0);
        QCOMPARE(r3.presentS, 85.0);
        QCOMPARE(r3.speakingS, 10.0);
        QCOMPARE(r3.losses, 1);
        QCOMPARE(r3.lostS, 5.0);
        QCOMPARE(r3.quality, core::archive::LinkQuality::Unstable);
        QVERIFY(!a.rows[3].joined);
        QCOMPARE(a.rows[3].quality, core::archive::LinkQuality::Unknown);
        QCOMPARE(a.rows[4].siteId, 5);
        QVERIFY(!a.rows[4].expected);
        QCOMPARE(a.rows[4].presentS, 40.0);

        const QString html = core::archive::attendanceHtml(m, a);
        QVERIFY(html.contains(QStringLiteral("Điểm cầu 4")));
        QVERIFY(html.contains(QStringLiteral("08:00:10"))); // site 3 joined, in the province's time
        QVERIFY(html.contains(QStringLiteral("08:01:20"))); // site 2 left
        QVERIFY(html.contains(QStringLiteral("26/11/2026 08:00:00"))); // the booking, from ...
        QVERIFY(html.contains(QStringLiteral("26/11/2026 09:00:00"))); // ... to
        QVERIFY2(html.contains(QStringLiteral("UTC+07:00, Asia/Ho_Chi_Minh")), qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("01:00:10")));
        QVERIFY(html.contains(QStringLiteral("1:25"))); // site 3 present
    }

    void attendanceFollowsTheMarkers() {
        // The real meeting: the commune with the floor and 10 dB more was the active speaker.
        auto material =
            core::archive::gatherArchiveMaterial(session_->recordings(), session_->meetings(),
                                                 session_->directory(), session_->eventLog(), recording_);
        QVERIFY(material);
        const auto a = core::archive::computeAttendance(material.value(), {});
        QCOMPARE(a.expected, 4);
        QCOMPARE(a.present, 3);
        QCOMPARE(a.absent, 1);
        for (const auto& r : a.rows) {
            if (r.siteId == siteId(QStringLiteral("UBND xã Quảng Hòa")))
                QVERIFY2(r.speakingS > 0.5, qPrintable(QString::number(r.speakingS)));
            if (r.siteId == siteId(QStringLiteral("Huyện Minh Hóa")))
                QVERIFY(!r.joined);
            else
                QVERIFY2(r.joined && r.joinedAtS < 0.5 && r.presentS > 3, qPrintable(r.name));
        }

        const QJsonObject doc = jsonFile(QDir(archive_).filePath("recording.json"));
        QCOMPARE(doc.value("meeting").toObject().value("id").toInteger(), meeting_);
        // Every connected site joined at the start.
        int joins = 0;
        for (const QJsonValue& m : doc.value("recording").toObject().value("markers").toArray())
            joins += m.toObject().value("kind").toString() == QLatin1String("join") &&
                             m.toObject().value("offset_s").toDouble() < 0.5
                         ? 1
                         : 0;
        QCOMPARE(joins, 3);
    }

    void signatureChecksWithOpenssl() {
        const QString p7s = QDir(signedArchive_).filePath("manifest.p7s");
        const QString manifest = QDir(signedArchive_).filePath("manifest.json");
        QByteArray out, err;
        QCOMPARE(test::runProgram(QStringLiteral("openssl"),
                                  {"cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content",
                                   manifest, "-noverify", "-out", "/dev/null"},
                                  &out, &err),
                 0);
        QCOMPARE(test::runProgram(QStringLiteral("openssl"),
                                  {"cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content",
                                   manifest, "-CAfile", cert_, "-out", "/dev/null"},
                                  &out, &err),
                 0);
        const Verdict v = verifyWithConsole(signedArchive_, {"--trust-cert", cert_});
        QVERIFY2(v.code == 0, qPrintable(v.out));
        QVERIFY2(
            firstLine(v.out).startsWith(QStringLiteral("The archive has not been changed and is signed by "
                                                       "Văn phòng UBND tỉnh Quảng Bình")),
            qPrintable(v.out));
        QVERIFY2(v.out.contains(QStringLiteral("CN=Văn phòng UBND tỉnh Quảng Bình")), qPrintable(v.out));
        // Without the certificate trusted, a valid signature proves nothing about who made it.
        const Verdict nobodyTrusted = verifyWithConsole(signedArchive_);
        QCOMPARE(nobodyTrusted.code, 3);
        QVERIFY2(firstLine(nobodyTrusted.out).contains(QStringLiteral("NOT trusted")),
                 qPrintable(nobodyTrusted.out));

        // A manifest changed by one byte no longer matches its signature, for openssl and for the console.
        QTemporaryDir copy;
        QVERIFY(copyFolder(signedArchive_, copy.path()));
        QByteArray bytes = test::fileBytes(copy.filePath("manifest.json"));
        bytes.replace("\"generator\"", "\"Generator\"");
        QFile f(copy.filePath("manifest.json"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
        f.close();
        QVERIFY(test::runProgram(QStringLiteral("openssl"),
                                 {"cms", "-verify", "-binary", "-inform", "DER", "-in",
                                  copy.filePath("manifest.p7s"), "-content", copy.filePath("manifest.json"),
                                  "-noverify", "-out", "/dev/null"},
                                 &out, &err) != 0);
        const Verdict tampered = verifyWithConsole(copy.path(), {"--trust-cert", cert_});
        QCOMPARE(tampered.code, 1);
        QVERIFY2(firstLine(tampered.out)
                     .startsWith(QStringLiteral("The archive has been changed since it was made: "
                                                "manifest.p7s: ")),
                 qPrintable(tampered.out));
        QVERIFY2(tampered.out.contains(QStringLiteral("manifest.p7s: ")), qPrintable(tampered.out));

        // Removing the signature of a signed archive is noticed too.
        QVERIFY(QFile::remove(copy.filePath("manifest.p7s")));
        const Verdict unsignedCopy = verifyWithConsole(copy.path());
        QCOMPARE(unsignedCopy.code, 1);
        QVERIFY2(unsignedCopy.out.contains(QStringLiteral("manifest.p7s: missing")),
                 qPrintable(unsignedCopy.out));
    }

    void verifyArchiveFindsEveryDifference() {
        // Intact but unsigned: exit 3, and the verdict says it proves nothing.
        const Verdict intact = verifyWithConsole(archive_);
        QVERIFY2(intact.code == 3, qPrintable(intact.out));
        QVERIFY2(firstLine(intact.out).contains(QStringLiteral("not signed: this proves nothing")),
                 qPrintable(intact.out));

        QTemporaryDir copy;
        QVERIFY(copyFolder(archive_, copy.path()));
        QCOMPARE(verifyWithConsole(copy.path()).code, 3);
        // One flipped byte in the middle of the program recording.
        {
            QFile f(copy.filePath("program.mkv"));
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 at = f.size() / 2;
            QVERIFY(f.seek(at));
            char c = 0;
            QVERIFY(f.getChar(&c));
            QVERIFY(f.seek(at));
            QVERIFY(f.putChar(static_cast<char>(c ^ 0x01)));
        }
        Verdict v = verifyWithConsole(copy.path());
        QCOMPARE(v.code, 1);
        QVERIFY2(v.out.contains(QStringLiteral("program.mkv: SHA-256 ")), qPrintable(v.out));
        QVERIFY2(!v.out.contains(QStringLiteral("events.csv")), qPrintable(v.out));

        // A missing file, an unlisted one and a changed size are each named.
        QVERIFY(QFile::remove(copy.filePath("events.json")));
        QFile extra(copy.filePath("notes.txt"));
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.write("x");
        extra.close();
        QFile csv(copy.filePath("events.csv"));
        QVERIFY(csv.open(QIODevice::Append));
        csv.write("\n");
        csv.close();
        v = verifyWithConsole(copy.path());
        QCOMPARE(v.code, 1);
        QVERIFY2(firstLine(v.out).endsWith(QStringLiteral("and 3 other differences.")), qPrintable(v.out));
        for (const QString& expected :
             {QStringLiteral("events.json: missing"), QStringLiteral("notes.txt: not listed in the manifest"),
              QStringLiteral("events.csv: "), QStringLiteral("program.mkv: SHA-256 ")})
            QVERIFY2(v.out.contains(expected), qPrintable(expected + QStringLiteral(" in ") + v.out));

        // The same check in-process.
        const auto inProcess = core::archive::verifyArchive(copy.path());
        QCOMPARE(inProcess.differences.size(), 4);

        // Usage errors: no such folder, no path.
        QCOMPARE(verifyWithConsole(copy.filePath("nowhere")).code, 2);
        QCOMPARE(test::runProgram(HNTT_CONSOLE_BINARY, {"--verify-archive"}), 2);
    }

    // A copy with a file changed, re-hashed and re-signed with a self-made certificate carrying the
    // same subject: intact against its own manifest, and refused (exit 3) unless that very
    // certificate is trusted. The console's own certificate and its trust list count with
    // --data-dir; the verdict speaks Vietnamese first.
    void lookAlikeSignerIsNotTrusted() {
        QTemporaryDir work;
        const QString forgedCert = work.filePath(QStringLiteral("forged-cert.pem"));
        const QString forgedKey = work.filePath(QStringLiteral("forged-key.pem"));
        QVERIFY(test::makeCertificate(
            QStringLiteral("/CN=Văn phòng UBND tỉnh Quảng Bình/O=Sở Thông tin và Truyền thông"), forgedCert,
            forgedKey));
        const QString forged = work.filePath(QStringLiteral("forged"));
        QVERIFY(test::forgeArchive(signedArchive_, forged, QStringLiteral("events.csv"), "absent,1\n",
                                   forgedCert, forgedKey));

        const Verdict refused = verifyWithConsole(forged, {"--trust-cert", cert_});
        QCOMPARE(refused.code, 3);
        QVERIFY2(firstLine(refused.out)
                     .startsWith(QStringLiteral("The signature is valid but its certificate is "
                                                "NOT trusted: Văn phòng UBND tỉnh Quảng Bình")),
                 qPrintable(refused.out));
        core::archive::TrustedCertificates forgedOnly;
        const auto forgedInfo = forgedOnly.addFile(forgedCert);
        QVERIFY(forgedInfo && forgedInfo->size() == 1);
        QVERIFY2(firstLine(refused.out).contains(forgedInfo->first().sha256Fingerprint),
                 qPrintable(refused.out));
        const Verdict vi = verifyWithConsole(forged, {"--trust-cert", cert_}, QStringLiteral("vi"));
        QCOMPARE(vi.code, 3);
        QVERIFY2(firstLine(vi.out).startsWith(
                     QStringLiteral("Chữ ký hợp lệ nhưng của một chứng thư KHÔNG được tin cậy")),
                 qPrintable(vi.out));

        // Trusted explicitly, the same forgery passes: trust is the reader's decision.
        QCOMPARE(verifyWithConsole(forged, {"--trust-cert", forgedCert}).code, 0);
        QCOMPARE(verifyWithConsole(forged, {"--trust-cert", cert_, "--trust-cert", forgedCert}).code, 0);

        // A console's data folder: its own signing certificate is trusted, the look-alike is not ...
        const QString dataDir = work.filePath(QStringLiteral("console"));
        QVERIFY(QDir().mkpath(dataDir));
        core::ConsoleSettings(dataDir).setArchiveSigning(cert_, key_);
        QCOMPARE(verifyWithConsole(signedArchive_, {"--data-dir", dataDir}).code, 0);
        QCOMPARE(verifyWithConsole(forged, {"--data-dir", dataDir}).code, 3);
        // ... until it is put on the trust list, and no longer once taken off.
        const auto added = core::archive::trustCertificateFile(dataDir, forgedCert);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        QCOMPARE(core::archive::trustList(dataDir).size(), 1);
        QCOMPARE(verifyWithConsole(forged, {"--data-dir", dataDir}).code, 0);
        QVERIFY(core::archive::distrustCertificate(dataDir, added->first().sha256Fingerprint));
        QVERIFY(!core::archive::distrustCertificate(dataDir, QStringLiteral("../../settings.ini")));
        QCOMPARE(verifyWithConsole(forged, {"--data-dir", dataDir}).code, 3);

        // A certificate file that cannot be read is a usage error, and says which.
        const Verdict badTrust =
            verifyWithConsole(forged, {"--trust-cert", work.filePath(QStringLiteral("none.pem"))});
        QCOMPARE(badTrust.code, 2);
        QVERIFY2(badTrust.out.contains(QStringLiteral("none.pem")), qPrintable(badTrust.out));
        QCOMPARE(verifyWithConsole(forged, {"--data-dir", work.filePath(QStringLiteral("nowhere"))}).code, 2);
    }

    // The province's CA trusted: a signer it issued is trusted, whoever else is not.
    void signerIssuedByATrustedCaIsTrusted() {
        QTemporaryDir work;
        auto path = [&work](const char* name) { return work.filePath(QLatin1String(name)); };
        QVERIFY(test::makeCertificate(QStringLiteral("/CN=CA Ban Cơ yếu tỉnh Quảng Bình"), path("ca.pem"),
                                      path("ca-key.pem")));
        QCOMPARE(test::runProgram(QStringLiteral("openssl"),
                                  {"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                   "-nodes", "-keyout", path("signer-key.pem"), "-out", path("signer.csr"),
                                   "-utf8", "-subj", "/CN=Trung tâm HNTT tỉnh Quảng Bình"}),
                 0);
        QCOMPARE(test::runProgram(QStringLiteral("openssl"),
                                  {"x509", "-req", "-in", path("signer.csr"), "-CA", path("ca.pem"), "-CAkey",
                                   path("ca-key.pem"), "-CAcreateserial", "-days", "2", "-out",
                                   path("signer.pem")}),
                 0);
        const QByteArray content = "{\"format\":\"hntt-archive\"}";
        const auto signature = core::archive::signDetached(
            content, core::archive::SigningIdentity{path("signer.pem"), path("signer-key.pem")});
        QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message));
        core::archive::TrustedCertificates ca;
        QVERIFY(ca.addFile(path("ca.pem")));
        const auto byCa = core::archive::verifyDetached(content, *signature, ca);
        QVERIFY(byCa.valid);
        QVERIFY(byCa.trusted);
        QCOMPARE(byCa.signer.name, QStringLiteral("Trung tâm HNTT tỉnh Quảng Bình"));
        const auto nobody = core::archive::verifyDetached(content, *signature);
        QVERIFY(nobody.valid);
        QVERIFY(!nobody.trusted);
        core::archive::TrustedCertificates other;
        QVERIFY(other.addFile(cert_));
        QVERIFY(!core::archive::verifyDetached(content, *signature, other).trusted);
    }

    void hostileManifestIsRefused() {
        // A manifest that points outside its folder is not followed, and says so.
        QTemporaryDir dir;
        QFile m(dir.filePath("manifest.json"));
        QVERIFY(m.open(QIODevice::WriteOnly));
        m.write(R"({"format":"hntt-archive","version":1,"algorithm":"SHA-256","files":[{"path":"../outside",)"
                R"("size":1,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"}]})");
        m.close();
        const auto v = core::archive::verifyArchive(dir.path());
        QCOMPARE(v.differences.size(), 1);
        QCOMPARE(v.differences.first().path, QStringLiteral("manifest.json"));
        QVERIFY2(v.differences.first().message.contains(QStringLiteral("invalid path")),
                 qPrintable(v.differences.first().text()));
        QCOMPARE(v.filesChecked, 0);
        // Not an archive at all.
        QTemporaryDir empty;
        const Verdict none = verifyWithConsole(empty.path());
        QCOMPARE(none.code, 1);
        QVERIFY2(none.out.contains(QStringLiteral("manifest.json: missing")), qPrintable(none.out));
    }

    void commandLineTakesVerifyArchive() {
        using cli::ParseResult;
        const ParseResult r = cli::parseCommandLine({"hntt-console", "--verify-archive", "/srv/luu-tru/7"});
        QCOMPARE(r.action, ParseResult::Action::VerifyArchive);
        QCOMPARE(r.options.verifyArchive, QStringLiteral("/srv/luu-tru/7"));
        QCOMPARE(cli::parseCommandLine({"hntt-console", "--verify-archive"}).action,
                 ParseResult::Action::Error);
        QCOMPARE(cli::parseCommandLine({"hntt-console", "--verify-archive="}).action,
                 ParseResult::Action::Error);
        QVERIFY(cli::parseCommandLine({"hntt-console", "--help"})
                    .text.contains(QStringLiteral("--verify-archive")));
        const ParseResult trusting =
            cli::parseCommandLine({"hntt-console", "--verify-archive", "/srv/luu-tru/7", "--trust-cert",
                                   "a.pem", "--trust-cert", "b.pem", "--data-dir", "/var/lib/hntt"});
        QCOMPARE(trusting.action, ParseResult::Action::VerifyArchive);
        QCOMPARE(trusting.options.trustCerts, (QStringList{"a.pem", "b.pem"}));
        QCOMPARE(trusting.options.dataDir, QStringLiteral("/var/lib/hntt"));
        QCOMPARE(cli::parseCommandLine({"hntt-console", "--trust-cert", "a.pem"}).action,
                 ParseResult::Action::Error);
    }

    void cancelledExportLeavesNothing() {
        const QStringList before = QDir(archivesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        ArchiveRequest r;
        r.recordingId = recording_;
        auto job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        QVERIFY(job);
        QVERIFY(session_->jobs().cancel(*job));
        QTRY_COMPARE_WITH_TIMEOUT(session_->jobs().job(*job)->state, core::JobQueue::State::Cancelled, 30000);
        QCOMPARE(QDir(archivesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    }

    void failedExportLeavesNothing() {
        // A catalogued recording whose file is not media: the export fails half-way.
        const QString bogus = tmp_.filePath(QStringLiteral("bogus.mkv"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100000, 'x'));
        f.close();
        auto rec = session_->recordings().start(bogus, QStringLiteral("Hỏng"));
        QVERIFY(rec);
        QVERIFY(session_->recordings().finish(rec->id, 1.0, 100000));
        const QStringList before = QDir(archivesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        ArchiveRequest r;
        r.recordingId = rec->id;
        const QJsonObject job = runJob(r);
        QCOMPARE(job.value("state").toString(), QStringLiteral("failed"));
        QVERIFY(!job.value("error").toString().isEmpty());
        QCOMPARE(QDir(archivesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    }

    void badRequestsAreRefused() {
        using Code = core::Error::Code;
        ArchiveRequest r;
        r.recordingId = 999999;
        auto job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        QVERIFY(!job);
        QCOMPARE(job.error().code, Code::NotFound);

        // Signing without a certificate, with a key that is not the certificate's, with a missing file.
        r.recordingId = recording_;
        r.sign = true;
        job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        QVERIFY(!job);
        QCOMPARE(job.error().code, Code::Invalid);
        const QString otherKey = tmp_.filePath(QStringLiteral("other.pem"));
        QCOMPARE(
            test::runProgram(QStringLiteral("openssl"), {"genpkey", "-algorithm", "EC", "-pkeyopt",
                                                         "ec_paramgen_curve:prime256v1", "-out", otherKey}),
            0);
        r.certificatePath = cert_;
        r.keyPath = otherKey;
        job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        QVERIFY(!job);
        QCOMPARE(job.error().code, Code::Invalid);
        QVERIFY2(job.error().message.contains(QStringLiteral("does not belong")),
                 qPrintable(job.error().message));
        r.keyPath = tmp_.filePath(QStringLiteral("missing.pem"));
        job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        QVERIFY(!job);
        QCOMPARE(job.error().code, Code::Invalid);

        // The same recording twice at once.
        ArchiveRequest plain;
        plain.recordingId = recording_;
        auto first = core::archive::startArchive(*session_, plain, QStringLiteral("ui"));
        QVERIFY(first);
        auto second = core::archive::startArchive(*session_, plain, QStringLiteral("ui"));
        QVERIFY(!second);
        QCOMPARE(second.error().code, Code::Conflict);
        QVERIFY(session_->jobs().cancel(*first));
        QTRY_VERIFY_WITH_TIMEOUT(session_->jobs().job(*first)->state != core::JobQueue::State::Running,
                                 30000);

        // A recording still running.
        auto running = session_->startRecording(QStringLiteral("Đang ghi"), {}, QStringLiteral("ui"));
        QVERIFY(running);
        r = ArchiveRequest{};
        r.recordingId = running->id;
        job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        QVERIFY(!job);
        QCOMPARE(job.error().code, Code::Conflict);
        QVERIFY(session_->stopRecording(running->id, QStringLiteral("ui")));
    }

    // A certificate path a client names cannot stall the thread that checks it (a FIFO waits for
    // a writer), flood it (/dev/zero never ends) or tell what exists: each is refused at once, and
    // all of them with the same words.
    void hostileCertificatePathsAreRefusedAlike() {
        const QString fifo = tmp_.filePath(QStringLiteral("cert.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QString missing = tmp_.filePath(QStringLiteral("no-such-cert.pem"));
        QStringList messages;
        for (const QString& path : {fifo, QStringLiteral("/dev/zero"), missing, QStringLiteral("/etc/passwd"),
                                    QStringLiteral("/etc/shadow"), tmp_.path()}) {
            ArchiveRequest r;
            r.recordingId = recording_;
            r.sign = true;
            r.certificatePath = path;
            r.keyPath = key_;
            const auto job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
            QVERIFY2(!job, qPrintable(path));
            QCOMPARE(job.error().code, core::Error::Code::Invalid);
            messages << QString(job.error().message).replace(path, QStringLiteral("PATH"));
        }
        messages.removeDuplicates();
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.front().contains(QStringLiteral("PEM")), qPrintable(messages.front()));
        // The key alike.
        ArchiveRequest r;
        r.recordingId = recording_;
        r.sign = true;
        r.certificatePath = cert_;
        r.keyPath = fifo;
        const auto job = core::archive::startArchive(*session_, r, QStringLiteral("ui"));
        QVERIFY(!job);
        QVERIFY2(job.error().message.contains(QStringLiteral("private key")),
                 qPrintable(job.error().message));
    }

    void apiRoutes() {
        api::ApiService api(*session_, api::ServerConfig{});
        const std::string id = std::to_string(recording_);
        QCOMPARE(api.route(request("POST", "/archives", "{")).status, 400);
        QCOMPARE(api.route(request("POST", "/archives", "{\"recording_id\":\"7\"}")).status, 400);
        QCOMPARE(api.route(request("POST", "/archives", "{\"recording_id\":" + id + ",\"sign\":1}")).status,
                 400);
        QCOMPARE(api.route(request("POST", "/archives", "{}")).status, 422);
        QCOMPARE(
            api.route(request("POST", "/archives", "{\"recording_id\":" + id + ",\"sign\":true}")).status,
            422);
        QCOMPARE(api.route(request("POST", "/archives", "{\"recording_id\":999999}")).status, 404);
        QCOMPARE(api.route(request("GET", "/archives")).status, 405);
        QCOMPARE(api.route(request("GET", "/jobs/999999")).status, 404);
        QCOMPARE(api.route(request("GET", "/jobs/x")).status, 404);

        auto running = session_->startRecording(QStringLiteral("Đang ghi"), {}, QStringLiteral("ui"));
        QVERIFY(running);
        QCOMPARE(
            api.route(request("POST", "/archives", "{\"recording_id\":" + std::to_string(running->id) + "}"))
                .status,
            409);
        QVERIFY(session_->stopRecording(running->id, QStringLiteral("ui")));

        // Made, followed, done.
        api::Response r =
            api.route(request("POST", "/archives",
                              "{\"recording_id\":" + id + ",\"certificate\":\"" + cert_.toStdString() +
                                  "\",\"key\":\"" + key_.toStdString() + "\"}"));
        QCOMPARE(r.status, 202);
        const qint64 job = objectOf(r).value("job_id").toInteger();
        QVERIFY(job > 0);
        const std::string jobPath = "/jobs/" + std::to_string(job);
        QJsonObject state = objectOf(api.route(request("GET", jobPath)));
        QCOMPARE(state.value("kind").toString(), QStringLiteral("archive"));
        QTRY_COMPARE_WITH_TIMEOUT(objectOf(api.route(request("GET", jobPath))).value("state").toString(),
                                  QStringLiteral("done"), 60000);
        state = objectOf(api.route(request("GET", jobPath)));
        QCOMPARE(state.value("progress").toDouble(), 1.0);
        const QString path = state.value("result").toObject().value("path").toString();
        QVERIFY(core::archive::verifyArchive(path).intact());
        QVERIFY(core::archive::verifyArchive(path).isSigned);
        QCOMPARE(api.route(request("DELETE", jobPath)).status, 409);
        QCOMPARE(api.route(request("PUT", jobPath)).status, 405);

        // Cancelled through the API.
        r = api.route(request("POST", "/archives", "{\"recording_id\":" + id + ",\"sign\":false}"));
        QCOMPARE(r.status, 202);
        const std::string cancelPath = "/jobs/" + std::to_string(objectOf(r).value("job_id").toInteger());
        QCOMPARE(api.route(request("DELETE", cancelPath)).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(objectOf(api.route(request("GET", cancelPath))).value("state").toString(),
                                  QStringLiteral("cancelled"), 30000);

        // The log keeps who archived what, and how it ended.
        auto events = session_->eventLog().query({});
        QVERIFY(events);
        QStringList actions;
        for (const auto& e : events.value())
            actions.append(e.action);
        QVERIFY(actions.contains(QStringLiteral("archive.start")));
        QVERIFY(actions.contains(QStringLiteral("archive.done")));
        QVERIFY(actions.contains(QStringLiteral("archive.cancelled")));
        QVERIFY(actions.contains(QStringLiteral("archive.failed")));
        // A cancel is the act of whoever cancelled (here the API's client), never "automatic".
        for (const auto& e : events.value())
            if (e.action == QLatin1String("archive.cancelled"))
                QVERIFY2(e.actor != QLatin1String("auto"), qPrintable(e.actor));
    }
};

QTEST_MAIN(TestArchive)
#include "tst_archive.moc"
