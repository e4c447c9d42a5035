#include "ui/panels/monitors_panel.h"

#include "core/session/session.h"
#include "ui/elided_label.h"
#include "ui/layout_geometry.h"
#include "ui/picture_view.h"

#include <QAction>
#include <QBoxLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

QString siteName(core::Session& session, qint64 id) {
    const auto site = session.siteRecord(id);
    return site ? site->name : QString::number(id);
}

constexpr int kMargin = 4;

const QString kPreviewStyle =
    QStringLiteral("QLabel { background: #1e7d3a; color: white; font-weight: 700; padding: 2px; }");
const QString kTakeStyle =
    QStringLiteral("QPushButton { background: #b3261e; color: white; font-weight: 800; "
                   "font-size: 15pt; border-radius: 4px; padding: 4px 18px; }"
                   "QPushButton:pressed { background: #e53935; }");
const QString kTakeArmedStyle =
    QStringLiteral("QPushButton { background: #e3a008; color: #1a1a1a; font-weight: 800; "
                   "font-size: 15pt; border-radius: 4px; padding: 4px 18px; }");
const QString kPreviewWarnStyle =
    QStringLiteral("QLabel { background: #e3a008; color: #1a1a1a; font-weight: 800; padding: 2px; }");

} // namespace

MonitorsPanel::MonitorsPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("monitorsPanel"));
    preview_ = new PictureView(session_, core::Session::Picture::Preview, this);
    preview_->setObjectName(QStringLiteral("previewMonitor"));
    preview_->setAcceptSiteDrops(true);
    program_ = new PictureView(session_, core::Session::Picture::Program, this);
    program_->setObjectName(QStringLiteral("programMonitor"));

    // Captions carry names (the floor's, say): cut with "…" rather than widening the window.
    previewTitle_ = new ElidedLabel(this);
    programTitle_ = new ElidedLabel(this);
    for (QLabel* l : {static_cast<QLabel*>(previewTitle_), static_cast<QLabel*>(programTitle_)}) {
        l->setAlignment(Qt::AlignCenter);
        l->setMinimumHeight(24);
    }
    previewTitle_->setStyleSheet(kPreviewStyle);
    programTitle_->setStyleSheet(
        QStringLiteral("QLabel { background: #b3261e; color: white; font-weight: 700; padding: 2px; }"));

    take_ = new QPushButton(tr("TAKE"), this);
    take_->setObjectName(QStringLiteral("takeButton"));
    take_->setMinimumHeight(40);
    take_->setStyleSheet(kTakeStyle);
    auto_ = new QPushButton(tr("AUTO: follow the speaker"), this);
    auto_->setObjectName(QStringLiteral("autoButton"));
    auto_->setCheckable(true);
    auto_->setToolTip(tr("Slot 1 of program follows whoever speaks"));
    auto_->setMinimumHeight(40);
    auto_->setStyleSheet(
        QStringLiteral("QPushButton:checked { background: #c77c02; color: black; font-weight: 700; }"));

    // Side by side when the panel is wide, preview over program in a narrow side dock.
    auto* previewColumn = new QVBoxLayout;
    previewColumn->setSpacing(0);
    previewColumn->addWidget(previewTitle_);
    previewColumn->addWidget(preview_, 1);
    auto* programColumn = new QVBoxLayout;
    programColumn->setSpacing(0);
    programColumn->addWidget(programTitle_);
    programColumn->addWidget(program_, 1);
    // One over the other until the panel is wide: side by side asks twice the width, and a panel
    // that asked it before it was ever shown made the window too wide for a 1366-pixel screen.
    monitors_ = new QBoxLayout(QBoxLayout::TopToBottom);
    monitors_->setSpacing(6);
    monitors_->addLayout(previewColumn, 1);
    monitors_->addLayout(programColumn, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(auto_, 1);
    buttons->addWidget(take_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    layout->setSpacing(6);
    layout->addLayout(monitors_, 1);
    layout->addLayout(buttons);

    confirmEmpty_ = new QAction(tr("Ask before empty slots go on air"), this);
    confirmEmpty_->setObjectName(QStringLiteral("confirmEmptySlots"));
    confirmEmpty_->setCheckable(true);
    confirmEmpty_->setChecked(session_.settings().confirmEmptySlots());
    confirmEmpty_->setToolTip(
        tr("On: TAKE with empty slots on preview waits for a second TAKE. Off: the layout's "
           "background goes on air there at once."));
    connect(confirmEmpty_, &QAction::toggled, this,
            [this](bool on) { session_.settings().setConfirmEmptySlots(on); });
    armed_ = new QTimer(this);
    armed_->setSingleShot(true);
    armed_->setInterval(kConfirmMs);
    connect(armed_, &QTimer::timeout, this, [this] { setTakeArmed(false); });

    connect(take_, &QPushButton::clicked, this, &MonitorsPanel::take);
    connect(auto_, &QPushButton::toggled, this, &MonitorsPanel::setAutoFollow);
    connect(preview_, &PictureView::siteDropped, this, [this](qint64 site, QPointF at) {
        const int slot = slotAt(layoutRects(session_, QString::fromStdString(session_.preview().layout)), at);
        if (slot < 0)
            return;
        if (auto ok = session_.assignPreviewSlot(slot, site, QStringLiteral("ui")); !ok)
            Q_EMIT problem(ok.error().message);
    });
    connect(&session_, &core::Session::changed, this, &MonitorsPanel::onEvent);
    refreshCaptions();
}

void MonitorsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Two 16:9 pictures fit larger side by side only when the panel is much wider than tall.
    const int sideBySide = 2 * preview_->minimumWidth() + monitors_->spacing() + 2 * kMargin;
    const bool wide = width() > 1.6 * height() && width() >= sideBySide;
    monitors_->setDirection(wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

void MonitorsPanel::take() {
    const int empty = emptyPreviewSlots();
    if (empty > 0 && confirmEmpty_->isChecked() && !armed_->isActive()) {
        // Black or background boxes on air are the operator's choice, made with a second TAKE.
        setTakeArmed(true);
        Q_EMIT problem(
            tr("Preview has %n empty slot(s). TAKE again within %1 s to put the layout's background "
               "there, or fill them first (drop a site, Enter in the search, or a smaller layout).",
               nullptr, empty)
                .arg(kConfirmMs / 1000));
        return;
    }
    setTakeArmed(false);
    session_.take(QStringLiteral("ui"));
    if (empty > 0)
        Q_EMIT problem(
            tr("Taken with %n empty slot(s): the layout's background is on air there.", nullptr, empty));
}

void MonitorsPanel::setTakeArmed(bool armed) {
    if (armed)
        armed_->start();
    else
        armed_->stop();
    take_->setText(armed ? tr("TAKE AGAIN") : tr("TAKE"));
    take_->setStyleSheet(armed ? kTakeArmedStyle : kTakeStyle);
}

int MonitorsPanel::emptyPreviewSlots() const {
    const engine::Composition prev = session_.preview();
    const QList<QRectF> rects = layoutRects(session_, QString::fromStdString(prev.layout));
    int empty = 0;
    for (int i = 0; i < rects.size(); ++i)
        empty += !(i < int(prev.sites.size()) && prev.sites[std::size_t(i)]);
    return empty;
}

void MonitorsPanel::setAutoFollow(bool on) {
    if (auto_->isChecked() != on)
        auto_->setChecked(on); // comes back here through toggled
    else if (session_.autoFollowSpeaker() != on)
        session_.setAutoFollowSpeaker(on, QStringLiteral("ui"));
}

void MonitorsPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (event.as<ev::PreviewChanged>() && armed_->isActive())
        setTakeArmed(false); // the second TAKE confirms the preview that was asked about, no other
    if (event.as<ev::PreviewChanged>() || event.as<ev::ProgramChanged>() || event.as<ev::FloorChanged>() ||
        event.as<ev::AutoFollowChanged>() || event.as<ev::SiteUpdated>() || event.as<ev::SiteDeleted>())
        refreshCaptions();
}

void MonitorsPanel::refreshCaptions() {
    const engine::Composition prev = session_.preview();
    const engine::Composition prog = session_.program();
    const QString layout = QString::fromStdString(prev.layout);
    // Who has the floor, named where the program is: the multiview badges the same site.
    const auto floor = session_.floor();
    programTitle_->setFullText(floor
                                   ? tr("PROGRAM · %1 · FLOOR: %2")
                                         .arg(QString::fromStdString(prog.layout), siteName(session_, *floor))
                                   : tr("PROGRAM · %1").arg(QString::fromStdString(prog.layout)));
    // Preview shows its slots with the names of the sites in them: the drop targets.
    const QList<QRectF> rects = layoutRects(session_, layout);
    QList<PictureView::Overlay> overlay;
    int empty = 0;
    for (int i = 0; i < rects.size(); ++i) {
        const bool filled = i < int(prev.sites.size()) && prev.sites[std::size_t(i)];
        empty += filled ? 0 : 1;
        overlay.append({rects[i], filled ? QStringLiteral("%1 · %2").arg(i + 1).arg(
                                               siteName(session_, *prev.sites[std::size_t(i)]))
                                         : tr("%1 · empty").arg(i + 1)});
    }
    preview_->setOverlay(overlay);
    QString caption = tr("PREVIEW · %1").arg(layout);
    // A floor prepared on preview is named on its caption: TAKE gives it.
    if (const auto floor = session_.preparedFloor())
        caption = tr("PREVIEW · %1 · FLOOR: %2").arg(layout, siteName(session_, *floor));
    // Empty slots go on air as the layout's background: said before TAKE, not found out after it.
    if (empty > 0) {
        caption = tr("PREVIEW · %1 · ⚠ %n empty slot(s)", nullptr, empty).arg(layout);
        previewTitle_->setStyleSheet(kPreviewWarnStyle);
        take_->setToolTip(
            tr("Put preview on program (Space). %n slot(s) of preview are empty and go on air "
               "as the layout's background: drop a site there, or choose a smaller layout (F1–F8).",
               nullptr, empty));
    } else {
        previewTitle_->setStyleSheet(kPreviewStyle);
        take_->setToolTip(tr("Put preview on program (Space)"));
    }
    previewTitle_->setFullText(caption);
    const bool autoOn = session_.autoFollowSpeaker();
    if (auto_->isChecked() != autoOn) {
        const QSignalBlocker block(auto_);
        auto_->setChecked(autoOn);
    }
}

} // namespace hntt::ui
