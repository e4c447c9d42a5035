// Recording: record and stop, a title, a big elapsed-time counter, the file's size, and the free
// disk with how long it lasts at the recording's rate (amber under 30 minutes, red under 5).
#pragma once

#include "core/session/session_event.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class RecordingPanel : public QWidget {
    Q_OBJECT

public:
    explicit RecordingPanel(core::Session& session, QWidget* parent = nullptr);

    bool isRecording() const;
    // The title the next recording gets (the active meeting's, else one with today's date).
    QString title() const;

public Q_SLOTS:
    // What the buttons do; for menus and shortcuts too. Errors show in the panel.
    void record();
    void stop();
    // Asks for a note and puts it on the running recording's timeline, at this moment.
    void addNote();

Q_SIGNALS:
    void recordingChanged(bool recording);
    // 0 ok, 1 warning (under 30 minutes of recording left), 2 critical (under 5 minutes).
    void diskLevelChanged(int level);

private:
    void onEvent(const core::SessionEvent& event);
    void updateState();
    void updateStats();
    void setDefaultTitle();
    void showError(const QString& message);

    core::Session& session_;
    QLineEdit* title_ = nullptr;
    QPushButton* record_ = nullptr;
    QPushButton* stop_ = nullptr;
    QLabel* state_ = nullptr;
    QLabel* elapsed_ = nullptr;
    QLabel* size_ = nullptr;
    QLabel* free_ = nullptr;
    QLabel* timeLeft_ = nullptr;
    QLabel* error_ = nullptr;
    QTimer* stats_ = nullptr;
    bool titleEdited_ = false;
    bool wasRecording_ = false;
    int diskLevel_ = -1;
};

} // namespace hntt::ui
