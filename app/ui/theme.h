// The control-room look: a dark palette and style sheet readable at 1920x1080 all day.
#pragma once

class QApplication;

namespace hntt::ui {

void applyControlRoomTheme(QApplication& app);

} // namespace hntt::ui
