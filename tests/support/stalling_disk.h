// A "disk" that can stop taking writes: a FIFO at `path` whose reader can pause, as a disk that
// stops answering would. Its pipe holds one page, so a writer blocks at once when it pauses.
#pragma once

#include <QString>
#include <atomic>
#include <thread>

namespace hntt::test {

class StallingDisk {
public:
    // Makes the FIFO; ok() says whether it could. Reading starts when a writer opens it.
    explicit StallingDisk(const QString& path);
    ~StallingDisk(); // reads on until the writer closes
    StallingDisk(const StallingDisk&) = delete;
    StallingDisk& operator=(const StallingDisk&) = delete;

    bool ok() const { return ok_; }
    void pause() { reading_ = false; }
    void resume() { reading_ = true; }
    long accepted() const { return accepted_; } // bytes taken so far
    // Reads to the writer's end; true once the writer has closed.
    bool waitForEnd();

private:
    QString path_;
    bool ok_ = false;
    std::atomic<bool> reading_{true};
    std::atomic<long> accepted_{0};
    std::atomic<bool> ended_{false};
    std::thread reader_;
};

} // namespace hntt::test
