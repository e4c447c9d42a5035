// Names inside the archives folder: ASCII only, so that an archive copies to any file system, USB
// stick or zip tool unchanged (the Vietnamese names are in the report and the manifest).
#pragma once

#include "core/archive/archive_material.h"

#include <QString>

namespace hntt::core::archive {

// "Họp trực tuyến phòng chống bão lũ" → "Hop-truc-tuyen-phong-chong-bao-lu"; at most `maxLength`.
QString asciiSlug(const QString& text, int maxLength = 60);

// "<slug of the meeting's or recording's title>-<recording id>".
QString archiveFolderName(const ArchiveMaterial& material);

} // namespace hntt::core::archive
