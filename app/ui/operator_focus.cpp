#include "ui/operator_focus.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace hntt::ui {

OperatorFocus::OperatorFocus(QWidget* window, QWidget* home, QWidget* parent)
    : QLabel(parent)
    , window_(window)
    , home_(home) {
    setObjectName(QStringLiteral("typingCue"));
    setStyleSheet(QStringLiteral("color: #1b1b1b; background: #ffb347; padding: 1px 6px; font-weight: 700;"));
    setText(tr("⌨ Typing: Esc gives the keys back"));
    setToolTip(tr("A text field has the keyboard, so Space, M and the digits type into it. Esc, or a "
                  "click on the multiview, gives the keys back to the console."));
    hide();
    // The application sees every event first, whichever widget of the window it is for.
    qApp->installEventFilter(this);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) { follow(now); });
    // Opens with the keys on the console; shown, the window gives them to its focus widget.
    if (home_)
        home_->setFocus(Qt::OtherFocusReason);
}

OperatorFocus::~OperatorFocus() {
    qApp->removeEventFilter(this);
}

bool OperatorFocus::isTextField(const QWidget* widget) {
    if (!widget)
        return false;
    if (const auto* line = qobject_cast<const QLineEdit*>(widget))
        return !line->isReadOnly();
    if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(widget))
        return !spin->isReadOnly();
    if (const auto* text = qobject_cast<const QTextEdit*>(widget))
        return !text->isReadOnly();
    if (const auto* plain = qobject_cast<const QPlainTextEdit*>(widget))
        return !plain->isReadOnly();
    if (const auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->isEditable();
    return false;
}

bool OperatorFocus::inWindow(const QWidget* widget) const {
    // The window and its floating panels; dialogs keep their own keys (Esc closes a dialog).
    const QWidget* top = widget->window();
    return window_ &&
           (top == window_ || (qobject_cast<const QDockWidget*>(top) && top->parentWidget() == window_));
}

void OperatorFocus::giveKeysBack() {
    if (home_)
        home_->setFocus(Qt::ShortcutFocusReason);
    else if (QWidget* focus = QApplication::focusWidget())
        focus->clearFocus();
}

bool OperatorFocus::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if ((type != QEvent::KeyPress && type != QEvent::MouseButtonPress) || !watched->isWidgetType())
        return false;
    auto* target = static_cast<QWidget*>(watched);
    if (!inWindow(target))
        return false;
    QWidget* focus = QApplication::focusWidget();
    if (!isTextField(focus))
        return false;
    if (type == QEvent::KeyPress) {
        // Only the key typed into the field: a completer's popup is a window of its own.
        if (static_cast<QKeyEvent*>(event)->key() != Qt::Key_Escape || target != focus)
            return false;
        giveKeysBack();
        return true;
    }
    // A press inside the field (its clear button) or on a widget that takes the focus itself
    // (a list, another field) leaves Qt to move the focus as it always does.
    if (target == focus || focus->isAncestorOf(target) || (target->focusPolicy() & Qt::ClickFocus))
        return false;
    giveKeysBack();
    return false; // the press still does what it does (selects a tile, presses a button)
}

void OperatorFocus::follow(QWidget* now) {
    setVisible(isTextField(now) && inWindow(now));
}

} // namespace hntt::ui
