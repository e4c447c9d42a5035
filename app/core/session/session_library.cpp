// The library's edits of recordings: title, meeting, file name, a moved file found again, the
// trash. The file is changed first and the catalogue after; a catalogue that refuses puts the file
// back, so that a row never points at a file that is not there.
#include "core/review/recording_files.h"
#include "core/session/session.h"

#include <QDir>
#include <QFileInfo>

namespace hntt::core {

namespace {

constexpr int kMaxTitleLength = 200;

Status checkTitle(const QString& title) {
    if (title.trimmed().size() > kMaxTitleLength)
        return Error{Error::Code::Invalid,
                     Session::tr("A recording's title is at most %1 characters.").arg(kMaxTitleLength)};
    for (const QChar c : title)
        if (c.category() == QChar::Other_Control)
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

} // namespace hntt::core
