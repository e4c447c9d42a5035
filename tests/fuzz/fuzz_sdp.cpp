// SDP from a room system (sdp/): the parser, the writer (parse(write(x)) == x, as sdp.h promises),
// our answer to it as an offer, a re-offer answered against the previous answer, and what it agrees
// as an answer to our own offer. The fmtp helpers and the H.264 limits run on every fmtp line.
#include "fuzz_check.h"
#include "hntt/sdp/negotiation.h"
#include "hntt/sdp/sdp.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sdp = hntt::sdp;

namespace {

sdp::Capabilities capabilities() {
    sdp::Capabilities caps;
    caps.address = "192.0.2.10";
    caps.audioPort = 40000;
    caps.videoPort = 40002;
    caps.sessionId = 1; // not the clock: the same input must take the same path
    return caps;
}

// Whatever we write must parse back to itself.
void checkRoundTrip(const sdp::SessionDescription& d) {
    const std::string text = sdp::write(d);
    const sdp::ParseResult again = sdp::parse(text);
    if (!again)
        std::fprintf(stderr, "written SDP does not parse (%s):\n%s\n", again.error.c_str(), text.c_str());
    HNTT_FUZZ_CHECK(again);
    HNTT_FUZZ_CHECK(*again.description == d);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const sdp::ParseResult parsed = sdp::parse(in);
    if (!parsed) {
        HNTT_FUZZ_CHECK(!parsed.error.empty());
        return 0;
    }
    const sdp::SessionDescription& d = *parsed.description;
    checkRoundTrip(d);

    for (const sdp::MediaDescription& m : d.media) {
        const int kbps = static_cast<int>(m.bandwidth("AS").value_or(0) & 0xFFFFF);
        for (const sdp::Fmtp& f : m.fmtps) {
            (void)sdp::fmtpParameters(f.parameters);
            (void)sdp::fmtpParameter(f.parameters, "profile-level-id");
            (void)sdp::tierWithin(sdp::h264Limits(f.parameters, kbps));
        }
    }

    const sdp::Capabilities caps = capabilities();
    const sdp::AnswerResult answered = sdp::answer(d, caps);
    if (answered) {
        checkRoundTrip(*answered.answer);
        // The same offer again in the dialog (a re-INVITE): answered against what we sent.
        const sdp::AnswerResult again = sdp::answer(d, caps, &*answered.answer);
        if (again)
            checkRoundTrip(*again.answer);
    } else {
        HNTT_FUZZ_CHECK(!answered.refusal.empty());
    }

    const sdp::SessionDescription ours = sdp::offer(caps);
    const sdp::AcceptResult accepted = sdp::acceptAnswer(ours, d, caps);
    HNTT_FUZZ_CHECK(accepted || !accepted.error.empty());
    return 0;
}
