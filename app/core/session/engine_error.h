// Engine failures as the core reports them: a wrong request is the client's (Invalid), the
// engine's own failure (an encoder that cannot open, a muxer that fails) is the console's
// (Internal, a 500 at the API); a file that exists where a recording would go is a Conflict.
#pragma once

#include "core/error.h"
#include "hntt/engine/error.h"

#include <QString>

namespace hntt::core {

// `context`, when given, is a translated text with %1 for the engine's message.
inline Error fromEngineError(const engine::EngineError& error, const QString& context = {}) {
    const QString text = QString::fromStdString(error.message);
    Error::Code code = Error::Code::Internal;
    if (error.kind == engine::EngineError::Kind::Invalid)
        code = Error::Code::Invalid;
    else if (error.kind == engine::EngineError::Kind::Exists)
        code = Error::Code::Conflict; // a file of that name is there already
    return Error{code, context.isEmpty() ? text : context.arg(text)};
}

} // namespace hntt::core
