// Hands work from any thread to the thread this object lives in, in the order it was posted.
// The work travels through a queue of our own under a std::mutex, and the waking is an eventfd
// watched by a QSocketNotifier: posting never touches Qt's post-event list, whose futex lock (in
// an uninstrumented Qt) the thread sanitizer cannot see, so every hand-over is one it can check.
// A burst from many threads (170 sites' states, levels) costs one wake-up, not one each.
#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <deque>
#include <functional>
#include <mutex>

namespace hntt::net {

class ThreadHop : public QObject {
    Q_OBJECT

public:
    explicit ThreadHop(QObject* parent = nullptr);
    ~ThreadHop() override;
    ThreadHop(const ThreadHop&) = delete;
    ThreadHop& operator=(const ThreadHop&) = delete;

    // Any thread. Runs `work` on this object's thread, later (never inside the call); work still
    // pending when this object is destroyed is dropped.
    void post(std::function<void()> work);

private:
    struct WakeFd {
        WakeFd();
        ~WakeFd();
        WakeFd(const WakeFd&) = delete;
        WakeFd& operator=(const WakeFd&) = delete;
        int fd;
    };

    void drain();

    WakeFd wake_;              // before the notifier, which watches it
    QSocketNotifier notifier_; // on this object's thread
    std::mutex mutex_;
    std::deque<std::function<void()>> pending_;
    bool scheduled_ = false; // the eventfd was written and the batch not yet taken
};

} // namespace hntt::net
