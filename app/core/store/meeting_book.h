// Room bookings: who meets, where, when, and the rules that keep two meetings out of one room.
#pragma once

#include "core/store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>
#include <optional>

namespace hntt::core {

enum class MeetingKind {
    NationalBranch,    // the province joins a national meeting as a branch site
    ProvinceDistricts, // province → districts
    DistrictCommunes,  // a district → its communes
    ProvinceAll,       // province → districts and communes
};

// "national_branch", "province_districts", "district_communes", "province_all".
QString meetingKindName(MeetingKind kind);
// The kind as the operator reads it, translated.
QString meetingKindLabel(MeetingKind kind);
std::optional<MeetingKind> meetingKindFromName(const QString& name);

struct MeetingRecord {
    qint64 id = 0;
    QString title;
    MeetingKind kind = MeetingKind::ProvinceDistricts;
    QString room;
    qint64 hostSiteId = 0;
    QList<qint64> siteIds; // participants, ascending
    QDateTime startsAt;    // kept with the offset it was given in
    QDateTime endsAt;
    bool emergency = false;
    QDateTime createdAt;   // set by the store
    QDateTime cancelledAt; // invalid while the booking stands
    QString cancelReason;

    bool cancelled() const { return cancelledAt.isValid(); }
    friend bool operator==(const MeetingRecord&, const MeetingRecord&) = default;
};

struct ScheduleOutcome {
    MeetingRecord meeting;
    QString warning; // empty, or why the booking breaks a soft rule (accepted anyway)
};

class MeetingBook {
    Q_DECLARE_TR_FUNCTIONS(MeetingBook)

public:
    // Meetings are booked this many days ahead, except emergencies (floods, epidemics, rescue).
    static constexpr int kLeadDays = 3;

    explicit MeetingBook(Database& db, Clock clock = {});

    // Books a meeting. Invalid: empty title or room, unknown kind, end not after start, host or a
    // participant missing, host of the wrong level for the kind (a district hosts district→communes,
    // a province site every other kind). Conflict: the room is booked for an overlapping interval
    // (one ending exactly when the other starts does not overlap). A non-emergency meeting that
    // starts less than kLeadDays ahead is booked, with a warning.
    Result<ScheduleOutcome> schedule(MeetingRecord meeting);
    Result<MeetingRecord> get(qint64 id) const;
    // Meetings that overlap [from, to), by start time; an invalid bound is open.
    Result<QList<MeetingRecord>> between(const QDateTime& from, const QDateTime& to,
                                         bool includeCancelled = false) const;
    // Meetings that overlap today, the calendar day of the clock's time in its own time zone.
    Result<QList<MeetingRecord>> today(bool includeCancelled = false) const;
    // Frees the room; the booking is kept, marked cancelled. Conflict when already cancelled.
    Result<MeetingRecord> cancel(qint64 id, const QString& reason = {});

    // The meeting object of the API; times ISO 8601 with offset.
    static QJsonObject toJson(const MeetingRecord& meeting);

private:
    Result<QList<MeetingRecord>> select(const QString& where, const QVariantList& binds) const;

    Database& db_;
    Clock clock_;
};

} // namespace hntt::core
