#include "core/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QList>
#include <QLocale>
#include <QPointer>
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
    // A second call (a language switched) replaces the first one's translators, so that no string
    // of the former language is left behind where the new one has none (Qt's dialogs in English).
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator>& t : std::as_const(installed))
        if (t) {
            QCoreApplication::removeTranslator(t);
            t->deleteLater();
        }
    installed.clear();
    // Parented to the application, so they live exactly as long as it does.
    auto* own = new QTranslator(app);
    installed << own;
    if (own->load(QStringLiteral(":/i18n/hntt_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    // Qt's own dialogs: Qt's translation where it ships one, else the console's (Vietnamese).
    auto* qt = new QTranslator(app);
    installed << qt;
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) ||
        qt->load(QStringLiteral(":/i18n/qt_standard_%1.qm").arg(language)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(QLocale(language == QLatin1String("vi") ? QLocale::Vietnamese : QLocale::English));
}

} // namespace hntt::core
