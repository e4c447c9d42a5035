#include "api/session_json.h"

#include "core/archive/archive_verdict.h"
#include "core/archive/archive_verifier.h"
#include "core/archive/archive_writer.h"
#include "core/review/clip_exporter.h"
#include "core/store/meeting_book.h"
#include "core/store/recording_catalogue.h"
#include "core/store/site_directory.h"
#include "core/url_mask.h"

#include <cmath>

namespace hntt::api::wire {

namespace {

double roundTo(double v, double step) {
    return std::round(v / step) * step;
}

QJsonValue optionalId(const std::optional<qint64>& v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalText(const QString& s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString isoTime(const QDateTime& at) {
    return at.toOffsetFromUtc(at.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QString outputStateText(engine::OutputState s) {
    return QString::fromLatin1(engine::outputStateName(s));
}

// The type of each change as the API names it.
struct Typed {
    QString type;
    QJsonObject payload;
};

} // namespace

QJsonObject siteJson(const core::SiteView& s) {
    QJsonObject o = core::SiteDirectory::toJson(s.record);
    o.insert(QStringLiteral("status"), core::stateName(s.state));
    o.insert(QStringLiteral("audio"), QJsonObject{{"muted", s.audioMuted},
                                                  {"gain_db", s.gainDb},
                                                  {"level_dbfs", roundTo(s.levelDbfs, 0.1)},
                                                  {"speaking", s.speaking}});
    o.insert(QStringLiteral("video"), QJsonObject{{"muted", s.videoMuted},
                                                  {"width", s.stats.width},
                                                  {"height", s.stats.height},
                                                  {"fps", roundTo(s.stats.fps, 0.01)}});
    o.insert(QStringLiteral("stats"),
             QJsonObject{{"bitrate_kbps", qRound(s.stats.bitrateKbps)},
                         {"frames_dropped", static_cast<qint64>(s.stats.framesDropped)},
                         {"reconnects", static_cast<qint64>(s.stats.reconnects)},
                         {"packets", static_cast<qint64>(s.stats.packetsReceived)},
                         {"packets_lost", static_cast<qint64>(s.stats.packetsLost)},
                         {"last_error", QString::fromStdString(s.stats.lastError)}});
    // The return feed as it goes now (null without one): a failing feed shows on its site.
    QJsonValue feed;
    if (s.returnFeed)
        feed = QJsonObject{
            {"state", outputStateText(s.returnFeed->state)},
            {"bitrate_kbps", qRound(s.returnFeed->bitrateKbps)},
            {"error", optionalText(core::maskStreamUrlsIn(QString::fromStdString(s.returnFeed->error)))}};
    o.insert(QStringLiteral("return_feed"), feed);
    o.insert(QStringLiteral("call"), callJson(s.call));
    return o;
}

QJsonValue callJson(const std::optional<core::CallView>& call) {
    if (!call)
        return QJsonValue(QJsonValue::Null);
    const core::CallView& c = *call;
    return QJsonObject{
        {"state", core::callStateName(c.state)},
        {"direction", core::callDirectionName(c.direction)},
        {"on_hold", c.onHold},
        {"remote", c.remote},
        {"audio_codec", optionalText(c.audioCodec)},
        {"video_codec", optionalText(c.videoCodec)},
        {"tier", optionalText(c.tier)},
        {"width", c.width},
        {"height", c.height},
        {"packetization_mode", c.packetizationMode},
        {"loss_pct", roundTo(c.lossPct, 0.1)},
        {"jitter_ms", roundTo(c.jitterMs, 0.1)},
        {"attempt", c.attempt},
        {"redial_at", c.redialAt.isValid() ? QJsonValue(isoTime(c.redialAt)) : QJsonValue(QJsonValue::Null)},
        {"reason", optionalText(c.reason)},
        {"since", c.since.isValid() ? QJsonValue(isoTime(c.since)) : QJsonValue(QJsonValue::Null)}};
}

QJsonArray sitesJson(const QList<core::SiteView>& sites) {
    QJsonArray out;
    for (const core::SiteView& s : sites)
        out.append(siteJson(s));
    return out;
}

QJsonObject compositionJson(const engine::Composition& c) {
    return core::compositionDetail(c);
}

QJsonArray layoutsJson(const std::vector<engine::Layout>& layouts) {
    QJsonArray out;
    for (const engine::Layout& l : layouts) {
        QJsonArray slotList;
        for (const engine::Rect& r : l.rects)
            slotList.append(QJsonObject{{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}});
        out.append(QJsonObject{{"name", QString::fromStdString(l.name)}, {"slots", slotList}});
    }
    return out;
}

QJsonObject outputJson(const core::OutputView& o) {
    return {{"id", o.id},
            {"name", o.name},
            {"url", core::maskStreamUrlsIn(o.url)},
            {"state", outputStateText(o.stats.state)},
            {"bitrate_kbps", qRound(o.stats.bitrateKbps)},
            {"error", optionalText(core::maskStreamUrlsIn(o.error))}};
}

QJsonArray outputsJson(const QList<core::OutputView>& outputs) {
    QJsonArray out;
    for (const core::OutputView& o : outputs)
        out.append(outputJson(o));
    return out;
}

QJsonObject alarmJson(const core::AlarmView& a) {
    QJsonObject o{{"type", "alarm"},
                  {"at", isoTime(a.at)},
                  {"alarm_id", a.id},
                  {"kind", a.kind},
                  {"message", core::maskStreamUrlsIn(a.message)},
                  {"repeats", a.repeats}};
    if (a.subject.siteId)
        o.insert(QStringLiteral("site_id"), *a.subject.siteId);
    if (a.subject.outputId)
        o.insert(QStringLiteral("output_id"), *a.subject.outputId);
    if (a.subject.recordingId)
        o.insert(QStringLiteral("recording_id"), *a.subject.recordingId);
    return o;
}

QJsonArray alarmsJson(const QList<core::AlarmView>& alarms) {
    QJsonArray out;
    for (const core::AlarmView& a : alarms)
        out.append(alarmJson(a));
    return out;
}

QJsonObject programAudioJson(const core::Session& session) {
    return {{"muted", session.programAudioMuted()}, {"gain_db", session.programGainDb()}};
}

QJsonObject clockJson(const engine::ClockStats& clock) {
    // Where the tick's time goes, over the last second: phase → {mean_ms, max_ms}.
    QJsonObject phases;
    for (std::size_t p = 0; p < engine::kClockPhaseCount; ++p)
        phases.insert(QLatin1String(engine::clockPhaseName(static_cast<engine::ClockPhase>(p))),
                      QJsonObject{{"mean_ms", roundTo(clock.phases[p].meanMs, 0.001)},
                                  {"max_ms", roundTo(clock.phases[p].maxMs, 0.001)}});
    return {{"ticks", static_cast<qint64>(clock.ticks)},
            {"late", static_cast<qint64>(clock.lateTicks)},
            {"skipped", static_cast<qint64>(clock.skippedTicks)},
            {"phases", phases}};
}

QJsonObject stateJson(const core::Session& session) {
    const auto sites = session.sites();
    const auto recording = session.activeRecording();
    const core::SessionOptions& o = session.options();
    return {{"program", compositionJson(session.program())},
            {"preview", compositionJson(session.preview())},
            {"canvas", QJsonObject{{"width", o.width}, {"height", o.height}, {"fps", o.fps}}},
            {"recording", recording ? QJsonValue(core::RecordingCatalogue::toJson(*recording, false))
                                    : QJsonValue(QJsonValue::Null)},
            {"floor", optionalId(session.floor())},
            {"program_audio", programAudioJson(session)},
            {"active_meeting_id", optionalId(session.activeMeetingId())},
            {"auto_follow_speaker", session.autoFollowSpeaker()},
            {"clock", clockJson(session.clock())},
            {"sites", sites ? sitesJson(sites.value()) : QJsonArray()}};
}

QJsonObject eventJson(const core::SessionEvent& event, const core::Session& session) {
    namespace ev = core::events;
    auto siteOrId = [&session](qint64 id) {
        const auto site = session.site(id);
        return site ? QJsonObject{{"site", siteJson(site.value())}} : QJsonObject{{"site_id", id}};
    };
    const Typed t = std::visit(
        [&](const auto& c) -> Typed {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, ev::SiteCreated>)
                return {"site.created", siteOrId(c.siteId)};
            else if constexpr (std::is_same_v<T, ev::SiteUpdated>)
                return {"site.updated", siteOrId(c.siteId)};
            else if constexpr (std::is_same_v<T, ev::SiteDeleted>)
                return {"site.deleted", {{"site_id", c.siteId}}};
            else if constexpr (std::is_same_v<T, ev::SiteStatus>)
                return {"site.status",
                        {{"site_id", c.siteId}, {"status", core::stateName(c.state)}, {"reason", c.reason}}};
            else if constexpr (std::is_same_v<T, ev::SiteAudio>)
                return {"site.audio", {{"site_id", c.siteId}, {"muted", c.muted}, {"gain_db", c.gainDb}}};
            else if constexpr (std::is_same_v<T, ev::SiteVideo>)
                return {"site.video", {{"site_id", c.siteId}, {"muted", c.muted}}};
            else if constexpr (std::is_same_v<T, ev::SpeakerChanged>)
                return {"speaker.changed", {{"site_id", optionalId(c.siteId)}}};
            else if constexpr (std::is_same_v<T, ev::ProgramChanged>) {
                QJsonObject o = compositionJson(c.composition);
                if (!c.reason.isEmpty())
                    o.insert(QStringLiteral("reason"), c.reason);
                return {"program.changed", o};
            } else if constexpr (std::is_same_v<T, ev::PreviewChanged>)
                return {"preview.changed", compositionJson(c.composition)};
            else if constexpr (std::is_same_v<T, ev::FloorChanged>)
                return {"floor.changed", {{"site_id", c.siteId}}};
            else if constexpr (std::is_same_v<T, ev::AutoFollowChanged>)
                return {"program.auto", {{"on", c.on}}};
            else if constexpr (std::is_same_v<T, ev::ProgramAudioChanged>)
                return {"program.audio", {{"muted", c.muted}, {"gain_db", c.gainDb}}};
            else if constexpr (std::is_same_v<T, ev::RecordingStarted>)
                return {"recording.started", core::RecordingCatalogue::toJson(c.recording, false)};
            else if constexpr (std::is_same_v<T, ev::RecordingStopped>)
                return {"recording.stopped", core::RecordingCatalogue::toJson(c.recording, false)};
            else if constexpr (std::is_same_v<T, ev::RecordingError>)
                return {"recording.error",
                        {{"id", c.recordingId}, {"message", c.message}, {"stopped", c.stopped}}};
            else if constexpr (std::is_same_v<T, ev::RecordingRecovered>)
                return {"recording.recovered", {{"id", c.recordingId}}};
            else if constexpr (std::is_same_v<T, ev::RecordingChanged>) {
                if (c.removed)
                    return {"recording.deleted", {{"id", c.recording.id}}};
                return {"recording.changed", core::RecordingCatalogue::toJson(c.recording, false)};
            } else if constexpr (std::is_same_v<T, ev::ReturnFeedState>)
                return {"return_feed.state",
                        {{"site_id", c.siteId},
                         {"state", outputStateText(c.state)},
                         {"error", optionalText(core::maskStreamUrlsIn(c.error))}}};
            else if constexpr (std::is_same_v<T, ev::OutputAdded>) {
                const auto out = session.output(c.outputId);
                return {"output.added", out ? outputJson(*out) : QJsonObject{{"id", c.outputId}}};
            } else if constexpr (std::is_same_v<T, ev::OutputRemoved>)
                return {"output.removed", {{"output_id", c.outputId}}};
            else if constexpr (std::is_same_v<T, ev::OutputStateChanged>)
                return {"output.state",
                        {{"output_id", c.outputId},
                         {"state", outputStateText(c.state)},
                         {"error", optionalText(core::maskStreamUrlsIn(c.error))}}};
            else if constexpr (std::is_same_v<T, ev::MeetingScheduled>)
                return {"meeting.scheduled", core::MeetingBook::toJson(c.meeting)};
            else if constexpr (std::is_same_v<T, ev::MeetingStarted>)
                return {"meeting.started", core::MeetingBook::toJson(c.meeting)};
            else if constexpr (std::is_same_v<T, ev::CallState>)
                return {"call.state", {{"site_id", c.siteId}, {"call", callJson(c.call)}}};
            else if constexpr (std::is_same_v<T, ev::AlarmRaised>)
                return {"alarm", alarmJson(c.alarm)};
            else if constexpr (std::is_same_v<T, ev::AlarmAcknowledged>)
                return {"alarm.acknowledged",
                        {{"alarm_id", c.alarmId}, {"kind", c.kind}, {"actor", c.actor}}};
        },
        event.change);
    QJsonObject o = t.payload;
    o.insert(QStringLiteral("type"), t.type);
    o.insert(QStringLiteral("at"), isoTime(event.at));
    return o;
}

namespace {

QJsonValue jobResultJson(const core::JobQueue::Job& job) {
    if (job.state != core::JobQueue::State::Done)
        return QJsonValue::Null;
    if (const auto* a = job.resultAs<core::archive::ArchiveMade>())
        return QJsonObject{{"path", a->path},
                           {"files", a->files},
                           {"signed", a->isSigned},
                           {"signer", optionalText(a->signer)},
                           {"manifest_sha256", a->manifestSha256}};
    if (const auto* c = job.resultAs<core::ClipResult>())
        return QJsonObject{{"path", c->path},
                           {"start_s", c->startS},
                           {"end_s", c->endS},
                           {"duration_s", c->durationS},
                           {"size_bytes", c->sizeBytes},
                           {"clamped", c->clamped}};
    if (const auto* check = job.resultAs<core::archive::ArchiveCheck>()) {
        const core::archive::ArchiveVerification& v = check->verification;
        QJsonArray differences;
        for (const core::archive::ArchiveDifference& d : v.differences)
            differences.append(QJsonObject{{"path", d.path}, {"message", d.message}});
        const core::archive::ArchiveVerdict verdict = core::archive::verdictOf(v);
        return QJsonObject{{"path", check->path},
                           {"verdict", QString::fromLatin1(verdict.name())},
                           {"verdict_text", verdict.sentence},
                           {"intact", v.intact()},
                           {"files_checked", v.filesChecked},
                           {"signed", v.isSigned},
                           {"trusted", v.trusted},
                           {"signer", v.signer.subject},
                           {"fingerprint", v.signer.sha256Fingerprint},
                           {"differences", differences}};
    }
    return QJsonObject{};
}

} // namespace

QJsonObject jobJson(const core::JobQueue::Job& job) {
    return {{"id", job.id},
            {"kind", job.kind},
            {"state", core::jobStateName(job.state)},
            {"progress", job.progress},
            {"result", jobResultJson(job)},
            {"error", optionalText(job.error)}};
}

QJsonObject levelsJson(const engine::LevelsSnapshot& snap) {
    QJsonArray sites;
    for (const auto& s : snap.sites)
        sites.append(QJsonObject{{"site_id", static_cast<qint64>(s.id)},
                                 {"peak_dbfs", roundTo(s.levels.peakDbfs, 0.1)},
                                 {"rms_dbfs", roundTo(s.levels.rmsDbfs, 0.1)},
                                 {"speaking", s.speaking}});
    return {{"type", "site.levels"},
            {"at", isoTime(QDateTime::currentDateTime())},
            {"sites", sites},
            {"program", QJsonObject{{"peak_dbfs", roundTo(snap.program.peakDbfs, 0.1)},
                                    {"rms_dbfs", roundTo(snap.program.rmsDbfs, 0.1)}}}};
}

} // namespace hntt::api::wire
