#include "core/archive/attendance.h"

#include <QHash>
#include <algorithm>

namespace hntt::core::archive {

namespace {

struct SiteTimeline {
    bool present = false;
    double since = 0; // when the current presence or absence began
    bool everJoined = false;
};

} // namespace

Attendance computeAttendance(const ArchiveMaterial& material, const QList<IsolatedTrack>& tracks) {
    const RecordingRecord& rec = material.recording;
    Attendance a;
    a.durationS = rec.durationS.value_or(
        rec.stoppedAt.isValid() ? static_cast<double>(rec.startedAt.msecsTo(rec.stoppedAt)) / 1000.0 : 0);
    QList<MarkerRecord> markers = rec.markers;
    std::stable_sort(markers.begin(), markers.end(),
                     [](const MarkerRecord& x, const MarkerRecord& y) { return x.offsetS < y.offsetS; });
    for (const MarkerRecord& m : markers)
        a.durationS = std::max(a.durationS, m.offsetS);

    // Which sites are listed, in which order.
    QList<qint64> order;
    QHash<qint64, QString> recordedNames;
    if (material.meeting) {
        order = material.expectedSiteIds;
    } else {
        for (const IsolatedTrack& t : tracks)
            if (t.siteId && !order.contains(*t.siteId))
                order.append(*t.siteId);
    }
    for (const IsolatedTrack& t : tracks)
        if (t.siteId && !t.title.isEmpty())
            recordedNames.insert(*t.siteId, t.title);
    const qsizetype expectedCount = order.size();
    for (const MarkerRecord& m : markers)
        if (m.siteId && m.kind == MarkerKind::Join && !order.contains(*m.siteId))
            order.append(*m.siteId);
    for (const MarkerRecord& m : markers)
        if (m.siteId && (m.kind == MarkerKind::Floor || m.kind == MarkerKind::Mute) && !m.text.isEmpty())
            recordedNames.insert(*m.siteId, m.text);

    QHash<qint64, AttendanceRow> rows;
    QHash<qint64, SiteTimeline> lines;
    for (qsizetype i = 0; i < order.size(); ++i) {
        const qint64 id = order[i];
        AttendanceRow r;
        r.siteId = id;
        r.expected = i < expectedCount;
        if (const auto it = material.sites.constFind(id); it != material.sites.cend()) {
            r.name = it->name;
            r.level = it->level;
        } else {
            r.name = recordedNames.value(id);
        }
        rows.insert(id, r);
        lines.insert(id, SiteTimeline{});
    }

    // Presence and link losses.
    std::optional<qint64> speaker;
    double speakerSince = 0;
    auto endSpeaking = [&](double at) {
        if (speaker && rows.contains(*speaker))
            rows[*speaker].speakingS += std::max(0.0, at - speakerSince);
        speaker.reset();
    };
    for (const MarkerRecord& m : markers) {
        const double at = std::clamp(m.offsetS, 0.0, a.durationS);
        if (m.kind == MarkerKind::Speaker) {
            endSpeaking(at);
            speaker = m.siteId;
            speakerSince = at;
            continue;
        }
        if (!m.siteId || !rows.contains(*m.siteId))
            continue;
        AttendanceRow& r = rows[*m.siteId];
        SiteTimeline& line = lines[*m.siteId];
        if (m.kind == MarkerKind::Join && !line.present) {
            if (!line.everJoined) {
                r.joined = true;
                r.joinedAtS = at;
            } else {
                ++r.losses; // it came back: the link dropped, the site did not leave
                r.lostS += at - line.since;
            }
            line.present = true;
            line.everJoined = true;
            line.since = at;
        } else if (m.kind == MarkerKind::Leave && line.present) {
            r.presentS += at - line.since;
            line.present = false;
            line.since = at;
            if (speaker == *m.siteId)
                endSpeaking(at);
        } else if (m.kind == MarkerKind::Mute && speaker == *m.siteId) {
            endSpeaking(at);
        }
    }
    endSpeaking(a.durationS);

    for (qint64 id : order) {
        AttendanceRow& r = rows[id];
        const SiteTimeline& line = lines[id];
        if (line.present) {
            r.presentS += a.durationS - line.since;
        } else if (line.everJoined) {
            r.leftAtS = line.since;
        }
        if (!r.joined)
            r.quality = LinkQuality::Unknown;
        else if (r.losses == 0)
            r.quality = LinkQuality::Good;
        else if (r.losses >= 3 || r.lostS >= 0.1 * (r.presentS + r.lostS)) // a tenth of its time
            r.quality = LinkQuality::Poor;
        else
            r.quality = LinkQuality::Unstable;
        a.rows.append(r);
        if (r.expected) {
            ++a.expected;
            r.joined ? ++a.present : ++a.absent;
        } else {
            ++a.unlisted;
        }
    }
    return a;
}

} // namespace hntt::core::archive
