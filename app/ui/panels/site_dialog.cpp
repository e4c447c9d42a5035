#include "ui/panels/site_dialog.h"

#include "core/session/session.h"
#include "ui/panels/panel_style.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hntt::ui {

SiteDialog::SiteDialog(core::Session& session, qint64 siteId, QWidget* parent)
    : QDialog(parent)
    , session_(session)
    , siteId_(siteId) {
    setObjectName(QStringLiteral("siteDialog"));
    const auto record = session_.siteRecord(siteId);
    setWindowTitle(record ? tr("Site: %1").arg(record->name) : tr("Site"));

    auto field = [this](const QString& name, const QString& text, const QString& placeholder) {
        auto* e = new QLineEdit(text, this);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        e->setClearButtonEnabled(true);
        e->setMinimumWidth(420);
        return e;
    };
    name_ = field(QStringLiteral("siteName"), record ? record->name : QString(), {});
    source_ = field(QStringLiteral("siteSource"), record ? record->sourceUrl : QString(),
                    QStringLiteral("rtsp://10.20.0.5/main"));
    source_->setToolTip(tr("Where the site's picture and sound come from (RTSP, SRT, RTMP, HLS); empty: "
                           "none, or by its SIP call"));
    return_ = field(QStringLiteral("siteReturn"), record ? record->returnUrl : QString(),
                    QStringLiteral("srt://10.20.0.5:9000"));
    return_->setToolTip(tr("Where the program goes back to the site, with its own mix-minus; empty: none"));
    sip_ = field(QStringLiteral("siteSip"), record ? record->sipUri : QString(),
                 QStringLiteral("sip:phonghop@10.20.0.5"));
    sip_->setToolTip(tr("The room system's SIP address: the console calls it there, and a call from it "
                        "joins as this site; empty: not a SIP site"));

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("siteError"));
    error_->setWordWrap(true);
    style::setTextColour(error_, style::kRed);
    error_->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Source address:"), source_);
    form->addRow(tr("Return feed address:"), return_);
    form->addRow(tr("SIP address:"), sip_);
    form->addRow(QString(), error_); // right under the fields, where the eye is
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SiteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SiteDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    // A correction clears the refusal it answers.
    for (QLineEdit* e : {name_, source_, return_, sip_})
        connect(e, &QLineEdit::textEdited, this, [this] { showError({}, nullptr); });
}

bool SiteDialog::apply() {
    const auto record = session_.siteRecord(siteId_);
    if (!record) {
        showError(tr("The site no longer exists."), nullptr);
        return false;
    }
    core::SitePatch patch;
    QList<QLineEdit*> changed;
    auto take = [&](QLineEdit* e, const QString& was, std::optional<QString>& into) {
        if (e->text().trimmed() != was) {
            into = e->text();
            changed << e;
        }
    };
    take(name_, record->name, patch.name);
    take(source_, record->sourceUrl, patch.sourceUrl);
    take(return_, record->returnUrl, patch.returnUrl);
    take(sip_, record->sipUri, patch.sipUri);
    if (changed.isEmpty())
        return true;
    if (auto r = session_.updateSite(siteId_, patch, QStringLiteral("ui")); !r) {
        // The field to mark when only one changed: the refusal is about it.
        showError(r.error().message, changed.size() == 1 ? changed.first() : nullptr);
        return false;
    }
    return true;
}

void SiteDialog::accept() {
    if (apply())
        QDialog::accept();
}

void SiteDialog::showError(const QString& message, QLineEdit* field) {
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
    for (QLineEdit* e : {name_, source_, return_, sip_})
        e->setStyleSheet(e == field ? QStringLiteral("QLineEdit { border: 1px solid #ff4d4d; }") : QString());
    if (field)
        field->setFocus();
    // The dialog grows to show the whole reason (it wraps), and keeps the width the operator gave it.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

} // namespace hntt::ui
