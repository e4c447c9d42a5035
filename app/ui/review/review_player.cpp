#include "ui/review/review_player.h"

#include "core/jobs/job_queue.h"
#include "core/review/clip_exporter.h"
#include "core/session/session.h"
#include "core/store/site_directory.h"
#include "core/text_fold.h"
#include "ui/file_dialogs.h"
#include "ui/review/marker_timeline.h"
#include "ui/review/review_text.h"

#include <QAudio>
#include <QAudioDevice>
#include <QAudioOutput>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMediaDevices>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>
#include <algorithm>
#include <cmath>

namespace hntt::ui {

namespace {

constexpr double kSpeeds[] = {0.5, 1.0, 1.5, 2.0};
constexpr qint64 kSkipMs = 5000;      // Left/Right, the ◀◀/▶▶ buttons
constexpr qint64 kLongSkipMs = 10000; // J/L
// PgUp while playing: a marker this close behind is the one just passed; go to the one before.
constexpr qint64 kMarkerBackSlackMs = 800;

QString speedText(double rate) {
    return QStringLiteral("%1×").arg(QLocale().toString(rate, 'g', 2));
}

} // namespace

ReviewPlayer::ReviewPlayer(const ReviewSources& sources, core::RecordingRecord recording, QWidget* parent)
    : QWidget(parent)
    , sources_(sources)
    , recording_(std::move(recording)) {
    setObjectName(QStringLiteral("reviewPlayer"));
    setWindowTitle(
        tr("Review — %1")
            .arg(recording_.title.isEmpty() ? QFileInfo(recording_.path).fileName() : recording_.title));
    if (sources_.sites)
        if (auto all = sources_.sites->list())
            for (const core::SiteRecord& s : all.value())
                siteNames_.insert(s.id, s.name);
    // A site gone from the directory keeps the name its markers were written with.
    for (const core::MarkerRecord& m : recording_.markers)
        if (m.siteId && !siteNames_.contains(*m.siteId) && !m.text.isEmpty() &&
            m.kind != core::MarkerKind::Note && m.kind != core::MarkerKind::Leave &&
            m.kind != core::MarkerKind::Take)
            siteNames_.insert(*m.siteId, m.text);

    buildUi();
    timeline_->setMarkers(recording_.markers, siteNames_);
    fillMarkerList();
    if (recording_.durationS)
        setDuration(msFor(*recording_.durationS));
    updateMarks();
    updatePlayButton();
    loadSource();
}

ReviewPlayer::~ReviewPlayer() {
    if (probeThread_.joinable())
        probeThread_.join();
}

qint64 ReviewPlayer::msFor(double seconds) const {
    return std::llround(seconds * 1000.0);
}

QString ReviewPlayer::siteName(qint64 siteId) const {
    return siteNames_.value(siteId, tr("Site %1").arg(siteId));
}

void ReviewPlayer::buildUi() {
    setMinimumSize(800, 560);
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(8, 8, 8, 8);
    root->setSpacing(6);

    video_ = new QVideoWidget(this);
    video_->setObjectName(QStringLiteral("reviewVideo"));
    video_->setMinimumSize(320, 180);
    video_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    video_->setStyleSheet(QStringLiteral("background: black;"));
    // Beside the picture: every marker, to read and to jump to.
    auto* picture = new QHBoxLayout;
    picture->addWidget(video_, 1);
    auto* side = new QVBoxLayout;
    auto* markersTitle = new QLabel(tr("Markers"), this);
    QFont bold = markersTitle->font();
    bold.setBold(true);
    markersTitle->setFont(bold);
    side->addWidget(markersTitle);
    markerList_ = new QListWidget(this);
    markerList_->setObjectName(QStringLiteral("reviewMarkers"));
    markerList_->setFixedWidth(300);
    markerList_->setFocusPolicy(Qt::ClickFocus); // the player's keys stay the player's
    markerList_->setWordWrap(true);
    markerList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    side->addWidget(markerList_, 1);
    noteButton_ = new QPushButton(tr("Add note… (N)"), this);
    noteButton_->setObjectName(QStringLiteral("reviewAddNote"));
    noteButton_->setToolTip(
        tr("A note at the current position, on the timeline for everyone who reviews this recording"));
    noteButton_->setVisible(sources_.session != nullptr);
    side->addWidget(noteButton_);
    picture->addLayout(side);
    root->addLayout(picture, 1);

    player_ = new QMediaPlayer(this);
    player_->setVideoOutput(video_);
    // With no sound device there is nothing to attach; playback and track choice work without it.
    if (!QMediaDevices::audioOutputs().isEmpty())
        player_->setAudioOutput(new QAudioOutput(this));

    timeline_ = new MarkerTimeline(this);
    timeline_->setObjectName(QStringLiteral("reviewTimeline"));
    root->addWidget(timeline_);

    // Marker legend: one coloured square per kind.
    QStringList legend;
    for (core::MarkerKind kind : {core::MarkerKind::Speaker, core::MarkerKind::Floor, core::MarkerKind::Mute,
                                  core::MarkerKind::Unmute, core::MarkerKind::Join, core::MarkerKind::Leave,
                                  core::MarkerKind::Take, core::MarkerKind::Note})
        legend << QStringLiteral("<span style=\"color:%1\">■</span> %2")
                      .arg(ReviewText::markerColour(kind).name(),
                           ReviewText::markerKind(kind).toHtmlEscaped());
    auto* legendLabel = new QLabel(legend.join(QStringLiteral("&nbsp;&nbsp;&nbsp;")), this);
    legendLabel->setStyleSheet(QStringLiteral("color: #aab0b8;"));
    root->addWidget(legendLabel);

    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(QStringLiteral("reviewSeek"));
    slider_->setFocusPolicy(Qt::NoFocus);
    slider_->setAccessibleName(tr("Position"));
    root->addWidget(slider_);

    // Transport: frame back, play/pause, frame forward, time, speed, audio.
    auto* transport = new QHBoxLayout;
    auto tool = [this](QStyle::StandardPixmap icon, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setFocusPolicy(Qt::NoFocus);
        b->setIconSize(QSize(24, 24));
        return b;
    };
    frameBackButton_ = tool(QStyle::SP_MediaSkipBackward, tr("One frame back (Shift+Left)"));
    frameBackButton_->setObjectName(QStringLiteral("reviewFrameBack"));
    backButton_ = tool(QStyle::SP_MediaSeekBackward, tr("5 seconds back (Left)"));
    backButton_->setObjectName(QStringLiteral("reviewBack"));
    playButton_ = tool(QStyle::SP_MediaPlay, tr("Play (Space)"));
    playButton_->setObjectName(QStringLiteral("reviewPlay"));
    forwardButton_ = tool(QStyle::SP_MediaSeekForward, tr("5 seconds forward (Right)"));
    forwardButton_->setObjectName(QStringLiteral("reviewForward"));
    frameForwardButton_ = tool(QStyle::SP_MediaSkipForward, tr("One frame forward (Shift+Right)"));
    frameForwardButton_->setObjectName(QStringLiteral("reviewFrameForward"));
    transport->addWidget(frameBackButton_);
    transport->addWidget(backButton_);
    transport->addWidget(playButton_);
    transport->addWidget(forwardButton_);
    transport->addWidget(frameForwardButton_);
    timeLabel_ = new QLabel(this);
    timeLabel_->setObjectName(QStringLiteral("reviewTime"));
    timeLabel_->setStyleSheet(QStringLiteral("font-family: monospace; font-size: 12pt; padding: 0 8px;"));
    transport->addWidget(timeLabel_);
    transport->addStretch(1);
    transport->addWidget(new QLabel(tr("Speed:"), this));
    speed_ = new QComboBox(this);
    speed_->setObjectName(QStringLiteral("reviewSpeed"));
    for (double rate : kSpeeds)
        speed_->addItem(speedText(rate), rate);
    speed_->setCurrentIndex(1);
    transport->addWidget(speed_);
    transport->addSpacing(16);
    transport->addWidget(new QLabel(tr("Listen to:"), this));
    audio_ = new QComboBox(this);
    audio_->setObjectName(QStringLiteral("reviewAudio"));
    audio_->setMinimumContentsLength(18);
    audio_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    transport->addWidget(audio_);
    transport->addSpacing(12);
    auto* volumeIcon = new QLabel(this);
    volumeIcon->setPixmap(style()->standardIcon(QStyle::SP_MediaVolume).pixmap(18, 18));
    transport->addWidget(volumeIcon);
    volume_ = new QSlider(Qt::Horizontal, this);
    volume_->setObjectName(QStringLiteral("reviewVolume"));
    volume_->setRange(0, 100);
    volume_->setValue(80);
    volume_->setFixedWidth(90);
    volume_->setFocusPolicy(Qt::NoFocus);
    volume_->setAccessibleName(tr("Volume"));
    transport->addWidget(volume_);
    root->addLayout(transport);
    // No sound device: said once, plainly, instead of a silence nobody explains.
    noSound_ = new QLabel(tr("This machine has no sound device: the recording plays without sound. "
                             "Connect speakers or headphones and open the recording again."),
                          this);
    noSound_->setObjectName(QStringLiteral("reviewNoSound"));
    noSound_->setWordWrap(true);
    noSound_->setStyleSheet(QStringLiteral("color: #f0b030;"));
    noSound_->setVisible(!hasSound());
    volume_->setEnabled(hasSound());
    volumeIcon->setEnabled(hasSound());
    root->addWidget(noSound_);

    // Review tools: next speech of a site; the clip's marks, destination and export.
    auto* speech = new QHBoxLayout;
    speech->addWidget(new QLabel(tr("Next time this site spoke:"), this));
    speakSite_ = new QComboBox(this);
    speakSite_->setObjectName(QStringLiteral("reviewSpeakSite"));
    speakSite_->setMinimumContentsLength(22);
    speakSite_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (qint64 id : speakingSites())
        speakSite_->addItem(siteName(id), id);
    speech->addWidget(speakSite_);
    nextSpeech_ = new QPushButton(tr("Go to next speech"), this);
    nextSpeech_->setObjectName(QStringLiteral("reviewNextSpeech"));
    nextSpeech_->setEnabled(speakSite_->count() > 0);
    if (speakSite_->count() == 0) {
        speakSite_->setEnabled(false);
        speakSite_->setToolTip(tr("No speaker changes were recorded."));
    }
    speech->addWidget(nextSpeech_);
    speech->addStretch(1);

    // The clip: its marks, its file, export with progress and cancel.
    auto* markInButton = new QPushButton(tr("Mark in (I)"), this);
    auto* markOutButton = new QPushButton(tr("Mark out (O)"), this);
    markInButton->setObjectName(QStringLiteral("reviewMarkIn"));
    markOutButton->setObjectName(QStringLiteral("reviewMarkOut"));
    inLabel_ = new QLabel(this);
    outLabel_ = new QLabel(this);
    for (QLabel* l : {inLabel_, outLabel_})
        l->setStyleSheet(QStringLiteral("font-family: monospace;"));
    speech->addWidget(markInButton);
    speech->addWidget(inLabel_);
    speech->addSpacing(12);
    speech->addWidget(markOutButton);
    speech->addWidget(outLabel_);
    root->addLayout(speech);

    auto* clip = new QHBoxLayout;
    clip->addWidget(new QLabel(tr("Clip file:"), this));
    destination_ = new QLineEdit(this);
    destination_->setObjectName(QStringLiteral("reviewClipDestination"));
    // Not a tab stop: typed keys (I, O, Space) belong to the player until the operator clicks
    // into the field.
    destination_->setFocusPolicy(Qt::ClickFocus);
    clip->addWidget(destination_, 1);
    auto* browse = new QPushButton(tr("Choose…"), this);
    exportButton_ = new QPushButton(tr("Export clip"), this);
    exportButton_->setObjectName(QStringLiteral("reviewExport"));
    exportButton_->setToolTip(tr("Copies the video and every audio track between the marks without "
                                 "re-encoding; the clip starts at the keyframe at or before the in mark."));
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("reviewExportProgress"));
    progress_->setRange(0, 1000);
    progress_->setTextVisible(true);
    progress_->setFixedWidth(220);
    progress_->setVisible(false);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setObjectName(QStringLiteral("reviewExportCancel"));
    cancelButton_->setVisible(false);
    clip->addWidget(browse);
    clip->addWidget(exportButton_);
    clip->addWidget(progress_);
    clip->addWidget(cancelButton_);
    root->addLayout(clip);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("reviewStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    root->addWidget(status_);

    // Wiring.
    connect(playButton_, &QToolButton::clicked, this, &ReviewPlayer::togglePlay);
    connect(frameBackButton_, &QToolButton::clicked, this, [this] { stepFrames(-1); });
    connect(backButton_, &QToolButton::clicked, this, [this] { skip(-kSkipMs); });
    connect(forwardButton_, &QToolButton::clicked, this, [this] { skip(kSkipMs); });
    connect(frameForwardButton_, &QToolButton::clicked, this, [this] { stepFrames(1); });
    connect(volume_, &QSlider::valueChanged, this, &ReviewPlayer::setVolume);
    setVolume(volume_->value());
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this](int i) { player_->setPlaybackRate(speed_->itemData(i).toDouble()); });
    connect(audio_, &QComboBox::activated, this, [this](int i) {
        if (i >= 0 && i < audioChoices_.size())
            soloSite(audioChoices_[i].siteId);
    });
    connect(nextSpeech_, &QPushButton::clicked, this, [this] {
        if (speakSite_->currentIndex() >= 0)
            jumpToNextSpeech(speakSite_->currentData().toLongLong());
    });
    connect(markInButton, &QPushButton::clicked, this, &ReviewPlayer::markIn);
    connect(markOutButton, &QPushButton::clicked, this, &ReviewPlayer::markOut);
    connect(destination_, &QLineEdit::textEdited, this, [this] { destinationEdited_ = true; });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = file_dialogs::saveFile(this, tr("Save the clip as"), clipDestination(),
                                                    tr("Matroska video (*.mkv);;MP4 video (*.mp4)"));
        if (!path.isEmpty())
            setClipDestination(path);
    });
    connect(exportButton_, &QPushButton::clicked, this, [this] { (void)exportClip(); });
    connect(cancelButton_, &QPushButton::clicked, this, &ReviewPlayer::cancelExport);
    connect(timeline_, &MarkerTimeline::seekRequested, this, &ReviewPlayer::seek);
    connect(markerList_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { seek(item->data(Qt::UserRole).toLongLong()); });
    connect(markerList_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { seek(item->data(Qt::UserRole).toLongLong()); });
    connect(noteButton_, &QPushButton::clicked, this, &ReviewPlayer::askForNote);
    connect(slider_, &QSlider::valueChanged, this, [this](int v) { seek(v); });
    if (sources_.jobs)
        connect(sources_.jobs, &core::JobQueue::jobChanged, this, &ReviewPlayer::onJobChanged);

    connect(player_, &QMediaPlayer::positionChanged, this, &ReviewPlayer::setPositionShown);
    connect(player_, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        if (ms > 0)
            setDuration(ms);
    });
    connect(player_, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState s) {
        playing_ = s == QMediaPlayer::PlayingState;
        updatePlayButton();
    });
    connect(player_, &QMediaPlayer::tracksChanged, this, &ReviewPlayer::rebuildAudioChoices);
    // Loaded and not playing: paused, so that the backend shows the first frame (stopped, it
    // shows nothing).
    connect(player_, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::LoadedMedia && player_->playbackState() == QMediaPlayer::StoppedState)
            player_->pause();
    });
    connect(player_, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& text) {
        setStatus(tr("The recording cannot be played: %1").arg(text), true);
    });

    auto shortcut = [this](const QKeySequence& key, auto slot) {
        auto* s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
        shortcuts_.append(s);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { togglePlay(); });
    shortcut(QKeySequence(Qt::Key_K), [this] { togglePlay(); });
    shortcut(QKeySequence(Qt::Key_J), [this] { skip(-kLongSkipMs); });
    shortcut(QKeySequence(Qt::Key_L), [this] { skip(kLongSkipMs); });
    shortcut(QKeySequence(Qt::Key_Left), [this] { skip(-kSkipMs); });
    shortcut(QKeySequence(Qt::Key_Right), [this] { skip(kSkipMs); });
    shortcut(QKeySequence(Qt::SHIFT | Qt::Key_Left), [this] { stepFrames(-1); });
    shortcut(QKeySequence(Qt::SHIFT | Qt::Key_Right), [this] { stepFrames(1); });
    shortcut(QKeySequence(Qt::Key_Home), [this] { seek(0); });
    shortcut(QKeySequence(Qt::Key_End), [this] { seek(durationMs_); });
    shortcut(QKeySequence(Qt::Key_PageUp), [this] { previousMarker(); });
    shortcut(QKeySequence(Qt::Key_PageDown), [this] { nextMarker(); });
    if (sources_.session)
        shortcut(QKeySequence(Qt::Key_N), [this] { askForNote(); });
    shortcut(QKeySequence(Qt::Key_I), [this] { markIn(); });
    shortcut(QKeySequence(Qt::Key_O), [this] { markOut(); });
    setFocusPolicy(Qt::StrongFocus);
}

void ReviewPlayer::loadSource() {
    rebuildAudioChoices();
    const QFileInfo file(recording_.path);
    if (!file.isFile()) {
        setStatus(tr("The recording file %1 does not exist any more.").arg(recording_.path), true);
        for (QWidget* w : std::initializer_list<QWidget*>{playButton_, frameBackButton_, backButton_,
                                                          forwardButton_, frameForwardButton_, exportButton_})
            w->setEnabled(false);
        return;
    }
    player_->setSource(QUrl::fromLocalFile(file.absoluteFilePath()));
    // Track titles and the frame rate come from the file's header, read off the UI thread.
    const QString path = recording_.path;
    probeThread_ = std::thread([this, path] {
        core::Result<core::RecordingMedia> media = core::RecordingMediaProbe::probe(path);
        QMetaObject::invokeMethod(
            this, [this, media = std::move(media)] { applyMedia(media); }, Qt::QueuedConnection);
    });
}

void ReviewPlayer::applyMedia(const core::Result<core::RecordingMedia>& media) {
    if (!media) {
        setStatus(media.error().message, true);
        Q_EMIT mediaProbed();
        return;
    }
    media_ = media.value();
    if (media_->frameRate > 0)
        frameMs_ = 1000.0 / media_->frameRate;
    if (durationMs_ <= 0 && media_->durationS)
        setDuration(msFor(*media_->durationS));
    rebuildAudioChoices();
    Q_EMIT mediaProbed();
}

void ReviewPlayer::rebuildAudioChoices() {
    const QList<QMediaMetaData> tracks = player_->audioTracks();
    const QList<core::RecordingAudioTrack> probed =
        media_ ? media_->audioTracks : QList<core::RecordingAudioTrack>{};
    // The player's own list when it has one (its indexes are what setActiveAudioTrack takes),
    // else the file's; each track is matched to a site by its title.
    const qsizetype count = tracks.isEmpty() ? probed.size() : tracks.size();
    QList<AudioChoice> choices;
    std::optional<int> mixTrack;
    for (qsizetype i = 0; i < count; ++i) {
        QString title = i < tracks.size() ? tracks[i].value(QMediaMetaData::Title).toString() : QString();
        const core::RecordingAudioTrack* match = nullptr;
        for (const core::RecordingAudioTrack& p : probed)
            if (!title.isEmpty() && p.title == title)
                match = &p;
        if (!match && i < probed.size() && (tracks.isEmpty() || tracks.size() == probed.size()))
            match = &probed[i];
        std::optional<qint64> site;
        if (match) {
            site = match->siteId;
            if (title.isEmpty())
                title = match->title;
        }
        if (!site && !title.isEmpty()) {
            const QString key = core::foldForSearch(title);
            for (auto it = siteNames_.cbegin(); it != siteNames_.cend(); ++it)
                if (core::foldForSearch(it.value()) == key)
                    site = it.key();
        }
        if (site)
            choices.append({site, siteNames_.value(*site, title), int(i)});
        else if (!mixTrack)
            mixTrack = int(i);
    }
    choices.prepend({std::nullopt, tr("Program mix"), mixTrack.value_or(0)});

    audioChoices_ = choices;
    const QSignalBlocker block(audio_);
    audio_->clear();
    int current = 0;
    for (int i = 0; i < audioChoices_.size(); ++i) {
        const AudioChoice& c = audioChoices_[i];
        audio_->addItem(c.siteId ? tr("Only %1").arg(c.name) : c.name,
                        c.siteId ? QVariant(*c.siteId) : QVariant());
        if (c.siteId == soloSite_)
            current = i;
    }
    audio_->setCurrentIndex(current);
    applyAudioTrack(audioChoices_[current].track);
    const bool isolated = audioChoices_.size() > 1;
    audio_->setEnabled(isolated);
    audio_->setToolTip(isolated ? tr("Hear one site's own audio, as it came in, or the program mix.")
                                : tr("This recording has no per-site audio tracks."));
}

bool ReviewPlayer::soloSite(std::optional<qint64> siteId) {
    for (int i = 0; i < audioChoices_.size(); ++i) {
        const AudioChoice& c = audioChoices_[i];
        if (c.siteId != siteId)
            continue;
        soloSite_ = siteId;
        applyAudioTrack(c.track);
        const QSignalBlocker block(audio_);
        audio_->setCurrentIndex(i);
        if (!hasSound())
            setStatus(siteId ? tr("%1's own track is chosen, but this machine has no sound device: nothing "
                                  "can be heard.")
                                   .arg(c.name)
                             : tr("The program mix is chosen, but this machine has no sound device: nothing "
                                  "can be heard."),
                      true);
        else
            setStatus(siteId ? tr("Listening to %1 only.").arg(c.name) : tr("Listening to the program mix."));
        return true;
    }
    if (siteId)
        setStatus(tr("%1 has no audio track of its own in this recording.").arg(siteName(*siteId)), true);
    return false;
}

void ReviewPlayer::applyAudioTrack(int track) {
    // The backend lists its tracks once the media is loaded; until then the choice waits.
    if (track < player_->audioTracks().size() && track != player_->activeAudioTrack())
        player_->setActiveAudioTrack(track);
}

void ReviewPlayer::setDuration(qint64 ms) {
    if (ms <= 0 || ms == durationMs_)
        return;
    durationMs_ = ms;
    timeline_->setDuration(ms);
    {
        const QSignalBlocker block(slider_);
        slider_->setRange(0, int(std::min<qint64>(ms, std::numeric_limits<int>::max())));
        slider_->setPageStep(int(std::clamp<qint64>(ms / 20, 1000, 60000)));
        slider_->setSingleStep(1000);
    }
    setPositionShown(positionMs_);
    Q_EMIT durationKnown(ms);
}

void ReviewPlayer::setPositionShown(qint64 ms) {
    positionMs_ = std::max<qint64>(ms, 0);
    timeline_->setPosition(positionMs_);
    if (!slider_->isSliderDown()) {
        const QSignalBlocker block(slider_);
        slider_->setValue(int(std::min<qint64>(positionMs_, std::numeric_limits<int>::max())));
    }
    timeLabel_->setText(ReviewText::clock(positionMs_, true) + QStringLiteral(" / ") +
                        ReviewText::clock(durationMs_, true));
    Q_EMIT positionChanged(positionMs_);
}

bool ReviewPlayer::isPlaying() const {
    return playing_;
}

void ReviewPlayer::play() {
    player_->play();
}

void ReviewPlayer::pause() {
    player_->pause();
    // Shown at once: a backend that cannot play never reports a state change.
    playing_ = false;
    updatePlayButton();
}

void ReviewPlayer::togglePlay() {
    if (isPlaying())
        pause();
    else
        play();
}

void ReviewPlayer::seek(qint64 ms) {
    // The end is the last frame, not the instant after it: a seek there would show no picture
    // of this time at all.
    if (durationMs_ > 0)
        ms = std::clamp<qint64>(ms, 0, std::max<qint64>(durationMs_ - std::llround(frameMs_), 0));
    ms = std::max<qint64>(ms, 0);
    player_->setPosition(ms);
    setPositionShown(ms);
}

void ReviewPlayer::skip(qint64 ms) {
    seek(positionMs_ + ms);
}

bool ReviewPlayer::previousMarker() {
    const qint64 before = positionMs_ - (isPlaying() ? kMarkerBackSlackMs : 1);
    std::optional<qint64> target;
    for (const core::MarkerRecord& m : timeline_->markers()) // by time, notes added here too
        if (const qint64 at = msFor(m.offsetS); at < before)
            target = at;
    if (!target) {
        setStatus(tr("No marker before %1.").arg(ReviewText::clock(positionMs_)));
        return false;
    }
    seek(*target);
    return true;
}

bool ReviewPlayer::nextMarker() {
    for (const core::MarkerRecord& m : timeline_->markers()) // by time, notes added here too
        if (const qint64 at = msFor(m.offsetS); at > positionMs_ + 1) {
            seek(at);
            return true;
        }
    setStatus(tr("No marker after %1.").arg(ReviewText::clock(positionMs_)));
    return false;
}

QList<QPair<QString, QString>> ReviewPlayer::keys() {
    auto key = [](const QKeySequence& k) { return k.toString(QKeySequence::NativeText); };
    return {
        {key(Qt::Key_Space) + QStringLiteral(", ") + key(Qt::Key_K), tr("Play or pause")},
        {key(Qt::Key_J) + QStringLiteral(" / ") + key(Qt::Key_L), tr("10 seconds back / forward")},
        {key(Qt::Key_Left) + QStringLiteral(" / ") + key(Qt::Key_Right), tr("5 seconds back / forward")},
        {key(Qt::SHIFT | Qt::Key_Left) + QStringLiteral(" / ") + key(Qt::SHIFT | Qt::Key_Right),
         tr("One frame back / forward")},
        {key(Qt::Key_Home) + QStringLiteral(" / ") + key(Qt::Key_End), tr("Start / end of the recording")},
        {key(Qt::Key_PageUp) + QStringLiteral(" / ") + key(Qt::Key_PageDown), tr("Previous / next marker")},
        {key(Qt::Key_I) + QStringLiteral(" / ") + key(Qt::Key_O), tr("Clip's in / out mark")},
        {key(Qt::Key_N), tr("Add a note at the position")},
    };
}

void ReviewPlayer::fillMarkerList() {
    markerList_->clear();
    for (const core::MarkerRecord& m : timeline_->markers()) { // by time
        auto* item = new QListWidgetItem(timeline_->tooltipFor(m), markerList_);
        item->setData(Qt::UserRole, msFor(m.offsetS));
        item->setForeground(ReviewText::markerColour(m.kind));
        item->setToolTip(item->text());
    }
}

void ReviewPlayer::askForNote() {
    if (!sources_.session)
        return;
    const qint64 at = positionMs_; // where the reviewer was when asking, not after typing
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Note"), tr("Note at %1:").arg(ReviewText::clock(at)),
                                               QLineEdit::Normal, {}, &ok);
    if (ok && !text.trimmed().isEmpty())
        addNoteAt(at, text);
}

bool ReviewPlayer::addNote(const QString& text) {
    return addNoteAt(positionMs_, text);
}

bool ReviewPlayer::addNoteAt(qint64 ms, const QString& text) {
    if (!sources_.session) {
        setStatus(tr("Notes are added in the console."), true);
        return false;
    }
    auto note = sources_.session->addNote(recording_.id, ms / 1000.0, text, QStringLiteral("ui"));
    if (!note) {
        setStatus(note.error().message, true);
        return false;
    }
    recording_.markers.append(note.value());
    timeline_->setMarkers(recording_.markers, siteNames_);
    fillMarkerList();
    setStatus(tr("Note added at %1.").arg(ReviewText::clock(ms)));
    return true;
}

bool ReviewPlayer::hasSound() const {
    return player_ && player_->audioOutput() != nullptr;
}

int ReviewPlayer::volume() const {
    return volume_->value();
}

void ReviewPlayer::setVolume(int percent) {
    percent = std::clamp(percent, 0, 100);
    if (volume_->value() != percent) {
        const QSignalBlocker block(volume_);
        volume_->setValue(percent);
    }
    // Perceived loudness: the slider is linear in what the ear hears, not in amplitude.
    if (QAudioOutput* out = player_->audioOutput())
        out->setVolume(float(QAudio::convertVolume(percent / 100.0, QAudio::LogarithmicVolumeScale,
                                                   QAudio::LinearVolumeScale)));
}

void ReviewPlayer::stepFrames(int frames) {
    if (isPlaying())
        pause();
    // On the frame grid, so that repeated steps do not drift with rounding.
    const double frame = std::round(double(positionMs_) / frameMs_) + frames;
    qint64 target = std::llround(std::max(0.0, frame) * frameMs_);
    if (durationMs_ > 0)
        target = std::min<qint64>(target, std::max<qint64>(durationMs_ - std::llround(frameMs_), 0));
    seek(target);
}

void ReviewPlayer::setSpeed(double rate) {
    const int i = speed_->findData(rate);
    if (i >= 0)
        speed_->setCurrentIndex(i); // sets the player's rate
}

QList<qint64> ReviewPlayer::speakingSites() const {
    QList<qint64> sites;
    for (const core::MarkerRecord& m : recording_.markers)
        if (m.kind == core::MarkerKind::Speaker && m.siteId && !sites.contains(*m.siteId))
            sites.append(*m.siteId);
    return sites;
}

bool ReviewPlayer::jumpToNextSpeech(qint64 siteId) {
    {
        const int i = speakSite_->findData(siteId);
        if (i >= 0) {
            const QSignalBlocker block(speakSite_);
            speakSite_->setCurrentIndex(i);
        }
    }
    for (const core::MarkerRecord& m : recording_.markers) {
        const qint64 at = msFor(m.offsetS);
        if (m.kind == core::MarkerKind::Speaker && m.siteId == siteId && at > positionMs_) {
            seek(at);
            setStatus(tr("%1 speaks at %2.").arg(siteName(siteId), ReviewText::clock(at)));
            return true;
        }
    }
    setStatus(tr("%1 does not speak again after %2.").arg(siteName(siteId), ReviewText::clock(positionMs_)));
    return false;
}

void ReviewPlayer::markIn() {
    inMs_ = positionMs_;
    if (outMs_ && *outMs_ <= *inMs_)
        outMs_.reset();
    updateMarks();
}

void ReviewPlayer::markOut() {
    outMs_ = positionMs_;
    if (inMs_ && *inMs_ >= *outMs_)
        inMs_.reset();
    updateMarks();
}

void ReviewPlayer::setMarks(std::optional<qint64> inMs, std::optional<qint64> outMs) {
    inMs_ = inMs;
    outMs_ = outMs;
    updateMarks();
}

void ReviewPlayer::updateMarks() {
    inLabel_->setText(inMs_ ? ReviewText::clock(*inMs_, true) : QStringLiteral("--:--:--.---"));
    outLabel_->setText(outMs_ ? ReviewText::clock(*outMs_, true) : QStringLiteral("--:--:--.---"));
    timeline_->setRange(inMs_, outMs_);
    if (!destinationEdited_)
        destination_->setText(
            QDir(sources_.clipsDir)
                .filePath(core::ClipExporter::suggestedFileName(recording_.path, inMs_.value_or(0) / 1000.0,
                                                                outMs_.value_or(durationMs_) / 1000.0)));
}

QString ReviewPlayer::clipDestination() const {
    return destination_->text().trimmed();
}

void ReviewPlayer::setClipDestination(const QString& path) {
    destination_->setText(path);
    destinationEdited_ = true;
}

std::optional<qint64> ReviewPlayer::exportClip() {
    if (exportJob_) {
        setStatus(tr("A clip is already being exported."), true);
        return std::nullopt;
    }
    if (!sources_.jobs) {
        setStatus(tr("Clips cannot be exported from here."), true);
        return std::nullopt;
    }
    if (!inMs_ || !outMs_) {
        setStatus(tr("Set the in and the out mark first (keys I and O)."), true);
        return std::nullopt;
    }
    if (*inMs_ >= *outMs_) {
        setStatus(tr("The in mark must come before the out mark."), true);
        return std::nullopt;
    }
    const QString destination = clipDestination();
    if (destination.isEmpty()) {
        setStatus(tr("Choose the file the clip is saved to."), true);
        return std::nullopt;
    }
    core::ClipRequest request{recording_.path, *inMs_ / 1000.0, *outMs_ / 1000.0, destination};
    // Read now, not when the window opened: the archives folder may have moved in the settings since.
    request.protectedFolders = sources_.session
                                   ? ReviewSources::fromSession(*sources_.session).protectedFolders
                                   : sources_.protectedFolders;
    for (const QString& folder : std::as_const(request.protectedFolders))
        if (!folder.isEmpty() && core::ClipExporter::isInside(destination, folder)) {
            setStatus(tr("Clips are never saved in %1: recordings and archives are kept there. "
                         "Choose another folder.")
                          .arg(QDir::toNativeSeparators(folder)),
                      true);
            return std::nullopt;
        }
    if (QFileInfo::exists(destination)) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (replaceArmedFor_ != destination || now - replaceArmedAt_ > kReplaceConfirmMs) {
            replaceArmedFor_ = destination;
            replaceArmedAt_ = now;
            setStatus(tr("%1 exists already. Press \"Export clip\" again within 5 seconds to replace it.")
                          .arg(QDir::toNativeSeparators(destination)),
                      true);
            return std::nullopt;
        }
        request.replace = true;
    }
    replaceArmedFor_.clear();
    exportJob_ =
        sources_.session
            ? core::ClipExporter::submitLogged(*sources_.jobs, sources_.session->eventLog(), request,
                                               recording_.id, recording_.meetingId, QStringLiteral("ui"))
            : core::ClipExporter::submit(*sources_.jobs, request);
    progress_->setValue(0);
    progress_->setVisible(true);
    cancelButton_->setVisible(true);
    cancelButton_->setEnabled(true);
    exportButton_->setEnabled(false);
    setStatus(tr("Exporting the clip %1 – %2 …").arg(ReviewText::clock(*inMs_), ReviewText::clock(*outMs_)));
    return exportJob_;
}

void ReviewPlayer::cancelExport() {
    if (exportJob_ && sources_.jobs && sources_.jobs->cancel(*exportJob_)) {
        cancelButton_->setEnabled(false);
        setStatus(tr("Cancelling the export…"));
    }
}

void ReviewPlayer::onJobChanged(const core::JobQueue::Job& job) {
    if (!exportJob_ || job.id != *exportJob_)
        return;
    using State = core::JobQueue::State;
    if (job.state == State::Running) {
        progress_->setValue(int(std::lround(job.progress * 1000)));
        return;
    }
    exportJob_.reset();
    progress_->setVisible(false);
    cancelButton_->setVisible(false);
    exportButton_->setEnabled(true);
    const core::ClipResult* clip = job.resultAs<core::ClipResult>();
    if (job.state == State::Done && clip) {
        QString text = tr("Clip saved: %1 (%2).")
                           .arg(QDir::toNativeSeparators(clip->path), ReviewText::duration(clip->durationS));
        if (clip->clamped)
            text +=
                QLatin1Char(' ') + tr("The out mark was past the end of the recording; the clip ends there.");
        setStatus(text);
        Q_EMIT clipExported(clip->path, *clip);
    } else {
        const QString text = job.state == State::Cancelled
                                 ? tr("The clip export was cancelled; nothing was kept.")
                                 : tr("The clip could not be exported: %1").arg(job.error);
        setStatus(text, job.state != State::Cancelled);
        Q_EMIT clipFailed(text);
    }
}

void ReviewPlayer::updatePlayButton() {
    playButton_->setIcon(style()->standardIcon(playing_ ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    const QString tip = playing_ ? tr("Pause (Space)") : tr("Play (Space)");
    playButton_->setToolTip(tip);
    playButton_->setAccessibleName(tip);
}

void ReviewPlayer::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #f07070;") : QStringLiteral("color: #aab0b8;"));
}

void ReviewPlayer::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // In its own window the keys work wherever the focus is; placed inside another window they
    // work only while the focus is in the player, so that they do not take that window's keys.
    const Qt::ShortcutContext context = isWindow() ? Qt::WindowShortcut : Qt::WidgetWithChildrenShortcut;
    for (QShortcut* s : std::as_const(shortcuts_))
        s->setContext(context);
}

QString ReviewPlayer::statusText() const {
    return status_->text();
}

} // namespace hntt::ui
