#include "core/event_labels.h"

#include "core/text_language.h"

#include <QHash>

namespace hntt::core {

QString EventLabels::alarmKind(const QString& kind) {
    // Most alarms are named as the event that raised them is; these have no event of that name.
    if (kind == QLatin1String("output.error"))
        return translate("EventLabels", "Stream error");
    if (kind == QLatin1String("recording.stalled"))
        return translate("EventLabels", "Recording not written");
    if (kind == QLatin1String("recording.tracks"))
        return translate("EventLabels", "Site tracks with gaps");
    if (kind == QLatin1String("camera.error"))
        return translate("EventLabels", "Camera error");
    if (kind == QLatin1String("browser.janus"))
        return translate("EventLabels", "Browser gateway down");
    return action(kind);
}

QString EventLabels::actor(const QString& actor) {
    if (actor == QLatin1String("ui"))
        return translate("EventLabels", "Operator");
    if (actor == QLatin1String("auto"))
        return translate("EventLabels", "Automatic");
    if (actor.startsWith(QLatin1String("api:")))
        return translate("EventLabels", "API (%1)").arg(actor.mid(4));
    return actor;
}

QString EventLabels::action(const QString& action, const EventDetail& detail) {
    // What the operator did, not which part of the site changed.
    if (action == QLatin1String("site.audio")) {
        if (detail.muted)
            return *detail.muted ? translate("EventLabels", "Muted") : translate("EventLabels", "Unmuted");
        if (detail.gainDb)
            return translate("EventLabels", "Gain set to %1 dB").arg(*detail.gainDb, 0, 'f', 1);
    }
    if (action == QLatin1String("site.video") && detail.muted)
        return *detail.muted ? translate("EventLabels", "Picture off")
                             : translate("EventLabels", "Picture on");
    static const QHash<QString, const char*> labels{
        {QStringLiteral("site.create"), QT_TRANSLATE_NOOP("EventLabels", "Site added")},
        {QStringLiteral("site.update"), QT_TRANSLATE_NOOP("EventLabels", "Site changed")},
        {QStringLiteral("site.delete"), QT_TRANSLATE_NOOP("EventLabels", "Site removed")},
        {QStringLiteral("site.audio"), QT_TRANSLATE_NOOP("EventLabels", "Site audio")},
        {QStringLiteral("site.video"), QT_TRANSLATE_NOOP("EventLabels", "Site picture")},
        {QStringLiteral("site.lost"), QT_TRANSLATE_NOOP("EventLabels", "Signal lost")},
        {QStringLiteral("site.connected"), QT_TRANSLATE_NOOP("EventLabels", "Site connected")},
        {QStringLiteral("program.set"), QT_TRANSLATE_NOOP("EventLabels", "Program set")},
        {QStringLiteral("preview.set"), QT_TRANSLATE_NOOP("EventLabels", "Preview set")},
        {QStringLiteral("program.take"), QT_TRANSLATE_NOOP("EventLabels", "Take")},
        {QStringLiteral("program.follow_speaker"),
         QT_TRANSLATE_NOOP("EventLabels", "Program follows the speaker")},
        {QStringLiteral("program.auto"), QT_TRANSLATE_NOOP("EventLabels", "Auto mode")},
        {QStringLiteral("program.audio"), QT_TRANSLATE_NOOP("EventLabels", "Program audio")},
        {QStringLiteral("floor.give"), QT_TRANSLATE_NOOP("EventLabels", "Floor given")},
        {QStringLiteral("recording.start"), QT_TRANSLATE_NOOP("EventLabels", "Recording started")},
        {QStringLiteral("recording.stop"), QT_TRANSLATE_NOOP("EventLabels", "Recording stopped")},
        {QStringLiteral("recording.error"), QT_TRANSLATE_NOOP("EventLabels", "Recording error")},
        {QStringLiteral("recording.recovered"), QT_TRANSLATE_NOOP("EventLabels", "Recording written again")},
        {QStringLiteral("recording.tracks_incomplete"),
         QT_TRANSLATE_NOOP("EventLabels", "Site tracks with gaps")},
        {QStringLiteral("return_feed.error"), QT_TRANSLATE_NOOP("EventLabels", "Return feed error")},
        {QStringLiteral("return_feed.recovered"),
         QT_TRANSLATE_NOOP("EventLabels", "Return feed going out again")},
        {QStringLiteral("output.add"), QT_TRANSLATE_NOOP("EventLabels", "Stream added")},
        {QStringLiteral("output.remove"), QT_TRANSLATE_NOOP("EventLabels", "Stream removed")},
        {QStringLiteral("output.stop"), QT_TRANSLATE_NOOP("EventLabels", "Stream stopped")},
        {QStringLiteral("output.start"), QT_TRANSLATE_NOOP("EventLabels", "Stream started")},
        {QStringLiteral("output.restore"), QT_TRANSLATE_NOOP("EventLabels", "Stream restored")},
        {QStringLiteral("meeting.schedule"), QT_TRANSLATE_NOOP("EventLabels", "Meeting booked")},
        {QStringLiteral("meeting.start"), QT_TRANSLATE_NOOP("EventLabels", "Meeting started")},
        {QStringLiteral("alarm.acknowledge"), QT_TRANSLATE_NOOP("EventLabels", "Alarm acknowledged")},
        {QStringLiteral("camera.move"), QT_TRANSLATE_NOOP("EventLabels", "Camera moved")},
        {QStringLiteral("camera.stop"), QT_TRANSLATE_NOOP("EventLabels", "Camera stopped")},
        {QStringLiteral("camera.preset.recall"), QT_TRANSLATE_NOOP("EventLabels", "Camera preset recalled")},
        {QStringLiteral("camera.preset.store"), QT_TRANSLATE_NOOP("EventLabels", "Camera preset stored")},
        {QStringLiteral("call.dial"), QT_TRANSLATE_NOOP("EventLabels", "Site called")},
        {QStringLiteral("call.redial"), QT_TRANSLATE_NOOP("EventLabels", "Site called again")},
        {QStringLiteral("call.meeting"), QT_TRANSLATE_NOOP("EventLabels", "The meeting's SIP sites called")},
        {QStringLiteral("call.hangup"), QT_TRANSLATE_NOOP("EventLabels", "Call hung up")},
        {QStringLiteral("call.connected"), QT_TRANSLATE_NOOP("EventLabels", "Call connected")},
        {QStringLiteral("call.ended"), QT_TRANSLATE_NOOP("EventLabels", "Call ended")},
        {QStringLiteral("call.error"), QT_TRANSLATE_NOOP("EventLabels", "Call error")},
        {QStringLiteral("call.hold"), QT_TRANSLATE_NOOP("EventLabels", "Call on hold")},
        {QStringLiteral("call.resume"), QT_TRANSLATE_NOOP("EventLabels", "Call resumed")},
        {QStringLiteral("call.timeout"), QT_TRANSLATE_NOOP("EventLabels", "No media from the call")},
        {QStringLiteral("call.refused"), QT_TRANSLATE_NOOP("EventLabels", "Call refused")},
        {QStringLiteral("sip.off"), QT_TRANSLATE_NOOP("EventLabels", "SIP off")},
        {QStringLiteral("api.login_failed"), QT_TRANSLATE_NOOP("EventLabels", "Failed API logins")},
        {QStringLiteral("api.connections"), QT_TRANSLATE_NOOP("EventLabels", "API connections refused")},
        {QStringLiteral("site.source_refused"), QT_TRANSLATE_NOOP("EventLabels", "Source refused")},
        {QStringLiteral("recording.interrupted"), QT_TRANSLATE_NOOP("EventLabels", "Recording interrupted")},
        {QStringLiteral("archive.partial_removed"),
         QT_TRANSLATE_NOOP("EventLabels", "Unfinished archive removed")},
        {QStringLiteral("archive.start"), QT_TRANSLATE_NOOP("EventLabels", "Archive export started")},
        {QStringLiteral("archive.done"), QT_TRANSLATE_NOOP("EventLabels", "Archive made")},
        {QStringLiteral("archive.failed"), QT_TRANSLATE_NOOP("EventLabels", "Archive export failed")},
        {QStringLiteral("archive.cancelled"), QT_TRANSLATE_NOOP("EventLabels", "Archive export cancelled")},
        {QStringLiteral("archive.interrupted"), QT_TRANSLATE_NOOP("EventLabels", "Archive export cut off")},
        {QStringLiteral("clip.start"), QT_TRANSLATE_NOOP("EventLabels", "Clip export started")},
        {QStringLiteral("clip.done"), QT_TRANSLATE_NOOP("EventLabels", "Clip exported")},
        {QStringLiteral("clip.failed"), QT_TRANSLATE_NOOP("EventLabels", "Clip export failed")},
        {QStringLiteral("clip.cancelled"), QT_TRANSLATE_NOOP("EventLabels", "Clip export cancelled")},
        {QStringLiteral("clip.interrupted"), QT_TRANSLATE_NOOP("EventLabels", "Clip export cut off")},
        {QStringLiteral("recording.edit"), QT_TRANSLATE_NOOP("EventLabels", "Recording details changed")},
        {QStringLiteral("recording.rename"), QT_TRANSLATE_NOOP("EventLabels", "Recording file renamed")},
        {QStringLiteral("recording.relink"), QT_TRANSLATE_NOOP("EventLabels", "Recording file found again")},
        {QStringLiteral("recording.trash"), QT_TRANSLATE_NOOP("EventLabels", "Recording moved to the trash")},
        {QStringLiteral("recording.restore"), QT_TRANSLATE_NOOP("EventLabels", "Recording restored")},
        {QStringLiteral("recording.purge"), QT_TRANSLATE_NOOP("EventLabels", "Recording deleted for good")},
        {QStringLiteral("browser.hangup"), QT_TRANSLATE_NOOP("EventLabels", "Browser site hung up")},
        {QStringLiteral("browser.link_rotated"), QT_TRANSLATE_NOOP("EventLabels", "Join link renewed")},
        {QStringLiteral("browser.janus_down"), QT_TRANSLATE_NOOP("EventLabels", "Browser gateway down")},
        {QStringLiteral("browser.janus_up"), QT_TRANSLATE_NOOP("EventLabels", "Browser gateway up")},
        {QStringLiteral("clock.behind"), QT_TRANSLATE_NOOP("EventLabels", "Program not keeping time")},
        {QStringLiteral("clock.recovered"), QT_TRANSLATE_NOOP("EventLabels", "Program keeps time again")},
        {QStringLiteral("load.light"), QT_TRANSLATE_NOOP("EventLabels", "Console load changed")},
        {QStringLiteral("site.unstable"), QT_TRANSLATE_NOOP("EventLabels", "Site keeps reconnecting")},
        {QStringLiteral("disk.low"), QT_TRANSLATE_NOOP("EventLabels", "Recordings' disk filling")},
        {QStringLiteral("disk.recovered"), QT_TRANSLATE_NOOP("EventLabels", "Recordings' disk has room")},
    };
    const auto it = labels.find(action);
    return it == labels.end() ? action : translate("EventLabels", it.value());
}

bool EventLabels::aboutSite(const QString& action) {
    return action.startsWith(QLatin1String("site.")) || action.startsWith(QLatin1String("floor.")) ||
           action.startsWith(QLatin1String("camera.")) ||
           (action.startsWith(QLatin1String("call.")) && action != QLatin1String("call.meeting")) ||
           action == QLatin1String("browser.hangup") || action == QLatin1String("browser.link_rotated");
}

} // namespace hntt::core
