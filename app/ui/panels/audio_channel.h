// One channel strip of the audio desk: the name (two lines at most, whole in its tooltip), an
// ON AIR / LOST tag, a meter with peak hold beside the gain fader, the gain in dB and mute. Its
// minimum height keeps the mute button whole: the desk scrolls rather than cutting a strip.
#pragma once

#include <QFrame>
#include <functional>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QTimer;

namespace hntt::ui {

class MeterWidget;

class AudioChannel : public QFrame {
public:
    static constexpr int kWidth = 96;

    std::function<void(bool)> muteClicked;
    std::function<void(double)> gainChosen;

    AudioChannel(const QString& objectName, QWidget* parent);

    void setName(const QString& name);
    const QString& name() const { return name_; }
    void setTag(const QString& text, const QColor& colour);
    // What the session says now; never sent back.
    void setState(bool muted, double gainDb);
    // A green frame while the site is heard.
    void setSpeaking(bool speaking);
    bool speaking() const { return speaking_; }
    bool muted() const;
    double gain() const;
    MeterWidget* meter() const { return meter_; }

private:
    QString name_;
    QLabel* nameLabel_ = nullptr;
    QLabel* tag_ = nullptr;
    MeterWidget* meter_ = nullptr;
    QSlider* slider_ = nullptr;
    QDoubleSpinBox* gain_ = nullptr;
    QPushButton* mute_ = nullptr;
    QTimer* apply_ = nullptr;
    double shownGain_ = 0;
    bool speaking_ = false;
};

// `text` broken into at most `lines` lines of `width` pixels, the last one cut with "…" when the
// rest does not fit.
QString elideToLines(const QString& text, const QFont& font, int width, int lines);

} // namespace hntt::ui
