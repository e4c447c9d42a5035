// A loopback RTSP server for the suites (gst-rtsp-server): serves a solid colour with a sine tone
// as H.264 + AAC at rtsp://127.0.0.1:PORT/site until killed.
//
//   rtsp_test_server [--udp-only | --tcp-only] PORT [RRGGBB] [TONE_HZ]
//
// PORT 0 takes a free port. Prints "PORT <n>" once it listens, then serves; every client shares
// one live pipeline. Media goes over RTSP-interleaved TCP or unicast UDP, as the client asks;
// --udp-only (--tcp-only) answers a request for the other one with 461 Unsupported Transport, like
// cameras that speak only one of them.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <gst/gst.h>
#include <gst/rtsp-server/rtsp-server.h>
#include <memory>
#include <string>

namespace {

struct GObjectUnref {
    void operator()(gpointer p) const { g_object_unref(p); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct MainLoopUnref {
    void operator()(GMainLoop* l) const { g_main_loop_unref(l); }
};

// 320x180@25 solid colour, x264 (baseline, a keyframe every second) in RTP; a mono 48 kHz sine at
// -12 dBFS, AAC in RTP (mpeg4-generic).
std::string launchLine(unsigned rgb, int toneHz) {
    char line[1024];
    std::snprintf(
        line, sizeof line,
        "( videotestsrc is-live=true pattern=solid-color foreground-color=0xff%06x"
        " ! video/x-raw,width=320,height=180,framerate=25/1,format=I420"
        " ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=25 bitrate=300"
        " ! video/x-h264,profile=constrained-baseline ! rtph264pay name=pay0 pt=96 config-interval=1"
        "   audiotestsrc is-live=true wave=sine freq=%d volume=0.25"
        " ! audioconvert ! audioresample ! audio/x-raw,rate=48000,channels=1"
        " ! avenc_aac bitrate=96000 ! aacparse ! rtpmp4gpay name=pay1 pt=97 )",
        rgb & 0xffffffu, toneHz);
    return line;
}

} // namespace

int main(int argc, char** argv) {
    gst_init(&argc, &argv);
    const bool udpOnly = argc > 1 && std::strcmp(argv[1], "--udp-only") == 0;
    const bool tcpOnly = argc > 1 && std::strcmp(argv[1], "--tcp-only") == 0;
    if (udpOnly || tcpOnly) {
        --argc;
        ++argv;
    }
    if (argc < 2) {
        std::fprintf(stderr, "usage: rtsp_test_server [--udp-only | --tcp-only] PORT [RRGGBB] [TONE_HZ]\n");
        return 2;
    }
    const std::string port = argv[1];
    const unsigned rgb = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 16)) : 0xff0000u;
    const int toneHz = argc > 3 ? std::atoi(argv[3]) : 440;

    std::unique_ptr<GMainLoop, MainLoopUnref> loop(g_main_loop_new(nullptr, FALSE));
    GPtr<GstRTSPServer> server(gst_rtsp_server_new());
    gst_rtsp_server_set_address(server.get(), "127.0.0.1");
    gst_rtsp_server_set_service(server.get(), port.c_str());

    GPtr<GstRTSPMountPoints> mounts(gst_rtsp_server_get_mount_points(server.get()));
    GstRTSPMediaFactory* factory = gst_rtsp_media_factory_new(); // owned by the mount points below
    gst_rtsp_media_factory_set_launch(factory, launchLine(rgb, toneHz).c_str());
    gst_rtsp_media_factory_set_shared(factory, TRUE);
    if (udpOnly || tcpOnly) // the default offers UDP, multicast UDP and TCP
        gst_rtsp_media_factory_set_protocols(factory,
                                             udpOnly ? GST_RTSP_LOWER_TRANS_UDP : GST_RTSP_LOWER_TRANS_TCP);
    gst_rtsp_mount_points_add_factory(mounts.get(), "/site", factory);

    if (gst_rtsp_server_attach(server.get(), nullptr) == 0) {
        std::fprintf(stderr, "rtsp_test_server: cannot listen on 127.0.0.1:%s\n", port.c_str());
        return 1;
    }
    std::printf("PORT %d\n", gst_rtsp_server_get_bound_port(server.get()));
    std::fflush(stdout);
    g_main_loop_run(loop.get());
    return 0;
}
