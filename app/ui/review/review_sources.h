// What the review windows read and where they put clips: the store's recordings, meetings and
// sites, the job queue that runs clip exports, and the clips folder. A session provides them all;
// tests can give the store classes alone.
#pragma once

#include <QString>
#include <QStringList>

namespace hntt::core {
class JobQueue;
class MeetingBook;
class RecordingCatalogue;
class Session;
class SiteDirectory;
} // namespace hntt::core

namespace hntt::ui {

struct ReviewSources {
    core::RecordingCatalogue* recordings = nullptr;
    core::MeetingBook* meetings = nullptr;
    core::SiteDirectory* sites = nullptr;
    core::JobQueue* jobs = nullptr;
    core::Session* session = nullptr; // the library's edits (title, meeting, file, trash) go through it
    QString clipsDir;                 // where exported clips go by default
    // Folders clips are never saved in: the recordings' and the archives'.
    QStringList protectedFolders;

    // The session's store and jobs; clips in DATA_DIR/clips, never in its recordings' or archives'
    // folders.
    static ReviewSources fromSession(core::Session& session);
};

} // namespace hntt::ui
