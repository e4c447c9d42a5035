#include "core/archive/manifest_signature.h"

#include "core/bounded_file.h"

#include <QFile>
#include <QStringList>
#include <memory>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace hntt::core::archive {

namespace {

struct ManifestSignature {
    Q_DECLARE_TR_FUNCTIONS(ManifestSignature)
};

struct BioDeleter {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Deleter {
    void operator()(X509* x) const { X509_free(x); }
};
struct KeyDeleter {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct CmsDeleter {
    void operator()(CMS_ContentInfo* c) const { CMS_ContentInfo_free(c); }
};
struct StoreDeleter {
    void operator()(X509_STORE* s) const { X509_STORE_free(s); }
};
struct SignersDeleter { // CMS_get0_signers: the stack is ours, its certificates are not
    void operator()(STACK_OF(X509) * s) const { sk_X509_free(s); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, CmsDeleter>;
using StorePtr = std::unique_ptr<X509_STORE, StoreDeleter>;
using SignersPtr = std::unique_ptr<STACK_OF(X509), SignersDeleter>;

// OpenSSL's reasons for the last failure on this thread, and the queue left empty.
QString opensslReason() {
    QStringList reasons;
    while (const unsigned long e = ERR_get_error()) {
        char buf[256] = {};
        ERR_error_string_n(e, buf, sizeof buf);
        reasons.append(QString::fromUtf8(buf));
    }
    return reasons.isEmpty() ? ManifestSignature::tr("unknown reason") : reasons.join(QStringLiteral("; "));
}

Error invalid(const QString& message) {
    return Error{Error::Code::Invalid, message};
}

BioPtr memoryBio(const QByteArray& bytes) {
    return BioPtr(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

enum class PemKind { Certificate, Key };
constexpr qint64 kMaxPemBytes = 1 << 20;

Result<QByteArray> readPemFile(const QString& path, PemKind kind) {
    const bool cert = kind == PemKind::Certificate;
    if (path.isEmpty())
        return invalid(cert ? ManifestSignature::tr("No certificate file is given.")
                            : ManifestSignature::tr("No private key file is given."));
    // Missing, unreadable, not a regular file, too large or not PEM: one answer for all, so that a
    // client naming paths learns nothing of what exists.
    auto bytes = readBoundedRegularFile(path, kMaxPemBytes);
    const bool pem = bytes && bytes->contains(cert ? "-----BEGIN CERTIFICATE-----" : "-----BEGIN ");
    if (!pem)
        return invalid(
            cert ? ManifestSignature::tr("%1 is not a readable PEM certificate file of at most 1 MiB.")
                       .arg(path)
                 : ManifestSignature::tr("%1 is not a readable PEM private key file of at most 1 MiB.")
                       .arg(path));
    return *std::move(bytes);
}

// Never asks for a passphrase (OpenSSL's default would wait on the terminal).
int noPassphrase(char*, int, int, void*) {
    return 0;
}

QString subjectOf(X509* cert) {
    BioPtr out(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(out.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long n = BIO_get_mem_data(out.get(), &data);
    return QString::fromUtf8(data, static_cast<qsizetype>(n));
}

QString commonNameOf(X509* cert) {
    X509_NAME* name = X509_get_subject_name(cert);
    const int at = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (at < 0)
        return subjectOf(cert);
    unsigned char* utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
    if (n < 0)
        return subjectOf(cert);
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(utf8), n);
    OPENSSL_free(utf8);
    return text;
}

QString fingerprintOf(X509* cert) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!X509_digest(cert, EVP_sha256(), md, &n))
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(md), static_cast<qsizetype>(n)).toHex(':').toUpper());
}

SignerInfo infoOf(X509* cert) {
    return {subjectOf(cert), fingerprintOf(cert), commonNameOf(cert)};
}

struct Identity {
    X509Ptr cert;
    KeyPtr key;
};

Result<Identity> loadIdentity(const SigningIdentity& id) {
    ERR_clear_error();
    auto certPem = readPemFile(id.certificatePath, PemKind::Certificate);
    if (!certPem)
        return certPem.error();
    auto keyPem = readPemFile(id.keyPath, PemKind::Key);
    if (!keyPem)
        return keyPem.error();
    Identity out;
    BioPtr certBio = memoryBio(certPem.value());
    out.cert.reset(PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr));
    if (!out.cert)
        return invalid(ManifestSignature::tr("%1 is not a PEM X.509 certificate: %2")
                           .arg(id.certificatePath, opensslReason()));
    BioPtr keyBio = memoryBio(keyPem.value());
    out.key.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr));
    if (!out.key)
        return invalid(ManifestSignature::tr("%1 is not a PEM private key without a passphrase: %2")
                           .arg(id.keyPath, opensslReason()));
    if (X509_check_private_key(out.cert.get(), out.key.get()) != 1) {
        ERR_clear_error();
        return invalid(ManifestSignature::tr("The private key %1 does not belong to the certificate %2.")
                           .arg(id.keyPath, id.certificatePath));
    }
    if (X509_cmp_current_time(X509_get0_notAfter(out.cert.get())) <= 0)
        return invalid(ManifestSignature::tr("The certificate %1 has expired.").arg(id.certificatePath));
    if (X509_cmp_current_time(X509_get0_notBefore(out.cert.get())) >= 0)
        return invalid(ManifestSignature::tr("The certificate %1 is not valid yet.").arg(id.certificatePath));
    return out;
}

} // namespace

Result<SignerInfo> checkSigningIdentity(const SigningIdentity& identity) {
    auto loaded = loadIdentity(identity);
    if (!loaded)
        return loaded.error();
    return infoOf(loaded->cert.get());
}

Result<QByteArray> signDetached(const QByteArray& content, const SigningIdentity& identity) {
    auto loaded = loadIdentity(identity);
    if (!loaded)
        return loaded.error();
    BioPtr in = memoryBio(content);
    CmsPtr cms(CMS_sign(loaded->cert.get(), loaded->key.get(), nullptr, in.get(), CMS_DETACHED | CMS_BINARY));
    if (!cms)
        return Error{Error::Code::Internal,
                     ManifestSignature::tr("Cannot sign the manifest: %1").arg(opensslReason())};
    BioPtr out(BIO_new(BIO_s_mem()));
    if (i2d_CMS_bio(out.get(), cms.get()) != 1)
        return Error{Error::Code::Internal,
                     ManifestSignature::tr("Cannot sign the manifest: %1").arg(opensslReason())};
    char* data = nullptr;
    const long n = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}

Result<QList<SignerInfo>> TrustedCertificates::addFile(const QString& path) {
    auto pem = readPemFile(path, PemKind::Certificate);
    if (!pem)
        return pem.error();
    return addPem(pem.value(), path);
}

Result<QList<SignerInfo>> TrustedCertificates::addPem(const QByteArray& pem, const QString& origin) {
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    QList<SignerInfo> added;
    while (X509Ptr cert{PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr)}) {
        unsigned char* out = nullptr;
        const int n = i2d_X509(cert.get(), &out);
        if (n <= 0)
            continue;
        der_.append(QByteArray(reinterpret_cast<const char*>(out), n));
        OPENSSL_free(out);
        info_.append(infoOf(cert.get()));
        added.append(info_.constLast());
    }
    ERR_clear_error(); // the end of the file reads as an error
    if (added.isEmpty())
        return invalid(ManifestSignature::tr("%1 holds no PEM X.509 certificate.").arg(origin));
    return added;
}

namespace {

struct StoreCtxDeleter {
    void operator()(X509_STORE_CTX* c) const { X509_STORE_CTX_free(c); }
};
struct CertStackDeleter { // CMS_get1_certs: the stack and its references are ours
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};

// Whether `signer` is one of the trusted certificates or chains up to one of them through the
// certificates the signature carries.
bool isTrusted(X509* signer, CMS_ContentInfo* cms, const TrustedCertificates& trusted) {
    if (trusted.isEmpty())
        return false;
    StorePtr store(X509_STORE_new());
    for (const QByteArray& der : trusted.der()) {
        const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
        X509Ptr cert(d2i_X509(nullptr, &p, der.size()));
        if (cert)
            X509_STORE_add_cert(store.get(), cert.get());
    }
    // A trusted certificate is an anchor by itself, whoever issued it; its dates do not matter.
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN | X509_V_FLAG_NO_CHECK_TIME);
    std::unique_ptr<STACK_OF(X509), CertStackDeleter> carried(CMS_get1_certs(cms));
    std::unique_ptr<X509_STORE_CTX, StoreCtxDeleter> ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), signer, carried.get()) != 1)
        return false;
    const bool ok = X509_verify_cert(ctx.get()) == 1;
    ERR_clear_error();
    return ok;
}

} // namespace

SignatureCheck verifyDetached(const QByteArray& content, const QByteArray& der,
                              const TrustedCertificates& trusted) {
    ERR_clear_error();
    SignatureCheck check;
    BioPtr sigBio = memoryBio(der);
    CmsPtr cms(d2i_CMS_bio(sigBio.get(), nullptr));
    if (!cms) {
        check.error = ManifestSignature::tr("it is not a CMS signature (%1)").arg(opensslReason());
        return check;
    }
    if (!CMS_is_detached(cms.get())) {
        check.error = ManifestSignature::tr("it is not a detached signature");
        return check;
    }
    StorePtr store(X509_STORE_new());
    BioPtr data = memoryBio(content);
    // The signature over these bytes is checked; the certificate's trust is for the reader.
    if (CMS_verify(cms.get(), nullptr, store.get(), data.get(), nullptr,
                   CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
        check.error = ManifestSignature::tr("it does not match manifest.json (%1)").arg(opensslReason());
        return check;
    }
    SignersPtr signers(CMS_get0_signers(cms.get()));
    if (!signers || sk_X509_num(signers.get()) < 1) {
        check.error = ManifestSignature::tr("it names no signer");
        return check;
    }
    X509* cert = sk_X509_value(signers.get(), 0);
    check.valid = true;
    check.signer = infoOf(cert);
    check.trusted = isTrusted(cert, cms.get(), trusted);
    ERR_clear_error();
    return check;
}

} // namespace hntt::core::archive
