// The question asked before the console closes while something runs: what would stop (a
// recording, exports, a meeting in progress), with "Keep working" as the default answer. Not
// asked when the system tells the console to stop (SIGTERM): that stops cleanly at once.
#pragma once

#include "core/session/session.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace hntt::ui {

class CloseQuestion {
    Q_DECLARE_TR_FUNCTIONS(CloseQuestion)

public:
    // One line per thing that would stop.
    static QString describe(const core::Session::WorkInProgress& work);
    // True when the operator chose to close; asks nothing (true) when nothing runs.
    static bool confirm(QWidget* parent, const core::Session::WorkInProgress& work);
};

} // namespace hntt::ui
