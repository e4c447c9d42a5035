// The event log as people read it, for the console's export and an archive's events.csv: who acted
// and what was done in words, sites by name, times in the province's zone, cells a spreadsheet
// does not take for formulas, and a byte-order mark so that it reads the Vietnamese as UTF-8. The
// codes stay in a column of their own; events.json keeps everything as stored.
#pragma once

#include "core/store/event_log.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace hntt::core {

class EventTable {
public:
    // The words are in the document's language where one is written (TextLanguage), else the
    // window's.
    // What an event acted on, by name: a site's (EventLabels::aboutSite) from `siteNames`, else the
    // subject as logged.
    static QString subject(const EventRecord& event, const QHash<qint64, QString>& siteNames);
    // Oldest first or newest first, as given.
    static QByteArray csv(const QList<EventRecord>& events, const QHash<qint64, QString>& siteNames);
    // A cell a spreadsheet shows as text, never runs as a formula.
    static QString spreadsheetText(const QString& text);
};

} // namespace hntt::core
