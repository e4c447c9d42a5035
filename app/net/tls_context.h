// The TLS settings of the console's servers (the join page, the control API): one server context
// per run, built from the PEM certificate (chain) and key held in memory. Includes Boost.
#pragma once

#include "net/beast_ssl.h"

#include <memory>
#include <string>

namespace hntt::net {

// TLS 1.2 and 1.3 only, ECDHE AEAD suites in the server's order, no compression, no
// renegotiation, ALPN "http/1.1". Null with `error` set ("The certificate or key is not valid: …",
// never any of the key's content) when the certificate or the key cannot be used.
std::unique_ptr<ssl::context> makeServerContext(const std::string& certificatePem,
                                                const std::string& privateKeyPem, std::string* error);

} // namespace hntt::net
