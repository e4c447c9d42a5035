// Turns SIGINT/SIGTERM into a Qt signal on the main thread, so shutdown runs the normal path
// (recordings finalised, database closed) instead of dying mid-write.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace hntt::core {

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    void onReadable();
    QSocketNotifier* notifier_ = nullptr;
};

} // namespace hntt::core
