// Must not compile: the join page does not see the console's widgets.
#include "ui/main_window.h"
