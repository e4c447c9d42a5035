#include "ui/panels/layout_panel.h"

#include "core/session/session.h"
#include "ui/layout_geometry.h"

#include <QAction>
#include <QActionGroup>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

// The presets on F1–F8, in the order operators reach for them; other layouts follow unbound.
const QStringList& presetOrder() {
    static const QStringList order{QStringLiteral("single"),    QStringLiteral("pip"),
                                   QStringLiteral("grid-2x2"),  QStringLiteral("grid-3x3"),
                                   QStringLiteral("grid-4x4"),  QStringLiteral("grid-5x5"),
                                   QStringLiteral("focus-1+5"), QStringLiteral("focus-1+7")};
    return order;
}

} // namespace

QString LayoutPanel::displayName(const QString& layout) {
    static const QRegularExpression grid(QStringLiteral("^grid-(\\d+)x(\\d+)$"));
    static const QRegularExpression focus(QStringLiteral("^focus-(\\d+)\\+(\\d+)$"));
    if (layout == QLatin1String("single"))
        return tr("Single");
    if (layout == QLatin1String("pip"))
        return tr("Picture in picture");
    if (layout == QLatin1String("side-by-side"))
        return tr("Side by side");
    if (const auto m = grid.match(layout); m.hasMatch())
        return tr("Grid %1×%2").arg(m.captured(1), m.captured(2));
    if (const auto m = focus.match(layout); m.hasMatch())
        return tr("Focus %1+%2").arg(m.captured(1), m.captured(2));
    return layout;
}

QIcon LayoutPanel::thumbnail(const QList<QRectF>& rects, const QSize& size) {
    QPixmap pix(size);
    pix.fill(QColor(0x10, 0x12, 0x15));
    QPainter p(&pix);
    p.setRenderHint(QPainter::Antialiasing);
    QFont f = p.font();
    f.setPixelSize(std::max(8, size.height() / 6));
    p.setFont(f);
    for (int i = 0; i < rects.size(); ++i) {
        const QRectF r(rects[i].x() * size.width(), rects[i].y() * size.height(),
                       rects[i].width() * size.width(), rects[i].height() * size.height());
        // Slot 1 (the floor's) stands out; the others are plain.
        p.fillRect(r.adjusted(1, 1, -1, -1), i == 0 ? QColor(0x2f, 0x81, 0xf7) : QColor(0x4a, 0x52, 0x5e));
        p.setPen(QColor(0x10, 0x12, 0x15));
        p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        if (r.width() > 14 && r.height() > 10) {
            p.setPen(QColor(255, 255, 255, 190));
            p.drawText(r, Qt::AlignCenter, QString::number(i + 1));
        }
    }
    p.end();
    return QIcon(pix);
}

LayoutPanel::LayoutPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("layoutPanel"));
    group_ = new QActionGroup(this);
    group_->setExclusionPolicy(QActionGroup::ExclusionPolicy::Exclusive);

    QStringList names;
    for (const engine::Layout& l : session_.layouts())
        names << QString::fromStdString(l.name);
    QStringList ordered;
    for (const QString& n : presetOrder())
        if (names.contains(n))
            ordered << n;
    for (const QString& n : names)
        if (!ordered.contains(n))
            ordered << n;

    auto* grid = new QGridLayout;
    grid->setSpacing(4);
    const QSize thumb(80, 45);
    for (int i = 0; i < ordered.size(); ++i) {
        const QString name = ordered[i];
        auto* action = new QAction(thumbnail(layoutRects(session_, name), thumb), displayName(name), this);
        action->setData(name);
        action->setCheckable(true);
        if (i < 8)
            action->setShortcut(QKeySequence(Qt::Key_F1 + i));
        action->setToolTip(i < 8 ? tr("%1 on preview (F%2)").arg(displayName(name)).arg(i + 1)
                                 : tr("%1 on preview").arg(displayName(name)));
        connect(action, &QAction::triggered, this, [this, name] { choose(name); });
        group_->addAction(action);
        actions_ << action;

        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("layout-%1").arg(name));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        button->setIconSize(thumb);
        button->setAutoRaise(false);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        // The F-key under the name, so nobody has to look it up. In the action's icon text, which
        // the button shows, so that it survives the action's every change (checked on each use).
        if (i < 8)
            action->setIconText(QStringLiteral("%1\nF%2").arg(displayName(name)).arg(i + 1));
        buttons_ << button;
        grid->addWidget(button, i / 3, i % 3);
    }

    // Preview's layout stands out in preview's tally green, as on the multiview.
    setStyleSheet(QStringLiteral("QToolButton:checked { border: 3px solid #14c43c; background: #1e3a26;"
                                 " font-weight: 600; }"));

    auto* hint = new QLabel(tr("Drag sites from the list or the multiview onto a preview slot."), this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #8a9099;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(grid);
    layout->addWidget(hint);
    layout->addStretch();

    connect(&session_, &core::Session::changed, this, [this](const core::SessionEvent& e) {
        if (e.as<core::events::PreviewChanged>())
            syncWithPreview();
    });
    syncWithPreview();
}

QToolButton* LayoutPanel::buttonFor(const QString& layout) const {
    for (QToolButton* b : buttons_)
        if (b->defaultAction()->data().toString() == layout)
            return b;
    return nullptr;
}

void LayoutPanel::choose(const QString& layout) {
    if (auto r = session_.setPreviewLayout(layout, QStringLiteral("ui")); !r)
        Q_EMIT problem(r.error().message);
    syncWithPreview();
}

void LayoutPanel::syncWithPreview() {
    const QString current = QString::fromStdString(session_.preview().layout);
    for (QAction* a : std::as_const(actions_))
        a->setChecked(a->data().toString() == current);
}

} // namespace hntt::ui
