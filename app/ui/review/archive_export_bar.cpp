#include "ui/review/archive_export_bar.h"

#include "core/archive/archive_job.h"
#include "core/archive/archive_verifier.h"
#include "core/archive/archive_writer.h"
#include "core/jobs/job_queue.h"
#include "core/session/session.h"
#include "core/settings.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace hntt::ui {

namespace {

constexpr int kProgressSteps = 1000;

// Runs on the job's worker thread: the check's verdict, or "cancelled".
core::Result<std::any> verifyJob(const QString& folder, core::JobQueue::Context& ctx) {
    core::archive::WorkControl control;
    control.progress = [&ctx](double p) { ctx.setProgress(p); };
    control.cancelled = [&ctx] { return ctx.cancelled(); };
    const core::archive::ArchiveVerification v = core::archive::verifyArchive(folder, control);
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
    verifyButton_ = new QPushButton(tr("Verify archive…"), this);
    verifyButton_->setObjectName(QStringLiteral("archiveVerify"));
    verifyButton_->setToolTip(tr("Check an archive folder against its manifest and signature"));
    row->addWidget(verifyButton_);
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
    differences_->setMaximumHeight(120);
    differences_->setVisible(false);
    root->addWidget(differences_);

    // Signing needs both files; without them the box says where they are set.
    const core::ConsoleSettings& settings = session_.settings();
    if (canSign()) {
        sign_->setChecked(true);
        sign_->setToolTip(tr("Sign the manifest with the certificate %1")
                              .arg(QDir::toNativeSeparators(settings.archiveCertificate())));
    } else {
        sign_->setToolTip(tr("To sign archives, set archive/certificate and archive/key (PEM files) in %1")
                              .arg(QDir::toNativeSeparators(settings.path())));
    }

    connect(exportButton_, &QPushButton::clicked, this, &ArchiveExportBar::exportArchive);
    connect(verifyButton_, &QPushButton::clicked, this, &ArchiveExportBar::chooseAndVerify);
    connect(cancelButton_, &QPushButton::clicked, this, &ArchiveExportBar::cancel);
    connect(openButton_, &QPushButton::clicked, this, &ArchiveExportBar::openArchiveFolder);
}

bool ArchiveExportBar::canSign() const {
    const core::ConsoleSettings& settings = session_.settings();
    return !settings.archiveCertificate().isEmpty() && !settings.archiveKey().isEmpty();
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
    verifyButton_->setEnabled(idle);
    cancelButton_->setVisible(!idle);
    cancelButton_->setEnabled(!idle);
}

QString ArchiveExportBar::message() const {
    return message_->text();
}

QStringList ArchiveExportBar::differences() const {
    QStringList out;
    for (int i = 0; i < differences_->count(); ++i)
        out << differences_->item(i)->text();
    return out;
}

void ArchiveExportBar::showMessage(const QString& text, bool error) {
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #f07070;") : QString());
}

void ArchiveExportBar::exportArchive() {
    if (recording_)
        exportRecording(*recording_);
}

void ArchiveExportBar::exportRecording(qint64 id) {
    if (job_)
        return;
    core::archive::ArchiveRequest request;
    request.recordingId = id;
    request.sign = sign_->isEnabled() && sign_->isChecked();
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
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose an archive folder"),
                                                             session_.settings().archivesDir());
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
    const qint64 id =
        session_.jobs().submit(QStringLiteral("archive-verify"),
                               [path](core::JobQueue::Context& ctx) { return verifyJob(path, ctx); });
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
    progress_->setVisible(job.state == core::JobQueue::State::Done);
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
    if (v.intact()) {
        if (v.isSigned)
            showMessage(tr("%1 is intact (%n file(s) checked), signed by %2 (certificate SHA-256 %3).",
                           nullptr, v.filesChecked)
                            .arg(path, v.signer.subject, v.signer.sha256Fingerprint),
                        false);
        else
            showMessage(
                tr("%1 is intact (%n file(s) checked); it is not signed.", nullptr, v.filesChecked).arg(path),
                false);
        return;
    }
    for (const core::archive::ArchiveDifference& d : v.differences)
        differences_->addItem(d.text());
    differences_->setVisible(true);
    showMessage(
        tr("%1 does not match its manifest: %n difference(s).", nullptr, int(v.differences.size())).arg(path),
        true);
}

void ArchiveExportBar::openArchiveFolder() {
    if (!archivePath_.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(archivePath_));
}

} // namespace hntt::ui
