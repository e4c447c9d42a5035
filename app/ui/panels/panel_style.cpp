#include "ui/panels/panel_style.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
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

void setBanner(QLabel* label, const QColor& colour) {
    setSheet(
        label,
        QStringLiteral("background: %1; color: white; font-weight: 700; padding: 4px;").arg(colour.name()));
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

QTableWidgetItem* tableItem(const QString& text, const QColor& colour) {
    auto* i = new QTableWidgetItem(text); // owned by the table it is put in
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    i->setToolTip(text);
    if (colour.isValid())
        i->setForeground(colour);
    return i;
}

QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers, int stretch) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setWordWrap(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    return t;
}

} // namespace hntt::ui::style
