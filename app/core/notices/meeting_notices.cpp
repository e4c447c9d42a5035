#include "core/notices/meeting_notices.h"

#include "core/province_time.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "core/text_language.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

namespace hntt::core {

namespace {

// How the site joins, in one sentence: the centre calls its room system, it sends its stream, or it
// opens its own link in a browser (any site can; a site with neither has only that).
QString joinInstructions(Session& session, const SiteRecord& site, QString* link) {
    if (!site.sipUri.isEmpty())
        return translate("MeetingNotice",
                         "The control centre calls your room system (%1) when the meeting starts; keep it "
                         "switched on and free.")
            .arg(site.sipUri);
    if (!site.sourceUrl.isEmpty())
        return translate("MeetingNotice",
                         "Send your picture and sound to the control centre as set up for your site; the "
                         "meeting comes back to you on your return feed.");
    if (auto url = session.joinLink(site.id)) {
        *link = url.value();
        return translate("MeetingNotice",
                         "Open %1 in Chrome or Firefox on the hall's computer, allow the camera and the "
                         "microphone, and press “Join the meeting”.")
            .arg(url.value());
    }
    return translate("MeetingNotice", "Ask the control centre for your site's join link.");
}

SiteNotice noticeFor(Session& session, const MeetingRecord& meeting, const QString& hostName,
                     const SiteRecord& site) {
    const QString zoneId = session.settings().timeZone();
    const QTimeZone zone(zoneId.toUtf8());
    const auto local = [&zone](const QDateTime& t) {
        return zone.isValid() ? t.toTimeZone(zone) : inProvinceTime(t);
    };
    const QDateTime start = local(meeting.startsAt), end = local(meeting.endsAt);
    const QLocale words(TextLanguage::current() == QLatin1String("en") ? QLocale::English
                                                                       : QLocale::Vietnamese);

    SiteNotice n;
    n.siteId = site.id;
    n.siteName = site.name;
    CalendarNotice& c = n.calendar;
    c.uid = QStringLiteral("meeting-%1-site-%2@hntt-console").arg(meeting.id).arg(site.id);
    // Bookings are not edited, only cancelled: the cancellation is the one change announced.
    c.sequence = meeting.cancelled() ? 1 : 0;
    c.stamp = QDateTime::currentDateTimeUtc();
    c.start = meeting.startsAt;
    c.end = meeting.endsAt;
    c.timeZone = zoneId;
    c.location = meeting.room;
    c.emergency = meeting.emergency;
    c.cancelled = meeting.cancelled();

    QString summary = meeting.title;
    if (meeting.emergency)
        summary.prepend(translate("MeetingNotice", "[URGENT] "));
    if (meeting.cancelled())
        summary.prepend(translate("MeetingNotice", "[CANCELLED] "));
    c.summary = summary;

    QStringList lines;
    if (meeting.cancelled())
        lines
            << (meeting.cancelReason.isEmpty()
                    ? translate("MeetingNotice", "This meeting is cancelled.")
                    : translate("MeetingNotice", "This meeting is cancelled: %1").arg(meeting.cancelReason));
    if (meeting.emergency)
        lines << translate("MeetingNotice", "This is an emergency meeting.");
    lines << translate("MeetingNotice", "Convened by: %1").arg(hostName);
    lines << translate("MeetingNotice", "Subject: %1").arg(meeting.title);
    lines << translate("MeetingNotice", "Time: %1 to %2, %3 (%4)")
                 .arg(start.toString(QStringLiteral("HH:mm")), end.toString(QStringLiteral("HH:mm")),
                      words.toString(start.date(), QStringLiteral("dddd dd/MM/yyyy")),
                      zone.isValid() ? QStringLiteral("UTC%1, %2")
                                           .arg(zone.displayName(start, QTimeZone::OffsetName).mid(3), zoneId)
                                     : provinceTimeZoneLabel());
    lines << translate("MeetingNotice", "Room: %1").arg(meeting.room);
    lines << translate("MeetingNotice", "Site: %1").arg(site.name);
    if (!meeting.cancelled()) {
        QString link;
        lines << translate("MeetingNotice", "How to join: %1").arg(joinInstructions(session, site, &link));
        lines << translate("MeetingNotice",
                           "Please connect and check your picture and sound 30 minutes before the start.");
        c.url = link;
    }
    c.description = lines.join(QLatin1Char('\n'));
    return n;
}

// The meeting's sites, host first, each once.
QList<qint64> participants(const MeetingRecord& meeting) {
    QList<qint64> ids;
    if (meeting.hostSiteId)
        ids << meeting.hostSiteId;
    for (qint64 id : meeting.siteIds)
        if (!ids.contains(id))
            ids << id;
    return ids;
}

QString hostName(Session& session, const MeetingRecord& meeting) {
    if (auto host = session.directory().get(meeting.hostSiteId))
        return host->name;
    return {};
}

} // namespace

Result<QList<SiteNotice>> meetingNotices(Session& session, qint64 meetingId, const QString& language) {
    auto meeting = session.meetings().get(meetingId);
    if (!meeting)
        return meeting.error();
    const TextLanguage::Scope scope(language);
    const QString host = hostName(session, meeting.value());
    QList<SiteNotice> out;
    for (qint64 id : participants(meeting.value())) {
        auto site = session.directory().get(id);
        if (!site)
            continue; // a site deleted since the booking has no one to send a notice to
        out << noticeFor(session, meeting.value(), host, site.value());
    }
    return out;
}

Result<SiteNotice> meetingNotice(Session& session, qint64 meetingId, qint64 siteId, const QString& language) {
    // Refusals in the window's language, as every other; the notice in its own.
    auto meeting = session.meetings().get(meetingId);
    if (!meeting)
        return meeting.error();
    if (!participants(meeting.value()).contains(siteId))
        return Error{Error::Code::NotFound,
                     translate("MeetingNotice", "Site %1 does not take part in meeting %2.")
                         .arg(siteId)
                         .arg(meetingId)};
    auto site = session.directory().get(siteId);
    if (!site)
        return site.error();
    const TextLanguage::Scope scope(language);
    return noticeFor(session, meeting.value(), hostName(session, meeting.value()), site.value());
}

} // namespace hntt::core
