// The archives' settings as a records office sets them: where archives go (a USB drive, a network
// share), the certificate and key that sign them, and the signers trusted when archives are
// checked. Saved only when all of it checks out (core::archive::applyArchiveSettings); the next
// export and check use it at once.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class ArchiveSettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ArchiveSettingsDialog(core::Session& session, QWidget* parent = nullptr);

    QLineEdit* folderField() const { return folder_; }
    QLineEdit* certificateField() const { return certificate_; }
    QLineEdit* keyField() const { return key_; }
    QListWidget* trustedList() const { return trusted_; }
    QLabel* problemLabel() const { return problem_; }

    // Checks and saves; false (with the reason shown, nothing changed) when something does not hold.
    bool save();
    // Adds the certificate(s) of a PEM file to the trust list; false with the reason shown.
    bool trustFile(const QString& path);
    // Takes the selected certificate off the trust list.
    void distrustSelected();

private:
    void reloadTrusted();
    void showProblem(const QString& text);
    void browse(QLineEdit* field, bool folder, const QString& title);

    core::Session& session_;
    QLineEdit* folder_ = nullptr;
    QLineEdit* certificate_ = nullptr;
    QLineEdit* key_ = nullptr;
    QLabel* signer_ = nullptr;
    QListWidget* trusted_ = nullptr;
    QPushButton* remove_ = nullptr;
    QLabel* problem_ = nullptr;
};

} // namespace hntt::ui
