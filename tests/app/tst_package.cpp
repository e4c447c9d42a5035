// The .deb: cpack builds it from this build folder; unpacked with dpkg -x it holds the binary,
// the desktop entry, the icon and the AppStream metainfo, declares its run-time dependencies,
// and the unpacked binary answers --version.
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestPackage : public QObject {
    Q_OBJECT

private slots:
    void debUnpacksAndRuns() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QByteArray out, err;
        const int rc = hntt::test::runProgram(HNTT_CPACK,
                                              {"-G", "DEB", "--config", HNTT_BINARY_DIR "/CPackConfig.cmake",
                                               "-B", tmp.filePath(QStringLiteral("out"))},
                                              &out, &err, 480000);
        QVERIFY2(rc == 0, (out + err).constData());
        const QStringList debs =
            QDir(tmp.filePath(QStringLiteral("out"))).entryList({QStringLiteral("*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        const QString deb = tmp.filePath(QStringLiteral("out/") + debs.first());

        QByteArray depends;
        QCOMPARE(hntt::test::runProgram(QStringLiteral("dpkg-deb"), {"-f", deb, "Depends"}, &depends), 0);
        for (const char* need :
             {"libqt6sql6-sqlite", "gstreamer1.0-plugins-good", "fonts-noto-core", "libqt6widgets6"})
            QVERIFY2(depends.contains(need),
                     qPrintable(QStringLiteral("Depends lacks %1: %2")
                                    .arg(QLatin1String(need), QString::fromUtf8(depends))));

        const QString root = tmp.filePath(QStringLiteral("root"));
        QCOMPARE(hntt::test::runProgram(QStringLiteral("dpkg"), {"-x", deb, root}), 0);
        for (const char* file : {"/usr/bin/hntt-console", "/usr/share/applications/hntt-console.desktop",
                                 "/usr/share/icons/hicolor/scalable/apps/hntt-console.svg",
                                 "/usr/share/metainfo/vn.hntt.console.metainfo.xml"})
            QVERIFY2(QFile::exists(root + QLatin1String(file)), file);

        QCOMPARE(
            hntt::test::runProgram(root + QStringLiteral("/usr/bin/hntt-console"), {"--version"}, &out, &err),
            0);
        QVERIFY2(out.startsWith("hntt-console 0."), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
