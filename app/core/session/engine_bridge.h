// Where the engine's threads meet the core: the engine's callbacks become typed Qt signals,
// emitted on the bridge's thread (the core's) after a hop (net::ThreadHop). Nothing here touches
// the session's state or builds anything heavier than a copy of what the engine said.
#pragma once

#include "hntt/engine/engine.h"
#include "net/thread_hop.h"

#include <QObject>
#include <QString>
#include <optional>

namespace hntt::core {

class EngineBridge : public QObject {
    Q_OBJECT

public:
    explicit EngineBridge(QObject* parent = nullptr);

    // Callbacks for the engine. The bridge must outlive the engine they are given to.
    engine::EngineEvents events();

Q_SIGNALS:
    void siteStatus(qint64 siteId, hntt::engine::SourceState state, const QString& reason);
    void speakerChanged(std::optional<qint64> siteId);
    void programFollowedSpeaker(const hntt::engine::Composition& program);
    void recordingState(hntt::engine::OutputState state, const QString& error);
    void outputState(qint64 engineOutputId, hntt::engine::OutputState state, const QString& error);
    void returnFeedState(qint64 siteId, hntt::engine::OutputState state, const QString& error);
    void levels(const hntt::engine::LevelsSnapshot& levels);
    void callMediaTimeout(qint64 siteId);
    void callKeyframeWanted(qint64 siteId);
    void callDtmf(qint64 siteId, QChar key);

private:
    net::ThreadHop hop_;
};

} // namespace hntt::core
