// Meeting notices as calendar files (RFC 5545): read back line by line and by a third party's
// parser (Debian's python3-icalendar), in the province's zone, changed, cancelled, and with text
// that tries to break out of its property.
#include "api/api_service.h"
#include "api_requests.h"
#include "core/notices/calendar_notice.h"
#include "core/session/session.h"
#include "session_fixture.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace hntt;

namespace {

// The content lines of an iCalendar text, unfolded (RFC 5545 3.1).
QStringList unfolded(const QByteArray& ics) {
    QByteArray joined = ics;
    joined.replace("\r\n ", "").replace("\r\n\t", "");
    QStringList lines = QString::fromUtf8(joined).split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// The first content line of property `name` in the event (the VTIMEZONE has a DTSTART too), or
// anywhere for a property the event does not have.
QString contentLine(const QStringList& lines, const QString& name) {
    const qsizetype event = lines.indexOf(QStringLiteral("BEGIN:VEVENT"));
    for (qsizetype i = std::max<qsizetype>(event, 0); i < lines.size(); ++i)
        if (const QString& l = lines.at(i);
            l.startsWith(name + QLatin1Char(':')) || l.startsWith(name + QLatin1Char(';')))
            return l;
    for (const QString& l : lines)
        if (l.startsWith(name + QLatin1Char(':')) || l.startsWith(name + QLatin1Char(';')))
            return l;
    return {};
}

core::CalendarNotice sample() {
    core::CalendarNotice n;
    n.uid = QStringLiteral("meeting-12-site-34@hntt-console");
    n.stamp = QDateTime(QDate(2026, 12, 4), QTime(2, 0), QTimeZone::utc());
    const QTimeZone vietnam(QByteArrayLiteral("Asia/Ho_Chi_Minh"));
    n.start = QDateTime(QDate(2026, 12, 8), QTime(8, 0), vietnam);
    n.end = QDateTime(QDate(2026, 12, 8), QTime(11, 30), vietnam);
    n.timeZone = QStringLiteral("Asia/Ho_Chi_Minh");
    n.summary = QStringLiteral("Họp trực tuyến phòng, chống bão lũ; ứng phó khẩn cấp");
    n.location = QStringLiteral("Phòng họp trực tuyến số 1, UBND tỉnh Quảng Bình");
    n.description = QStringLiteral(
        "Cơ quan triệu tập: Văn phòng UBND tỉnh Quảng Bình.\n"
        "Điểm cầu: UBND xã Quảng Hòa, huyện Tuyên Hóa. Mở đường dẫn tham gia trên máy tính của "
        "hội trường xã trước giờ họp 30 phút để kiểm tra hình ảnh và âm thanh.");
    n.url = QStringLiteral("https://10.0.0.5:8471/join/abcDEF123");
    n.emergency = true;
    return n;
}

} // namespace

class TestMeetingNotices : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<core::Session> session_;
    std::unique_ptr<api::ApiService> api_;
    qint64 host_ = 0, roomSystem_ = 0, browser_ = 0, outsider_ = 0, meeting_ = 0;

    api::Response get(const std::string& path, bool viewer = false) {
        api::Request r = test::request("GET", path);
        r.readOnly = viewer;
        return api_->route(r);
    }

    qint64 site(const QString& name, core::SiteLevel level, const QString& sip = {}) {
        core::SiteRecord s;
        s.name = name;
        s.level = level;
        s.sipUri = sip;
        auto created = session_->createSite(s, QStringLiteral("ui"));
        return created ? created->id : 0;
    }

    // Runs Debian's python3-icalendar on `ics` and returns what it read (line breaks in values as '|').
    QMap<QString, QString> thirdPartyReading(const QByteArray& ics) {
        const QString file = tmp_.filePath(QStringLiteral("notice.ics"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(ics) != ics.size())
            return {};
        f.close();
        const QString script = QStringLiteral(
            "import sys, icalendar\n"
            "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
            "ev = [c for c in cal.walk() if c.name == 'VEVENT'][0]\n"
            "def out(k, v): print(k + '=' + str(v).replace('\\n', '|'))\n"
            "for k in ('SUMMARY', 'DESCRIPTION', 'LOCATION', 'STATUS', 'SEQUENCE', 'UID'): out(k, ev[k])\n"
            "for k in ('PRIORITY', 'URL'): out(k, ev.get(k, ''))\n"
            "for k in ('DTSTART', 'DTEND'): out(k, ev.decoded(k).isoformat())\n"
            "out('EVENTS', len([c for c in cal.walk() if c.name == 'VEVENT']))\n");
        QByteArray out, err;
        const int code = test::runProgram(QStringLiteral("/usr/bin/python3"),
                                          {QStringLiteral("-c"), script, file}, &out, &err);
        if (code != 0) {
            qWarning("python3-icalendar: %s", err.constData());
            return {};
        }
        QMap<QString, QString> read;
        for (const QString& line : QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            read.insert(line.left(eq), line.mid(eq + 1));
        }
        return read;
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        session_ = std::make_unique<core::Session>(test::smallSession(tmp_.filePath(QStringLiteral("data"))));
        QVERIFY(session_->open());
        session_->setJoinBase(QStringLiteral("https://10.0.0.5:8471"));
        api::ServerConfig config;
        config.token = "notices-token";
        api_ = std::make_unique<api::ApiService>(*session_, config);
        host_ = site(QStringLiteral("UBND tỉnh Quảng Bình"), core::SiteLevel::Province);
        roomSystem_ = site(QStringLiteral("UBND huyện Tuyên Hóa"), core::SiteLevel::District,
                           QStringLiteral("sip:tuyenhoa@10.0.0.21"));
        browser_ = site(QStringLiteral("UBND huyện Minh Hóa"), core::SiteLevel::District);
        outsider_ = site(QStringLiteral("UBND huyện Lệ Thủy"), core::SiteLevel::District);
        QVERIFY(host_ && roomSystem_ && browser_ && outsider_);
        meeting_ = test::scheduleToday(*session_, QStringLiteral("Giao ban phòng, chống lũ"), host_,
                                       {roomSystem_, browser_}, QStringLiteral("Phòng 2"));
        QVERIFY(meeting_);
    }

    void cleanupTestCase() {
        api_.reset();
        if (session_)
            session_->shutdown();
        session_.reset();
    }

    // The file's shape: CRLF, no line over 75 octets, folds never inside a character.
    void linesAreFoldedWithinCharacters() {
        const QByteArray ics = core::writeCalendar(sample());
        QVERIFY(ics.endsWith("END:VCALENDAR\r\n"));
        QVERIFY(!ics.contains("\r\r"));
        int longest = 0;
        for (const QByteArray& line : ics.split('\n')) {
            if (line.isEmpty())
                continue;
            QVERIFY2(line.endsWith('\r'), line.constData());
            const QByteArray content = line.chopped(1);
            longest = std::max(longest, int(content.size()));
            QVERIFY2(content.size() <= 75, content.constData());
            QStringDecoder utf8(QStringDecoder::Utf8);
            (void)QString(utf8(content));
            QVERIFY2(!utf8.hasError(), content.constData()); // each physical line whole characters
        }
        QVERIFY(longest > 70); // the description was long enough to be folded
    }

    // In the province's zone, with its VTIMEZONE; an emergency is PRIORITY 1; text escaped.
    void aNoticeReadsBackAsWritten() {
        const core::CalendarNotice n = sample();
        const QByteArray ics = core::writeCalendar(n);
        const QStringList lines = unfolded(ics);
        QCOMPARE(contentLine(lines, QStringLiteral("DTSTART")),
                 QStringLiteral("DTSTART;TZID=Asia/Ho_Chi_Minh:20261208T080000"));
        QCOMPARE(contentLine(lines, QStringLiteral("DTEND")),
                 QStringLiteral("DTEND;TZID=Asia/Ho_Chi_Minh:20261208T113000"));
        QCOMPARE(contentLine(lines, QStringLiteral("TZOFFSETTO")), QStringLiteral("TZOFFSETTO:+0700"));
        QCOMPARE(contentLine(lines, QStringLiteral("DTSTAMP")), QStringLiteral("DTSTAMP:20261204T020000Z"));
        QCOMPARE(contentLine(lines, QStringLiteral("SUMMARY")),
                 QStringLiteral("SUMMARY:Họp trực tuyến phòng\\, chống bão lũ\\; ứng phó khẩn cấp"));
        QCOMPARE(contentLine(lines, QStringLiteral("STATUS")), QStringLiteral("STATUS:CONFIRMED"));
        QCOMPARE(contentLine(lines, QStringLiteral("PRIORITY")), QStringLiteral("PRIORITY:1"));

        const QMap<QString, QString> read = thirdPartyReading(ics);
        QVERIFY2(!read.isEmpty(), "python3-icalendar could not read the notice");
        QCOMPARE(read.value("SUMMARY"), n.summary);
        QCOMPARE(read.value("LOCATION"), n.location);
        QCOMPARE(read.value("DESCRIPTION"),
                 QString(n.description).replace(QLatin1Char('\n'), QLatin1Char('|')));
        QCOMPARE(read.value("DTSTART"), QStringLiteral("2026-12-08T08:00:00+07:00"));
        QCOMPARE(read.value("DTEND"), QStringLiteral("2026-12-08T11:30:00+07:00"));
        QCOMPARE(read.value("SEQUENCE"), QStringLiteral("0"));
        QCOMPARE(read.value("PRIORITY"), QStringLiteral("1"));
        QCOMPARE(read.value("UID"), n.uid);
        QCOMPARE(read.value("URL"), n.url);
        QCOMPARE(read.value("EVENTS"), QStringLiteral("1"));
    }

    // A change keeps the UID and raises SEQUENCE; a cancellation says so; no emergency, no
    // PRIORITY.
    void changedAndCancelledReplaceTheSameEntry() {
        core::CalendarNotice n = sample();
        n.emergency = false;
        n.sequence = 2;
        n.cancelled = true;
        const QMap<QString, QString> read = thirdPartyReading(core::writeCalendar(n));
        QVERIFY(!read.isEmpty());
        QCOMPARE(read.value("UID"), sample().uid);
        QCOMPARE(read.value("SEQUENCE"), QStringLiteral("2"));
        QCOMPARE(read.value("STATUS"), QStringLiteral("CANCELLED"));
        QCOMPARE(read.value("PRIORITY"), QString());
    }

    // A zone the machine does not know: the times in UTC, no VTIMEZONE, the same instants.
    void anUnknownZoneIsWrittenInUtc() {
        core::CalendarNotice n = sample();
        n.timeZone = QStringLiteral("Mars/Olympus_Mons");
        const QByteArray ics = core::writeCalendar(n);
        const QStringList lines = unfolded(ics);
        QCOMPARE(contentLine(lines, QStringLiteral("DTSTART")), QStringLiteral("DTSTART:20261208T010000Z"));
        QVERIFY(!ics.contains("VTIMEZONE"));
        QCOMPARE(thirdPartyReading(ics).value("DTSTART"), QStringLiteral("2026-12-08T01:00:00+00:00"));
    }

    // Text cannot start a property of its own: line breaks are escaped, a URL with one is left out.
    void textCannotBreakOutOfItsProperty() {
        core::CalendarNotice n = sample();
        n.summary = QStringLiteral("Họp\r\nSTATUS:CANCELLED\r\nEND:VEVENT");
        n.location = QStringLiteral("Phòng 1\nBEGIN:VALARM");
        n.url = QStringLiteral("https://x/join\r\nSTATUS:CANCELLED");
        const QByteArray ics = core::writeCalendar(n);
        const QStringList lines = unfolded(ics);
        QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^STATUS"))).size(), 1);
        QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^END:VEVENT$"))).size(), 1);
        QVERIFY(lines.filter(QRegularExpression(QStringLiteral("^BEGIN:VALARM"))).isEmpty());
        QVERIFY(contentLine(lines, QStringLiteral("URL")).isEmpty());
        const QMap<QString, QString> read = thirdPartyReading(ics);
        QCOMPARE(read.value("SUMMARY"), QStringLiteral("Họp|STATUS:CANCELLED|END:VEVENT"));
        QCOMPARE(read.value("STATUS"), QStringLiteral("CONFIRMED"));
    }

    // GET /meetings/{id}/notices lists a notice per site, host first; each site's file tells it how
    // it joins: the centre calls its room system, or it opens its own link (the file's URL too).
    void eachSiteGetsItsOwnNoticeThroughTheApi() {
        const std::string base = "/meetings/" + std::to_string(meeting_);
        api::Response r = get(base + "/notices");
        QCOMPARE(r.status, 200);
        const QJsonArray list = test::arrayOf(r);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0).toObject().value("site_id").toInteger(), host_);
        QCOMPARE(list.at(1).toObject().value("site_name").toString(), QStringLiteral("UBND huyện Tuyên Hóa"));
        QCOMPARE(list.at(2).toObject().value("ics").toString(),
                 QStringLiteral("/api/v1/meetings/%1/notices/%2.ics").arg(meeting_).arg(browser_));

        r = get(base + "/notices/" + std::to_string(browser_) + ".ics");
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.contentType), QStringLiteral("text/calendar; charset=utf-8"));
        const auto link = session_->joinLink(browser_);
        QVERIFY(link);
        QMap<QString, QString> read = thirdPartyReading(QByteArray::fromStdString(r.body));
        QCOMPARE(read.value("SUMMARY"), QStringLiteral("[KHẨN] Giao ban phòng, chống lũ"));
        QCOMPARE(read.value("URL"), link.value());
        QCOMPARE(read.value("LOCATION"), QStringLiteral("Phòng 2"));
        QVERIFY2(
            read.value("DESCRIPTION").contains(QStringLiteral("Cách tham gia: Mở đường dẫn ") + link.value()),
            qPrintable(read.value("DESCRIPTION")));
        QVERIFY2(read.value("DESCRIPTION").contains(QStringLiteral("Đơn vị chủ trì: UBND tỉnh Quảng Bình")),
                 qPrintable(read.value("DESCRIPTION")));
        QCOMPARE(read.value("UID"),
                 QStringLiteral("meeting-%1-site-%2@hntt-console").arg(meeting_).arg(browser_));

        r = get(base + "/notices/" + std::to_string(roomSystem_) + ".ics");
        read = thirdPartyReading(QByteArray::fromStdString(r.body));
        QVERIFY2(read.value("DESCRIPTION").contains(QStringLiteral("sip:tuyenhoa@10.0.0.21")),
                 qPrintable(read.value("DESCRIPTION")));
        QCOMPARE(read.value("URL"), QString());

        r = get(base + "/notices/" + std::to_string(roomSystem_) + ".ics?lang=en");
        read = thirdPartyReading(QByteArray::fromStdString(r.body));
        QCOMPARE(read.value("SUMMARY"), QStringLiteral("[URGENT] Giao ban phòng, chống lũ"));
        QVERIFY2(read.value("DESCRIPTION").contains(QStringLiteral("How to join: The control centre calls")),
                 qPrintable(read.value("DESCRIPTION")));
    }

    // Refusals: a site not in the meeting, an unknown meeting, an unknown language; viewers may not
    // read notices (a join link is in them).
    void refusals() {
        const std::string base = "/meetings/" + std::to_string(meeting_);
        QCOMPARE(get(base + "/notices/" + std::to_string(outsider_) + ".ics").status, 404);
        QCOMPARE(get("/meetings/999999/notices").status, 404);
        QCOMPARE(get("/meetings/999999/notices/1.ics").status, 404);
        QCOMPARE(get(base + "/notices?lang=fr").status, 422);
        QCOMPARE(get(base + "/notices", true).status, 403);
        QCOMPARE(get(base + "/notices/" + std::to_string(browser_) + ".ics", true).status, 403);
    }

    // Cancelled: the same entry, one change later, marked cancelled with the reason.
    void aCancelledMeetingsNoticeReplacesTheEntry() {
        QVERIFY(session_->meetings().cancel(meeting_, QStringLiteral("Bão đổ bộ sớm")));
        const api::Response r =
            get("/meetings/" + std::to_string(meeting_) + "/notices/" + std::to_string(browser_) + ".ics");
        QCOMPARE(r.status, 200);
        const QMap<QString, QString> read = thirdPartyReading(QByteArray::fromStdString(r.body));
        QCOMPARE(read.value("STATUS"), QStringLiteral("CANCELLED"));
        QCOMPARE(read.value("SEQUENCE"), QStringLiteral("1"));
        QCOMPARE(read.value("UID"),
                 QStringLiteral("meeting-%1-site-%2@hntt-console").arg(meeting_).arg(browser_));
        QVERIFY(read.value("SUMMARY").startsWith(QStringLiteral("[ĐÃ HỦY] [KHẨN] ")));
        QVERIFY2(read.value("DESCRIPTION").startsWith(QStringLiteral("Cuộc họp đã bị hủy: Bão đổ bộ sớm")),
                 qPrintable(read.value("DESCRIPTION")));
        QVERIFY(read.value("URL").isEmpty()); // no way in to a meeting that will not happen
    }
};

QTEST_MAIN(TestMeetingNotices)
#include "tst_meeting_notices.moc"
