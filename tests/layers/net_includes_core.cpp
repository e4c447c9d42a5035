// Must not compile: the transport knows nothing of the session.
#include "core/session/session.h"
