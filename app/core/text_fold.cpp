#include "core/text_fold.h"

namespace hntt::core {

QString foldForSearch(const QString& text) {
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        switch (c.category()) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Mark_Enclosing:
            continue; // the tone and vowel marks of Vietnamese, and any other accent
        default:
            break;
        }
        // Đ has no decomposition; the Icelandic eth (Ð, ð) is a common stand-in for it in typed text.
        if (c == QChar(0x0110) || c == QChar(0x0111) || c == QChar(0x00D0) || c == QChar(0x00F0))
            folded += QLatin1Char('d');
        else
            folded += c;
    }
    return folded.toLower().simplified();
}

bool holdsControlCharacter(QStringView text) {
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control)
            return true;
    return false;
}

} // namespace hntt::core
