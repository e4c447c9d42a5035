// A site's name and addresses, edited by the operator: the picture it sends (source), the program
// it gets back (return feed) and the SIP address it is called at or calls from. The core checks
// them; a refusal shows in the dialog, beside the fields, and the dialog stays open.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class SiteDialog : public QDialog {
    Q_OBJECT

public:
    SiteDialog(core::Session& session, qint64 siteId, QWidget* parent = nullptr);

    QLineEdit* sipField() const { return sip_; }
    QLabel* errorLabel() const { return error_; }

    // Saves what changed; false (and the core's reason shown) when the core refused it.
    bool apply();

public Q_SLOTS:
    void accept() override;

private:
    void showError(const QString& message, QLineEdit* field);

    core::Session& session_;
    qint64 siteId_ = 0;
    QLineEdit* name_ = nullptr;
    QLineEdit* source_ = nullptr;
    QLineEdit* return_ = nullptr;
    QLineEdit* sip_ = nullptr;
    QLabel* error_ = nullptr;
};

} // namespace hntt::ui
