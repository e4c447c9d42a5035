// Names inside the archives folder: ASCII only, so that an archive copies to any file system, USB
// stick or zip tool unchanged (the Vietnamese names are in the report and the manifest).
#pragma once

#include "core/archive/archive_material.h"

#include <QString>

namespace hntt::core::archive {

// "Họp trực tuyến phòng chống bão lũ" → "Hop-truc-tuyen-phong-chong-bao-lu"; at most `maxLength`.
QString asciiSlug(const QString& text, int maxLength = 60);

// "2026-12-01_08h50_Hop-giao-ban-thang-12_Phien-sang": the recording's start in the province's time,
// the meeting's title, the recording's title when it differs; "…_ban-ghi-<id>" without either.
// A second archive of the same recording is "…_lan-2" (ArchiveWriter).
QString archiveFolderName(const ArchiveMaterial& material);

} // namespace hntt::core::archive
