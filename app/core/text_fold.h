// Search text folding: what the operator types without diacritics finds names written with them.
#pragma once

#include <QString>

namespace hntt::core {

// A key for diacritic- and case-insensitive search: decomposed (NFD) with the combining marks
// dropped, đ/Đ as d, lower-case, runs of whitespace as one space, trimmed. "Quảng Hòa" and
// "quang  hoa" fold to the same "quang hoa"; "Đồng Hới" to "dong hoi".
QString foldForSearch(const QString& text);

} // namespace hntt::core
