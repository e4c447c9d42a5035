// `hntt-console --verify-archive PATH [--trust-cert FILE]… [--data-dir DIR]`: checks a meeting
// archive without a window or a session.
#pragma once

#include <QString>
#include <QStringList>

namespace hntt::cli {

// Prints the verdict as one sentence first, then the details (every difference, the signer), to
// stdout, and returns the exit status: 0 intact and signed by a trusted certificate, 1 any
// difference, 2 a usage error (PATH not a folder, a certificate or data folder that cannot be
// read), 3 intact but unsigned or signed by a certificate that is not trusted.
int verifyArchiveCommand(const QString& path, const QStringList& trustCerts, const QString& dataDir);

} // namespace hntt::cli
