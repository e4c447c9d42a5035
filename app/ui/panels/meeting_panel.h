// Today's meetings: the schedule (time, title, room, host, sites, emergency), starting a meeting
// (its sites come in, host and participants on program and preview), and the connection check of
// every site before the start: reachable, bitrate against the link rules, packet loss.
#pragma once

#include "core/session/session_event.h"

#include <QList>
#include <QWidget>
#include <chrono>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace hntt::core {
class Session;
class ConnectionCheck;
} // namespace hntt::core

namespace hntt::ui {

class ElidedLabel;

class MeetingPanel : public QWidget {
    Q_OBJECT

public:
    enum MeetingColumn { Time, Title, Room, Host, Sites, Emergency, MeetingColumnCount };
    enum CheckColumn {
        CheckSite,
        CheckReachable,
        CheckBitrate,
        CheckLink,
        CheckLoss,
        CheckResult,
        CheckNotes,
        CheckColumnCount
    };

    explicit MeetingPanel(core::Session& session, QWidget* parent = nullptr);
    ~MeetingPanel() override;

    // The meeting shown in a row (0 when none), and the row of a meeting (-1 when not shown).
    qint64 meetingAt(int row) const;
    int rowOf(qint64 meetingId) const;
    // How long the connection check samples each site (default 5 s).
    void setCheckDuration(std::chrono::milliseconds duration) { checkDuration_ = duration; }
    bool checkRunning() const;

public Q_SLOTS:
    void refresh();
    // Act on the selected meeting (the first one when none is selected).
    void startSelected();
    void checkSelected();

Q_SIGNALS:
    void meetingStarted(qint64 meetingId);
    // The connection check finished: how many sites failed and how many warn.
    void checkFinished(int failed, int warned);

private:
    qint64 selectedMeeting() const;
    void onEvent(const core::SessionEvent& event);
    void showCheck();
    void showMessage(const QString& text, bool error);

    core::Session& session_;
    ElidedLabel* day_ = nullptr;
    ElidedLabel* active_ = nullptr;
    QTableWidget* meetings_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* check_ = nullptr;
    QLabel* message_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QTableWidget* results_ = nullptr;
    QTimer* clock_ = nullptr;
    std::unique_ptr<core::ConnectionCheck> checkRun_;
    std::chrono::milliseconds checkDuration_{5000};
};

} // namespace hntt::ui
