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
    <name>hntt::ui::MainWindow</name>
    <message>
        <source>HNTT Console — Online conference control</source>
        <translation>Bàn điều khiển HNTT — Điều hành hội nghị trực tuyến</translation>
    </message>
    <message>
        <source>Multiview: no meeting in session</source>
        <translation>Màn hình đa điểm: chưa có cuộc họp nào đang diễn ra</translation>
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
</context>
</TS>