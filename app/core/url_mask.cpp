#include "core/url_mask.h"

#include <QRegularExpression>
#include <QStringList>

namespace hntt::core {

namespace {

const QString kMask = QStringLiteral("••••");

// Query keys whose values are secrets, whatever the scheme.
bool secretKey(const QString& key) {
    static const QStringList keys{QStringLiteral("passphrase"), QStringLiteral("streamid"),
                                  QStringLiteral("key"),        QStringLiteral("token"),
                                  QStringLiteral("password"),   QStringLiteral("secret")};
    return keys.contains(key.toLower());
}

} // namespace

QString maskStreamUrl(const QString& url) {
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return url;
    const QString scheme = url.left(schemeEnd).toLower();
    QString rest = url.mid(schemeEnd + 3);

    // No fragment: stream URLs have none, and SRT stream ids often start with "#!::".
    QString query;
    if (const qsizetype q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    QString authority = slash >= 0 ? rest.left(slash) : rest;
    QString path = slash >= 0 ? rest.mid(slash) : QString();

    // user:password@host → user:••••@host
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const qsizetype colon = authority.indexOf(QLatin1Char(':'));
        if (colon >= 0 && colon < at)
            authority = authority.left(colon + 1) + kMask + authority.mid(at);
    }

    // RTMP: /app/key — the key is the last segment (an /app alone has none).
    if (scheme.startsWith(QLatin1String("rtmp"))) {
        QStringList segments = path.split(QLatin1Char('/'));
        int named = 0;
        for (const QString& s : segments)
            named += s.isEmpty() ? 0 : 1;
        if (named >= 2)
            for (qsizetype i = segments.size() - 1; i >= 0; --i)
                if (!segments[i].isEmpty()) {
                    segments[i] = kMask;
                    break;
                }
        path = segments.join(QLatin1Char('/'));
    }

    if (!query.isEmpty()) {
        QStringList pairs = query.split(QLatin1Char('&'));
        for (QString& pair : pairs) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq > 0 && eq + 1 < pair.size() && secretKey(pair.left(eq)))
                pair = pair.left(eq + 1) + kMask;
        }
        query = QLatin1Char('?') + pairs.join(QLatin1Char('&'));
    }
    return url.left(schemeEnd + 3) + authority + path + query;
}

QString maskStreamUrlsIn(const QString& text) {
    static const QRegularExpression urlPattern(QStringLiteral("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]+"));
    static const QString trailing = QStringLiteral(".,;:)]}!");
    QString out;
    qsizetype from = 0;
    for (auto it = urlPattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString url = m.captured(0);
        qsizetype end = url.size();
        while (end > 0 && trailing.contains(url.at(end - 1)))
            --end;
        out += text.mid(from, m.capturedStart(0) - from) + maskStreamUrl(url.left(end)) + url.mid(end);
        from = m.capturedEnd(0);
    }
    return out + text.mid(from);
}

} // namespace hntt::core
