#include "core/archive/archive_names.h"

#include <QRegularExpression>

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
    QString slug = asciiSlug(material.meeting ? material.meeting->title : material.recording.title);
    if (slug.isEmpty())
        slug = QStringLiteral("recording");
    return QStringLiteral("%1-%2").arg(slug).arg(material.recording.id);
}

} // namespace hntt::core::archive
