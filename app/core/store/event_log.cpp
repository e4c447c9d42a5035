#include "core/store/event_log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace hntt::core {

namespace {

EventRecord readEvent(const QSqlQuery& q) {
    EventRecord e;
    e.id = q.value(0).toLongLong();
    e.at = Database::fromIsoText(q.value(1).toString());
    e.actor = q.value(2).toString();
    e.action = q.value(3).toString();
    e.subject = q.value(4).toString();
    e.detail = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    e.reason = q.value(6).toString();
    if (!q.value(7).isNull())
        e.meetingId = q.value(7).toLongLong();
    return e;
}

QString compact(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

EventLog::EventLog(Database& db, Clock clock)
    : db_(db)
    , clock_(std::move(clock)) {}

Result<EventRecord> EventLog::append(EventRecord e) {
    e.actor = e.actor.trimmed();
    e.action = e.action.trimmed();
    if (e.actor.isEmpty())
        return Error{Error::Code::Invalid, tr("An event needs an actor.")};
    if (e.action.isEmpty())
        return Error{Error::Code::Invalid, tr("An event needs an action.")};
    if (!e.at.isValid())
        e.at = clockNow(clock_);
    QSqlQuery q(db_.connection());
    if (e.meetingId) {
        q.prepare(QStringLiteral("SELECT 1 FROM meetings WHERE id = ?"));
        q.addBindValue(*e.meetingId);
        if (!q.exec())
            return Database::errorFor(q, tr("checking meeting %1").arg(*e.meetingId));
        if (!q.next())
            return Error{Error::Code::Invalid, tr("There is no meeting %1.").arg(*e.meetingId)};
        q.finish();
    }
    q.prepare(QStringLiteral("INSERT INTO events (at, at_ms, actor, action, subject, detail_json, reason, "
                             "meeting_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(Database::toIsoText(e.at));
    q.addBindValue(e.at.toMSecsSinceEpoch());
    q.addBindValue(e.actor);
    q.addBindValue(e.action);
    q.addBindValue(e.subject.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(e.subject));
    q.addBindValue(e.detail.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                      : QVariant(compact(e.detail)));
    q.addBindValue(e.reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(e.reason));
    q.addBindValue(e.meetingId ? QVariant(*e.meetingId) : QVariant(QMetaType(QMetaType::LongLong)));
    if (Status s = Database::exec(q, tr("writing to the event log")); !s)
        return s.error();
    e.id = q.lastInsertId().toLongLong();
    // Read back what was stored, so the caller sees exactly what a later query returns.
    e.at = Database::fromIsoText(Database::toIsoText(e.at));
    return e;
}

Result<QList<EventRecord>> EventLog::query(const EventQuery& query) const {
    QStringList conditions;
    QVariantList binds;
    if (query.meetingId) {
        conditions << QStringLiteral("meeting_id = ?");
        binds << *query.meetingId;
    }
    if (query.from.isValid()) {
        conditions << QStringLiteral("at_ms >= ?");
        binds << query.from.toMSecsSinceEpoch();
    }
    if (query.to.isValid()) {
        conditions << QStringLiteral("at_ms < ?");
        binds << query.to.toMSecsSinceEpoch();
    }
    if (query.automatic) {
        conditions << (*query.automatic ? QStringLiteral("actor = 'auto'")
                                        : QStringLiteral("actor <> 'auto'"));
    }
    if (!query.subject.isEmpty()) {
        conditions << QStringLiteral("subject = ?");
        binds << query.subject;
    }
    if (!query.actions.isEmpty()) {
        QStringList marks;
        for (const QString& a : query.actions) {
            marks << QStringLiteral("?");
            binds << a;
        }
        conditions << QStringLiteral("action IN (%1)").arg(marks.join(QLatin1String(", ")));
    }
    QString sql =
        QStringLiteral("SELECT id, at, actor, action, subject, detail_json, reason, meeting_id FROM events");
    if (!conditions.isEmpty())
        sql += QLatin1String(" WHERE ") + conditions.join(QLatin1String(" AND "));
    sql += query.oldestFirst ? QLatin1String(" ORDER BY at_ms, id")
                             : QLatin1String(" ORDER BY at_ms DESC, id DESC");
    if (query.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    QSqlQuery q(db_.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return Database::errorFor(q, tr("reading the event log"));
    QList<EventRecord> out;
    while (q.next())
        out.append(readEvent(q));
    return out;
}

Result<QByteArray> EventLog::exportCsv(const EventQuery& query) const {
    Result<QList<EventRecord>> events = this->query(query);
    if (!events)
        return events.error();
    QString out = csvRecord({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"),
                             QStringLiteral("action"), QStringLiteral("subject"), QStringLiteral("reason"),
                             QStringLiteral("meeting_id"), QStringLiteral("detail")});
    for (const EventRecord& e : std::as_const(*events))
        out += csvRecord({QString::number(e.id), Database::toIsoText(e.at), e.actor, e.action, e.subject,
                          e.reason, e.meetingId ? QString::number(*e.meetingId) : QString(),
                          e.detail.isEmpty() ? QString() : compact(e.detail)});
    return out.toUtf8();
}

Result<QByteArray> EventLog::exportJson(const EventQuery& query) const {
    Result<QList<EventRecord>> events = this->query(query);
    if (!events)
        return events.error();
    QJsonArray array;
    for (const EventRecord& e : std::as_const(*events))
        array.append(toJson(e));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

EventDetail EventLog::detailOf(const EventRecord& e) {
    EventDetail d;
    if (const QJsonValue muted = e.detail.value(QStringLiteral("muted")); muted.isBool())
        d.muted = muted.toBool();
    if (const QJsonValue gain = e.detail.value(QStringLiteral("gain_db")); gain.isDouble())
        d.gainDb = gain.toDouble();
    if (!e.detail.isEmpty())
        d.text = compact(e.detail);
    return d;
}

QJsonObject EventLog::toJson(const EventRecord& e) {
    const auto textOrNull = [](const QString& s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("at"), Database::toIsoText(e.at));
    o.insert(QStringLiteral("actor"), e.actor);
    o.insert(QStringLiteral("action"), e.action);
    o.insert(QStringLiteral("subject"), textOrNull(e.subject));
    o.insert(QStringLiteral("detail"), e.detail);
    o.insert(QStringLiteral("reason"), textOrNull(e.reason));
    o.insert(QStringLiteral("meeting_id"),
             e.meetingId ? QJsonValue(*e.meetingId) : QJsonValue(QJsonValue::Null));
    return o;
}

} // namespace hntt::core
