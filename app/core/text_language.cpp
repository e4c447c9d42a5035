#include "core/text_language.h"

#include <QCoreApplication>
#include <QHash>
#include <QTranslator>
#include <memory>
#include <mutex>

namespace hntt::core {

namespace {

struct Loaded {
    QString language;
    std::unique_ptr<QTranslator> translator; // the console's own texts in that language
};

thread_local const Loaded* tCurrent = nullptr;

// One translator per language, made on first use and kept: a translator's look-ups only read it,
// from any thread.
const Loaded* loaded(const QString& language) {
    static std::mutex mutex;
    static QHash<QString, std::shared_ptr<Loaded>> all;
    const std::lock_guard lock(mutex);
    auto& slot = all[language];
    if (!slot) {
        slot = std::make_shared<Loaded>();
        slot->language = language;
        slot->translator = std::make_unique<QTranslator>();
        if (!slot->translator->load(QStringLiteral(":/i18n/hntt_%1.qm").arg(language)))
            slot->translator.reset(); // the sources' own words (English)
    }
    return slot.get();
}

} // namespace

TextLanguage::Scope::Scope(const QString& language)
    : previous_(tCurrent) {
    tCurrent = loaded(language);
}

TextLanguage::Scope::~Scope() {
    tCurrent = static_cast<const Loaded*>(previous_);
}

QString TextLanguage::translate(const char* context, const char* source, const char* disambiguation, int n) {
    if (!tCurrent)
        return QCoreApplication::translate(context, source, disambiguation, n);
    QString text;
    if (tCurrent->translator)
        text = tCurrent->translator->translate(context, source, disambiguation, n);
    if (text.isEmpty())
        text = QString::fromUtf8(source);
    // As QCoreApplication::translate does: %n is the count.
    if (n >= 0)
        text.replace(QLatin1String("%n"), QString::number(n));
    return text;
}

QString TextLanguage::current() {
    return tCurrent ? tCurrent->language : QString();
}

} // namespace hntt::core
