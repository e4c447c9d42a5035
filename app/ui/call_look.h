// How a site's SIP call looks in the console: one word, one colour and one tooltip per state, so
// the sites list, the multiview's neighbours and the tests agree on what "ringing" shows.
#pragma once

#include "core/calls/call_view.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace hntt::ui {

class CallLook {
    Q_DECLARE_TR_FUNCTIONS(CallLook)

public:
    enum class Kind { Ringing, Connected, OnHold, Redialling, Ended };
    static Kind kind(const core::CallView& call);
    // The badge: "Ringing…", "Connected", "On hold", "Redial in 8 s · try 3", "Ended".
    // `now` makes the countdown testable.
    static QString text(const core::CallView& call, const QDateTime& now = QDateTime::currentDateTime());
    static QColor color(const core::CallView& call);
    // Remote, direction, codecs, resolution, tier, loss, jitter, since, reason: one line each.
    static QString toolTip(const core::CallView& call);
};

} // namespace hntt::ui
