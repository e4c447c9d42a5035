// The operator's main panels against a real session with loopback test sources: the sites tree
// (search without diacritics, mute reaching the program mix, group actions, floor), the layout
// picker, preview/program with Take and slot drops, and the multiview's selection by click and
// digit key. Each check looks at the media or the core's state, not at the widgets alone.
#include "core/session/session.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/layout_geometry.h"
#include "ui/main_window.h"
#include "ui/panels/layout_panel.h"
#include "ui/panels/monitors_panel.h"
#include "ui/panels/multiview_panel.h"
#include "ui/panels/sites_panel.h"
#include "ui/picture_view.h"
#include "ui/site_selection.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace hntt;
using hntt::test::decodeAudio;
using hntt::test::meanToneAmplitude;

namespace {

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<core::Session> session;
    qint64 province = 0, district = 0, quangHoa = 0, quangTung = 0;

    bool open() {
        core::SessionOptions o;
        o.dataDir = dir.path();
        o.width = 640;
        o.height = 360;
        session = std::make_unique<core::Session>(o);
        if (!session->open())
            return false;
        auto add = [&](const QString& name, core::SiteLevel level, std::optional<qint64> parent,
                       const QString& colour, int tone) -> qint64 {
            core::SiteRecord s;
            s.name = name;
            s.level = level;
            s.parentId = parent;
            s.sourceUrl = QStringLiteral("test://solid?color=%1&tone=%2").arg(colour).arg(tone);
            auto r = session->createSite(s, QStringLiteral("test"));
            return r ? r->id : 0;
        };
        province = add(QStringLiteral("Sở TTTT Quảng Bình"), core::SiteLevel::Province, std::nullopt,
                       QStringLiteral("ff0000"), 300);
        district = add(QStringLiteral("Huyện Quảng Trạch"), core::SiteLevel::District, province,
                       QStringLiteral("00ff00"), 500);
        quangHoa = add(QStringLiteral("UBND xã Quảng Hòa"), core::SiteLevel::Commune, district,
                       QStringLiteral("0000ff"), 700);
        quangTung = add(QStringLiteral("UBND xã Quảng Tùng"), core::SiteLevel::Commune, district,
                        QStringLiteral("ffffff"), 900);
        return province && district && quangHoa && quangTung;
    }

    bool muted(qint64 id) const {
        return hntt::test::siteJson(*session, id)
            ->value(QStringLiteral("audio"))
            .toObject()
            .value(QStringLiteral("muted"))
            .toBool();
    }
};

bool near(const QColor& c, int r, int g, int b, int tol = 50) {
    return std::abs(c.red() - r) < tol && std::abs(c.green() - g) < tol && std::abs(c.blue() - b) < tol;
}

} // namespace

class TestConsolePanels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void searchIgnoresDiacriticsAndKeepsParents() {
        Fixture f;
        QVERIFY(f.open());
        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        panel.show();
        // The summary follows the sites' links as they come up, not only when the search changes.
        auto* summary = panel.findChild<QLabel*>(QStringLiteral("siteSummary"));
        QTRY_COMPARE_WITH_TIMEOUT(summary->text(), QStringLiteral("4 sites · 4 connected · 0 lost"), 5000);
        QTest::keyClicks(panel.searchBox(), QStringLiteral("quang hoa"));
        QCOMPARE(summary->text(), QStringLiteral("1 of 4 sites match"));
        QVERIFY(!panel.itemFor(f.quangHoa)->isHidden());
        QVERIFY(panel.itemFor(f.quangTung)->isHidden());
        QVERIFY(!panel.itemFor(f.district)->isHidden()); // the way to it stays visible
        QVERIFY(!panel.itemFor(f.province)->isHidden());
        // The first match is selected, and Enter puts it on preview.
        QCOMPARE(selection.current(), f.quangHoa);
        QTest::keyClick(panel.searchBox(), Qt::Key_Return);
        QCOMPARE(QString::fromStdString(f.session->preview().layout), QStringLiteral("single"));
        QCOMPARE(f.session->preview().sites.at(0).value(), f.quangHoa);
        // Capitals and diacritics typed by the operator (through an input method) count the same.
        panel.searchBox()->setText(QStringLiteral("QUẢNG TÙNG"));
        QVERIFY(panel.itemFor(f.quangHoa)->isHidden());
        QVERIFY(!panel.itemFor(f.quangTung)->isHidden());
        panel.searchBox()->clear();
        QVERIFY(!panel.itemFor(f.quangTung)->isHidden());
        f.session->shutdown();
    }

    void muteButtonRemovesThatToneFromTheProgramMix() {
        Fixture f;
        QVERIFY(f.open());
        QVERIFY(f.session->setProgram({"grid-2x2", {f.province, f.district, f.quangHoa, f.quangTung}},
                                      QStringLiteral("test")));
        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        panel.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            hntt::test::siteJson(*f.session, f.district)->value("status").toString() == "connected", 5000);
        auto rec =
            f.session->startRecording(QStringLiteral("mute test"), std::nullopt, QStringLiteral("test"));
        QVERIFY(rec);
        QTest::qWait(2500);
        panel.tree()->setCurrentItem(panel.itemFor(f.district));
        QCOMPARE(selection.current(), f.district);
        auto* mute = panel.findChild<QToolButton*>(QStringLiteral("muteButton"));
        QVERIFY(mute && mute->isEnabled());
        QTest::mouseClick(mute, Qt::LeftButton);
        QVERIFY(f.muted(f.district));
        QVERIFY(mute->isChecked());
        QCOMPARE(panel.itemFor(f.district)->text(2), QStringLiteral("muted"));
        QTest::qWait(2500);
        auto done = f.session->stopRecording(rec->id, QStringLiteral("test"));
        QVERIFY(done);
        const double duration = done->durationS.value_or(0);
        QVERIFY2(duration > 4, qPrintable(QString::number(duration)));
        const std::vector<float> before = decodeAudio(done->path, 0.5, 1.5);
        const std::vector<float> after = decodeAudio(done->path, duration - 1.7, 1.5);
        QVERIFY2(meanToneAmplitude(before, 500) > 0.03,
                 qPrintable(QString::number(meanToneAmplitude(before, 500))));
        QVERIFY2(meanToneAmplitude(after, 500) < 0.005,
                 qPrintable(QString::number(meanToneAmplitude(after, 500))));
        for (int hz : {300, 700, 900})
            QVERIFY2(meanToneAmplitude(after, hz) > 0.03,
                     qPrintable(QStringLiteral("%1 Hz: %2").arg(hz).arg(meanToneAmplitude(after, hz))));
        // M toggles it back (the panel's action carries the key).
        QCOMPARE(panel.muteAction()->shortcut(), QKeySequence(Qt::Key_M));
        panel.muteAction()->trigger();
        QVERIFY(!f.muted(f.district));
        f.session->shutdown();
    }

    void groupActionsAndFloor() {
        Fixture f;
        QVERIFY(f.open());
        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        panel.show();
        selection.select(f.district);
        QCOMPARE(panel.tree()->currentItem(), panel.itemFor(f.district));
        panel.groupMuteAction()->trigger(); // from the "Whole group" menu
        QVERIFY(f.muted(f.district) && f.muted(f.quangHoa) && f.muted(f.quangTung));
        QVERIFY(!f.muted(f.province));
        panel.groupUnmuteAction()->trigger();
        QVERIFY(!f.muted(f.district) && !f.muted(f.quangHoa) && !f.muted(f.quangTung));

        // Bring the district in: it and its communes on preview in a grid that holds them.
        QVERIFY(panel.findChild<QToolButton*>(QStringLiteral("groupButton"))
                    ->menu()
                    ->actions()
                    .contains(panel.groupBringInAction()));
        panel.groupBringInAction()->trigger();
        engine::Composition prev = f.session->preview();
        QCOMPARE(QString::fromStdString(prev.layout), QStringLiteral("grid-2x2"));
        QCOMPARE(prev.sites.size(), std::size_t(3));
        QCOMPARE(prev.sites[0].value(), f.district);

        // "Mute all but the floor" needs a floor first.
        QVERIFY(!panel.muteAllButFloorAction()->isEnabled());
        selection.select(f.quangHoa);
        QTest::mouseClick(panel.findChild<QToolButton*>(QStringLiteral("floorButton")), Qt::LeftButton);
        QCOMPARE(f.session->floor().value_or(0), f.quangHoa);
        QCOMPARE(f.session->program().sites.at(0).value(), f.quangHoa);
        QVERIFY(panel.muteAllButFloorAction()->isEnabled());
        QTest::mouseClick(panel.findChild<QToolButton*>(QStringLiteral("muteAllButFloorButton")),
                          Qt::LeftButton);
        QVERIFY(!f.muted(f.quangHoa));
        QVERIFY(f.muted(f.province) && f.muted(f.district) && f.muted(f.quangTung));
        f.session->shutdown();
    }

    void layoutPickerAndSlotDropAndTake() {
        Fixture f;
        QVERIFY(f.open());
        QVERIFY(f.session->setPreview({"grid-2x2", {f.province, f.district, f.quangHoa, f.quangTung}},
                                      QStringLiteral("test")));
        ui::LayoutPanel layouts(*f.session);
        ui::MonitorsPanel monitors(*f.session);
        layouts.show();
        monitors.resize(900, 300);
        monitors.show();
        QVERIFY(layouts.buttonFor(QStringLiteral("grid-2x2"))->isChecked());
        QCOMPARE(layouts.layoutActions().at(2)->shortcut(), QKeySequence(Qt::Key_F3));

        // Single keeps the first site; grid 3x3 then keeps it too, with room for more.
        QTest::mouseClick(layouts.buttonFor(QStringLiteral("single")), Qt::LeftButton);
        QCOMPARE(QString::fromStdString(f.session->preview().layout), QStringLiteral("single"));
        QCOMPARE(f.session->preview().sites.size(), std::size_t(1));
        QTest::mouseClick(layouts.buttonFor(QStringLiteral("grid-2x2")), Qt::LeftButton);
        QVERIFY(layouts.buttonFor(QStringLiteral("grid-2x2"))->isChecked());

        // A site dropped on the top-right quarter of preview goes into slot 2.
        QString refused;
        connect(&monitors, &ui::MonitorsPanel::problem, this, [&](const QString& m) { refused = m; });
        Q_EMIT monitors.previewView()->siteDropped(f.quangHoa, QPointF(0.75, 0.25));
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        engine::Composition prev = f.session->preview();
        QCOMPARE(prev.sites.size(), std::size_t(2));
        QCOMPARE(prev.sites[1].value(), f.quangHoa);
        // Its picture is there on the preview (blue), the province's (red) top-left.
        auto previewAt = [&](double x, double y) {
            const QImage img = f.session->picture(core::Session::Picture::Preview, QSize(320, 180));
            return img.isNull() ? QColor() : img.pixelColor(int(x * 320), int(y * 180));
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            near(previewAt(0.75, 0.25), 0, 0, 255) && near(previewAt(0.25, 0.25), 255, 0, 0), 5000);

        // Take: preview goes to program.
        QTest::mouseClick(monitors.takeButton(), Qt::LeftButton);
        QCOMPARE(QString::fromStdString(f.session->program().layout), QStringLiteral("grid-2x2"));
        QCOMPARE(f.session->program().sites.at(1).value(), f.quangHoa);
        auto programAt = [&](double x, double y) {
            const QImage img = f.session->picture(core::Session::Picture::Program, QSize(320, 180));
            return img.isNull() ? QColor() : img.pixelColor(int(x * 320), int(y * 180));
        };
        QTRY_VERIFY_WITH_TIMEOUT(near(programAt(0.75, 0.25), 0, 0, 255), 5000);

        // Auto follows the speaker in the core.
        QTest::mouseClick(monitors.autoButton(), Qt::LeftButton);
        QVERIFY(f.session->autoFollowSpeaker());
        QTest::mouseClick(monitors.autoButton(), Qt::LeftButton);
        QVERIFY(!f.session->autoFollowSpeaker());
        f.session->shutdown();
    }

    void multiviewClickDoubleClickAndDigits() {
        Fixture f;
        QVERIFY(f.open());
        ui::SiteSelection selection;
        ui::MultiviewPanel panel(*f.session, selection);
        panel.resize(1280, 760);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Wait for the engine to draw the sites' tiles.
        QTRY_VERIFY_WITH_TIMEOUT(f.session->multiviewPage().sites.size() == 4, 5000);
        ui::PictureView* view = panel.view();
        auto pointOf = [&](qint64 id) -> std::optional<QPoint> {
            const QRect r = view->pictureRect();
            for (int y = r.top(); y < r.bottom(); y += 6)
                for (int x = r.left(); x < r.right(); x += 6)
                    if (f.session->multiviewSiteAt(double(x - r.x()) / r.width(),
                                                   double(y - r.y()) / r.height()) ==
                        std::optional<qint64>(id))
                        return QPoint(x, y);
            return std::nullopt;
        };
        const auto at = pointOf(f.quangTung);
        QVERIFY(at);
        QTest::mouseClick(view, Qt::LeftButton, {}, *at);
        QCOMPARE(selection.current(), f.quangTung);
        QTest::mouseDClick(view, Qt::LeftButton, {}, *at);
        QCOMPARE(f.session->preview().sites.at(0).value(), f.quangTung);
        QCOMPARE(QString::fromStdString(f.session->preview().layout), QStringLiteral("single"));

        // Digit 2: the second tile of the page.
        panel.digitActions().at(1)->trigger();
        QCOMPARE(selection.current(), f.session->multiviewPage().sites.at(1));
        QCOMPARE(panel.digitActions().at(1)->shortcut(), QKeySequence(Qt::Key_2));
        QCOMPARE(panel.digitActions().at(9)->shortcut(), QKeySequence(Qt::Key_0));
        // A digit past the last tile selects nothing new.
        const qint64 before = selection.current();
        panel.digitActions().at(8)->trigger();
        QCOMPARE(selection.current(), before);
        f.session->shutdown();
    }

    void mainWindowKeys() {
        Fixture f;
        QVERIFY(f.open());
        QVERIFY(f.session->setPreview({"single", {f.quangHoa}}, QStringLiteral("test")));
        ui::MainWindow w(*f.session);
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        // Space takes.
        QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(f.session->program().sites.at(0).value(), f.quangHoa);
        // F3 puts preview in grid 2x2, keeping its site.
        QTest::keyClick(&w, Qt::Key_F3);
        QCOMPARE(QString::fromStdString(f.session->preview().layout), QStringLiteral("grid-2x2"));
        // M mutes the selected site.
        w.selection().select(f.quangTung);
        QTest::keyClick(&w, Qt::Key_M);
        QVERIFY(f.muted(f.quangTung));
        // Every key is listed under Help.
        QStringList keys;
        for (const auto& [key, what] : w.shortcutList())
            keys << key;
        for (const QString& k : {QStringLiteral("Space"), QStringLiteral("M"), QStringLiteral("F1"),
                                 QStringLiteral("F8"), QStringLiteral("1"), QStringLiteral("PgDown")})
            QVERIFY2(keys.contains(k), qPrintable(keys.join(QLatin1Char(' '))));
        f.session->shutdown();
    }
};

QTEST_MAIN(TestConsolePanels)
#include "tst_console_panels.moc"
