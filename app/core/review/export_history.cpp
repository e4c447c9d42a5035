#include "core/review/export_history.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <algorithm>
#include <utility>

namespace hntt::core {

namespace {

const QStringList kEnds = {QStringLiteral("done"), QStringLiteral("failed"), QStringLiteral("cancelled"),
                           QStringLiteral("interrupted")};

QStringList actionsOf(const QStringList& kinds, bool withStart) {
    QStringList out;
    for (const QString& kind : kinds) {
        if (withStart)
            out << kind + QStringLiteral(".start");
        for (const QString& end : kEnds)
            out << kind + QLatin1Char('.') + end;
    }
    return out;
}

} // namespace

const QStringList& ExportHistory::kinds() {
    static const QStringList all = {QStringLiteral("archive"), QStringLiteral("clip")};
    return all;
}

Result<QList<EventRecord>> ExportHistory::unfinished(const EventLog& log) {
    EventQuery query;
    query.actions = actionsOf(kinds(), true);
    query.oldestFirst = true;
    query.limit = 0;
    auto events = log.query(query);
    if (!events)
        return events.error();
    // Starts already marked cut off (an "interrupted" names its start's event id).
    QSet<qint64> marked;
    for (const EventRecord& e : events.value())
        if (e.action.endsWith(QLatin1String(".interrupted")))
            marked.insert(e.detail.value(QStringLiteral("start_event")).toInteger());
    QList<EventRecord> cut;
    QMap<std::pair<QString, qint64>, EventRecord> open; // by kind and job id
    for (const EventRecord& e : events.value()) {
        const QString what = e.action.section(QLatin1Char('.'), 1);
        if (what == QLatin1String("interrupted"))
            continue;
        const std::pair<QString, qint64> key{e.action.section(QLatin1Char('.'), 0, 0),
                                             e.detail.value(QStringLiteral("job_id")).toInteger()};
        if (what == QLatin1String("start")) {
            if (const auto it = open.constFind(key); it != open.cend())
                cut << it.value(); // its job id started again (another run) before it ended
            open.insert(key, e);
        } else {
            open.remove(key);
        }
    }
    cut << open.values();
    QList<EventRecord> out;
    for (const EventRecord& e : std::as_const(cut))
        if (!marked.contains(e.id))
            out << e;
    std::sort(out.begin(), out.end(), [](const EventRecord& a, const EventRecord& b) { return a.id < b.id; });
    return out;
}

Result<QHash<qint64, ArchiveHistory>> ExportHistory::archives(const EventLog& log) {
    EventQuery query;
    query.actions = actionsOf({QStringLiteral("archive")}, false);
    query.oldestFirst = true;
    query.limit = 0;
    auto events = log.query(query);
    if (!events)
        return events.error();
    QHash<qint64, ArchiveHistory> out;
    for (const EventRecord& e : events.value()) {
        bool ok = false;
        const qint64 recording = e.subject.toLongLong(&ok);
        if (!ok)
            continue;
        ArchiveHistory& h = out[recording];
        h.lastOutcome = e.action.section(QLatin1Char('.'), 1);
        h.lastOutcomeAt = e.at;
        if (h.lastOutcome == QLatin1String("done")) {
            ++h.made;
            h.lastMadeAt = e.at;
            h.lastPath =
                e.detail.value(QStringLiteral("result")).toObject().value(QStringLiteral("path")).toString();
        }
    }
    return out;
}

} // namespace hntt::core
