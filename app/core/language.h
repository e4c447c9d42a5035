// Which interface language to use, and installing its translations.
#pragma once

#include <QString>

class QCoreApplication;

namespace hntt::core {

// "vi" or "en": the requested one, else the system locale's, with Vietnamese preferred.
QString chooseLanguage(const QString& requested);

// Installs the console's and Qt's own translations for `language` on the running application.
void installTranslations(const QString& language);

} // namespace hntt::core
