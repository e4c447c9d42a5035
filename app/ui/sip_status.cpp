#include "ui/sip_status.h"

#include "core/session/session.h"
#include "ui/panels/panel_style.h"

namespace hntt::ui {

SipStatus::SipStatus(core::Session& session, QWidget* parent)
    : QLabel(parent)
    , session_(session) {
    setObjectName(QStringLiteral("sipStatus"));
    // SIP stops listening only by an alarm of its own; the rest of the session's news is not ours.
    connect(&session_, &core::Session::changed, this, [this](const core::SessionEvent& event) {
        if (const auto* alarm = event.as<core::events::AlarmRaised>();
            alarm && alarm->alarm.kind == QLatin1String("sip.off"))
            refresh();
    });
    refresh();
}

void SipStatus::refresh() {
    const core::SessionOptions& o = session_.options();
    const QString address = QStringLiteral("%1:%2").arg(o.sipHost).arg(o.sipPort);
    if (!o.sipEnabled) {
        hide();
        return;
    }
    if (session_.sipListening()) {
        setText(tr("SIP: %1").arg(address));
        setToolTip(
            tr("Room systems call this console at %1; the console calls them from there.").arg(address));
        setStyleSheet(QStringLiteral("color: %1;").arg(style::kGreen.name()));
    } else {
        const QString why = session_.sipProblem();
        setText(tr("SIP off"));
        setToolTip(tr("SIP does not listen at %1: %2")
                       .arg(address, why.isEmpty() ? tr("the reason is not known") : why));
        setStyleSheet(QStringLiteral("color: %1; font-weight: 700;").arg(style::kRed.name()));
    }
    show();
}

} // namespace hntt::ui
