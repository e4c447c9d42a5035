#include "core/store/meeting_book.h"

#include "core/store/site_directory.h"
#include "core/text_language.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>
#include <algorithm>

namespace hntt::core {

namespace {

constexpr int kMaxTitleLength = 300;

const char* const kSelectMeetings =
    "SELECT id, title, kind, room, host_site_id, starts_at, ends_at, emergency, created_at, cancelled_at, "
    "cancel_reason FROM meetings";

MeetingRecord readMeeting(const QSqlQuery& q) {
    MeetingRecord m;
    m.id = q.value(0).toLongLong();
    m.title = q.value(1).toString();
    m.kind = meetingKindFromName(q.value(2).toString()).value_or(MeetingKind::ProvinceDistricts);
    m.room = q.value(3).toString();
    m.hostSiteId = q.value(4).toLongLong();
    m.startsAt = Database::fromIsoText(q.value(5).toString());
    m.endsAt = Database::fromIsoText(q.value(6).toString());
    m.emergency = q.value(7).toInt() != 0;
    m.createdAt = Database::fromIsoText(q.value(8).toString());
    m.cancelledAt = Database::fromIsoText(q.value(9).toString());
    m.cancelReason = q.value(10).toString();
    return m;
}

QString joinIds(const QList<qint64>& ids) {
    QStringList s;
    for (qint64 id : ids)
        s << QString::number(id);
    return s.join(QLatin1String(", "));
}

} // namespace

QString meetingKindName(MeetingKind kind) {
    switch (kind) {
    case MeetingKind::NationalBranch:
        return QStringLiteral("national_branch");
    case MeetingKind::ProvinceDistricts:
        return QStringLiteral("province_districts");
    case MeetingKind::DistrictCommunes:
        return QStringLiteral("district_communes");
    case MeetingKind::ProvinceAll:
        return QStringLiteral("province_all");
    }
    return {};
}

QString meetingKindLabel(MeetingKind kind) {
    // In a document's language where one is written (an archive's report), else the window's.
    switch (kind) {
    case MeetingKind::NationalBranch:
        return translate("MeetingBook", "national (province as a branch)");
    case MeetingKind::ProvinceDistricts:
        return translate("MeetingBook", "province to districts");
    case MeetingKind::DistrictCommunes:
        return translate("MeetingBook", "district to communes");
    case MeetingKind::ProvinceAll:
        return translate("MeetingBook", "province to all");
    }
    return {};
}

std::optional<MeetingKind> meetingKindFromName(const QString& name) {
    for (MeetingKind k : {MeetingKind::NationalBranch, MeetingKind::ProvinceDistricts,
                          MeetingKind::DistrictCommunes, MeetingKind::ProvinceAll})
        if (meetingKindName(k) == name)
            return k;
    return std::nullopt;
}

MeetingBook::MeetingBook(Database& db, Clock clock)
    : db_(db)
    , clock_(std::move(clock)) {}

Result<ScheduleOutcome> MeetingBook::schedule(MeetingRecord m) {
    const auto invalid = [](const QString& message) { return Error{Error::Code::Invalid, message}; };
    m.title = m.title.trimmed().normalized(QString::NormalizationForm_C);
    m.room = m.room.trimmed().normalized(QString::NormalizationForm_C);
    if (m.title.isEmpty())
        return invalid(tr("A meeting needs a title."));
    if (m.title.size() > kMaxTitleLength)
        return invalid(tr("The meeting title is longer than %1 characters.").arg(kMaxTitleLength));
    if (m.room.isEmpty())
        return invalid(tr("A meeting needs a room."));
    if (!m.startsAt.isValid() || !m.endsAt.isValid())
        return invalid(tr("A meeting needs a start and an end time."));
    const qint64 start = m.startsAt.toSecsSinceEpoch();
    const qint64 end = m.endsAt.toSecsSinceEpoch();
    if (end <= start)
        return invalid(tr("The meeting must end after it starts."));
    std::sort(m.siteIds.begin(), m.siteIds.end());
    m.siteIds.erase(std::unique(m.siteIds.begin(), m.siteIds.end()), m.siteIds.end());

    // IMMEDIATE: the overlap check and the insert see the same bookings, even with another writer.
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();

    const SiteDirectory sites(db_);
    Result<SiteRecord> host = sites.get(m.hostSiteId);
    if (!host) {
        if (host.error().code == Error::Code::NotFound)
            return invalid(tr("The host site %1 does not exist.").arg(m.hostSiteId));
        return host.error();
    }
    const SiteLevel wanted =
        m.kind == MeetingKind::DistrictCommunes ? SiteLevel::District : SiteLevel::Province;
    if (host->level != wanted)
        return invalid(tr("A %1 meeting is hosted by a %2 site; \"%3\" is a %4 site.")
                           .arg(meetingKindLabel(m.kind), siteLevelLabel(wanted), host->name,
                                siteLevelLabel(host->level)));

    QList<qint64> missing;
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM sites WHERE id = ?"));
    for (qint64 id : std::as_const(m.siteIds)) {
        q.addBindValue(id);
        if (!q.exec())
            return Database::errorFor(q, tr("checking site %1").arg(id));
        if (!q.next())
            missing << id;
        q.finish();
    }
    if (!missing.isEmpty())
        return invalid(tr("These participant sites do not exist: %1.").arg(joinIds(missing)));

    // Half-open intervals: [start, end) overlaps [s, e) when start < e and s < end.
    q.prepare(QStringLiteral("SELECT id, title, starts_at, ends_at FROM meetings WHERE room = ? AND "
                             "cancelled_at IS NULL AND starts_epoch < ? AND ends_epoch > ? "
                             "ORDER BY starts_epoch LIMIT 1"));
    q.addBindValue(m.room);
    q.addBindValue(end);
    q.addBindValue(start);
    if (!q.exec())
        return Database::errorFor(q, tr("checking the room's bookings"));
    if (q.next())
        return Error{Error::Code::Conflict,
                     tr("The room \"%1\" is already booked from %2 to %3 for meeting %4 \"%5\".")
                         .arg(m.room, q.value(2).toString(), q.value(3).toString(), q.value(0).toString(),
                              q.value(1).toString())};
    q.finish();

    q.prepare(QStringLiteral("INSERT INTO meetings (title, kind, room, host_site_id, starts_at, ends_at, "
                             "starts_epoch, ends_epoch, emergency, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(m.title);
    q.addBindValue(meetingKindName(m.kind));
    q.addBindValue(m.room);
    q.addBindValue(m.hostSiteId);
    q.addBindValue(Database::toIsoText(m.startsAt));
    q.addBindValue(Database::toIsoText(m.endsAt));
    q.addBindValue(start);
    q.addBindValue(end);
    q.addBindValue(m.emergency ? 1 : 0);
    q.addBindValue(Database::nowText());
    if (Status s = Database::exec(q, tr("booking the meeting")); !s)
        return s.error();
    const qint64 id = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("INSERT INTO meeting_sites (meeting_id, site_id) VALUES (?, ?)"));
    for (qint64 site : std::as_const(m.siteIds)) {
        q.addBindValue(id);
        q.addBindValue(site);
        if (Status s = Database::exec(q, tr("adding site %1 to the meeting").arg(site)); !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();

    ScheduleOutcome out;
    Result<MeetingRecord> stored = get(id);
    if (!stored)
        return stored.error();
    out.meeting = *stored;
    const QDateTime now = clockNow(clock_);
    if (!m.emergency && now.secsTo(m.startsAt) < qint64(kLeadDays) * 24 * 3600)
        out.warning = tr("The meeting starts less than %1 days after it was booked; only emergency meetings "
                         "are normally booked that late.")
                          .arg(kLeadDays);
    return out;
}

Result<QList<MeetingRecord>> MeetingBook::select(const QString& where, const QVariantList& binds) const {
    QSqlQuery q(db_.connection());
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(kSelectMeetings) + where + QLatin1String(" ORDER BY starts_epoch, id"));
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return Database::errorFor(q, tr("reading meetings"));
    QList<MeetingRecord> out;
    while (q.next())
        out.append(readMeeting(q));
    q.finish();
    QSqlQuery sites(db_.connection());
    sites.prepare(QStringLiteral("SELECT site_id FROM meeting_sites WHERE meeting_id = ? ORDER BY site_id"));
    for (MeetingRecord& m : out) {
        sites.addBindValue(m.id);
        if (!sites.exec())
            return Database::errorFor(sites, tr("reading the sites of meeting %1").arg(m.id));
        while (sites.next())
            m.siteIds.append(sites.value(0).toLongLong());
        sites.finish();
    }
    return out;
}

Result<MeetingRecord> MeetingBook::get(qint64 id) const {
    Result<QList<MeetingRecord>> found = select(QStringLiteral(" WHERE id = ?"), {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error{Error::Code::NotFound, tr("There is no meeting %1.").arg(id)};
    return found->first();
}

Result<QList<MeetingRecord>> MeetingBook::between(const QDateTime& from, const QDateTime& to,
                                                  bool includeCancelled) const {
    QStringList conditions;
    QVariantList binds;
    if (to.isValid()) {
        conditions << QStringLiteral("starts_epoch < ?");
        binds << to.toSecsSinceEpoch();
    }
    if (from.isValid()) {
        conditions << QStringLiteral("ends_epoch > ?");
        binds << from.toSecsSinceEpoch();
    }
    if (!includeCancelled)
        conditions << QStringLiteral("cancelled_at IS NULL");
    const QString where =
        conditions.isEmpty() ? QString() : QLatin1String(" WHERE ") + conditions.join(QLatin1String(" AND "));
    return select(where, binds);
}

Result<QList<MeetingRecord>> MeetingBook::today(bool includeCancelled) const {
    const QDateTime now = clockNow(clock_);
    const QDateTime dayStart(now.date(), QTime(0, 0), now.timeZone());
    return between(dayStart, dayStart.addDays(1), includeCancelled);
}

Result<MeetingRecord> MeetingBook::cancel(qint64 id, const QString& reason) {
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();
    Result<MeetingRecord> m = get(id);
    if (!m)
        return m.error();
    if (m->cancelled())
        return Error{Error::Code::Conflict, tr("Meeting %1 is already cancelled.").arg(id)};
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("UPDATE meetings SET cancelled_at = ?, cancel_reason = ? WHERE id = ?"));
    q.addBindValue(Database::toIsoText(clockNow(clock_)));
    q.addBindValue(reason.trimmed());
    q.addBindValue(id);
    if (Status s = Database::exec(q, tr("cancelling meeting %1").arg(id)); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return get(id);
}

QJsonObject MeetingBook::toJson(const MeetingRecord& m) {
    QJsonArray sites;
    for (qint64 id : m.siteIds)
        sites.append(id);
    QJsonObject o;
    o.insert(QStringLiteral("id"), m.id);
    o.insert(QStringLiteral("title"), m.title);
    o.insert(QStringLiteral("kind"), meetingKindName(m.kind));
    o.insert(QStringLiteral("room"), m.room);
    o.insert(QStringLiteral("host_site_id"), m.hostSiteId);
    o.insert(QStringLiteral("site_ids"), sites);
    o.insert(QStringLiteral("starts_at"), Database::toIsoText(m.startsAt));
    o.insert(QStringLiteral("ends_at"), Database::toIsoText(m.endsAt));
    o.insert(QStringLiteral("emergency"), m.emergency);
    o.insert(QStringLiteral("created_at"), Database::toIsoText(m.createdAt));
    o.insert(QStringLiteral("cancelled_at"),
             m.cancelled() ? QJsonValue(Database::toIsoText(m.cancelledAt)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("cancel_reason"),
             m.cancelReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m.cancelReason));
    return o;
}

} // namespace hntt::core
