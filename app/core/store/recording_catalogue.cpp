#include "core/store/recording_catalogue.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>
#include <cmath>

namespace hntt::core {

namespace {

const char* const kSelectRecordings = "SELECT id, meeting_id, title, path, state, started_at, stopped_at, "
                                      "duration_s, size_bytes, error, trashed_at, trash_path FROM recordings";

RecordingRecord readRecording(const QSqlQuery& q) {
    RecordingRecord r;
    r.id = q.value(0).toLongLong();
    if (!q.value(1).isNull())
        r.meetingId = q.value(1).toLongLong();
    r.title = q.value(2).toString();
    r.path = q.value(3).toString();
    r.state = recordingStateFromName(q.value(4).toString()).value_or(RecordingState::Failed);
    r.startedAt = Database::fromIsoText(q.value(5).toString());
    r.stoppedAt = Database::fromIsoText(q.value(6).toString());
    if (!q.value(7).isNull())
        r.durationS = q.value(7).toDouble();
    if (!q.value(8).isNull())
        r.sizeBytes = q.value(8).toLongLong();
    r.error = q.value(9).toString();
    if (!q.value(10).isNull())
        r.trashedAt = Database::fromIsoText(q.value(10).toString());
    r.trashPath = q.value(11).toString();
    return r;
}

// A null QString binds as SQL NULL; NOT NULL text columns want an empty string instead.
QString notNull(const QString& s) {
    return s.isNull() ? QString(QLatin1String("")) : s;
}

QVariant nullable(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}
QVariant nullable(const std::optional<qint64>& v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

QString recordingStateName(RecordingState state) {
    switch (state) {
    case RecordingState::Recording:
        return QStringLiteral("recording");
    case RecordingState::Finished:
        return QStringLiteral("finished");
    case RecordingState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<RecordingState> recordingStateFromName(const QString& name) {
    for (RecordingState s : {RecordingState::Recording, RecordingState::Finished, RecordingState::Failed})
        if (recordingStateName(s) == name)
            return s;
    return std::nullopt;
}

QString markerKindName(MarkerKind kind) {
    switch (kind) {
    case MarkerKind::Speaker:
        return QStringLiteral("speaker");
    case MarkerKind::Floor:
        return QStringLiteral("floor");
    case MarkerKind::Mute:
        return QStringLiteral("mute");
    case MarkerKind::Unmute:
        return QStringLiteral("unmute");
    case MarkerKind::Join:
        return QStringLiteral("join");
    case MarkerKind::Leave:
        return QStringLiteral("leave");
    case MarkerKind::Note:
        return QStringLiteral("note");
    case MarkerKind::Take:
        return QStringLiteral("take");
    }
    return {};
}

std::optional<MarkerKind> markerKindFromName(const QString& name) {
    for (MarkerKind k : {MarkerKind::Speaker, MarkerKind::Floor, MarkerKind::Mute, MarkerKind::Unmute,
                         MarkerKind::Join, MarkerKind::Leave, MarkerKind::Note, MarkerKind::Take})
        if (markerKindName(k) == name)
            return k;
    return std::nullopt;
}

RecordingCatalogue::RecordingCatalogue(Database& db, Clock clock)
    : db_(db)
    , clock_(std::move(clock)) {}

Result<RecordingRecord> RecordingCatalogue::start(const QString& path, const QString& title,
                                                  std::optional<qint64> meetingId, QDateTime startedAt) {
    if (path.trimmed().isEmpty())
        return Error{Error::Code::Invalid, tr("A recording needs a file path.")};
    if (!startedAt.isValid())
        startedAt = clockNow(clock_);
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();
    Result<std::optional<RecordingRecord>> running = active();
    if (!running)
        return running.error();
    if (running->has_value())
        return Error{Error::Code::Conflict,
                     tr("Recording %1 is still running; stop it first.").arg((*running)->id)};
    QSqlQuery q(db_.connection());
    if (meetingId) {
        q.prepare(QStringLiteral("SELECT 1 FROM meetings WHERE id = ?"));
        q.addBindValue(*meetingId);
        if (!q.exec())
            return Database::errorFor(q, tr("checking meeting %1").arg(*meetingId));
        if (!q.next())
            return Error{Error::Code::Invalid, tr("There is no meeting %1.").arg(*meetingId)};
        q.finish();
    }
    q.prepare(QStringLiteral("INSERT INTO recordings (meeting_id, title, path, state, started_at) VALUES (?, "
                             "?, ?, 'recording', ?)"));
    q.addBindValue(nullable(meetingId));
    q.addBindValue(notNull(title.trimmed()));
    q.addBindValue(path);
    q.addBindValue(Database::toIsoText(startedAt));
    if (Status s = Database::exec(q, tr("adding the recording")); !s)
        return s.error();
    const qint64 id = q.lastInsertId().toLongLong();
    if (Status s = tx.commit(); !s)
        return s.error();
    return get(id);
}

Result<RecordingRecord> RecordingCatalogue::finish(qint64 id, double durationS, qint64 sizeBytes,
                                                   QDateTime stoppedAt) {
    return stop(id, RecordingState::Finished, {}, durationS, sizeBytes, stoppedAt);
}

Result<RecordingRecord> RecordingCatalogue::fail(qint64 id, const QString& error,
                                                 std::optional<double> durationS,
                                                 std::optional<qint64> sizeBytes, QDateTime stoppedAt) {
    return stop(id, RecordingState::Failed, error, durationS, sizeBytes, stoppedAt);
}

Result<RecordingRecord> RecordingCatalogue::stop(qint64 id, RecordingState state, const QString& error,
                                                 std::optional<double> durationS,
                                                 std::optional<qint64> sizeBytes, QDateTime stoppedAt) {
    if (durationS && (!std::isfinite(*durationS) || *durationS < 0))
        return Error{Error::Code::Invalid, tr("A recording's duration cannot be negative.")};
    if (sizeBytes && *sizeBytes < 0)
        return Error{Error::Code::Invalid, tr("A recording's size cannot be negative.")};
    if (!stoppedAt.isValid())
        stoppedAt = clockNow(clock_);
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();
    Result<RecordingRecord> r = get(id);
    if (!r)
        return r.error();
    if (r->state != RecordingState::Recording)
        return Error{Error::Code::Conflict, tr("Recording %1 is not running (it is %2).")
                                                .arg(QString::number(id), recordingStateName(r->state))};
    QSqlQuery q(db_.connection());
    q.prepare(
        QStringLiteral("UPDATE recordings SET state = ?, stopped_at = ?, duration_s = ?, size_bytes = ?, "
                       "error = ? WHERE id = ?"));
    q.addBindValue(recordingStateName(state));
    q.addBindValue(Database::toIsoText(stoppedAt));
    q.addBindValue(nullable(durationS));
    q.addBindValue(nullable(sizeBytes));
    q.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error));
    q.addBindValue(id);
    if (Status s = Database::exec(q, tr("stopping recording %1").arg(id)); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return get(id);
}

Result<int> RecordingCatalogue::failInterrupted(const QString& error) {
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("UPDATE recordings SET state = 'failed', error = ? WHERE state = 'recording'"));
    q.addBindValue(error);
    if (Status s = Database::exec(q, tr("closing interrupted recordings")); !s)
        return s.error();
    return q.numRowsAffected();
}

Result<QList<RecordingRecord>> RecordingCatalogue::unmeasuredInterrupted() const {
    QSqlQuery q(db_.connection());
    q.setForwardOnly(true);
    if (!q.exec(QString::fromLatin1(kSelectRecordings) +
                QLatin1String(" WHERE state = 'failed' AND stopped_at IS NULL ORDER BY id")))
        return Database::errorFor(q, tr("listing the interrupted recordings"));
    QList<RecordingRecord> out;
    while (q.next())
        out.append(readRecording(q));
    return out;
}

Result<RecordingRecord> RecordingCatalogue::measuredInterrupted(qint64 id, std::optional<double> durationS,
                                                                std::optional<qint64> sizeBytes,
                                                                const QDateTime& stoppedAt) {
    if (durationS && (!std::isfinite(*durationS) || *durationS < 0))
        return Error{Error::Code::Invalid, tr("A recording's duration cannot be negative.")};
    if (sizeBytes && *sizeBytes < 0)
        return Error{Error::Code::Invalid, tr("A recording's size cannot be negative.")};
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("UPDATE recordings SET stopped_at = ?, duration_s = ?, size_bytes = ? "
                             "WHERE id = ? AND state = 'failed' AND stopped_at IS NULL"));
    q.addBindValue(Database::toIsoText(stoppedAt.isValid() ? stoppedAt : clockNow(clock_)));
    q.addBindValue(nullable(durationS));
    q.addBindValue(nullable(sizeBytes));
    q.addBindValue(id);
    if (Status s = Database::exec(q, tr("stopping recording %1").arg(id)); !s)
        return s.error();
    if (q.numRowsAffected() == 0) {
        if (Result<RecordingRecord> r = get(id); !r)
            return r.error();
        return Error{Error::Code::Conflict,
                     tr("Recording %1 is not an interrupted recording waiting to be measured.").arg(id)};
    }
    return get(id);
}

Result<MarkerRecord> RecordingCatalogue::addMarker(MarkerRecord m) {
    if (!std::isfinite(m.offsetS) || m.offsetS < 0)
        return Error{Error::Code::Invalid, tr("A marker's offset cannot be negative.")};
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("SELECT (SELECT count(*) FROM recordings WHERE id = ?), "
                             "(SELECT count(*) FROM sites WHERE id = ?)"));
    q.addBindValue(m.recordingId);
    q.addBindValue(m.siteId.value_or(0));
    if (!q.exec() || !q.next())
        return Database::errorFor(q, tr("checking the marker"));
    if (q.value(0).toInt() == 0)
        return Error{Error::Code::NotFound, tr("There is no recording %1.").arg(m.recordingId)};
    if (m.siteId && q.value(1).toInt() == 0)
        return Error{Error::Code::Invalid, tr("There is no site %1.").arg(*m.siteId)};
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO markers (recording_id, offset_s, kind, site_id, text) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(m.recordingId);
    q.addBindValue(m.offsetS);
    q.addBindValue(markerKindName(m.kind));
    q.addBindValue(nullable(m.siteId));
    q.addBindValue(notNull(m.text));
    if (Status s = Database::exec(q, tr("adding a marker")); !s)
        return s.error();
    m.id = q.lastInsertId().toLongLong();
    return m;
}

Result<RecordingRecord> RecordingCatalogue::edit(qint64 id, const RecordingEdit& edit) {
    Database::Transaction tx(db_);
    if (!tx.started())
        return tx.error();
    Result<RecordingRecord> r = get(id);
    if (!r)
        return r.error();
    if (r->state == RecordingState::Recording)
        return Error{Error::Code::Conflict, tr("Recording %1 is still recording; stop it first.").arg(id)};
    QSqlQuery q(db_.connection());
    if (edit.meetingId && *edit.meetingId) {
        q.prepare(QStringLiteral("SELECT 1 FROM meetings WHERE id = ?"));
        q.addBindValue(**edit.meetingId);
        if (!q.exec())
            return Database::errorFor(q, tr("checking meeting %1").arg(**edit.meetingId));
        if (!q.next())
            return Error{Error::Code::Invalid, tr("There is no meeting %1.").arg(**edit.meetingId)};
        q.finish();
    }
    if (edit.path) {
        if (edit.path->trimmed().isEmpty())
            return Error{Error::Code::Invalid, tr("A recording needs a file path.")};
        q.prepare(QStringLiteral("SELECT id FROM recordings WHERE id <> ? AND (path = ? OR trash_path = ?)"));
        q.addBindValue(id);
        q.addBindValue(*edit.path);
        q.addBindValue(*edit.path);
        if (!q.exec())
            return Database::errorFor(q, tr("checking the file of recording %1").arg(id));
        if (q.next())
            return Error{Error::Code::Conflict,
                         tr("Recording %1 already has the file %2.").arg(q.value(0).toString(), *edit.path)};
        q.finish();
    }
    q.prepare(QStringLiteral("UPDATE recordings SET title = ?, meeting_id = ?, path = ? WHERE id = ?"));
    q.addBindValue(notNull(edit.title ? edit.title->trimmed() : r->title));
    q.addBindValue(nullable(edit.meetingId ? *edit.meetingId : r->meetingId));
    q.addBindValue(edit.path ? *edit.path : r->path);
    q.addBindValue(id);
    if (Status s = Database::exec(q, tr("changing recording %1").arg(id)); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return get(id);
}

Result<RecordingRecord> RecordingCatalogue::moveToTrash(qint64 id, const QString& trashPath, QDateTime at) {
    Result<RecordingRecord> r = get(id);
    if (!r)
        return r.error();
    if (r->state == RecordingState::Recording)
        return Error{Error::Code::Conflict, tr("Recording %1 is still recording; stop it first.").arg(id)};
    if (r->trashed())
        return Error{Error::Code::Conflict, tr("Recording %1 is already in the trash.").arg(id)};
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("UPDATE recordings SET trashed_at = ?, trash_path = ? WHERE id = ?"));
    q.addBindValue(Database::toIsoText(at.isValid() ? at : clockNow(clock_)));
    q.addBindValue(trashPath.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(trashPath));
    q.addBindValue(id);
    if (Status s = Database::exec(q, tr("moving recording %1 to the trash").arg(id)); !s)
        return s.error();
    return get(id);
}

Result<RecordingRecord> RecordingCatalogue::restoreFromTrash(qint64 id) {
    Result<RecordingRecord> r = get(id);
    if (!r)
        return r.error();
    if (!r->trashed())
        return Error{Error::Code::Conflict, tr("Recording %1 is not in the trash.").arg(id)};
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("UPDATE recordings SET trashed_at = NULL, trash_path = NULL WHERE id = ?"));
    q.addBindValue(id);
    if (Status s = Database::exec(q, tr("restoring recording %1").arg(id)); !s)
        return s.error();
    return get(id);
}

Status RecordingCatalogue::removeTrashed(qint64 id) {
    Result<RecordingRecord> r = get(id);
    if (!r)
        return r.error();
    if (!r->trashed())
        return Error{Error::Code::Conflict, tr("Recording %1 is not in the trash.").arg(id)};
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("DELETE FROM recordings WHERE id = ? AND trashed_at IS NOT NULL"));
    q.addBindValue(id);
    return Database::exec(q, tr("deleting recording %1").arg(id));
}

Result<QList<RecordingRecord>> RecordingCatalogue::list(std::optional<qint64> meetingId, bool trash) const {
    QSqlQuery q(db_.connection());
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(kSelectRecordings) +
              (trash ? QLatin1String(" WHERE trashed_at IS NOT NULL")
                     : QLatin1String(" WHERE trashed_at IS NULL")) +
              (meetingId ? QLatin1String(" AND meeting_id = ?") : QLatin1String()) +
              QLatin1String(" ORDER BY id DESC"));
    if (meetingId)
        q.addBindValue(*meetingId);
    if (!q.exec())
        return Database::errorFor(q, tr("listing the recordings"));
    QList<RecordingRecord> out;
    while (q.next())
        out.append(readRecording(q));
    return out;
}

bool RecordingCatalogue::hasPath(const QString& path) const {
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM recordings WHERE path = ? OR trash_path = ? LIMIT 1"));
    q.addBindValue(path);
    q.addBindValue(path);
    return q.exec() && q.next();
}

Result<RecordingRecord> RecordingCatalogue::get(qint64 id) const {
    QSqlQuery q(db_.connection());
    q.prepare(QString::fromLatin1(kSelectRecordings) + QLatin1String(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::errorFor(q, tr("reading recording %1").arg(id));
    if (!q.next())
        return Error{Error::Code::NotFound, tr("There is no recording %1.").arg(id)};
    RecordingRecord r = readRecording(q);
    q.finish();
    q.prepare(QStringLiteral("SELECT id, recording_id, offset_s, kind, site_id, text FROM markers "
                             "WHERE recording_id = ? ORDER BY offset_s, id"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::errorFor(q, tr("reading the markers of recording %1").arg(id));
    while (q.next()) {
        MarkerRecord m;
        m.id = q.value(0).toLongLong();
        m.recordingId = q.value(1).toLongLong();
        m.offsetS = q.value(2).toDouble();
        m.kind = markerKindFromName(q.value(3).toString()).value_or(MarkerKind::Note);
        if (!q.value(4).isNull())
            m.siteId = q.value(4).toLongLong();
        m.text = q.value(5).toString();
        r.markers.append(m);
    }
    return r;
}

Result<std::optional<RecordingRecord>> RecordingCatalogue::active() const {
    QSqlQuery q(db_.connection());
    if (!q.exec(
            QStringLiteral("SELECT id FROM recordings WHERE state = 'recording' ORDER BY id DESC LIMIT 1")))
        return Database::errorFor(q, tr("looking for the running recording"));
    if (!q.next())
        return std::optional<RecordingRecord>();
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    Result<RecordingRecord> r = get(id);
    if (!r)
        return r.error();
    return std::optional<RecordingRecord>(std::move(r).value());
}

QJsonObject RecordingCatalogue::toJson(const RecordingRecord& r, bool withMarkers) {
    QJsonObject o;
    o.insert(QStringLiteral("id"), r.id);
    o.insert(QStringLiteral("meeting_id"),
             r.meetingId ? QJsonValue(*r.meetingId) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("title"), r.title);
    o.insert(QStringLiteral("path"), r.path);
    o.insert(QStringLiteral("state"), recordingStateName(r.state));
    o.insert(QStringLiteral("started_at"), Database::toIsoText(r.startedAt));
    o.insert(QStringLiteral("stopped_at"), r.stoppedAt.isValid()
                                               ? QJsonValue(Database::toIsoText(r.stoppedAt))
                                               : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("duration_s"),
             r.durationS ? QJsonValue(*r.durationS) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("size_bytes"),
             r.sizeBytes ? QJsonValue(*r.sizeBytes) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("error"), r.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.error));
    o.insert(QStringLiteral("trashed_at"),
             r.trashed() ? QJsonValue(Database::toIsoText(r.trashedAt)) : QJsonValue(QJsonValue::Null));
    if (withMarkers) {
        QJsonArray markers;
        for (const MarkerRecord& m : r.markers) {
            QJsonObject mo;
            mo.insert(QStringLiteral("id"), m.id);
            mo.insert(QStringLiteral("offset_s"), m.offsetS);
            mo.insert(QStringLiteral("kind"), markerKindName(m.kind));
            mo.insert(QStringLiteral("site_id"),
                      m.siteId ? QJsonValue(*m.siteId) : QJsonValue(QJsonValue::Null));
            mo.insert(QStringLiteral("text"), m.text);
            markers.append(mo);
        }
        o.insert(QStringLiteral("markers"), markers);
    }
    return o;
}

} // namespace hntt::core
