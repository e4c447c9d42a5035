// The detached CMS signature (RFC 5652, DER, as `openssl cms -sign -binary` makes) that lets an
// archive be filed as a signed electronic document: made with an X.509 certificate and its
// private key (PEM files), checked against the exact bytes of manifest.json.
#pragma once

#include "core/store/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
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
    QString name;              // the common name (CN), or the subject when it has none
};

// The certificates whose signatures a reader trusts. A signer is trusted when its certificate is
// one of them or is issued by one of them (through certificates the signature carries). A look-alike
// certificate with the same subject is not: only the certificate itself, by its bytes, counts.
class TrustedCertificates {
public:
    // Adds every certificate of a PEM file; Invalid, with the reason, when it holds none.
    Result<QList<SignerInfo>> addFile(const QString& path);
    // Adds certificates from PEM text (the same rules); what was added.
    Result<QList<SignerInfo>> addPem(const QByteArray& pem, const QString& origin);
    void add(const TrustedCertificates& other) {
        der_ += other.der_;
        info_ += other.info_;
    }
    bool isEmpty() const { return der_.isEmpty(); }
    const QList<SignerInfo>& certificates() const { return info_; }
    const QList<QByteArray>& der() const { return der_; }

private:
    QList<QByteArray> der_;
    QList<SignerInfo> info_;
};

// Loads both files and checks that they belong together and that the certificate is valid now.
// Invalid, with the reason, otherwise.
Result<SignerInfo> checkSigningIdentity(const SigningIdentity& identity);

// A detached signature (DER) over `content`, taken as binary.
Result<QByteArray> signDetached(const QByteArray& content, const SigningIdentity& identity);

struct SignatureCheck {
    bool valid = false;
    bool trusted = false; // valid, and the signer is one of the trusted certificates' (or issued by one)
    SignerInfo signer;    // when valid
    QString error;        // when not
};

// Checks that `der` is a signature over exactly `content` by the certificate it carries, and
// whether that certificate is trusted. Expiry is not held against it: an archive is read for
// years after its certificate ran out.
SignatureCheck verifyDetached(const QByteArray& content, const QByteArray& der,
                              const TrustedCertificates& trusted = {});

} // namespace hntt::core::archive
