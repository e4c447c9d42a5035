// What the call manager reads from a peer's SIP text, apart from the calls themselves: the key a
// caller's From address is matched by, the host a stored address names, and the key a DTMF INFO
// body carries.
#pragma once

#include <QChar>
#include <QString>
#include <optional>
#include <string>

namespace hntt::core {

// "sip:user@host" of an address: no port, no parameters, host in lower case, sips as sip; empty
// for text without a scheme. A caller's From address is matched against a stored one by it.
QString sipMatchKey(const QString& uri);

// The host part of a SIP address (an IPv6 literal without its brackets), for the route our media
// leaves by.
std::string sipHostOf(const QString& uri);

// The key of a DTMF INFO body: application/dtmf-relay ("Signal=5\r\nDuration=160") or
// application/dtmf ("5"); upper case; nullopt for anything else.
std::optional<QChar> dtmfKeyOf(const QString& body);

} // namespace hntt::core
