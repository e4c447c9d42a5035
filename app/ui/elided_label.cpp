#include "ui/elided_label.h"

#include <QResizeEvent>
#include <algorithm>

namespace hntt::ui {

namespace {
constexpr int kPreferredMaxWidth = 480; // beyond this a label asks for no more; it may get more
}

ElidedLabel::ElidedLabel(QWidget* parent)
    : QLabel(parent) {
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString& text) {
    if (text == full_)
        return;
    full_ = text;
    updateGeometry();
    refresh();
}

QSize ElidedLabel::sizeHint() const {
    const int margins = contentsMargins().left() + contentsMargins().right() + 2 * margin();
    return {std::min(fontMetrics().horizontalAdvance(full_) + margins, kPreferredMaxWidth),
            QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::minimumSizeHint() const {
    return {fontMetrics().horizontalAdvance(QStringLiteral("…")), QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event) {
    QLabel::resizeEvent(event);
    refresh();
}

void ElidedLabel::refresh() {
    const int room = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().elidedText(full_, Qt::ElideRight, std::max(room, 0));
    // The size asked for comes from the full text: a new cut never moves the layout.
    if (shown != text())
        setText(shown);
    setToolTip(shown == full_ ? QString() : full_);
}

} // namespace hntt::ui
