// Texts made for a document rather than for the window (an archive's attendance report and event
// list) are in the document's language, whatever the window's: a Scope on the thread that writes
// the document chooses it. Without a Scope, translate() is QCoreApplication::translate (the window's
// language), so one set of words serves both.
#pragma once

#include <QString>

namespace hntt::core {

class TextLanguage {
public:
    // While it lives, translate() on this thread gives `language` ("vi", "en"). Nests.
    class Scope {
    public:
        explicit Scope(const QString& language);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        const void* previous_;
    };

    static QString translate(const char* context, const char* source, const char* disambiguation = nullptr,
                             int n = -1);
    // The language in force on this thread: the Scope's, else empty (the window's).
    static QString current();
};

// TextLanguage::translate under the name lupdate reads: translate("Context", "text") in the core's
// documents and the words they share with the window.
inline QString translate(const char* context, const char* source, const char* disambiguation = nullptr,
                         int n = -1) {
    return TextLanguage::translate(context, source, disambiguation, n);
}

} // namespace hntt::core
