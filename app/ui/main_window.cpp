#include "ui/main_window.h"

#include "core/session/session.h"
#include "ui/picture_view.h"
#include "version.h"

#include <QApplication>
#include <QJsonObject>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace hntt::ui {

MainWindow::MainWindow(core::Session& session, QWidget* parent)
    : QMainWindow(parent)
    , session_(session) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("HNTT Console — Online conference control"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/hntt-console.svg")));
    resize(1600, 900);

    multiview_ = new PictureView(session_, core::Session::Picture::Multiview, this);
    multiview_->setObjectName(QStringLiteral("multiview"));
    setCentralWidget(multiview_);

    buildMenus();
    statusBar()->showMessage(tr("Ready"));
    auto* status = new QTimer(this);
    connect(status, &QTimer::timeout, this, &MainWindow::updateStatus);
    status->start(1000);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About HNTT Console"), this, &MainWindow::showAbout);
}

void MainWindow::updateStatus() {
    const QJsonObject clock = session_.stateJson().value(QStringLiteral("clock")).toObject();
    statusBar()->showMessage(tr("Program clock: %1 frames, %2 late, %3 skipped")
                                 .arg(clock.value(QStringLiteral("ticks")).toInteger())
                                 .arg(clock.value(QStringLiteral("late")).toInteger())
                                 .arg(clock.value(QStringLiteral("skipped")).toInteger()));
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
