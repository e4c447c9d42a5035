// Engine failures as the core reports them: a wrong request is the client's (Invalid), the
// engine's own failure (an encoder that cannot open, a muxer that fails) is the console's.
#pragma once

#include "core/store/database.h"
#include "hntt/engine/error.h"

#include <QString>

namespace hntt::core {

// `context`, when given, is a translated text with %1 for the engine's message.
inline StoreError fromEngineError(const engine::EngineError& error, const QString& context = {}) {
    const QString text = QString::fromStdString(error.message);
    // Internal maps to Internal (core/error.h); until that code exists here, to Storage, the
    // other failure that is not the client's.
    const auto code = error.kind == engine::EngineError::Kind::Invalid ? StoreError::Code::Invalid
                                                                       : StoreError::Code::Storage;
    return StoreError{code, context.isEmpty() ? text : context.arg(text)};
}

} // namespace hntt::core
