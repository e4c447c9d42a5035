// ActiveSpeakerDetector: hold time, margin, threshold, mute, silence release, no flapping.
#include "engine_internal/speaker_detector.h"

#include <QTest>
#include <vector>

using namespace hntt::engine;

namespace {

constexpr int kRate = 48000;
constexpr int kBlock = 1920; // 40 ms: the default 600 ms hold is 15 blocks
constexpr float kQuiet = -70.f;

// Feeds the same levels for `blocks` updates; returns how many updates reported a change.
int feed(ActiveSpeakerDetector& d, const std::vector<SpeakerLevel>& levels, int blocks) {
    int changes = 0;
    for (int i = 0; i < blocks; ++i)
        changes += d.update(levels) ? 1 : 0;
    return changes;
}

std::vector<SpeakerLevel> levels(float site1, float site2, float site3 = kQuiet) {
    return {{1, site1, false}, {2, site2, false}, {3, site3, false}};
}

// Site 1 established as the speaker.
ActiveSpeakerDetector withSpeakerOne(SpeakerDetectorParams p = {}) {
    ActiveSpeakerDetector d(kRate, kBlock, p);
    feed(d, levels(-20, kQuiet), 20);
    return d;
}

SiteId currentOr(const ActiveSpeakerDetector& d, SiteId none = -1) {
    return d.current().value_or(none);
}

} // namespace

class TestSpeakerDetector : public QObject {
    Q_OBJECT

private slots:
    void silenceMeansNobody() {
        ActiveSpeakerDetector d(kRate, kBlock);
        QCOMPARE(feed(d, levels(kQuiet, -60, -80), 100), 0);
        QVERIFY(!d.current());
        QCOMPARE(feed(d, {}, 10), 0);
        QVERIFY(!d.current());
    }

    void takesOverExactlyAfterHold() {
        ActiveSpeakerDetector d(kRate, kBlock);
        const auto l = levels(-20, kQuiet);
        for (int i = 1; i < 15; ++i) {
            QVERIFY(!d.update(l));
            QVERIFY2(!d.current(), qPrintable(QStringLiteral("block %1").arg(i)));
        }
        QVERIFY(d.update(l)); // 15 x 40 ms = 600 ms
        QVERIFY(d.changed());
        QCOMPARE(currentOr(d), SiteId(1));
        QVERIFY(!d.update(l));
        QVERIFY(!d.changed());
        QCOMPARE(currentOr(d), SiteId(1));
    }

    void sustainedLouderSpeakerTakesOver() {
        auto d = withSpeakerOne();
        const auto l = levels(-30, -10);
        QCOMPARE(feed(d, l, 14), 0);
        QCOMPARE(currentOr(d), SiteId(1));
        QCOMPARE(feed(d, l, 1), 1);
        QCOMPARE(currentOr(d), SiteId(2));
    }

    void shortBurstsDoNotFlap() {
        auto d = withSpeakerOne();
        int changes = 0;
        // Site 2 interjects loudly for 400 ms every 800 ms while site 1 keeps talking, for 16 s.
        for (int cycle = 0; cycle < 20; ++cycle) {
            changes += feed(d, levels(-30, -8), 10);
            changes += feed(d, levels(-30, kQuiet), 10);
        }
        QCOMPARE(changes, 0);
        QCOMPARE(currentOr(d), SiteId(1));

        // A cough from site 3 while site 1 pauses briefly.
        changes += feed(d, levels(kQuiet, kQuiet, -10), 5);
        changes += feed(d, levels(kQuiet, kQuiet), 10);
        QCOMPARE(changes, 0);
        QCOMPARE(currentOr(d), SiteId(1));
    }

    void pausesBetweenWordsDoNotRestartTheHold() {
        auto d = withSpeakerOne();
        // Site 2 speaks in 200 ms phrases with 40 ms gaps: it gets the floor within ~1 s.
        int blocks = 0;
        while (currentOr(d) == 1 && blocks < 100) {
            feed(d, levels(-40, -15), 5);
            feed(d, levels(-40, kQuiet), 1);
            blocks += 6;
        }
        QCOMPARE(currentOr(d), SiteId(2));
        QVERIFY2(blocks <= 30, qPrintable(QString::number(blocks)));
        QVERIFY(blocks >= 18); // but never sooner than the hold: 15 blocks of speech
    }

    void needsTheMargin() {
        auto d = withSpeakerOne();
        QCOMPARE(feed(d, levels(-20, -16), 200), 0); // 4 dB louder: not enough
        QCOMPARE(currentOr(d), SiteId(1));
        QCOMPARE(feed(d, levels(-20, -13.5f), 15), 1); // 6.5 dB louder
        QCOMPARE(currentOr(d), SiteId(2));

        // Two sites equally loud from the start: nobody clearly speaks.
        ActiveSpeakerDetector fresh(kRate, kBlock);
        QCOMPARE(feed(fresh, levels(-20, -22), 100), 0);
        QVERIFY(!fresh.current());
    }

    void needsTheSpeechThreshold() {
        ActiveSpeakerDetector d(kRate, kBlock);
        QCOMPARE(feed(d, levels(-50, -90), 100), 0); // 40 dB above the rest, but only room noise
        QVERIFY(!d.current());
        QCOMPARE(feed(d, levels(-44, -90), 15), 1);
        QCOMPARE(currentOr(d), SiteId(1));
    }

    void mutedSitesAreIgnored() {
        ActiveSpeakerDetector d(kRate, kBlock);
        std::vector<SpeakerLevel> l{{1, -20.f, false}, {2, -5.f, true}};
        // The muted site neither speaks nor masks site 1 by the margin.
        QCOMPARE(feed(d, l, 15), 1);
        QCOMPARE(currentOr(d), SiteId(1));
        l[0].rmsDbfs = kQuiet;
        QCOMPARE(feed(d, l, 50), 0);
        QCOMPARE(currentOr(d), SiteId(1));
    }

    void keepsTheFloorThroughShortSilenceOnly() {
        auto d = withSpeakerOne();
        const auto silence = levels(kQuiet, kQuiet);
        QCOMPARE(feed(d, silence, 50), 0); // 2 s
        QCOMPARE(currentOr(d), SiteId(1));
        QCOMPARE(feed(d, levels(-20, kQuiet), 1), 0); // speaks again: the silence count restarts
        QCOMPARE(feed(d, silence, 74), 0);            // 2.96 s
        QCOMPARE(currentOr(d), SiteId(1));
        QVERIFY(d.update(silence)); // 3 s
        QVERIFY(!d.current());
        QCOMPARE(feed(d, silence, 10), 0);

        // Zero release: the last speaker stays.
        SpeakerDetectorParams p;
        p.silenceRelease = std::chrono::milliseconds(0);
        auto sticky = withSpeakerOne(p);
        QCOMPARE(feed(sticky, {}, 1000), 0); // absent sites count as silent
        QCOMPARE(currentOr(sticky), SiteId(1));
    }

    void customParameters() {
        SpeakerDetectorParams p;
        p.hold = std::chrono::milliseconds(200);
        p.marginDb = 3;
        p.speechThresholdDbfs = -30;
        ActiveSpeakerDetector d(kRate, kBlock, p);
        QCOMPARE(feed(d, levels(-35, kQuiet), 50), 0);
        QCOMPARE(feed(d, levels(-25, -29), 4), 0);
        QCOMPARE(feed(d, levels(-25, -29), 1), 1);
        QCOMPARE(currentOr(d), SiteId(1));

        d.reset();
        QVERIFY(!d.current());
    }

    void rejectsBadConfiguration() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ActiveSpeakerDetector(0, kBlock));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ActiveSpeakerDetector(kRate, 0));
    }
};

QTEST_GUILESS_MAIN(TestSpeakerDetector)
#include "tst_speaker_detector.moc"
