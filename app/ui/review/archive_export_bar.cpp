#include "ui/review/archive_export_bar.h"

#include "core/archive/archive_job.h"
#include "core/archive/archive_verdict.h"
#include "core/archive/archive_verifier.h"
#include "core/archive/archive_writer.h"
#include "core/archive/trust_list.h"
#include "core/jobs/job_queue.h"
#include "core/review/export_history.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "ui/confirmation.h"
#include "ui/file_dialogs.h"
#include "ui/review/archive_settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace hntt::ui {

namespace {

constexpr int kProgressSteps = 1000;

// Runs on the job's worker thread: the check's verdict, or "cancelled". The console trusts its
// own signing certificate and its trust list.
core::Result<std::any> verifyJob(const QString& folder, const QString& dataDir,
                                 core::JobQueue::Context& ctx) {
    core::archive::WorkControl control;
    control.progress = [&ctx](double p) { ctx.setProgress(p); };
    control.cancelled = [&ctx] { return ctx.cancelled(); };
    const core::archive::ArchiveVerification v =
        core::archive::verifyArchive(folder, control, core::archive::consoleTrust(dataDir));
    if (ctx.cancelled())
        return core::archive::cancelledError();
    return std::any(core::archive::ArchiveCheck{folder, v});
}

} // namespace

ArchiveExportBar::ArchiveExportBar(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    buildUi();
    connect(&session_.jobs(), &core::JobQueue::jobChanged, this, &ArchiveExportBar::onJobChanged);
    updateButtons();
}

void ArchiveExportBar::buildUi() {
    setObjectName(QStringLiteral("archiveBar"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);

    auto* row = new QHBoxLayout;
    exportButton_ = new QPushButton(tr("Export meeting archive"), this);
    exportButton_->setObjectName(QStringLiteral("archiveExport"));
    row->addWidget(exportButton_);
    sign_ = new QCheckBox(tr("Sign"), this);
    sign_->setObjectName(QStringLiteral("archiveSign"));
    row->addWidget(sign_);
    // The records office reads archives in Vietnamese whatever language the window speaks; English
    // is for a copy someone asks for in English. Each language's name is written in itself.
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("archiveLanguage"));
    language_->addItem(QStringLiteral("Tiếng Việt"), QStringLiteral("vi"));
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->setToolTip(tr("The language of the archive's attendance report and event table"));
    row->addWidget(language_);
    verifyButton_ = new QPushButton(tr("Verify archive…"), this);
    verifyButton_->setObjectName(QStringLiteral("archiveVerify"));
    verifyButton_->setToolTip(tr("Check an archive folder against its manifest and signature"));
    row->addWidget(verifyButton_);
    settingsButton_ = new QPushButton(tr("Archive settings…"), this);
    settingsButton_->setObjectName(QStringLiteral("archiveSettingsButton"));
    settingsButton_->setToolTip(
        tr("Where archives go, the certificate that signs them and the trusted signers"));
    row->addWidget(settingsButton_);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("archiveProgress"));
    progress_->setRange(0, kProgressSteps);
    progress_->setVisible(false);
    row->addWidget(progress_, 1);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setObjectName(QStringLiteral("archiveCancel"));
    cancelButton_->setVisible(false);
    row->addWidget(cancelButton_);
    row->addStretch(0);
    root->addLayout(row);

    auto* outcome = new QHBoxLayout;
    verdictMark_ = new QLabel(this);
    verdictMark_->setObjectName(QStringLiteral("archiveVerdictMark"));
    verdictMark_->setVisible(false);
    outcome->addWidget(verdictMark_, 0, Qt::AlignTop);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("archiveMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outcome->addWidget(message_, 1);
    openButton_ = new QPushButton(tr("Open folder"), this);
    openButton_->setObjectName(QStringLiteral("archiveOpenFolder"));
    openButton_->setVisible(false);
    outcome->addWidget(openButton_);
    root->addLayout(outcome);

    differences_ = new QListWidget(this);
    differences_->setObjectName(QStringLiteral("archiveDifferences"));
    differences_->setVisible(false);
    root->addWidget(differences_);

    // A fixed shape: what comes and goes (progress, cancel, the mark, "Open folder", the list of
    // differences) keeps its place when hidden and the message has room for three lines, so that
    // nothing above or below moves as work starts and ends.
    for (QWidget* w : {static_cast<QWidget*>(progress_), static_cast<QWidget*>(cancelButton_),
                       static_cast<QWidget*>(verdictMark_), static_cast<QWidget*>(openButton_),
                       static_cast<QWidget*>(differences_)}) {
        QSizePolicy policy = w->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        w->setSizePolicy(policy);
    }
    verdictMark_->setFixedWidth(28); // the mark at its 20 px
    message_->setFixedHeight(message_->fontMetrics().lineSpacing() * 3 + 4);
    message_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    differences_->setFixedHeight(96);

    refreshSigning();

    connect(exportButton_, &QPushButton::clicked, this, &ArchiveExportBar::exportArchive);
    connect(verifyButton_, &QPushButton::clicked, this, &ArchiveExportBar::chooseAndVerify);
    connect(cancelButton_, &QPushButton::clicked, this, &ArchiveExportBar::cancel);
    connect(openButton_, &QPushButton::clicked, this, &ArchiveExportBar::openArchiveFolder);
    connect(settingsButton_, &QPushButton::clicked, this, &ArchiveExportBar::openSettings);
}

// Signing needs both files; without them the box says where they are set.
void ArchiveExportBar::refreshSigning() {
    const core::ConsoleSettings& settings = session_.settings();
    sign_->setChecked(canSign());
    sign_->setToolTip(canSign()
                          ? tr("Sign the manifest with the certificate %1")
                                .arg(QDir::toNativeSeparators(settings.archiveCertificate()))
                          : tr("To sign archives, choose a certificate and its key in Archive settings…"));
    updateButtons();
}

void ArchiveExportBar::openSettings() {
    ArchiveSettingsDialog dialog(session_, this);
    dialog.exec();
    refreshSigning(); // saved or not, the box shows what holds now
}

bool ArchiveExportBar::canSign() const {
    const core::ConsoleSettings& settings = session_.settings();
    return !settings.archiveCertificate().isEmpty() && !settings.archiveKey().isEmpty();
}

QString ArchiveExportBar::archiveLanguage() const {
    return language_->currentData().toString();
}

void ArchiveExportBar::setRecording(std::optional<qint64> id, bool stillRecording) {
    recording_ = id;
    stillRecording_ = stillRecording;
    updateButtons();
}

void ArchiveExportBar::updateButtons() {
    const bool idle = !job_;
    exportButton_->setEnabled(idle && recording_ && !stillRecording_);
    exportButton_->setToolTip(recording_ && stillRecording_
                                  ? tr("This recording is still running; stop it before archiving it")
                                  : tr("Copy the recording, each site's audio, the event log and the "
                                       "attendance report into an archive folder with a manifest of "
                                       "SHA-256 hashes"));
    sign_->setEnabled(idle && canSign());
    language_->setEnabled(idle);
    verifyButton_->setEnabled(idle);
    settingsButton_->setEnabled(idle);
    cancelButton_->setVisible(!idle);
    cancelButton_->setEnabled(!idle);
}

QStringList ArchiveExportBar::differences() const {
    QStringList out;
    for (int i = 0; i < differences_->count(); ++i)
        out << differences_->item(i)->text();
    return out;
}

void ArchiveExportBar::showMessage(const QString& text, bool error) {
    verdict_.clear();
    verdictMark_->setVisible(false);
    messageText_ = text;
    message_->setTextFormat(Qt::PlainText);
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #f07070;") : QString());
}

void ArchiveExportBar::showVerdict(const core::archive::ArchiveVerdict& verdict, const QString& details) {
    using Kind = core::archive::VerdictKind;
    // Green only for what a clerk can rely on; amber for intact but proving nothing; red for changed.
    const QString colour = verdict.kind == Kind::Trusted   ? QStringLiteral("#4cc36b")
                           : verdict.kind == Kind::Changed ? QStringLiteral("#f07070")
                                                           : QStringLiteral("#f0b030");
    const QString mark = verdict.kind == Kind::Trusted   ? QStringLiteral("\u2714")
                         : verdict.kind == Kind::Changed ? QStringLiteral("\u2716")
                                                         : QStringLiteral("\u26A0");
    verdict_ = QString::fromLatin1(verdict.name());
    verdictMark_->setText(mark);
    verdictMark_->setStyleSheet(QStringLiteral("color: %1; font-size: 20px; font-weight: bold;").arg(colour));
    verdictMark_->setVisible(true);
    messageText_ = verdict.sentence + QLatin1Char('\n') + details;
    message_->setTextFormat(Qt::RichText);
    message_->setText(
        QStringLiteral("<b>%1</b><br>%2").arg(verdict.sentence.toHtmlEscaped(), details.toHtmlEscaped()));
    message_->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
}

void ArchiveExportBar::exportArchive() {
    if (!recording_ || job_)
        return;
    // A second archive of the same recording is allowed (another copy for another office), but
    // never by a slip: the first one is named.
    if (auto history = core::ExportHistory::archives(session_.eventLog())) {
        const core::ArchiveHistory h = history->value(*recording_);
        if (h.made > 0) {
            Confirmation q;
            q.title = tr("Archive again?");
            q.text =
                tr("This recording was archived already (%n time(s)), last on %1.", nullptr, h.made)
                    .arg(QLocale().toString(h.lastMadeAt.toLocalTime(), QStringLiteral("dd/MM/yyyy HH:mm")));
            q.details =
                tr("Folder: %1\nMake another archive of it?").arg(QDir::toNativeSeparators(h.lastPath));
            q.act = tr("Make another archive");
            q.actName = "archiveAgain";
            q.refuse = tr("Cancel");
            if (!confirm(this, q))
                return;
        }
    }
    exportRecording(*recording_);
}

void ArchiveExportBar::exportRecording(qint64 id) {
    if (job_)
        return;
    core::archive::ArchiveRequest request;
    request.recordingId = id;
    request.sign = sign_->isEnabled() && sign_->isChecked();
    request.language = archiveLanguage();
    auto job = core::archive::startArchive(session_, request, QStringLiteral("ui"));
    if (!job) {
        // Refused before anything was written: still recording, no space, cannot sign, …
        archivePath_.clear();
        openButton_->setVisible(false);
        differences_->clear();
        differences_->setVisible(false);
        showMessage(tr("The archive was not started: %1").arg(job.error().message), true);
        return;
    }
    startFollowing(job.value(), Work::Export, tr("Exporting the meeting archive…"));
}

void ArchiveExportBar::chooseAndVerify() {
    const QString folder =
        file_dialogs::existingFolder(this, tr("Choose an archive folder"), session_.settings().archivesDir());
    if (!folder.isEmpty())
        verifyFolder(folder);
}

void ArchiveExportBar::verifyFolder(const QString& folder) {
    if (job_)
        return;
    if (!QFileInfo(folder).isDir()) {
        differences_->clear();
        differences_->setVisible(false);
        showMessage(tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder)), true);
        return;
    }
    const QString path = QFileInfo(folder).absoluteFilePath();
    const QString dataDir = session_.options().dataDir;
    const qint64 id = session_.jobs().submit(
        QStringLiteral("archive-verify"),
        [path, dataDir](core::JobQueue::Context& ctx) { return verifyJob(path, dataDir, ctx); });
    startFollowing(id, Work::Verify, tr("Checking %1…").arg(QDir::toNativeSeparators(path)));
}

void ArchiveExportBar::startFollowing(qint64 job, Work work, const QString& text) {
    job_ = job;
    work_ = work;
    progressSeen_ = 0;
    archivePath_.clear();
    openButton_->setVisible(false);
    differences_->clear();
    differences_->setVisible(false);
    progress_->setValue(0);
    progress_->setVisible(true);
    showMessage(text, false);
    updateButtons();
    // A job that ended before this bar followed it (it cannot, the end is queued) is still shown.
    if (const auto state = session_.jobs().job(job); state && state->state != core::JobQueue::State::Running)
        onJobChanged(*state);
}

void ArchiveExportBar::cancel() {
    if (job_)
        session_.jobs().cancel(*job_);
}

void ArchiveExportBar::onJobChanged(const core::JobQueue::Job& job) {
    if (!job_ || job.id != *job_)
        return;
    const double p = std::clamp(job.progress, 0.0, 1.0);
    progressSeen_ = std::max(progressSeen_, p);
    progress_->setValue(int(std::lround(p * kProgressSteps)));
    if (job.state == core::JobQueue::State::Running)
        return;
    job_.reset();
    cancelButton_->setVisible(false);
    progress_->setVisible(false); // the outcome says how it ended; no bar left at 100 % for the next work
    if (work_ == Work::Export)
        showExportOutcome(job);
    else
        showVerifyOutcome(job);
    updateButtons();
    Q_EMIT jobFinished(job);
}

void ArchiveExportBar::showExportOutcome(const core::JobQueue::Job& job) {
    using State = core::JobQueue::State;
    if (const auto* made = job.resultAs<core::archive::ArchiveMade>(); job.state == State::Done && made) {
        archivePath_ = made->path;
        QString text = tr("Archive saved: %1 (%n file(s))", nullptr, int(made->files))
                           .arg(QDir::toNativeSeparators(archivePath_));
        if (made->isSigned)
            text += QLatin1Char(' ') + tr("Signed by %1.").arg(made->signer);
        showMessage(text, false);
        openButton_->setVisible(true);
    } else if (job.state == State::Cancelled) {
        showMessage(tr("The archive export was cancelled; nothing was kept."), false);
    } else {
        showMessage(tr("The archive could not be made; nothing was kept: %1").arg(job.error), true);
    }
}

void ArchiveExportBar::showVerifyOutcome(const core::JobQueue::Job& job) {
    using State = core::JobQueue::State;
    if (job.state == State::Cancelled) {
        showMessage(tr("The check was cancelled."), false);
        return;
    }
    const auto* check = job.resultAs<core::archive::ArchiveCheck>();
    if (job.state != State::Done || !check) {
        showMessage(tr("The archive could not be checked: %1").arg(job.error), true);
        return;
    }
    const core::archive::ArchiveVerification& v = check->verification;
    const QString path = QDir::toNativeSeparators(check->path);
    QString details = tr("%1: %n file(s) checked.", nullptr, v.filesChecked).arg(path);
    if (v.isSigned && !v.signer.subject.isEmpty())
        details +=
            QLatin1Char(' ') +
            tr("Signer: %1, certificate SHA-256 %2.").arg(v.signer.subject, v.signer.sha256Fingerprint);
    for (const core::archive::ArchiveDifference& d : v.differences)
        differences_->addItem(d.text());
    differences_->setVisible(!v.differences.isEmpty());
    showVerdict(core::archive::verdictOf(v), details);
}

void ArchiveExportBar::openArchiveFolder() {
    if (!archivePath_.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(archivePath_));
}

} // namespace hntt::ui
