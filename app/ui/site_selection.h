// The site the operator has selected (by click, digit key or in the tree). Panels follow it; the
// main window owns the one instance. 0 means none (site ids start at 1).
#pragma once

#include <QObject>

namespace hntt::ui {

class SiteSelection : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    qint64 current() const { return current_; }
    void select(qint64 siteId) {
        if (siteId == current_)
            return;
        current_ = siteId;
        Q_EMIT changed(siteId);
    }

Q_SIGNALS:
    void changed(qint64 siteId);

private:
    qint64 current_ = 0;
};

} // namespace hntt::ui
