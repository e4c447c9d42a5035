#include "baresip_peer.h"

#include "test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hntt::test {

namespace {
// Whether `port` on loopback can be bound now with that socket type.
bool canBind(int type, quint16 port) {
    const int fd = ::socket(AF_INET, type, 0);
    if (fd < 0)
        return false;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// baresip listens on its SIP port over UDP and TCP and on the next port over TLS, and takes
// commands on the one after: all must be free. Taken below the kernel's ephemeral range (32768
// and up), where an outgoing connection of another program could take one between the choice
// and baresip's start.
quint16 nextSipPort() {
    static quint16 next = static_cast<quint16>(24000 + (::getpid() % 200) * 20);
    for (int tries = 0; tries < 400; ++tries) {
        const quint16 port = next;
        next = static_cast<quint16>(next + 4 > 29990 ? 24000 : next + 4);
        if (canBind(SOCK_DGRAM, port) && canBind(SOCK_STREAM, port) && canBind(SOCK_STREAM, port + 1) &&
            canBind(SOCK_STREAM, port + 2))
            return port;
    }
    return freeUdpPort();
}

quint16 nextRtpBase() {
    // Ranges of their own, away from the console's (20000-20999) and from each other.
    static quint16 base = 31000;
    base = static_cast<quint16>(base + 100);
    if (base > 39000)
        base = 31000;
    return base;
}
} // namespace

BaresipPeer::BaresipPeer(const QString& user, int toneHz)
    : user_(user)
    , sipPort_(nextSipPort())
    , ctrlPort_(static_cast<quint16>(sipPort_ + 2)) {
    const quint16 rtp = nextRtpBase();
    QDir(dir_.path()).mkpath(QStringLiteral("snd"));
    QFile config(dir_.filePath(QStringLiteral("config")));
    if (config.open(QIODevice::WriteOnly)) {
        const QString text = QStringLiteral("poll_method epoll\n"
                                            "sip_listen 127.0.0.1:%1\n"
                                            "net_interface 127.0.0.1\n"
                                            "audio_player nil,nil\n"
                                            "audio_source ausine,%2\n"
                                            "audio_alert nil,nil\n"
                                            "ausrc_srate 48000\n"
                                            "ausrc_channels 2\n"
                                            "video_source fakevideo,nil\n"
                                            "video_display fakevideo,nil\n"
                                            "video_size 640x360\n"
                                            "video_fps 25\n"
                                            "video_bitrate 800000\n"
                                            "rtp_ports %3-%4\n"
                                            "module_path /usr/lib/baresip/modules\n"
                                            "module stdio.so\n"
                                            "module g711.so\n"
                                            "module g722.so\n"
                                            "module avcodec.so\n"
                                            "module ausine.so\n"
                                            "module fakevideo.so\n"
                                            "module sndfile.so\n"
                                            "module snapshot.so\n"
                                            "module_app account.so\n"
                                            "module_app menu.so\n"
                                            "module_app ctrl_tcp.so\n"
                                            "ctrl_tcp_listen 127.0.0.1:%5\n"
                                            "snd_path %6\n")
                                 .arg(sipPort_)
                                 .arg(toneHz)
                                 .arg(rtp)
                                 .arg(rtp + 99)
                                 .arg(ctrlPort_)
                                 .arg(dir_.filePath(QStringLiteral("snd")));
        config.write(text.toUtf8());
    }
    QFile accounts(dir_.filePath(QStringLiteral("accounts")));
    if (accounts.open(QIODevice::WriteOnly))
        accounts.write(QStringLiteral("<sip:%1@127.0.0.1>;regint=0;answermode=auto\n").arg(user).toUtf8());
}

BaresipPeer::~BaresipPeer() {
    kill();
}

bool BaresipPeer::start(QString* log) {
    ChildProcess::Options o;
    o.out = ChildProcess::Output::Capture;
    o.mergeErrIntoOut = true;
    process_ = std::make_unique<ChildProcess>(QStringLiteral("baresip"),
                                              QStringList{QStringLiteral("-f"), dir_.path()}, o);
    if (process_->started() && process_->waitForOutput("baresip is ready.", 15000))
        return true;
    if (log)
        *log = process_->started() ? QString::fromUtf8(process_->output()) : process_->startError();
    return false;
}

QString BaresipPeer::uri() const {
    return QStringLiteral("sip:%1@127.0.0.1:%2").arg(user_).arg(sipPort_);
}

QString BaresipPeer::fromUri() const {
    return QStringLiteral("sip:%1@127.0.0.1").arg(user_);
}

bool BaresipPeer::command(const QString& name, const QString& params, QString* data) {
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), ctrlPort_);
    if (!s.waitForConnected(3000))
        return false;
    QJsonObject o{{"command", name}, {"token", "t"}};
    if (!params.isEmpty())
        o.insert(QStringLiteral("params"), params);
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    s.write(QByteArray::number(json.size()) + ':' + json + ',');
    if (!s.waitForBytesWritten(3000))
        return false;
    // The answer: a netstring "LENGTH:{"response":true,"ok":true,"data":...}," read whole (a long
    // answer, such as a list of calls, can come in more than one piece). Events may come before it.
    QByteArray buffer;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 5000) {
        if (s.waitForReadyRead(200))
            buffer += s.readAll();
        for (;;) {
            const qsizetype colon = buffer.indexOf(':');
            if (colon <= 0)
                break;
            bool ok = false;
            const qsizetype length = buffer.left(colon).toLongLong(&ok);
            if (!ok || buffer.size() < colon + 1 + length + 1)
                break;
            const QJsonObject o = QJsonDocument::fromJson(buffer.mid(colon + 1, length)).object();
            buffer.remove(0, colon + 1 + length + 1);
            if (!o.value(QStringLiteral("response")).toBool())
                continue;
            if (data)
                *data = o.value(QStringLiteral("data")).toString();
            return o.value(QStringLiteral("ok")).toBool();
        }
    }
    return false;
}

int BaresipPeer::activeCalls() {
    QString data;
    if (!command(QStringLiteral("listcalls"), {}, &data))
        return -1;
    static const QRegularExpression count(QStringLiteral("Active calls \\((\\d+)\\)"));
    const auto m = count.match(data);
    if (!m.hasMatch())
        qWarning("baresip listcalls answered without a count: %s", qPrintable(data));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString BaresipPeer::receivedSoundFile() const {
    const QDir snd(dir_.filePath(QStringLiteral("snd")));
    const QStringList files = snd.entryList({QStringLiteral("dump-*-dec.wav")}, QDir::Files, QDir::Time);
    return files.isEmpty() ? QString() : snd.filePath(files.first());
}

QString BaresipPeer::output() const {
    return process_ ? QString::fromUtf8(process_->output()) : QString();
}

void BaresipPeer::kill() {
    if (process_ && process_->running()) {
        // Asked to quit first: it closes its dump files properly.
        command(QStringLiteral("quit"));
        if (!process_->waitFinished(3000))
            process_->kill();
    }
}

} // namespace hntt::test
