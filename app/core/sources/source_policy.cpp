#include "core/sources/source_policy.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <algorithm>
#include <arpa/inet.h>
#include <optional>

namespace hntt::core {

namespace {

Error refused(QString message) {
    return Error{Error::Code::Invalid, std::move(message)};
}

// The scheme as FFmpeg would read it: letters, digits, + - . before the first colon.
QString schemeOf(const QString& url) {
    const qsizetype colon = url.indexOf(QLatin1Char(':'));
    if (colon < 2)
        return {};
    for (qsizetype i = 0; i < colon; ++i) {
        const QChar c = url.at(i);
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('+') && c != QLatin1Char('-') &&
            c != QLatin1Char('.'))
            return {};
    }
    return url.left(colon).toLower();
}

// The address a host text stands for, as the system's resolver would read a literal: inet_aton
// also takes "127.1" and "2130706433", which getaddrinfo (and so FFmpeg) resolves to loopback.
std::optional<QHostAddress> literalAddress(QString host) {
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (const qsizetype zone = host.indexOf(QLatin1Char('%')); zone >= 0)
        host.truncate(zone);
    const QByteArray text = host.toLatin1();
    in_addr v4{};
    if (inet_aton(text.constData(), &v4) != 0)
        return QHostAddress(ntohl(v4.s_addr));
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.constData(), &v6) == 1)
        return QHostAddress(v6.s6_addr);
    return std::nullopt;
}

bool isOwnAddress(const QHostAddress& given) {
    QHostAddress a = given;
    bool mapped = false;
    if (const quint32 v4 = a.toIPv4Address(&mapped); mapped)
        a = QHostAddress(v4);
    if (a.isLoopback() || a == QHostAddress(QHostAddress::AnyIPv4) ||
        a == QHostAddress(QHostAddress::AnyIPv6))
        return true;
    if (a.protocol() == QAbstractSocket::IPv4Protocol && (a.toIPv4Address() >> 24) == 0)
        return true; // 0.0.0.0/8 means "this host"
    const QList<QHostAddress> own = QNetworkInterface::allAddresses();
    return std::any_of(own.begin(), own.end(), [&](const QHostAddress& o) { return o.isEqual(a); });
}

bool isOwnName(const QString& host) {
    const QString h = host.toLower();
    return h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")) ||
           h == QLatin1String("ip6-localhost") || h == QLatin1String("ip6-loopback") ||
           h.compare(QHostInfo::localHostName(), Qt::CaseInsensitive) == 0;
}

// The host of "scheme://[user@]host[:port]/…" as FFmpeg's av_url_split reads it (no decoding):
// what FFmpeg will resolve, whatever a URL parser might make of the same text.
QString authorityHost(QString rest) {
    if (const qsizetype end = rest.indexOf(QRegularExpression(QStringLiteral("[/?#]"))); end >= 0)
        rest.truncate(end);
    if (const qsizetype at = rest.lastIndexOf(QLatin1Char('@')); at >= 0)
        rest = rest.mid(at + 1);
    if (rest.startsWith(QLatin1Char('[')) && rest.contains(QLatin1Char(']')))
        return rest.left(rest.indexOf(QLatin1Char(']')) + 1);
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    return colon < 0 ? rest : rest.left(colon);
}

// The host a source that connects out would reach, or nothing for one that waits for its sender.
std::optional<QString> outgoingHost(const QString& scheme, const QString& url) {
    if (scheme == QLatin1String("udp") || scheme == QLatin1String("rtp"))
        return std::nullopt; // a receiver: binds a port here and reaches nobody
    if (scheme == QLatin1String("srt")) {
        const qsizetype q = url.indexOf(QLatin1Char('?'));
        const QStringList items = q < 0 ? QStringList() : url.mid(q + 1).split(QLatin1Char('&'));
        if (items.contains(QStringLiteral("mode=listener")))
            return std::nullopt;
    }
    return authorityHost(url.mid(scheme.size() + 3));
}

Status checkFile(const QString& url, const SourcePolicy& policy) {
    // As FFmpeg's file protocol reads it: everything after "file:" is the path.
    const QString path = url.startsWith(QLatin1String("file:"), Qt::CaseInsensitive) ? url.mid(5) : url;
    if (policy.mediaDir.isEmpty())
        return refused(
            SourcePolicy::tr("File sources are not allowed on this console (no media folder is set)."));
    if (!QDir::isAbsolutePath(path))
        return refused(SourcePolicy::tr("A file source needs its full path inside the media folder %1.")
                           .arg(policy.mediaDir));
    const QString root = QFileInfo(policy.mediaDir).canonicalFilePath();
    const QFileInfo file(path);
    const QString real = file.canonicalFilePath();
    // The same answer whether or not the file exists outside the folder: nothing is told about it.
    if (root.isEmpty() || real.isEmpty() || !real.startsWith(root + QLatin1Char('/')))
        return refused(SourcePolicy::tr("A file source must be a file inside the media folder %1.")
                           .arg(policy.mediaDir));
    if (!QFileInfo(real).isFile())
        return refused(SourcePolicy::tr("%1 is not a regular file.").arg(path));
    return {};
}

} // namespace

Status checkSource(const QString& url, const SourcePolicy& policy) {
    if (url.isEmpty())
        return {};
    for (const QChar c : url)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return refused(SourcePolicy::tr("A source URL cannot hold control characters."));
    const QString scheme = schemeOf(url);
    const bool hierarchical = url.mid(scheme.size(), 3) == QLatin1String("://");
    if (scheme.isEmpty() || scheme == QLatin1String("file"))
        return checkFile(url, policy);
    if (scheme == QLatin1String("test"))
        return {};
    static const QStringList allowed = {
        QStringLiteral("srt"),   QStringLiteral("rtsp"), QStringLiteral("rtsps"), QStringLiteral("rtmp"),
        QStringLiteral("rtmps"), QStringLiteral("udp"),  QStringLiteral("rtp")};
    if (!allowed.contains(scheme) || !hierarchical)
        return refused(SourcePolicy::tr(
                           "Sources come over srt://, rtsp://, rtmp://, udp:// or rtp://, from a file in the "
                           "media folder, or from test://; '%1:' is not allowed.")
                           .arg(scheme));
    if (policy.allowLocalTargets)
        return {};
    const std::optional<QString> host = outgoingHost(scheme, url);
    if (!host)
        return {};
    if (host->isEmpty())
        return refused(SourcePolicy::tr("The source URL names no host: %1").arg(url));
    const std::optional<QHostAddress> address = literalAddress(*host);
    if (address ? isOwnAddress(*address) : isOwnName(*host))
        return refused(
            SourcePolicy::tr("The source %1 points at this machine itself; sources from this machine are "
                             "allowed only when the operator allows local sources.")
                .arg(*host));
    return {};
}

} // namespace hntt::core
