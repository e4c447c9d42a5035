// CHECK_EQ for the SDP suites: QCOMPARE needs a QTest::toString for every standard type the
// descriptions use (std::string, std::optional, std::vector, enums); this prints them itself.
#pragma once

#include <QString>
#include <QTest>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace hntt::test {

inline QString show(const std::string& s) {
    return QStringLiteral("\"%1\"").arg(QString::fromStdString(s));
}
inline QString show(const char* s) {
    return show(std::string(s));
}
inline QString show(bool b) {
    return b ? QStringLiteral("true") : QStringLiteral("false");
}
template <typename T>
QString show(const T& v) {
    if constexpr (std::is_enum_v<T>)
        return QStringLiteral("enum %1").arg(static_cast<long long>(v));
    else if constexpr (std::is_integral_v<T>)
        return QString::number(v);
    else
        return QStringLiteral("(a value)");
}
template <typename T>
QString show(const std::optional<T>& v) {
    return v ? show(*v) : QStringLiteral("nullopt");
}
template <typename T>
QString show(const std::vector<T>& v) {
    QStringList items;
    for (const auto& x : v)
        items << show(x);
    return QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
}

} // namespace hntt::test

// The values are copied: `actual` may be a member of a temporary.
#define CHECK_EQ(actual, expected)                                                                           \
    do {                                                                                                     \
        const auto actual_ = (actual);                                                                       \
        const auto expected_ = (expected);                                                                   \
        if (!(actual_ == expected_))                                                                         \
            QFAIL(qPrintable(                                                                                \
                QStringLiteral("%1 is %2, expected %3")                                                      \
                    .arg(QStringLiteral(#actual), hntt::test::show(actual_), hntt::test::show(expected_)))); \
    } while (false)
