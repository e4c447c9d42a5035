// The built-in demo directory of Quảng Bình: its shape (control room, province halls, 8 districts,
// 159 communes split 20/16/16/16/18/30/15/28), its names, its simulated sources, and loading it.
#include "core/store/database.h"
#include "core/store/demo_directory.h"
#include "core/store/demo_meetings.h"
#include "core/store/meeting_book.h"
#include "core/store/site_directory.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <memory>

using namespace hntt::core;

namespace {

const QRegularExpression
    kVietnameseLetter(QStringLiteral("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]"),
                      QRegularExpression::CaseInsensitiveOption);

int toneOf(const QString& url) {
    return QUrlQuery(QUrl(url).query()).queryItemValue(QStringLiteral("tone")).toInt();
}

} // namespace

class TestStoreDemo : public QObject {
    Q_OBJECT

    QList<SiteRecord> demo_ = demoDirectory();

private slots:
    void shape() {
        QList<SiteRecord> provinces, districts, communes;
        for (const SiteRecord& s : std::as_const(demo_)) {
            if (s.level == SiteLevel::Province)
                provinces << s;
            else if (s.level == SiteLevel::District)
                districts << s;
            else
                communes << s;
        }
        QVERIFY(provinces.size() >= 3); // the control room and at least two other halls
        QCOMPARE(provinces.first().id, kDemoControlRoomId);
        QVERIFY(provinces.first().name.contains(QStringLiteral("Sở Thông tin và Truyền thông")));
        int controlRooms = 0;
        for (const SiteRecord& p : provinces) {
            controlRooms += p.name.contains(QStringLiteral("Sở Thông tin và Truyền thông"));
            QVERIFY(!p.parentId);
        }
        QCOMPARE(controlRooms, 1);

        const QStringList expectedDistricts = {
            QStringLiteral("Huyện Tuyên Hóa"),   QStringLiteral("Thành phố Đồng Hới"),
            QStringLiteral("Huyện Minh Hóa"),    QStringLiteral("Thị xã Ba Đồn"),
            QStringLiteral("Huyện Quảng Trạch"), QStringLiteral("Huyện Bố Trạch"),
            QStringLiteral("Huyện Quảng Ninh"),  QStringLiteral("Huyện Lệ Thủy")};
        QStringList names;
        for (const SiteRecord& d : districts) {
            names << d.name;
            QCOMPARE(d.parentId, std::optional<qint64>(kDemoControlRoomId));
        }
        QCOMPARE(names, expectedDistricts);

        QCOMPARE(communes.size(), 159);
        QHash<qint64, int> perDistrict;
        for (const SiteRecord& c : communes) {
            QVERIFY(c.parentId);
            ++perDistrict[*c.parentId];
        }
        const QList<int> split = {20, 16, 16, 16, 18, 30, 15, 28};
        for (int i = 0; i < districts.size(); ++i)
            QVERIFY2(perDistrict.value(districts[i].id) == split[i], qPrintable(districts[i].name));
        QCOMPARE(perDistrict.size(), 8);
    }

    void names() {
        QSet<QString> seen;
        for (const SiteRecord& s : std::as_const(demo_)) {
            QCOMPARE(s.name, s.name.normalized(QString::NormalizationForm_C));
            QCOMPARE(s.name, s.name.trimmed());
            QVERIFY2(!seen.contains(s.name), qPrintable(s.name));
            seen.insert(s.name);
            if (s.level == SiteLevel::Commune) {
                static const QRegularExpression form(QStringLiteral("^UBND (xã|phường|thị trấn) \\S"));
                QVERIFY2(form.match(s.name).hasMatch(), qPrintable(s.name));
            }
        }
        // Nearly every Vietnamese place name carries a diacritic; a name list that lost them would not.
        int withDiacritics = 0;
        for (const SiteRecord& s : std::as_const(demo_))
            withDiacritics += s.name.contains(kVietnameseLetter);
        QVERIFY2(withDiacritics >= demo_.size() * 9 / 10, qPrintable(QString::number(withDiacritics)));
        for (const char16_t* known :
             {u"UBND xã Quảng Hòa", u"UBND phường Hải Thành", u"UBND thị trấn Đồng Lê",
              u"UBND xã Ngư Thủy Bắc", u"UBND thị trấn Nông trường Việt Trung", u"UBND xã Cự Nẫm",
              u"UBND thị trấn Quy Đạt", u"UBND xã Cảnh Dương"})
            QVERIFY2(seen.contains(QString::fromUtf16(known)), qPrintable(QString::fromUtf16(known)));
    }

    void sources() {
        QSet<QString> urls;
        QHash<qint64, QSet<int>> tonesUnder; // district id → tones of it and its communes
        QHash<qint64, qint64> districtOf;
        for (const SiteRecord& s : std::as_const(demo_)) {
            QVERIFY2(!urls.contains(s.sourceUrl), qPrintable(s.sourceUrl));
            urls.insert(s.sourceUrl);
            const int tone = toneOf(s.sourceUrl);
            QVERIFY2(tone >= 200 && tone <= 2000, qPrintable(s.sourceUrl));
            if (s.level == SiteLevel::Commune) {
                static const QRegularExpression solid(
                    QStringLiteral("^test://solid\\?color=[0-9a-f]{6}&tone=\\d+&w=320&h=180$"));
                QVERIFY2(solid.match(s.sourceUrl).hasMatch(), qPrintable(s.sourceUrl));
            } else {
                static const QRegularExpression bars(QStringLiteral("^test://bars\\?tone=\\d+&w=640&h=360$"));
                QVERIFY2(bars.match(s.sourceUrl).hasMatch(), qPrintable(s.sourceUrl));
            }
            const qint64 district = s.level == SiteLevel::District  ? s.id
                                    : s.level == SiteLevel::Commune ? *s.parentId
                                                                    : 0;
            if (district == 0)
                continue;
            QVERIFY2(!tonesUnder[district].contains(tone), qPrintable(s.name));
            tonesUnder[district].insert(tone);
            districtOf[s.id] = district;
        }
        QCOMPARE(tonesUnder.size(), 8);
        // The province meeting's sites (province halls and districts) are told apart as well.
        QSet<int> hallTones;
        for (const SiteRecord& s : std::as_const(demo_))
            if (s.level != SiteLevel::Commune) {
                QVERIFY(!hallTones.contains(toneOf(s.sourceUrl)));
                hallTones.insert(toneOf(s.sourceUrl));
            }
    }

    // Whenever the demo starts, its week is whole: eight meetings from now on, one running, the
    // emergency one still to come (at any hour: morning, evening, just before midnight).
    void demoWeekAtAnyHour_data() {
        QTest::addColumn<QTime>("at");
        for (const QTime t : {QTime(0, 5), QTime(8, 10), QTime(16, 45), QTime(19, 5), QTime(23, 40)})
            QTest::newRow(qPrintable(t.toString(QStringLiteral("HH:mm")))) << t;
    }
    void demoWeekAtAnyHour() {
        QFETCH(QTime, at);
        QTemporaryDir tmp;
        Result<std::unique_ptr<Database>> db = Database::open(tmp.filePath(QStringLiteral("demo.sqlite")));
        QVERIFY(db);
        SiteDirectory dir(**db);
        QVERIFY(loadDemoDirectory(dir));
        const QDateTime now(QDate(2026, 12, 4), at);
        MeetingBook book(**db, [now] { return now; });
        Result<int> booked = loadDemoMeetings(book, dir, now);
        QVERIFY2(booked, booked ? "" : qPrintable(booked.error().message));
        QCOMPARE(*booked, 8);
        const auto week = book.between(now, now.addDays(7));
        QVERIFY(week);
        QCOMPARE(week->size(), 8);
        int running = 0, emergenciesAhead = 0;
        for (const MeetingRecord& m : *week) {
            running += m.startsAt <= now && now < m.endsAt ? 1 : 0;
            emergenciesAhead += m.emergency && m.startsAt > now ? 1 : 0;
        }
        QCOMPARE(running, 1);
        QCOMPARE(emergenciesAhead, 1);
        QCOMPARE(*loadDemoMeetings(book, dir, now), 0); // booked already: nothing added
    }

    void loadsOnceIntoTheStore() {
        QTemporaryDir tmp;
        Result<std::unique_ptr<Database>> db = Database::open(tmp.filePath(QStringLiteral("demo.sqlite")));
        QVERIFY(db);
        SiteDirectory dir(**db);
        Result<int> loaded = loadDemoDirectory(dir);
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        QCOMPARE(*loaded, static_cast<int>(demo_.size()));
        QCOMPARE(*dir.count(), static_cast<int>(demo_.size()));
        // Idempotent: a second load (or one into a directory the operator filled) adds nothing.
        QCOMPARE(*loadDemoDirectory(dir), 0);
        QCOMPARE(*dir.count(), static_cast<int>(demo_.size()));
        for (const SiteRecord& s : std::as_const(demo_)) {
            Result<SiteRecord> stored = dir.get(s.id);
            QVERIFY(stored);
            QCOMPARE(stored->name, s.name);
            QCOMPARE(stored->parentId, s.parentId);
            QCOMPARE(stored->sourceUrl, s.sourceUrl);
        }
        QCOMPARE(dir.children(kDemoControlRoomId)->size(), 8);
        // Tree order: the control room, then each district followed by its communes.
        const QList<SiteRecord> tree = *dir.list();
        QCOMPARE(tree[0].id, kDemoControlRoomId);
        QCOMPARE(tree[1].name, QStringLiteral("Huyện Tuyên Hóa"));
        QCOMPARE(tree[2].name, QStringLiteral("UBND thị trấn Đồng Lê"));
        QCOMPARE(tree[22].name, QStringLiteral("Thành phố Đồng Hới"));
        // The demo survives a CSV round trip exactly.
        const QByteArray csv = *dir.exportCsv();
        QTemporaryDir tmp2;
        Result<std::unique_ptr<Database>> db2 = Database::open(tmp2.filePath(QStringLiteral("copy.sqlite")));
        QVERIFY(db2);
        SiteDirectory copy(**db2);
        QVERIFY(copy.importCsv(csv));
        QCOMPARE(*copy.exportCsv(), csv);
    }
};

QTEST_GUILESS_MAIN(TestStoreDemo)
#include "tst_store_demo.moc"
