// One destination of the program's encode: the recording, a network stream, or a site's return
// feed (program video with that site's mix-minus audio, encoded by MixMinusEncoders). Each sink
// muxes on its own thread behind a bounded queue, so a slow or dead destination never stalls the
// encoders.
#pragma once

#include "av_ptr.h"
#include "bounded_queue.h"
#include "encoded_packet.h"
#include "hntt/engine/outputs.h"
#include "hntt/engine/types.h"
#include "isolated_encoders.h"

#include <atomic>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hntt::engine {

class SinkPump;

enum class SinkKind { Recording, Stream, ReturnFeed };

// A recording's extra audio track: one site's own signal after its gain/mute.
struct IsolatedTrack {
    SiteId site = 0;
    std::string name; // the track's title
};

struct SinkSettings {
    SinkKind kind = SinkKind::Stream;
    std::string url; // a file path (recording) or srt://, udp://, rtp://, rtmp://
    SiteId site = 0; // a return feed's site
    // Recording: the engine made the file for it, empty and exclusively (createRecordingFile);
    // the sink writes into it without truncating and removes it if it never wrote a header.
    bool createdFile = false;
    int sampleRate = 48000;
    std::uint64_t minFreeBytes = 512ull << 20; // recording stops cleanly below this
    std::size_t queueCapacity = 250;
    // Recording only: one AAC mono track per entry after the program's, encoded on workers of
    // their own (isolated_encoders.h) at half the program's sample rate.
    std::vector<IsolatedTrack> isolatedTracks;
    int isolatedBitrateKbps = 32;
    double isolatedMaxLagSeconds = 3.0; // see EngineConfig::isolatedTrackMaxLagSeconds
    double blockSeconds = 0.04;         // the clock's audio block
};

// Picks the container for a URL: matroska for files (mp4/ts by extension), mpegts for
// udp/srt/rtp, flv for rtmp. Empty with `error` set for what the engine cannot send to.
std::string containerForUrl(const std::string& url, std::string* error);

// Makes a recording's file (and its folder), empty, failing when anything is at `path` already:
// a recording never truncates a file, even one made a moment ago under the same name. Something
// at `path` that is not a regular file (a FIFO, a device) is written to as it is: *created false.
// False with `error` and *exists (a regular file, or a link, is there) when it cannot.
bool createRecordingFile(const std::string& path, bool* created, bool* exists, std::string* error);

class PacketSink {
public:
    using StateCallback = std::function<void(OutputState, const std::string& error)>;

    // video/audio: the encoders' contexts (codec parameters for the streams): the program's, or
    // for a return feed the mix-minus encoders' (its sound comes with pushMixMinus()).
    PacketSink(SinkSettings settings, const AVCodecContext* video, const AVCodecContext* audio,
               StateCallback onState);
    ~PacketSink(); // stops and finalises
    PacketSink(const PacketSink&) = delete;
    PacketSink& operator=(const PacketSink&) = delete;

    // With a pump, a sink to a connectionless destination (SinkPump::suits) is written by the
    // pump's thread rather than a thread of its own. A recording always has its own.
    void start(SinkPump* pump = nullptr);
    // Finishes the file or stream (trailer written) and joins the thread. The end is the end of
    // the last picture pushed: later pictures are refused, and the sound is written up to that
    // end (waiting up to a second for the encoder, which runs a frame or two behind), so the
    // picture and sound of a finished recording end together, within one audio frame.
    void stop();

    void pushPacket(const EncodedPacketPtr& packet); // never blocks; a feed ignores program sound
    // Return feeds only; never blocks. A packet of the feed's mix-minus, on the program timeline.
    void pushMixMinus(const EncodedPacketPtr& packet);
    // Recording only; never blocks. One block per isolated track, in settings().isolatedTracks
    // order; pts: the time of the blocks' first sample on the program timeline, in samples.
    void pushIsolatedAudio(std::int64_t pts, std::vector<std::vector<float>> tracks);
    bool hasIsolatedTracks() const { return isolatedEncoders_ != nullptr; }

    OutputStats stats() const;
    const SinkSettings& settings() const { return settings_; }

    // The pump's thread: opens when due and writes what is queued, never waiting.
    void pumpStep(std::chrono::steady_clock::time_point now);

private:
    struct Item {
        EncodedPacketPtr packet;
        bool mixMinus = false; // a return feed's own sound, not the program's
    };
    void run();
    bool open(std::string& error);
    void removeUnwrittenFile(); // a file made for the recording that got no header
    void close(bool writeTrailer);
    bool write(Item& item, std::string& error);
    void isolatedArrived(IsolatedPacket packet); // from the track workers
    double isolatedPacketsPerSecond() const;     // of all tracks together
    // Writes the isolated-track packets that arrived (held until the first keyframe).
    bool writeArrivedIsolated(std::string& error);
    bool writeIsolated(IsolatedPacket& packet, std::string& error);
    void waitForThread();
    bool writePacket(AVPacket* pkt, int streamIndex, AVRational from, std::string& error);
    bool checkDiskSpace(std::string& error);
    double cutoff() const;         // program seconds; < 0 while not stopping
    void soundReached(double end); // program seconds up to which this sink's sound has come
    void setState(OutputState s, const std::string& error);
    static int interruptCallback(void* opaque);

    SinkSettings settings_;
    av::CodecContextPtr videoParams_; // copies of the encoder parameters, owned by the sink
    av::CodecContextPtr audioParams_;
    int firstIsolatedStream_ = 0;
    mutable std::mutex isolatedMutex_;
    std::deque<IsolatedPacket> isolatedArrived_; // from the workers, for the mux thread
    std::uint64_t isolatedOverflow_ = 0;         // dropped because the mux thread was stuck (a gap)
    std::deque<IsolatedPacket> isolatedHeld_;    // mux thread: arrived before the first keyframe
    std::vector<std::int64_t> isolatedLastDts_;  // mux thread: per track, to keep each monotonic
    StateCallback onState_;
    BoundedQueue<Item> queue_;
    av::OutputContextPtr out_;
    bool headerWritten_ = false;
    bool waitingForKeyframe_ = true;
    double startSeconds_ = -1; // program time of the sink's first keyframe

    // The end: stop() sets the cut-off at the end of the last picture pushed.
    mutable std::mutex tailMutex_;
    double lastVideoEnd_ = -1; // program seconds
    double firstVideoPushed_ = -1;
    double cutoff_ = -1;
    double soundEnd_ = -1; // program seconds: the end of the sound handled so far
    std::atomic<bool> videoWritten_{false};

    std::atomic<bool> stopping_{false};
    std::atomic<bool> finished_{false};
    bool started_ = false;
    std::thread thread_;
    SinkPump* pump_ = nullptr; // set by start() when a pump writes this sink, then constant
    bool leftPump_ = false;    // stop()'s: the pump no longer looks at this sink
    // The pump's thread: announced Starting, and when a failed destination is tried again.
    bool announced_ = false;
    std::chrono::steady_clock::time_point retryAt_{};
    std::chrono::milliseconds backoff_{500};
    mutable std::mutex statsMutex_;
    OutputStats stats_;
    std::int64_t bytesThisSecond_ = 0;
    std::chrono::steady_clock::time_point secondStart_;
    std::chrono::steady_clock::time_point lastDiskCheck_;
    double writtenFrom_ = -1; // statsMutex_: program seconds of the first picture written
    double videoSeconds_ = 0; // statsMutex_: the picture's media time written (stream 0)
    // Last: its workers call isolatedArrived() until it is gone.
    std::unique_ptr<IsolatedEncoders> isolatedEncoders_;
};

} // namespace hntt::engine
