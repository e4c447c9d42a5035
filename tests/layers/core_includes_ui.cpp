// Must not compile: the core does not see the console's widgets.
#include "ui/main_window.h"
