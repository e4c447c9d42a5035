// The recordings library's meeting archive actions under the offscreen platform, over a real
// Session in a temporary data folder: two test:// sites recorded for about three seconds. Export
// is clicked as an operator would; the archive it makes is checked with verifyArchive and the
// openssl-made certificate's signature; cancel, refusals and the verify action's verdicts on an
// intact and on a tampered archive are shown in the window.
#include "archive_forgery.h"
#include "core/archive/archive_verifier.h"
#include "core/jobs/job_queue.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "modal_answer.h"
#include "session_wire.h"
#include "test_support.h"
#include "ui/review/archive_export_bar.h"
#include "ui/review/archive_settings_dialog.h"
#include "ui/review/library_window.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <memory>

// Qt's offscreen backing store and font libraries allocate inside system libraries built without
// frame pointers; full unwinding lets tests/lsan.supp match them. (Only read by sanitizer builds.)
extern "C" const char* __asan_default_options() {
    return "fast_unwind_on_malloc=0";
}

using namespace hntt;
using hntt::ui::ArchiveExportBar;
using hntt::ui::ArchiveSettingsDialog;
using hntt::ui::LibraryWindow;

class TestArchiveUi : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<core::Session> session_;
    qint64 recording_ = 0;
    QString cert_, key_;
    QString archive_; // the signed archive the export test made
    QList<QUrl> opened_;

    QString archivesDir() const { return session_->settings().archivesDir(); }

    QStringList archiveEntries() const {
        return QDir(archivesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    }

    static bool selectRecording(LibraryWindow& w, qint64 id) {
        const int row = int(w.visibleRecordings().indexOf(id));
        if (row < 0)
            return false;
        w.table()->selectRow(row);
        return true;
    }

    static QPushButton* button(LibraryWindow& w, const char* name) {
        return w.findChild<QPushButton*>(QLatin1String(name));
    }

    // Waits for the bar's job to end; its final JSON.
    static QJsonObject waitForJob(ArchiveExportBar* bar) {
        QSignalSpy finished(bar, &ArchiveExportBar::jobFinished);
        if (!bar->currentJob() || !finished.wait(90000))
            return {};
        return hntt::api::wire::jobJson(finished.first().first().value<core::JobQueue::Job>());
    }

public Q_SLOTS:
    // The "file" URL handler while testing: records what "Open folder" would open.
    void openUrl(const QUrl& url) { opened_.append(url); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        cert_ = tmp_.filePath(QStringLiteral("cert.pem"));
        key_ = tmp_.filePath(QStringLiteral("key.pem"));
        QCOMPARE(test::runProgram(QStringLiteral("openssl"),
                                  {"req", "-x509", "-newkey", "ec", "-pkeyopt",
                                   "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key_, "-out", cert_,
                                   "-days", "2", "-utf8", "-subj", "/CN=Văn phòng UBND tỉnh Quảng Bình"}),
                 0);

        core::SessionOptions o;
        o.dataDir = tmp_.filePath(QStringLiteral("data"));
        o.width = 320;
        o.height = 180;
        o.multiview = false;
        session_ = std::make_unique<core::Session>(o);
        QVERIFY(session_->open());

        QList<qint64> sites;
        for (const auto& [name, color, tone] :
             {std::tuple{QStringLiteral("Sở Thông tin và Truyền thông"), "ff0000", 400},
              std::tuple{QStringLiteral("UBND xã Quảng Hòa"), "0000ff", 1200}}) {
            core::SiteRecord s;
            s.name = name;
            s.level = core::SiteLevel::Province;
            s.sourceUrl = QStringLiteral("test://solid?color=%1&tone=%2").arg(QLatin1String(color)).arg(tone);
            auto made = session_->createSite(s, QStringLiteral("ui"));
            QVERIFY2(made, made ? "" : qPrintable(made.error().message));
            sites.append(made->id);
        }
        for (qint64 id : sites)
            QTRY_COMPARE_WITH_TIMEOUT(hntt::test::siteJson(*session_, id)->value("status").toString(),
                                      QStringLiteral("connected"), 10000);
        auto rec = session_->startRecording(QStringLiteral("Giao ban sáng"), {}, QStringLiteral("ui"));
        QVERIFY(rec);
        recording_ = rec->id;
        QTest::qWait(3000);
        QVERIFY(session_->stopRecording(recording_, QStringLiteral("ui")));

        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openUrl");
    }

    void cleanupTestCase() {
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        if (session_)
            session_->shutdown();
        session_.reset();
    }

    void signingNeedsConfiguredFiles() {
        LibraryWindow w(*session_);
        ArchiveExportBar* bar = w.archiveBar();
        QVERIFY(bar);
        auto* sign = w.findChild<QCheckBox*>(QStringLiteral("archiveSign"));
        QVERIFY(sign);
        QVERIFY(!bar->canSign());
        QVERIFY(!sign->isEnabled());
        QVERIFY2(sign->toolTip().contains(QStringLiteral("Archive settings")), qPrintable(sign->toolTip()));
        // Nothing selected: nothing to export; verifying needs no selection.
        w.table()->clearSelection();
        QVERIFY(!button(w, "archiveExport")->isEnabled());
        QVERIFY(button(w, "archiveVerify")->isEnabled());
    }

    void exportMakesAVerifiedSignedArchive() {
        session_->settings().setArchiveSigning(cert_, key_);
        LibraryWindow w(*session_);
        w.show();
        ArchiveExportBar* bar = w.archiveBar();
        auto* sign = w.findChild<QCheckBox*>(QStringLiteral("archiveSign"));
        QVERIFY(sign->isEnabled());
        QVERIFY(sign->isChecked());
        QVERIFY(selectRecording(w, recording_));
        QCOMPARE(bar->recording(), std::optional<qint64>(recording_));
        QPushButton* exportButton = button(w, "archiveExport");
        QVERIFY(exportButton->isEnabled());

        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const int shape = bar->height(); // the same before, during and after: nothing jumps
        QSignalSpy progress(&session_->jobs(), &core::JobQueue::jobChanged);
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QVERIFY(bar->currentJob());
        // While it runs: no second export, a visible Cancel.
        QVERIFY(!exportButton->isEnabled());
        QVERIFY(button(w, "archiveCancel")->isVisibleTo(&w));
        const QJsonObject job = waitForJob(bar);
        QCOMPARE(job.value("state").toString(), QStringLiteral("done"));
        QVERIFY(progress.size() >= 2); // started, then at least the end

        QCOMPARE(bar->progressSeen(), 1.0);
        auto* bar100 = w.findChild<QProgressBar*>(QStringLiteral("archiveProgress"));
        QCOMPARE(bar100->value(), bar100->maximum());
        QVERIFY(!bar100->isVisibleTo(&w)); // no bar left at 100 % for the next work
        QCoreApplication::processEvents();
        QCOMPARE(bar->height(), shape);
        archive_ = bar->archivePath();
        QCOMPARE(archive_, job.value("result").toObject().value("path").toString());
        QVERIFY(QFileInfo(archive_).isDir());
        QCOMPARE(QFileInfo(archive_).absolutePath(), QDir(archivesDir()).absolutePath());
        QVERIFY2(bar->message().contains(QDir::toNativeSeparators(archive_)), qPrintable(bar->message()));
        QVERIFY2(bar->message().contains(QStringLiteral("Quảng Bình")), qPrintable(bar->message()));
        QVERIFY(exportButton->isEnabled());

        // The manifest holds, and is signed by the configured certificate.
        const core::archive::ArchiveVerification v = core::archive::verifyArchive(archive_);
        QVERIFY2(v.intact(), v.intact() ? "" : qPrintable(v.differences.first().text()));
        QVERIFY(v.filesChecked >= 5);
        QVERIFY(v.isSigned);
        QVERIFY(v.signer.subject.contains(QStringLiteral("Văn phòng UBND tỉnh Quảng Bình")));
        for (const QString& entry : archiveEntries())
            QVERIFY2(!entry.endsWith(QLatin1String(".partial")), qPrintable(entry));
        // In Vietnamese unless chosen otherwise, whatever the window speaks (English here).
        QCOMPARE(bar->archiveLanguage(), QStringLiteral("vi"));
        QVERIFY(test::fileBytes(QDir(archive_).filePath(QStringLiteral("attendance.html")))
                    .contains("<html lang=\"vi\">"));

        // "Open folder" opens the archive's folder.
        QPushButton* open = button(w, "archiveOpenFolder");
        QVERIFY(open->isVisibleTo(&w));
        opened_.clear();
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(opened_, QList<QUrl>{QUrl::fromLocalFile(archive_)});
    }

    void verifySaysIntactAndSigned() {
        QVERIFY(!archive_.isEmpty());
        LibraryWindow w(*session_);
        ArchiveExportBar* bar = w.archiveBar();
        bar->verifyFolder(archive_);
        QVERIFY(bar->currentJob());
        QVERIFY(!button(w, "archiveVerify")->isEnabled()); // one job at a time
        const QJsonObject job = waitForJob(bar);
        QCOMPARE(job.value("state").toString(), QStringLiteral("done"));
        QCOMPARE(job.value("kind").toString(), QStringLiteral("archive-verify"));
        // Signed by the console's own certificate, which it trusts: green.
        QCOMPARE(bar->verdict(), QStringLiteral("trusted"));
        QVERIFY2(bar->message().startsWith(
                     QStringLiteral("The archive has not been changed and is signed by "
                                    "Văn phòng UBND tỉnh Quảng Bình, a trusted certificate.")),
                 qPrintable(bar->message()));
        QVERIFY(w.findChild<QLabel*>(QStringLiteral("archiveVerdictMark"))->isVisibleTo(&w));
        QVERIFY(bar->message().contains(QStringLiteral("Quảng Bình")));
        QVERIFY(bar->differences().isEmpty());
        QVERIFY(!w.findChild<QListWidget*>(QStringLiteral("archiveDifferences"))->isVisibleTo(&w));
    }

    // A look-alike signer (a self-made certificate with the same name, the files re-hashed and
    // re-signed) is amber, named with its fingerprint, until the records office trusts it.
    void verifyWarnsOfALookAlikeSigner() {
        QVERIFY(!archive_.isEmpty());
        const QString forgedCert = tmp_.filePath(QStringLiteral("forged-cert.pem"));
        const QString forgedKey = tmp_.filePath(QStringLiteral("forged-key.pem"));
        QVERIFY(test::makeCertificate(QStringLiteral("/CN=Văn phòng UBND tỉnh Quảng Bình"), forgedCert,
                                      forgedKey));
        const QString forged = tmp_.filePath(QStringLiteral("forged"));
        QVERIFY(
            test::forgeArchive(archive_, forged, QStringLiteral("events.csv"), "x\n", forgedCert, forgedKey));
        LibraryWindow w(*session_);
        ArchiveExportBar* bar = w.archiveBar();
        bar->verifyFolder(forged);
        QCOMPARE(waitForJob(bar).value("state").toString(), QStringLiteral("done"));
        QCOMPARE(bar->verdict(), QStringLiteral("untrusted"));
        QVERIFY2(bar->message().startsWith(
                     QStringLiteral("The signature is valid but its certificate is NOT trusted")),
                 qPrintable(bar->message()));
        QVERIFY(bar->differences().isEmpty());
    }

    void verifyListsAFlippedByte() {
        QVERIFY(!archive_.isEmpty());
        const QString program = QDir(archive_).filePath(QStringLiteral("program.mkv"));
        QFile f(program);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 at = f.size() / 2;
        QVERIFY(f.seek(at));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(at));
        QVERIFY(f.putChar(char(c ^ 0x5a)));
        f.close();

        LibraryWindow w(*session_);
        w.show();
        ArchiveExportBar* bar = w.archiveBar();
        bar->verifyFolder(archive_);
        const QJsonObject job = waitForJob(bar);
        QCOMPARE(job.value("state").toString(), QStringLiteral("done"));
        QCOMPARE(bar->verdict(), QStringLiteral("changed"));
        QVERIFY2(bar->message().startsWith(
                     QStringLiteral("The archive has been changed since it was made: program.mkv")),
                 qPrintable(bar->message()));
        const QStringList differences = bar->differences();
        QCOMPARE(differences.size(), 1);
        QVERIFY2(differences.first().startsWith(QStringLiteral("program.mkv: SHA-256")),
                 qPrintable(differences.first()));
        QVERIFY(w.findChild<QListWidget*>(QStringLiteral("archiveDifferences"))->isVisibleTo(&w));

        // Not a folder: said so, no job.
        bar->verifyFolder(tmp_.filePath(QStringLiteral("nowhere")));
        QVERIFY(!bar->currentJob());
        QVERIFY(bar->message().contains(QStringLiteral("is not a folder")));
        QVERIFY(bar->differences().isEmpty());
    }

    void cancelLeavesNoArchive() {
        // Cancel is asked for right after the job starts, before the export reaches its first
        // check, as tst_archive does through the core.
        const QStringList before = archiveEntries();
        LibraryWindow w(*session_);
        w.show();
        ArchiveExportBar* bar = w.archiveBar();
        QVERIFY(selectRecording(w, recording_));
        QSignalSpy finished(bar, &ArchiveExportBar::jobFinished);
        // Archived before (exportMakesAVerifiedSignedArchive): the button asks first, naming that archive.
        QString asked;
        test::answerNextBox(&asked, "archiveAgain");
        QTest::mouseClick(button(w, "archiveExport"), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("archived already")), qPrintable(asked));
        QVERIFY(bar->currentJob());
        QTest::mouseClick(button(w, "archiveCancel"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().value<core::JobQueue::Job>().state,
                 core::JobQueue::State::Cancelled);
        QVERIFY2(bar->message().contains(QStringLiteral("cancelled")), qPrintable(bar->message()));
        QVERIFY(bar->archivePath().isEmpty());
        QVERIFY(!button(w, "archiveOpenFolder")->isVisibleTo(&w));
        QVERIFY(!w.findChild<QProgressBar*>(QStringLiteral("archiveProgress"))->isVisibleTo(&w));
        QCOMPARE(archiveEntries(), before);
    }

    // A copy in English is chosen beside the export button; the choice holds while the job runs.
    void archiveLanguageIsChosenInTheBar() {
        LibraryWindow w(*session_);
        w.show();
        ArchiveExportBar* bar = w.archiveBar();
        auto* language = w.findChild<QComboBox*>(QStringLiteral("archiveLanguage"));
        QVERIFY(language && language->isEnabled());
        QCOMPARE(language->currentText(), QStringLiteral("Tiếng Việt"));
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QCOMPARE(bar->archiveLanguage(), QStringLiteral("en"));
        QVERIFY(selectRecording(w, recording_));
        bar->exportRecording(recording_);
        QVERIFY(bar->currentJob());
        QVERIFY(!language->isEnabled());
        const QJsonObject job = waitForJob(bar);
        QCOMPARE(job.value("state").toString(), QStringLiteral("done"));
        QVERIFY(language->isEnabled());
        const QString folder = bar->archivePath();
        const QByteArray html = test::fileBytes(QDir(folder).filePath(QStringLiteral("attendance.html")));
        QVERIFY(html.contains("<html lang=\"en\">"));
        QVERIFY(html.contains("Attendance"));
        QVERIFY(QDir(folder).removeRecursively());
    }

    void refusalsAreShown() {
        const QStringList before = archiveEntries();
        LibraryWindow w(*session_);
        ArchiveExportBar* bar = w.archiveBar();

        // A recording still running: the button is off, and a direct request says why.
        auto running = session_->startRecording(QStringLiteral("Đang ghi"), {}, QStringLiteral("ui"));
        QVERIFY(running);
        QTRY_VERIFY(w.visibleRecordings().contains(running->id));
        QVERIFY(selectRecording(w, running->id));
        QVERIFY(!button(w, "archiveExport")->isEnabled());
        QVERIFY(button(w, "archiveExport")->toolTip().contains(QStringLiteral("still running")));
        bar->exportRecording(running->id);
        QVERIFY(!bar->currentJob());
        QVERIFY2(bar->message().startsWith(QStringLiteral("The archive was not started:")),
                 qPrintable(bar->message()));
        QVERIFY2(bar->message().contains(QStringLiteral("still running")), qPrintable(bar->message()));
        QVERIFY(session_->stopRecording(running->id, QStringLiteral("ui")));

        // An unknown recording.
        bar->exportRecording(999999);
        QVERIFY(!bar->currentJob());
        QVERIFY(bar->message().startsWith(QStringLiteral("The archive was not started:")));

        // A configured key that is not the certificate's.
        const QString otherKey = tmp_.filePath(QStringLiteral("other.pem"));
        QCOMPARE(
            test::runProgram(QStringLiteral("openssl"), {"genpkey", "-algorithm", "EC", "-pkeyopt",
                                                         "ec_paramgen_curve:prime256v1", "-out", otherKey}),
            0);
        session_->settings().setArchiveSigning(cert_, otherKey);
        bar->exportRecording(recording_);
        QVERIFY(!bar->currentJob());
        QVERIFY2(bar->message().contains(QStringLiteral("does not belong")), qPrintable(bar->message()));
        session_->settings().setArchiveSigning(cert_, key_);
        QCOMPARE(archiveEntries(), before);
    }

    // The records office sets the destination and the signing in the console: checked on the
    // spot (nothing saved while something does not hold), used by the next export at once, and the
    // trusted signers edited in the same place.
    void archiveSettingsAreCheckedAndTakeEffectAtOnce() {
        const QString otherKey = tmp_.filePath(QStringLiteral("settings-other-key.pem"));
        QCOMPARE(
            test::runProgram(QStringLiteral("openssl"), {"genpkey", "-algorithm", "EC", "-pkeyopt",
                                                         "ec_paramgen_curve:prime256v1", "-out", otherKey}),
            0);
        const QString usb = tmp_.filePath(QStringLiteral("usb/luu-tru"));
        const QString before = session_->settings().archivesDir();
        LibraryWindow w(*session_);
        ArchiveExportBar* bar = w.archiveBar();
        {
            ArchiveSettingsDialog dialog(*session_);
            dialog.folderField()->setText(usb);
            dialog.keyField()->setText(otherKey); // not the certificate's
            QVERIFY(!dialog.save());
            QVERIFY(dialog.problemLabel()->isVisibleTo(&dialog));
            QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("does not belong")),
                     qPrintable(dialog.problemLabel()->text()));
            QCOMPARE(session_->settings().archivesDir(), before); // nothing changed
            QCOMPARE(session_->settings().archiveKey(), key_);

            // A folder that cannot be made (under a file).
            dialog.keyField()->setText(key_);
            dialog.folderField()->setText(
                QDir(tmp_.filePath(QStringLiteral("cert.pem"))).filePath(QStringLiteral("x")));
            QVERIFY(!dialog.save());
            QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("cannot be created")),
                     qPrintable(dialog.problemLabel()->text()));
            QCOMPARE(session_->settings().archivesDir(), before);

            dialog.folderField()->setText(usb);
            QVERIFY2(dialog.save(), qPrintable(dialog.problemLabel()->text()));
            QVERIFY(!dialog.problemLabel()->isVisibleTo(&dialog));
            QCOMPARE(session_->settings().archivesDir(), usb);
            QCOMPARE(dialog.trustedList()->count(), 1); // the console's own certificate
        }
        // The next export goes there, signed.
        QVERIFY(selectRecording(w, recording_));
        bar->exportRecording(recording_);
        const QJsonObject job = waitForJob(bar);
        QCOMPARE(job.value("state").toString(), QStringLiteral("done"));
        QCOMPARE(QFileInfo(bar->archivePath()).absolutePath(), QDir(usb).absolutePath());

        // A look-alike signer's archive turns green once its certificate is trusted here, and
        // amber again when taken off the list.
        const QString lookAlikeCert = tmp_.filePath(QStringLiteral("look-alike-cert.pem"));
        const QString lookAlikeKey = tmp_.filePath(QStringLiteral("look-alike-key.pem"));
        QVERIFY(test::makeCertificate(QStringLiteral("/CN=Văn phòng UBND tỉnh Quảng Bình"), lookAlikeCert,
                                      lookAlikeKey));
        const QString forged = tmp_.filePath(QStringLiteral("forged-for-settings"));
        QVERIFY(test::forgeArchive(bar->archivePath(), forged, QStringLiteral("events.csv"), "y\n",
                                   lookAlikeCert, lookAlikeKey));
        ArchiveSettingsDialog dialog(*session_);
        QVERIFY(!dialog.trustFile(tmp_.filePath(QStringLiteral("no-such.pem"))));
        QVERIFY(dialog.trustFile(lookAlikeCert));
        QCOMPARE(dialog.trustedList()->count(), 2);
        bar->verifyFolder(forged);
        QCOMPARE(waitForJob(bar).value("state").toString(), QStringLiteral("done"));
        QCOMPARE(bar->verdict(), QStringLiteral("trusted"));
        dialog.trustedList()->setCurrentRow(0); // the console's own: cannot be taken off here
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("trustRemove"))->isEnabled());
        dialog.trustedList()->setCurrentRow(1);
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("trustRemove"))->isEnabled());
        dialog.distrustSelected();
        QCOMPARE(dialog.trustedList()->count(), 1);
        bar->verifyFolder(forged);
        QCOMPARE(waitForJob(bar).value("state").toString(), QStringLiteral("done"));
        QCOMPARE(bar->verdict(), QStringLiteral("untrusted"));
        session_->settings().setArchivesDir({});
    }
};

QTEST_MAIN(TestArchiveUi)
#include "tst_archive_ui.moc"
