// Room bookings: overlap conflicts (touching is fine), the 3-day rule and its emergency exception,
// validation, time ranges, today, cancellation.
#include "core/store/database.h"
#include "core/store/meeting_book.h"
#include "core/store/site_directory.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace hntt::core;

namespace {

const QTimeZone kVietnam(7 * 3600); // UTC+07:00

// Times of the tests in Vietnam's offset, on and around Monday 3 June 2024.
QDateTime at(int day, int hour, int minute = 0) {
    return QDateTime(QDate(2024, 6, day), QTime(hour, minute), kVietnam);
}

} // namespace

class TestMeetings : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> tmp_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<MeetingBook> book_;
    QDateTime now_;
    qint64 province_ = 0, district_ = 0, commune1_ = 0, commune2_ = 0;

    MeetingRecord meeting(const QString& room, const QDateTime& from, const QDateTime& to,
                          bool emergency = false) const {
        MeetingRecord m;
        m.title = QStringLiteral("Giao ban trực tuyến");
        m.kind = MeetingKind::ProvinceDistricts;
        m.room = room;
        m.hostSiteId = province_;
        m.siteIds = {district_};
        m.startsAt = from;
        m.endsAt = to;
        m.emergency = emergency;
        return m;
    }

    Result<ScheduleOutcome> book(const QString& room, const QDateTime& from, const QDateTime& to,
                                 bool emergency = false) {
        return book_->schedule(meeting(room, from, to, emergency));
    }

    int stored() const { return static_cast<int>(book_->between({}, {}, true)->size()); }

private slots:
    void init() {
        tmp_ = std::make_unique<QTemporaryDir>();
        QVERIFY(tmp_->isValid());
        Result<std::unique_ptr<Database>> db = Database::open(tmp_->filePath(QStringLiteral("m.sqlite")));
        QVERIFY(db);
        db_ = std::move(db).value();
        SiteDirectory dir(*db_);
        SiteRecord p;
        p.name = QStringLiteral("Sở Thông tin và Truyền thông");
        p.level = SiteLevel::Province;
        province_ = dir.create(p)->id;
        SiteRecord d;
        d.name = QStringLiteral("Huyện Quảng Ninh");
        d.level = SiteLevel::District;
        d.parentId = province_;
        district_ = dir.create(d)->id;
        SiteRecord c;
        c.name = QStringLiteral("UBND xã Vạn Ninh");
        c.level = SiteLevel::Commune;
        c.parentId = district_;
        commune1_ = dir.create(c)->id;
        c.name = QStringLiteral("UBND thị trấn Quán Hàu");
        commune2_ = dir.create(c)->id;
        now_ = at(3, 8);
        book_ = std::make_unique<MeetingBook>(*db_, [this] { return now_; });
    }
    void cleanup() {
        book_.reset();
        db_.reset();
        tmp_.reset();
    }

    void storesWhatWasBooked() {
        MeetingRecord m = meeting(QStringLiteral("Phòng họp trực tuyến tỉnh"), at(10, 8), at(10, 11, 30));
        m.siteIds = {district_, commune1_, district_};
        m.kind = MeetingKind::ProvinceAll;
        Result<ScheduleOutcome> r = book_->schedule(m);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(r->warning.isEmpty());
        const MeetingRecord got = *book_->get(r->meeting.id);
        QCOMPARE(got.title, m.title);
        QCOMPARE(got.kind, MeetingKind::ProvinceAll);
        QCOMPARE(got.room, m.room);
        QCOMPARE(got.hostSiteId, province_);
        QCOMPARE(got.siteIds, (QList<qint64>{district_, commune1_}));
        QCOMPARE(got.startsAt, m.startsAt);
        QCOMPARE(got.endsAt, m.endsAt);
        QVERIFY(!got.cancelled());
        QVERIFY(got.createdAt.isValid());
        // The offset it was given in is kept.
        const QJsonObject json = MeetingBook::toJson(got);
        QCOMPARE(json.value(QLatin1String("starts_at")).toString(),
                 QStringLiteral("2024-06-10T08:00:00+07:00"));
        QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("province_all"));
        QCOMPARE(json.value(QLatin1String("site_ids")).toArray().size(), 2);
        QCOMPARE(book_->get(999).error().code, Error::Code::NotFound);
    }

    void overlappingBookingIsConflict() {
        const QString room = QStringLiteral("Phòng 1");
        QVERIFY(book(room, at(10, 9), at(10, 11)));
        const QList<QPair<QDateTime, QDateTime>> clashes = {
            {at(10, 10), at(10, 12)},    // overlaps the end
            {at(10, 8), at(10, 9, 30)},  // overlaps the start
            {at(10, 9, 30), at(10, 10)}, // inside
            {at(10, 8), at(10, 12)},     // around
            {at(10, 9), at(10, 11)},     // the same
        };
        for (const auto& [from, to] : clashes) {
            Result<ScheduleOutcome> r = book(room, from, to);
            QVERIFY2(!r, qPrintable(from.toString(Qt::ISODate)));
            QCOMPARE(r.error().code, Error::Code::Conflict);
            QVERIFY(r.error().message.contains(room));
        }
        // The same instant written in another offset is the same clash.
        Result<ScheduleOutcome> utc = book(room, at(10, 10).toUTC(), at(10, 12).toUTC());
        QVERIFY(!utc);
        QCOMPARE(utc.error().code, Error::Code::Conflict);
        QCOMPARE(stored(), 1);
    }

    void touchingIntervalsAndOtherRoomsAreFine() {
        const QString room = QStringLiteral("Phòng 1");
        QVERIFY(book(room, at(10, 9), at(10, 11)));
        QVERIFY(book(room, at(10, 11), at(10, 12))); // starts when the first ends
        QVERIFY(book(room, at(10, 7), at(10, 9)));   // ends when the first starts
        QVERIFY(book(QStringLiteral("Phòng 2"), at(10, 9), at(10, 11)));
        QCOMPARE(stored(), 4);
    }

    void leadTimeWarning() {
        // Inside 3 days: accepted with a warning, unless it is an emergency.
        Result<ScheduleOutcome> late = book(QStringLiteral("Phòng 1"), at(5, 9), at(5, 10));
        QVERIFY(late);
        QVERIFY(!late->warning.isEmpty());
        QVERIFY(book_->get(late->meeting.id));
        Result<ScheduleOutcome> flood = book(QStringLiteral("Phòng 2"), at(3, 9), at(3, 10), true);
        QVERIFY(flood);
        QVERIFY(flood->warning.isEmpty());
        QVERIFY(book_->get(flood->meeting.id)->emergency);
        // Exactly 3 days ahead or later: no warning.
        Result<ScheduleOutcome> onTime = book(QStringLiteral("Phòng 1"), at(6, 8), at(6, 9));
        QVERIFY(onTime);
        QVERIFY(onTime->warning.isEmpty());
        Result<ScheduleOutcome> justLate = book(QStringLiteral("Phòng 1"), at(6, 7, 59), at(6, 8));
        QVERIFY(justLate);
        QVERIFY(!justLate->warning.isEmpty());
    }

    void invalidBookingsChangeNothing() {
        const auto invalid = [&](const MeetingRecord& m) {
            Result<ScheduleOutcome> r = book_->schedule(m);
            return !r && r.error().code == Error::Code::Invalid && !r.error().message.isEmpty();
        };
        const QString room = QStringLiteral("Phòng 1");
        QVERIFY(invalid(meeting(room, at(10, 11), at(10, 9))));  // ends before it starts
        QVERIFY(invalid(meeting(room, at(10, 9), at(10, 9))));   // ends as it starts
        QVERIFY(invalid(meeting(room, at(10, 9), QDateTime()))); // no end
        QVERIFY(invalid(meeting(QStringLiteral("  "), at(10, 9), at(10, 10))));
        MeetingRecord m = meeting(room, at(10, 9), at(10, 10));
        m.title.clear();
        QVERIFY(invalid(m));
        m = meeting(room, at(10, 9), at(10, 10));
        m.hostSiteId = 999;
        QVERIFY(invalid(m));
        m = meeting(room, at(10, 9), at(10, 10));
        m.siteIds = {district_, 998, 999};
        Result<ScheduleOutcome> missing = book_->schedule(m);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QLatin1String("998")));
        QVERIFY(missing.error().message.contains(QLatin1String("999")));
        // A district hosts district→communes; the province hosts the rest.
        m = meeting(room, at(10, 9), at(10, 10));
        m.kind = MeetingKind::DistrictCommunes;
        QVERIFY(invalid(m));
        m.hostSiteId = district_;
        m.siteIds = {commune1_, commune2_};
        QVERIFY(book_->schedule(m));
        m = meeting(room, at(11, 9), at(11, 10));
        m.hostSiteId = commune1_;
        QVERIFY(invalid(m));
        QCOMPARE(stored(), 1);
    }

    void rangesAndToday() {
        const QString room = QStringLiteral("Phòng 1");
        const qint64 yesterday = book(room, at(2, 9), at(2, 10))->meeting.id;
        const qint64 overnight = book(room, at(2, 23), at(3, 1))->meeting.id;
        const qint64 morning = book(room, at(3, 9), at(3, 10), true)->meeting.id;
        const qint64 evening = book(room, at(3, 22), at(3, 23, 59))->meeting.id;
        const qint64 tomorrow = book(room, at(4, 0), at(4, 1))->meeting.id;
        const auto ids = [](const QList<MeetingRecord>& list) {
            QList<qint64> out;
            for (const MeetingRecord& m : list)
                out << m.id;
            return out;
        };
        QCOMPARE(ids(*book_->today()), (QList<qint64>{overnight, morning, evening}));
        QCOMPARE(ids(*book_->between(at(2, 0), at(3, 0))), (QList<qint64>{yesterday, overnight}));
        QCOMPARE(ids(*book_->between(at(3, 23, 59), QDateTime())), (QList<qint64>{tomorrow}));
        QCOMPARE(ids(*book_->between({}, {})),
                 (QList<qint64>{yesterday, overnight, morning, evening, tomorrow}));
        // Today follows the clock.
        now_ = at(4, 12);
        QCOMPARE(ids(*book_->today()), (QList<qint64>{tomorrow}));
    }

    void cancellationFreesTheRoom() {
        const QString room = QStringLiteral("Phòng 1");
        const qint64 first = book(room, at(10, 9), at(10, 11))->meeting.id;
        QVERIFY(!book(room, at(10, 10), at(10, 12)));
        Result<MeetingRecord> cancelled = book_->cancel(first, QStringLiteral("Hoãn do bão"));
        QVERIFY(cancelled);
        QVERIFY(cancelled->cancelled());
        QCOMPARE(cancelled->cancelReason, QStringLiteral("Hoãn do bão"));
        QCOMPARE(book_->cancel(first).error().code, Error::Code::Conflict);
        QCOMPARE(book_->cancel(999).error().code, Error::Code::NotFound);
        QVERIFY(book(room, at(10, 10), at(10, 12)));
        QCOMPARE(book_->between(at(10, 0), at(11, 0))->size(), 1);
        QCOMPARE(book_->between(at(10, 0), at(11, 0), true)->size(), 2);
    }

    void kindNames() {
        for (MeetingKind k : {MeetingKind::NationalBranch, MeetingKind::ProvinceDistricts,
                              MeetingKind::DistrictCommunes, MeetingKind::ProvinceAll})
            QCOMPARE(meetingKindFromName(meetingKindName(k)), std::optional<MeetingKind>(k));
        QCOMPARE(meetingKindName(MeetingKind::NationalBranch), QStringLiteral("national_branch"));
        QVERIFY(!meetingKindFromName(QStringLiteral("party")));
    }
};

QTEST_GUILESS_MAIN(TestMeetings)
#include "tst_meetings.moc"
