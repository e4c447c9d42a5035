// Program streams (SRT, RTMP, UDP): each with its state, bitrate and error; add one by URL and name,
// stop and start it again without losing it, remove it once stopped.
#pragma once

#include "core/session/session_event.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace hntt::core {
class Session;
}

namespace hntt::ui {

class OutputsPanel : public QWidget {
    Q_OBJECT

public:
    enum Column { Name, Url, State, Bitrate, Error, Actions, ColumnCount };

    explicit OutputsPanel(core::Session& session, QWidget* parent = nullptr);

    // The table's row of an output (-1 when not shown), and that row's buttons
    // (objectNames "toggle" for stop/start and "remove").
    int rowOf(qint64 outputId) const;
    QPushButton* toggleButton(qint64 outputId) const;
    QPushButton* removeButton(qint64 outputId) const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // How many streams are failing or retrying now, for the status bar.
    void troubleChanged(int count);

private:
    void add();
    void toggle(qint64 id);
    void remove(qint64 id);
    void onEvent(const core::SessionEvent& event);
    void showError(const QString& message);

    core::Session& session_;
    QLineEdit* name_ = nullptr;
    QLineEdit* url_ = nullptr;
    QPushButton* add_ = nullptr;
    QLabel* error_ = nullptr;
    QTableWidget* table_ = nullptr;
    QTimer* stats_ = nullptr;
    QList<qint64> shown_; // output ids by row
    int trouble_ = -1;
};

} // namespace hntt::ui
