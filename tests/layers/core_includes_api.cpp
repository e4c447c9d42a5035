// Must not compile: the core does not see the API.
#include "api/api_service.h"
