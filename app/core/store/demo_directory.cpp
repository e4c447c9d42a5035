#include "core/store/demo_directory.h"

#include <QColor>
#include <QSet>
#include <QStringList>
#include <cmath>

namespace hntt::core {

namespace {

// Commune-level units as they stood when the province planned its network (before the 2020
// mergers): 20 + 16 + 16 + 16 + 18 + 30 + 15 + 28 = 159, listed per district in that order.
struct DemoDistrict {
    const char16_t* name;
    QList<const char16_t*> communes; // the unit's kind first: "xã …", "phường …", "thị trấn …"
};

const QList<DemoDistrict>& districts() {
    static const QList<DemoDistrict> all = {
        {u"Huyện Tuyên Hóa",
         {u"thị trấn Đồng Lê", u"xã Cao Quảng",   u"xã Châu Hóa",  u"xã Đồng Hóa", u"xã Đức Hóa",
          u"xã Hương Hóa",     u"xã Kim Hóa",     u"xã Lâm Hóa",   u"xã Lê Hóa",   u"xã Mai Hóa",
          u"xã Nam Hóa",       u"xã Ngư Hóa",     u"xã Phong Hóa", u"xã Sơn Hóa",  u"xã Thạch Hóa",
          u"xã Thanh Hóa",     u"xã Thanh Thạch", u"xã Thuận Hóa", u"xã Tiến Hóa", u"xã Văn Hóa"}},
        {u"Thành phố Đồng Hới",
         {u"phường Bắc Lý", u"phường Bắc Nghĩa", u"phường Đồng Mỹ", u"phường Đồng Phú", u"phường Đồng Sơn",
          u"phường Đức Ninh Đông", u"phường Hải Đình", u"phường Hải Thành", u"phường Nam Lý",
          u"phường Phú Hải", u"xã Bảo Ninh", u"xã Đức Ninh", u"xã Lộc Ninh", u"xã Nghĩa Ninh",
          u"xã Quang Phú", u"xã Thuận Đức"}},
        {u"Huyện Minh Hóa",
         {u"thị trấn Quy Đạt", u"xã Dân Hóa", u"xã Hóa Hợp", u"xã Hóa Phúc", u"xã Hóa Sơn", u"xã Hóa Thanh",
          u"xã Hóa Tiến", u"xã Hồng Hóa", u"xã Minh Hóa", u"xã Quy Hóa", u"xã Tân Hóa", u"xã Thượng Hóa",
          u"xã Trọng Hóa", u"xã Trung Hóa", u"xã Xuân Hóa", u"xã Yên Hóa"}},
        {u"Thị xã Ba Đồn",
         {u"phường Ba Đồn", u"phường Quảng Long", u"phường Quảng Phong", u"phường Quảng Phúc",
          u"phường Quảng Thọ", u"phường Quảng Thuận", u"xã Quảng Hải", u"xã Quảng Hòa", u"xã Quảng Lộc",
          u"xã Quảng Minh", u"xã Quảng Sơn", u"xã Quảng Tân", u"xã Quảng Thủy", u"xã Quảng Tiên",
          u"xã Quảng Trung", u"xã Quảng Văn"}},
        {u"Huyện Quảng Trạch",
         {u"xã Cảnh Dương", u"xã Cảnh Hóa", u"xã Phù Hóa", u"xã Quảng Châu", u"xã Quảng Đông",
          u"xã Quảng Hợp", u"xã Quảng Hưng", u"xã Quảng Kim", u"xã Quảng Liên", u"xã Quảng Lưu",
          u"xã Quảng Phú", u"xã Quảng Phương", u"xã Quảng Thạch", u"xã Quảng Thanh", u"xã Quảng Tiến",
          u"xã Quảng Trường", u"xã Quảng Tùng", u"xã Quảng Xuân"}},
        {u"Huyện Bố Trạch", {u"thị trấn Hoàn Lão", u"thị trấn Nông trường Việt Trung",
                             u"xã Bắc Trạch",      u"xã Cự Nẫm",
                             u"xã Đại Trạch",      u"xã Đồng Trạch",
                             u"xã Đức Trạch",      u"xã Hạ Trạch",
                             u"xã Hải Trạch",      u"xã Hòa Trạch",
                             u"xã Hoàn Trạch",     u"xã Hưng Trạch",
                             u"xã Lâm Trạch",      u"xã Liên Trạch",
                             u"xã Lý Trạch",       u"xã Mỹ Trạch",
                             u"xã Nam Trạch",      u"xã Nhân Trạch",
                             u"xã Phú Định",       u"xã Phú Trạch",
                             u"xã Phúc Trạch",     u"xã Sơn Lộc",
                             u"xã Sơn Trạch",      u"xã Tân Trạch",
                             u"xã Tây Trạch",      u"xã Thanh Trạch",
                             u"xã Thượng Trạch",   u"xã Trung Trạch",
                             u"xã Vạn Trạch",      u"xã Xuân Trạch"}},
        {u"Huyện Quảng Ninh",
         {u"thị trấn Quán Hàu", u"xã An Ninh", u"xã Duy Ninh", u"xã Gia Ninh", u"xã Hàm Ninh", u"xã Hải Ninh",
          u"xã Hiền Ninh", u"xã Lương Ninh", u"xã Tân Ninh", u"xã Trường Sơn", u"xã Trường Xuân",
          u"xã Vạn Ninh", u"xã Vĩnh Ninh", u"xã Võ Ninh", u"xã Xuân Ninh"}},
        {u"Huyện Lệ Thủy", {u"thị trấn Kiến Giang", u"thị trấn Nông trường Lệ Ninh",
                            u"xã An Thủy",          u"xã Cam Thủy",
                            u"xã Dương Thủy",       u"xã Hoa Thủy",
                            u"xã Hồng Thủy",        u"xã Hưng Thủy",
                            u"xã Kim Thủy",         u"xã Lâm Thủy",
                            u"xã Liên Thủy",        u"xã Lộc Thủy",
                            u"xã Mai Thủy",         u"xã Mỹ Thủy",
                            u"xã Ngân Thủy",        u"xã Ngư Thủy Bắc",
                            u"xã Ngư Thủy Nam",     u"xã Ngư Thủy Trung",
                            u"xã Phong Thủy",       u"xã Phú Thủy",
                            u"xã Sen Thủy",         u"xã Sơn Thủy",
                            u"xã Tân Thủy",         u"xã Thái Thủy",
                            u"xã Thanh Thủy",       u"xã Trường Thủy",
                            u"xã Văn Thủy",         u"xã Xuân Thủy"}},
    };
    return all;
}

// The control room first (kDemoControlRoomId), then the other halls the province meets from.
const QList<const char16_t*>& provinceSites() {
    static const QList<const char16_t*> all = {
        u"Sở Thông tin và Truyền thông – Phòng điều hành",
        u"Hội trường UBND tỉnh Quảng Bình",
        u"Hội trường Tỉnh ủy Quảng Bình",
        u"Bộ Chỉ huy Quân sự tỉnh Quảng Bình",
    };
    return all;
}

// Tones: communes 250 + 50·j + 5·d Hz (j: place in the district, d: district), so a district's
// communes are 50 Hz apart and no two communes anywhere share one; province and district sites
// take 1760..1980 Hz in steps of 20, above every commune.
constexpr int kCommuneToneBase = 250;
constexpr int kCommuneToneStep = 50;
constexpr int kCommuneToneDistrictShift = 5;
constexpr int kHallToneBase = 1760;
constexpr int kHallToneStep = 20;

// The halls' cameras move without hardware: their test pictures pan, tilt and zoom.
const QString kSimulatedCamera = QStringLiteral(R"({"protocol":"simulated"})");

QString barsUrl(int tone) {
    return QStringLiteral("test://bars?tone=%1&w=640&h=360").arg(tone);
}

QString solidUrl(const QString& rgb, int tone) {
    return QStringLiteral("test://solid?color=%1&tone=%2&w=320&h=180").arg(rgb).arg(tone);
}

// A district's communes share a band of hues (so the multiview groups them at a glance), with
// saturation and value varied so neighbours differ; never the same colour twice.
QString communeColour(int district, int index, QSet<QString>& used) {
    const double hue = std::fmod(district * 45.0 + index * 1.5, 360.0) / 360.0;
    const double sat = index % 2 ? 0.80 : 0.55;
    double val = 0.95 - 0.15 * (index % 3);
    while (true) {
        const QString rgb =
            QColor::fromHsvF(static_cast<float>(hue), static_cast<float>(sat), static_cast<float>(val))
                .name()
                .mid(1);
        if (!used.contains(rgb)) {
            used.insert(rgb);
            return rgb;
        }
        val -= 0.01;
    }
}

QString communeSiteName(const char16_t* unit) {
    return QStringLiteral("UBND ") + QString::fromUtf16(unit);
}

} // namespace

QList<SiteRecord> demoDirectory() {
    QList<SiteRecord> out;
    qint64 nextId = 1;
    int hallTone = kHallToneBase;
    for (qsizetype i = 0; i < provinceSites().size(); ++i) {
        SiteRecord r;
        r.id = nextId++;
        r.name = QString::fromUtf16(provinceSites()[i]);
        r.level = SiteLevel::Province;
        r.sortOrder = static_cast<int>(i);
        r.sourceUrl = barsUrl(hallTone);
        r.cameraJson = kSimulatedCamera;
        hallTone += kHallToneStep;
        out.append(r);
    }
    QList<qint64> districtIds;
    for (qsizetype d = 0; d < districts().size(); ++d) {
        SiteRecord r;
        r.id = nextId++;
        r.name = QString::fromUtf16(districts()[d].name);
        r.level = SiteLevel::District;
        r.parentId = kDemoControlRoomId;
        r.sortOrder = static_cast<int>(d);
        r.sourceUrl = barsUrl(hallTone);
        r.cameraJson = kSimulatedCamera;
        hallTone += kHallToneStep;
        districtIds.append(r.id);
        out.append(r);
    }
    QSet<QString> colours;
    for (qsizetype d = 0; d < districts().size(); ++d) {
        const auto& communes = districts()[d].communes;
        for (qsizetype j = 0; j < communes.size(); ++j) {
            SiteRecord r;
            r.id = nextId++;
            r.name = communeSiteName(communes[j]);
            r.level = SiteLevel::Commune;
            r.parentId = districtIds[d];
            r.sortOrder = static_cast<int>(j);
            const int tone = kCommuneToneBase + kCommuneToneStep * static_cast<int>(j) +
                             kCommuneToneDistrictShift * static_cast<int>(d);
            r.sourceUrl = solidUrl(communeColour(static_cast<int>(d), static_cast<int>(j), colours), tone);
            out.append(r);
        }
    }
    return out;
}

Result<int> loadDemoDirectory(SiteDirectory& directory) {
    Database::Transaction tx(directory.database());
    if (!tx.started())
        return tx.error();
    Result<int> existing = directory.count();
    if (!existing)
        return existing.error();
    if (*existing > 0)
        return 0;
    const QList<SiteRecord> sites = demoDirectory();
    for (const SiteRecord& s : sites) {
        if (Result<SiteRecord> r = directory.create(s); !r)
            return r.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return static_cast<int>(sites.size());
}

} // namespace hntt::core
