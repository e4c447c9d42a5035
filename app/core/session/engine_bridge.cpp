#include "core/session/engine_bridge.h"

namespace hntt::core {

EngineBridge::EngineBridge(QObject* parent)
    : QObject(parent) {
    // Queued signals copy their arguments: Qt must know the types.
    qRegisterMetaType<engine::SourceState>();
    qRegisterMetaType<engine::OutputState>();
    qRegisterMetaType<engine::Composition>();
    qRegisterMetaType<engine::LevelsSnapshot>();
    qRegisterMetaType<std::optional<qint64>>();
}

engine::EngineEvents EngineBridge::events() {
    engine::EngineEvents ev;
    // Emitted on the engine's threads; every receiver lives on another thread, so Qt queues them.
    ev.siteStatus = [this](engine::SiteId id, engine::SourceState st, const std::string& reason) {
        Q_EMIT siteStatus(id, st, QString::fromStdString(reason));
    };
    ev.speakerChanged = [this](std::optional<engine::SiteId> id) { Q_EMIT speakerChanged(id); };
    ev.programChangedByAuto = [this](const engine::Composition& c) { Q_EMIT programFollowedSpeaker(c); };
    ev.recordingState = [this](engine::OutputState st, const std::string& error) {
        Q_EMIT recordingState(st, QString::fromStdString(error));
    };
    ev.outputState = [this](engine::OutputId id, engine::OutputState st, const std::string& error) {
        Q_EMIT outputState(id, st, QString::fromStdString(error));
    };
    ev.returnFeedState = [this](engine::SiteId id, engine::OutputState st, const std::string& error) {
        Q_EMIT returnFeedState(id, st, QString::fromStdString(error));
    };
    ev.levels = [this](const engine::LevelsSnapshot& snap) { Q_EMIT levels(snap); };
    return ev;
}

} // namespace hntt::core
