// Must not compile: the API does not see the console's widgets.
#include "ui/main_window.h"
