#include "ui/panels/multiview_panel.h"

#include "core/session/session.h"
#include "ui/elided_label.h"
#include "ui/picture_view.h"
#include "ui/site_selection.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace hntt::ui {

MultiviewPanel::MultiviewPanel(core::Session& session, SiteSelection& selection, QWidget* parent)
    : QWidget(parent)
    , session_(session)
    , selection_(selection) {
    setObjectName(QStringLiteral("multiviewPanel"));
    // A click on the wall takes the keyboard to the console (out of a search box, say).
    setFocusPolicy(Qt::ClickFocus);
    view_ = new PictureView(session_, core::Session::Picture::Multiview, this);
    view_->setObjectName(QStringLiteral("multiview"));

    previous_ = new QAction(tr("Previous page"), this);
    previous_->setShortcut(Qt::Key_PageUp);
    next_ = new QAction(tr("Next page"), this);
    next_->setShortcut(Qt::Key_PageDown);
    connect(previous_, &QAction::triggered, this, [this] { showPage(wantedPage_ - 1); });
    connect(next_, &QAction::triggered, this, [this] { showPage(wantedPage_ + 1); });
    for (int i = 0; i < 10; ++i) {
        auto* a = new QAction(tr("Select tile %1").arg(i + 1), this);
        a->setShortcut(QKeySequence(Qt::Key_0 + (i + 1) % 10));
        connect(a, &QAction::triggered, this, [this, i] { selectTile(i); });
        digits_ << a;
    }

    auto* prevButton = new QToolButton(this);
    prevButton->setDefaultAction(previous_);
    prevButton->setText(QStringLiteral("◀"));
    auto* nextButton = new QToolButton(this);
    nextButton->setDefaultAction(next_);
    nextButton->setText(QStringLiteral("▶"));
    page_ = new QLabel(this);
    page_->setObjectName(QStringLiteral("multiviewPage"));
    selected_ = new ElidedLabel(this);
    selected_->setObjectName(QStringLiteral("selectedSite"));
    selected_->setStyleSheet(QStringLiteral("color: #7fb2ff; font-weight: 600;"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(prevButton);
    bar->addWidget(page_);
    bar->addWidget(nextButton);
    bar->addSpacing(16);
    bar->addWidget(selected_, 2);
    // The hint gives way to the selected site's name on a narrow screen.
    auto* hint = new ElidedLabel(this);
    hint->setFullText(tr("Click: select · double-click: preview · drag: onto a preview slot"));
    hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    hint->setStyleSheet(QStringLiteral("color: #8a9099;"));
    bar->addWidget(hint, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(view_, 1);
    layout->addLayout(bar);

    connect(view_, &PictureView::siteClicked, &selection_, &SiteSelection::select);
    connect(view_, &PictureView::siteDoubleClicked, this, [this](qint64 id) {
        selection_.select(id);
        if (auto r = session_.setPreview({"single", {id}}, QStringLiteral("ui")); !r)
            Q_EMIT problem(r.error().message);
    });
    connect(&selection_, &SiteSelection::changed, this, [this](qint64 id) {
        const auto site = session_.siteRecord(id);
        selected_->setFullText(site ? tr("Selected: %1").arg(site->name) : QString());
    });
    // The engine draws pages on its clock; follow what it actually shows.
    auto* poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, &MultiviewPanel::updatePageControls);
    poll->start(500);
    updatePageControls();
}

void MultiviewPanel::showPage(int page) {
    const core::Session::MultiviewPage shown = session_.multiviewPage();
    wantedPage_ = std::clamp(page, 0, std::max(0, shown.pageCount - 1));
    session_.setMultiviewPage(wantedPage_);
    updatePageControls();
}

void MultiviewPanel::selectTile(int index) {
    const core::Session::MultiviewPage shown = session_.multiviewPage();
    if (index < 0 || index >= shown.sites.size()) {
        Q_EMIT problem(tr("There is no tile %1 on this page.").arg(index + 1));
        return;
    }
    selection_.select(shown.sites[index]);
}

void MultiviewPanel::updatePageControls() {
    const core::Session::MultiviewPage shown = session_.multiviewPage();
    page_->setText(tr("Page %1/%2").arg(wantedPage_ + 1).arg(shown.pageCount));
    previous_->setEnabled(wantedPage_ > 0);
    next_->setEnabled(wantedPage_ + 1 < shown.pageCount);
}

} // namespace hntt::ui
