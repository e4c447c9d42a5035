#include "stalling_disk.h"

#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hntt::test {

StallingDisk::StallingDisk(const QString& path)
    : path_(path) {
    ok_ = ::mkfifo(path.toUtf8().constData(), 0600) == 0;
    if (!ok_)
        return;
    reader_ = std::thread([this] {
        const int fd = ::open(path_.toUtf8().constData(), O_RDONLY);
        ::fcntl(fd, F_SETPIPE_SZ, 4096); // a disk has no 64 KiB of slack: writes block at once
        char buf[65536];
        for (;;) {
            if (!reading_) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                continue;
            }
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n <= 0)
                break;
            accepted_ += n;
        }
        ::close(fd);
        ended_ = true;
    });
}

StallingDisk::~StallingDisk() {
    waitForEnd();
}

bool StallingDisk::waitForEnd() {
    reading_ = true;
    if (reader_.joinable())
        reader_.join();
    return ended_;
}

} // namespace hntt::test
