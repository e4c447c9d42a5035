// Search folding ignores Vietnamese diacritics, case and extra whitespace.
#include "core/text_fold.h"

#include <QTest>

using hntt::core::foldForSearch;

class TestTextFold : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void folds_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("tones and hooks") << QStringLiteral("Quảng Hòa") << QStringLiteral("quang hoa");
        QTest::newRow("d with stroke") << QStringLiteral("Đồng Hới") << QStringLiteral("dong hoi");
        QTest::newRow("lower d with stroke") << QStringLiteral("đường") << QStringLiteral("duong");
        QTest::newRow("whitespace") << QStringLiteral("  Lệ\tThủy \n ") << QStringLiteral("le thuy");
        QTest::newRow("precomposed and decomposed agree")
            << QStringLiteral("Xã Ba\u0300u Tr\u1eadp") << QStringLiteral("xa bau trap");
        QTest::newRow("every vowel")
            << QStringLiteral("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ")
            << QStringLiteral("aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy");
        QTest::newRow("plain") << QStringLiteral("Giao ban 2026") << QStringLiteral("giao ban 2026");
        QTest::newRow("empty") << QString() << QString();
    }

    void folds() {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(foldForSearch(text), folded);
    }

    void queryMatchesNameWithDiacritics() {
        QVERIFY(foldForSearch(QStringLiteral("Xã Quảng Hòa, huyện Quảng Trạch"))
                    .contains(foldForSearch(QStringLiteral("quang hoa"))));
        QVERIFY(foldForSearch(QStringLiteral("Thành phố Đồng Hới"))
                    .contains(foldForSearch(QStringLiteral("DONG HOI"))));
        QVERIFY(!foldForSearch(QStringLiteral("Huyện Lệ Thủy"))
                     .contains(foldForSearch(QStringLiteral("quang hoa"))));
    }
};

QTEST_GUILESS_MAIN(TestTextFold)
#include "tst_text_fold.moc"
