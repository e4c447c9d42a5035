// Reviewing one recording: the picture (Qt Multimedia), play/pause, seek, frame step and speed; the
// timeline of the event log's markers; "next time site X spoke"; solo of a site's own audio track
// where the recording has one; and a clip between an in and an out mark, exported without
// re-encoding as a job with progress and cancel.
//
// Keys as in common players (keys()): Space or K play/pause, J/L 10 s back/forward, Left/Right
// 5 s, Shift+Left/Right one frame (pausing first), Home/End, PgUp/PgDn the previous/next marker,
// I and O the clip's marks. Paused, the picture is the frame at the position (never black).
#pragma once

#include "core/jobs/job_queue.h"
#include "core/review/clip_exporter.h"
#include "core/review/recording_media.h"
#include "core/store/recording_catalogue.h"
#include "ui/review/review_sources.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QWidget>
#include <optional>
#include <thread>

class QComboBox;
class QListWidget;
class QLabel;
class QLineEdit;
class QMediaPlayer;
class QProgressBar;
class QPushButton;
class QShortcut;
class QSlider;
class QToolButton;
class QVideoWidget;

namespace hntt::ui {

class MarkerTimeline;

class ReviewPlayer : public QWidget {
    Q_OBJECT

public:
    // `recording` with its markers (RecordingCatalogue::get). The player reads the file's tracks
    // in the background and starts paused at the beginning.
    ReviewPlayer(const ReviewSources& sources, core::RecordingRecord recording, QWidget* parent = nullptr);
    ~ReviewPlayer() override;

    const core::RecordingRecord& recording() const { return recording_; }
    QMediaPlayer* mediaPlayer() const { return player_; }
    MarkerTimeline* timeline() const { return timeline_; }

    // Position and length in ms. The length is the player's once it knows it, else the catalogue's.
    qint64 position() const { return positionMs_; }
    qint64 duration() const { return durationMs_; }
    // One frame of the recording's video, in ms (from its frame rate; 40 until it is known).
    double frameDurationMs() const { return frameMs_; }
    bool isPlaying() const;

    void play();
    void pause();
    void togglePlay();
    void seek(qint64 ms);
    // Moves by `ms` (negative: back), playing on if it played.
    void skip(qint64 ms);
    // To the previous / next marker of the timeline; false at the first / last.
    bool previousMarker();
    bool nextMarker();

    // Every marker in a list beside the picture (time, kind, site, text); choosing one seeks there.
    QListWidget* markerList() const { return markerList_; }
    // A reviewer's note at the position (key N asks for it); false with the reason shown when the
    // session refuses it or there is no session.
    bool addNote(const QString& text);

    // The player's keys and what they do, in the words of the shortcuts help.
    static QList<QPair<QString, QString>> keys();

    // Whether the machine has a sound device (without one the recording plays silently, and the
    // player says so); the volume, 0..100.
    bool hasSound() const;
    int volume() const;
    void setVolume(int percent);
    // Pauses, then moves `frames` frames (negative: back).
    void stepFrames(int frames);
    // 0.5, 1, 1.5 or 2.
    void setSpeed(double rate);

    // The sites that speak in the recording (Speaker markers), in order of first speech.
    QList<qint64> speakingSites() const;
    // Moves to the next Speaker marker of that site after the current position; false (and a
    // message) when it does not speak again.
    bool jumpToNextSpeech(qint64 siteId);

    // The audio choices: the program mix (no site), then each site with its own track.
    struct AudioChoice {
        std::optional<qint64> siteId;
        QString name;
        int track = 0; // QMediaPlayer audio track index
    };
    QList<AudioChoice> audioChoices() const { return audioChoices_; }
    // Plays that site's own track, or the program mix for none; false when it has no track.
    bool soloSite(std::optional<qint64> siteId);

    // Clip marks, in ms; I and O set them at the current position.
    void markIn();
    void markOut();
    void setMarks(std::optional<qint64> inMs, std::optional<qint64> outMs);
    std::optional<qint64> inPoint() const { return inMs_; }
    std::optional<qint64> outPoint() const { return outMs_; }
    // Where the clip goes: the destination field, by default DATA_DIR/clips/<recording>_<in>_<out>.mkv.
    QString clipDestination() const;
    void setClipDestination(const QString& path);
    // Starts the export job; its id, or nothing (with the reason shown) when the marks or the file
    // do not allow a clip. Progress and the outcome show in the player.
    std::optional<qint64> exportClip();
    void cancelExport();
    std::optional<qint64> exportJob() const { return exportJob_; }

    // The message line under the controls (the last thing that happened).
    QString statusText() const;

Q_SIGNALS:
    void positionChanged(qint64 ms);
    void durationKnown(qint64 ms);
    // The file's tracks were read (audioChoices() and frameDurationMs() are final).
    void mediaProbed();
    void clipExported(const QString& path, const hntt::core::ClipResult& clip);
    void clipFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    void loadSource();
    void applyMedia(const core::Result<core::RecordingMedia>& media);
    void rebuildAudioChoices();
    void applyAudioTrack(int track);
    void setDuration(qint64 ms);
    void setPositionShown(qint64 ms);
    void updatePlayButton();
    void updateMarks();
    void onJobChanged(const core::JobQueue::Job& job);
    void setStatus(const QString& text, bool error = false);
    void fillMarkerList();
    void askForNote();
    bool addNoteAt(qint64 ms, const QString& text);
    QString siteName(qint64 siteId) const;
    qint64 msFor(double seconds) const;

    ReviewSources sources_;
    core::RecordingRecord recording_;
    QHash<qint64, QString> siteNames_;
    std::optional<core::RecordingMedia> media_;
    std::thread probeThread_;

    QMediaPlayer* player_ = nullptr;
    QVideoWidget* video_ = nullptr;
    MarkerTimeline* timeline_ = nullptr;
    QListWidget* markerList_ = nullptr;
    QPushButton* noteButton_ = nullptr;
    QSlider* slider_ = nullptr;
    QToolButton* playButton_ = nullptr;
    QToolButton* frameBackButton_ = nullptr;
    QToolButton* backButton_ = nullptr;
    QToolButton* forwardButton_ = nullptr;
    QToolButton* frameForwardButton_ = nullptr;
    QSlider* volume_ = nullptr;
    QLabel* noSound_ = nullptr;
    QLabel* timeLabel_ = nullptr;
    QComboBox* speed_ = nullptr;
    QComboBox* audio_ = nullptr;
    QComboBox* speakSite_ = nullptr;
    QPushButton* nextSpeech_ = nullptr;
    QLabel* inLabel_ = nullptr;
    QLabel* outLabel_ = nullptr;
    QLineEdit* destination_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QLabel* status_ = nullptr;

    qint64 positionMs_ = 0;
    qint64 durationMs_ = 0;
    double frameMs_ = 40;
    bool playing_ = false;
    std::optional<qint64> inMs_;
    std::optional<qint64> outMs_;
    bool destinationEdited_ = false;
    QList<AudioChoice> audioChoices_;
    std::optional<qint64> soloSite_; // the site heard alone; none: the program mix
    QList<QShortcut*> shortcuts_;
    std::optional<qint64> exportJob_;
    // An existing destination is replaced only by a second Export of the same path within
    // kReplaceConfirmMs of the first (no dialog: the player keeps playing).
    QString replaceArmedFor_;
    qint64 replaceArmedAt_ = 0;
    static constexpr qint64 kReplaceConfirmMs = 5000;
};

} // namespace hntt::ui
