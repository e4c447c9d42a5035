#include "ui/review/library_window.h"

#include "core/session/session.h"
#include "core/store/meeting_book.h"
#include "core/store/recording_catalogue.h"
#include "core/store/site_directory.h"
#include "core/text_fold.h"
#include "ui/review/archive_export_bar.h"
#include "ui/review/review_player.h"
#include "ui/review/review_text.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
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
};

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
        if (!state_.isEmpty() && title.data(StateRole).toString() != state_)
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
            event.as<ev::RecordingError>() || event.as<ev::RecordingRecovered>())
            reload();
    });
    // Between the table and the count line.
    archiveBar_ = new ArchiveExportBar(session, this);
    if (auto* root = qobject_cast<QVBoxLayout*>(layout()))
        root->insertWidget(root->count() - 1, archiveBar_);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LibraryWindow::updateArchiveBar);
    updateArchiveBar();
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
    bar->addWidget(state_);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    bar->addWidget(refresh);
    auto* open = new QPushButton(tr("Open"), this);
    open->setObjectName(QStringLiteral("libraryOpen"));
    bar->addWidget(open);
    root->addLayout(bar);

    model_ = new QStandardItemModel(this);
    model_->setHorizontalHeaderLabels(
        {tr("Title"), tr("Meeting"), tr("Date"), tr("Duration"), tr("Size"), tr("Sites"), tr("State")});
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
    table_->setColumnWidth(TitleColumn, 260);
    table_->setColumnWidth(MeetingColumn, 220);
    table_->setColumnWidth(DateColumn, 130);
    table_->setColumnWidth(StateColumn, 170);
    root->addWidget(table_, 1);

    auto* foot = new QHBoxLayout;
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("libraryCount"));
    status_ = new QLabel(this);
    status_->setStyleSheet(QStringLiteral("color: #f07070;"));
    foot->addWidget(count_);
    foot->addStretch(1);
    foot->addWidget(status_);
    root->addLayout(foot);

    auto applyFilter = [this] {
        filter_->setQuery(search_->text(), state_->currentData().toString());
        updateCount();
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
    if (!list) {
        status_->setText(list.error().message);
        updateCount();
        return;
    }
    const QLocale locale;
    QHash<qint64, QString> meetingTitles;
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

        const QFileInfo file(r.path);
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
        if (!onDisk)
            stateText += QStringLiteral(" · ") + tr("file missing");

        const QString title = r.title.isEmpty() ? file.fileName() : r.title;
        auto* titleItem = cell(title, core::foldForSearch(title));
        titleItem->setData(r.id, IdRole);
        titleItem->setData(core::recordingStateName(r.state), StateRole);
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
        if (r.state == core::RecordingState::Failed || !onDisk) {
            stateItem->setForeground(QColor(0xf0, 0x70, 0x70));
            if (!r.error.isEmpty())
                stateItem->setToolTip(r.error);
        }
        model_->appendRow({titleItem, cell(meetingTitle, core::foldForSearch(meetingTitle)),
                           cell(date, r.startedAt.toMSecsSinceEpoch()),
                           cell(r.durationS ? ReviewText::duration(*r.durationS) : QStringLiteral("—"),
                                r.durationS.value_or(-1)),
                           sizeItem, sitesItem, stateItem});
    }
    filter_->setQuery(search_->text(), state_->currentData().toString());
    if (selected)
        for (int row = 0; row < filter_->rowCount(); ++row)
            if (filter_->index(row, TitleColumn).data(IdRole).toLongLong() == *selected)
                table_->selectRow(row);
    updateCount();
}

void LibraryWindow::updateCount() {
    count_->setText(tr("%1 of %2 recordings").arg(filter_->rowCount()).arg(model_->rowCount()));
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
        status_->setText(recording.error().message);
        return nullptr;
    }
    // Its own window, closed and freed on its own; the library outlives none of them.
    auto* player = new ReviewPlayer(sources_, std::move(recording).value(), this);
    player->setWindowFlag(Qt::Window);
    player->setAttribute(Qt::WA_DeleteOnClose);
    player->resize(1280, 860);
    players_.insert(id, player);
    player->show();
    Q_EMIT recordingOpened(id, player);
    return player;
}

} // namespace hntt::ui
