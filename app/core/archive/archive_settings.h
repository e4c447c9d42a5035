// Where archives go and what signs them, changed from the console: everything is checked first
// (the folder can be made and written, the certificate and key belong together and are valid now)
// and nothing changes unless all of it holds. The next export uses the new values at once.
#pragma once

#include "core/archive/manifest_signature.h"
#include "core/error.h"
#include "core/settings.h"

#include <QString>
#include <optional>

namespace hntt::core::archive {

struct ArchiveSettingsChange {
    QString archivesDir; // empty: DATA_DIR/archives
    QString certificate; // both empty: archives are not signed
    QString key;
};

// The signer of the new certificate (none when signing is off); Invalid with the reason otherwise.
Result<std::optional<SignerInfo>> applyArchiveSettings(ConsoleSettings& settings, const QString& dataDir,
                                                       const ArchiveSettingsChange& change);

} // namespace hntt::core::archive
