// Answers the next modal message box (a question the console asks) by clicking its button of that
// object name, and records what it asked: its text and its details. Nothing when no box comes.
#pragma once

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QString>
#include <QTimer>

namespace hntt::test {

inline void answerNextBox(QString* asked, const char* button, int afterMs = 200) {
    QTimer::singleShot(afterMs, [asked, button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        *asked = box->text() + QLatin1Char('\n') + box->informativeText();
        if (auto* b = box->findChild<QPushButton*>(QLatin1String(button)))
            b->click();
    });
}

} // namespace hntt::test
