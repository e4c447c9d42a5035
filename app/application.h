// Start-up of the console: command line, language, then the window or the headless service.
#pragma once

namespace hntt {

int runApplication(int argc, char** argv);

} // namespace hntt
