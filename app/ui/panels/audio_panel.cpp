#include "ui/panels/audio_panel.h"

#include "core/session/session.h"
#include "core/text_fold.h"
#include "ui/panels/audio_channel.h"
#include "ui/panels/meter_widget.h"
#include "ui/panels/panel_style.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace hntt::ui {

AudioPanel::AudioPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("audioPanel"));
    clock_.start();
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);
    v->setSpacing(4);

    auto* top = new QHBoxLayout;
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("filter"));
    filter_->setPlaceholderText(tr("Filter sites…"));
    filter_->setClearButtonEnabled(true);
    filter_->setMinimumWidth(60);
    top->addWidget(filter_, 1);
    show_ = new QComboBox(this);
    show_->setObjectName(QStringLiteral("show"));
    show_->setToolTip(tr("Which sites the desk shows"));
    show_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    show_->setMinimumContentsLength(8); // the list opens wide; the desk stays narrow on 1366 pixels
    top->addWidget(show_);
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("count"));
    style::setTextColour(count_, style::kGrey);
    top->addWidget(count_);
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

    scroll_ = new QScrollArea(this);
    scroll_->setObjectName(QStringLiteral("channels"));
    scroll_->setWidgetResizable(true);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Never cut a strip: a desk shorter than a strip scrolls up and down as well.
    scroll_->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll_->setFrameShape(QFrame::NoFrame);
    strip_ = new QWidget(scroll_);
    stripLayout_ = new QHBoxLayout(strip_);
    stripLayout_->setContentsMargins(0, 0, 0, 0);
    stripLayout_->setSpacing(4);
    scroll_->setWidget(strip_);
    body->addWidget(scroll_, 1);
    v->addLayout(body, 1);
    // Tall enough for a whole strip and the scroll bar under it.
    scroll_->setMinimumHeight(program_->minimumSizeHint().height() +
                              scroll_->horizontalScrollBar()->sizeHint().height());

    rebuild_ = new QTimer(this);
    rebuild_->setSingleShot(true);
    rebuild_->setInterval(100);
    connect(rebuild_, &QTimer::timeout, this, &AudioPanel::refresh);
    // "Heard now" changes with the sound: looked at twice a second, not at every level update.
    heardTick_ = new QTimer(this);
    heardTick_->setInterval(500);
    connect(heardTick_, &QTimer::timeout, this, [this] {
        for (auto it = channels_.cbegin(); it != channels_.cend(); ++it)
            it.value()->setSpeaking(heard(it.key()));
        if (static_cast<Show>(show_->currentData(Qt::UserRole).toInt()) == Show::Speaking)
            applyFilter();
    });
    heardTick_->start();
    connect(filter_, &QLineEdit::textChanged, this, &AudioPanel::applyFilter);
    connect(show_, &QComboBox::currentIndexChanged, this, &AudioPanel::applyFilter);
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

QList<qint64> AudioPanel::shown() const {
    QList<qint64> out;
    for (qint64 id : order_)
        if (!channels_.value(id)->isHidden())
            out.append(id);
    return out;
}

void AudioPanel::reveal(qint64 siteId) {
    if (AudioChannel* c = channels_.value(siteId); c && !c->isHidden())
        scroll_->ensureWidgetVisible(c, 8, 0);
}

void AudioPanel::setFilter(const QString& text) {
    filter_->setText(text); // applied through textChanged
}

void AudioPanel::setShow(Show show, qint64 districtId) {
    for (int i = 0; i < show_->count(); ++i) {
        if (show_->itemData(i, Qt::UserRole).toInt() == static_cast<int>(show) &&
            (show != Show::District || show_->itemData(i, Qt::UserRole + 1).toLongLong() == districtId)) {
            show_->setCurrentIndex(i);
            return;
        }
    }
}

void AudioPanel::fillShowChoices() {
    const int kind = show_->currentData(Qt::UserRole).toInt();
    const qint64 district = show_->currentData(Qt::UserRole + 1).toLongLong();
    const QSignalBlocker block(show_);
    show_->clear();
    auto add = [this](const QString& text, Show show, qint64 district = 0) {
        show_->addItem(text);
        show_->setItemData(show_->count() - 1, static_cast<int>(show), Qt::UserRole);
        show_->setItemData(show_->count() - 1, district, Qt::UserRole + 1);
    };
    add(tr("All sites"), Show::All);
    add(tr("On program"), Show::OnProgram);
    add(tr("Heard now"), Show::Speaking);
    add(tr("Muted"), Show::Muted);
    if (!districts_.isEmpty())
        show_->insertSeparator(show_->count());
    for (const auto& [id, name] : std::as_const(districts_))
        add(name, Show::District, id);
    // The choice kept across a rebuild; the separator has no data and is never chosen.
    int keep = 0;
    for (int i = 0; i < show_->count(); ++i) {
        const QVariant data = show_->itemData(i, Qt::UserRole);
        if (data.isValid() && data.toInt() == kind &&
            show_->itemData(i, Qt::UserRole + 1).toLongLong() == district) {
            keep = i;
            break;
        }
    }
    show_->setCurrentIndex(keep);
}

void AudioPanel::refresh() {
    program_->setState(session_.programAudioMuted(), session_.programGainDb());
    auto sites = session_.sites();
    if (!sites) {
        showError(sites.error().message);
        return;
    }

    QList<qint64> order;
    QHash<qint64, AudioChannel*> kept;
    QHash<qint64, qint64> parentOf;
    QHash<qint64, core::SiteLevel> levelOf;
    QList<QPair<qint64, QString>> districts;
    lost_.clear();
    for (const core::SiteView& site : sites.value()) {
        const qint64 id = site.record.id;
        AudioChannel* c = channels_.take(id);
        if (!c) {
            c = new AudioChannel(QStringLiteral("audioChannel-%1").arg(id), strip_);
            c->muteClicked = [this, id](bool on) { setSiteMuted(id, on); };
            c->gainChosen = [this, id](double db) { setSiteGain(id, db); };
        }
        kept.insert(id, c);
        order.append(id);
        c->setName(site.record.name);
        c->setState(site.audioMuted, site.gainDb);
        if (site.state == engine::SourceState::Lost)
            lost_.insert(id);
        parentOf.insert(id, site.record.parentId.value_or(0));
        levelOf.insert(id, site.record.level);
        if (site.record.level == core::SiteLevel::District)
            districts.append({id, site.record.name});
    }
    // Channels of deleted sites go.
    for (AudioChannel* gone : std::as_const(channels_))
        gone->deleteLater();
    channels_ = kept;

    districtOf_.clear();
    for (qint64 id : std::as_const(order)) {
        qint64 at = id;
        for (int depth = 0; at && depth < 8 && levelOf.value(at) != core::SiteLevel::District; ++depth)
            at = parentOf.value(at);
        districtOf_.insert(id, at && levelOf.value(at) == core::SiteLevel::District ? at : 0);
    }
    if (districts != districts_) {
        districts_ = districts;
        fillShowChoices();
    }
    if (show_->count() == 0)
        fillShowChoices();

    // Re-laid only when the directory changed: a take moves nothing.
    if (order != order_) {
        order_ = order;
        while (stripLayout_->count() > 0)
            delete stripLayout_->takeAt(0); // the layout items only; the widgets stay
        for (qint64 id : std::as_const(order_))
            stripLayout_->addWidget(channels_.value(id));
        stripLayout_->addStretch(1);
    }
    refreshTags();
}

void AudioPanel::refreshTags() {
    onProgram_.clear();
    for (const auto& slot : session_.program().sites)
        if (slot)
            onProgram_.insert(static_cast<qint64>(*slot));
    for (auto it = channels_.cbegin(); it != channels_.cend(); ++it) {
        const qint64 id = it.key();
        if (onProgram_.contains(id))
            it.value()->setTag(tr("ON AIR"), style::kRed); // short: the channel strip is narrow
        else if (lost_.contains(id))
            it.value()->setTag(tr("LOST"), style::kAmber);
        else
            it.value()->setTag({}, style::kGrey);
    }
    applyFilter();
}

bool AudioPanel::heard(qint64 id) const {
    const auto it = lastHeardMs_.constFind(id);
    return it != lastHeardMs_.constEnd() && clock_.elapsed() - *it <= kHeardHoldMs;
}

void AudioPanel::applyFilter() {
    const QString key = core::foldForSearch(filter_->text());
    const auto show = static_cast<Show>(show_->currentData(Qt::UserRole).toInt());
    const qint64 district = show_->currentData(Qt::UserRole + 1).toLongLong();
    int visible = 0;
    for (auto it = channels_.cbegin(); it != channels_.cend(); ++it) {
        const qint64 id = it.key();
        AudioChannel* c = it.value();
        bool on = key.isEmpty() || core::foldForSearch(c->name()).contains(key);
        switch (show) {
        case Show::All:
            break;
        case Show::OnProgram:
            on = on && onProgram_.contains(id);
            break;
        case Show::Speaking:
            on = on && heard(id);
            break;
        case Show::Muted:
            on = on && c->muted();
            break;
        case Show::District:
            on = on && districtOf_.value(id) == district;
            break;
        }
        if (c->isHidden() == on)
            c->setVisible(on);
        visible += on ? 1 : 0;
    }
    count_->setText(tr("%1 of %2").arg(visible).arg(channels_.size()));
    count_->setToolTip(tr("%n site(s) shown", nullptr, visible));
}

void AudioPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (const auto* audio = event.as<ev::SiteAudio>()) {
        if (AudioChannel* c = channels_.value(audio->siteId)) {
            c->setState(audio->muted, audio->gainDb);
            if (static_cast<Show>(show_->currentData(Qt::UserRole).toInt()) == Show::Muted)
                applyFilter();
        }
    } else if (const auto* program = event.as<ev::ProgramAudioChanged>()) {
        program_->setState(program->muted, program->gainDb);
    } else if (event.as<ev::ProgramChanged>()) {
        refreshTags();
    } else if (const auto* status = event.as<ev::SiteStatus>()) {
        const bool lost = status->state == engine::SourceState::Lost;
        if (lost != lost_.contains(status->siteId)) {
            if (lost)
                lost_.insert(status->siteId);
            else
                lost_.remove(status->siteId);
            refreshTags();
        }
    } else if (event.as<ev::SiteCreated>() || event.as<ev::SiteDeleted>() || event.as<ev::SiteUpdated>()) {
        rebuild_->start();
    }
}

void AudioPanel::onLevels(const engine::LevelsSnapshot& levels) {
    const qint64 now = clock_.elapsed();
    for (const engine::SiteLevels& s : levels.sites) {
        const auto id = static_cast<qint64>(s.id);
        if (AudioChannel* c = channels_.value(id)) {
            c->meter()->setLevels(s.levels.rmsDbfs, s.levels.peakDbfs);
            if (s.speaking || s.levels.rmsDbfs > kHeardDbfs)
                lastHeardMs_.insert(id, now);
        }
    }
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
