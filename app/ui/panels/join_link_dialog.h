// A browser site's join link for the operator to hand to the commune: the link to copy, its QR
// code to scan, a new link when the old one leaked (the old stops working at once), and the
// certificate the page is served with, for the province's IT.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class JoinLinkDialog : public QDialog {
    Q_OBJECT

public:
    JoinLinkDialog(core::Session& session, qint64 siteId, QWidget* parent = nullptr);

    QLineEdit* urlField() const { return url_; }
    QLabel* qrCode() const { return qr_; }
    QPushButton* copyButton() const { return copy_; }
    QPushButton* rotateButton() const { return rotate_; }
    QLabel* problemLabel() const { return problem_; }

    // A QR code of `text` (error correction M), `size` pixels square with its quiet zone; null
    // when the text does not fit one.
    static QImage qrImage(const QString& text, int size);

private:
    void showLink(const QString& url);
    void rotateLink();

    core::Session& session_;
    qint64 siteId_;
    QLineEdit* url_ = nullptr;
    QLabel* qr_ = nullptr;
    QPushButton* copy_ = nullptr;
    QPushButton* rotate_ = nullptr;
    QLabel* problem_ = nullptr;
};

} // namespace hntt::ui
