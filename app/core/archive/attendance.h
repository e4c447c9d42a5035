// Who attended a recorded meeting, read from the recording's markers: when each expected site
// joined and left, how long it was present, how long it had the word, and how its link held.
#pragma once

#include "core/archive/archive_material.h"
#include "core/archive/isolated_audio.h"

#include <QList>
#include <QString>
#include <optional>

namespace hntt::core::archive {

enum class LinkQuality { Good, Unstable, Poor, Unknown };

struct AttendanceRow {
    qint64 siteId = 0;
    QString name;
    std::optional<SiteLevel> level; // unknown for a site no longer in the directory
    bool expected = false;          // on the meeting's list (without a meeting: in the recording)
    bool joined = false;            // present at some time
    double joinedAtS = 0;           // first present, from the recording's start
    std::optional<double> leftAtS;  // lost for good at this time; none when present to the end
    double presentS = 0;
    double speakingS = 0; // the active speaker, from one speaker change to the next
    int losses = 0;       // times the link dropped and came back
    double lostS = 0;     // time those drops lasted (a site that leaves for good has leftAtS)
    LinkQuality quality = LinkQuality::Unknown;
};

struct Attendance {
    double durationS = 0;
    QList<AttendanceRow> rows; // expected sites in the meeting's order, then the others that came
    int expected = 0;
    int present = 0; // expected sites that joined
    int absent = 0;  // expected sites that never joined
    int unlisted = 0;
};

// `tracks` are the recording's isolated audio tracks: without a meeting, the sites the console had
// when the recording started are the ones expected.
Attendance computeAttendance(const ArchiveMaterial& material, const QList<IsolatedTrack>& tracks);

} // namespace hntt::core::archive
