// Camera control for the selected site: a pad that moves the camera while pressed (or while an
// arrow key is held with the panel focused), a zoom rocker, a speed slider and six presets with
// names and thumbnails. Storing a preset ("Store" then a preset, or Ctrl+click) also keeps a
// thumbnail of the site's picture in DATA_DIR/thumbnails. Every command goes through the core
// asynchronously; failures show in the panel's message line, never in a dialog.
#pragma once

#include "core/session/session_event.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QToolButton;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class ElidedLabel;

class CameraPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kPresets = 6;
    static constexpr int kThumbnailWidth = 160;
    static constexpr int kThumbnailHeight = 90;

    explicit CameraPanel(core::Session& session, QWidget* parent = nullptr);
    ~CameraPanel() override;

    qint64 siteId() const { return siteId_; }
    // Whether the selected site has a camera to steer (the controls are enabled).
    bool hasCamera() const { return hasCamera_; }
    // The message line (last error or confirmation).
    QString message() const;
    // Speed for the pad and the rocker, 0.05..1.
    double speed() const;
    // Where preset n's thumbnail of a site is kept.
    QString thumbnailPath(qint64 siteId, int preset) const;
    // The name shown on preset n of the selected site.
    QString presetName(int preset) const;

    // Child widgets by objectName, for tests and the main window's shortcuts: "pad-up", "pad-down",
    // "pad-left", "pad-right", "pad-up-left", "pad-up-right", "pad-down-left", "pad-down-right",
    // "pad-stop", "zoom-tele", "zoom-wide", "speed", "store", "presetName", "preset-1".."preset-6",
    // "message", "hint".

public Q_SLOTS:
    // The selected site (0: none). The controls are disabled, with a hint, when it has no camera.
    void setSite(qint64 siteId);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    enum Held : int { Up = 1, Down = 2, Left = 4, Right = 8, Tele = 16, Wide = 32 };
    // The direction bit a key steers (arrows pan/tilt, PageUp/PageDown zoom), 0 for other keys.
    static int directionOfKey(int key);

    void buildUi();
    void retranslate();
    void refreshSite();
    void hold(int direction, bool on);
    void sendMove();
    void stopNow();
    void presetClicked(int preset, bool store);
    void recall(int preset);
    void store(int preset);
    void loadPresets();
    void savePresetNames() const;
    void showPresetButton(int preset);
    void showMessage(const QString& text, bool error);
    void onEvent(const core::SessionEvent& event);

    core::Session& session_;
    qint64 siteId_ = 0;
    bool hasCamera_ = false;
    int held_ = 0;        // Held bits now pressed
    bool moving_ = false; // a move was sent and not yet stopped
    quint64 messageSerial_ = 0;

    ElidedLabel* title_ = nullptr;
    QLabel* hint_ = nullptr;
    QWidget* controls_ = nullptr;
    QHash<QToolButton*, int> padButtons_; // button → Held bits
    QToolButton* stopButton_ = nullptr;
    QToolButton* tele_ = nullptr;
    QToolButton* wide_ = nullptr;
    QLabel* zoomLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QSlider* speed_ = nullptr;
    QPushButton* store_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLabel* presetsLabel_ = nullptr;
    QList<QToolButton*> presets_;
    QHash<int, QString> names_; // preset → name given by the operator
    QLabel* message_ = nullptr;
    Qt::KeyboardModifiers pressModifiers_; // of the last press on a preset button
};

} // namespace hntt::ui
