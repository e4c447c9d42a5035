#include "ui/panels/meeting_panel.h"

#include "core/session/connection_check.h"
#include "core/session/session.h"
#include "ui/elided_label.h"
#include "ui/panels/panel_style.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

QString verdictLabel(core::SiteCheck::Verdict v) {
    switch (v) {
    case core::SiteCheck::Verdict::Pass:
        return MeetingPanel::tr("Pass");
    case core::SiteCheck::Verdict::Warn:
        return MeetingPanel::tr("Warning");
    case core::SiteCheck::Verdict::Fail:
        return MeetingPanel::tr("Fail");
    case core::SiteCheck::Verdict::Pending:
        break;
    }
    return MeetingPanel::tr("Checking…");
}

QColor verdictColour(core::SiteCheck::Verdict v) {
    switch (v) {
    case core::SiteCheck::Verdict::Pass:
        return style::kGreen;
    case core::SiteCheck::Verdict::Warn:
        return style::kAmber;
    case core::SiteCheck::Verdict::Fail:
        return style::kRed;
    case core::SiteCheck::Verdict::Pending:
        break;
    }
    return style::kGrey;
}

} // namespace

MeetingPanel::MeetingPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("meetingPanel"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);

    auto* header = new QHBoxLayout;
    day_ = new ElidedLabel(this);
    day_->setObjectName(QStringLiteral("day"));
    QFont bold = day_->font();
    bold.setBold(true);
    day_->setFont(bold);
    header->addWidget(day_);
    active_ = new ElidedLabel(this);
    active_->setObjectName(QStringLiteral("activeMeeting"));
    header->addWidget(active_, 1);
    start_ = new QPushButton(tr("Start meeting"), this);
    start_->setObjectName(QStringLiteral("start"));
    start_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed); // never narrower than its words
    check_ = new QPushButton(tr("Check connections"), this);
    check_->setObjectName(QStringLiteral("check"));
    check_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    header->addWidget(check_);
    header->addWidget(start_);
    v->addLayout(header);

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("message"));
    message_->setWordWrap(true);
    message_->hide();
    v->addWidget(message_);

    auto* split = new QSplitter(Qt::Vertical, this);
    meetings_ = style::makeTable(
        split, QStringLiteral("meetings"),
        {tr("Time"), tr("Title"), tr("Room"), tr("Host"), tr("Sites"), tr("Emergency")}, Title);
    split->addWidget(meetings_);

    auto* checkBox = new QWidget(split);
    auto* cv = new QVBoxLayout(checkBox);
    cv->setContentsMargins(0, 0, 0, 0);
    progress_ = new QProgressBar(checkBox);
    progress_->setObjectName(QStringLiteral("checkProgress"));
    progress_->setRange(0, 100);
    progress_->setValue(0);
    progress_->setFormat(tr("Connection check: %p%"));
    cv->addWidget(progress_);
    results_ = style::makeTable(checkBox, QStringLiteral("checkResults"),
                                {tr("Site"), tr("Reachable"), tr("Bitrate"), tr("Link rule"),
                                 tr("Packet loss"), tr("Result"), tr("Notes")},
                                CheckNotes);
    cv->addWidget(results_);
    split->addWidget(checkBox);
    v->addWidget(split, 1);

    connect(start_, &QPushButton::clicked, this, &MeetingPanel::startSelected);
    connect(check_, &QPushButton::clicked, this, &MeetingPanel::checkSelected);
    connect(&session_, &core::Session::changed, this, &MeetingPanel::onEvent);
    // A new day brings a new schedule.
    clock_ = new QTimer(this);
    clock_->setInterval(60 * 1000);
    connect(clock_, &QTimer::timeout, this, &MeetingPanel::refresh);
    clock_->start();
    refresh();
}

MeetingPanel::~MeetingPanel() = default;

qint64 MeetingPanel::meetingAt(int row) const {
    const QTableWidgetItem* i = meetings_->item(row, Time);
    return i ? i->data(Qt::UserRole).toLongLong() : 0;
}

int MeetingPanel::rowOf(qint64 meetingId) const {
    for (int row = 0; row < meetings_->rowCount(); ++row)
        if (meetingAt(row) == meetingId)
            return row;
    return -1;
}

bool MeetingPanel::checkRunning() const {
    return checkRun_ && checkRun_->running();
}

void MeetingPanel::refresh() {
    day_->setFullText(tr("Today, %1").arg(QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy"))));
    const qint64 selected = selectedMeeting();
    const auto activeId = session_.activeMeetingId();
    auto today = session_.meetings().today();
    if (!today) {
        showMessage(today.error().message, true);
        return;
    }
    QHash<qint64, QString> names;
    for (const core::SiteRecord& s : session_.siteRecords())
        names.insert(s.id, s.name);

    meetings_->setRowCount(0);
    meetings_->setRowCount(static_cast<int>(today->size()));
    for (int row = 0; row < today->size(); ++row) {
        const core::MeetingRecord& m = today->at(row);
        const bool active = activeId == m.id;
        auto* time = style::tableItem(
            QStringLiteral("%1–%2").arg(m.startsAt.toLocalTime().toString(QStringLiteral("HH:mm")),
                                        m.endsAt.toLocalTime().toString(QStringLiteral("HH:mm"))),
            active ? style::kRed : QColor());
        time->setData(Qt::UserRole, m.id);
        meetings_->setItem(row, Time, time);
        meetings_->setItem(row, Title, style::tableItem(m.title, active ? style::kRed : QColor()));
        meetings_->setItem(row, Room, style::tableItem(m.room));
        meetings_->setItem(row, Host,
                           style::tableItem(names.value(m.hostSiteId, QString::number(m.hostSiteId))));
        auto* sites = style::tableItem(QString::number(m.siteIds.size()));
        sites->setTextAlignment(Qt::AlignCenter);
        meetings_->setItem(row, Sites, sites);
        meetings_->setItem(row, Emergency,
                           style::tableItem(m.emergency ? tr("EMERGENCY") : QString(), style::kRed));
        if (m.emergency)
            for (int c = 0; c < MeetingColumnCount; ++c)
                meetings_->item(row, c)->setBackground(style::kRedTint);
    }
    if (const int row = rowOf(selected); row >= 0)
        meetings_->selectRow(row);

    QString activeText = tr("No meeting running");
    if (activeId)
        if (auto m = session_.meetings().get(*activeId))
            activeText = tr("Running: %1").arg(m->title);
    active_->setFullText(activeText);
    style::setTextColour(active_, activeId ? style::kRed : style::kGrey);
    start_->setEnabled(!today->isEmpty());
    check_->setEnabled(!today->isEmpty() && !checkRunning());
    // A control that cannot be used says why.
    const QString noneToday =
        tr("No meeting is booked for today (meetings are booked through the control API).");
    start_->setToolTip(today->isEmpty()
                           ? noneToday
                           : tr("Start the selected meeting: its sites come in, the host and the "
                                "participants go on program and preview."));
    check_->setToolTip(today->isEmpty() ? noneToday
                       : checkRunning() ? tr("A connection check is running; its progress is below.")
                                        : tr("Check every site of the selected meeting: reachable, pictures "
                                             "arriving, bitrate and loss against its link."));
}

qint64 MeetingPanel::selectedMeeting() const {
    const auto rows = meetings_->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return meetingAt(rows.first().row());
    return meetings_->rowCount() > 0 ? meetingAt(0) : 0;
}

void MeetingPanel::startSelected() {
    const qint64 id = selectedMeeting();
    if (!id)
        return;
    auto started = session_.startMeeting(id, QStringLiteral("ui"));
    if (!started) {
        showMessage(started.error().message, true);
        return;
    }
    showMessage(tr("%1 started: its sites are on program and preview.").arg(started->title), false);
    refresh();
    Q_EMIT meetingStarted(id);
}

void MeetingPanel::checkSelected() {
    const qint64 id = selectedMeeting();
    if (!id || checkRunning())
        return;
    auto meeting = session_.meetings().get(id);
    if (!meeting) {
        showMessage(meeting.error().message, true);
        return;
    }
    QList<qint64> ids{meeting->hostSiteId};
    for (qint64 s : meeting->siteIds)
        if (!ids.contains(s))
            ids.append(s);
    checkRun_ = std::make_unique<core::ConnectionCheck>(session_, ids, checkDuration_);
    connect(checkRun_.get(), &core::ConnectionCheck::progressed, this, &MeetingPanel::showCheck);
    connect(checkRun_.get(), &core::ConnectionCheck::finished, this, [this] {
        int failed = 0, warned = 0;
        for (const core::SiteCheck& c : checkRun_->results()) {
            failed += c.verdict == core::SiteCheck::Verdict::Fail;
            warned += c.verdict == core::SiteCheck::Verdict::Warn;
        }
        check_->setEnabled(true);
        showMessage(failed
                        ? tr("Connection check: %1 site(s) failed, %2 with warnings.").arg(failed).arg(warned)
                    : warned ? tr("Connection check: every site is reachable; %1 with warnings.").arg(warned)
                             : tr("Connection check: every site passed."),
                    failed > 0);
        Q_EMIT checkFinished(failed, warned);
    });
    check_->setEnabled(false);
    message_->hide();
    checkRun_->start();
}

void MeetingPanel::showCheck() {
    if (!checkRun_)
        return;
    progress_->setValue(static_cast<int>(checkRun_->progress() * 100));
    const QList<core::SiteCheck>& results = checkRun_->results();
    results_->setRowCount(static_cast<int>(results.size()));
    for (int row = 0; row < results.size(); ++row) {
        const core::SiteCheck& c = results[row];
        const bool pending = c.verdict == core::SiteCheck::Verdict::Pending;
        auto* site = style::tableItem(c.name);
        site->setData(Qt::UserRole, c.siteId);
        results_->setItem(row, CheckSite, site);
        results_->setItem(row, CheckReachable,
                          pending && !c.reachable() ? style::tableItem(tr("…"))
                          : c.reachable()           ? style::tableItem(tr("Yes"), style::kGreen)
                                                    : style::tableItem(tr("No"), style::kRed));
        results_->setItem(row, CheckBitrate,
                          style::tableItem(c.reachable()
                                               ? tr("%1 Mbit/s").arg(c.bitrateKbps / 1000.0, 0, 'f', 2)
                                               : tr("—")));
        results_->setItem(row, CheckLink,
                          style::tableItem(c.linkKnown ? tr("%1 Mbit/s").arg(c.linkKbps / 1000)
                                                       : tr("%1 Mbit/s (assumed)").arg(c.linkKbps / 1000)));
        results_->setItem(
            row, CheckLoss,
            style::tableItem(c.lossPercent ? tr("%1%").arg(*c.lossPercent, 0, 'f', 2) : tr("unknown")));
        auto* verdict = style::tableItem(verdictLabel(c.verdict), verdictColour(c.verdict));
        verdict->setData(Qt::UserRole, core::verdictName(c.verdict));
        results_->setItem(row, CheckResult, verdict);
        results_->setItem(row, CheckNotes, style::tableItem(c.notes.join(QLatin1Char(' '))));
    }
}

void MeetingPanel::onEvent(const core::SessionEvent& event) {
    if (event.as<core::events::MeetingScheduled>() || event.as<core::events::MeetingStarted>())
        refresh();
}

void MeetingPanel::showMessage(const QString& text, bool error) {
    message_->setText(text);
    style::setTextColour(message_, error ? style::kRed : style::kGreen);
    message_->show();
}

} // namespace hntt::ui
