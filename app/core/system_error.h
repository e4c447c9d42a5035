// The system's error texts (strerror: "No space left on device") in the console's language. Qt's
// file classes and FFmpeg hand these texts on in English whatever the locale; a Vietnamese window
// shows them in Vietnamese.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace hntt::core {

class SystemError {
    Q_DECLARE_TR_FUNCTIONS(SystemError)

public:
    // The text of an errno value in the console's language (the system's own for rare ones).
    static QString text(int errnum);
    // `message` with every system error text it holds (e.g. from QFile::errorString()) put into
    // the console's language; the rest unchanged.
    static QString translated(const QString& message);
};

} // namespace hntt::core
