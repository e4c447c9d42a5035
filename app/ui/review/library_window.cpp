#include "ui/review/library_window.h"

#include "core/jobs/job_queue.h"
#include "core/review/export_history.h"
#include "core/session/session.h"
#include "core/store/meeting_book.h"
#include "core/store/recording_catalogue.h"
#include "core/store/site_directory.h"
#include "core/text_fold.h"
#include "ui/confirmation.h"
#include "ui/file_dialogs.h"
#include "ui/review/archive_export_bar.h"
#include "ui/review/recording_edit_dialog.h"
#include "ui/review/review_player.h"
#include "ui/review/review_text.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace hntt::ui {

namespace {

enum Role {
    IdRole = Qt::UserRole + 1, // on the title column: the recording's id
    SearchRole,                // on the title column: the folded text the search looks in
    StateRole,                 // on the title column: the state's API name
    SortRole,                  // every column: what it sorts by
    MissingRole,               // on the title column: its file is not where the catalogue says
};

// A recording as the library names it: its title, else its file's name.
QString shownName(const core::RecordingRecord& r) {
    return r.title.isEmpty() ? QFileInfo(r.path).fileName() : r.title;
}

// The state filter's value for the recordings in the trash (the others are the API's state names).
const QString kTrashView = QStringLiteral("trash");

QStandardItem* cell(const QString& text, const QVariant& sortKey) {
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    item->setData(sortKey, SortRole);
    return item;
}

} // namespace

// Keeps the rows whose folded text holds the folded search as a phrase, in the chosen state.
class RecordingFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setQuery(const QString& query, const QString& state) {
        query_ = core::foldForSearch(query);
        state_ = state;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex title = sourceModel()->index(row, LibraryWindow::TitleColumn, parent);
        const QString state = title.data(StateRole).toString();
        if (state_.isEmpty() ? state == kTrashView : state != state_)
            return false;
        return query_.isEmpty() || title.data(SearchRole).toString().contains(query_);
    }

private:
    QString query_;
    QString state_;
};

LibraryWindow::LibraryWindow(const ReviewSources& sources, QWidget* parent)
    : QWidget(parent)
    , sources_(sources) {
    buildUi();
    reload();
}

LibraryWindow::LibraryWindow(core::Session& session, QWidget* parent)
    : LibraryWindow(ReviewSources::fromSession(session), parent) {
    connect(&session, &core::Session::changed, this, [this](const core::SessionEvent& event) {
        namespace ev = core::events;
        if (event.as<ev::RecordingStarted>() || event.as<ev::RecordingStopped>() ||
            event.as<ev::RecordingError>() || event.as<ev::RecordingRecovered>() ||
            event.as<ev::RecordingChanged>())
            reload();
    });
    // An archive that ends (from this window or the API) changes the Archive column.
    // (The end is in the event log by then: JobQueue::whenEnded runs before jobChanged.)
    connect(&session.jobs(), &core::JobQueue::jobChanged, this, [this](const core::JobQueue::Job& job) {
        if (job.kind == QLatin1String("archive") && job.state != core::JobQueue::State::Running)
            reload();
    });
    // Between the table and the count line.
    archiveBar_ = new ArchiveExportBar(session, this);
    if (auto* root = qobject_cast<QVBoxLayout*>(layout()))
        root->insertWidget(root->count() - 1, archiveBar_);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LibraryWindow::updateArchiveBar);
    updateArchiveBar();
    updateActions();
}

LibraryWindow::~LibraryWindow() = default;

void LibraryWindow::buildUi() {
    setObjectName(QStringLiteral("recordingLibrary"));
    setWindowTitle(tr("Recordings library"));
    resize(1100, 600);
    auto* root = new QVBoxLayout(this);

    auto* bar = new QHBoxLayout;
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("librarySearch"));
    search_->setPlaceholderText(tr("Search title, meeting, site or date (diacritics not needed)"));
    search_->setClearButtonEnabled(true);
    bar->addWidget(search_, 1);
    state_ = new QComboBox(this);
    state_->setObjectName(QStringLiteral("libraryState"));
    state_->addItem(tr("All recordings"), QString());
    state_->addItem(tr("Finished"), core::recordingStateName(core::RecordingState::Finished));
    state_->addItem(tr("Failed or cut off"), core::recordingStateName(core::RecordingState::Failed));
    state_->addItem(tr("Recording now"), core::recordingStateName(core::RecordingState::Recording));
    state_->addItem(tr("Trash"), kTrashView);
    bar->addWidget(state_);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    bar->addWidget(refresh);
    auto* open = new QPushButton(tr("Open"), this);
    open->setObjectName(QStringLiteral("libraryOpen"));
    bar->addWidget(open);
    root->addLayout(bar);

    model_ = new QStandardItemModel(this);
    model_->setHorizontalHeaderLabels({tr("Title"), tr("Meeting"), tr("Date"), tr("Duration"), tr("Size"),
                                       tr("Sites"), tr("State"), tr("Archive")});
    filter_ = new RecordingFilter(this);
    filter_->setSourceModel(model_);
    filter_->setSortRole(SortRole);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("libraryTable"));
    table_->setModel(filter_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->sortByColumn(DateColumn, Qt::DescendingOrder);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setSectionResizeMode(SitesColumn, QHeaderView::Stretch);
    // Sized so that everything fits 1300 px (a 1366-wide control-room screen) with the sites' names
    // taking what is left.
    table_->setColumnWidth(TitleColumn, 240);
    table_->setColumnWidth(MeetingColumn, 190);
    table_->setColumnWidth(DateColumn, 125);
    table_->setColumnWidth(DurationColumn, 90);
    table_->setColumnWidth(SizeColumn, 90);
    table_->setColumnWidth(StateColumn, 150);
    table_->setColumnWidth(ArchiveColumn, 180);
    root->addWidget(table_, 1);

    // What can be done to the selected recording; shown only when a session can do it. The trash
    // view has its own two.
    auto* actions = new QHBoxLayout;
    auto button = [this, actions](const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        actions->addWidget(b);
        return b;
    };
    edit_ = button(tr("Details…"), "libraryEdit");
    edit_->setToolTip(tr("Correct the title, attach the recording to a meeting, rename its file"));
    locate_ = button(tr("Locate moved file…"), "libraryLocate");
    locate_->setToolTip(tr("The file is not where it was recorded: point the recording at it"));
    trash_ = button(tr("Move to trash"), "libraryTrash");
    trash_->setToolTip(tr("Delete (Del): the file goes to the trash and can be restored"));
    restore_ = button(tr("Restore"), "libraryRestore");
    purge_ = button(tr("Delete for good…"), "libraryPurge");
    actions->addStretch(1);
    root->addLayout(actions);

    // One line of fixed height: the count, the last edit's outcome (with Undo) and any error come
    // and go without moving anything above.
    auto* foot = new QHBoxLayout;
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("libraryCount"));
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("libraryNotice"));
    undo_ = new QPushButton(tr("Undo"), this);
    undo_->setObjectName(QStringLiteral("libraryUndo"));
    undo_->hide();
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("libraryProblem"));
    status_->setStyleSheet(QStringLiteral("color: #f07070;"));
    foot->addWidget(count_);
    foot->addSpacing(16);
    foot->addWidget(notice_);
    foot->addWidget(undo_);
    foot->addStretch(1);
    foot->addWidget(status_);
    auto* footer = new QWidget(this);
    footer->setLayout(foot);
    foot->setContentsMargins(0, 0, 0, 0);
    footer->setFixedHeight(undo_->sizeHint().height());
    root->addWidget(footer);

    for (QPushButton* b : {edit_, locate_, trash_, restore_, purge_})
        b->setVisible(sources_.session != nullptr);
    connect(edit_, &QPushButton::clicked, this, &LibraryWindow::editSelected);
    connect(locate_, &QPushButton::clicked, this, [this] { relinkSelected(); });
    connect(trash_, &QPushButton::clicked, this, [this] { trashSelected(); });
    connect(restore_, &QPushButton::clicked, this, &LibraryWindow::restoreSelected);
    connect(purge_, &QPushButton::clicked, this, [this] { purgeSelected(); });
    connect(undo_, &QPushButton::clicked, this, &LibraryWindow::undoTrash);
    auto* del = new QShortcut(QKeySequence::Delete, table_);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] {
        if (sources_.session && state_->currentData().toString() != kTrashView)
            trashSelected();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LibraryWindow::updateActions);

    auto applyFilter = [this] {
        filter_->setQuery(search_->text(), state_->currentData().toString());
        updateCount();
        updateActions();
    };
    connect(search_, &QLineEdit::textChanged, this, applyFilter);
    connect(state_, &QComboBox::currentIndexChanged, this, applyFilter);
    connect(refresh, &QPushButton::clicked, this, &LibraryWindow::reload);
    connect(open, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = table_->selectionModel()->selectedRows(TitleColumn);
        if (!rows.isEmpty())
            onActivated(rows.first());
    });
    connect(table_, &QTableView::activated, this, &LibraryWindow::onActivated);
}

void LibraryWindow::reload() {
    status_->clear();
    status_->setToolTip(QString());
    std::optional<qint64> selected;
    if (const QModelIndexList rows = table_->selectionModel()->selectedRows(TitleColumn); !rows.isEmpty())
        selected = rows.first().data(IdRole).toLongLong();

    QHash<qint64, QString> siteNames;
    QHash<qint64, int> siteOrder; // directory (tree) order: province, then districts with their communes
    if (sources_.sites)
        if (auto all = sources_.sites->list()) {
            int i = 0;
            for (const core::SiteRecord& s : all.value()) {
                siteNames.insert(s.id, s.name);
                siteOrder.insert(s.id, i++);
            }
        }

    model_->removeRows(0, model_->rowCount());
    auto list = sources_.recordings
                    ? sources_.recordings->list()
                    : core::Result<QList<core::RecordingRecord>>(QList<core::RecordingRecord>{});
    auto trashed = sources_.recordings
                       ? sources_.recordings->list(std::nullopt, true)
                       : core::Result<QList<core::RecordingRecord>>(QList<core::RecordingRecord>{});
    if (!list || !trashed) {
        showProblem(!list ? list.error().message : trashed.error().message);
        updateCount();
        return;
    }
    list->append(trashed.value());
    const QLocale locale;
    QHash<qint64, QString> meetingTitles;
    QHash<qint64, core::ArchiveHistory> archives;
    if (sources_.session)
        if (auto history = core::ExportHistory::archives(sources_.session->eventLog()))
            archives = std::move(history).value();
    // Short in the column (its width is the sites' names'), the year in the tooltip.
    auto when = [&locale](const QDateTime& t) {
        return locale.toString(t.toLocalTime(), QStringLiteral("dd/MM HH:mm"));
    };
    for (const core::RecordingRecord& listed : list.value()) {
        // With its markers: the sites that spoke, had the floor, joined, left or were muted.
        auto full = sources_.recordings->get(listed.id);
        const core::RecordingRecord& r = full ? full.value() : listed;
        QList<qint64> sites;
        for (const core::MarkerRecord& m : r.markers)
            if (m.siteId && !sites.contains(*m.siteId))
                sites.append(*m.siteId);
        QString meetingTitle;
        if (r.meetingId && sources_.meetings) {
            if (!meetingTitles.contains(*r.meetingId)) {
                auto meeting = sources_.meetings->get(*r.meetingId);
                meetingTitles.insert(*r.meetingId, meeting ? meeting->title : QString());
                if (meeting)
                    for (qint64 id : meeting->siteIds)
                        if (!sites.contains(id))
                            sites.append(id);
            }
            meetingTitle = meetingTitles.value(*r.meetingId);
        }
        std::sort(sites.begin(), sites.end(), [&](qint64 a, qint64 b) {
            return siteOrder.value(a, INT_MAX) < siteOrder.value(b, INT_MAX);
        });
        QStringList names;
        for (qint64 id : sites)
            names << siteNames.value(id, tr("Site %1").arg(id));

        const QFileInfo file(r.trashed() ? r.trashPath : r.path);
        const bool onDisk = file.isFile();
        const QString date = r.startedAt.isValid() ? locale.toString(r.startedAt.toLocalTime(),
                                                                     QStringLiteral("dd/MM/yyyy HH:mm"))
                                                   : QString();
        QString stateText;
        switch (r.state) {
        case core::RecordingState::Recording:
            stateText = tr("Recording");
            break;
        case core::RecordingState::Finished:
            stateText = tr("Finished");
            break;
        case core::RecordingState::Failed:
            stateText = tr("Failed");
            break;
        }
        if (r.trashed())
            stateText = tr("In the trash since %1").arg(when(r.trashedAt));
        else if (!onDisk)
            stateText += QStringLiteral(" · ") + tr("file missing");

        const QString title = shownName(r);
        auto* titleItem = cell(title, core::foldForSearch(title));
        titleItem->setData(r.id, IdRole);
        titleItem->setData(r.trashed() ? kTrashView : core::recordingStateName(r.state), StateRole);
        titleItem->setData(!onDisk, MissingRole);
        titleItem->setData(
            core::foldForSearch(
                QStringList{title, meetingTitle, date, names.join(QLatin1Char(' ')), file.fileName()}.join(
                    QStringLiteral(" | "))),
            SearchRole);
        titleItem->setToolTip(QDir::toNativeSeparators(r.path));
        auto* sitesItem = cell(names.join(QStringLiteral(", ")), names.size());
        sitesItem->setToolTip(names.join(QLatin1Char('\n')));
        auto* sizeItem = onDisk ? cell(locale.formattedDataSize(file.size()), file.size())
                                : cell(tr("missing"), qint64(-1));
        auto* stateItem = cell(stateText, core::recordingStateName(r.state));
        if (!r.trashed() && (r.state == core::RecordingState::Failed || !onDisk)) {
            stateItem->setForeground(QColor(0xf0, 0x70, 0x70));
            if (!r.error.isEmpty())
                stateItem->setToolTip(r.error);
        }
        const core::ArchiveHistory history = archives.value(r.id);
        QString archiveText;
        if (history.lastOutcome == QLatin1String("interrupted"))
            archiveText = tr("Export cut off %1").arg(when(history.lastOutcomeAt));
        else if (history.lastOutcome == QLatin1String("failed"))
            archiveText = tr("Export failed %1").arg(when(history.lastOutcomeAt));
        else if (history.made > 0)
            archiveText =
                history.made == 1
                    ? tr("Archived %1").arg(when(history.lastMadeAt))
                    : tr("Archived %n times, last %1", nullptr, history.made).arg(when(history.lastMadeAt));
        auto* archiveItem =
            cell(archiveText, history.lastMadeAt.isValid() ? history.lastMadeAt.toMSecsSinceEpoch() : 0);
        if (history.lastOutcomeAt.isValid())
            archiveItem->setToolTip(QStringList{
                locale.toString(history.lastOutcomeAt.toLocalTime(), QStringLiteral("dd/MM/yyyy HH:mm")),
                QDir::toNativeSeparators(history.lastPath)}
                                        .join(QLatin1Char('\n'))
                                        .trimmed());
        if (history.lastOutcome == QLatin1String("interrupted") ||
            history.lastOutcome == QLatin1String("failed"))
            archiveItem->setForeground(QColor(0xf0, 0xb0, 0x40));
        model_->appendRow({titleItem, cell(meetingTitle, core::foldForSearch(meetingTitle)),
                           cell(date, r.startedAt.toMSecsSinceEpoch()),
                           cell(r.durationS ? ReviewText::duration(*r.durationS) : QStringLiteral("—"),
                                r.durationS.value_or(-1)),
                           sizeItem, sitesItem, stateItem, archiveItem});
    }
    filter_->setQuery(search_->text(), state_->currentData().toString());
    if (selected)
        selectRecording(*selected);
    updateCount();
    updateActions();
}

bool LibraryWindow::selectRecording(qint64 id) {
    for (int row = 0; row < filter_->rowCount(); ++row)
        if (filter_->index(row, TitleColumn).data(IdRole).toLongLong() == id) {
            table_->selectRow(row);
            return true;
        }
    return false;
}

std::optional<qint64> LibraryWindow::selectedRecording() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows(TitleColumn);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first().data(IdRole).toLongLong();
}

std::optional<core::RecordingRecord> LibraryWindow::selectedRecord() {
    const std::optional<qint64> id = selectedRecording();
    if (!id || !sources_.recordings || !sources_.session) {
        showProblem(tr("Select a recording first."));
        return std::nullopt;
    }
    auto rec = sources_.recordings->get(*id);
    if (!rec) {
        showProblem(rec.error().message);
        return std::nullopt;
    }
    return std::move(rec).value();
}

void LibraryWindow::showTrash(bool trash) {
    state_->setCurrentIndex(state_->findData(trash ? kTrashView : QString()));
}

void LibraryWindow::updateActions() {
    const bool trashView = state_->currentData().toString() == kTrashView;
    const QModelIndexList rows = table_->selectionModel()->selectedRows(TitleColumn);
    const bool any = !rows.isEmpty();
    const QString state = any ? rows.first().data(StateRole).toString() : QString();
    const bool recording = state == core::recordingStateName(core::RecordingState::Recording);
    const bool missing = any && rows.first().data(MissingRole).toBool();
    const bool session = sources_.session != nullptr;
    edit_->setVisible(session && !trashView);
    locate_->setVisible(session && !trashView);
    trash_->setVisible(session && !trashView);
    restore_->setVisible(session && trashView);
    purge_->setVisible(session && trashView);
    edit_->setEnabled(any && !recording);
    locate_->setEnabled(any && !recording && missing);
    trash_->setEnabled(any && !recording);
    restore_->setEnabled(any);
    purge_->setEnabled(any);
}

void LibraryWindow::showNotice(const QString& text, bool undoable) {
    status_->clear();
    notice_->setText(text);
    undo_->setVisible(undoable);
    if (!undoable)
        undoable_.reset();
}

void LibraryWindow::showProblem(const QString& text) {
    // One line: the whole reason in the tooltip.
    status_->setText(QFontMetrics(status_->font()).elidedText(text, Qt::ElideRight, 520));
    status_->setToolTip(text);
}

QString LibraryWindow::notice() const {
    return notice_->text();
}

QString LibraryWindow::problem() const {
    return status_->toolTip();
}

void LibraryWindow::editSelected() {
    auto rec = selectedRecord();
    if (!rec)
        return;
    RecordingEditDialog dialog(*sources_.session, *rec, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        showNotice(tr("Details of “%1” saved.").arg(shownName(*rec)), false);
    }
}

bool LibraryWindow::trashSelected(bool ask) {
    auto rec = selectedRecord();
    if (!rec)
        return false;
    const QString name = shownName(*rec);
    if (ask) {
        Confirmation q;
        q.title = tr("Move to trash");
        q.text = tr("Move the recording “%1” to the trash?").arg(name);
        q.details = tr("File: %1\nIt can be restored from the trash until the trash is emptied.")
                        .arg(QDir::toNativeSeparators(rec->path));
        q.act = tr("Move to trash");
        q.actName = "moveToTrash";
        q.refuse = tr("Cancel");
        if (!confirm(this, q))
            return false;
    }
    auto done = sources_.session->trashRecording(rec->id, QStringLiteral("ui"));
    if (!done) {
        showProblem(done.error().message);
        return false;
    }
    reload();
    showNotice(tr("“%1” moved to the trash.").arg(name), true);
    undoable_ = rec->id;
    return true;
}

bool LibraryWindow::undoTrash() {
    if (!undoable_ || !sources_.session)
        return false;
    const qint64 id = *undoable_;
    if (!restore(id)) // its notice ends the offer of Undo
        return false;
    selectRecording(id);
    return true;
}

bool LibraryWindow::restoreSelected() {
    auto rec = selectedRecord();
    return rec && restore(rec->id);
}

bool LibraryWindow::restore(qint64 id) {
    auto done = sources_.session->restoreRecording(id, QStringLiteral("ui"));
    if (!done) {
        showProblem(done.error().message);
        return false;
    }
    reload();
    showNotice(tr("“%1” is back in the library.").arg(shownName(done.value())), false);
    return true;
}

bool LibraryWindow::purgeSelected(bool ask) {
    auto rec = selectedRecord();
    if (!rec)
        return false;
    const QString name = shownName(*rec);
    if (ask) {
        Confirmation q;
        q.icon = QMessageBox::Warning;
        q.title = tr("Delete for good");
        q.text = tr("Delete the recording “%1” for good?").arg(name);
        q.details = tr("The file %1 is deleted and cannot be brought back.")
                        .arg(QDir::toNativeSeparators(rec->trashPath.isEmpty() ? rec->path : rec->trashPath));
        q.act = tr("Delete for good");
        q.actName = "deleteForGood";
        q.actRole = QMessageBox::DestructiveRole;
        q.refuse = tr("Cancel");
        if (!confirm(this, q))
            return false;
    }
    if (const core::Status done = sources_.session->purgeRecording(rec->id, QStringLiteral("ui")); !done) {
        showProblem(done.error().message);
        return false;
    }
    reload();
    showNotice(tr("“%1” deleted for good.").arg(name), false);
    return true;
}

bool LibraryWindow::relinkSelected(const QString& path) {
    auto rec = selectedRecord();
    if (!rec)
        return false;
    QString chosen = path;
    if (chosen.isEmpty()) {
        chosen = file_dialogs::openFile(this, tr("Where is the file of “%1” now?").arg(shownName(*rec)),
                                        QFileInfo(rec->path).absolutePath(),
                                        tr("Recordings (*.mkv *.mp4 *.mov *.ts);;All files (*)"));
        if (chosen.isEmpty())
            return false;
    }
    core::Session::RecordingChange change;
    change.relinkPath = chosen;
    auto done = sources_.session->changeRecording(rec->id, change, QStringLiteral("ui"));
    if (!done) {
        showProblem(done.error().message);
        return false;
    }
    reload();
    showNotice(
        tr("“%1” now plays from %2.").arg(shownName(done.value()), QDir::toNativeSeparators(done->path)),
        false);
    return true;
}

void LibraryWindow::updateCount() {
    // Of the library's recordings (the trash's own count in the trash view).
    const bool trashView = state_->currentData().toString() == kTrashView;
    int total = 0;
    for (int row = 0; row < model_->rowCount(); ++row)
        total +=
            (model_->index(row, TitleColumn).data(StateRole).toString() == kTrashView) == trashView ? 1 : 0;
    count_->setText(trashView ? tr("%n recording(s) in the trash", nullptr, total)
                              : tr("%1 of %2 recordings").arg(filter_->rowCount()).arg(total));
}

QString LibraryWindow::searchText() const {
    return search_->text();
}

void LibraryWindow::setSearchText(const QString& text) {
    search_->setText(text);
}

int LibraryWindow::recordingCount() const {
    return model_->rowCount();
}

QList<qint64> LibraryWindow::visibleRecordings() const {
    QList<qint64> ids;
    for (int row = 0; row < filter_->rowCount(); ++row)
        ids << filter_->index(row, TitleColumn).data(IdRole).toLongLong();
    return ids;
}

void LibraryWindow::updateArchiveBar() {
    if (!archiveBar_)
        return;
    const QModelIndexList rows = table_->selectionModel()->selectedRows(TitleColumn);
    if (rows.isEmpty()) {
        archiveBar_->setRecording(std::nullopt, false);
        return;
    }
    if (rows.first().data(StateRole).toString() == kTrashView) { // restore it first
        archiveBar_->setRecording(std::nullopt, false);
        return;
    }
    archiveBar_->setRecording(rows.first().data(IdRole).toLongLong(),
                              rows.first().data(StateRole).toString() ==
                                  core::recordingStateName(core::RecordingState::Recording));
}

void LibraryWindow::onActivated(const QModelIndex& index) {
    if (index.isValid())
        openRecording(filter_->index(index.row(), TitleColumn).data(IdRole).toLongLong());
}

ReviewPlayer* LibraryWindow::openRecording(qint64 id) {
    if (QPointer<ReviewPlayer> open = players_.value(id)) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    if (!sources_.recordings)
        return nullptr;
    auto recording = sources_.recordings->get(id);
    if (!recording) {
        showProblem(recording.error().message);
        return nullptr;
    }
    if (recording->trashed()) {
        showProblem(tr("“%1” is in the trash: restore it to play it.").arg(recording->title));
        return nullptr;
    }
    // Its own window, closed and freed on its own; the library outlives none of them.
    auto* player = new ReviewPlayer(sources_, std::move(recording).value(), this);
    player->setWindowFlag(Qt::Window);
    player->setAttribute(Qt::WA_DeleteOnClose);
    // As large as the screen allows (a 1366x768 screen has no room for 860 lines).
    const QRect room = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    player->resize(std::min(1280, room.width() - 40), std::min(860, room.height() - 40));
    players_.insert(id, player);
    player->show();
    Q_EMIT recordingOpened(id, player);
    return player;
}

} // namespace hntt::ui
