#include "ui/file_dialogs.h"

#include <QFileDialog>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLocale>
#include <QScreen>
#include <QSplitter>
#include <QTreeView>
#include <algorithm>

namespace hntt::ui::file_dialogs {

namespace {

constexpr int kDateColumn = 3; // QFileSystemModel: name, size, type, date modified

// Dates in the window's locale (QLocale's default, set with the language); everything else, the
// order included, as the file model gives it.
class LocalDates : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex& index, int role) const override {
        if (index.column() == kDateColumn && role == Qt::DisplayRole)
            if (const auto* files = qobject_cast<const QFileSystemModel*>(sourceModel()))
                return QLocale().toString(files->lastModified(mapToSource(index)), QLocale::ShortFormat);
        return QIdentityProxyModel::data(index, role);
    }
};

QString run(QWidget* parent, const QString& title, const QString& where, const QString& filter,
            QFileDialog::AcceptMode mode, QFileDialog::FileMode fileMode) {
    QFileDialog dialog(parent, title, where, filter);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(mode);
    dialog.setFileMode(fileMode);
    if (fileMode == QFileDialog::Directory)
        dialog.setOption(QFileDialog::ShowDirsOnly);
    dialog.setProxyModel(new LocalDates(&dialog)); // the dialog owns it
    // Qt's default size cuts Vietnamese column titles and long archive names ("Kích thu",
    // "2026-12-06_12h…"): room for names, sizes and dates on a 1366x768 screen.
    const QScreen* screen = parent ? parent->screen() : dialog.screen();
    const QSize room = screen ? screen->availableSize() : QSize(1366, 768);
    dialog.resize(std::min(960, room.width() * 9 / 10), std::min(560, room.height() * 8 / 10));
    if (auto* places = dialog.findChild<QSplitter*>(QStringLiteral("splitter")))
        places->setSizes({170, dialog.width() - 170});
    if (auto* details = dialog.findChild<QTreeView*>(QStringLiteral("treeView"))) {
        // Size, kind and a full date ("06/12/2026 16:27") readable; the name has the rest.
        QHeaderView* header = details->header();
        const int size = 100, kind = 110, date = 150;
        header->resizeSection(1, size);
        header->resizeSection(2, kind);
        header->resizeSection(kDateColumn, date);
        header->resizeSection(0, std::max(200, dialog.width() - 170 - size - kind - date - 40));
    }
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.selectedFiles().value(0);
}

} // namespace

QString openFile(QWidget* parent, const QString& title, const QString& dir, const QString& filter) {
    return run(parent, title, dir, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFile);
}

QString saveFile(QWidget* parent, const QString& title, const QString& path, const QString& filter) {
    return run(parent, title, path, filter, QFileDialog::AcceptSave, QFileDialog::AnyFile);
}

QString existingFolder(QWidget* parent, const QString& title, const QString& dir) {
    return run(parent, title, dir, {}, QFileDialog::AcceptOpen, QFileDialog::Directory);
}

} // namespace hntt::ui::file_dialogs
