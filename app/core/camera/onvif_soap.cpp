#include "core/camera/onvif_soap.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QXmlStreamReader>

namespace hntt::core::camera::onvif {

namespace {
constexpr int kMaxDepth = 64; // deeper answers are garbage, not a reason to recurse further
}

QByteArray passwordDigest(const QByteArray& nonce, const QString& created, const QString& password) {
    return QCryptographicHash::hash(nonce + created.toUtf8() + password.toUtf8(), QCryptographicHash::Sha1)
        .toBase64();
}

QString escaped(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&apos;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray envelope(const QString& body, const Credentials& credentials, const QDateTime& created) {
    QString header;
    if (!credentials.username.isEmpty()) {
        // A fresh random nonce for every request: a captured digest cannot be replayed.
        QByteArray nonce(16, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(nonce.data()), nonce.size() / 4);
        const QString createdText = created.toUTC().toString(Qt::ISODateWithMs);
        header =
            QStringLiteral("<s:Header><wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"%1\" "
                           "xmlns:wsu=\"%2\"><wsse:UsernameToken><wsse:Username>%3</wsse:Username>"
                           "<wsse:Password Type=\"%4\">%5</wsse:Password>"
                           "<wsse:Nonce EncodingType=\"%6\">%7</wsse:Nonce>"
                           "<wsu:Created>%8</wsu:Created></wsse:UsernameToken></wsse:Security>"
                           "</s:Header>")
                .arg(QLatin1String(kWsseNs), QLatin1String(kWsuNs), escaped(credentials.username),
                     QLatin1String(kPasswordDigestType),
                     QString::fromLatin1(passwordDigest(nonce, createdText, credentials.password)),
                     QLatin1String(kBase64EncodingType), QString::fromLatin1(nonce.toBase64()), createdText);
    }
    const QString text =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                       "<s:Envelope xmlns:s=\"%1\" xmlns:tds=\"%2\" xmlns:trt=\"%3\" "
                       "xmlns:tptz=\"%4\" xmlns:tt=\"%5\">%6<s:Body>%7</s:Body></s:Envelope>")
            .arg(QLatin1String(kSoapNs), QLatin1String(kDeviceNs), QLatin1String(kMediaNs),
                 QLatin1String(kPtzNs), QLatin1String(kSchemaNs), header, body);
    return text.toUtf8();
}

const XmlElement* XmlElement::child(QStringView localName) const {
    for (const XmlElement& c : children)
        if (c.name == localName)
            return &c;
    return nullptr;
}

QList<const XmlElement*> XmlElement::childrenNamed(QStringView localName) const {
    QList<const XmlElement*> out;
    for (const XmlElement& c : children)
        if (c.name == localName)
            out.append(&c);
    return out;
}

const XmlElement* XmlElement::find(QStringView localName) const {
    for (const XmlElement& c : children) {
        if (c.name == localName)
            return &c;
        if (const XmlElement* e = c.find(localName))
            return e;
    }
    return nullptr;
}

QString XmlElement::childText(QStringView localName) const {
    const XmlElement* c = child(localName);
    return c ? c->text : QString();
}

std::optional<XmlElement> parseXml(const QByteArray& xml) {
    QXmlStreamReader reader(xml);
    std::optional<XmlElement> root;
    std::vector<XmlElement*> open; // the path from the root to the element being read
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (open.size() >= kMaxDepth)
                return std::nullopt;
            XmlElement e;
            e.name = reader.name().toString();
            e.ns = reader.namespaceUri().toString();
            for (const QXmlStreamAttribute& a : reader.attributes())
                e.attributes.insert(a.name().toString(), a.value().toString());
            if (open.empty()) {
                if (root)
                    return std::nullopt;
                root = std::move(e);
                open.push_back(&*root);
            } else {
                open.back()->children.push_back(std::move(e));
                open.push_back(&open.back()->children.back());
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (!open.empty()) {
                open.back()->text = open.back()->text.trimmed();
                open.pop_back();
            }
            break;
        case QXmlStreamReader::Characters:
            if (!open.empty())
                open.back()->text += reader.text();
            break;
        default:
            break;
        }
    }
    if (reader.hasError() || !root)
        return std::nullopt;
    return root;
}

std::optional<SoapAnswer> parseSoap(const QByteArray& xml) {
    const auto root = parseXml(xml);
    if (!root || root->name != QLatin1String("Envelope"))
        return std::nullopt;
    const XmlElement* body = root->child(u"Body");
    if (!body)
        return std::nullopt;
    SoapAnswer answer;
    const XmlElement* fault = body->child(u"Fault");
    if (fault) {
        SoapFault f;
        if (const XmlElement* code = fault->child(u"Code")) {
            f.code = code->childText(u"Value");
            QStringList subcodes;
            for (const XmlElement* sub = code->child(u"Subcode"); sub; sub = sub->child(u"Subcode"))
                subcodes << sub->childText(u"Value");
            f.subcode = subcodes.join(QLatin1String(" / "));
        } else {
            f.code = fault->childText(u"faultcode"); // SOAP 1.1
        }
        if (const XmlElement* reason = fault->child(u"Reason"))
            f.reason = reason->childText(u"Text");
        else
            f.reason = fault->childText(u"faultstring");
        answer.fault = std::move(f);
        return answer;
    }
    if (body->children.empty())
        return std::nullopt;
    answer.payload = body->children.front();
    return answer;
}

} // namespace hntt::core::camera::onvif
