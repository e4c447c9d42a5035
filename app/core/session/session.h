// The application core: the one owner of the live session. The UI and the API both call it;
// every change it makes reaches both as a typed event (changed), and both read its typed views
// (sites(), outputs(), alarms(), …); the API alone turns them into JSON. It owns the engine, the
// store and the live per-site state, and lives on the main thread: engine callbacks are
// marshalled here.
#pragma once

#include "core/browser/browser_calls.h"
#include "core/calls/call_manager.h"
#include "core/camera/camera_driver.h"
#include "core/jobs/job_queue.h"
#include "core/session/clock_watchdog.h"
#include "core/session/engine_bridge.h"
#include "core/session/picture_feed.h"
#include "core/session/reconnect_watch.h"
#include "core/session/recording_watchdog.h"
#include "core/session/session_event.h"
#include "core/settings.h"
#include "core/sources/source_policy.h"
#include "core/store/database.h"
#include "core/store/event_log.h"
#include "core/store/join_links.h"
#include "core/store/meeting_book.h"
#include "core/store/recording_catalogue.h"
#include "core/store/site_directory.h"
#include "hntt/engine/engine.h"
#include "net/thread_hop.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace hntt::core {

struct SessionOptions {
    QString dataDir;
    int width = 1920;
    int height = 1080;
    int fps = 25;
    bool demo = false;
    bool multiview = true;
    // SIP for room systems (--sip-listen): off unless enabled.
    bool sipEnabled = false;
    QString sipHost = QStringLiteral("0.0.0.0");
    quint16 sipPort = 5060;
    // The UDP ports calls' RTP and RTCP may use (--rtp-ports).
    quint16 rtpPortMin = 20000;
    quint16 rtpPortMax = 20999;
    // Browser sites through Janus (--janus): off, the console's own, or one at a URL.
    BrowserSettings::Janus janus = BrowserSettings::Janus::Off;
    QUrl janusUrl;
    QString janusProgram = QStringLiteral("janus");
    // What a site's source may name (--media-dir, --allow-local-sources). An empty media folder
    // means DATA/media, made on open.
    SourcePolicy sources;
    // The time recordings are named by (DATE/HHmmss-title.mkv); unset: the wall clock.
    Clock clock;
    // Free space a recording leaves on its disk (it stops before); unset: the engine's 512 MiB.
    std::optional<qint64> recordingReserveBytes;
};

// Who asked for a change: "ui", "api:<client>", "auto". Goes into the event log.
using Actor = QString;

// A site as the session has it now: its directory record and its live state.
struct SiteView {
    SiteRecord record;
    engine::SourceState state = engine::SourceState::Offline; // offline too when it has no source
    bool audioMuted = false;
    double gainDb = 0;
    double levelDbfs = -100; // rms of its latest block
    bool speaking = false;
    bool videoMuted = false;
    engine::SourceStats stats;
    std::optional<engine::OutputStats> returnFeed; // none without a return URL
    std::optional<CallView> call;                  // its SIP call, the last one once it ended
};

// A program stream: kept with its name and URL while stopped, also across restarts.
struct OutputView {
    qint64 id = 0;
    QString name;
    QString url;
    engine::OutputStats stats; // state Stopped while stopped
    QString error;             // why it failed or could not start (stream keys masked by the caller)
};

// A partial update of a site; only what is set changes.
struct SitePatch {
    std::optional<QString> name;
    std::optional<QString> sourceUrl;
    std::optional<QString> returnUrl;
    std::optional<QString> sipUri;
    std::optional<bool> audioMuted;
    std::optional<double> gainDb;
    std::optional<bool> videoMuted;
    std::optional<QJsonValue> camera; // an object, or null to remove
};

class Session : public QObject {
    Q_OBJECT

public:
    explicit Session(SessionOptions options, QObject* parent = nullptr);
    ~Session() override;

    // Opens the store, loads the demo directory when asked, starts the engine and ingests every
    // site that has a source.
    Status open();
    // Finalises a running recording and stops the engine. Idempotent.
    void shutdown();

    const SessionOptions& options() const { return options_; }
    engine::Engine& engine() { return *engine_; }
    SiteDirectory& directory() { return *directory_; }
    EventLog& eventLog() { return *events_; }
    MeetingBook& meetings() { return *meetings_; }
    RecordingCatalogue& recordings() { return *recordings_; }
    ConsoleSettings& settings() { return *settings_; }
    // Long work (archives, clips); every change of a job is also a "job.progress" event.
    JobQueue& jobs() { return jobs_; }

    // --- sites: one read model every panel and the API share. The directory's records are held
    // here (reloaded when a site is created, edited or deleted), the live state comes from the
    // session and the engine: reading a site costs no query.
    Result<QList<SiteView>> sites() const; // in the directory's tree order
    Result<SiteView> site(qint64 id) const;
    // The directory's records alone (names, tree, camera settings), without the live state.
    const QList<SiteRecord>& siteRecords() const { return roster_; }
    std::optional<SiteRecord> siteRecord(qint64 id) const;
    SiteView siteView(const SiteRecord& site) const;
    Result<SiteRecord> createSite(SiteRecord site, const Actor& actor);
    // Edits the directory record (name, URLs, camera); live controls in the patch go through the
    // methods below.
    Result<SiteRecord> updateSite(qint64 id, const SitePatch& patch, const Actor& actor);
    // Live controls: no directory read or write, logged and published as what they are.
    Status setSiteAudio(qint64 id, std::optional<bool> muted, std::optional<double> gainDb,
                        const Actor& actor);
    Status setSiteVideoMuted(qint64 id, bool muted, const Actor& actor);
    Status deleteSite(qint64 id, const Actor& actor);

    // --- SIP calls (core/calls): dial-out and hang-up; dial-in is matched to sites by itself.
    Status callSite(qint64 id, const Actor& actor);
    Status hangupSite(qint64 id, const Actor& actor);
    // Calls every SIP site of the meeting (host and participants) that has no call up, in one
    // act: what was placed, what already had a call, and the sites without a SIP address.
    struct MeetingCalls {
        QList<qint64> placed;
        QList<qint64> inCall;
        QList<qint64> withoutSip;
        QList<qint64> failed; // refused by the call manager (e.g. SIP off): see the log
    };
    Result<MeetingCalls> callMeetingSites(qint64 meetingId, const Actor& actor);
    // Whether SIP listens, and why not when it does not.
    bool sipListening() const;
    QString sipProblem() const { return sipProblem_; }

    // --- browser sites (core/browser, session_browser.cpp): a join link a site, WebRTC via Janus.
    // Where the join page is served ("https://10.0.0.5:8471"); empty: no join page.
    void setJoinBase(const QString& base) { joinBase_ = base; }
    // The certificate the join page is served with: its file and SHA-256 fingerprint.
    void setJoinCertificate(const QString& file, const QString& fingerprint) {
        joinCertificateFile_ = file;
        joinFingerprint_ = fingerprint;
    }
    QString joinCertificateFile() const { return joinCertificateFile_; }
    QString joinFingerprint() const { return joinFingerprint_; }
    // The join page could not start: why, for the operator.
    void setJoinProblem(const QString& problem) { joinProblem_ = problem; }
    QString joinBase() const { return joinBase_; }
    // The site's join link (its secret made on first use); Unavailable without a join page.
    Result<QString> joinLink(qint64 siteId);
    // A new secret: the old link stops working and a browser on it is dropped.
    Result<QString> rotateJoinLink(qint64 siteId, const Actor& actor);
    // The site a join link's secret belongs to; NotFound for a wrong or replaced secret.
    Result<SiteRecord> joinSite(const QString& secret) const;
    // A join page's browser offers to join (`peer`: the page's own id); `done` gets its answer.
    void joinFromBrowser(const QString& secret, const QString& peer, const QString& offer,
                         const QString& clientId, BrowserCalls::JoinDone done);
    void leaveFromBrowser(const QString& secret, const QString& peer);
    Result<BrowserPeerStatus> browserStatus(const QString& secret, const QString& peer) const;
    bool browserSitesOn() const { return browser_ && browser_->enabled(); }
    bool browserSitesAvailable() const { return browser_ && browser_->available(); }
    QString browserProblem() const;

    // --- program, preview, floor
    const std::vector<engine::Layout>& layouts() const;
    Status setProgram(const engine::Composition& c, const Actor& actor);
    Status setPreview(const engine::Composition& c, const Actor& actor);
    void take(const Actor& actor);
    // The floor straight to program: slot 1 of a focus layout, the camera's preset 1.
    Status giveFloor(qint64 siteId, const Actor& actor);
    // The same composition prepared on preview; the floor is given when that preview is taken
    // (unchanged) to program.
    Status prepareFloor(qint64 siteId, const Actor& actor);
    std::optional<qint64> floor() const { return floor_; }
    std::optional<qint64> preparedFloor() const;
    void setAutoFollowSpeaker(bool on, const Actor& actor);
    // Lighter work for a machine that cannot keep up (engine::Engine::setLightLoad): the multiview
    // refreshes less often and sites off the air decode keyframes only. Saved in the settings, so
    // a weak machine starts light; logged.
    void setLightLoad(bool on, const Actor& actor);
    bool lightLoad() const;

    // --- cameras (VISCA over IP or ONVIF PTZ, by the site's camera settings). `done` is called
    // on this thread once the camera answered, refused or timed out (at once for a request that
    // cannot be sent): Conflict when the site has no camera or the camera cannot do it (e.g. no
    // absolute zoom), Upstream when the camera failed.
    struct CameraMove {
        double pan = 0, tilt = 0, zoom = 0; // speeds, -1..1; for ZoomTo, zoom is the position 0..1
    };
    enum class CameraAction { Move, Stop, RecallPreset, StorePreset, ZoomTo };
    using CameraDone = std::function<void(const Status&)>;
    void cameraCommand(qint64 siteId, CameraAction action, CameraMove move, int preset, const Actor& actor,
                       CameraDone done);
    // Where the site's camera looks now (pan, tilt -1..1, zoom 0..1).
    void cameraPosition(qint64 siteId, std::function<void(const Result<camera::CameraPosition>&)> done);

    // --- recording
    Result<RecordingRecord> startRecording(const QString& title, std::optional<qint64> meetingId,
                                           const Actor& actor);
    Result<RecordingRecord> stopRecording(qint64 id, const Actor& actor);
    std::optional<qint64> activeRecordingId() const { return activeRecording_; }
    // Why the running recording is not being written (the file stopped growing, the writer fell
    // behind); empty while it is. Raised as an alarm, a recording.error event and in the log.
    QString recordingProblem() const { return activeRecording_ ? watchdog_.problem() : QString(); }
    // The running recording's isolated tracks have gaps (its program is still complete).
    bool recordingTracksIncomplete() const { return activeRecording_ && watchdog_.tracksIncomplete(); }
    // The disk the recordings go to, and how long it lasts at the recording's rate
    // (session_controls.cpp).
    struct RecordingSpace {
        static constexpr double kWarningSeconds = 30 * 60; // amber: well before the disk runs out
        static constexpr double kCriticalSeconds = 5 * 60; // red: the recording is about to stop
        enum class Level { Ok, Warning, Critical };
        qint64 freeBytes = -1;     // on the recordings' disk; -1: unknown
        qint64 reserveBytes = 0;   // the engine stops a recording when less is free
        double bytesPerSecond = 0; // measured on the running recording, else the nominal rate
        bool measured = false;
        double secondsLeft = -1; // until the reserve is reached; -1: unknown
        double elapsedS = 0;     // of the running recording, 0 when none
        qint64 sizeBytes = 0;    // of the running recording's file
        static Level levelFor(double secondsLeft);
        Level level() const { return levelFor(secondsLeft); }
    };
    RecordingSpace recordingSpace() const;

    // --- the library's edits of recordings (session_library.cpp); logged, published as
    // RecordingChanged. None while the recording records.
    struct RecordingChange {
        std::optional<QString> title;
        std::optional<std::optional<qint64>> meetingId; // attach to a meeting, or detach
        std::optional<QString> fileName;                // a new name in the same folder
        std::optional<QString> relinkPath;              // the moved file of a "missing" recording
    };
    Result<RecordingRecord> changeRecording(qint64 id, const RecordingChange& change, const Actor& actor);
    // Into the trash (its file moved aside, kept until the trash is emptied) and back.
    Result<RecordingRecord> trashRecording(qint64 id, const Actor& actor);
    Result<RecordingRecord> restoreRecording(qint64 id, const Actor& actor);
    // For good, file and row: only a recording in the trash.
    Status purgeRecording(qint64 id, const Actor& actor);
    // A note on a recording's timeline, by the operator while it records (at the moment, when no
    // offset is given) or by a reviewer afterwards (at an offset within it). Logged.
    Result<MarkerRecord> addNote(qint64 recordingId, std::optional<double> offsetS, const QString& text,
                                 const Actor& actor);

    // --- program streams
    QList<OutputView> outputs() const;
    std::optional<OutputView> output(qint64 id) const;
    Result<OutputView> addOutput(const QString& url, const QString& name, const Actor& actor);
    Status removeOutput(qint64 id, const Actor& actor);
    // A stopped stream keeps its id, name and URL, also across restarts, until it is removed.
    Status stopOutput(qint64 id, const Actor& actor);
    Result<OutputView> startOutput(qint64 id, const Actor& actor);

    // --- program audio (session_controls.cpp): the mix every output and the recording carry
    Status setProgramAudio(bool muted, double gainDb, const Actor& actor);
    bool programAudioMuted() const { return programAudioMuted_; }
    double programGainDb() const { return programGainDb_; }

    // --- alarms (session_controls.cpp): every alarm is kept until acknowledged. A repeat of an
    // unacknowledged alarm (same kind and subject) updates it.
    QList<AlarmView> alarms() const { return alarms_; } // unacknowledged, oldest first

    // The control API refused someone: logged (one line per report) and raised as one alarm of the
    // kind, "api.login_failed" or "api.connections". The transport reports at most once a minute
    // per kind and address.
    struct AccessRefusal {
        enum class Kind { FailedLogins, TooManyConnections };
        Kind kind = Kind::FailedLogins;
        QString peer;         // the address
        quint64 count = 0;    // since the previous report
        bool holding = false; // its failed logins are being answered late
    };
    void accessRefused(const AccessRefusal& refusal);
    Status acknowledgeAlarm(qint64 alarmId, const Actor& actor);
    int acknowledgeAllAlarms(const Actor& actor); // how many

    // --- meetings
    Result<ScheduleOutcome> scheduleMeeting(MeetingRecord meeting, const Actor& actor);
    // Makes the meeting the active one (session_controls.cpp): sites the engine does not ingest
    // yet come in, the host and participants go on program and preview in a fitting layout.
    Result<MeetingRecord> startMeeting(qint64 id, const Actor& actor);
    std::optional<qint64> activeMeetingId() const { return activeMeeting_; }

    // What closing the console now would stop, for the question asked before it closes.
    struct WorkInProgress {
        bool recording = false;
        int jobs = 0;    // archives, clips, checks running
        QString meeting; // the title of the meeting in progress; empty: none
        bool any() const { return recording || jobs > 0 || !meeting.isEmpty(); }
    };
    WorkInProgress workInProgress() const;

    // --- operator conveniences (session_operator.cpp): what the console's buttons and keys do
    engine::Composition program() const;
    engine::Composition preview() const;
    bool autoFollowSpeaker() const;
    // Preview in another layout, its sites kept in slot order (those beyond the new slots leave).
    Status setPreviewLayout(const QString& layout, const Actor& actor);
    // One site into one slot of preview; it leaves any other slot it had there.
    Status assignPreviewSlot(int slot, qint64 siteId, const Actor& actor);
    // One site into the first free slot of preview, its layout kept; a site already there stays
    // where it is. A full preview is refused with a word on what to do.
    Status addToPreview(qint64 siteId, const Actor& actor);
    // Many sites muted or unmuted at once (a district, "all but the floor"); one event each.
    Status setSitesMuted(const QList<qint64>& ids, bool muted, const Actor& actor);
    Status muteAllButFloor(const Actor& actor);
    // These sites on preview, in the smallest grid that holds them (at most 25).
    Status bringIn(const QList<qint64>& ids, const Actor& actor);
    struct MultiviewPage {
        int page = 0;
        int pageCount = 1;
        QList<qint64> sites; // in tile order
    };
    MultiviewPage multiviewPage() const;
    void setMultiviewPage(int page);

    // The program clock's counters (cheap).
    engine::ClockStats clock() const;
    // The recording running now, if any.
    std::optional<RecordingRecord> activeRecording() const;

    // Pictures for monitors, converted to the size a widget shows them at (null when none yet).
    enum class Picture { Multiview, Program, Preview };
    QImage picture(Picture which, const QSize& size) const;
    // A site's latest picture at that size (null when the site has shown none yet).
    QImage sitePicture(qint64 siteId, const QSize& size) const;
    // A monitor's own supply of one of those pictures (new images only when the picture changed).
    std::unique_ptr<PictureFeed> pictureFeed(Picture which) const;
    std::optional<qint64> multiviewSiteAt(double x, double y) const;

Q_SIGNALS:
    // Every state change, synchronously on this thread: the API broadcasts it, the UI updates.
    void changed(const hntt::core::SessionEvent& event);
    // Audio levels of every site and the program, about 10 a second.
    void levelsChanged(const hntt::engine::LevelsSnapshot& levels);

private:
    struct LiveSite {
        QString name; // for markers, without a read of the directory
        bool audioMuted = false;
        double gainDb = 0;
        bool videoMuted = false;
        engine::SourceState state = engine::SourceState::Offline;
    };

    void publish(SessionEvent::Change change);
    void startCalls();                                   // session_calls.cpp
    void startBrowserCalls();                            // session_browser.cpp
    void updateCallTargets();                            // the roster's SIP addresses to the call manager
    Status requireSites(const QList<qint64>& ids) const; // every one in the roster, or NotFound
    void raiseAlarm(const QString& kind, AlarmSubject subject, const QString& message);
    // The floor's composition from program: the site in slot 1 of a focus layout.
    Result<engine::Composition> floorComposition(qint64 siteId) const;
    // The floor is on program: remembered, logged, marked in the recording, its camera's preset 1.
    void floorGiven(const SiteRecord& site, const engine::Composition& program, const Actor& actor);
    void log(const Actor& actor, const QString& action, const QString& subject,
             const QJsonObject& detail = {}, const QString& reason = {});
    void mark(MarkerKind kind, std::optional<qint64> siteId, const QString& text = {});
    void ingest(const SiteRecord& site);
    Status reloadRoster();
    void onSiteStatus(qint64 id, engine::SourceState state, const QString& reason);
    void onRecordingState(engine::OutputState state, const QString& error);
    void watchClock();     // once a second: alarm when behind
    void watchDisk();      // with the clock: alarm while the recordings' disk is filling
    void watchRecording(); // once a second while recording
    void announceRecordingFailure(qint64 id, const QString& message); // event and alarm
    void onReturnFeedState(qint64 siteId, engine::OutputState state, const QString& error);
    void onSpeaker(std::optional<qint64> id);
    void onProgramFollowedSpeaker(const engine::Composition& program);
    void onOutputState(qint64 engineOutputId, engine::OutputState state, const QString& error);
    void setupDemoProgram();
    void restoreOutputs();
    void saveOutputs();
    QString recordingPath(const QString& title) const;
    // Recordings a crash cut off get what their files hold (duration, size, last write), read on
    // a thread of their own: a long file takes seconds to read to its end.
    void measureInterruptedRecordings();
    void markInterruptedExports(); // archive and clip exports a stop of the console cut off
    void stopMeasuringInterrupted();
    // The site's camera driver, made on first use; an error when there is none or it is unusable.
    Result<camera::CameraDriver*> cameraFor(qint64 siteId);
    std::optional<qint64> outputIdOf(engine::OutputId engineId) const;

    SessionOptions options_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<SiteDirectory> directory_;
    std::unique_ptr<MeetingBook> meetings_;
    std::unique_ptr<EventLog> events_;
    std::unique_ptr<RecordingCatalogue> recordings_;
    EngineBridge bridge_; // before the engine: it outlives the engine's threads
    std::unique_ptr<engine::Engine> engine_;
    std::unique_ptr<CallManager> calls_; // after the engine: hangs up before it stops
    std::unique_ptr<BrowserCalls> browser_;
    std::unique_ptr<JoinLinks> joinLinks_;
    QString joinBase_;
    QString joinProblem_;
    QString joinCertificateFile_;
    QHash<QString, qint64> refusedJoinLogged_; // by address: when a wrong link was last logged
    QString joinFingerprint_;
    QString sipProblem_;
    std::unique_ptr<ConsoleSettings> settings_;
    QHash<qint64, LiveSite> live_;
    QList<SiteRecord> roster_;             // the directory in tree order, as last read
    QHash<qint64, qsizetype> rosterIndex_; // site id → its place in roster_
    std::map<qint64, std::unique_ptr<camera::CameraDriver>> cameras_; // by site, made on first use
    std::optional<qint64> floor_;
    struct PreparedFloor {
        qint64 siteId = 0;
        engine::Composition preview; // given on a take of exactly this
    };
    std::optional<PreparedFloor> preparedFloor_;
    std::optional<qint64> activeRecording_;
    std::optional<qint64> activeMeeting_;
    std::optional<qint64> startedMeeting_; // by startMeeting: stays active after a recording stops
    QElapsedTimer recordingClock_;
    QString activeRecordingPath_;
    QTimer recordingWatch_;
    RecordingWatchdog watchdog_;
    QTimer clockWatch_; // once a second while the engine runs
    ClockWatchdog clockWatchdog_;
    ReconnectWatch reconnects_;
    QElapsedTimer uptime_; // the steady clock of reconnects_
    RecordingSpace::Level diskLevel_ = RecordingSpace::Level::Ok;
    QSet<qint64> failingFeeds_; // sites whose return feed is retrying or failed
    struct OutputEntry {
        QString name;
        QString url;
        std::optional<engine::OutputId> engineId; // none while stopped
        QString error;                            // why it could not start, while stopped
    };
    std::map<qint64, OutputEntry> outputs_; // by the session's output id, kept across stop/start
    qint64 lastOutputId_ = 0;
    bool programAudioMuted_ = false;
    double programGainDb_ = 0;
    QList<AlarmView> alarms_; // unacknowledged, oldest first
    qint64 lastAlarmId_ = 0;
    bool shutDown_ = false;
    JobQueue jobs_;
    std::atomic<bool> stopMeasuring_{false};
    net::ThreadHop hop_;    // the measuring thread's results, to this thread
    std::thread measuring_; // measureInterruptedRecordings(); joined before anything else goes
};

// Text of a source state as the API speaks it: offline, connecting, connected, lost.
QString stateName(engine::SourceState s);
// Why a gain was refused (the range of engine/gain.h, for the operator).
QString gainRangeMessage();
// A composition as the event log keeps it (its detail column): {"layout", "slots"}.
QJsonObject compositionDetail(const engine::Composition& c);

} // namespace hntt::core
