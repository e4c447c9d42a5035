// The one place where the session's state and events become the API's JSON (shared/API.md):
// the core speaks typed views and events, the API speaks this. Stream keys and passphrases are
// hidden here, in outputs, their events and alarms, also where a message quotes a URL.
#pragma once

#include "core/session/session.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hntt::api::wire {

// A site's SIP call ("call" of a site, the call.state event); null without one.
QJsonValue callJson(const std::optional<core::CallView>& call);
QJsonObject siteJson(const core::SiteView& site);
QJsonArray sitesJson(const QList<core::SiteView>& sites);
QJsonObject compositionJson(const engine::Composition& c);
QJsonArray layoutsJson(const std::vector<engine::Layout>& layouts);
QJsonObject outputJson(const core::OutputView& output);
QJsonArray outputsJson(const QList<core::OutputView>& outputs);
QJsonObject alarmJson(const core::AlarmView& alarm);
QJsonArray alarmsJson(const QList<core::AlarmView>& alarms);
QJsonObject programAudioJson(const core::Session& session);
QJsonObject clockJson(const engine::ClockStats& clock);
// GET /state: program, preview, canvas, recording, floor, program audio, meeting, clock, sites.
QJsonObject stateJson(const core::Session& session);

// A job as GET /jobs/{id} answers: {"id", "kind", "state", "progress", "result", "error"}, its
// result by the job's kind (an archive, a clip, an archive's check).
QJsonObject jobJson(const core::JobQueue::Job& job);

// An event as the WebSocket sends it: {"type", "at", …}. Reads the session for what the event
// names only by id (a created site is sent whole), so call it as the event is delivered.
QJsonObject eventJson(const core::SessionEvent& event, const core::Session& session);
// The "site.levels" message.
QJsonObject levelsJson(const engine::LevelsSnapshot& levels);

} // namespace hntt::api::wire
