// What the console's panels need from the session beyond sites and pictures: the program mix's
// mute and gain, alarms kept until someone acknowledges them, starting a booked meeting, and the
// disk budget of the recording. Each change is logged and announced like every other one.
#include "core/session/engine_error.h"
#include "core/session/session.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <algorithm>
#include <cmath>

namespace hntt::core {

namespace {

// Unacknowledged alarms kept at most; the oldest go first (they are in the event log anyway).
constexpr int kMaxAlarms = 500;

// An alarm's subject: what it is about, so that a repeat updates the one already shown.
QString alarmSubject(const QJsonObject& alarm) {
    for (const char* key : {"site_id", "output_id", "recording_id"})
        if (alarm.contains(QLatin1String(key)))
            return QLatin1String(key) + QLatin1Char(':') +
                   QString::number(alarm.value(QLatin1String(key)).toInteger());
    return alarm.value(QStringLiteral("message")).toString();
}

// The smallest layout that holds `count` sites with slot 0 for the host.
std::string fittingLayout(std::size_t count) {
    if (count <= 1)
        return "single";
    if (count == 2)
        return "side-by-side";
    if (count <= 4)
        return "grid-2x2";
    if (count <= 6)
        return "focus-1+5";
    if (count <= 8)
        return "focus-1+7";
    if (count <= 9)
        return "grid-3x3";
    if (count <= 16)
        return "grid-4x4";
    return "grid-5x5";
}

} // namespace

// ---------------------------------------------------------------- program audio

Status Session::setProgramAudio(bool muted, double gainDb, const Actor& actor) {
    if (!std::isfinite(gainDb) || gainDb < -60 || gainDb > 20)
        return StoreError{StoreError::Code::Invalid, tr("Gain must be between -60 and +20 dB.")};
    engine_->setProgramAudio(muted, gainDb);
    programAudioMuted_ = muted;
    programGainDb_ = gainDb;
    log(actor, QStringLiteral("program.audio"), {}, {{"muted", muted}, {"gain_db", gainDb}});
    emitEvent(QStringLiteral("program.audio"), {{"muted", muted}, {"gain_db", gainDb}});
    return {};
}

// ---------------------------------------------------------------- alarms

void Session::keepAlarm(QJsonObject& alarm) {
    const QString kind = alarm.value(QStringLiteral("kind")).toString();
    const QString subject = alarmSubject(alarm);
    for (QJsonObject& kept : alarms_) {
        if (kept.value(QStringLiteral("kind")).toString() != kind || alarmSubject(kept) != subject)
            continue;
        alarm.insert(QStringLiteral("alarm_id"), kept.value(QStringLiteral("alarm_id")));
        alarm.insert(QStringLiteral("repeats"), kept.value(QStringLiteral("repeats")).toInt() + 1);
        kept = alarm;
        return;
    }
    alarm.insert(QStringLiteral("alarm_id"), ++lastAlarmId_);
    alarm.insert(QStringLiteral("repeats"), 0);
    alarms_.append(alarm);
    while (alarms_.size() > kMaxAlarms)
        alarms_.removeFirst();
}

QJsonArray Session::alarmsJson() const {
    QJsonArray out;
    for (const QJsonObject& a : alarms_)
        out.append(a);
    return out;
}

Status Session::acknowledgeAlarm(qint64 alarmId, const Actor& actor) {
    const auto it = std::find_if(alarms_.begin(), alarms_.end(), [alarmId](const QJsonObject& a) {
        return a.value(QStringLiteral("alarm_id")).toInteger() == alarmId;
    });
    if (it == alarms_.end())
        return StoreError{StoreError::Code::NotFound,
                          tr("There is no unacknowledged alarm %1.").arg(alarmId)};
    const QJsonObject alarm = *it;
    alarms_.erase(it);
    QJsonObject detail = alarm;
    detail.remove(QStringLiteral("type"));
    log(actor, QStringLiteral("alarm.acknowledge"), QString::number(alarmId), detail,
        alarm.value(QStringLiteral("message")).toString());
    emitEvent(QStringLiteral("alarm.acknowledged"),
              {{"alarm_id", alarmId}, {"kind", alarm.value(QStringLiteral("kind"))}, {"actor", actor}});
    return {};
}

int Session::acknowledgeAllAlarms(const Actor& actor) {
    QList<qint64> ids;
    for (const QJsonObject& a : alarms_)
        ids.append(a.value(QStringLiteral("alarm_id")).toInteger());
    int done = 0;
    for (qint64 id : ids)
        done += acknowledgeAlarm(id, actor) ? 1 : 0;
    return done;
}

// ---------------------------------------------------------------- meetings

Result<MeetingRecord> Session::startMeeting(qint64 id, const Actor& actor) {
    auto meeting = meetings_->get(id);
    if (!meeting)
        return meeting.error();
    if (meeting->cancelled())
        return StoreError{StoreError::Code::Conflict, tr("Meeting %1 is cancelled.").arg(id)};
    QList<qint64> ids{meeting->hostSiteId};
    for (qint64 s : meeting->siteIds)
        if (!ids.contains(s))
            ids.append(s);
    QList<SiteRecord> sites;
    for (qint64 s : ids) {
        auto site = directory_->get(s);
        if (!site)
            return site.error();
        sites.append(site.value());
    }

    // Program: the host in slot 0 and every participant that fits; preview: the participants alone,
    // ready for the operator's next cut.
    auto compose = [this](const QList<qint64>& slotSites) {
        engine::Composition c{fittingLayout(static_cast<std::size_t>(slotSites.size())), {}};
        const engine::Layout* layout = engine_->findLayout(c.layout);
        const std::size_t room = layout ? layout->rects.size() : 1;
        for (qint64 s : slotSites)
            if (c.sites.size() < room)
                c.sites.emplace_back(s);
        return c;
    };
    const engine::Composition program = compose(ids);
    const engine::Composition preview = ids.size() > 1 ? compose(ids.mid(1)) : program;
    for (const auto* c : {&program, &preview})
        if (!engine_->findLayout(c->layout))
            return StoreError{StoreError::Code::Invalid,
                              tr("There is no layout %1.").arg(QString::fromStdString(c->layout))};

    // Sites the engine does not ingest yet come in now.
    const std::vector<engine::SiteId> ingested = engine_->sites();
    for (const SiteRecord& s : sites)
        if (std::find(ingested.begin(), ingested.end(), s.id) == ingested.end())
            ingest(s);

    engine::EngineError error;
    if (!engine_->setProgram(program, &error) || !engine_->setPreview(preview, &error))
        return fromEngineError(error);
    activeMeeting_ = id;
    startedMeeting_ = id;
    log(actor, QStringLiteral("meeting.start"), QString::number(id),
        {{"program", compositionJson(program)}, {"preview", compositionJson(preview)}});
    emitEvent(QStringLiteral("meeting.started"), MeetingBook::toJson(meeting.value()));
    emitEvent(QStringLiteral("program.changed"), compositionJson(program));
    emitEvent(QStringLiteral("preview.changed"), compositionJson(preview));
    return meeting;
}

// ---------------------------------------------------------------- recording space

Session::RecordingSpace::Level Session::RecordingSpace::levelFor(double secondsLeft) {
    if (secondsLeft < 0)
        return Level::Ok; // unknown: nothing to warn about
    if (secondsLeft < kCriticalSeconds)
        return Level::Critical;
    if (secondsLeft < kWarningSeconds)
        return Level::Warning;
    return Level::Ok;
}

Session::RecordingSpace Session::recordingSpace() const {
    RecordingSpace space;
    const engine::EngineConfig& cfg = engine_->config();
    space.reserveBytes = static_cast<qint64>(cfg.recordingMinFreeBytes);

    // The folder may not exist before the first recording: ask the disk of its nearest parent.
    QDir dir(settings_->recordingsDir());
    while (!dir.exists() && !dir.isRoot() && dir.cdUp()) {
    }
    const QStorageInfo disk(dir.absolutePath());
    if (disk.isValid() && disk.isReady())
        space.freeBytes = disk.bytesAvailable();

    // Nominal: the program's video and audio plus one isolated track per site.
    const double tracksKbps =
        cfg.audioBitrateKbps + (cfg.isolatedAudioTracks ? static_cast<double>(cfg.isolatedTrackBitrateKbps) *
                                                              static_cast<double>(engine_->sites().size())
                                                        : 0);
    const double nominal = (cfg.videoBitrateKbps + tracksKbps) * 1000.0 / 8.0;
    space.bytesPerSecond = nominal;
    if (activeRecording_) {
        space.elapsedS = recordingClock_.elapsed() / 1000.0;
        space.sizeBytes = QFileInfo(activeRecordingPath_).size();
        // Once the file has really grown (a few seconds' worth) its own growth says more than the
        // nominal rate; a file that stalls says nothing about the disk's time left.
        if (space.elapsedS >= 5 && static_cast<double>(space.sizeBytes) > 3 * nominal &&
            watchdog_.problem().isEmpty()) {
            space.bytesPerSecond = static_cast<double>(space.sizeBytes) / space.elapsedS;
            space.measured = true;
        }
    }
    if (space.freeBytes >= 0 && space.bytesPerSecond > 0)
        space.secondsLeft = static_cast<double>(std::max<qint64>(0, space.freeBytes - space.reserveBytes)) /
                            space.bytesPerSecond;
    return space;
}

} // namespace hntt::core
