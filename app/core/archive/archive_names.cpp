#include "core/archive/archive_names.h"

#include "core/province_time.h"

#include <QRegularExpression>
#include <QStringList>

namespace hntt::core::archive {

QString asciiSlug(const QString& text, int maxLength) {
    QString slug = text.normalized(QString::NormalizationForm_D);
    slug.remove(QRegularExpression(QStringLiteral("[\\x{0300}-\\x{036f}]")));
    slug.replace(QChar(0x0111), QLatin1Char('d')).replace(QChar(0x0110), QLatin1Char('D')); // đ, Đ
    slug.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    slug = slug.left(maxLength);
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug;
}

QString archiveFolderName(const ArchiveMaterial& material) {
    // Date and time first (the province's), so that a folder listing reads as a calendar; then the
    // meeting, then the recording's own title when it says more. No bare numbers at the end: a
    // title ending in a month ("thang-12") and an id would read like copies of one another.
    QStringList parts;
    if (material.recording.startedAt.isValid())
        parts << inProvinceTime(material.recording.startedAt).toString(QStringLiteral("yyyy-MM-dd_HH'h'mm"));
    const QString meeting = material.meeting ? asciiSlug(material.meeting->title) : QString();
    const QString title = asciiSlug(material.recording.title);
    if (!meeting.isEmpty())
        parts << meeting;
    if (!title.isEmpty() && title.compare(meeting, Qt::CaseInsensitive) != 0)
        parts << title;
    if (meeting.isEmpty() && title.isEmpty())
        parts << QStringLiteral("ban-ghi-%1").arg(material.recording.id); // "bản ghi": recording
    return parts.join(QLatin1Char('_'));
}

} // namespace hntt::core::archive
