#include "ui/call_look.h"

#include "ui/panels/panel_style.h"

#include <QStringList>
#include <cmath>

namespace hntt::ui {

CallLook::Kind CallLook::kind(const core::CallView& call) {
    switch (call.state) {
    case core::CallView::State::Ringing:
        return Kind::Ringing;
    case core::CallView::State::Connected:
        return call.onHold ? Kind::OnHold : Kind::Connected;
    case core::CallView::State::Ended:
        break;
    }
    return call.redialAt.isValid() ? Kind::Redialling : Kind::Ended;
}

QString CallLook::text(const core::CallView& call, const QDateTime& now) {
    switch (kind(call)) {
    case Kind::Ringing:
        // The try counts from the second one: a first call is plain ringing.
        return call.attempt > 1 ? tr("Ringing… · try %1").arg(call.attempt) : tr("Ringing…");
    case Kind::Connected:
        return tr("Connected");
    case Kind::OnHold:
        return tr("On hold");
    case Kind::Redialling: {
        const qint64 s = std::max<qint64>(0, (now.msecsTo(call.redialAt) + 999) / 1000);
        return tr("Redial in %1 s · try %2").arg(s).arg(call.attempt + 1);
    }
    case Kind::Ended:
        break;
    }
    return tr("Ended");
}

QColor CallLook::color(const core::CallView& call) {
    switch (kind(call)) {
    case Kind::Connected:
        return style::kGreen;
    case Kind::Ringing:
    case Kind::OnHold:
    case Kind::Redialling:
        return style::kAmber;
    case Kind::Ended:
        break;
    }
    return style::kRed;
}

QString CallLook::toolTip(const core::CallView& call) {
    QStringList lines;
    lines << (call.direction == core::CallView::Direction::In ? tr("Call from %1") : tr("Call to %1"))
                 .arg(call.remote.isEmpty() ? tr("(unknown)") : call.remote);
    lines << tr("State: %1").arg(text(call));
    if (call.since.isValid())
        lines << tr("Since: %1").arg(call.since.toString(QStringLiteral("HH:mm:ss dd/MM")));
    if (call.state != core::CallView::State::Ringing) {
        if (!call.audioCodec.isEmpty())
            lines << tr("Audio: %1").arg(call.audioCodec);
        if (!call.videoCodec.isEmpty()) {
            QString video = call.videoCodec;
            if (call.videoCodec.compare(QLatin1String("H264"), Qt::CaseInsensitive) == 0)
                video = tr("%1, packetization mode %2").arg(video).arg(call.packetizationMode);
            lines << tr("Video: %1").arg(video);
        } else if (!call.audioCodec.isEmpty()) {
            lines << tr("Video: none (sound only)");
        }
        if (call.width > 0 && call.height > 0)
            lines << tr("Pictures received: %1×%2").arg(call.width).arg(call.height);
        if (!call.tier.isEmpty())
            lines << tr("Receives the program at: %1").arg(call.tier);
        if (call.state == core::CallView::State::Connected)
            lines << tr("Loss: %1 % · jitter: %2 ms")
                         .arg(call.lossPct, 0, 'f', 1)
                         .arg(std::lround(call.jitterMs));
    }
    if (call.attempt > 1)
        lines << tr("Try: %1").arg(call.attempt);
    if (!call.reason.isEmpty())
        lines << tr("Reason: %1").arg(call.reason);
    return lines.join(QLatin1Char('\n'));
}

} // namespace hntt::ui
