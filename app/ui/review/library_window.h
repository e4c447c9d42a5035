// The recordings library: every recording with its meeting, date, length, size on disk and the
// sites in it; filtered by state and searched without regard to diacritics ("quang hoa" finds
// "Quảng Hòa"). Double-click (or Enter) opens the recording in a ReviewPlayer window. Over a session,
// the selected recording's meeting archive can be exported and archive folders verified, and the
// library manages what it holds: details (title, meeting, file name), a moved file found again,
// delete to the trash (asked first, undone at once or restored later), and the trash emptied.
#pragma once

#include "core/store/recording_catalogue.h"
#include "ui/review/review_sources.h"

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
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

    // Selects a recording's row (in the view that shows it); false when no row shows it.
    bool selectRecording(qint64 id);
    std::optional<qint64> selectedRecording() const;
    // The view: every recording but the trash's, or the trash alone.
    void showTrash(bool trash);

    // The library's edits of the selected recording (with a session). Each returns false, with the
    // reason in the status line, when nothing changed.
    void editSelected(); // the details dialog
    // Asks (naming the file) unless `ask` is false, then moves it to the trash; "Undo" stays
    // offered in the footer until the next edit.
    bool trashSelected(bool ask = true);
    bool undoTrash();
    bool restoreSelected();
    // Deletes a recording in the trash for good; asks first (it cannot be undone).
    bool purgeSelected(bool ask = true);
    // Points a recording whose file is missing at the moved file; asks for it when `path` is empty.
    bool relinkSelected(const QString& path = {});

    // The last edit's outcome ("… moved to the trash") and the status line's last error.
    QString notice() const;
    QString problem() const;
    QPushButton* undoButton() const { return undo_; }

    enum Column {
        TitleColumn,
        MeetingColumn,
        DateColumn,
        DurationColumn,
        SizeColumn,
        SitesColumn,
        StateColumn,
        ArchiveColumn // archived (how often, when), or an export failed or cut off
    };

Q_SIGNALS:
    void recordingOpened(qint64 id, hntt::ui::ReviewPlayer* player);

private:
    void buildUi();
    void updateCount();
    void onActivated(const QModelIndex& index);
    void updateArchiveBar();
    void updateActions();
    void showNotice(const QString& text, bool undoable);
    void showProblem(const QString& text);
    std::optional<core::RecordingRecord> selectedRecord();
    bool restore(qint64 id); // from the trash, with its notice

    ReviewSources sources_;
    QStandardItemModel* model_ = nullptr;
    RecordingFilter* filter_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* search_ = nullptr;
    QComboBox* state_ = nullptr;
    QLabel* count_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* notice_ = nullptr;
    QPushButton* undo_ = nullptr;
    QPushButton* edit_ = nullptr;
    QPushButton* locate_ = nullptr;
    QPushButton* trash_ = nullptr;
    QPushButton* restore_ = nullptr;
    QPushButton* purge_ = nullptr;
    std::optional<qint64> undoable_; // the recording "Undo" brings back from the trash
    ArchiveExportBar* archiveBar_ = nullptr;
    QHash<qint64, QPointer<ReviewPlayer>> players_;
};

} // namespace hntt::ui
