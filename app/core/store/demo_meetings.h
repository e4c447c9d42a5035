// The demo's meeting book (--demo): a week of the province's meetings as its office books them,
// one of them running from the current hour, so that the meeting panel, its connection check and
// starting a meeting can be tried at once.
#pragma once

#include "core/store/meeting_book.h"
#include "core/store/site_directory.h"

#include <QDateTime>

namespace hntt::core {

// Books the week from `now` on when nothing is booked from `now` on; otherwise leaves the book alone.
// Hosts and participants are taken from the directory (the demo's: its control room, districts
// and communes). Returns the number of meetings booked.
Result<int> loadDemoMeetings(MeetingBook& book, const SiteDirectory& directory, const QDateTime& now);

} // namespace hntt::core
