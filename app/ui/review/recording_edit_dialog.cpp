#include "ui/review/recording_edit_dialog.h"

#include "core/province_time.h"
#include "core/session/session.h"
#include "core/store/meeting_book.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace hntt::ui {

namespace {

constexpr qint64 kMeetingWindowDays = 7; // bookings offered: the week before and after the recording

} // namespace

RecordingEditDialog::RecordingEditDialog(core::Session& session, const core::RecordingRecord& recording,
                                         QWidget* parent)
    : QDialog(parent)
    , session_(session)
    , recording_(recording) {
    setObjectName(QStringLiteral("recordingEditDialog"));
    setWindowTitle(tr("Recording details"));
    auto* root = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    title_ = new QLineEdit(recording.title, this);
    title_->setObjectName(QStringLiteral("recordingTitle"));
    title_->setMaxLength(200);
    form->addRow(tr("Title:"), title_);

    meeting_ = new QComboBox(this);
    meeting_->setObjectName(QStringLiteral("recordingMeeting"));
    meeting_->addItem(tr("No meeting"), QVariant());
    const QLocale locale;
    const QDateTime at =
        recording.startedAt.isValid() ? recording.startedAt : QDateTime::currentDateTimeUtc();
    if (auto meetings =
            session.meetings().between(at.addDays(-kMeetingWindowDays), at.addDays(kMeetingWindowDays)))
        for (const core::MeetingRecord& m : meetings.value())
            meeting_->addItem(
                QStringLiteral("%1 · %2").arg(
                    locale.toString(core::inProvinceTime(m.startsAt), QStringLiteral("dd/MM/yyyy HH:mm")),
                    m.title),
                m.id);
    if (recording.meetingId) {
        int index = meeting_->findData(*recording.meetingId);
        if (index < 0) { // booked outside the week: still offered, as it is
            auto m = session.meetings().get(*recording.meetingId);
            meeting_->addItem(m ? m->title : tr("Meeting %1").arg(*recording.meetingId),
                              *recording.meetingId);
            index = meeting_->count() - 1;
        }
        meeting_->setCurrentIndex(index);
    }
    form->addRow(tr("Meeting:"), meeting_);

    const QFileInfo file(recording.path);
    fileName_ = new QLineEdit(file.completeBaseName(), this);
    fileName_->setObjectName(QStringLiteral("recordingFileName"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(fileName_, 1);
    if (!file.suffix().isEmpty())
        fileRow->addWidget(new QLabel(QLatin1Char('.') + file.suffix(), this));
    form->addRow(tr("File name:"), fileRow);
    auto* folder = new QLabel(tr("In %1").arg(QDir::toNativeSeparators(file.absolutePath())), this);
    folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folder->setStyleSheet(QStringLiteral("color: palette(mid);"));
    form->addRow(QString(), folder);
    if (!file.isFile()) {
        fileName_->setEnabled(false);
        fileName_->setToolTip(tr("The file is missing: point the recording at the moved file first."));
    }
    root->addLayout(form);

    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("recordingEditProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #f07070;"));
    problem_->hide();
    root->addWidget(problem_);

    auto* buttons = new QDialogButtonBox(this);
    auto* save = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("saveRecording"));
    save->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole)->setObjectName(QStringLiteral("cancel"));
    root->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
}

bool RecordingEditDialog::apply() {
    core::Session::RecordingChange change;
    if (title_->text().trimmed() != recording_.title)
        change.title = title_->text().trimmed();
    const QVariant meeting = meeting_->currentData();
    const std::optional<qint64> chosen =
        meeting.isValid() ? std::optional<qint64>(meeting.toLongLong()) : std::nullopt;
    if (chosen != recording_.meetingId)
        change.meetingId = chosen;
    if (fileName_->isEnabled() &&
        fileName_->text().trimmed() != QFileInfo(recording_.path).completeBaseName())
        change.fileName = fileName_->text().trimmed();
    if (!change.title && !change.meetingId && !change.fileName)
        return true;
    auto done = session_.changeRecording(recording_.id, change, QStringLiteral("ui"));
    if (!done) {
        problem_->setText(done.error().message);
        problem_->show();
        return false;
    }
    recording_ = done.value();
    problem_->hide();
    return true;
}

} // namespace hntt::ui
