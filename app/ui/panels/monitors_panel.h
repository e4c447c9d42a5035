// Preview and program side by side, with Take and the Auto (follow the speaker) toggle between
// them, like a vision mixer's monitor wall. Sites dropped on a preview slot go into that slot.
#pragma once

#include "core/session/session_event.h"

#include <QWidget>

class QAction;
class QBoxLayout;
class QLabel;
class QPushButton;
class QTimer;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class ElidedLabel;
class PictureView;

class MonitorsPanel : public QWidget {
    Q_OBJECT

public:
    explicit MonitorsPanel(core::Session& session, QWidget* parent = nullptr);

    PictureView* previewView() const { return preview_; }
    PictureView* programView() const { return program_; }
    QPushButton* takeButton() const { return take_; }
    QPushButton* autoButton() const { return auto_; }
    // Checked: TAKE with empty slots on preview waits for a second TAKE (saved in the settings).
    QAction* confirmEmptySlotsAction() const { return confirmEmpty_; }
    static constexpr int kConfirmMs = 4000;

public Q_SLOTS:
    void take();
    void setAutoFollow(bool on);

Q_SIGNALS:
    // A refused change, for the status line (e.g. an unknown site dropped).
    void problem(const QString& message);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void onEvent(const core::SessionEvent& event);
    void refreshCaptions();
    int emptyPreviewSlots() const; // slots of preview's layout with no site in them
    void setTakeArmed(bool armed);

    core::Session& session_;
    PictureView* preview_ = nullptr;
    PictureView* program_ = nullptr;
    ElidedLabel* previewTitle_ = nullptr;
    ElidedLabel* programTitle_ = nullptr;
    QPushButton* take_ = nullptr;
    QPushButton* auto_ = nullptr;
    QBoxLayout* monitors_ = nullptr;
    QAction* confirmEmpty_ = nullptr;
    QTimer* armed_ = nullptr; // running: the next TAKE puts the empty slots on air
};

} // namespace hntt::ui
