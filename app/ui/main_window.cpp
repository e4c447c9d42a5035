#include "ui/main_window.h"

#include "core/session/session.h"
#include "ui/clock_status.h"
#include "ui/close_question.h"
#include "ui/load_offer.h"
#include "ui/operator_focus.h"
#include "ui/panels/alarms_panel.h"
#include "ui/panels/audio_panel.h"
#include "ui/panels/camera_panel.h"
#include "ui/panels/layout_panel.h"
#include "ui/panels/meeting_panel.h"
#include "ui/panels/monitors_panel.h"
#include "ui/panels/multiview_panel.h"
#include "ui/panels/outputs_panel.h"
#include "ui/panels/recording_panel.h"
#include "ui/panels/sites_panel.h"
#include "ui/picture_view.h"
#include "ui/review/library_window.h"
#include "ui/review/review_player.h"
#include "ui/sip_status.h"
#include "ui/site_selection.h"
#include "version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace hntt::ui {

MainWindow::MainWindow(core::Session& session, QWidget* parent)
    : QMainWindow(parent)
    , session_(session) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("HNTT Console — Online conference control"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/hntt-console.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    resize(1600, 900);

    selection_ = new SiteSelection(this);
    multiview_ = new MultiviewPanel(session_, *selection_, this);
    setCentralWidget(multiview_);

    sites_ = new SitesPanel(session_, *selection_, this);
    monitors_ = new MonitorsPanel(session_, this);
    layouts_ = new LayoutPanel(session_, this);
    camera_ = new CameraPanel(session_, this);
    audio_ = new AudioPanel(session_, this);
    recording_ = new RecordingPanel(session_, this);
    outputs_ = new OutputsPanel(session_, this);
    alarms_ = new AlarmsPanel(session_, this);
    meeting_ = new MeetingPanel(session_, this);
    connect(selection_, &SiteSelection::changed, camera_, &CameraPanel::setSite);

    // Left: the sites and today's meetings. Right: preview/program with Take, then layouts and
    // camera. Bottom: sound, recording, streams and alarms. The multiview keeps the middle.
    QDockWidget* sitesDock = addPanel(sites_, tr("Sites"), Qt::LeftDockWidgetArea);
    QDockWidget* meetingDock = addPanel(meeting_, tr("Meetings"), Qt::LeftDockWidgetArea, true);
    QDockWidget* monitorsDock = addPanel(monitors_, tr("Preview / Program"), Qt::RightDockWidgetArea);
    QDockWidget* layoutsDock = addPanel(layouts_, tr("Layouts"), Qt::RightDockWidgetArea, true);
    QDockWidget* cameraDock = addPanel(camera_, tr("Camera"), Qt::RightDockWidgetArea, true);
    QDockWidget* audioDock = addPanel(audio_, tr("Audio"), Qt::BottomDockWidgetArea);
    QDockWidget* recordingDock = addPanel(recording_, tr("Recording"), Qt::BottomDockWidgetArea, true);
    QDockWidget* outputsDock = addPanel(outputs_, tr("Streams"), Qt::BottomDockWidgetArea);
    QDockWidget* alarmsDock = addPanel(alarms_, tr("Alarms and events"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(sitesDock, meetingDock);
    sitesDock->raise();
    tabifyDockWidget(layoutsDock, cameraDock);
    layoutsDock->raise();
    splitDockWidget(audioDock, recordingDock, Qt::Horizontal);
    tabifyDockWidget(recordingDock, outputsDock);
    tabifyDockWidget(recordingDock, alarmsDock);
    recordingDock->raise();
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    // Sizes apply once the window has its own; the multiview keeps what is left. Shares of the
    // width, not pixels: on a 1366-pixel screen fixed sides would leave the multiview no room, and a
    // dock's size becomes part of the window's minimum.
    defaultSizes_ = [=, this] {
        resizeDocks({sitesDock, monitorsDock},
                    {std::min(340, width() * 18 / 100), std::min(440, width() * 23 / 100)}, Qt::Horizontal);
        resizeDocks({audioDock, recordingDock}, {640, 440}, Qt::Horizontal);
        resizeDocks({audioDock}, {330}, Qt::Vertical);
        resizeDocks({monitorsDock, layoutsDock}, {520, 330}, Qt::Vertical);
    };

    for (QObject* panel : {static_cast<QObject*>(multiview_), static_cast<QObject*>(sites_),
                           static_cast<QObject*>(monitors_), static_cast<QObject*>(layouts_)})
        connect(panel, SIGNAL(problem(QString)), this, SLOT(showMessage(QString)));
    // Unacknowledged alarms stay in sight whichever tab is in front.
    const auto showAlarmCount = [this, alarmsDock](int n) {
        alarmsDock->setWindowTitle(n > 0 ? tr("Alarms and events (%1)").arg(n) : tr("Alarms and events"));
        alarmsStatus_->setText(n > 0 ? tr("⚠ %n alarm(s)", nullptr, n) : QString());
        // Never raised over the tab in front: a control must not move from under the pointer.
    };
    connect(alarms_, &AlarmsPanel::unacknowledgedChanged, this, showAlarmCount);
    connect(alarms_, &AlarmsPanel::message, this, &MainWindow::showMessage);

    buildMenus();

    clock_ = new ClockStatus(this);
    loadOffer_ = new LoadOffer(lightLoad_, this);
    recordingStatus_ = new QLabel(this);
    recordingStatus_->setObjectName(QStringLiteral("recordingStatus"));
    alarmsStatus_ = new QLabel(this);
    alarmsStatus_->setObjectName(QStringLiteral("alarmStatus"));
    alarmsStatus_->setStyleSheet(QStringLiteral("color: #ffb347; font-weight: 700;"));
    statusBar()->addPermanentWidget(new OperatorFocus(this, multiview_, this));
    statusBar()->addPermanentWidget(alarmsStatus_);
    statusBar()->addPermanentWidget(new SipStatus(session_, this));
    statusBar()->addPermanentWidget(recordingStatus_);
    statusBar()->addPermanentWidget(loadOffer_);
    statusBar()->addPermanentWidget(clock_);
    statusBar()->showMessage(tr("Ready"), 3000);
    // Alarms raised while the session opened (SIP's port taken, say) count from the start.
    showAlarmCount(alarms_->unacknowledgedCount());
    auto* status = new QTimer(this);
    connect(status, &QTimer::timeout, this, &MainWindow::updateStatus);
    status->start(1000);
    updateStatus();

    // The layout the operator left, or the default one.
    defaultState_ = saveState();
    restoreGeometry(session_.settings().windowGeometry());
    restored_ = restoreState(session_.settings().windowState());
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!restored_ && defaultSizes_) {
        restored_ = true;
        QTimer::singleShot(0, this, [this] { defaultSizes_(); });
    }
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& title, Qt::DockWidgetArea area,
                                  bool scroll) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
    if (scroll) {
        // A form-like panel scrolls rather than forcing the window taller than the screen.
        auto* area = new QScrollArea(dock);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(panel);
        dock->setWidget(area);
    } else {
        dock->setWidget(panel);
    }
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    docks_ << dock;
    return dock;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* library = file->addAction(tr("Recordings &library…"), this, &MainWindow::showLibrary);
    library->setShortcut(Qt::CTRL | Qt::Key_L);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* program = menuBar()->addMenu(tr("&Program"));
    QAction* take = program->addAction(tr("&Take (preview to program)"), monitors_, &MonitorsPanel::take);
    take->setShortcut(Qt::Key_Space);
    program->addAction(monitors_->confirmEmptySlotsAction());
    QAction* autoFollow = program->addAction(tr("&Auto: follow the speaker"));
    autoFollow->setCheckable(true);
    autoFollow->setShortcut(Qt::Key_A);
    connect(autoFollow, &QAction::toggled, monitors_, &MonitorsPanel::setAutoFollow);
    connect(monitors_->autoButton(), &QPushButton::toggled, autoFollow, [autoFollow](bool on) {
        const QSignalBlocker block(autoFollow);
        autoFollow->setChecked(on);
    });
    QMenu* layouts = program->addMenu(tr("Preview &layout"));
    layouts->addActions(layouts_->layoutActions());
    program->addSeparator();
    program->addAction(multiview_->previousPageAction());
    program->addAction(multiview_->nextPageAction());
    QMenu* tiles = program->addMenu(tr("Select a &tile"));
    tiles->addActions(multiview_->digitActions());

    QMenu* sites = menuBar()->addMenu(tr("&Sites"));
    sites->addAction(sites_->findAction());
    sites->addSeparator();
    sites->addActions({sites_->previewAction(), sites_->floorAction(), sites_->floorStraightToProgramAction(),
                       sites_->muteAction(), sites_->videoMuteAction(), sites_->muteAllButFloorAction()});
    sites->addSeparator();
    sites->addActions({sites_->groupBringInAction(), sites_->groupMuteAction(), sites_->groupUnmuteAction()});
    sites->addSeparator();
    sites->addActions({sites_->callAction(), sites_->hangupAction(), sites_->callAllAction()});
    sites->addSeparator();
    sites->addAction(sites_->editAction());

    QMenu* meeting = menuBar()->addMenu(tr("&Meeting"));
    QAction* record = meeting->addAction(tr("Start &recording"), recording_, &RecordingPanel::record);
    record->setShortcut(Qt::CTRL | Qt::Key_R);
    meeting->addAction(tr("S&top recording"), recording_, &RecordingPanel::stop)
        ->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    meeting->addAction(tr("Add a &note to the recording…"), recording_, &RecordingPanel::addNote)
        ->setShortcut(Qt::CTRL | Qt::Key_N);
    meeting->addSeparator();
    meeting->addAction(tr("Start the selected &meeting"), meeting_, &MeetingPanel::startSelected);
    meeting->addAction(tr("&Connection check of its sites"), meeting_, &MeetingPanel::checkSelected);
    meeting->addSeparator();
    meeting->addAction(tr("&Acknowledge the selected alarms"), alarms_, &AlarmsPanel::acknowledgeSelected);
    meeting->addAction(tr("Acknowledge &all alarms"), alarms_, &AlarmsPanel::acknowledgeAll)
        ->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : std::as_const(docks_))
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    lightLoad_ = view->addAction(tr("L&ighter load"));
    lightLoad_->setObjectName(QStringLiteral("lightLoad"));
    lightLoad_->setCheckable(true);
    lightLoad_->setChecked(session_.lightLoad());
    lightLoad_->setToolTip(
        tr("For a machine that cannot keep up: the multiview refreshes five times a second and "
           "sites off the air show a picture a second. Program, recording and streams are "
           "untouched."));
    connect(lightLoad_, &QAction::toggled, this,
            [this](bool on) { session_.setLightLoad(on, QStringLiteral("ui")); });
    view->addAction(tr("&Reset panel layout"), this, &MainWindow::resetLayout);
    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current =
        QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("vi");
    for (const auto& [code, name] : {std::pair{QStringLiteral("vi"), QStringLiteral("Tiếng Việt")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* a = language->addAction(name, this, [this, code] { chooseLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts)
        ->setShortcut(Qt::Key_F1 | Qt::SHIFT);
    help->addAction(tr("&About HNTT Console"), this, &MainWindow::showAbout);

    // Shortcuts work wherever the focus is in the window, menus or not.
    for (QMenu* menu : {file, program, sites, meeting, view, help})
        addActions(menu->actions());
    for (QMenu* menu : {layouts, tiles})
        addActions(menu->actions());
}

QList<QPair<QString, QString>> MainWindow::shortcutList() const {
    QList<QPair<QString, QString>> list;
    std::function<void(QMenu*)> walk = [&](QMenu* menu) {
        for (QAction* a : menu->actions()) {
            if (a->menu())
                walk(a->menu());
            else if (!a->shortcut().isEmpty())
                list.append({a->shortcut().toString(QKeySequence::NativeText),
                             QString(a->text()).remove(QLatin1Char('&'))});
        }
    };
    for (QAction* top : menuBar()->actions())
        if (top->menu())
            walk(top->menu());
    list.append({tr("Arrow keys"), tr("Steer the camera (camera panel focused)")});
    list.append({tr("Double-click"), tr("Site on preview (multiview or list)")});
    list.append({tr("Drag"), tr("Site onto a preview slot")});
    // The review player's own keys, in its window.
    for (const auto& [key, action] : ReviewPlayer::keys())
        list.append({key, tr("Review player: %1").arg(action)});
    return list;
}

void MainWindow::showLibrary() {
    // One library window, made on first use; it follows the catalogue by itself.
    if (!library_) {
        library_ = new LibraryWindow(session_, this);
        library_->setWindowFlag(Qt::Window);
        library_->setAttribute(Qt::WA_DeleteOnClose, false);
        library_->resize(1300, 700);
    }
    library_->show();
    library_->raise();
    library_->activateWindow();
}

void MainWindow::showShortcuts() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(&dialog);
    table->setObjectName(QStringLiteral("shortcutTable"));
    const auto list = shortcutList();
    table->setColumnCount(2);
    table->setRowCount(int(list.size()));
    table->setHorizontalHeaderLabels({tr("Key"), tr("Action")});
    for (int i = 0; i < list.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(list[i].first));
        table->setItem(i, 1, new QTableWidgetItem(list[i].second));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->resizeColumnToContents(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(560, 640);
    dialog.exec();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About HNTT Console"),
        tr("HNTT Console %1\nOperator console for the province's online video-conference centre.")
            .arg(QStringLiteral(HNTT_VERSION)));
}

void MainWindow::chooseLanguage(const QString& language) {
    session_.settings().setLanguage(language);
    showMessage(tr("The language changes at the next start of the console."));
}

void MainWindow::resetLayout() {
    restoreState(defaultState_);
    if (defaultSizes_)
        defaultSizes_();
    for (QDockWidget* dock : std::as_const(docks_))
        dock->show();
}

void MainWindow::showMessage(const QString& text) {
    statusBar()->showMessage(text, 8000);
}

void MainWindow::updateStatus() {
    // Once a second: the clock's counters only, not the whole state with every site.
    clock_->report(session_.clock(), session_.options().fps);
    loadOffer_->report(clock_->health());
    const bool recording = session_.activeRecordingId().has_value();
    recordingStatus_->setText(recording ? tr("● REC") : QString());
    recordingStatus_->setStyleSheet(recording ? QStringLiteral("color: #ff4d4d; font-weight: 800;")
                                              : QString());
}

void MainWindow::closeWithoutAsking() {
    closeWithoutAsking_ = true;
    close();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!closeWithoutAsking_ && !CloseQuestion::confirm(this, session_.workInProgress())) {
        event->ignore();
        return;
    }
    session_.settings().setWindow(saveState(), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace hntt::ui
