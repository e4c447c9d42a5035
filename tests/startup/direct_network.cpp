// Every suite reaches its peers directly. Qt would otherwise ask the system's proxy settings
// (libproxy, on a thread of its own) about each socket: slower, and outside the sanitizers' view.
#include <QCoreApplication>
#include <QNetworkProxyFactory>

namespace {
void directNetwork() {
    QNetworkProxyFactory::setUseSystemConfiguration(false);
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(directNetwork)
