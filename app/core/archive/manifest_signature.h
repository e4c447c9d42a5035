// The detached CMS signature (RFC 5652, DER, as `openssl cms -sign -binary` makes) that lets an
// archive be filed as a signed electronic document: made with an X.509 certificate and its
// private key (PEM files), checked against the exact bytes of manifest.json.
#pragma once

#include "core/store/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace hntt::core::archive {

struct SigningIdentity {
    QString certificatePath; // PEM
    QString keyPath;         // PEM, not protected by a passphrase
    bool isSet() const { return !certificatePath.isEmpty() || !keyPath.isEmpty(); }
};

struct SignerInfo {
    QString subject;           // RFC 2253, UTF-8
    QString sha256Fingerprint; // of the certificate, "AB:CD:…"
};

// Loads both files and checks that they belong together and that the certificate is valid now.
// Invalid, with the reason, otherwise.
Result<SignerInfo> checkSigningIdentity(const SigningIdentity& identity);

// A detached signature (DER) over `content`, taken as binary.
Result<QByteArray> signDetached(const QByteArray& content, const SigningIdentity& identity);

struct SignatureCheck {
    bool valid = false;
    SignerInfo signer; // when valid
    QString error;     // when not
};

// Checks that `der` is a signature over exactly `content` by the certificate it carries. Whether
// that certificate is to be trusted is the reader's decision: its subject and fingerprint are
// given for that.
SignatureCheck verifyDetached(const QByteArray& content, const QByteArray& der);

} // namespace hntt::core::archive
