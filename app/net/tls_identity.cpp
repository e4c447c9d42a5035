#include "net/tls_identity.h"

#include "net/openssl_handles.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace hntt::net {

namespace {

constexpr std::size_t kMaxFileSize = 1024 * 1024;
constexpr long kValidDays = 825; // the most that Apple's platforms accept for a TLS server certificate
constexpr std::time_t kRenewBefore = 30 * 24 * 3600;
constexpr const char* kOrganization = "HNTT Console";
constexpr const char* kCertificateFile = "web-certificate.pem";
constexpr const char* kKeyFile = "web-key.pem";

void setError(std::string* error, std::string message) {
    ERR_clear_error(); // nothing stays queued for the next OpenSSL user on this thread
    if (error)
        *error = std::move(message);
}

std::string osError(int err) {
    return std::generic_category().message(err);
}

// Closes on every path.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd)
        : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    // Closes now, to see the error a delayed write may report.
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

private:
    int fd_;
};

// A certificate or key file: a FIFO or a device could block or never end, a huge file is not a
// certificate; both are refused before reading. `what` names the file in messages.
bool readSmallFile(const std::string& path, const std::string& what, std::string* out, std::string* error) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        setError(error, "Cannot read the " + what + " " + path + ": " + osError(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        setError(error, "The " + what + " " + path + " is not a regular file");
        return false;
    }
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxFileSize) {
        setError(error, "The " + what + " " + path + " is larger than 1 MiB");
        return false;
    }
    // O_NONBLOCK: should the path have become a FIFO since stat(), open() must not wait for a writer.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        setError(error, "Cannot read the " + what + " " + path + ": " + osError(errno));
        return false;
    }
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        setError(error, "The " + what + " " + path + " is not a regular file");
        return false;
    }
    std::string data;
    char chunk[16 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            setError(error, "Cannot read the " + what + " " + path + ": " + osError(errno));
            return false;
        }
        if (n == 0)
            break;
        data.append(chunk, static_cast<std::size_t>(n));
        if (data.size() > kMaxFileSize) { // grew since stat()
            setError(error, "The " + what + " " + path + " is larger than 1 MiB");
            return false;
        }
    }
    *out = std::move(data);
    return true;
}

// An encrypted key must fail, not make OpenSSL prompt on the terminal for a passphrase.
int refusePassphrase(char*, int, int, void*) {
    return -1;
}

BioPtr memoryBio(const std::string& data) {
    return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

// Every certificate of a PEM chain, the server's first; empty when there is none or one is broken.
std::vector<X509Ptr> readCertificates(const std::string& pem) {
    std::vector<X509Ptr> certs;
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    if (!bio)
        return certs;
    while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, refusePassphrase, nullptr))
        certs.emplace_back(x);
    // The end of the data shows as "no start line"; anything else is a damaged certificate.
    const unsigned long err = ERR_peek_last_error();
    if (ERR_GET_LIB(err) != ERR_LIB_PEM || ERR_GET_REASON(err) != PEM_R_NO_START_LINE)
        certs.clear();
    ERR_clear_error();
    return certs;
}

PkeyPtr readPrivateKey(const std::string& pem) {
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr) : nullptr);
    ERR_clear_error();
    return key;
}

std::string toPem(X509* cert, EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio)
        return {};
    const int ok = cert ? PEM_write_bio_X509(bio.get(), cert)
                        : PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    if (ok != 1)
        return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

TlsIdentity describe(std::string certificatePem, std::string privateKeyPem, X509* leaf) {
    TlsIdentity id;
    id.certificatePem = std::move(certificatePem);
    id.privateKeyPem = std::move(privateKeyPem);

    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdLen = 0;
    if (X509_digest(leaf, EVP_sha256(), md, &mdLen) == 1) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        for (unsigned int i = 0; i < mdLen; ++i) {
            if (i > 0)
                id.fingerprintSha256 += ':';
            id.fingerprintSha256 += kHex[md[i] >> 4];
            id.fingerprintSha256 += kHex[md[i] & 0x0F];
        }
    }
    if (BioPtr bio(BIO_new(BIO_s_mem())); bio) {
        // UTF-8 as it is (a province's name), not escaped byte by byte.
        if (X509_NAME_print_ex(bio.get(), X509_get_subject_name(leaf), 0,
                               XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0) {
            char* data = nullptr;
            const long size = BIO_get_mem_data(bio.get(), &data);
            if (size > 0)
                id.subject.assign(data, static_cast<std::size_t>(size));
        }
    }
    std::tm tm{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(leaf), &tm) == 1) {
        char date[40]; // room for any int the compiler cannot rule out
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        id.notAfter = date;
    }
    ERR_clear_error();
    return id;
}

struct Loaded {
    TlsIdentity identity;
    X509Ptr leaf;
};

std::optional<Loaded> load(const std::string& certFile, const std::string& keyFile, std::string* error) {
    std::string certPem;
    std::string keyPem;
    if (!readSmallFile(certFile, "certificate file", &certPem, error) ||
        !readSmallFile(keyFile, "key file", &keyPem, error))
        return std::nullopt;
    std::vector<X509Ptr> certs = readCertificates(certPem);
    if (certs.empty()) {
        setError(error, "The certificate file " + certFile + " is not a PEM certificate");
        return std::nullopt;
    }
    PkeyPtr key = readPrivateKey(keyPem);
    if (!key) {
        const bool encrypted = keyPem.find("ENCRYPTED") != std::string::npos;
        setError(error, "The key file " + keyFile +
                            (encrypted ? " holds an encrypted key; the key must be unencrypted"
                                       : " is not a PEM private key"));
        return std::nullopt;
    }
    if (X509_check_private_key(certs.front().get(), key.get()) != 1) {
        setError(error, "The key does not match the certificate");
        return std::nullopt;
    }
    // Re-encoded, so that a file holding the key and the certificate together never puts the key
    // into certificatePem (which may be shown or offered for download).
    std::string chainPem;
    for (const X509Ptr& cert : certs)
        chainPem += toPem(cert.get(), nullptr);
    std::string cleanKeyPem = toPem(nullptr, key.get());
    if (chainPem.empty() || cleanKeyPem.empty()) {
        setError(error, "Cannot encode the certificate or key");
        return std::nullopt;
    }
    Loaded loaded{describe(std::move(chainPem), std::move(cleanKeyPem), certs.front().get()),
                  std::move(certs.front())};
    return loaded;
}

// One subjectAltName entry: an IP address (as its bytes) or a DNS name.
struct AltName {
    bool isIp = false;
    std::string text;                 // as given, brackets of an IPv6 literal removed
    std::vector<unsigned char> bytes; // the address, for IP entries
};

bool isHostName(std::string_view s) {
    if (s.empty() || s.size() > 253)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
               c == '.' || c == '_' || c == '*';
    });
}

std::optional<AltName> parseAltName(std::string name) {
    AltName alt;
    if (name.size() > 2 && name.front() == '[' && name.back() == ']')
        name = name.substr(1, name.size() - 2);
    // A link-local address's zone ("fe80::1%eth0") is the machine's own business, not the name's.
    if (const std::size_t zone = name.find('%');
        zone != std::string::npos && name.find(':') != std::string::npos)
        name.resize(zone);
    unsigned char buf[16];
    if (inet_pton(AF_INET, name.c_str(), buf) == 1) {
        alt.isIp = true;
        alt.bytes.assign(buf, buf + 4);
    } else if (inet_pton(AF_INET6, name.c_str(), buf) == 1) {
        alt.isIp = true;
        alt.bytes.assign(buf, buf + 16);
    } else if (!isHostName(name)) {
        return std::nullopt;
    }
    alt.text = std::move(name);
    return alt;
}

bool sameAltName(const AltName& a, const AltName& b) {
    if (a.isIp != b.isIp)
        return false;
    if (a.isIp)
        return a.bytes == b.bytes;
    return a.text.size() == b.text.size() &&
           std::equal(a.text.begin(), a.text.end(), b.text.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool covers(X509* cert, const std::vector<AltName>& names) {
    for (const AltName& n : names) {
        const int ok = n.isIp ? X509_check_ip(cert, n.bytes.data(), n.bytes.size(), 0)
                              : X509_check_host(cert, n.text.data(), n.text.size(),
                                                X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, nullptr);
        if (ok != 1)
            return false;
    }
    return true;
}

// Valid now and for 30 more days.
bool isFresh(X509* cert) {
    std::time_t renewAt = std::time(nullptr) + kRenewBefore;
    std::time_t now = std::time(nullptr);
    return X509_cmp_time(X509_get0_notBefore(cert), &now) < 0 &&
           X509_cmp_time(X509_get0_notAfter(cert), &renewAt) > 0;
}

bool addExtension(X509* cert, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

// Built from the entries, not from a "DNS:a,IP:b" string, so that no name can add another.
bool addAltNames(X509* cert, const std::vector<AltName>& names) {
    GeneralNamesPtr gens(sk_GENERAL_NAME_new_null());
    if (!gens)
        return false;
    for (const AltName& n : names) {
        GeneralNamePtr gen(GENERAL_NAME_new());
        if (!gen)
            return false;
        if (n.isIp) {
            Asn1OctetStringPtr ip(ASN1_OCTET_STRING_new());
            if (!ip || ASN1_OCTET_STRING_set(ip.get(), n.bytes.data(), static_cast<int>(n.bytes.size())) != 1)
                return false;
            GENERAL_NAME_set0_value(gen.get(), GEN_IPADD, ip.release());
        } else {
            Asn1Ia5StringPtr dns(ASN1_IA5STRING_new());
            if (!dns || ASN1_STRING_set(dns.get(), n.text.data(), static_cast<int>(n.text.size())) != 1)
                return false;
            GENERAL_NAME_set0_value(gen.get(), GEN_DNS, dns.release());
        }
        if (sk_GENERAL_NAME_push(gens.get(), gen.get()) == 0)
            return false;
        gen.release(); // the stack owns it now
    }
    return X509_add1_ext_i2d(cert, NID_subject_alt_name, gens.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

// At most 64 characters (the X.520 bound for a common name), cut between UTF-8 sequences.
std::string boundedCommonName(const std::string& name) {
    std::string cn = name;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < cn.size(); ++i) {
        if ((static_cast<unsigned char>(cn[i]) & 0xC0) != 0x80 && ++chars > 64) {
            cn.resize(i);
            break;
        }
    }
    while (!cn.empty() && cn.back() == ' ')
        cn.pop_back();
    return cn;
}

std::optional<TlsIdentity> makeSelfSigned(const std::string& commonName, const std::vector<AltName>& names,
                                          std::string* error) {
    const auto fail = [error](const char* step) {
        setError(error, std::string("Cannot make the certificate: ") + step);
        return std::nullopt;
    };
    PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return fail("no P-256 key");
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return fail("no certificate");

    unsigned char raw[16];
    if (RAND_bytes(raw, sizeof raw) != 1)
        return fail("no random serial number");
    BignumPtr serialBn(BN_bin2bn(raw, sizeof raw, nullptr));
    Asn1IntegerPtr serial(serialBn ? BN_to_ASN1_INTEGER(serialBn.get(), nullptr) : nullptr);
    if (!serial || X509_set_serialNumber(cert.get(), serial.get()) != 1)
        return fail("no serial number");

    // An hour back for clocks that are a little behind; 825 days in all.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), kValidDays, -3600, nullptr))
        return fail("no validity period");

    X509_NAME* subject = X509_get_subject_name(cert.get());
    const std::string cn = boundedCommonName(commonName);
    const auto text = [](const std::string& s) { return reinterpret_cast<const unsigned char*>(s.c_str()); };
    if (X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, text(kOrganization), -1, -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, text(cn.empty() ? kOrganization : cn), -1,
                                   -1, 0) != 1 ||
        X509_set_issuer_name(cert.get(), subject) != 1)
        return fail("the common name is not valid");
    if (X509_set_pubkey(cert.get(), key.get()) != 1)
        return fail("no public key");

    // The key identifiers come after the public key, the authority's after the subject's.
    if (!addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(cert.get(), NID_ext_key_usage, "serverAuth") ||
        !addExtension(cert.get(), NID_subject_key_identifier, "hash") ||
        !addExtension(cert.get(), NID_authority_key_identifier, "keyid:always") ||
        !addAltNames(cert.get(), names))
        return fail("the extensions");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return fail("the signature");

    std::string certPem = toPem(cert.get(), nullptr);
    std::string keyPem = toPem(nullptr, key.get());
    if (certPem.empty() || keyPem.empty())
        return fail("PEM encoding");
    ERR_clear_error();
    return describe(std::move(certPem), std::move(keyPem), cert.get());
}

// Temp file in the same folder, then rename: a reader sees the old file or the new one, whole.
bool writeAtomically(const std::string& path, const std::string& data, mode_t mode, std::string* error) {
    std::string temp = path + ".XXXXXX";
    FileDescriptor fd(::mkostemp(temp.data(), O_CLOEXEC)); // created 0600
    if (fd.get() < 0) {
        setError(error, "Cannot write " + path + ": " + osError(errno));
        return false;
    }
    bool ok = ::fchmod(fd.get(), mode) == 0;
    std::size_t done = 0;
    while (ok && done < data.size()) {
        const ssize_t n = ::write(fd.get(), data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        if (ok)
            done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd.get()) == 0;
    ok = fd.close() == 0 && ok;
    ok = ok && ::rename(temp.c_str(), path.c_str()) == 0;
    if (!ok) {
        const int err = errno;
        ::unlink(temp.c_str());
        setError(error, "Cannot write " + path + ": " + osError(err));
        return false;
    }
    return true;
}

void syncDirectory(const std::string& dir) {
    FileDescriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0)
        ::fsync(fd.get());
}

} // namespace

std::optional<TlsIdentity> loadIdentity(const std::string& certFile, const std::string& keyFile,
                                        std::string* error) {
    std::optional<Loaded> loaded = load(certFile, keyFile, error);
    if (!loaded)
        return std::nullopt;
    return std::move(loaded->identity);
}

std::optional<TlsIdentity> ensureSelfSigned(const std::string& dir, const std::string& commonName,
                                            const std::vector<std::string>& names, std::string* error) {
    std::vector<AltName> altNames;
    for (const std::string& name : names.empty() ? std::vector<std::string>{commonName} : names) {
        if (name.empty())
            continue; // e.g. a host name the system did not tell
        std::optional<AltName> alt = parseAltName(name);
        if (!alt) {
            setError(error, "\"" + name + "\" is neither an IP address nor a host name");
            return std::nullopt;
        }
        if (std::none_of(altNames.begin(), altNames.end(),
                         [&](const AltName& a) { return sameAltName(a, *alt); }))
            altNames.push_back(std::move(*alt));
    }
    if (altNames.empty()) {
        setError(error, "The certificate needs at least one host name or IP address");
        return std::nullopt;
    }

    const std::string certPath = (std::filesystem::path(dir) / kCertificateFile).string();
    const std::string keyPath = (std::filesystem::path(dir) / kKeyFile).string();
    struct stat st {};
    if (::stat(certPath.c_str(), &st) == 0 && ::stat(keyPath.c_str(), &st) == 0) {
        // Anything wrong with the pair (damaged, mismatched, ending, other names) makes a new one.
        if (std::optional<Loaded> loaded = load(certPath, keyPath, nullptr);
            loaded && isFresh(loaded->leaf.get()) && covers(loaded->leaf.get(), altNames)) {
            ERR_clear_error();
            return std::move(loaded->identity);
        }
        ERR_clear_error();
    }

    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        setError(error, "Cannot create " + dir + ": " + ec.message());
        return std::nullopt;
    }
    std::optional<TlsIdentity> made = makeSelfSigned(commonName, altNames, error);
    if (!made)
        return std::nullopt;
    // The key first: should the certificate not follow, the pair mismatches and is made anew.
    if (!writeAtomically(keyPath, made->privateKeyPem, 0600, error) ||
        !writeAtomically(certPath, made->certificatePem, 0644, error))
        return std::nullopt;
    syncDirectory(dir);
    return made;
}

} // namespace hntt::net
