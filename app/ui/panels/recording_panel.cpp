#include "ui/panels/recording_panel.h"

#include "core/session/session.h"
#include "ui/panels/panel_style.h"

#include <QDate>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace hntt::ui {

namespace {

QString clock(double seconds) {
    const qint64 s = static_cast<qint64>(std::floor(std::max(0.0, seconds)));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RecordingPanel::RecordingPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("recordingPanel"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 8);

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(new QLabel(tr("Title:"), this));
    title_ = new QLineEdit(this);
    title_->setObjectName(QStringLiteral("title"));
    title_->setMaxLength(200);
    titleRow->addWidget(title_, 1);
    v->addLayout(titleRow);

    auto* buttons = new QHBoxLayout;
    record_ = new QPushButton(tr("● Record"), this);
    record_->setObjectName(QStringLiteral("record"));
    record_->setMinimumHeight(40);
    stop_ = new QPushButton(tr("■ Stop"), this);
    stop_->setObjectName(QStringLiteral("stop"));
    stop_->setMinimumHeight(40);
    buttons->addWidget(record_, 1);
    buttons->addWidget(stop_, 1);
    v->addLayout(buttons);

    state_ = new QLabel(this);
    state_->setObjectName(QStringLiteral("state"));
    state_->setAlignment(Qt::AlignCenter);
    state_->setWordWrap(true); // a long state in Vietnamese wraps in a narrow dock, never cut
    QFont stateFont = state_->font();
    stateFont.setBold(true);
    state_->setFont(stateFont);
    v->addWidget(state_);

    elapsed_ = new QLabel(clock(0), this);
    elapsed_->setObjectName(QStringLiteral("elapsed"));
    elapsed_->setAlignment(Qt::AlignCenter);
    QFont big = elapsed_->font();
    big.setPointSizeF(big.pointSizeF() * 3);
    big.setBold(true);
    big.setStyleHint(QFont::Monospace);
    big.setFamily(QStringLiteral("monospace"));
    elapsed_->setFont(big);
    v->addWidget(elapsed_);

    auto* form = new QFormLayout;
    size_ = new QLabel(this);
    size_->setObjectName(QStringLiteral("size"));
    free_ = new QLabel(this);
    free_->setObjectName(QStringLiteral("free"));
    timeLeft_ = new QLabel(this);
    timeLeft_->setObjectName(QStringLiteral("timeLeft"));
    timeLeft_->setWordWrap(true);
    form->addRow(tr("File size:"), size_);
    form->addRow(tr("Free disk:"), free_);
    form->addRow(tr("Time left:"), timeLeft_);
    v->addLayout(form);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("error"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    style::setTextColour(error_, style::kRed);
    error_->hide();
    v->addWidget(error_);
    v->addStretch(1);

    connect(record_, &QPushButton::clicked, this, &RecordingPanel::record);
    connect(stop_, &QPushButton::clicked, this, &RecordingPanel::stop);
    connect(title_, &QLineEdit::textEdited, this, [this] { titleEdited_ = true; });
    connect(&session_, &core::Session::changed, this, &RecordingPanel::onEvent);
    stats_ = new QTimer(this);
    stats_->setInterval(500);
    connect(stats_, &QTimer::timeout, this, &RecordingPanel::updateStats);
    stats_->start();

    setDefaultTitle();
    updateState();
}

bool RecordingPanel::isRecording() const {
    return session_.activeRecordingId().has_value();
}

QString RecordingPanel::title() const {
    return title_->text().trimmed();
}

void RecordingPanel::record() {
    if (isRecording())
        return;
    auto rec = session_.startRecording(title(), session_.activeMeetingId(), QStringLiteral("ui"));
    if (!rec) {
        showError(rec.error().message);
        return;
    }
    error_->hide();
    updateState();
}

void RecordingPanel::stop() {
    const auto id = session_.activeRecordingId();
    if (!id)
        return;
    auto rec = session_.stopRecording(*id, QStringLiteral("ui"));
    if (!rec) {
        showError(rec.error().message);
        return;
    }
    if (!rec->error.isEmpty())
        showError(rec->error);
    updateState();
}

void RecordingPanel::addNote() {
    const auto id = session_.activeRecordingId();
    if (!id) {
        showError(tr("Nothing is being recorded: a note goes on a running recording."));
        return;
    }
    // The moment is taken when the operator asks, not when the text is typed.
    const auto at = session_.recordingSpace().elapsedS;
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Note on the recording"),
        tr("Note at %1:").arg(QTime(0, 0).addSecs(int(at)).toString(QStringLiteral("H:mm:ss"))),
        QLineEdit::Normal, {}, &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    auto note = session_.addNote(*id, at, text, QStringLiteral("ui"));
    if (!note)
        showError(note.error().message);
}

void RecordingPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (event.as<ev::RecordingStarted>() || event.as<ev::RecordingStopped>()) {
        updateState();
    } else if (const auto* error = event.as<ev::RecordingError>()) {
        // A recording that goes on but is not being written shows in the state line (updateStats).
        if (error->stopped)
            showError(tr("The recording stopped: %1").arg(error->message));
        updateState();
    } else if (event.as<ev::MeetingStarted>() && !titleEdited_ && !isRecording()) {
        setDefaultTitle();
    }
}

void RecordingPanel::setDefaultTitle() {
    QString title = tr("Meeting of %1").arg(QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy")));
    if (const auto meeting = session_.activeMeetingId())
        if (auto m = session_.meetings().get(*meeting))
            title = m->title;
    title_->setText(title);
    titleEdited_ = false;
}

void RecordingPanel::updateState() {
    const bool recording = isRecording();
    record_->setEnabled(!recording);
    stop_->setEnabled(recording);
    title_->setEnabled(!recording);
    style::setButtonColour(record_, style::kRed, recording);
    if (!recording) { // a running recording's state line is updateStats()'s
        state_->setText(tr("Not recording"));
        style::setTextColour(state_, style::kGrey);
    }
    if (recording != wasRecording_) {
        wasRecording_ = recording;
        if (!recording && !titleEdited_)
            setDefaultTitle();
        Q_EMIT recordingChanged(recording);
    }
    updateStats();
}

void RecordingPanel::updateStats() {
    const core::Session::RecordingSpace space = session_.recordingSpace();
    const QLocale locale;
    const bool recording = isRecording();
    const QString problem = recording ? session_.recordingProblem() : QString();
    if (!problem.isEmpty()) {
        // Red from afar, with the reason: the timer runs but the meeting is not being kept.
        state_->setText(tr("NOT BEING WRITTEN: %1").arg(problem));
        style::setBanner(state_, style::kRed);
    } else if (recording && session_.recordingTracksIncomplete()) {
        state_->setText(tr("RECORDING — some sites' own tracks have gaps"));
        style::setTextColour(state_, style::kAmber);
    } else if (recording) {
        state_->setText(tr("RECORDING"));
        style::setTextColour(state_, style::kRed);
    }
    if (recording) {
        elapsed_->setText(clock(space.elapsedS));
        size_->setText(locale.formattedDataSize(space.sizeBytes));
    } else {
        size_->setText(tr("—"));
    }
    style::setTextColour(elapsed_, recording ? style::kRed : style::kText);
    free_->setText(space.freeBytes < 0 ? tr("unknown") : locale.formattedDataSize(space.freeBytes));

    using Level = core::Session::RecordingSpace::Level;
    const Level level = space.level();
    if (space.secondsLeft < 0) {
        timeLeft_->setText(tr("unknown"));
    } else {
        const qint64 minutes = static_cast<qint64>(space.secondsLeft / 60);
        const QString span =
            minutes >= 60 ? tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60) : tr("%1 min").arg(minutes);
        const QString rate = QString::number(space.bytesPerSecond * 8 / 1e6, 'f', 1);
        QString text = space.measured ? tr("about %1 at the current %2 Mbit/s").arg(span, rate)
                                      : tr("about %1 at the nominal %2 Mbit/s").arg(span, rate);
        if (level == Level::Critical)
            text = tr("Disk almost full: %1 — the recording will stop").arg(text);
        else if (level == Level::Warning)
            text = tr("Little disk space: %1").arg(text);
        timeLeft_->setText(text);
    }
    style::setTextColour(timeLeft_, level == Level::Critical  ? style::kRed
                                    : level == Level::Warning ? style::kAmber
                                                              : style::kGreen);
    const int levelNumber = static_cast<int>(level);
    if (levelNumber != diskLevel_) {
        diskLevel_ = levelNumber;
        Q_EMIT diskLevelChanged(levelNumber);
    }
}

void RecordingPanel::showError(const QString& message) {
    error_->setText(message);
    error_->show();
}

} // namespace hntt::ui
