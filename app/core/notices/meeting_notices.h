// The notices of a booked meeting: one per participating site, the host included, each with that
// site's own way to join (its room system called by the centre, its stream, or its browser link),
// as calendar files. In the notice's language, Vietnamese unless asked (the window's language does
// not matter: notices go to the sites), with times in the province's zone.
#pragma once

#include "core/error.h"
#include "core/notices/calendar_notice.h"

#include <QList>
#include <QString>

namespace hntt::core {

class Session;

struct SiteNotice {
    qint64 siteId = 0;
    QString siteName;
    CalendarNotice calendar;
};

// Every site's notice, in the meeting's order of sites (host first). NotFound: no such meeting.
Result<QList<SiteNotice>> meetingNotices(Session& session, qint64 meetingId,
                                         const QString& language = QStringLiteral("vi"));

// One site's notice. NotFound: no such meeting, or the site does not take part in it.
Result<SiteNotice> meetingNotice(Session& session, qint64 meetingId, qint64 siteId,
                                 const QString& language = QStringLiteral("vi"));

} // namespace hntt::core
