#include "core/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace hntt::core {

QString chooseLanguage(const QString& requested) {
    if (requested == QLatin1String("vi") || requested == QLatin1String("en"))
        return requested;
    const QStringList ui = QLocale::system().uiLanguages();
    for (const QString& l : ui)
        if (l.startsWith(QLatin1String("vi")))
            return QStringLiteral("vi");
    for (const QString& l : ui)
        if (l.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    return QStringLiteral("vi");
}

void installTranslations(const QString& language) {
    auto* app = QCoreApplication::instance();
    // Parented to the application, so they live exactly as long as it does.
    auto* own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/hntt_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    auto* qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(QLocale(language == QLatin1String("vi") ? QLocale::Vietnamese : QLocale::English));
}

} // namespace hntt::core
