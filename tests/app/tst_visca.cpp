// The VISCA-over-IP driver against a camera simulator on loopback UDP: the exact bytes it sends
// (header, sequence numbers, commands), and clear errors for refusals, silence and garbage.
#include "core/camera/visca_ip.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

using hntt::core::camera::CameraResult;
using hntt::core::camera::ViscaIpCamera;

namespace {

QByteArray hex(const char* h) {
    return QByteArray::fromHex(h);
}

// A camera: answers the sequence reset, ACKs and completes commands, answers the position
// inquiry, or misbehaves as told.
class CameraSimulator : public QObject {
public:
    enum class Mode { Normal, Refuse, Silent, Garbage, AckOnly, BadInquiry };
    Mode mode = Mode::Normal;
    QList<QByteArray> received;

    CameraSimulator() {
        socket_.bind(QHostAddress::LocalHost, 0);
        connect(&socket_, &QUdpSocket::readyRead, this, [this] {
            while (socket_.hasPendingDatagrams())
                answer(socket_.receiveDatagram());
        });
    }
    quint16 port() const { return socket_.localPort(); }

private:
    void answer(const QNetworkDatagram& d) {
        const QByteArray data = d.data();
        received.append(data);
        if (data.size() < 8)
            return;
        const quint32 seq = qFromBigEndian<quint32>(data.constData() + 4);
        const quint16 type = qFromBigEndian<quint16>(data.constData());
        auto send = [&](quint16 t, const QByteArray& payload) {
            socket_.writeDatagram(ViscaIpCamera::datagram(t, seq, payload), d.senderAddress(),
                                  d.senderPort());
        };
        switch (mode) {
        case Mode::Silent:
            return;
        case Mode::Garbage:
            socket_.writeDatagram(QByteArray("\x01\x02\x03", 3), d.senderAddress(), d.senderPort());
            socket_.writeDatagram(ViscaIpCamera::datagram(ViscaIpCamera::Reply, seq + 7, hex("9050ff")),
                                  d.senderAddress(), d.senderPort());
            socket_.writeDatagram(ViscaIpCamera::datagram(ViscaIpCamera::Reply, seq, hex("1234")),
                                  d.senderAddress(), d.senderPort());
            return;
        default:
            break;
        }
        if (type == ViscaIpCamera::ControlCommand) {
            send(ViscaIpCamera::ControlReply, hex("01"));
            return;
        }
        if (type == ViscaIpCamera::Inquiry) {
            if (data.mid(8) == ViscaIpCamera::zoomPositionInquiry())
                send(ViscaIpCamera::Reply,
                     mode == Mode::BadInquiry ? hex("905001ff") : hex("905001000000ff"));
            else
                send(ViscaIpCamera::Reply, hex("90500f0f0f0f00000100ff")); // pan -1, tilt 16
            return;
        }
        if (mode == Mode::Refuse) {
            send(ViscaIpCamera::Reply, hex("906141ff"));
            return;
        }
        send(ViscaIpCamera::Reply, hex("9041ff"));
        if (mode != Mode::AckOnly)
            send(ViscaIpCamera::Reply, hex("9051ff"));
    }

    QUdpSocket socket_;
};

struct Outcome {
    bool done = false;
    CameraResult result;
};

} // namespace

class TestVisca : public QObject {
    Q_OBJECT

    static Outcome run(const std::function<void(ViscaIpCamera::Callback)>& start) {
        Outcome o;
        start([&o](const CameraResult& r) {
            o.result = r;
            o.done = true;
        });
        (void)QTest::qWaitFor([&o] { return o.done; }, 5000); // callers check o.done / o.result
        return o;
    }

private Q_SLOTS:
    void sendsExactBytes() {
        CameraSimulator sim;
        ViscaIpCamera cam(QHostAddress::LocalHost, sim.port());
        QVERIFY(run([&](auto cb) { cam.recallPreset(1, cb); }).result.ok);
        QCOMPARE(sim.received.size(), 2);
        QCOMPARE(sim.received[0].toHex(), QByteArray("02000001000000"
                                                     "0001")); // reset sequence, seq 0
        QCOMPARE(sim.received[1].toHex(), QByteArray("01000007000000"
                                                     "01"
                                                     "8101043f0200ff"));

        QVERIFY(run([&](auto cb) { cam.move(1.0, 1.0, 0.5, cb); }).result.ok);
        QCOMPARE(sim.received[2].toHex(), QByteArray("01000009000000"
                                                     "02"
                                                     "810106011814"
                                                     "0201ff"));
        QCOMPARE(sim.received[3].toHex(), QByteArray("01000006000000"
                                                     "03"
                                                     "8101040724ff"));
        QVERIFY(run([&](auto cb) { cam.move(-0.5, -1.0, -1.0, cb); }).result.ok);
        QCOMPARE(sim.received[4].mid(8).toHex(), QByteArray("81010601"
                                                            "0c14"
                                                            "0102ff"));
        QCOMPARE(sim.received[5].mid(8).toHex(), QByteArray("8101040737ff"));
        QVERIFY(run([&](auto cb) { cam.stop(cb); }).result.ok);
        QCOMPARE(sim.received[6].mid(8).toHex(), QByteArray("81010601"
                                                            "0101"
                                                            "0303ff"));
        QCOMPARE(sim.received[7].mid(8).toHex(), QByteArray("8101040700ff"));
        QVERIFY(run([&](auto cb) { cam.storePreset(3, cb); }).result.ok);
        QCOMPARE(sim.received[8].mid(8).toHex(), QByteArray("8101043f0102ff"));
        QVERIFY(run([&](auto cb) { cam.setZoom(0x1234, cb); }).result.ok);
        QCOMPARE(sim.received[9].toHex(), QByteArray("01000009000000"
                                                     "09"
                                                     "8101044701020304ff"));
    }

    void readsThePosition() {
        CameraSimulator sim;
        ViscaIpCamera cam(QHostAddress::LocalHost, sim.port());
        bool done = false;
        std::optional<hntt::core::camera::PanTiltPosition> pos;
        cam.queryPanTilt([&](auto p, const QString&) {
            pos = p;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QVERIFY(pos);
        QCOMPARE(pos->pan, -1);
        QCOMPARE(pos->tilt, 16);
        QCOMPARE(sim.received.last().toHex(), QByteArray("01100005000000"
                                                         "01"
                                                         "81090612ff"));
    }

    void absoluteZoomExactBytes() {
        CameraSimulator sim;
        ViscaIpCamera cam(QHostAddress::LocalHost, sim.port());
        // CAM_Zoom Direct 8x 01 04 47 0p 0q 0r 0s FF, 0..1 of the zoom travel (0x4000 by default).
        QVERIFY(run([&](auto cb) { cam.zoomTo(0.5, cb); }).result.ok);
        QCOMPARE(sim.received.last().toHex(), QByteArray("01000009000000"
                                                         "01"
                                                         "8101044702000000ff"));
        QVERIFY(run([&](auto cb) { cam.zoomTo(1.0, cb); }).result.ok);
        QCOMPARE(sim.received.last().mid(8).toHex(), QByteArray("8101044704000000ff"));
        QVERIFY(run([&](auto cb) { cam.zoomTo(-3, cb); }).result.ok); // clamped to wide
        QCOMPARE(sim.received.last().mid(8).toHex(), QByteArray("8101044700000000ff"));
        cam.setTravel({0x100, 0x80, 0x7AC0}); // a camera whose zoom goes further
        QVERIFY(run([&](auto cb) { cam.zoomTo(0.5, cb); }).result.ok);
        QCOMPARE(sim.received.last().mid(8).toHex(), QByteArray("81010447030d0600ff")); // 0x3D60
    }

    void positionIsNormalised() {
        CameraSimulator sim;
        ViscaIpCamera cam(QHostAddress::LocalHost, sim.port());
        cam.setTravel({0x10, 0x80, 0x4000});
        const Outcome o = run([&](auto cb) { cam.queryPosition(cb); });
        QVERIFY2(o.done && o.result.ok, qPrintable(o.result.error));
        QVERIFY(o.result.position);
        QCOMPARE(o.result.position->pan, -1.0 / 16);   // pan -1 of ±0x10
        QCOMPARE(o.result.position->tilt, 16.0 / 128); // tilt 16 of ±0x80
        QCOMPARE(o.result.position->zoom, 0.25);       // 0x1000 of 0x4000
        // Pan-tiltPosInq 8x 09 06 12 FF, then ZoomPosInq 8x 09 04 47 FF, as inquiries (0x0110).
        QCOMPARE(sim.received.size(), 3);
        QCOMPARE(sim.received[1].toHex(), QByteArray("01100005000000"
                                                     "01"
                                                     "81090612ff"));
        QCOMPARE(sim.received[2].toHex(), QByteArray("01100005000000"
                                                     "02"
                                                     "81090447ff"));

        sim.mode = CameraSimulator::Mode::BadInquiry;
        const Outcome bad = run([&](auto cb) { cam.queryPosition(cb); });
        QVERIFY(bad.done && !bad.result.ok && !bad.result.position);
        QVERIFY2(bad.result.error.contains(QLatin1String("invalid reply")), qPrintable(bad.result.error));
    }

    void refusalIsAClearError() {
        CameraSimulator sim;
        sim.mode = CameraSimulator::Mode::Refuse;
        ViscaIpCamera cam(QHostAddress::LocalHost, sim.port());
        const Outcome o = run([&](auto cb) { cam.recallPreset(2, cb); });
        QVERIFY(o.done && !o.result.ok);
        QVERIFY2(o.result.error.contains(QLatin1String("not executable")), qPrintable(o.result.error));
        // The next command starts afresh and works once the camera does.
        sim.mode = CameraSimulator::Mode::Normal;
        QVERIFY(run([&](auto cb) { cam.recallPreset(2, cb); }).result.ok);
    }

    void silenceAndGarbageTimeOut_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("silent") << int(CameraSimulator::Mode::Silent);
        QTest::newRow("garbage") << int(CameraSimulator::Mode::Garbage);
        QTest::newRow("ack but never done") << int(CameraSimulator::Mode::AckOnly);
    }
    void silenceAndGarbageTimeOut() {
        QFETCH(int, mode);
        CameraSimulator sim;
        sim.mode = static_cast<CameraSimulator::Mode>(mode);
        ViscaIpCamera cam(QHostAddress::LocalHost, sim.port());
        QElapsedTimer t;
        t.start();
        const Outcome o = run([&](auto cb) { cam.move(0.3, 0, 0, cb); });
        QVERIFY(o.done && !o.result.ok);
        QVERIFY2(o.result.error.contains(QLatin1String("did not answer")), qPrintable(o.result.error));
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed()))); // a clear message within ~2 s
        QVERIFY(!sim.received.isEmpty());

        sim.mode = CameraSimulator::Mode::Normal;
        QVERIFY(run([&](auto cb) { cam.stop(cb); }).result.ok);
        // It reset the sequence again after the failure.
        QCOMPARE(sim.received[sim.received.size() - 3].left(2).toHex(), QByteArray("0200"));
    }
};

QTEST_GUILESS_MAIN(TestVisca)
#include "tst_visca.moc"
