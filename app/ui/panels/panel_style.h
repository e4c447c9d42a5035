// Status colours and small helpers the operator panels share, so that red, amber and green mean
// the same everywhere: red = on program / alarm, green = ok / preview, amber = warning.
#pragma once

#include <QColor>
#include <QDateTime>
#include <QString>
#include <QStringList>

class QWidget;
class QLabel;
class QTableWidget;
class QTableWidgetItem;

namespace hntt::ui::style {

// The same colours as a site's link state (ui/status_colors.cpp): lost, connecting, connected, offline.
inline const QColor kRed{0xff, 0x4d, 0x4d};
inline const QColor kAmber{0xf2, 0xc1, 0x2e};
inline const QColor kGreen{0x3d, 0xd6, 0x6f};
inline const QColor kGrey{0x7a, 0x80, 0x88};
inline const QColor kText{0xe6, 0xe8, 0xeb};
// Row tints for tables: a status colour dimmed onto the dark base.
inline const QColor kRedTint{0x4a, 0x1c, 0x20};
inline const QColor kAmberTint{0x4a, 0x3a, 0x14};
inline const QColor kGreenTint{0x15, 0x3a, 0x28};

// A label's text colour (style sheet, so it survives palette changes).
void setTextColour(QLabel* label, const QColor& colour);
// A label filled with a status colour, white bold text: an alarm that must be seen from afar.
void setBanner(QLabel* label, const QColor& colour);
// A push button filled with a status colour while `on` (mute, record).
void setButtonColour(QWidget* button, const QColor& colour, bool on);

// A read-only cell, its text also as tooltip (cells are narrow), optionally coloured.
QTableWidgetItem* tableItem(const QString& text, const QColor& colour = {});
// A read-only table selecting whole rows, column `stretch` taking the spare width.
QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers, int stretch);

// An ISO 8601 time as the operator reads it: HH:mm:ss today, dd/MM HH:mm:ss otherwise.
QString shortTime(const QString& iso);
QString shortTime(const QDateTime& at);

} // namespace hntt::ui::style
