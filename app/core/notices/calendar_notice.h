// A meeting notice as a calendar entry: an iCalendar object (RFC 5545) with one event, which every
// calendar program imports. One per meeting and site: its UID stays the same through changes, so
// a notice made again after a change (SEQUENCE one higher) or a cancellation (STATUS:CANCELLED)
// replaces the entry the site imported before instead of adding a second one.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace hntt::core {

struct CalendarNotice {
    QString uid;      // stable for the meeting and the site, e.g. "meeting-12-site-34@…"
    int sequence = 0; // 0 for the first notice, one more for each change announced
    QDateTime stamp;  // when this notice was made
    QDateTime start;  // the meeting's
    QDateTime end;
    QString timeZone;    // IANA id the times are written in ("Asia/Ho_Chi_Minh")
    QString summary;     // the subject, as the site reads it
    QString location;    // the room
    QString description; // who convenes, what the site does to join
    QString url;         // the site's join link, when it joins from a browser
    bool emergency = false;
    bool cancelled = false;
};

// The notice as an iCalendar file: UTF-8, CRLF line ends, lines folded at 75 octets (never inside
// a character), text escaped. Times are written in `timeZone` with a VTIMEZONE of the offset in
// force (Vietnam's +07:00 since 1975); in UTC for a zone this machine does not know or one whose
// offset changes during the meeting. An emergency meeting has PRIORITY 1.
QByteArray writeCalendar(const CalendarNotice& notice);

} // namespace hntt::core
