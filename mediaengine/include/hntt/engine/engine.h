// The mixing engine's one entry point: the job a hardware MCU does.
//
// Sites are ingested on their own threads; a fixed-cadence program clock mixes audio (per-site
// gain/mute with ramps, limiter, mix-minus per site), composes the program, preview and multiview
// canvases, and hands the program to one encode that fans out to the recording, streams and
// per-site return feeds. The clock never waits for a source or an output.
//
// Lip sync: each site's pictures are held back until the sound the clock mixes has reached their
// timestamps (the site's audio waits in a jitter buffer of 80-400 ms), so program, preview,
// multiview and return feeds show every site in step with its sound. siteFrame() is the
// exception: it gives the newest picture as it arrived.
//
// Thread safety: every public method may be called from any thread. Callbacks in EngineEvents are
// called from engine threads (source, clock or output threads): marshal them to your UI thread
// and never call back into the engine from them while holding your own locks.
//
// Errors: a call that can fail returns false (or nullopt) and fills its EngineError; none throws.
#pragma once

#include "hntt/engine/call.h"
#include "hntt/engine/error.h"
#include "hntt/engine/outputs.h"
#include "hntt/engine/types.h"
#include "hntt/engine/video_frame.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hntt::engine {

struct EngineConfig {
    int width = 1920;
    int height = 1080;
    int fps = 25;
    int sampleRate = 48000;
    std::chrono::milliseconds jitterBudget{80};
    std::string layoutsDir; // empty: the installed presets, else the built-in ones
    std::string fontFile;   // empty: found through fontconfig
    // Texts drawn into pictures, given by the application in the operator's language.
    std::string signalLostText = "Mất tín hiệu";
    std::string videoMutedText = "Đã tắt hình";
    std::string noPictureText = "Chưa có hình";
    std::string programLabel = "CHƯƠNG TRÌNH";
    std::string previewLabel = "XEM TRƯỚC";
    std::string pageText = "Trang";             // multiview "Trang 2/6"
    std::string sitesText = "điểm cầu";         // multiview "170 điểm cầu"
    std::string lostCountText = "mất tín hiệu"; // multiview "3 mất tín hiệu"
    std::string audioMutedText = "TẮT TIẾNG";
    std::string floorText = "PHÁT BIỂU"; // the multiview's badge on the site that has the floor
    int videoBitrateKbps = 4000;
    int audioBitrateKbps = 128;
    std::string x264Preset = "veryfast";
    bool multiview = true;
    int multiviewWidth = 1920;
    int multiviewHeight = 1080;
    int multiviewEveryNthTick = 2; // the multiview refreshes at fps/N
    // Beyond this many sites, those neither on program nor preview decode keyframes only.
    int fullDecodeSiteLimit = 24;
    // The recording gets, after the program audio, one mono track per site present when it
    // starts (title: the site's name, tag site_id), carrying that site's own audio after its
    // gain/mute. Sites added later are not in that recording.
    bool isolatedAudioTracks = true;
    int isolatedTrackBitrateKbps = 32; // each track: 24 kHz mono AAC
    // A track further behind than this skips (a counted gap) so that a machine short of CPU
    // does not queue without bound; the stop waits as long for the tracks to end.
    double isolatedTrackMaxLagSeconds = 3.0;
    // The recording stops (Failed, file finalised) when its disk has less free space than this.
    std::uint64_t recordingMinFreeBytes = 512ull << 20;
    // Calls (call.h): the UDP ports their RTP/RTCP may use, and how long a call may go without
    // any packet from the far end before callMediaTimeout is raised (not while it is on hold).
    std::uint16_t rtpPortMin = 20000;
    std::uint16_t rtpPortMax = 20999;
    std::chrono::milliseconds callMediaTimeout{4000};
};

struct SiteConfig {
    std::string name;
    std::string url;       // any FFmpeg input URL, a file, or test://…
    std::string returnUrl; // empty: no return feed
};

struct SiteLevels {
    SiteId id = 0;
    AudioLevels levels;
    bool speaking = false;
};

struct LevelsSnapshot {
    std::vector<SiteLevels> sites;
    AudioLevels program;
};

struct EngineEvents {
    std::function<void(SiteId, SourceState, const std::string& reason)> siteStatus;
    std::function<void(const LevelsSnapshot&)> levels; // ~10 Hz, from the clock thread
    std::function<void(std::optional<SiteId>)> speakerChanged;
    std::function<void(const Composition&)> programChangedByAuto; // auto mode followed the speaker
    std::function<void(OutputId, OutputState, const std::string& error)> outputState;
    std::function<void(SiteId, OutputState, const std::string& error)> returnFeedState;
    std::function<void(OutputState, const std::string& error)> recordingState;
    // Every mixed block (program and each site's mix-minus), from the clock thread: for meters
    // and probes. Keep it cheap.
    std::function<void(std::span<const float> program,
                       const std::map<SiteId, std::span<const float>>& mixMinus)>
        audioBlock;
    // Calls: no RTP from the far end for EngineConfig::callMediaTimeout (signalling hangs up).
    std::function<void(SiteId)> callMediaTimeout;
    // Calls whose far end takes keyframe requests only by SIP INFO: signalling sends one.
    std::function<void(SiteId)> callKeyframeWanted;
    // Calls: a key pressed on the far end's remote, sent in RTP (RFC 4733).
    std::function<void(SiteId, char key)> callDtmf;
};

struct RecordingStatus {
    bool active = false;
    std::string path;
    OutputStats stats;
};

class Engine {
public:
    explicit Engine(EngineConfig config, EngineEvents events = {});
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    void start();
    // Finalises the recording and outputs, each ending with the sound of its last picture;
    // idempotent.
    void stop();
    const EngineConfig& config() const;

    // --- layouts
    const std::vector<Layout>& layouts() const;
    const Layout* findLayout(const std::string& name) const;

    // URL checks the engine applies, for callers that validate before they store anything.
    static bool checkSourceUrl(const std::string& url, EngineError* error = nullptr);
    static bool checkReturnUrl(const std::string& url, EngineError* error = nullptr);
    static bool checkOutputUrl(const std::string& url, EngineError* error = nullptr);

    // --- sites. Each returns false with a clear `error` and changes nothing when it fails: Invalid
    // for a wrong request, Internal when the engine could not do it (e.g. start a return feed).
    bool addSite(SiteId id, const SiteConfig& site, EngineError* error = nullptr);
    bool removeSite(SiteId id);
    bool setSiteName(SiteId id, const std::string& name);
    bool setSiteUrl(SiteId id, const std::string& url, EngineError* error = nullptr);
    bool setReturnUrl(SiteId id, const std::string& url, EngineError* error = nullptr);
    bool setSiteAudio(SiteId id, bool muted, double gainDb);
    bool setSiteVideoMuted(SiteId id, bool muted);
    // Points a test picture's simulated camera (pan, tilt -1..1, zoom 0..1): the demo's cameras
    // move without hardware. Other sources ignore it; false for an unknown site.
    bool steerTestPicture(SiteId id, double pan, double tilt, double zoom);
    std::optional<SourceStats> siteStats(SiteId id) const;
    std::optional<SiteLevels> siteLevels(SiteId id) const;
    std::vector<SiteId> sites() const;

    // --- program, preview, take, speaker
    bool setProgram(const Composition& c, EngineError* error = nullptr);
    bool setPreview(const Composition& c, EngineError* error = nullptr);
    void take(); // preview goes to program (a cut)
    Composition program() const;
    Composition preview() const;
    std::optional<SiteId> activeSpeaker() const;
    void setAutoFollowSpeaker(bool on); // slot 0 of the program follows the speaker
    bool autoFollowSpeaker() const;
    // Lighter work for a machine that cannot keep up: the multiview refreshes at most every
    // kLightMultiviewEveryNthTick ticks, and every site neither on program nor preview decodes
    // keyframes only, however few sites there are. Program, recording and streams are untouched.
    static constexpr int kLightMultiviewEveryNthTick = 5;
    // The site that has the floor, badged on the multiview (none: no badge).
    void setFloor(std::optional<SiteId> id);
    void setLightLoad(bool on);
    bool lightLoad() const;
    void setProgramAudio(bool muted, double gainDb);

    // --- pictures (latest, immutable)
    VideoFramePtr programFrame() const;
    VideoFramePtr previewFrame() const; // at half the program's size: it is only looked at
    VideoFramePtr multiviewFrame() const;
    // The site's latest decoded picture, as it arrived, not held back for lip sync (null when none
    // yet or no such site). In keyframes-only mode this is the last keyframe.
    VideoFramePtr siteFrame(SiteId id) const;
    // The multiview tile under a point given in fractions of the multiview canvas.
    std::optional<SiteId> multiviewSiteAt(double x, double y) const;
    void setMultiviewPage(int page);
    // The page last drawn, how many there are, and its sites in tile order (1st tile first).
    struct MultiviewPage {
        int page = 0;
        int pageCount = 1;
        std::vector<SiteId> sites;
    };
    MultiviewPage multiviewPage() const;

    // --- recording (one at a time) and program streams
    bool startRecording(const std::string& path, EngineError* error = nullptr);
    // Ends the file with the sound of its last picture (waiting a frame or two for the encoder).
    RecordingStatus stopRecording();
    RecordingStatus recording() const;
    std::optional<OutputId> addOutput(const std::string& url, EngineError* error = nullptr);
    bool removeOutput(OutputId id);
    std::map<OutputId, OutputStats> outputs() const;
    std::optional<OutputStats> returnFeed(SiteId id) const;
    // AAC encodes making the return feeds' sound now: one shared by every site not heard, and one
    // per site heard (0 without return feeds).
    int returnFeedEncoders() const;

    // --- calls (call.h). A site with a call takes its media from the call, not from its URL.
    std::optional<CallPorts> reserveCallPorts(SiteId id, EngineError* error = nullptr);
    void releaseCallPorts(SiteId id); // a reservation no call used
    bool startCall(SiteId id, const CallMediaSpec& spec, EngineError* error = nullptr);
    // A re-INVITE: hold/resume, another address or codec; the ports stay.
    bool updateCall(SiteId id, const CallMediaSpec& spec, EngineError* error = nullptr);
    void endCall(SiteId id); // the ports are freed; the site shows its slate
    std::optional<CallStats> callStats(SiteId id) const;
    // The far end asked for a keyframe by signalling (INFO picture_fast_update): its tier
    // encodes one soon (requests are merged: about one a second at most).
    void requestCallKeyframe(SiteId id);
    // Asks the site for a keyframe (RTCP or, by callKeyframeWanted, signalling).
    void askCallKeyframe(SiteId id);

    ClockStats clockStats() const;
    // How much program the clock has made since it started (every tick, rendered or skipped).
    double programSeconds() const;
    std::uint64_t encoderDroppedFrames() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace hntt::engine
