#include "core/event_table.h"

#include "core/engine_reason.h"
#include "core/event_labels.h"
#include "core/province_time.h"
#include "core/store/database.h"
#include "core/text_language.h"

namespace hntt::core {

QString EventTable::subject(const EventRecord& e, const QHash<qint64, QString>& siteNames) {
    bool isId = false;
    const qint64 siteId = e.subject.toLongLong(&isId);
    return isId && EventLabels::aboutSite(e.action) ? siteNames.value(siteId, e.subject) : e.subject;
}

QString EventTable::spreadsheetText(const QString& text) {
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    return !text.isEmpty() && formulaStarts.contains(text.front()) ? QLatin1Char('\'') + text : text;
}

QByteArray EventTable::csv(const QList<EventRecord>& events, const QHash<qint64, QString>& siteNames) {
    // The zone without its name: "UTC+07:00", no comma to quote in a header.
    QString out = csvRecord(
        {translate("EventTable", "Time (%1)").arg(provinceTimeZoneLabel().section(QLatin1Char(','), 0, 0)),
         translate("EventTable", "By"), translate("EventTable", "Action"), translate("EventTable", "Subject"),
         translate("EventTable", "Reason"), translate("EventTable", "Code"),
         translate("EventTable", "Detail")});
    for (const EventRecord& e : events) {
        const EventDetail detail = EventLog::detailOf(e);
        out += csvRecord(
            {inProvinceTime(e.at).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")),
             spreadsheetText(EventLabels::actor(e.actor)),
             spreadsheetText(EventLabels::action(e.action, detail)), spreadsheetText(subject(e, siteNames)),
             spreadsheetText(EngineReason::text(e.reason)), e.action, spreadsheetText(detail.text)});
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace hntt::core
