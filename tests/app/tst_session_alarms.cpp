// Live parts that fail slowly raise their alarm within seconds: a site that keeps losing its signal
// (a real SRT sender dropping again and again) and a recordings' disk that fills (real free space
// against a recording's reserve), each in the alarms, the event log and as an alarm event.
#include "core/session/reconnect_watch.h"
#include "core/session/session.h"
#include "session_fixture.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace hntt;
using core::ReconnectWatch;
using core::Session;

namespace {

std::optional<core::AlarmView> alarmOf(const Session& s, const QString& kind) {
    for (const core::AlarmView& a : s.alarms())
        if (a.kind == kind)
            return a;
    return std::nullopt;
}

int logged(Session& s, const QString& action) {
    auto events = s.eventLog().query();
    if (!events)
        return -1;
    int n = 0;
    for (const core::EventRecord& e : events.value())
        n += e.action == action ? 1 : 0;
    return n;
}

// Alarm events as an API client receives them.
struct AlarmEvents {
    QList<core::AlarmView> raised;
    explicit AlarmEvents(Session& s) {
        QObject::connect(&s, &Session::changed, &s, [this](const core::SessionEvent& e) {
            if (const auto* a = e.as<core::events::AlarmRaised>())
                raised.append(a->alarm);
        });
    }
    int count(const QString& kind) const {
        return static_cast<int>(std::count_if(raised.begin(), raised.end(),
                                              [&](const core::AlarmView& a) { return a.kind == kind; }));
    }
};

} // namespace

class TestSessionAlarms : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reconnectWatchTellsARunOfLossesFromOne() {
        ReconnectWatch w;
        const qint64 s = 7;
        QVERIFY(!w.lost(s, 0));
        QVERIFY(!w.lost(s, 40'000));
        QVERIFY(!w.unstable(s, 40'000));
        QVERIFY(w.lost(s, 80'000)); // the third within two minutes
        QVERIFY(w.unstable(s, 80'000));
        QCOMPARE(w.recentLosses(s, 80'000), 3);
        QVERIFY(!w.lost(s, 90'000)); // the same episode: raised once
        QVERIFY(w.unstable(s, 200'000));
        QVERIFY(!w.unstable(s, 211'000)); // two minutes quiet
        // Losses spread wider than the window never make an episode.
        QVERIFY(!w.lost(s, 400'000));
        QVERIFY(!w.lost(s, 470'000));
        QVERIFY(!w.lost(s, 540'000));
        QCOMPARE(w.recentLosses(s, 540'000), 2);
        // A later run is news again; another site is counted apart.
        QVERIFY(w.lost(s, 560'000));
        QVERIFY(!w.lost(8, 560'000));
        w.forget(s);
        QCOMPARE(w.recentLosses(s, 560'000), 0);
    }

    // An SRT sender that comes and goes: each loss is "signal lost"; the third in two minutes is
    // also "keeps reconnecting", raised once, logged, and sent as an alarm event.
    void aSiteThatKeepsDroppingRaisesItsOwnAlarm() {
        QTemporaryDir tmp;
        Session s(test::smallSession(tmp.path()));
        QVERIFY(s.open());
        AlarmEvents events(s);
        const quint16 port = test::freeUdpPort();
        const qint64 site = test::addSite(s, QStringLiteral("Xã Ngư Thủy Bắc"), core::SiteLevel::Province,
                                          QStringLiteral("srt://127.0.0.1:%1?mode=listener").arg(port));
        QVERIFY(site);
        auto state = [&] { return s.site(site)->state; };
        for (int drop = 1; drop <= 3; ++drop) {
            test::FfmpegProcess sender(
                test::solidColorSenderArgs(QStringLiteral("green"), 440, 320, 180) +
                QStringList{"-f", "mpegts", QStringLiteral("srt://127.0.0.1:%1").arg(port)});
            QVERIFY(sender.waitStarted());
            QTRY_VERIFY_WITH_TIMEOUT(state() == engine::SourceState::Connected, 15000);
            QCOMPARE(events.count(QStringLiteral("site.unstable")), 0);
            QTest::qWait(800);
            sender.kill();
            QElapsedTimer sinceDrop;
            sinceDrop.start();
            QTRY_VERIFY_WITH_TIMEOUT(state() == engine::SourceState::Lost, 10000);
            if (drop < 3) {
                QVERIFY(!alarmOf(s, QStringLiteral("site.unstable")));
                continue;
            }
            // The third loss: the alarm within five seconds of the sender going.
            QTRY_VERIFY_WITH_TIMEOUT(alarmOf(s, QStringLiteral("site.unstable")), 5000);
            QVERIFY2(sinceDrop.elapsed() < 5000, qPrintable(QString::number(sinceDrop.elapsed())));
        }
        const core::AlarmView alarm = *alarmOf(s, QStringLiteral("site.unstable"));
        QCOMPARE(alarm.subject.siteId, std::optional<qint64>(site));
        QVERIFY2(alarm.message.contains(QStringLiteral("Xã Ngư Thủy Bắc")) &&
                     alarm.message.contains(QLatin1Char('3')),
                 qPrintable(alarm.message));
        QCOMPARE(events.count(QStringLiteral("site.unstable")), 1);
        QCOMPARE(logged(s, QStringLiteral("site.unstable")), 1);
        QVERIFY(alarmOf(s, QStringLiteral("site.lost"))); // the plain loss is there too
        QVERIFY(logged(s, QStringLiteral("site.lost")) >= 3);

        // A fourth drop within the episode raises nothing new.
        {
            test::FfmpegProcess sender(
                test::solidColorSenderArgs(QStringLiteral("green"), 440, 320, 180) +
                QStringList{"-f", "mpegts", QStringLiteral("srt://127.0.0.1:%1").arg(port)});
            QVERIFY(sender.waitStarted());
            QTRY_VERIFY_WITH_TIMEOUT(state() == engine::SourceState::Connected, 15000);
            sender.kill();
            QTRY_VERIFY_WITH_TIMEOUT(state() == engine::SourceState::Lost, 10000);
        }
        QCOMPARE(events.count(QStringLiteral("site.unstable")), 1);
        QCOMPARE(logged(s, QStringLiteral("site.unstable")), 1);
    }

    // The recordings' disk, with a reserve set so that about 17 minutes of recording are left: the
    // "filling" alarm within five seconds of opening, with no recording running; a file written to
    // the disk that leaves about a minute: "almost full". The free space is the disk's own.
    void aFillingDiskRaisesAnAlarmBeforeAnyRecordingStops() {
        QTemporaryDir tmp;
        double rate = 0;
        qint64 free = 0;
        {
            Session probe(test::smallSession(tmp.path() + QStringLiteral("/probe")));
            QVERIFY(probe.open());
            const Session::RecordingSpace space = probe.recordingSpace();
            rate = space.bytesPerSecond;
            free = space.freeBytes;
            QVERIFY2(rate > 0 && free > 0, qPrintable(QStringLiteral("%1 %2").arg(rate).arg(free)));
        }
        const qint64 filler = static_cast<qint64>(16 * 60 * rate);
        if (free < filler + (qint64(1) << 30))
            QSKIP("Less than 1 GiB beyond the test's own file is free on this disk.");

        core::SessionOptions o = test::smallSession(tmp.path() + QStringLiteral("/console"));
        o.recordingReserveBytes = free - static_cast<qint64>(17 * 60 * rate);
        Session s(o);
        AlarmEvents events(s);
        QVERIFY(s.open());
        QCOMPARE(s.recordingSpace().level(), Session::RecordingSpace::Level::Warning);
        QTRY_VERIFY_WITH_TIMEOUT(alarmOf(s, QStringLiteral("disk.low")), 5000);
        QVERIFY2(alarmOf(s, QStringLiteral("disk.low"))->message.contains(QStringLiteral("filling")),
                 qPrintable(alarmOf(s, QStringLiteral("disk.low"))->message));
        QCOMPARE(logged(s, QStringLiteral("disk.low")), 1);

        // Something else fills the disk.
        QFile big(tmp.path() + QStringLiteral("/filler.bin"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        const QByteArray block(1 << 20, '\x5a');
        for (qint64 written = 0; written < filler; written += block.size())
            QVERIFY(big.write(block) == block.size());
        QVERIFY(big.flush());
        big.close();
        QTRY_VERIFY_WITH_TIMEOUT(
            alarmOf(s, QStringLiteral("disk.low"))->message.contains(QStringLiteral("almost full")), 5000);
        QCOMPARE(s.recordingSpace().level(), Session::RecordingSpace::Level::Critical);
        QCOMPARE(events.count(QStringLiteral("disk.low")), 2);
        QCOMPARE(s.alarms().size(), 1); // one alarm for the disk, updated, not two
        QCOMPARE(logged(s, QStringLiteral("disk.low")), 2);

        // Room again: logged once.
        QVERIFY(QFile::remove(big.fileName()));
        QTRY_VERIFY_WITH_TIMEOUT(s.recordingSpace().level() == Session::RecordingSpace::Level::Warning, 5000);
        QTest::qWait(1500);
        QCOMPARE(logged(s, QStringLiteral("disk.low")), 3); // back to "filling"
    }
};

QTEST_MAIN(TestSessionAlarms)
#include "tst_session_alarms.moc"
