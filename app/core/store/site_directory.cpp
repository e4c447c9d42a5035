#include "core/store/site_directory.h"

#include "core/text_fold.h"
#include "core/text_language.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QVariant>

namespace hntt::core {

namespace {

constexpr int kMaxNameLength = 200;
constexpr int kMaxUrlLength = 2048;
constexpr QChar kQuote(0x22); // '"', spelled out so that no tool misreads the character literal

const char* const kSelectSites = "SELECT id, name, level, parent_id, source_url, return_url, camera_json, "
                                 "sort_order, created_at, updated_at, sip_uri FROM sites";

SiteRecord readSite(const QSqlQuery& q) {
    SiteRecord r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.level = siteLevelFromName(q.value(2).toString()).value_or(SiteLevel::Commune);
    if (!q.value(3).isNull())
        r.parentId = q.value(3).toLongLong();
    r.sourceUrl = q.value(4).toString();
    r.returnUrl = q.value(5).toString();
    r.cameraJson = q.value(6).toString();
    r.sortOrder = q.value(7).toInt();
    r.createdAt = Database::fromIsoText(q.value(8).toString());
    r.updatedAt = Database::fromIsoText(q.value(9).toString());
    r.sipUri = q.value(10).toString();
    return r;
}

// sip:[user@]host[:port][;params]: what a room system or a proxy can be dialled at.
bool isSipUri(const QString& uri) {
    const QString lower = uri.toLower();
    const int colon = lower.startsWith(QLatin1String("sip:"))    ? 4
                      : lower.startsWith(QLatin1String("sips:")) ? 5
                                                                 : -1;
    if (colon < 0)
        return false;
    QString rest = uri.mid(colon);
    rest = rest.left(rest.indexOf(QLatin1Char(';')) < 0 ? rest.size() : rest.indexOf(QLatin1Char(';')));
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at == 0)
        return false;
    const QString host = rest.mid(at + 1);
    if (host.isEmpty())
        return false;
    for (const QChar c : host)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') ||
              c == QLatin1Char(':') || c == QLatin1Char('[') || c == QLatin1Char(']')))
            return false;
    return true;
}

// Empty text is stored as NULL, so "no URL" has one spelling in the file.
QVariant textOrNull(const QString& s) {
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariant idOrNull(const std::optional<qint64>& id) {
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

bool isSecretKey(const QString& key) {
    const QString k = key.toLower();
    return k.contains(QLatin1String("password")) || k.contains(QLatin1String("passwd")) ||
           k.contains(QLatin1String("secret")) || k.contains(QLatin1String("token"));
}

QJsonObject withoutSecrets(QJsonObject o) {
    for (auto it = o.begin(); it != o.end();) {
        if (isSecretKey(it.key())) {
            it = o.erase(it);
            continue;
        }
        if (it.value().isObject())
            it.value() = withoutSecrets(it.value().toObject());
        ++it;
    }
    return o;
}

QJsonObject parseObject(const QString& json) {
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

// A camera sent back without its password (clients never receive it) keeps the stored one, as long as
// it still points at the same device with the same user.
QString keepCameraPassword(const QString& incoming, const QString& stored) {
    if (incoming.isEmpty() || stored.isEmpty())
        return incoming;
    QJsonObject in = parseObject(incoming);
    const QJsonObject old = parseObject(stored);
    if (in.contains(QLatin1String("password")) || !old.contains(QLatin1String("password")))
        return incoming;
    for (const char* key : {"protocol", "host", "port", "url", "username"})
        if (in.value(QLatin1String(key)) != old.value(QLatin1String(key)))
            return incoming;
    in.insert(QStringLiteral("password"), old.value(QLatin1String("password")));
    return QString::fromUtf8(QJsonDocument(in).toJson(QJsonDocument::Compact));
}

struct CsvRecordIn {
    int line = 0; // where the record starts
    QStringList fields;
};

} // namespace

struct SiteDirectory::Row {
    int line = 0; // CSV line, or 0
    int item = 0; // JSON element, or 0
    SiteRecord record;
    bool cameraGiven = false; // JSON: "camera" present (null removes it); CSV: never
};

QString siteLevelName(SiteLevel level) {
    switch (level) {
    case SiteLevel::Province:
        return QStringLiteral("province");
    case SiteLevel::District:
        return QStringLiteral("district");
    case SiteLevel::Commune:
        return QStringLiteral("commune");
    }
    return {};
}

QString siteLevelLabel(SiteLevel level) {
    // In a document's language where one is written (an archive's report), else the window's.
    switch (level) {
    case SiteLevel::Province:
        return translate("SiteDirectory", "province");
    case SiteLevel::District:
        return translate("SiteDirectory", "district");
    case SiteLevel::Commune:
        return translate("SiteDirectory", "commune");
    }
    return {};
}

std::optional<SiteLevel> siteLevelFromName(const QString& name) {
    if (name == QLatin1String("province"))
        return SiteLevel::Province;
    if (name == QLatin1String("district"))
        return SiteLevel::District;
    if (name == QLatin1String("commune"))
        return SiteLevel::Commune;
    return std::nullopt;
}

const QStringList& SiteDirectory::csvColumns() {
    static const QStringList columns = {QStringLiteral("id"),         QStringLiteral("name"),
                                        QStringLiteral("level"),      QStringLiteral("parent_id"),
                                        QStringLiteral("source_url"), QStringLiteral("return_url"),
                                        QStringLiteral("sip_uri")};
    return columns;
}

SiteDirectory::SiteDirectory(Database& db)
    : db_(db) {}

Result<QList<SiteRecord>> SiteDirectory::list() const {
    QSqlQuery q(db_.connection());
    q.setForwardOnly(true);
    if (!q.exec(QString::fromLatin1(kSelectSites) + QLatin1String(" ORDER BY sort_order, id")))
        return Database::errorFor(q, tr("listing the sites"));
    QList<SiteRecord> all;
    QHash<qint64, QList<int>> childrenOf; // parent id → indexes into `all`, in sort order
    QList<int> roots;
    while (q.next()) {
        all.append(readSite(q));
        const SiteRecord& r = all.constLast();
        if (r.parentId)
            childrenOf[*r.parentId].append(static_cast<int>(all.size()) - 1);
        else
            roots.append(static_cast<int>(all.size()) - 1);
    }
    QList<SiteRecord> ordered;
    ordered.reserve(all.size());
    // Depth-first with an explicit stack: children pushed in reverse so the first comes out first.
    QList<int> stack;
    for (auto it = roots.crbegin(); it != roots.crend(); ++it)
        stack.append(*it);
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        ordered.append(all[i]);
        const QList<int> kids = childrenOf.value(all[i].id);
        for (auto it = kids.crbegin(); it != kids.crend(); ++it)
            stack.append(*it);
    }
    return ordered;
}

Result<SiteRecord> SiteDirectory::get(qint64 id) const {
    QSqlQuery q(db_.connection());
    q.prepare(QString::fromLatin1(kSelectSites) + QLatin1String(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::errorFor(q, tr("reading site %1").arg(id));
    if (!q.next())
        return Error{Error::Code::NotFound, tr("There is no site %1.").arg(id)};
    return readSite(q);
}

Result<QList<SiteRecord>> SiteDirectory::children(qint64 id) const {
    if (Result<SiteRecord> parent = get(id); !parent)
        return parent.error();
    QSqlQuery q(db_.connection());
    q.prepare(QString::fromLatin1(kSelectSites) +
              QLatin1String(" WHERE parent_id = ? ORDER BY sort_order, id"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::errorFor(q, tr("listing the sites under site %1").arg(id));
    QList<SiteRecord> out;
    while (q.next())
        out.append(readSite(q));
    return out;
}

Result<int> SiteDirectory::count() const {
    QSqlQuery q(db_.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sites")) || !q.next())
        return Database::errorFor(q, tr("counting the sites"));
    return q.value(0).toInt();
}

namespace {

// Normalises the free-text fields the same way for every way in (API, UI, import): trimmed, NFC, so
// that "Hòa" typed on one keyboard equals "Hòa" typed on another.
void normalise(SiteRecord& r) {
    r.name = r.name.trimmed().normalized(QString::NormalizationForm_C);
    r.sourceUrl = r.sourceUrl.trimmed();
    r.returnUrl = r.returnUrl.trimmed();
    r.sipUri = r.sipUri.trimmed();
    r.cameraJson = r.cameraJson.trimmed();
}

} // namespace

// Checks the record's own fields and its place in the tree against what is stored.
Status SiteDirectory::validatePlacement(const SiteRecord& r) const {
    if (r.name.isEmpty())
        return Error{Error::Code::Invalid, tr("A site needs a name.")};
    if (r.name.size() > kMaxNameLength)
        return Error{Error::Code::Invalid,
                     tr("The site name is longer than %1 characters.").arg(kMaxNameLength)};
    if (holdsControlCharacter(r.name))
        return Error{Error::Code::Invalid, tr("The site name contains a control character.")};
    if (!r.sipUri.isEmpty() && !isSipUri(r.sipUri))
        return Error{Error::Code::Invalid,
                     tr("\"%1\" is not a SIP address (expected sip:user@host).").arg(r.sipUri.left(80))};
    for (const QString* url : {&r.sourceUrl, &r.returnUrl, &r.sipUri}) {
        if (url->size() > kMaxUrlLength)
            return Error{Error::Code::Invalid,
                         tr("The address is longer than %1 characters.").arg(kMaxUrlLength)};
        for (const QChar c : *url)
            if (c.isSpace() || c.category() == QChar::Other_Control)
                return Error{
                    Error::Code::Invalid,
                    tr("The address \"%1\" contains a space or a control character.").arg(url->simplified())};
    }
    if (!r.cameraJson.isEmpty()) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.cameraJson.toUtf8(), &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            return Error{Error::Code::Invalid, tr("The camera settings are not a JSON object.")};
        const QString protocol = doc.object().value(QLatin1String("protocol")).toString();
        if (protocol == QLatin1String("simulated") && !r.sourceUrl.startsWith(QLatin1String("test:")))
            return Error{Error::Code::Invalid,
                         tr("A simulated camera moves only a test picture (a test: source).")};
        if (protocol != QLatin1String("visca-ip") && protocol != QLatin1String("onvif") &&
            protocol != QLatin1String("simulated"))
            return Error{
                Error::Code::Invalid,
                tr("Unknown camera protocol \"%1\" (expected visca-ip, onvif or simulated).").arg(protocol)};
    }
    if (!r.sipUri.isEmpty()) {
        QSqlQuery dup(db_.connection());
        dup.prepare(QStringLiteral("SELECT id, name FROM sites WHERE sip_uri = ? AND id <> ?"));
        dup.addBindValue(r.sipUri);
        dup.addBindValue(r.id);
        if (!dup.exec())
            return Database::errorFor(dup, tr("checking the SIP address %1").arg(r.sipUri));
        if (dup.next())
            return Error{Error::Code::Conflict,
                         tr("The SIP address %1 is already site %2 (\"%3\").")
                             .arg(r.sipUri, dup.value(0).toString(), dup.value(1).toString())};
    }
    if (!r.parentId) {
        if (r.level == SiteLevel::Commune)
            return Error{Error::Code::Invalid, tr("A commune site must belong to a district site.")};
        return {};
    }
    if (r.level == SiteLevel::Province)
        return Error{Error::Code::Invalid, tr("A province site cannot have a parent site.")};
    if (r.id != 0 && *r.parentId == r.id)
        return Error{Error::Code::Invalid, tr("A site cannot be its own parent.")};
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("SELECT level FROM sites WHERE id = ?"));
    q.addBindValue(*r.parentId);
    if (!q.exec())
        return Database::errorFor(q, tr("reading site %1").arg(*r.parentId));
    if (!q.next())
        return Error{Error::Code::Invalid, tr("The parent site %1 does not exist.").arg(*r.parentId)};
    const auto parentLevel = siteLevelFromName(q.value(0).toString());
    if (r.level == SiteLevel::District && parentLevel != SiteLevel::Province)
        return Error{
            Error::Code::Invalid,
            tr("A district site's parent must be a province site (site %1 is not).").arg(*r.parentId)};
    if (r.level == SiteLevel::Commune && parentLevel != SiteLevel::District)
        return Error{
            Error::Code::Invalid,
            tr("A commune site's parent must be a district site (site %1 is not).").arg(*r.parentId)};
    return {};
}

// A site that changes level must still fit the sites under it.
Status SiteDirectory::validateChildren(qint64 id, SiteLevel level) const {
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("SELECT level, count(*) FROM sites WHERE parent_id = ? GROUP BY level"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::errorFor(q, tr("listing the sites under site %1").arg(id));
    while (q.next()) {
        const auto childLevel = siteLevelFromName(q.value(0).toString());
        const bool fits = (level == SiteLevel::Province && childLevel == SiteLevel::District) ||
                          (level == SiteLevel::District && childLevel == SiteLevel::Commune);
        if (!fits)
            return Error{Error::Code::Invalid,
                         tr("Site %1 cannot be a %2 site: %3 %4 site(s) belong to it.")
                             .arg(QString::number(id), siteLevelLabel(level), q.value(1).toString(),
                                  childLevel ? siteLevelLabel(*childLevel) : q.value(0).toString())};
    }
    return {};
}

Result<SiteRecord> SiteDirectory::insert(const SiteRecord& r) {
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO sites (id, name, level, parent_id, source_url, return_url, camera_json, sort_order, "
        "created_at, updated_at, sip_uri) VALUES (?, ?, ?, ?, ?, ?, ?, "
        "coalesce(?, (SELECT coalesce(max(sort_order) + 1, 0) FROM sites WHERE parent_id IS ?)), ?, ?, ?)"));
    const QString now = Database::nowText();
    q.addBindValue(r.id > 0 ? QVariant(r.id) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(r.name);
    q.addBindValue(siteLevelName(r.level));
    q.addBindValue(idOrNull(r.parentId));
    q.addBindValue(textOrNull(r.sourceUrl));
    q.addBindValue(textOrNull(r.returnUrl));
    q.addBindValue(textOrNull(r.cameraJson));
    q.addBindValue(r.sortOrder >= 0 ? QVariant(r.sortOrder) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(idOrNull(r.parentId));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(textOrNull(r.sipUri));
    if (!q.exec())
        return Database::errorFor(q, tr("adding site \"%1\"").arg(r.name));
    SiteRecord out = r;
    out.id = q.lastInsertId().toLongLong();
    return out;
}

Status SiteDirectory::write(const SiteRecord& r) {
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("UPDATE sites SET name = ?, level = ?, parent_id = ?, source_url = ?, "
                             "return_url = ?, camera_json = ?, sort_order = coalesce(?, sort_order), "
                             "updated_at = ?, sip_uri = ? WHERE id = ?"));
    q.addBindValue(r.name);
    q.addBindValue(siteLevelName(r.level));
    q.addBindValue(idOrNull(r.parentId));
    q.addBindValue(textOrNull(r.sourceUrl));
    q.addBindValue(textOrNull(r.returnUrl));
    q.addBindValue(textOrNull(r.cameraJson));
    q.addBindValue(r.sortOrder >= 0 ? QVariant(r.sortOrder) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(Database::nowText());
    q.addBindValue(textOrNull(r.sipUri));
    q.addBindValue(r.id);
    return Database::exec(q, tr("updating site %1").arg(r.id));
}

Result<SiteRecord> SiteDirectory::create(SiteRecord record) {
    normalise(record);
    if (record.id < 0)
        return Error{Error::Code::Invalid, tr("A site id must be a positive number.")};
    if (record.id > 0) {
        if (Result<SiteRecord> existing = get(record.id); existing)
            return Error{Error::Code::Conflict, tr("Site %1 already exists.").arg(record.id)};
    }
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();
    if (Status s = validatePlacement(record); !s)
        return s.error();
    Result<SiteRecord> inserted = insert(record);
    if (!inserted)
        return inserted.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return get(inserted->id);
}

Result<SiteRecord> SiteDirectory::update(SiteRecord record) {
    normalise(record);
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();
    Result<SiteRecord> existing = get(record.id);
    if (!existing)
        return existing.error();
    record.cameraJson = keepCameraPassword(record.cameraJson, existing->cameraJson);
    if (Status s = validatePlacement(record); !s)
        return s.error();
    if (record.level != existing->level) {
        if (Status s = validateChildren(record.id, record.level); !s)
            return s.error();
    }
    if (Status s = write(record); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return get(record.id);
}

Status SiteDirectory::remove(qint64 id) {
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();
    if (Result<SiteRecord> existing = get(id); !existing)
        return existing.error();
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("SELECT (SELECT count(*) FROM sites WHERE parent_id = ?), "
                             "(SELECT count(*) FROM meetings WHERE host_site_id = ?)"));
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return Database::errorFor(q, tr("checking site %1").arg(id));
    const int kids = q.value(0).toInt();
    const int hosted = q.value(1).toInt();
    q.finish();
    if (kids > 0)
        return Error{Error::Code::Conflict,
                     tr("Site %1 cannot be removed: %n site(s) still belong to it.", nullptr, kids).arg(id)};
    if (hosted > 0)
        return Error{Error::Code::Conflict,
                     tr("Site %1 cannot be removed: it hosts %n meeting(s).", nullptr, hosted).arg(id)};
    q.prepare(QStringLiteral("DELETE FROM sites WHERE id = ?"));
    q.addBindValue(id);
    if (Status s = Database::exec(q, tr("removing site %1").arg(id)); !s)
        return s;
    return tx.commit();
}

QJsonValue SiteDirectory::publicCamera(const QString& cameraJson) {
    if (cameraJson.isEmpty())
        return QJsonValue(QJsonValue::Null);
    const QJsonDocument doc = QJsonDocument::fromJson(cameraJson.toUtf8());
    if (!doc.isObject())
        return QJsonValue(QJsonValue::Null);
    return withoutSecrets(doc.object());
}

QJsonObject SiteDirectory::toJson(const SiteRecord& site) {
    const auto textOrJsonNull = [](const QString& s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    QJsonObject o;
    o.insert(QStringLiteral("id"), site.id);
    o.insert(QStringLiteral("name"), site.name);
    o.insert(QStringLiteral("level"), siteLevelName(site.level));
    o.insert(QStringLiteral("parent_id"),
             site.parentId ? QJsonValue(*site.parentId) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("source_url"), textOrJsonNull(site.sourceUrl));
    o.insert(QStringLiteral("return_url"), textOrJsonNull(site.returnUrl));
    o.insert(QStringLiteral("sip_uri"), textOrJsonNull(site.sipUri));
    o.insert(QStringLiteral("camera"), publicCamera(site.cameraJson));
    return o;
}

Result<QByteArray> SiteDirectory::exportCsv() const {
    Result<QList<SiteRecord>> sites = list();
    if (!sites)
        return sites.error();
    QString out = csvRecord(csvColumns());
    for (const SiteRecord& s : *sites)
        out += csvRecord({QString::number(s.id), s.name, siteLevelName(s.level),
                          s.parentId ? QString::number(*s.parentId) : QString(), s.sourceUrl, s.returnUrl,
                          s.sipUri});
    return out.toUtf8();
}

Result<QByteArray> SiteDirectory::exportJson() const {
    Result<QList<SiteRecord>> sites = list();
    if (!sites)
        return sites.error();
    QJsonArray array;
    for (const SiteRecord& s : *sites)
        array.append(toJson(s));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

namespace {

struct CsvParseError {
    int line = 0;
    QString message;
};

// RFC 4180 with the usual leniencies: LF or CRLF line ends, a UTF-8 byte-order mark, blank lines
// skipped. Quoted fields may hold commas, doubled quotes and line breaks.
std::optional<CsvParseError> parseCsv(const QString& text, QList<CsvRecordIn>& out) {
    int line = 1;
    int i = 0;
    const int n = static_cast<int>(text.size());
    if (n > 0 && text[0] == QChar(0xfeff))
        i = 1;
    while (i < n) {
        CsvRecordIn rec;
        rec.line = line;
        QString field;
        bool endOfRecord = false;
        while (!endOfRecord) {
            if (i < n && text[i] == kQuote) {
                ++i;
                while (true) {
                    if (i >= n)
                        return CsvParseError{rec.line, QCoreApplication::translate(
                                                           "SiteDirectory", "a quoted field is not closed")};
                    const QChar c = text[i];
                    if (c == kQuote) {
                        if (i + 1 < n && text[i + 1] == kQuote) {
                            field += kQuote;
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (c == QLatin1Char('\n'))
                        ++line;
                    field += c;
                    ++i;
                }
                if (i < n && text[i] != QLatin1Char(',') && text[i] != QLatin1Char('\r') &&
                    text[i] != QLatin1Char('\n'))
                    return CsvParseError{line, QCoreApplication::translate(
                                                   "SiteDirectory", "unexpected text after a closing quote")};
            } else {
                while (i < n && text[i] != QLatin1Char(',') && text[i] != QLatin1Char('\r') &&
                       text[i] != QLatin1Char('\n')) {
                    if (text[i] == kQuote)
                        return CsvParseError{
                            line, QCoreApplication::translate("SiteDirectory",
                                                              "a quote inside a field that is not quoted")};
                    field += text[i];
                    ++i;
                }
            }
            rec.fields.append(field);
            field.clear();
            if (i >= n) {
                endOfRecord = true;
            } else if (text[i] == QLatin1Char(',')) {
                ++i;
            } else {
                if (text[i] == QLatin1Char('\r'))
                    ++i;
                if (i < n && text[i] == QLatin1Char('\n'))
                    ++i;
                ++line;
                endOfRecord = true;
            }
        }
        const bool blank = rec.fields.size() == 1 && rec.fields.first().isEmpty();
        if (!blank)
            out.append(rec);
    }
    return std::nullopt;
}

std::optional<qint64> parseId(const QString& s, bool* ok) {
    *ok = true;
    const QString t = s.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    const qint64 v = t.toLongLong(ok);
    if (!*ok || v <= 0) {
        *ok = false;
        return std::nullopt;
    }
    return v;
}

} // namespace

Result<int> SiteDirectory::importCsv(const QByteArray& csv) {
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(csv);
    if (decoder.hasError())
        return Error{Error::Code::Invalid, tr("The file is not UTF-8 text.")};
    QList<CsvRecordIn> records;
    if (const auto err = parseCsv(text, records)) {
        Error e{Error::Code::Invalid, tr("Line %1: %2").arg(QString::number(err->line), err->message)};
        e.line = err->line;
        return e;
    }
    const auto lineError = [](int line, const QString& message) {
        Error e{Error::Code::Invalid, tr("Line %1: %2").arg(QString::number(line), message)};
        e.line = line;
        return e;
    };
    if (records.isEmpty())
        return lineError(1, tr("the header row is missing"));
    QStringList header;
    for (const QString& h : records.first().fields)
        header << h.trimmed().toLower();
    // Files written before sites had SIP addresses lack the last column; they still import.
    const QStringList withoutSip = csvColumns().mid(0, csvColumns().size() - 1);
    if (header != csvColumns() && header != withoutSip)
        return lineError(records.first().line,
                         tr("the header must be \"%1\"").arg(csvColumns().join(QLatin1Char(','))));
    const qsizetype columns = header.size();
    QList<Row> rows;
    for (qsizetype k = 1; k < records.size(); ++k) {
        const CsvRecordIn& rec = records[k];
        if (rec.fields.size() != columns)
            return lineError(rec.line,
                             tr("expected %1 fields, found %2")
                                 .arg(QString::number(columns), QString::number(rec.fields.size())));
        Row row;
        row.line = rec.line;
        bool ok = false;
        const auto id = parseId(rec.fields[0], &ok);
        if (!ok)
            return lineError(rec.line, tr("the id \"%1\" is not a positive whole number").arg(rec.fields[0]));
        row.record.id = id.value_or(0);
        row.record.name = rec.fields[1];
        const auto level = siteLevelFromName(rec.fields[2].trimmed());
        if (!level)
            return lineError(
                rec.line,
                tr("unknown level \"%1\" (expected province, district or commune)").arg(rec.fields[2]));
        row.record.level = *level;
        row.record.parentId = parseId(rec.fields[3], &ok);
        if (!ok)
            return lineError(rec.line,
                             tr("the parent id \"%1\" is not a positive whole number").arg(rec.fields[3]));
        row.record.sourceUrl = rec.fields[4];
        row.record.returnUrl = rec.fields[5];
        if (columns > 6)
            row.record.sipUri = rec.fields[6];
        rows.append(row);
    }
    return importRows(rows, true);
}

Result<int> SiteDirectory::importJson(const QByteArray& json) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Name the line of the syntax error, as for CSV.
        const int line = static_cast<int>(json.left(pe.offset).count('\n')) + 1;
        Error e{Error::Code::Invalid, tr("Line %1: %2").arg(QString::number(line), pe.errorString())};
        e.line = line;
        return e;
    }
    if (!doc.isArray())
        return Error{Error::Code::Invalid, tr("The file must hold a JSON array of sites.")};
    const QJsonArray array = doc.array();
    QList<Row> rows;
    for (qsizetype k = 0; k < array.size(); ++k) {
        const int item = static_cast<int>(k) + 1;
        const auto itemError = [item](const QString& message) {
            Error e{Error::Code::Invalid, tr("Site #%1: %2").arg(QString::number(item), message)};
            e.item = item;
            return e;
        };
        if (!array[k].isObject())
            return itemError(tr("not a JSON object"));
        const QJsonObject o = array[k].toObject();
        Row row;
        row.item = item;
        const auto optionalId = [&](const char* key, std::optional<qint64>& out) -> bool {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined() || v.isNull())
                return true;
            const qint64 id = v.toInteger(-1);
            if (!v.isDouble() || id <= 0 || static_cast<double>(id) != v.toDouble())
                return false;
            out = id;
            return true;
        };
        const auto optionalText = [&](const char* key, QString& out) -> bool {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined() || v.isNull())
                return true;
            if (!v.isString())
                return false;
            out = v.toString();
            return true;
        };
        std::optional<qint64> id;
        if (!optionalId("id", id))
            return itemError(tr("\"id\" must be a positive whole number"));
        row.record.id = id.value_or(0);
        if (!o.value(QLatin1String("name")).isString())
            return itemError(tr("\"name\" must be text"));
        row.record.name = o.value(QLatin1String("name")).toString();
        const auto level = siteLevelFromName(o.value(QLatin1String("level")).toString());
        if (!level)
            return itemError(tr("\"level\" must be province, district or commune"));
        row.record.level = *level;
        if (!optionalId("parent_id", row.record.parentId))
            return itemError(tr("\"parent_id\" must be a positive whole number or null"));
        if (!optionalText("source_url", row.record.sourceUrl))
            return itemError(tr("\"source_url\" must be text or null"));
        if (!optionalText("return_url", row.record.returnUrl))
            return itemError(tr("\"return_url\" must be text or null"));
        if (!optionalText("sip_uri", row.record.sipUri))
            return itemError(tr("\"sip_uri\" must be text or null"));
        const QJsonValue camera = o.value(QLatin1String("camera"));
        if (!camera.isUndefined()) {
            if (!camera.isNull() && !camera.isObject())
                return itemError(tr("\"camera\" must be an object or null"));
            row.cameraGiven = true;
            if (camera.isObject())
                row.record.cameraJson =
                    QString::fromUtf8(QJsonDocument(camera.toObject()).toJson(QJsonDocument::Compact));
        }
        rows.append(row);
    }
    return importRows(rows, false);
}

Result<int> SiteDirectory::importRows(const QList<Row>& rows, bool csv) {
    const auto rowError = [csv](const Row& row, const Error& cause) {
        Error e = cause;
        if (csv) {
            e.message = tr("Line %1: %2").arg(QString::number(row.line), cause.message);
            e.line = row.line;
        } else {
            e.message = tr("Site #%1: %2").arg(QString::number(row.item), cause.message);
            e.item = row.item;
        }
        // Whatever the cause, the file is what must be fixed.
        if (e.code == Error::Code::Conflict || e.code == Error::Code::NotFound)
            e.code = Error::Code::Invalid;
        return e;
    };
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();
    // Rows may name a parent that comes later in the file: references are checked at COMMIT, and
    // the level rules once every row is in.
    if (Status s = db_.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); !s)
        return s.error();
    QSet<qint64> seen;
    QList<SiteRecord> stored;
    stored.reserve(rows.size());
    for (qsizetype k = 0; k < rows.size(); ++k) {
        const Row& row = rows[k];
        SiteRecord r = row.record;
        normalise(r);
        r.sortOrder = static_cast<int>(k);
        if (r.name.isEmpty())
            return rowError(row, Error{Error::Code::Invalid, tr("A site needs a name.")});
        if (r.id > 0) {
            if (seen.contains(r.id))
                return rowError(
                    row, Error{Error::Code::Invalid, tr("site %1 appears twice in the file").arg(r.id)});
            seen.insert(r.id);
        }
        Result<SiteRecord> existing = r.id > 0 ? get(r.id) : Result<SiteRecord>(Error{});
        if (existing) {
            if (!row.cameraGiven)
                r.cameraJson = existing->cameraJson;
            else
                r.cameraJson = keepCameraPassword(r.cameraJson, existing->cameraJson);
            if (Status s = write(r); !s)
                return rowError(row, s.error());
        } else {
            Result<SiteRecord> inserted = insert(r);
            if (!inserted)
                return rowError(row, inserted.error());
            r.id = inserted->id;
        }
        stored.append(r);
    }
    // Every row's own place first, so a bad row is named rather than the parent it was put under.
    for (qsizetype k = 0; k < rows.size(); ++k)
        if (Status s = validatePlacement(stored[k]); !s)
            return rowError(rows[k], s.error());
    for (qsizetype k = 0; k < rows.size(); ++k)
        if (Status s = validateChildren(stored[k].id, stored[k].level); !s)
            return rowError(rows[k], s.error());
    if (Status s = tx.commit(); !s)
        return s.error();
    return static_cast<int>(rows.size());
}

} // namespace hntt::core
