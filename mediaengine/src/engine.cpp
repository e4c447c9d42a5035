#include "hntt/engine/engine.h"

#include "audio_mixer.h"
#include "call_input.h"
#include "call_receiver.h"
#include "call_sender.h"
#include "compositor.h"
#include "hntt/engine/gain.h"
#include "layout_library.h"
#include "memory_returner.h"
#include "mix_minus_encoders.h"
#include "multiview.h"
#include "packet_sink.h"
#include "program_encoder.h"
#include "rtp_transport.h"
#include "sink_pump.h"
#include "source.h"
#include "speaker_detector.h"
#include "text_renderer.h"
#include "tier_encoder.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <utility>

namespace hntt::engine {

namespace {

using Clock = std::chrono::steady_clock;

// The longest a recording waits for a fresh encoder to keep pace before it takes its packets.
constexpr auto kEncoderWarmUpLimit = std::chrono::seconds(3);
constexpr int kReturnAudioBitrateKbps = 96;
// A site is heard (its return feed gets a mix-minus encoded for it alone) while its own signal
// peaks above this, and for kHeardHoldSeconds after: a pause between words keeps its encode.
constexpr float kHeardFloorDbfs = -60.f;
constexpr int kHeardHoldSeconds = 2;

bool fail(EngineError* error, EngineError::Kind kind, std::string message) {
    if (error)
        *error = EngineError{kind, std::move(message)};
    return false;
}
bool invalid(EngineError* error, std::string message) {
    return fail(error, EngineError::Kind::Invalid, std::move(message));
}
bool internal(EngineError* error, std::string message) {
    return fail(error, EngineError::Kind::Internal, std::move(message));
}

// The API's promise is a return value, never an exception: whatever gets past the engine's own
// handling (an encoder that cannot open, a thread that cannot start, memory) is an Internal error.
template <typename R, typename Body>
R guarded(EngineError* error, R failed, Body&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        internal(error, e.what());
    } catch (...) {
        internal(error, "unexpected failure");
    }
    return failed;
}

bool validSourceUrl(const std::string& url, EngineError* error) {
    // A site without a source stays offline; any other URL is the ingest's to judge.
    std::string text;
    if (url.empty() || Source::checkUrl(url, &text))
        return true;
    return invalid(error, std::move(text));
}

bool validReturnUrl(const std::string& url, EngineError* error) {
    if (url.empty())
        return true;
    for (const char* prefix : {"udp://", "srt://", "rtmp://", "rtp://"})
        if (url.rfind(prefix, 0) == 0)
            return true;
    return invalid(error, "A return feed goes to udp://, srt://, rtp:// or rtmp://, not '" + url + "'");
}

// Where a tick's time goes: each mark() charges the time since the previous one to a phase, so
// the phases add up to the time from the start to the last mark, never more.
class PhaseClock {
public:
    explicit PhaseClock(Clock::time_point start)
        : last_(start) {}
    void mark(ClockPhase phase) {
        const auto now = Clock::now();
        spent_[static_cast<std::size_t>(phase)] += now - last_;
        last_ = now;
    }
    Clock::duration spent(std::size_t phase) const { return spent_[phase]; }

private:
    Clock::time_point last_;
    std::array<Clock::duration, kClockPhaseCount> spent_{};
};

// The work of the last second's ticks (fps of them), for means and maxima.
class WorkWindow {
public:
    explicit WorkWindow(int ticks)
        : ring_(static_cast<std::size_t>(std::max(1, ticks))) {}

    void add(Clock::duration work, const PhaseClock& phases) {
        Sample& s = ring_[next_];
        s[0] = toMs(work);
        for (std::size_t p = 0; p < kClockPhaseCount; ++p)
            s[p + 1] = toMs(phases.spent(p));
        next_ = (next_ + 1) % ring_.size();
        filled_ = std::min(filled_ + 1, ring_.size());
        last_ = s;
    }

    void fill(ClockStats& stats) const {
        auto summary = [this](std::size_t column) {
            WorkTime w;
            w.lastMs = last_[column];
            for (std::size_t i = 0; i < filled_; ++i) {
                w.meanMs += ring_[i][column];
                w.maxMs = std::max(w.maxMs, ring_[i][column]);
            }
            w.meanMs /= static_cast<double>(std::max<std::size_t>(1, filled_));
            return w;
        };
        stats.tick = summary(0);
        for (std::size_t p = 0; p < kClockPhaseCount; ++p)
            stats.phases[p] = summary(p + 1);
    }

private:
    using Sample = std::array<double, kClockPhaseCount + 1>; // the tick, then each phase
    static double toMs(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }
    std::vector<Sample> ring_;
    Sample last_{};
    std::size_t next_ = 0;
    std::size_t filled_ = 0;
};

} // namespace

// A site as the control API set it. Every field belongs to Impl::mutex: the clock copies what a
// tick needs (SiteView) under that lock and keeps its own state apart (SiteClockState), so no
// thread reads a field while another writes it.
struct SiteEntry {
    std::string name;
    std::string url;
    std::string returnUrl;
    std::shared_ptr<Source> source; // null: no URL; a new URL brings a new Source
    bool audioMuted = false;
    double gainDb = 0;
    bool videoMuted = false;
};

// One site as a tick sees it, copied under Impl::mutex when the tick starts.
struct SiteView {
    SiteId id = 0;
    std::string name;
    std::shared_ptr<Source> source;
    bool audioMuted = false;
    double gainDb = 0;
    bool videoMuted = false;
};

// The site in views sorted by id, or null.
static const SiteView* findView(const std::vector<SiteView>& views, SiteId id) {
    auto it = std::lower_bound(views.begin(), views.end(), id,
                               [](const SiteView& v, SiteId wanted) { return v.id < wanted; });
    return it != views.end() && it->id == id ? &*it : nullptr;
}

// What the clock remembers of a site from one tick to the next; the clock thread's alone.
struct SiteClockState {
    bool mixerKnows = false;
    bool appliedMuted = false;
    double appliedGainDb = 0;
    std::weak_ptr<Source> modeSource; // the source appliedMode was given to
    std::optional<DecodeMode> appliedMode;
    std::vector<float> block; // the tick's audio block
};

// One tick's working set, from the copy of the controls to the hand-off to the encoder.
struct Tick {
    bool renderVideo = true;
    std::vector<SiteView> sites;         // ascending id
    std::vector<SiteClockState*> clocks; // sites[i]'s clock state
    Composition program, preview;
    int page = 0;
    bool programMuted = false;
    double programGainDb = 0;
    std::optional<SiteId> speaker;
    std::optional<SiteId> floor;
    VideoFramePtr programFrame, previewFrame, multiviewFrame;
};

SlateTexts slateTexts(const EngineConfig& c) {
    return SlateTexts{c.signalLostText, c.videoMutedText, c.noPictureText};
}

// Everything only the clock thread touches, without a lock. Other threads see its results only
// as published under a lock (levels, pictures, statistics) or through an atomic (ticksDone).
struct ClockState {
    ClockState(const EngineConfig& config, TextRenderer& text, int blockSize)
        : compositor(text, slateTexts(config))
        , mixer(config.sampleRate, blockSize)
        , speaker(config.sampleRate, blockSize)
        , window(config.fps) {}

    Compositor compositor;
    AudioMixer mixer;
    ActiveSpeakerDetector speaker;
    std::int64_t tick = 0;
    std::map<SiteId, SiteClockState> sites;
    std::vector<std::shared_ptr<VideoFrame>> canvasPool;
    WorkWindow window;
};

struct Engine::Impl {
    MemoryReturner memoryReturner; // first: outlives whatever it is asked to trim after
    EngineConfig config;
    EngineEvents events;
    LayoutLibrary layouts;
    TextRenderer text;           // the clock's and the multiview's, both drawn on the clock thread
    MultiviewRenderer multiview; // renders on the clock thread; its hit tests are for any thread
    int blockSize;
    ClockState clock;

    mutable std::mutex mutex; // the controls: sites, compositions, program audio, speaker, levels
    std::map<SiteId, SiteEntry> sites;
    Composition program{"single", {}};
    Composition preview{"single", {}};
    bool autoFollow = false;
    bool autoJustOn = false; // the next tick puts the current speaker in slot 0, changed or not
    bool programMuted = false;
    double programGainDb = 0;
    int multiviewPage = 0;
    std::optional<SiteId> currentSpeaker;
    std::optional<SiteId> floor;
    std::map<SiteId, SiteLevels> levels;

    mutable std::mutex sinksMutex; // encoder and every sink
    SinkPump feedPump;             // writes the return feeds to udp:// and rtp://; outlives every sink
    std::shared_ptr<ProgramEncoder> encoder;
    std::shared_ptr<PacketSink> recording;
    std::string recordingPath;
    // A fresh encoder codes its first pictures slowly (see startRecording): the recording is
    // given packets only once it keeps pace, or from recordingArmBy at the latest.
    bool recordingArmed = true;
    Clock::time_point recordingArmBy{};
    std::map<OutputId, std::shared_ptr<PacketSink>> outputs;
    std::map<SiteId, std::shared_ptr<PacketSink>> returnFeeds;
    // Sinks being stopped: still fed until the sound of their last picture is out of the encoder.
    std::vector<std::shared_ptr<PacketSink>> closing;
    // The return feeds' sound (made with the first feed). Declared after the sinks: it delivers
    // to them from its worker until it is gone.
    std::unique_ptr<MixMinusEncoders> mixMinusEncoders;
    // Clock thread: the tick at which each site was last heard (its feed's own encode lasts while
    // it is heard and kHeardHoldSeconds after).
    std::map<SiteId, std::int64_t> lastHeard;
    OutputId nextOutputId = 1;

    mutable std::mutex framesMutex;
    VideoFramePtr programFrame, previewFrame, multiviewFrame;

    mutable std::mutex statsMutex;
    ClockStats clockStats;

    // The program picture for calls, encoded once per tier; outlives every call's sender.
    TierEncoders tiers{config.fps};
    // Calls (call.h): the RTP thread and every call's ports and receiver. Taken after `mutex`
    // when both are held. The transport is declared first: it outlives the receivers.
    std::mutex callsMutex;
    std::unique_ptr<RtpTransport> rtp;
    struct CallEntry {
        CallReceiver::Sockets reserved; // before startCall, or between two receivers
        CallPorts ports;
        std::shared_ptr<CallReceiver> receiver;
        std::shared_ptr<CallSender> sender; // what the call receives back; gone before the receiver
        CallMediaSpec spec;
    };
    std::map<SiteId, CallEntry> calls;
    // The send side's keyframe hook: the far end asked (RTCP PLI/FIR, or INFO through
    // requestCallKeyframe) for a keyframe of the site's tier. Set by the send side's wiring.
    std::function<void(SiteId)> tierKeyframe;

    bool startCallMedia(SiteId id, const CallMediaSpec& spec, EngineError* error);
    void stopCallMedia(SiteId id, bool keepSockets);
    void askCallKeyframes(const Composition& c);

    std::thread clockThread;
    std::atomic<bool> running{false};
    std::atomic<bool> lightLoad{false};
    std::uint64_t multiviewRenders = 0;     // the clock thread's
    std::atomic<std::int64_t> ticksDone{0}; // clock.tick, published for other threads

    explicit Impl(EngineConfig c, EngineEvents e)
        : config(std::move(c))
        , events(std::move(e))
        , layouts(config.layoutsDir.empty() ? LayoutLibrary() : LayoutLibrary(config.layoutsDir))
        , text(config.fontFile.empty() ? TextRenderer() : TextRenderer(config.fontFile))
        , multiview(text,
                    MultiviewTexts{config.programLabel, config.previewLabel, config.pageText,
                                   config.sitesText, config.lostCountText, config.audioMutedText,
                                   config.floorText},
                    slateTexts(config), config.multiviewWidth, config.multiviewHeight)
        , blockSize(config.sampleRate / config.fps)
        , clock(config, text, blockSize) {
        // The far end asked for a keyframe (RTCP from the transport thread, INFO by signalling):
        // merged in its tier.
        tierKeyframe = [this](SiteId id) {
            std::shared_ptr<CallSender> sender;
            {
                std::lock_guard lock(callsMutex);
                if (auto it = calls.find(id); it != calls.end())
                    sender = it->second.sender;
            }
            if (sender)
                sender->keyframeAsked();
        };
    }

    std::shared_ptr<VideoFrame> acquireCanvas(int w, int h) {
        // A canvas is reused only when nobody else (UI, encoder) still holds it.
        auto& pool = clock.canvasPool;
        for (auto& f : pool)
            if (f.use_count() == 1 && f->width() == w && f->height() == h &&
                av_buffer_is_writable(f->avFrame()->buf[0]))
                return f;
        auto f = VideoFrame::allocateYuv420(w, h);
        if (pool.size() < 8)
            pool.push_back(f);
        return f;
    }

    bool validComposition(const Composition& c, EngineError* error) const {
        const Layout* l = layouts.find(c.layout);
        if (!l)
            return invalid(error, "Unknown layout '" + c.layout + "'");
        if (c.sites.size() > l->rects.size())
            return invalid(error, "Layout '" + c.layout + "' has " + std::to_string(l->rects.size()) +
                                      " slots, not " + std::to_string(c.sites.size()));
        return true;
    }

    // Throws when the encoder cannot open. Needs no lock: it is not in use until installed.
    std::shared_ptr<ProgramEncoder> openEncoder() {
        EncoderSettings s;
        s.width = config.width;
        s.height = config.height;
        s.fps = config.fps;
        s.sampleRate = config.sampleRate;
        s.videoBitrateKbps = config.videoBitrateKbps;
        s.audioBitrateKbps = config.audioBitrateKbps;
        s.x264Preset = config.x264Preset;
        return std::make_shared<ProgramEncoder>(s, [this](const EncodedPacketPtr& p) { fanOut(p); });
    }

    // sinksMutex held. Installs `opened` (an encoder opened outside the lock) when there is none,
    // or opens one here. Throws when the encoder cannot open (nothing changes then).
    std::shared_ptr<ProgramEncoder> ensureEncoder(std::shared_ptr<ProgramEncoder> opened = nullptr) {
        if (!encoder)
            encoder = opened ? std::move(opened) : openEncoder();
        encoder->requestKeyframe();
        return encoder;
    }

    void fanOut(const EncodedPacketPtr& p) {
        std::lock_guard lock(sinksMutex);
        if (recording && !recordingArmed && encoder &&
            (encoder->keepsPace() || Clock::now() >= recordingArmBy)) {
            recordingArmed = true;
            encoder->requestKeyframe(); // the recording starts on that picture, every one after it
        }
        if (recording && recordingArmed)
            recording->pushPacket(p);
        for (auto& [id, sink] : outputs)
            sink->pushPacket(p);
        for (auto& [id, sink] : returnFeeds)
            sink->pushPacket(p);
        for (auto& sink : closing)
            sink->pushPacket(p);
    }

    // Stops a sink taken out of the fan-out (`closing` already holds it, added under sinksMutex
    // in the same step), then forgets it.
    void stopClosing(const std::shared_ptr<PacketSink>& sink) {
        sink->stop();
        std::lock_guard lock(sinksMutex);
        closing.erase(std::remove(closing.begin(), closing.end(), sink), closing.end());
    }

    // Called with sinksMutex held; returns the encoder to drop (outside the lock) when idle. Its
    // owner finish()es it before stopping the last sink, which then gets the encoder's tail.
    // Also after a sink failed to start: an encoder without sinks would encode for nobody.
    std::shared_ptr<ProgramEncoder> releaseEncoderIfIdle() {
        if (recording || !outputs.empty() || !returnFeeds.empty())
            return nullptr;
        return std::move(encoder);
    }

    // Starts the site's return feed (replacing the one it had), or stops it for an empty URL.
    // When the new feed cannot start, the old one goes on and the error is Internal: the URL was
    // checked before.
    bool startReturnFeed(SiteId id, const std::string& url, EngineError* error) {
        std::shared_ptr<PacketSink> old, sink;
        std::shared_ptr<ProgramEncoder> idle;
        std::string failure;
        {
            std::lock_guard lock(sinksMutex);
            if (!url.empty()) {
                try {
                    auto enc = ensureEncoder();
                    if (!mixMinusEncoders)
                        mixMinusEncoders = std::make_unique<MixMinusEncoders>(
                            config.sampleRate, kReturnAudioBitrateKbps,
                            [this](const EncodedPacketPtr& p, std::span<const SiteId> sites) {
                                deliverMixMinus(p, sites);
                            });
                    SinkSettings s;
                    s.kind = SinkKind::ReturnFeed;
                    s.url = url;
                    s.site = id;
                    s.sampleRate = config.sampleRate;
                    sink =
                        std::make_shared<PacketSink>(s, enc->videoContext(), mixMinusEncoders->parameters(),
                                                     [this, id](OutputState st, const std::string& err) {
                                                         if (events.returnFeedState)
                                                             events.returnFeedState(id, st, err);
                                                     });
                    sink->start(&feedPump);
                } catch (const std::exception& e) {
                    failure = e.what();
                    sink.reset();
                }
            }
            if (failure.empty()) {
                if (auto it = returnFeeds.find(id); it != returnFeeds.end()) {
                    old = it->second;
                    returnFeeds.erase(it);
                    closing.push_back(old);
                }
                if (sink)
                    returnFeeds[id] = sink;
            }
            idle = releaseEncoderIfIdle();
        }
        if (idle)
            idle->finish();
        if (old)
            stopClosing(old);
        return failure.empty() || internal(error, failure);
    }

    int previewWidth() const { return std::max(2, config.width / 4 * 2); }
    int previewHeight() const { return std::max(2, config.height / 4 * 2); }

    // A site's source, taken under the lock and used outside it: none for an unknown site, a null
    // pointer for a site without a URL.
    std::optional<std::shared_ptr<Source>> siteSource(SiteId id) const {
        std::lock_guard lock(mutex);
        auto it = sites.find(id);
        if (it == sites.end())
            return std::nullopt;
        return it->second.source;
    }

    static bool inComposition(const Composition& c, SiteId id) {
        return std::any_of(c.sites.begin(), c.sites.end(), [id](const auto& s) { return s && *s == id; });
    }

    // mutex held.
    std::shared_ptr<Source> makeSource(SiteId id, const std::string& url,
                                       std::shared_ptr<CallInput> call = nullptr) {
        if (url.empty() && !call)
            return nullptr;
        SourceConfig sc;
        sc.id = id;
        sc.url = url;
        sc.call = std::move(call);
        sc.sampleRate = config.sampleRate;
        sc.jitterBudget = config.jitterBudget;
        // As the clock will tell it (applyDecodeModes), from the start.
        const bool sparing =
            static_cast<int>(sites.size() + (sites.count(id) ? 0 : 1)) > config.fullDecodeSiteLimit;
        if (sparing && !inComposition(program, id) && !inComposition(preview, id))
            sc.decodeMode = DecodeMode::KeyframesOnly;
        return std::make_shared<Source>(sc, [this](SiteId site, SourceState st, const std::string& reason) {
            if (events.siteStatus)
                events.siteStatus(site, st, reason);
        });
    }

    void runClock();
    void publishStats(Clock::duration work, const PhaseClock& phases, bool late, std::uint64_t skipped);
    void runTick(bool renderVideo, PhaseClock& phases);
    // The phases of a tick, in order (see ClockPhase).
    Tick snapshot(bool renderVideo);
    void pullAudio(Tick& t);
    void mixAudio(Tick& t);
    void applyDecodeModes(const Tick& t);
    void sendAudio(const Tick& t);
    // sinksMutex held, clock thread: the block of the return feeds' sound, with the sites heard.
    MixMinusBlock returnFeedsBlock(const std::function<std::span<const float>(SiteId)>& mixMinusOf,
                                   std::int64_t tick);
    void deliverMixMinus(const EncodedPacketPtr& packet, std::span<const SiteId> sites);
    TileSource tileFor(const Tick& t, SiteId id) const;
    void compose(Tick& t);
    void renderMultiview(Tick& t);
    void handOff(Tick& t);
};

void Engine::Impl::runTick(bool renderVideo, PhaseClock& phases) {
    Tick t = snapshot(renderVideo);
    pullAudio(t);
    phases.mark(ClockPhase::Pull);
    mixAudio(t);
    phases.mark(ClockPhase::Mix);
    sendAudio(t);
    phases.mark(ClockPhase::Outputs);
    if (renderVideo) {
        compose(t);
        phases.mark(ClockPhase::Compose);
        renderMultiview(t);
        phases.mark(ClockPhase::Multiview);
    }
    handOff(t);
    phases.mark(ClockPhase::Encode);
    ++clock.tick;
    ticksDone = clock.tick;
}

Tick Engine::Impl::snapshot(bool renderVideo) {
    Tick t;
    t.renderVideo = renderVideo;
    std::lock_guard lock(mutex);
    t.sites.reserve(sites.size());
    for (const auto& [id, e] : sites)
        t.sites.push_back({id, e.name, e.source, e.audioMuted, e.gainDb, e.videoMuted});
    t.program = program;
    t.preview = preview;
    t.page = multiviewPage;
    t.floor = floor;
    t.programMuted = programMuted;
    t.programGainDb = programGainDb;
    return t;
}

// ---- pull: one block from every site's jitter buffer
void Engine::Impl::pullAudio(Tick& t) {
    // Sites removed since the last tick are forgotten (their mixer channel goes in mixAudio()).
    std::erase_if(clock.sites, [&t](const auto& entry) { return !findView(t.sites, entry.first); });
    t.clocks.reserve(t.sites.size());
    for (const SiteView& s : t.sites) {
        SiteClockState& c = clock.sites[s.id];
        c.block.assign(static_cast<std::size_t>(blockSize), 0.f);
        if (s.source)
            s.source->audio().pull(c.block.data(), c.block.size());
        t.clocks.push_back(&c);
    }
}

// ---- mix: program and mix-minus, levels, the active speaker (auto mode), decode modes
void Engine::Impl::mixAudio(Tick& t) {
    AudioMixer& mixer = clock.mixer;
    mixer.setProgram(t.programMuted, t.programGainDb);
    std::vector<MixInput> inputs;
    inputs.reserve(t.sites.size());
    for (std::size_t i = 0; i < t.sites.size(); ++i) {
        const SiteView& s = t.sites[i];
        SiteClockState& c = *t.clocks[i];
        if (!c.mixerKnows || s.audioMuted != c.appliedMuted || s.gainDb != c.appliedGainDb) {
            mixer.setChannel(s.id, s.audioMuted, s.gainDb);
            c.mixerKnows = true;
            c.appliedMuted = s.audioMuted;
            c.appliedGainDb = s.gainDb;
        }
        inputs.push_back({s.id, c.block.data()});
    }
    for (SiteId id : mixer.channels())
        if (!clock.sites.count(id))
            mixer.removeChannel(id);
    mixer.mix(inputs);

    std::vector<SpeakerLevel> speechLevels;
    speechLevels.reserve(t.sites.size());
    for (std::size_t i = 0; i < t.sites.size(); ++i)
        speechLevels.push_back(
            {t.sites[i].id, mixer.channelLevels(t.sites[i].id).rmsDbfs, t.clocks[i]->appliedMuted});
    const bool speakerChanged = clock.speaker.update(speechLevels);
    const std::optional<SiteId> current = clock.speaker.current();
    t.speaker = current;
    std::optional<Composition> autoProgram;
    {
        std::lock_guard lock(mutex);
        currentSpeaker = current;
        for (const SiteView& s : t.sites) {
            SiteLevels& l = levels[s.id];
            l.id = s.id;
            l.levels = mixer.channelLevels(s.id);
            l.speaking = current && *current == s.id;
        }
        std::erase_if(levels, [this](const auto& l) { return !clock.sites.count(l.first); });
        // Also right after auto mode is switched on: the speaker may have been found earlier,
        // and waiting for the next change would leave the wrong site in slot 0.
        const bool reconsider = speakerChanged || autoJustOn;
        autoJustOn = false;
        if (reconsider && autoFollow && current && !t.program.sites.empty() && program == t.program) {
            // Auto mode: the speaker takes slot 0; whoever had it takes the speaker's old slot.
            Composition next = t.program;
            auto old = std::find(next.sites.begin(), next.sites.end(), std::optional<SiteId>(*current));
            if (old != next.sites.begin()) {
                if (old != next.sites.end())
                    *old = next.sites[0];
                next.sites[0] = *current;
                program = next;
                t.program = next;
                autoProgram = next;
            }
        }
    }
    if (speakerChanged && events.speakerChanged)
        events.speakerChanged(current);
    if (autoProgram && events.programChangedByAuto)
        events.programChangedByAuto(*autoProgram);
    applyDecodeModes(t);
}

void Engine::Impl::applyDecodeModes(const Tick& t) {
    const bool sparing = lightLoad || static_cast<int>(t.sites.size()) > config.fullDecodeSiteLimit;
    auto inUse = [&](SiteId id) { return inComposition(t.program, id) || inComposition(t.preview, id); };
    for (std::size_t i = 0; i < t.sites.size(); ++i) {
        const SiteView& s = t.sites[i];
        SiteClockState& c = *t.clocks[i];
        if (!s.source)
            continue;
        const DecodeMode want = (!sparing || inUse(s.id)) ? DecodeMode::Full : DecodeMode::KeyframesOnly;
        // A new source (the site's URL changed) starts in full decode: it is told afresh.
        if (c.appliedMode != want || c.modeSource.lock() != s.source) {
            s.source->setDecodeMode(want);
            c.appliedMode = want;
            c.modeSource = s.source;
        }
    }
}

// ---- outputs: the mixed sound to the return feeds, the recording's tracks and the listeners
void Engine::Impl::sendAudio(const Tick& t) {
    AudioMixer& mixer = clock.mixer;
    const std::int64_t tick = clock.tick;
    // A site's mix-minus is made only where it goes: a listener of every block, a call, an
    // audible site's return feed.
    auto mixMinusOf = [&](SiteId id) -> std::span<const float> {
        return findView(t.sites, id) ? mixer.mixMinus(id) : std::span<const float>{};
    };
    if (events.audioBlock) {
        std::map<SiteId, std::span<const float>> all;
        for (const SiteView& s : t.sites)
            all[s.id] = mixer.mixMinus(s.id);
        events.audioBlock(mixer.program(), all);
    }
    {
        // Each call's own mix-minus to its sender (copied there; never blocks).
        std::lock_guard lock(callsMutex);
        for (auto& [id, call] : calls)
            if (call.sender)
                if (const std::span<const float> m = mixMinusOf(id); !m.empty())
                    call.sender->pushAudio(m, tick);
    }
    std::shared_ptr<PacketSink> rec;
    {
        std::lock_guard lock(sinksMutex);
        if (mixMinusEncoders && (!returnFeeds.empty() || !closing.empty()))
            mixMinusEncoders->push(returnFeedsBlock(mixMinusOf, tick));
        rec = recording;
    }
    if (rec && rec->hasIsolatedTracks()) {
        // Each recorded site's own signal; a site removed since reads as silence.
        std::vector<std::vector<float>> blocks;
        blocks.reserve(rec->settings().isolatedTracks.size());
        for (const IsolatedTrack& track : rec->settings().isolatedTracks) {
            const std::span<const float> out = mixer.channelOutput(track.site);
            if (out.empty())
                blocks.emplace_back(static_cast<std::size_t>(blockSize), 0.f);
            else
                blocks.emplace_back(out.begin(), out.end());
        }
        rec->pushIsolatedAudio(tick * config.sampleRate / config.fps, std::move(blocks));
    }
    const int levelEvery = std::max(1, config.fps / 10);
    if (events.levels && tick % levelEvery == 0) {
        LevelsSnapshot snap;
        {
            std::lock_guard lock(mutex);
            for (auto& [id, l] : levels)
                snap.sites.push_back(l);
        }
        snap.program = mixer.programLevels();
        events.levels(snap);
    }
}

MixMinusBlock Engine::Impl::returnFeedsBlock(const std::function<std::span<const float>(SiteId)>& mixMinusOf,
                                             std::int64_t tick) {
    const AudioMixer& mixer = clock.mixer;
    MixMinusBlock block;
    block.pts = tick * blockSize;
    const std::span<const float> common = mixer.commonMixMinus();
    block.common.assign(common.begin(), common.end());
    for (const auto& [id, sink] : returnFeeds)
        block.feeds.push_back(id);
    for (const auto& sink : closing) // a feed being stopped still takes the sound of its last picture
        if (sink->settings().kind == SinkKind::ReturnFeed)
            block.feeds.push_back(sink->settings().site);
    std::sort(block.feeds.begin(), block.feeds.end());
    block.feeds.erase(std::unique(block.feeds.begin(), block.feeds.end()), block.feeds.end());
    const std::int64_t hold = std::int64_t{kHeardHoldSeconds} * config.fps;
    for (auto it = lastHeard.begin(); it != lastHeard.end();)
        it = std::binary_search(block.feeds.begin(), block.feeds.end(), it->first) ? std::next(it)
                                                                                   : lastHeard.erase(it);
    for (const SiteId id : block.feeds) {
        if (mixer.channelLevels(id).peakDbfs > kHeardFloorDbfs)
            lastHeard[id] = tick;
        const auto heard = lastHeard.find(id);
        if (heard == lastHeard.end())
            continue;
        if (tick - heard->second > hold) {
            lastHeard.erase(heard);
            continue;
        }
        if (const std::span<const float> m = mixMinusOf(id); !m.empty())
            block.audible.emplace(id, std::vector<float>(m.begin(), m.end()));
    }
    return block;
}

// From the mix-minus encoders' worker.
void Engine::Impl::deliverMixMinus(const EncodedPacketPtr& packet, std::span<const SiteId> sites) {
    std::lock_guard lock(sinksMutex);
    for (const SiteId id : sites)
        if (const auto it = returnFeeds.find(id); it != returnFeeds.end())
            it->second->pushMixMinus(packet);
    for (const auto& sink : closing)
        if (sink->settings().kind == SinkKind::ReturnFeed &&
            std::binary_search(sites.begin(), sites.end(), sink->settings().site))
            sink->pushMixMinus(packet);
}

TileSource Engine::Impl::tileFor(const Tick& t, SiteId id) const {
    TileSource tile;
    const SiteView* it = findView(t.sites, id);
    if (!it)
        return tile;
    tile.name = it->name;
    tile.speaking = t.speaker && *t.speaker == id;
    tile.videoMuted = it->videoMuted;
    if (it->source) {
        // Held back to meet the sound this tick mixed: program, preview, multiview and return
        // feeds all show the same, lip-synced picture.
        tile.frame = it->source->programVideo();
        const SourceState st = it->source->state();
        tile.lost = st == SourceState::Lost || st == SourceState::Offline;
    } else {
        tile.lost = true;
    }
    return tile;
}

// ---- compose: the program and preview canvases
void Engine::Impl::compose(Tick& t) {
    auto lookup = [&](SiteId id) { return tileFor(t, id); };
    auto composeInto = [&](const Composition& c, int width, int height) -> VideoFramePtr {
        const Layout* layout = layouts.find(c.layout);
        auto canvas = acquireCanvas(width, height);
        if (layout)
            clock.compositor.compose(*layout, c, lookup, *canvas);
        return canvas;
    };
    t.programFrame = composeInto(t.program, config.width, config.height);
    // The preview is only ever looked at (monitors, the multiview), never encoded: at half the
    // program's size it costs a quarter of the scaling.
    t.previewFrame = composeInto(t.preview, previewWidth(), previewHeight());
    tiers.submit(t.programFrame, clock.tick); // never blocks; no tier in use: nothing to do
}

// ---- multiview: every site, program and preview on the operator's canvas
void Engine::Impl::renderMultiview(Tick& t) {
    const int every =
        std::max(1, lightLoad ? std::max(Engine::kLightMultiviewEveryNthTick, config.multiviewEveryNthTick)
                              : config.multiviewEveryNthTick);
    if (!config.multiview || clock.tick % every != 0)
        return;
    MultiviewInput input;
    input.program = t.programFrame;
    input.preview = t.previewFrame;
    input.page = t.page;
    input.sites.reserve(t.sites.size());
    auto has = [](const Composition& c, SiteId id) {
        return std::any_of(c.sites.begin(), c.sites.end(), [id](const auto& s) { return s && *s == id; });
    };
    for (std::size_t i = 0; i < t.sites.size(); ++i) {
        const SiteId id = t.sites[i].id;
        MultiviewSite m;
        m.id = id;
        m.source = tileFor(t, id);
        m.levelDbfs = clock.mixer.channelLevels(id).peakDbfs;
        m.audioMuted = t.clocks[i]->appliedMuted;
        m.onProgram = has(t.program, id);
        m.onPreview = has(t.preview, id);
        m.hasFloor = t.floor == id;
        input.sites.push_back(std::move(m));
    }
    t.multiviewFrame = multiview.render(input);
    ++multiviewRenders;
}

// ---- encode: the pictures published, picture and sound handed to the encoder's queue
void Engine::Impl::handOff(Tick& t) {
    if (t.renderVideo) {
        std::lock_guard lock(framesMutex);
        programFrame = t.programFrame;
        previewFrame = t.previewFrame;
        if (t.multiviewFrame)
            multiviewFrame = t.multiviewFrame;
    }
    std::shared_ptr<ProgramEncoder> enc;
    {
        std::lock_guard lock(sinksMutex);
        enc = encoder;
    }
    // A skipped tick hands over its sound only: sound stays continuous.
    if (enc)
        enc->submit(t.renderVideo ? t.programFrame : nullptr, clock.tick,
                    std::vector<float>(clock.mixer.program().begin(), clock.mixer.program().end()));
}

void Engine::Impl::publishStats(Clock::duration work, const PhaseClock& phases, bool late,
                                std::uint64_t skipped) {
    clock.window.add(work, phases);
    std::lock_guard lock(statsMutex);
    ++clockStats.ticks;
    clockStats.lateTicks += late ? 1 : 0;
    clockStats.skippedTicks += skipped;
    clockStats.multiviewFrames = multiviewRenders;
    clock.window.fill(clockStats);
}

void Engine::Impl::runClock() {
    const auto period =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / config.fps));
    auto deadline = Clock::now();
    while (running) {
        const auto started = Clock::now();
        bool late = started > deadline + period / 2;
        PhaseClock phases(started);
        // Far behind: skip whole frames of video, but keep every audio block so sound stays continuous.
        std::uint64_t skipped = 0;
        while (started > deadline + period) {
            runTick(false, phases);
            deadline += period;
            ++skipped;
        }
        runTick(true, phases);
        publishStats(Clock::now() - started, phases, late, skipped);
        deadline += period;
        std::this_thread::sleep_until(deadline);
    }
}

Engine::Engine(EngineConfig config, EngineEvents events)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(events))) {}

Engine::~Engine() {
    stop();
}

void Engine::start() {
    if (impl_->running.exchange(true))
        return;
    impl_->clockThread = std::thread([this] {
        pthread_setname_np(pthread_self(), "hntt-clock"); // per-thread CPU figures name it
        impl_->runClock();
    });
}

void Engine::stop() {
    // The clock stops first and the encoder is drained into the sinks before they close: the
    // recording and streams end with the sound of their last picture, not ~40 ms short of it.
    if (impl_->running.exchange(false) && impl_->clockThread.joinable())
        impl_->clockThread.join();
    std::shared_ptr<ProgramEncoder> enc;
    {
        std::lock_guard lock(impl_->sinksMutex);
        enc = impl_->encoder;
    }
    if (enc)
        enc->finish(); // its packets go to the sinks through fanOut(), which takes sinksMutex
    enc.reset();
    std::unique_ptr<MixMinusEncoders> mixMinus;
    {
        std::lock_guard lock(impl_->sinksMutex);
        mixMinus = std::move(impl_->mixMinusEncoders);
    }
    if (mixMinus)
        mixMinus->finish(); // the return feeds' sound of the last picture, delivered under sinksMutex
    mixMinus.reset();
    stopRecording();
    std::map<OutputId, std::shared_ptr<PacketSink>> outs;
    std::map<SiteId, std::shared_ptr<PacketSink>> feeds;
    {
        std::lock_guard lock(impl_->sinksMutex);
        outs.swap(impl_->outputs);
        feeds.swap(impl_->returnFeeds);
        for (auto* sinks : {&outs, &feeds})
            for (auto& [id, s] : *sinks)
                impl_->closing.push_back(s);
    }
    for (auto* sinks : {&outs, &feeds})
        for (auto& [id, s] : *sinks)
            impl_->stopClosing(s);
    {
        std::lock_guard lock(impl_->sinksMutex);
        enc = std::move(impl_->encoder);
    }
    enc.reset();
    // Calls first: their receivers feed the sources, and their ports are freed.
    std::vector<SiteId> callSites;
    {
        std::lock_guard lock(impl_->callsMutex);
        for (auto& [id, c] : impl_->calls)
            callSites.push_back(id);
    }
    for (SiteId id : callSites)
        endCall(id);
    std::vector<std::shared_ptr<Source>> sources;
    {
        std::lock_guard lock(impl_->mutex);
        for (auto& [id, e] : impl_->sites)
            if (e.source)
                sources.push_back(e.source);
    }
    for (auto& source : sources)
        source->stop();
}

bool Engine::checkSourceUrl(const std::string& url, EngineError* error) {
    return validSourceUrl(url, error);
}
bool Engine::checkReturnUrl(const std::string& url, EngineError* error) {
    return validReturnUrl(url, error);
}

bool Engine::checkOutputUrl(const std::string& url, EngineError* error) {
    if (url.find("://") == std::string::npos)
        return invalid(error, "An output goes to srt://, rtmp://, udp:// or rtp://, not '" + url + "'");
    std::string text;
    return !containerForUrl(url, &text).empty() || invalid(error, std::move(text));
}

const EngineConfig& Engine::config() const {
    return impl_->config;
}
const std::vector<Layout>& Engine::layouts() const {
    return impl_->layouts.all();
}
const Layout* Engine::findLayout(const std::string& name) const {
    return impl_->layouts.find(name);
}

bool Engine::addSite(SiteId id, const SiteConfig& site, EngineError* error) {
    return guarded(error, false, [&] {
        if (!validSourceUrl(site.url, error) || !validReturnUrl(site.returnUrl, error))
            return false;
        std::shared_ptr<Source> source;
        {
            std::lock_guard lock(impl_->mutex);
            if (impl_->sites.count(id))
                return invalid(error, "Site " + std::to_string(id) + " is already in the engine");
            source = impl_->makeSource(id, site.url);
            impl_->sites[id] = SiteEntry{site.name, site.url, site.returnUrl, source};
        }
        // A site whose return feed cannot start is not added: the call changes nothing.
        auto undo = [&] {
            impl_->startReturnFeed(id, {}, nullptr);
            std::lock_guard lock(impl_->mutex);
            impl_->sites.erase(id);
        };
        try {
            if (!site.returnUrl.empty() && !impl_->startReturnFeed(id, site.returnUrl, error)) {
                undo();
                return false;
            }
            if (source)
                source->start();
        } catch (...) {
            undo();
            throw;
        }
        return true;
    });
}

bool Engine::removeSite(SiteId id) {
    impl_->stopCallMedia(id, false); // a site leaves its call with it
    std::shared_ptr<Source> source;
    {
        std::lock_guard lock(impl_->mutex);
        auto it = impl_->sites.find(id);
        if (it == impl_->sites.end())
            return false;
        source = it->second.source;
        impl_->sites.erase(it);
        for (Composition* c : {&impl_->program, &impl_->preview})
            for (auto& s : c->sites)
                if (s && *s == id)
                    s.reset();
    }
    impl_->startReturnFeed(id, {}, nullptr);
    if (source)
        source->stop();
    return true;
}

bool Engine::setSiteName(SiteId id, const std::string& name) {
    std::lock_guard lock(impl_->mutex);
    auto it = impl_->sites.find(id);
    if (it == impl_->sites.end())
        return false;
    it->second.name = name;
    return true;
}

bool Engine::setSiteUrl(SiteId id, const std::string& url, EngineError* error) {
    return guarded(error, false, [&] {
        if (!validSourceUrl(url, error))
            return false;
        std::shared_ptr<Source> old, fresh;
        {
            std::lock_guard lock(impl_->mutex);
            auto it = impl_->sites.find(id);
            if (it == impl_->sites.end())
                return invalid(error, "No site " + std::to_string(id));
            if (it->second.url == url)
                return true;
            // A new source object: a tick under way keeps reading the old one, which it holds.
            fresh = impl_->makeSource(id, url);
            old = std::exchange(it->second.source, fresh);
            it->second.url = url;
        }
        if (old)
            old->stop();
        if (fresh)
            fresh->start();
        return true;
    });
}

bool Engine::setReturnUrl(SiteId id, const std::string& url, EngineError* error) {
    return guarded(error, false, [&] {
        if (!validReturnUrl(url, error))
            return false;
        auto noSite = [&] { return invalid(error, "No site " + std::to_string(id)); };
        {
            std::lock_guard lock(impl_->mutex);
            if (!impl_->sites.count(id))
                return noSite();
        }
        if (!impl_->startReturnFeed(id, url, error))
            return false; // the old feed, if any, goes on
        bool present = false;
        {
            std::lock_guard lock(impl_->mutex);
            if (auto it = impl_->sites.find(id); it != impl_->sites.end()) {
                it->second.returnUrl = url;
                present = true;
            }
        }
        if (present)
            return true;
        // Removed meanwhile: its feed goes with it (outside the lock, which the clock needs to
        // send the feed's last sound).
        impl_->startReturnFeed(id, {}, nullptr);
        return noSite();
    });
}

bool Engine::setSiteAudio(SiteId id, bool muted, double gainDb) {
    std::lock_guard lock(impl_->mutex);
    auto it = impl_->sites.find(id);
    if (it == impl_->sites.end() || !std::isfinite(gainDb))
        return false;
    it->second.audioMuted = muted;
    it->second.gainDb = std::clamp(gainDb, gain::kMinDb, gain::kMaxDb);
    return true;
}

bool Engine::setSiteVideoMuted(SiteId id, bool muted) {
    std::lock_guard lock(impl_->mutex);
    auto it = impl_->sites.find(id);
    if (it == impl_->sites.end())
        return false;
    it->second.videoMuted = muted;
    return true;
}

bool Engine::steerTestPicture(SiteId id, double pan, double tilt, double zoom) {
    if (!std::isfinite(pan) || !std::isfinite(tilt) || !std::isfinite(zoom))
        return false;
    const auto source = impl_->siteSource(id);
    if (!source)
        return false;
    if (*source)
        (*source)->setTestView(
            {std::clamp(pan, -1.0, 1.0), std::clamp(tilt, -1.0, 1.0), std::clamp(zoom, 0.0, 1.0)});
    return true;
}

std::optional<SourceStats> Engine::siteStats(SiteId id) const {
    const auto source = impl_->siteSource(id);
    if (!source)
        return std::nullopt;
    return *source ? (*source)->stats() : SourceStats{};
}

std::optional<SiteLevels> Engine::siteLevels(SiteId id) const {
    std::lock_guard lock(impl_->mutex);
    if (!impl_->sites.count(id))
        return std::nullopt;
    auto it = impl_->levels.find(id);
    return it == impl_->levels.end() ? SiteLevels{id, {}, false} : it->second;
}

std::vector<SiteId> Engine::sites() const {
    std::lock_guard lock(impl_->mutex);
    std::vector<SiteId> ids;
    for (auto& [id, e] : impl_->sites)
        ids.push_back(id);
    return ids;
}

// ---- calls

namespace {
bool sameFormats(const CallMediaSpec& a, const CallMediaSpec& b) {
    auto audioKey = [](const CallMediaSpec& s) {
        return s.audio ? std::make_tuple(static_cast<int>(s.audio->codec), s.audio->payloadType,
                                         s.audio->clockRate, s.audio->channels)
                       : std::make_tuple(-1, -1, -1, -1);
    };
    auto videoKey = [](const CallMediaSpec& s) { return s.video ? s.video->payloadType : -1; };
    return audioKey(a) == audioKey(b) && videoKey(a) == videoKey(b) &&
           (a.remoteAudioPort != 0) == (b.remoteAudioPort != 0) &&
           (a.remoteVideoPort != 0) == (b.remoteVideoPort != 0);
}
} // namespace

// A receiver on the call's reserved sockets and a Source that decodes what it receives, in
// place of the site's URL source. callsMutex is not held.
bool Engine::Impl::startCallMedia(SiteId id, const CallMediaSpec& spec, EngineError* error) {
    auto input = std::make_shared<CallInput>(spec.remoteAudioPort != 0 ? spec.audio : std::nullopt,
                                             spec.video.has_value() && spec.remoteVideoPort != 0);
    CallReceiverHooks hooks;
    hooks.keyframeAsked = [this, id] {
        if (tierKeyframe)
            tierKeyframe(id);
    };
    hooks.keyframeWanted = [this, id] {
        if (events.callKeyframeWanted)
            events.callKeyframeWanted(id);
    };
    hooks.dtmf = [this, id](char key) {
        if (events.callDtmf)
            events.callDtmf(id, key);
    };
    hooks.mediaTimeout = [this, id] {
        if (events.callMediaTimeout)
            events.callMediaTimeout(id);
    };
    // The sender is made after the receiver (it sends through its sockets): found by the site.
    hooks.senderReport = [this, id](CallMedia media, std::chrono::system_clock::time_point now) {
        std::shared_ptr<CallSender> sender;
        {
            std::lock_guard lock(callsMutex);
            if (auto it = calls.find(id); it != calls.end())
                sender = it->second.sender;
        }
        return sender ? sender->senderReport(media == CallMedia::Video, now) : std::nullopt;
    };
    std::shared_ptr<CallReceiver> receiver;
    {
        std::lock_guard lock(callsMutex);
        auto it = calls.find(id);
        if (it == calls.end() || it->second.receiver)
            return invalid(error, "Site " + std::to_string(id) + " has no call ports reserved");
        receiver = std::make_shared<CallReceiver>(*rtp, spec, std::move(it->second.reserved.audio),
                                                  std::move(it->second.reserved.video), input,
                                                  config.callMediaTimeout, std::move(hooks));
        it->second.reserved = {};
        it->second.receiver = receiver;
        it->second.spec = spec;
    }
    receiver->start();
    // What the call receives back: its tier's picture and its own mix-minus, sent from the
    // call's own sockets.
    try {
        auto sender = std::make_shared<CallSender>(
            CallSender::configFor(spec, config.fps, config.sampleRate), &tiers,
            [receiver](std::span<const std::uint8_t> packet, bool video) {
                receiver->send(video ? CallMedia::Video : CallMedia::Audio, packet);
            });
        std::lock_guard lock(callsMutex);
        if (auto it = calls.find(id); it != calls.end() && it->second.receiver == receiver)
            it->second.sender = std::move(sender);
    } catch (const std::exception& e) {
        stopCallMedia(id, false);
        return internal(error, std::string("The call's return picture cannot start: ") + e.what());
    }
    std::shared_ptr<Source> old, fresh;
    {
        std::lock_guard lock(mutex);
        auto it = sites.find(id);
        if (it != sites.end()) {
            fresh = makeSource(id, it->second.url, input);
            old = std::exchange(it->second.source, fresh);
        }
    }
    if (old)
        old->stop();
    if (fresh)
        fresh->start();
    return true;
}

// Stops the call's receiver (its ports freed, or kept for the next one) and gives the site its
// URL's source back (none: the slate).
void Engine::Impl::stopCallMedia(SiteId id, bool keepSockets) {
    std::shared_ptr<CallReceiver> receiver;
    std::shared_ptr<CallSender> sender;
    {
        std::lock_guard lock(callsMutex);
        auto it = calls.find(id);
        if (it == calls.end())
            return;
        receiver = std::move(it->second.receiver);
        sender = std::move(it->second.sender);
        if (!keepSockets)
            calls.erase(it);
    }
    sender.reset(); // its thread ends: nothing more is sent through the receiver's sockets
    if (receiver) {
        CallReceiver::Sockets sockets = receiver->stop(keepSockets);
        if (keepSockets) {
            std::lock_guard lock(callsMutex);
            if (auto it = calls.find(id); it != calls.end())
                it->second.reserved = std::move(sockets);
        }
    }
    std::shared_ptr<Source> old, fresh;
    {
        std::lock_guard lock(mutex);
        auto it = sites.find(id);
        if (it != sites.end()) {
            fresh = keepSockets ? nullptr : makeSource(id, it->second.url);
            old = std::exchange(it->second.source, fresh);
        }
    }
    if (old)
        old->stop();
    if (fresh)
        fresh->start();
}

// Sites that come on program get a fresh keyframe: their picture starts at once, clean.
void Engine::Impl::askCallKeyframes(const Composition& c) {
    std::lock_guard lock(callsMutex);
    for (const auto& site : c.sites)
        if (site)
            if (auto it = calls.find(*site); it != calls.end() && it->second.receiver)
                it->second.receiver->askKeyframe();
}

std::optional<CallPorts> Engine::reserveCallPorts(SiteId id, EngineError* error) {
    return guarded(error, std::optional<CallPorts>{}, [&]() -> std::optional<CallPorts> {
        {
            std::lock_guard lock(impl_->mutex);
            if (!impl_->sites.count(id)) {
                invalid(error, "No site " + std::to_string(id));
                return std::nullopt;
            }
        }
        std::lock_guard lock(impl_->callsMutex);
        if (auto it = impl_->calls.find(id); it != impl_->calls.end())
            return it->second.ports; // reserved already, or in a call: the same ports
        if (!impl_->rtp)
            impl_->rtp = std::make_unique<RtpTransport>(impl_->config.rtpPortMin, impl_->config.rtpPortMax);
        std::string text;
        auto audio = impl_->rtp->reservePair(&text);
        auto video = audio ? impl_->rtp->reservePair(&text) : std::nullopt;
        if (!audio || !video) {
            internal(error, text);
            return std::nullopt;
        }
        Impl::CallEntry entry;
        entry.ports = {audio->port, video->port};
        entry.reserved.audio = std::move(audio);
        entry.reserved.video = std::move(video);
        const CallPorts ports = entry.ports;
        impl_->calls.emplace(id, std::move(entry));
        return ports;
    });
}

void Engine::releaseCallPorts(SiteId id) {
    std::lock_guard lock(impl_->callsMutex);
    if (auto it = impl_->calls.find(id); it != impl_->calls.end() && !it->second.receiver)
        impl_->calls.erase(it);
}

bool Engine::startCall(SiteId id, const CallMediaSpec& spec, EngineError* error) {
    return guarded(error, false, [&] {
        if (!spec.audio && !spec.video)
            return invalid(error, "A call needs audio or video");
        if (spec.video && spec.video->packetizationMode != 0 && spec.video->packetizationMode != 1)
            return invalid(error, "H.264 packetization mode 2 (interleaved) is not supported");
        {
            std::lock_guard lock(impl_->mutex);
            if (!impl_->sites.count(id))
                return invalid(error, "No site " + std::to_string(id));
        }
        {
            std::lock_guard lock(impl_->callsMutex);
            auto it = impl_->calls.find(id);
            if (it != impl_->calls.end() && it->second.receiver)
                return invalid(error, "Site " + std::to_string(id) + " is already in a call");
        }
        if (!reserveCallPorts(id, error))
            return false;
        return impl_->startCallMedia(id, spec, error);
    });
}

bool Engine::updateCall(SiteId id, const CallMediaSpec& spec, EngineError* error) {
    return guarded(error, false, [&] {
        std::shared_ptr<CallReceiver> receiver;
        bool same = false;
        {
            std::lock_guard lock(impl_->callsMutex);
            auto it = impl_->calls.find(id);
            if (it == impl_->calls.end() || !it->second.receiver)
                return invalid(error, "Site " + std::to_string(id) + " is not in a call");
            receiver = it->second.receiver;
            same = sameFormats(it->second.spec, spec);
            if (same)
                it->second.spec = spec;
        }
        if (same) {
            receiver->update(spec); // hold, resume, another address
            std::shared_ptr<CallSender> sender;
            {
                std::lock_guard lock(impl_->callsMutex);
                if (auto it = impl_->calls.find(id); it != impl_->calls.end())
                    sender = it->second.sender;
            }
            if (sender)
                sender->setDirections(spec.audio && spec.audioSend, spec.video && spec.videoSend);
            return true;
        }
        // Other codecs: a new receiver and decoders on the same ports.
        impl_->stopCallMedia(id, true);
        return impl_->startCallMedia(id, spec, error);
    });
}

void Engine::endCall(SiteId id) {
    impl_->stopCallMedia(id, false);
}

std::optional<CallStats> Engine::callStats(SiteId id) const {
    std::shared_ptr<CallReceiver> receiver;
    {
        std::lock_guard lock(impl_->callsMutex);
        auto it = impl_->calls.find(id);
        if (it == impl_->calls.end() || !it->second.receiver)
            return std::nullopt;
        receiver = it->second.receiver;
    }
    return receiver->stats(); // what the sender sent went out through the receiver's sockets
}

void Engine::requestCallKeyframe(SiteId id) {
    if (impl_->tierKeyframe)
        impl_->tierKeyframe(id);
}

void Engine::askCallKeyframe(SiteId id) {
    std::lock_guard lock(impl_->callsMutex);
    if (auto it = impl_->calls.find(id); it != impl_->calls.end() && it->second.receiver)
        it->second.receiver->askKeyframe();
}

bool Engine::setProgram(const Composition& c, EngineError* error) {
    return guarded(error, false, [&] {
        if (!impl_->validComposition(c, error))
            return false;
        {
            std::lock_guard lock(impl_->mutex);
            impl_->program = c;
        }
        impl_->askCallKeyframes(c);
        return true;
    });
}

bool Engine::setPreview(const Composition& c, EngineError* error) {
    return guarded(error, false, [&] {
        if (!impl_->validComposition(c, error))
            return false;
        std::lock_guard lock(impl_->mutex);
        impl_->preview = c;
        return true;
    });
}

void Engine::take() {
    Composition taken;
    {
        std::lock_guard lock(impl_->mutex);
        impl_->program = impl_->preview;
        taken = impl_->program;
    }
    impl_->askCallKeyframes(taken);
}

Composition Engine::program() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->program;
}

Composition Engine::preview() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->preview;
}

std::optional<SiteId> Engine::activeSpeaker() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->currentSpeaker;
}

void Engine::setAutoFollowSpeaker(bool on) {
    std::lock_guard lock(impl_->mutex);
    impl_->autoJustOn = on && !impl_->autoFollow;
    impl_->autoFollow = on;
}

bool Engine::autoFollowSpeaker() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->autoFollow;
}

void Engine::setProgramAudio(bool muted, double gainDb) {
    std::lock_guard lock(impl_->mutex);
    impl_->programMuted = muted;
    impl_->programGainDb = std::isfinite(gainDb) ? std::clamp(gainDb, gain::kMinDb, gain::kMaxDb) : 0.0;
}

VideoFramePtr Engine::programFrame() const {
    std::lock_guard lock(impl_->framesMutex);
    return impl_->programFrame;
}

VideoFramePtr Engine::previewFrame() const {
    std::lock_guard lock(impl_->framesMutex);
    return impl_->previewFrame;
}

VideoFramePtr Engine::multiviewFrame() const {
    std::lock_guard lock(impl_->framesMutex);
    return impl_->multiviewFrame;
}

VideoFramePtr Engine::siteFrame(SiteId id) const {
    const auto source = impl_->siteSource(id);
    return source && *source ? (*source)->latestVideo() : nullptr;
}

std::optional<SiteId> Engine::multiviewSiteAt(double x, double y) const {
    return impl_->multiview.siteAt(x, y); // the renderer guards its last layout itself
}

void Engine::setMultiviewPage(int page) {
    std::lock_guard lock(impl_->mutex);
    impl_->multiviewPage = std::max(0, page);
}

Engine::MultiviewPage Engine::multiviewPage() const {
    return {impl_->multiview.lastPage(), impl_->multiview.lastPageCount(), impl_->multiview.lastPageSites()};
}

bool Engine::startRecording(const std::string& path, EngineError* error) {
    return guarded(error, false, [&] {
        std::string containerError;
        if (containerForUrl(path, &containerError).empty() || path.find("://") != std::string::npos)
            return invalid(error, containerError.empty() ? "A recording goes to a file path, not " + path
                                                         : containerError);
        std::vector<IsolatedTrack> tracks;
        if (impl_->config.isolatedAudioTracks) {
            std::lock_guard lock(impl_->mutex);
            for (auto& [id, e] : impl_->sites)
                tracks.push_back({id, e.name});
        }
        auto alreadyRecording = [&] { // sinksMutex held
            return invalid(error, "A recording is already running: " + impl_->recordingPath);
        };
        // After a failure, an encoder opened for this recording alone is closed: it would encode
        // for nobody.
        auto failed = [&](std::string message) {
            std::shared_ptr<ProgramEncoder> idle;
            {
                std::lock_guard lock(impl_->sinksMutex);
                idle = impl_->releaseEncoderIfIdle();
            }
            if (idle)
                idle->finish();
            return internal(error, std::move(message));
        };
        // x264 takes a while to open: outside the lock, which the clock takes every tick.
        std::shared_ptr<ProgramEncoder> opened, enc;
        {
            std::lock_guard lock(impl_->sinksMutex);
            if (impl_->recording)
                return alreadyRecording();
            enc = impl_->encoder;
        }
        // The file first: one that exists is refused before anything opens, and the caller may
        // pick another name. Removed again if the recording does not start after all.
        bool created = false, exists = false;
        std::string fileError;
        if (!createRecordingFile(path, &created, &exists, &fileError))
            return fail(error, exists ? EngineError::Kind::Exists : EngineError::Kind::Internal, fileError);
        struct Unstarted {
            std::string path;
            bool remove;
            ~Unstarted() {
                if (remove)
                    ::unlink(path.c_str());
            }
        } unstarted{path, created};
        if (!enc) {
            try {
                opened = impl_->openEncoder();
            } catch (const std::exception& e) {
                return internal(error, e.what());
            }
        }
        {
            std::lock_guard lock(impl_->sinksMutex);
            if (impl_->recording)
                return alreadyRecording();
            enc = impl_->ensureEncoder(opened);
        }
        if (opened != enc)
            opened.reset(); // another call installed one meanwhile; this one never encoded
        // The sink opens an encoder per isolated track: outside the lock, which the clock takes
        // every tick.
        SinkSettings s;
        s.kind = SinkKind::Recording;
        s.url = path;
        s.createdFile = created;
        s.sampleRate = impl_->config.sampleRate;
        s.minFreeBytes = impl_->config.recordingMinFreeBytes;
        s.isolatedTracks = std::move(tracks);
        s.isolatedBitrateKbps = impl_->config.isolatedTrackBitrateKbps;
        s.isolatedMaxLagSeconds = impl_->config.isolatedTrackMaxLagSeconds;
        s.blockSeconds = 1.0 / impl_->config.fps;
        // ~30 s of the program's packets: a slow disk must not lose the recording.
        s.queueCapacity = 2000 + 25 * 30;
        std::shared_ptr<PacketSink> sink;
        try {
            sink = std::make_shared<PacketSink>(s, enc->videoContext(), enc->audioContext(),
                                                [this](OutputState st, const std::string& err) {
                                                    if (impl_->events.recordingState)
                                                        impl_->events.recordingState(st, err);
                                                });
        } catch (const std::exception& e) {
            return failed(e.what());
        }
        {
            std::lock_guard lock(impl_->sinksMutex);
            if (impl_->recording)
                return alreadyRecording();
            if (impl_->encoder == enc) {
                sink->start();
                unstarted.remove = false; // the sink's now
                impl_->recording = sink;
                impl_->recordingPath = path;
                // A freshly opened encoder is slow for its first pictures (its frames allocated,
                // its threads started, an IDR to code: 80 to 200 ms each on a loaded machine,
                // against 5 to 10 later), enough to overflow its queue and, competing for the
                // cores, to make the clock skip ticks. The recording takes packets once it keeps
                // pace (fanOut), so that its first second is whole; nobody waits for that here.
                impl_->recordingArmed = enc->keepsPace();
                impl_->recordingArmBy = Clock::now() + kEncoderWarmUpLimit;
                if (impl_->recordingArmed)
                    enc->requestKeyframe(); // the recording starts on the next picture
                return true;
            }
        }
        return failed("The program's encoder changed meanwhile: try again");
    });
}

RecordingStatus Engine::stopRecording() {
    std::shared_ptr<PacketSink> sink;
    std::shared_ptr<ProgramEncoder> idle;
    RecordingStatus status;
    {
        std::lock_guard lock(impl_->sinksMutex);
        sink = std::move(impl_->recording);
        if (sink)
            impl_->closing.push_back(sink);
        status.path = impl_->recordingPath;
        impl_->recordingPath.clear();
        idle = impl_->releaseEncoderIfIdle();
    }
    if (idle)
        idle->finish();
    if (sink) {
        impl_->stopClosing(sink);
        status.stats = sink->stats();
        sink.reset();
        impl_->memoryReturner.request(); // its tracks' encoders and queues are gone now
    }
    return status;
}

RecordingStatus Engine::recording() const {
    std::lock_guard lock(impl_->sinksMutex);
    RecordingStatus status;
    if (impl_->recording) {
        status.active = true;
        status.path = impl_->recordingPath;
        status.stats = impl_->recording->stats();
    }
    return status;
}

std::optional<OutputId> Engine::addOutput(const std::string& url, EngineError* error) {
    return guarded(error, std::optional<OutputId>(), [&]() -> std::optional<OutputId> {
        if (!checkOutputUrl(url, error))
            return std::nullopt;
        std::shared_ptr<ProgramEncoder> idle;
        std::string failure;
        {
            std::lock_guard lock(impl_->sinksMutex);
            try {
                auto enc = impl_->ensureEncoder();
                const OutputId id = impl_->nextOutputId;
                SinkSettings s;
                s.kind = SinkKind::Stream;
                s.url = url;
                auto sink = std::make_shared<PacketSink>(s, enc->videoContext(), enc->audioContext(),
                                                         [this, id](OutputState st, const std::string& err) {
                                                             if (impl_->events.outputState)
                                                                 impl_->events.outputState(id, st, err);
                                                         });
                sink->start();
                impl_->outputs[id] = sink;
                ++impl_->nextOutputId;
                return id;
            } catch (const std::exception& e) {
                failure = e.what();
                idle = impl_->releaseEncoderIfIdle(); // opened for this output alone
            }
        }
        if (idle)
            idle->finish();
        internal(error, failure);
        return std::nullopt;
    });
}

bool Engine::removeOutput(OutputId id) {
    std::shared_ptr<PacketSink> sink;
    std::shared_ptr<ProgramEncoder> idle;
    {
        std::lock_guard lock(impl_->sinksMutex);
        auto it = impl_->outputs.find(id);
        if (it == impl_->outputs.end())
            return false;
        sink = it->second;
        impl_->outputs.erase(it);
        impl_->closing.push_back(sink);
        idle = impl_->releaseEncoderIfIdle();
    }
    if (idle)
        idle->finish();
    impl_->stopClosing(sink);
    return true;
}

std::map<OutputId, OutputStats> Engine::outputs() const {
    std::lock_guard lock(impl_->sinksMutex);
    std::map<OutputId, OutputStats> out;
    for (auto& [id, s] : impl_->outputs)
        out[id] = s->stats();
    return out;
}

int Engine::returnFeedEncoders() const {
    std::lock_guard lock(impl_->sinksMutex);
    return impl_->mixMinusEncoders ? impl_->mixMinusEncoders->encoders() : 0;
}

std::optional<OutputStats> Engine::returnFeed(SiteId id) const {
    std::lock_guard lock(impl_->sinksMutex);
    auto it = impl_->returnFeeds.find(id);
    if (it == impl_->returnFeeds.end())
        return std::nullopt;
    return it->second->stats();
}

double Engine::programSeconds() const {
    return static_cast<double>(impl_->ticksDone.load()) / impl_->config.fps;
}

void Engine::setFloor(std::optional<SiteId> id) {
    std::lock_guard lock(impl_->mutex);
    impl_->floor = id;
}

void Engine::setLightLoad(bool on) {
    impl_->lightLoad = on;
}

bool Engine::lightLoad() const {
    return impl_->lightLoad;
}

ClockStats Engine::clockStats() const {
    std::lock_guard lock(impl_->statsMutex);
    return impl_->clockStats;
}

std::uint64_t Engine::encoderDroppedFrames() const {
    std::lock_guard lock(impl_->sinksMutex);
    return impl_->encoder ? impl_->encoder->droppedFrames() : 0;
}

} // namespace hntt::engine
