// The status bar's SIP mark: where the console takes room systems' calls, or why it cannot.
// Hidden when SIP is not enabled; the main window only places it.
#pragma once

#include <QLabel>

namespace hntt::core {
class Session;
struct SessionEvent;
} // namespace hntt::core

namespace hntt::ui {

class SipStatus : public QLabel {
    Q_OBJECT

public:
    explicit SipStatus(core::Session& session, QWidget* parent = nullptr);

    void refresh();

private:
    core::Session& session_;
};

} // namespace hntt::ui
