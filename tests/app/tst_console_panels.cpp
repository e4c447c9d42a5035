// The operator's main panels against a real session with loopback test sources: the sites tree
// (search without diacritics, mute reaching the program mix, group actions, floor), the layout
// picker, preview/program with Take and slot drops, and the multiview's selection by click and
// digit key; SIP calls from the sites list (badge, call, hang up, call all, errors), the site's
// SIP address and the status bar's SIP mark; the keyboard kept with the operator (a search box
// never keeps the console's keys) and an alarm that never changes the tab in front. Each check looks at the
// media or the core's state, not at the widgets alone.
#include "core/session/session.h"
#include "session_fixture.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/call_look.h"
#include "ui/clock_status.h"
#include "ui/elided_label.h"
#include "ui/layout_geometry.h"
#include "ui/load_offer.h"
#include "ui/main_window.h"
#include "ui/operator_focus.h"
#include "ui/panels/join_link_dialog.h"
#include "ui/panels/layout_panel.h"
#include "ui/panels/monitors_panel.h"
#include "ui/panels/multiview_panel.h"
#include "ui/panels/panel_style.h"
#include "ui/panels/site_dialog.h"
#include "ui/panels/sites_panel.h"
#include "ui/picture_view.h"
#include "ui/sip_status.h"
#include "ui/site_selection.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUdpSocket>

using namespace hntt;
using hntt::test::decodeAudio;
using hntt::test::meanToneAmplitude;

namespace {

// A port free for SIP over UDP and TCP alike, on 127.0.0.1.
quint16 freeSipPort() {
    for (int i = 0; i < 50; ++i) {
        const quint16 p = hntt::test::freeUdpPort();
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, p))
            return p;
    }
    return 0;
}

constexpr int kCallColumn = 3;

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<core::Session> session;
    qint64 province = 0, district = 0, quangHoa = 0, quangTung = 0;
    quint16 sipPort = 0; // 0: SIP not enabled

    bool open() {
        core::SessionOptions o;
        o.dataDir = dir.path();
        o.width = 640;
        o.height = 360;
        if (sipPort) {
            o.sipEnabled = true;
            o.sipHost = QStringLiteral("127.0.0.1");
            o.sipPort = sipPort;
        }
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

// A tab behind another is not hidden by QMainWindow but moved out of sight, to the left of and
// above the window.
bool inFront(const QDockWidget* dock) {
    return dock->geometry().right() >= 0 && dock->geometry().bottom() >= 0;
}

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
        // The first match is selected, and Enter adds it to preview in its first free slot: the
        // preview's layout and sites stay.
        QCOMPARE(selection.current(), f.quangHoa);
        QVERIFY(f.session->setPreview({"grid-2x2", {f.province, std::nullopt, f.district}},
                                      QStringLiteral("test")));
        QString refused;
        connect(&panel, &ui::SitesPanel::problem, this, [&](const QString& m) { refused = m; });
        QTest::keyClick(panel.searchBox(), Qt::Key_Return);
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        engine::Composition preview = f.session->preview();
        QCOMPARE(QString::fromStdString(preview.layout), QStringLiteral("grid-2x2"));
        QCOMPARE(preview.sites.size(), std::size_t(3));
        QCOMPARE(preview.sites.at(0).value(), f.province);
        QCOMPARE(preview.sites.at(1).value(), f.quangHoa);
        QCOMPARE(preview.sites.at(2).value(), f.district);
        QTest::keyClick(panel.searchBox(), Qt::Key_Return); // already there: it stays where it is
        QVERIFY(f.session->preview().sites == preview.sites);
        // A full preview is refused with a word, and nothing moves.
        QVERIFY(f.session->setPreview({"single", {f.province}}, QStringLiteral("test")));
        QTest::keyClick(panel.searchBox(), Qt::Key_Return);
        QVERIFY(refused.contains(QStringLiteral("full")));
        QCOMPARE(f.session->preview().sites.size(), std::size_t(1));
        QCOMPARE(f.session->preview().sites.at(0).value(), f.province);
        QCOMPARE(panel.searchBox()->text(), QStringLiteral("quang hoa"));
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
        // The button says what it does next.
        QCOMPARE(mute->text(), QStringLiteral("Unmute"));
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
        QCOMPARE(mute->text(), QStringLiteral("Mute"));
        f.session->shutdown();
    }

    void muteLabelFollowsTheSelectedSite() {
        Fixture f;
        QVERIFY(f.open());
        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        panel.show();
        auto* mute = panel.findChild<QToolButton*>(QStringLiteral("muteButton"));
        selection.select(f.quangHoa);
        QCOMPARE(mute->text(), QStringLiteral("Mute"));
        QTest::mouseClick(mute, Qt::LeftButton);
        QVERIFY(f.muted(f.quangHoa));
        QCOMPARE(mute->text(), QStringLiteral("Unmute"));
        // Another site, unmuted: the label is that site's.
        selection.select(f.quangTung);
        QCOMPARE(mute->text(), QStringLiteral("Mute"));
        // A mute from elsewhere (the API, the audio desk) flips it too.
        QVERIFY(f.session->setSiteAudio(f.quangTung, true, std::nullopt, QStringLiteral("test")));
        QCOMPARE(mute->text(), QStringLiteral("Unmute"));
        selection.select(f.quangHoa);
        QCOMPARE(mute->text(), QStringLiteral("Unmute"));
        QTest::mouseClick(mute, Qt::LeftButton);
        QVERIFY(!f.muted(f.quangHoa));
        QCOMPARE(mute->text(), QStringLiteral("Mute"));
        f.session->shutdown();
    }

    // Each state of a call has its word, colour and tooltip (the same look the list paints).
    void callLookOfEachState() {
        using core::CallView;
        const QDateTime now = QDateTime::currentDateTime();
        CallView c;
        c.remote = QStringLiteral("sip:phonghop@10.20.0.5");
        c.attempt = 1;
        c.since = now;
        c.state = CallView::State::Ringing;
        QCOMPARE(ui::CallLook::text(c, now), QStringLiteral("Ringing…"));
        QCOMPARE(ui::CallLook::color(c), ui::style::kAmber);
        QVERIFY(ui::CallLook::toolTip(c).contains(QStringLiteral("Call to sip:phonghop@10.20.0.5")));

        c.state = CallView::State::Connected;
        c.audioCodec = QStringLiteral("G722");
        c.videoCodec = QStringLiteral("H264");
        c.packetizationMode = 1;
        c.width = 1280;
        c.height = 720;
        c.tier = QStringLiteral("720p");
        c.lossPct = 0.4;
        c.jitterMs = 12.4;
        QCOMPARE(ui::CallLook::text(c, now), QStringLiteral("Connected"));
        QCOMPARE(ui::CallLook::color(c), ui::style::kGreen);
        const QString tip = ui::CallLook::toolTip(c);
        for (const char* part :
             {"Audio: G722", "Video: H264, packetization mode 1", "Pictures received: 1280×720",
              "Receives the program at: 720p", "Loss: 0.4 % · jitter: 12 ms"})
            QVERIFY2(tip.contains(QString::fromUtf8(part)), qPrintable(tip));

        c.onHold = true;
        QCOMPARE(ui::CallLook::text(c, now), QStringLiteral("On hold"));
        QCOMPARE(ui::CallLook::color(c), ui::style::kAmber);

        c.onHold = false;
        c.state = CallView::State::Ended;
        c.reason = QStringLiteral("Busy Here");
        QCOMPARE(ui::CallLook::text(c, now), QStringLiteral("Ended"));
        QCOMPARE(ui::CallLook::color(c), ui::style::kRed);
        QVERIFY(ui::CallLook::toolTip(c).contains(QStringLiteral("Reason: Busy Here")));

        c.attempt = 2;
        c.redialAt = now.addSecs(8);
        QCOMPARE(ui::CallLook::text(c, now), QStringLiteral("Redial in 8 s · try 3"));
        QCOMPARE(ui::CallLook::text(c, now.addSecs(5)), QStringLiteral("Redial in 3 s · try 3"));
        QCOMPARE(ui::CallLook::color(c), ui::style::kAmber);

        c.direction = CallView::Direction::In;
        c.state = CallView::State::Ringing;
        c.redialAt = {};
        QVERIFY(ui::CallLook::toolTip(c).startsWith(QStringLiteral("Call from sip:phonghop@10.20.0.5")));
    }

    // A site's join link in the console: the link to copy, a QR code of it, the reason browsers
    // cannot join yet; a new link replaces it.
    void joinLinkToCopyAndScan() {
        Fixture f;
        QVERIFY(f.open());
        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        selection.select(f.quangHoa);
        // Without a join page there is no link, and the dialog says why.
        {
            ui::JoinLinkDialog dialog(*f.session, f.quangHoa);
            QVERIFY(dialog.urlField()->text().isEmpty());
            QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("--web-listen off")));
            QVERIFY(!dialog.copyButton()->isEnabled());
        }
        f.session->setJoinBase(QStringLiteral("https://10.20.0.2:8471"));
        ui::JoinLinkDialog dialog(*f.session, f.quangHoa);
        const QString url = dialog.urlField()->text();
        QVERIFY2(url.startsWith(QStringLiteral("https://10.20.0.2:8471/join/")) && url.size() > 40,
                 qPrintable(url));
        QCOMPARE(f.session->joinLink(f.quangHoa).value(), url);
        // Browsers cannot join on this console (no Janus): said, not hidden.
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("--janus off")));
        // A QR code: square, black modules on white, with its quiet zone.
        const QImage qr = dialog.qrCode()->pixmap().toImage();
        QVERIFY(!qr.isNull());
        QCOMPARE(qr.width(), qr.height());
        QCOMPARE(qr.pixelColor(2, 2), QColor(Qt::white));
        int dark = 0;
        for (int y = 0; y < qr.height(); y += 3)
            for (int x = 0; x < qr.width(); x += 3)
                dark += qGray(qr.pixel(x, y)) < 128;
        QVERIFY(dark > 100);
        QVERIFY(ui::JoinLinkDialog::qrImage(url, 240).width() >= 240 - 40);
        QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), url);
        dialog.show();
        QVERIFY(hntt::test::saveScreenshot(dialog, QStringLiteral("join-link-dialog")));
        // A new link: the old secret no longer names the site.
        const QString secret = url.mid(url.lastIndexOf(QLatin1Char('/')) + 1);
        QVERIFY(f.session->joinSite(secret));
        QVERIFY(f.session->rotateJoinLink(f.quangHoa, QStringLiteral("ui")));
        QCOMPARE(f.session->joinSite(secret).error().code, core::Error::Code::NotFound);
        QVERIFY(ui::JoinLinkDialog(*f.session, f.quangHoa).urlField()->text() != url);
    }

    // A room system that does not answer: Call rings, the call ends with the core's reason and a
    // redial is counted down; Hang up stops the redial.
    void callAndHangUpFromTheList() {
        Fixture f;
        f.sipPort = freeSipPort();
        QVERIFY(f.sipPort);
        QVERIFY(f.open());
        QVERIFY(f.session->sipListening());
        const quint16 closed = hntt::test::freeTcpPort();
        const QString uri = QStringLiteral("sip:room@127.0.0.1:%1;transport=tcp").arg(closed);
        core::SitePatch patch;
        patch.sipUri = uri;
        QVERIFY(f.session->updateSite(f.quangHoa, patch, QStringLiteral("test")));

        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        panel.show();
        QTreeWidgetItem* row = panel.itemFor(f.quangHoa);
        QCOMPARE(row->text(kCallColumn), QStringLiteral("not called"));
        QVERIFY(row->toolTip(kCallColumn).contains(uri));
        auto* callButton = panel.findChild<QToolButton*>(QStringLiteral("callButton"));
        auto* hangupButton = panel.findChild<QToolButton*>(QStringLiteral("hangupButton"));
        auto* summary = panel.findChild<QLabel*>(QStringLiteral("callSummary"));
        QVERIFY(callButton && hangupButton && summary);
        QVERIFY(callButton->isVisible());
        QCOMPARE(summary->text(), QStringLiteral("SIP calls: 0 of 1 connected"));

        // A site without an address cannot be called.
        selection.select(f.quangTung);
        QVERIFY(!callButton->isEnabled());
        QVERIFY(!hangupButton->isEnabled());

        selection.select(f.quangHoa);
        QVERIFY(callButton->isEnabled());
        QVERIFY(!hangupButton->isEnabled());
        QTest::mouseClick(callButton, Qt::LeftButton);
        QVERIFY(f.session->site(f.quangHoa)->call.has_value());
        QCOMPARE(row->text(kCallColumn), QStringLiteral("Ringing…"));
        QVERIFY(row->toolTip(kCallColumn).contains(QStringLiteral("Call to ") + uri));
        QVERIFY(!callButton->isEnabled()); // the core would refuse a second call
        QVERIFY(hangupButton->isEnabled());
        QCOMPARE(summary->text(), QStringLiteral("SIP calls: 0 of 1 connected · 1 ringing"));

        // Nobody listens there: the call ends with a reason and is dialled again later.
        QTRY_VERIFY_WITH_TIMEOUT(row->text(kCallColumn).startsWith(QStringLiteral("Redial in ")), 20000);
        QVERIFY2(row->text(kCallColumn).endsWith(QStringLiteral("· try 2")),
                 qPrintable(row->text(kCallColumn)));
        const auto ended = f.session->site(f.quangHoa)->call;
        QVERIFY(ended && ended->state == core::CallView::State::Ended && ended->redialAt.isValid());
        QVERIFY(!ended->reason.isEmpty());
        QVERIFY2(row->toolTip(kCallColumn).contains(QStringLiteral("Reason: ") + ended->reason),
                 qPrintable(row->toolTip(kCallColumn)));
        QVERIFY(hangupButton->isEnabled()); // stops the redial
        QVERIFY(summary->text().contains(QStringLiteral("1 redialling")));

        QTest::mouseClick(hangupButton, Qt::LeftButton);
        const auto stopped = f.session->site(f.quangHoa)->call;
        QVERIFY(stopped && stopped->state == core::CallView::State::Ended && !stopped->redialAt.isValid());
        QCOMPARE(row->text(kCallColumn), QStringLiteral("Ended"));
        QVERIFY(!row->toolTip(kCallColumn).contains(QStringLiteral("Calling again")));
        QVERIFY(callButton->isEnabled());
        QVERIFY(!hangupButton->isEnabled());
        QCOMPARE(summary->text(), QStringLiteral("SIP calls: 0 of 1 connected · 1 ended"));

        // Every SIP site at once, from the list's own button: the one SIP site rings again.
        QSignalSpy problems(&panel, &ui::SitesPanel::problem);
        QTest::mouseClick(panel.findChild<QToolButton*>(QStringLiteral("callAllButton")), Qt::LeftButton);
        QCOMPARE(problems.count(), 0);
        QVERIFY(f.session->site(f.quangHoa)->call->state == core::CallView::State::Ringing);
        QVERIFY(row->text(kCallColumn).startsWith(QStringLiteral("Ringing…")));
        // Again while it rings: nothing to call, and the panel says so.
        panel.callAllAction()->trigger();
        QCOMPARE(problems.count(), 1);
        QVERIFY(f.session->hangupSite(f.quangHoa, QStringLiteral("test")));
        // Ended before the session closes: no request of it is still under way.
        QTRY_VERIFY_WITH_TIMEOUT(f.session->site(f.quangHoa)->call->state == core::CallView::State::Ended,
                                 20000);
        f.session->shutdown();
    }

    // A meeting runs: "Call every SIP site" calls its SIP sites, not the rest of the directory, and
    // the progress counts them.
    void callEverySipSiteOfTheMeeting() {
        Fixture f;
        f.sipPort = freeSipPort();
        QVERIFY(f.sipPort);
        QVERIFY(f.open());
        const auto withSip = [&](qint64 id, const QString& user) {
            core::SitePatch patch;
            patch.sipUri = QStringLiteral("sip:%1@127.0.0.1:%2").arg(user).arg(hntt::test::freeUdpPort());
            return bool(f.session->updateSite(id, patch, QStringLiteral("test")));
        };
        QVERIFY(withSip(f.quangHoa, QStringLiteral("quanghoa")));
        QVERIFY(withSip(f.quangTung, QStringLiteral("quangtung")));
        QVERIFY(withSip(f.district, QStringLiteral("quangtrach")));
        const qint64 meeting =
            hntt::test::scheduleToday(*f.session, QStringLiteral("Họp khẩn phòng chống lụt bão"), f.province,
                                      {f.quangHoa, f.quangTung});
        QVERIFY(meeting);
        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        panel.show();
        auto* summary = panel.findChild<QLabel*>(QStringLiteral("callSummary"));
        QCOMPARE(summary->text(), QStringLiteral("SIP calls: 0 of 3 connected")); // the directory's
        QVERIFY(f.session->startMeeting(meeting, QStringLiteral("test")));
        QCOMPARE(panel.sipScope(), (QList<qint64>{f.quangHoa, f.quangTung}));
        QCOMPARE(summary->text(), QStringLiteral("SIP calls: 0 of 2 connected"));
        QSignalSpy problems(&panel, &ui::SitesPanel::problem);
        QTest::mouseClick(panel.findChild<QToolButton*>(QStringLiteral("callAllButton")), Qt::LeftButton);
        QCOMPARE(problems.count(), 0);
        QVERIFY(f.session->site(f.quangHoa)->call.has_value());
        QVERIFY(f.session->site(f.quangTung)->call.has_value());
        QVERIFY(!f.session->site(f.district)->call.has_value()); // not in the meeting
        QVERIFY(panel.itemFor(f.quangHoa)->text(kCallColumn).startsWith(QStringLiteral("Ringing…")));
        QCOMPARE(summary->text(), QStringLiteral("SIP calls: 0 of 2 connected · 2 ringing"));
        for (const qint64 id : {f.quangHoa, f.quangTung}) {
            QVERIFY(f.session->hangupSite(id, QStringLiteral("test")));
            QTRY_VERIFY_WITH_TIMEOUT(f.session->site(id)->call->state == core::CallView::State::Ended, 20000);
        }
        f.session->shutdown();
    }

    // With SIP off, Call is refused by the core and the panel says why (no silent no-op).
    void callRefusedWhenSipIsOff() {
        Fixture f;
        QVERIFY(f.open());
        core::SitePatch patch;
        patch.sipUri = QStringLiteral("sip:room@127.0.0.1:9");
        QVERIFY(f.session->updateSite(f.district, patch, QStringLiteral("test")));
        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        panel.show();
        selection.select(f.district);
        QSignalSpy problems(&panel, &ui::SitesPanel::problem);
        auto* callButton = panel.findChild<QToolButton*>(QStringLiteral("callButton"));
        QVERIFY(callButton->isVisible() && callButton->isEnabled());
        QTest::mouseClick(callButton, Qt::LeftButton);
        QCOMPARE(problems.count(), 1);
        QVERIFY2(problems.at(0).at(0).toString().contains(QStringLiteral("SIP is off")),
                 qPrintable(problems.at(0).at(0).toString()));
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("siteSummary"))->text(),
                 problems.at(0).at(0).toString());
        QVERIFY(!f.session->site(f.district)->call.has_value());
        // Calling every SIP site reports it once.
        panel.callAllAction()->trigger();
        QCOMPARE(problems.count(), 2);
        QVERIFY(problems.at(1).at(0).toString().startsWith(QStringLiteral("1 site(s) could not be called")));
        f.session->shutdown();
    }

    // The SIP address is edited with the site; the core's refusal shows in the dialog.
    void sipAddressInTheSiteDialog() {
        Fixture f;
        QVERIFY(f.open());
        ui::SiteSelection selection;
        ui::SitesPanel panel(*f.session, selection);
        ui::SiteDialog dialog(*f.session, f.quangTung);
        dialog.show();
        QLineEdit* sip = dialog.sipField();
        QCOMPARE(sip->placeholderText(), QStringLiteral("sip:phonghop@10.20.0.5"));
        QVERIFY(dialog.errorLabel()->isHidden());
        sip->setText(QStringLiteral("phonghop@10.20.0.5"));
        dialog.accept();
        QVERIFY(dialog.isVisible()); // stays open with the reason
        QVERIFY(!dialog.errorLabel()->isHidden());
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("is not a SIP address")),
                 qPrintable(dialog.errorLabel()->text()));
        QVERIFY(f.session->siteRecord(f.quangTung)->sipUri.isEmpty());
        // Typing clears it; a good address is saved and the list shows a SIP site.
        QTest::keyClicks(sip, QStringLiteral("x"));
        QVERIFY(dialog.errorLabel()->isHidden());
        sip->setText(QStringLiteral("sip:phonghop@10.20.0.5"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(f.session->siteRecord(f.quangTung)->sipUri, QStringLiteral("sip:phonghop@10.20.0.5"));
        QCOMPARE(panel.itemFor(f.quangTung)->text(kCallColumn), QStringLiteral("not called"));
        // The same address on a second site is a conflict, shown the same way.
        ui::SiteDialog second(*f.session, f.quangHoa);
        second.show();
        second.sipField()->setText(QStringLiteral("sip:phonghop@10.20.0.5"));
        second.accept();
        QVERIFY(second.isVisible());
        QVERIFY2(second.errorLabel()->text().contains(QStringLiteral("already site")),
                 qPrintable(second.errorLabel()->text()));
        f.session->shutdown();
    }

    // The status bar's SIP mark: where it listens, red with the reason when it cannot, hidden when
    // SIP is not enabled.
    void sipStatusMark() {
        {
            Fixture f;
            f.sipPort = freeSipPort();
            QVERIFY(f.open());
            ui::SipStatus mark(*f.session);
            QCOMPARE(mark.text(), QStringLiteral("SIP: 127.0.0.1:%1").arg(f.sipPort));
            QVERIFY(!mark.isHidden());
            f.session->shutdown();
        }
        {
            Fixture f;
            f.sipPort = freeSipPort();
            // Someone else holds the port.
            QUdpSocket udp;
            QVERIFY(udp.bind(QHostAddress::LocalHost, f.sipPort, QUdpSocket::DontShareAddress));
            QTcpServer tcp;
            QVERIFY(tcp.listen(QHostAddress::LocalHost, f.sipPort));
            QVERIFY(f.open());
            QVERIFY(!f.session->sipListening());
            QVERIFY(!f.session->sipProblem().isEmpty());
            ui::SipStatus mark(*f.session);
            QCOMPARE(mark.text(), QStringLiteral("SIP off"));
            QVERIFY2(mark.toolTip().contains(f.session->sipProblem()), qPrintable(mark.toolTip()));
            QVERIFY(!mark.isHidden());
            // The window shows it, and counts the sip.off alarm raised before it existed.
            ui::MainWindow w(*f.session);
            auto* windowMark = w.findChild<ui::SipStatus*>(QStringLiteral("sipStatus"));
            QVERIFY(windowMark);
            QCOMPARE(windowMark->text(), QStringLiteral("SIP off"));
            QCOMPARE(w.findChild<QLabel*>(QStringLiteral("alarmStatus"))->text(),
                     QStringLiteral("⚠ 1 alarm(s)"));
            f.session->shutdown();
        }
        {
            Fixture f;
            QVERIFY(f.open());
            ui::SipStatus mark(*f.session);
            QVERIFY(mark.isHidden());
            f.session->shutdown();
        }
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
        // The floor goes to preview first: nothing reaches the air before TAKE.
        auto* floorButton = panel.findChild<QToolButton*>(QStringLiteral("floorButton"));
        QVERIFY(panel.floorAction()->text().contains(QStringLiteral("preview")));
        selection.select(f.quangHoa);
        const engine::Composition before = f.session->program();
        QTest::mouseClick(floorButton, Qt::LeftButton);
        QVERIFY(!f.session->floor());
        QVERIFY(f.session->program() == before);
        QCOMPARE(QString::fromStdString(f.session->preview().layout), QStringLiteral("focus-1+7"));
        QCOMPARE(f.session->preview().sites.at(0).value(), f.quangHoa);
        QCOMPARE(f.session->preparedFloor().value_or(0), f.quangHoa);
        f.session->take(QStringLiteral("test"));
        QCOMPARE(f.session->floor().value_or(0), f.quangHoa);
        QCOMPARE(f.session->program().sites.at(0).value(), f.quangHoa);
        QVERIFY(!f.session->preparedFloor());
        // A prepared floor whose preview is changed before TAKE is not given.
        selection.select(f.quangTung);
        QTest::mouseClick(floorButton, Qt::LeftButton);
        QCOMPARE(f.session->preparedFloor().value_or(0), f.quangTung);
        QVERIFY(f.session->setPreview({"single", {f.province}}, QStringLiteral("test")));
        QVERIFY(!f.session->preparedFloor());
        f.session->take(QStringLiteral("test"));
        QCOMPARE(f.session->floor().value_or(0), f.quangHoa);

        // Straight to program, as an explicit mode the action names: F9 puts it on air at once.
        panel.floorStraightToProgramAction()->setChecked(true);
        QVERIFY(f.session->settings().floorStraightToProgram());
        QVERIFY(panel.floorAction()->text().contains(QStringLiteral("on air")));
        selection.select(f.quangTung);
        QTest::mouseClick(floorButton, Qt::LeftButton);
        QCOMPARE(f.session->floor().value_or(0), f.quangTung);
        QCOMPARE(f.session->program().sites.at(0).value(), f.quangTung);
        QVERIFY(panel.muteAllButFloorAction()->isEnabled());
        QTest::mouseClick(panel.findChild<QToolButton*>(QStringLiteral("muteAllButFloorButton")),
                          Qt::LeftButton);
        QVERIFY(!f.muted(f.quangTung));
        QVERIFY(f.muted(f.province) && f.muted(f.district) && f.muted(f.quangHoa));
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
        QVERIFY(!layouts.buttonFor(QStringLiteral("single"))->isChecked());
        // Every button still shows its F-key after use, and the current layout is drawn apart.
        for (QAction* a : layouts.layoutActions().mid(0, 8))
            QVERIFY2(layouts.buttonFor(a->data().toString())->text().contains(a->shortcut().toString()),
                     qPrintable(layouts.buttonFor(a->data().toString())->text()));
        auto middle = [](QToolButton* b) { return b->grab().toImage().pixelColor(b->width() / 2, 1); };
        QVERIFY(middle(layouts.buttonFor(QStringLiteral("grid-2x2"))) !=
                middle(layouts.buttonFor(QStringLiteral("single"))));

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

        // Two of its four slots are empty: the preview's caption says so before TAKE, and TAKE
        // says what went on air.
        // A monitor's whole caption (its label may show it cut), found by how it starts.
        auto captionOf = [&monitors](const QString& start) {
            for (const auto* e : monitors.findChildren<const QLabel*>())
                if (const auto* label = dynamic_cast<const ui::ElidedLabel*>(e);
                    label && label->fullText().startsWith(start))
                    return label->fullText();
            return QString();
        };
        auto caption = [&] { return captionOf(QStringLiteral("PREVIEW")); };
        QCOMPARE(caption(), QStringLiteral("PREVIEW · grid-2x2 · ⚠ 2 empty slot(s)"));
        QVERIFY(monitors.takeButton()->toolTip().contains(QStringLiteral("empty")));

        // TAKE with empty slots waits for a second TAKE (the default): program unchanged, the
        // button amber and saying so.
        const engine::Composition before = f.session->program();
        QVERIFY(monitors.confirmEmptySlotsAction()->isChecked());
        QTest::mouseClick(monitors.takeButton(), Qt::LeftButton);
        QVERIFY2(refused.startsWith(QStringLiteral("Preview has 2 empty slot(s)")), qPrintable(refused));
        QCOMPARE(f.session->program().layout, before.layout);
        QCOMPARE(monitors.takeButton()->text(), QStringLiteral("TAKE AGAIN"));
        // A change of preview asks again.
        QVERIFY(f.session->setPreview(f.session->preview(), QStringLiteral("test")));
        QTRY_COMPARE(monitors.takeButton()->text(), QStringLiteral("TAKE"));
        QTest::mouseClick(monitors.takeButton(), Qt::LeftButton);
        QCOMPARE(f.session->program().layout, before.layout);
        // The second TAKE puts preview on program, and says what went on air.
        QTest::mouseClick(monitors.takeButton(), Qt::LeftButton);
        QVERIFY2(refused.startsWith(QStringLiteral("Taken with 2 empty slot(s)")), qPrintable(refused));
        QCOMPARE(monitors.takeButton()->text(), QStringLiteral("TAKE"));
        QCOMPARE(QString::fromStdString(f.session->program().layout), QStringLiteral("grid-2x2"));
        QCOMPARE(f.session->program().sites.at(1).value(), f.quangHoa);
        auto programAt = [&](double x, double y) {
            const QImage img = f.session->picture(core::Session::Picture::Program, QSize(320, 180));
            return img.isNull() ? QColor() : img.pixelColor(int(x * 320), int(y * 180));
        };
        QTRY_VERIFY_WITH_TIMEOUT(near(programAt(0.75, 0.25), 0, 0, 255), 5000);

        // The other choice, saved: one TAKE puts the background on air at once.
        monitors.confirmEmptySlotsAction()->setChecked(false);
        QVERIFY(!f.session->settings().confirmEmptySlots());
        QVERIFY(f.session->setPreview({"grid-2x2", {f.quangHoa}}, QStringLiteral("test")));
        refused.clear();
        QTest::mouseClick(monitors.takeButton(), Qt::LeftButton);
        QVERIFY2(refused.startsWith(QStringLiteral("Taken with 3 empty slot(s)")), qPrintable(refused));
        QCOMPARE(f.session->program().sites.at(0).value(), f.quangHoa);
        QVERIFY(f.session->program().sites.size() < 2 || !f.session->program().sites.at(1));
        monitors.confirmEmptySlotsAction()->setChecked(true);

        // Auto follows the speaker in the core.
        QTest::mouseClick(monitors.autoButton(), Qt::LeftButton);
        QVERIFY(f.session->autoFollowSpeaker());
        QTest::mouseClick(monitors.autoButton(), Qt::LeftButton);
        QVERIFY(!f.session->autoFollowSpeaker());

        // The floor is named on the program's caption.
        auto programCaption = [&] { return captionOf(QStringLiteral("PROGRAM")); };
        QVERIFY(!programCaption().contains(QStringLiteral("FLOOR")));
        QVERIFY(f.session->giveFloor(f.quangHoa, QStringLiteral("test")));
        QTRY_VERIFY(programCaption().endsWith(
            QStringLiteral(" · FLOOR: %1").arg(f.session->siteRecord(f.quangHoa)->name)));
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

    // The console's single keys act everywhere but in a text field being typed in: the window
    // opens with the keys on the console, Esc leaves the search box, a click on the multiview
    // takes them back, and which tab is in front (Meetings over Sites) does not matter. Keys are
    // sent where a keyboard sends them: to the widget that has the focus.
    void keysStayWithTheOperator() {
        Fixture f;
        QVERIFY(f.open());
        QVERIFY(f.session->setPreview({"single", {f.quangHoa}}, QStringLiteral("test")));
        ui::MainWindow w(*f.session);
        w.resize(1920, 1080);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        const auto press = [&w](int key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
            QWidget* to = QApplication::focusWidget();
            QTest::keyClick(to ? to : &w, Qt::Key(key), mods);
        };
        auto* search = w.findChild<QLineEdit*>(QStringLiteral("siteSearch"));
        auto* cue = w.findChild<ui::OperatorFocus*>(QStringLiteral("typingCue"));
        QVERIFY(search && cue);

        // Opened: the keys are the console's, and the first Space takes.
        QVERIFY2(!ui::OperatorFocus::isTextField(QApplication::focusWidget()),
                 qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                        : QStringLiteral("none")));
        QVERIFY(cue->isHidden());
        press(Qt::Key_Space);
        QCOMPARE(f.session->program().sites.at(0).value(), f.quangHoa);

        // Ctrl+F: typing goes into the search box, and the cue says so.
        w.selection().select(f.quangTung);
        press(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), search);
        QTRY_VERIFY(cue->isVisible());
        press(Qt::Key_M);
        press(Qt::Key_1);
        QCOMPARE(search->text(), QStringLiteral("m1"));
        QVERIFY(!f.muted(f.quangTung));
        // Esc: out of the box, the text kept; M mutes again.
        press(Qt::Key_Escape);
        QVERIFY(QApplication::focusWidget() != search);
        QVERIFY(cue->isHidden());
        QCOMPARE(search->text(), QStringLiteral("m1"));
        search->clear();
        w.selection().select(f.quangTung);
        press(Qt::Key_M);
        QVERIFY(f.muted(f.quangTung));

        // Back in the box; a click on the multiview takes the keys back.
        press(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), search);
        ui::PictureView* wall = w.findChild<ui::MultiviewPanel*>()->view();
        QTest::mouseClick(wall, Qt::LeftButton, {}, QPoint(2, 2));
        QVERIFY(QApplication::focusWidget() != search);
        QVERIFY(cue->isHidden());
        w.selection().select(f.quangTung);
        press(Qt::Key_M);
        QVERIFY(!f.muted(f.quangTung));
        QVERIFY(search->text().isEmpty());

        // The Meetings tab in front of the Sites tab: M still mutes the selected site.
        auto* meetings = w.findChild<QDockWidget*>(QStringLiteral("meetingPanelDock"));
        auto* sitesDock = w.findChild<QDockWidget*>(QStringLiteral("sitesPanelDock"));
        QVERIFY(meetings && sitesDock);
        meetings->raise();
        QTRY_VERIFY(inFront(meetings) && !inFront(sitesDock));
        w.selection().select(f.quangTung);
        press(Qt::Key_M);
        QVERIFY(f.muted(f.quangTung));
        f.session->shutdown();
    }

    // The clock's counters in the status bar: plain while the program keeps time, amber when a
    // few ticks are skipped, red past 2 % of them, plain again after ten seconds on time; the
    // hover says what the counters mean and what to do.
    void clockCountersExplainAndColour() {
        ui::ClockStatus status;
        engine::ClockStats c;
        auto second = [&](std::uint64_t ticks, std::uint64_t late, std::uint64_t skipped) {
            c.ticks += ticks;
            c.lateTicks += late;
            c.skippedTicks += skipped;
            status.report(c, 25);
        };
        for (int i = 0; i < 11; ++i)
            second(25, 0, 0);
        QCOMPARE(status.health(), ui::ClockStatus::Health::OnTime);
        QVERIFY(status.styleSheet().isEmpty());
        QVERIFY(status.toolTip().contains(QStringLiteral("keeps time")));
        QVERIFY(status.toolTip().contains(QStringLiteral("Skipped: ticks passed over")));

        second(24, 1, 1);
        QCOMPARE(status.health(), ui::ClockStatus::Health::Strained);
        QCOMPARE(status.text(), QStringLiteral("Clock: 1 late, 1 skipped"));
        QVERIFY(status.styleSheet().contains(QStringLiteral("#e3a008")));

        second(15, 15, 10); // 11 of ~260 deadlines in ten seconds
        QCOMPARE(status.health(), ui::ClockStatus::Health::Behind);
        QVERIFY(status.styleSheet().contains(QStringLiteral("#c62828")));
        QVERIFY(status.toolTip().contains(QStringLiteral("Lower the load")));

        for (int i = 0; i < 9; ++i)
            second(25, 0, 0);
        QCOMPARE(status.health(), ui::ClockStatus::Health::Behind); // the skips still in the ten seconds
        second(25, 0, 0);
        QCOMPARE(status.health(), ui::ClockStatus::Health::OnTime);
        QCOMPARE(status.text(), QStringLiteral("Clock: 16 late, 11 skipped")); // totals since start
        QVERIFY(status.styleSheet().isEmpty());
    }

    // The remedy where the problem shows: beside the clock, "Lower the load" appears once the
    // program falls behind and switches the lighter load on (engine, settings); while it is on the
    // button stays, to be seen and undone; the View menu's action is the same switch.
    void lowerTheLoadIsOfferedBesideTheClock() {
        Fixture f;
        QVERIFY(f.open());
        ui::MainWindow w(*f.session);
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* offer = w.findChild<ui::LoadOffer*>(QStringLiteral("lowerLoad"));
        auto* action = w.findChild<QAction*>(QStringLiteral("lightLoad"));
        QVERIFY(offer && action);
        QVERIFY(!f.session->lightLoad());
        offer->report(ui::ClockStatus::Health::OnTime);
        QVERIFY(offer->isHidden());
        offer->report(ui::ClockStatus::Health::Strained);
        QVERIFY(offer->isHidden());
        offer->report(ui::ClockStatus::Health::Behind);
        QVERIFY(!offer->isHidden());
        QCOMPARE(offer->text(), QStringLiteral("Lower the load"));
        QTest::mouseClick(offer, Qt::LeftButton);
        QVERIFY(f.session->lightLoad());
        QVERIFY(f.session->settings().lightLoad());
        QVERIFY(action->isChecked());
        QCOMPARE(offer->text(), QStringLiteral("Light load"));
        offer->report(ui::ClockStatus::Health::OnTime);
        QVERIFY(!offer->isHidden()); // on: still there, to be undone
        // Logged as what it is.
        auto events = f.session->eventLog().query();
        QVERIFY(events && !events->isEmpty() && events->first().action == QStringLiteral("load.light"));
        // The menu's action switches it off; the offer goes with the clock on time.
        action->trigger();
        QVERIFY(!f.session->lightLoad());
        QVERIFY(!f.session->settings().lightLoad());
        QVERIFY(offer->isHidden());
        // A console started with it saved starts light, and its window says so.
        action->trigger();
        f.session->shutdown();
        core::SessionOptions o;
        o.dataDir = f.dir.path();
        o.width = 320;
        o.height = 180;
        core::Session again(o);
        QVERIFY(again.open());
        QVERIFY(again.lightLoad());
        ui::MainWindow w2(again);
        QVERIFY(w2.findChild<QAction*>(QStringLiteral("lightLoad"))->isChecked());
        QVERIFY(!w2.findChild<ui::LoadOffer*>(QStringLiteral("lowerLoad"))->isHidden());
        again.shutdown();
    }

    // A site of a 200-character name selected: the window keeps its width at 1920x1080 and at
    // 1366x768, TAKE stays whole on screen, and the cut name is there whole in a tooltip.
    void longNamesNeverWidenTheWindow_data() {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }
    void longNamesNeverWidenTheWindow() {
        QFETCH(QSize, screen);
        Fixture f;
        QVERIFY(f.open());
        QString name = QStringLiteral("UBND xã Quảng Hòa");
        while (name.size() < 200)
            name += QStringLiteral(" – Điểm cầu Quảng Hòa");
        name.truncate(200);
        core::SitePatch patch;
        patch.name = name;
        QVERIFY(f.session->updateSite(f.quangHoa, patch, QStringLiteral("test")));
        ui::MainWindow w(*f.session);
        w.resize(screen);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.width(), screen.width());
        w.selection().select(f.quangHoa);
        QTest::qWait(200);
        QCOMPARE(w.width(), screen.width());
        QCOMPARE(w.height(), screen.height());
        // Its floor prepared with F9 (the sites panel says so, naming it) and named on preview's
        // caption, then given and named on program's: the texts wrap or are cut, not the window.
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_F9);
        QTRY_COMPARE(f.session->preparedFloor().value_or(0), f.quangHoa);
        QTest::qWait(200);
        QCOMPARE(w.width(), screen.width());
        QVERIFY(f.session->giveFloor(f.quangHoa, QStringLiteral("test")));
        QTest::qWait(200);
        QCOMPARE(w.width(), screen.width());
        auto* take = w.findChild<QPushButton*>(QStringLiteral("takeButton"));
        QVERIFY(take && take->isVisible());
        const QRect onWindow(take->mapTo(&w, QPoint(0, 0)), take->size());
        QVERIFY2(w.rect().contains(onWindow), qPrintable(QStringLiteral("TAKE at %1,%2 %3x%4")
                                                             .arg(onWindow.x())
                                                             .arg(onWindow.y())
                                                             .arg(onWindow.width())
                                                             .arg(onWindow.height())));
        auto* selected = w.findChild<QLabel*>(QStringLiteral("selectedSite"));
        QVERIFY(selected);
        QVERIFY(selected->text().endsWith(QStringLiteral("…")));
        QVERIFY(selected->toolTip().contains(name));
        f.session->shutdown();
    }

    // An alarm counts in the status bar and the alarms tab's title, and never brings that tab over
    // the one in front (the recording panel, with its Stop button under the operator's pointer).
    void alarmLeavesTheTabInFront() {
        Fixture f;
        QVERIFY(f.open());
        ui::MainWindow w(*f.session);
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* recording = w.findChild<QDockWidget*>(QStringLiteral("recordingPanelDock"));
        auto* alarms = w.findChild<QDockWidget*>(QStringLiteral("alarmsPanelDock"));
        QVERIFY(recording && alarms);
        QTRY_VERIFY(inFront(recording) && !inFront(alarms));
        f.session->accessRefused(
            {core::Session::AccessRefusal::Kind::FailedLogins, QStringLiteral("192.0.2.7"), 5, false});
        QTRY_COMPARE(w.findChild<QLabel*>(QStringLiteral("alarmStatus"))->text(),
                     QStringLiteral("⚠ 1 alarm(s)"));
        QVERIFY(alarms->windowTitle().contains(QStringLiteral("(1)")));
        QTest::qWait(300);
        QVERIFY(inFront(recording));
        QVERIFY(!inFront(alarms));
        f.session->shutdown();
    }
};

QTEST_MAIN(TestConsolePanels)
#include "tst_console_panels.moc"
