#include "core/session/engine_bridge.h"

#include <QMetaObject>

namespace hntt::core {

EngineBridge::EngineBridge(QObject* parent)
    : QObject(parent) {}

engine::EngineEvents EngineBridge::events() {
    // Each callback runs on an engine thread: it only copies what the engine said into a call
    // queued to the bridge's thread, where the signal is emitted. (Queuing the call rather than
    // the signal keeps the copies' life in this code, where the thread sanitizer sees it whole.)
    engine::EngineEvents ev;
    ev.siteStatus = [this](engine::SiteId id, engine::SourceState st, const std::string& reason) {
        QMetaObject::invokeMethod(
            this, [this, id, st, r = QString::fromStdString(reason)] { Q_EMIT siteStatus(id, st, r); },
            Qt::QueuedConnection);
    };
    ev.speakerChanged = [this](std::optional<engine::SiteId> id) {
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT speakerChanged(id); }, Qt::QueuedConnection);
    };
    ev.programChangedByAuto = [this](const engine::Composition& c) {
        QMetaObject::invokeMethod(
            this, [this, c] { Q_EMIT programFollowedSpeaker(c); }, Qt::QueuedConnection);
    };
    ev.recordingState = [this](engine::OutputState st, const std::string& error) {
        QMetaObject::invokeMethod(
            this, [this, st, e = QString::fromStdString(error)] { Q_EMIT recordingState(st, e); },
            Qt::QueuedConnection);
    };
    ev.outputState = [this](engine::OutputId id, engine::OutputState st, const std::string& error) {
        QMetaObject::invokeMethod(
            this, [this, id, st, e = QString::fromStdString(error)] { Q_EMIT outputState(id, st, e); },
            Qt::QueuedConnection);
    };
    ev.returnFeedState = [this](engine::SiteId id, engine::OutputState st, const std::string& error) {
        QMetaObject::invokeMethod(
            this, [this, id, st, e = QString::fromStdString(error)] { Q_EMIT returnFeedState(id, st, e); },
            Qt::QueuedConnection);
    };
    ev.levels = [this](const engine::LevelsSnapshot& snap) {
        QMetaObject::invokeMethod(
            this, [this, snap] { Q_EMIT levels(snap); }, Qt::QueuedConnection);
    };
    ev.callMediaTimeout = [this](engine::SiteId id) {
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT callMediaTimeout(id); }, Qt::QueuedConnection);
    };
    ev.callKeyframeWanted = [this](engine::SiteId id) {
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT callKeyframeWanted(id); }, Qt::QueuedConnection);
    };
    ev.callDtmf = [this](engine::SiteId id, char key) {
        QMetaObject::invokeMethod(
            this, [this, id, key] { Q_EMIT callDtmf(id, QChar::fromLatin1(key)); }, Qt::QueuedConnection);
    };
    return ev;
}

} // namespace hntt::core
