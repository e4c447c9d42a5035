// The far end's INFO read apart from the stack (no Sofia here), so that the reading can be
// exercised with any text a peer may send.
#include "hntt/sip/sip_agent.h"

#include <algorithm>
#include <cctype>

namespace hntt::sip {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

InfoKind infoKindOf(std::string_view contentType, std::string_view body) {
    if (equalsIgnoreCase(contentType, "application/media_control+xml") &&
        body.find("picture_fast_update") != std::string_view::npos)
        return InfoKind::PictureFastUpdate;
    if (equalsIgnoreCase(contentType, "application/dtmf-relay") ||
        equalsIgnoreCase(contentType, "application/dtmf"))
        return InfoKind::Dtmf;
    return InfoKind::Other;
}

} // namespace hntt::sip
