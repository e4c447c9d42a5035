// The job queue runs work off the calling thread and reports progress, results, failures and
// cancellation back on it.
#include "core/jobs/job_queue.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>
#include <thread>

using hntt::core::Error;
using hntt::core::JobQueue;
using hntt::core::Result;

class TestJobQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsOffTheCallingThreadAndReportsTheResult() {
        JobQueue queue;
        QSignalSpy changed(&queue, &JobQueue::jobChanged);
        std::atomic<Qt::HANDLE> workerThread = nullptr;
        const qint64 id =
            queue.submit(QStringLiteral("test"), [&](JobQueue::Context& ctx) -> Result<std::any> {
                workerThread = QThread::currentThreadId();
                for (int i = 1; i <= 5; ++i) {
                    ctx.setProgress(i / 5.0);
                    std::this_thread::sleep_for(std::chrono::milliseconds(120));
                }
                return std::any(QStringLiteral("/tmp/x"));
            });
        QCOMPARE(queue.job(id)->state, JobQueue::State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(id)->state, JobQueue::State::Done, 5000);
        QVERIFY(workerThread.load() != QThread::currentThreadId());
        const JobQueue::Job done = *queue.job(id);
        QCOMPARE(done.progress, 1.0);
        QVERIFY(done.resultAs<QString>());
        QCOMPARE(*done.resultAs<QString>(), QStringLiteral("/tmp/x"));
        // Submitted, some progress in between, and done.
        QVERIFY2(changed.count() >= 3, qPrintable(QString::number(changed.count())));
        bool sawPartial = false;
        for (const auto& args : changed) {
            const double p = args.at(0).value<JobQueue::Job>().progress;
            sawPartial = sawPartial || (p > 0 && p < 1);
        }
        QVERIFY(sawPartial);
        QVERIFY(!queue.busy());
    }

    void failureKeepsTheReason() {
        JobQueue queue;
        const qint64 id = queue.submit(QStringLiteral("test"), [](JobQueue::Context&) -> Result<std::any> {
            return Error{Error::Code::Storage, QStringLiteral("disk full")};
        });
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(id)->state, JobQueue::State::Failed, 5000);
        QCOMPARE(queue.job(id)->error, QStringLiteral("disk full"));
        QVERIFY(!queue.job(id)->result.has_value());
    }

    void cancelStopsTheWork() {
        JobQueue queue;
        const qint64 id =
            queue.submit(QStringLiteral("test"), [](JobQueue::Context& ctx) -> Result<std::any> {
                while (!ctx.cancelled())
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                return Error{Error::Code::Conflict, QStringLiteral("cancelled")};
            });
        QVERIFY(queue.busy());
        QVERIFY(queue.cancel(id));
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(id)->state, JobQueue::State::Cancelled, 5000);
        QVERIFY(!queue.cancel(id));
        QVERIFY(!queue.cancel(9999));
        QVERIFY(!queue.job(9999));
    }

    // whenEnded runs once, with the final state, before jobChanged announces the end; registered
    // after the end, at once; for an unknown job, never.
    void whenEndedRunsOnceBeforeTheEndIsAnnounced() {
        JobQueue queue;
        QStringList seen;
        connect(&queue, &JobQueue::jobChanged, this, [&seen](const JobQueue::Job& job) {
            if (job.state != JobQueue::State::Running)
                seen << QStringLiteral("announced");
        });
        const qint64 id = queue.submit(QStringLiteral("test"),
                                       [](JobQueue::Context&) -> Result<std::any> { return std::any(7); });
        queue.whenEnded(id, [&seen](const JobQueue::Job& job) {
            seen << QStringLiteral("ended %1").arg(*job.resultAs<int>());
        });
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(id)->state, JobQueue::State::Done, 5000);
        QCOMPARE(seen, (QStringList{QStringLiteral("ended 7"), QStringLiteral("announced")}));
        queue.whenEnded(id, [&seen](const JobQueue::Job& job) { seen << jobStateName(job.state); });
        QCOMPARE(seen.last(), QStringLiteral("done"));
        queue.whenEnded(9999, [&seen](const JobQueue::Job&) { seen << QStringLiteral("unknown"); });
        QCOMPARE(seen.size(), 3);
    }

    void destroyingTheQueueCancelsAndJoins() {
        std::atomic<bool> sawCancel = false;
        {
            JobQueue queue;
            queue.submit(QStringLiteral("test"), [&](JobQueue::Context& ctx) -> Result<std::any> {
                while (!ctx.cancelled())
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                sawCancel = true;
                return std::any{};
            });
        }
        QVERIFY(sawCancel.load());
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_job_queue.moc"
