#include "ui/panels/event_log_view.h"

#include "core/engine_reason.h"
#include "core/event_labels.h"
#include "core/event_table.h"
#include "core/session/session.h"
#include "core/store/database.h"
#include "core/store/event_log.h"
#include "core/system_error.h"
#include "ui/file_dialogs.h"
#include "ui/panels/panel_style.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

constexpr int kComboLetters = 9;

} // namespace

EventLogView::EventLogView(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("eventLogView"));
    auto* title = new QLabel(tr("Event log"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    show_ = new QComboBox(this);
    show_->setObjectName(QStringLiteral("logShow"));
    show_->addItem(tr("Everything"), static_cast<int>(Show::Everything));
    show_->addItem(tr("Alarms and automatic events"), static_cast<int>(Show::Automatic));
    show_->addItem(tr("Operator and API actions"), static_cast<int>(Show::People));
    show_->setToolTip(tr("Which events the log shows"));
    // Both lists open as wide as their entries but ask for little room in the panel, so that the
    // console still fits a 1366-pixel screen.
    show_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    show_->setMinimumContentsLength(kComboLetters);
    site_ = new QComboBox(this);
    site_->setObjectName(QStringLiteral("logSite"));
    site_->setToolTip(tr("Only the events of one site"));
    site_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    site_->setMinimumContentsLength(kComboLetters); // a long name must not widen the panel
    site_->addItem(tr("All sites"), 0);
    export_ = new QPushButton(tr("Export…"), this);
    export_->setObjectName(QStringLiteral("logExport"));
    export_->setToolTip(tr("Save the events the filters show, all of them, as a CSV file for a spreadsheet"));
    // The title over its filters, not beside them: the bottom docks share a 1366-pixel screen.
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(show_);
    bar->addWidget(site_);
    bar->addWidget(export_);

    table_ = style::makeTable(this, QStringLiteral("eventLog"),
                              {tr("Time"), tr("By"), tr("Action"), tr("Subject"), tr("Reason")}, LogReason);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(title);
    v->addLayout(bar);
    v->addWidget(table_, 1);

    refresh_ = new QTimer(this);
    refresh_->setSingleShot(true);
    refresh_->setInterval(300);
    connect(refresh_, &QTimer::timeout, this, &EventLogView::refresh);
    // Some actions (camera commands) are logged without an event: look again now and then.
    auto* slow = new QTimer(this);
    slow->setInterval(2000);
    connect(slow, &QTimer::timeout, this, &EventLogView::refresh);
    slow->start();
    auto filtered = [this] {
        filtersChanged_ = true;
        refresh();
    };
    connect(show_, &QComboBox::currentIndexChanged, this, filtered);
    connect(site_, &QComboBox::currentIndexChanged, this, filtered);
    connect(export_, &QPushButton::clicked, this, &EventLogView::chooseExportFile);
}

void EventLogView::setSiteNames(const QHash<qint64, QString>& names, const QList<qint64>& order) {
    names_ = names;
    const qint64 chosen = site_->currentData().toLongLong();
    const QSignalBlocker quiet(site_);
    site_->clear();
    site_->addItem(tr("All sites"), 0);
    for (qint64 id : order)
        site_->addItem(names.value(id), id);
    const int at = site_->findData(chosen);
    site_->setCurrentIndex(at < 0 ? 0 : at);
    if (at < 0 && chosen != 0) { // the site was removed: every site again
        filtersChanged_ = true;
        scheduleRefresh();
    }
}

void EventLogView::setShow(Show show) {
    show_->setCurrentIndex(show_->findData(static_cast<int>(show)));
}

void EventLogView::setSite(qint64 siteId) {
    site_->setCurrentIndex(std::max(0, site_->findData(siteId)));
}

void EventLogView::scheduleRefresh() {
    if (!refresh_->isActive())
        refresh_->start();
}

QString EventLogView::subjectText(const core::EventRecord& e) const {
    return core::EventTable::subject(e, names_);
}

core::EventQuery EventLogView::query(int limit) const {
    core::EventQuery q;
    q.limit = limit;
    switch (static_cast<Show>(show_->currentData().toInt())) {
    case Show::Everything:
        break;
    case Show::Automatic:
        q.automatic = true;
        break;
    case Show::People:
        q.automatic = false;
        break;
    }
    if (const qint64 site = site_->currentData().toLongLong())
        q.subject = QString::number(site);
    return q;
}

void EventLogView::refresh() {
    auto events = session_.eventLog().query(query(kRows));
    if (!events)
        return;
    const QList<core::EventRecord>& list = events.value();
    // Unchanged since the last look: keep the table (and the operator's scroll position) as it is.
    const qint64 newest = list.isEmpty() ? 0 : list.first().id;
    if (!filtersChanged_ && table_->rowCount() == list.size() && table_->rowCount() > 0 &&
        table_->item(0, LogTime)->data(Qt::UserRole).toLongLong() == newest)
        return;
    filtersChanged_ = false;
    table_->setRowCount(0);
    table_->setRowCount(static_cast<int>(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const core::EventRecord& e = list[row];
        auto* time = style::tableItem(style::shortTime(e.at));
        time->setData(Qt::UserRole, e.id);
        table_->setItem(row, LogTime, time);
        const QColor actorColour = e.actor == QLatin1String("auto") ? style::kAmber : QColor();
        table_->setItem(row, LogActor, style::tableItem(core::EventLabels::actor(e.actor), actorColour));
        const core::EventDetail detail = core::EventLog::detailOf(e);
        auto* action = style::tableItem(core::EventLabels::action(e.action, detail));
        action->setToolTip(e.action + QLatin1Char('\n') + detail.text);
        action->setData(Qt::UserRole, e.action);
        table_->setItem(row, LogAction, action);
        table_->setItem(row, LogSubject, style::tableItem(subjectText(e)));
        table_->setItem(row, LogReason, style::tableItem(core::EngineReason::text(e.reason)));
    }
}

QString EventLogView::exportTo(const QString& path) const {
    auto events = session_.eventLog().query(query(0));
    if (!events)
        return events.error().message;
    const QByteArray csv = core::EventTable::csv(events.value(), names_);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return tr("The event log could not be saved to %1: %2")
            .arg(QDir::toNativeSeparators(path), core::SystemError::translated(file.errorString()));
    return {};
}

void EventLogView::chooseExportFile() {
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("nhat-ky-%1.csv")
                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path =
        file_dialogs::saveFile(this, tr("Export the event log"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString failed = exportTo(path); !failed.isEmpty())
        Q_EMIT message(failed);
    else
        Q_EMIT message(tr("Event log saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace hntt::ui
