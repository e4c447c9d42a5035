#include "ui/panels/sites_panel.h"

#include "core/session/session.h"
#include "core/text_fold.h"
#include "hntt/engine/gain.h"
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

enum Column { NameColumn, StatusColumn, AudioColumn };

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
    search_->setClearButtonEnabled(true);

    auto* tree = new SiteTree(this);
    tree_ = tree;
    tree_->setObjectName(QStringLiteral("siteTree"));
    tree_->setColumnCount(3);
    tree_->setHeaderLabels({tr("Site"), tr("Status"), tr("Audio")});
    tree_->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(AudioColumn, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    tree_->setUniformRowHeights(true);
    tree_->setDragEnabled(true);
    tree_->setDragDropMode(QAbstractItemView::DragOnly);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("siteSummary"));
    summary_->setStyleSheet(QStringLiteral("color: #aab0b8;"));

    // Actions on the selected site, and on its district (the site with everything under it).
    mute_ = new QAction(tr("&Mute"), this);
    mute_->setCheckable(true);
    mute_->setShortcut(Qt::Key_M);
    mute_->setToolTip(tr("Mute or unmute the selected site's sound (M)"));
    videoMute_ = new QAction(tr("&Video off"), this);
    videoMute_->setCheckable(true);
    videoMute_->setToolTip(tr("Replace the selected site's picture with its name slate"));
    floor_ = new QAction(tr("Give the &floor"), this);
    floor_->setShortcut(Qt::Key_F9);
    floor_->setToolTip(tr("The selected site takes slot 1 of program and its camera recalls preset 1 (F9)"));
    preview_ = new QAction(tr("To &preview"), this);
    preview_->setToolTip(tr("Show the selected site alone on preview (Enter in the list or the search box)"));
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
    connect(find_, &QAction::triggered, search_, [this] {
        search_->setFocus();
        search_->selectAll();
    });
    connect(mute_, &QAction::triggered, this, &SitesPanel::toggleMuteSelected);
    connect(videoMute_, &QAction::triggered, this, &SitesPanel::toggleVideoMuteSelected);
    connect(floor_, &QAction::triggered, this, &SitesPanel::giveFloorToSelected);
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

    auto* siteBar = new QHBoxLayout;
    siteBar->addWidget(button(mute_, QStringLiteral("muteButton")));
    siteBar->addWidget(button(videoMute_, QStringLiteral("videoMuteButton")));
    siteBar->addWidget(gain_);
    siteBar->addWidget(button(floor_, QStringLiteral("floorButton")));
    siteBar->addWidget(button(preview_, QStringLiteral("previewButton")));
    siteBar->addStretch();
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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(search_);
    layout->addWidget(tree_, 1);
    layout->addLayout(siteBar);
    layout->addLayout(groupBar);
    layout->addWidget(summary_);

    connect(search_, &QLineEdit::textChanged, this, &SitesPanel::setFilter);
    connect(tree_, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { selection_.select(idOf(item)); });
    // Enter or a double-click on a site, or Enter in the search box: that site on preview.
    connect(tree_, &QTreeWidget::itemActivated, this, [this] { previewSelected(); });
    connect(search_, &QLineEdit::returnPressed, this, &SitesPanel::previewSelected);
    connect(tree_, &QWidget::customContextMenuRequested, this, &SitesPanel::showContextMenu);
    connect(&selection_, &SiteSelection::changed, this, &SitesPanel::onSelectionChanged);
    connect(&session_, &core::Session::changed, this, &SitesPanel::onEvent);
    rebuild();
}

void SitesPanel::rebuild() {
    const qint64 keep = selection_.current();
    tree_->clear();
    items_.clear();
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
    updateActions();
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
    for (QAction* a : {mute_, videoMute_, floor_, preview_, groupMute_, groupUnmute_, groupBringIn_})
        a->setEnabled(has);
    gain_->setEnabled(has);
    muteAllButFloor_->setEnabled(session_.floor().has_value());
    if (!has)
        return;
    mute_->setChecked(item->data(NameColumn, kMutedRole).toBool());
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
    if (const qint64 id = selection_.current())
        if (auto r = session_.giveFloor(id, QStringLiteral("ui")); !r)
            report(r.error().message);
    updateActions();
}

void SitesPanel::previewSelected() {
    if (const qint64 id = selection_.current())
        if (auto r = session_.setPreview({"single", {id}}, QStringLiteral("ui")); !r)
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

void SitesPanel::showContextMenu(const QPoint& pos) {
    QTreeWidgetItem* item = tree_->itemAt(pos);
    if (!item)
        return;
    tree_->setCurrentItem(item);
    QMenu menu(this);
    menu.addActions({preview_, floor_, mute_, videoMute_});
    menu.addSeparator();
    if (item->childCount() > 0)
        menu.addActions({groupBringIn_, groupMute_, groupUnmute_});
    menu.addAction(muteAllButFloor_);
    menu.exec(tree_->viewport()->mapToGlobal(pos));
}

} // namespace hntt::ui
