#include "core/session/session.h"

#include "core/session/engine_error.h"
#include "core/store/demo_directory.h"
#include "core/url_mask.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMetaObject>
#include <QPointer>
#include <QRegularExpression>
#include <cmath>

namespace hntt::core {

namespace {

QString isoNow() {
    return QDateTime::currentDateTime()
        .toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
        .toString(Qt::ISODateWithMs);
}

double roundTo(double v, double step) {
    return std::round(v / step) * step;
}

StoreError invalid(const QString& message) {
    return StoreError{StoreError::Code::Invalid, message};
}
StoreError notFound(const QString& message) {
    return StoreError{StoreError::Code::NotFound, message};
}
StoreError conflict(const QString& message) {
    return StoreError{StoreError::Code::Conflict, message};
}

QJsonValue optionalId(const std::optional<qint64>& v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString stateName(engine::SourceState s) {
    return QString::fromLatin1(engine::sourceStateName(s));
}

Session::Session(SessionOptions options, QObject* parent)
    : QObject(parent)
    , options_(std::move(options)) {
    connect(&jobs_, &JobQueue::jobChanged, this,
            [this](const QJsonObject& job) { emitEvent(QStringLiteral("job.progress"), job); });
    recordingWatch_.setInterval(1000);
    connect(&recordingWatch_, &QTimer::timeout, this, &Session::watchRecording);
}

Session::~Session() {
    shutdown();
}

Status Session::open() {
    if (!QDir().mkpath(options_.dataDir))
        return StoreError{StoreError::Code::Storage,
                          tr("Cannot create the data folder %1.").arg(options_.dataDir)};
    auto db = Database::open(QDir(options_.dataDir).filePath(QStringLiteral("hntt.sqlite")));
    if (!db)
        return db.error();
    db_ = std::move(db).value();
    settings_ = std::make_unique<ConsoleSettings>(options_.dataDir);
    directory_ = std::make_unique<SiteDirectory>(*db_);
    meetings_ = std::make_unique<MeetingBook>(*db_);
    events_ = std::make_unique<EventLog>(*db_);
    recordings_ = std::make_unique<RecordingCatalogue>(*db_);
    // A recording left "recording" by a crash: its file plays up to the crash; say what happened.
    (void)recordings_->failInterrupted(tr("The console stopped while recording; the file holds what was "
                                          "recorded until then."));
    if (options_.demo) {
        if (auto loaded = loadDemoDirectory(*directory_); !loaded)
            return loaded.error();
    }

    engine::EngineConfig cfg;
    cfg.width = options_.width;
    cfg.height = options_.height;
    cfg.fps = options_.fps;
    cfg.multiview = options_.multiview;
    cfg.signalLostText = tr("Signal lost").toStdString();
    cfg.videoMutedText = tr("Video off").toStdString();
    cfg.noPictureText = tr("No picture yet").toStdString();
    cfg.programLabel = tr("PROGRAM").toStdString();
    cfg.previewLabel = tr("PREVIEW").toStdString();
    cfg.pageText = tr("Page").toStdString();
    cfg.sitesText = tr("sites").toStdString();
    cfg.lostCountText = tr("signal lost").toStdString();
    cfg.audioMutedText = tr("MUTED").toStdString();

    // Engine callbacks come from engine threads: hop to this object's thread before touching state.
    QPointer<Session> self(this);
    engine::EngineEvents ev;
    ev.siteStatus = [self](engine::SiteId id, engine::SourceState st, const std::string& reason) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, st, r = QString::fromStdString(reason)] {
                if (self)
                    self->onSiteStatus(id, st, r);
            },
            Qt::QueuedConnection);
    };
    ev.speakerChanged = [self](std::optional<engine::SiteId> id) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, id] {
                if (self)
                    self->onSpeaker(id);
            },
            Qt::QueuedConnection);
    };
    ev.programChangedByAuto = [self](const engine::Composition& program) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, program] {
                if (!self)
                    return;
                // Every automatic action shows with its reason and goes into the event log.
                const QJsonObject json = self->compositionJson(program);
                self->log(QStringLiteral("auto"), QStringLiteral("program.follow_speaker"),
                          program.sites.empty() || !program.sites[0] ? QString()
                                                                     : QString::number(*program.sites[0]),
                          json, tr("Auto mode: the program follows the active speaker."));
                QJsonObject event = json;
                event.insert(QStringLiteral("reason"),
                             tr("Auto mode: the program follows the active speaker."));
                self->emitEvent(QStringLiteral("program.changed"), event);
            },
            Qt::QueuedConnection);
    };
    ev.recordingState = [self](engine::OutputState st, const std::string& error) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, st, e = QString::fromStdString(error)] {
                if (self)
                    self->onRecordingState(st, e);
            },
            Qt::QueuedConnection);
    };
    ev.outputState = [self](engine::OutputId id, engine::OutputState st, const std::string& error) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, st, e = maskStreamUrlsIn(QString::fromStdString(error))] {
                const auto outputId = self ? self->outputIdOf(id) : std::nullopt;
                if (!outputId)
                    return;
                self->emitEvent(QStringLiteral("output.state"),
                                {{"output_id", *outputId},
                                 {"state", QString::fromLatin1(engine::outputStateName(st))},
                                 {"error", e.isEmpty() ? QJsonValue() : QJsonValue(e)}});
                if (st == engine::OutputState::Retrying || st == engine::OutputState::Failed)
                    self->emitEvent(QStringLiteral("alarm"),
                                    {{"kind", "output.error"}, {"output_id", *outputId}, {"message", e}});
            },
            Qt::QueuedConnection);
    };
    ev.returnFeedState = [self](engine::SiteId id, engine::OutputState st, const std::string& error) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, st, e = maskStreamUrlsIn(QString::fromStdString(error))] {
                if (self)
                    self->onReturnFeedState(static_cast<qint64>(id), st, e);
            },
            Qt::QueuedConnection);
    };
    ev.levels = [self](const engine::LevelsSnapshot& snap) {
        QJsonArray sites;
        for (const auto& s : snap.sites)
            sites.append(QJsonObject{{"site_id", static_cast<qint64>(s.id)},
                                     {"peak_dbfs", roundTo(s.levels.peakDbfs, 0.1)},
                                     {"rms_dbfs", roundTo(s.levels.rmsDbfs, 0.1)},
                                     {"speaking", s.speaking}});
        QJsonObject levels{{"sites", sites},
                           {"program", QJsonObject{{"peak_dbfs", roundTo(snap.program.peakDbfs, 0.1)},
                                                   {"rms_dbfs", roundTo(snap.program.rmsDbfs, 0.1)}}}};
        QMetaObject::invokeMethod(
            self.data(),
            [self, levels] {
                if (!self)
                    return;
                QJsonObject event = levels;
                event.insert(QStringLiteral("type"), QStringLiteral("site.levels"));
                event.insert(QStringLiteral("at"), isoNow());
                Q_EMIT self->levelsUpdated(event);
            },
            Qt::QueuedConnection);
    };
    engine_ = std::make_unique<engine::Engine>(cfg, ev);

    auto all = directory_->list();
    if (!all)
        return all.error();
    for (const SiteRecord& s : all.value())
        ingest(s);
    if (options_.demo)
        setupDemoProgram();
    engine_->start();
    restoreOutputs();
    return {};
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
            emitEvent(QStringLiteral("alarm"),
                      {{"kind", "output.error"},
                       {"output_id", outputId},
                       {"message", maskStreamUrlsIn(
                                       tr("The saved stream %1 cannot start: %2").arg(o.url, entry.error))}});
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
    if (shutDown_ || !engine_)
        return;
    shutDown_ = true;
    if (activeRecording_)
        (void)stopRecording(*activeRecording_, QStringLiteral("auto"));
    engine_->stop();
}

void Session::ingest(const SiteRecord& s) {
    live_.insert(s.id, LiveSite{});
    engine::EngineError error;
    if (engine_->addSite(s.id, {s.name.toStdString(), s.sourceUrl.toStdString(), s.returnUrl.toStdString()},
                         &error) ||
        s.returnUrl.isEmpty())
        return;
    // The return feed could not start: the site is still seen and heard, and its feed reported.
    if (engine_->addSite(s.id, {s.name.toStdString(), s.sourceUrl.toStdString(), {}}))
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

void Session::emitEvent(const QString& type, QJsonObject payload) {
    payload.insert(QStringLiteral("type"), type);
    payload.insert(QStringLiteral("at"), isoNow());
    if (type == QLatin1String("alarm"))
        keepAlarm(payload);
    Q_EMIT eventOccurred(payload);
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

QJsonObject Session::siteJson(const SiteRecord& s) const {
    QJsonObject o = SiteDirectory::toJson(s);
    const LiveSite live = live_.value(s.id);
    const auto stats = engine_->siteStats(s.id).value_or(engine::SourceStats{});
    const auto levels = engine_->siteLevels(s.id).value_or(engine::SiteLevels{});
    o.insert(QStringLiteral("status"),
             s.sourceUrl.isEmpty() ? QStringLiteral("offline") : stateName(stats.state));
    o.insert(QStringLiteral("audio"), QJsonObject{{"muted", live.audioMuted},
                                                  {"gain_db", live.gainDb},
                                                  {"level_dbfs", roundTo(levels.levels.rmsDbfs, 0.1)},
                                                  {"speaking", levels.speaking}});
    o.insert(QStringLiteral("video"), QJsonObject{{"muted", live.videoMuted},
                                                  {"width", stats.width},
                                                  {"height", stats.height},
                                                  {"fps", roundTo(stats.fps, 0.01)}});
    o.insert(QStringLiteral("stats"),
             QJsonObject{{"bitrate_kbps", qRound(stats.bitrateKbps)},
                         {"frames_dropped", static_cast<qint64>(stats.framesDropped)},
                         {"reconnects", static_cast<qint64>(stats.reconnects)},
                         {"packets", static_cast<qint64>(stats.packetsReceived)},
                         {"packets_lost", static_cast<qint64>(stats.packetsLost)},
                         {"last_error", QString::fromStdString(stats.lastError)}});
    // The return feed as it goes now (null without one): a failing feed shows on its site.
    QJsonValue feed;
    if (!s.returnUrl.isEmpty())
        if (const auto f = engine_->returnFeed(s.id)) {
            const QString error = maskStreamUrlsIn(QString::fromStdString(f->error));
            feed = QJsonObject{{"state", QString::fromLatin1(engine::outputStateName(f->state))},
                               {"bitrate_kbps", qRound(f->bitrateKbps)},
                               {"error", error.isEmpty() ? QJsonValue() : QJsonValue(error)}};
        }
    o.insert(QStringLiteral("return_feed"), feed);
    return o;
}

Result<QJsonArray> Session::sitesJson() const {
    auto all = directory_->list();
    if (!all)
        return all.error();
    QJsonArray out;
    for (const SiteRecord& s : all.value())
        out.append(siteJson(s));
    return out;
}

Result<QJsonObject> Session::siteJson(qint64 id) const {
    auto s = directory_->get(id);
    if (!s)
        return s.error();
    return siteJson(s.value());
}

Result<SiteRecord> Session::createSite(SiteRecord site, const Actor& actor) {
    engine::EngineError error;
    if (!engine::Engine::checkSourceUrl(site.sourceUrl.toStdString(), &error) ||
        !engine::Engine::checkReturnUrl(site.returnUrl.toStdString(), &error))
        return fromEngineError(error);
    auto created = directory_->create(site);
    if (!created)
        return created.error();
    ingest(created.value());
    log(actor, QStringLiteral("site.create"), QString::number(created->id),
        SiteDirectory::toJson(created.value()));
    emitEvent(QStringLiteral("site.created"), {{"site", siteJson(created.value())}});
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
    if (patch.returnUrl && !engine::Engine::checkReturnUrl(patch.returnUrl->toStdString(), &error))
        return fromEngineError(error);
    if (patch.gainDb && (!std::isfinite(*patch.gainDb) || *patch.gainDb < -60 || *patch.gainDb > 20))
        return invalid(tr("Gain must be between -60 and +20 dB."));
    if (patch.name)
        next.name = *patch.name;
    if (patch.sourceUrl)
        next.sourceUrl = *patch.sourceUrl;
    if (patch.returnUrl)
        next.returnUrl = *patch.returnUrl;
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
    }
    // The store accepted it: now the live session follows.
    if (patch.name)
        engine_->setSiteName(id, next.name.toStdString());
    // A source the engine cannot start fails the call, once everything else is applied: the
    // store holds the change either way.
    std::optional<StoreError> sourceFailed;
    if (patch.sourceUrl && !engine_->setSiteUrl(id, next.sourceUrl.toStdString(), &error))
        sourceFailed = fromEngineError(error);
    // Stored, like a feed that fails later: it is reported as not going out.
    if (patch.returnUrl && !engine_->setReturnUrl(id, next.returnUrl.toStdString(), &error))
        onReturnFeedState(id, engine::OutputState::Failed, QString::fromStdString(error.message));
    LiveSite& live = live_[id];
    const bool wasMuted = live.audioMuted;
    if (patch.audioMuted)
        live.audioMuted = *patch.audioMuted;
    if (patch.gainDb)
        live.gainDb = *patch.gainDb;
    if (patch.audioMuted || patch.gainDb) {
        engine_->setSiteAudio(id, live.audioMuted, live.gainDb);
        emitEvent(QStringLiteral("site.audio"),
                  {{"site_id", id}, {"muted", live.audioMuted}, {"gain_db", live.gainDb}});
        if (live.audioMuted != wasMuted)
            mark(live.audioMuted ? MarkerKind::Mute : MarkerKind::Unmute, id, next.name);
    }
    if (patch.videoMuted) {
        live.videoMuted = *patch.videoMuted;
        engine_->setSiteVideoMuted(id, live.videoMuted);
        emitEvent(QStringLiteral("site.video"), {{"site_id", id}, {"muted", live.videoMuted}});
    }
    QJsonObject detail;
    if (patch.name)
        detail.insert(QStringLiteral("name"), *patch.name);
    if (patch.sourceUrl)
        detail.insert(QStringLiteral("source_url"), *patch.sourceUrl);
    if (patch.returnUrl)
        detail.insert(QStringLiteral("return_url"), *patch.returnUrl);
    if (patch.audioMuted)
        detail.insert(QStringLiteral("audio_muted"), *patch.audioMuted);
    if (patch.gainDb)
        detail.insert(QStringLiteral("gain_db"), *patch.gainDb);
    if (patch.videoMuted)
        detail.insert(QStringLiteral("video_muted"), *patch.videoMuted);
    if (patch.camera) {
        detail.insert(QStringLiteral("camera"), SiteDirectory::publicCamera(next.cameraJson));
        cameras_.erase(id); // the next command talks to the camera as now configured
    }
    log(actor, QStringLiteral("site.update"), QString::number(id), detail);
    if (patch.name || patch.sourceUrl || patch.returnUrl || patch.camera)
        emitEvent(QStringLiteral("site.updated"), {{"site", siteJson(next)}});
    if (sourceFailed)
        return *sourceFailed;
    return next;
}

Status Session::deleteSite(qint64 id, const Actor& actor) {
    auto removed = directory_->remove(id);
    if (!removed)
        return removed;
    engine_->removeSite(id);
    live_.remove(id);
    cameras_.erase(id);
    if (floor_ == id)
        floor_.reset();
    log(actor, QStringLiteral("site.delete"), QString::number(id));
    emitEvent(QStringLiteral("site.deleted"), {{"site_id", id}});
    return {};
}

void Session::onSiteStatus(qint64 id, engine::SourceState state, const QString& reason) {
    if (!live_.contains(id))
        return;
    LiveSite& live = live_[id];
    const engine::SourceState before = live.state;
    live.state = state;
    emitEvent(QStringLiteral("site.status"),
              {{"site_id", id}, {"status", stateName(state)}, {"reason", reason}});
    if (state == engine::SourceState::Lost && before != state) {
        const auto site = directory_->get(id);
        const QString name = site ? site->name : QString::number(id);
        emitEvent(QStringLiteral("alarm"), {{"kind", "site.lost"},
                                            {"site_id", id},
                                            {"message", tr("%1: signal lost (%2)").arg(name, reason)}});
        log(QStringLiteral("auto"), QStringLiteral("site.lost"), QString::number(id), {}, reason);
        mark(MarkerKind::Leave, id, reason);
    } else if (state == engine::SourceState::Connected && before != state) {
        log(QStringLiteral("auto"), QStringLiteral("site.connected"), QString::number(id), {}, reason);
        mark(MarkerKind::Join, id);
    }
}

void Session::onSpeaker(std::optional<qint64> id) {
    emitEvent(QStringLiteral("speaker.changed"), {{"site_id", optionalId(id)}});
    if (id)
        mark(MarkerKind::Speaker, id);
}

// ---------------------------------------------------------------- program

QJsonArray Session::layoutsJson() const {
    QJsonArray out;
    for (const engine::Layout& l : engine_->layouts()) {
        QJsonArray slotList;
        for (const engine::Rect& r : l.rects)
            slotList.append(QJsonObject{{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}});
        out.append(QJsonObject{{"name", QString::fromStdString(l.name)}, {"slots", slotList}});
    }
    return out;
}

QJsonObject Session::compositionJson(const engine::Composition& c) const {
    QJsonArray slotList;
    for (const auto& s : c.sites)
        slotList.append(s ? QJsonValue(static_cast<qint64>(*s)) : QJsonValue(QJsonValue::Null));
    return {{"layout", QString::fromStdString(c.layout)}, {"slots", slotList}};
}

namespace {
Status checkSlots(Session& s, const engine::Composition& c) {
    for (const auto& slot : c.sites)
        if (slot && !s.directory().get(*slot))
            return StoreError{StoreError::Code::Invalid,
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
    log(actor, QStringLiteral("program.set"), {}, compositionJson(c));
    emitEvent(QStringLiteral("program.changed"), compositionJson(c));
    return {};
}

Status Session::setPreview(const engine::Composition& c, const Actor& actor) {
    if (auto ok = checkSlots(*this, c); !ok)
        return ok;
    engine::EngineError error;
    if (!engine_->setPreview(c, &error))
        return fromEngineError(error);
    log(actor, QStringLiteral("preview.set"), {}, compositionJson(c));
    emitEvent(QStringLiteral("preview.changed"), compositionJson(c));
    return {};
}

void Session::take(const Actor& actor) {
    engine_->take();
    const QJsonObject program = compositionJson(engine_->program());
    log(actor, QStringLiteral("program.take"), {}, program);
    emitEvent(QStringLiteral("program.changed"), program);
}

Status Session::giveFloor(qint64 siteId, const Actor& actor) {
    auto site = directory_->get(siteId);
    if (!site)
        return site.error();
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
    engine::EngineError error;
    if (!engine_->setProgram(next, &error))
        return fromEngineError(error);
    floor_ = siteId;
    log(actor, QStringLiteral("floor.give"), QString::number(siteId), compositionJson(next));
    mark(MarkerKind::Floor, siteId, site->name);
    emitEvent(QStringLiteral("floor.changed"), {{"site_id", siteId}});
    if (!site->cameraJson.isEmpty())
        cameraCommand(siteId, CameraAction::RecallPreset, {}, 1, QStringLiteral("auto"),
                      [this, siteId](const Status& s) {
                          if (!s)
                              emitEvent(QStringLiteral("alarm"), {{"kind", "camera.error"},
                                                                  {"site_id", siteId},
                                                                  {"message", s.error().message}});
                      });
    emitEvent(QStringLiteral("program.changed"), compositionJson(next));
    return {};
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
        auto driver = camera::makeCameraDriver(cam, &why);
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
                  : Status(StoreError{r.unsupported ? StoreError::Code::Conflict : StoreError::Code::Upstream,
                                      r.error}));
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
            done(
                StoreError{r.unsupported ? StoreError::Code::Conflict : StoreError::Code::Upstream, r.error});
    });
}

void Session::setAutoFollowSpeaker(bool on, const Actor& actor) {
    engine_->setAutoFollowSpeaker(on);
    log(actor, QStringLiteral("program.auto"), {}, {{"on", on}});
    emitEvent(QStringLiteral("program.auto"), {{"on", on}});
}

// ---------------------------------------------------------------- recording

QString Session::recordingPath(const QString& title) const {
    const QDateTime now = QDateTime::currentDateTime();
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
    const QString path = recordingPath(title);
    engine::EngineError error;
    if (!engine_->startRecording(path.toStdString(), &error))
        return fromEngineError(error, tr("Cannot start the recording: %1"));
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
    emitEvent(QStringLiteral("recording.started"), RecordingCatalogue::toJson(rec.value(), false));
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
    emitEvent(QStringLiteral("recording.stopped"), RecordingCatalogue::toJson(done.value(), false));
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
    emitEvent(QStringLiteral("recording.error"), {{"id", id}, {"message", message}, {"stopped", true}});
    emitEvent(QStringLiteral("alarm"),
              {{"kind", "recording.error"}, {"recording_id", id}, {"message", message}});
}

void Session::onReturnFeedState(qint64 siteId, engine::OutputState state, const QString& error) {
    emitEvent(QStringLiteral("return_feed.state"),
              {{"site_id", siteId},
               {"state", QString::fromLatin1(engine::outputStateName(state))},
               {"error", error.isEmpty() ? QJsonValue() : QJsonValue(error)}});
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
    emitEvent(QStringLiteral("alarm"),
              {{"kind", "return_feed.error"}, {"site_id", siteId}, {"message", message}});
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
        emitEvent(QStringLiteral("recording.error"), {{"id", id}, {"message", message}, {"stopped", false}});
        emitEvent(QStringLiteral("alarm"),
                  {{"kind", "recording.stalled"}, {"recording_id", id}, {"message", message}});
        break;
    }
    case RecordingWatchdog::Change::Cleared:
        log(QStringLiteral("auto"), QStringLiteral("recording.recovered"), QString::number(id),
            {{"size_bytes", sample.fileBytes}}, tr("The recording is being written again."));
        emitEvent(QStringLiteral("recording.recovered"), {{"id", id}});
        break;
    case RecordingWatchdog::Change::None:
        break;
    }
    if (watchdog_.takeTracksIncompleteNews()) {
        const QString message = tr("Some sites' own audio tracks have gaps: this machine cannot encode them "
                                   "all in time. The program recording is complete.");
        log(QStringLiteral("auto"), QStringLiteral("recording.tracks_incomplete"), QString::number(id),
            {{"tracks_gap_s", sample.tracksGapS}}, message);
        emitEvent(QStringLiteral("alarm"),
                  {{"kind", "recording.tracks"}, {"recording_id", id}, {"message", message}});
    }
}

// ---------------------------------------------------------------- outputs

QJsonObject Session::outputJson(qint64 id, const engine::OutputStats& stats) const {
    const auto it = outputs_.find(id);
    const OutputEntry e = it != outputs_.end() ? it->second : OutputEntry{};
    QString error = QString::fromStdString(stats.error);
    if (error.isEmpty() && !e.engineId)
        error = e.error;
    return {{"id", id},
            {"name", e.name},
            {"url", e.url},
            {"state", QString::fromLatin1(engine::outputStateName(stats.state))},
            {"bitrate_kbps", qRound(stats.bitrateKbps)},
            {"error", error.isEmpty() ? QJsonValue() : QJsonValue(error)}};
}

std::optional<qint64> Session::outputIdOf(engine::OutputId engineId) const {
    for (const auto& [id, entry] : outputs_)
        if (entry.engineId == engineId)
            return id;
    return std::nullopt;
}

QJsonArray Session::outputsJson() const {
    const auto stats = engine_->outputs();
    QJsonArray out;
    for (const auto& [id, entry] : outputs_) {
        engine::OutputStats s;
        s.state = engine::OutputState::Stopped;
        if (entry.engineId)
            if (const auto it = stats.find(*entry.engineId); it != stats.end())
                s = it->second;
        out.append(outputJson(id, s));
    }
    return out;
}

Result<QJsonObject> Session::addOutput(const QString& url, const QString& name, const Actor& actor) {
    engine::EngineError error;
    const auto engineId = engine_->addOutput(url.toStdString(), &error);
    if (!engineId)
        return fromEngineError(error);
    const qint64 id = ++lastOutputId_;
    outputs_[id] = {name, url, engineId, {}};
    saveOutputs();
    log(actor, QStringLiteral("output.add"), QString::number(id),
        {{"url", maskStreamUrl(url)}, {"name", name}});
    const auto stats = engine_->outputs();
    const auto it = stats.find(*engineId);
    const QJsonObject out = outputJson(id, it != stats.end() ? it->second : engine::OutputStats{});
    emitEvent(QStringLiteral("output.added"), out);
    return out;
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
    emitEvent(QStringLiteral("output.removed"), {{"output_id", static_cast<qint64>(id)}});
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
    emitEvent(QStringLiteral("output.state"),
              {{"output_id", id}, {"state", "stopped"}, {"error", QJsonValue()}});
    return {};
}

Result<QJsonObject> Session::startOutput(qint64 id, const Actor& actor) {
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
    const auto stats = engine_->outputs();
    const auto found = stats.find(*engineId);
    const QJsonObject out = outputJson(id, found != stats.end() ? found->second : engine::OutputStats{});
    emitEvent(QStringLiteral("output.state"),
              {{"output_id", id}, {"state", out.value(QStringLiteral("state"))}, {"error", QJsonValue()}});
    return out;
}

// ---------------------------------------------------------------- meetings, state

Result<ScheduleOutcome> Session::scheduleMeeting(MeetingRecord meeting, const Actor& actor) {
    auto out = meetings_->schedule(std::move(meeting));
    if (!out)
        return out.error();
    log(actor, QStringLiteral("meeting.schedule"), QString::number(out->meeting.id),
        MeetingBook::toJson(out->meeting), out->warning);
    emitEvent(QStringLiteral("meeting.scheduled"), MeetingBook::toJson(out->meeting));
    return out;
}

QJsonObject Session::clockJson() const {
    const engine::ClockStats clock = engine_->clockStats();
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

QJsonObject Session::stateJson() const {
    const auto sites = sitesJson();
    QJsonValue recording;
    if (activeRecording_)
        if (auto rec = recordings_->get(*activeRecording_))
            recording = RecordingCatalogue::toJson(rec.value(), false);
    return {{"program", compositionJson(engine_->program())},
            {"preview", compositionJson(engine_->preview())},
            {"canvas",
             QJsonObject{{"width", options_.width}, {"height", options_.height}, {"fps", options_.fps}}},
            {"recording", recording},
            {"floor", optionalId(floor_)},
            {"program_audio", QJsonObject{{"muted", programAudioMuted_}, {"gain_db", programGainDb_}}},
            {"active_meeting_id", optionalId(activeMeeting_)},
            {"auto_follow_speaker", engine_->autoFollowSpeaker()},
            {"clock", clockJson()},
            {"sites", sites.ok() ? QJsonValue(sites.value()) : QJsonValue(QJsonArray())}};
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

QImage Session::picture(Picture which, const QSize& size) const {
    const engine::VideoFramePtr frame = which == Picture::Multiview ? engine_->multiviewFrame()
                                        : which == Picture::Program ? engine_->programFrame()
                                                                    : engine_->previewFrame();
    return toImage(frame, size);
}

QImage Session::sitePicture(qint64 siteId, const QSize& size) const {
    return toImage(engine_->siteFrame(siteId), size);
}

std::optional<qint64> Session::multiviewSiteAt(double x, double y) const {
    const auto id = engine_->multiviewSiteAt(x, y);
    return id ? std::optional<qint64>(*id) : std::nullopt;
}

} // namespace hntt::core
