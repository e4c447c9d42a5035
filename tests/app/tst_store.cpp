// The SQLite store: opening, migrations from every older schema, foreign keys, transactions, and the
// site directory with its rules and its CSV/JSON import and export.
#include "core/store/database.h"
#include "core/store/site_directory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace hntt::core;

namespace {

std::unique_ptr<Database> openOrFail(const QString& path, const QList<Database::Migration>& migrations) {
    Result<std::unique_ptr<Database>> r = Database::open(path, migrations);
    if (!r) {
        qWarning("open failed: %s", qPrintable(r.error().message));
        return nullptr;
    }
    return std::move(r).value();
}

std::unique_ptr<Database> openOrFail(const QString& path) {
    return openOrFail(path, Database::migrations());
}

QVariant scalar(Database& db, const QString& sql) {
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

bool execSql(Database& db, const QString& sql) {
    QSqlQuery q(db.connection());
    return q.exec(sql);
}

bool hasColumn(Database& db, const QString& table, const QString& column) {
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (q.next())
        if (q.value(1).toString() == column)
            return true;
    return false;
}

// A file's user_version and journal mode read without the store, as another program would.
struct RawInfo {
    int version = -1;
    QString journal;
};
RawInfo rawInfo(const QString& path) {
    RawInfo info;
    const QString name = QStringLiteral("raw-%1").arg(reinterpret_cast<quintptr>(&info));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                info.version = q.value(0).toInt();
            if (q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next())
                info.journal = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return info;
}

void setRawVersion(const QString& path, int version) {
    const QString name = QStringLiteral("raw-version");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t (x)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

SiteRecord site(const QString& name, SiteLevel level, std::optional<qint64> parent = {}, qint64 id = 0) {
    SiteRecord r;
    r.id = id;
    r.name = name;
    r.level = level;
    r.parentId = parent;
    return r;
}

// What the import and export carry, without the store's timestamps.
QStringList summary(const QList<SiteRecord>& sites) {
    QStringList out;
    for (const SiteRecord& s : sites)
        out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                   .arg(QString::number(s.id), s.name, siteLevelName(s.level),
                        s.parentId ? QString::number(*s.parentId) : QString(), s.sourceUrl, s.returnUrl);
    return out;
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> tmp_;
    QString path(const QString& name = QStringLiteral("hntt.sqlite")) const { return tmp_->filePath(name); }

    // A small directory: a province with one district and two communes with awkward names.
    struct Small {
        qint64 province = 0, district = 0, commune1 = 0, commune2 = 0, lone = 0;
    };
    static Small fillSmall(SiteDirectory& dir) {
        Small s;
        s.province =
            dir.create(site(QStringLiteral("Sở Thông tin và Truyền thông"), SiteLevel::Province))->id;
        s.district = dir.create(site(QStringLiteral("Thị xã Ba Đồn"), SiteLevel::District, s.province))->id;
        SiteRecord c1 = site(QStringLiteral("UBND xã Quảng Hòa"), SiteLevel::Commune, s.district);
        c1.sourceUrl = QStringLiteral("srt://10.0.0.5:9000?mode=caller&latency=200");
        c1.returnUrl = QStringLiteral("udp://10.0.0.5:9100");
        s.commune1 = dir.create(c1)->id;
        SiteRecord c2 =
            site(QStringLiteral("Hội trường \"Quảng Thủy\", tầng 2"), SiteLevel::Commune, s.district);
        c2.sourceUrl = QStringLiteral("rtsp://cam.local/stream,1");
        s.commune2 = dir.create(c2)->id;
        SiteRecord lone = site(QStringLiteral("Huyện Lệ Thủy"), SiteLevel::District);
        lone.sipUri = QStringLiteral("sip:lethuy@10.20.0.7");
        s.lone = dir.create(lone)->id;
        return s;
    }

private slots:
    void init() {
        tmp_ = std::make_unique<QTemporaryDir>();
        QVERIFY(tmp_->isValid());
    }
    void cleanup() { tmp_.reset(); }

    void opensNewFileAtLatestVersion() {
        auto db = openOrFail(path(QStringLiteral("sub/folder/new.sqlite")));
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::latestVersion());
        QVERIFY(Database::latestVersion() >= 2);
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA user_version")).toInt(), Database::latestVersion());
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QVERIFY(scalar(*db, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
        for (const char* table : {"sites", "meetings", "meeting_sites", "events", "recordings", "markers"})
            QVERIFY2(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                                "name = '%1'")
                                     .arg(QLatin1String(table)))
                             .toInt() == 1,
                     table);
        QVERIFY(QFile::exists(path(QStringLiteral("sub/folder/new.sqlite"))));
    }

    void eachInstanceHasItsOwnConnection() {
        auto a = openOrFail(path());
        auto b = openOrFail(path());
        QVERIFY(a && b);
        QVERIFY(a->connectionName() != b->connectionName());
        const QString nameA = a->connectionName();
        QVERIFY(QSqlDatabase::connectionNames().contains(nameA));
        SiteDirectory dirA(*a), dirB(*b);
        QVERIFY(dirA.create(site(QStringLiteral("Tỉnh"), SiteLevel::Province)));
        a.reset();
        QVERIFY(!QSqlDatabase::connectionNames().contains(nameA));
        QCOMPARE(*dirB.count(), 1); // the other connection lives on and sees the commit
    }

    void reopenKeepsData() {
        {
            auto db = openOrFail(path());
            SiteDirectory dir(*db);
            fillSmall(dir);
        }
        auto db = openOrFail(path());
        QVERIFY(db);
        QCOMPARE(*SiteDirectory(*db).count(), 5);
    }

    void emptyExistingFileIsMigrated() {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto db = openOrFail(path());
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::latestVersion());
    }

    void migratesFromEveryOlderVersion_data() {
        QTest::addColumn<int>("from");
        for (int v = 1; v < Database::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
    }
    void migratesFromEveryOlderVersion() {
        QFETCH(int, from);
        {
            // A file as the release with schema `from` left it, rows written with its own SQL.
            auto old = openOrFail(path(), Database::migrations().mid(0, from));
            QVERIFY(old);
            QCOMPARE(old->schemaVersion(), from);
            QCOMPARE(rawInfo(path()).version, from);
            QVERIFY(execSql(*old, QStringLiteral("INSERT INTO sites (id, name, level) VALUES "
                                                 "(1, 'Sở Thông tin và Truyền thông', 'province'), "
                                                 "(2, 'Huyện Bố Trạch', 'district')")));
            QVERIFY(execSql(*old, QStringLiteral("UPDATE sites SET parent_id = 1 WHERE id = 2")));
            QVERIFY(execSql(*old, QStringLiteral("INSERT INTO sites (id, name, level, parent_id) VALUES "
                                                 "(3, 'UBND xã Hoàn Trạch', 'commune', 2)")));
            QVERIFY(execSql(
                *old,
                QStringLiteral("INSERT INTO meetings (id, title, kind, room, host_site_id, starts_at, "
                               "ends_at, starts_epoch, ends_epoch) VALUES (7, 'Họp phòng chống lụt bão', "
                               "'province_districts', 'Phòng 1', 1, '2024-10-01T08:00:00+07:00', "
                               "'2024-10-01T10:00:00+07:00', 1727744400, 1727751600)")));
            QVERIFY(execSql(*old, QStringLiteral("INSERT INTO meeting_sites VALUES (7, 2)")));
            QVERIFY(execSql(*old, QStringLiteral("INSERT INTO events (at, at_ms, actor, action, meeting_id) "
                                                 "VALUES ('2024-10-01T08:00:00+07:00', 1727744400000, 'ui', "
                                                 "'floor.give', 7)")));
            // Before version 3 nothing stopped two rows from being left "recording" by crashes; from
            // version 3 on, the older one was failed when the newer started.
            QVERIFY(
                execSql(*old, QStringLiteral("INSERT INTO recordings (id, title, path, state, started_at) "
                                             "VALUES (1, 'a', '/r/a.mkv', '%1', '2024-10-01T08:00:00Z'), "
                                             "(2, 'b', '/r/b.mkv', 'recording', '2024-10-01T09:00:00Z')")
                                  .arg(from < 3 ? QStringLiteral("recording") : QStringLiteral("failed"))));
            QVERIFY(
                execSql(*old, QStringLiteral("INSERT INTO markers (recording_id, offset_s, kind, site_id) "
                                             "VALUES (1, 12.5, 'speaker', 2)")));
        }
        auto db = openOrFail(path());
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::latestVersion());
        QCOMPARE(rawInfo(path()).version, Database::latestVersion());
        // Data kept.
        SiteDirectory dir(*db);
        QCOMPARE(*dir.count(), 3);
        QCOMPARE(dir.get(3)->name, QStringLiteral("UBND xã Hoàn Trạch"));
        QCOMPARE(dir.get(3)->parentId, std::optional<qint64>(2));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT title FROM meetings WHERE id = 7")).toString(),
                 QStringLiteral("Họp phòng chống lụt bão"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM meeting_sites")).toInt(), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM events WHERE meeting_id = 7")).toInt(), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM markers")).toInt(), 1);
        // Version 2: cancellation columns, empty for old bookings.
        QVERIFY(hasColumn(*db, QStringLiteral("meetings"), QStringLiteral("cancelled_at")));
        QVERIFY(scalar(*db, QStringLiteral("SELECT cancelled_at FROM meetings WHERE id = 7")).isNull());
        // Version 3: only the newest of the dangling recordings is still "recording".
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT group_concat(id) FROM recordings WHERE state = 'recording'"))
                .toString(),
            QStringLiteral("2"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT state FROM recordings WHERE id = 1")).toString(),
                 QStringLiteral("failed"));
        QVERIFY(!execSql(*db, QStringLiteral("INSERT INTO recordings (path, state, started_at) VALUES "
                                             "('/r/c.mkv', 'recording', '2024-10-01T10:00:00Z')")));
        // Version 4: sites may have a SIP address, none for old sites, unique.
        QVERIFY(hasColumn(*db, QStringLiteral("sites"), QStringLiteral("sip_uri")));
        QVERIFY(dir.get(3)->sipUri.isEmpty());
        QVERIFY(execSql(*db, QStringLiteral("UPDATE sites SET sip_uri = 'sip:a@10.0.0.1' WHERE id = 2")));
        QVERIFY(!execSql(*db, QStringLiteral("UPDATE sites SET sip_uri = 'sip:a@10.0.0.1' WHERE id = 3")));
    }

    void newerFileIsRefusedUntouched() {
        setRawVersion(path(), Database::latestVersion() + 1);
        const RawInfo before = rawInfo(path());
        Result<std::unique_ptr<Database>> r = Database::open(path());
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Storage);
        QVERIFY2(r.error().message.contains(QString::number(Database::latestVersion() + 1)),
                 qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QString::number(Database::latestVersion())));
        const RawInfo after = rawInfo(path());
        QCOMPARE(after.version, Database::latestVersion() + 1);
        QCOMPARE(after.journal, before.journal); // not even switched to WAL
        QVERIFY(!QSqlDatabase::connectionNames().contains(QStringLiteral("raw-version")));
    }

    void failingMigrationRollsBack() {
        QList<Database::Migration> history = Database::migrations().mid(0, 1);
        history.append({2,
                        QStringLiteral("broken step"),
                        {QStringLiteral("CREATE TABLE half_done (x INTEGER)"),
                         QStringLiteral("INSERT INTO half_done VALUES (1)"),
                         QStringLiteral("INSERT INTO no_such_table VALUES (1)")}});
        Result<std::unique_ptr<Database>> r = Database::open(path(), history);
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Storage);
        QVERIFY2(r.error().message.contains(QLatin1String("no_such_table")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QLatin1String("broken step")));
        // Version 1 was committed on its own; the failed step left nothing behind.
        QCOMPARE(rawInfo(path()).version, 1);
        auto db = openOrFail(path(), Database::migrations().mid(0, 1));
        QVERIFY(db);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"))
                     .toInt(),
                 0);
        db.reset();
        // The real history still brings the file forward.
        db = openOrFail(path());
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Database::latestVersion());
    }

    void notADatabaseIsRefused() {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        Result<std::unique_ptr<Database>> r = Database::open(path());
        QVERIFY(!r);
        QVERIFY(!r.error().message.isEmpty());
    }

    void foreignKeysEnforced() {
        auto db = openOrFail(path());
        QVERIFY(db);
        SiteDirectory dir(*db);
        const Small s = fillSmall(dir);
        QVERIFY(!execSql(
            *db, QStringLiteral("INSERT INTO sites (name, level, parent_id) VALUES ('x', 'commune', 999)")));
        QVERIFY(
            !execSql(*db, QStringLiteral("INSERT INTO meetings (title, kind, room, host_site_id, starts_at, "
                                         "ends_at, starts_epoch, ends_epoch) VALUES ('t', 'province_all', "
                                         "'r', 999, 'a', 'b', 1, 2)")));
        // RESTRICT: a district with communes cannot be deleted behind the directory's back.
        QVERIFY(!execSql(*db, QStringLiteral("DELETE FROM sites WHERE id = %1").arg(s.district)));
        QCOMPARE(*dir.count(), 5);
        // CASCADE: a deleted meeting takes its participant rows; SET NULL: the audit row stays.
        QVERIFY(execSql(
            *db, QStringLiteral("INSERT INTO meetings (id, title, kind, room, host_site_id, starts_at, "
                                "ends_at, starts_epoch, ends_epoch) VALUES (5, 't', 'province_all', "
                                "'r', %1, 'a', 'b', 1, 2)")
                     .arg(s.province)));
        QVERIFY(execSql(*db, QStringLiteral("INSERT INTO meeting_sites VALUES (5, %1)").arg(s.commune1)));
        QVERIFY(
            execSql(*db, QStringLiteral("INSERT INTO events (at, at_ms, actor, action, meeting_id) VALUES "
                                        "('a', 1, 'ui', 'x', 5)")));
        QVERIFY(execSql(*db, QStringLiteral("DELETE FROM meetings WHERE id = 5")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM meeting_sites")).toInt(), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM events")).toInt(), 1);
        QVERIFY(scalar(*db, QStringLiteral("SELECT meeting_id FROM events")).isNull());
        // CHECK constraints back the enums.
        QVERIFY(!execSql(*db, QStringLiteral("INSERT INTO sites (name, level) VALUES ('x', 'country')")));
    }

    void transactionsNestAndRollBack() {
        auto db = openOrFail(path());
        QVERIFY(db);
        SiteDirectory dir(*db);
        {
            Database::Transaction outer(*db);
            QVERIFY(outer.started());
            {
                Database::Transaction inner(*db);
                QVERIFY(inner.started());
                QVERIFY(dir.create(site(QStringLiteral("A"), SiteLevel::Province)));
                QVERIFY(inner.commit());
            }
            {
                Database::Transaction inner(*db);
                QVERIFY(dir.create(site(QStringLiteral("B"), SiteLevel::Province)));
                // destroyed without commit: B goes, A stays (for now)
            }
            QCOMPARE(*dir.count(), 1);
            // outer destroyed without commit: A goes too
        }
        QCOMPARE(*dir.count(), 0);
        {
            Database::Transaction tx(*db);
            QVERIFY(dir.create(site(QStringLiteral("C"), SiteLevel::Province)));
            QVERIFY(tx.commit());
        }
        QCOMPARE(*dir.count(), 1);
    }

    void siteLevelRules() {
        auto db = openOrFail(path());
        QVERIFY(db);
        SiteDirectory dir(*db);
        const qint64 p = dir.create(site(QStringLiteral("Tỉnh"), SiteLevel::Province))->id;
        const qint64 d = dir.create(site(QStringLiteral("Huyện"), SiteLevel::District, p))->id;
        QVERIFY(dir.create(site(QStringLiteral("Huyện không cha"), SiteLevel::District)));
        QVERIFY(dir.create(site(QStringLiteral("Xã"), SiteLevel::Commune, d)));
        const auto invalid = [&](const SiteRecord& r) {
            Result<SiteRecord> res = dir.create(r);
            return !res && res.error().code == Error::Code::Invalid && !res.error().message.isEmpty();
        };
        QVERIFY(invalid(site(QStringLiteral("Tỉnh con"), SiteLevel::Province, p)));
        QVERIFY(invalid(site(QStringLiteral("Huyện dưới huyện"), SiteLevel::District, d)));
        QVERIFY(invalid(site(QStringLiteral("Xã mồ côi"), SiteLevel::Commune)));
        QVERIFY(invalid(site(QStringLiteral("Xã dưới tỉnh"), SiteLevel::Commune, p)));
        QVERIFY(invalid(site(QStringLiteral("Xã lạc"), SiteLevel::Commune, 999)));
        QVERIFY(invalid(site(QStringLiteral("   "), SiteLevel::Province)));
        SiteRecord badCamera = site(QStringLiteral("Cam"), SiteLevel::Province);
        badCamera.cameraJson = QStringLiteral("{\"protocol\": \"telnet\"}");
        QVERIFY(invalid(badCamera));
        QCOMPARE(*dir.count(), 4);
        // A taken id is a conflict.
        Result<SiteRecord> dup = dir.create(site(QStringLiteral("Trùng"), SiteLevel::Province, {}, p));
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, Error::Code::Conflict);
        // Names are stored trimmed and in NFC, whatever the keyboard sent.
        const QString nfd = QStringLiteral("UBND xã Quảng Hòa").normalized(QString::NormalizationForm_D);
        QVERIFY(nfd != QStringLiteral("UBND xã Quảng Hòa"));
        Result<SiteRecord> c = dir.create(site(QStringLiteral("  ") + nfd, SiteLevel::Commune, d));
        QVERIFY(c);
        QCOMPARE(dir.get(c->id)->name, QStringLiteral("UBND xã Quảng Hòa"));
        QCOMPARE(dir.get(4242).error().code, Error::Code::NotFound);
    }

    void listsInTreeOrder() {
        auto db = openOrFail(path());
        QVERIFY(db);
        SiteDirectory dir(*db);
        const Small s = fillSmall(dir);
        const qint64 p2 = dir.create(site(QStringLiteral("Tỉnh ủy"), SiteLevel::Province))->id;
        const qint64 d2 =
            dir.create(site(QStringLiteral("Huyện Minh Hóa"), SiteLevel::District, s.province))->id;
        const qint64 c3 = dir.create(site(QStringLiteral("UBND xã Dân Hóa"), SiteLevel::Commune, d2))->id;
        QList<qint64> ids;
        for (const SiteRecord& r : *dir.list())
            ids << r.id;
        const QList<qint64> expected = {s.province, s.district, s.commune1, s.commune2, d2, c3, s.lone, p2};
        QCOMPARE(ids, expected);
        QList<qint64> kids;
        for (const SiteRecord& r : *dir.children(s.province))
            kids << r.id;
        QCOMPARE(kids, (QList<qint64>{s.district, d2}));
        QCOMPARE(dir.children(999).error().code, Error::Code::NotFound);
    }

    void updateAndCameraSecrets() {
        auto db = openOrFail(path());
        QVERIFY(db);
        SiteDirectory dir(*db);
        const Small s = fillSmall(dir);
        SiteRecord r = *dir.get(s.commune1);
        r.cameraJson = QStringLiteral(R"({"protocol":"onvif","url":"http://10.0.0.9/onvif/device_service",)"
                                      R"("username":"admin","password":"Mật-khẩu"})");
        r.name = QStringLiteral("UBND xã Quảng Hòa (mới)");
        QVERIFY(dir.update(r));
        QCOMPARE(dir.get(s.commune1)->name, QStringLiteral("UBND xã Quảng Hòa (mới)"));
        const QJsonObject json = SiteDirectory::toJson(*dir.get(s.commune1));
        QCOMPARE(json.value(QLatin1String("camera")).toObject().value(QLatin1String("username")).toString(),
                 QStringLiteral("admin"));
        QVERIFY(!json.value(QLatin1String("camera")).toObject().contains(QLatin1String("password")));
        QVERIFY(!QJsonDocument(json).toJson().contains("Mật-khẩu"));
        QCOMPARE(json.value(QLatin1String("parent_id")).toInteger(), s.district);
        // A client sends the camera back as it got it (no password): the password stays.
        r = *dir.get(s.commune1);
        r.cameraJson =
            QString::fromUtf8(QJsonDocument(json.value(QLatin1String("camera")).toObject()).toJson());
        QVERIFY(dir.update(r));
        QVERIFY(dir.get(s.commune1)->cameraJson.contains(QStringLiteral("Mật-khẩu")));
        // Another device: the old password does not follow.
        QJsonObject other = json.value(QLatin1String("camera")).toObject();
        other.insert(QStringLiteral("url"), QStringLiteral("http://10.0.0.10/onvif/device_service"));
        r.cameraJson = QString::fromUtf8(QJsonDocument(other).toJson());
        QVERIFY(dir.update(r));
        QVERIFY(!dir.get(s.commune1)->cameraJson.contains(QStringLiteral("Mật-khẩu")));
        // A district with communes cannot become a commune; a missing site cannot be updated.
        SiteRecord d = *dir.get(s.district);
        d.level = SiteLevel::Commune;
        d.parentId = s.lone;
        Result<SiteRecord> bad = dir.update(d);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, Error::Code::Invalid);
        QCOMPARE(dir.get(s.district)->level, SiteLevel::District);
        SiteRecord ghost = d;
        ghost.id = 999;
        QCOMPARE(dir.update(ghost).error().code, Error::Code::NotFound);
    }

    void removeRules() {
        auto db = openOrFail(path());
        QVERIFY(db);
        SiteDirectory dir(*db);
        const Small s = fillSmall(dir);
        Status hasChildren = dir.remove(s.district);
        QVERIFY(!hasChildren);
        QCOMPARE(hasChildren.error().code, Error::Code::Conflict);
        QVERIFY(hasChildren.error().message.contains(QString::number(s.district)));
        QVERIFY(
            execSql(*db, QStringLiteral("INSERT INTO meetings (title, kind, room, host_site_id, starts_at, "
                                        "ends_at, starts_epoch, ends_epoch) VALUES ('t', "
                                        "'district_communes', 'r', %1, 'a', 'b', 1, 2)")
                             .arg(s.lone)));
        Status hosts = dir.remove(s.lone);
        QVERIFY(!hosts);
        QCOMPARE(hosts.error().code, Error::Code::Conflict);
        QVERIFY(dir.remove(s.commune1));
        QCOMPARE(dir.get(s.commune1).error().code, Error::Code::NotFound);
        QCOMPARE(dir.remove(s.commune1).error().code, Error::Code::NotFound);
        QCOMPARE(*dir.count(), 4);
    }

    void csvRoundTrip() {
        QByteArray csv;
        QStringList before;
        {
            auto db = openOrFail(path(QStringLiteral("a.sqlite")));
            SiteDirectory dir(*db);
            fillSmall(dir);
            before = summary(*dir.list());
            Result<QByteArray> out = dir.exportCsv();
            QVERIFY(out);
            csv = *out;
        }
        const QString text = QString::fromUtf8(csv);
        QVERIFY(text.startsWith(QLatin1String("id,name,level,parent_id,source_url,return_url,sip_uri\r\n")));
        QVERIFY(text.contains(QStringLiteral(",UBND xã Quảng Hòa,commune,")));
        QVERIFY(text.contains(QStringLiteral("\"Hội trường \"\"Quảng Thủy\"\", tầng 2\"")));
        QVERIFY(text.contains(QStringLiteral("\"rtsp://cam.local/stream,1\"")));
        auto db = openOrFail(path(QStringLiteral("b.sqlite")));
        SiteDirectory dir(*db);
        Result<int> imported = dir.importCsv(csv);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
        QCOMPARE(*imported, 5);
        QCOMPARE(summary(*dir.list()), before);
        QCOMPARE(*dir.exportCsv(), csv);
        // Importing the same file again changes nothing (rows are matched by id).
        QVERIFY(dir.importCsv(csv));
        QCOMPARE(*dir.exportCsv(), csv);
        QCOMPARE(*dir.count(), 5);
    }

    void jsonRoundTrip() {
        QByteArray json;
        QStringList before;
        {
            auto db = openOrFail(path(QStringLiteral("a.sqlite")));
            SiteDirectory dir(*db);
            const Small s = fillSmall(dir);
            SiteRecord r = *dir.get(s.province);
            r.cameraJson =
                QStringLiteral(R"({"protocol":"visca-ip","host":"10.0.0.2","port":52381,"password":"x1"})");
            QVERIFY(dir.update(r));
            before = summary(*dir.list());
            json = *dir.exportJson();
        }
        QVERIFY(!json.contains("x1"));
        const QJsonArray array = QJsonDocument::fromJson(json).array();
        QCOMPARE(array.size(), 5);
        QCOMPARE(array[2].toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("UBND xã Quảng Hòa"));
        QVERIFY(array[4].toObject().value(QLatin1String("parent_id")).isNull());
        QVERIFY(array[4].toObject().value(QLatin1String("return_url")).isNull());
        auto db = openOrFail(path(QStringLiteral("b.sqlite")));
        SiteDirectory dir(*db);
        Result<int> imported = dir.importJson(json);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
        QCOMPARE(summary(*dir.list()), before);
        QCOMPARE(*dir.exportJson(), json);
        QCOMPARE(SiteDirectory::toJson(*dir.get(array[0].toObject().value(QLatin1String("id")).toInteger()))
                     .value(QLatin1String("camera"))
                     .toObject()
                     .value(QLatin1String("port"))
                     .toInt(),
                 52381);
    }

    void badImportChangesNothing() {
        auto db = openOrFail(path());
        QVERIFY(db);
        SiteDirectory dir(*db);
        const Small s = fillSmall(dir);
        const QByteArray before = *dir.exportCsv();

        // Line 2 would rename an existing site, line 3 add one; line 4 is wrong.
        const QByteArray badLevel = QStringLiteral("id,name,level,parent_id,source_url,return_url\n"
                                                   "%1,Tên mới,province,,,\n"
                                                   ",UBND xã Mới,commune,%2,,\n"
                                                   ",UBND xã Sai,village,%2,,\n")
                                        .arg(s.province)
                                        .arg(s.district)
                                        .toUtf8();
        Result<int> r = dir.importCsv(badLevel);
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Invalid);
        QCOMPARE(r.error().line, 4);
        QVERIFY2(r.error().message.contains(QLatin1String("4")), qPrintable(r.error().message));
        QCOMPARE(*dir.exportCsv(), before);

        // A rule broken by a row that parses: a commune under a province, on line 4 (line 3 is blank).
        const QByteArray badRule = QStringLiteral("id,name,level,parent_id,source_url,return_url\r\n"
                                                  "%1,Tên mới,province,,,\r\n"
                                                  "\r\n"
                                                  ",UBND xã Lạc,commune,%1,,\r\n")
                                       .arg(s.province)
                                       .toUtf8();
        r = dir.importCsv(badRule);
        QVERIFY(!r);
        QVERIFY2(r.error().line == 4, qPrintable(r.error().message));
        QCOMPARE(*dir.exportCsv(), before);

        // A quoted field may span lines, but no name may hold a line break: named by its first line.
        const QByteArray twoLines = QStringLiteral("id,name,level,parent_id,source_url,return_url\n"
                                                   "%1,Tên mới,province,,,\n"
                                                   ",\"UBND xã\nLạc\",commune,%2,,\n")
                                        .arg(s.province)
                                        .arg(s.district)
                                        .toUtf8();
        r = dir.importCsv(twoLines);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 3);
        QCOMPARE(*dir.exportCsv(), before);

        const QByteArray badUrl = QByteArray("id,name,level,parent_id,source_url,return_url\n"
                                             ",Tỉnh,province,,srt://a b,\n");
        r = dir.importCsv(badUrl);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 2);

        const QByteArray unterminated = QByteArray("id,name,level,parent_id,source_url,return_url\n"
                                                   ",\"UBND xã Mở,commune,2,,\n");
        r = dir.importCsv(unterminated);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 2);

        const QByteArray fieldCount = QByteArray("id,name,level,parent_id,source_url,return_url\n"
                                                 ",Tỉnh,province,,\n");
        r = dir.importCsv(fieldCount);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 2);

        const QByteArray badSip = QByteArray("id,name,level,parent_id,source_url,return_url,sip_uri\n"
                                             ",Tỉnh,province,,,,http://10.0.0.1/\n");
        r = dir.importCsv(badSip);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 2);
        QVERIFY2(r.error().message.contains(QLatin1String("SIP")), qPrintable(r.error().message));
        // One site per SIP address: a caller must be one site.
        const QByteArray sameSip = QByteArray("id,name,level,parent_id,source_url,return_url,sip_uri\n"
                                              ",Tỉnh B,province,,,,sip:lethuy@10.20.0.7\n");
        r = dir.importCsv(sameSip);
        QVERIFY(!r);
        QCOMPARE(*dir.exportCsv(), before);

        const QByteArray badHeader = QByteArray("id;name;level\n");
        r = dir.importCsv(badHeader);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 1);

        const QByteArray missingParent = QByteArray("id,name,level,parent_id,source_url,return_url\n"
                                                    "50,Huyện X,district,,,\n"
                                                    "51,Xã Y,commune,77,,\n");
        r = dir.importCsv(missingParent);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 3);
        QCOMPARE(*dir.exportCsv(), before);

        const QByteArray badJson = QStringLiteral(R"([{"id": %1, "name": "Tên mới", "level": "province"},
                                                      {"name": "Xã", "level": "commune", "parent_id": "two"}])")
                                       .arg(s.province)
                                       .toUtf8();
        r = dir.importJson(badJson);
        QVERIFY(!r);
        QCOMPARE(r.error().item, 2);
        const QByteArray brokenJson = QByteArray("[\n{\"name\": \"A\",\n \"level\": }\n]");
        r = dir.importJson(brokenJson);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 3);
        QCOMPARE(*dir.exportCsv(), before);
    }

    void importResolvesForwardParents() {
        auto db = openOrFail(path());
        QVERIFY(db);
        SiteDirectory dir(*db);
        // The commune comes before its district, the district before its province.
        const QByteArray csv =
            QStringLiteral("\xfeff"
                           "id,name,level,parent_id,source_url,return_url\n"
                           "30,UBND phường Hải Đình,commune,20,test://solid?color=ff0000,\n"
                           "20,Thành phố Đồng Hới,district,10,,\n"
                           "\n"
                           "10,Sở Thông tin và Truyền thông,province,,,\n")
                .toUtf8();
        Result<int> r = dir.importCsv(csv);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(*r, 3);
        QCOMPARE(dir.get(30)->parentId, std::optional<qint64>(20));
        QCOMPARE(dir.get(30)->sourceUrl, QStringLiteral("test://solid?color=ff0000"));
        QCOMPARE(dir.list()->first().id, qint64(10));
    }

    void csvRecordQuotes() {
        QCOMPARE(csvRecord({QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("d\"e"), QString()}),
                 QStringLiteral("a,\"b,c\",\"d\"\"e\",\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
