// Runs the engine with test sources and records the program to argv[1] until killed.
// The recording test SIGKILLs this process and checks that the file still plays.
#include "hntt/engine/engine.h"

#include <chrono>
#include <cstdio>
#include <thread>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: engine_recorder OUTPUT.mkv\n");
        return 2;
    }
    using namespace hntt::engine;
    EngineConfig cfg;
    cfg.width = 640;
    cfg.height = 360;
    cfg.multiview = false;
    cfg.x264Preset = "ultrafast";
    Engine engine(cfg);
    engine.addSite(1, {"Site A", "test://solid?color=ff0000&tone=440", ""});
    engine.addSite(2, {"Site B", "test://solid?color=0000ff&tone=880", ""});
    engine.setProgram({"grid-2x2", {1, 2}});
    engine.start();
    EngineError error;
    if (!engine.startRecording(argv[1], &error)) {
        std::fprintf(stderr, "%s\n", error.message.c_str());
        return 1;
    }
    std::printf("recording\n");
    std::fflush(stdout);
    for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}
