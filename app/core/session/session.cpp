#include "core/session/session.h"

#include "core/archive/partial_folders.h"
#include "core/review/clip_exporter.h"
#include "core/review/export_history.h"
#include "core/review/recording_media.h"
#include "core/session/engine_error.h"
#include "core/store/demo_directory.h"
#include "core/store/demo_meetings.h"
#include "core/url_mask.h"
#include "hntt/engine/gain.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace hntt::core {

namespace {

QDateTime now() {
    return QDateTime::currentDateTime().toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc());
}

Error invalid(const QString& message) {
    return Error{Error::Code::Invalid, message};
}
Error notFound(const QString& message) {
    return Error{Error::Code::NotFound, message};
}
Error conflict(const QString& message) {
    return Error{Error::Code::Conflict, message};
}

} // namespace

QString gainRangeMessage() {
    return Session::tr("Gain must be between %1 and +%2 dB.")
        .arg(engine::gain::kMinDb)
        .arg(engine::gain::kMaxDb);
}

QJsonObject compositionDetail(const engine::Composition& c) {
    QJsonArray slotList;
    for (const auto& s : c.sites)
        slotList.append(s ? QJsonValue(static_cast<qint64>(*s)) : QJsonValue(QJsonValue::Null));
    return {{"layout", QString::fromStdString(c.layout)}, {"slots", slotList}};
}

QString stateName(engine::SourceState s) {
    return QString::fromLatin1(engine::sourceStateName(s));
}

Session::Session(SessionOptions options, QObject* parent)
    : QObject(parent)
    , options_(std::move(options)) {
    recordingWatch_.setInterval(1000);
    connect(&recordingWatch_, &QTimer::timeout, this, &Session::watchRecording);
    clockWatch_.setInterval(1000);
    connect(&clockWatch_, &QTimer::timeout, this, &Session::watchClock);
    connect(&clockWatch_, &QTimer::timeout, this, &Session::watchDisk);
    uptime_.start();
}

Session::~Session() {
    shutdown();
}

Status Session::open() {
    if (!QDir().mkpath(options_.dataDir))
        return Error{Error::Code::Storage, tr("Cannot create the data folder %1.").arg(options_.dataDir)};
    if (options_.sources.mediaDir.isEmpty()) {
        options_.sources.mediaDir = QDir(options_.dataDir).filePath(QStringLiteral("media"));
        (void)QDir().mkpath(options_.sources.mediaDir); // without it, file sources are refused
    }
    auto db = Database::open(QDir(options_.dataDir).filePath(QStringLiteral("hntt.sqlite")));
    if (!db)
        return db.error();
    db_ = std::move(db).value();
    settings_ = std::make_unique<ConsoleSettings>(options_.dataDir);
    directory_ = std::make_unique<SiteDirectory>(*db_);
    joinLinks_ = std::make_unique<JoinLinks>(*db_);
    meetings_ = std::make_unique<MeetingBook>(*db_);
    events_ = std::make_unique<EventLog>(*db_);
    recordings_ = std::make_unique<RecordingCatalogue>(*db_);
    // A recording left "recording" by a crash: its file plays up to the crash; say what happened,
    // and how much it holds.
    (void)recordings_->failInterrupted(tr("The console stopped while recording; the file holds what was "
                                          "recorded until then."));
    measureInterruptedRecordings();
    markInterruptedExports();
    // An archive export a crash cut off left its "<name>.partial" folder: no export runs yet.
    for (const QString& stale : archive::removeStalePartialFolders(settings_->archivesDir()))
        log(QStringLiteral("auto"), QStringLiteral("archive.partial_removed"), QFileInfo(stale).fileName(),
            {{"path", stale}});
    if (options_.demo) {
        if (auto loaded = loadDemoDirectory(*directory_); !loaded)
            return loaded.error();
        if (auto booked = loadDemoMeetings(*meetings_, *directory_, QDateTime::currentDateTime()); !booked)
            return booked.error();
    }

    engine::EngineConfig cfg;
    cfg.width = options_.width;
    cfg.height = options_.height;
    cfg.fps = options_.fps;
    cfg.multiview = options_.multiview;
    cfg.rtpPortMin = options_.rtpPortMin;
    cfg.rtpPortMax = options_.rtpPortMax;
    cfg.signalLostText = tr("Signal lost").toStdString();
    cfg.videoMutedText = tr("Video off").toStdString();
    cfg.noPictureText = tr("No picture yet").toStdString();
    cfg.programLabel = tr("PROGRAM").toStdString();
    cfg.previewLabel = tr("PREVIEW").toStdString();
    cfg.pageText = tr("Page").toStdString();
    cfg.sitesText = tr("sites").toStdString();
    cfg.lostCountText = tr("signal lost").toStdString();
    cfg.audioMutedText = tr("MUTED").toStdString();
    cfg.floorText = tr("FLOOR").toStdString();
    if (options_.recordingReserveBytes)
        cfg.recordingMinFreeBytes =
            static_cast<std::uint64_t>(std::max<qint64>(0, *options_.recordingReserveBytes));

    // Engine callbacks come from engine threads: the bridge brings them to this thread as signals.
    connect(&bridge_, &EngineBridge::siteStatus, this, &Session::onSiteStatus);
    connect(&bridge_, &EngineBridge::speakerChanged, this, &Session::onSpeaker);
    connect(&bridge_, &EngineBridge::programFollowedSpeaker, this, &Session::onProgramFollowedSpeaker);
    connect(&bridge_, &EngineBridge::recordingState, this, &Session::onRecordingState);
    connect(&bridge_, &EngineBridge::outputState, this, &Session::onOutputState);
    connect(&bridge_, &EngineBridge::returnFeedState, this, &Session::onReturnFeedState);
    // Levels pass as plain values; whoever shows or sends them converts them.
    connect(&bridge_, &EngineBridge::levels, this, &Session::levelsChanged);
    engine_ = std::make_unique<engine::Engine>(cfg, bridge_.events());
    startCalls();
    startBrowserCalls();

    if (auto loaded = reloadRoster(); !loaded)
        return loaded;
    for (const SiteRecord& s : roster_)
        ingest(s);
    if (options_.demo)
        setupDemoProgram();
    engine_->setLightLoad(settings_->lightLoad());
    engine_->start();
    clockWatch_.start();
    restoreOutputs();
    return {};
}

void Session::measureInterruptedRecordings() {
    if (measuring_.joinable())
        return; // already under way
    auto rows = recordings_->unmeasuredInterrupted();
    if (!rows || rows->isEmpty())
        return;
    struct Cut {
        qint64 id;
        QString path;
    };
    std::vector<Cut> cuts;
    for (const RecordingRecord& r : rows.value())
        cuts.push_back({r.id, r.path});
    measuring_ = std::thread([this, cuts = std::move(cuts)] {
        for (const Cut& cut : cuts) {
            if (stopMeasuring_)
                return;
            const QFileInfo file(cut.path);
            if (!file.isFile())
                continue; // a disk not mounted now: measured at a later start
            auto duration = RecordingMediaProbe::measureDuration(cut.path, &stopMeasuring_);
            if (stopMeasuring_)
                return;
            // The last write is when the recording stopped; the store is the main thread's.
            std::optional<double> seconds;
            if (duration)
                seconds = duration.value();
            const QDateTime lastWritten = file.lastModified();
            const qint64 size = file.size();
            const QString unreadable = duration ? QString() : duration.error().message;
            hop_.post([this, id = cut.id, seconds, size, lastWritten, unreadable] {
                auto measured = recordings_->measuredInterrupted(id, seconds, size, lastWritten);
                if (!measured)
                    return;
                QJsonObject detail{{"path", measured->path}, {"size_bytes", size}};
                if (seconds)
                    detail.insert(QStringLiteral("duration_s"), *seconds);
                log(QStringLiteral("auto"), QStringLiteral("recording.interrupted"), QString::number(id),
                    detail, unreadable);
            });
        }
    });
}

void Session::markInterruptedExports() {
    // No export runs yet: every start without an end was cut off by a stop of the console. Said
    // once in the log (the library shows it); a clip's unfinished file goes.
    auto cut = ExportHistory::unfinished(*events_);
    if (!cut)
        return;
    for (const EventRecord& start : cut.value()) {
        const QString kind = start.action.section(QLatin1Char('.'), 0, 0);
        QJsonObject detail{{"start_event", start.id},
                           {"job_id", start.detail.value(QStringLiteral("job_id"))},
                           {"started_at", start.at.toString(Qt::ISODateWithMs)}};
        if (kind == QLatin1String("clip")) {
            const QString path = start.detail.value(QStringLiteral("path")).toString();
            detail.insert(QStringLiteral("path"), path);
            if (!path.isEmpty())
                QFile::remove(ClipExporter::partialPath(path));
        }
        EventRecord e;
        e.actor = QStringLiteral("auto");
        e.action = kind + QStringLiteral(".interrupted");
        e.subject = start.subject;
        e.detail = detail;
        e.reason = tr("The console stopped during the export; it was not finished.");
        e.meetingId = start.meetingId;
        (void)events_->append(e);
    }
}

void Session::stopMeasuringInterrupted() {
    stopMeasuring_ = true;
    if (measuring_.joinable())
        measuring_.join();
}

void Session::restoreOutputs() {
    // Program streams configured earlier start again; one that cannot is reported, not fatal.
    // One the operator stopped comes back stopped.
    for (const OutputSetting& o : settings_->outputs()) {
        const qint64 outputId = ++lastOutputId_;
        OutputEntry& entry = outputs_[outputId];
        entry.name = o.name;
        entry.url = o.url;
        if (!o.enabled)
            continue;
        engine::EngineError error;
        entry.engineId = engine_->addOutput(o.url.toStdString(), &error);
        if (!entry.engineId) {
            entry.error = QString::fromStdString(error.message);
            raiseAlarm(QStringLiteral("output.error"), AlarmSubject::output(outputId),
                       maskStreamUrlsIn(tr("The saved stream %1 cannot start: %2").arg(o.url, entry.error)));
            continue;
        }
        log(QStringLiteral("auto"), QStringLiteral("output.restore"), QString::number(outputId),
            {{"url", maskStreamUrl(o.url)}, {"name", o.name}}, tr("Restored from the settings."));
    }
}

void Session::saveOutputs() {
    QList<OutputSetting> list;
    for (const auto& [id, entry] : outputs_)
        list.append({entry.url, entry.name, entry.engineId.has_value()});
    settings_->setOutputs(list);
}

void Session::shutdown() {
    stopMeasuringInterrupted(); // a long read of a crash-cut file does not hold up the exit
    if (shutDown_ || !engine_)
        return;
    shutDown_ = true;
    clockWatch_.stop();
    if (activeRecording_)
        (void)stopRecording(*activeRecording_, QStringLiteral("auto"));
    if (calls_)
        calls_->stop(); // BYE to every call while the engine still carries their media
    if (browser_)
        browser_->stop();
    engine_->stop();
}

void Session::ingest(const SiteRecord& s) {
    live_.insert(s.id, LiveSite{s.name});
    // A source stored before the policy, or by an import, is checked again: a refused one is not
    // opened, and the log says why.
    std::string source = s.sourceUrl.toStdString();
    if (Status allowed = checkSource(s.sourceUrl, options_.sources); !allowed) {
        source.clear();
        log(QStringLiteral("auto"), QStringLiteral("site.source_refused"), QString::number(s.id),
            {{"source_url", maskStreamUrl(s.sourceUrl)}, {"reason", allowed.error().message}});
    }
    engine::EngineError error;
    if (engine_->addSite(s.id, {s.name.toStdString(), source, s.returnUrl.toStdString()}, &error) ||
        s.returnUrl.isEmpty())
        return;
    // The return feed could not start: the site is still seen and heard, and its feed reported.
    if (engine_->addSite(s.id, {s.name.toStdString(), source, {}}))
        onReturnFeedState(s.id, engine::OutputState::Failed, QString::fromStdString(error.message));
}

void Session::setupDemoProgram() {
    // The province and its eight districts on program; the control room in focus on preview.
    QList<qint64> top;
    if (auto all = directory_->list())
        for (const SiteRecord& s : all.value())
            if (s.level != SiteLevel::Commune && top.size() < 9)
                top.append(s.id);
    engine::Composition program{"grid-3x3", {}};
    for (qint64 id : top)
        program.sites.emplace_back(id);
    engine_->setProgram(program);
    engine::Composition preview{"focus-1+7", {}};
    for (qint64 id : top.mid(0, 8))
        preview.sites.emplace_back(id);
    engine_->setPreview(preview);
}

void Session::publish(SessionEvent::Change change) {
    Q_EMIT changed(SessionEvent{now(), std::move(change)});
}

void Session::log(const Actor& actor, const QString& action, const QString& subject,
                  const QJsonObject& detail, const QString& reason) {
    EventRecord e;
    e.actor = actor;
    e.action = action;
    e.subject = subject;
    e.detail = detail;
    e.reason = reason;
    e.meetingId = activeMeeting_;
    (void)events_->append(e);
}

void Session::mark(MarkerKind kind, std::optional<qint64> siteId, const QString& text) {
    if (!activeRecording_)
        return;
    MarkerRecord m;
    m.recordingId = *activeRecording_;
    m.offsetS = recordingClock_.elapsed() / 1000.0;
    m.kind = kind;
    m.siteId = siteId;
    m.text = text;
    (void)recordings_->addMarker(m);
}

// ---------------------------------------------------------------- sites

SiteView Session::siteView(const SiteRecord& s) const {
    SiteView v;
    v.record = s;
    const LiveSite live = live_.value(s.id);
    v.stats = engine_->siteStats(s.id).value_or(engine::SourceStats{});
    const auto levels = engine_->siteLevels(s.id).value_or(engine::SiteLevels{});
    // A site with nothing to ingest is offline, unless a browser joined as it.
    const bool fed =
        !s.sourceUrl.isEmpty() || !s.sipUri.isEmpty() || (browser_ && browser_->hasActiveCall(s.id));
    v.state = fed ? v.stats.state : engine::SourceState::Offline;
    v.audioMuted = live.audioMuted;
    v.gainDb = live.gainDb;
    v.levelDbfs = levels.levels.rmsDbfs;
    v.speaking = levels.speaking;
    v.videoMuted = live.videoMuted;
    if (!s.returnUrl.isEmpty())
        v.returnFeed = engine_->returnFeed(s.id);
    if (calls_)
        v.call = calls_->call(s.id);
    // A browser's call when it is up, or when the site never had a SIP call.
    if (browser_ && (browser_->hasActiveCall(s.id) || !v.call))
        if (auto b = browser_->call(s.id))
            v.call = b;
    return v;
}

Result<QList<SiteView>> Session::sites() const {
    QList<SiteView> out;
    out.reserve(roster_.size());
    for (const SiteRecord& s : roster_)
        out.append(siteView(s));
    return out;
}

Result<SiteView> Session::site(qint64 id) const {
    const auto it = rosterIndex_.constFind(id);
    if (it == rosterIndex_.constEnd())
        return notFound(tr("There is no site %1.").arg(id));
    return siteView(roster_.at(*it));
}

std::optional<SiteRecord> Session::siteRecord(qint64 id) const {
    const auto it = rosterIndex_.constFind(id);
    return it == rosterIndex_.constEnd() ? std::nullopt : std::optional<SiteRecord>(roster_.at(*it));
}

Status Session::reloadRoster() {
    auto all = directory_->list();
    if (!all)
        return all.error();
    roster_ = std::move(all).value();
    rosterIndex_.clear();
    for (qsizetype i = 0; i < roster_.size(); ++i)
        rosterIndex_.insert(roster_.at(i).id, i);
    updateCallTargets();
    return {};
}

Result<SiteRecord> Session::createSite(SiteRecord site, const Actor& actor) {
    engine::EngineError error;
    if (!engine::Engine::checkSourceUrl(site.sourceUrl.toStdString(), &error) ||
        !engine::Engine::checkReturnUrl(site.returnUrl.toStdString(), &error))
        return fromEngineError(error);
    if (Status allowed = checkSource(site.sourceUrl.trimmed(), options_.sources); !allowed)
        return allowed.error();
    auto created = directory_->create(site);
    if (!created)
        return created.error();
    ingest(created.value());
    (void)reloadRoster(); // the store has the site; on a failed read the next change reloads
    log(actor, QStringLiteral("site.create"), QString::number(created->id),
        SiteDirectory::toJson(created.value()));
    publish(events::SiteCreated{created->id});
    return created;
}

Result<SiteRecord> Session::updateSite(qint64 id, const SitePatch& patch, const Actor& actor) {
    auto current = directory_->get(id);
    if (!current)
        return current.error();
    SiteRecord next = current.value();
    engine::EngineError error;
    if (patch.sourceUrl && !engine::Engine::checkSourceUrl(patch.sourceUrl->toStdString(), &error))
        return fromEngineError(error);
    if (patch.sourceUrl)
        if (Status allowed = checkSource(patch.sourceUrl->trimmed(), options_.sources); !allowed)
            return allowed.error();
    if (patch.returnUrl && !engine::Engine::checkReturnUrl(patch.returnUrl->toStdString(), &error))
        return fromEngineError(error);
    if (patch.gainDb && !engine::gain::accepted(*patch.gainDb))
        return invalid(gainRangeMessage());
    if (patch.name)
        next.name = *patch.name;
    if (patch.sourceUrl)
        next.sourceUrl = *patch.sourceUrl;
    if (patch.returnUrl)
        next.returnUrl = *patch.returnUrl;
    if (patch.sipUri)
        next.sipUri = *patch.sipUri;
    if (patch.camera)
        next.cameraJson =
            patch.camera->isNull()
                ? QString()
                : QString::fromUtf8(QJsonDocument(patch.camera->toObject()).toJson(QJsonDocument::Compact));
    if (next != current.value()) {
        auto stored = directory_->update(next);
        if (!stored)
            return stored.error();
        next = stored.value();
        (void)reloadRoster();
    }
    // The store accepted it: now the live session follows.
    if (patch.name)
        engine_->setSiteName(id, next.name.toStdString());
    // A source the engine cannot start fails the call, once everything else is applied: the
    // store holds the change either way.
    std::optional<Error> sourceFailed;
    if (patch.sourceUrl && !engine_->setSiteUrl(id, next.sourceUrl.toStdString(), &error))
        sourceFailed = fromEngineError(error);
    // Stored, like a feed that fails later: it is reported as not going out.
    if (patch.returnUrl && !engine_->setReturnUrl(id, next.returnUrl.toStdString(), &error))
        onReturnFeedState(id, engine::OutputState::Failed, QString::fromStdString(error.message));
    if (patch.name)
        live_[id].name = next.name;
    if (patch.audioMuted || patch.gainDb)
        (void)setSiteAudio(id, patch.audioMuted, patch.gainDb, actor); // checked above
    if (patch.videoMuted)
        (void)setSiteVideoMuted(id, *patch.videoMuted, actor);
    if (!patch.name && !patch.sourceUrl && !patch.returnUrl && !patch.sipUri && !patch.camera)
        return next;
    QJsonObject detail;
    if (patch.name)
        detail.insert(QStringLiteral("name"), *patch.name);
    if (patch.sourceUrl)
        detail.insert(QStringLiteral("source_url"), *patch.sourceUrl);
    if (patch.returnUrl)
        detail.insert(QStringLiteral("return_url"), *patch.returnUrl);
    if (patch.sipUri)
        detail.insert(QStringLiteral("sip_uri"), *patch.sipUri);
    if (patch.camera) {
        detail.insert(QStringLiteral("camera"), SiteDirectory::publicCamera(next.cameraJson));
        cameras_.erase(id); // the next command talks to the camera as now configured
    }
    log(actor, QStringLiteral("site.update"), QString::number(id), detail);
    publish(events::SiteUpdated{id});
    if (sourceFailed)
        return *sourceFailed;
    return next;
}

Status Session::setSiteAudio(qint64 id, std::optional<bool> muted, std::optional<double> gainDb,
                             const Actor& actor) {
    const auto it = live_.find(id);
    if (it == live_.end())
        return notFound(tr("There is no site %1.").arg(id));
    if (gainDb && !engine::gain::accepted(*gainDb))
        return invalid(gainRangeMessage());
    LiveSite& live = *it;
    const bool wasMuted = live.audioMuted;
    live.audioMuted = muted.value_or(live.audioMuted);
    live.gainDb = gainDb.value_or(live.gainDb);
    engine_->setSiteAudio(id, live.audioMuted, live.gainDb);
    QJsonObject detail;
    if (muted)
        detail.insert(QStringLiteral("muted"), *muted);
    if (gainDb)
        detail.insert(QStringLiteral("gain_db"), *gainDb);
    log(actor, QStringLiteral("site.audio"), QString::number(id), detail);
    publish(events::SiteAudio{id, live.audioMuted, live.gainDb});
    if (live.audioMuted != wasMuted)
        mark(live.audioMuted ? MarkerKind::Mute : MarkerKind::Unmute, id, live.name);
    return {};
}

Status Session::setSiteVideoMuted(qint64 id, bool muted, const Actor& actor) {
    const auto it = live_.find(id);
    if (it == live_.end())
        return notFound(tr("There is no site %1.").arg(id));
    it->videoMuted = muted;
    engine_->setSiteVideoMuted(id, muted);
    log(actor, QStringLiteral("site.video"), QString::number(id), {{"muted", muted}});
    publish(events::SiteVideo{id, muted});
    return {};
}

Status Session::deleteSite(qint64 id, const Actor& actor) {
    auto removed = directory_->remove(id);
    if (!removed)
        return removed;
    (void)reloadRoster();
    if (calls_)
        calls_->forget(id);
    if (browser_)
        browser_->forget(id);
    engine_->removeSite(id);
    live_.remove(id);
    reconnects_.forget(id);
    cameras_.erase(id);
    if (floor_ == id) {
        floor_.reset();
        engine_->setFloor(std::nullopt);
    }
    log(actor, QStringLiteral("site.delete"), QString::number(id));
    publish(events::SiteDeleted{id});
    return {};
}

void Session::onSiteStatus(qint64 id, engine::SourceState state, const QString& reason) {
    if (!live_.contains(id))
        return;
    LiveSite& live = live_[id];
    const engine::SourceState before = live.state;
    live.state = state;
    publish(events::SiteStatus{id, state, reason});
    if (state == engine::SourceState::Lost && before != state) {
        const auto site = directory_->get(id);
        const QString name = site ? site->name : QString::number(id);
        raiseAlarm(QStringLiteral("site.lost"), AlarmSubject::site(id),
                   tr("%1: signal lost (%2)").arg(name, reason));
        log(QStringLiteral("auto"), QStringLiteral("site.lost"), QString::number(id), {}, reason);
        mark(MarkerKind::Leave, id, reason);
        const qint64 now = uptime_.elapsed();
        if (reconnects_.lost(id, now)) {
            // Its own alarm: each loss alone is merged into one "signal lost" the operator may
            // already have acknowledged, and a link that keeps dropping needs the site's technician.
            const int losses = reconnects_.recentLosses(id, now);
            const QString message =
                tr("%1 keeps losing its signal: %n time(s) in the last two minutes. Its link is unstable: "
                   "ask the site to check its network (wired, not Wi-Fi) or keep it off program.",
                   nullptr, losses)
                    .arg(name);
            log(QStringLiteral("auto"), QStringLiteral("site.unstable"), QString::number(id),
                {{"losses", losses}}, message);
            raiseAlarm(QStringLiteral("site.unstable"), AlarmSubject::site(id), message);
        }
    } else if (state == engine::SourceState::Connected && before != state) {
        log(QStringLiteral("auto"), QStringLiteral("site.connected"), QString::number(id), {}, reason);
        mark(MarkerKind::Join, id);
    }
}

void Session::onProgramFollowedSpeaker(const engine::Composition& program) {
    // Every automatic action shows with its reason and goes into the event log.
    const QString reason = tr("Auto mode: the program follows the active speaker.");
    log(QStringLiteral("auto"), QStringLiteral("program.follow_speaker"),
        program.sites.empty() || !program.sites[0] ? QString() : QString::number(*program.sites[0]),
        compositionDetail(program), reason);
    publish(events::ProgramChanged{program, reason});
}

void Session::onOutputState(qint64 engineOutputId, engine::OutputState state, const QString& error) {
    const auto outputId = outputIdOf(engineOutputId);
    if (!outputId)
        return;
    const QString message = maskStreamUrlsIn(error);
    publish(events::OutputStateChanged{*outputId, state, message});
    if (state == engine::OutputState::Retrying || state == engine::OutputState::Failed)
        raiseAlarm(QStringLiteral("output.error"), AlarmSubject::output(*outputId), message);
}

void Session::onSpeaker(std::optional<qint64> id) {
    publish(events::SpeakerChanged{id});
    if (id)
        mark(MarkerKind::Speaker, id);
}

// ---------------------------------------------------------------- program

const std::vector<engine::Layout>& Session::layouts() const {
    return engine_->layouts();
}

namespace {
Status checkSlots(Session& s, const engine::Composition& c) {
    for (const auto& slot : c.sites)
        if (slot && !s.directory().get(*slot))
            return Error{Error::Code::Invalid,
                         QCoreApplication::translate("Session", "There is no site %1.").arg(*slot)};
    return {};
}
} // namespace

Status Session::setProgram(const engine::Composition& c, const Actor& actor) {
    if (auto ok = checkSlots(*this, c); !ok)
        return ok;
    engine::EngineError error;
    if (!engine_->setProgram(c, &error))
        return fromEngineError(error);
    log(actor, QStringLiteral("program.set"), {}, compositionDetail(c));
    // A person's change of the program is a take on the timeline; the console's own (following
    // the speaker) is already there as the speaker's marker.
    if (actor != QLatin1String("auto"))
        mark(MarkerKind::Take, std::nullopt, QString::fromStdString(c.layout));
    publish(events::ProgramChanged{c, {}});
    return {};
}

Status Session::setPreview(const engine::Composition& c, const Actor& actor) {
    if (auto ok = checkSlots(*this, c); !ok)
        return ok;
    engine::EngineError error;
    if (!engine_->setPreview(c, &error))
        return fromEngineError(error);
    log(actor, QStringLiteral("preview.set"), {}, compositionDetail(c));
    publish(events::PreviewChanged{c});
    return {};
}

void Session::take(const Actor& actor) {
    // A floor prepared on preview is given when that very preview goes on air.
    std::optional<PreparedFloor> prepared;
    prepared.swap(preparedFloor_);
    const bool floorTaken = prepared && engine_->preview() == prepared->preview;
    engine_->take();
    const engine::Composition program = engine_->program();
    log(actor, QStringLiteral("program.take"), {}, compositionDetail(program));
    mark(MarkerKind::Take, std::nullopt, QString::fromStdString(program.layout));
    if (floorTaken)
        if (auto site = directory_->get(prepared->siteId))
            floorGiven(*site, program, actor);
    publish(events::ProgramChanged{program, {}});
}

Result<engine::Composition> Session::floorComposition(qint64 siteId) const {
    // The floor takes slot 0 of a focus layout; whoever had slot 0 moves to the floor's old slot.
    engine::Composition next = engine_->program();
    if (next.layout.rfind("focus-", 0) != 0) {
        next.layout = "focus-1+7";
        next.sites.resize(std::min<std::size_t>(next.sites.size(), 8));
    }
    const auto* layout = engine_->findLayout(next.layout);
    if (!layout)
        return invalid(tr("There is no focus layout."));
    if (next.sites.empty())
        next.sites.resize(1);
    auto it = std::find(next.sites.begin(), next.sites.end(), std::optional<engine::SiteId>(siteId));
    if (it == next.sites.end()) {
        // Not on program yet: it enters at slot 0 and the others move one slot down.
        next.sites.insert(next.sites.begin(), siteId);
        if (next.sites.size() > layout->rects.size())
            next.sites.resize(layout->rects.size());
    } else if (it != next.sites.begin()) {
        std::iter_swap(it, next.sites.begin());
    }
    return next;
}

Status Session::giveFloor(qint64 siteId, const Actor& actor) {
    auto site = directory_->get(siteId);
    if (!site)
        return site.error();
    Result<engine::Composition> next = floorComposition(siteId);
    if (!next)
        return next.error();
    engine::EngineError error;
    if (!engine_->setProgram(*next, &error))
        return fromEngineError(error);
    preparedFloor_.reset();
    floorGiven(*site, *next, actor);
    publish(events::ProgramChanged{*next, {}});
    return {};
}

Status Session::prepareFloor(qint64 siteId, const Actor& actor) {
    if (auto site = directory_->get(siteId); !site)
        return site.error();
    Result<engine::Composition> next = floorComposition(siteId);
    if (!next)
        return next.error();
    if (Status set = setPreview(*next, actor); !set)
        return set;
    preparedFloor_ = PreparedFloor{siteId, engine_->preview()};
    log(actor, QStringLiteral("floor.prepare"), QString::number(siteId), compositionDetail(*next));
    return {};
}

std::optional<qint64> Session::preparedFloor() const {
    if (preparedFloor_ && engine_->preview() == preparedFloor_->preview)
        return preparedFloor_->siteId;
    return std::nullopt;
}

void Session::floorGiven(const SiteRecord& site, const engine::Composition& program, const Actor& actor) {
    const qint64 siteId = site.id;
    floor_ = siteId;
    engine_->setFloor(static_cast<engine::SiteId>(siteId));
    log(actor, QStringLiteral("floor.give"), QString::number(siteId), compositionDetail(program));
    mark(MarkerKind::Floor, siteId, site.name);
    publish(events::FloorChanged{siteId});
    if (!site.cameraJson.isEmpty())
        cameraCommand(siteId, CameraAction::RecallPreset, {}, 1, QStringLiteral("auto"),
                      [this, siteId](const Status& s) {
                          if (!s)
                              raiseAlarm(QStringLiteral("camera.error"), AlarmSubject::site(siteId),
                                         s.error().message);
                      });
}

Result<camera::CameraDriver*> Session::cameraFor(qint64 siteId) {
    auto site = directory_->get(siteId);
    if (!site)
        return site.error();
    const QJsonObject cam = QJsonDocument::fromJson(site->cameraJson.toUtf8()).object();
    if (cam.isEmpty())
        return conflict(tr("%1 has no camera.").arg(site->name));
    auto it = cameras_.find(siteId);
    if (it == cameras_.end()) {
        QString why;
        // A simulated camera steers the site's test picture in the engine.
        auto driver = camera::makeCameraDriver(cam, &why, [this, siteId](const camera::CameraPosition& p) {
            engine_->steerTestPicture(static_cast<engine::SiteId>(siteId), p.pan, p.tilt, p.zoom);
        });
        if (!driver)
            return invalid(tr("The camera of %1 cannot be used: %2").arg(site->name, why));
        it = cameras_.emplace(siteId, std::move(driver)).first;
    }
    return it->second.get();
}

void Session::cameraCommand(qint64 siteId, CameraAction action, CameraMove move, int preset,
                            const Actor& actor, CameraDone done) {
    auto driver = cameraFor(siteId);
    if (!driver) {
        done(driver.error());
        return;
    }
    if (preset < 0 || preset > 128 ||
        ((action == CameraAction::RecallPreset || action == CameraAction::StorePreset) && preset < 1)) {
        done(invalid(tr("Presets are numbered 1 to 128.")));
        return;
    }
    if (action == CameraAction::ZoomTo && !(move.zoom >= 0 && move.zoom <= 1)) {
        done(invalid(tr("The zoom position is between 0 (wide) and 1 (tele).")));
        return;
    }
    auto finish = [this, siteId, action, preset, zoom = move.zoom, actor,
                   done = std::move(done)](const camera::CameraResult& r) {
        static const char* names[] = {"camera.move", "camera.stop", "camera.preset.recall",
                                      "camera.preset.store", "camera.zoom"};
        QJsonObject detail{{"ok", r.ok}};
        if (action == CameraAction::ZoomTo)
            detail.insert(QStringLiteral("zoom"), zoom);
        else
            detail.insert(QStringLiteral("preset"), preset);
        log(actor, QString::fromLatin1(names[static_cast<int>(action)]), QString::number(siteId), detail,
            r.error);
        // A camera that cannot do this at all is a conflict with its kind, not a failure.
        done(r.ok ? Status()
                  : Status(Error{r.unsupported ? Error::Code::Conflict : Error::Code::Upstream, r.error}));
    };
    camera::CameraDriver* camera = driver.value();
    switch (action) {
    case CameraAction::Move:
        camera->move(std::clamp(move.pan, -1.0, 1.0), std::clamp(move.tilt, -1.0, 1.0),
                     std::clamp(move.zoom, -1.0, 1.0), finish);
        break;
    case CameraAction::Stop:
        camera->stop(finish);
        break;
    case CameraAction::RecallPreset:
        camera->recallPreset(preset, finish);
        break;
    case CameraAction::StorePreset:
        camera->storePreset(preset, finish);
        break;
    case CameraAction::ZoomTo:
        camera->zoomTo(move.zoom, finish);
        break;
    }
}

void Session::cameraPosition(qint64 siteId, std::function<void(const Result<camera::CameraPosition>&)> done) {
    auto driver = cameraFor(siteId);
    if (!driver) {
        done(driver.error());
        return;
    }
    driver.value()->queryPosition([done = std::move(done)](const camera::CameraResult& r) {
        if (r.ok && r.position)
            done(*r.position);
        else
            done(Error{r.unsupported ? Error::Code::Conflict : Error::Code::Upstream, r.error});
    });
}

void Session::setAutoFollowSpeaker(bool on, const Actor& actor) {
    engine_->setAutoFollowSpeaker(on);
    log(actor, QStringLiteral("program.auto"), {}, {{"on", on}});
    publish(events::AutoFollowChanged{on});
}

void Session::setLightLoad(bool on, const Actor& actor) {
    if (on == engine_->lightLoad())
        return;
    engine_->setLightLoad(on);
    settings_->setLightLoad(on);
    log(actor, QStringLiteral("load.light"), {}, {{"on", on}},
        on ? tr("Lighter load: the multiview refreshes five times a second, sites off the air show a picture "
                "a "
                "second.")
           : tr("Normal load: the multiview and every site's picture at full rate."));
}

bool Session::lightLoad() const {
    return engine_->lightLoad();
}

// ---------------------------------------------------------------- recording

QString Session::recordingPath(const QString& title) const {
    const QDateTime now = clockNow(options_.clock);
    QString slug = title.normalized(QString::NormalizationForm_D);
    slug.remove(QRegularExpression(QStringLiteral("[\\x{0300}-\\x{036f}]")));
    slug.replace(QChar(0x0111), QLatin1Char('d')).replace(QChar(0x0110), QLatin1Char('D'));
    slug.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    slug = slug.left(60).trimmed();
    const QString base =
        now.toString(QStringLiteral("HHmmss")) + (slug.isEmpty() ? QString() : QStringLiteral("-") + slug);
    const QDir day(QDir(settings_->recordingsDir()).filePath(now.toString(QStringLiteral("yyyy-MM-dd"))));
    // Two recordings with one title in one second must not share (and truncate) a file, nor one
    // catalogue row point at another's file (an earlier one may have written nothing yet).
    QString path = day.filePath(base + QStringLiteral(".mkv"));
    for (int n = 2; QFileInfo::exists(path) || QFileInfo(path).isSymLink() || recordings_->hasPath(path); ++n)
        path = day.filePath(QStringLiteral("%1-%2.mkv").arg(base).arg(n));
    return path;
}

Result<RecordingRecord> Session::startRecording(const QString& title, std::optional<qint64> meetingId,
                                                const Actor& actor) {
    if (activeRecording_)
        return conflict(tr("A recording is already running (%1).").arg(*activeRecording_));
    if (meetingId && !meetings_->get(*meetingId))
        return notFound(tr("There is no meeting %1.").arg(*meetingId));
    // The engine makes the file exclusively: a name taken between the choice and the start (by
    // anyone) is refused, and the next free one is tried.
    QString path;
    engine::EngineError error;
    for (int attempt = 0;; ++attempt) {
        path = recordingPath(title);
        if (engine_->startRecording(path.toStdString(), &error))
            break;
        if (error.kind != engine::EngineError::Kind::Exists || attempt >= 10)
            return fromEngineError(error, tr("Cannot start the recording: %1"));
    }
    auto rec = recordings_->start(path, title, meetingId);
    if (!rec) {
        engine_->stopRecording();
        return rec.error();
    }
    activeRecording_ = rec->id;
    activeRecordingPath_ = path;
    if (meetingId)
        activeMeeting_ = meetingId;
    recordingClock_.start();
    watchdog_.reset();
    recordingWatch_.start();
    // Who is connected as the recording starts joins at 0 s, so its markers alone say who attended.
    for (auto it = live_.cbegin(); it != live_.cend(); ++it)
        if (it->state == engine::SourceState::Connected)
            mark(MarkerKind::Join, it.key());
    log(actor, QStringLiteral("recording.start"), QString::number(rec->id),
        {{"path", path}, {"title", title}});
    publish(events::RecordingStarted{rec.value()});
    return rec;
}

Result<RecordingRecord> Session::stopRecording(qint64 id, const Actor& actor) {
    auto rec = recordings_->get(id);
    if (!rec)
        return rec.error();
    if (activeRecording_ != id)
        return conflict(tr("Recording %1 is not running.").arg(id));
    const engine::RecordingStatus status = engine_->stopRecording();
    activeRecording_.reset();
    recordingWatch_.stop();
    // What was written, not how long the button was down: a file with no picture is a failure.
    const qint64 size = QFileInfo(rec->path).size();
    QString failure;
    if (status.stats.state == engine::OutputState::Failed)
        failure = QString::fromStdString(status.stats.error);
    else if (status.stats.durationSeconds <= 0)
        failure = tr("Nothing was recorded: no picture reached the file.");
    Result<RecordingRecord> done = failure.isEmpty()
                                       ? recordings_->finish(id, status.stats.durationSeconds, size)
                                       : recordings_->fail(id, failure, status.stats.durationSeconds, size);
    if (!done)
        return done.error();
    QJsonObject detail{{"duration_s", done->durationS.value_or(0)}, {"size_bytes", size}};
    if (status.stats.isolatedGapSeconds > 0)
        detail.insert(QStringLiteral("tracks_gap_s"), status.stats.isolatedGapSeconds);
    log(actor, QStringLiteral("recording.stop"), QString::number(id), detail, failure);
    if (!failure.isEmpty())
        announceRecordingFailure(id, failure);
    publish(events::RecordingStopped{done.value()});
    activeMeeting_ = startedMeeting_;
    return done;
}

void Session::onRecordingState(engine::OutputState state, const QString& error) {
    if (state != engine::OutputState::Failed || !activeRecording_)
        return;
    // The engine already closed the file cleanly (e.g. disk almost full): record why, raise an alarm.
    const qint64 id = *activeRecording_;
    const engine::RecordingStatus status = engine_->stopRecording();
    activeRecording_.reset();
    recordingWatch_.stop();
    auto rec = recordings_->get(id);
    const qint64 size = rec ? QFileInfo(rec->path).size() : 0;
    (void)recordings_->fail(id, error, status.stats.durationSeconds, size);
    log(QStringLiteral("auto"), QStringLiteral("recording.error"), QString::number(id), {}, error);
    announceRecordingFailure(id, error);
}

void Session::announceRecordingFailure(qint64 id, const QString& message) {
    publish(events::RecordingError{id, message, true});
    raiseAlarm(QStringLiteral("recording.error"), AlarmSubject::recording(id), message);
}

void Session::onReturnFeedState(qint64 siteId, engine::OutputState state, const QString& rawError) {
    const QString error = maskStreamUrlsIn(rawError);
    publish(events::ReturnFeedState{siteId, state, error});
    const bool failing = state == engine::OutputState::Retrying || state == engine::OutputState::Failed;
    if (!failing) {
        if (state == engine::OutputState::Running && failingFeeds_.remove(siteId))
            log(QStringLiteral("auto"), QStringLiteral("return_feed.recovered"), QString::number(siteId));
        return;
    }
    // The site hears nothing of the meeting: as loud as a lost signal. Each retry repeats the
    // alarm (counted); the log keeps when it started.
    const auto site = directory_->get(siteId);
    const QString name = site ? site->name : QString::number(siteId);
    const QString message = tr("The return feed to %1 is not going out: %2").arg(name, error);
    if (!failingFeeds_.contains(siteId)) {
        failingFeeds_.insert(siteId);
        log(QStringLiteral("auto"), QStringLiteral("return_feed.error"), QString::number(siteId), {},
            message);
    }
    raiseAlarm(QStringLiteral("return_feed.error"), AlarmSubject::site(siteId), message);
}

void Session::watchClock() {
    switch (clockWatchdog_.feed(engine_->clockStats())) {
    case ClockWatchdog::Change::Raised: {
        // Pictures stutter on program, the recording and every stream: as loud as a lost site.
        const QString message = tr("The program is not keeping time: %1").arg(clockWatchdog_.problem());
        const ClockWatchdog::Counters c = clockWatchdog_.recent();
        log(QStringLiteral("auto"), QStringLiteral("clock.behind"), {},
            {{"ticks", static_cast<qint64>(c.ticks)}, {"skipped", static_cast<qint64>(c.skipped)}}, message);
        raiseAlarm(QStringLiteral("clock.behind"), AlarmSubject{}, message);
        break;
    }
    case ClockWatchdog::Change::Cleared:
        log(QStringLiteral("auto"), QStringLiteral("clock.recovered"), {}, {},
            tr("The program keeps time again."));
        break;
    case ClockWatchdog::Change::None:
        break;
    }
}

void Session::watchDisk() {
    const RecordingSpace space = recordingSpace();
    const RecordingSpace::Level level = space.level();
    if (level == diskLevel_)
        return;
    diskLevel_ = level;
    if (level == RecordingSpace::Level::Ok) {
        log(QStringLiteral("auto"), QStringLiteral("disk.recovered"), {}, {{"free_bytes", space.freeBytes}},
            tr("The recordings' disk has room again."));
        return;
    }
    const QString free = QLocale().formattedDataSize(space.freeBytes);
    const int minutes = static_cast<int>(space.secondsLeft / 60);
    const QString message =
        level == RecordingSpace::Level::Critical
            ? tr("The recordings' disk is almost full: %1 free, about %n minute(s) of recording left. A "
                 "recording stops before the disk is full: free space now (archive, then delete old "
                 "recordings).",
                 nullptr, minutes)
                  .arg(free)
            : tr("The recordings' disk is filling: %1 free, about %n minute(s) of recording left.", nullptr,
                 minutes)
                  .arg(free);
    log(QStringLiteral("auto"), QStringLiteral("disk.low"), {},
        {{"free_bytes", space.freeBytes}, {"seconds_left", space.secondsLeft}}, message);
    raiseAlarm(QStringLiteral("disk.low"), AlarmSubject{}, message);
}

void Session::watchRecording() {
    if (!activeRecording_) {
        recordingWatch_.stop();
        return;
    }
    const qint64 id = *activeRecording_;
    const engine::RecordingStatus status = engine_->recording();
    RecordingWatchdog::Sample sample;
    sample.elapsedS = static_cast<double>(recordingClock_.elapsed()) / 1000.0;
    sample.fileBytes = QFileInfo(activeRecordingPath_).size();
    sample.writerLagS = status.stats.lagSeconds;
    sample.tracksGapS = status.stats.isolatedGapSeconds;
    switch (watchdog_.feed(sample)) {
    case RecordingWatchdog::Change::Raised: {
        const QString message = tr("The recording is not being written: %1.").arg(watchdog_.problem());
        log(QStringLiteral("auto"), QStringLiteral("recording.error"), QString::number(id),
            {{"size_bytes", sample.fileBytes}, {"writer_lag_s", sample.writerLagS}}, message);
        publish(events::RecordingError{id, message, false});
        raiseAlarm(QStringLiteral("recording.stalled"), AlarmSubject::recording(id), message);
        break;
    }
    case RecordingWatchdog::Change::Cleared:
        log(QStringLiteral("auto"), QStringLiteral("recording.recovered"), QString::number(id),
            {{"size_bytes", sample.fileBytes}}, tr("The recording is being written again."));
        publish(events::RecordingRecovered{id});
        break;
    case RecordingWatchdog::Change::None:
        break;
    }
    if (watchdog_.takeTracksIncompleteNews()) {
        const QString message = tr("Some sites' own audio tracks have gaps: this machine cannot encode them "
                                   "all in time. The program recording is complete.");
        log(QStringLiteral("auto"), QStringLiteral("recording.tracks_incomplete"), QString::number(id),
            {{"tracks_gap_s", sample.tracksGapS}}, message);
        raiseAlarm(QStringLiteral("recording.tracks"), AlarmSubject::recording(id), message);
    }
}

// ---------------------------------------------------------------- outputs

std::optional<qint64> Session::outputIdOf(engine::OutputId engineId) const {
    for (const auto& [id, entry] : outputs_)
        if (entry.engineId == engineId)
            return id;
    return std::nullopt;
}

std::optional<OutputView> Session::output(qint64 id) const {
    const auto it = outputs_.find(id);
    if (it == outputs_.end())
        return std::nullopt;
    const OutputEntry& e = it->second;
    OutputView v{id, e.name, e.url, {}, {}};
    v.stats.state = engine::OutputState::Stopped;
    if (e.engineId)
        if (const auto stats = engine_->outputs(); stats.count(*e.engineId))
            v.stats = stats.at(*e.engineId);
    v.error = QString::fromStdString(v.stats.error);
    if (v.error.isEmpty() && !e.engineId)
        v.error = e.error;
    return v;
}

QList<OutputView> Session::outputs() const {
    QList<OutputView> out;
    for (const auto& entry : outputs_)
        out.append(*output(entry.first));
    return out;
}

Result<OutputView> Session::addOutput(const QString& url, const QString& name, const Actor& actor) {
    engine::EngineError error;
    const auto engineId = engine_->addOutput(url.toStdString(), &error);
    if (!engineId)
        return fromEngineError(error);
    const qint64 id = ++lastOutputId_;
    outputs_[id] = {name, url, engineId, {}};
    saveOutputs();
    log(actor, QStringLiteral("output.add"), QString::number(id),
        {{"url", maskStreamUrl(url)}, {"name", name}});
    publish(events::OutputAdded{id});
    return *output(id);
}

Status Session::removeOutput(qint64 id, const Actor& actor) {
    const auto it = outputs_.find(id);
    if (it == outputs_.end())
        return notFound(tr("There is no output %1.").arg(id));
    if (it->second.engineId)
        engine_->removeOutput(*it->second.engineId);
    outputs_.erase(it);
    saveOutputs();
    log(actor, QStringLiteral("output.remove"), QString::number(id));
    publish(events::OutputRemoved{id});
    return {};
}

Status Session::stopOutput(qint64 id, const Actor& actor) {
    const auto it = outputs_.find(id);
    if (it == outputs_.end())
        return notFound(tr("There is no output %1.").arg(id));
    if (!it->second.engineId)
        return conflict(tr("Output %1 is already stopped.").arg(id));
    engine_->removeOutput(*it->second.engineId);
    it->second.engineId.reset();
    it->second.error.clear();
    saveOutputs();
    log(actor, QStringLiteral("output.stop"), QString::number(id));
    publish(events::OutputStateChanged{id, engine::OutputState::Stopped, {}});
    return {};
}

Result<OutputView> Session::startOutput(qint64 id, const Actor& actor) {
    const auto it = outputs_.find(id);
    if (it == outputs_.end())
        return notFound(tr("There is no output %1.").arg(id));
    if (it->second.engineId)
        return conflict(tr("Output %1 is already running.").arg(id));
    engine::EngineError error;
    const auto engineId = engine_->addOutput(it->second.url.toStdString(), &error);
    if (!engineId)
        return fromEngineError(error);
    it->second.engineId = engineId;
    it->second.error.clear();
    saveOutputs();
    log(actor, QStringLiteral("output.start"), QString::number(id));
    const OutputView out = *output(id);
    publish(events::OutputStateChanged{id, out.stats.state, {}});
    return out;
}

// ---------------------------------------------------------------- meetings, state

Result<ScheduleOutcome> Session::scheduleMeeting(MeetingRecord meeting, const Actor& actor) {
    auto out = meetings_->schedule(std::move(meeting));
    if (!out)
        return out.error();
    log(actor, QStringLiteral("meeting.schedule"), QString::number(out->meeting.id),
        MeetingBook::toJson(out->meeting), out->warning);
    publish(events::MeetingScheduled{out->meeting});
    return out;
}

engine::ClockStats Session::clock() const {
    return engine_->clockStats();
}

Session::WorkInProgress Session::workInProgress() const {
    WorkInProgress w;
    w.recording = activeRecording_.has_value();
    w.jobs = jobs_.runningCount();
    if (activeMeeting_)
        if (auto m = meetings_->get(*activeMeeting_))
            w.meeting = m->title;
    return w;
}

std::optional<RecordingRecord> Session::activeRecording() const {
    if (!activeRecording_)
        return std::nullopt;
    auto rec = recordings_->get(*activeRecording_);
    return rec ? std::optional<RecordingRecord>(rec.value()) : std::nullopt;
}

namespace {
QImage toImage(const engine::VideoFramePtr& frame, const QSize& size) {
    if (!frame || size.isEmpty())
        return {};
    QImage image(size, QImage::Format_RGB32);
    if (!frame->toBgra(image.bits(), static_cast<int>(image.bytesPerLine()), size.width(), size.height()))
        return {};
    return image;
}
} // namespace

namespace {
engine::VideoFramePtr frameOf(const engine::Engine& engine, Session::Picture which) {
    return which == Session::Picture::Multiview ? engine.multiviewFrame()
           : which == Session::Picture::Program ? engine.programFrame()
                                                : engine.previewFrame();
}
} // namespace

QImage Session::picture(Picture which, const QSize& size) const {
    return toImage(frameOf(*engine_, which), size);
}

std::unique_ptr<PictureFeed> Session::pictureFeed(Picture which) const {
    const engine::Engine* engine = engine_.get();
    return std::make_unique<PictureFeed>([engine, which] { return frameOf(*engine, which); });
}

QImage Session::sitePicture(qint64 siteId, const QSize& size) const {
    return toImage(engine_->siteFrame(siteId), size);
}

std::optional<qint64> Session::multiviewSiteAt(double x, double y) const {
    const auto id = engine_->multiviewSiteAt(x, y);
    return id ? std::optional<qint64>(*id) : std::nullopt;
}

} // namespace hntt::core
