// The audio desk: a meter with peak hold, a mute button and a gain control for the program mix and
// for each site. The program's sites come first, then the rest; a filter narrows the strip.
#pragma once

#include "core/session/session.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTimer;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class MeterWidget;
class AudioChannel;

class AudioPanel : public QWidget {
    Q_OBJECT

public:
    explicit AudioPanel(core::Session& session, QWidget* parent = nullptr);
    ~AudioPanel() override;

    // A site's channel strip (objectName "audioChannel-<id>", with children "meter", "mute" and
    // "gain"), or the program's ("audioChannel-program"); null when there is none.
    QWidget* channel(qint64 siteId) const;
    QWidget* programChannel() const;
    MeterWidget* meter(qint64 siteId) const;
    MeterWidget* programMeter() const;
    // Site ids in the order the strip shows them (hidden ones included).
    QList<qint64> order() const { return order_; }

public Q_SLOTS:
    // Shows only sites whose name contains the text (without regard to case or diacritics).
    void setFilter(const QString& text);
    void setProgramSitesOnly(bool on);
    // Reads the sites and the program again and rebuilds the strip.
    void refresh();

private:
    void onEvent(const core::SessionEvent& event);
    void onLevels(const engine::LevelsSnapshot& levels);
    void applyFilter();
    void setSiteMuted(qint64 id, bool muted);
    void setSiteGain(qint64 id, double gainDb);
    void setProgramAudio(bool muted, double gainDb);
    void showError(const QString& message);

    core::Session& session_;
    QLineEdit* filter_ = nullptr;
    QCheckBox* programOnly_ = nullptr;
    QLabel* error_ = nullptr;
    AudioChannel* program_ = nullptr;
    QWidget* strip_ = nullptr;
    QHBoxLayout* stripLayout_ = nullptr;
    QWidget* separator_ = nullptr;
    QHash<qint64, AudioChannel*> channels_;
    QList<qint64> order_;
    QList<qint64> onProgram_;
    QTimer* rebuild_ = nullptr; // gathers bursts of site and program changes into one rebuild
};

} // namespace hntt::ui
