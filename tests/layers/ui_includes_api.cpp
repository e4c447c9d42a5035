// Must not compile: the console reaches the session through the core, never through the API.
#include "api/api_service.h"
