// Gives back to the system the memory the allocator keeps after large, short-lived work: a
// recording's 170 track encoders and queues leave it in the per-thread arenas, where it stayed
// (the demo grew by ~100 MB a recording, 230 MB of 800 kept after six). Trimming walks every
// arena and takes 0.1-0.3 s, so it runs on a low-priority thread of its own, never on the
// caller's.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

namespace hntt::engine {

class MemoryReturner {
public:
    MemoryReturner();
    ~MemoryReturner();
    MemoryReturner(const MemoryReturner&) = delete;
    MemoryReturner& operator=(const MemoryReturner&) = delete;

    // Trims soon; requests made while a trim runs fold into one more.
    void request();
    // Trims done (for tests).
    unsigned trims() const;

private:
    void run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool pending_ = false;
    bool stopping_ = false;
    unsigned trims_ = 0;
    std::thread thread_; // last: starts once the rest is ready
};

} // namespace hntt::engine
