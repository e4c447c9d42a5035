// Engine failures as the core reports them: a wrong request is the client's (Invalid), the
// engine's own failure (an encoder that cannot open, a muxer that fails) is the console's
// (Internal, a 500 at the API).
#pragma once

#include "core/error.h"
#include "hntt/engine/error.h"

#include <QString>

namespace hntt::core {

// `context`, when given, is a translated text with %1 for the engine's message.
inline Error fromEngineError(const engine::EngineError& error, const QString& context = {}) {
    const QString text = QString::fromStdString(error.message);
    const auto code =
        error.kind == engine::EngineError::Kind::Invalid ? Error::Code::Invalid : Error::Code::Internal;
    return Error{code, context.isEmpty() ? text : context.arg(text)};
}

} // namespace hntt::core
