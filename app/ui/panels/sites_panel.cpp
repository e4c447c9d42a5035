#include "ui/panels/sites_panel.h"

#include "core/session/session.h"
#include "core/text_fold.h"
#include "hntt/engine/gain.h"
#include "ui/call_look.h"
#include "ui/panels/join_link_dialog.h"
#include "ui/panels/panel_style.h"
#include "ui/panels/site_dialog.h"
#include "ui/site_drag.h"
#include "ui/site_selection.h"
#include "ui/status_colors.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kFoldedRole = Qt::UserRole + 2;
constexpr int kMutedRole = Qt::UserRole + 3;
constexpr int kVideoMutedRole = Qt::UserRole + 4;
constexpr int kGainRole = Qt::UserRole + 5;
constexpr int kStatusRole = Qt::UserRole + 6; // the API's word: connected, lost, …

enum Column { NameColumn, StatusColumn, AudioColumn, CallColumn };

// A tree whose items drag out as sites, to be dropped on preview slots.
class SiteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {siteMimeType()}; }
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override {
        if (items.isEmpty())
            return nullptr;
        return siteMimeData(items.first()->data(NameColumn, kIdRole).toLongLong()).release();
    }
};

qint64 idOf(const QTreeWidgetItem* item) {
    return item ? item->data(NameColumn, kIdRole).toLongLong() : 0;
}

} // namespace

SitesPanel::SitesPanel(core::Session& session, SiteSelection& selection, QWidget* parent)
    : QWidget(parent)
    , session_(session)
    , selection_(selection) {
    setObjectName(QStringLiteral("sitesPanel"));

    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("siteSearch"));
    search_->setPlaceholderText(tr("Find a site (diacritics optional)…"));
    search_->setToolTip(tr("Enter puts the first match in the next free slot of preview; Esc gives the "
                           "keys back to the console."));
    search_->setClearButtonEnabled(true);

    auto* tree = new SiteTree(this);
    tree_ = tree;
    tree_->setObjectName(QStringLiteral("siteTree"));
    tree_->setColumnCount(4);
    tree_->setHeaderLabels({tr("Site"), tr("Status"), tr("Audio"), tr("Call")});
    tree_->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(AudioColumn, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(CallColumn, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    tree_->setUniformRowHeights(true);
    tree_->setDragEnabled(true);
    tree_->setDragDropMode(QAbstractItemView::DragOnly);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("siteSummary"));
    summary_->setStyleSheet(QStringLiteral("color: #aab0b8;"));
    summary_->setWordWrap(true); // a long message (a site's name in it) wraps; it never widens the window
    callSummary_ = new QLabel(this);
    callSummary_->setObjectName(QStringLiteral("callSummary"));
    callSummary_->setWordWrap(true);

    // Actions on the selected site, and on its district (the site with everything under it).
    mute_ = new QAction(tr("&Mute"), this);
    mute_->setCheckable(true);
    mute_->setShortcut(Qt::Key_M);
    mute_->setToolTip(tr("Mute or unmute the selected site's sound (M)"));
    videoMute_ = new QAction(tr("&Video off"), this);
    videoMute_->setCheckable(true);
    videoMute_->setToolTip(tr("Replace the selected site's picture with its name slate"));
    floor_ = new QAction(this);
    floor_->setShortcut(Qt::Key_F9);
    floorDirect_ = new QAction(tr("Floor straight to program"), this);
    floorDirect_->setObjectName(QStringLiteral("floorDirect"));
    floorDirect_->setCheckable(true);
    floorDirect_->setChecked(session_.settings().floorStraightToProgram());
    floorDirect_->setToolTip(tr("F9 puts the floor on air at once, without TAKE"));
    showFloorMode();
    preview_ = new QAction(tr("To &preview"), this);
    preview_->setToolTip(tr("Show the selected site alone on preview (Enter in the list)"));
    muteAllButFloor_ = new QAction(tr("Mute all but the floor"), this);
    muteAllButFloor_->setShortcut(Qt::SHIFT | Qt::Key_M);
    groupMute_ = new QAction(tr("Mute the whole group"), this);
    groupMute_->setObjectName(QStringLiteral("groupMute"));
    groupUnmute_ = new QAction(tr("Unmute the whole group"), this);
    groupUnmute_->setObjectName(QStringLiteral("groupUnmute"));
    groupBringIn_ = new QAction(tr("Bring the group in"), this);
    groupBringIn_->setObjectName(QStringLiteral("groupBringIn"));
    groupBringIn_->setToolTip(tr("Put the selected site and the sites under it on preview"));
    find_ = new QAction(tr("Find a site"), this);
    find_->setShortcut(QKeySequence::Find);
    // SIP calls of the sites that have an address.
    call_ = new QAction(tr("&Call"), this);
    call_->setObjectName(QStringLiteral("callSite"));
    call_->setToolTip(tr("Call the selected site at its SIP address"));
    hangup_ = new QAction(tr("&Hang up"), this);
    hangup_->setObjectName(QStringLiteral("hangupSite"));
    hangup_->setToolTip(tr("End the selected site's call, or stop calling it again"));
    callAll_ = new QAction(tr("Call every SIP site"), this);
    callAll_->setObjectName(QStringLiteral("callAllSip"));
    callAll_->setToolTip(
        tr("Call every site of the running meeting that has a SIP address (every such site when no "
           "meeting runs)"));
    joinLink_ = new QAction(tr("&Join link…"), this);
    joinLink_->setObjectName(QStringLiteral("joinLink"));
    joinLink_->setToolTip(tr("The link a commune opens in its browser to join as the selected site"));
    edit_ = new QAction(tr("&Edit site…"), this);
    edit_->setObjectName(QStringLiteral("editSite"));
    edit_->setToolTip(tr("Name and addresses of the selected site: source, return feed, SIP"));
    connect(call_, &QAction::triggered, this, &SitesPanel::callSelected);
    connect(hangup_, &QAction::triggered, this, &SitesPanel::hangupSelected);
    connect(callAll_, &QAction::triggered, this, &SitesPanel::callAllSip);
    connect(edit_, &QAction::triggered, this, &SitesPanel::editSelected);
    connect(joinLink_, &QAction::triggered, this, &SitesPanel::showJoinLink);
    connect(find_, &QAction::triggered, search_, [this] {
        search_->setFocus();
        search_->selectAll();
    });
    connect(mute_, &QAction::triggered, this, &SitesPanel::toggleMuteSelected);
    connect(videoMute_, &QAction::triggered, this, &SitesPanel::toggleVideoMuteSelected);
    connect(floor_, &QAction::triggered, this, &SitesPanel::giveFloorToSelected);
    connect(floorDirect_, &QAction::toggled, this, [this](bool on) {
        session_.settings().setFloorStraightToProgram(on);
        showFloorMode();
    });
    connect(preview_, &QAction::triggered, this, &SitesPanel::previewSelected);
    connect(muteAllButFloor_, &QAction::triggered, this, &SitesPanel::muteAllButFloor);
    connect(groupMute_, &QAction::triggered, this, [this] { setGroupMuted(true); });
    connect(groupUnmute_, &QAction::triggered, this, [this] { setGroupMuted(false); });
    connect(groupBringIn_, &QAction::triggered, this, &SitesPanel::bringInGroup);

    auto button = [this](QAction* action, const QString& name) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setObjectName(name);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    gain_ = new QDoubleSpinBox(this);
    gain_->setObjectName(QStringLiteral("siteGain"));
    gain_->setRange(engine::gain::kFaderMinDb, engine::gain::kFaderMaxDb);
    gain_->setSingleStep(0.5);
    gain_->setDecimals(1);
    gain_->setSuffix(tr(" dB"));
    gain_->setToolTip(tr("Gain of the selected site"));
    gain_->setKeyboardTracking(false);
    connect(gain_, &QDoubleSpinBox::valueChanged, this, [this](double db) {
        const qint64 id = selection_.current();
        if (!id || !items_.contains(id) ||
            qFuzzyCompare(items_[id]->data(NameColumn, kGainRole).toDouble() + 100, db + 100))
            return;
        if (auto r = session_.setSiteAudio(id, std::nullopt, db, QStringLiteral("ui")); !r)
            report(r.error().message);
    });

    // Two short rows rather than one long one: the side dock stays narrow enough for the whole
    // console to fit a 1366-pixel screen in Vietnamese, whose words are the longer.
    auto* siteBar = new QHBoxLayout;
    siteBar->addWidget(button(mute_, QStringLiteral("muteButton")));
    siteBar->addWidget(button(videoMute_, QStringLiteral("videoMuteButton")));
    siteBar->addWidget(gain_);
    siteBar->addStretch();
    auto* airBar = new QHBoxLayout;
    airBar->addWidget(button(floor_, QStringLiteral("floorButton")));
    airBar->addWidget(button(preview_, QStringLiteral("previewButton")));
    airBar->addStretch();
    // Group actions behind one button: the bar stays narrow enough for a side dock.
    auto* group = new QToolButton(this);
    group->setObjectName(QStringLiteral("groupButton"));
    group->setText(tr("Whole group"));
    group->setToolTip(tr("Actions on the selected site and every site under it"));
    group->setPopupMode(QToolButton::InstantPopup);
    auto* groupMenu = new QMenu(group);
    groupMenu->addActions({groupBringIn_, groupMute_, groupUnmute_});
    group->setMenu(groupMenu);
    auto* groupBar = new QHBoxLayout;
    groupBar->addWidget(group);
    groupBar->addWidget(button(muteAllButFloor_, QStringLiteral("muteAllButFloorButton")));
    groupBar->addStretch();

    // Calls in a row of their own, shown once SIP is on or a site has an address.
    callBar_ = new QWidget(this);
    auto* callBar = new QHBoxLayout(callBar_);
    callBar->setContentsMargins(0, 0, 0, 0);
    callBar->addWidget(button(call_, QStringLiteral("callButton")));
    callBar->addWidget(button(hangup_, QStringLiteral("hangupButton")));
    callBar->addWidget(button(callAll_, QStringLiteral("callAllButton")));
    callBar->addWidget(button(joinLink_, QStringLiteral("joinLinkButton")));
    callBar->addStretch();
    callTick_ = new QTimer(this);
    callTick_->setInterval(500);
    connect(callTick_, &QTimer::timeout, this, &SitesPanel::tickCalls);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(search_);
    layout->addWidget(tree_, 1);
    layout->addLayout(siteBar);
    layout->addLayout(airBar);
    layout->addLayout(groupBar);
    layout->addWidget(callBar_);
    layout->addWidget(summary_);
    layout->addWidget(callSummary_);

    connect(search_, &QLineEdit::textChanged, this, &SitesPanel::setFilter);
    connect(tree_, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { selection_.select(idOf(item)); });
    // Enter or a double-click on a site, or Enter in the search box: that site on preview.
    connect(tree_, &QTreeWidget::itemActivated, this, [this] { previewSelected(); });
    connect(search_, &QLineEdit::returnPressed, this, &SitesPanel::addSelectedToPreview);
    connect(tree_, &QWidget::customContextMenuRequested, this, &SitesPanel::showContextMenu);
    connect(&selection_, &SiteSelection::changed, this, &SitesPanel::onSelectionChanged);
    connect(&session_, &core::Session::changed, this, &SitesPanel::onEvent);
    rebuild();
}

void SitesPanel::rebuild() {
    const qint64 keep = selection_.current();
    tree_->clear();
    items_.clear();
    calls_.clear();
    sipSites_.clear();
    auto sites = session_.sites();
    if (!sites) {
        report(sites.error().message);
        return;
    }
    // The directory lists parents before their children (tree order).
    for (const core::SiteView& site : *sites) {
        const qint64 id = site.record.id;
        QTreeWidgetItem* parent = items_.value(site.record.parentId.value_or(0));
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree_);
        item->setData(NameColumn, kIdRole, id);
        items_.insert(id, item);
        paintItem(item, site);
    }
    // Province and districts open, communes folded: the usual working view.
    for (QTreeWidgetItem* item : std::as_const(items_))
        if (item->childCount() > 0 && (!item->parent() || !item->parent()->parent()))
            item->setExpanded(!item->parent());
    setFilter(search_->text());
    if (QTreeWidgetItem* item = items_.value(keep))
        tree_->setCurrentItem(item);
    // A console without SIP nor browser sites keeps its narrow list.
    const bool sip = session_.options().sipEnabled || !sipSites_.isEmpty();
    const bool browsers = session_.browserSitesOn() && !session_.joinBase().isEmpty();
    callBar_->setVisible(sip || browsers);
    for (const char* name : {"callButton", "hangupButton", "callAllButton"})
        if (auto* b = findChild<QToolButton*>(QLatin1String(name)))
            b->setVisible(sip);
    tree_->setColumnHidden(CallColumn, !sip && !browsers);
    updateActions();
    updateCallSummary();
}

void SitesPanel::paintItem(QTreeWidgetItem* item, const core::SiteView& site) {
    const QString name = site.record.name;
    const QString status = core::stateName(site.state);
    const bool muted = site.audioMuted;
    const bool videoMuted = site.videoMuted;
    const double gain = site.gainDb;
    const qint64 id = site.record.id;
    item->setText(NameColumn, name);
    item->setData(NameColumn, kFoldedRole, core::foldForSearch(name));
    item->setData(NameColumn, kMutedRole, muted);
    item->setData(NameColumn, kVideoMutedRole, videoMuted);
    item->setData(NameColumn, kGainRole, gain);
    item->setData(NameColumn, kStatusRole, status);
    item->setIcon(NameColumn, statusIcon(status));
    item->setText(StatusColumn, statusText(status));
    item->setForeground(StatusColumn, statusColor(status));
    QStringList audioText;
    if (muted)
        audioText << tr("muted");
    else if (std::abs(gain) >= 0.05)
        audioText << tr("%1 dB").arg(gain, 0, 'f', 1);
    if (videoMuted)
        audioText << tr("video off");
    item->setText(AudioColumn, audioText.join(QStringLiteral(", ")));
    item->setForeground(AudioColumn, muted ? QColor(0xff, 0xb3, 0x47) : QColor(0xaa, 0xb0, 0xb8));
    QFont f = tree_->font();
    f.setBold(id == speaking_);
    item->setFont(NameColumn, f);
    item->setToolTip(NameColumn, id == speaking_ ? tr("%1 — speaking").arg(name) : name);

    if (site.record.sipUri.isEmpty())
        sipSites_.remove(id);
    else
        sipSites_.insert(id);
    if (site.call) {
        calls_.insert(id, *site.call);
        item->setText(CallColumn, CallLook::text(*site.call));
        item->setForeground(CallColumn, CallLook::color(*site.call));
        item->setToolTip(CallColumn, CallLook::toolTip(*site.call));
    } else {
        calls_.remove(id);
        const bool sip = !site.record.sipUri.isEmpty();
        item->setText(CallColumn, sip ? tr("not called") : QString());
        item->setForeground(CallColumn, style::kGrey);
        item->setToolTip(CallColumn, sip ? tr("SIP address: %1").arg(site.record.sipUri) : QString());
    }
    const bool moving = std::any_of(calls_.cbegin(), calls_.cend(), [](const core::CallView& c) {
        const CallLook::Kind k = CallLook::kind(c);
        return k == CallLook::Kind::Ringing || k == CallLook::Kind::Redialling;
    });
    if (moving && !callTick_->isActive())
        callTick_->start();
    else if (!moving)
        callTick_->stop();
}

void SitesPanel::refreshItem(qint64 siteId) {
    QTreeWidgetItem* item = items_.value(siteId);
    if (!item)
        return;
    if (const auto site = session_.site(siteId)) // the session's read model: no query
        paintItem(item, *site);
    if (siteId == selection_.current())
        updateActions();
}

void SitesPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (event.as<ev::SiteCreated>() || event.as<ev::SiteDeleted>() || event.as<ev::SiteUpdated>()) {
        // A new site, a move in the tree or a new name: cheap enough to rebuild, and always right.
        rebuild();
    } else if (const auto* status = event.as<ev::SiteStatus>()) {
        refreshItem(status->siteId);
        updateSummary();
    } else if (const auto* audio = event.as<ev::SiteAudio>()) {
        refreshItem(audio->siteId);
    } else if (const auto* video = event.as<ev::SiteVideo>()) {
        refreshItem(video->siteId);
    } else if (const auto* call = event.as<ev::CallState>()) {
        refreshItem(call->siteId);
        updateCallSummary();
    } else if (event.as<ev::MeetingStarted>()) {
        updateCallSummary(); // another meeting: another set of sites to call
    } else if (const auto* speaker = event.as<ev::SpeakerChanged>()) {
        const qint64 before = speaking_;
        speaking_ = speaker->siteId.value_or(0);
        refreshItem(before);
        refreshItem(speaking_);
        return;
    } else {
        return;
    }
    updateActions();
}

void SitesPanel::setFilter(const QString& text) {
    filterKey_ = core::foldForSearch(text);
    const QString& key = filterKey_;
    matches_ = 0;
    // A site shows when it matches or something under it does; its parents show with it.
    std::function<bool(QTreeWidgetItem*)> visit = [&](QTreeWidgetItem* item) {
        const bool self = key.isEmpty() || item->data(NameColumn, kFoldedRole).toString().contains(key);
        matches_ += self;
        bool any = self;
        for (int i = 0; i < item->childCount(); ++i)
            any = visit(item->child(i)) || any;
        item->setHidden(!any);
        if (!key.isEmpty() && any && item->childCount() > 0)
            item->setExpanded(true);
        return any;
    };
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        visit(tree_->topLevelItem(i));
    // Typing a name and pressing Enter should act on the first match.
    if (!key.isEmpty()) {
        for (QTreeWidgetItemIterator it(tree_); *it; ++it)
            if (!(*it)->isHidden() && (*it)->data(NameColumn, kFoldedRole).toString().contains(key)) {
                tree_->setCurrentItem(*it);
                break;
            }
    }
    updateSummary();
}

void SitesPanel::updateSummary() {
    if (!filterKey_.isEmpty()) {
        summary_->setText(tr("%1 of %2 sites match").arg(matches_).arg(items_.size()));
        return;
    }
    int connected = 0, lost = 0;
    for (QTreeWidgetItem* item : std::as_const(items_)) {
        const QString status = item->data(NameColumn, kStatusRole).toString();
        connected += status == QLatin1String("connected");
        lost += status == QLatin1String("lost");
    }
    summary_->setText(tr("%1 sites · %2 connected · %3 lost").arg(items_.size()).arg(connected).arg(lost));
}

void SitesPanel::onSelectionChanged(qint64 siteId) {
    QTreeWidgetItem* item = items_.value(siteId);
    if (item && tree_->currentItem() != item) {
        const QSignalBlocker block(tree_);
        tree_->setCurrentItem(item);
        tree_->scrollToItem(item);
    }
    updateActions();
}

void SitesPanel::updateActions() {
    QTreeWidgetItem* item = items_.value(selection_.current());
    const bool has = item != nullptr;
    for (QAction* a :
         {mute_, videoMute_, floor_, preview_, groupMute_, groupUnmute_, groupBringIn_, edit_, joinLink_})
        a->setEnabled(has);
    gain_->setEnabled(has);
    muteAllButFloor_->setEnabled(session_.floor().has_value());
    const qint64 id = selection_.current();
    const auto call = calls_.constFind(id);
    const bool live = call != calls_.cend() && call->state != core::CallView::State::Ended;
    // Calling a site already in a call is refused by the core; the button says so before.
    call_->setEnabled(has && sipSites_.contains(id) && !live);
    hangup_->setEnabled(has && call != calls_.cend() && (live || call->redialAt.isValid()));
    callAll_->setEnabled(!sipSites_.isEmpty());
    const bool muted = has && item->data(NameColumn, kMutedRole).toBool();
    // The button says what pressing it does.
    mute_->setText(muted ? tr("Un&mute") : tr("&Mute"));
    if (!has)
        return;
    mute_->setChecked(muted);
    videoMute_->setChecked(item->data(NameColumn, kVideoMutedRole).toBool());
    const QSignalBlocker block(gain_);
    gain_->setValue(item->data(NameColumn, kGainRole).toDouble());
}

QList<qint64> SitesPanel::selectedGroup() const {
    QList<qint64> ids;
    std::function<void(QTreeWidgetItem*)> collect = [&](QTreeWidgetItem* item) {
        ids << idOf(item);
        for (int i = 0; i < item->childCount(); ++i)
            collect(item->child(i));
    };
    if (QTreeWidgetItem* item = items_.value(selection_.current()))
        collect(item);
    return ids;
}

void SitesPanel::report(const QString& failure) {
    summary_->setText(failure);
    Q_EMIT problem(failure);
}

void SitesPanel::toggleMuteSelected() {
    QTreeWidgetItem* item = items_.value(selection_.current());
    if (!item)
        return;
    const bool muted = !item->data(NameColumn, kMutedRole).toBool();
    if (auto r = session_.setSitesMuted({idOf(item)}, muted, QStringLiteral("ui")); !r)
        report(r.error().message);
    updateActions();
}

void SitesPanel::toggleVideoMuteSelected() {
    QTreeWidgetItem* item = items_.value(selection_.current());
    if (!item)
        return;
    const bool muted = !item->data(NameColumn, kVideoMutedRole).toBool();
    if (auto r = session_.setSiteVideoMuted(idOf(item), muted, QStringLiteral("ui")); !r)
        report(r.error().message);
    updateActions();
}

void SitesPanel::giveFloorToSelected() {
    const qint64 id = selection_.current();
    if (!id)
        return;
    if (floorDirect_->isChecked()) {
        if (auto r = session_.giveFloor(id, QStringLiteral("ui")); !r)
            report(r.error().message);
    } else if (auto r = session_.prepareFloor(id, QStringLiteral("ui")); !r) {
        report(r.error().message);
    } else {
        report(tr("The floor for %1 is ready on preview: TAKE (Space) puts it on air.")
                   .arg(items_.contains(id) ? items_[id]->text(NameColumn) : QString::number(id)));
    }
    updateActions();
}

void SitesPanel::showFloorMode() {
    // The mode is in the action's own words, in the menu and on the button alike.
    if (floorDirect_->isChecked()) {
        floor_->setText(tr("Give the &floor (on air)"));
        floor_->setIconText(tr("Floor → air")); // the button's short words
        floor_->setToolTip(
            tr("The selected site takes slot 1 of program at once and its camera recalls preset 1 (F9)"));
    } else {
        floor_->setText(tr("Give the &floor (to preview)"));
        floor_->setIconText(tr("Floor → preview"));
        floor_->setToolTip(
            tr("The selected site takes slot 1 of a focus layout on preview; TAKE puts it on air "
               "and its camera recalls preset 1 (F9)"));
    }
}

void SitesPanel::previewSelected() {
    if (const qint64 id = selection_.current())
        if (auto r = session_.setPreview({"single", {id}}, QStringLiteral("ui")); !r)
            report(r.error().message);
}

void SitesPanel::addSelectedToPreview() {
    if (const qint64 id = selection_.current())
        if (auto r = session_.addToPreview(id, QStringLiteral("ui")); !r)
            report(r.error().message);
}

void SitesPanel::muteAllButFloor() {
    if (auto r = session_.muteAllButFloor(QStringLiteral("ui")); !r)
        report(r.error().message);
}

void SitesPanel::setGroupMuted(bool muted) {
    const QList<qint64> ids = selectedGroup();
    if (ids.isEmpty())
        return;
    if (auto r = session_.setSitesMuted(ids, muted, QStringLiteral("ui")); !r)
        report(r.error().message);
}

void SitesPanel::bringInGroup() {
    const QList<qint64> ids = selectedGroup();
    if (ids.isEmpty())
        return;
    if (auto r = session_.bringIn(ids, QStringLiteral("ui")); !r)
        report(r.error().message);
    else if (ids.size() > 25)
        report(tr("Only the first 25 of %1 sites fit on preview.").arg(ids.size()));
}

QList<qint64> SitesPanel::sipScope() const {
    QList<qint64> scope;
    if (const auto meetingId = session_.activeMeetingId()) {
        if (const auto meeting = session_.meetings().get(*meetingId)) {
            QList<qint64> ids = meeting->siteIds;
            if (meeting->hostSiteId && !ids.contains(meeting->hostSiteId))
                ids.prepend(meeting->hostSiteId);
            for (const qint64 id : std::as_const(ids))
                if (sipSites_.contains(id))
                    scope << id;
            return scope;
        }
    }
    // In the tree's order, as the operator reads the list.
    for (QTreeWidgetItemIterator it(tree_); *it; ++it)
        if (sipSites_.contains(idOf(*it)))
            scope << idOf(*it);
    return scope;
}

void SitesPanel::callSelected() {
    const qint64 id = selection_.current();
    if (!id)
        return;
    if (auto r = session_.callSite(id, QStringLiteral("ui")); !r)
        report(r.error().message);
    updateActions();
}

void SitesPanel::showJoinLink() {
    const qint64 id = selection_.current();
    if (!id)
        return;
    JoinLinkDialog dialog(session_, id, this);
    dialog.exec();
}

void SitesPanel::hangupSelected() {
    const qint64 id = selection_.current();
    if (!id)
        return;
    if (auto r = session_.hangupSite(id, QStringLiteral("ui")); !r)
        report(r.error().message);
    updateActions();
}

void SitesPanel::callAllSip() {
    const QList<qint64> scope = sipScope();
    if (scope.isEmpty()) {
        report(session_.activeMeetingId() ? tr("No site of the running meeting has a SIP address.")
                                          : tr("No site has a SIP address."));
        return;
    }
    if (const auto meetingId = session_.activeMeetingId()) {
        // The meeting's sites in one act of the core, logged as one.
        auto calls = session_.callMeetingSites(*meetingId, QStringLiteral("ui"));
        if (!calls)
            report(calls.error().message);
        else if (!calls->failed.isEmpty())
            report(tr("%n site(s) could not be called; the event log says why.", nullptr,
                      int(calls->failed.size())));
        else if (calls->placed.isEmpty())
            report(tr("Every SIP site is already ringing or in its call."));
        updateActions();
        updateCallSummary();
        return;
    }
    int placed = 0, failed = 0;
    QString firstFailure;
    for (const qint64 id : scope) {
        const auto call = calls_.constFind(id);
        if (call != calls_.cend() && call->state != core::CallView::State::Ended)
            continue; // already ringing or in the call
        if (auto r = session_.callSite(id, QStringLiteral("ui")); r) {
            ++placed;
        } else {
            ++failed;
            if (firstFailure.isEmpty())
                firstFailure = r.error().message;
            if (r.error().code == core::Error::Code::Unavailable)
                break; // SIP is off: every other site would say the same
        }
    }
    if (failed > 0)
        report(tr("%n site(s) could not be called: %1", nullptr, failed).arg(firstFailure));
    else if (placed == 0)
        report(tr("Every SIP site is already ringing or in its call."));
    updateActions();
    updateCallSummary();
}

void SitesPanel::editSelected() {
    const qint64 id = selection_.current();
    if (!id)
        return;
    SiteDialog dialog(session_, id, this);
    dialog.exec();
}

void SitesPanel::updateCallSummary() {
    const QList<qint64> scope = sipScope();
    callSummary_->setVisible(!scope.isEmpty());
    if (scope.isEmpty())
        return;
    int connected = 0, ringing = 0, held = 0, redialling = 0, ended = 0;
    for (const qint64 id : scope) {
        const auto call = calls_.constFind(id);
        if (call == calls_.cend())
            continue;
        switch (CallLook::kind(*call)) {
        case CallLook::Kind::Connected:
            ++connected;
            break;
        case CallLook::Kind::OnHold:
            ++connected;
            ++held;
            break;
        case CallLook::Kind::Ringing:
            ++ringing;
            break;
        case CallLook::Kind::Redialling:
            ++redialling;
            break;
        case CallLook::Kind::Ended:
            ++ended;
            break;
        }
    }
    QStringList parts{tr("SIP calls: %1 of %2 connected").arg(connected).arg(scope.size())};
    if (held)
        parts << tr("%1 on hold").arg(held);
    if (ringing)
        parts << tr("%1 ringing").arg(ringing);
    if (redialling)
        parts << tr("%1 redialling").arg(redialling);
    if (ended)
        parts << tr("%1 ended").arg(ended);
    callSummary_->setText(parts.join(QStringLiteral(" · ")));
    const QColor colour = connected == scope.size()         ? style::kGreen
                          : ended > 0                       ? style::kRed
                          : ringing + redialling + held > 0 ? style::kAmber
                                                            : style::kGrey;
    style::setTextColour(callSummary_, colour);
}

void SitesPanel::tickCalls() {
    blink_ = !blink_;
    for (auto it = calls_.cbegin(); it != calls_.cend(); ++it) {
        QTreeWidgetItem* item = items_.value(it.key());
        if (!item)
            continue;
        switch (CallLook::kind(*it)) {
        case CallLook::Kind::Ringing:
            // A ringing call pulses so that it is seen from the operator's chair.
            item->setForeground(CallColumn, blink_ ? CallLook::color(*it) : CallLook::color(*it).darker(180));
            break;
        case CallLook::Kind::Redialling:
            item->setText(CallColumn, CallLook::text(*it));
            break;
        default:
            break;
        }
    }
}

void SitesPanel::showContextMenu(const QPoint& pos) {
    QTreeWidgetItem* item = tree_->itemAt(pos);
    if (!item)
        return;
    tree_->setCurrentItem(item);
    QMenu menu(this);
    menu.addActions({preview_, floor_, mute_, videoMute_});
    menu.addSeparator();
    if (sipSites_.contains(idOf(item)) || calls_.contains(idOf(item))) {
        menu.addActions({call_, hangup_});
        menu.addSeparator();
    }
    menu.addAction(joinLink_);
    if (item->childCount() > 0)
        menu.addActions({groupBringIn_, groupMute_, groupUnmute_});
    menu.addAction(muteAllButFloor_);
    if (!sipSites_.isEmpty())
        menu.addAction(callAll_);
    menu.addSeparator();
    menu.addAction(edit_);
    menu.exec(tree_->viewport()->mapToGlobal(pos));
}

} // namespace hntt::ui
