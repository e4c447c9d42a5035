// The recordings library: every recording with its meeting, date, length, size on disk and the
// sites in it; filtered by state and searched without regard to diacritics ("quang hoa" finds
// "Quảng Hòa"). Double-click (or Enter) opens the recording in a ReviewPlayer window. Over a session,
// the selected recording's meeting archive can be exported and archive folders verified.
#pragma once

#include "ui/review/review_sources.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QStandardItemModel;
class QTableView;

namespace hntt::ui {

class ArchiveExportBar;
class RecordingFilter;
class ReviewPlayer;

class LibraryWindow : public QWidget {
    Q_OBJECT

public:
    LibraryWindow(const ReviewSources& sources, QWidget* parent = nullptr);
    // The session's recordings; the list follows recordings as they start, stop and fail.
    explicit LibraryWindow(core::Session& session, QWidget* parent = nullptr);
    ~LibraryWindow() override;

    // Reads the catalogue again (keeps the search and the selection).
    void reload();

    QString searchText() const;
    void setSearchText(const QString& text);
    // All recordings in the catalogue, and the ids the filter keeps, in the order shown.
    int recordingCount() const;
    QList<qint64> visibleRecordings() const;
    QTableView* table() const { return table_; }
    // The archive export and verify actions; nullptr without a session.
    ArchiveExportBar* archiveBar() const { return archiveBar_; }
    // Where the review windows put clips by default.
    QString clipsDir() const { return sources_.clipsDir; }

    // Opens (or raises) the review window of a recording; nullptr with the reason shown when the
    // catalogue cannot give it.
    ReviewPlayer* openRecording(qint64 id);

    enum Column {
        TitleColumn,
        MeetingColumn,
        DateColumn,
        DurationColumn,
        SizeColumn,
        SitesColumn,
        StateColumn
    };

Q_SIGNALS:
    void recordingOpened(qint64 id, hntt::ui::ReviewPlayer* player);

private:
    void buildUi();
    void updateCount();
    void onActivated(const QModelIndex& index);
    void updateArchiveBar();

    ReviewSources sources_;
    QStandardItemModel* model_ = nullptr;
    RecordingFilter* filter_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* search_ = nullptr;
    QComboBox* state_ = nullptr;
    QLabel* count_ = nullptr;
    QLabel* status_ = nullptr;
    ArchiveExportBar* archiveBar_ = nullptr;
    QHash<qint64, QPointer<ReviewPlayer>> players_;
};

} // namespace hntt::ui
