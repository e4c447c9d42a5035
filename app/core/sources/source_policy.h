// Which sources a site may name. A source URL is opened by FFmpeg on the console's machine, with
// the console's rights: without a policy any client of the API could make it read local files,
// reach services on loopback or use FFmpeg's wrapping protocols. The policy allows the schemes of
// contribution feeds (srt, rtsp, rtmp, udp, rtp) and the built-in test pictures; files only from
// the media folder; pulls from this machine's own addresses only when the operator allows it.
// The engine enforces the same schemes once more by FFmpeg's protocol whitelist.
#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QString>

namespace hntt::core {

struct SourcePolicy {
    Q_DECLARE_TR_FUNCTIONS(SourcePolicy)

public:
    // File sources must lie inside this folder (symbolic links resolved). Empty: no file sources.
    QString mediaDir;
    // Sources that connect out (srt caller, rtsp, rtmp) may reach this machine's own addresses
    // (loopback, unspecified, its interfaces, "localhost"). Off by default: a local service is
    // not a contribution feed.
    bool allowLocalTargets = false;
};

// Ok, or Invalid with a message for the operator that names what is refused and why. Does not
// touch the network: names other than this machine's own are not resolved.
Status checkSource(const QString& url, const SourcePolicy& policy);

} // namespace hntt::core
