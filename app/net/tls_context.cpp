#include "net/tls_context.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace hntt::net {

namespace {

// TLS 1.2 suites, best first; TLS 1.3 keeps OpenSSL's (all AEAD with ECDHE or X25519).
constexpr const char* kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
                                      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384";
constexpr const char* kGroups = "X25519:P-256:P-384";

// An encrypted key must fail, not make OpenSSL prompt on the terminal for a passphrase.
int refusePassphrase(char*, int, int, void*) {
    return -1;
}

// Only HTTP/1.1 is spoken: a client that offers it gets it, one that does not (h2 only) goes on
// without ALPN, as before ALPN existed.
int selectAlpn(SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* in,
               unsigned int inlen, void*) {
    static constexpr unsigned char kHttp11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char* selected = nullptr;
    unsigned char selectedLen = 0;
    if (SSL_select_next_proto(&selected, &selectedLen, kHttp11, sizeof kHttp11, in, inlen) !=
        OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK;
    *out = selected;
    *outlen = selectedLen;
    return SSL_TLSEXT_ERR_OK;
}

// OpenSSL's reason for the last failure, e.g. "no start line": names a format problem, never
// any of the data.
std::string reasonOf(const boost::system::error_code& ec) {
    const unsigned long err = ERR_peek_last_error();
    std::string reason;
    if (err != 0 && ERR_reason_error_string(err) != nullptr)
        reason = ERR_reason_error_string(err);
    else if (ec)
        reason = ec.message();
    else
        reason = "unknown error";
    ERR_clear_error();
    return reason;
}

// Asio takes the first error off OpenSSL's queue into `ec`; the queue may hold more.
bool isKeyMismatch(const boost::system::error_code& ec) {
    const auto mismatch = [](unsigned long err) {
        return ERR_GET_LIB(err) == ERR_LIB_X509 && ERR_GET_REASON(err) == X509_R_KEY_VALUES_MISMATCH;
    };
    return (ec.category() == boost::asio::error::get_ssl_category() &&
            mismatch(static_cast<unsigned long>(ec.value()))) ||
           mismatch(ERR_peek_last_error());
}

} // namespace

std::unique_ptr<ssl::context> makeServerContext(const std::string& certificatePem,
                                                const std::string& privateKeyPem, std::string* error) {
    const auto fail = [error](const std::string& what) {
        ERR_clear_error();
        if (error)
            *error = "The certificate or key is not valid: " + what;
        return nullptr;
    };
    ERR_clear_error();
    std::unique_ptr<ssl::context> ctx;
    try {
        ctx = std::make_unique<ssl::context>(ssl::context::tls_server);
    } catch (const boost::system::system_error& e) {
        if (error)
            *error = std::string("Cannot set up TLS: ") + e.what();
        ERR_clear_error();
        return nullptr;
    }
    SSL_CTX* native = ctx->native_handle();
    boost::system::error_code ec;
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                         ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression,
                     ec);
    SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
    if (ec || SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1 ||
        SSL_CTX_set1_groups_list(native, kGroups) != 1) {
        if (error)
            *error = "Cannot set up TLS: " + reasonOf(ec);
        return nullptr;
    }
    // Idle keep-alive connections then hold no TLS buffers.
    SSL_CTX_set_mode(native, SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_alpn_select_cb(native, selectAlpn, nullptr);
    SSL_CTX_set_default_passwd_cb(native, refusePassphrase);
    SSL_CTX_set_default_passwd_cb_userdata(native, nullptr);

    if (certificatePem.empty())
        return fail("no certificate");
    if (privateKeyPem.empty())
        return fail("no private key");
    ctx->use_certificate_chain(boost::asio::buffer(certificatePem), ec);
    if (ec)
        return fail("the certificate: " + reasonOf(ec));
    ctx->use_private_key(boost::asio::buffer(privateKeyPem), ssl::context::pem, ec);
    if (ec) {
        if (isKeyMismatch(ec))
            return fail("the key does not match the certificate");
        return fail("the private key: " + reasonOf(ec));
    }
    // A key of another type (an RSA key with an EC certificate) loads without complaint.
    if (SSL_CTX_check_private_key(native) != 1)
        return fail("the key does not match the certificate");
    ERR_clear_error();
    return ctx;
}

} // namespace hntt::net
