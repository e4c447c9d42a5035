// The audio desk: the program mix and a channel strip for every site, in the directory's order
// (a take or a floor change never moves a strip), each with a meter with peak hold, gain and mute.
// The desk scrolls to every site; a name search and a choice of what to show (the program's
// sites, those heard now, the muted ones, one district) narrow it.
#pragma once

#include "core/session/session.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QTimer;

namespace hntt::ui {

class AudioChannel;
class MeterWidget;

class AudioPanel : public QWidget {
    Q_OBJECT

public:
    enum class Show { All, OnProgram, Speaking, Muted, District };
    // A site counts as heard for this long after its level was last above kHeardDbfs.
    static constexpr int kHeardHoldMs = 3000;
    static constexpr double kHeardDbfs = -45;

    explicit AudioPanel(core::Session& session, QWidget* parent = nullptr);
    ~AudioPanel() override;

    // A site's channel strip (objectName "audioChannel-<id>", with children "meter", "mute" and
    // "gain"), or the program's ("audioChannel-program"); null when there is none.
    QWidget* channel(qint64 siteId) const;
    QWidget* programChannel() const;
    MeterWidget* meter(qint64 siteId) const;
    MeterWidget* programMeter() const;
    // Site ids in the order the desk shows them (hidden ones included): the directory's.
    QList<qint64> order() const { return order_; }
    // The ids shown now, in order.
    QList<qint64> shown() const;
    // Brings a site's strip into view (scrolling the desk).
    void reveal(qint64 siteId);

public Q_SLOTS:
    // Shows only sites whose name contains the text (without regard to case or diacritics).
    void setFilter(const QString& text);
    // What to show; `districtId` names the district for Show::District (it and its communes).
    void setShow(Show show, qint64 districtId = 0);
    void setProgramSitesOnly(bool on) { setShow(on ? Show::OnProgram : Show::All); }
    // Reads the sites and the program again.
    void refresh();

private:
    void onEvent(const core::SessionEvent& event);
    void onLevels(const engine::LevelsSnapshot& levels);
    void fillShowChoices();
    void refreshTags();
    void applyFilter();
    bool heard(qint64 id) const;
    void setSiteMuted(qint64 id, bool muted);
    void setSiteGain(qint64 id, double gainDb);
    void setProgramAudio(bool muted, double gainDb);
    void showError(const QString& message);

    core::Session& session_;
    QLineEdit* filter_ = nullptr;
    QComboBox* show_ = nullptr;
    QLabel* count_ = nullptr;
    QLabel* error_ = nullptr;
    AudioChannel* program_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QWidget* strip_ = nullptr;
    QHBoxLayout* stripLayout_ = nullptr;
    QHash<qint64, AudioChannel*> channels_;
    QList<qint64> order_;
    QSet<qint64> onProgram_;
    QSet<qint64> lost_;
    QHash<qint64, qint64> districtOf_; // site → its district (a district is its own); none: 0
    QElapsedTimer clock_;
    QHash<qint64, qint64> lastHeardMs_; // site → when it was last heard (on clock_)
    QList<QPair<qint64, QString>> districts_;
    QTimer* rebuild_ = nullptr; // gathers bursts of site changes into one rebuild
    QTimer* heardTick_ = nullptr;
};

} // namespace hntt::ui
