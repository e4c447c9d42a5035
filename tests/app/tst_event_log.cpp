// The audit log (queries by meeting and time, newest first, exports) and the recording catalogue
// (one at a time, finish/fail, markers).
#include "core/store/database.h"
#include "core/store/event_log.h"
#include "core/store/meeting_book.h"
#include "core/store/recording_catalogue.h"
#include "core/store/site_directory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace hntt::core;

namespace {

const QTimeZone kVietnam(7 * 3600);

QDateTime at(int hour, int minute, int second = 0, int ms = 0) {
    return QDateTime(QDate(2024, 9, 7), QTime(hour, minute, second, ms), kVietnam);
}

QList<qint64> ids(const QList<EventRecord>& events) {
    QList<qint64> out;
    for (const EventRecord& e : events)
        out << e.id;
    return out;
}

} // namespace

class TestEventLog : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> tmp_;
    std::unique_ptr<Database> db_;
    qint64 site_ = 0, meetingA_ = 0, meetingB_ = 0;
    QDateTime now_;

    EventRecord event(const QDateTime& when, const QString& action,
                      std::optional<qint64> meeting = {}) const {
        EventRecord e;
        e.at = when;
        e.actor = QStringLiteral("ui");
        e.action = action;
        e.subject = QString::number(site_);
        e.meetingId = meeting;
        return e;
    }

private slots:
    void init() {
        tmp_ = std::make_unique<QTemporaryDir>();
        QVERIFY(tmp_->isValid());
        Result<std::unique_ptr<Database>> db = Database::open(tmp_->filePath(QStringLiteral("e.sqlite")));
        QVERIFY(db);
        db_ = std::move(db).value();
        SiteRecord p;
        p.name = QStringLiteral("Sở Thông tin và Truyền thông");
        p.level = SiteLevel::Province;
        site_ = SiteDirectory(*db_).create(p)->id;
        now_ = at(7, 0);
        MeetingBook book(*db_, [this] { return now_; });
        MeetingRecord m;
        m.title = QStringLiteral("Ứng phó bão số 4");
        m.room = QStringLiteral("Phòng 1");
        m.hostSiteId = site_;
        m.startsAt = at(8, 0);
        m.endsAt = at(10, 0);
        m.emergency = true;
        meetingA_ = book.schedule(m)->meeting.id;
        m.room = QStringLiteral("Phòng 2");
        meetingB_ = book.schedule(m)->meeting.id;
    }
    void cleanup() {
        db_.reset();
        tmp_.reset();
    }

    void appendsAndReadsBack() {
        EventLog log(*db_, [this] { return now_; });
        EventRecord e = event(QDateTime(), QStringLiteral("site.mute"), meetingA_);
        e.actor = QStringLiteral("auto");
        e.reason = QStringLiteral("Tiếng ồn vượt ngưỡng -20 dBFS trong 5 giây");
        e.detail = QJsonObject{{QStringLiteral("level_dbfs"), -18.5}, {QStringLiteral("muted"), true}};
        Result<EventRecord> r = log.append(e);
        QVERIFY(r);
        QVERIFY(r->id > 0);
        QCOMPARE(r->at, now_); // no time given: the clock's
        const QList<EventRecord> all = *log.query();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0], *r);
        QCOMPARE(all[0].detail.value(QLatin1String("level_dbfs")).toDouble(), -18.5);
        QCOMPARE(all[0].at.offsetFromUtc(), 7 * 3600);
        const QJsonObject json = EventLog::toJson(all[0]);
        QCOMPARE(json.value(QLatin1String("at")).toString(), QStringLiteral("2024-09-07T07:00:00+07:00"));
        QCOMPARE(json.value(QLatin1String("meeting_id")).toInteger(), meetingA_);
        QCOMPARE(json.value(QLatin1String("reason")).toString(), e.reason);
    }

    void rejectsIncompleteEvents() {
        EventLog log(*db_);
        EventRecord e = event(at(8, 0), QStringLiteral("x"));
        e.actor = QStringLiteral(" ");
        QCOMPARE(log.append(e).error().code, Error::Code::Invalid);
        e = event(at(8, 0), QString());
        QCOMPARE(log.append(e).error().code, Error::Code::Invalid);
        e = event(at(8, 0), QStringLiteral("x"), 999);
        QCOMPARE(log.append(e).error().code, Error::Code::Invalid);
        QCOMPARE(log.query()->size(), 0);
    }

    void queriesByMeetingAndTime() {
        EventLog log(*db_);
        // Appended out of order on purpose: the log sorts by time, then by order of arrival.
        const qint64 e1 = log.append(event(at(8, 0), QStringLiteral("meeting.start"), meetingA_))->id;
        const qint64 e3 = log.append(event(at(8, 30), QStringLiteral("floor.give"), meetingA_))->id;
        const qint64 e2 = log.append(event(at(8, 10, 0, 250), QStringLiteral("site.mute"), meetingA_))->id;
        const qint64 e4 = log.append(event(at(8, 30), QStringLiteral("site.unmute"), meetingA_))->id;
        const qint64 b1 = log.append(event(at(8, 15), QStringLiteral("floor.give"), meetingB_))->id;
        const qint64 n1 = log.append(event(at(9, 0).toUTC(), QStringLiteral("recording.start")))->id;

        QCOMPARE(ids(*log.query()), (QList<qint64>{n1, e4, e3, b1, e2, e1}));
        EventQuery q;
        q.meetingId = meetingA_;
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{e4, e3, e2, e1}));
        q.limit = 2;
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{e4, e3}));
        q = EventQuery();
        q.from = at(8, 10, 0, 250); // inclusive
        q.to = at(8, 30);           // exclusive
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{b1, e2}));
        q.meetingId = meetingB_;
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{b1}));
        q = EventQuery();
        q.from = at(2, 0).toUTC().addSecs(7 * 3600); // 09:00 +07:00 written in UTC
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{n1}));
        // Milliseconds survive the round trip.
        QCOMPARE(log.query(EventQuery{meetingA_, at(8, 10), at(8, 11), 0, {}, {}, {}, false})->first().at,
                 at(8, 10, 0, 250));
    }

    // The console's log filter: the console's own events or people's, and one subject (a site).
    void queriesByActorAndSubject() {
        EventLog log(*db_);
        EventRecord lost = event(at(8, 0), QStringLiteral("site.lost"));
        lost.actor = QStringLiteral("auto");
        const qint64 a1 = log.append(lost)->id;
        const qint64 u1 = log.append(event(at(8, 5), QStringLiteral("site.audio")))->id;
        EventRecord other = event(at(8, 10), QStringLiteral("site.audio"));
        other.actor = QStringLiteral("api:cli");
        other.subject = QStringLiteral("999");
        const qint64 u2 = log.append(other)->id;
        EventQuery q;
        q.automatic = true;
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{a1}));
        q.automatic = false;
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{u2, u1}));
        q.subject = QString::number(site_);
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{u1}));
        q.automatic.reset();
        QCOMPARE(ids(*log.query(q)), (QList<qint64>{u1, a1}));
        q.subject = QStringLiteral("' OR 1=1 --"); // a value, never SQL
        QVERIFY(log.query(q)->isEmpty());
    }

    void exports() {
        EventLog log(*db_);
        EventRecord e = event(at(8, 0), QStringLiteral("site.rename"), meetingA_);
        e.reason = QStringLiteral("Tên cũ \"Xã A\", sai chính tả");
        e.detail = QJsonObject{{QStringLiteral("to"), QStringLiteral("UBND xã Quảng Hòa")}};
        QVERIFY(log.append(e));
        QVERIFY(log.append(event(at(9, 0), QStringLiteral("recording.stop"))));
        const QString csv = QString::fromUtf8(*log.exportCsv());
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("id,at,actor,action,subject,reason,meeting_id,detail"));
        QVERIFY(lines[1].contains(QStringLiteral("recording.stop")));
        QVERIFY2(lines[2].contains(QStringLiteral("\"Tên cũ \"\"Xã A\"\", sai chính tả\"")),
                 qPrintable(lines[2]));
        QVERIFY(lines[2].contains(QStringLiteral("UBND xã Quảng Hòa")));
        QVERIFY(lines[2].contains(QStringLiteral("2024-09-07T08:00:00+07:00")));
        EventQuery onlyA;
        onlyA.meetingId = meetingA_;
        const QJsonArray json = QJsonDocument::fromJson(*log.exportJson(onlyA)).array();
        QCOMPARE(json.size(), 1);
        QCOMPARE(json[0].toObject().value(QLatin1String("reason")).toString(), e.reason);
        QCOMPARE(json[0].toObject().value(QLatin1String("detail")).toObject(), e.detail);
    }

    void recordingsOneAtATime() {
        RecordingCatalogue cat(*db_, [this] { return now_; });
        Result<RecordingRecord> r = cat.start(QStringLiteral("/data/rec/2024-09-07-0800.mkv"),
                                              QStringLiteral("Ứng phó bão số 4"), meetingA_);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->state, RecordingState::Recording);
        QCOMPARE(r->startedAt, now_);
        QCOMPARE(r->meetingId, std::optional<qint64>(meetingA_));
        QVERIFY(cat.active()->has_value());
        Result<RecordingRecord> second = cat.start(QStringLiteral("/data/rec/other.mkv"));
        QVERIFY(!second);
        QCOMPARE(second.error().code, Error::Code::Conflict);
        QCOMPARE(cat.start(QStringLiteral("/x.mkv"), {}, 999).error().code, Error::Code::Conflict);

        now_ = at(9, 30);
        Result<RecordingRecord> done = cat.finish(r->id, 5400.0, 2'700'000'000LL);
        QVERIFY(done);
        QCOMPARE(done->state, RecordingState::Finished);
        QCOMPARE(done->stoppedAt, at(9, 30));
        QCOMPARE(done->durationS, std::optional<double>(5400.0));
        QCOMPARE(done->sizeBytes, std::optional<qint64>(2'700'000'000LL));
        QCOMPARE(cat.finish(r->id, 1, 1).error().code, Error::Code::Conflict);
        QVERIFY(!cat.active()->has_value());
        QCOMPARE(cat.start(QStringLiteral("/x.mkv"), {}, 999).error().code, Error::Code::Invalid);
        QCOMPARE(cat.start(QStringLiteral(" ")).error().code, Error::Code::Invalid);

        Result<RecordingRecord> broken = cat.start(QStringLiteral("/data/rec/b.mkv"));
        QVERIFY2(broken, broken ? "" : qPrintable(broken.error().message));
        Result<RecordingRecord> failed = cat.fail(broken->id, QStringLiteral("Ổ đĩa đầy"), 12.0);
        QVERIFY(failed);
        QCOMPARE(failed->state, RecordingState::Failed);
        QCOMPARE(failed->error, QStringLiteral("Ổ đĩa đầy"));
        QVERIFY(!failed->sizeBytes);

        QCOMPARE(cat.list()->size(), 2);
        QCOMPARE(cat.list()->first().id, broken->id); // newest first
        QCOMPARE(cat.list(meetingA_)->size(), 1);
        QCOMPARE(cat.get(999).error().code, Error::Code::NotFound);
    }

    void markers() {
        RecordingCatalogue cat(*db_);
        const qint64 rec = cat.start(QStringLiteral("/data/rec/m.mkv"))->id;
        const auto marker = [&](double offset, MarkerKind kind, std::optional<qint64> site,
                                const QString& text) {
            MarkerRecord m;
            m.recordingId = rec;
            m.offsetS = offset;
            m.kind = kind;
            m.siteId = site;
            m.text = text;
            return cat.addMarker(m);
        };
        QVERIFY(marker(65.5, MarkerKind::Floor, site_, QStringLiteral("Phát biểu của huyện")));
        QVERIFY(marker(3.25, MarkerKind::Join, site_, {}));
        QVERIFY(marker(120, MarkerKind::Note, {}, QStringLiteral("Kết luận")));
        QCOMPARE(marker(-1, MarkerKind::Note, {}, {}).error().code, Error::Code::Invalid);
        QCOMPARE(marker(1, MarkerKind::Mute, 999, {}).error().code, Error::Code::Invalid);
        MarkerRecord orphan;
        orphan.recordingId = 999;
        QCOMPARE(cat.addMarker(orphan).error().code, Error::Code::NotFound);

        const RecordingRecord got = *cat.get(rec);
        QCOMPARE(got.markers.size(), 3);
        QCOMPARE(got.markers[0].offsetS, 3.25);
        QCOMPARE(got.markers[0].kind, MarkerKind::Join);
        QCOMPARE(got.markers[1].kind, MarkerKind::Floor);
        QCOMPARE(got.markers[1].siteId, std::optional<qint64>(site_));
        QCOMPARE(got.markers[2].text, QStringLiteral("Kết luận"));
        QVERIFY(!got.markers[2].siteId);
        const QJsonObject json = RecordingCatalogue::toJson(got);
        QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("recording"));
        QCOMPARE(json.value(QLatin1String("markers")).toArray().size(), 3);
        QCOMPARE(json.value(QLatin1String("markers"))
                     .toArray()[1]
                     .toObject()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("floor"));
        QVERIFY(!RecordingCatalogue::toJson(got, false).contains(QLatin1String("markers")));
        // Markers go with their recording.
        QSqlQuery q(db_->connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM recordings WHERE id = %1").arg(rec)));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM markers")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void interruptedRecordingsFail() {
        RecordingCatalogue cat(*db_);
        const qint64 rec = cat.start(QStringLiteral("/data/rec/crash.mkv"))->id;
        QCOMPARE(*cat.failInterrupted(QStringLiteral("interrupted")), 1);
        QCOMPARE(cat.get(rec)->state, RecordingState::Failed);
        QCOMPARE(*cat.failInterrupted(QStringLiteral("interrupted")), 0);
        QVERIFY(cat.start(QStringLiteral("/data/rec/next.mkv")));
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_event_log.moc"
