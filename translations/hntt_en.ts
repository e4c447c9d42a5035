<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Application</name>
    <message>
        <source>The time zone %1 in settings.ini is not known here; times are this machine&apos;s.</source>
        <translation>The time zone %1 in settings.ini is not known here; times are this machine&apos;s.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Cannot create the data folder %1.</translation>
    </message>
    <message>
        <source>Run 'hntt-console --help' for the options.</source>
        <translation>Run 'hntt-console --help' for the options.</translation>
    </message>
    <message>
        <source>HNTT Console running headless; stop with Ctrl+C.</source>
        <translation>HNTT Console running headless; stop with Ctrl+C.</translation>
    </message>
    <message>
        <source>Cannot start the control API on %1:%2: %3</source>
        <translation>Cannot start the control API on %1:%2: %3</translation>
    </message>
    <message>
        <source>Join page for browser sites at %1 (certificate SHA-256 %2)</source>
        <translation>Join page for browser sites at %1 (certificate SHA-256 %2)</translation>
    </message>
    <message>
        <source>Control API listening on %1://%2:%3/api/v1 (token in %4)</source>
        <translation>Control API listening on %1://%2:%3/api/v1 (token in %4)</translation>
    </message>
    <message>
        <source>Control API certificate SHA-256 %1</source>
        <translation>Control API certificate SHA-256 %1</translation>
    </message>
    <message>
        <source>The control API has no certificate: %1</source>
        <translation>The control API has no certificate: %1</translation>
    </message>
    <message>
        <source>The system allows only %1 open files; under heavy load connections may be refused early.</source>
        <translation>The system allows only %1 open files; under heavy load connections may be refused early.</translation>
    </message>
</context>
<context>
    <name>ArchiveGathering</name>
    <message>
        <source>Recording %1 is still running; stop it before archiving it.</source>
        <translation>Recording %1 is still running; stop it before archiving it.</translation>
    </message>
    <message>
        <source>The file of recording %1 is missing: %2</source>
        <translation>The file of recording %1 is missing: %2</translation>
    </message>
    <message>
        <source>Recording %1 is in the trash; restore it before archiving it.</source>
        <translation>Recording %1 is in the trash; restore it before archiving it.</translation>
    </message>
</context>
<context>
    <name>ArchiveJob</name>
    <message>
        <source>An archive is made in Vietnamese (vi) or English (en), not &quot;%1&quot;.</source>
        <translation>An archive is made in Vietnamese (vi) or English (en), not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Not enough free space in %1 for the archive: %2 MB needed, %3 MB free.</source>
        <translation>Not enough free space in %1 for the archive: %2 MB needed, %3 MB free.</translation>
    </message>
    <message>
        <source>Signing needs a certificate and its private key (archive/certificate and archive/key in settings.ini, or given with the request).</source>
        <translation>Signing needs a certificate and its private key (archive/certificate and archive/key in settings.ini, or given with the request).</translation>
    </message>
    <message>
        <source>Recording %1 is being archived already.</source>
        <translation>Recording %1 is being archived already.</translation>
    </message>
</context>
<context>
    <name>ArchiveManifest</name>
    <message>
        <source>it is not valid JSON (%1 at offset %2)</source>
        <translation>it is not valid JSON (%1 at offset %2)</translation>
    </message>
    <message>
        <source>it is not an archive manifest</source>
        <translation>it is not an archive manifest</translation>
    </message>
    <message>
        <source>its version %1 is not known to this console</source>
        <translation>its version %1 is not known to this console</translation>
    </message>
    <message>
        <source>its hash algorithm is not SHA-256</source>
        <translation>its hash algorithm is not SHA-256</translation>
    </message>
    <message>
        <source>it has no list of files</source>
        <translation>it has no list of files</translation>
    </message>
    <message>
        <source>file %1 has an invalid path '%2'</source>
        <translation>file %1 has an invalid path '%2'</translation>
    </message>
    <message>
        <source>%1 has an invalid SHA-256 '%2'</source>
        <translation>%1 has an invalid SHA-256 '%2'</translation>
    </message>
    <message>
        <source>%1 has an invalid size</source>
        <translation>%1 has an invalid size</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 is listed twice</translation>
    </message>
    <message>
        <source>line %1 is not a SHA-256 checksum line</source>
        <translation>line %1 is not a SHA-256 checksum line</translation>
    </message>
</context>
<context>
    <name>ArchiveVerifier</name>
    <message>
        <source>too large</source>
        <translation>too large</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>cannot be read: %1</translation>
    </message>
    <message>
        <source>does not list %1, which manifest.json lists</source>
        <translation>does not list %1, which manifest.json lists</translation>
    </message>
    <message>
        <source>gives another SHA-256 for %1 than manifest.json</source>
        <translation>gives another SHA-256 for %1 than manifest.json</translation>
    </message>
    <message>
        <source>lists %1, which manifest.json does not</source>
        <translation>lists %1, which manifest.json does not</translation>
    </message>
    <message>
        <source>missing, but the manifest says the archive is signed</source>
        <translation>missing, but the manifest says the archive is signed</translation>
    </message>
    <message>
        <source>is a symbolic link, not a file</source>
        <translation>is a symbolic link, not a file</translation>
    </message>
    <message>
        <source>is not a file</source>
        <translation>is not a file</translation>
    </message>
    <message>
        <source>%1 bytes, the manifest says %2</source>
        <translation>%1 bytes, the manifest says %2</translation>
    </message>
    <message>
        <source>SHA-256 %1, the manifest says %2</source>
        <translation>SHA-256 %1, the manifest says %2</translation>
    </message>
    <message>
        <source>not listed in the manifest</source>
        <translation>not listed in the manifest</translation>
    </message>
</context>
<context>
    <name>ArchiveWork</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>ArchiveWriter</name>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>Cannot rename %1 to %2.</translation>
    </message>
    <message>
        <source>There are too many archives named %1.</source>
        <translation>There are too many archives named %1.</translation>
    </message>
    <message>
        <source>Cannot create the archives folder %1.</source>
        <translation>Cannot create the archives folder %1.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Cannot create %1.</translation>
    </message>
    <message>
        <source>Attendance report: %1</source>
        <translation>Attendance report: %1</translation>
    </message>
    <message>
        <source>The new signature does not verify: %1</source>
        <translation>The new signature does not verify: %1</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Cannot remove %1.</translation>
    </message>
    <message>
        <source>%1 is being written by another archive export.</source>
        <translation>%1 is being written by another archive export.</translation>
    </message>
</context>
<context>
    <name>AttendanceReport</name>
    <message>
        <source>Received, not invited</source>
        <translation>Received, not invited</translation>
    </message>
    <message>
        <source>Times in</source>
        <translation>Times in</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Unstable</source>
        <translation>Unstable</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>Left early</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>en</source>
        <comment>HTML language code of the report</comment>
        <translation>en</translation>
    </message>
    <message>
        <source>Attendance report: %1</source>
        <translation>Attendance report: %1</translation>
    </message>
    <message>
        <source>Attendance report</source>
        <translation>Attendance report</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Booked for</source>
        <translation>Booked for</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Recording %1</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation>%1 to %2 (%3)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>The recording ended with an error: %1</source>
        <translation>The recording ended with an error: %1</translation>
    </message>
    <message>
        <source>Sites expected</source>
        <translation>Sites expected</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Time present</source>
        <translation>Time present</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Speaking time</translation>
    </message>
    <message>
        <source>Link quality</source>
        <translation>Link quality</translation>
    </message>
    <message>
        <source>Link drops</source>
        <translation>Link drops</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
    <message numerus="yes">
        <source>%n drop(s), %1 without signal</source>
        <translation>
            <numerusform>%n drop, %1 without signal</numerusform><numerusform>%n drops, %1 without signal</numerusform></translation>
    </message>
    <message>
        <source>Joined and left are the times the console received and lost each site's signal. Speaking time is counted from the console's active-speaker detection, from one change of speaker to the next. Link quality: good without drops; poor with three drops or more, or without signal for a tenth of the time or more; unstable otherwise.</source>
        <translation>Joined and left are the times the console received and lost each site's signal. Speaking time is counted from the console's active-speaker detection, from one change of speaker to the next. Link quality: good without drops; poor with three drops or more, or without signal for a tenth of the time or more; unstable otherwise.</translation>
    </message>
    <message>
        <source>Made by HNTT Console %1 on %2. The files of this archive and their SHA-256 hashes are listed in manifest.json.</source>
        <translation>Made by HNTT Console %1 on %2. The files of this archive and their SHA-256 hashes are listed in manifest.json.</translation>
    </message>
    <message>
        <source>The PDF report needs the console's font system, which is not running.</source>
        <translation>The PDF report needs the console's font system, which is not running.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
</context>
<context>
    <name>ClipExporter</name>
    <message>
        <source>Clips are never saved in %1: recordings and archives are kept there. Choose another folder.</source>
        <translation>Clips are never saved in %1: recordings and archives are kept there. Choose another folder.</translation>
    </message>
    <message>
        <source>%1 exists already; the clip does not replace it unless asked to.</source>
        <translation>%1 exists already; the clip does not replace it unless asked to.</translation>
    </message>
    <message>
        <source>The in point must be a time from the start of the recording.</source>
        <translation>The in point must be a time from the start of the recording.</translation>
    </message>
    <message>
        <source>The in point (%1) must come before the out point (%2).</source>
        <translation>The in point (%1) must come before the out point (%2).</translation>
    </message>
    <message>
        <source>No destination file was given for the clip.</source>
        <translation>No destination file was given for the clip.</translation>
    </message>
    <message>
        <source>The clip cannot be written over its own recording.</source>
        <translation>The clip cannot be written over its own recording.</translation>
    </message>
    <message>
        <source>The in point (%1) is beyond the end of the recording (%2).</source>
        <translation>The in point (%1) is beyond the end of the recording (%2).</translation>
    </message>
    <message>
        <source>%1 holds neither video nor audio.</source>
        <translation>%1 holds neither video nor audio.</translation>
    </message>
    <message>
        <source>Cannot write the clip to %1: %2</source>
        <translation>Cannot write the clip to %1: %2</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>the folder %1 cannot be created</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>it is a folder</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>out of memory</translation>
    </message>
    <message>
        <source>The clip export was cancelled.</source>
        <translation>The clip export was cancelled.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>The in point (%1) is beyond the end of the recording.</source>
        <translation>The in point (%1) is beyond the end of the recording.</translation>
    </message>
    <message>
        <source>The recording holds nothing between %1 and %2.</source>
        <translation>The recording holds nothing between %1 and %2.</translation>
    </message>
</context>
<context>
    <name>ClockWatchdog</name>
    <message>
        <source>the program clock skipped %1 of %2 ticks in the last %3 s: its pictures stutter (the sound stays whole). Lower the load: the lighter load (the button beside the clock, or View → Lighter load), fewer outputs, or close other programs.</source>
        <translation>the program clock skipped %1 of %2 ticks in the last %3 s: its pictures stutter (the sound stays whole). Lower the load: the lighter load (the button beside the clock, or View → Lighter load), fewer outputs, or close other programs.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Check a meeting archive&apos;s files and signature against its manifest, then exit (0: intact and signed by a trusted certificate, 1: changed, 2: not a folder, 3: unsigned or signed by a certificate that is not trusted).</source>
        <translation>Check a meeting archive&apos;s files and signature against its manifest, then exit (0: intact and signed by a trusted certificate, 1: changed, 2: not a folder, 3: unsigned or signed by a certificate that is not trusted).</translation>
    </message>
    <message>
        <source>With --verify-archive: trust signatures by this certificate (PEM), or by the certificates it issued. May be given more than once; with --data-dir, the console&apos;s own signing certificate and its trust list are trusted too.</source>
        <translation>With --verify-archive: trust signatures by this certificate (PEM), or by the certificates it issued. May be given more than once; with --data-dir, the console&apos;s own signing certificate and its trust list are trusted too.</translation>
    </message>
    <message>
        <source>--trust-cert needs a certificate file.</source>
        <translation>--trust-cert needs a certificate file.</translation>
    </message>
    <message>
        <source>--trust-cert is for --verify-archive only.</source>
        <translation>--trust-cert is for --verify-archive only.</translation>
    </message>
    <message>
        <source>HNTT Console: operator console for the province's online video-conference centre.</source>
        <translation>HNTT Console: operator console for the province's online video-conference centre.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Show this help and exit.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Show the version and exit.</translation>
    </message>
    <message>
        <source>Run without a window: engine, store and API only.</source>
        <translation>Run without a window: engine, store and API only.</translation>
    </message>
    <message>
        <source>Load the built-in demo directory with simulated sites.</source>
        <translation>Load the built-in demo directory with simulated sites.</translation>
    </message>
    <message>
        <source>Folder for the database, recordings, archives and API token.</source>
        <translation>Folder for the database, recordings, archives and API token.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Address of the control API (default 127.0.0.1:8470), or 'off'.</source>
        <translation>Address of the control API (default 127.0.0.1:8470), or 'off'.</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>Read the API bearer token from the first line of FILE.</source>
        <translation>Read the API bearer token from the first line of FILE.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Program canvas size and frame rate (default 1920x1080@25).</source>
        <translation>Program canvas size and frame rate (default 1920x1080@25).</translation>
    </message>
    <message>
        <source>WxH@FPS</source>
        <translation>WxH@FPS</translation>
    </message>
    <message>
        <source>Interface language: vi or en.</source>
        <translation>Interface language: vi or en.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <source>--data-dir needs a folder.</source>
        <translation>--data-dir needs a folder.</translation>
    </message>
    <message>
        <source>Invalid --program value '%1': expected WxH@FPS with even sizes from 160x90 to 7680x4320 and 1 to 60 frames per second, e.g. 1920x1080@25.</source>
        <translation>Invalid --program value '%1': expected WxH@FPS with even sizes from 160x90 to 7680x4320 and 1 to 60 frames per second, e.g. 1920x1080@25.</translation>
    </message>
    <message>
        <source>Invalid --api-listen value '%1': expected HOST:PORT (e.g. 127.0.0.1:8470) or off.</source>
        <translation>Invalid --api-listen value '%1': expected HOST:PORT (e.g. 127.0.0.1:8470) or off.</translation>
    </message>
    <message>
        <source>--api-token-file needs a file.</source>
        <translation>--api-token-file needs a file.</translation>
    </message>
    <message>
        <source>The API may listen on a non-loopback address (%1) only with --api-token-file.</source>
        <translation>The API may listen on a non-loopback address (%1) only with --api-token-file.</translation>
    </message>
    <message>
        <source>Invalid --lang value '%1': expected vi or en.</source>
        <translation>Invalid --lang value '%1': expected vi or en.</translation>
    </message>
    <message>
        <source>Check a meeting archive's files and signature against its manifest, then exit (0: intact, 1: differences).</source>
        <translation>Check a meeting archive's files and signature against its manifest, then exit (0: intact, 1: differences).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>--verify-archive needs a folder.</source>
        <translation>--verify-archive needs a folder.</translation>
    </message>
    <message>
        <source>Address for SIP calls of room systems, over UDP and TCP (default 0.0.0.0:5060), or &apos;off&apos;.</source>
        <translation>Address for SIP calls of room systems, over UDP and TCP (default 0.0.0.0:5060), or &apos;off&apos;.</translation>
    </message>
    <message>
        <source>Invalid --sip-listen value &apos;%1&apos;: expected an address and port (e.g. 0.0.0.0:5060) or off.</source>
        <translation>Invalid --sip-listen value &apos;%1&apos;: expected an address and port (e.g. 0.0.0.0:5060) or off.</translation>
    </message>
    <message>
        <source>MIN-MAX</source>
        <translation>MIN-MAX</translation>
    </message>
    <message>
        <source>UDP ports for the media of calls (default 20000-20999): two per stream, four per call.</source>
        <translation>UDP ports for the media of calls (default 20000-20999): two per stream, four per call.</translation>
    </message>
    <message>
        <source>Invalid --rtp-ports value &apos;%1&apos;: expected MIN-MAX within 1024-65535 with room for at least one call (4 ports), e.g. 20000-20999.</source>
        <translation>Invalid --rtp-ports value &apos;%1&apos;: expected MIN-MAX within 1024-65535 with room for at least one call (4 ports), e.g. 20000-20999.</translation>
    </message>
    <message>
        <source>Address of the browser sites&apos; join page, over HTTPS (default 0.0.0.0:8471), or &apos;off&apos;.</source>
        <translation>Address of the browser sites&apos; join page, over HTTPS (default 0.0.0.0:8471), or &apos;off&apos;.</translation>
    </message>
    <message>
        <source>The join page&apos;s certificate (PEM), instead of the console&apos;s self-signed one; needs --web-key.</source>
        <translation>The join page&apos;s certificate (PEM), instead of the console&apos;s self-signed one; needs --web-key.</translation>
    </message>
    <message>
        <source>The private key (PEM) of --web-cert.</source>
        <translation>The private key (PEM) of --web-cert.</translation>
    </message>
    <message>
        <source>The WebRTC server of browser sites: &apos;auto&apos; (default: the console runs its own Janus), the URL of an existing Janus&apos;s HTTP API, or &apos;off&apos;.</source>
        <translation>The WebRTC server of browser sites: &apos;auto&apos; (default: the console runs its own Janus), the URL of an existing Janus&apos;s HTTP API, or &apos;off&apos;.</translation>
    </message>
    <message>
        <source>auto|URL|off</source>
        <translation>auto|URL|off</translation>
    </message>
    <message>
        <source>Invalid --web-listen value &apos;%1&apos;: expected an address and port (e.g. 0.0.0.0:8471) or off.</source>
        <translation>Invalid --web-listen value &apos;%1&apos;: expected an address and port (e.g. 0.0.0.0:8471) or off.</translation>
    </message>
    <message>
        <source>--web-cert and --web-key go together.</source>
        <translation>--web-cert and --web-key go together.</translation>
    </message>
    <message>
        <source>Invalid --janus value &apos;%1&apos;: expected auto, off or the URL of a Janus HTTP API (e.g. http://10.0.0.5:8088/janus).</source>
        <translation>Invalid --janus value &apos;%1&apos;: expected auto, off or the URL of a Janus HTTP API (e.g. http://10.0.0.5:8088/janus).</translation>
    </message>
    <message>
        <source>The only folder file sources may come from (default: the data folder&apos;s media).</source>
        <translation>The only folder file sources may come from (default: the data folder&apos;s media).</translation>
    </message>
    <message>
        <source>Let sources pull from this machine&apos;s own addresses (e.g. an RTSP server on 127.0.0.1); off by default.</source>
        <translation>Let sources pull from this machine&apos;s own addresses (e.g. an RTSP server on 127.0.0.1); off by default.</translation>
    </message>
    <message>
        <source>More API tokens, one per line as NAME ROLE TOKEN (ROLE: operator or viewer, which may only read); the name is shown in the event log.</source>
        <translation>More API tokens, one per line as NAME ROLE TOKEN (ROLE: operator or viewer, which may only read); the name is shown in the event log.</translation>
    </message>
    <message>
        <source>The control API&apos;s certificate (PEM), for HTTPS; needs --api-key. Off loopback the API speaks only HTTPS, with the join page&apos;s certificate when none is given.</source>
        <translation>The control API&apos;s certificate (PEM), for HTTPS; needs --api-key. Off loopback the API speaks only HTTPS, with the join page&apos;s certificate when none is given.</translation>
    </message>
    <message>
        <source>The private key (PEM) of --api-cert.</source>
        <translation>The private key (PEM) of --api-cert.</translation>
    </message>
    <message>
        <source>--api-cert and --api-key go together.</source>
        <translation>--api-cert and --api-key go together.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>takes on the timeline</source>
        <translation>takes on the timeline</translation>
    </message>
    <message>
        <source>trash for recordings</source>
        <translation>trash for recordings</translation>
    </message>
    <message>
        <source>event log by site</source>
        <translation>event log by site</translation>
    </message>
    <message>
        <source>sites, meetings, events, recordings, markers</source>
        <translation>sites, meetings, events, recordings, markers</translation>
    </message>
    <message>
        <source>cancelled meetings kept, room index</source>
        <translation>cancelled meetings kept, room index</translation>
    </message>
    <message>
        <source>one recording at a time</source>
        <translation>one recording at a time</translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation>No database file was given.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Cannot create the folder %1 for the database.</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt (QSQLITE) is not installed.</source>
        <translation>The SQLite driver of Qt (QSQLITE) is not installed.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
    <message>
        <source>setting the busy timeout</source>
        <translation>setting the busy timeout</translation>
    </message>
    <message>
        <source>%1 is not a database of the console: %2</source>
        <translation>%1 is not a database of the console: %2</translation>
    </message>
    <message>
        <source>The database %1 has schema version %2, newer than this version of the console knows (%3). Use a newer console or another data folder.</source>
        <translation>The database %1 has schema version %2, newer than this version of the console knows (%3). Use a newer console or another data folder.</translation>
    </message>
    <message>
        <source>switching to write-ahead logging</source>
        <translation>switching to write-ahead logging</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (journal mode: %2).</source>
        <translation>The database %1 cannot use write-ahead logging (journal mode: %2).</translation>
    </message>
    <message>
        <source>enabling foreign keys</source>
        <translation>enabling foreign keys</translation>
    </message>
    <message>
        <source>This SQLite library does not enforce foreign keys.</source>
        <translation>This SQLite library does not enforce foreign keys.</translation>
    </message>
    <message>
        <source>setting the synchronous mode</source>
        <translation>setting the synchronous mode</translation>
    </message>
    <message>
        <source>The schema history is broken: step %1 has version %2.</source>
        <translation>The schema history is broken: step %1 has version %2.</translation>
    </message>
    <message>
        <source>Could not upgrade the database %1 to schema version %2 (%3): %4. Nothing was changed; it stays at version %5.</source>
        <translation>Could not upgrade the database %1 to schema version %2 (%3): %4. Nothing was changed; it stays at version %5.</translation>
    </message>
    <message>
        <source>a foreign key of table %1 points nowhere</source>
        <translation>a foreign key of table %1 points nowhere</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Database error: %1</translation>
    </message>
    <message>
        <source>Database error while %1: %2</source>
        <translation>Database error while %1: %2</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>starting a transaction</translation>
    </message>
    <message>
        <source>committing</source>
        <translation>committing</translation>
    </message>
    <message>
        <source>SIP addresses of sites</source>
        <translation>SIP addresses of sites</translation>
    </message>
    <message>
        <source>join links of browser sites</source>
        <translation>join links of browser sites</translation>
    </message>
    <message>
        <source>event log by action</source>
        <translation>event log by action</translation>
    </message>
</context>
<context>
    <name>EventLabels</name>
    <message>
        <source>Recording deleted for good</source>
        <translation>Recording deleted for good</translation>
    </message>
    <message>
        <source>Recording restored</source>
        <translation>Recording restored</translation>
    </message>
    <message>
        <source>Recording moved to the trash</source>
        <translation>Recording moved to the trash</translation>
    </message>
    <message>
        <source>Recording file found again</source>
        <translation>Recording file found again</translation>
    </message>
    <message>
        <source>Recording file renamed</source>
        <translation>Recording file renamed</translation>
    </message>
    <message>
        <source>Recording details changed</source>
        <translation>Recording details changed</translation>
    </message>
    <message>
        <source>Clip export cut off</source>
        <translation>Clip export cut off</translation>
    </message>
    <message>
        <source>Clip export cancelled</source>
        <translation>Clip export cancelled</translation>
    </message>
    <message>
        <source>Clip export failed</source>
        <translation>Clip export failed</translation>
    </message>
    <message>
        <source>Clip exported</source>
        <translation>Clip exported</translation>
    </message>
    <message>
        <source>Clip export started</source>
        <translation>Clip export started</translation>
    </message>
    <message>
        <source>Archive export cut off</source>
        <translation>Archive export cut off</translation>
    </message>
    <message>
        <source>Archive export started</source>
        <translation>Archive export started</translation>
    </message>
    <message>
        <source>Archive made</source>
        <translation>Archive made</translation>
    </message>
    <message>
        <source>Archive export failed</source>
        <translation>Archive export failed</translation>
    </message>
    <message>
        <source>Archive export cancelled</source>
        <translation>Archive export cancelled</translation>
    </message>
    <message>
        <source>Console load changed</source>
        <translation>Console load changed</translation>
    </message>
    <message>
        <source>Site keeps reconnecting</source>
        <translation>Site keeps reconnecting</translation>
    </message>
    <message>
        <source>Recordings&apos; disk filling</source>
        <translation>Recordings&apos; disk filling</translation>
    </message>
    <message>
        <source>Recordings&apos; disk has room</source>
        <translation>Recordings&apos; disk has room</translation>
    </message>
    <message>
        <source>Program keeps time again</source>
        <translation>Program keeps time again</translation>
    </message>
    <message>
        <source>Program not keeping time</source>
        <translation>Program not keeping time</translation>
    </message>
    <message>
        <source>Signal lost</source>
        <translation>Signal lost</translation>
    </message>
    <message>
        <source>Stream error</source>
        <translation>Stream error</translation>
    </message>
    <message>
        <source>Recording error</source>
        <translation>Recording error</translation>
    </message>
    <message>
        <source>Recording not written</source>
        <translation>Recording not written</translation>
    </message>
    <message>
        <source>Site tracks with gaps</source>
        <translation>Site tracks with gaps</translation>
    </message>
    <message>
        <source>Return feed error</source>
        <translation>Return feed error</translation>
    </message>
    <message>
        <source>Camera error</source>
        <translation>Camera error</translation>
    </message>
    <message>
        <source>Call refused</source>
        <translation>Call refused</translation>
    </message>
    <message>
        <source>SIP off</source>
        <translation>SIP off</translation>
    </message>
    <message>
        <source>Failed API logins</source>
        <translation>Failed API logins</translation>
    </message>
    <message>
        <source>API connections refused</source>
        <translation>API connections refused</translation>
    </message>
    <message>
        <source>Browser gateway down</source>
        <translation>Browser gateway down</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>API (%1)</source>
        <translation>API (%1)</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Muted</translation>
    </message>
    <message>
        <source>Unmuted</source>
        <translation>Unmuted</translation>
    </message>
    <message>
        <source>Gain set to %1 dB</source>
        <translation>Gain set to %1 dB</translation>
    </message>
    <message>
        <source>Picture off</source>
        <translation>Picture off</translation>
    </message>
    <message>
        <source>Picture on</source>
        <translation>Picture on</translation>
    </message>
    <message>
        <source>Site added</source>
        <translation>Site added</translation>
    </message>
    <message>
        <source>Site changed</source>
        <translation>Site changed</translation>
    </message>
    <message>
        <source>Site removed</source>
        <translation>Site removed</translation>
    </message>
    <message>
        <source>Site audio</source>
        <translation>Site audio</translation>
    </message>
    <message>
        <source>Site picture</source>
        <translation>Site picture</translation>
    </message>
    <message>
        <source>Site connected</source>
        <translation>Site connected</translation>
    </message>
    <message>
        <source>Program set</source>
        <translation>Program set</translation>
    </message>
    <message>
        <source>Preview set</source>
        <translation>Preview set</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>Program follows the speaker</source>
        <translation>Program follows the speaker</translation>
    </message>
    <message>
        <source>Auto mode</source>
        <translation>Auto mode</translation>
    </message>
    <message>
        <source>Program audio</source>
        <translation>Program audio</translation>
    </message>
    <message>
        <source>Floor given</source>
        <translation>Floor given</translation>
    </message>
    <message>
        <source>Recording started</source>
        <translation>Recording started</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Recording stopped</translation>
    </message>
    <message>
        <source>Recording written again</source>
        <translation>Recording written again</translation>
    </message>
    <message>
        <source>Return feed going out again</source>
        <translation>Return feed going out again</translation>
    </message>
    <message>
        <source>Stream added</source>
        <translation>Stream added</translation>
    </message>
    <message>
        <source>Stream removed</source>
        <translation>Stream removed</translation>
    </message>
    <message>
        <source>Stream stopped</source>
        <translation>Stream stopped</translation>
    </message>
    <message>
        <source>Stream started</source>
        <translation>Stream started</translation>
    </message>
    <message>
        <source>Stream restored</source>
        <translation>Stream restored</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>Meeting booked</translation>
    </message>
    <message>
        <source>Meeting started</source>
        <translation>Meeting started</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>Alarm acknowledged</translation>
    </message>
    <message>
        <source>Camera moved</source>
        <translation>Camera moved</translation>
    </message>
    <message>
        <source>Camera stopped</source>
        <translation>Camera stopped</translation>
    </message>
    <message>
        <source>Camera preset recalled</source>
        <translation>Camera preset recalled</translation>
    </message>
    <message>
        <source>Camera preset stored</source>
        <translation>Camera preset stored</translation>
    </message>
    <message>
        <source>Site called</source>
        <translation>Site called</translation>
    </message>
    <message>
        <source>Site called again</source>
        <translation>Site called again</translation>
    </message>
    <message>
        <source>The meeting&apos;s SIP sites called</source>
        <translation>The meeting&apos;s SIP sites called</translation>
    </message>
    <message>
        <source>Call hung up</source>
        <translation>Call hung up</translation>
    </message>
    <message>
        <source>Call connected</source>
        <translation>Call connected</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Call ended</translation>
    </message>
    <message>
        <source>Call error</source>
        <translation>Call error</translation>
    </message>
    <message>
        <source>Call on hold</source>
        <translation>Call on hold</translation>
    </message>
    <message>
        <source>Call resumed</source>
        <translation>Call resumed</translation>
    </message>
    <message>
        <source>No media from the call</source>
        <translation>No media from the call</translation>
    </message>
    <message>
        <source>Source refused</source>
        <translation>Source refused</translation>
    </message>
    <message>
        <source>Recording interrupted</source>
        <translation>Recording interrupted</translation>
    </message>
    <message>
        <source>Unfinished archive removed</source>
        <translation>Unfinished archive removed</translation>
    </message>
    <message>
        <source>Browser site hung up</source>
        <translation>Browser site hung up</translation>
    </message>
    <message>
        <source>Join link renewed</source>
        <translation>Join link renewed</translation>
    </message>
    <message>
        <source>Browser gateway up</source>
        <translation>Browser gateway up</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>An event needs an actor.</source>
        <translation>An event needs an actor.</translation>
    </message>
    <message>
        <source>An event needs an action.</source>
        <translation>An event needs an action.</translation>
    </message>
    <message>
        <source>checking meeting %1</source>
        <translation>checking meeting %1</translation>
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation>There is no meeting %1.</translation>
    </message>
    <message>
        <source>writing to the event log</source>
        <translation>writing to the event log</translation>
    </message>
    <message>
        <source>reading the event log</source>
        <translation>reading the event log</translation>
    </message>
</context>
<context>
    <name>FileDigest</name>
    <message>
        <source>Cannot write %1 to the disk.</source>
        <translation>Cannot write %1 to the disk.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Cannot create %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>IsolatedAudio</name>
    <message>
        <source>Cannot open the recording %1: %2</source>
        <translation>Cannot open the recording %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the streams of %1: %2</source>
        <translation>Cannot read the streams of %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Cannot create %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: out of memory</source>
        <translation>Cannot create %1: out of memory</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>The recording %1 has no stream %2.</source>
        <translation>The recording %1 has no stream %2.</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>Out of memory.</translation>
    </message>
    <message>
        <source>Cannot read the recording %1: %2</source>
        <translation>Cannot read the recording %1: %2</translation>
    </message>
</context>
<context>
    <name>ManifestSignature</name>
    <message>
        <source>%1 holds no PEM X.509 certificate.</source>
        <translation>%1 holds no PEM X.509 certificate.</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>unknown reason</translation>
    </message>
    <message>
        <source>No certificate file is given.</source>
        <translation>No certificate file is given.</translation>
    </message>
    <message>
        <source>No private key file is given.</source>
        <translation>No private key file is given.</translation>
    </message>
    <message>
        <source>%1 is not a PEM X.509 certificate: %2</source>
        <translation>%1 is not a PEM X.509 certificate: %2</translation>
    </message>
    <message>
        <source>%1 is not a PEM private key without a passphrase: %2</source>
        <translation>%1 is not a PEM private key without a passphrase: %2</translation>
    </message>
    <message>
        <source>The private key %1 does not belong to the certificate %2.</source>
        <translation>The private key %1 does not belong to the certificate %2.</translation>
    </message>
    <message>
        <source>The certificate %1 has expired.</source>
        <translation>The certificate %1 has expired.</translation>
    </message>
    <message>
        <source>The certificate %1 is not valid yet.</source>
        <translation>The certificate %1 is not valid yet.</translation>
    </message>
    <message>
        <source>Cannot sign the manifest: %1</source>
        <translation>Cannot sign the manifest: %1</translation>
    </message>
    <message>
        <source>it is not a CMS signature (%1)</source>
        <translation>it is not a CMS signature (%1)</translation>
    </message>
    <message>
        <source>it is not a detached signature</source>
        <translation>it is not a detached signature</translation>
    </message>
    <message>
        <source>it does not match manifest.json (%1)</source>
        <translation>it does not match manifest.json (%1)</translation>
    </message>
    <message>
        <source>it names no signer</source>
        <translation>it names no signer</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate file of at most 1 MiB.</source>
        <translation>%1 is not a readable PEM certificate file of at most 1 MiB.</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM private key file of at most 1 MiB.</source>
        <translation>%1 is not a readable PEM private key file of at most 1 MiB.</translation>
    </message>
</context>
<context>
    <name>MeetingBook</name>
    <message>
        <source>A meeting needs a title.</source>
        <translation>A meeting needs a title.</translation>
    </message>
    <message>
        <source>The meeting title is longer than %1 characters.</source>
        <translation>The meeting title is longer than %1 characters.</translation>
    </message>
    <message>
        <source>A meeting needs a room.</source>
        <translation>A meeting needs a room.</translation>
    </message>
    <message>
        <source>A meeting needs a start and an end time.</source>
        <translation>A meeting needs a start and an end time.</translation>
    </message>
    <message>
        <source>The meeting must end after it starts.</source>
        <translation>The meeting must end after it starts.</translation>
    </message>
    <message>
        <source>The host site %1 does not exist.</source>
        <translation>The host site %1 does not exist.</translation>
    </message>
    <message>
        <source>A %1 meeting is hosted by a %2 site; "%3" is a %4 site.</source>
        <translation>A %1 meeting is hosted by a %2 site; "%3" is a %4 site.</translation>
    </message>
    <message>
        <source>checking site %1</source>
        <translation>checking site %1</translation>
    </message>
    <message>
        <source>These participant sites do not exist: %1.</source>
        <translation>These participant sites do not exist: %1.</translation>
    </message>
    <message>
        <source>checking the room's bookings</source>
        <translation>checking the room's bookings</translation>
    </message>
    <message>
        <source>The room "%1" is already booked from %2 to %3 for meeting %4 "%5".</source>
        <translation>The room "%1" is already booked from %2 to %3 for meeting %4 "%5".</translation>
    </message>
    <message>
        <source>booking the meeting</source>
        <translation>booking the meeting</translation>
    </message>
    <message>
        <source>adding site %1 to the meeting</source>
        <translation>adding site %1 to the meeting</translation>
    </message>
    <message>
        <source>The meeting starts less than %1 days after it was booked; only emergency meetings are normally booked that late.</source>
        <translation>The meeting starts less than %1 days after it was booked; only emergency meetings are normally booked that late.</translation>
    </message>
    <message>
        <source>reading meetings</source>
        <translation>reading meetings</translation>
    </message>
    <message>
        <source>reading the sites of meeting %1</source>
        <translation>reading the sites of meeting %1</translation>
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation>There is no meeting %1.</translation>
    </message>
    <message>
        <source>Meeting %1 is already cancelled.</source>
        <translation>Meeting %1 is already cancelled.</translation>
    </message>
    <message>
        <source>cancelling meeting %1</source>
        <translation>cancelling meeting %1</translation>
    </message>
    <message>
        <source>national (province as a branch)</source>
        <translation>national (province as a branch)</translation>
    </message>
    <message>
        <source>province to districts</source>
        <translation>province to districts</translation>
    </message>
    <message>
        <source>district to communes</source>
        <translation>district to communes</translation>
    </message>
    <message>
        <source>province to all</source>
        <translation>province to all</translation>
    </message>
</context>
<context>
    <name>RecordingCatalogue</name>
    <message>
        <source>deleting recording %1</source>
        <translation>deleting recording %1</translation>
    </message>
    <message>
        <source>restoring recording %1</source>
        <translation>restoring recording %1</translation>
    </message>
    <message>
        <source>Recording %1 is not in the trash.</source>
        <translation>Recording %1 is not in the trash.</translation>
    </message>
    <message>
        <source>moving recording %1 to the trash</source>
        <translation>moving recording %1 to the trash</translation>
    </message>
    <message>
        <source>Recording %1 is already in the trash.</source>
        <translation>Recording %1 is already in the trash.</translation>
    </message>
    <message>
        <source>changing recording %1</source>
        <translation>changing recording %1</translation>
    </message>
    <message>
        <source>Recording %1 already has the file %2.</source>
        <translation>Recording %1 already has the file %2.</translation>
    </message>
    <message>
        <source>checking the file of recording %1</source>
        <translation>checking the file of recording %1</translation>
    </message>
    <message>
        <source>Recording %1 is still recording; stop it first.</source>
        <translation>Recording %1 is still recording; stop it first.</translation>
    </message>
    <message>
        <source>A recording needs a file path.</source>
        <translation>A recording needs a file path.</translation>
    </message>
    <message>
        <source>Recording %1 is still running; stop it first.</source>
        <translation>Recording %1 is still running; stop it first.</translation>
    </message>
    <message>
        <source>checking meeting %1</source>
        <translation>checking meeting %1</translation>
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation>There is no meeting %1.</translation>
    </message>
    <message>
        <source>adding the recording</source>
        <translation>adding the recording</translation>
    </message>
    <message>
        <source>A recording's duration cannot be negative.</source>
        <translation>A recording's duration cannot be negative.</translation>
    </message>
    <message>
        <source>A recording's size cannot be negative.</source>
        <translation>A recording's size cannot be negative.</translation>
    </message>
    <message>
        <source>Recording %1 is not running (it is %2).</source>
        <translation>Recording %1 is not running (it is %2).</translation>
    </message>
    <message>
        <source>stopping recording %1</source>
        <translation>stopping recording %1</translation>
    </message>
    <message>
        <source>closing interrupted recordings</source>
        <translation>closing interrupted recordings</translation>
    </message>
    <message>
        <source>A marker's offset cannot be negative.</source>
        <translation>A marker's offset cannot be negative.</translation>
    </message>
    <message>
        <source>checking the marker</source>
        <translation>checking the marker</translation>
    </message>
    <message>
        <source>There is no recording %1.</source>
        <translation>There is no recording %1.</translation>
    </message>
    <message>
        <source>There is no site %1.</source>
        <translation>There is no site %1.</translation>
    </message>
    <message>
        <source>adding a marker</source>
        <translation>adding a marker</translation>
    </message>
    <message>
        <source>listing the recordings</source>
        <translation>listing the recordings</translation>
    </message>
    <message>
        <source>reading recording %1</source>
        <translation>reading recording %1</translation>
    </message>
    <message>
        <source>reading the markers of recording %1</source>
        <translation>reading the markers of recording %1</translation>
    </message>
    <message>
        <source>looking for the running recording</source>
        <translation>looking for the running recording</translation>
    </message>
    <message>
        <source>listing the interrupted recordings</source>
        <translation>listing the interrupted recordings</translation>
    </message>
    <message>
        <source>Recording %1 is not an interrupted recording waiting to be measured.</source>
        <translation>Recording %1 is not an interrupted recording waiting to be measured.</translation>
    </message>
</context>
<context>
    <name>RecordingMediaProbe</name>
    <message>
        <source>The recording file %1 does not exist.</source>
        <translation>The recording file %1 does not exist.</translation>
    </message>
    <message>
        <source>The recording file %1 cannot be read.</source>
        <translation>The recording file %1 cannot be read.</translation>
    </message>
    <message>
        <source>%1 is not a media file that can be read: %2</source>
        <translation>%1 is not a media file that can be read: %2</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>Take</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Floor given</source>
        <translation>Floor given</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Muted</translation>
    </message>
    <message>
        <source>Unmuted</source>
        <translation>Unmuted</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>There is no site %1.</source>
        <translation>There is no site %1.</translation>
    </message>
</context>
<context>
    <name>SiteDirectory</name>
    <message>
        <source>A simulated camera moves only a test picture (a test: source).</source>
        <translation>A simulated camera moves only a test picture (a test: source).</translation>
    </message>
    <message>
        <source>listing the sites</source>
        <translation>listing the sites</translation>
    </message>
    <message>
        <source>reading site %1</source>
        <translation>reading site %1</translation>
    </message>
    <message>
        <source>There is no site %1.</source>
        <translation>There is no site %1.</translation>
    </message>
    <message>
        <source>listing the sites under site %1</source>
        <translation>listing the sites under site %1</translation>
    </message>
    <message>
        <source>counting the sites</source>
        <translation>counting the sites</translation>
    </message>
    <message>
        <source>A site needs a name.</source>
        <translation>A site needs a name.</translation>
    </message>
    <message>
        <source>The site name is longer than %1 characters.</source>
        <translation>The site name is longer than %1 characters.</translation>
    </message>
    <message>
        <source>The site name contains a control character.</source>
        <translation>The site name contains a control character.</translation>
    </message>
    <message>
        <source>The address is longer than %1 characters.</source>
        <translation>The address is longer than %1 characters.</translation>
    </message>
    <message>
        <source>The address "%1" contains a space or a control character.</source>
        <translation>The address "%1" contains a space or a control character.</translation>
    </message>
    <message>
        <source>The camera settings are not a JSON object.</source>
        <translation>The camera settings are not a JSON object.</translation>
    </message>
    <message>
        <source>Unknown camera protocol "%1" (expected visca-ip, onvif or simulated).</source>
        <translation>Unknown camera protocol "%1" (expected visca-ip, onvif or simulated).</translation>
    </message>
    <message>
        <source>A commune site must belong to a district site.</source>
        <translation>A commune site must belong to a district site.</translation>
    </message>
    <message>
        <source>A province site cannot have a parent site.</source>
        <translation>A province site cannot have a parent site.</translation>
    </message>
    <message>
        <source>A site cannot be its own parent.</source>
        <translation>A site cannot be its own parent.</translation>
    </message>
    <message>
        <source>The parent site %1 does not exist.</source>
        <translation>The parent site %1 does not exist.</translation>
    </message>
    <message>
        <source>A district site's parent must be a province site (site %1 is not).</source>
        <translation>A district site's parent must be a province site (site %1 is not).</translation>
    </message>
    <message>
        <source>A commune site's parent must be a district site (site %1 is not).</source>
        <translation>A commune site's parent must be a district site (site %1 is not).</translation>
    </message>
    <message>
        <source>Site %1 cannot be a %2 site: %3 %4 site(s) belong to it.</source>
        <translation>Site %1 cannot be a %2 site: %3 %4 site(s) belong to it.</translation>
    </message>
    <message>
        <source>adding site "%1"</source>
        <translation>adding site "%1"</translation>
    </message>
    <message>
        <source>updating site %1</source>
        <translation>updating site %1</translation>
    </message>
    <message>
        <source>A site id must be a positive number.</source>
        <translation>A site id must be a positive number.</translation>
    </message>
    <message>
        <source>Site %1 already exists.</source>
        <translation>Site %1 already exists.</translation>
    </message>
    <message>
        <source>checking site %1</source>
        <translation>checking site %1</translation>
    </message>
    <message numerus="yes">
        <source>Site %1 cannot be removed: %n site(s) still belong to it.</source>
        <translation>
            <numerusform>Site %1 cannot be removed: %n site still belong to it.</numerusform><numerusform>Site %1 cannot be removed: %n sites still belong to it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Site %1 cannot be removed: it hosts %n meeting(s).</source>
        <translation>
            <numerusform>Site %1 cannot be removed: it hosts %n meeting.</numerusform><numerusform>Site %1 cannot be removed: it hosts %n meetings.</numerusform></translation>
    </message>
    <message>
        <source>removing site %1</source>
        <translation>removing site %1</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>a quoted field is not closed</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>unexpected text after a closing quote</translation>
    </message>
    <message>
        <source>a quote inside a field that is not quoted</source>
        <translation>a quote inside a field that is not quoted</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>The file is not UTF-8 text.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>the header row is missing</source>
        <translation>the header row is missing</translation>
    </message>
    <message>
        <source>the header must be "%1"</source>
        <translation>the header must be "%1"</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>expected %1 fields, found %2</translation>
    </message>
    <message>
        <source>the id "%1" is not a positive whole number</source>
        <translation>the id "%1" is not a positive whole number</translation>
    </message>
    <message>
        <source>unknown level "%1" (expected province, district or commune)</source>
        <translation>unknown level "%1" (expected province, district or commune)</translation>
    </message>
    <message>
        <source>the parent id "%1" is not a positive whole number</source>
        <translation>the parent id "%1" is not a positive whole number</translation>
    </message>
    <message>
        <source>The file must hold a JSON array of sites.</source>
        <translation>The file must hold a JSON array of sites.</translation>
    </message>
    <message>
        <source>Site #%1: %2</source>
        <translation>Site #%1: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>"id" must be a positive whole number</source>
        <translation>"id" must be a positive whole number</translation>
    </message>
    <message>
        <source>"name" must be text</source>
        <translation>"name" must be text</translation>
    </message>
    <message>
        <source>"level" must be province, district or commune</source>
        <translation>"level" must be province, district or commune</translation>
    </message>
    <message>
        <source>"parent_id" must be a positive whole number or null</source>
        <translation>"parent_id" must be a positive whole number or null</translation>
    </message>
    <message>
        <source>"source_url" must be text or null</source>
        <translation>"source_url" must be text or null</translation>
    </message>
    <message>
        <source>"return_url" must be text or null</source>
        <translation>"return_url" must be text or null</translation>
    </message>
    <message>
        <source>"camera" must be an object or null</source>
        <translation>"camera" must be an object or null</translation>
    </message>
    <message>
        <source>site %1 appears twice in the file</source>
        <translation>site %1 appears twice in the file</translation>
    </message>
    <message>
        <source>province</source>
        <translation>province</translation>
    </message>
    <message>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address (expected sip:user@host).</source>
        <translation>&quot;%1&quot; is not a SIP address (expected sip:user@host).</translation>
    </message>
    <message>
        <source>checking the SIP address %1</source>
        <translation>checking the SIP address %1</translation>
    </message>
    <message>
        <source>The SIP address %1 is already site %2 (&quot;%3&quot;).</source>
        <translation>The SIP address %1 is already site %2 (&quot;%3&quot;).</translation>
    </message>
    <message>
        <source>&quot;sip_uri&quot; must be text or null</source>
        <translation>&quot;sip_uri&quot; must be text or null</translation>
    </message>
</context>
<context>
    <name>SiteStatusLook</name>
    <message>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
</context>
<context>
    <name>VerifyArchive</name>
    <message>
        <source>%1 is not a console&apos;s data folder.</source>
        <translation>%1 is not a console&apos;s data folder.</translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Archive: %1</translation>
    </message>
    <message>
        <source>Files checked: %1</source>
        <translation>Files checked: %1</translation>
    </message>
    <message>
        <source>Signer: %1; certificate SHA-256 %2</source>
        <translation>Signer: %1; certificate SHA-256 %2</translation>
    </message>
    <message>
        <source>Trusted certificates: none given (--trust-cert, --data-dir).</source>
        <translation>Trusted certificates: none given (--trust-cert, --data-dir).</translation>
    </message>
    <message>
        <source>Trusted: %1; SHA-256 %2</source>
        <translation>Trusted: %1; SHA-256 %2</translation>
    </message>
    <message>
        <source>%1 is not an archive folder.</source>
        <translation>%1 is not an archive folder.</translation>
    </message>
    <message numerus="yes">
        <source>NOT INTACT: %n difference(s) in %1.</source>
        <translation>
            <numerusform>NOT INTACT: %n difference in %1.</numerusform><numerusform>NOT INTACT: %n differences in %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>OK: %n file(s) intact; the manifest is signed by %1 (SHA-256 fingerprint %2).</source>
        <translation>
            <numerusform>OK: %n file intact; the manifest is signed by %1 (SHA-256 fingerprint %2).</numerusform><numerusform>OK: %n files intact; the manifest is signed by %1 (SHA-256 fingerprint %2).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>OK: %n file(s) intact; the manifest is not signed.</source>
        <translation>
            <numerusform>OK: %n file intact; the manifest is not signed.</numerusform><numerusform>OK: %n files intact; the manifest is not signed.</numerusform></translation>
    </message>
</context>
<context>
    <name>hntt::core::ConnectionCheck</name>
    <message>
        <source>The site is not in the directory.</source>
        <translation>The site is not in the directory.</translation>
    </message>
    <message>
        <source>Unreachable: no media arrived during the check.</source>
        <translation>Unreachable: no media arrived during the check.</translation>
    </message>
    <message>
        <source>Connected during %1 of %2 samples.</source>
        <translation>Connected during %1 of %2 samples.</translation>
    </message>
    <message>
        <source>Connected, but no data was measured.</source>
        <translation>Connected, but no data was measured.</translation>
    </message>
    <message>
        <source>%1 Mbit/s is more than the %2 Mbit/s link carries.</source>
        <translation>%1 Mbit/s is more than the %2 Mbit/s link carries.</translation>
    </message>
    <message>
        <source>%1 Mbit/s leaves less than %2% of the %3 Mbit/s link free.</source>
        <translation>%1 Mbit/s leaves less than %2% of the %3 Mbit/s link free.</translation>
    </message>
    <message>
        <source>No link type recorded: the 10 Mbit/s data-network rule applies.</source>
        <translation>No link type recorded: the 10 Mbit/s data-network rule applies.</translation>
    </message>
    <message>
        <source>Packet loss unknown: this source does not count packets.</source>
        <translation>Packet loss unknown: this source does not count packets.</translation>
    </message>
    <message>
        <source>%1% of packets lost.</source>
        <translation>%1% of packets lost.</translation>
    </message>
</context>
<context>
    <name>hntt::core::Session</name>
    <message>
        <source>A note must lie within the recording (0 to %1 s).</source>
        <translation>A note must lie within the recording (0 to %1 s).</translation>
    </message>
    <message>
        <source>Recording %1 is not recording now: say where the note goes (seconds from its start).</source>
        <translation>Recording %1 is not recording now: say where the note goes (seconds from its start).</translation>
    </message>
    <message>
        <source>A note cannot hold control characters.</source>
        <translation>A note cannot hold control characters.</translation>
    </message>
    <message>
        <source>A note is at most %1 characters.</source>
        <translation>A note is at most %1 characters.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>A note needs some text.</translation>
    </message>
    <message>
        <source>Recording %1 is not in the trash: move it there first.</source>
        <translation>Recording %1 is not in the trash: move it there first.</translation>
    </message>
    <message>
        <source>Recording %1 is not in the trash.</source>
        <translation>Recording %1 is not in the trash.</translation>
    </message>
    <message>
        <source>Recording %1 is already in the trash.</source>
        <translation>Recording %1 is already in the trash.</translation>
    </message>
    <message>
        <source>The file of recording %1 is where it was: %2.</source>
        <translation>The file of recording %1 is where it was: %2.</translation>
    </message>
    <message>
        <source>The file of recording %1 is missing; point the recording at the moved file instead.</source>
        <translation>The file of recording %1 is missing; point the recording at the moved file instead.</translation>
    </message>
    <message>
        <source>Rename the file or point at a moved file, not both at once.</source>
        <translation>Rename the file or point at a moved file, not both at once.</translation>
    </message>
    <message>
        <source>Recording %1 is in the trash; restore it first.</source>
        <translation>Recording %1 is in the trash; restore it first.</translation>
    </message>
    <message>
        <source>Recording %1 is still recording; stop it first.</source>
        <translation>Recording %1 is still recording; stop it first.</translation>
    </message>
    <message>
        <source>A recording&apos;s title cannot hold control characters.</source>
        <translation>A recording&apos;s title cannot hold control characters.</translation>
    </message>
    <message>
        <source>A recording&apos;s title is at most %1 characters.</source>
        <translation>A recording&apos;s title is at most %1 characters.</translation>
    </message>
    <message>
        <source>The console stopped during the export; it was not finished.</source>
        <translation>The console stopped during the export; it was not finished.</translation>
    </message>
    <message>
        <source>FLOOR</source>
        <translation>FLOOR</translation>
    </message>
    <message>
        <source>Lighter load: the multiview refreshes five times a second, sites off the air show a picture a second.</source>
        <translation>Lighter load: the multiview refreshes five times a second, sites off the air show a picture a second.</translation>
    </message>
    <message>
        <source>Normal load: the multiview and every site&apos;s picture at full rate.</source>
        <translation>Normal load: the multiview and every site&apos;s picture at full rate.</translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps losing its signal: %n time(s) in the last two minutes. Its link is unstable: ask the site to check its network (wired, not Wi-Fi) or keep it off program.</source>
        <translation>
            <numerusform>%1 keeps losing its signal: %n time in the last two minutes. Its link is unstable: ask the site to check its network (wired, not Wi-Fi) or keep it off program.</numerusform>
            <numerusform>%1 keeps losing its signal: %n times in the last two minutes. Its link is unstable: ask the site to check its network (wired, not Wi-Fi) or keep it off program.</numerusform>
        </translation>
    </message>
    <message>
        <source>The recordings&apos; disk has room again.</source>
        <translation>The recordings&apos; disk has room again.</translation>
    </message>
    <message numerus="yes">
        <source>The recordings&apos; disk is almost full: %1 free, about %n minute(s) of recording left. A recording stops before the disk is full: free space now (archive, then delete old recordings).</source>
        <translation>
            <numerusform>The recordings&apos; disk is almost full: %1 free, about %n minute of recording left. A recording stops before the disk is full: free space now (archive, then delete old recordings).</numerusform>
            <numerusform>The recordings&apos; disk is almost full: %1 free, about %n minutes of recording left. A recording stops before the disk is full: free space now (archive, then delete old recordings).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The recordings&apos; disk is filling: %1 free, about %n minute(s) of recording left.</source>
        <translation>
            <numerusform>The recordings&apos; disk is filling: %1 free, about %n minute of recording left.</numerusform>
            <numerusform>The recordings&apos; disk is filling: %1 free, about %n minutes of recording left.</numerusform>
        </translation>
    </message>
    <message>
        <source>The program keeps time again.</source>
        <translation>The program keeps time again.</translation>
    </message>
    <message>
        <source>The program is not keeping time: %1</source>
        <translation>The program is not keeping time: %1</translation>
    </message>
    <message>
        <source>Preview is full: choose a larger layout (F1–F8) or drop the site on a slot.</source>
        <translation>Preview is full: choose a larger layout (F1–F8) or drop the site on a slot.</translation>
    </message>
    <message>
        <source>Preview has no layout.</source>
        <translation>Preview has no layout.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Cannot create the data folder %1.</translation>
    </message>
    <message>
        <source>The console stopped while recording; the file holds what was recorded until then.</source>
        <translation>The console stopped while recording; the file holds what was recorded until then.</translation>
    </message>
    <message>
        <source>Signal lost</source>
        <translation>Signal lost</translation>
    </message>
    <message>
        <source>Video off</source>
        <translation>Video off</translation>
    </message>
    <message>
        <source>No picture yet</source>
        <translation>No picture yet</translation>
    </message>
    <message>
        <source>PROGRAM</source>
        <translation>PROGRAM</translation>
    </message>
    <message>
        <source>PREVIEW</source>
        <translation>PREVIEW</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>sites</translation>
    </message>
    <message>
        <source>signal lost</source>
        <translation>signal lost</translation>
    </message>
    <message>
        <source>MUTED</source>
        <translation>MUTED</translation>
    </message>
    <message>
        <source>%1: signal lost (%2)</source>
        <translation>%1: signal lost (%2)</translation>
    </message>
    <message>
        <source>Auto mode: the program follows the active speaker.</source>
        <translation>Auto mode: the program follows the active speaker.</translation>
    </message>
    <message>
        <source>There is no focus layout.</source>
        <translation>There is no focus layout.</translation>
    </message>
    <message>
        <source>A recording is already running (%1).</source>
        <translation>A recording is already running (%1).</translation>
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation>There is no meeting %1.</translation>
    </message>
    <message>
        <source>Cannot start the recording: %1</source>
        <translation>Cannot start the recording: %1</translation>
    </message>
    <message>
        <source>Recording %1 is not running.</source>
        <translation>Recording %1 is not running.</translation>
    </message>
    <message>
        <source>There is no output %1.</source>
        <translation>There is no output %1.</translation>
    </message>
    <message>
        <source>The saved stream %1 cannot start: %2</source>
        <translation>The saved stream %1 cannot start: %2</translation>
    </message>
    <message>
        <source>Restored from the settings.</source>
        <translation>Restored from the settings.</translation>
    </message>
    <message>
        <source>%1 has no camera.</source>
        <translation>%1 has no camera.</translation>
    </message>
    <message>
        <source>Presets are numbered 1 to 128.</source>
        <translation>Presets are numbered 1 to 128.</translation>
    </message>
    <message>
        <source>The camera of %1 cannot be used: %2</source>
        <translation>The camera of %1 cannot be used: %2</translation>
    </message>
    <message>
        <source>The zoom position is between 0 (wide) and 1 (tele).</source>
        <translation>The zoom position is between 0 (wide) and 1 (tele).</translation>
    </message>
    <message>
        <source>Output %1 is already stopped.</source>
        <translation>Output %1 is already stopped.</translation>
    </message>
    <message>
        <source>Output %1 is already running.</source>
        <translation>Output %1 is already running.</translation>
    </message>
    <message>
        <source>There is no unacknowledged alarm %1.</source>
        <translation>There is no unacknowledged alarm %1.</translation>
    </message>
    <message>
        <source>Meeting %1 is cancelled.</source>
        <translation>Meeting %1 is cancelled.</translation>
    </message>
    <message>
        <source>There is no layout %1.</source>
        <translation>There is no layout %1.</translation>
    </message>
    <message>
        <source>The layout %1 has no slot %2.</source>
        <translation>The layout %1 has no slot %2.</translation>
    </message>
    <message>
        <source>No site has the floor.</source>
        <translation>No site has the floor.</translation>
    </message>
    <message>
        <source>No sites to bring in.</source>
        <translation>No sites to bring in.</translation>
    </message>
    <message>
        <source>Nothing was recorded: no picture reached the file.</source>
        <translation>Nothing was recorded: no picture reached the file.</translation>
    </message>
    <message>
        <source>The recording is not being written: %1.</source>
        <translation>The recording is not being written: %1.</translation>
    </message>
    <message>
        <source>The recording is being written again.</source>
        <translation>The recording is being written again.</translation>
    </message>
    <message>
        <source>Some sites' own audio tracks have gaps: this machine cannot encode them all in time. The program recording is complete.</source>
        <translation>Some sites' own audio tracks have gaps: this machine cannot encode them all in time. The program recording is complete.</translation>
    </message>
    <message>
        <source>The return feed to %1 is not going out: %2</source>
        <translation>The return feed to %1 is not going out: %2</translation>
    </message>
    <message>
        <source>Gain must be between %1 and +%2 dB.</source>
        <translation>Gain must be between %1 and +%2 dB.</translation>
    </message>
    <message>
        <source>There is no site %1.</source>
        <translation>There is no site %1.</translation>
    </message>
    <message>
        <source>A call from %1 (%2) was refused: %3</source>
        <translation>A call from %1 (%2) was refused: %3</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; has no SIP address to call.</source>
        <translation>Site &quot;%1&quot; has no SIP address to call.</translation>
    </message>
    <message>
        <source>SIP is off on this console (--sip-listen off).</source>
        <translation>SIP is off on this console (--sip-listen off).</translation>
    </message>
    <message>
        <source>Browser sites are off on this console (--janus off).</source>
        <translation>Browser sites are off on this console (--janus off).</translation>
    </message>
    <message>
        <source>The join page is off on this console (--web-listen off).</source>
        <translation>The join page is off on this console (--web-listen off).</translation>
    </message>
    <message>
        <source>The site&apos;s join link was replaced.</source>
        <translation>The site&apos;s join link was replaced.</translation>
    </message>
    <message>
        <source>This join link is not valid.</source>
        <translation>This join link is not valid.</translation>
    </message>
    <message>
        <source>A wrong or replaced join link.</source>
        <translation>A wrong or replaced join link.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the meeting by its room system (SIP).</source>
        <translation>&quot;%1&quot; is already in the meeting by its room system (SIP).</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; is in the meeting from a browser.</source>
        <translation>Site &quot;%1&quot; is in the meeting from a browser.</translation>
    </message>
    <message>
        <source>%1 failed login(s) to the control API from %2.</source>
        <translation>%1 failed login(s) to the control API from %2.</translation>
    </message>
    <message>
        <source>The control API refused %1 connection(s) from %2: too many were open.</source>
        <translation>The control API refused %1 connection(s) from %2: too many were open.</translation>
    </message>
    <message>
        <source>Its further attempts are answered late.</source>
        <translation>Its further attempts are answered late.</translation>
    </message>
</context>
<context>
    <name>hntt::core::camera::CameraDriver</name>
    <message>
        <source>The camera has no valid IP address and port.</source>
        <translation>The camera has no valid IP address and port.</translation>
    </message>
    <message>
        <source>The camera's ONVIF address must be the http:// address of its device service.</source>
        <translation>The camera's ONVIF address must be the http:// address of its device service.</translation>
    </message>
    <message>
        <source>Cameras of protocol "%1" cannot be steered.</source>
        <translation>Cameras of protocol "%1" cannot be steered.</translation>
    </message>
</context>
<context>
    <name>hntt::core::camera::OnvifPtzCamera</name>
    <message>
        <source>The camera at %1 did not answer within %2 s.</source>
        <translation>The camera at %1 did not answer within %2 s.</translation>
    </message>
    <message>
        <source>The camera at %1 has no preset %2.</source>
        <translation>The camera at %1 has no preset %2.</translation>
    </message>
    <message>
        <source>The camera at %1 cannot zoom to a set position; use the zoom buttons.</source>
        <translation>The camera at %1 cannot zoom to a set position; use the zoom buttons.</translation>
    </message>
    <message>
        <source>The camera at %1 does not report its position.</source>
        <translation>The camera at %1 does not report its position.</translation>
    </message>
    <message>
        <source>The camera at %1 gave a position that is not a number.</source>
        <translation>The camera at %1 gave a position that is not a number.</translation>
    </message>
    <message>
        <source>The camera at %1 refused the user name or password.</source>
        <translation>The camera at %1 refused the user name or password.</translation>
    </message>
    <message>
        <source>The camera at %1 refused %2: %3</source>
        <translation>The camera at %1 refused %2: %3</translation>
    </message>
    <message>
        <source>The camera at %1 answered %2 with HTTP status %3.</source>
        <translation>The camera at %1 answered %2 with HTTP status %3.</translation>
    </message>
    <message>
        <source>The camera at %1 answered %2 with something that is not an ONVIF answer.</source>
        <translation>The camera at %1 answered %2 with something that is not an ONVIF answer.</translation>
    </message>
    <message>
        <source>Cannot reach the camera at %1: %2.</source>
        <translation>Cannot reach the camera at %1: %2.</translation>
    </message>
    <message>
        <source>The camera at %1 answered with something that is not HTTP (%2).</source>
        <translation>The camera at %1 answered with something that is not HTTP (%2).</translation>
    </message>
    <message>
        <source>The camera at %1 has no pan, tilt and zoom (no ONVIF PTZ service).</source>
        <translation>The camera at %1 has no pan, tilt and zoom (no ONVIF PTZ service).</translation>
    </message>
    <message>
        <source>The camera at %1 has no ONVIF media service.</source>
        <translation>The camera at %1 has no ONVIF media service.</translation>
    </message>
    <message>
        <source>The camera at %1 has no media profile with pan, tilt and zoom.</source>
        <translation>The camera at %1 has no media profile with pan, tilt and zoom.</translation>
    </message>
</context>
<context>
    <name>hntt::core::camera::ViscaIpCamera</name>
    <message>
        <source>The camera at %1:%2 did not answer within %3 s.</source>
        <translation>The camera at %1:%2 did not answer within %3 s.</translation>
    </message>
    <message>
        <source>The camera answered the position inquiry with an invalid reply.</source>
        <translation>The camera answered the position inquiry with an invalid reply.</translation>
    </message>
    <message>
        <source>The camera refused the command: %1.</source>
        <translation>The camera refused the command: %1.</translation>
    </message>
    <message>
        <source>message length error</source>
        <translation>message length error</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>syntax error</translation>
    </message>
    <message>
        <source>command buffer full</source>
        <translation>command buffer full</translation>
    </message>
    <message>
        <source>command cancelled</source>
        <translation>command cancelled</translation>
    </message>
    <message>
        <source>no socket</source>
        <translation>no socket</translation>
    </message>
    <message>
        <source>command not executable now</source>
        <translation>command not executable now</translation>
    </message>
    <message>
        <source>error code %1</source>
        <translation>error code %1</translation>
    </message>
    <message>
        <source>The camera answered the zoom inquiry with an invalid reply.</source>
        <translation>The camera answered the zoom inquiry with an invalid reply.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::AlarmsPanel</name>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Acknowledge all</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Stream %1</source>
        <translation>Stream %1</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Recording %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n more time(s))</source>
        <translation>
            <numerusform>%1 (%n more time)</numerusform><numerusform>%1 (%n more times)</numerusform></translation>
    </message>
    <message>
        <source>No unacknowledged alarms</source>
        <translation>No unacknowledged alarms</translation>
    </message>
    <message>
        <source>Unacknowledged alarms: %1</source>
        <translation>Unacknowledged alarms: %1</translation>
    </message>
</context>
<context>
    <name>hntt::ui::ArchiveExportBar</name>
    <message>
        <source>Make another archive</source>
        <translation>Make another archive</translation>
    </message>
    <message>
        <source>Folder: %1
Make another archive of it?</source>
        <translation>Folder: %1
Make another archive of it?</translation>
    </message>
    <message numerus="yes">
        <source>This recording was archived already (%n time(s)), last on %1.</source>
        <translation>
            <numerusform>This recording was archived already (%n time), last on %1.</numerusform>
            <numerusform>This recording was archived already (%n times), last on %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive again?</source>
        <translation>Archive again?</translation>
    </message>
    <message>
        <source>To sign archives, choose a certificate and its key in Archive settings…</source>
        <translation>To sign archives, choose a certificate and its key in Archive settings…</translation>
    </message>
    <message>
        <source>Where archives go, the certificate that signs them and the trusted signers</source>
        <translation>Where archives go, the certificate that signs them and the trusted signers</translation>
    </message>
    <message>
        <source>Archive settings…</source>
        <translation>Archive settings…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s) checked.</source>
        <translation>
            <numerusform>%1: %n file checked.</numerusform>
            <numerusform>%1: %n files checked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signer: %1, certificate SHA-256 %2.</source>
        <translation>Signer: %1, certificate SHA-256 %2.</translation>
    </message>
    <message>
        <source>Export meeting archive</source>
        <translation>Export meeting archive</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Verify archive…</source>
        <translation>Verify archive…</translation>
    </message>
    <message>
        <source>Check an archive folder against its manifest and signature</source>
        <translation>Check an archive folder against its manifest and signature</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Sign the manifest with the certificate %1</source>
        <translation>Sign the manifest with the certificate %1</translation>
    </message>
    <message>
        <source>To sign archives, set archive/certificate and archive/key (PEM files) in %1</source>
        <translation>To sign archives, set archive/certificate and archive/key (PEM files) in %1</translation>
    </message>
    <message>
        <source>This recording is still running; stop it before archiving it</source>
        <translation>This recording is still running; stop it before archiving it</translation>
    </message>
    <message>
        <source>Copy the recording, each site's audio, the event log and the attendance report into an archive folder with a manifest of SHA-256 hashes</source>
        <translation>Copy the recording, each site's audio, the event log and the attendance report into an archive folder with a manifest of SHA-256 hashes</translation>
    </message>
    <message>
        <source>The archive was not started: %1</source>
        <translation>The archive was not started: %1</translation>
    </message>
    <message>
        <source>Exporting the meeting archive…</source>
        <translation>Exporting the meeting archive…</translation>
    </message>
    <message>
        <source>Choose an archive folder</source>
        <translation>Choose an archive folder</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 is not a folder.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message numerus="yes">
        <source>Archive saved: %1 (%n file(s))</source>
        <translation>
            <numerusform>Archive saved: %1 (%n file)</numerusform><numerusform>Archive saved: %1 (%n files)</numerusform></translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation>Signed by %1.</translation>
    </message>
    <message>
        <source>The archive export was cancelled; nothing was kept.</source>
        <translation>The archive export was cancelled; nothing was kept.</translation>
    </message>
    <message>
        <source>The archive could not be made; nothing was kept: %1</source>
        <translation>The archive could not be made; nothing was kept: %1</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>The check was cancelled.</translation>
    </message>
    <message>
        <source>The archive could not be checked: %1</source>
        <translation>The archive could not be checked: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 is intact (%n file(s) checked), signed by %2 (certificate SHA-256 %3).</source>
        <translation>
            <numerusform>%1 is intact (%n file checked), signed by %2 (certificate SHA-256 %3).</numerusform><numerusform>%1 is intact (%n files checked), signed by %2 (certificate SHA-256 %3).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 is intact (%n file(s) checked); it is not signed.</source>
        <translation>
            <numerusform>%1 is intact (%n file checked); it is not signed.</numerusform><numerusform>%1 is intact (%n files checked); it is not signed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 does not match its manifest: %n difference(s).</source>
        <translation>
            <numerusform>%1 does not match its manifest: %n difference.</numerusform><numerusform>%1 does not match its manifest: %n differences.</numerusform></translation>
    </message>
    <message>
        <source>The language of the archive&apos;s attendance report and event table</source>
        <translation>The language of the archive&apos;s attendance report and event table</translation>
    </message>
</context>
<context>
    <name>hntt::ui::AudioPanel</name>
    <message>
        <source>Which sites the desk shows</source>
        <translation>Which sites the desk shows</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>All sites</translation>
    </message>
    <message>
        <source>On program</source>
        <translation>On program</translation>
    </message>
    <message>
        <source>Heard now</source>
        <translation>Heard now</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) shown</source>
        <translation>
            <numerusform>%n site shown</numerusform>
            <numerusform>%n sites shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Muted</translation>
    </message>
    <message>
        <source>Filter sites…</source>
        <translation>Filter sites…</translation>
    </message>
    <message>
        <source>Program mix</source>
        <translation>Program mix</translation>
    </message>
    <message>
        <source>OUTPUT</source>
        <translation>OUTPUT</translation>
    </message>
    <message>
        <source>LOST</source>
        <translation>LOST</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>ON AIR</translation>
    </message>
</context>
<context>
    <name>hntt::ui::CameraPanel</name>
    <message>
        <source>Up-left</source>
        <translation>Up-left</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Up-right</source>
        <translation>Up-right</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Down-left</source>
        <translation>Down-left</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Down-right</source>
        <translation>Down-right</translation>
    </message>
    <message>
        <source>%1 (hold the button, or the arrow keys)</source>
        <translation>%1 (hold the button, or the arrow keys)</translation>
    </message>
    <message>
        <source>Stop the camera</source>
        <translation>Stop the camera</translation>
    </message>
    <message>
        <source>Zoom in (hold; Page Up)</source>
        <translation>Zoom in (hold; Page Up)</translation>
    </message>
    <message>
        <source>Zoom out (hold; Page Down)</source>
        <translation>Zoom out (hold; Page Down)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Presets (click to recall, Ctrl+click to store)</source>
        <translation>Presets (click to recall, Ctrl+click to store)</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Then click a preset to store the camera's position in it</source>
        <translation>Then click a preset to store the camera's position in it</translation>
    </message>
    <message>
        <source>Name for the stored preset (optional)</source>
        <translation>Name for the stored preset (optional)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Camera — %1</source>
        <translation>Camera — %1</translation>
    </message>
    <message>
        <source>Select a site to steer its camera.</source>
        <translation>Select a site to steer its camera.</translation>
    </message>
    <message>
        <source>%1 has no camera that the console can steer. Add one in the site's settings.</source>
        <translation>%1 has no camera that the console can steer. Add one in the site's settings.</translation>
    </message>
    <message>
        <source>Recalling preset %1…</source>
        <translation>Recalling preset %1…</translation>
    </message>
    <message>
        <source>Preset %1 recalled.</source>
        <translation>Preset %1 recalled.</translation>
    </message>
    <message>
        <source>Storing preset %1…</source>
        <translation>Storing preset %1…</translation>
    </message>
    <message>
        <source>the site shows no picture yet for its thumbnail</source>
        <translation>the site shows no picture yet for its thumbnail</translation>
    </message>
    <message>
        <source>its thumbnail could not be saved in %1</source>
        <translation>its thumbnail could not be saved in %1</translation>
    </message>
    <message>
        <source>Preset %1 stored.</source>
        <translation>Preset %1 stored.</translation>
    </message>
    <message>
        <source>Preset %1 stored, but %2.</source>
        <translation>Preset %1 stored, but %2.</translation>
    </message>
    <message>
        <source>Preset %1</source>
        <translation>Preset %1</translation>
    </message>
    <message>
        <source>Recall preset %1; Ctrl+click stores the camera's position in it</source>
        <translation>Recall preset %1; Ctrl+click stores the camera's position in it</translation>
    </message>
</context>
<context>
    <name>hntt::ui::ClockStatus</name>
    <message>
        <source>The program is not keeping time: %1</source>
        <translation>The program is not keeping time: %1</translation>
    </message>
    <message>
        <source>Clock: %1 late, %2 skipped</source>
        <translation>Clock: %1 late, %2 skipped</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Audio mix</source>
        <translation>Audio mix</translation>
    </message>
    <message>
        <source>Return feeds and tracks</source>
        <translation>Return feeds and tracks</translation>
    </message>
    <message>
        <source>Program and preview</source>
        <translation>Program and preview</translation>
    </message>
    <message>
        <source>Multiview</source>
        <translation>Multiview</translation>
    </message>
    <message>
        <source>Encoder hand-off</source>
        <translation>Encoder hand-off</translation>
    </message>
    <message>
        <source>Program clock over the last second, a tick every %1 ms:</source>
        <translation>Program clock over the last second, a tick every %1 ms:</translation>
    </message>
    <message>
        <source>Whole tick: %1 ms on average, at most %2 ms</source>
        <translation>Whole tick: %1 ms on average, at most %2 ms</translation>
    </message>
    <message>
        <source>%1: %2 ms on average, at most %3 ms</source>
        <translation>%1: %2 ms on average, at most %3 ms</translation>
    </message>
    <message>
        <source>Late: ticks that started after their time. Skipped: ticks passed over to catch up.</source>
        <translation>Late: ticks that started after their time. Skipped: ticks passed over to catch up.</translation>
    </message>
    <message>
        <source>The program keeps time: no tick skipped in the last %1 s.</source>
        <translation>The program keeps time: no tick skipped in the last %1 s.</translation>
    </message>
    <message>
        <source>The program is under strain: %1 late and %2 skipped ticks in the last %3 s; now and then a picture is shown twice. The sound stays whole.</source>
        <translation>The program is under strain: %1 late and %2 skipped ticks in the last %3 s; now and then a picture is shown twice. The sound stays whole.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::EventLogView</name>
    <message>
        <source>Event log</source>
        <translation>Event log</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Alarms and automatic events</source>
        <translation>Alarms and automatic events</translation>
    </message>
    <message>
        <source>Operator and API actions</source>
        <translation>Operator and API actions</translation>
    </message>
    <message>
        <source>Which events the log shows</source>
        <translation>Which events the log shows</translation>
    </message>
    <message>
        <source>Only the events of one site</source>
        <translation>Only the events of one site</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>All sites</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the events the filters show, all of them, as a CSV file for a spreadsheet</source>
        <translation>Save the events the filters show, all of them, as a CSV file for a spreadsheet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>The event log could not be saved to %1: %2</source>
        <translation>The event log could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Export the event log</source>
        <translation>Export the event log</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Event log saved to %1.</source>
        <translation>Event log saved to %1.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::LayoutPanel</name>
    <message>
        <source>Single</source>
        <translation>Single</translation>
    </message>
    <message>
        <source>Picture in picture</source>
        <translation>Picture in picture</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <source>Grid %1×%2</source>
        <translation>Grid %1×%2</translation>
    </message>
    <message>
        <source>Focus %1+%2</source>
        <translation>Focus %1+%2</translation>
    </message>
    <message>
        <source>%1 on preview (F%2)</source>
        <translation>%1 on preview (F%2)</translation>
    </message>
    <message>
        <source>%1 on preview</source>
        <translation>%1 on preview</translation>
    </message>
    <message>
        <source>Drag sites from the list or the multiview onto a preview slot.</source>
        <translation>Drag sites from the list or the multiview onto a preview slot.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::LibraryWindow</name>
    <message numerus="yes">
        <source>%n recording(s) in the trash</source>
        <translation>
            <numerusform>%n recording in the trash</numerusform>
            <numerusform>%n recordings in the trash</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is in the trash: restore it to play it.</source>
        <translation>“%1” is in the trash: restore it to play it.</translation>
    </message>
    <message>
        <source>“%1” now plays from %2.</source>
        <translation>“%1” now plays from %2.</translation>
    </message>
    <message>
        <source>Recordings (*.mkv *.mp4 *.mov *.ts);;All files (*)</source>
        <translation>Recordings (*.mkv *.mp4 *.mov *.ts);;All files (*)</translation>
    </message>
    <message>
        <source>Where is the file of “%1” now?</source>
        <translation>Where is the file of “%1” now?</translation>
    </message>
    <message>
        <source>“%1” deleted for good.</source>
        <translation>“%1” deleted for good.</translation>
    </message>
    <message>
        <source>The file %1 is deleted and cannot be brought back.</source>
        <translation>The file %1 is deleted and cannot be brought back.</translation>
    </message>
    <message>
        <source>Delete the recording “%1” for good?</source>
        <translation>Delete the recording “%1” for good?</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Delete for good</translation>
    </message>
    <message>
        <source>“%1” is back in the library.</source>
        <translation>“%1” is back in the library.</translation>
    </message>
    <message>
        <source>“%1” moved to the trash.</source>
        <translation>“%1” moved to the trash.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>File: %1
It can be restored from the trash until the trash is emptied.</source>
        <translation>File: %1
It can be restored from the trash until the trash is emptied.</translation>
    </message>
    <message>
        <source>Move the recording “%1” to the trash?</source>
        <translation>Move the recording “%1” to the trash?</translation>
    </message>
    <message>
        <source>Details of “%1” saved.</source>
        <translation>Details of “%1” saved.</translation>
    </message>
    <message>
        <source>Select a recording first.</source>
        <translation>Select a recording first.</translation>
    </message>
    <message numerus="yes">
        <source>Archived %n times, last %1</source>
        <translation>
            <numerusform>Archived %n time, last %1</numerusform>
            <numerusform>Archived %n times, last %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Archived %1</source>
        <translation>Archived %1</translation>
    </message>
    <message>
        <source>Export failed %1</source>
        <translation>Export failed %1</translation>
    </message>
    <message>
        <source>Export cut off %1</source>
        <translation>Export cut off %1</translation>
    </message>
    <message>
        <source>In the trash since %1</source>
        <translation>In the trash since %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>Delete for good…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Delete (Del): the file goes to the trash and can be restored</source>
        <translation>Delete (Del): the file goes to the trash and can be restored</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>The file is not where it was recorded: point the recording at it</source>
        <translation>The file is not where it was recorded: point the recording at it</translation>
    </message>
    <message>
        <source>Locate moved file…</source>
        <translation>Locate moved file…</translation>
    </message>
    <message>
        <source>Correct the title, attach the recording to a meeting, rename its file</source>
        <translation>Correct the title, attach the recording to a meeting, rename its file</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Recordings library</source>
        <translation>Recordings library</translation>
    </message>
    <message>
        <source>Search title, meeting, site or date (diacritics not needed)</source>
        <translation>Search title, meeting, site or date (diacritics not needed)</translation>
    </message>
    <message>
        <source>All recordings</source>
        <translation>All recordings</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Failed or cut off</source>
        <translation>Failed or cut off</translation>
    </message>
    <message>
        <source>Recording now</source>
        <translation>Recording now</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>file missing</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>%1 of %2 recordings</source>
        <translation>%1 of %2 recordings</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MainWindow</name>
    <message>
        <source>Add a &amp;note to the recording…</source>
        <translation>Add a &amp;note to the recording…</translation>
    </message>
    <message>
        <source>Review player: %1</source>
        <translation>Review player: %1</translation>
    </message>
    <message>
        <source>L&amp;ighter load</source>
        <translation>L&amp;ighter load</translation>
    </message>
    <message>
        <source>For a machine that cannot keep up: the multiview refreshes five times a second and sites off the air show a picture a second. Program, recording and streams are untouched.</source>
        <translation>For a machine that cannot keep up: the multiview refreshes five times a second and sites off the air show a picture a second. Program, recording and streams are untouched.</translation>
    </message>
    <message>
        <source>HNTT Console — Online conference control</source>
        <translation>HNTT Console — Online conference control</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About HNTT Console</source>
        <translation>&amp;About HNTT Console</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About HNTT Console</source>
        <translation>About HNTT Console</translation>
    </message>
    <message>
        <source>HNTT Console %1
Operator console for the province's online video-conference centre.</source>
        <translation>HNTT Console %1
Operator console for the province's online video-conference centre.</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Preview / Program</source>
        <translation>Preview / Program</translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation>Layouts</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Streams</translation>
    </message>
    <message>
        <source>Alarms and events</source>
        <translation>Alarms and events</translation>
    </message>
    <message>
        <source>Alarms and events (%1)</source>
        <translation>Alarms and events (%1)</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n alarm(s)</source>
        <translation>
            <numerusform>⚠ %n alarm</numerusform><numerusform>⚠ %n alarms</numerusform></translation>
    </message>
    <message>
        <source>Recordings &amp;library…</source>
        <translation>Recordings &amp;library…</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>&amp;Program</translation>
    </message>
    <message>
        <source>&amp;Take (preview to program)</source>
        <translation>&amp;Take (preview to program)</translation>
    </message>
    <message>
        <source>&amp;Auto: follow the speaker</source>
        <translation>&amp;Auto: follow the speaker</translation>
    </message>
    <message>
        <source>Preview &amp;layout</source>
        <translation>Preview &amp;layout</translation>
    </message>
    <message>
        <source>Select a &amp;tile</source>
        <translation>Select a &amp;tile</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>&amp;Sites</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Reset panel layout</source>
        <translation>&amp;Reset panel layout</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <source>Steer the camera (camera panel focused)</source>
        <translation>Steer the camera (camera panel focused)</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Double-click</translation>
    </message>
    <message>
        <source>Site on preview (multiview or list)</source>
        <translation>Site on preview (multiview or list)</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>Drag</translation>
    </message>
    <message>
        <source>Site onto a preview slot</source>
        <translation>Site onto a preview slot</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>The language changes at the next start of the console.</source>
        <translation>The language changes at the next start of the console.</translation>
    </message>
    <message>
        <source>● REC</source>
        <translation>● REC</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>&amp;Meeting</translation>
    </message>
    <message>
        <source>Start &amp;recording</source>
        <translation>Start &amp;recording</translation>
    </message>
    <message>
        <source>S&amp;top recording</source>
        <translation>S&amp;top recording</translation>
    </message>
    <message>
        <source>Start the selected &amp;meeting</source>
        <translation>Start the selected &amp;meeting</translation>
    </message>
    <message>
        <source>&amp;Connection check of its sites</source>
        <translation>&amp;Connection check of its sites</translation>
    </message>
    <message>
        <source>&amp;Acknowledge the selected alarms</source>
        <translation>&amp;Acknowledge the selected alarms</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all alarms</source>
        <translation>Acknowledge &amp;all alarms</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MarkerTimeline</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Timeline with markers</source>
        <translation>Timeline with markers</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MeetingPanel</name>
    <message>
        <source>Check every site of the selected meeting: reachable, pictures arriving, bitrate and loss against its link.</source>
        <translation>Check every site of the selected meeting: reachable, pictures arriving, bitrate and loss against its link.</translation>
    </message>
    <message>
        <source>A connection check is running; its progress is below.</source>
        <translation>A connection check is running; its progress is below.</translation>
    </message>
    <message>
        <source>Start the selected meeting: its sites come in, the host and the participants go on program and preview.</source>
        <translation>Start the selected meeting: its sites come in, the host and the participants go on program and preview.</translation>
    </message>
    <message>
        <source>No meeting is booked for today (meetings are booked through the control API).</source>
        <translation>No meeting is booked for today (meetings are booked through the control API).</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Start meeting</source>
        <translation>Start meeting</translation>
    </message>
    <message>
        <source>Check connections</source>
        <translation>Check connections</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Connection check: %p%</source>
        <translation>Connection check: %p%</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Reachable</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>Bitrate</translation>
    </message>
    <message>
        <source>Link rule</source>
        <translation>Link rule</translation>
    </message>
    <message>
        <source>Packet loss</source>
        <translation>Packet loss</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <source>EMERGENCY</source>
        <translation>EMERGENCY</translation>
    </message>
    <message>
        <source>No meeting running</source>
        <translation>No meeting running</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Running: %1</translation>
    </message>
    <message>
        <source>%1 started: its sites are on program and preview.</source>
        <translation>%1 started: its sites are on program and preview.</translation>
    </message>
    <message>
        <source>Connection check: %1 site(s) failed, %2 with warnings.</source>
        <translation>Connection check: %1 site(s) failed, %2 with warnings.</translation>
    </message>
    <message>
        <source>Connection check: every site is reachable; %1 with warnings.</source>
        <translation>Connection check: every site is reachable; %1 with warnings.</translation>
    </message>
    <message>
        <source>Connection check: every site passed.</source>
        <translation>Connection check: every site passed.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 Mbit/s (assumed)</source>
        <translation>%1 Mbit/s (assumed)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MonitorsPanel</name>
    <message>
        <source>PROGRAM · %1 · FLOOR: %2</source>
        <translation>PROGRAM · %1 · FLOOR: %2</translation>
    </message>
    <message>
        <source>Ask before empty slots go on air</source>
        <translation>Ask before empty slots go on air</translation>
    </message>
    <message>
        <source>On: TAKE with empty slots on preview waits for a second TAKE. Off: the layout&apos;s background goes on air there at once.</source>
        <translation>On: TAKE with empty slots on preview waits for a second TAKE. Off: the layout&apos;s background goes on air there at once.</translation>
    </message>
    <message numerus="yes">
        <source>Preview has %n empty slot(s). TAKE again within %1 s to put the layout&apos;s background there, or fill them first (drop a site, Enter in the search, or a smaller layout).</source>
        <translation>
            <numerusform>Preview has %n empty slot. TAKE again within %1 s to put the layout&apos;s background there, or fill it first (drop a site, Enter in the search, or a smaller layout).</numerusform>
            <numerusform>Preview has %n empty slots. TAKE again within %1 s to put the layout&apos;s background there, or fill them first (drop a site, Enter in the search, or a smaller layout).</numerusform>
        </translation>
    </message>
    <message>
        <source>TAKE AGAIN</source>
        <translation>TAKE AGAIN</translation>
    </message>
    <message>
        <source>PREVIEW · %1 · FLOOR: %2</source>
        <translation>PREVIEW · %1 · FLOOR: %2</translation>
    </message>
    <message numerus="yes">
        <source>Put preview on program (Space). %n slot(s) of preview are empty and go on air as the layout&apos;s background: drop a site there, or choose a smaller layout (F1–F8).</source>
        <translation>
            <numerusform>Put preview on program (Space). %n slot of preview is empty and goes on air as the layout&apos;s background: drop a site there, or choose a smaller layout (F1–F8).</numerusform>
            <numerusform>Put preview on program (Space). %n slots of preview are empty and go on air as the layout&apos;s background: drop a site there, or choose a smaller layout (F1–F8).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>PREVIEW · %1 · ⚠ %n empty slot(s)</source>
        <translation>
            <numerusform>PREVIEW · %1 · ⚠ %n empty slot</numerusform>
            <numerusform>PREVIEW · %1 · ⚠ %n empty slots</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Taken with %n empty slot(s): the layout&apos;s background is on air there.</source>
        <translation>
            <numerusform>Taken with %n empty slot: the layout&apos;s background is on air there.</numerusform>
            <numerusform>Taken with %n empty slots: the layout&apos;s background is on air there.</numerusform></translation>
    </message>
    <message>
        <source>TAKE</source>
        <translation>TAKE</translation>
    </message>
    <message>
        <source>Put preview on program (Space)</source>
        <translation>Put preview on program (Space)</translation>
    </message>
    <message>
        <source>AUTO: follow the speaker</source>
        <translation>AUTO: follow the speaker</translation>
    </message>
    <message>
        <source>Slot 1 of program follows whoever speaks</source>
        <translation>Slot 1 of program follows whoever speaks</translation>
    </message>
    <message>
        <source>PREVIEW · %1</source>
        <translation>PREVIEW · %1</translation>
    </message>
    <message>
        <source>PROGRAM · %1</source>
        <translation>PROGRAM · %1</translation>
    </message>
    <message>
        <source>%1 · empty</source>
        <translation>%1 · empty</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MultiviewPanel</name>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Select tile %1</source>
        <translation>Select tile %1</translation>
    </message>
    <message>
        <source>Click: select · double-click: preview · drag: onto a preview slot</source>
        <translation>Click: select · double-click: preview · drag: onto a preview slot</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Selected: %1</translation>
    </message>
    <message>
        <source>There is no tile %1 on this page.</source>
        <translation>There is no tile %1 on this page.</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Page %1/%2</translation>
    </message>
</context>
<context>
    <name>hntt::ui::OperatorFocus</name>
    <message>
        <source>⌨ Typing: Esc gives the keys back</source>
        <translation>⌨ Typing: Esc gives the keys back</translation>
    </message>
    <message>
        <source>A text field has the keyboard, so Space, M and the digits type into it. Esc, or a click on the multiview, gives the keys back to the console.</source>
        <translation>A text field has the keyboard, so Space, M and the digits type into it. Esc, or a click on the multiview, gives the keys back to the console.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::OutputsPanel</name>
    <message>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Retrying</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Name (e.g. Provincial portal)</source>
        <translation>Name (e.g. Provincial portal)</translation>
    </message>
    <message>
        <source>srt://host:port, rtmp://host/app/key or udp://host:port</source>
        <translation>srt://host:port, rtmp://host/app/key or udp://host:port</translation>
    </message>
    <message>
        <source>Add stream</source>
        <translation>Add stream</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>Bitrate</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>Stop the stream first.</source>
        <translation>Stop the stream first.</translation>
    </message>
    <message>
        <source>Enter the stream's URL.</source>
        <translation>Enter the stream's URL.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::RecordingPanel</name>
    <message>
        <source>Note at %1:</source>
        <translation>Note at %1:</translation>
    </message>
    <message>
        <source>Note on the recording</source>
        <translation>Note on the recording</translation>
    </message>
    <message>
        <source>Nothing is being recorded: a note goes on a running recording.</source>
        <translation>Nothing is being recorded: a note goes on a running recording.</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Record</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Stop</translation>
    </message>
    <message>
        <source>File size:</source>
        <translation>File size:</translation>
    </message>
    <message>
        <source>Free disk:</source>
        <translation>Free disk:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Time left:</translation>
    </message>
    <message>
        <source>The recording stopped: %1</source>
        <translation>The recording stopped: %1</translation>
    </message>
    <message>
        <source>Meeting of %1</source>
        <translation>Meeting of %1</translation>
    </message>
    <message>
        <source>RECORDING</source>
        <translation>RECORDING</translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>Not recording</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>about %1 at the current %2 Mbit/s</source>
        <translation>about %1 at the current %2 Mbit/s</translation>
    </message>
    <message>
        <source>about %1 at the nominal %2 Mbit/s</source>
        <translation>about %1 at the nominal %2 Mbit/s</translation>
    </message>
    <message>
        <source>Disk almost full: %1 — the recording will stop</source>
        <translation>Disk almost full: %1 — the recording will stop</translation>
    </message>
    <message>
        <source>Little disk space: %1</source>
        <translation>Little disk space: %1</translation>
    </message>
    <message>
        <source>NOT BEING WRITTEN: %1</source>
        <translation>NOT BEING WRITTEN: %1</translation>
    </message>
    <message>
        <source>RECORDING — some sites' own tracks have gaps</source>
        <translation>RECORDING — some sites' own tracks have gaps</translation>
    </message>
</context>
<context>
    <name>hntt::ui::ReviewPlayer</name>
    <message>
        <source>Note added at %1.</source>
        <translation>Note added at %1.</translation>
    </message>
    <message>
        <source>Notes are added in the console.</source>
        <translation>Notes are added in the console.</translation>
    </message>
    <message>
        <source>Note at %1:</source>
        <translation>Note at %1:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Add a note at the position</source>
        <translation>Add a note at the position</translation>
    </message>
    <message>
        <source>A note at the current position, on the timeline for everyone who reviews this recording</source>
        <translation>A note at the current position, on the timeline for everyone who reviews this recording</translation>
    </message>
    <message>
        <source>Add note… (N)</source>
        <translation>Add note… (N)</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Markers</translation>
    </message>
    <message>
        <source>Clip&apos;s in / out mark</source>
        <translation>Clip&apos;s in / out mark</translation>
    </message>
    <message>
        <source>Previous / next marker</source>
        <translation>Previous / next marker</translation>
    </message>
    <message>
        <source>Start / end of the recording</source>
        <translation>Start / end of the recording</translation>
    </message>
    <message>
        <source>One frame back / forward</source>
        <translation>One frame back / forward</translation>
    </message>
    <message>
        <source>5 seconds back / forward</source>
        <translation>5 seconds back / forward</translation>
    </message>
    <message>
        <source>10 seconds back / forward</source>
        <translation>10 seconds back / forward</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Play or pause</translation>
    </message>
    <message>
        <source>No marker after %1.</source>
        <translation>No marker after %1.</translation>
    </message>
    <message>
        <source>No marker before %1.</source>
        <translation>No marker before %1.</translation>
    </message>
    <message>
        <source>The program mix is chosen, but this machine has no sound device: nothing can be heard.</source>
        <translation>The program mix is chosen, but this machine has no sound device: nothing can be heard.</translation>
    </message>
    <message>
        <source>%1&apos;s own track is chosen, but this machine has no sound device: nothing can be heard.</source>
        <translation>%1&apos;s own track is chosen, but this machine has no sound device: nothing can be heard.</translation>
    </message>
    <message>
        <source>This machine has no sound device: the recording plays without sound. Connect speakers or headphones and open the recording again.</source>
        <translation>This machine has no sound device: the recording plays without sound. Connect speakers or headphones and open the recording again.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>One frame forward (Shift+Right)</source>
        <translation>One frame forward (Shift+Right)</translation>
    </message>
    <message>
        <source>5 seconds forward (Right)</source>
        <translation>5 seconds forward (Right)</translation>
    </message>
    <message>
        <source>5 seconds back (Left)</source>
        <translation>5 seconds back (Left)</translation>
    </message>
    <message>
        <source>One frame back (Shift+Left)</source>
        <translation>One frame back (Shift+Left)</translation>
    </message>
    <message>
        <source>Clips are never saved in %1: recordings and archives are kept there. Choose another folder.</source>
        <translation>Clips are never saved in %1: recordings and archives are kept there. Choose another folder.</translation>
    </message>
    <message>
        <source>%1 exists already. Press &quot;Export clip&quot; again within 5 seconds to replace it.</source>
        <translation>%1 exists already. Press &quot;Export clip&quot; again within 5 seconds to replace it.</translation>
    </message>
    <message>
        <source>Review — %1</source>
        <translation>Review — %1</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <source>Listen to:</source>
        <translation>Listen to:</translation>
    </message>
    <message>
        <source>Next time this site spoke:</source>
        <translation>Next time this site spoke:</translation>
    </message>
    <message>
        <source>Go to next speech</source>
        <translation>Go to next speech</translation>
    </message>
    <message>
        <source>No speaker changes were recorded.</source>
        <translation>No speaker changes were recorded.</translation>
    </message>
    <message>
        <source>Mark in (I)</source>
        <translation>Mark in (I)</translation>
    </message>
    <message>
        <source>Mark out (O)</source>
        <translation>Mark out (O)</translation>
    </message>
    <message>
        <source>Clip file:</source>
        <translation>Clip file:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Export clip</source>
        <translation>Export clip</translation>
    </message>
    <message>
        <source>Copies the video and every audio track between the marks without re-encoding; the clip starts at the keyframe at or before the in mark.</source>
        <translation>Copies the video and every audio track between the marks without re-encoding; the clip starts at the keyframe at or before the in mark.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save the clip as</source>
        <translation>Save the clip as</translation>
    </message>
    <message>
        <source>Matroska video (*.mkv);;MP4 video (*.mp4)</source>
        <translation>Matroska video (*.mkv);;MP4 video (*.mp4)</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>The recording cannot be played: %1</translation>
    </message>
    <message>
        <source>The recording file %1 does not exist any more.</source>
        <translation>The recording file %1 does not exist any more.</translation>
    </message>
    <message>
        <source>Program mix</source>
        <translation>Program mix</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Only %1</translation>
    </message>
    <message>
        <source>Hear one site's own audio, as it came in, or the program mix.</source>
        <translation>Hear one site's own audio, as it came in, or the program mix.</translation>
    </message>
    <message>
        <source>This recording has no per-site audio tracks.</source>
        <translation>This recording has no per-site audio tracks.</translation>
    </message>
    <message>
        <source>Listening to %1 only.</source>
        <translation>Listening to %1 only.</translation>
    </message>
    <message>
        <source>Listening to the program mix.</source>
        <translation>Listening to the program mix.</translation>
    </message>
    <message>
        <source>%1 has no audio track of its own in this recording.</source>
        <translation>%1 has no audio track of its own in this recording.</translation>
    </message>
    <message>
        <source>%1 speaks at %2.</source>
        <translation>%1 speaks at %2.</translation>
    </message>
    <message>
        <source>%1 does not speak again after %2.</source>
        <translation>%1 does not speak again after %2.</translation>
    </message>
    <message>
        <source>A clip is already being exported.</source>
        <translation>A clip is already being exported.</translation>
    </message>
    <message>
        <source>Clips cannot be exported from here.</source>
        <translation>Clips cannot be exported from here.</translation>
    </message>
    <message>
        <source>Set the in and the out mark first (keys I and O).</source>
        <translation>Set the in and the out mark first (keys I and O).</translation>
    </message>
    <message>
        <source>The in mark must come before the out mark.</source>
        <translation>The in mark must come before the out mark.</translation>
    </message>
    <message>
        <source>Choose the file the clip is saved to.</source>
        <translation>Choose the file the clip is saved to.</translation>
    </message>
    <message>
        <source>Exporting the clip %1 – %2 …</source>
        <translation>Exporting the clip %1 – %2 …</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Cancelling the export…</translation>
    </message>
    <message>
        <source>Clip saved: %1 (%2).</source>
        <translation>Clip saved: %1 (%2).</translation>
    </message>
    <message>
        <source>The out mark was past the end of the recording; the clip ends there.</source>
        <translation>The out mark was past the end of the recording; the clip ends there.</translation>
    </message>
    <message>
        <source>The clip export was cancelled; nothing was kept.</source>
        <translation>The clip export was cancelled; nothing was kept.</translation>
    </message>
    <message>
        <source>The clip could not be exported: %1</source>
        <translation>The clip could not be exported: %1</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
</context>
<context>
    <name>hntt::ui::SitesPanel</name>
    <message>
        <source>Floor → preview</source>
        <translation>Floor → preview</translation>
    </message>
    <message>
        <source>Floor → air</source>
        <translation>Floor → air</translation>
    </message>
    <message>
        <source>Show the selected site alone on preview (Enter in the list)</source>
        <translation>Show the selected site alone on preview (Enter in the list)</translation>
    </message>
    <message>
        <source>The selected site takes slot 1 of a focus layout on preview; TAKE puts it on air and its camera recalls preset 1 (F9)</source>
        <translation>The selected site takes slot 1 of a focus layout on preview; TAKE puts it on air and its camera recalls preset 1 (F9)</translation>
    </message>
    <message>
        <source>Give the &amp;floor (to preview)</source>
        <translation>Give the &amp;floor (to preview)</translation>
    </message>
    <message>
        <source>The selected site takes slot 1 of program at once and its camera recalls preset 1 (F9)</source>
        <translation>The selected site takes slot 1 of program at once and its camera recalls preset 1 (F9)</translation>
    </message>
    <message>
        <source>Give the &amp;floor (on air)</source>
        <translation>Give the &amp;floor (on air)</translation>
    </message>
    <message>
        <source>The floor for %1 is ready on preview: TAKE (Space) puts it on air.</source>
        <translation>The floor for %1 is ready on preview: TAKE (Space) puts it on air.</translation>
    </message>
    <message>
        <source>F9 puts the floor on air at once, without TAKE</source>
        <translation>F9 puts the floor on air at once, without TAKE</translation>
    </message>
    <message>
        <source>Floor straight to program</source>
        <translation>Floor straight to program</translation>
    </message>
    <message>
        <source>Enter puts the first match in the next free slot of preview; Esc gives the keys back to the console.</source>
        <translation>Enter puts the first match in the next free slot of preview; Esc gives the keys back to the console.</translation>
    </message>
    <message>
        <source>Find a site (diacritics optional)…</source>
        <translation>Find a site (diacritics optional)…</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Mute</translation>
    </message>
    <message>
        <source>Mute or unmute the selected site's sound (M)</source>
        <translation>Mute or unmute the selected site's sound (M)</translation>
    </message>
    <message>
        <source>&amp;Video off</source>
        <translation>&amp;Video off</translation>
    </message>
    <message>
        <source>Replace the selected site's picture with its name slate</source>
        <translation>Replace the selected site's picture with its name slate</translation>
    </message>
    <message>
        <source>To &amp;preview</source>
        <translation>To &amp;preview</translation>
    </message>
    <message>
        <source>Mute all but the floor</source>
        <translation>Mute all but the floor</translation>
    </message>
    <message>
        <source>Mute the whole group</source>
        <translation>Mute the whole group</translation>
    </message>
    <message>
        <source>Unmute the whole group</source>
        <translation>Unmute the whole group</translation>
    </message>
    <message>
        <source>Bring the group in</source>
        <translation>Bring the group in</translation>
    </message>
    <message>
        <source>Put the selected site and the sites under it on preview</source>
        <translation>Put the selected site and the sites under it on preview</translation>
    </message>
    <message>
        <source>Find a site</source>
        <translation>Find a site</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Gain of the selected site</source>
        <translation>Gain of the selected site</translation>
    </message>
    <message>
        <source>Whole group</source>
        <translation>Whole group</translation>
    </message>
    <message>
        <source>Actions on the selected site and every site under it</source>
        <translation>Actions on the selected site and every site under it</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>muted</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
    <message>
        <source>video off</source>
        <translation>video off</translation>
    </message>
    <message>
        <source>%1 — speaking</source>
        <translation>%1 — speaking</translation>
    </message>
    <message>
        <source>%1 sites · %2 connected · %3 lost</source>
        <translation>%1 sites · %2 connected · %3 lost</translation>
    </message>
    <message>
        <source>%1 of %2 sites match</source>
        <translation>%1 of %2 sites match</translation>
    </message>
    <message>
        <source>Only the first 25 of %1 sites fit on preview.</source>
        <translation>Only the first 25 of %1 sites fit on preview.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <source>Call the selected site at its SIP address</source>
        <translation>Call the selected site at its SIP address</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>&amp;Hang up</translation>
    </message>
    <message>
        <source>End the selected site&apos;s call, or stop calling it again</source>
        <translation>End the selected site&apos;s call, or stop calling it again</translation>
    </message>
    <message>
        <source>Call every SIP site</source>
        <translation>Call every SIP site</translation>
    </message>
    <message>
        <source>Call every site of the running meeting that has a SIP address (every such site when no meeting runs)</source>
        <translation>Call every site of the running meeting that has a SIP address (every such site when no meeting runs)</translation>
    </message>
    <message>
        <source>&amp;Edit site…</source>
        <translation>&amp;Edit site…</translation>
    </message>
    <message>
        <source>Name and addresses of the selected site: source, return feed, SIP</source>
        <translation>Name and addresses of the selected site: source, return feed, SIP</translation>
    </message>
    <message>
        <source>not called</source>
        <translation>not called</translation>
    </message>
    <message>
        <source>SIP address: %1</source>
        <translation>SIP address: %1</translation>
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation>Un&amp;mute</translation>
    </message>
    <message>
        <source>No site of the running meeting has a SIP address.</source>
        <translation>No site of the running meeting has a SIP address.</translation>
    </message>
    <message>
        <source>No site has a SIP address.</source>
        <translation>No site has a SIP address.</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) could not be called: %1</source>
        <translation>
            <numerusform>%n site could not be called: %1</numerusform><numerusform>%n sites could not be called: %1</numerusform></translation>
    </message>
    <message>
        <source>Every SIP site is already ringing or in its call.</source>
        <translation>Every SIP site is already ringing or in its call.</translation>
    </message>
    <message>
        <source>SIP calls: %1 of %2 connected</source>
        <translation>SIP calls: %1 of %2 connected</translation>
    </message>
    <message>
        <source>%1 on hold</source>
        <translation>%1 on hold</translation>
    </message>
    <message>
        <source>%1 ringing</source>
        <translation>%1 ringing</translation>
    </message>
    <message>
        <source>%1 redialling</source>
        <translation>%1 redialling</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 ended</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) could not be called; the event log says why.</source>
        <translation>
            <numerusform>%n site could not be called; the event log says why.</numerusform><numerusform>%n sites could not be called; the event log says why.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Join link…</source>
        <translation>&amp;Join link…</translation>
    </message>
    <message>
        <source>The link a commune opens in its browser to join as the selected site</source>
        <translation>The link a commune opens in its browser to join as the selected site</translation>
    </message>
</context>
<context>
    <name>RecordingWatchdog</name>
    <message>
        <source>the file has not grown for %1 s</source>
        <translation>the file has not grown for %1 s</translation>
    </message>
    <message>
        <source>the writer is %1 s behind the program</source>
        <translation>the writer is %1 s behind the program</translation>
    </message>
</context>
<context>
    <name>CallLook</name>
    <message>
        <source>Ringing… · try %1</source>
        <translation>Ringing… · try %1</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>Ringing…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Redial in %1 s · try %2</source>
        <translation>Redial in %1 s · try %2</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Call from %1</source>
        <translation>Call from %1</translation>
    </message>
    <message>
        <source>Call to %1</source>
        <translation>Call to %1</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>Since: %1</source>
        <translation>Since: %1</translation>
    </message>
    <message>
        <source>Audio: %1</source>
        <translation>Audio: %1</translation>
    </message>
    <message>
        <source>%1, packetization mode %2</source>
        <translation>%1, packetization mode %2</translation>
    </message>
    <message>
        <source>Video: %1</source>
        <translation>Video: %1</translation>
    </message>
    <message>
        <source>Video: none (sound only)</source>
        <translation>Video: none (sound only)</translation>
    </message>
    <message>
        <source>Pictures received: %1×%2</source>
        <translation>Pictures received: %1×%2</translation>
    </message>
    <message>
        <source>Receives the program at: %1</source>
        <translation>Receives the program at: %1</translation>
    </message>
    <message>
        <source>Loss: %1 % · jitter: %2 ms</source>
        <translation>Loss: %1 % · jitter: %2 ms</translation>
    </message>
    <message>
        <source>Try: %1</source>
        <translation>Try: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>hntt::core::CallManager</name>
    <message>
        <source>SIP is off: %1</source>
        <translation>SIP is off: %1</translation>
    </message>
    <message>
        <source>SIP is off on this console (--sip-listen off).</source>
        <translation>SIP is off on this console (--sip-listen off).</translation>
    </message>
    <message>
        <source>Site %1 has no SIP address to call.</source>
        <translation>Site %1 has no SIP address to call.</translation>
    </message>
    <message>
        <source>Site %1 already has a call.</source>
        <translation>Site %1 already has a call.</translation>
    </message>
    <message>
        <source>The site no longer has a SIP address.</source>
        <translation>The site no longer has a SIP address.</translation>
    </message>
    <message>
        <source>No media ports for the call: %1</source>
        <translation>No media ports for the call: %1</translation>
    </message>
    <message>
        <source>%1 Calling again in %2 s.</source>
        <translation>%1 Calling again in %2 s.</translation>
    </message>
    <message>
        <source>The far end&apos;s answer is not valid SDP: %1</source>
        <translation>The far end&apos;s answer is not valid SDP: %1</translation>
    </message>
    <message>
        <source>%1 is not a site of the directory.</source>
        <translation>%1 is not a site of the directory.</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; already has a call.</source>
        <translation>Site &quot;%1&quot; already has a call.</translation>
    </message>
    <message>
        <source>The offer of &quot;%1&quot; is not valid SDP: %2</source>
        <translation>The offer of &quot;%1&quot; is not valid SDP: %2</translation>
    </message>
    <message>
        <source>No media ports for a call: %1</source>
        <translation>No media ports for a call: %1</translation>
    </message>
    <message>
        <source>The call of &quot;%1&quot; offers nothing the console speaks: %2</source>
        <translation>The call of &quot;%1&quot; offers nothing the console speaks: %2</translation>
    </message>
    <message>
        <source>A new offer was refused: %1</source>
        <translation>A new offer was refused: %1</translation>
    </message>
    <message>
        <source>The call&apos;s media could not start: %1</source>
        <translation>The call&apos;s media could not start: %1</translation>
    </message>
    <message>
        <source>Site %1 has no call.</source>
        <translation>Site %1 has no call.</translation>
    </message>
    <message>
        <source>No media from the far end.</source>
        <translation>No media from the far end.</translation>
    </message>
    <message>
        <source>SIP is off: the port %1 is in use by another program.</source>
        <translation>SIP is off: the port %1 is in use by another program.</translation>
    </message>
    <message>
        <source>SIP is off: %1 is not an address of this machine.</source>
        <translation>SIP is off: %1 is not an address of this machine.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::SipStatus</name>
    <message>
        <source>SIP: %1</source>
        <translation>SIP: %1</translation>
    </message>
    <message>
        <source>Room systems call this console at %1; the console calls them from there.</source>
        <translation>Room systems call this console at %1; the console calls them from there.</translation>
    </message>
    <message>
        <source>SIP off</source>
        <translation>SIP off</translation>
    </message>
    <message>
        <source>SIP does not listen at %1: %2</source>
        <translation>SIP does not listen at %1: %2</translation>
    </message>
    <message>
        <source>the reason is not known</source>
        <translation>the reason is not known</translation>
    </message>
</context>
<context>
    <name>hntt::ui::SiteDialog</name>
    <message>
        <source>Site: %1</source>
        <translation>Site: %1</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Where the site&apos;s picture and sound come from (RTSP, SRT, RTMP, HLS); empty: none, or by its SIP call</source>
        <translation>Where the site&apos;s picture and sound come from (RTSP, SRT, RTMP, HLS); empty: none, or by its SIP call</translation>
    </message>
    <message>
        <source>Where the program goes back to the site, with its own mix-minus; empty: none</source>
        <translation>Where the program goes back to the site, with its own mix-minus; empty: none</translation>
    </message>
    <message>
        <source>The room system&apos;s SIP address: the console calls it there, and a call from it joins as this site; empty: not a SIP site</source>
        <translation>The room system&apos;s SIP address: the console calls it there, and a call from it joins as this site; empty: not a SIP site</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Source address:</source>
        <translation>Source address:</translation>
    </message>
    <message>
        <source>Return feed address:</source>
        <translation>Return feed address:</translation>
    </message>
    <message>
        <source>SIP address:</source>
        <translation>SIP address:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The site no longer exists.</source>
        <translation>The site no longer exists.</translation>
    </message>
</context>
<context>
    <name>JoinLinks</name>
    <message>
        <source>reading the join link of site %1</source>
        <translation>reading the join link of site %1</translation>
    </message>
    <message>
        <source>storing the join link of site %1</source>
        <translation>storing the join link of site %1</translation>
    </message>
    <message>
        <source>This join link is not valid.</source>
        <translation>This join link is not valid.</translation>
    </message>
    <message>
        <source>reading a join link</source>
        <translation>reading a join link</translation>
    </message>
</context>
<context>
    <name>hntt::core::BrowserCalls</name>
    <message>
        <source>The WebRTC server (Janus) does not answer: %1</source>
        <translation>The WebRTC server (Janus) does not answer: %1</translation>
    </message>
    <message>
        <source>Connecting to the WebRTC server (Janus) at %1…</source>
        <translation>Connecting to the WebRTC server (Janus) at %1…</translation>
    </message>
    <message>
        <source>The WebRTC server (Janus) stopped; restarting it in %1 s. %2</source>
        <translation>The WebRTC server (Janus) stopped; restarting it in %1 s. %2</translation>
    </message>
    <message>
        <source>The WebRTC server (Janus) stopped.</source>
        <translation>The WebRTC server (Janus) stopped.</translation>
    </message>
    <message>
        <source>Starting the WebRTC server (Janus)…</source>
        <translation>Starting the WebRTC server (Janus)…</translation>
    </message>
    <message>
        <source>The console stopped.</source>
        <translation>The console stopped.</translation>
    </message>
    <message>
        <source>Browser sites are off on this console.</source>
        <translation>Browser sites are off on this console.</translation>
    </message>
    <message>
        <source>The browser joined again.</source>
        <translation>The browser joined again.</translation>
    </message>
    <message>
        <source>Another browser joined with this site&apos;s link.</source>
        <translation>Another browser joined with this site&apos;s link.</translation>
    </message>
    <message>
        <source>No media ports for the browser: %1</source>
        <translation>No media ports for the browser: %1</translation>
    </message>
    <message>
        <source>The browser&apos;s call ended.</source>
        <translation>The browser&apos;s call ended.</translation>
    </message>
    <message>
        <source>The WebRTC server&apos;s offer is not valid SDP: %1</source>
        <translation>The WebRTC server&apos;s offer is not valid SDP: %1</translation>
    </message>
    <message>
        <source>The browser offers nothing the console speaks: %1</source>
        <translation>The browser offers nothing the console speaks: %1</translation>
    </message>
    <message>
        <source>The call&apos;s media could not start: %1</source>
        <translation>The call&apos;s media could not start: %1</translation>
    </message>
    <message>
        <source>The browser&apos;s connection closed.</source>
        <translation>The browser&apos;s connection closed.</translation>
    </message>
    <message>
        <source>The browser&apos;s connection closed (%1).</source>
        <translation>The browser&apos;s connection closed (%1).</translation>
    </message>
    <message>
        <source>The browser left the meeting.</source>
        <translation>The browser left the meeting.</translation>
    </message>
    <message>
        <source>Site %1 has no call.</source>
        <translation>Site %1 has no call.</translation>
    </message>
    <message>
        <source>The operator ended the call.</source>
        <translation>The operator ended the call.</translation>
    </message>
    <message>
        <source>The site was removed.</source>
        <translation>The site was removed.</translation>
    </message>
    <message>
        <source>No media from the browser.</source>
        <translation>No media from the browser.</translation>
    </message>
</context>
<context>
    <name>hntt::core::JanusProcess</name>
    <message>
        <source>Janus could not start: %1</source>
        <translation>Janus could not start: %1</translation>
    </message>
    <message>
        <source>Janus is not installed (Debian package &quot;janus&quot;): browser sites are off.</source>
        <translation>Janus is not installed (Debian package &quot;janus&quot;): browser sites are off.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for Janus.</source>
        <translation>Cannot create the folder %1 for Janus.</translation>
    </message>
    <message>
        <source>No free port for Janus&apos;s API.</source>
        <translation>No free port for Janus&apos;s API.</translation>
    </message>
    <message>
        <source>Janus stopped (exit code %1).</source>
        <translation>Janus stopped (exit code %1).</translation>
    </message>
    <message>
        <source>Janus stopped (exit code %1): %2</source>
        <translation>Janus stopped (exit code %1): %2</translation>
    </message>
</context>
<context>
    <name>hntt::web::JoinService</name>
    <message>
        <source>The join page has no certificate: %1</source>
        <translation>The join page has no certificate: %1</translation>
    </message>
    <message>
        <source>The join page cannot listen on %1:%2: %3</source>
        <translation>The join page cannot listen on %1:%2: %3</translation>
    </message>
    <message>
        <source>HNTT Console: open the join link the province&apos;s control centre gave your site.</source>
        <translation>HNTT Console: open the join link the province&apos;s control centre gave your site.</translation>
    </message>
    <message>
        <source>Provincial video-conference control centre</source>
        <translation>Provincial video-conference control centre</translation>
    </message>
</context>
<context>
    <name>hntt::ui::JoinLinkDialog</name>
    <message>
        <source>Join link: %1</source>
        <translation>Join link: %1</translation>
    </message>
    <message>
        <source>The commune opens this link in Chromium or Chrome and is in the meeting. Send it through the province&apos;s own channel: anyone with the link joins as this site.</source>
        <translation>The commune opens this link in Chromium or Chrome and is in the meeting. Send it through the province&apos;s own channel: anyone with the link joins as this site.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Scan with the commune PC&apos;s phone or tablet to open the link</source>
        <translation>Scan with the commune PC&apos;s phone or tablet to open the link</translation>
    </message>
    <message>
        <source>The page&apos;s certificate (for the province&apos;s IT to install on commune PCs): %1
SHA-256 %2</source>
        <translation>The page&apos;s certificate (for the province&apos;s IT to install on commune PCs): %1
SHA-256 %2</translation>
    </message>
    <message>
        <source>&amp;New link…</source>
        <translation>&amp;New link…</translation>
    </message>
    <message>
        <source>Make a new link for this site: the old one stops working at once</source>
        <translation>Make a new link for this site: the old one stops working at once</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>New join link</source>
        <translation>New join link</translation>
    </message>
    <message>
        <source>The old link stops working at once, and a browser in the meeting with it leaves. Make a new link?</source>
        <translation>The old link stops working at once, and a browser in the meeting with it leaves. Make a new link?</translation>
    </message>
</context>
<context>
    <name>SourcePolicy</name>
    <message>
        <source>File sources are not allowed on this console (no media folder is set).</source>
        <translation>File sources are not allowed on this console (no media folder is set).</translation>
    </message>
    <message>
        <source>A file source needs its full path inside the media folder %1.</source>
        <translation>A file source needs its full path inside the media folder %1.</translation>
    </message>
    <message>
        <source>A file source must be a file inside the media folder %1.</source>
        <translation>A file source must be a file inside the media folder %1.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 is not a regular file.</translation>
    </message>
    <message>
        <source>A source URL cannot hold control characters.</source>
        <translation>A source URL cannot hold control characters.</translation>
    </message>
    <message>
        <source>Sources come over srt://, rtsp://, rtmp://, udp:// or rtp://, from a file in the media folder, or from test://; &apos;%1:&apos; is not allowed.</source>
        <translation>Sources come over srt://, rtsp://, rtmp://, udp:// or rtp://, from a file in the media folder, or from test://; &apos;%1:&apos; is not allowed.</translation>
    </message>
    <message>
        <source>The source URL names no host: %1</source>
        <translation>The source URL names no host: %1</translation>
    </message>
    <message>
        <source>The source %1 points at this machine itself; sources from this machine are allowed only when the operator allows local sources.</source>
        <translation>The source %1 points at this machine itself; sources from this machine are allowed only when the operator allows local sources.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::LoadOffer</name>
    <message>
        <source>Light load</source>
        <translation>Light load</translation>
    </message>
    <message>
        <source>The lighter load is on: the multiview refreshes five times a second, sites off the air show a picture a second. Click for the normal load.</source>
        <translation>The lighter load is on: the multiview refreshes five times a second, sites off the air show a picture a second. Click for the normal load.</translation>
    </message>
    <message>
        <source>Lower the load</source>
        <translation>Lower the load</translation>
    </message>
    <message>
        <source>The program is not keeping time. Click for the lighter load: the multiview refreshes five times a second and sites off the air show a picture a second; program, recording and streams stay as they are.</source>
        <translation>The program is not keeping time. Click for the lighter load: the multiview refreshes five times a second and sites off the air show a picture a second; program, recording and streams stay as they are.</translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>The meeting “%1” is in progress: every site loses the program and its return feed.</source>
        <translation>The meeting “%1” is in progress: every site loses the program and its return feed.</translation>
    </message>
    <message>
        <source>A recording is running: it will be stopped and its file finished.</source>
        <translation>A recording is running: it will be stopped and its file finished.</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) or check(s) running: cancelled, leaving nothing half-written.</source>
        <translation>
            <numerusform>%n export or check running: cancelled, leaving nothing half-written.</numerusform>
            <numerusform>%n exports or checks running: cancelled, leaving nothing half-written.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the console?</source>
        <translation>Close the console?</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Close the console</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Keep working</translation>
    </message>
</context>
<context>
    <name>TrustList</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>No certificate with the fingerprint %1 is trusted.</source>
        <translation>No certificate with the fingerprint %1 is trusted.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Cannot remove %1.</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message>
        <source>The archive has been changed since it was made: %1.</source>
        <translation>The archive has been changed since it was made: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The archive has been changed since it was made: %1, and %n other difference(s).</source>
        <translation>
            <numerusform>The archive has been changed since it was made: %1, and %n other difference.</numerusform>
            <numerusform>The archive has been changed since it was made: %1, and %n other differences.</numerusform>
        </translation>
    </message>
    <message>
        <source>The files match the manifest, but the archive is not signed: this proves nothing against deliberate changes.</source>
        <translation>The files match the manifest, but the archive is not signed: this proves nothing against deliberate changes.</translation>
    </message>
    <message>
        <source>The signature is valid but its certificate is NOT trusted: %1 (SHA-256 %2). Do not rely on this archive until that certificate is confirmed as its signer&apos;s.</source>
        <translation>The signature is valid but its certificate is NOT trusted: %1 (SHA-256 %2). Do not rely on this archive until that certificate is confirmed as its signer&apos;s.</translation>
    </message>
    <message>
        <source>The archive has not been changed and is signed by %1, a trusted certificate.</source>
        <translation>The archive has not been changed and is signed by %1, a trusted certificate.</translation>
    </message>
</context>
<context>
    <name>ArchiveSettingsText</name>
    <message>
        <source>Archives cannot be written to %1: %2</source>
        <translation>Archives cannot be written to %1: %2</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created here.</source>
        <translation>The folder %1 cannot be created here.</translation>
    </message>
    <message>
        <source>The archives folder must be a full path, such as /media/usb/luu-tru.</source>
        <translation>The archives folder must be a full path, such as /media/usb/luu-tru.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::ArchiveSettingsDialog</name>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <source>%1 (this console&apos;s signing certificate)
SHA-256 %2</source>
        <translation>%1 (this console&apos;s signing certificate)
SHA-256 %2</translation>
    </message>
    <message>
        <source>Archives are signed by %1 (certificate SHA-256 %2).</source>
        <translation>Archives are signed by %1 (certificate SHA-256 %2).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a certificate to trust</source>
        <translation>Choose a certificate to trust</translation>
    </message>
    <message>
        <source>Stop trusting</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <source>Trust a certificate…</source>
        <translation>Trust a certificate…</translation>
    </message>
    <message>
        <source>A checked archive is green only when it is signed by one of these certificates (or one they issued). This console&apos;s own signing certificate is always trusted.</source>
        <translation>A checked archive is green only when it is signed by one of these certificates (or one they issued). This console&apos;s own signing certificate is always trusted.</translation>
    </message>
    <message>
        <source>Trusted signers</source>
        <translation>Trusted signers</translation>
    </message>
    <message>
        <source>Archives are signed with this certificate.</source>
        <translation>Archives are signed with this certificate.</translation>
    </message>
    <message>
        <source>Archives are not signed. Leave both empty to keep it so.</source>
        <translation>Archives are not signed. Leave both empty to keep it so.</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>Choose the private key</translation>
    </message>
    <message>
        <source>Private key (PEM):</source>
        <translation>Private key (PEM):</translation>
    </message>
    <message>
        <source>Choose the signing certificate</source>
        <translation>Choose the signing certificate</translation>
    </message>
    <message>
        <source>Certificate (PEM):</source>
        <translation>Certificate (PEM):</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>A USB drive or a network share is fine; the console checks that it can write there.</source>
        <translation>A USB drive or a network share is fine; the console checks that it can write there.</translation>
    </message>
    <message>
        <source>Choose the archives folder</source>
        <translation>Choose the archives folder</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Where archives go</source>
        <translation>Where archives go</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Archive settings</source>
        <translation>Archive settings</translation>
    </message>
</context>
<context>
    <name>RecordingFiles</name>
    <message>
        <source>%1 is not this recording&apos;s file: it holds %2 bytes, the recording %3.</source>
        <translation>%1 is not this recording&apos;s file: it holds %2 bytes, the recording %3.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 cannot be read.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 is not a regular file.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>There is no file %1.</translation>
    </message>
    <message>
        <source>Give the full path of the moved file.</source>
        <translation>Give the full path of the moved file.</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>Cannot delete %1: %2</translation>
    </message>
    <message>
        <source>The file %1 is no longer in the trash.</source>
        <translation>The file %1 is no longer in the trash.</translation>
    </message>
    <message>
        <source>%1 exists now; move it away first, then restore the recording.</source>
        <translation>%1 exists now; move it away first, then restore the recording.</translation>
    </message>
    <message>
        <source>Cannot create the trash folder %1.</source>
        <translation>Cannot create the trash folder %1.</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2: %3</source>
        <translation>Cannot move %1 to %2: %3</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 exists already.</translation>
    </message>
    <message>
        <source>The file already has this name.</source>
        <translation>The file already has this name.</translation>
    </message>
    <message>
        <source>The file name holds a control character.</source>
        <translation>The file name holds a control character.</translation>
    </message>
    <message>
        <source>The file name is longer than %1 characters.</source>
        <translation>The file name is longer than %1 characters.</translation>
    </message>
    <message>
        <source>A file name cannot start with a dot (such files are hidden).</source>
        <translation>A file name cannot start with a dot (such files are hidden).</translation>
    </message>
    <message>
        <source>Give a file name, not a path: the file stays in its folder.</source>
        <translation>Give a file name, not a path: the file stays in its folder.</translation>
    </message>
    <message>
        <source>The new file name is empty.</source>
        <translation>The new file name is empty.</translation>
    </message>
</context>
<context>
    <name>SystemError</name>
    <message>
        <source>Broken pipe</source>
        <translation>Broken pipe</translation>
    </message>
    <message>
        <source>Connection reset by the other side</source>
        <translation>Connection reset by the other side</translation>
    </message>
    <message>
        <source>The network is unreachable</source>
        <translation>The network is unreachable</translation>
    </message>
    <message>
        <source>No route to the host</source>
        <translation>No route to the host</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Connection refused</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>Connection timed out</translation>
    </message>
    <message>
        <source>The network share is no longer available</source>
        <translation>The network share is no longer available</translation>
    </message>
    <message>
        <source>No such device</source>
        <translation>No such device</translation>
    </message>
    <message>
        <source>No such device or address</source>
        <translation>No such device or address</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>Invalid argument</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>Out of memory</translation>
    </message>
    <message>
        <source>File too large for this disk</source>
        <translation>File too large for this disk</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>Too many levels of symbolic links</translation>
    </message>
    <message>
        <source>The folder is not empty</source>
        <translation>The folder is not empty</translation>
    </message>
    <message>
        <source>The file is in use</source>
        <translation>The file is in use</translation>
    </message>
    <message>
        <source>The device is busy</source>
        <translation>The device is busy</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Too many open files</translation>
    </message>
    <message>
        <source>Too many open files in the system</source>
        <translation>Too many open files in the system</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>File name too long</translation>
    </message>
    <message>
        <source>Cannot move across disks</source>
        <translation>Cannot move across disks</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>Disk quota exceeded</translation>
    </message>
    <message>
        <source>Is a folder</source>
        <translation>Is a folder</translation>
    </message>
    <message>
        <source>Not a folder</source>
        <translation>Not a folder</translation>
    </message>
    <message>
        <source>Input/output error (the disk or the drive failed)</source>
        <translation>Input/output error (the disk or the drive failed)</translation>
    </message>
    <message>
        <source>The disk is read-only</source>
        <translation>The disk is read-only</translation>
    </message>
    <message>
        <source>No space left on the disk</source>
        <translation>No space left on the disk</translation>
    </message>
    <message>
        <source>The file exists already</source>
        <translation>The file exists already</translation>
    </message>
    <message>
        <source>No such file or folder</source>
        <translation>No such file or folder</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Operation not permitted</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permission denied</translation>
    </message>
</context>
<context>
    <name>hntt::ui::RecordingEditDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>The file is missing: point the recording at the moved file first.</source>
        <translation>The file is missing: point the recording at the moved file first.</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Meeting:</translation>
    </message>
    <message>
        <source>Meeting %1</source>
        <translation>Meeting %1</translation>
    </message>
    <message>
        <source>No meeting</source>
        <translation>No meeting</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Recording details</source>
        <translation>Recording details</translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Time (%1)</translation>
    </message>
</context>
<context>
    <name>EngineReason</name>
    <message>
        <source>Unsupported URL scheme: %1</source>
        <translation>Unsupported URL scheme: %1</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Connection lost: %1</translation>
    </message>
    <message>
        <source>Connection closed by the sender</source>
        <translation>Connection closed by the sender</translation>
    </message>
    <message>
        <source>No answer within %1 s</source>
        <translation>No answer within %1 s</translation>
    </message>
    <message>
        <source>No media for %1 s</source>
        <translation>No media for %1 s</translation>
    </message>
</context>
<context>
    <name>MeetingNotice</name>
    <message>
        <source>The control centre calls your room system (%1) when the meeting starts; keep it switched on and free.</source>
        <translation>The control centre calls your room system (%1) when the meeting starts; keep it switched on and free.</translation>
    </message>
    <message>
        <source>Send your picture and sound to the control centre as set up for your site; the meeting comes back to you on your return feed.</source>
        <translation>Send your picture and sound to the control centre as set up for your site; the meeting comes back to you on your return feed.</translation>
    </message>
    <message>
        <source>Open %1 in Chrome or Firefox on the hall&apos;s computer, allow the camera and the microphone, and press “Join the meeting”.</source>
        <translation>Open %1 in Chrome or Firefox on the hall&apos;s computer, allow the camera and the microphone, and press “Join the meeting”.</translation>
    </message>
    <message>
        <source>Ask the control centre for your site&apos;s join link.</source>
        <translation>Ask the control centre for your site&apos;s join link.</translation>
    </message>
    <message>
        <source>[URGENT] </source>
        <translation>[URGENT] </translation>
    </message>
    <message>
        <source>[CANCELLED] </source>
        <translation>[CANCELLED] </translation>
    </message>
    <message>
        <source>This meeting is cancelled.</source>
        <translation>This meeting is cancelled.</translation>
    </message>
    <message>
        <source>This meeting is cancelled: %1</source>
        <translation>This meeting is cancelled: %1</translation>
    </message>
    <message>
        <source>This is an emergency meeting.</source>
        <translation>This is an emergency meeting.</translation>
    </message>
    <message>
        <source>Convened by: %1</source>
        <translation>Convened by: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subject: %1</translation>
    </message>
    <message>
        <source>Time: %1 to %2, %3 (%4)</source>
        <translation>Time: %1 to %2, %3 (%4)</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>Room: %1</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Site: %1</translation>
    </message>
    <message>
        <source>How to join: %1</source>
        <translation>How to join: %1</translation>
    </message>
    <message>
        <source>Please connect and check your picture and sound 30 minutes before the start.</source>
        <translation>Please connect and check your picture and sound 30 minutes before the start.</translation>
    </message>
    <message>
        <source>Site %1 does not take part in meeting %2.</source>
        <translation>Site %1 does not take part in meeting %2.</translation>
    </message>
</context>
</TS>