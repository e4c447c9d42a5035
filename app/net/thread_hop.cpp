#include "net/thread_hop.h"

#include <QPointer>
#include <cerrno>
#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>
#include <utility>

namespace hntt::net {

ThreadHop::WakeFd::WakeFd()
    : fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    // Without it no work could ever arrive: a process out of descriptors cannot run at all.
    if (fd < 0)
        qFatal("ThreadHop: eventfd failed (errno %d)", errno);
}

ThreadHop::WakeFd::~WakeFd() {
    ::close(fd);
}

ThreadHop::ThreadHop(QObject* parent)
    : QObject(parent)
    , notifier_(wake_.fd, QSocketNotifier::Read, this) {
    connect(&notifier_, &QSocketNotifier::activated, this, &ThreadHop::drain);
}

ThreadHop::~ThreadHop() = default;

void ThreadHop::post(std::function<void()> work) {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(work));
    if (scheduled_)
        return;
    scheduled_ = true;
    const std::uint64_t one = 1;
    // Cannot fail short of the counter's 2^64 - 1 limit; EINTR is not possible on a nonblocking
    // eventfd write of 8 bytes.
    [[maybe_unused]] const ssize_t n = ::write(wake_.fd, &one, sizeof one);
}

void ThreadHop::drain() {
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t n = ::read(wake_.fd, &count, sizeof count); // resets it
    std::deque<std::function<void()>> batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(pending_);
        scheduled_ = false;
    }
    // A piece of work may end this object's owner, and this object with it: the rest is dropped.
    const QPointer<ThreadHop> alive(this);
    for (auto& work : batch) {
        if (!alive)
            return;
        work();
    }
}

} // namespace hntt::net
