// The certificate and key the console's TLS servers (the join page, the control API) present: the province's
// own, read from files, or the console's own self-signed one, kept next to its data and renewed when it nears
// its end or no longer names the console's addresses. OpenSSL only, no Boost.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hntt::net {

struct TlsIdentity {
    std::string certificatePem;    // the certificate, then its chain if the file had one; no key
    std::string privateKeyPem;     // unencrypted PKCS#8
    std::string fingerprintSha256; // "AB:CD:…", SHA-256 of the DER certificate
    std::string subject;           // RFC 2253, e.g. "CN=console.local,O=HNTT Console"
    std::string notAfter;          // ISO date, UTC: "2027-03-31"
};

// The province's own certificate (chain) and key, PEM. Each must be a regular file of at most
// 1 MiB; the key must be unencrypted and match the certificate. Nothing with `error` set when not,
// e.g. "/etc/hntt/web.pem is not a regular file" or "the key does not match the certificate".
std::optional<TlsIdentity> loadIdentity(const std::string& certFile, const std::string& keyFile,
                                        std::string* error);

// The console's own: DIR/web-certificate.pem and DIR/web-key.pem when both are there, valid, not
// ending within 30 days and naming every one of `names`; otherwise a new self-signed one (ECDSA
// P-256, SHA-256, 825 days, CN = commonName, O = HNTT Console, subjectAltName = `names` as IP or
// DNS entries, or commonName if `names` is empty; empty names are skipped, an IPv6 zone is
// dropped), written there atomically (the key 0600). Nothing with `error` set when it cannot be
// made or written, or a name is neither an IP address nor a host name.
std::optional<TlsIdentity> ensureSelfSigned(const std::string& dir, const std::string& commonName,
                                            const std::vector<std::string>& names, std::string* error);

} // namespace hntt::net
