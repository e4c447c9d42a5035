#include "core/archive/archive_verdict.h"

namespace hntt::core::archive {

namespace {
struct VerdictText {
    Q_DECLARE_TR_FUNCTIONS(VerdictText)
};
} // namespace

int ArchiveVerdict::exitCode() const {
    switch (kind) {
    case VerdictKind::Trusted:
        return 0;
    case VerdictKind::Changed:
        return 1;
    case VerdictKind::Unsigned:
    case VerdictKind::Untrusted:
        return 3;
    }
    return 1;
}

const char* ArchiveVerdict::name() const {
    switch (kind) {
    case VerdictKind::Trusted:
        return "trusted";
    case VerdictKind::Changed:
        return "changed";
    case VerdictKind::Unsigned:
        return "unsigned";
    case VerdictKind::Untrusted:
        return "untrusted";
    }
    return "changed";
}

ArchiveVerdict verdictOf(const ArchiveVerification& v) {
    if (!v.intact()) {
        const ArchiveDifference& first = v.differences.constFirst();
        const int others = static_cast<int>(v.differences.size()) - 1;
        const QString sentence =
            others == 0
                ? VerdictText::tr("The archive has been changed since it was made: %1.").arg(first.text())
                : VerdictText::tr(
                      "The archive has been changed since it was made: %1, and %n other difference(s).",
                      nullptr, others)
                      .arg(first.text());
        return {VerdictKind::Changed, sentence};
    }
    if (!v.isSigned)
        return {VerdictKind::Unsigned,
                VerdictText::tr(
                    "The files match the manifest, but the archive is not signed: this proves nothing "
                    "against deliberate changes.")};
    if (!v.trusted)
        return {VerdictKind::Untrusted,
                VerdictText::tr(
                    "The signature is valid but its certificate is NOT trusted: %1 (SHA-256 %2). Do not rely "
                    "on this archive until that certificate is confirmed as its signer's.")
                    .arg(v.signer.name, v.signer.sha256Fingerprint)};
    return {VerdictKind::Trusted,
            VerdictText::tr("The archive has not been changed and is signed by %1, a trusted certificate.")
                .arg(v.signer.name)};
}

} // namespace hntt::core::archive
