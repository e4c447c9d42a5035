#include "core/archive/attendance_report.h"

#include "core/province_time.h"
#include "core/text_language.h"
#include "version.h"

#include <QFileInfo>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <cmath>
#include <utility>

namespace hntt::core::archive {

namespace {

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

// 1:05:09 / 5:09
QString duration(double seconds) {
    const qint64 s = std::llround(std::max(0.0, seconds));
    const qint64 h = s / 3600, m = (s / 60) % 60, sec = s % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(sec, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
}

// The wall-clock time `offset` seconds into the recording, in the province's time.
QString clockAt(const RecordingRecord& rec, double offset) {
    return inProvinceTime(rec.startedAt.addMSecs(std::llround(offset * 1000)))
        .toString(QStringLiteral("HH:mm:ss"));
}

QString dateTime(const QDateTime& t) {
    return t.isValid() ? inProvinceTime(t).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"))
                       : QStringLiteral("—");
}

QString qualityText(LinkQuality q) {
    switch (q) {
    case LinkQuality::Good:
        return translate("AttendanceReport", "Good");
    case LinkQuality::Unstable:
        return translate("AttendanceReport", "Unstable");
    case LinkQuality::Poor:
        return translate("AttendanceReport", "Poor");
    case LinkQuality::Unknown:
        break;
    }
    return QStringLiteral("—");
}

QString statusText(const AttendanceRow& r) {
    if (!r.joined)
        return translate("AttendanceReport", "Absent");
    if (!r.expected)
        return translate("AttendanceReport", "Received, not invited");
    if (r.leftAtS)
        return translate("AttendanceReport", "Left early");
    return translate("AttendanceReport", "Present");
}

QString infoRow(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>\n").arg(esc(label), esc(value));
}

} // namespace

QString reportFontFamily() {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return QStringLiteral("Noto Sans");
    const QStringList families = QFontDatabase::families();
    for (const QString& f : {QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")})
        if (families.contains(f))
            return f;
    return QFont().family();
}

QString attendanceHtml(const ArchiveMaterial& material, const Attendance& a) {
    const RecordingRecord& rec = material.recording;
    const QString title = material.meeting ? material.meeting->title : rec.title;
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n")
             .arg(translate("AttendanceReport", "en", "HTML language code of the report"));
    h += QStringLiteral("<title>%1</title>\n")
             .arg(esc(translate("AttendanceReport", "Attendance report: %1").arg(title)));
    h += QStringLiteral("<style>\n"
                        "body { font-family: '%1', 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 10pt; "
                        "color: #000; }\n"
                        "h1 { font-size: 16pt; margin-bottom: 4pt; }\n"
                        "h2 { font-size: 12pt; margin-top: 12pt; }\n"
                        "table { border-collapse: collapse; }\n"
                        "table.sites th { background-color: #e4e8ee; text-align: left; }\n"
                        "table.sites td, table.sites th { border: 1px solid #777; padding: 3px; }\n"
                        "td.label { color: #333; padding-right: 12px; }\n"
                        "td.num { text-align: right; }\n"
                        "tr.absent td { color: #8a1010; }\n"
                        ".note { font-size: 8pt; color: #333; }\n"
                        "</style>\n</head>\n<body>\n")
             .arg(reportFontFamily());
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(translate("AttendanceReport", "Attendance report")));
    h += QStringLiteral("<p><b>%1</b></p>\n").arg(esc(title));

    h += QStringLiteral("<table>\n");
    if (material.meeting) {
        const MeetingRecord& m = *material.meeting;
        h += infoRow(translate("AttendanceReport", "Meeting"), m.title);
        h += infoRow(translate("AttendanceReport", "Kind"), meetingKindLabel(m.kind));
        h += infoRow(translate("AttendanceReport", "Room"), m.room);
        h += infoRow(translate("AttendanceReport", "Booked for"),
                     translate("AttendanceReport", "%1 to %2").arg(dateTime(m.startsAt), dateTime(m.endsAt)));
        const auto host = material.sites.constFind(m.hostSiteId);
        h += infoRow(translate("AttendanceReport", "Host"),
                     host != material.sites.cend() ? host->name : QString::number(m.hostSiteId));
    }
    // Named on paper: a reader elsewhere (or a machine in UTC) must not guess the times' zone.
    h += infoRow(translate("AttendanceReport", "Times in"), provinceTimeZoneLabel());
    h += infoRow(translate("AttendanceReport", "Recording"),
                 rec.title.isEmpty() ? translate("AttendanceReport", "Recording %1").arg(rec.id) : rec.title);
    h += infoRow(translate("AttendanceReport", "Recorded"),
                 translate("AttendanceReport", "%1 to %2 (%3)")
                     .arg(dateTime(rec.startedAt), dateTime(rec.stoppedAt), duration(a.durationS)));
    if (rec.state == RecordingState::Failed)
        h += infoRow(translate("AttendanceReport", "Note"),
                     translate("AttendanceReport", "The recording ended with an error: %1").arg(rec.error));
    h += infoRow(translate("AttendanceReport", "Sites expected"), QString::number(a.expected));
    h += infoRow(translate("AttendanceReport", "Joined"), QString::number(a.present));
    h += infoRow(translate("AttendanceReport", "Absent"), QString::number(a.absent));
    if (a.unlisted > 0)
        h += infoRow(translate("AttendanceReport", "Received, not invited"), QString::number(a.unlisted));
    h += QStringLiteral("</table>\n");

    // The invited sites, then apart those the console received without an invitation: they count
    // neither as present nor as absent.
    auto siteTable = [&](const QString& heading, bool expected) {
        h += QStringLiteral("<h2>%1</h2>\n").arg(esc(heading));
        h += QStringLiteral(
            "<table class=\"sites\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">\n<tr>");
        // Widths fixed in percent: the site's name gets the room (Vietnamese headings are long and
        // would otherwise squeeze "Sở Thông tin và Truyền thông" onto three lines).
        const std::pair<QString, int> heads[] = {
            {translate("AttendanceReport", "No."), 4},
            {translate("AttendanceReport", "Site"), 25},
            {translate("AttendanceReport", "Level"), 7},
            {translate("AttendanceReport", "Attendance"), 12},
            {translate("AttendanceReport", "Joined"), 7},
            {translate("AttendanceReport", "Left"), 7},
            {translate("AttendanceReport", "Time present"), 8},
            {translate("AttendanceReport", "Speaking time"), 8},
            {translate("AttendanceReport", "Link quality"), 8},
            {translate("AttendanceReport", "Link drops"), 14},
        };
        for (const auto& [head, percent] : heads)
            h += QStringLiteral("<th width=\"%1%\">%2</th>").arg(percent).arg(esc(head));
        h += QStringLiteral("</tr>\n");
        int n = 0;
        for (const AttendanceRow& r : a.rows) {
            if (r.expected != expected)
                continue;
            ++n;
            const QString name =
                r.name.isEmpty() ? translate("AttendanceReport", "Site %1").arg(r.siteId) : r.name;
            h += QStringLiteral("<tr%1>").arg(r.joined ? QString() : QStringLiteral(" class=\"absent\""));
            h += QStringLiteral("<td class=\"num\">%1</td>").arg(n);
            h += QStringLiteral("<td>%1</td>").arg(esc(name));
            h += QStringLiteral("<td>%1</td>")
                     .arg(esc(r.level ? siteLevelLabel(*r.level) : QStringLiteral("—")));
            h += QStringLiteral("<td>%1</td>").arg(esc(statusText(r)));
            h +=
                QStringLiteral("<td>%1</td>").arg(r.joined ? clockAt(rec, r.joinedAtS) : QStringLiteral("—"));
            h +=
                QStringLiteral("<td>%1</td>").arg(r.leftAtS ? clockAt(rec, *r.leftAtS) : QStringLiteral("—"));
            h += QStringLiteral("<td class=\"num\">%1</td>")
                     .arg(r.joined ? duration(r.presentS) : QStringLiteral("—"));
            h += QStringLiteral("<td class=\"num\">%1</td>")
                     .arg(r.joined ? duration(r.speakingS) : QStringLiteral("—"));
            h += QStringLiteral("<td>%1</td>").arg(esc(qualityText(r.quality)));
            h += QStringLiteral("<td>%1</td>")
                     .arg(r.losses > 0 ? esc(translate("AttendanceReport", "%n drop(s), %1 without signal",
                                                       nullptr, r.losses)
                                                 .arg(duration(r.lostS)))
                                       : QStringLiteral("—"));
            h += QStringLiteral("</tr>\n");
        }
        h += QStringLiteral("</table>\n");
    };
    siteTable(translate("AttendanceReport", "Sites"), true);
    if (a.unlisted > 0)
        siteTable(translate("AttendanceReport", "Received, not invited"), false);

    h += QStringLiteral("<p class=\"note\">%1</p>\n")
             .arg(esc(translate(
                 "AttendanceReport",
                 "Joined and left are the times the console received and lost each site's signal. Speaking "
                 "time is counted from the console's active-speaker detection, from one change of speaker to "
                 "the next. Link quality: good without drops; poor with three drops or more, or without "
                 "signal "
                 "for a tenth of the time or more; unstable otherwise.")));
    h += QStringLiteral("<p class=\"note\">%1</p>\n")
             .arg(esc(translate("AttendanceReport",
                                "Made by HNTT Console %1 on %2. The files of this archive and their "
                                "SHA-256 hashes are listed in manifest.json.")
                          .arg(QStringLiteral(HNTT_VERSION), dateTime(QDateTime::currentDateTime()))));
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

Status writeAttendancePdf(const QString& html, const QString& title, const QString& path) {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Error{Error::Code::Storage,
                     translate("AttendanceReport",
                               "The PDF report needs the console's font system, which is not "
                               "running.")};
    {
        QPdfWriter writer(path);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("HNTT Console " HNTT_VERSION));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        QTextDocument doc;
        QFont font(reportFontFamily());
        font.setPointSizeF(10);
        doc.setDefaultFont(font);
        doc.setHtml(html);
        doc.print(&writer);
    } // the writer finishes the file when it is destroyed
    if (QFileInfo(path).size() <= 0)
        return Error{Error::Code::Storage, translate("AttendanceReport", "Cannot write %1.").arg(path)};
    return {};
}

} // namespace hntt::core::archive
