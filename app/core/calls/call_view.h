// A site's SIP call as the operator sees it: where it stands, which way it went, what it carries.
#pragma once

#include <QDateTime>
#include <QString>

namespace hntt::core {

struct CallView {
    enum class State { Ringing, Connected, Ended };
    enum class Direction { In, Out };
    State state = State::Ringing;
    Direction direction = Direction::Out;
    bool onHold = false; // the far end holds the call: its tiles show the site's slate
    QString remote;      // the far end's SIP address (and display name when it gave one)
    QString audioCodec;  // "G722", "PCMA", "PCMU", "opus", "MP4A-LATM"
    QString videoCodec;  // "H264"; empty: no video
    QString tier;        // what it receives of the program: "720p", "360p"
    int width = 0;       // of the pictures received
    int height = 0;
    int packetizationMode = 0;
    double lossPct = 0;
    double jitterMs = 0;
    QString reason;     // why it ended, or why it is retrying
    int attempt = 0;    // dial-out: the try now under way (1 first), counting redials
    QDateTime since;    // of the current state
    QDateTime redialAt; // an ended call the operator asked for: when the next try starts; null: none
};

const char* callStateName(CallView::State s);         // "ringing", "connected", "ended"
const char* callDirectionName(CallView::Direction d); // "in", "out"

} // namespace hntt::core
