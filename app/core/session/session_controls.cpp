// What the console's panels need from the session beyond sites and pictures: the program mix's
// mute and gain, alarms kept until someone acknowledges them, starting a booked meeting, and the
// disk budget of the recording. Each change is logged and announced like every other one.
#include "core/session/engine_error.h"
#include "core/session/session.h"
#include "hntt/engine/gain.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <algorithm>
#include <cmath>

namespace hntt::core {

namespace {

// Unacknowledged alarms kept at most; the oldest go first (they are in the event log anyway).
constexpr int kMaxAlarms = 500;

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
    if (!engine::gain::accepted(gainDb))
        return Error{Error::Code::Invalid, gainRangeMessage()};
    engine_->setProgramAudio(muted, gainDb);
    programAudioMuted_ = muted;
    programGainDb_ = gainDb;
    log(actor, QStringLiteral("program.audio"), {}, {{"muted", muted}, {"gain_db", gainDb}});
    publish(events::ProgramAudioChanged{muted, gainDb});
    return {};
}

// ---------------------------------------------------------------- alarms

void Session::raiseAlarm(const QString& kind, AlarmSubject subject, const QString& message) {
    AlarmView alarm{0, kind, subject, message, QDateTime::currentDateTime(), 0};
    // Without a subject, the message tells one alarm from another; but refused callers that are
    // no site are one alarm however many call (a SIP scan would bury the panel), the latest named.
    const bool none = !subject.siteId && !subject.outputId && !subject.recordingId;
    const bool oneForTheKind = kind == QLatin1String("call.refused") ||
                               kind.startsWith(QLatin1String("api.")) ||
                               kind == QLatin1String("clock.behind") || kind == QLatin1String("disk.low");
    const auto kept = std::find_if(alarms_.begin(), alarms_.end(), [&](const AlarmView& a) {
        return a.kind == kind && a.subject == subject && (!none || oneForTheKind || a.message == message);
    });
    if (kept != alarms_.end()) {
        alarm.id = kept->id;
        alarm.repeats = kept->repeats + 1;
        *kept = alarm;
    } else {
        alarm.id = ++lastAlarmId_;
        alarms_.append(alarm);
        while (alarms_.size() > kMaxAlarms)
            alarms_.removeFirst();
    }
    publish(events::AlarmRaised{alarm});
}

void Session::accessRefused(const AccessRefusal& r) {
    const bool logins = r.kind == AccessRefusal::Kind::FailedLogins;
    const QString kind = logins ? QStringLiteral("api.login_failed") : QStringLiteral("api.connections");
    QString message = logins ? tr("%1 failed login(s) to the control API from %2.").arg(r.count).arg(r.peer)
                             : tr("The control API refused %1 connection(s) from %2: too many were open.")
                                   .arg(r.count)
                                   .arg(r.peer);
    if (logins && r.holding)
        message += QLatin1Char(' ') + tr("Its further attempts are answered late.");
    log(QStringLiteral("auto"), kind, r.peer,
        {{"count", static_cast<qint64>(r.count)}, {"holding", r.holding}});
    raiseAlarm(kind, AlarmSubject{}, message);
}

Status Session::acknowledgeAlarm(qint64 alarmId, const Actor& actor) {
    const auto it = std::find_if(alarms_.begin(), alarms_.end(),
                                 [alarmId](const AlarmView& a) { return a.id == alarmId; });
    if (it == alarms_.end())
        return Error{Error::Code::NotFound, tr("There is no unacknowledged alarm %1.").arg(alarmId)};
    const AlarmView alarm = *it;
    alarms_.erase(it);
    QJsonObject detail{{"kind", alarm.kind}, {"repeats", alarm.repeats}};
    if (alarm.subject.siteId)
        detail.insert(QStringLiteral("site_id"), *alarm.subject.siteId);
    if (alarm.subject.outputId)
        detail.insert(QStringLiteral("output_id"), *alarm.subject.outputId);
    if (alarm.subject.recordingId)
        detail.insert(QStringLiteral("recording_id"), *alarm.subject.recordingId);
    log(actor, QStringLiteral("alarm.acknowledge"), QString::number(alarmId), detail, alarm.message);
    publish(events::AlarmAcknowledged{alarmId, alarm.kind, actor});
    return {};
}

int Session::acknowledgeAllAlarms(const Actor& actor) {
    QList<qint64> ids;
    for (const AlarmView& a : alarms_)
        ids.append(a.id);
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
        return Error{Error::Code::Conflict, tr("Meeting %1 is cancelled.").arg(id)};
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
            return Error{Error::Code::Invalid,
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
        {{"program", compositionDetail(program)}, {"preview", compositionDetail(preview)}});
    publish(events::MeetingStarted{meeting.value()});
    publish(events::ProgramChanged{program, {}});
    publish(events::PreviewChanged{preview});
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
