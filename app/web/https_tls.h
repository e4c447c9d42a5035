// The join page's TLS settings: one server context per run, built from the PEM certificate (chain)
// and key held in memory. Private to the transport; includes Boost.
#pragma once

#include "web/beast_ssl.h"

#include <memory>
#include <string>

namespace hntt::web::detail {

// TLS 1.2 and 1.3 only, ECDHE AEAD suites in the server's order, no compression, no
// renegotiation, ALPN "http/1.1". Null with `error` set ("The certificate or key is not valid: …",
// never any of the key's content) when the certificate or the key cannot be used.
std::unique_ptr<net::ssl::context> makeServerContext(const std::string& certificatePem,
                                                     const std::string& privateKeyPem, std::string* error);

} // namespace hntt::web::detail
