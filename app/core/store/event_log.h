// The audit log: every action on a session, by the operator, an API client or the console itself,
// with its reason. Automatic actions are logged like any other (nothing happens silently).
#pragma once

#include "core/store/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hntt::core {

struct EventRecord {
    qint64 id = 0;   // set by the store
    QDateTime at;    // invalid on append: now
    QString actor;   // "ui", "api:<client>", "auto", …
    QString action;  // e.g. "site.mute", "floor.give", "recording.start"
    QString subject; // what it acted on, e.g. a site id; may be empty
    QJsonObject detail;
    QString reason; // why, above all for automatic actions
    std::optional<qint64> meetingId;

    friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

struct EventQuery {
    std::optional<qint64> meetingId;
    QDateTime from;                // inclusive; invalid: no lower bound
    QDateTime to;                  // exclusive; invalid: no upper bound
    int limit = 500;               // newest first; 0: all
    std::optional<bool> automatic; // true: the console's own actions only; false: people's only
    QString subject;               // only events about this subject (a site id); empty: any
    QStringList actions;           // only these actions; empty: any
    bool oldestFirst = false;      // in the order they were logged (the limit then keeps the oldest)
};

// What a view reads of an event's detail, without JSON: the facts its words depend on, and the
// whole detail as compact text for a tooltip or an export.
struct EventDetail {
    std::optional<bool> muted;    // "site.audio", "site.video"
    std::optional<double> gainDb; // "site.audio"
    QString text;                 // compact JSON; empty when the event has none
};

class EventLog {
    Q_DECLARE_TR_FUNCTIONS(EventLog)

public:
    explicit EventLog(Database& db, Clock clock = {});

    // Invalid when actor or action is empty, or the meeting does not exist.
    Result<EventRecord> append(EventRecord event);
    // Newest first (ties: the later append first).
    Result<QList<EventRecord>> query(const EventQuery& query = {}) const;

    // The events of `query` as CSV (header id,at,actor,action,subject,reason,meeting_id,detail; detail
    // as compact JSON) or as a JSON array of toJson() objects.
    Result<QByteArray> exportCsv(const EventQuery& query = {}) const;
    Result<QByteArray> exportJson(const EventQuery& query = {}) const;

    static QJsonObject toJson(const EventRecord& event);
    static EventDetail detailOf(const EventRecord& event);

private:
    Database& db_;
    Clock clock_;
};

} // namespace hntt::core
