// The running event log, newest first: who acted (the operator, an API client, the console
// itself), what was done and to what, and why (automatic actions always carry their reason).
// Narrowed to the console's own events (alarms, losses, recoveries) or to people's actions, and to
// one site; what is shown can be exported as a spreadsheet file.
#pragma once

#include <QHash>
#include <QWidget>

class QComboBox;
class QPushButton;
class QTableWidget;
class QTimer;

namespace hntt::core {
class Session;
struct EventQuery;
struct EventRecord;
} // namespace hntt::core

namespace hntt::ui {

class EventLogView : public QWidget {
    Q_OBJECT

public:
    enum Column { LogTime, LogActor, LogAction, LogSubject, LogReason, ColumnCount };
    enum class Show { Everything, Automatic, People };
    static constexpr int kRows = 300;

    explicit EventLogView(core::Session& session, QWidget* parent = nullptr);

    // Site names for the subject column and the site filter (the alarms panel reads them anyway).
    void setSiteNames(const QHash<qint64, QString>& names, const QList<qint64>& order);
    void setShow(Show show);
    void setSite(qint64 siteId); // 0: every site
    // Everything the filters let through (not only the rows shown), as CSV in UTF-8; an error
    // message when it could not be written.
    QString exportTo(const QString& path) const;

public Q_SLOTS:
    void refresh();
    void scheduleRefresh(); // gathers bursts of events into one read of the log

Q_SIGNALS:
    // A word for the status bar: a file saved, or why it was not.
    void message(const QString& text);

private:
    core::EventQuery query(int limit) const;
    QString subjectText(const core::EventRecord& e) const; // a site's name where the subject is one
    void chooseExportFile();

    core::Session& session_;
    QComboBox* show_ = nullptr;
    QComboBox* site_ = nullptr;
    QPushButton* export_ = nullptr;
    QTableWidget* table_ = nullptr;
    QTimer* refresh_ = nullptr;
    QHash<qint64, QString> names_;
    bool filtersChanged_ = true;
};

} // namespace hntt::ui
