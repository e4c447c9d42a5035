#include "core/jobs/job_queue.h"

#include <QDateTime>
#include <algorithm>
#include <utility>

namespace hntt::core {

QString jobStateName(JobQueue::State state) {
    switch (state) {
    case JobQueue::State::Running:
        return QStringLiteral("running");
    case JobQueue::State::Done:
        return QStringLiteral("done");
    case JobQueue::State::Failed:
        return QStringLiteral("failed");
    case JobQueue::State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

void JobQueue::Context::setProgress(double progress) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - lastAnnounceMs_.load() < 100)
        return;
    lastAnnounceMs_ = now;
    // The queue outlives every worker (its destructor joins them), so the pointer is valid here;
    // work still pending when the queue goes is dropped with it.
    JobQueue* queue = queue_;
    const qint64 id = id_;
    const double p = std::clamp(progress, 0.0, 1.0);
    queue->hop_.post([queue, id, p] { queue->update(id, p); });
}

JobQueue::JobQueue(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<Job>(); // for listeners that keep or queue what they are told
}

JobQueue::~JobQueue() {
    for (auto& [id, entry] : jobs_)
        entry.context->cancelled_ = true;
    for (auto& [id, entry] : jobs_)
        if (entry.worker.joinable())
            entry.worker.join();
}

qint64 JobQueue::submit(const QString& kind, Work work) {
    const qint64 id = nextId_++;
    Entry& entry = jobs_[id];
    entry.job.id = id;
    entry.job.kind = kind;
    entry.context = std::make_unique<Context>();
    entry.context->queue_ = this;
    entry.context->id_ = id;
    Context* context = entry.context.get();
    entry.worker = std::thread([this, id, context, work = std::move(work)] {
        Result<std::any> result = work(*context);
        // std::function needs a copyable callable: the result travels in a shared box.
        auto box = std::make_shared<Result<std::any>>(std::move(result));
        hop_.post([this, id, box] { finish(id, std::move(*box)); });
    });
    Q_EMIT jobChanged(entry.job);
    return id;
}

bool JobQueue::cancel(qint64 id) {
    const auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.job.state != State::Running)
        return false;
    it->second.context->cancelled_ = true;
    return true;
}

std::optional<JobQueue::Job> JobQueue::job(qint64 id) const {
    const auto it = jobs_.find(id);
    if (it == jobs_.end())
        return std::nullopt;
    return it->second.job;
}

void JobQueue::whenEnded(qint64 id, std::function<void(const Job&)> ended) {
    const auto it = jobs_.find(id);
    if (it == jobs_.end())
        return;
    if (it->second.job.state != State::Running)
        ended(it->second.job);
    else
        it->second.ended.push_back(std::move(ended));
}

bool JobQueue::busy() const {
    return runningCount() > 0;
}

int JobQueue::runningCount() const {
    int n = 0;
    for (const auto& [id, entry] : jobs_)
        if (entry.job.state == State::Running)
            ++n;
    return n;
}

void JobQueue::update(qint64 id, double progress) {
    const auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.job.state != State::Running)
        return;
    it->second.job.progress = progress;
    Q_EMIT jobChanged(it->second.job);
}

void JobQueue::finish(qint64 id, Result<std::any> result) {
    const auto it = jobs_.find(id);
    if (it == jobs_.end())
        return;
    Entry& entry = it->second;
    if (entry.worker.joinable())
        entry.worker.join(); // it has returned from work; this only reaps the thread
    if (entry.context->cancelled() && !result) {
        entry.job.state = State::Cancelled;
        entry.job.error = result.error().message;
    } else if (result) {
        entry.job.state = State::Done;
        entry.job.progress = 1;
        entry.job.result = *result;
    } else {
        entry.job.state = State::Failed;
        entry.job.error = result.error().message;
    }
    // Taken out first: a callback may submit or end other jobs.
    const auto ended = std::exchange(entry.ended, {});
    const Job job = entry.job;
    for (const auto& call : ended)
        call(job);
    Q_EMIT jobChanged(job);
}

} // namespace hntt::core
