// Corrects what the library holds about one recording: its title, the meeting it belongs to (the
// bookings of the week around it, or none) and its file's name. Applied through the session (file
// first, catalogue after, logged); a refusal is shown in the dialog, which stays open.
#pragma once

#include "core/store/recording_catalogue.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class RecordingEditDialog : public QDialog {
    Q_OBJECT

public:
    RecordingEditDialog(core::Session& session, const core::RecordingRecord& recording,
                        QWidget* parent = nullptr);

    QLineEdit* titleField() const { return title_; }
    QComboBox* meetingField() const { return meeting_; }
    QLineEdit* fileNameField() const { return fileName_; }
    QLabel* problemLabel() const { return problem_; }

    // Applies what changed; false (the reason shown, nothing changed) when the session refuses.
    bool apply();

private:
    core::Session& session_;
    core::RecordingRecord recording_;
    QLineEdit* title_ = nullptr;
    QComboBox* meeting_ = nullptr;
    QLineEdit* fileName_ = nullptr;
    QLabel* problem_ = nullptr;
};

} // namespace hntt::ui
