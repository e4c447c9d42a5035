// The multiview (the engine's own canvas: program, preview and every site with tally, meter and
// status) with its page controls. A click selects a site, a double-click puts it on preview; digit
// keys select the n-th tile of the page shown.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class ElidedLabel;
class PictureView;
class SiteSelection;

class MultiviewPanel : public QWidget {
    Q_OBJECT

public:
    MultiviewPanel(core::Session& session, SiteSelection& selection, QWidget* parent = nullptr);

    PictureView* view() const { return view_; }
    QAction* nextPageAction() const { return next_; }
    QAction* previousPageAction() const { return previous_; }
    // Digits 1–9 and 0 (the tenth tile).
    const QList<QAction*>& digitActions() const { return digits_; }

public Q_SLOTS:
    void selectTile(int index); // 0-based on the current page
    void showPage(int page);

Q_SIGNALS:
    void problem(const QString& message);

private:
    void updatePageControls();

    core::Session& session_;
    SiteSelection& selection_;
    PictureView* view_ = nullptr;
    QLabel* page_ = nullptr;
    ElidedLabel* selected_ = nullptr;
    QAction* next_ = nullptr;
    QAction* previous_ = nullptr;
    QList<QAction*> digits_;
    int wantedPage_ = 0;
};

} // namespace hntt::ui
