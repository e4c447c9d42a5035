// The per-site isolated audio tracks of a recording (see EngineConfig::isolatedAudioTracks): found
// by their site_id tag and copied, each into its own audio file, without decoding or re-encoding.
#pragma once

#include "core/archive/work_control.h"
#include "core/store/database.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace hntt::core::archive {

struct IsolatedTrack {
    int streamIndex = -1; // in the recording
    std::optional<qint64> siteId;
    QString title; // the site's name when it was recorded
};

// The audio streams of `recording` tagged with a site_id, in stream order.
Result<QList<IsolatedTrack>> probeIsolatedTracks(const QString& recording);

struct TrackOutput {
    IsolatedTrack track;
    QString path; // the container follows the extension: .m4a gives MPEG-4 audio
};

// Copies every track into its output in one pass over the recording. The packets are the
// recording's own; their time stamps are put on the track's sample grid, so a file plays in step
// with the program from its start. A recording cut short by a crash gives files up to the cut.
Status extractIsolatedTracks(const QString& recording, const QList<TrackOutput>& outputs,
                             const WorkControl& control = {});

} // namespace hntt::core::archive
