// The library's edits of recordings: title, meeting, file name, a moved file found again, the
// trash. The file is changed first and the catalogue after; a catalogue that refuses puts the file
// back, so that a row never points at a file that is not there.
#include "core/review/recording_files.h"
#include "core/session/session.h"
#include "core/text_fold.h"

#include <QDir>
#include <QFileInfo>
#include <cmath>

namespace hntt::core {

namespace {

constexpr int kMaxTitleLength = 200;

Status checkTitle(const QString& title) {
    if (title.trimmed().size() > kMaxTitleLength)
        return Error{Error::Code::Invalid,
                     Session::tr("A recording's title is at most %1 characters.").arg(kMaxTitleLength)};
    if (holdsControlCharacter(title))
        return Error{Error::Code::Invalid,
                     Session::tr("A recording's title cannot hold control characters.")};
    return {};
}

} // namespace

Result<RecordingRecord> Session::changeRecording(qint64 id, const RecordingChange& change,
                                                 const Actor& actor) {
    auto rec = recordings_->get(id);
    if (!rec)
        return rec.error();
    if (activeRecording_ == id || rec->state == RecordingState::Recording)
        return Error{Error::Code::Conflict, tr("Recording %1 is still recording; stop it first.").arg(id)};
    if (rec->trashed())
        return Error{Error::Code::Conflict, tr("Recording %1 is in the trash; restore it first.").arg(id)};
    if (change.fileName && change.relinkPath)
        return Error{Error::Code::Invalid, tr("Rename the file or point at a moved file, not both at once.")};
    if (change.title)
        if (Status s = checkTitle(*change.title); !s)
            return s.error();

    RecordingEdit edit;
    edit.title = change.title;
    edit.meetingId = change.meetingId;
    QString movedFrom; // the file renamed here, to be put back if the catalogue refuses
    const bool fileThere = QFileInfo(rec->path).isFile();
    if (change.fileName) {
        if (!fileThere)
            return Error{
                Error::Code::Conflict,
                tr("The file of recording %1 is missing; point the recording at the moved file instead.")
                    .arg(id)};
        auto target = RecordingFiles::renamedPath(rec->path, *change.fileName);
        if (!target)
            return target.error();
        if (Status s = RecordingFiles::move(rec->path, target.value()); !s)
            return s.error();
        movedFrom = rec->path;
        edit.path = target.value();
    } else if (change.relinkPath) {
        if (fileThere)
            return Error{Error::Code::Conflict,
                         tr("The file of recording %1 is where it was: %2.")
                             .arg(QString::number(id), QDir::toNativeSeparators(rec->path))};
        const QString path = QDir::cleanPath(*change.relinkPath);
        if (Status s = RecordingFiles::checkRelinkTarget(path, rec->sizeBytes); !s)
            return s.error();
        edit.path = path;
    }

    auto done = recordings_->edit(id, edit);
    if (!done) {
        if (!movedFrom.isEmpty())
            (void)RecordingFiles::move(*edit.path, movedFrom);
        return done.error();
    }
    QJsonObject detail;
    if (change.title && *change.title != rec->title)
        detail.insert(QStringLiteral("title"), done->title);
    if (change.meetingId && *change.meetingId != rec->meetingId)
        detail.insert(QStringLiteral("meeting_id"),
                      done->meetingId ? QJsonValue(*done->meetingId) : QJsonValue(QJsonValue::Null));
    if (edit.path) {
        detail.insert(QStringLiteral("from"), rec->path);
        detail.insert(QStringLiteral("path"), done->path);
    }
    log(actor,
        change.relinkPath
            ? QStringLiteral("recording.relink")
            : (change.fileName ? QStringLiteral("recording.rename") : QStringLiteral("recording.edit")),
        QString::number(id), detail);
    publish(events::RecordingChanged{done.value()});
    return done;
}

Result<RecordingRecord> Session::trashRecording(qint64 id, const Actor& actor) {
    auto rec = recordings_->get(id);
    if (!rec)
        return rec.error();
    if (activeRecording_ == id || rec->state == RecordingState::Recording)
        return Error{Error::Code::Conflict, tr("Recording %1 is still recording; stop it first.").arg(id)};
    if (rec->trashed())
        return Error{Error::Code::Conflict, tr("Recording %1 is already in the trash.").arg(id)};
    auto trashPath = RecordingFiles::moveToTrash(rec->path);
    if (!trashPath)
        return trashPath.error();
    auto done = recordings_->moveToTrash(id, trashPath.value());
    if (!done) {
        (void)RecordingFiles::restore(trashPath.value(), rec->path);
        return done.error();
    }
    log(actor, QStringLiteral("recording.trash"), QString::number(id),
        {{"path", rec->path}, {"title", rec->title}});
    publish(events::RecordingChanged{done.value()});
    return done;
}

Result<RecordingRecord> Session::restoreRecording(qint64 id, const Actor& actor) {
    auto rec = recordings_->get(id);
    if (!rec)
        return rec.error();
    if (!rec->trashed())
        return Error{Error::Code::Conflict, tr("Recording %1 is not in the trash.").arg(id)};
    if (Status s = RecordingFiles::restore(rec->trashPath, rec->path); !s)
        return s.error();
    auto done = recordings_->restoreFromTrash(id);
    if (!done) {
        (void)RecordingFiles::move(rec->path, rec->trashPath);
        return done.error();
    }
    log(actor, QStringLiteral("recording.restore"), QString::number(id), {{"path", rec->path}});
    publish(events::RecordingChanged{done.value()});
    return done;
}

Status Session::purgeRecording(qint64 id, const Actor& actor) {
    auto rec = recordings_->get(id);
    if (!rec)
        return rec.error();
    if (!rec->trashed())
        return Error{Error::Code::Conflict,
                     tr("Recording %1 is not in the trash: move it there first.").arg(id)};
    if (Status s = RecordingFiles::remove(rec->trashPath); !s)
        return s;
    if (Status s = recordings_->removeTrashed(id); !s)
        return s;
    log(actor, QStringLiteral("recording.purge"), QString::number(id),
        {{"path", rec->path}, {"title", rec->title}});
    publish(events::RecordingChanged{rec.value(), true});
    return {};
}

Result<MarkerRecord> Session::addNote(qint64 recordingId, std::optional<double> offsetS, const QString& text,
                                      const Actor& actor) {
    constexpr int kMaxNoteLength = 500;
    auto rec = recordings_->get(recordingId);
    if (!rec)
        return rec.error();
    if (rec->trashed())
        return Error{Error::Code::Conflict,
                     tr("Recording %1 is in the trash; restore it first.").arg(recordingId)};
    const QString note = text.trimmed();
    if (note.isEmpty())
        return Error{Error::Code::Invalid, tr("A note needs some text.")};
    if (note.size() > kMaxNoteLength)
        return Error{Error::Code::Invalid, tr("A note is at most %1 characters.").arg(kMaxNoteLength)};
    if (holdsControlCharacter(note))
        return Error{Error::Code::Invalid, tr("A note cannot hold control characters.")};
    const bool live = activeRecording_ == recordingId;
    if (!offsetS) {
        if (!live)
            return Error{
                Error::Code::Invalid,
                tr("Recording %1 is not recording now: say where the note goes (seconds from its start).")
                    .arg(recordingId)};
        offsetS = recordingClock_.elapsed() / 1000.0;
    }
    const double end = live ? recordingClock_.elapsed() / 1000.0 : rec->durationS.value_or(*offsetS);
    if (!std::isfinite(*offsetS) || *offsetS < 0 || *offsetS > end + 0.5)
        return Error{Error::Code::Invalid,
                     tr("A note must lie within the recording (0 to %1 s).").arg(end, 0, 'f', 1)};
    MarkerRecord m;
    m.recordingId = recordingId;
    m.offsetS = *offsetS;
    m.kind = MarkerKind::Note;
    m.text = note;
    auto added = recordings_->addMarker(m);
    if (!added)
        return added.error();
    log(actor, QStringLiteral("recording.note"), QString::number(recordingId),
        {{"offset_s", added->offsetS}, {"text", note}});
    return added;
}

} // namespace hntt::core
