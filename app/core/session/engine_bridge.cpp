#include "core/session/engine_bridge.h"

namespace hntt::core {

EngineBridge::EngineBridge(QObject* parent)
    : QObject(parent) {}

engine::EngineEvents EngineBridge::events() {
    // Each callback runs on an engine thread: it only copies what the engine said into work for
    // the bridge's thread, where the signal is emitted.
    engine::EngineEvents ev;
    ev.siteStatus = [this](engine::SiteId id, engine::SourceState st, const std::string& reason) {
        hop_.post([this, id, st, r = QString::fromStdString(reason)] { Q_EMIT siteStatus(id, st, r); });
    };
    ev.speakerChanged = [this](std::optional<engine::SiteId> id) {
        hop_.post([this, id] { Q_EMIT speakerChanged(id); });
    };
    ev.programChangedByAuto = [this](const engine::Composition& c) {
        hop_.post([this, c] { Q_EMIT programFollowedSpeaker(c); });
    };
    ev.recordingState = [this](engine::OutputState st, const std::string& error) {
        hop_.post([this, st, e = QString::fromStdString(error)] { Q_EMIT recordingState(st, e); });
    };
    ev.outputState = [this](engine::OutputId id, engine::OutputState st, const std::string& error) {
        hop_.post([this, id, st, e = QString::fromStdString(error)] { Q_EMIT outputState(id, st, e); });
    };
    ev.returnFeedState = [this](engine::SiteId id, engine::OutputState st, const std::string& error) {
        hop_.post([this, id, st, e = QString::fromStdString(error)] { Q_EMIT returnFeedState(id, st, e); });
    };
    ev.levels = [this](const engine::LevelsSnapshot& snap) {
        hop_.post([this, snap] { Q_EMIT levels(snap); });
    };
    ev.callMediaTimeout = [this](engine::SiteId id) {
        hop_.post([this, id] { Q_EMIT callMediaTimeout(id); });
    };
    ev.callKeyframeWanted = [this](engine::SiteId id) {
        hop_.post([this, id] { Q_EMIT callKeyframeWanted(id); });
    };
    ev.callDtmf = [this](engine::SiteId id, char key) {
        hop_.post([this, id, key] { Q_EMIT callDtmf(id, QChar::fromLatin1(key)); });
    };
    return ev;
}

} // namespace hntt::core
