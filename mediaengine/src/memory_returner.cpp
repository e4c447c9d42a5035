#include "memory_returner.h"

#include <malloc.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

namespace hntt::engine {

namespace {
constexpr int kTrimNice = 10; // below the sources, like the recording's track workers
}

MemoryReturner::MemoryReturner()
    : thread_([this] { run(); }) {}

MemoryReturner::~MemoryReturner() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void MemoryReturner::request() {
    {
        std::lock_guard lock(mutex_);
        pending_ = true;
    }
    wake_.notify_one();
}

unsigned MemoryReturner::trims() const {
    std::lock_guard lock(mutex_);
    return trims_;
}

void MemoryReturner::run() {
    pthread_setname_np(pthread_self(), "hntt-trim");
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kTrimNice);
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return pending_ || stopping_; });
        if (stopping_)
            return;
        pending_ = false;
        lock.unlock();
        malloc_trim(0);
        lock.lock();
        ++trims_;
    }
}

} // namespace hntt::engine
