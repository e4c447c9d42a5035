#include "ui/review/archive_settings_dialog.h"

#include "core/archive/archive_settings.h"
#include "core/archive/trust_list.h"
#include "core/session/session.h"
#include "core/settings.h"
#include "ui/file_dialogs.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {
constexpr int kFingerprintRole = Qt::UserRole + 1;
} // namespace

ArchiveSettingsDialog::ArchiveSettingsDialog(core::Session& session, QWidget* parent)
    : QDialog(parent)
    , session_(session) {
    setObjectName(QStringLiteral("archiveSettings"));
    setWindowTitle(tr("Archive settings"));
    auto* root = new QVBoxLayout(this);
    const core::ConsoleSettings& settings = session_.settings();

    auto fieldWithBrowse = [this](QLineEdit*& field, const char* name, bool folder, const QString& title) {
        auto* row = new QHBoxLayout;
        field = new QLineEdit(this);
        field->setObjectName(QLatin1String(name));
        field->setMinimumWidth(360);
        row->addWidget(field, 1);
        auto* browseButton = new QPushButton(tr("Browse…"), this);
        QLineEdit* target = field;
        connect(browseButton, &QPushButton::clicked, this,
                [this, target, folder, title] { browse(target, folder, title); });
        row->addWidget(browseButton);
        return row;
    };

    // Headings over plain layouts: the theme's group boxes draw their titles where the layouts
    // do not count them, and the lists were squeezed under the buttons.
    auto heading = [this, root](const QString& text) {
        auto* label = new QLabel(text, this);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        root->addSpacing(6);
        root->addWidget(label);
    };
    heading(tr("Where archives go"));
    auto* whereForm = new QFormLayout;
    root->addLayout(whereForm);
    whereForm->addRow(tr("Folder:"),
                      fieldWithBrowse(folder_, "archiveFolder", true, tr("Choose the archives folder")));
    folder_->setText(QDir::toNativeSeparators(settings.archivesDir()));
    auto* whereHint = new QLabel(
        tr("A USB drive or a network share is fine; the console checks that it can write there."), this);
    whereHint->setWordWrap(true);
    whereForm->addRow(whereHint);

    heading(tr("Signing"));
    auto* signForm = new QFormLayout;
    root->addLayout(signForm);
    signForm->addRow(tr("Certificate (PEM):"), fieldWithBrowse(certificate_, "archiveCertificate", false,
                                                               tr("Choose the signing certificate")));
    signForm->addRow(tr("Private key (PEM):"),
                     fieldWithBrowse(key_, "archiveKey", false, tr("Choose the private key")));
    certificate_->setText(settings.archiveCertificate());
    key_->setText(settings.archiveKey());
    signer_ = new QLabel(this);
    signer_->setObjectName(QStringLiteral("archiveSigner"));
    signer_->setWordWrap(true);
    signer_->setText(settings.archiveCertificate().isEmpty()
                         ? tr("Archives are not signed. Leave both empty to keep it so.")
                         : tr("Archives are signed with this certificate."));
    signForm->addRow(signer_);

    heading(tr("Trusted signers"));
    auto* trustBox = new QVBoxLayout;
    root->addLayout(trustBox);
    auto* trustHint =
        new QLabel(tr("A checked archive is green only when it is signed by one of these certificates "
                      "(or one they issued). This console's own signing certificate is always trusted."),
                   this);
    trustHint->setWordWrap(true);
    trustBox->addWidget(trustHint);
    trusted_ = new QListWidget(this);
    trusted_->setObjectName(QStringLiteral("trustedSigners"));
    trusted_->setMinimumHeight(72);
    trustBox->addWidget(trusted_);
    auto* trustRow = new QHBoxLayout;
    auto* add = new QPushButton(tr("Trust a certificate…"), this);
    add->setObjectName(QStringLiteral("trustAdd"));
    remove_ = new QPushButton(tr("Stop trusting"), this);
    remove_->setObjectName(QStringLiteral("trustRemove"));
    remove_->setEnabled(false);
    trustRow->addWidget(add);
    trustRow->addWidget(remove_);
    trustRow->addStretch(1);
    trustBox->addLayout(trustRow);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString file = file_dialogs::openFile(this, tr("Choose a certificate to trust"), QString(),
                                                    tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            trustFile(file);
    });
    connect(remove_, &QPushButton::clicked, this, &ArchiveSettingsDialog::distrustSelected);
    connect(trusted_, &QListWidget::currentRowChanged, this, [this](int row) {
        remove_->setEnabled(row >= 0 && !trusted_->item(row)->data(kFingerprintRole).toString().isEmpty());
    });

    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("archiveSettingsProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #f07070;"));
    problem_->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The reason beside the buttons: on a 768-line screen the dialog has no height to spare.
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(problem_, 1);
    bottom->addWidget(buttons, 0, Qt::AlignBottom);
    root->addLayout(bottom);
    reloadTrusted();
    // Wrapped hints: the window takes the height they need at its width, and never less.
    root->setSizeConstraint(QLayout::SetMinimumSize);
    setMinimumWidth(640);
}

void ArchiveSettingsDialog::browse(QLineEdit* field, bool folder, const QString& title) {
    const QString chosen = folder ? file_dialogs::existingFolder(this, title, field->text())
                                  : file_dialogs::openFile(this, title, field->text());
    if (!chosen.isEmpty())
        field->setText(QDir::toNativeSeparators(chosen));
}

void ArchiveSettingsDialog::showProblem(const QString& text) {
    problem_->setText(text);
    problem_->setVisible(!text.isEmpty());
}

bool ArchiveSettingsDialog::save() {
    core::archive::ArchiveSettingsChange change;
    change.archivesDir = QDir::fromNativeSeparators(folder_->text().trimmed());
    change.certificate = QDir::fromNativeSeparators(certificate_->text().trimmed());
    change.key = QDir::fromNativeSeparators(key_->text().trimmed());
    auto applied =
        core::archive::applyArchiveSettings(session_.settings(), session_.options().dataDir, change);
    if (!applied) {
        showProblem(applied.error().message);
        return false;
    }
    showProblem({});
    signer_->setText(applied.value() ? tr("Archives are signed by %1 (certificate SHA-256 %2).")
                                           .arg(applied.value()->name, applied.value()->sha256Fingerprint)
                                     : tr("Archives are not signed. Leave both empty to keep it so."));
    reloadTrusted();
    return true;
}

bool ArchiveSettingsDialog::trustFile(const QString& path) {
    auto added = core::archive::trustCertificateFile(session_.options().dataDir, path);
    if (!added) {
        showProblem(added.error().message);
        return false;
    }
    showProblem({});
    reloadTrusted();
    return true;
}

void ArchiveSettingsDialog::distrustSelected() {
    const QListWidgetItem* item = trusted_->currentItem();
    const QString fingerprint = item ? item->data(kFingerprintRole).toString() : QString();
    if (fingerprint.isEmpty())
        return;
    if (auto removed = core::archive::distrustCertificate(session_.options().dataDir, fingerprint); !removed)
        showProblem(removed.error().message);
    reloadTrusted();
}

void ArchiveSettingsDialog::reloadTrusted() {
    trusted_->clear();
    const QString dataDir = session_.options().dataDir;
    core::archive::TrustedCertificates own;
    if (const QString ownFile = core::archive::ownCertificateFile(dataDir);
        !ownFile.isEmpty() && own.addFile(ownFile) && !own.isEmpty()) {
        const core::archive::SignerInfo& s = own.certificates().constFirst();
        auto* item = new QListWidgetItem(
            tr("%1 (this console's signing certificate)\nSHA-256 %2").arg(s.name, s.sha256Fingerprint));
        item->setToolTip(s.subject);
        trusted_->addItem(item); // not removable here: it is trusted as long as it signs
    }
    for (const core::archive::SignerInfo& s : core::archive::trustList(dataDir)) {
        auto* item = new QListWidgetItem(tr("%1\nSHA-256 %2").arg(s.name, s.sha256Fingerprint));
        item->setToolTip(s.subject);
        item->setData(kFingerprintRole, s.sha256Fingerprint);
        trusted_->addItem(item);
    }
    remove_->setEnabled(false);
}

} // namespace hntt::ui
