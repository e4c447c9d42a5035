#include "ui/panels/panel_style.h"

#include <QLabel>
#include <QWidget>

namespace hntt::ui::style {

namespace {
// Restyling repolishes the widget: only when the sheet really changes.
void setSheet(QWidget* widget, const QString& sheet) {
    if (widget->styleSheet() != sheet)
        widget->setStyleSheet(sheet);
}
} // namespace

void setTextColour(QLabel* label, const QColor& colour) {
    setSheet(label, QStringLiteral("color: %1;").arg(colour.name()));
}

void setButtonColour(QWidget* button, const QColor& colour, bool on) {
    setSheet(button, on ? QStringLiteral("QPushButton { background: %1; color: white; font-weight: 600; }")
                              .arg(colour.name())
                        : QString());
}

QString shortTime(const QDateTime& at) {
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                : local.toString(QStringLiteral("dd/MM HH:mm:ss"));
}

QString shortTime(const QString& iso) {
    return shortTime(QDateTime::fromString(iso, Qt::ISODateWithMs));
}

} // namespace hntt::ui::style
