// The console's SQLite store: one file, a versioned schema, and the error type its repositories share.
//
// A Database belongs to the thread that opened it (a QSqlDatabase connection may only be used from its
// own thread). Repositories (SiteDirectory, MeetingBook, EventLog, RecordingCatalogue) are small
// classes over it that never throw: every fallible call returns a Result.
#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <variant>

class QSqlQuery;

namespace hntt::core {

// Where the repositories get the current time; tests substitute a fixed one. Empty: the system
// clock in local time (so stored times carry the console's own UTC offset).
using Clock = std::function<QDateTime()>;
QDateTime clockNow(const Clock& clock);

class Database {
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // One step of the schema: run in a single transaction, then PRAGMA user_version = version.
    struct Migration {
        int version = 0;
        QString description;
        QStringList statements;
    };

    // The schema's history, oldest first; versions are 1, 2, … without gaps. Never edit a released
    // migration: add a new one, so that every existing file can be brought forward.
    static const QList<Migration>& migrations();
    static int latestVersion();

    // Opens (creating if missing) the SQLite file at `path` and migrates it to the newest version of
    // `migrations`. A file whose schema is newer than the code is refused, untouched. Tests pass a
    // shortened history to build the files that older releases wrote.
    static Result<std::unique_ptr<Database>> open(const QString& path);
    static Result<std::unique_ptr<Database>> open(const QString& path, const QList<Migration>& migrations);

private:
    // Only open() can make one (the key keeps the constructor usable by std::make_unique).
    struct Key {
        explicit Key() = default;
    };

public:
    Database(Key, QString path, QString name);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QString path() const { return path_; }
    int schemaVersion() const { return version_; }
    QString connectionName() const { return name_; }
    // The connection, for the repositories' queries. Only on the opening thread.
    QSqlDatabase connection() const { return db_; }

    // Runs `sql` (no result rows expected) and turns a failure into an error (see errorFor).
    Status exec(const QString& sql);
    // Executes a prepared query; on failure an error naming `what` and SQLite's reason.
    static Status exec(QSqlQuery& query, const QString& what = {});

    // The error for a failed query: a constraint violation (foreign key, CHECK, NOT NULL, UNIQUE) is
    // Invalid, anything else Storage.
    static Error errorFor(const QSqlQuery& query, const QString& what);

    // All-or-nothing around a group of writes. The outermost one is BEGIN IMMEDIATE (takes the write
    // lock at once, so a check-then-insert cannot race another connection); nested ones are
    // savepoints. Rolls back when destroyed without commit().
    class Transaction {
    public:
        explicit Transaction(Database& db);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

        // False when BEGIN/SAVEPOINT failed; then error() says why and commit() does nothing.
        bool started() const { return started_; }
        const Error& error() const { return error_; }
        Status commit();

    private:
        Database& db_;
        int depth_ = 0;
        bool started_ = false;
        bool done_ = false;
        Error error_;
    };

    // The current time as stored in created_at/updated_at: UTC, ISO 8601, milliseconds.
    static QString nowText();
    // A time as the store keeps it: ISO 8601 with the time's own UTC offset ("+07:00", or "Z").
    static QString toIsoText(const QDateTime& t);
    // Parses what toIsoText() wrote (any ISO 8601; one without an offset is read as local time).
    static QDateTime fromIsoText(const QString& text);

private:
    Status configure(int knownVersion);
    Status migrate(const QList<Migration>& migrations);
    Status runMigration(const Migration& m);

    QString path_;
    QString name_;
    QSqlDatabase db_;
    int version_ = 0;
    int transactionDepth_ = 0;
};

// One CSV record (RFC 4180): fields quoted when they hold a comma, quote, CR or LF; ends with CRLF.
QString csvRecord(const QStringList& fields);

} // namespace hntt::core
