#include "ui/panels/alarms_panel.h"

#include "core/session/session.h"
#include "core/url_mask.h"
#include "ui/panels/panel_style.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

QString kindLabel(const QString& kind) {
    if (kind == QLatin1String("site.lost"))
        return AlarmsPanel::tr("Signal lost");
    if (kind == QLatin1String("output.error"))
        return AlarmsPanel::tr("Stream error");
    if (kind == QLatin1String("recording.error"))
        return AlarmsPanel::tr("Recording error");
    if (kind == QLatin1String("recording.stalled"))
        return AlarmsPanel::tr("Recording not written");
    if (kind == QLatin1String("recording.tracks"))
        return AlarmsPanel::tr("Site tracks with gaps");
    if (kind == QLatin1String("return_feed.error"))
        return AlarmsPanel::tr("Return feed error");
    if (kind == QLatin1String("camera.error"))
        return AlarmsPanel::tr("Camera error");
    if (kind == QLatin1String("call.refused"))
        return AlarmsPanel::tr("Call refused");
    if (kind == QLatin1String("sip.off"))
        return AlarmsPanel::tr("SIP off");
    if (kind == QLatin1String("api.login_failed"))
        return AlarmsPanel::tr("Failed API logins");
    if (kind == QLatin1String("api.connections"))
        return AlarmsPanel::tr("API connections refused");
    return kind;
}

QString actorLabel(const QString& actor) {
    if (actor == QLatin1String("ui"))
        return AlarmsPanel::tr("Operator");
    if (actor == QLatin1String("auto"))
        return AlarmsPanel::tr("Automatic");
    if (actor.startsWith(QLatin1String("api:")))
        return AlarmsPanel::tr("API (%1)").arg(actor.mid(4));
    return actor;
}

QString actionLabel(const QString& action) {
    static const QHash<QString, const char*> labels{
        {QStringLiteral("site.create"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site added")},
        {QStringLiteral("site.update"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site changed")},
        {QStringLiteral("site.delete"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site removed")},
        {QStringLiteral("site.audio"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site audio")},
        {QStringLiteral("site.video"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site picture")},
        {QStringLiteral("site.lost"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Signal lost")},
        {QStringLiteral("site.connected"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site connected")},
        {QStringLiteral("program.set"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Program set")},
        {QStringLiteral("preview.set"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Preview set")},
        {QStringLiteral("program.take"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Take")},
        {QStringLiteral("program.follow_speaker"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Program follows the speaker")},
        {QStringLiteral("program.auto"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Auto mode")},
        {QStringLiteral("program.audio"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Program audio")},
        {QStringLiteral("floor.give"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Floor given")},
        {QStringLiteral("recording.start"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Recording started")},
        {QStringLiteral("recording.stop"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Recording stopped")},
        {QStringLiteral("recording.error"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Recording error")},
        {QStringLiteral("recording.recovered"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Recording written again")},
        {QStringLiteral("recording.tracks_incomplete"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site tracks with gaps")},
        {QStringLiteral("return_feed.error"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Return feed error")},
        {QStringLiteral("return_feed.recovered"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Return feed going out again")},
        {QStringLiteral("output.add"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Stream added")},
        {QStringLiteral("output.remove"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Stream removed")},
        {QStringLiteral("output.stop"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Stream stopped")},
        {QStringLiteral("output.start"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Stream started")},
        {QStringLiteral("output.restore"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Stream restored")},
        {QStringLiteral("meeting.schedule"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Meeting booked")},
        {QStringLiteral("meeting.start"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Meeting started")},
        {QStringLiteral("alarm.acknowledge"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Alarm acknowledged")},
        {QStringLiteral("camera.move"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Camera moved")},
        {QStringLiteral("camera.stop"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Camera stopped")},
        {QStringLiteral("camera.preset.recall"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Camera preset recalled")},
        {QStringLiteral("camera.preset.store"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Camera preset stored")},
        {QStringLiteral("call.dial"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site called")},
        {QStringLiteral("call.redial"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Site called again")},
        {QStringLiteral("call.meeting"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "The meeting's SIP sites called")},
        {QStringLiteral("call.hangup"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Call hung up")},
        {QStringLiteral("call.connected"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Call connected")},
        {QStringLiteral("call.ended"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Call ended")},
        {QStringLiteral("call.error"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Call error")},
        {QStringLiteral("call.hold"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Call on hold")},
        {QStringLiteral("call.resume"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Call resumed")},
        {QStringLiteral("call.timeout"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "No media from the call")},
        {QStringLiteral("call.refused"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Call refused")},
        {QStringLiteral("sip.off"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "SIP off")},
        {QStringLiteral("api.login_failed"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Failed API logins")},
        {QStringLiteral("api.connections"),
         QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "API connections refused")},
        {QStringLiteral("site.source_refused"), QT_TRANSLATE_NOOP("hntt::ui::AlarmsPanel", "Source refused")},
    };
    const auto it = labels.find(action);
    return it == labels.end() ? action : AlarmsPanel::tr(it.value());
}

// Actions whose subject is a site id.
bool aboutSite(const QString& action) {
    return action.startsWith(QLatin1String("site.")) || action.startsWith(QLatin1String("floor.")) ||
           action.startsWith(QLatin1String("camera.")) ||
           (action.startsWith(QLatin1String("call.")) && action != QLatin1String("call.meeting"));
}

} // namespace

AlarmsPanel::AlarmsPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("alarmsPanel"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);
    auto* split = new QSplitter(Qt::Vertical, this);
    v->addWidget(split);

    auto* top = new QWidget(split);
    auto* tv = new QVBoxLayout(top);
    tv->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    title_ = new QLabel(top);
    title_->setObjectName(QStringLiteral("alarmCount"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    header->addWidget(title_, 1);
    acknowledge_ = new QPushButton(tr("Acknowledge"), top);
    acknowledge_->setObjectName(QStringLiteral("acknowledge"));
    acknowledgeAll_ = new QPushButton(tr("Acknowledge all"), top);
    acknowledgeAll_->setObjectName(QStringLiteral("acknowledgeAll"));
    header->addWidget(acknowledge_);
    header->addWidget(acknowledgeAll_);
    tv->addLayout(header);
    alarms_ = style::makeTable(top, QStringLiteral("alarms"),
                               {tr("Time"), tr("Site"), tr("What"), tr("Reason")}, AlarmReason);
    alarms_->setSelectionMode(QAbstractItemView::ExtendedSelection); // acknowledge several at once
    tv->addWidget(alarms_);
    split->addWidget(top);

    auto* bottom = new QWidget(split);
    auto* bv = new QVBoxLayout(bottom);
    bv->setContentsMargins(0, 0, 0, 0);
    auto* logTitle = new QLabel(tr("Event log"), bottom);
    logTitle->setFont(bold);
    bv->addWidget(logTitle);
    log_ = style::makeTable(bottom, QStringLiteral("eventLog"),
                            {tr("Time"), tr("By"), tr("Action"), tr("Subject"), tr("Reason")}, LogReason);
    bv->addWidget(log_);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    connect(acknowledge_, &QPushButton::clicked, this, &AlarmsPanel::acknowledgeSelected);
    connect(acknowledgeAll_, &QPushButton::clicked, this, &AlarmsPanel::acknowledgeAll);
    connect(&session_, &core::Session::changed, this, &AlarmsPanel::onEvent);
    logRefresh_ = new QTimer(this);
    logRefresh_->setSingleShot(true);
    logRefresh_->setInterval(300);
    connect(logRefresh_, &QTimer::timeout, this, &AlarmsPanel::refreshLog);
    // Some actions (camera commands) are logged without an event: look again now and then.
    auto* slow = new QTimer(this);
    slow->setInterval(2000);
    connect(slow, &QTimer::timeout, this, &AlarmsPanel::refreshLog);
    slow->start();

    refreshAlarms();
    refreshLog();
}

int AlarmsPanel::unacknowledgedCount() const {
    return alarms_->rowCount();
}

qint64 AlarmsPanel::alarmIdAt(int row) const {
    const QTableWidgetItem* i = alarms_->item(row, AlarmTime);
    return i ? i->data(Qt::UserRole).toLongLong() : 0;
}

QString AlarmsPanel::siteName(qint64 id) {
    return names_.value(id, QString::number(id));
}

void AlarmsPanel::refreshAlarms() {
    names_.clear();
    for (const core::SiteRecord& s : session_.siteRecords())
        names_.insert(s.id, s.name);
    QHash<qint64, QString> outputs;
    for (const core::OutputView& out : session_.outputs())
        outputs.insert(out.id, out.name.isEmpty() ? core::maskStreamUrl(out.url) : out.name);

    const QList<core::AlarmView> alarms = session_.alarms();
    alarms_->setRowCount(0);
    alarms_->setRowCount(static_cast<int>(alarms.size()));
    // Newest on top.
    for (int i = 0; i < alarms.size(); ++i) {
        const core::AlarmView& a = alarms.at(alarms.size() - 1 - i);
        QString subject;
        if (a.subject.siteId)
            subject = siteName(*a.subject.siteId);
        else if (a.subject.outputId)
            subject =
                tr("Stream %1").arg(outputs.value(*a.subject.outputId, QString::number(*a.subject.outputId)));
        else if (a.subject.recordingId)
            subject = tr("Recording %1").arg(*a.subject.recordingId);
        QString reason = core::maskStreamUrlsIn(a.message);
        if (a.repeats > 0)
            reason = tr("%1 (%n more time(s))", nullptr, a.repeats).arg(reason);
        auto* time = style::tableItem(style::shortTime(a.at), style::kRed);
        time->setData(Qt::UserRole, a.id);
        alarms_->setItem(i, AlarmTime, time);
        alarms_->setItem(i, AlarmSite, style::tableItem(subject));
        alarms_->setItem(i, AlarmWhat, style::tableItem(kindLabel(a.kind), style::kRed));
        alarms_->setItem(i, AlarmReason, style::tableItem(reason));
        for (int c = 0; c < AlarmColumnCount; ++c)
            alarms_->item(i, c)->setBackground(style::kRedTint);
    }
    const int count = static_cast<int>(alarms.size());
    title_->setText(count == 0 ? tr("No unacknowledged alarms") : tr("Unacknowledged alarms: %1").arg(count));
    style::setTextColour(title_, count == 0 ? style::kGreen : style::kRed);
    acknowledge_->setEnabled(count > 0);
    acknowledgeAll_->setEnabled(count > 0);
    if (count != count_) {
        count_ = count;
        Q_EMIT unacknowledgedChanged(count);
    }
}

void AlarmsPanel::refreshLog() {
    core::EventQuery q;
    q.limit = kLogRows;
    auto events = session_.eventLog().query(q);
    if (!events)
        return;
    const QList<core::EventRecord>& list = events.value();
    // Unchanged since the last look: keep the table (and the operator's scroll position) as it is.
    const qint64 newest = list.isEmpty() ? 0 : list.first().id;
    if (log_->rowCount() == list.size() && log_->rowCount() > 0 &&
        log_->item(0, LogTime)->data(Qt::UserRole).toLongLong() == newest)
        return;
    log_->setRowCount(0);
    log_->setRowCount(static_cast<int>(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const core::EventRecord& e = list[row];
        auto* time = style::tableItem(style::shortTime(e.at));
        time->setData(Qt::UserRole, e.id);
        log_->setItem(row, LogTime, time);
        const QColor actorColour = e.actor == QLatin1String("auto") ? style::kAmber : QColor();
        log_->setItem(row, LogActor, style::tableItem(actorLabel(e.actor), actorColour));
        auto* action = style::tableItem(actionLabel(e.action));
        action->setToolTip(e.action + QLatin1Char('\n') +
                           QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)));
        action->setData(Qt::UserRole, e.action);
        log_->setItem(row, LogAction, action);
        bool isId = false;
        const qint64 subjectId = e.subject.toLongLong(&isId);
        log_->setItem(
            row, LogSubject,
            style::tableItem(isId && aboutSite(e.action) ? names_.value(subjectId, e.subject) : e.subject));
        log_->setItem(row, LogReason, style::tableItem(e.reason));
    }
}

void AlarmsPanel::acknowledgeSelected() {
    QList<qint64> ids;
    for (const QModelIndex& index : alarms_->selectionModel()->selectedRows())
        ids.append(alarmIdAt(index.row()));
    if (ids.isEmpty() && alarms_->rowCount() > 0)
        ids.append(alarmIdAt(0));
    for (qint64 id : ids)
        (void)session_.acknowledgeAlarm(id, QStringLiteral("ui")); // one already gone is fine
    refreshAlarms();
    refreshLog();
}

void AlarmsPanel::acknowledgeAll() {
    session_.acknowledgeAllAlarms(QStringLiteral("ui"));
    refreshAlarms();
    refreshLog();
}

void AlarmsPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (event.as<ev::AlarmRaised>() || event.as<ev::AlarmAcknowledged>())
        refreshAlarms();
    else if (event.as<ev::SiteCreated>() || event.as<ev::SiteUpdated>())
        refreshAlarms(); // a name may have changed
    if (!logRefresh_->isActive())
        logRefresh_->start();
}

} // namespace hntt::ui
