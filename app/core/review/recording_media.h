// What a recording file holds, as the review needs it: its length, frame rate and audio tracks
// (the program mix first, then one per site, titled with the site's name and tagged site_id).
#pragma once

#include "core/av_handles.h"
#include "core/store/database.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <atomic>
#include <optional>

namespace hntt::core {

struct RecordingAudioTrack {
    int number = 0;               // among the file's audio tracks, 0-based: a player's audio track index
    QString title;                // the track's title; empty when it has none
    std::optional<qint64> siteId; // the site whose own audio it carries; none for the program mix
    QString language;

    friend bool operator==(const RecordingAudioTrack&, const RecordingAudioTrack&) = default;
};

struct RecordingMedia {
    std::optional<double> durationS; // none when the container does not say (a crash-cut file)
    double frameRate = 0;            // of the video; 0 when there is no video
    int width = 0;
    int height = 0;
    QList<RecordingAudioTrack> audioTracks;
};

class RecordingMediaProbe {
    Q_DECLARE_TR_FUNCTIONS(RecordingMediaProbe)

public:
    // Reads the file's header (no decoding). NotFound when the file is missing; Invalid when it is
    // not a readable media file.
    static Result<RecordingMedia> probe(const QString& path);

    // Opens a media file for reading, with the stream information found. Same errors as probe(). A
    // raised `stop` ends even the opening.
    static Result<av::InputContextPtr> open(const QString& path, const std::atomic<bool>* stop = nullptr);

    // How long the file's picture really lasts (the sound's, without video), from its first packet
    // to the end of its last: a recording cut off by a crash has no duration in its header, so the
    // whole file is read (packets only, no decoding; about 1 s per GB from the page cache). Stops
    // early, Unavailable, once `stop` is set. Same errors as probe() otherwise; Invalid when the
    // file holds no timed packet.
    static Result<double> measureDuration(const QString& path, const std::atomic<bool>* stop = nullptr);
};

} // namespace hntt::core
