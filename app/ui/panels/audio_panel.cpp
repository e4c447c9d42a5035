#include "ui/panels/audio_panel.h"

#include "core/session/session.h"
#include "core/text_fold.h"
#include "hntt/engine/gain.h"
#include "ui/panels/meter_widget.h"
#include "ui/panels/panel_style.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>
#include <functional>

namespace hntt::ui {

// One channel strip: name, meter beside a gain fader, the gain in dB, and mute.
class AudioChannel : public QFrame {
public:
    std::function<void(bool)> muteClicked;
    std::function<void(double)> gainChosen;

    AudioChannel(const QString& objectName, QWidget* parent)
        : QFrame(parent) {
        setObjectName(objectName);
        setFrameShape(QFrame::StyledPanel);
        setFixedWidth(96);
        auto* v = new QVBoxLayout(this);
        v->setContentsMargins(4, 4, 4, 4);
        v->setSpacing(4);

        name_ = new QLabel(this);
        name_->setObjectName(QStringLiteral("name"));
        name_->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        name_->setWordWrap(true);
        name_->setFixedHeight(fontMetrics().lineSpacing() * 2 + 2);
        v->addWidget(name_);
        tag_ = new QLabel(this);
        tag_->setObjectName(QStringLiteral("tag"));
        tag_->setAlignment(Qt::AlignHCenter);
        v->addWidget(tag_);

        auto* h = new QHBoxLayout;
        h->setSpacing(2);
        meter_ = new MeterWidget(this);
        h->addWidget(meter_, 0, Qt::AlignHCenter);
        slider_ = new QSlider(Qt::Vertical, this);
        slider_->setObjectName(QStringLiteral("fader"));
        slider_->setRange(static_cast<int>(engine::gain::kFaderMinDb * 2),
                          static_cast<int>(engine::gain::kFaderMaxDb * 2));
        slider_->setPageStep(6);
        slider_->setTickPosition(QSlider::TicksRight);
        slider_->setTickInterval(10);
        h->addWidget(slider_);
        v->addLayout(h, 1);

        gain_ = new QDoubleSpinBox(this);
        gain_->setObjectName(QStringLiteral("gain"));
        gain_->setRange(engine::gain::kFaderMinDb, engine::gain::kFaderMaxDb);
        gain_->setSingleStep(0.5);
        gain_->setDecimals(1);
        gain_->setSuffix(QStringLiteral(" dB"));
        gain_->setKeyboardTracking(false);
        gain_->setAlignment(Qt::AlignRight);
        v->addWidget(gain_);

        mute_ = new QPushButton(AudioPanel::tr("Mute"), this);
        mute_->setObjectName(QStringLiteral("mute"));
        mute_->setCheckable(true);
        v->addWidget(mute_);

        // A fader drag sends one change when it rests, not one per pixel.
        apply_ = new QTimer(this);
        apply_->setSingleShot(true);
        apply_->setInterval(150);
        connect(apply_, &QTimer::timeout, this, [this] {
            if (gainChosen && gain_->value() != shownGain_)
                gainChosen(gain_->value());
        });
        connect(slider_, &QSlider::valueChanged, this, [this](int halfDb) {
            const QSignalBlocker block(gain_);
            gain_->setValue(halfDb / 2.0);
            apply_->start();
        });
        connect(gain_, &QDoubleSpinBox::valueChanged, this, [this](double db) {
            const QSignalBlocker block(slider_);
            slider_->setValue(static_cast<int>(std::lround(db * 2)));
            apply_->start();
        });
        connect(mute_, &QPushButton::clicked, this, [this](bool on) {
            if (muteClicked)
                muteClicked(on);
        });
    }

    void setName(const QString& name) {
        name_->setText(name);
        name_->setToolTip(name);
    }
    void setTag(const QString& text, const QColor& colour) {
        tag_->setText(text);
        style::setTextColour(tag_, colour);
    }
    // What the session says now; never sent back.
    void setState(bool muted, double gainDb) {
        const QSignalBlocker b1(mute_), b2(gain_), b3(slider_);
        mute_->setChecked(muted);
        style::setButtonColour(mute_, style::kRed, muted);
        mute_->setText(muted ? AudioPanel::tr("Muted") : AudioPanel::tr("Mute"));
        meter_->setDimmed(muted);
        if (apply_->isActive())
            return; // the operator's own change is on its way
        shownGain_ = std::clamp(gainDb, engine::gain::kFaderMinDb, engine::gain::kFaderMaxDb);
        gain_->setValue(shownGain_);
        slider_->setValue(static_cast<int>(std::lround(shownGain_ * 2)));
    }
    bool muted() const { return mute_->isChecked(); }
    double gain() const { return gain_->value(); }
    MeterWidget* meter() const { return meter_; }
    QString name() const { return name_->text(); }

private:
    QLabel* name_ = nullptr;
    QLabel* tag_ = nullptr;
    MeterWidget* meter_ = nullptr;
    QSlider* slider_ = nullptr;
    QDoubleSpinBox* gain_ = nullptr;
    QPushButton* mute_ = nullptr;
    QTimer* apply_ = nullptr;
    double shownGain_ = 0;
};

AudioPanel::AudioPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("audioPanel"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);

    auto* top = new QHBoxLayout;
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("filter"));
    filter_->setPlaceholderText(tr("Filter sites…"));
    filter_->setClearButtonEnabled(true);
    top->addWidget(filter_, 1);
    programOnly_ = new QCheckBox(tr("Program sites only"), this);
    programOnly_->setObjectName(QStringLiteral("programOnly"));
    top->addWidget(programOnly_);
    v->addLayout(top);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("error"));
    error_->setWordWrap(true);
    style::setTextColour(error_, style::kRed);
    error_->hide();
    v->addWidget(error_);

    auto* body = new QHBoxLayout;
    program_ = new AudioChannel(QStringLiteral("audioChannel-program"), this);
    program_->setName(tr("Program mix"));
    program_->setTag(tr("OUTPUT"), style::kText);
    // Mute keeps the session's gain: the fader shows only -20…+10 dB, an API client may set less.
    program_->muteClicked = [this](bool on) { setProgramAudio(on, session_.programGainDb()); };
    program_->gainChosen = [this](double db) { setProgramAudio(program_->muted(), db); };
    program_->setState(session_.programAudioMuted(), session_.programGainDb());
    body->addWidget(program_);
    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    body->addWidget(line);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("channels"));
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    strip_ = new QWidget(scroll);
    stripLayout_ = new QHBoxLayout(strip_);
    stripLayout_->setContentsMargins(0, 0, 0, 0);
    stripLayout_->setSpacing(4);
    separator_ = new QFrame(strip_);
    static_cast<QFrame*>(separator_)->setFrameShape(QFrame::VLine);
    scroll->setWidget(strip_);
    body->addWidget(scroll, 1);
    v->addLayout(body, 1);

    rebuild_ = new QTimer(this);
    rebuild_->setSingleShot(true);
    rebuild_->setInterval(100);
    connect(rebuild_, &QTimer::timeout, this, &AudioPanel::refresh);
    connect(filter_, &QLineEdit::textChanged, this, &AudioPanel::setFilter);
    connect(programOnly_, &QCheckBox::toggled, this, &AudioPanel::setProgramSitesOnly);
    connect(&session_, &core::Session::changed, this, &AudioPanel::onEvent);
    connect(&session_, &core::Session::levelsChanged, this, &AudioPanel::onLevels);
    refresh();
}

AudioPanel::~AudioPanel() = default;

QWidget* AudioPanel::channel(qint64 siteId) const {
    return channels_.value(siteId);
}

QWidget* AudioPanel::programChannel() const {
    return program_;
}

MeterWidget* AudioPanel::meter(qint64 siteId) const {
    AudioChannel* c = channels_.value(siteId);
    return c ? c->meter() : nullptr;
}

MeterWidget* AudioPanel::programMeter() const {
    return program_->meter();
}

void AudioPanel::setFilter(const QString& text) {
    if (filter_->text() != text)
        filter_->setText(text); // comes back here through textChanged
    else
        applyFilter();
}

void AudioPanel::setProgramSitesOnly(bool on) {
    if (programOnly_->isChecked() != on)
        programOnly_->setChecked(on);
    else
        applyFilter();
}

void AudioPanel::refresh() {
    onProgram_.clear();
    for (const auto& slot : session_.program().sites)
        if (slot && !onProgram_.contains(static_cast<qint64>(*slot)))
            onProgram_.append(static_cast<qint64>(*slot));
    program_->setState(session_.programAudioMuted(), session_.programGainDb());
    auto sites = session_.sites();
    if (!sites) {
        showError(sites.error().message);
        return;
    }

    QList<qint64> others;
    QHash<qint64, AudioChannel*> kept;
    for (const core::SiteView& site : sites.value()) {
        const qint64 id = site.record.id;
        AudioChannel* c = channels_.take(id);
        if (!c) {
            c = new AudioChannel(QStringLiteral("audioChannel-%1").arg(id), strip_);
            c->muteClicked = [this, id](bool on) { setSiteMuted(id, on); };
            c->gainChosen = [this, id](double db) { setSiteGain(id, db); };
        }
        kept.insert(id, c);
        c->setName(site.record.name);
        c->setState(site.audioMuted, site.gainDb);
        const bool lost = site.state == engine::SourceState::Lost;
        if (onProgram_.contains(id))
            c->setTag(tr("ON AIR"), style::kRed); // short: the channel strip is narrow
        else
            c->setTag(lost ? tr("LOST") : QString(), lost ? style::kAmber : style::kGrey);
        if (!onProgram_.contains(id))
            others.append(id);
    }
    // Channels of deleted sites go.
    for (AudioChannel* gone : std::as_const(channels_))
        gone->deleteLater();
    channels_ = kept;
    onProgram_.removeIf([this](qint64 id) { return !channels_.contains(id); });

    while (stripLayout_->count() > 0)
        delete stripLayout_->takeAt(0); // the layout items only; the widgets stay
    order_ = onProgram_ + others;
    for (qint64 id : std::as_const(onProgram_))
        stripLayout_->addWidget(channels_.value(id));
    stripLayout_->addWidget(separator_);
    for (qint64 id : std::as_const(others))
        stripLayout_->addWidget(channels_.value(id));
    stripLayout_->addStretch(1);
    applyFilter();
}

void AudioPanel::applyFilter() {
    const QString key = core::foldForSearch(filter_->text());
    const bool programOnly = programOnly_->isChecked();
    for (auto it = channels_.cbegin(); it != channels_.cend(); ++it) {
        const bool matches = key.isEmpty() || core::foldForSearch(it.value()->name()).contains(key);
        it.value()->setVisible(matches && (!programOnly || onProgram_.contains(it.key())));
    }
    separator_->setVisible(!onProgram_.isEmpty() && !programOnly);
}

void AudioPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (const auto* audio = event.as<ev::SiteAudio>()) {
        if (AudioChannel* c = channels_.value(audio->siteId))
            c->setState(audio->muted, audio->gainDb);
    } else if (const auto* program = event.as<ev::ProgramAudioChanged>()) {
        program_->setState(program->muted, program->gainDb);
    } else if (event.as<ev::ProgramChanged>() || event.as<ev::SiteCreated>() || event.as<ev::SiteDeleted>() ||
               event.as<ev::SiteUpdated>() || event.as<ev::SiteStatus>()) {
        rebuild_->start();
    }
}

void AudioPanel::onLevels(const engine::LevelsSnapshot& levels) {
    for (const engine::SiteLevels& s : levels.sites)
        if (AudioChannel* c = channels_.value(static_cast<qint64>(s.id)))
            c->meter()->setLevels(s.levels.rmsDbfs, s.levels.peakDbfs);
    program_->meter()->setLevels(levels.program.rmsDbfs, levels.program.peakDbfs);
}

void AudioPanel::setSiteMuted(qint64 id, bool muted) {
    if (auto done = session_.setSiteAudio(id, muted, std::nullopt, QStringLiteral("ui")); !done) {
        showError(done.error().message);
        rebuild_->start(); // the button shows what the session has
        return;
    }
    error_->hide();
}

void AudioPanel::setSiteGain(qint64 id, double gainDb) {
    if (auto done = session_.setSiteAudio(id, std::nullopt, gainDb, QStringLiteral("ui")); !done) {
        showError(done.error().message);
        rebuild_->start();
        return;
    }
    error_->hide();
}

void AudioPanel::setProgramAudio(bool muted, double gainDb) {
    if (auto done = session_.setProgramAudio(muted, gainDb, QStringLiteral("ui")); !done) {
        showError(done.error().message);
        program_->setState(session_.programAudioMuted(), session_.programGainDb());
        return;
    }
    error_->hide();
}

void AudioPanel::showError(const QString& message) {
    error_->setText(message);
    error_->show();
}

} // namespace hntt::ui
