// The audio panel against a real session: strips in the directory's order whatever goes on air,
// meters that follow the tones, filters, strips never cut, and mute / gain buttons whose effect is
// heard in the recorded program mix.
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/panels/audio_panel.h"
#include "ui/panels/meter_widget.h"
#include "ui/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;
using core::Session;

class TestAudioPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ui::applyControlRoomTheme(*qApp); }

    void metersMuteAndGainReachTheMix() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        using core::SiteLevel;
        const qint64 quiet = test::addSite(s, QStringLiteral("Xã Im Lặng"), SiteLevel::Province,
                                           QStringLiteral("test://solid?color=00ff00&w=320&h=180"));
        const qint64 a = test::addSite(s, QStringLiteral("Huyện Lệ Thủy"), SiteLevel::Province,
                                       QStringLiteral("test://solid?color=ff0000&tone=300&w=320&h=180"));
        const qint64 b = test::addSite(s, QStringLiteral("Huyện Quảng Ninh"), SiteLevel::Province,
                                       QStringLiteral("test://solid?color=0000ff&tone=700&w=320&h=180"));
        QVERIFY(quiet && a && b);
        QVERIFY(s.setProgram({"side-by-side", {a, b}}, QStringLiteral("ui")));

        ui::AudioPanel panel(s);
        panel.resize(1200, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.objectName(), QStringLiteral("audioPanel"));
        // The directory's order, not the program's.
        QCOMPARE(panel.order(), (QList<qint64>{quiet, a, b}));

        // Meters: the toned sites well above -40 dBFS, the silent one at the floor.
        QTRY_VERIFY_WITH_TIMEOUT(panel.meter(a)->peak() > -40 && panel.meter(b)->peak() > -40, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.programMeter()->peak() > -40, 3000);
        QVERIFY2(panel.meter(quiet)->peak() < -55, qPrintable(QString::number(panel.meter(quiet)->peak())));
        QVERIFY(panel.meter(a)->peakHold() >= panel.meter(a)->peak() - 0.01);
        QVERIFY(test::saveScreenshot(panel, QStringLiteral("audio_panel")));

        auto rec = s.startRecording(QStringLiteral("Thử âm thanh"), std::nullopt, QStringLiteral("ui"));
        QVERIFY(rec);
        QTest::qWait(2500);

        // Mute site A with its button: its tone leaves the mix, B's stays.
        auto* muteA = panel.channel(a)->findChild<QPushButton*>(QStringLiteral("mute"));
        QVERIFY(muteA);
        QTest::mouseClick(muteA, Qt::LeftButton);
        QVERIFY(hntt::test::siteJson(s, a)
                    ->value(QStringLiteral("audio"))
                    .toObject()
                    .value(QStringLiteral("muted"))
                    .toBool());
        QVERIFY(muteA->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(panel.meter(a)->peak() < -55, 3000);
        QTest::qWait(2500);

        // Mute the program mix: everything goes quiet.
        auto* muteProgram = panel.programChannel()->findChild<QPushButton*>(QStringLiteral("mute"));
        QTest::mouseClick(muteProgram, Qt::LeftButton);
        QVERIFY(s.programAudioMuted());
        QTest::qWait(2000);
        auto done = s.stopRecording(rec->id, QStringLiteral("ui"));
        QVERIFY(done);
        const double duration = done->durationS.value_or(0);
        QVERIFY2(duration > 6, qPrintable(QString::number(duration)));

        auto tones = [&](double from, double length) {
            const std::vector<float> samples = test::decodeAudio(done->path, from, length);
            return std::pair{test::meanToneAmplitude(samples, 300), test::meanToneAmplitude(samples, 700)};
        };
        const auto both = tones(0.5, 1.5);
        QVERIFY2(both.first > 0.03 && both.second > 0.03,
                 qPrintable(QStringLiteral("%1 %2").arg(both.first).arg(both.second)));
        const auto onlyB = tones(3.3, 1.2);
        QVERIFY2(onlyB.first < 0.005 && onlyB.second > 0.03,
                 qPrintable(QStringLiteral("%1 %2").arg(onlyB.first).arg(onlyB.second)));
        const auto silent = tones(duration - 1.2, 1.0);
        QVERIFY2(silent.first < 0.005 && silent.second < 0.005,
                 qPrintable(QStringLiteral("%1 %2").arg(silent.first).arg(silent.second)));

        // Unmute the program again from the panel.
        QTest::mouseClick(muteProgram, Qt::LeftButton);
        QVERIFY(!s.programAudioMuted());
    }

    void gainAndFilter() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        using core::SiteLevel;
        const qint64 a = test::addSite(s, QStringLiteral("Huyện Lệ Thủy"), SiteLevel::Province,
                                       QStringLiteral("test://solid?color=ff0000&tone=300&w=320&h=180"));
        const qint64 b = test::addSite(s, QStringLiteral("Thành phố Đồng Hới"), SiteLevel::Province,
                                       QStringLiteral("test://solid?color=0000ff&tone=700&w=320&h=180"));
        QVERIFY(s.setProgram({"single", {b}}, QStringLiteral("ui")));
        ui::AudioPanel panel(s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.order(), (QList<qint64>{a, b}));

        // Gain typed into the spin box reaches the site.
        auto* gain = panel.channel(a)->findChild<QDoubleSpinBox*>(QStringLiteral("gain"));
        QVERIFY(gain);
        gain->setFocus();
        gain->selectAll();
        QTest::keyClicks(gain, QStringLiteral("-12"));
        QTest::keyClick(gain, Qt::Key_Return);
        QTRY_COMPARE(hntt::test::siteJson(s, a)
                         ->value(QStringLiteral("audio"))
                         .toObject()
                         .value(QStringLiteral("gain_db"))
                         .toDouble(),
                     -12.0);

        // The program at -40 dB from the API (below the fader's range): muting and unmuting from
        // the panel keeps -40 dB.
        QVERIFY(s.setProgramAudio(false, -40, QStringLiteral("api:test")));
        auto* muteProgram = panel.programChannel()->findChild<QPushButton*>(QStringLiteral("mute"));
        QTest::mouseClick(muteProgram, Qt::LeftButton);
        QVERIFY(s.programAudioMuted());
        QCOMPARE(s.programGainDb(), -40.0);
        QTest::mouseClick(muteProgram, Qt::LeftButton);
        QVERIFY(!s.programAudioMuted());
        QCOMPARE(s.programGainDb(), -40.0);

        // A change from elsewhere (the API) shows in the panel.
        core::SitePatch patch;
        patch.gainDb = 4.5;
        patch.audioMuted = true;
        QVERIFY(s.updateSite(b, patch, QStringLiteral("api:test")));
        auto* gainB = panel.channel(b)->findChild<QDoubleSpinBox*>(QStringLiteral("gain"));
        QCOMPARE(gainB->value(), 4.5);
        QVERIFY(panel.channel(b)->findChild<QPushButton*>(QStringLiteral("mute"))->isChecked());

        // The filter finds names without diacritics; "program sites only" keeps the program's.
        QTest::keyClicks(panel.findChild<QLineEdit*>(QStringLiteral("filter")), QStringLiteral("le thuy"));
        QVERIFY(!panel.channel(a)->isHidden());
        QVERIFY(panel.channel(b)->isHidden());
        panel.setFilter({});
        panel.setProgramSitesOnly(true);
        QVERIFY(panel.channel(a)->isHidden());
        QVERIFY(!panel.channel(b)->isHidden());

        // The program changes: the order stays, "on program" follows.
        QVERIFY(s.setProgram({"single", {a}}, QStringLiteral("ui")));
        QTRY_VERIFY(!panel.channel(a)->isHidden());
        QVERIFY(panel.channel(b)->isHidden());
        QCOMPARE(panel.order(), (QList<qint64>{a, b}));

        // A deleted site's channel goes.
        QVERIFY(s.deleteSite(b, QStringLiteral("ui")));
        QTRY_VERIFY(panel.channel(b) == nullptr);
    }

    // A province of two districts with communes: the strips keep the directory's order through
    // takes and a floor, every strip is reachable and whole (mute button included) on a short desk,
    // and each filter shows what it says.
    void orderStaysAndFiltersShowWhatTheySay() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        using core::SiteLevel;
        auto colour = [](const char* rgb, int tone) {
            return tone ? QStringLiteral("test://solid?color=%1&tone=%2&w=160&h=90")
                              .arg(QLatin1String(rgb))
                              .arg(tone)
                        : QStringLiteral("test://solid?color=%1&w=160&h=90").arg(QLatin1String(rgb));
        };
        const qint64 province =
            test::addSite(s, QStringLiteral("Tỉnh Quảng Bình"), SiteLevel::Province, colour("ffffff", 0));
        const qint64 d1 = test::addSite(s, QStringLiteral("Huyện Lệ Thủy"), SiteLevel::District,
                                        colour("ff0000", 0), province);
        const qint64 c1 =
            test::addSite(s, QStringLiteral("Xã Hưng Thủy"), SiteLevel::Commune, colour("00ff00", 440), d1);
        const QString longName =
            QStringLiteral("Ủy ban nhân dân xã Ngư Thủy Bắc ") + QString(160, QLatin1Char('x'));
        const qint64 c2 = test::addSite(s, longName, SiteLevel::Commune, colour("0000ff", 0), d1);
        const qint64 d2 = test::addSite(s, QStringLiteral("Huyện Quảng Ninh"), SiteLevel::District,
                                        colour("ffff00", 0), province);
        const qint64 c3 =
            test::addSite(s, QStringLiteral("Xã Võ Ninh"), SiteLevel::Commune, colour("00ffff", 0), d2);
        QVERIFY(province && d1 && c1 && c2 && d2 && c3);
        QList<qint64> directory;
        for (const core::SiteView& v : s.sites().value())
            directory.append(v.record.id);

        ui::AudioPanel panel(s);
        panel.resize(420, 250); // a short, narrow desk: it must scroll, not cut
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.order(), directory);
        QCOMPARE(panel.shown(), directory);
        // It opens showing all sites, and says so.
        QCOMPARE(panel.findChild<QComboBox*>(QStringLiteral("show"))->currentText(),
                 QStringLiteral("All sites"));

        // Takes and a floor never move a strip.
        QVERIFY(s.setProgram({"side-by-side", {c3, d1}}, QStringLiteral("ui")));
        QVERIFY(s.giveFloor(c1, QStringLiteral("ui")));
        QTest::qWait(300);
        QCOMPARE(panel.order(), directory);
        QVERIFY(s.setProgram({"single", {c2}}, QStringLiteral("ui")));
        QTest::qWait(300);
        QCOMPARE(panel.order(), directory);

        // Every strip can be brought into view whole: its name and its mute button inside the desk.
        auto* area = panel.findChild<QScrollArea*>(QStringLiteral("channels"));
        QVERIFY(area);
        for (qint64 id : directory) {
            panel.reveal(id);
            QCoreApplication::processEvents();
            QWidget* strip = panel.channel(id);
            auto* mute = strip->findChild<QPushButton*>(QStringLiteral("mute"));
            const QRect inView(mute->mapTo(area->viewport(), QPoint(0, 0)), mute->size());
            QVERIFY2(area->viewport()->rect().contains(inView),
                     qPrintable(QStringLiteral("site %1: mute at %2,%3 %4x%5 outside the desk %6x%7")
                                    .arg(id)
                                    .arg(inView.x())
                                    .arg(inView.y())
                                    .arg(inView.width())
                                    .arg(inView.height())
                                    .arg(area->viewport()->width())
                                    .arg(area->viewport()->height())));
        }
        // The long name is cut with "…" and whole in the strip's tooltip; the strip keeps its width.
        auto* name = panel.channel(c2)->findChild<QLabel*>(QStringLiteral("name"));
        QVERIFY(name->text().endsWith(QChar(0x2026)));
        QCOMPARE(panel.channel(c2)->toolTip(), longName);
        QCOMPARE(panel.channel(c2)->width(), panel.channel(c1)->width());

        // On program.
        auto* show = panel.findChild<QComboBox*>(QStringLiteral("show"));
        QVERIFY(show);
        panel.setShow(ui::AudioPanel::Show::OnProgram);
        QCOMPARE(panel.shown(), (QList<qint64>{c2}));
        // Heard now: only the toned commune (after its level has come in).
        panel.setShow(ui::AudioPanel::Show::Speaking);
        QTRY_COMPARE_WITH_TIMEOUT(panel.shown(), (QList<qint64>{c1}), 8000);
        // Muted: muted from the API, shown at once.
        panel.setShow(ui::AudioPanel::Show::Muted);
        QCOMPARE(panel.shown(), QList<qint64>{});
        QVERIFY(s.setSiteAudio(c3, true, std::nullopt, QStringLiteral("api:test")));
        QCOMPARE(panel.shown(), (QList<qint64>{c3}));
        // A district: the district and its communes, chosen from the list by name.
        const int quangNinh = show->findText(QStringLiteral("Huyện Quảng Ninh"));
        QVERIFY(quangNinh >= 0);
        show->setCurrentIndex(quangNinh);
        QCOMPARE(panel.shown(), (QList<qint64>{d2, c3}));
        panel.setShow(ui::AudioPanel::Show::District, d1);
        QCOMPARE(panel.shown(), (QList<qint64>{d1, c1, c2}));
        // With the name filter on top.
        panel.setFilter(QStringLiteral("hung thuy"));
        QCOMPARE(panel.shown(), (QList<qint64>{c1}));
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("count"))->text(), QStringLiteral("1 of 6"));
        panel.setFilter({});
        panel.setShow(ui::AudioPanel::Show::All);
        QCOMPARE(panel.shown(), directory);
        // A new site takes its place in the directory's order; the choice stays.
        panel.setShow(ui::AudioPanel::Show::District, d2);
        const qint64 c4 =
            test::addSite(s, QStringLiteral("Xã An Ninh"), SiteLevel::Commune, colour("808080", 0), d2);
        QTRY_COMPARE(panel.shown(), (QList<qint64>{d2, c3, c4}));
        QVERIFY(test::saveScreenshot(panel, QStringLiteral("audio_panel_filters")));
    }

    void meterHoldsPeaks() {
        ui::MeterWidget m;
        m.setLevels(-20, -3);
        QCOMPARE(m.peakHold(), -3.0);
        m.setLevels(-30, -25);
        QCOMPARE(m.peak(), -25.0);
        QCOMPARE(m.peakHold(), -3.0); // held
        QTest::qWait(ui::MeterWidget::kPeakHoldMs + 100);
        m.setLevels(-30, -25);
        QCOMPARE(m.peakHold(), -25.0); // released after the hold time
        m.setLevels(-qInf(), -200);
        QCOMPARE(m.peak(), ui::MeterWidget::kFloorDb);
        QCOMPARE(m.rms(), ui::MeterWidget::kFloorDb);
    }
};

QTEST_MAIN(TestAudioPanel)
#include "tst_audio_panel.moc"
