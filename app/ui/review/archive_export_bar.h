// The recordings library's meeting archive actions: export the selected recording's archive
// (optionally signed) and verify an archive folder. Both run as jobs on the session's job queue,
// off the UI thread; the bar follows their progress through JobQueue::jobChanged, can cancel them,
// and shows the outcome: the archive's path with a way to open it, the verdict of a check with
// every difference, or why the work was refused or failed.
#pragma once

#include "core/jobs/job_queue.h"

#include <QString>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace hntt::core {
class Session;
namespace archive {
struct ArchiveVerdict;
}
} // namespace hntt::core

namespace hntt::ui {

class ArchiveExportBar : public QWidget {
    Q_OBJECT

public:
    explicit ArchiveExportBar(core::Session& session, QWidget* parent = nullptr);

    // The recording the export action applies to; none: nothing selected. A recording still being
    // recorded cannot be archived yet.
    void setRecording(std::optional<qint64> id, bool stillRecording);
    std::optional<qint64> recording() const { return recording_; }

    // Whether the manifest can be signed: a certificate and a key are configured.
    bool canSign() const;
    // The language the next archive's report and event table are written in: "vi" (the default,
    // whatever the window's) or "en".
    QString archiveLanguage() const;

    // The job being followed, if any.
    std::optional<qint64> currentJob() const { return job_; }
    // The last outcome shown: a path, a verdict (its sentence first) or a reason, as plain text.
    QString message() const { return messageText_; }
    // The last check's verdict: "trusted", "changed", "unsigned" or "untrusted"; empty otherwise.
    QString verdict() const { return verdict_; }
    // The folder of the last archive exported; empty when there is none.
    QString archivePath() const { return archivePath_; }
    // The differences listed by the last check, as "path: what differs".
    QStringList differences() const;
    // The highest progress (0..1) a job announced since it started.
    double progressSeen() const { return progressSeen_; }

public Q_SLOTS:
    // Exports the archive of the selected recording (asking first when it was archived before) or
    // of `id` (no question), signed when the box is ticked.
    void exportArchive();
    void exportRecording(qint64 id);
    // Asks for an archive folder, then checks it.
    void chooseAndVerify();
    void verifyFolder(const QString& folder);
    void cancel();
    void openArchiveFolder();
    // The archive settings dialog (destination, signing, trusted signers); takes effect at once.
    void openSettings();

Q_SIGNALS:
    // A job of this bar ended, as JobQueue::jobChanged gives it.
    void jobFinished(const hntt::core::JobQueue::Job& job);

private:
    enum class Work { Export, Verify };

    void buildUi();
    void updateButtons();
    void refreshSigning();
    void startFollowing(qint64 job, Work work, const QString& text);
    void onJobChanged(const core::JobQueue::Job& job);
    void showExportOutcome(const core::JobQueue::Job& job);
    void showVerifyOutcome(const core::JobQueue::Job& job);
    void showMessage(const QString& text, bool error);
    void showVerdict(const core::archive::ArchiveVerdict& verdict, const QString& details);

    core::Session& session_;
    std::optional<qint64> recording_;
    bool stillRecording_ = false;
    std::optional<qint64> job_;
    Work work_ = Work::Export;
    double progressSeen_ = 0;
    QString archivePath_;

    QPushButton* exportButton_ = nullptr;
    QCheckBox* sign_ = nullptr;
    QComboBox* language_ = nullptr; // of what the archive says to people: "vi" or "en"
    QPushButton* verifyButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QPushButton* settingsButton_ = nullptr;
    QLabel* verdictMark_ = nullptr; // the last check's: green, amber or red
    QLabel* message_ = nullptr;
    QString verdict_; // the last check's verdict name, empty otherwise
    QString messageText_;
    QPushButton* openButton_ = nullptr;
    QListWidget* differences_ = nullptr;
};

} // namespace hntt::ui
