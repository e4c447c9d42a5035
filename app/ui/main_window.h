// The console's one window: it assembles the panels and their menus, and owns no logic.
#pragma once

#include <QMainWindow>

namespace hntt::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    void buildMenus();
    void showShortcuts();
    void showAbout();
};

} // namespace hntt::ui
