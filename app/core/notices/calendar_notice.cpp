#include "core/notices/calendar_notice.h"

#include <QTimeZone>
#include <algorithm>
#include <cstdlib>
#include <optional>

namespace hntt::core {

namespace {

constexpr int kMaxLineOctets = 75;

// TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped.
QString escapeText(const QString& text) {
    QString out;
    out.reserve(text.size() + 8);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') || c == QLatin1Char(';') || c == QLatin1Char(','))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\r')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            out += QStringLiteral("\\n");
        } else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c.category() == QChar::Other_Control)
            out += QLatin1Char(' '); // no other control character may appear in a value
        else
            out += c;
    }
    return out;
}

// A URI value is written as it is: one with a space or a control character (a line break would
// start a property of its own) is left out.
bool isPlainUri(const QString& uri) {
    if (uri.isEmpty())
        return false;
    for (const QChar c : uri)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    return true;
}

// One content line, folded: a line longer than 75 octets goes on after CRLF and a space, and a
// UTF-8 sequence is never split.
void addLine(QByteArray& out, const QString& line) {
    const QByteArray bytes = line.toUtf8();
    int taken = 0;
    int room = kMaxLineOctets;
    while (bytes.size() - taken > room) {
        int cut = taken + room;
        while (cut > taken && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80)
            --cut; // back to the first byte of the character
        out += bytes.mid(taken, cut - taken);
        out += "\r\n ";
        taken = cut;
        room = kMaxLineOctets - 1; // the leading space counts
    }
    out += bytes.mid(taken);
    out += "\r\n";
}

QString utcStamp(const QDateTime& t) {
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QString offsetText(int seconds) {
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("%1%2%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// How the zone stood over the meeting: the offset in force (and the one before it, with the moment
// it came in), for a VTIMEZONE of one component. None when the zone is unknown or its offset
// changes during the meeting: such times are written in UTC.
struct ZoneRule {
    QTimeZone zone;
    QString onset; // local time (by `from`) the offset came in; 1970 when it never changed
    int from = 0;
    int to = 0;
    bool daylight = false;
    QString name;
};

std::optional<ZoneRule> zoneRule(const QString& id, const QDateTime& start, const QDateTime& end) {
    if (id.isEmpty() || !start.isValid())
        return std::nullopt;
    const QTimeZone zone(id.toUtf8());
    if (!zone.isValid())
        return std::nullopt;
    if (end.isValid() && end > start && !zone.transitions(start, end).isEmpty())
        return std::nullopt;
    ZoneRule r;
    r.zone = zone;
    r.to = zone.offsetFromUtc(start);
    r.from = r.to;
    r.onset = QStringLiteral("19700101T000000");
    const QTimeZone::OffsetData last = zone.previousTransition(start);
    if (last.atUtc.isValid()) {
        r.from = zone.offsetFromUtc(last.atUtc.addSecs(-1));
        r.onset = last.atUtc.toOffsetFromUtc(r.from).toString(QStringLiteral("yyyyMMdd'T'HHmmss"));
    }
    r.daylight = zone.isDaylightTime(start);
    r.name = zone.abbreviation(start);
    return r;
}

} // namespace

QByteArray writeCalendar(const CalendarNotice& n) {
    const std::optional<ZoneRule> rule = zoneRule(n.timeZone, n.start, n.end);
    auto when = [&rule](const QString& name, const QDateTime& t) {
        if (!rule)
            return name + QLatin1Char(':') + utcStamp(t);
        return name + QStringLiteral(";TZID=") + QString::fromUtf8(rule->zone.id()) + QLatin1Char(':') +
               t.toTimeZone(rule->zone).toString(QStringLiteral("yyyyMMdd'T'HHmmss"));
    };

    QByteArray out;
    addLine(out, QStringLiteral("BEGIN:VCALENDAR"));
    addLine(out, QStringLiteral("VERSION:2.0"));
    addLine(out, QStringLiteral("PRODID:-//HNTT Console//Meeting notices//VI"));
    addLine(out, QStringLiteral("CALSCALE:GREGORIAN"));
    addLine(out, QStringLiteral("METHOD:PUBLISH"));
    if (rule) {
        const QString part = rule->daylight ? QStringLiteral("DAYLIGHT") : QStringLiteral("STANDARD");
        addLine(out, QStringLiteral("BEGIN:VTIMEZONE"));
        addLine(out, QStringLiteral("TZID:") + QString::fromUtf8(rule->zone.id()));
        addLine(out, QStringLiteral("BEGIN:") + part);
        addLine(out, QStringLiteral("DTSTART:") + rule->onset);
        addLine(out, QStringLiteral("TZOFFSETFROM:") + offsetText(rule->from));
        addLine(out, QStringLiteral("TZOFFSETTO:") + offsetText(rule->to));
        if (!rule->name.isEmpty())
            addLine(out, QStringLiteral("TZNAME:") + escapeText(rule->name));
        addLine(out, QStringLiteral("END:") + part);
        addLine(out, QStringLiteral("END:VTIMEZONE"));
    }
    addLine(out, QStringLiteral("BEGIN:VEVENT"));
    addLine(out, QStringLiteral("UID:") + escapeText(n.uid));
    addLine(out, QStringLiteral("DTSTAMP:") + utcStamp(n.stamp));
    addLine(out, QStringLiteral("SEQUENCE:%1").arg(std::max(0, n.sequence)));
    addLine(out, when(QStringLiteral("DTSTART"), n.start));
    addLine(out, when(QStringLiteral("DTEND"), n.end));
    addLine(out, QStringLiteral("SUMMARY:") + escapeText(n.summary));
    if (!n.location.isEmpty())
        addLine(out, QStringLiteral("LOCATION:") + escapeText(n.location));
    if (!n.description.isEmpty())
        addLine(out, QStringLiteral("DESCRIPTION:") + escapeText(n.description));
    if (isPlainUri(n.url))
        addLine(out, QStringLiteral("URL:") + n.url);
    addLine(out, QStringLiteral("STATUS:") +
                     (n.cancelled ? QStringLiteral("CANCELLED") : QStringLiteral("CONFIRMED")));
    if (n.emergency)
        addLine(out, QStringLiteral("PRIORITY:1"));
    addLine(out, QStringLiteral("TRANSP:OPAQUE"));
    addLine(out, QStringLiteral("END:VEVENT"));
    addLine(out, QStringLiteral("END:VCALENDAR"));
    return out;
}

} // namespace hntt::core
