#include "core/archive/archive_material.h"

#include <QFileInfo>
#include <algorithm>

namespace hntt::core::archive {

namespace {

struct ArchiveGathering {
    Q_DECLARE_TR_FUNCTIONS(ArchiveGathering)
};

// Events of the recording's own start and stop are logged a moment after the catalogue notes
// the times; they are looked for this long after the stop.
constexpr int kStopGraceSeconds = 60;

} // namespace

Result<ArchiveMaterial> gatherArchiveMaterial(const RecordingCatalogue& recordings,
                                              const MeetingBook& meetings, const SiteDirectory& directory,
                                              const EventLog& events, qint64 recordingId) {
    auto rec = recordings.get(recordingId);
    if (!rec)
        return rec.error();
    if (rec->state == RecordingState::Recording)
        return Error{Error::Code::Conflict,
                     ArchiveGathering::tr("Recording %1 is still running; stop it before archiving it.")
                         .arg(recordingId)};
    if (rec->trashed())
        return Error{Error::Code::Conflict,
                     ArchiveGathering::tr("Recording %1 is in the trash; restore it before archiving it.")
                         .arg(recordingId)};
    if (!QFileInfo(rec->path).isFile())
        return Error{
            Error::Code::Invalid,
            ArchiveGathering::tr("The file of recording %1 is missing: %2").arg(recordingId).arg(rec->path)};
    ArchiveMaterial m;
    m.recording = rec.value();

    if (m.recording.meetingId) {
        auto meeting = meetings.get(*m.recording.meetingId);
        if (!meeting)
            return meeting.error();
        m.meeting = meeting.value();
        m.expectedSiteIds = meeting->siteIds;
        if (meeting->hostSiteId && !m.expectedSiteIds.contains(meeting->hostSiteId))
            m.expectedSiteIds.prepend(meeting->hostSiteId);
    }

    auto all = directory.list();
    if (!all)
        return all.error();
    for (const SiteRecord& s : all.value())
        m.sites.insert(s.id, s);

    const QDateTime stop =
        m.recording.stoppedAt.isValid()
            ? m.recording.stoppedAt
            : m.recording.startedAt.addMSecs(qRound64(m.recording.durationS.value_or(0) * 1000));
    EventQuery q;
    q.from = m.recording.startedAt;
    q.to = stop.addSecs(kStopGraceSeconds);
    q.limit = 0;
    auto found = events.query(q);
    if (!found)
        return found.error();
    const QString self = QString::number(recordingId);
    for (const EventRecord& e : found.value())
        if (e.at <= stop || (e.action.startsWith(QLatin1String("recording.")) && e.subject == self))
            m.events.append(e);
    std::reverse(m.events.begin(), m.events.end()); // the log answers newest first
    return m;
}

} // namespace hntt::core::archive
