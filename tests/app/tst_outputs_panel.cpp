// The outputs panel against a real session: a UDP stream added in the panel reaches a receiver
// on loopback as H.264 + AAC, a bad URL shows its error and adds nothing, Stop silences the port
// and Start makes it send again under the same name; Remove needs a stopped stream.
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/panels/outputs_panel.h"
#include "ui/theme.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace hntt;
using core::Session;

namespace {

// Datagrams that arrive on the port during `ms`.
int datagramsWithin(QUdpSocket& socket, int ms) {
    int n = 0;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QTest::qWait(50);
        while (socket.hasPendingDatagrams()) {
            socket.receiveDatagram();
            ++n;
        }
    }
    return n;
}

} // namespace

class TestOutputsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ui::applyControlRoomTheme(*qApp); }

    void addStopStartRemove() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        const qint64 site = test::addSite(s, QStringLiteral("UBND tỉnh"), core::SiteLevel::Province,
                                          QStringLiteral("test://solid?color=ff0000&tone=440&w=320&h=180"));
        QVERIFY(s.setProgram({"single", {site}}, QStringLiteral("ui")));

        ui::OutputsPanel panel(s);
        panel.resize(1000, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.objectName(), QStringLiteral("outputsPanel"));
        auto* name = panel.findChild<QLineEdit*>(QStringLiteral("name"));
        auto* url = panel.findChild<QLineEdit*>(QStringLiteral("url"));
        auto* add = panel.findChild<QPushButton*>(QStringLiteral("add"));
        auto* error = panel.findChild<QLabel*>(QStringLiteral("addError"));
        auto* table = panel.findChild<QTableWidget*>(QStringLiteral("outputs"));
        QVERIFY(name && url && add && error && table);

        // A bad URL: the error shows inline, nothing is added.
        QTest::keyClicks(url, QStringLiteral("ftp://example.org/live"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(!error->isHidden());
        QVERIFY(!error->text().isEmpty());
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(hntt::test::outputsJson(s).isEmpty());

        // A good one: the receiver gets the program's H.264 video and AAC audio.
        const quint16 port = test::freeUdpPort();
        url->clear();
        QTest::keyClicks(url, QStringLiteral("udp://127.0.0.1:%1?pkt_size=1316").arg(port));
        name->setText(QStringLiteral("Cổng thông tin tỉnh")); // typed through an input method
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY2(error->isHidden(), qPrintable(error->text()));
        QCOMPARE(hntt::test::outputsJson(s).size(), 1);
        const qint64 id = hntt::test::outputsJson(s).at(0).toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, ui::OutputsPanel::Name)->text(), QStringLiteral("Cổng thông tin tỉnh"));
        QVERIFY(url->text().isEmpty());

        QTemporaryDir out;
        const QString capture = out.filePath(QStringLiteral("capture.ts"));
        QCOMPARE(test::runProgram(QStringLiteral("ffmpeg"),
                                  {"-v", "error", "-y", "-t", "3", "-i",
                                   QStringLiteral("udp://127.0.0.1:%1?timeout=5000000").arg(port), "-c",
                                   "copy", capture},
                                  nullptr, nullptr, 30000),
                 0);
        QStringList codecs;
        for (const QJsonValue& st : test::ffprobe(capture).value(QStringLiteral("streams")).toArray())
            codecs << st.toObject().value(QStringLiteral("codec_name")).toString();
        QVERIFY2(codecs.contains(QStringLiteral("h264")) && codecs.contains(QStringLiteral("aac")),
                 qPrintable(codecs.join(',')));
        // The table shows it running, with a bitrate.
        QTRY_COMPARE_WITH_TIMEOUT(table->item(0, ui::OutputsPanel::State)->text(),
                                  ui::OutputsPanel::tr("Running"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            table->item(0, ui::OutputsPanel::Bitrate)->text() != QLatin1String("0 kbit/s"), 5000);
        QVERIFY(test::saveScreenshot(panel, QStringLiteral("outputs_panel")));

        // Remove refuses a running stream; Stop silences the port.
        QVERIFY(!panel.removeButton(id)->isEnabled());
        QUdpSocket socket;
        QVERIFY(socket.bind(QHostAddress::LocalHost, port));
        QVERIFY(datagramsWithin(socket, 1000) > 10);
        QCOMPARE(panel.toggleButton(id)->text(), ui::OutputsPanel::tr("Stop"));
        QTest::mouseClick(panel.toggleButton(id), Qt::LeftButton);
        QCOMPARE(hntt::test::outputsJson(s).at(0).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("stopped"));
        QCOMPARE(table->item(0, ui::OutputsPanel::State)->text(), ui::OutputsPanel::tr("Stopped"));
        QTest::qWait(300); // what was in flight
        datagramsWithin(socket, 100);
        QCOMPARE(datagramsWithin(socket, 1200), 0);

        // Start: the same stream (id, name, URL) sends again.
        QCOMPARE(panel.toggleButton(id)->text(), ui::OutputsPanel::tr("Start"));
        QTest::mouseClick(panel.toggleButton(id), Qt::LeftButton);
        QCOMPARE(hntt::test::outputsJson(s).size(), 1);
        QCOMPARE(hntt::test::outputsJson(s).at(0).toObject().value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(table->item(0, ui::OutputsPanel::Name)->text(), QStringLiteral("Cổng thông tin tỉnh"));
        QVERIFY(datagramsWithin(socket, 1500) > 10);

        // Stop, then Remove: gone from the session and the table.
        QTest::mouseClick(panel.toggleButton(id), Qt::LeftButton);
        QVERIFY(panel.removeButton(id)->isEnabled());
        QTest::mouseClick(panel.removeButton(id), Qt::LeftButton);
        QVERIFY(hntt::test::outputsJson(s).isEmpty());
        QTRY_COMPARE(table->rowCount(), 0);
    }
};

QTEST_MAIN(TestOutputsPanel)
#include "tst_outputs_panel.moc"
