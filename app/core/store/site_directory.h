// The directory of conference sites (province, district and commune halls) kept in the store.
#pragma once

#include "core/store/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace hntt::core {

enum class SiteLevel { Province, District, Commune };

// "province", "district", "commune": the names of the API and the schema.
QString siteLevelName(SiteLevel level);
// The level as the operator reads it, translated (tỉnh, huyện, xã).
QString siteLevelLabel(SiteLevel level);
std::optional<SiteLevel> siteLevelFromName(const QString& name);

struct SiteRecord {
    qint64 id = 0; // 0: not stored yet (create() assigns one unless an import gives it)
    QString name;
    SiteLevel level = SiteLevel::Commune;
    std::optional<qint64> parentId;
    QString sourceUrl;   // empty: none
    QString returnUrl;   // empty: no return feed
    QString sipUri;      // "sip:user@host": a SIP endpoint, media by its call; empty: none
    QString cameraJson;  // camera settings as a JSON object (with its password); empty: no camera
    int sortOrder = -1;  // among siblings, ascending; -1: after the existing siblings (create), kept (update)
    QDateTime createdAt; // set by the store
    QDateTime updatedAt; // set by the store

    friend bool operator==(const SiteRecord&, const SiteRecord&) = default;
};

class SiteDirectory {
    Q_DECLARE_TR_FUNCTIONS(SiteDirectory)

public:
    // The CSV header of import and export.
    static const QStringList& csvColumns();

    explicit SiteDirectory(Database& db);
    Database& database() const { return db_; }

    // Every site in tree order: roots by sort order, each followed depth-first by its children.
    Result<QList<SiteRecord>> list() const;
    Result<SiteRecord> get(qint64 id) const;
    // The direct children of a site, by sort order.
    Result<QList<SiteRecord>> children(qint64 id) const;
    Result<int> count() const;

    // Stores a new site (record.id 0: the store chooses; otherwise that id, which must be free).
    // Rules: name not empty; a province has no parent; a district's parent is a province or none;
    // a commune's parent is a district.
    Result<SiteRecord> create(SiteRecord record);
    // Replaces the stored fields of record.id. A camera without a password keeps the stored one
    // when it still names the same device and user (clients never see the password to send it back).
    Result<SiteRecord> update(SiteRecord record);
    // Refused (Conflict) while the site has children or hosts a meeting.
    Status remove(qint64 id);

    // The whole directory as CSV (UTF-8, header row, RFC 4180, CRLF) and as a JSON array of site
    // objects (passwords left out), both in tree order.
    Result<QByteArray> exportCsv() const;
    Result<QByteArray> exportJson() const;

    // Imports rows into the directory: a row whose id exists replaces that site's fields, one with
    // another id is created with it, one without id gets a new one. The order of the rows becomes the
    // sort order. All or nothing: the first bad row aborts the import with its line (CSV) or
    // element (JSON) number. Returns how many rows were imported.
    Result<int> importCsv(const QByteArray& csv);
    Result<int> importJson(const QByteArray& json);

    // The site object of the API (shared/API.md) with the stored fields; the camera's password is
    // never in it. Live fields (status, audio, video, stats) are the session's to add.
    static QJsonObject toJson(const SiteRecord& site);
    // The camera object without its secrets; null when there is no camera.
    static QJsonValue publicCamera(const QString& cameraJson);

private:
    struct Row; // one row of an import
    Result<int> importRows(const QList<Row>& rows, bool csv);
    Status validatePlacement(const SiteRecord& r) const;
    Status validateChildren(qint64 id, SiteLevel level) const;
    Result<SiteRecord> insert(const SiteRecord& r);
    Status write(const SiteRecord& r);

    Database& db_;
};

} // namespace hntt::core
