#include "ui/theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace hntt::ui {

void applyControlRoomTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(0x1c, 0x1f, 0x24), base(0x14, 0x16, 0x1a), text(0xe6, 0xe8, 0xeb);
    const QColor accent(0x2f, 0x81, 0xf7);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x90, 0x99));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6a, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6a, 0x70, 0x78));
    app.setPalette(p);
    QFont f = app.font();
    f.setPointSizeF(10.5);
    app.setFont(f);
    app.setStyleSheet(
        QStringLiteral("QDockWidget::title { background: #262a31; padding: 4px 8px; font-weight: 600; }"
                       "QMenuBar { background: #16191d; }"
                       "QStatusBar { background: #16191d; color: #aab0b8; }"
                       "QToolTip { border: 1px solid #3a3f47; }"));
}

} // namespace hntt::ui
