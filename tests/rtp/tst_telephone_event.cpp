// RFC 4733 events: a key is reported once for its repeated packets and its three end packets,
// a lost end is recovered at the next key, and short or odd payloads change nothing.
#include "hntt/rtp/telephone_event.h"

#include <QtTest>
#include <vector>

using namespace hntt::rtp;

namespace {
std::vector<std::uint8_t> eventPayload(std::uint8_t key, bool end, std::uint16_t duration) {
    return {key, static_cast<std::uint8_t>((end ? 0x80 : 0) | 10), static_cast<std::uint8_t>(duration >> 8),
            static_cast<std::uint8_t>(duration & 0xff)};
}
} // namespace

class TestTelephoneEvent : public QObject {
    Q_OBJECT

private slots:
    void parsesThePayload() {
        const auto e = parseTelephoneEvent(eventPayload(11, true, 1600));
        QVERIFY(e);
        QCOMPARE(e->event, std::uint8_t(11));
        QVERIFY(e->end);
        QCOMPARE(e->volume, std::uint8_t(10));
        QCOMPARE(e->duration, std::uint16_t(1600));
        QVERIFY(!parseTelephoneEvent(std::vector<std::uint8_t>{1, 2, 3}));
        QCOMPARE(dtmfKey(0), '0');
        QCOMPARE(dtmfKey(9), '9');
        QCOMPARE(dtmfKey(10), '*');
        QCOMPARE(dtmfKey(11), '#');
        QCOMPARE(dtmfKey(15), 'D');
        QCOMPARE(dtmfKey(16), char(0)); // flash: not a key
    }

    void aPressIsReportedOnce() {
        TelephoneEventDetector d;
        QString keys;
        // "5": three updates while the key is down, then the end three times; then "#".
        for (std::uint16_t dur : {160, 320, 480})
            if (char k = d.push(1000, eventPayload(5, false, dur)))
                keys += QLatin1Char(k);
        for (int i = 0; i < 3; ++i)
            if (char k = d.push(1000, eventPayload(5, true, 640)))
                keys += QLatin1Char(k);
        for (bool end : {false, true, true, true})
            if (char k = d.push(5000, eventPayload(11, end, 400)))
                keys += QLatin1Char(k);
        QCOMPARE(keys, QStringLiteral("5#"));
    }

    void aLostEndIsRecoveredAtTheNextPress() {
        TelephoneEventDetector d;
        QString keys;
        for (auto& [ts, key, end] : std::vector<std::tuple<std::uint32_t, std::uint8_t, bool>>{
                 {100, 1, false}, {100, 1, false}, {900, 2, false}, {900, 2, true}})
            if (char k = d.push(ts, eventPayload(key, end, 160)))
                keys += QLatin1Char(k);
        QCOMPARE(keys, QStringLiteral("12"));
    }

    void oddPayloadsChangeNothing() {
        TelephoneEventDetector d;
        QCOMPARE(d.push(1, {}), char(0));
        QCOMPARE(d.push(1, std::vector<std::uint8_t>{9}), char(0));
        QCOMPARE(d.push(2, eventPayload(16, true, 160)), char(0)); // flash ends: no key
        QCOMPARE(d.push(3, eventPayload(7, true, 160)), '7');
    }
};

QTEST_GUILESS_MAIN(TestTelephoneEvent)
#include "tst_telephone_event.moc"
