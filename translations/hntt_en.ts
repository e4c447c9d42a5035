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
    <name>hntt::ui::MainWindow</name>
    <message>
        <source>HNTT Console — Online conference control</source>
        <translation>HNTT Console — Online conference control</translation>
    </message>
    <message>
        <source>Multiview: no meeting in session</source>
        <translation>Multiview: no meeting in session</translation>
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
</context>
</TS>