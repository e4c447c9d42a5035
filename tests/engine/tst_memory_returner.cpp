// The memory returner trims when asked, folds requests made meanwhile, and stops with the engine
// even with a trim asked for.
#include "engine_internal/memory_returner.h"

#include <QTest>
#include <memory>
#include <vector>

using hntt::engine::MemoryReturner;

class TestMemoryReturner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trimsWhenAskedAndFoldsRequests() {
        MemoryReturner returner;
        QTest::qWait(100);
        QCOMPARE(returner.trims(), 0u); // nothing asked, nothing done
        {
            // Freed memory to give back, as a recording's encoders leave it.
            std::vector<std::unique_ptr<char[]>> blocks;
            for (int i = 0; i < 2000; ++i)
                blocks.push_back(std::make_unique<char[]>(64 * 1024));
        }
        returner.request();
        QTRY_COMPARE_WITH_TIMEOUT(returner.trims(), 1u, 5000);
        for (int i = 0; i < 20; ++i)
            returner.request();
        QTRY_VERIFY_WITH_TIMEOUT(returner.trims() >= 2u, 5000);
        QTest::qWait(300);
        QVERIFY2(returner.trims() <= 3u, qPrintable(QString::number(returner.trims())));
    }

    void stopsWithATrimAsked() {
        MemoryReturner returner;
        returner.request(); // the destructor joins whether or not the trim ran
    }
};

QTEST_GUILESS_MAIN(TestMemoryReturner)
#include "tst_memory_returner.moc"
