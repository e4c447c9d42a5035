#include "ui/review/review_sources.h"

#include "core/session/session.h"

#include <QDir>

namespace hntt::ui {

ReviewSources ReviewSources::fromSession(core::Session& session) {
    ReviewSources s;
    s.recordings = &session.recordings();
    s.meetings = &session.meetings();
    s.sites = &session.directory();
    s.jobs = &session.jobs();
    s.session = &session;
    s.clipsDir = QDir(session.options().dataDir).filePath(QStringLiteral("clips"));
    s.protectedFolders = {session.settings().recordingsDir(), session.settings().archivesDir()};
    return s;
}

} // namespace hntt::ui
