// The program clock's judgement, fed its counters once a second as the session and the status bar
// feed it: quiet while on time, strained by late or a few skipped ticks, behind past 2 % skipped;
// the alarm raised within five seconds of falling behind, once, and cleared after ten clean seconds.
#include "core/session/clock_watchdog.h"

#include <QTest>

using hntt::core::ClockWatchdog;

class TestClockWatchdog : public QObject {
    Q_OBJECT

    using Change = ClockWatchdog::Change;
    using Health = ClockWatchdog::Health;

    hntt::engine::ClockStats clock_;
    ClockWatchdog::Change second(ClockWatchdog& w, std::uint64_t ticks, std::uint64_t late,
                                 std::uint64_t skipped) {
        clock_.ticks += ticks;
        clock_.lateTicks += late;
        clock_.skippedTicks += skipped;
        return w.feed(clock_);
    }

private Q_SLOTS:
    void init() { clock_ = {}; }

    void onTimeIsQuiet() {
        ClockWatchdog w;
        for (int s = 0; s < 30; ++s)
            QCOMPARE(second(w, 25, 0, 0), Change::None);
        QCOMPARE(w.health(), Health::OnTime);
        QVERIFY(!w.alarmed());
    }

    void aFewSkipsStrainButRaiseNothing() {
        ClockWatchdog w;
        for (int s = 0; s < 11; ++s)
            second(w, 25, 0, 0);
        QCOMPARE(second(w, 24, 1, 1), Change::None); // one skipped tick of ~250
        QCOMPARE(w.health(), Health::Strained);
        for (int s = 0; s < 10; ++s)
            QCOMPARE(second(w, 25, 1, 0), Change::None); // late now and then: 4 % of ticks
        QCOMPARE(w.health(), Health::Strained);
        QVERIFY(!w.alarmed());
    }

    void behindRaisesWithinFiveSecondsOnceAndClears() {
        ClockWatchdog w;
        for (int s = 0; s < 11; ++s)
            second(w, 25, 0, 0);
        // From here a tick in five is skipped (20 %): the alarm within five seconds.
        int raisedAfter = 0;
        for (int s = 1; s <= 5 && raisedAfter == 0; ++s)
            if (second(w, 20, 10, 5) == Change::Raised)
                raisedAfter = s;
        QVERIFY2(raisedAfter > 0 && raisedAfter <= 5, qPrintable(QString::number(raisedAfter)));
        QCOMPARE(w.health(), Health::Behind);
        QVERIFY(w.alarmed());
        QVERIFY2(w.problem().contains(QStringLiteral("skipped")), qPrintable(w.problem()));
        // Still behind: not raised again.
        for (int s = 0; s < 20; ++s)
            QCOMPARE(second(w, 20, 10, 5), Change::None);
        // On time again: cleared after ten seconds without a skipped tick, not before.
        for (int s = 1; s < 10; ++s)
            QCOMPARE(second(w, 25, 0, 0), Change::None);
        QCOMPARE(second(w, 25, 0, 0), Change::Cleared);
        QCOMPARE(w.health(), Health::OnTime);
        QVERIFY(!w.alarmed());
        // And it can be raised again.
        bool again = false;
        for (int s = 0; s < 5 && !again; ++s)
            again = second(w, 20, 0, 5) == Change::Raised;
        QVERIFY(again);
    }

    void aBurstAtStartIsJudgedOnItsOwnSeconds() {
        // The first seconds after start: a clock that skipped at once is behind, as soon as five
        // seconds show it; fewer seconds say nothing yet.
        ClockWatchdog w;
        for (int s = 0; s < 5; ++s)
            QCOMPARE(second(w, 10, 0, 15), Change::None);
        QCOMPARE(second(w, 10, 0, 15), Change::Raised);
    }
};

QTEST_MAIN(TestClockWatchdog)
#include "tst_clock_watchdog.moc"
