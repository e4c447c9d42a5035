// A camera's ONVIF answers (app/core/camera/onvif_soap.cpp): the namespace-aware element tree and
// the SOAP envelope read from it (payload or fault), then the lookups the PTZ driver makes on an
// answer. Anything that is not a well-formed envelope is nullopt, never a crash or a deep recursion.
#include "core/camera/onvif_soap.h"
#include "fuzz_check.h"

#include <cstddef>
#include <cstdint>

namespace onvif = hntt::core::camera::onvif;

namespace {

// Depth of a tree, to hold the parser to its limit on nesting.
int depth(const onvif::XmlElement& e) {
    int deepest = 0;
    for (const onvif::XmlElement& c : e.children)
        deepest = std::max(deepest, depth(c));
    return deepest + 1;
}

// What the driver looks for in its answers (GetCapabilities, GetServices, GetProfiles, GetNode,
// GetPresets, GetStatus, GetSystemDateAndTime).
void lookups(const onvif::XmlElement& e) {
    for (const char16_t* name : {u"Capabilities", u"Service", u"Profiles", u"PTZNode", u"Preset",
                                 u"PTZStatus", u"UTCDateTime", u"Position", u"PanTilt", u"Zoom", u"XRange"}) {
        if (const onvif::XmlElement* found = e.find(name))
            (void)found->attribute(QStringLiteral("token"));
        for (const onvif::XmlElement* c : e.childrenNamed(name))
            (void)c->childText(u"XAddr");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray xml(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (const auto root = onvif::parseXml(xml)) {
        HNTT_FUZZ_CHECK(depth(*root) <= 64);
        lookups(*root);
    }
    const auto answer = onvif::parseSoap(xml);
    if (!answer)
        return 0;
    HNTT_FUZZ_CHECK(answer->payload.has_value() != answer->fault.has_value());
    if (answer->payload)
        lookups(*answer->payload);
    return 0;
}
