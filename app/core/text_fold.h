// Search text folding: what the operator types without diacritics finds names written with them.
#pragma once

#include <QString>
#include <QStringView>

namespace hntt::core {

// A key for diacritic- and case-insensitive search: decomposed (NFD) with the combining marks
// dropped, đ/Đ as d, lower-case, runs of whitespace as one space, trimmed. "Quảng Hòa" and
// "quang  hoa" fold to the same "quang hoa"; "Đồng Hới" to "dong hoi".
QString foldForSearch(const QString& text);

// Whether text typed by a person (a name, a title, a note) holds a control character (Unicode Cc:
// line breaks, tabs, escapes), which such one-line fields refuse.
bool holdsControlCharacter(QStringView text);

} // namespace hntt::core
