// A one-line label that never asks for more width than it is given: a long text is cut with "…"
// and shown whole in its tooltip, so no site name, however long, can widen the window.
#pragma once

#include <QLabel>

namespace hntt::ui {

class ElidedLabel : public QLabel {
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setFullText(const QString& text);
    const QString& fullText() const { return full_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();

    QString full_;
};

} // namespace hntt::ui
