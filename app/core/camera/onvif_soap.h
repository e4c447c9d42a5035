// The SOAP 1.2 side of ONVIF: envelopes with a WS-Security UsernameToken (PasswordDigest), and a
// small namespace-aware element tree to read answers and faults by local name.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace hntt::core::camera::onvif {

inline constexpr char kSoapNs[] = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr char kDeviceNs[] = "http://www.onvif.org/ver10/device/wsdl";
inline constexpr char kMediaNs[] = "http://www.onvif.org/ver10/media/wsdl";
inline constexpr char kPtzNs[] = "http://www.onvif.org/ver20/ptz/wsdl";
inline constexpr char kSchemaNs[] = "http://www.onvif.org/ver10/schema";
inline constexpr char kWsseNs[] =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
inline constexpr char kWsuNs[] =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
inline constexpr char kPasswordDigestType[] =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
inline constexpr char kBase64EncodingType[] =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

// Base64(SHA-1(nonce + created + password)), nonce as raw bytes.
QByteArray passwordDigest(const QByteArray& nonce, const QString& created, const QString& password);

struct Credentials {
    QString username; // empty: no Security header
    QString password;
};

// A SOAP 1.2 envelope around `body` (XML using the prefixes s, tds, trt, tptz, tt), with a fresh
// UsernameToken when there is a user name. `created` is the camera's clock (UTC).
QByteArray envelope(const QString& body, const Credentials& credentials, const QDateTime& created);

// XML text and attribute values, escaped.
QString escaped(const QString& text);

struct XmlElement {
    QString name;                       // local name
    QString ns;                         // namespace URI
    QHash<QString, QString> attributes; // by local name
    QString text;                       // the element's own text, trimmed
    std::vector<XmlElement> children;

    const XmlElement* child(QStringView localName) const;
    QList<const XmlElement*> childrenNamed(QStringView localName) const;
    // The first descendant (depth first, not this element) of that local name.
    const XmlElement* find(QStringView localName) const;
    QString attribute(const QString& localName) const { return attributes.value(localName); }
    // Text of the direct child, empty when there is none.
    QString childText(QStringView localName) const;
};

// The document's root element; nullopt for anything that is not well-formed XML.
std::optional<XmlElement> parseXml(const QByteArray& xml);

struct SoapFault {
    QString code;    // e.g. "s:Sender"
    QString subcode; // e.g. "ter:NotAuthorized", possibly nested ones joined by " / "
    QString reason;  // the first Reason/Text
};

// A parsed SOAP answer: the Body's first element, or the fault.
struct SoapAnswer {
    std::optional<XmlElement> payload;
    std::optional<SoapFault> fault;
};
// nullopt when `xml` is not a SOAP 1.2 (or 1.1) envelope with a Body.
std::optional<SoapAnswer> parseSoap(const QByteArray& xml);

} // namespace hntt::core::camera::onvif
