// What a check of an archive means, in one plain sentence for a records clerk, and the exit status
// of `--verify-archive`: intact and signed by a trusted certificate (0), changed (1), intact but
// unsigned or signed by a certificate that is not trusted (3).
#pragma once

#include "core/archive/archive_verifier.h"

#include <QCoreApplication>
#include <QString>

namespace hntt::core::archive {

enum class VerdictKind { Trusted, Changed, Unsigned, Untrusted };

struct ArchiveVerdict {
    VerdictKind kind = VerdictKind::Changed;
    QString sentence; // translated, first in every report of the check
    int exitCode() const;
    const char* name() const; // "trusted", "changed", "unsigned", "untrusted"
};

ArchiveVerdict verdictOf(const ArchiveVerification& v);

} // namespace hntt::core::archive
