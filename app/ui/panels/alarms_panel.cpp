#include "ui/panels/alarms_panel.h"

#include "core/event_labels.h"
#include "core/session/session.h"
#include "core/url_mask.h"
#include "ui/elided_label.h"
#include "ui/panels/event_log_view.h"
#include "ui/panels/panel_style.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hntt::ui {

AlarmsPanel::AlarmsPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("alarmsPanel"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);
    auto* split = new QSplitter(Qt::Vertical, this);
    v->addWidget(split);

    auto* top = new QWidget(split);
    alarmsBox_ = top;
    auto* tv = new QVBoxLayout(top);
    tv->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    title_ = new ElidedLabel(top); // never widens the bottom docks past a 1366-pixel screen
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

    log_ = new EventLogView(session_, split);
    split->addWidget(log_);
    connect(log_, &EventLogView::message, this, &AlarmsPanel::message);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    connect(acknowledge_, &QPushButton::clicked, this, &AlarmsPanel::acknowledgeSelected);
    connect(acknowledgeAll_, &QPushButton::clicked, this, &AlarmsPanel::acknowledgeAll);
    connect(&session_, &core::Session::changed, this, &AlarmsPanel::onEvent);
    readSites();
    refreshAlarms();
    log_->refresh();
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

void AlarmsPanel::readSites() {
    names_.clear();
    QList<qint64> order; // the directory's
    for (const core::SiteRecord& s : session_.siteRecords()) {
        names_.insert(s.id, s.name);
        order << s.id;
    }
    log_->setSiteNames(names_, order);
}

void AlarmsPanel::refreshAlarms() {
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
        alarms_->setItem(i, AlarmWhat, style::tableItem(core::EventLabels::alarmKind(a.kind), style::kRed));
        alarms_->setItem(i, AlarmReason, style::tableItem(reason));
        for (int c = 0; c < AlarmColumnCount; ++c)
            alarms_->item(i, c)->setBackground(style::kRedTint);
    }
    const int count = static_cast<int>(alarms.size());
    title_->setFullText(count == 0 ? tr("No unacknowledged alarms")
                                   : tr("Unacknowledged alarms: %1").arg(count));
    style::setTextColour(title_, count == 0 ? style::kGreen : style::kRed);
    acknowledge_->setEnabled(count > 0);
    acknowledgeAll_->setEnabled(count > 0);
    // No alarm: the table folds away and the event log takes the room.
    alarms_->setVisible(count > 0);
    alarmsBox_->setMaximumHeight(count > 0 ? QWIDGETSIZE_MAX : alarmsBox_->minimumSizeHint().height());
    if (count != count_) {
        count_ = count;
        Q_EMIT unacknowledgedChanged(count);
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
    log_->refresh();
}

void AlarmsPanel::acknowledgeAll() {
    session_.acknowledgeAllAlarms(QStringLiteral("ui"));
    refreshAlarms();
    log_->refresh();
}

void AlarmsPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (event.as<ev::AlarmRaised>() || event.as<ev::AlarmAcknowledged>())
        refreshAlarms();
    else if (event.as<ev::SiteCreated>() || event.as<ev::SiteUpdated>() || event.as<ev::SiteDeleted>()) {
        readSites(); // a name may have changed
        refreshAlarms();
    }
    log_->scheduleRefresh();
}

} // namespace hntt::ui
