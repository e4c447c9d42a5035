// The console's one window: it assembles the panels in docks around the multiview, gathers their
// actions into menus and shortcuts, and keeps the dock layout. It owns no logic of its own.
#pragma once

#include <QMainWindow>
#include <functional>

class QDockWidget;
class QLabel;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class AlarmsPanel;
class AudioPanel;
class CameraPanel;
class ClockStatus;
class LoadOffer;
class LayoutPanel;
class LibraryWindow;
class MeetingPanel;
class OutputsPanel;
class RecordingPanel;
class MonitorsPanel;
class MultiviewPanel;
class SiteSelection;
class SitesPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(core::Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    SiteSelection& selection() const { return *selection_; }
    // Every shortcut with what it does, as Help lists them.
    QList<QPair<QString, QString>> shortcutList() const;

public Q_SLOTS:
    void showMessage(const QString& text);
    void resetLayout();
    // Closes without the question asked while something runs (the system's stop request).
    void closeWithoutAsking();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QDockWidget* addPanel(QWidget* panel, const QString& title, Qt::DockWidgetArea area, bool scroll = false);
    void buildMenus();
    void showShortcuts();
    void showLibrary();
    void showAbout();
    void chooseLanguage(const QString& language);
    void updateStatus();

    core::Session& session_;
    bool closeWithoutAsking_ = false;
    SiteSelection* selection_ = nullptr;
    MultiviewPanel* multiview_ = nullptr;
    SitesPanel* sites_ = nullptr;
    MonitorsPanel* monitors_ = nullptr;
    LayoutPanel* layouts_ = nullptr;
    CameraPanel* camera_ = nullptr;
    AudioPanel* audio_ = nullptr;
    RecordingPanel* recording_ = nullptr;
    OutputsPanel* outputs_ = nullptr;
    AlarmsPanel* alarms_ = nullptr;
    MeetingPanel* meeting_ = nullptr;
    LibraryWindow* library_ = nullptr;
    QList<QDockWidget*> docks_;
    QByteArray defaultState_;
    std::function<void()> defaultSizes_;
    bool restored_ = false;
    ClockStatus* clock_ = nullptr;
    LoadOffer* loadOffer_ = nullptr;
    QAction* lightLoad_ = nullptr;
    QLabel* recordingStatus_ = nullptr;
    QLabel* alarmsStatus_ = nullptr;
};

} // namespace hntt::ui
