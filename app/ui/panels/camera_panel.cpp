#include "ui/panels/camera_panel.h"

#include "core/session/session.h"
#include "ui/elided_label.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

const QColor kErrorColour(0xe5, 0x48, 0x4d);
const QColor kInfoColour(0xaa, 0xb0, 0xb8);
const QSize kPresetIcon(112, 63); // 16:9, as the thumbnails

// A preset without a thumbnail yet: a dark 16:9 tile with its number.
QPixmap placeholder(int preset) {
    QPixmap p(CameraPanel::kThumbnailWidth, CameraPanel::kThumbnailHeight);
    p.fill(QColor(0x22, 0x25, 0x2b));
    QPainter painter(&p);
    painter.setPen(QColor(0x5a, 0x60, 0x68));
    QFont f = painter.font();
    f.setPixelSize(36);
    f.setBold(true);
    painter.setFont(f);
    painter.drawText(p.rect(), Qt::AlignCenter, QString::number(preset));
    return p;
}

QToolButton* padButton(const QString& glyph, const QString& objectName) {
    auto* b = new QToolButton;
    b->setObjectName(objectName);
    b->setText(glyph);
    b->setFixedSize(46, 46);
    b->setFocusPolicy(Qt::NoFocus); // the panel keeps the focus, so arrow keys keep working
    b->setAutoRepeat(false);
    QFont f = b->font();
    f.setPixelSize(18);
    b->setFont(f);
    return b;
}

} // namespace

CameraPanel::CameraPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("cameraPanel"));
    setFocusPolicy(Qt::StrongFocus);
    buildUi();
    retranslate();
    refreshSite();
    connect(&session_, &core::Session::changed, this, &CameraPanel::onEvent);
}

CameraPanel::~CameraPanel() {
    // Never leave a camera moving because its panel went away.
    if (moving_ && siteId_ > 0)
        session_.cameraCommand(siteId_, core::Session::CameraAction::Stop, {}, 0, QStringLiteral("ui"),
                               [](const core::Status&) {});
}

void CameraPanel::buildUi() {
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(8, 8, 8, 8);
    root->setSpacing(6);

    title_ = new ElidedLabel;
    title_->setObjectName(QStringLiteral("title"));
    QFont tf = title_->font();
    tf.setBold(true);
    title_->setFont(tf);
    root->addWidget(title_);

    hint_ = new QLabel;
    hint_->setObjectName(QStringLiteral("hint"));
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: #8a9099;"));
    root->addWidget(hint_);

    controls_ = new QWidget;
    controls_->setObjectName(QStringLiteral("controls"));
    auto* c = new QVBoxLayout(controls_);
    c->setContentsMargins(0, 0, 0, 0);
    c->setSpacing(8);

    // Pad (3×3, stop in the middle) and the zoom rocker beside it.
    auto* top = new QHBoxLayout;
    auto* pad = new QGridLayout;
    pad->setSpacing(3);
    const struct {
        const char* glyph;
        const char* name;
        int bits;
        int row, col;
    } dirs[] = {
        {"\u25E4", "pad-up-left", Up | Left, 0, 0},   {"\u25B2", "pad-up", Up, 0, 1},
        {"\u25E5", "pad-up-right", Up | Right, 0, 2}, {"\u25C0", "pad-left", Left, 1, 0},
        {"\u25B6", "pad-right", Right, 1, 2},         {"\u25E3", "pad-down-left", Down | Left, 2, 0},
        {"\u25BC", "pad-down", Down, 2, 1},           {"\u25E2", "pad-down-right", Down | Right, 2, 2},
    };
    for (const auto& d : dirs) {
        QToolButton* b = padButton(QString::fromUtf8(d.glyph), QString::fromLatin1(d.name));
        padButtons_.insert(b, d.bits);
        pad->addWidget(b, d.row, d.col);
        const int bits = d.bits;
        connect(b, &QToolButton::pressed, this, [this, bits] {
            setFocus(Qt::MouseFocusReason);
            hold(bits, true);
        });
        connect(b, &QToolButton::released, this, [this, bits] { hold(bits, false); });
    }
    stopButton_ = padButton(QStringLiteral("\u25A0"), QStringLiteral("pad-stop"));
    pad->addWidget(stopButton_, 1, 1);
    connect(stopButton_, &QToolButton::clicked, this, [this] {
        held_ = 0;
        stopNow();
    });
    top->addLayout(pad);
    top->addSpacing(12);

    auto* rocker = new QVBoxLayout;
    rocker->setSpacing(3);
    zoomLabel_ = new QLabel;
    zoomLabel_->setAlignment(Qt::AlignCenter);
    rocker->addWidget(zoomLabel_);
    tele_ = padButton(QStringLiteral("+"), QStringLiteral("zoom-tele"));
    wide_ = padButton(QStringLiteral("\u2212"), QStringLiteral("zoom-wide"));
    tele_->setFixedSize(56, 62);
    wide_->setFixedSize(56, 62);
    for (auto [button, bits] : {std::pair{tele_, int(Tele)}, std::pair{wide_, int(Wide)}}) {
        connect(button, &QToolButton::pressed, this, [this, bits] {
            setFocus(Qt::MouseFocusReason);
            hold(bits, true);
        });
        connect(button, &QToolButton::released, this, [this, bits] { hold(bits, false); });
        rocker->addWidget(button);
    }
    top->addLayout(rocker);
    top->addStretch(1);
    c->addLayout(top);

    auto* speedRow = new QHBoxLayout;
    speedLabel_ = new QLabel;
    speed_ = new QSlider(Qt::Horizontal);
    speed_->setObjectName(QStringLiteral("speed"));
    speed_->setRange(5, 100);
    speed_->setValue(50);
    speed_->setFocusPolicy(Qt::NoFocus);
    connect(speed_, &QSlider::valueChanged, this, [this] {
        if (held_)
            sendMove(); // a held move follows the new speed
    });
    speedRow->addWidget(speedLabel_);
    speedRow->addWidget(speed_, 1);
    c->addLayout(speedRow);

    presetsLabel_ = new QLabel;
    c->addWidget(presetsLabel_);
    auto* grid = new QGridLayout;
    grid->setSpacing(4);
    for (int n = 1; n <= kPresets; ++n) {
        auto* b = new QToolButton;
        b->setObjectName(QStringLiteral("preset-%1").arg(n));
        b->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        b->setIconSize(kPresetIcon);
        b->setFocusPolicy(Qt::NoFocus);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        b->installEventFilter(this);
        connect(b, &QToolButton::clicked, this, [this, n] {
            presetClicked(n, store_->isChecked() || pressModifiers_.testFlag(Qt::ControlModifier));
        });
        presets_.append(b);
        grid->addWidget(b, (n - 1) / 3, (n - 1) % 3);
    }
    c->addLayout(grid);

    auto* storeRow = new QHBoxLayout;
    store_ = new QPushButton;
    store_->setObjectName(QStringLiteral("store"));
    store_->setCheckable(true);
    store_->setFocusPolicy(Qt::NoFocus);
    connect(store_, &QPushButton::toggled, this, [this](bool on) {
        store_->setStyleSheet(on ? QStringLiteral("QPushButton { background: #f5a524; color: black; "
                                                  "font-weight: 600; }")
                                 : QString());
    });
    name_ = new QLineEdit;
    name_->setObjectName(QStringLiteral("presetName"));
    name_->setMaxLength(40);
    storeRow->addWidget(store_);
    storeRow->addWidget(name_, 1);
    c->addLayout(storeRow);
    root->addWidget(controls_);

    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("message"));
    message_->setWordWrap(true);
    message_->setMinimumHeight(message_->fontMetrics().height() * 2);
    message_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    root->addWidget(message_);
    root->addStretch(1);
}

void CameraPanel::retranslate() {
    const std::pair<const char*, QString> tips[] = {
        {"pad-up-left", tr("Up-left")},   {"pad-up", tr("Up")},
        {"pad-up-right", tr("Up-right")}, {"pad-left", tr("Left")},
        {"pad-right", tr("Right")},       {"pad-down-left", tr("Down-left")},
        {"pad-down", tr("Down")},         {"pad-down-right", tr("Down-right")},
    };
    for (const auto& [name, tip] : tips)
        if (auto* b = findChild<QToolButton*>(QLatin1String(name)))
            b->setToolTip(tr("%1 (hold the button, or the arrow keys)").arg(tip));
    stopButton_->setToolTip(tr("Stop the camera"));
    tele_->setToolTip(tr("Zoom in (hold; Page Up)"));
    wide_->setToolTip(tr("Zoom out (hold; Page Down)"));
    speedLabel_->setText(tr("Speed"));
    zoomLabel_->setText(tr("Zoom"));
    presetsLabel_->setText(tr("Presets (click to recall, Ctrl+click to store)"));
    store_->setText(tr("Store"));
    store_->setToolTip(tr("Then click a preset to store the camera's position in it"));
    name_->setPlaceholderText(tr("Name for the stored preset (optional)"));
    refreshSite();
}

void CameraPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// ------------------------------------------------------------------------------------- site

void CameraPanel::setSite(qint64 siteId) {
    if (siteId == siteId_)
        return;
    if (moving_)
        stopNow(); // the camera left behind must not keep moving
    held_ = 0;
    siteId_ = siteId;
    ++messageSerial_; // answers about the previous site are not shown
    message_->clear();
    refreshSite();
}

void CameraPanel::refreshSite() {
    hasCamera_ = false;
    QString name;
    if (siteId_ > 0) {
        const auto site = session_.siteRecord(siteId_);
        if (site) {
            name = site->name;
            hasCamera_ = !site->cameraJson.trimmed().isEmpty();
        }
    }
    title_->setFullText(name.isEmpty() ? tr("Camera") : tr("Camera — %1").arg(name));
    if (siteId_ <= 0 || name.isEmpty())
        hint_->setText(tr("Select a site to steer its camera."));
    else if (!hasCamera_)
        hint_->setText(
            tr("%1 has no camera that the console can steer. Add one in the site's settings.").arg(name));
    hint_->setVisible(!hasCamera_);
    controls_->setEnabled(hasCamera_);
    loadPresets();
}

void CameraPanel::onEvent(const core::SessionEvent& event) {
    if (const auto* updated = event.as<core::events::SiteUpdated>(); updated && updated->siteId == siteId_)
        refreshSite();
    else if (const auto* deleted = event.as<core::events::SiteDeleted>();
             deleted && deleted->siteId == siteId_)
        setSite(0);
}

// ----------------------------------------------------------------------------------- moving

double CameraPanel::speed() const {
    return speed_->value() / 100.0;
}

void CameraPanel::hold(int direction, bool on) {
    if (!hasCamera_)
        return;
    const int before = held_;
    held_ = on ? (held_ | direction) : (held_ & ~direction);
    if (held_ != before)
        sendMove();
}

void CameraPanel::sendMove() {
    if (!held_) {
        stopNow();
        return;
    }
    const double v = speed();
    core::Session::CameraMove move;
    move.pan = v * (((held_ & Right) ? 1 : 0) - ((held_ & Left) ? 1 : 0));
    move.tilt = v * (((held_ & Up) ? 1 : 0) - ((held_ & Down) ? 1 : 0));
    move.zoom = v * (((held_ & Tele) ? 1 : 0) - ((held_ & Wide) ? 1 : 0));
    moving_ = true;
    const QPointer<CameraPanel> self(this);
    const quint64 serial = messageSerial_;
    session_.cameraCommand(siteId_, core::Session::CameraAction::Move, move, 0, QStringLiteral("ui"),
                           [self, serial](const core::Status& s) {
                               if (self && !s && serial == self->messageSerial_)
                                   self->showMessage(s.error().message, true);
                           });
}

void CameraPanel::stopNow() {
    if (siteId_ <= 0 || !hasCamera_)
        return;
    moving_ = false;
    const QPointer<CameraPanel> self(this);
    const quint64 serial = messageSerial_;
    session_.cameraCommand(siteId_, core::Session::CameraAction::Stop, {}, 0, QStringLiteral("ui"),
                           [self, serial](const core::Status& s) {
                               if (self && !s && serial == self->messageSerial_)
                                   self->showMessage(s.error().message, true);
                           });
}

int CameraPanel::directionOfKey(int key) {
    switch (key) {
    case Qt::Key_Up:
        return Up;
    case Qt::Key_Down:
        return Down;
    case Qt::Key_Left:
        return Left;
    case Qt::Key_Right:
        return Right;
    case Qt::Key_PageUp:
        return Tele;
    case Qt::Key_PageDown:
        return Wide;
    default:
        return 0;
    }
}

void CameraPanel::keyPressEvent(QKeyEvent* event) {
    const int bits = directionOfKey(event->key());
    if (!bits || !hasCamera_) {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
    if (!event->isAutoRepeat())
        hold(bits, true);
}

void CameraPanel::keyReleaseEvent(QKeyEvent* event) {
    const int bits = directionOfKey(event->key());
    if (!bits || !hasCamera_) {
        QWidget::keyReleaseEvent(event);
        return;
    }
    event->accept();
    if (!event->isAutoRepeat())
        hold(bits, false);
}

void CameraPanel::focusOutEvent(QFocusEvent* event) {
    // Keys released elsewhere never reach us: let go of what the keyboard held.
    int mouseHeld = 0;
    for (auto it = padButtons_.cbegin(); it != padButtons_.cend(); ++it)
        if (it.key()->isDown())
            mouseHeld |= it.value();
    if (tele_->isDown())
        mouseHeld |= Tele;
    if (wide_->isDown())
        mouseHeld |= Wide;
    if (held_ != mouseHeld && hasCamera_) {
        held_ = mouseHeld;
        sendMove();
    }
    QWidget::focusOutEvent(event);
}

// ---------------------------------------------------------------------------------- presets

bool CameraPanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseButtonPress)
        pressModifiers_ = static_cast<QMouseEvent*>(event)->modifiers();
    return QWidget::eventFilter(watched, event);
}

void CameraPanel::presetClicked(int preset, bool storeIt) {
    if (!hasCamera_)
        return;
    if (storeIt)
        store(preset);
    else
        recall(preset);
}

void CameraPanel::recall(int preset) {
    const QPointer<CameraPanel> self(this);
    const quint64 serial = ++messageSerial_;
    showMessage(tr("Recalling preset %1…").arg(presetName(preset)), false);
    session_.cameraCommand(siteId_, core::Session::CameraAction::RecallPreset, {}, preset,
                           QStringLiteral("ui"), [self, serial, preset](const core::Status& s) {
                               if (!self || serial != self->messageSerial_)
                                   return;
                               if (!s)
                                   self->showMessage(s.error().message, true);
                               else
                                   self->showMessage(tr("Preset %1 recalled.").arg(self->presetName(preset)),
                                                     false);
                           });
}

void CameraPanel::store(int preset) {
    // The picture the operator sees now is the one the preset is stored for.
    const QImage picture = session_.sitePicture(siteId_, QSize(kThumbnailWidth, kThumbnailHeight));
    const QString name = name_->text().trimmed();
    const qint64 site = siteId_;
    store_->setChecked(false);
    const QPointer<CameraPanel> self(this);
    const quint64 serial = ++messageSerial_;
    showMessage(tr("Storing preset %1…").arg(preset), false);
    session_.cameraCommand(
        siteId_, core::Session::CameraAction::StorePreset, {}, preset, QStringLiteral("ui"),
        [self, serial, preset, picture, name, site](const core::Status& s) {
            if (!self)
                return;
            if (!s) {
                if (serial == self->messageSerial_)
                    self->showMessage(s.error().message, true);
                return;
            }
            QString problem;
            if (picture.isNull()) {
                problem = tr("the site shows no picture yet for its thumbnail");
            } else {
                const QString path = self->thumbnailPath(site, preset);
                if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !picture.save(path, "PNG"))
                    problem =
                        tr("its thumbnail could not be saved in %1").arg(QFileInfo(path).absolutePath());
            }
            if (site != self->siteId_)
                return; // the thumbnail is kept; the panel has moved on
            if (!name.isEmpty()) {
                self->names_.insert(preset, name);
                self->savePresetNames();
                self->name_->clear();
            }
            self->showPresetButton(preset);
            if (serial != self->messageSerial_)
                return;
            if (problem.isEmpty())
                self->showMessage(tr("Preset %1 stored.").arg(self->presetName(preset)), false);
            else
                self->showMessage(tr("Preset %1 stored, but %2.").arg(self->presetName(preset), problem),
                                  true);
        });
}

QString CameraPanel::thumbnailPath(qint64 siteId, int preset) const {
    return QDir(session_.options().dataDir)
        .filePath(QStringLiteral("thumbnails/site-%1-preset-%2.png").arg(siteId).arg(preset));
}

QString CameraPanel::presetName(int preset) const {
    const QString name = names_.value(preset);
    return name.isEmpty() ? QString::number(preset) : QStringLiteral("%1 (%2)").arg(preset).arg(name);
}

void CameraPanel::loadPresets() {
    names_.clear();
    if (siteId_ > 0) {
        QFile f(QDir(session_.options().dataDir)
                    .filePath(QStringLiteral("thumbnails/site-%1-presets.json").arg(siteId_)));
        if (f.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            for (auto it = o.begin(); it != o.end(); ++it) {
                const int n = it.key().toInt();
                if (n >= 1 && n <= kPresets && it.value().isString())
                    names_.insert(n, it.value().toString().left(40));
            }
        }
    }
    for (int n = 1; n <= kPresets; ++n)
        showPresetButton(n);
}

void CameraPanel::savePresetNames() const {
    QJsonObject o;
    for (auto it = names_.cbegin(); it != names_.cend(); ++it)
        o.insert(QString::number(it.key()), it.value());
    const QString path = QDir(session_.options().dataDir)
                             .filePath(QStringLiteral("thumbnails/site-%1-presets.json").arg(siteId_));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(o).toJson());
        f.commit();
    }
}

void CameraPanel::showPresetButton(int preset) {
    QToolButton* b = presets_.value(preset - 1);
    if (!b)
        return;
    const QString name = names_.value(preset);
    b->setText(name.isEmpty() ? tr("Preset %1").arg(preset)
                              : QStringLiteral("%1 · %2").arg(preset).arg(name));
    QPixmap thumb;
    if (siteId_ > 0)
        thumb.load(thumbnailPath(siteId_, preset), "PNG");
    b->setIcon(QIcon(thumb.isNull() ? placeholder(preset) : thumb));
    b->setToolTip(tr("Recall preset %1; Ctrl+click stores the camera's position in it").arg(preset));
}

void CameraPanel::showMessage(const QString& text, bool error) {
    message_->setText(text);
    message_->setStyleSheet(QStringLiteral("color: %1;").arg((error ? kErrorColour : kInfoColour).name()));
}

QString CameraPanel::message() const {
    return message_->text();
}

} // namespace hntt::ui
