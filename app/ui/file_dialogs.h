// The console's file dialogs: Qt's own on every desktop (the same look, translated with the
// window), with their "Date Modified" column in the window's language. Qt's file model writes
// dates in the system locale, which on a console set up in the C locale is English ("6 Dec")
// inside a Vietnamese window.
#pragma once

#include <QString>

class QWidget;

namespace hntt::ui::file_dialogs {

// Each returns the chosen path, or an empty string when the person cancels.
QString openFile(QWidget* parent, const QString& title, const QString& dir, const QString& filter = {});
// Asks before replacing an existing file, as Qt's dialog does.
QString saveFile(QWidget* parent, const QString& title, const QString& path, const QString& filter = {});
QString existingFolder(QWidget* parent, const QString& title, const QString& dir);

} // namespace hntt::ui::file_dialogs
