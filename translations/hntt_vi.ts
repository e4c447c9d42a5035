<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Application</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Không tạo được thư mục dữ liệu %1.</translation>
    </message>
    <message>
        <source>Run 'hntt-console --help' for the options.</source>
        <translation>Chạy 'hntt-console --help' để xem các tùy chọn.</translation>
    </message>
    <message>
        <source>HNTT Console running headless; stop with Ctrl+C.</source>
        <translation>HNTT Console đang chạy không giao diện; dừng bằng Ctrl+C.</translation>
    </message>
    <message>
        <source>Cannot start the control API on %1:%2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Control API listening on http://%1:%2/api/v1 (token in %3)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>HNTT Console: operator console for the province's online video-conference centre.</source>
        <translation>HNTT Console: bàn điều khiển của trung tâm hội nghị truyền hình trực tuyến cấp tỉnh.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Hiện trợ giúp này rồi thoát.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Hiện phiên bản rồi thoát.</translation>
    </message>
    <message>
        <source>Run without a window: engine, store and API only.</source>
        <translation>Chạy không có cửa sổ: chỉ bộ xử lý, cơ sở dữ liệu và API.</translation>
    </message>
    <message>
        <source>Load the built-in demo directory with simulated sites.</source>
        <translation>Nạp danh bạ trình diễn có sẵn với các điểm cầu mô phỏng.</translation>
    </message>
    <message>
        <source>Folder for the database, recordings, archives and API token.</source>
        <translation>Thư mục chứa cơ sở dữ liệu, bản ghi, hồ sơ lưu trữ và mã truy cập API.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>Address of the control API (default 127.0.0.1:8470), or 'off'.</source>
        <translation>Địa chỉ của API điều khiển (mặc định 127.0.0.1:8470), hoặc 'off' để tắt.</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>MÁY:CỔNG</translation>
    </message>
    <message>
        <source>Read the API bearer token from the first line of FILE.</source>
        <translation>Đọc mã truy cập API từ dòng đầu tiên của TỆP.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Program canvas size and frame rate (default 1920x1080@25).</source>
        <translation>Kích thước và tốc độ khung hình của kênh chương trình (mặc định 1920x1080@25).</translation>
    </message>
    <message>
        <source>WxH@FPS</source>
        <translation>RộngxCao@KHUNG</translation>
    </message>
    <message>
        <source>Interface language: vi or en.</source>
        <translation>Ngôn ngữ giao diện: vi hoặc en.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>NGÔN_NGỮ</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Đối số không mong đợi: %1</translation>
    </message>
    <message>
        <source>--data-dir needs a folder.</source>
        <translation>--data-dir cần một thư mục.</translation>
    </message>
    <message>
        <source>Invalid --program value '%1': expected WxH@FPS with even sizes from 160x90 to 7680x4320 and 1 to 60 frames per second, e.g. 1920x1080@25.</source>
        <translation>Giá trị --program '%1' không hợp lệ: cần dạng RộngxCao@KHUNG với kích thước chẵn từ 160x90 đến 7680x4320 và từ 1 đến 60 khung hình mỗi giây, ví dụ 1920x1080@25.</translation>
    </message>
    <message>
        <source>Invalid --api-listen value '%1': expected HOST:PORT (e.g. 127.0.0.1:8470) or off.</source>
        <translation>Giá trị --api-listen '%1' không hợp lệ: cần dạng MÁY:CỔNG (ví dụ 127.0.0.1:8470) hoặc off.</translation>
    </message>
    <message>
        <source>--api-token-file needs a file.</source>
        <translation>--api-token-file cần một tệp.</translation>
    </message>
    <message>
        <source>The API may listen on a non-loopback address (%1) only with --api-token-file.</source>
        <translation>API chỉ được lắng nghe trên địa chỉ ngoài máy (%1) khi có --api-token-file.</translation>
    </message>
    <message>
        <source>Invalid --lang value '%1': expected vi or en.</source>
        <translation>Giá trị --lang '%1' không hợp lệ: cần vi hoặc en.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>sites, meetings, events, recordings, markers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled meetings kept, room index</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>one recording at a time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No database file was given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The SQLite driver of Qt (QSQLITE) is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>setting the busy timeout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a database of the console: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database %1 has schema version %2, newer than this version of the console knows (%3). Use a newer console or another data folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>switching to write-ahead logging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (journal mode: %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>enabling foreign keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This SQLite library does not enforce foreign keys.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>setting the synchronous mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The schema history is broken: step %1 has version %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not upgrade the database %1 to schema version %2 (%3): %4. Nothing was changed; it stays at version %5.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a foreign key of table %1 points nowhere</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database error while %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>starting a transaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>committing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>An event needs an actor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An event needs an action.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>checking meeting %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>writing to the event log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading the event log</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MeetingBook</name>
    <message>
        <source>A meeting needs a title.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The meeting title is longer than %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A meeting needs a room.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A meeting needs a start and an end time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The meeting must end after it starts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The host site %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A %1 meeting is hosted by a %2 site; "%3" is a %4 site.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>checking site %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>These participant sites do not exist: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>checking the room's bookings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The room "%1" is already booked from %2 to %3 for meeting %4 "%5".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>booking the meeting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>adding site %1 to the meeting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The meeting starts less than %1 days after it was booked; only emergency meetings are normally booked that late.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading meetings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading the sites of meeting %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Meeting %1 is already cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelling meeting %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordingCatalogue</name>
    <message>
        <source>A recording needs a file path.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recording %1 is still running; stop it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>checking meeting %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>adding the recording</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A recording's duration cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A recording's size cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recording %1 is not running (it is %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stopping recording %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>closing interrupted recordings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A marker's offset cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>checking the marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no recording %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no site %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>adding a marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listing the recordings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading recording %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading the markers of recording %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>looking for the running recording</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>There is no site %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SiteDirectory</name>
    <message>
        <source>listing the sites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading site %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no site %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listing the sites under site %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>counting the sites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A site needs a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The site name is longer than %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The site name contains a control character.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The address is longer than %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The address "%1" contains a space or a control character.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The camera settings are not a JSON object.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown camera protocol "%1" (expected visca-ip or onvif).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A commune site must belong to a district site.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A province site cannot have a parent site.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A site cannot be its own parent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The parent site %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A district site's parent must be a province site (site %1 is not).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A commune site's parent must be a district site (site %1 is not).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site %1 cannot be a %2 site: %3 %4 site(s) belong to it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>adding site "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>updating site %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A site id must be a positive number.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site %1 already exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>checking site %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Site %1 cannot be removed: %n site(s) still belong to it.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>Site %1 cannot be removed: it hosts %n meeting(s).</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>removing site %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a quote inside a field that is not quoted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the header row is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the header must be "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the id "%1" is not a positive whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown level "%1" (expected province, district or commune)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the parent id "%1" is not a positive whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file must hold a JSON array of sites.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site #%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"id" must be a positive whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"name" must be text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"level" must be province, district or commune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"parent_id" must be a positive whole number or null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"source_url" must be text or null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"return_url" must be text or null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"camera" must be an object or null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>site %1 appears twice in the file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>hntt::core::Session</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Không tạo được thư mục dữ liệu %1.</translation>
    </message>
    <message>
        <source>The console stopped while recording; the file holds what was recorded until then.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signal lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Video off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No picture yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PROGRAM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PREVIEW</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>signal lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MUTED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gain must be between -60 and +20 dB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: signal lost (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto mode: the program follows the active speaker.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no focus layout.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A recording is already running (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot start the recording: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recording %1 is not running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no output %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>hntt::ui::MainWindow</name>
    <message>
        <source>HNTT Console — Online conference control</source>
        <translation>Bàn điều khiển HNTT — Điều hành hội nghị trực tuyến</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>&amp;About HNTT Console</source>
        <translation>&amp;Giới thiệu HNTT Console</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Ctrl+Q	Quit</source>
        <translation>Ctrl+Q	Thoát</translation>
    </message>
    <message>
        <source>About HNTT Console</source>
        <translation>Giới thiệu HNTT Console</translation>
    </message>
    <message>
        <source>HNTT Console %1
Operator console for the province's online video-conference centre.</source>
        <translation>HNTT Console %1
Bàn điều khiển của trung tâm hội nghị truyền hình trực tuyến cấp tỉnh.</translation>
    </message>
    <message>
        <source>Program clock: %1 frames, %2 late, %3 skipped</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>