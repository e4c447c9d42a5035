#include "core/store/database.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace hntt::core {

namespace {

// Schema version 1: the first released schema.
//
// sites.parent_id is ON DELETE RESTRICT, not SET NULL: a commune without its district breaks the
// directory's level rules and would silently drop out of district→commune meetings, so removing a
// site that still has children must fail (the directory says so before SQLite has to).
// meetings.host_site_id is RESTRICT for the same reason: a booking must not lose its host.
// Audit rows and recordings outlive what they refer to (ON DELETE SET NULL): the record of what
// happened must stay whole. Times are kept twice: ISO 8601 text with the operator's own offset (as
// entered and shown) and epoch seconds/milliseconds for range queries and overlap checks.
const QStringList kSchemaV1 = {
    QStringLiteral(R"(CREATE TABLE sites (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    level       TEXT    NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    parent_id   INTEGER REFERENCES sites(id) ON DELETE RESTRICT,
    source_url  TEXT,
    return_url  TEXT,
    camera_json TEXT CHECK (camera_json IS NULL OR json_valid(camera_json)),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (parent_id IS NULL OR parent_id <> id)
))"),
    QStringLiteral("CREATE INDEX sites_parent ON sites(parent_id, sort_order, id)"),
    QStringLiteral(R"(CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    title        TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    kind         TEXT    NOT NULL
                 CHECK (kind IN ('national_branch', 'province_districts', 'district_communes', 'province_all')),
    room         TEXT    NOT NULL CHECK (length(trim(room)) > 0),
    host_site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE RESTRICT,
    starts_at    TEXT    NOT NULL,
    ends_at      TEXT    NOT NULL,
    starts_epoch INTEGER NOT NULL,
    ends_epoch   INTEGER NOT NULL,
    emergency    INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (ends_epoch > starts_epoch)
))"),
    QStringLiteral("CREATE INDEX meetings_starts ON meetings(starts_epoch)"),
    QStringLiteral("CREATE INDEX meetings_host ON meetings(host_site_id)"),
    QStringLiteral(R"(CREATE TABLE meeting_sites (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    site_id    INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, site_id)
) WITHOUT ROWID)"),
    QStringLiteral("CREATE INDEX meeting_sites_site ON meeting_sites(site_id)"),
    QStringLiteral(R"(CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    at_ms       INTEGER NOT NULL,
    actor       TEXT    NOT NULL CHECK (length(actor) > 0),
    action      TEXT    NOT NULL CHECK (length(action) > 0),
    subject     TEXT,
    detail_json TEXT CHECK (detail_json IS NULL OR json_valid(detail_json)),
    reason      TEXT,
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE SET NULL
))"),
    QStringLiteral("CREATE INDEX events_at ON events(at_ms)"),
    QStringLiteral("CREATE INDEX events_meeting ON events(meeting_id, at_ms)"),
    QStringLiteral(R"(CREATE TABLE recordings (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    title      TEXT    NOT NULL DEFAULT '',
    path       TEXT    NOT NULL CHECK (length(path) > 0),
    state      TEXT    NOT NULL CHECK (state IN ('recording', 'finished', 'failed')),
    started_at TEXT    NOT NULL,
    stopped_at TEXT,
    duration_s REAL CHECK (duration_s IS NULL OR duration_s >= 0),
    size_bytes INTEGER CHECK (size_bytes IS NULL OR size_bytes >= 0),
    error      TEXT
))"),
    QStringLiteral(R"(CREATE TABLE markers (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    offset_s     REAL    NOT NULL CHECK (offset_s >= 0),
    kind         TEXT    NOT NULL
                 CHECK (kind IN ('speaker', 'floor', 'mute', 'unmute', 'join', 'leave', 'note')),
    site_id      INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    text         TEXT    NOT NULL DEFAULT ''
))"),
    QStringLiteral("CREATE INDEX markers_recording ON markers(recording_id, offset_s)"),
};

// Version 2: a cancelled booking is kept (with when and why) instead of deleted, so the day's plan
// and the audit log still agree; the room index serves the overlap check of every new booking.
const QStringList kSchemaV2 = {
    QStringLiteral("ALTER TABLE meetings ADD COLUMN cancelled_at TEXT"),
    QStringLiteral("ALTER TABLE meetings ADD COLUMN cancel_reason TEXT"),
    QStringLiteral("CREATE INDEX meetings_room_time ON meetings(room, starts_epoch, ends_epoch)"),
};

// Version 3: at most one recording runs at a time (the API answers 409 otherwise), enforced by the
// file itself. Rows a crash left "recording" are failed first, all but the newest, so the unique
// index can be built over data that older versions wrote.
const QStringList kSchemaV3 = {
    QStringLiteral(R"(UPDATE recordings
    SET state = 'failed',
        error = coalesce(error, 'interrupted: the console stopped while recording')
    WHERE state = 'recording' AND id <> (SELECT max(id) FROM recordings WHERE state = 'recording'))"),
    QStringLiteral(
        "CREATE UNIQUE INDEX recordings_one_active ON recordings(state) WHERE state = 'recording'"),
    QStringLiteral("CREATE INDEX recordings_meeting ON recordings(meeting_id, started_at)"),
};

// Version 4: a site may be a SIP endpoint; its address is unique, so that a caller is one site.
const QStringList kSchemaV4 = {
    QStringLiteral("ALTER TABLE sites ADD COLUMN sip_uri TEXT"),
    QStringLiteral("CREATE UNIQUE INDEX sites_sip_uri ON sites(sip_uri) WHERE sip_uri IS NOT NULL"),
};

// Version 5: each site's join-page secret; deleting the site deletes it.
const QStringList kSchemaV5 = {
    QStringLiteral(
        "CREATE TABLE join_links (site_id INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE, "
        "secret TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)"),
};

// Version 6: the event log read for one site (the console's log filter) without a scan of it all.
const QStringList kSchemaV6 = {
    QStringLiteral("CREATE INDEX events_subject ON events(subject, at_ms)"),
};

// Version 7: a deleted recording goes to a trash first (its file moved aside, the row kept), so
// that it can be restored until the trash is emptied.
const QStringList kSchemaV7 = {
    QStringLiteral("ALTER TABLE recordings ADD COLUMN trashed_at TEXT"),
    QStringLiteral("ALTER TABLE recordings ADD COLUMN trash_path TEXT"),
};

// Version 8: takes (the program as the operator put it on air) are markers too. SQLite cannot
// change a CHECK: the table is made again with the wider one, its rows copied.
const QStringList kSchemaV8 = {
    QStringLiteral(R"(CREATE TABLE markers_v8 (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
    offset_s     REAL    NOT NULL CHECK (offset_s >= 0),
    kind         TEXT    NOT NULL
                 CHECK (kind IN ('speaker', 'floor', 'mute', 'unmute', 'join', 'leave', 'note', 'take')),
    site_id      INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    text         TEXT    NOT NULL DEFAULT ''
))"),
    QStringLiteral("INSERT INTO markers_v8 (id, recording_id, offset_s, kind, site_id, text) "
                   "SELECT id, recording_id, offset_s, kind, site_id, text FROM markers"),
    QStringLiteral("DROP TABLE markers"),
    QStringLiteral("ALTER TABLE markers_v8 RENAME TO markers"),
    QStringLiteral("CREATE INDEX markers_recording ON markers(recording_id, offset_s)"),
};

// Version 9: the event log searched by action (the library's archive and clip history, the
// exports cut off at start) without reading the whole log.
const QStringList kSchemaV9 = {
    QStringLiteral("CREATE INDEX events_action ON events(action, at_ms)"),
};

constexpr int kBusyTimeoutMs = 5000;

QString nextConnectionName() {
    static std::atomic<quint64> counter{0};
    return QStringLiteral("hntt-store-%1").arg(++counter);
}

} // namespace

const QList<Database::Migration>& Database::migrations() {
    static const QList<Migration> all = {
        {1, QStringLiteral(QT_TRANSLATE_NOOP("Database", "sites, meetings, events, recordings, markers")),
         kSchemaV1},
        {2, QStringLiteral(QT_TRANSLATE_NOOP("Database", "cancelled meetings kept, room index")), kSchemaV2},
        {3, QStringLiteral(QT_TRANSLATE_NOOP("Database", "one recording at a time")), kSchemaV3},
        {4, QStringLiteral(QT_TRANSLATE_NOOP("Database", "SIP addresses of sites")), kSchemaV4},
        {5, QStringLiteral(QT_TRANSLATE_NOOP("Database", "join links of browser sites")), kSchemaV5},
        {6, QStringLiteral(QT_TRANSLATE_NOOP("Database", "event log by site")), kSchemaV6},
        {7, QStringLiteral(QT_TRANSLATE_NOOP("Database", "trash for recordings")), kSchemaV7},
        {8, QStringLiteral(QT_TRANSLATE_NOOP("Database", "takes on the timeline")), kSchemaV8},
        {9, QStringLiteral(QT_TRANSLATE_NOOP("Database", "event log by action")), kSchemaV9},
    };
    return all;
}

int Database::latestVersion() {
    return static_cast<int>(migrations().size());
}

Database::Database(Key, QString path, QString name)
    : path_(std::move(path))
    , name_(std::move(name)) {}

Database::~Database() {
    if (db_.isValid())
        db_.close();
    // The handle must be released before removeDatabase(), or Qt warns that it is still in use.
    db_ = QSqlDatabase();
    QSqlDatabase::removeDatabase(name_);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path) {
    return open(path, migrations());
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const QList<Migration>& migrations) {
    if (path.isEmpty())
        return Error{Error::Code::Invalid, tr("No database file was given.")};
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{Error::Code::Storage,
                     tr("Cannot create the folder %1 for the database.").arg(info.absolutePath())};

    auto db = std::make_unique<Database>(Key{}, info.absoluteFilePath(), nextConnectionName());
    db->db_ = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->name_);
    if (!db->db_.isValid())
        return Error{Error::Code::Storage, tr("The SQLite driver of Qt (QSQLITE) is not installed.")};
    db->db_.setDatabaseName(db->path_);
    if (!db->db_.open())
        return Error{Error::Code::Storage,
                     tr("Cannot open the database %1: %2").arg(db->path_, db->db_.lastError().text())};
    if (Status s = db->configure(static_cast<int>(migrations.size())); !s)
        return s.error();
    if (Status s = db->migrate(migrations); !s)
        return s.error();
    return db;
}

Status Database::configure(int knownVersion) {
    QSqlQuery q(db_);
    // Wait for another connection's write lock instead of failing at once.
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs)))
        return errorFor(q, tr("setting the busy timeout"));
    // Read the version before anything writes to the file: a file from a newer release is refused
    // untouched. This is also the first real read, where a file that is not SQLite shows itself.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error{Error::Code::Storage,
                     tr("%1 is not a database of the console: %2").arg(path_, q.lastError().text())};
    version_ = q.value(0).toInt();
    q.finish();
    if (version_ > knownVersion)
        return Error{Error::Code::Storage,
                     tr("The database %1 has schema version %2, newer than this version of the "
                        "console knows (%3). Use a newer console or another data folder.")
                         .arg(path_, QString::number(version_), QString::number(knownVersion))};
    // WAL: readers (the UI, the API) never block the writer, and a crash cannot tear a commit.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return errorFor(q, tr("switching to write-ahead logging"));
    const QString mode = q.value(0).toString().toLower();
    q.finish();
    if (mode != QLatin1String("wal") && mode != QLatin1String("memory"))
        return Error{
            Error::Code::Storage,
            tr("The database %1 cannot use write-ahead logging (journal mode: %2).").arg(path_, mode)};
    // SQLite leaves foreign keys off unless asked, per connection; check it took effect.
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return errorFor(q, tr("enabling foreign keys"));
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys")) || !q.next() || q.value(0).toInt() != 1)
        return Error{Error::Code::Storage, tr("This SQLite library does not enforce foreign keys.")};
    q.finish();
    // With WAL, NORMAL keeps every commit atomic and durable across an application crash.
    if (!q.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return errorFor(q, tr("setting the synchronous mode"));
    return {};
}

Status Database::migrate(const QList<Migration>& migrations) {
    const int known = static_cast<int>(migrations.size());
    for (int i = 0; i < known; ++i)
        if (migrations[i].version != i + 1)
            return Error{Error::Code::Storage,
                         tr("The schema history is broken: step %1 has version %2.")
                             .arg(QString::number(i + 1), QString::number(migrations[i].version))};
    for (const Migration& m : migrations) {
        if (m.version <= version_)
            continue;
        if (Status s = runMigration(m); !s)
            return s;
    }
    return {};
}

Status Database::runMigration(const Migration& m) {
    const int from = version_;
    const auto failed = [&](const QString& reason) {
        return Error{Error::Code::Storage,
                     tr("Could not upgrade the database %1 to schema version %2 (%3): %4. "
                        "Nothing was changed; it stays at version %5.")
                         .arg(path_, QString::number(m.version), tr(m.description.toUtf8().constData()),
                              reason, QString::number(from))};
    };
    Transaction tx(*this);
    if (!tx.started())
        return failed(tx.error().message);
    QSqlQuery q(db_);
    // Another process may have migrated while this one waited for the write lock.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return failed(q.lastError().text());
    const int current = q.value(0).toInt();
    q.finish();
    if (current >= m.version) {
        version_ = current;
        return {};
    }
    for (const QString& sql : m.statements) {
        if (!q.exec(sql))
            return failed(q.lastError().text());
        q.finish();
    }
    // A migration that moves rows around must leave every reference intact.
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return failed(q.lastError().text());
    if (q.next())
        return failed(tr("a foreign key of table %1 points nowhere").arg(q.value(0).toString()));
    q.finish();
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version)))
        return failed(q.lastError().text());
    if (Status s = tx.commit(); !s)
        return failed(s.error().message);
    version_ = m.version;
    return {};
}

Status Database::exec(const QString& sql) {
    QSqlQuery q(db_);
    if (!q.exec(sql))
        return errorFor(q, sql);
    return {};
}

Status Database::exec(QSqlQuery& query, const QString& what) {
    if (!query.exec())
        return errorFor(query, what);
    return {};
}

Error Database::errorFor(const QSqlQuery& query, const QString& what) {
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    // Constraint failures are the caller's data breaking a rule the repositories did not catch
    // first; anything else is the file or the disk.
    const bool constraint = text.contains(QLatin1String("constraint failed"), Qt::CaseInsensitive);
    Error err;
    err.code = constraint ? Error::Code::Invalid : Error::Code::Storage;
    err.message = what.isEmpty() ? tr("Database error: %1").arg(text)
                                 : tr("Database error while %1: %2").arg(what, text);
    return err;
}

Database::Transaction::Transaction(Database& db)
    : db_(db)
    , depth_(db.transactionDepth_ + 1) {
    const QString sql =
        depth_ == 1 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT hntt_sp%1").arg(depth_);
    QSqlQuery q(db_.db_);
    if (!q.exec(sql)) {
        error_ = errorFor(q, Database::tr("starting a transaction"));
        return;
    }
    started_ = true;
    db_.transactionDepth_ = depth_;
}

Database::Transaction::~Transaction() {
    if (!started_ || done_)
        return;
    QSqlQuery q(db_.db_);
    if (depth_ == 1) {
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        // ROLLBACK TO keeps the savepoint open; RELEASE then removes it.
        q.exec(QStringLiteral("ROLLBACK TO hntt_sp%1").arg(depth_));
        q.exec(QStringLiteral("RELEASE hntt_sp%1").arg(depth_));
    }
    db_.transactionDepth_ = depth_ - 1;
}

Status Database::Transaction::commit() {
    if (!started_)
        return error_;
    if (done_)
        return {};
    QSqlQuery q(db_.db_);
    const QString sql =
        depth_ == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE hntt_sp%1").arg(depth_);
    if (!q.exec(sql)) {
        // A deferred foreign key that fails at COMMIT leaves the transaction open: undo it here.
        Error err = errorFor(q, Database::tr("committing"));
        q.exec(depth_ == 1 ? QStringLiteral("ROLLBACK")
                           : QStringLiteral("ROLLBACK TO hntt_sp%1").arg(depth_));
        if (depth_ > 1)
            q.exec(QStringLiteral("RELEASE hntt_sp%1").arg(depth_));
        done_ = true;
        db_.transactionDepth_ = depth_ - 1;
        return err;
    }
    done_ = true;
    db_.transactionDepth_ = depth_ - 1;
    return {};
}

QString Database::nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString Database::toIsoText(const QDateTime& t) {
    if (!t.isValid())
        return {};
    // Keep the offset the time was given in (Vietnam: +07:00), so it reads back as entered.
    const QDateTime fixed = t.toOffsetFromUtc(t.offsetFromUtc());
    return fixed.toString(fixed.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

QDateTime Database::fromIsoText(const QString& text) {
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QDateTime clockNow(const Clock& clock) {
    return clock ? clock() : QDateTime::currentDateTime();
}

QString csvRecord(const QStringList& fields) {
    QStringList out;
    out.reserve(fields.size());
    for (const QString& f : fields) {
        const bool quote = f.contains(QLatin1Char(',')) || f.contains(QChar(0x22)) ||
                           f.contains(QLatin1Char('\r')) || f.contains(QLatin1Char('\n'));
        if (!quote) {
            out << f;
            continue;
        }
        const QString quote2(2, QChar(0x22));
        QString q = f;
        q.replace(QChar(0x22), quote2);
        out << QChar(0x22) + q + QChar(0x22);
    }
    return out.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

} // namespace hntt::core
