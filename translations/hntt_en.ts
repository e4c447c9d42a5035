<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Application</name>
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
        <source>Control API listening on http://%1:%2/api/v1 (token in %3)</source>
        <translation>Control API listening on http://%1:%2/api/v1 (token in %3)</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
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
</context>
<context>
    <name>Database</name>
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
        <source>Unknown camera protocol "%1" (expected visca-ip or onvif).</source>
        <translation>Unknown camera protocol "%1" (expected visca-ip or onvif).</translation>
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
            <numerusform>Site %1 cannot be removed: %n site(s) still belong to it.</numerusform><numerusform>Site %1 cannot be removed: %n site(s) still belong to it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Site %1 cannot be removed: it hosts %n meeting(s).</source>
        <translation>
            <numerusform>Site %1 cannot be removed: it hosts %n meeting(s).</numerusform><numerusform>Site %1 cannot be removed: it hosts %n meeting(s).</numerusform></translation>
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
</context>
<context>
    <name>hntt::core::Session</name>
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
        <source>Gain must be between -60 and +20 dB.</source>
        <translation>Gain must be between -60 and +20 dB.</translation>
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
        <source>Cameras of protocol '%1' cannot be steered yet.</source>
        <translation>Cameras of protocol '%1' cannot be steered yet.</translation>
    </message>
    <message>
        <source>Presets are numbered 1 to 128.</source>
        <translation>Presets are numbered 1 to 128.</translation>
    </message>
    <message>
        <source>The camera of %1 has no valid host and port.</source>
        <translation>The camera of %1 has no valid host and port.</translation>
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
</context>
<context>
    <name>hntt::ui::MainWindow</name>
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
        <source>Ctrl+Q	Quit</source>
        <translation>Ctrl+Q	Quit</translation>
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
        <source>Program clock: %1 frames, %2 late, %3 skipped</source>
        <translation>Program clock: %1 frames, %2 late, %3 skipped</translation>
    </message>
</context>
</TS>