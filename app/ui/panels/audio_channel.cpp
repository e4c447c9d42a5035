#include "ui/panels/audio_channel.h"

#include "hntt/engine/gain.h"
#include "ui/panels/audio_panel.h"
#include "ui/panels/meter_widget.h"
#include "ui/panels/panel_style.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace hntt::ui {

QString elideToLines(const QString& text, const QFont& font, int width, int lines) {
    // Broken into lines here rather than by a word-wrapping label: such a label asks its layout for
    // height-for-width, and the scroll area would then size every strip at its preferred height.
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList out;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (out.size() == lines - 1) {
            // The last line takes the rest, cut with "…" when it is too long.
            out.append(
                QFontMetrics(font).elidedText(text.mid(line.textStart()).trimmed(), Qt::ElideRight, width));
            break;
        }
        out.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return out.join(QLatin1Char('\n'));
}

AudioChannel::AudioChannel(const QString& objectName, QWidget* parent)
    : QFrame(parent) {
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setFixedWidth(kWidth);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(3, 3, 3, 3);
    v->setSpacing(3);

    nameLabel_ = new QLabel(this);
    nameLabel_->setObjectName(QStringLiteral("name"));
    nameLabel_->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    nameLabel_->setFixedHeight(fontMetrics().lineSpacing() * 2 + 2);
    v->addWidget(nameLabel_);
    tag_ = new QLabel(this);
    tag_->setObjectName(QStringLiteral("tag"));
    tag_->setAlignment(Qt::AlignHCenter);
    tag_->setFixedHeight(fontMetrics().lineSpacing());
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
    slider_->setMinimumHeight(meter_->minimumSizeHint().height());
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

void AudioChannel::setName(const QString& name) {
    if (name == name_)
        return;
    name_ = name;
    const int width = kWidth - 2 * (contentsMargins().left() + layout()->contentsMargins().left());
    nameLabel_->setText(elideToLines(name, nameLabel_->font(), width, 2));
    setToolTip(name);
}

void AudioChannel::setTag(const QString& text, const QColor& colour) {
    tag_->setText(text);
    style::setTextColour(tag_, colour);
}

void AudioChannel::setState(bool muted, double gainDb) {
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

void AudioChannel::setSpeaking(bool speaking) {
    if (speaking == speaking_)
        return;
    speaking_ = speaking;
    // Only on change: a style sheet per level update would restyle 170 strips ten times a second.
    setStyleSheet(
        speaking
            ? QStringLiteral("QFrame#%1 { border: 2px solid %2; }").arg(objectName(), style::kGreen.name())
            : QString());
}

bool AudioChannel::muted() const {
    return mute_->isChecked();
}

double AudioChannel::gain() const {
    return gain_->value();
}

} // namespace hntt::ui
