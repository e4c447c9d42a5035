// What the session tells its listeners (the console's panels, the API), as typed values: one
// struct per kind of change, carrying what changed. A listener that needs more reads the session's
// views at once (the event is delivered synchronously on the session's thread, so the session is
// then exactly as the event left it). The API turns these into its wire format (api/event_json).
#pragma once

#include "core/calls/call_view.h"
#include "core/store/meeting_book.h"
#include "core/store/recording_catalogue.h"
#include "hntt/engine/outputs.h"
#include "hntt/engine/types.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <optional>
#include <variant>

namespace hntt::core {

// Who an alarm is about. At most one is set; none for the session as a whole.
struct AlarmSubject {
    std::optional<qint64> siteId;
    std::optional<qint64> outputId;
    std::optional<qint64> recordingId;
    bool operator==(const AlarmSubject&) const = default;
    static AlarmSubject site(qint64 id) { return {id, std::nullopt, std::nullopt}; }
    static AlarmSubject output(qint64 id) { return {std::nullopt, id, std::nullopt}; }
    static AlarmSubject recording(qint64 id) { return {std::nullopt, std::nullopt, id}; }
};

// An alarm kept until acknowledged; a repeat (same kind and subject) updates it.
struct AlarmView {
    qint64 id = 0;
    QString kind; // "site.lost", "output.error", "recording.stalled", …
    AlarmSubject subject;
    QString message; // translated, stream keys masked
    QDateTime at;    // of the latest repeat
    int repeats = 0;
};

namespace events {

struct SiteCreated {
    qint64 siteId = 0;
};
struct SiteUpdated { // name, URLs, place in the tree or camera
    qint64 siteId = 0;
};
struct SiteDeleted {
    qint64 siteId = 0;
};
struct SiteStatus {
    qint64 siteId = 0;
    engine::SourceState state = engine::SourceState::Offline;
    QString reason;
};
struct SiteAudio {
    qint64 siteId = 0;
    bool muted = false;
    double gainDb = 0;
};
struct SiteVideo {
    qint64 siteId = 0;
    bool muted = false;
};
struct SpeakerChanged {
    std::optional<qint64> siteId; // none: nobody speaks
};
struct ProgramChanged {
    engine::Composition composition;
    QString reason; // set for automatic changes (auto mode following the speaker)
};
struct PreviewChanged {
    engine::Composition composition;
};
struct FloorChanged {
    qint64 siteId = 0;
};
struct AutoFollowChanged {
    bool on = false;
};
struct ProgramAudioChanged {
    bool muted = false;
    double gainDb = 0;
};
struct RecordingStarted {
    RecordingRecord recording;
};
struct RecordingStopped {
    RecordingRecord recording;
};
struct RecordingError {
    qint64 recordingId = 0;
    QString message;
    bool stopped = false; // false: the recording runs on (a stall it may recover from)
};
struct RecordingRecovered {
    qint64 recordingId = 0;
};
struct RecordingChanged { // the library changed it: title, meeting, file, trash
    RecordingRecord recording;
    bool removed = false; // deleted for good
};
struct ReturnFeedState {
    qint64 siteId = 0;
    engine::OutputState state = engine::OutputState::Stopped;
    QString error;
};
struct OutputAdded {
    qint64 outputId = 0;
};
struct OutputRemoved {
    qint64 outputId = 0;
};
struct OutputStateChanged {
    qint64 outputId = 0;
    engine::OutputState state = engine::OutputState::Stopped;
    QString error;
};
struct MeetingScheduled {
    MeetingRecord meeting;
};
struct MeetingStarted {
    MeetingRecord meeting;
};
struct CallState { // a site's SIP call changed
    qint64 siteId = 0;
    std::optional<CallView> call;
};
struct AlarmRaised {
    AlarmView alarm;
};
struct AlarmAcknowledged {
    qint64 alarmId = 0;
    QString kind;
    QString actor;
};
} // namespace events

struct SessionEvent {
    using Change =
        std::variant<events::SiteCreated, events::SiteUpdated, events::SiteDeleted, events::SiteStatus,
                     events::SiteAudio, events::SiteVideo, events::SpeakerChanged, events::ProgramChanged,
                     events::PreviewChanged, events::FloorChanged, events::AutoFollowChanged,
                     events::ProgramAudioChanged, events::RecordingStarted, events::RecordingStopped,
                     events::RecordingError, events::RecordingRecovered, events::RecordingChanged,
                     events::ReturnFeedState, events::OutputAdded, events::OutputRemoved,
                     events::OutputStateChanged, events::MeetingScheduled, events::MeetingStarted,
                     events::CallState, events::AlarmRaised, events::AlarmAcknowledged>;
    QDateTime at;
    Change change;

    template <typename T>
    const T* as() const {
        return std::get_if<T>(&change);
    }
};

} // namespace hntt::core

Q_DECLARE_METATYPE(hntt::core::SessionEvent)
