// The site directory as the operator works with it: province → district → commune with status
// colours, a search that ignores diacritics, and the per-site and per-district actions (mute, video
// mute, gain, floor, preview, bring in). Sites with a SIP address show their call and can be
// called, hung up, or called all at once. Every action is also a QAction, for the menus and keys.
#pragma once

#include "core/session/session.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QAction;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTimer;
class QTreeWidgetItem;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class SiteSelection;

class SitesPanel : public QWidget {
    Q_OBJECT

public:
    SitesPanel(core::Session& session, SiteSelection& selection, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return tree_; }
    QLineEdit* searchBox() const { return search_; }
    QTreeWidgetItem* itemFor(qint64 siteId) const { return items_.value(siteId); }

    // For the main window's menus and shortcuts.
    QAction* muteAction() const { return mute_; }
    QAction* videoMuteAction() const { return videoMute_; }
    QAction* floorAction() const { return floor_; }
    QAction* floorStraightToProgramAction() const { return floorDirect_; }
    QAction* previewAction() const { return preview_; }
    QAction* muteAllButFloorAction() const { return muteAllButFloor_; }
    QAction* groupMuteAction() const { return groupMute_; }
    QAction* groupUnmuteAction() const { return groupUnmute_; }
    QAction* groupBringInAction() const { return groupBringIn_; }
    QAction* findAction() const { return find_; }
    QAction* callAction() const { return call_; }
    QAction* hangupAction() const { return hangup_; }
    QAction* callAllAction() const { return callAll_; }
    QAction* editAction() const { return edit_; }
    QAction* joinLinkAction() const { return joinLink_; }
    // The sites "Call every SIP site" calls: the active meeting's with a SIP address, or every
    // site with one when no meeting runs.
    QList<qint64> sipScope() const;

public Q_SLOTS:
    void setFilter(const QString& text);
    void toggleMuteSelected();
    void toggleVideoMuteSelected();
    void giveFloorToSelected();
    void previewSelected();
    // Enter in the search: the match joins preview in its first free slot.
    void addSelectedToPreview();
    void muteAllButFloor();
    void setGroupMuted(bool muted);
    void bringInGroup();
    void callSelected();
    void hangupSelected();
    void callAllSip();
    void editSelected();
    void showJoinLink();

Q_SIGNALS:
    // A refused action, for the status line.
    void problem(const QString& message);

private:
    void rebuild();
    void refreshItem(qint64 siteId);
    void paintItem(QTreeWidgetItem* item, const core::SiteView& site);
    void onEvent(const core::SessionEvent& event);
    void onSelectionChanged(qint64 siteId);
    void updateActions();
    void showFloorMode(); // the floor action's words follow "straight to program"
    void updateSummary();
    void updateCallSummary();
    void tickCalls(); // ringing blinks, redial countdowns count down
    void showContextMenu(const QPoint& pos);
    // The selected site and everything under it in the tree.
    QList<qint64> selectedGroup() const;
    void report(const QString& failure);

    core::Session& session_;
    SiteSelection& selection_;
    QLineEdit* search_ = nullptr;
    QTreeWidget* tree_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* callSummary_ = nullptr;
    QWidget* callBar_ = nullptr;
    QTimer* callTick_ = nullptr;
    bool blink_ = false;
    QHash<qint64, core::CallView> calls_; // the sites' calls as last painted
    QSet<qint64> sipSites_;               // sites with a SIP address
    QDoubleSpinBox* gain_ = nullptr;
    QHash<qint64, QTreeWidgetItem*> items_;
    qint64 speaking_ = 0;
    QString filterKey_; // the search, folded
    int matches_ = 0;   // sites whose own name matches it
    QAction* mute_ = nullptr;
    QAction* videoMute_ = nullptr;
    QAction* floor_ = nullptr;
    QAction* floorDirect_ = nullptr; // checked: F9 goes straight to program
    QAction* preview_ = nullptr;
    QAction* muteAllButFloor_ = nullptr;
    QAction* groupMute_ = nullptr;
    QAction* groupUnmute_ = nullptr;
    QAction* groupBringIn_ = nullptr;
    QAction* find_ = nullptr;
    QAction* call_ = nullptr;
    QAction* hangup_ = nullptr;
    QAction* callAll_ = nullptr;
    QAction* edit_ = nullptr;
    QAction* joinLink_ = nullptr;
};

} // namespace hntt::ui
