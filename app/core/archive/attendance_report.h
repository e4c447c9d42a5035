// The attendance report of an archive, in the operator's language: one HTML page, and the same
// page as a PDF (A4 landscape) with a font that carries Vietnamese diacritics.
#pragma once

#include "core/archive/archive_material.h"
#include "core/archive/attendance.h"

#include <QCoreApplication>
#include <QString>

namespace hntt::core::archive {

QString attendanceHtml(const ArchiveMaterial& material, const Attendance& attendance);

// Lays the HTML out on A4 landscape pages. Needs a QGuiApplication (fonts); safe on a worker thread.
Status writeAttendancePdf(const QString& html, const QString& title, const QString& path);

// The font family the report is set in: Noto Sans, else DejaVu Sans, else the default.
QString reportFontFamily();

} // namespace hntt::core::archive
