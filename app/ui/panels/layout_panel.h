// The layout picker: a thumbnail of every layout; a click (or F1–F8) puts preview in that layout,
// keeping its sites. Sites are placed in slots by dropping them on the preview monitor.
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QActionGroup;
class QToolButton;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class LayoutPanel : public QWidget {
    Q_OBJECT

public:
    explicit LayoutPanel(core::Session& session, QWidget* parent = nullptr);

    // One action a layout; the first eight carry F1–F8.
    const QList<QAction*>& layoutActions() const { return actions_; }
    QToolButton* buttonFor(const QString& layout) const;
    // "Grid 3×3" for "grid-3x3": the names operators read.
    static QString displayName(const QString& layout);
    static QIcon thumbnail(const QList<QRectF>& rects, const QSize& size);

public Q_SLOTS:
    void choose(const QString& layout);

Q_SIGNALS:
    void problem(const QString& message);

private:
    void syncWithPreview();

    core::Session& session_;
    QList<QAction*> actions_;
    QActionGroup* group_ = nullptr;
    QList<QToolButton*> buttons_;
};

} // namespace hntt::ui
