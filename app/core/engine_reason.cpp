#include "core/engine_reason.h"

#include "core/system_error.h"
#include "core/text_language.h"

#include <QRegularExpression>

namespace hntt::core {

QString EngineReason::text(const QString& reason) {
    static const QRegularExpression noMedia(QStringLiteral("^No media for ([0-9.]+) s$"));
    static const QRegularExpression noAnswer(QStringLiteral("^No answer within ([0-9.]+) s$"));
    static const QRegularExpression lost(QStringLiteral("^Connection lost: (.*)$"));
    static const QRegularExpression scheme(QStringLiteral("^Unsupported URL scheme: (.*)$"));
    if (const auto m = noMedia.match(reason); m.hasMatch())
        return translate("EngineReason", "No media for %1 s").arg(m.captured(1));
    if (const auto m = noAnswer.match(reason); m.hasMatch())
        return translate("EngineReason", "No answer within %1 s").arg(m.captured(1));
    if (reason == QLatin1String("Connection closed by the sender"))
        return translate("EngineReason", "Connection closed by the sender");
    if (const auto m = lost.match(reason); m.hasMatch())
        return translate("EngineReason", "Connection lost: %1").arg(SystemError::translated(m.captured(1)));
    if (const auto m = scheme.match(reason); m.hasMatch())
        return translate("EngineReason", "Unsupported URL scheme: %1").arg(m.captured(1));
    return SystemError::translated(reason);
}

} // namespace hntt::core
