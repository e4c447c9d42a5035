#include "ui/panels/join_link_dialog.h"

#include "core/session/session.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>
#include <memory>
#include <qrencode.h>

namespace hntt::ui {

namespace {

constexpr int kQrPixels = 240;

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrPtr = std::unique_ptr<QRcode, QrFree>;

} // namespace

QImage JoinLinkDialog::qrImage(const QString& text, int size) {
    const QrPtr code(QRcode_encodeString(text.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code || code->width <= 0)
        return {};
    const int modules = code->width + 8; // four modules of quiet zone on each side
    const int scale = std::max(1, size / modules);
    QImage image(modules * scale, modules * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                p.fillRect((x + 4) * scale, (y + 4) * scale, scale, scale, Qt::black);
    return image;
}

JoinLinkDialog::JoinLinkDialog(core::Session& session, qint64 siteId, QWidget* parent)
    : QDialog(parent)
    , session_(session)
    , siteId_(siteId) {
    const auto record = session_.siteRecord(siteId);
    setWindowTitle(tr("Join link: %1").arg(record ? record->name : QString::number(siteId)));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("The commune opens this link in Chromium or Chrome and is in the meeting. Send it "
                      "through the province's own channel: anyone with the link joins as this site."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* row = new QHBoxLayout;
    url_ = new QLineEdit(this);
    url_->setObjectName(QStringLiteral("joinLinkUrl"));
    url_->setReadOnly(true);
    url_->setMinimumWidth(520);
    copy_ = new QPushButton(tr("&Copy"), this);
    copy_->setObjectName(QStringLiteral("copyJoinLink"));
    row->addWidget(url_, 1);
    row->addWidget(copy_);
    layout->addLayout(row);

    qr_ = new QLabel(this);
    qr_->setObjectName(QStringLiteral("joinLinkQr"));
    qr_->setAlignment(Qt::AlignCenter);
    qr_->setToolTip(tr("Scan with the commune PC's phone or tablet to open the link"));
    layout->addWidget(qr_);

    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("joinLinkProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #e0a030;"));
    layout->addWidget(problem_);

    if (!session_.joinFingerprint().isEmpty()) {
        auto* certificate =
            new QLabel(tr("The page's certificate (for the province's IT to install on commune PCs): "
                          "%1\nSHA-256 %2")
                           .arg(session_.joinCertificateFile(), session_.joinFingerprint()),
                       this);
        certificate->setWordWrap(true);
        certificate->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(certificate);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    rotate_ = buttons->addButton(tr("&New link…"), QDialogButtonBox::ActionRole);
    rotate_->setObjectName(QStringLiteral("rotateJoinLink"));
    rotate_->setToolTip(tr("Make a new link for this site: the old one stops working at once"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy_, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(url_->text());
        copy_->setText(tr("Copied"));
    });
    connect(rotate_, &QPushButton::clicked, this, &JoinLinkDialog::rotateLink);

    const auto url = session_.joinLink(siteId_);
    if (!url) {
        problem_->setText(url.error().message);
        copy_->setEnabled(false);
        rotate_->setEnabled(false);
        return;
    }
    showLink(url.value());
    if (!session_.browserSitesAvailable())
        problem_->setText(session_.browserProblem());
}

void JoinLinkDialog::showLink(const QString& url) {
    url_->setText(url);
    url_->setCursorPosition(0);
    qr_->setPixmap(QPixmap::fromImage(qrImage(url, kQrPixels)));
    copy_->setText(tr("&Copy"));
}

void JoinLinkDialog::rotateLink() {
    const auto answer = QMessageBox::question(this, tr("New join link"),
                                              tr("The old link stops working at once, and a browser in the "
                                                 "meeting with it leaves. Make a new link?"));
    if (answer != QMessageBox::Yes)
        return;
    const auto url = session_.rotateJoinLink(siteId_, QStringLiteral("ui"));
    if (!url) {
        problem_->setText(url.error().message);
        return;
    }
    showLink(url.value());
}

} // namespace hntt::ui
