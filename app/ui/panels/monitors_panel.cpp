#include "ui/panels/monitors_panel.h"

#include "core/session/session.h"
#include "ui/layout_geometry.h"
#include "ui/picture_view.h"

#include <QBoxLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

QString siteName(core::Session& session, qint64 id) {
    const auto site = session.siteRecord(id);
    return site ? site->name : QString::number(id);
}

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

    previewTitle_ = new QLabel(this);
    programTitle_ = new QLabel(this);
    for (QLabel* l : {previewTitle_, programTitle_}) {
        l->setAlignment(Qt::AlignCenter);
        l->setMinimumHeight(24);
    }
    previewTitle_->setStyleSheet(
        QStringLiteral("QLabel { background: #1e7d3a; color: white; font-weight: 700; padding: 2px; }"));
    programTitle_->setStyleSheet(
        QStringLiteral("QLabel { background: #b3261e; color: white; font-weight: 700; padding: 2px; }"));

    take_ = new QPushButton(tr("TAKE"), this);
    take_->setObjectName(QStringLiteral("takeButton"));
    take_->setToolTip(tr("Put preview on program (Space)"));
    take_->setMinimumHeight(40);
    take_->setStyleSheet(QStringLiteral("QPushButton { background: #b3261e; color: white; font-weight: 800; "
                                        "font-size: 15pt; border-radius: 4px; padding: 4px 18px; }"
                                        "QPushButton:pressed { background: #e53935; }"));
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
    monitors_ = new QBoxLayout(QBoxLayout::LeftToRight);
    monitors_->setSpacing(6);
    monitors_->addLayout(previewColumn, 1);
    monitors_->addLayout(programColumn, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(auto_, 1);
    buttons->addWidget(take_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);
    layout->addLayout(monitors_, 1);
    layout->addLayout(buttons);

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
    const bool wide = width() > 1.6 * height();
    monitors_->setDirection(wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

void MonitorsPanel::take() {
    session_.take(QStringLiteral("ui"));
}

void MonitorsPanel::setAutoFollow(bool on) {
    if (auto_->isChecked() != on)
        auto_->setChecked(on); // comes back here through toggled
    else if (session_.autoFollowSpeaker() != on)
        session_.setAutoFollowSpeaker(on, QStringLiteral("ui"));
}

void MonitorsPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (event.as<ev::PreviewChanged>() || event.as<ev::ProgramChanged>() ||
        event.as<ev::AutoFollowChanged>() || event.as<ev::SiteUpdated>() || event.as<ev::SiteDeleted>())
        refreshCaptions();
}

void MonitorsPanel::refreshCaptions() {
    const engine::Composition prev = session_.preview();
    const engine::Composition prog = session_.program();
    previewTitle_->setText(tr("PREVIEW · %1").arg(QString::fromStdString(prev.layout)));
    programTitle_->setText(tr("PROGRAM · %1").arg(QString::fromStdString(prog.layout)));
    // Preview shows its slots with the names of the sites in them: the drop targets.
    const QList<QRectF> rects = layoutRects(session_, QString::fromStdString(prev.layout));
    QList<PictureView::Overlay> overlay;
    for (int i = 0; i < rects.size(); ++i) {
        const bool filled = i < int(prev.sites.size()) && prev.sites[std::size_t(i)];
        overlay.append({rects[i], filled ? QStringLiteral("%1 · %2").arg(i + 1).arg(
                                               siteName(session_, *prev.sites[std::size_t(i)]))
                                         : tr("%1 · empty").arg(i + 1)});
    }
    preview_->setOverlay(overlay);
    const bool autoOn = session_.autoFollowSpeaker();
    if (auto_->isChecked() != autoOn) {
        const QSignalBlocker block(auto_);
        auto_->setChecked(autoOn);
    }
}

} // namespace hntt::ui
