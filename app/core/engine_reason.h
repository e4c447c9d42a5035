// The media engine says why a site went (its source's own words, in English: "No media for 10 s")
// and the console keeps those words in markers and the event log; shown to people, they are in
// the window's (or a document's) language. Words it does not know pass through, system errors
// inside them translated.
#pragma once

#include <QString>

namespace hntt::core {

class EngineReason {
public:
    static QString text(const QString& reason);
};

} // namespace hntt::core
