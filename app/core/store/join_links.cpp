#include "core/store/join_links.h"

#include "core/store/database.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <array>

namespace hntt::core {

JoinLinks::JoinLinks(Database& db)
    : db_(db) {}

QString JoinLinks::makeSecret() {
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char*>(words.data()),
                           static_cast<qsizetype>(sizeof(words)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool JoinLinks::looksLikeSecret(const QString& text) {
    if (text.size() != 43)
        return false;
    for (QChar c : text)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_'))
            return false;
    return true;
}

Result<QString> JoinLinks::secretFor(qint64 siteId) {
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("SELECT secret FROM join_links WHERE site_id = ?"));
    q.addBindValue(siteId);
    if (!q.exec())
        return Database::errorFor(q, tr("reading the join link of site %1").arg(siteId));
    if (q.next())
        return q.value(0).toString();
    return rotate(siteId);
}

Result<QString> JoinLinks::rotate(qint64 siteId) {
    const QString secret = makeSecret();
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("INSERT INTO join_links (site_id, secret, created_at) VALUES (?, ?, ?) "
                             "ON CONFLICT(site_id) DO UPDATE SET secret = excluded.secret, "
                             "created_at = excluded.created_at"));
    q.addBindValue(siteId);
    q.addBindValue(secret);
    q.addBindValue(Database::nowText());
    if (!q.exec())
        return Database::errorFor(q, tr("storing the join link of site %1").arg(siteId));
    return secret;
}

Result<qint64> JoinLinks::siteFor(const QString& secret) const {
    if (!looksLikeSecret(secret))
        return Error{Error::Code::NotFound, tr("This join link is not valid.")};
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("SELECT site_id FROM join_links WHERE secret = ?"));
    q.addBindValue(secret);
    if (!q.exec())
        return Database::errorFor(q, tr("reading a join link"));
    if (!q.next())
        return Error{Error::Code::NotFound, tr("This join link is not valid.")};
    return q.value(0).toLongLong();
}

} // namespace hntt::core
