// The console's one window: it assembles the panels and their menus, and owns no logic.
#pragma once

#include <QMainWindow>

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class PictureView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(core::Session& session, QWidget* parent = nullptr);

private:
    void buildMenus();
    void showShortcuts();
    void showAbout();
    void updateStatus();

    core::Session& session_;
    PictureView* multiview_ = nullptr;
};

} // namespace hntt::ui
