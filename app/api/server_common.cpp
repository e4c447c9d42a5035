#include "api/server_common.h"

#include <QDateTime>
#include <openssl/evp.h>

namespace hntt::api::detail {

Digest sha256(std::string_view data) {
    Digest d{};
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), d.data(), &len, EVP_sha256(), nullptr);
    return d;
}

std::string endpointText(const tcp::endpoint& ep) {
    const std::string address = ep.address().to_string();
    return (ep.address().is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(ep.port());
}

std::string nowIso() {
    const QDateTime now = QDateTime::currentDateTime();
    return now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODateWithMs).toStdString();
}

} // namespace hntt::api::detail
