// Long work (archive export, clip export, hashing) runs here, off the UI thread, with progress and
// cancel. Each job has its own worker thread; its state is kept and announced on the owner's thread.
#pragma once

#include "core/store/database.h"
#include "net/thread_hop.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <any>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace hntt::core {

class JobQueue : public QObject {
    Q_OBJECT

public:
    enum class State { Running, Done, Failed, Cancelled };

    // What the work function sees, on its worker thread.
    class Context {
    public:
        // 0..1; calls are cheap, announcements are throttled to about 10 a second.
        void setProgress(double progress);
        bool cancelled() const { return cancelled_.load(); }

    private:
        friend class JobQueue;
        JobQueue* queue_ = nullptr;
        qint64 id_ = 0;
        std::atomic<bool> cancelled_{false};
        std::atomic<qint64> lastAnnounceMs_{0};
    };

    // Runs on the worker thread: returns what it made (a typed value of its kind: an
    // archive::ArchiveMade, a ClipResult, an archive::ArchiveCheck) or why it failed. A work
    // function that sees cancelled() should clean up what it wrote and return any error.
    using Work = std::function<Result<std::any>(Context&)>;

    struct Job {
        qint64 id = 0;
        QString kind; // "archive", "clip", …
        State state = State::Running;
        double progress = 0;
        std::any result; // set when Done
        QString error;
        template <typename T>
        const T* resultAs() const {
            return std::any_cast<T>(&result);
        }
    };

    explicit JobQueue(QObject* parent = nullptr);
    // Cancels every running job and waits for its worker.
    ~JobQueue() override;

    qint64 submit(const QString& kind, Work work);
    // Asks a running job to stop; false when there is no such running job.
    bool cancel(qint64 id);
    std::optional<Job> job(qint64 id) const;
    // Called once when the job ends (done, failed or cancelled), on the queue's thread, before
    // jobChanged announces the end: what it records (the event log) is there for every listener.
    // At once when it has ended already; never for an unknown id.
    void whenEnded(qint64 id, std::function<void(const Job&)> ended);
    bool busy() const;
    int runningCount() const;

Q_SIGNALS:
    // Progress and the final state of a job, on the queue's thread.
    void jobChanged(const hntt::core::JobQueue::Job& job);

private:
    struct Entry {
        Job job;
        std::unique_ptr<Context> context;
        std::thread worker;
        std::vector<std::function<void(const Job&)>> ended;
    };
    void update(qint64 id, double progress);
    void finish(qint64 id, Result<std::any> result);

    net::ThreadHop hop_; // before the jobs: their workers post here until joined
    std::map<qint64, Entry> jobs_;
    qint64 nextId_ = 1;
};

QString jobStateName(JobQueue::State state);

} // namespace hntt::core

Q_DECLARE_METATYPE(hntt::core::JobQueue::Job)
