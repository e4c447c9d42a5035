#include "ui/panels/outputs_panel.h"

#include "core/session/session.h"
#include "core/url_mask.h"
#include "ui/panels/panel_style.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace hntt::ui {

namespace {

QString stateLabel(const QString& state) {
    if (state == QLatin1String("starting"))
        return OutputsPanel::tr("Starting");
    if (state == QLatin1String("running"))
        return OutputsPanel::tr("Running");
    if (state == QLatin1String("retrying"))
        return OutputsPanel::tr("Retrying");
    if (state == QLatin1String("failed"))
        return OutputsPanel::tr("Failed");
    if (state == QLatin1String("stopped"))
        return OutputsPanel::tr("Stopped");
    return state;
}

QColor stateColour(const QString& state) {
    if (state == QLatin1String("running"))
        return style::kGreen;
    if (state == QLatin1String("failed"))
        return style::kRed;
    if (state == QLatin1String("stopped"))
        return style::kGrey;
    return style::kAmber; // starting, retrying
}

QTableWidgetItem* cell(QTableWidget* table, int row, int column) {
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        table->setItem(row, column, item);
    }
    return item;
}

} // namespace

OutputsPanel::OutputsPanel(core::Session& session, QWidget* parent)
    : QWidget(parent)
    , session_(session) {
    setObjectName(QStringLiteral("outputsPanel"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);

    auto* addRow = new QHBoxLayout;
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("name"));
    name_->setPlaceholderText(tr("Name (e.g. Provincial portal)"));
    url_ = new QLineEdit(this);
    url_->setObjectName(QStringLiteral("url"));
    url_->setPlaceholderText(tr("srt://host:port, rtmp://host/app/key or udp://host:port"));
    add_ = new QPushButton(tr("Add stream"), this);
    add_->setObjectName(QStringLiteral("add"));
    addRow->addWidget(name_, 1);
    addRow->addWidget(url_, 2);
    addRow->addWidget(add_);
    v->addLayout(addRow);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("addError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    style::setTextColour(error_, style::kRed);
    error_->hide();
    v->addWidget(error_);

    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setObjectName(QStringLiteral("outputs"));
    table_->setHorizontalHeaderLabels(
        {tr("Name"), tr("URL"), tr("State"), tr("Bitrate"), tr("Error"), QString()});
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(Url, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(Error, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(Actions, QHeaderView::Fixed);
    v->addWidget(table_, 1);

    connect(add_, &QPushButton::clicked, this, &OutputsPanel::add);
    connect(url_, &QLineEdit::returnPressed, this, &OutputsPanel::add);
    connect(&session_, &core::Session::changed, this, &OutputsPanel::onEvent);
    stats_ = new QTimer(this);
    stats_->setInterval(1000); // bitrates
    connect(stats_, &QTimer::timeout, this, &OutputsPanel::refresh);
    stats_->start();
    refresh();
}

int OutputsPanel::rowOf(qint64 outputId) const {
    return static_cast<int>(shown_.indexOf(outputId));
}

QPushButton* OutputsPanel::toggleButton(qint64 outputId) const {
    const int row = rowOf(outputId);
    QWidget* w = row < 0 ? nullptr : table_->cellWidget(row, Actions);
    return w ? w->findChild<QPushButton*>(QStringLiteral("toggle")) : nullptr;
}

QPushButton* OutputsPanel::removeButton(qint64 outputId) const {
    const int row = rowOf(outputId);
    QWidget* w = row < 0 ? nullptr : table_->cellWidget(row, Actions);
    return w ? w->findChild<QPushButton*>(QStringLiteral("remove")) : nullptr;
}

void OutputsPanel::refresh() {
    const QList<core::OutputView> outputs = session_.outputs();
    QList<qint64> ids;
    for (const core::OutputView& o : outputs)
        ids.append(o.id);
    if (ids != shown_) {
        // The set changed: rows and their buttons anew (the bitrate updates below keep them).
        table_->setRowCount(0);
        table_->setRowCount(static_cast<int>(ids.size()));
        for (int row = 0; row < ids.size(); ++row) {
            const qint64 id = ids[row];
            auto* actions = new QWidget(table_);
            auto* h = new QHBoxLayout(actions);
            h->setContentsMargins(2, 0, 2, 0);
            auto* toggle = new QPushButton(actions);
            toggle->setObjectName(QStringLiteral("toggle"));
            auto* remove = new QPushButton(tr("Remove"), actions);
            remove->setObjectName(QStringLiteral("remove"));
            // Wide enough for either word, so the row does not jump when the state flips.
            const QFontMetrics fm = toggle->fontMetrics();
            toggle->setMinimumWidth(
                std::max(fm.horizontalAdvance(tr("Start")), fm.horizontalAdvance(tr("Stop"))) + 24);
            h->addWidget(toggle);
            h->addWidget(remove);
            table_->setColumnWidth(Actions, actions->sizeHint().width());
            connect(toggle, &QPushButton::clicked, this, [this, id] { this->toggle(id); });
            connect(remove, &QPushButton::clicked, this, [this, id] { this->remove(id); });
            table_->setCellWidget(row, Actions, actions);
        }
        shown_ = ids;
    }
    int trouble = 0;
    for (int row = 0; row < outputs.size(); ++row) {
        const core::OutputView& o = outputs.at(row);
        const QString state = QString::fromLatin1(engine::outputStateName(o.stats.state));
        const bool stopped = o.stats.state == engine::OutputState::Stopped;
        trouble +=
            o.stats.state == engine::OutputState::Failed || o.stats.state == engine::OutputState::Retrying;
        cell(table_, row, Name)->setText(o.name);
        cell(table_, row, Url)->setText(core::maskStreamUrl(o.url));
        QTableWidgetItem* st = cell(table_, row, State);
        st->setText(stateLabel(state));
        st->setForeground(stateColour(state));
        cell(table_, row, Bitrate)
            ->setText(stopped ? tr("—") : tr("%1 kbit/s").arg(qRound(o.stats.bitrateKbps)));
        QTableWidgetItem* err = cell(table_, row, Error);
        err->setText(core::maskStreamUrlsIn(o.error));
        err->setToolTip(err->text());
        err->setForeground(style::kRed);
        if (QPushButton* toggle = toggleButton(shown_[row]))
            toggle->setText(stopped ? tr("Start") : tr("Stop"));
        if (QPushButton* remove = removeButton(shown_[row])) {
            remove->setEnabled(stopped);
            remove->setToolTip(stopped ? QString() : tr("Stop the stream first."));
        }
    }
    if (trouble != trouble_) {
        trouble_ = trouble;
        Q_EMIT troubleChanged(trouble);
    }
}

void OutputsPanel::add() {
    const QString url = url_->text().trimmed();
    if (url.isEmpty()) {
        showError(tr("Enter the stream's URL."));
        return;
    }
    auto added = session_.addOutput(url, name_->text().trimmed(), QStringLiteral("ui"));
    if (!added) {
        showError(added.error().message);
        return;
    }
    error_->hide();
    url_->clear();
    name_->clear();
    refresh();
}

void OutputsPanel::toggle(qint64 id) {
    const auto output = session_.output(id);
    const bool stopped = output && output->stats.state == engine::OutputState::Stopped;
    if (stopped) {
        if (auto started = session_.startOutput(id, QStringLiteral("ui")); !started)
            showError(started.error().message);
        else
            error_->hide();
    } else if (auto done = session_.stopOutput(id, QStringLiteral("ui")); !done) {
        showError(done.error().message);
    } else {
        error_->hide();
    }
    refresh();
}

void OutputsPanel::remove(qint64 id) {
    if (auto done = session_.removeOutput(id, QStringLiteral("ui")); !done)
        showError(done.error().message);
    else
        error_->hide();
    // Not from inside the button's own click: its row (and the button) go in the refresh.
    QTimer::singleShot(0, this, &OutputsPanel::refresh);
}

void OutputsPanel::onEvent(const core::SessionEvent& event) {
    namespace ev = core::events;
    if (event.as<ev::OutputAdded>() || event.as<ev::OutputRemoved>() || event.as<ev::OutputStateChanged>())
        QTimer::singleShot(0, this, &OutputsPanel::refresh);
}

void OutputsPanel::showError(const QString& message) {
    error_->setText(message);
    error_->show();
}

} // namespace hntt::ui
