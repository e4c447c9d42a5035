#include "core/store/demo_meetings.h"

#include "core/store/demo_directory.h"

#include <QHash>
#include <algorithm>

namespace hntt::core {

namespace {

struct DemoMeeting {
    int day;          // days after today
    int hour, minute; // local start; hour -1: the current hour; -2: half past the hour after next
    int minutes;      // length
    const char16_t* title;
    MeetingKind kind;
    const char16_t* room;
    int district; // the host for district→communes (index among the districts), else -1
    bool emergency;
};

const QList<DemoMeeting>& week() {
    static const QList<DemoMeeting> all = {
        {0, -1, 0, 120, u"Họp trực tuyến rà soát công tác chuyển đổi số cấp huyện",
         MeetingKind::ProvinceDistricts, u"Phòng họp trực tuyến số 1", -1, false},
        {0, -2, 30, 60, u"Họp khẩn ứng phó áp thấp nhiệt đới trên Biển Đông", MeetingKind::ProvinceAll,
         u"Phòng họp trực tuyến số 2", -1, true},
        {1, 8, 0, 180, u"Hội nghị trực tuyến tổng kết công tác năm 2026 của UBND tỉnh",
         MeetingKind::ProvinceAll, u"Hội trường UBND tỉnh", -1, false},
        {2, 14, 0, 120, u"Tập huấn sử dụng hệ thống hội nghị truyền hình cho cán bộ cấp xã",
         MeetingKind::DistrictCommunes, u"Hội trường UBND huyện Tuyên Hóa", 0, false},
        {3, 8, 0, 120, u"Giao ban trực tuyến công tác phòng, chống dịch bệnh", MeetingKind::ProvinceDistricts,
         u"Phòng họp trực tuyến số 1", -1, false},
        {4, 9, 0, 150, u"Hội nghị trực tuyến toàn quốc về cải cách hành chính (điểm cầu tỉnh)",
         MeetingKind::NationalBranch, u"Hội trường UBND tỉnh", -1, false},
        {5, 14, 0, 90, u"Triển khai công tác chuẩn bị bầu cử với các xã, thị trấn",
         MeetingKind::DistrictCommunes, u"Hội trường UBND huyện Minh Hóa", 2, false},
        {6, 7, 30, 90, u"Giao ban trực tuyến UBND tỉnh đầu tuần", MeetingKind::ProvinceDistricts,
         u"Phòng họp trực tuyến số 1", -1, false},
    };
    return all;
}

} // namespace

Result<int> loadDemoMeetings(MeetingBook& book, const SiteDirectory& directory, const QDateTime& now) {
    // Nothing booked from now on: a demo folder used again a week later gets a new week.
    Result<QList<MeetingRecord>> existing = book.between(now, {}, true);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return 0;
    Result<QList<SiteRecord>> sites = directory.list();
    if (!sites)
        return sites.error();
    QList<qint64> districts;
    QHash<qint64, QList<qint64>> communes; // by district
    for (const SiteRecord& s : std::as_const(*sites)) {
        if (s.level == SiteLevel::District)
            districts << s.id;
        else if (s.level == SiteLevel::Commune && s.parentId)
            communes[*s.parentId] << s.id;
    }
    if (districts.isEmpty())
        return 0; // not the demo's directory

    int booked = 0;
    for (const DemoMeeting& d : week()) {
        MeetingRecord m;
        m.title = QString::fromUtf16(d.title);
        m.kind = d.kind;
        m.room = QString::fromUtf16(d.room);
        m.emergency = d.emergency;
        const QDate day = now.date().addDays(d.day);
        const QDateTime thisHour(day, QTime(now.time().hour(), 0));
        // Today's are placed around the present, so that whenever the demo starts one is running
        // and the emergency one is still to come (a fixed hour would be over by the evening).
        m.startsAt = d.hour == -1   ? thisHour
                     : d.hour == -2 ? thisHour.addSecs(2 * 3600 + 60LL * d.minute)
                                    : QDateTime(day, QTime(d.hour, d.minute));
        m.endsAt = m.startsAt.addSecs(60LL * d.minutes);
        if (d.district >= 0) {
            m.hostSiteId = districts.value(d.district);
            m.siteIds = communes.value(m.hostSiteId);
        } else {
            m.hostSiteId = kDemoControlRoomId;
            m.siteIds = districts;
            if (d.kind == MeetingKind::ProvinceAll)
                for (qint64 district : std::as_const(districts))
                    m.siteIds += communes.value(district);
        }
        std::sort(m.siteIds.begin(), m.siteIds.end());
        // A clash with a meeting from the current hour (an evening start) is skipped, not fatal.
        if (Result<ScheduleOutcome> r = book.schedule(m); r)
            ++booked;
        else if (r.error().code != Error::Code::Conflict)
            return r.error();
    }
    return booked;
}

} // namespace hntt::core
