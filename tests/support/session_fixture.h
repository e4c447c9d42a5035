// A real session for the panel and session suites: a small canvas without the multiview, so that
// the engine costs little, in a folder of the test's own; and screenshots of the panels.
#pragma once

#include "core/session/session.h"

#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QString>
#include <QWidget>
#include <optional>

namespace hntt::test {

inline core::SessionOptions smallSession(const QString& dataDir) {
    core::SessionOptions o;
    o.dataDir = dataDir;
    o.width = 320;
    o.height = 180;
    o.multiview = false;
    return o;
}

// A site of that level with that source; 0 when the session refused it.
inline qint64 addSite(core::Session& session, const QString& name, core::SiteLevel level, const QString& url,
                      std::optional<qint64> parent = std::nullopt) {
    core::SiteRecord s;
    s.name = name;
    s.level = level;
    s.sourceUrl = url;
    s.parentId = parent;
    auto created = session.createSite(s, QStringLiteral("ui"));
    return created ? created->id : 0;
}

// A province → districts emergency meeting (no 3-day warning) that runs from now for an hour.
inline qint64 scheduleToday(core::Session& session, const QString& title, qint64 host,
                            const QList<qint64>& sites,
                            const QString& room = QStringLiteral("Phòng họp trực tuyến")) {
    core::MeetingRecord m;
    m.title = title;
    m.kind = core::MeetingKind::ProvinceDistricts;
    m.room = room;
    m.hostSiteId = host;
    m.siteIds = sites;
    m.startsAt = QDateTime::currentDateTime();
    m.endsAt = m.startsAt.addSecs(3600);
    m.emergency = true;
    auto booked = session.scheduleMeeting(m, QStringLiteral("ui"));
    return booked ? booked->meeting.id : 0;
}

// The newest logged action of that name, or an empty record.
inline core::EventRecord lastLogged(core::Session& session, const QString& action) {
    if (auto events = session.eventLog().query())
        for (const core::EventRecord& e : events.value())
            if (e.action == action)
                return e;
    return {};
}

// Whether the engine's site status reached `status` ("connected", "lost", …).
inline QString siteStatus(core::Session& session, qint64 id) {
    auto s = session.site(id);
    return s ? core::stateName(s->state) : QString();
}

// A picture of the widget in the build folder's screenshots/, for people to look at.
inline bool saveScreenshot(QWidget& widget, const QString& name) {
    QDir().mkpath(QStringLiteral(HNTT_BINARY_DIR "/screenshots"));
    return widget.grab().toImage().save(QStringLiteral(HNTT_BINARY_DIR "/screenshots/%1.png").arg(name));
}

} // namespace hntt::test
