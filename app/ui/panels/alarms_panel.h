// Alarms and the event log: unacknowledged alarms on top (lost sites, stream and recording errors,
// camera faults) to acknowledge one by one or all at once; below, the event log (EventLogView),
// which takes the whole panel while no alarm waits.
#pragma once

#include "core/session/session_event.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class ElidedLabel;

class EventLogView;

class AlarmsPanel : public QWidget {
    Q_OBJECT

public:
    enum AlarmColumn { AlarmTime, AlarmSite, AlarmWhat, AlarmReason, AlarmColumnCount };

    explicit AlarmsPanel(core::Session& session, QWidget* parent = nullptr);

    int unacknowledgedCount() const;
    // The alarm shown in a row of the alarm table (0 when none).
    qint64 alarmIdAt(int row) const;
    EventLogView* eventLog() const { return log_; }

public Q_SLOTS:
    // Acknowledges the alarms selected in the table (the first row when none is selected).
    void acknowledgeSelected();
    void acknowledgeAll();
    void refreshAlarms();

Q_SIGNALS:
    // The number of unacknowledged alarms changed: for the status bar.
    void unacknowledgedChanged(int count);
    // A word for the status bar (the event log saved, or why not).
    void message(const QString& text);

private:
    void onEvent(const core::SessionEvent& event);
    QString siteName(qint64 id);
    void readSites(); // names for the alarms and the log, and the log's site filter

    core::Session& session_;
    ElidedLabel* title_ = nullptr;
    QTableWidget* alarms_ = nullptr;
    QPushButton* acknowledge_ = nullptr;
    QPushButton* acknowledgeAll_ = nullptr;
    QWidget* alarmsBox_ = nullptr; // the count, the buttons and the table
    EventLogView* log_ = nullptr;
    QHash<qint64, QString> names_; // site names, read again when a site changes
    int count_ = -1;
};

} // namespace hntt::ui
