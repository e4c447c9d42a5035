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
        <translation>Không khởi động được API điều khiển trên %1:%2: %3</translation>
    </message>
    <message>
        <source>Control API listening on http://%1:%2/api/v1 (token in %3)</source>
        <translation>API điều khiển đang lắng nghe tại http://%1:%2/api/v1 (mã truy cập API trong %3)</translation>
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
        <translation>điểm cầu, cuộc họp, sự kiện, bản ghi, mốc</translation>
    </message>
    <message>
        <source>cancelled meetings kept, room index</source>
        <translation>giữ lại cuộc họp đã hủy, chỉ mục phòng họp</translation>
    </message>
    <message>
        <source>one recording at a time</source>
        <translation>mỗi lúc chỉ một bản ghi</translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation>Chưa chỉ định tệp cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Không tạo được thư mục %1 cho cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt (QSQLITE) is not installed.</source>
        <translation>Trình điều khiển SQLite của Qt (QSQLITE) chưa được cài đặt.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Không mở được cơ sở dữ liệu %1: %2</translation>
    </message>
    <message>
        <source>setting the busy timeout</source>
        <translation>đặt thời gian chờ khi cơ sở dữ liệu bận</translation>
    </message>
    <message>
        <source>%1 is not a database of the console: %2</source>
        <translation>%1 không phải là cơ sở dữ liệu của bàn điều khiển: %2</translation>
    </message>
    <message>
        <source>The database %1 has schema version %2, newer than this version of the console knows (%3). Use a newer console or another data folder.</source>
        <translation>Cơ sở dữ liệu %1 có phiên bản cấu trúc %2, mới hơn phiên bản mà bàn điều khiển này hỗ trợ (%3). Hãy dùng phiên bản bàn điều khiển mới hơn hoặc một thư mục dữ liệu khác.</translation>
    </message>
    <message>
        <source>switching to write-ahead logging</source>
        <translation>chuyển sang chế độ ghi nhật ký trước (WAL)</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (journal mode: %2).</source>
        <translation>Cơ sở dữ liệu %1 không dùng được chế độ ghi nhật ký trước (WAL) (chế độ nhật ký: %2).</translation>
    </message>
    <message>
        <source>enabling foreign keys</source>
        <translation>bật kiểm tra khóa ngoại</translation>
    </message>
    <message>
        <source>This SQLite library does not enforce foreign keys.</source>
        <translation>Thư viện SQLite này không áp dụng ràng buộc khóa ngoại.</translation>
    </message>
    <message>
        <source>setting the synchronous mode</source>
        <translation>đặt chế độ đồng bộ</translation>
    </message>
    <message>
        <source>The schema history is broken: step %1 has version %2.</source>
        <translation>Lịch sử nâng cấp cấu trúc bị lỗi: bước %1 mang phiên bản %2.</translation>
    </message>
    <message>
        <source>Could not upgrade the database %1 to schema version %2 (%3): %4. Nothing was changed; it stays at version %5.</source>
        <translation>Không nâng cấp được cấu trúc cơ sở dữ liệu %1 lên phiên bản %2 (%3): %4. Chưa có thay đổi nào; cơ sở dữ liệu vẫn ở phiên bản %5.</translation>
    </message>
    <message>
        <source>a foreign key of table %1 points nowhere</source>
        <translation>một khóa ngoại của bảng %1 trỏ tới dữ liệu không tồn tại</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Lỗi cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>Database error while %1: %2</source>
        <translation>Lỗi cơ sở dữ liệu khi %1: %2</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>bắt đầu giao dịch</translation>
    </message>
    <message>
        <source>committing</source>
        <translation>xác nhận giao dịch</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>An event needs an actor.</source>
        <translation>Sự kiện phải có người thực hiện.</translation>
    </message>
    <message>
        <source>An event needs an action.</source>
        <translation>Sự kiện phải có thao tác.</translation>
    </message>
    <message>
        <source>checking meeting %1</source>
        <translation>kiểm tra cuộc họp %1</translation>
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation>Không có cuộc họp %1.</translation>
    </message>
    <message>
        <source>writing to the event log</source>
        <translation>ghi vào nhật ký sự kiện</translation>
    </message>
    <message>
        <source>reading the event log</source>
        <translation>đọc nhật ký sự kiện</translation>
    </message>
</context>
<context>
    <name>MeetingBook</name>
    <message>
        <source>A meeting needs a title.</source>
        <translation>Cuộc họp phải có tiêu đề.</translation>
    </message>
    <message>
        <source>The meeting title is longer than %1 characters.</source>
        <translation>Tiêu đề cuộc họp dài quá %1 ký tự.</translation>
    </message>
    <message>
        <source>A meeting needs a room.</source>
        <translation>Cuộc họp phải có phòng họp.</translation>
    </message>
    <message>
        <source>A meeting needs a start and an end time.</source>
        <translation>Cuộc họp phải có thời gian bắt đầu và kết thúc.</translation>
    </message>
    <message>
        <source>The meeting must end after it starts.</source>
        <translation>Thời gian kết thúc cuộc họp phải sau thời gian bắt đầu.</translation>
    </message>
    <message>
        <source>The host site %1 does not exist.</source>
        <translation>Điểm cầu chủ trì %1 không tồn tại.</translation>
    </message>
    <message>
        <source>A %1 meeting is hosted by a %2 site; "%3" is a %4 site.</source>
        <translation>Cuộc họp %1 do điểm cầu cấp %2 chủ trì; "%3" là điểm cầu cấp %4.</translation>
    </message>
    <message>
        <source>checking site %1</source>
        <translation>kiểm tra điểm cầu %1</translation>
    </message>
    <message>
        <source>These participant sites do not exist: %1.</source>
        <translation>Các điểm cầu tham dự sau không tồn tại: %1.</translation>
    </message>
    <message>
        <source>checking the room's bookings</source>
        <translation>kiểm tra lịch đặt phòng họp</translation>
    </message>
    <message>
        <source>The room "%1" is already booked from %2 to %3 for meeting %4 "%5".</source>
        <translation>Phòng họp "%1" đã được đặt từ %2 đến %3 cho cuộc họp %4 "%5".</translation>
    </message>
    <message>
        <source>booking the meeting</source>
        <translation>đặt lịch cuộc họp</translation>
    </message>
    <message>
        <source>adding site %1 to the meeting</source>
        <translation>thêm điểm cầu %1 vào cuộc họp</translation>
    </message>
    <message>
        <source>The meeting starts less than %1 days after it was booked; only emergency meetings are normally booked that late.</source>
        <translation>Cuộc họp bắt đầu chưa đầy %1 ngày sau khi đặt lịch; thông thường chỉ cuộc họp khẩn cấp mới được đặt lịch muộn như vậy.</translation>
    </message>
    <message>
        <source>reading meetings</source>
        <translation>đọc danh sách cuộc họp</translation>
    </message>
    <message>
        <source>reading the sites of meeting %1</source>
        <translation>đọc các điểm cầu của cuộc họp %1</translation>
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation>Không có cuộc họp %1.</translation>
    </message>
    <message>
        <source>Meeting %1 is already cancelled.</source>
        <translation>Cuộc họp %1 đã bị hủy trước đó.</translation>
    </message>
    <message>
        <source>cancelling meeting %1</source>
        <translation>hủy cuộc họp %1</translation>
    </message>
    <message>
        <source>national (province as a branch)</source>
        <translation>toàn quốc (tỉnh là điểm cầu nhánh)</translation>
    </message>
    <message>
        <source>province to districts</source>
        <translation>tỉnh với các huyện</translation>
    </message>
    <message>
        <source>district to communes</source>
        <translation>huyện với các xã</translation>
    </message>
    <message>
        <source>province to all</source>
        <translation>tỉnh với toàn bộ huyện, xã</translation>
    </message>
</context>
<context>
    <name>RecordingCatalogue</name>
    <message>
        <source>A recording needs a file path.</source>
        <translation>Bản ghi phải có đường dẫn tệp.</translation>
    </message>
    <message>
        <source>Recording %1 is still running; stop it first.</source>
        <translation>Bản ghi %1 vẫn đang ghi hình; hãy dừng bản ghi này trước.</translation>
    </message>
    <message>
        <source>checking meeting %1</source>
        <translation>kiểm tra cuộc họp %1</translation>
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation>Không có cuộc họp %1.</translation>
    </message>
    <message>
        <source>adding the recording</source>
        <translation>thêm bản ghi</translation>
    </message>
    <message>
        <source>A recording's duration cannot be negative.</source>
        <translation>Thời lượng bản ghi không được âm.</translation>
    </message>
    <message>
        <source>A recording's size cannot be negative.</source>
        <translation>Dung lượng bản ghi không được âm.</translation>
    </message>
    <message>
        <source>Recording %1 is not running (it is %2).</source>
        <translation>Bản ghi %1 không đang ghi hình (trạng thái: %2).</translation>
    </message>
    <message>
        <source>stopping recording %1</source>
        <translation>dừng bản ghi %1</translation>
    </message>
    <message>
        <source>closing interrupted recordings</source>
        <translation>đóng các bản ghi bị gián đoạn</translation>
    </message>
    <message>
        <source>A marker's offset cannot be negative.</source>
        <translation>Vị trí thời gian của mốc không được âm.</translation>
    </message>
    <message>
        <source>checking the marker</source>
        <translation>kiểm tra mốc</translation>
    </message>
    <message>
        <source>There is no recording %1.</source>
        <translation>Không có bản ghi %1.</translation>
    </message>
    <message>
        <source>There is no site %1.</source>
        <translation>Không có điểm cầu %1.</translation>
    </message>
    <message>
        <source>adding a marker</source>
        <translation>thêm mốc</translation>
    </message>
    <message>
        <source>listing the recordings</source>
        <translation>liệt kê các bản ghi</translation>
    </message>
    <message>
        <source>reading recording %1</source>
        <translation>đọc bản ghi %1</translation>
    </message>
    <message>
        <source>reading the markers of recording %1</source>
        <translation>đọc các mốc của bản ghi %1</translation>
    </message>
    <message>
        <source>looking for the running recording</source>
        <translation>tìm bản ghi đang ghi hình</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>There is no site %1.</source>
        <translation>Không có điểm cầu %1.</translation>
    </message>
</context>
<context>
    <name>SiteDirectory</name>
    <message>
        <source>listing the sites</source>
        <translation>liệt kê các điểm cầu</translation>
    </message>
    <message>
        <source>reading site %1</source>
        <translation>đọc điểm cầu %1</translation>
    </message>
    <message>
        <source>There is no site %1.</source>
        <translation>Không có điểm cầu %1.</translation>
    </message>
    <message>
        <source>listing the sites under site %1</source>
        <translation>liệt kê các điểm cầu trực thuộc điểm cầu %1</translation>
    </message>
    <message>
        <source>counting the sites</source>
        <translation>đếm số điểm cầu</translation>
    </message>
    <message>
        <source>A site needs a name.</source>
        <translation>Điểm cầu phải có tên.</translation>
    </message>
    <message>
        <source>The site name is longer than %1 characters.</source>
        <translation>Tên điểm cầu dài quá %1 ký tự.</translation>
    </message>
    <message>
        <source>The site name contains a control character.</source>
        <translation>Tên điểm cầu chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>The address is longer than %1 characters.</source>
        <translation>Địa chỉ dài quá %1 ký tự.</translation>
    </message>
    <message>
        <source>The address "%1" contains a space or a control character.</source>
        <translation>Địa chỉ "%1" chứa dấu cách hoặc ký tự điều khiển.</translation>
    </message>
    <message>
        <source>The camera settings are not a JSON object.</source>
        <translation>Thiết lập camera không phải là đối tượng JSON.</translation>
    </message>
    <message>
        <source>Unknown camera protocol "%1" (expected visca-ip or onvif).</source>
        <translation>Giao thức camera "%1" không xác định (cần visca-ip hoặc onvif).</translation>
    </message>
    <message>
        <source>A commune site must belong to a district site.</source>
        <translation>Điểm cầu cấp xã phải trực thuộc một điểm cầu cấp huyện.</translation>
    </message>
    <message>
        <source>A province site cannot have a parent site.</source>
        <translation>Điểm cầu cấp tỉnh không được có điểm cầu cấp trên.</translation>
    </message>
    <message>
        <source>A site cannot be its own parent.</source>
        <translation>Điểm cầu không thể là cấp trên của chính nó.</translation>
    </message>
    <message>
        <source>The parent site %1 does not exist.</source>
        <translation>Điểm cầu cấp trên %1 không tồn tại.</translation>
    </message>
    <message>
        <source>A district site's parent must be a province site (site %1 is not).</source>
        <translation>Điểm cầu cấp trên của điểm cầu cấp huyện phải là điểm cầu cấp tỉnh (điểm cầu %1 không phải).</translation>
    </message>
    <message>
        <source>A commune site's parent must be a district site (site %1 is not).</source>
        <translation>Điểm cầu cấp trên của điểm cầu cấp xã phải là điểm cầu cấp huyện (điểm cầu %1 không phải).</translation>
    </message>
    <message>
        <source>Site %1 cannot be a %2 site: %3 %4 site(s) belong to it.</source>
        <translation>Điểm cầu %1 không thể là điểm cầu cấp %2: có %3 điểm cầu cấp %4 trực thuộc.</translation>
    </message>
    <message>
        <source>adding site "%1"</source>
        <translation>thêm điểm cầu "%1"</translation>
    </message>
    <message>
        <source>updating site %1</source>
        <translation>cập nhật điểm cầu %1</translation>
    </message>
    <message>
        <source>A site id must be a positive number.</source>
        <translation>Mã điểm cầu phải là số dương.</translation>
    </message>
    <message>
        <source>Site %1 already exists.</source>
        <translation>Điểm cầu %1 đã tồn tại.</translation>
    </message>
    <message>
        <source>checking site %1</source>
        <translation>kiểm tra điểm cầu %1</translation>
    </message>
    <message numerus="yes">
        <source>Site %1 cannot be removed: %n site(s) still belong to it.</source>
        <translation>
            <numerusform>Không thể xóa điểm cầu %1: vẫn còn %n điểm cầu trực thuộc.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Site %1 cannot be removed: it hosts %n meeting(s).</source>
        <translation>
            <numerusform>Không thể xóa điểm cầu %1: điểm cầu này đang chủ trì %n cuộc họp.</numerusform></translation>
    </message>
    <message>
        <source>removing site %1</source>
        <translation>xóa điểm cầu %1</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>một trường trong dấu ngoặc kép chưa được đóng</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>có nội dung thừa sau dấu ngoặc kép đóng</translation>
    </message>
    <message>
        <source>a quote inside a field that is not quoted</source>
        <translation>có dấu ngoặc kép trong một trường không đặt trong ngoặc kép</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>Tệp không phải là văn bản UTF-8.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>the header row is missing</source>
        <translation>thiếu dòng tiêu đề</translation>
    </message>
    <message>
        <source>the header must be "%1"</source>
        <translation>dòng tiêu đề phải là "%1"</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>cần %1 trường nhưng có %2</translation>
    </message>
    <message>
        <source>the id "%1" is not a positive whole number</source>
        <translation>giá trị id "%1" không phải là số nguyên dương</translation>
    </message>
    <message>
        <source>unknown level "%1" (expected province, district or commune)</source>
        <translation>cấp "%1" không xác định (cần province, district hoặc commune)</translation>
    </message>
    <message>
        <source>the parent id "%1" is not a positive whole number</source>
        <translation>giá trị parent_id "%1" không phải là số nguyên dương</translation>
    </message>
    <message>
        <source>The file must hold a JSON array of sites.</source>
        <translation>Tệp phải chứa một mảng JSON gồm các điểm cầu.</translation>
    </message>
    <message>
        <source>Site #%1: %2</source>
        <translation>Điểm cầu thứ %1: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>không phải là đối tượng JSON</translation>
    </message>
    <message>
        <source>"id" must be a positive whole number</source>
        <translation>"id" phải là số nguyên dương</translation>
    </message>
    <message>
        <source>"name" must be text</source>
        <translation>"name" phải là chuỗi văn bản</translation>
    </message>
    <message>
        <source>"level" must be province, district or commune</source>
        <translation>"level" phải là province, district hoặc commune</translation>
    </message>
    <message>
        <source>"parent_id" must be a positive whole number or null</source>
        <translation>"parent_id" phải là số nguyên dương hoặc null</translation>
    </message>
    <message>
        <source>"source_url" must be text or null</source>
        <translation>"source_url" phải là chuỗi văn bản hoặc null</translation>
    </message>
    <message>
        <source>"return_url" must be text or null</source>
        <translation>"return_url" phải là chuỗi văn bản hoặc null</translation>
    </message>
    <message>
        <source>"camera" must be an object or null</source>
        <translation>"camera" phải là đối tượng hoặc null</translation>
    </message>
    <message>
        <source>site %1 appears twice in the file</source>
        <translation>điểm cầu %1 xuất hiện hai lần trong tệp</translation>
    </message>
    <message>
        <source>province</source>
        <translation>tỉnh</translation>
    </message>
    <message>
        <source>district</source>
        <translation>huyện</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>xã</translation>
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
        <translation>Bàn điều khiển đã dừng khi đang ghi hình; tệp chứa nội dung đã ghi được đến thời điểm đó.</translation>
    </message>
    <message>
        <source>Signal lost</source>
        <translation>Mất tín hiệu</translation>
    </message>
    <message>
        <source>Video off</source>
        <translation>Tắt hình</translation>
    </message>
    <message>
        <source>No picture yet</source>
        <translation>Chưa có hình</translation>
    </message>
    <message>
        <source>PROGRAM</source>
        <translation>CHƯƠNG TRÌNH</translation>
    </message>
    <message>
        <source>PREVIEW</source>
        <translation>XEM TRƯỚC</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>điểm cầu</translation>
    </message>
    <message>
        <source>signal lost</source>
        <translation>mất tín hiệu</translation>
    </message>
    <message>
        <source>MUTED</source>
        <translation>TẮT TIẾNG</translation>
    </message>
    <message>
        <source>Gain must be between -60 and +20 dB.</source>
        <translation>Mức khuếch đại phải nằm trong khoảng từ -60 đến +20 dB.</translation>
    </message>
    <message>
        <source>%1: signal lost (%2)</source>
        <translation>%1: mất tín hiệu (%2)</translation>
    </message>
    <message>
        <source>Auto mode: the program follows the active speaker.</source>
        <translation>Chế độ tự động: chương trình theo điểm cầu đang phát biểu.</translation>
    </message>
    <message>
        <source>There is no focus layout.</source>
        <translation>Không có bố cục tiêu điểm.</translation>
    </message>
    <message>
        <source>A recording is already running (%1).</source>
        <translation>Đã có bản ghi đang ghi hình (%1).</translation>
    </message>
    <message>
        <source>There is no meeting %1.</source>
        <translation>Không có cuộc họp %1.</translation>
    </message>
    <message>
        <source>Cannot start the recording: %1</source>
        <translation>Không bắt đầu ghi hình được: %1</translation>
    </message>
    <message>
        <source>Recording %1 is not running.</source>
        <translation>Bản ghi %1 không đang ghi hình.</translation>
    </message>
    <message>
        <source>There is no output %1.</source>
        <translation>Không có luồng phát %1.</translation>
    </message>
    <message>
        <source>The saved stream %1 cannot start: %2</source>
        <translation>Không khởi động được luồng phát đã lưu %1: %2</translation>
    </message>
    <message>
        <source>Restored from the settings.</source>
        <translation>Khôi phục từ phần cài đặt.</translation>
    </message>
    <message>
        <source>%1 has no camera.</source>
        <translation>%1 không có camera.</translation>
    </message>
    <message>
        <source>Cameras of protocol '%1' cannot be steered yet.</source>
        <translation>Chưa điều khiển được camera dùng giao thức '%1'.</translation>
    </message>
    <message>
        <source>Presets are numbered 1 to 128.</source>
        <translation>Vị trí đặt sẵn được đánh số từ 1 đến 128.</translation>
    </message>
    <message>
        <source>The camera of %1 has no valid host and port.</source>
        <translation>Camera của %1 không có địa chỉ và cổng hợp lệ.</translation>
    </message>
</context>
<context>
    <name>hntt::core::camera::ViscaIpCamera</name>
    <message>
        <source>The camera at %1:%2 did not answer within %3 s.</source>
        <translation>Camera tại %1:%2 không trả lời trong %3 giây.</translation>
    </message>
    <message>
        <source>The camera answered the position inquiry with an invalid reply.</source>
        <translation>Camera trả lời câu hỏi vị trí bằng dữ liệu không hợp lệ.</translation>
    </message>
    <message>
        <source>The camera refused the command: %1.</source>
        <translation>Camera từ chối lệnh: %1.</translation>
    </message>
    <message>
        <source>message length error</source>
        <translation>lỗi độ dài thông điệp</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>lỗi cú pháp</translation>
    </message>
    <message>
        <source>command buffer full</source>
        <translation>bộ đệm lệnh đã đầy</translation>
    </message>
    <message>
        <source>command cancelled</source>
        <translation>lệnh đã bị hủy</translation>
    </message>
    <message>
        <source>no socket</source>
        <translation>không còn kênh lệnh</translation>
    </message>
    <message>
        <source>command not executable now</source>
        <translation>lệnh không thực hiện được lúc này</translation>
    </message>
    <message>
        <source>error code %1</source>
        <translation>mã lỗi %1</translation>
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
        <translation>Đồng hồ chương trình: %1 khung hình, %2 trễ, %3 bị bỏ qua</translation>
    </message>
</context>
</TS>