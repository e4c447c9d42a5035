// The keyboard belongs to the operator. The console's single keys (Space takes, M mutes, digits
// select) act everywhere in the window except while a text field is being typed in; this keeps it
// so: Esc leaves a text field, a click anywhere that takes no focus itself (the multiview, a
// button, a panel's background) hands the keys back to the console, and the window opens with the
// keys on the multiview, not in the first text box. This label is the visible cue in the status
// bar, shown only while a text field has the keys.
#pragma once

#include <QLabel>
#include <QPointer>

namespace hntt::ui {

class OperatorFocus : public QLabel {
    Q_OBJECT

public:
    // Watches everything inside `window`; `home` is where the keys go back to.
    OperatorFocus(QWidget* window, QWidget* home, QWidget* parent = nullptr);
    ~OperatorFocus() override;

    // A widget that takes typed text: a writable line edit, spin box, text box or editable combo.
    static bool isTextField(const QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool inWindow(const QWidget* widget) const;
    void giveKeysBack(); // to the home widget
    void follow(QWidget* now);

    QPointer<QWidget> window_;
    QPointer<QWidget> home_;
};

} // namespace hntt::ui
