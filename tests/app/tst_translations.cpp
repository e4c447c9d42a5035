// Every user-visible string of the sources is translated, in Vietnamese (with its diacritics) and
// in English: lupdate is run afresh over the sources and compared with the committed .ts files.
#include "test_support.h"

#include <QDomDocument>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Message {
    QString translation;
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList numerusForms;
};

using Catalogue = QHash<QString, Message>; // key: context + '\x1f' + source

Catalogue load(const QString& path) {
    Catalogue c;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return c;
    QDomDocument doc;
    if (!doc.setContent(&f))
        return c;
    for (QDomElement ctx = doc.documentElement().firstChildElement(QStringLiteral("context")); !ctx.isNull();
         ctx = ctx.nextSiblingElement(QStringLiteral("context"))) {
        const QString name = ctx.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = ctx.firstChildElement(QStringLiteral("message")); !m.isNull();
             m = m.nextSiblingElement(QStringLiteral("message"))) {
            const QDomElement t = m.firstChildElement(QStringLiteral("translation"));
            Message msg;
            msg.translation = t.text();
            msg.type = t.attribute(QStringLiteral("type"));
            msg.numerus = m.attribute(QStringLiteral("numerus")) == QLatin1String("yes");
            for (QDomElement n = t.firstChildElement(QStringLiteral("numerusform")); !n.isNull();
                 n = n.nextSiblingElement(QStringLiteral("numerusform")))
                msg.numerusForms << n.text();
            c.insert(name + QChar(0x1f) + m.firstChildElement(QStringLiteral("source")).text(), msg);
        }
    }
    return c;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    Catalogue fresh_;

private slots:
    void initTestCase() {
        QTemporaryDir tmp;
        const QString ts = tmp.filePath(QStringLiteral("fresh.ts"));
        QByteArray out, err;
        const int rc = hntt::test::runProgram(
            HNTT_LUPDATE,
            {"-silent", "-locations", "none", "-extensions", "cpp,h", HNTT_SOURCE_DIR "/app", "-ts", ts},
            &out, &err);
        QVERIFY2(rc == 0, err.constData());
        fresh_ = load(ts);
        QVERIFY2(fresh_.size() > 20, "lupdate found almost no strings: the scan is broken");
    }

    void complete_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("vi") << QStringLiteral(HNTT_SOURCE_DIR "/translations/hntt_vi.ts");
        QTest::newRow("en") << QStringLiteral(HNTT_SOURCE_DIR "/translations/hntt_en.ts");
    }
    void complete() {
        QFETCH(QString, file);
        const Catalogue committed = load(file);
        QStringList missing, unfinished;
        for (auto it = fresh_.cbegin(); it != fresh_.cend(); ++it) {
            const auto found = committed.constFind(it.key());
            const QString where = QString(it.key()).replace(QChar(0x1f), QLatin1String(": "));
            if (found == committed.cend())
                missing << where;
            else if (!found->type.isEmpty() || (found->numerus ? found->numerusForms.contains(QString()) ||
                                                                     found->numerusForms.isEmpty()
                                                               : found->translation.isEmpty()))
                unfinished << where;
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in %1 (run the update_translations target): %2")
                                .arg(file, missing.join(QLatin1String(" | ")))));
        QVERIFY2(
            unfinished.isEmpty(),
            qPrintable(
                QStringLiteral("unfinished in %1: %2").arg(file, unfinished.join(QLatin1String(" | ")))));
    }

    // Vietnamese text really is Vietnamese: translated (not the English source), with diacritics,
    // and keeping every %1-style placeholder of the source.
    void vietnameseIsVietnamese() {
        const Catalogue vi = load(QStringLiteral(HNTT_SOURCE_DIR "/translations/hntt_vi.ts"));
        static const QRegularExpression placeholder(QStringLiteral("%\\d"));
        static const QRegularExpression diacritic(
            QStringLiteral("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
                           "ùúủũụưừứửữựỳýỷỹỵđ]"),
            QRegularExpression::CaseInsensitiveOption);
        int withDiacritics = 0, words = 0;
        for (auto it = fresh_.cbegin(); it != fresh_.cend(); ++it) {
            const Message m = vi.value(it.key());
            const QString source = it.key().section(QChar(0x1f), 1);
            QStringList a, b;
            for (auto i = placeholder.globalMatch(source); i.hasNext();)
                a << i.next().captured();
            for (auto i = placeholder.globalMatch(m.translation); i.hasNext();)
                b << i.next().captured();
            a.sort();
            b.sort();
            QVERIFY2(a == b,
                     qPrintable(QStringLiteral("placeholders differ: %1 -> %2").arg(source, m.translation)));
            if (source.count(QChar(' ')) >= 2) { // a sentence, not a token like "DIR"
                ++words;
                QVERIFY2(m.translation != source, qPrintable(QStringLiteral("untranslated: ") + source));
                if (diacritic.match(m.translation).hasMatch())
                    ++withDiacritics;
            }
        }
        QVERIFY(words > 0);
        QVERIFY2(withDiacritics * 10 >= words * 9, "most Vietnamese sentences lack diacritics");
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
