// One thread that writes many return feeds. A feed to a connectionless destination given by its
// address (udp://, rtp://) never waits to open or to write, so it needs no thread of its own: 170
// feeds with a thread each meant 170 threads woken for every packet, crowding out the program
// clock on two cores. A feed that can block (srt://, rtmp://, a host name to look up) keeps its
// own thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hntt::engine {

class PacketSink;

class SinkPump {
public:
    SinkPump();
    ~SinkPump(); // every sink removed first
    SinkPump(const SinkPump&) = delete;
    SinkPump& operator=(const SinkPump&) = delete;

    void add(PacketSink* sink);
    // Returns once the pump no longer touches the sink (its current pass is over).
    void remove(PacketSink* sink);
    // Something was queued for a sink: the next pass starts at once. Cheap when already pending.
    void wake();

    static bool suits(const std::string& url); // udp:// or rtp:// to an IP address

private:
    void run();

    mutable std::mutex listMutex_; // held for a whole pass: remove() waits for it
    std::vector<PacketSink*> sinks_;
    std::mutex wakeMutex_; // never held for long: the program clock wakes the pump
    std::condition_variable wake_;
    std::atomic<bool> pending_{false};
    bool stopping_ = false; // wakeMutex_
    std::thread thread_;    // last: starts once the rest is ready
};

} // namespace hntt::engine
