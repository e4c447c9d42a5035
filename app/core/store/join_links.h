// Each site's join-page secret: the part of its join link that lets a browser join as that site.
// Made on first use, replaced on demand (the old link stops working at once), gone with the site.
#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QString>

namespace hntt::core {

class Database;

class JoinLinks {
    Q_DECLARE_TR_FUNCTIONS(JoinLinks)

public:
    explicit JoinLinks(Database& db);

    // The site's secret, made now if it has none.
    Result<QString> secretFor(qint64 siteId);
    // A new secret for the site; the old one no longer matches.
    Result<QString> rotate(qint64 siteId);
    // The site whose secret this is; NotFound for any other text.
    Result<qint64> siteFor(const QString& secret) const;

    // 32 random bytes, base64url without padding (43 characters).
    static QString makeSecret();
    // What a secret may look like at all: checked before any lookup.
    static bool looksLikeSecret(const QString& text);

private:
    Database& db_;
};

} // namespace hntt::core
