// Alarms and the event log: unacknowledged alarms on top (lost sites, stream and recording errors,
// camera faults) to acknowledge one by one or all at once; below, the running event log, newest
// first, with who acted and why (automatic actions always carry their reason).
#pragma once

#include "core/session/session_event.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class AlarmsPanel : public QWidget {
    Q_OBJECT

public:
    enum AlarmColumn { AlarmTime, AlarmSite, AlarmWhat, AlarmReason, AlarmColumnCount };
    enum LogColumn { LogTime, LogActor, LogAction, LogSubject, LogReason, LogColumnCount };
    static constexpr int kLogRows = 300;

    explicit AlarmsPanel(core::Session& session, QWidget* parent = nullptr);

    int unacknowledgedCount() const;
    // The alarm shown in a row of the alarm table (0 when none).
    qint64 alarmIdAt(int row) const;

public Q_SLOTS:
    // Acknowledges the alarms selected in the table (the first row when none is selected).
    void acknowledgeSelected();
    void acknowledgeAll();
    void refreshAlarms();
    void refreshLog();

Q_SIGNALS:
    // The number of unacknowledged alarms changed: for the status bar.
    void unacknowledgedChanged(int count);

private:
    void onEvent(const core::SessionEvent& event);
    QString siteName(qint64 id);

    core::Session& session_;
    QLabel* title_ = nullptr;
    QTableWidget* alarms_ = nullptr;
    QPushButton* acknowledge_ = nullptr;
    QPushButton* acknowledgeAll_ = nullptr;
    QTableWidget* log_ = nullptr;
    QTimer* logRefresh_ = nullptr; // gathers bursts of events into one read of the log
    QHash<qint64, QString> names_; // site names, read again on each refresh
    int count_ = -1;
};

} // namespace hntt::ui
