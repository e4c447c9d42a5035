#include "ui/main_window.h"

#include "version.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace hntt::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("HNTT Console — Online conference control"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/hntt-console.svg")));
    resize(1600, 900);

    auto* multiview = new QLabel(tr("Multiview: no meeting in session"), this);
    multiview->setObjectName(QStringLiteral("multiview"));
    multiview->setAlignment(Qt::AlignCenter);
    multiview->setStyleSheet(QStringLiteral("background: #0b0c0e; color: #6a7078; font-size: 18pt;"));
    setCentralWidget(multiview);

    buildMenus();
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About HNTT Console"), this, &MainWindow::showAbout);
}

void MainWindow::showShortcuts() {
    QMessageBox::information(this, tr("Keyboard shortcuts"), tr("Ctrl+Q\tQuit"));
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About HNTT Console"),
        tr("HNTT Console %1\nOperator console for the province's online video-conference centre.")
            .arg(QStringLiteral(HNTT_VERSION)));
}

} // namespace hntt::ui
