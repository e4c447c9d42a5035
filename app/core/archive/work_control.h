// What long archive work needs from its caller: a place to report progress and a way to learn that
// it should stop. The job queue's context provides both; tests and tools may pass plain lambdas.
#pragma once

#include "core/store/database.h"

#include <QCoreApplication>
#include <functional>

namespace hntt::core::archive {

struct WorkControl {
    std::function<void(double)> progress; // 0..1 of this piece of work; may be empty
    std::function<bool()> cancelled;      // may be empty: never cancelled

    void report(double p) const {
        if (progress)
            progress(p);
    }
    bool stopRequested() const { return cancelled && cancelled(); }

    // The same control for a part of the work that spans [from, to] of this one's progress.
    WorkControl part(double from, double to) const {
        WorkControl sub;
        sub.cancelled = cancelled;
        if (progress)
            sub.progress = [outer = progress, from, to](double p) { outer(from + (to - from) * p); };
        return sub;
    }
};

// The error a piece of work returns when it stopped because it was asked to.
inline Error cancelledError() {
    return Error{Error::Code::Conflict, QCoreApplication::translate("ArchiveWork", "Cancelled.")};
}

} // namespace hntt::core::archive
