#include "core/calls/sip_text.h"

#include <QRegularExpression>

namespace hntt::core {

QString sipMatchKey(const QString& uri) {
    QString s = uri.trimmed();
    const qsizetype colon = s.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {};
    QString scheme = s.left(colon).toLower();
    if (scheme == QLatin1String("sips"))
        scheme = QStringLiteral("sip");
    QString rest = s.mid(colon + 1);
    rest = rest.left(rest.indexOf(QLatin1Char(';')) < 0 ? rest.size() : rest.indexOf(QLatin1Char(';')));
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    const QString user = at >= 0 ? rest.left(at) : QString();
    QString host = at >= 0 ? rest.mid(at + 1) : rest;
    // host:port → host (an IPv6 literal keeps its brackets and colons)
    if (!host.startsWith(QLatin1Char('['))) {
        if (const qsizetype p = host.indexOf(QLatin1Char(':')); p >= 0)
            host = host.left(p);
    } else if (const qsizetype end = host.indexOf(QLatin1Char(']')); end >= 0) {
        host = host.left(end + 1);
    }
    return scheme + QLatin1Char(':') + (user.isEmpty() ? QString() : user + QLatin1Char('@')) +
           host.toLower();
}

std::string sipHostOf(const QString& uri) {
    const QString key = sipMatchKey(uri); // no port, no parameters
    // After the scheme, then after the user when there is one: "sip:10.0.0.5" has no '@'.
    QString host = key.mid(key.indexOf(QLatin1Char(':')) + 1);
    host = host.mid(host.lastIndexOf(QLatin1Char('@')) + 1);
    host.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    return host.toStdString();
}

std::optional<QChar> dtmfKeyOf(const QString& body) {
    static const QRegularExpression signal(QStringLiteral("(?:^|\\n)\\s*Signal\\s*=\\s*([0-9*#A-Da-d])"));
    const auto m = signal.match(body);
    const QString key = m.hasMatch() ? m.captured(1) : body.trimmed().left(1);
    if (key.size() == 1 && QStringLiteral("0123456789*#ABCDabcd").contains(key))
        return key.at(0).toUpper();
    return std::nullopt;
}

} // namespace hntt::core
