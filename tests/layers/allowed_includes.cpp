// Compiles: each layer sees itself and the layers under it (the control for the refused ones).
#include "core/session/session.h"
#include "net/http_post.h"
