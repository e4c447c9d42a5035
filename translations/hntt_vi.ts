<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Application</name>
    <message>
        <source>The time zone %1 in settings.ini is not known here; times are this machine&apos;s.</source>
        <translation>Múi giờ %1 trong settings.ini không có trên máy này; thời gian được tính theo giờ của máy.</translation>
    </message>
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
        <source>Join page for browser sites at %1 (certificate SHA-256 %2)</source>
        <translation>Trang tham gia cho điểm cầu dùng trình duyệt tại %1 (SHA-256 của chứng thư số: %2)</translation>
    </message>
    <message>
        <source>Control API listening on %1://%2:%3/api/v1 (token in %4)</source>
        <translation>API điều khiển đang lắng nghe tại %1://%2:%3/api/v1 (mã truy cập trong %4)</translation>
    </message>
    <message>
        <source>Control API certificate SHA-256 %1</source>
        <translation>SHA-256 của chứng thư số API điều khiển: %1</translation>
    </message>
    <message>
        <source>The control API has no certificate: %1</source>
        <translation>API điều khiển không có chứng thư số: %1</translation>
    </message>
    <message>
        <source>The system allows only %1 open files; under heavy load connections may be refused early.</source>
        <translation>Hệ thống chỉ cho phép mở %1 tệp; khi tải nặng, kết nối có thể bị từ chối sớm.</translation>
    </message>
</context>
<context>
    <name>ArchiveGathering</name>
    <message>
        <source>Recording %1 is still running; stop it before archiving it.</source>
        <translation>Bản ghi hình %1 vẫn đang ghi; hãy dừng ghi trước khi lập lưu trữ.</translation>
    </message>
    <message>
        <source>The file of recording %1 is missing: %2</source>
        <translation>Thiếu tệp của bản ghi hình %1: %2</translation>
    </message>
    <message>
        <source>Recording %1 is in the trash; restore it before archiving it.</source>
        <translation>Bản ghi hình %1 đang ở thùng rác; hãy khôi phục trước khi lập lưu trữ.</translation>
    </message>
</context>
<context>
    <name>ArchiveJob</name>
    <message>
        <source>An archive is made in Vietnamese (vi) or English (en), not &quot;%1&quot;.</source>
        <translation>Hồ sơ lưu trữ được lập bằng tiếng Việt (vi) hoặc tiếng Anh (en), không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Not enough free space in %1 for the archive: %2 MB needed, %3 MB free.</source>
        <translation>Không đủ dung lượng trống trong %1 để lập lưu trữ: cần %2 MB, còn trống %3 MB.</translation>
    </message>
    <message>
        <source>Signing needs a certificate and its private key (archive/certificate and archive/key in settings.ini, or given with the request).</source>
        <translation>Ký số cần chứng thư số và khóa bí mật tương ứng (archive/certificate và archive/key trong settings.ini, hoặc gửi kèm yêu cầu).</translation>
    </message>
    <message>
        <source>Recording %1 is being archived already.</source>
        <translation>Bản ghi hình %1 đang được lập lưu trữ.</translation>
    </message>
</context>
<context>
    <name>ArchiveManifest</name>
    <message>
        <source>it is not valid JSON (%1 at offset %2)</source>
        <translation>không phải JSON hợp lệ (%1 tại vị trí %2)</translation>
    </message>
    <message>
        <source>it is not an archive manifest</source>
        <translation>không phải bản kê của bộ lưu trữ</translation>
    </message>
    <message>
        <source>its version %1 is not known to this console</source>
        <translation>phiên bản %1 không được bàn điều khiển này hỗ trợ</translation>
    </message>
    <message>
        <source>its hash algorithm is not SHA-256</source>
        <translation>thuật toán băm không phải SHA-256</translation>
    </message>
    <message>
        <source>it has no list of files</source>
        <translation>không có danh sách tệp</translation>
    </message>
    <message>
        <source>file %1 has an invalid path '%2'</source>
        <translation>tệp thứ %1 có đường dẫn không hợp lệ '%2'</translation>
    </message>
    <message>
        <source>%1 has an invalid SHA-256 '%2'</source>
        <translation>%1 có mã SHA-256 không hợp lệ '%2'</translation>
    </message>
    <message>
        <source>%1 has an invalid size</source>
        <translation>%1 có kích thước không hợp lệ</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 được kê hai lần</translation>
    </message>
    <message>
        <source>line %1 is not a SHA-256 checksum line</source>
        <translation>dòng %1 không phải dòng mã kiểm tra SHA-256</translation>
    </message>
</context>
<context>
    <name>ArchiveVerifier</name>
    <message>
        <source>too large</source>
        <translation>quá lớn</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>bị thiếu</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>không đọc được: %1</translation>
    </message>
    <message>
        <source>does not list %1, which manifest.json lists</source>
        <translation>thiếu %1, tệp có trong manifest.json</translation>
    </message>
    <message>
        <source>gives another SHA-256 for %1 than manifest.json</source>
        <translation>ghi mã SHA-256 của %1 khác với manifest.json</translation>
    </message>
    <message>
        <source>lists %1, which manifest.json does not</source>
        <translation>có %1, tệp không có trong manifest.json</translation>
    </message>
    <message>
        <source>missing, but the manifest says the archive is signed</source>
        <translation>bị thiếu, trong khi bản kê ghi bộ lưu trữ có ký số</translation>
    </message>
    <message>
        <source>is a symbolic link, not a file</source>
        <translation>là liên kết tượng trưng, không phải tệp</translation>
    </message>
    <message>
        <source>is not a file</source>
        <translation>không phải là tệp</translation>
    </message>
    <message>
        <source>%1 bytes, the manifest says %2</source>
        <translation>%1 byte, bản kê ghi %2</translation>
    </message>
    <message>
        <source>SHA-256 %1, the manifest says %2</source>
        <translation>SHA-256 là %1, bản kê ghi %2</translation>
    </message>
    <message>
        <source>not listed in the manifest</source>
        <translation>không có trong bản kê</translation>
    </message>
</context>
<context>
    <name>ArchiveWork</name>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
</context>
<context>
    <name>ArchiveWriter</name>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>Không đổi tên được %1 thành %2.</translation>
    </message>
    <message>
        <source>There are too many archives named %1.</source>
        <translation>Có quá nhiều bộ lưu trữ mang tên %1.</translation>
    </message>
    <message>
        <source>Cannot create the archives folder %1.</source>
        <translation>Không tạo được thư mục lưu trữ %1.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Không tạo được %1.</translation>
    </message>
    <message>
        <source>Attendance report: %1</source>
        <translation>Báo cáo điểm danh: %1</translation>
    </message>
    <message>
        <source>The new signature does not verify: %1</source>
        <translation>Chữ ký vừa tạo không kiểm tra được: %1</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Không thể xóa %1.</translation>
    </message>
    <message>
        <source>%1 is being written by another archive export.</source>
        <translation>%1 đang được một lượt xuất lưu trữ khác ghi.</translation>
    </message>
</context>
<context>
    <name>AttendanceReport</name>
    <message>
        <source>Received, not invited</source>
        <translation>Có kết nối, không có trong danh sách mời</translation>
    </message>
    <message>
        <source>Times in</source>
        <translation>Giờ theo</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Unstable</source>
        <translation>Chập chờn</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Kém</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>Rời sớm</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>en</source>
        <comment>HTML language code of the report</comment>
        <translation>vi</translation>
    </message>
    <message>
        <source>Attendance report: %1</source>
        <translation>Báo cáo điểm danh: %1</translation>
    </message>
    <message>
        <source>Attendance report</source>
        <translation>Báo cáo điểm danh</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại hội nghị</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Phòng họp</translation>
    </message>
    <message>
        <source>Booked for</source>
        <translation>Thời gian đăng ký</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 đến %2</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Điểm cầu chủ trì</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Ghi hình</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Bản ghi hình %1</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Thời gian ghi hình</translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation>%1 đến %2 (%3)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>The recording ended with an error: %1</source>
        <translation>Bản ghi hình kết thúc do lỗi: %1</translation>
    </message>
    <message>
        <source>Sites expected</source>
        <translation>Số điểm cầu triệu tập</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Vào họp</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Tham dự</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Rời họp</translation>
    </message>
    <message>
        <source>Time present</source>
        <translation>Thời gian có mặt</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Thời gian phát biểu</translation>
    </message>
    <message>
        <source>Link quality</source>
        <translation>Chất lượng đường truyền</translation>
    </message>
    <message>
        <source>Link drops</source>
        <translation>Rớt đường truyền</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Điểm cầu %1</translation>
    </message>
    <message numerus="yes">
        <source>%n drop(s), %1 without signal</source>
        <translation>
            <numerusform>%n lần rớt, %1 mất tín hiệu</numerusform></translation>
    </message>
    <message>
        <source>Joined and left are the times the console received and lost each site's signal. Speaking time is counted from the console's active-speaker detection, from one change of speaker to the next. Link quality: good without drops; poor with three drops or more, or without signal for a tenth of the time or more; unstable otherwise.</source>
        <translation>Giờ vào và giờ rời là thời điểm bàn điều khiển nhận được và mất tín hiệu của từng điểm cầu. Thời gian phát biểu được tính theo chức năng nhận biết người đang nói của bàn điều khiển, từ lần đổi người nói này đến lần kế tiếp. Chất lượng đường truyền: tốt khi không rớt lần nào; kém khi rớt từ ba lần trở lên hoặc mất tín hiệu từ một phần mười thời gian trở lên; chập chờn trong các trường hợp còn lại.</translation>
    </message>
    <message>
        <source>Made by HNTT Console %1 on %2. The files of this archive and their SHA-256 hashes are listed in manifest.json.</source>
        <translation>Lập bởi HNTT Console %1 lúc %2. Các tệp của bộ lưu trữ này cùng mã băm SHA-256 được kê trong manifest.json.</translation>
    </message>
    <message>
        <source>The PDF report needs the console's font system, which is not running.</source>
        <translation>Báo cáo PDF cần hệ thống phông chữ của bàn điều khiển, nhưng hệ thống này không chạy.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
</context>
<context>
    <name>ClipExporter</name>
    <message>
        <source>Clips are never saved in %1: recordings and archives are kept there. Choose another folder.</source>
        <translation>Đoạn trích không bao giờ được lưu vào %1: nơi đó giữ các bản ghi và hồ sơ lưu trữ. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <source>%1 exists already; the clip does not replace it unless asked to.</source>
        <translation>%1 đã có; đoạn trích không ghi đè lên tệp đó khi chưa được yêu cầu.</translation>
    </message>
    <message>
        <source>The in point must be a time from the start of the recording.</source>
        <translation>Điểm vào phải là một thời điểm tính từ đầu bản ghi.</translation>
    </message>
    <message>
        <source>The in point (%1) must come before the out point (%2).</source>
        <translation>Điểm vào (%1) phải đứng trước điểm ra (%2).</translation>
    </message>
    <message>
        <source>No destination file was given for the clip.</source>
        <translation>Chưa chọn tệp đích cho đoạn trích.</translation>
    </message>
    <message>
        <source>The clip cannot be written over its own recording.</source>
        <translation>Không thể ghi đoạn trích đè lên chính bản ghi gốc.</translation>
    </message>
    <message>
        <source>The in point (%1) is beyond the end of the recording (%2).</source>
        <translation>Điểm vào (%1) nằm sau điểm kết thúc của bản ghi (%2).</translation>
    </message>
    <message>
        <source>%1 holds neither video nor audio.</source>
        <translation>%1 không có cả hình lẫn tiếng.</translation>
    </message>
    <message>
        <source>Cannot write the clip to %1: %2</source>
        <translation>Không ghi được đoạn trích vào %1: %2</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>không tạo được thư mục %1</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>đó là một thư mục</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>hết bộ nhớ</translation>
    </message>
    <message>
        <source>The clip export was cancelled.</source>
        <translation>Đã hủy xuất đoạn trích.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>The in point (%1) is beyond the end of the recording.</source>
        <translation>Điểm vào (%1) nằm sau điểm kết thúc của bản ghi.</translation>
    </message>
    <message>
        <source>The recording holds nothing between %1 and %2.</source>
        <translation>Bản ghi không có nội dung nào từ %1 đến %2.</translation>
    </message>
</context>
<context>
    <name>ClockWatchdog</name>
    <message>
        <source>the program clock skipped %1 of %2 ticks in the last %3 s: its pictures stutter (the sound stays whole). Lower the load: the lighter load (the button beside the clock, or View → Lighter load), fewer outputs, or close other programs.</source>
        <translation>đồng hồ chương trình đã bỏ qua %1 trên %2 nhịp trong %3 giây qua: hình bị giật (âm thanh vẫn liền mạch). Hãy giảm tải: bật tải nhẹ (nút cạnh đồng hồ, hoặc Hiển thị → Tải nhẹ hơn), bớt đầu ra, hoặc đóng các chương trình khác.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Check a meeting archive&apos;s files and signature against its manifest, then exit (0: intact and signed by a trusted certificate, 1: changed, 2: not a folder, 3: unsigned or signed by a certificate that is not trusted).</source>
        <translation>Kiểm tra các tệp và chữ ký số của hồ sơ lưu trữ cuộc họp theo bản kê, rồi thoát (0: nguyên vẹn và được ký bởi chứng thư đã tin cậy, 1: đã bị thay đổi, 2: không phải thư mục, 3: không ký số hoặc ký bởi chứng thư không được tin cậy).</translation>
    </message>
    <message>
        <source>With --verify-archive: trust signatures by this certificate (PEM), or by the certificates it issued. May be given more than once; with --data-dir, the console&apos;s own signing certificate and its trust list are trusted too.</source>
        <translation>Dùng với --verify-archive: tin cậy chữ ký của chứng thư này (PEM) hoặc của các chứng thư do nó cấp. Có thể nêu nhiều lần; với --data-dir, chứng thư ký số của chính bàn điều khiển và danh sách tin cậy của nó cũng được tin cậy.</translation>
    </message>
    <message>
        <source>--trust-cert needs a certificate file.</source>
        <translation>--trust-cert cần một tệp chứng thư.</translation>
    </message>
    <message>
        <source>--trust-cert is for --verify-archive only.</source>
        <translation>--trust-cert chỉ dùng cùng --verify-archive.</translation>
    </message>
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
    <message>
        <source>Check a meeting archive's files and signature against its manifest, then exit (0: intact, 1: differences).</source>
        <translation>Kiểm tra các tệp và chữ ký số của bộ lưu trữ cuộc họp theo bản kê rồi thoát (0: toàn vẹn, 1: có sai khác).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ĐƯỜNG_DẪN</translation>
    </message>
    <message>
        <source>--verify-archive needs a folder.</source>
        <translation>--verify-archive cần một thư mục.</translation>
    </message>
    <message>
        <source>Address for SIP calls of room systems, over UDP and TCP (default 0.0.0.0:5060), or &apos;off&apos;.</source>
        <translation>Địa chỉ nhận cuộc gọi SIP của thiết bị phòng họp, qua UDP và TCP (mặc định 0.0.0.0:5060), hoặc &apos;off&apos; để tắt.</translation>
    </message>
    <message>
        <source>Invalid --sip-listen value &apos;%1&apos;: expected an address and port (e.g. 0.0.0.0:5060) or off.</source>
        <translation>Giá trị --sip-listen &apos;%1&apos; không hợp lệ: cần địa chỉ và cổng (ví dụ 0.0.0.0:5060) hoặc off.</translation>
    </message>
    <message>
        <source>MIN-MAX</source>
        <translation>MIN-MAX</translation>
    </message>
    <message>
        <source>UDP ports for the media of calls (default 20000-20999): two per stream, four per call.</source>
        <translation>Các cổng UDP cho media của cuộc gọi (mặc định 20000-20999): hai cổng mỗi luồng, bốn cổng mỗi cuộc gọi.</translation>
    </message>
    <message>
        <source>Invalid --rtp-ports value &apos;%1&apos;: expected MIN-MAX within 1024-65535 with room for at least one call (4 ports), e.g. 20000-20999.</source>
        <translation>Giá trị --rtp-ports &apos;%1&apos; không hợp lệ: cần MIN-MAX trong khoảng 1024-65535, đủ cho ít nhất một cuộc gọi (4 cổng), ví dụ 20000-20999.</translation>
    </message>
    <message>
        <source>Address of the browser sites&apos; join page, over HTTPS (default 0.0.0.0:8471), or &apos;off&apos;.</source>
        <translation>Địa chỉ trang tham gia của điểm cầu dùng trình duyệt, qua HTTPS (mặc định 0.0.0.0:8471), hoặc &apos;off&apos; để tắt.</translation>
    </message>
    <message>
        <source>The join page&apos;s certificate (PEM), instead of the console&apos;s self-signed one; needs --web-key.</source>
        <translation>Chứng thư số (PEM) của trang tham gia, thay cho chứng thư tự ký của bàn điều khiển; cần kèm --web-key.</translation>
    </message>
    <message>
        <source>The private key (PEM) of --web-cert.</source>
        <translation>Khóa bí mật (PEM) của --web-cert.</translation>
    </message>
    <message>
        <source>The WebRTC server of browser sites: &apos;auto&apos; (default: the console runs its own Janus), the URL of an existing Janus&apos;s HTTP API, or &apos;off&apos;.</source>
        <translation>Máy chủ WebRTC của điểm cầu dùng trình duyệt: &apos;auto&apos; (mặc định: bàn điều khiển tự chạy Janus), địa chỉ URL của API HTTP của một Janus sẵn có, hoặc &apos;off&apos; để tắt.</translation>
    </message>
    <message>
        <source>auto|URL|off</source>
        <translation>auto|URL|off</translation>
    </message>
    <message>
        <source>Invalid --web-listen value &apos;%1&apos;: expected an address and port (e.g. 0.0.0.0:8471) or off.</source>
        <translation>Giá trị --web-listen &apos;%1&apos; không hợp lệ: cần địa chỉ và cổng (ví dụ 0.0.0.0:8471) hoặc off.</translation>
    </message>
    <message>
        <source>--web-cert and --web-key go together.</source>
        <translation>--web-cert và --web-key phải đi cùng nhau.</translation>
    </message>
    <message>
        <source>Invalid --janus value &apos;%1&apos;: expected auto, off or the URL of a Janus HTTP API (e.g. http://10.0.0.5:8088/janus).</source>
        <translation>Giá trị --janus &apos;%1&apos; không hợp lệ: cần auto, off hoặc URL của API HTTP của Janus (ví dụ http://10.0.0.5:8088/janus).</translation>
    </message>
    <message>
        <source>The only folder file sources may come from (default: the data folder&apos;s media).</source>
        <translation>Thư mục duy nhất được lấy nguồn từ tệp (mặc định: thư mục media trong thư mục dữ liệu).</translation>
    </message>
    <message>
        <source>Let sources pull from this machine&apos;s own addresses (e.g. an RTSP server on 127.0.0.1); off by default.</source>
        <translation>Cho phép nguồn lấy từ chính địa chỉ của máy này (ví dụ máy chủ RTSP tại 127.0.0.1); mặc định tắt.</translation>
    </message>
    <message>
        <source>More API tokens, one per line as NAME ROLE TOKEN (ROLE: operator or viewer, which may only read); the name is shown in the event log.</source>
        <translation>Thêm mã truy cập API, mỗi dòng một mã dạng TÊN VAI_TRÒ MÃ (VAI_TRÒ: operator hoặc viewer — chỉ được xem); tên được ghi trong nhật ký sự kiện.</translation>
    </message>
    <message>
        <source>The control API&apos;s certificate (PEM), for HTTPS; needs --api-key. Off loopback the API speaks only HTTPS, with the join page&apos;s certificate when none is given.</source>
        <translation>Chứng thư số (PEM) của API điều khiển, cho HTTPS; cần kèm --api-key. Khi không chỉ nghe trên loopback, API chỉ dùng HTTPS, với chứng thư số của trang tham gia nếu không chỉ định.</translation>
    </message>
    <message>
        <source>The private key (PEM) of --api-cert.</source>
        <translation>Khóa bí mật (PEM) của --api-cert.</translation>
    </message>
    <message>
        <source>--api-cert and --api-key go together.</source>
        <translation>--api-cert và --api-key phải đi cùng nhau.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>takes on the timeline</source>
        <translation>các lần chuyển cảnh trên dòng thời gian</translation>
    </message>
    <message>
        <source>trash for recordings</source>
        <translation>thùng rác cho bản ghi</translation>
    </message>
    <message>
        <source>event log by site</source>
        <translation>nhật ký sự kiện theo điểm cầu</translation>
    </message>
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
    <message>
        <source>SIP addresses of sites</source>
        <translation>Địa chỉ SIP của các điểm cầu</translation>
    </message>
    <message>
        <source>join links of browser sites</source>
        <translation>đường dẫn tham gia của điểm cầu dùng trình duyệt</translation>
    </message>
    <message>
        <source>event log by action</source>
        <translation>nhật ký sự kiện theo hành động</translation>
    </message>
</context>
<context>
    <name>EventLabels</name>
    <message>
        <source>Recording deleted for good</source>
        <translation>Xóa vĩnh viễn bản ghi</translation>
    </message>
    <message>
        <source>Recording restored</source>
        <translation>Khôi phục bản ghi</translation>
    </message>
    <message>
        <source>Recording moved to the trash</source>
        <translation>Chuyển bản ghi vào thùng rác</translation>
    </message>
    <message>
        <source>Recording file found again</source>
        <translation>Tìm lại tệp bản ghi</translation>
    </message>
    <message>
        <source>Recording file renamed</source>
        <translation>Đổi tên tệp bản ghi</translation>
    </message>
    <message>
        <source>Recording details changed</source>
        <translation>Sửa thông tin bản ghi</translation>
    </message>
    <message>
        <source>Clip export cut off</source>
        <translation>Xuất đoạn trích bị ngắt</translation>
    </message>
    <message>
        <source>Clip export cancelled</source>
        <translation>Đã hủy xuất đoạn trích</translation>
    </message>
    <message>
        <source>Clip export failed</source>
        <translation>Xuất đoạn trích thất bại</translation>
    </message>
    <message>
        <source>Clip exported</source>
        <translation>Đã xuất đoạn trích</translation>
    </message>
    <message>
        <source>Clip export started</source>
        <translation>Bắt đầu xuất đoạn trích</translation>
    </message>
    <message>
        <source>Archive export cut off</source>
        <translation>Xuất hồ sơ lưu trữ bị ngắt</translation>
    </message>
    <message>
        <source>Archive export started</source>
        <translation>Bắt đầu xuất hồ sơ lưu trữ</translation>
    </message>
    <message>
        <source>Archive made</source>
        <translation>Đã lập hồ sơ lưu trữ</translation>
    </message>
    <message>
        <source>Archive export failed</source>
        <translation>Xuất hồ sơ lưu trữ thất bại</translation>
    </message>
    <message>
        <source>Archive export cancelled</source>
        <translation>Đã hủy xuất hồ sơ lưu trữ</translation>
    </message>
    <message>
        <source>Console load changed</source>
        <translation>Đổi mức tải của bàn điều khiển</translation>
    </message>
    <message>
        <source>Site keeps reconnecting</source>
        <translation>Điểm cầu liên tục kết nối lại</translation>
    </message>
    <message>
        <source>Recordings&apos; disk filling</source>
        <translation>Ổ đĩa ghi hình sắp đầy</translation>
    </message>
    <message>
        <source>Recordings&apos; disk has room</source>
        <translation>Ổ đĩa ghi hình có chỗ trở lại</translation>
    </message>
    <message>
        <source>Program keeps time again</source>
        <translation>Chương trình chạy đúng nhịp trở lại</translation>
    </message>
    <message>
        <source>Program not keeping time</source>
        <translation>Chương trình không giữ được nhịp</translation>
    </message>
    <message>
        <source>Signal lost</source>
        <translation>Mất tín hiệu</translation>
    </message>
    <message>
        <source>Stream error</source>
        <translation>Lỗi luồng phát</translation>
    </message>
    <message>
        <source>Recording error</source>
        <translation>Lỗi ghi hình</translation>
    </message>
    <message>
        <source>Recording not written</source>
        <translation>Bản ghi không được ghi vào đĩa</translation>
    </message>
    <message>
        <source>Site tracks with gaps</source>
        <translation>Rãnh âm thanh điểm cầu bị ngắt quãng</translation>
    </message>
    <message>
        <source>Return feed error</source>
        <translation>Lỗi luồng trả về</translation>
    </message>
    <message>
        <source>Camera error</source>
        <translation>Lỗi camera</translation>
    </message>
    <message>
        <source>Call refused</source>
        <translation>Cuộc gọi bị từ chối</translation>
    </message>
    <message>
        <source>SIP off</source>
        <translation>SIP tắt</translation>
    </message>
    <message>
        <source>Failed API logins</source>
        <translation>Đăng nhập API sai</translation>
    </message>
    <message>
        <source>API connections refused</source>
        <translation>API từ chối kết nối</translation>
    </message>
    <message>
        <source>Browser gateway down</source>
        <translation>Cổng trình duyệt ngừng hoạt động</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Kỹ thuật viên</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Tự động</translation>
    </message>
    <message>
        <source>API (%1)</source>
        <translation>API (%1)</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Tắt tiếng</translation>
    </message>
    <message>
        <source>Unmuted</source>
        <translation>Bật tiếng</translation>
    </message>
    <message>
        <source>Gain set to %1 dB</source>
        <translation>Đặt mức âm lượng %1 dB</translation>
    </message>
    <message>
        <source>Picture off</source>
        <translation>Tắt hình</translation>
    </message>
    <message>
        <source>Picture on</source>
        <translation>Bật hình</translation>
    </message>
    <message>
        <source>Site added</source>
        <translation>Thêm điểm cầu</translation>
    </message>
    <message>
        <source>Site changed</source>
        <translation>Sửa điểm cầu</translation>
    </message>
    <message>
        <source>Site removed</source>
        <translation>Xóa điểm cầu</translation>
    </message>
    <message>
        <source>Site audio</source>
        <translation>Âm thanh điểm cầu</translation>
    </message>
    <message>
        <source>Site picture</source>
        <translation>Hình ảnh điểm cầu</translation>
    </message>
    <message>
        <source>Site connected</source>
        <translation>Điểm cầu đã kết nối</translation>
    </message>
    <message>
        <source>Program set</source>
        <translation>Đặt chương trình</translation>
    </message>
    <message>
        <source>Preview set</source>
        <translation>Đặt xem trước</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Chuyển lên chương trình</translation>
    </message>
    <message>
        <source>Program follows the speaker</source>
        <translation>Chương trình theo người phát biểu</translation>
    </message>
    <message>
        <source>Auto mode</source>
        <translation>Chế độ tự động</translation>
    </message>
    <message>
        <source>Program audio</source>
        <translation>Âm thanh chương trình</translation>
    </message>
    <message>
        <source>Floor given</source>
        <translation>Trao quyền phát biểu</translation>
    </message>
    <message>
        <source>Recording started</source>
        <translation>Bắt đầu ghi hình</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Dừng ghi hình</translation>
    </message>
    <message>
        <source>Recording written again</source>
        <translation>Bản ghi được ghi vào đĩa trở lại</translation>
    </message>
    <message>
        <source>Return feed going out again</source>
        <translation>Luồng trả về phát đi trở lại</translation>
    </message>
    <message>
        <source>Stream added</source>
        <translation>Thêm luồng phát</translation>
    </message>
    <message>
        <source>Stream removed</source>
        <translation>Xóa luồng phát</translation>
    </message>
    <message>
        <source>Stream stopped</source>
        <translation>Dừng luồng phát</translation>
    </message>
    <message>
        <source>Stream started</source>
        <translation>Chạy luồng phát</translation>
    </message>
    <message>
        <source>Stream restored</source>
        <translation>Khôi phục luồng phát</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>Đặt lịch họp</translation>
    </message>
    <message>
        <source>Meeting started</source>
        <translation>Bắt đầu cuộc họp</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>Đã xác nhận cảnh báo</translation>
    </message>
    <message>
        <source>Camera moved</source>
        <translation>Điều khiển camera</translation>
    </message>
    <message>
        <source>Camera stopped</source>
        <translation>Dừng camera</translation>
    </message>
    <message>
        <source>Camera preset recalled</source>
        <translation>Gọi vị trí đặt sẵn của camera</translation>
    </message>
    <message>
        <source>Camera preset stored</source>
        <translation>Lưu vị trí đặt sẵn của camera</translation>
    </message>
    <message>
        <source>Site called</source>
        <translation>Đã gọi điểm cầu</translation>
    </message>
    <message>
        <source>Site called again</source>
        <translation>Gọi lại điểm cầu</translation>
    </message>
    <message>
        <source>The meeting&apos;s SIP sites called</source>
        <translation>Đã gọi các điểm cầu SIP của cuộc họp</translation>
    </message>
    <message>
        <source>Call hung up</source>
        <translation>Đã gác máy</translation>
    </message>
    <message>
        <source>Call connected</source>
        <translation>Cuộc gọi đã kết nối</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Cuộc gọi kết thúc</translation>
    </message>
    <message>
        <source>Call error</source>
        <translation>Lỗi cuộc gọi</translation>
    </message>
    <message>
        <source>Call on hold</source>
        <translation>Cuộc gọi giữ máy</translation>
    </message>
    <message>
        <source>Call resumed</source>
        <translation>Cuộc gọi tiếp tục</translation>
    </message>
    <message>
        <source>No media from the call</source>
        <translation>Cuộc gọi không có tín hiệu</translation>
    </message>
    <message>
        <source>Source refused</source>
        <translation>Nguồn bị từ chối</translation>
    </message>
    <message>
        <source>Recording interrupted</source>
        <translation>Bản ghi bị gián đoạn</translation>
    </message>
    <message>
        <source>Unfinished archive removed</source>
        <translation>Đã xóa bản lưu trữ dở dang</translation>
    </message>
    <message>
        <source>Browser site hung up</source>
        <translation>Đã ngắt điểm cầu trình duyệt</translation>
    </message>
    <message>
        <source>Join link renewed</source>
        <translation>Đã cấp lại đường dẫn tham gia</translation>
    </message>
    <message>
        <source>Browser gateway up</source>
        <translation>Cổng trình duyệt hoạt động trở lại</translation>
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
    <name>FileDigest</name>
    <message>
        <source>Cannot write %1 to the disk.</source>
        <translation>Không ghi được %1 xuống đĩa.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Không tạo được %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
</context>
<context>
    <name>IsolatedAudio</name>
    <message>
        <source>Cannot open the recording %1: %2</source>
        <translation>Không mở được bản ghi hình %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the streams of %1: %2</source>
        <translation>Không đọc được các luồng của %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Không tạo được %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: out of memory</source>
        <translation>Không tạo được %1: hết bộ nhớ</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>The recording %1 has no stream %2.</source>
        <translation>Bản ghi hình %1 không có luồng %2.</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>Hết bộ nhớ.</translation>
    </message>
    <message>
        <source>Cannot read the recording %1: %2</source>
        <translation>Không đọc được bản ghi hình %1: %2</translation>
    </message>
</context>
<context>
    <name>ManifestSignature</name>
    <message>
        <source>%1 holds no PEM X.509 certificate.</source>
        <translation>%1 không chứa chứng thư X.509 dạng PEM nào.</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>không rõ nguyên nhân</translation>
    </message>
    <message>
        <source>No certificate file is given.</source>
        <translation>Chưa chỉ định tệp chứng thư số.</translation>
    </message>
    <message>
        <source>No private key file is given.</source>
        <translation>Chưa chỉ định tệp khóa bí mật.</translation>
    </message>
    <message>
        <source>%1 is not a PEM X.509 certificate: %2</source>
        <translation>%1 không phải chứng thư số X.509 dạng PEM: %2</translation>
    </message>
    <message>
        <source>%1 is not a PEM private key without a passphrase: %2</source>
        <translation>%1 không phải khóa bí mật dạng PEM không đặt mật khẩu: %2</translation>
    </message>
    <message>
        <source>The private key %1 does not belong to the certificate %2.</source>
        <translation>Khóa bí mật %1 không khớp với chứng thư số %2.</translation>
    </message>
    <message>
        <source>The certificate %1 has expired.</source>
        <translation>Chứng thư số %1 đã hết hạn.</translation>
    </message>
    <message>
        <source>The certificate %1 is not valid yet.</source>
        <translation>Chứng thư số %1 chưa đến thời hạn hiệu lực.</translation>
    </message>
    <message>
        <source>Cannot sign the manifest: %1</source>
        <translation>Không ký được bản kê: %1</translation>
    </message>
    <message>
        <source>it is not a CMS signature (%1)</source>
        <translation>không phải chữ ký CMS (%1)</translation>
    </message>
    <message>
        <source>it is not a detached signature</source>
        <translation>không phải chữ ký tách rời</translation>
    </message>
    <message>
        <source>it does not match manifest.json (%1)</source>
        <translation>chữ ký không khớp với manifest.json (%1)</translation>
    </message>
    <message>
        <source>it names no signer</source>
        <translation>không có người ký</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate file of at most 1 MiB.</source>
        <translation>%1 không phải là tệp chứng thư số PEM đọc được, dung lượng tối đa 1 MiB.</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM private key file of at most 1 MiB.</source>
        <translation>%1 không phải là tệp khóa bí mật PEM đọc được, dung lượng tối đa 1 MiB.</translation>
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
        <translation>Cuộc họp loại %1 do điểm cầu cấp %2 chủ trì; "%3" là điểm cầu cấp %4.</translation>
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
        <source>deleting recording %1</source>
        <translation>xóa bản ghi %1</translation>
    </message>
    <message>
        <source>restoring recording %1</source>
        <translation>khôi phục bản ghi %1</translation>
    </message>
    <message>
        <source>Recording %1 is not in the trash.</source>
        <translation>Bản ghi %1 không ở trong thùng rác.</translation>
    </message>
    <message>
        <source>moving recording %1 to the trash</source>
        <translation>chuyển bản ghi %1 vào thùng rác</translation>
    </message>
    <message>
        <source>Recording %1 is already in the trash.</source>
        <translation>Bản ghi %1 đã ở trong thùng rác.</translation>
    </message>
    <message>
        <source>changing recording %1</source>
        <translation>sửa bản ghi %1</translation>
    </message>
    <message>
        <source>Recording %1 already has the file %2.</source>
        <translation>Bản ghi %1 đã dùng tệp %2.</translation>
    </message>
    <message>
        <source>checking the file of recording %1</source>
        <translation>kiểm tra tệp của bản ghi %1</translation>
    </message>
    <message>
        <source>Recording %1 is still recording; stop it first.</source>
        <translation>Bản ghi %1 vẫn đang ghi; hãy dừng ghi trước.</translation>
    </message>
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
    <message>
        <source>listing the interrupted recordings</source>
        <translation>liệt kê các bản ghi bị gián đoạn</translation>
    </message>
    <message>
        <source>Recording %1 is not an interrupted recording waiting to be measured.</source>
        <translation>Bản ghi %1 không phải là bản ghi bị gián đoạn đang chờ đo.</translation>
    </message>
</context>
<context>
    <name>RecordingMediaProbe</name>
    <message>
        <source>The recording file %1 does not exist.</source>
        <translation>Không có tệp bản ghi %1.</translation>
    </message>
    <message>
        <source>The recording file %1 cannot be read.</source>
        <translation>Không đọc được tệp bản ghi %1.</translation>
    </message>
    <message>
        <source>%1 is not a media file that can be read: %2</source>
        <translation>%1 không phải tệp hình/tiếng đọc được: %2</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>Take</source>
        <translation>Chuyển cảnh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 phút %2 giây</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <source>Floor given</source>
        <translation>Trao quyền phát biểu</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Đã tắt tiếng</translation>
    </message>
    <message>
        <source>Unmuted</source>
        <translation>Bật tiếng</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Vào họp</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Rời họp</translation>
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
        <source>A simulated camera moves only a test picture (a test: source).</source>
        <translation>Camera mô phỏng chỉ điều khiển được hình thử (nguồn test:).</translation>
    </message>
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
        <source>Unknown camera protocol "%1" (expected visca-ip, onvif or simulated).</source>
        <translation>Giao thức camera "%1" không xác định (cần visca-ip, onvif hoặc simulated).</translation>
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
    <message>
        <source>&quot;%1&quot; is not a SIP address (expected sip:user@host).</source>
        <translation>&quot;%1&quot; không phải là địa chỉ SIP (cần dạng sip:tên@máy).</translation>
    </message>
    <message>
        <source>checking the SIP address %1</source>
        <translation>kiểm tra địa chỉ SIP %1</translation>
    </message>
    <message>
        <source>The SIP address %1 is already site %2 (&quot;%3&quot;).</source>
        <translation>Địa chỉ SIP %1 đã thuộc điểm cầu %2 (&quot;%3&quot;).</translation>
    </message>
    <message>
        <source>&quot;sip_uri&quot; must be text or null</source>
        <translation>&quot;sip_uri&quot; phải là chuỗi ký tự hoặc null</translation>
    </message>
</context>
<context>
    <name>SiteStatusLook</name>
    <message>
        <source>connected</source>
        <translation>đã kết nối</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>đang kết nối</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>mất tín hiệu</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>ngoại tuyến</translation>
    </message>
</context>
<context>
    <name>VerifyArchive</name>
    <message>
        <source>%1 is not a console&apos;s data folder.</source>
        <translation>%1 không phải thư mục dữ liệu của bàn điều khiển.</translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Hồ sơ: %1</translation>
    </message>
    <message>
        <source>Files checked: %1</source>
        <translation>Số tệp đã kiểm tra: %1</translation>
    </message>
    <message>
        <source>Signer: %1; certificate SHA-256 %2</source>
        <translation>Người ký: %1; chứng thư SHA-256 %2</translation>
    </message>
    <message>
        <source>Trusted certificates: none given (--trust-cert, --data-dir).</source>
        <translation>Chứng thư tin cậy: chưa nêu chứng thư nào (--trust-cert, --data-dir).</translation>
    </message>
    <message>
        <source>Trusted: %1; SHA-256 %2</source>
        <translation>Tin cậy: %1; SHA-256 %2</translation>
    </message>
    <message>
        <source>%1 is not an archive folder.</source>
        <translation>%1 không phải thư mục lưu trữ.</translation>
    </message>
    <message numerus="yes">
        <source>NOT INTACT: %n difference(s) in %1.</source>
        <translation>
            <numerusform>KHÔNG TOÀN VẸN: %n điểm sai khác trong %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>OK: %n file(s) intact; the manifest is signed by %1 (SHA-256 fingerprint %2).</source>
        <translation>
            <numerusform>OK: %n tệp toàn vẹn; bản kê được ký số bởi %1 (dấu vân tay SHA-256 %2).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>OK: %n file(s) intact; the manifest is not signed.</source>
        <translation>
            <numerusform>OK: %n tệp toàn vẹn; bản kê không được ký số.</numerusform></translation>
    </message>
</context>
<context>
    <name>hntt::core::ConnectionCheck</name>
    <message>
        <source>The site is not in the directory.</source>
        <translation>Điểm cầu không có trong danh bạ.</translation>
    </message>
    <message>
        <source>Unreachable: no media arrived during the check.</source>
        <translation>Không kết nối được: không nhận được tín hiệu trong lúc kiểm tra.</translation>
    </message>
    <message>
        <source>Connected during %1 of %2 samples.</source>
        <translation>Chỉ kết nối trong %1 trên %2 lần đo.</translation>
    </message>
    <message>
        <source>Connected, but no data was measured.</source>
        <translation>Đã kết nối nhưng không đo được dữ liệu.</translation>
    </message>
    <message>
        <source>%1 Mbit/s is more than the %2 Mbit/s link carries.</source>
        <translation>%1 Mbit/s vượt quá khả năng của đường truyền %2 Mbit/s.</translation>
    </message>
    <message>
        <source>%1 Mbit/s leaves less than %2% of the %3 Mbit/s link free.</source>
        <translation>%1 Mbit/s chỉ còn dư chưa tới %2% đường truyền %3 Mbit/s.</translation>
    </message>
    <message>
        <source>No link type recorded: the 10 Mbit/s data-network rule applies.</source>
        <translation>Chưa ghi loại đường truyền: áp dụng quy định 10 Mbit/s của mạng truyền số liệu chuyên dùng.</translation>
    </message>
    <message>
        <source>Packet loss unknown: this source does not count packets.</source>
        <translation>Không rõ tỷ lệ mất gói: nguồn này không đếm gói tin.</translation>
    </message>
    <message>
        <source>%1% of packets lost.</source>
        <translation>Mất %1% gói tin.</translation>
    </message>
</context>
<context>
    <name>hntt::core::Session</name>
    <message>
        <source>A note must lie within the recording (0 to %1 s).</source>
        <translation>Ghi chú phải nằm trong bản ghi (từ 0 đến %1 giây).</translation>
    </message>
    <message>
        <source>Recording %1 is not recording now: say where the note goes (seconds from its start).</source>
        <translation>Bản ghi %1 hiện không ghi: hãy cho biết vị trí của ghi chú (số giây tính từ đầu bản ghi).</translation>
    </message>
    <message>
        <source>A note cannot hold control characters.</source>
        <translation>Ghi chú không được chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>A note is at most %1 characters.</source>
        <translation>Ghi chú dài tối đa %1 ký tự.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Ghi chú cần có nội dung.</translation>
    </message>
    <message>
        <source>Recording %1 is not in the trash: move it there first.</source>
        <translation>Bản ghi %1 không ở trong thùng rác: hãy chuyển vào thùng rác trước.</translation>
    </message>
    <message>
        <source>Recording %1 is not in the trash.</source>
        <translation>Bản ghi %1 không ở trong thùng rác.</translation>
    </message>
    <message>
        <source>Recording %1 is already in the trash.</source>
        <translation>Bản ghi %1 đã ở trong thùng rác.</translation>
    </message>
    <message>
        <source>The file of recording %1 is where it was: %2.</source>
        <translation>Tệp của bản ghi %1 vẫn ở chỗ cũ: %2.</translation>
    </message>
    <message>
        <source>The file of recording %1 is missing; point the recording at the moved file instead.</source>
        <translation>Tệp của bản ghi %1 không còn ở chỗ cũ; hãy chỉ bản ghi tới tệp đã chuyển đi.</translation>
    </message>
    <message>
        <source>Rename the file or point at a moved file, not both at once.</source>
        <translation>Hoặc đổi tên tệp, hoặc chỉ tới tệp đã chuyển đi, không làm cả hai cùng lúc.</translation>
    </message>
    <message>
        <source>Recording %1 is in the trash; restore it first.</source>
        <translation>Bản ghi %1 đang ở trong thùng rác; hãy khôi phục trước.</translation>
    </message>
    <message>
        <source>Recording %1 is still recording; stop it first.</source>
        <translation>Bản ghi %1 vẫn đang ghi; hãy dừng ghi trước.</translation>
    </message>
    <message>
        <source>A recording&apos;s title cannot hold control characters.</source>
        <translation>Tiêu đề bản ghi không được chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>A recording&apos;s title is at most %1 characters.</source>
        <translation>Tiêu đề bản ghi dài tối đa %1 ký tự.</translation>
    </message>
    <message>
        <source>The console stopped during the export; it was not finished.</source>
        <translation>Bàn điều khiển đã dừng trong khi xuất; việc xuất chưa hoàn tất.</translation>
    </message>
    <message>
        <source>FLOOR</source>
        <translation>PHÁT BIỂU</translation>
    </message>
    <message>
        <source>Lighter load: the multiview refreshes five times a second, sites off the air show a picture a second.</source>
        <translation>Tải nhẹ hơn: màn hình đa điểm làm mới năm lần mỗi giây, các điểm cầu không lên sóng hiện một hình mỗi giây.</translation>
    </message>
    <message>
        <source>Normal load: the multiview and every site&apos;s picture at full rate.</source>
        <translation>Tải bình thường: màn hình đa điểm và hình của mọi điểm cầu ở tốc độ đầy đủ.</translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps losing its signal: %n time(s) in the last two minutes. Its link is unstable: ask the site to check its network (wired, not Wi-Fi) or keep it off program.</source>
        <translation>
            <numerusform>%1 liên tục mất tín hiệu: %n lần trong hai phút vừa qua. Đường truyền không ổn định: đề nghị điểm cầu kiểm tra mạng (dùng cáp, không dùng Wi-Fi) hoặc không đưa lên chương trình.</numerusform>
        </translation>
    </message>
    <message>
        <source>The recordings&apos; disk has room again.</source>
        <translation>Ổ đĩa ghi hình đã có chỗ trống trở lại.</translation>
    </message>
    <message numerus="yes">
        <source>The recordings&apos; disk is almost full: %1 free, about %n minute(s) of recording left. A recording stops before the disk is full: free space now (archive, then delete old recordings).</source>
        <translation>
            <numerusform>Ổ đĩa ghi hình sắp đầy: còn trống %1, ghi hình được khoảng %n phút nữa. Bản ghi sẽ dừng trước khi ổ đầy: hãy giải phóng chỗ ngay (lưu trữ rồi xóa các bản ghi cũ).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The recordings&apos; disk is filling: %1 free, about %n minute(s) of recording left.</source>
        <translation>
            <numerusform>Ổ đĩa ghi hình đang đầy dần: còn trống %1, ghi hình được khoảng %n phút nữa.</numerusform>
        </translation>
    </message>
    <message>
        <source>The program keeps time again.</source>
        <translation>Chương trình đã chạy đúng nhịp trở lại.</translation>
    </message>
    <message>
        <source>The program is not keeping time: %1</source>
        <translation>Chương trình không giữ được nhịp: %1</translation>
    </message>
    <message>
        <source>Preview is full: choose a larger layout (F1–F8) or drop the site on a slot.</source>
        <translation>Khung xem trước đã kín chỗ: chọn bố cục lớn hơn (F1–F8) hoặc kéo thả điểm cầu vào một ô.</translation>
    </message>
    <message>
        <source>Preview has no layout.</source>
        <translation>Khung xem trước chưa có bố cục.</translation>
    </message>
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
        <source>Presets are numbered 1 to 128.</source>
        <translation>Vị trí đặt sẵn được đánh số từ 1 đến 128.</translation>
    </message>
    <message>
        <source>The camera of %1 cannot be used: %2</source>
        <translation>Không dùng được camera của %1: %2</translation>
    </message>
    <message>
        <source>The zoom position is between 0 (wide) and 1 (tele).</source>
        <translation>Vị trí zoom nằm trong khoảng 0 (góc rộng) đến 1 (cận cảnh).</translation>
    </message>
    <message>
        <source>Output %1 is already stopped.</source>
        <translation>Luồng phát %1 đã dừng rồi.</translation>
    </message>
    <message>
        <source>Output %1 is already running.</source>
        <translation>Luồng phát %1 đang chạy rồi.</translation>
    </message>
    <message>
        <source>There is no unacknowledged alarm %1.</source>
        <translation>Không có cảnh báo chưa xác nhận nào mang số %1.</translation>
    </message>
    <message>
        <source>Meeting %1 is cancelled.</source>
        <translation>Cuộc họp %1 đã bị hủy.</translation>
    </message>
    <message>
        <source>There is no layout %1.</source>
        <translation>Không có bố cục %1.</translation>
    </message>
    <message>
        <source>The layout %1 has no slot %2.</source>
        <translation>Bố cục %1 không có ô %2.</translation>
    </message>
    <message>
        <source>No site has the floor.</source>
        <translation>Chưa có điểm cầu nào được quyền phát biểu.</translation>
    </message>
    <message>
        <source>No sites to bring in.</source>
        <translation>Không có điểm cầu nào để đưa vào.</translation>
    </message>
    <message>
        <source>Nothing was recorded: no picture reached the file.</source>
        <translation>Không ghi được gì: chưa có hình nào được ghi vào tệp.</translation>
    </message>
    <message>
        <source>The recording is not being written: %1.</source>
        <translation>Bản ghi không được ghi vào đĩa: %1.</translation>
    </message>
    <message>
        <source>The recording is being written again.</source>
        <translation>Bản ghi đã được ghi vào đĩa trở lại.</translation>
    </message>
    <message>
        <source>Some sites' own audio tracks have gaps: this machine cannot encode them all in time. The program recording is complete.</source>
        <translation>Rãnh âm thanh riêng của một số điểm cầu bị ngắt quãng: máy này không mã hóa kịp tất cả. Bản ghi chương trình vẫn đầy đủ.</translation>
    </message>
    <message>
        <source>The return feed to %1 is not going out: %2</source>
        <translation>Luồng trả về cho %1 không phát đi được: %2</translation>
    </message>
    <message>
        <source>Gain must be between %1 and +%2 dB.</source>
        <translation>Mức khuếch đại phải nằm trong khoảng từ %1 đến +%2 dB.</translation>
    </message>
    <message>
        <source>There is no site %1.</source>
        <translation>Không có điểm cầu %1.</translation>
    </message>
    <message>
        <source>A call from %1 (%2) was refused: %3</source>
        <translation>Cuộc gọi từ %1 (%2) đã bị từ chối: %3</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; has no SIP address to call.</source>
        <translation>Điểm cầu &quot;%1&quot; không có địa chỉ SIP để gọi.</translation>
    </message>
    <message>
        <source>SIP is off on this console (--sip-listen off).</source>
        <translation>SIP đang tắt trên máy điều khiển này (--sip-listen off).</translation>
    </message>
    <message>
        <source>Browser sites are off on this console (--janus off).</source>
        <translation>Điểm cầu dùng trình duyệt đang tắt trên bàn điều khiển này (--janus off).</translation>
    </message>
    <message>
        <source>The join page is off on this console (--web-listen off).</source>
        <translation>Trang tham gia đang tắt trên bàn điều khiển này (--web-listen off).</translation>
    </message>
    <message>
        <source>The site&apos;s join link was replaced.</source>
        <translation>Đường dẫn tham gia của điểm cầu đã được thay mới.</translation>
    </message>
    <message>
        <source>This join link is not valid.</source>
        <translation>Đường dẫn tham gia này không hợp lệ.</translation>
    </message>
    <message>
        <source>A wrong or replaced join link.</source>
        <translation>Đường dẫn tham gia sai hoặc đã được thay mới.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the meeting by its room system (SIP).</source>
        <translation>&quot;%1&quot; đã tham gia cuộc họp bằng thiết bị phòng họp (SIP).</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; is in the meeting from a browser.</source>
        <translation>Điểm cầu &quot;%1&quot; đang tham gia cuộc họp bằng trình duyệt.</translation>
    </message>
    <message>
        <source>%1 failed login(s) to the control API from %2.</source>
        <translation>%1 lần đăng nhập sai vào API điều khiển từ %2.</translation>
    </message>
    <message>
        <source>The control API refused %1 connection(s) from %2: too many were open.</source>
        <translation>API điều khiển đã từ chối %1 kết nối từ %2: đang mở quá nhiều kết nối.</translation>
    </message>
    <message>
        <source>Its further attempts are answered late.</source>
        <translation>Các lần thử tiếp theo từ địa chỉ này sẽ bị trả lời chậm lại.</translation>
    </message>
</context>
<context>
    <name>hntt::core::camera::CameraDriver</name>
    <message>
        <source>The camera has no valid IP address and port.</source>
        <translation>Camera không có địa chỉ IP và cổng hợp lệ.</translation>
    </message>
    <message>
        <source>The camera's ONVIF address must be the http:// address of its device service.</source>
        <translation>Địa chỉ ONVIF của camera phải là địa chỉ http:// của dịch vụ thiết bị (device service).</translation>
    </message>
    <message>
        <source>Cameras of protocol "%1" cannot be steered.</source>
        <translation>Không điều khiển được camera dùng giao thức "%1".</translation>
    </message>
</context>
<context>
    <name>hntt::core::camera::OnvifPtzCamera</name>
    <message>
        <source>The camera at %1 did not answer within %2 s.</source>
        <translation>Camera tại %1 không trả lời trong %2 giây.</translation>
    </message>
    <message>
        <source>The camera at %1 has no preset %2.</source>
        <translation>Camera tại %1 không có vị trí đặt sẵn %2.</translation>
    </message>
    <message>
        <source>The camera at %1 cannot zoom to a set position; use the zoom buttons.</source>
        <translation>Camera tại %1 không zoom được đến một vị trí định sẵn; hãy dùng các nút thu phóng.</translation>
    </message>
    <message>
        <source>The camera at %1 does not report its position.</source>
        <translation>Camera tại %1 không báo vị trí của mình.</translation>
    </message>
    <message>
        <source>The camera at %1 gave a position that is not a number.</source>
        <translation>Camera tại %1 báo vị trí không phải là số.</translation>
    </message>
    <message>
        <source>The camera at %1 refused the user name or password.</source>
        <translation>Camera tại %1 từ chối tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <source>The camera at %1 refused %2: %3</source>
        <translation>Camera tại %1 từ chối lệnh %2: %3</translation>
    </message>
    <message>
        <source>The camera at %1 answered %2 with HTTP status %3.</source>
        <translation>Camera tại %1 trả lời lệnh %2 bằng mã HTTP %3.</translation>
    </message>
    <message>
        <source>The camera at %1 answered %2 with something that is not an ONVIF answer.</source>
        <translation>Camera tại %1 trả lời lệnh %2 bằng dữ liệu không phải trả lời ONVIF.</translation>
    </message>
    <message>
        <source>Cannot reach the camera at %1: %2.</source>
        <translation>Không kết nối được camera tại %1: %2.</translation>
    </message>
    <message>
        <source>The camera at %1 answered with something that is not HTTP (%2).</source>
        <translation>Camera tại %1 trả lời bằng dữ liệu không phải HTTP (%2).</translation>
    </message>
    <message>
        <source>The camera at %1 has no pan, tilt and zoom (no ONVIF PTZ service).</source>
        <translation>Camera tại %1 không quay, ngẩng, zoom được (không có dịch vụ PTZ ONVIF).</translation>
    </message>
    <message>
        <source>The camera at %1 has no ONVIF media service.</source>
        <translation>Camera tại %1 không có dịch vụ media ONVIF.</translation>
    </message>
    <message>
        <source>The camera at %1 has no media profile with pan, tilt and zoom.</source>
        <translation>Camera tại %1 không có hồ sơ media nào hỗ trợ quay, ngẩng và zoom (PTZ).</translation>
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
    <message>
        <source>The camera answered the zoom inquiry with an invalid reply.</source>
        <translation>Camera trả lời câu hỏi vị trí zoom bằng dữ liệu không hợp lệ.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::AlarmsPanel</name>
    <message>
        <source>Acknowledge</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Xác nhận tất cả</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Stream %1</source>
        <translation>Luồng %1</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Bản ghi hình %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n more time(s))</source>
        <translation>
            <numerusform>%1 (thêm %n lần)</numerusform></translation>
    </message>
    <message>
        <source>No unacknowledged alarms</source>
        <translation>Không có cảnh báo chưa xác nhận</translation>
    </message>
    <message>
        <source>Unacknowledged alarms: %1</source>
        <translation>Cảnh báo chưa xác nhận: %1</translation>
    </message>
</context>
<context>
    <name>hntt::ui::ArchiveExportBar</name>
    <message>
        <source>Make another archive</source>
        <translation>Lập thêm hồ sơ</translation>
    </message>
    <message>
        <source>Folder: %1
Make another archive of it?</source>
        <translation>Thư mục: %1
Lập thêm một hồ sơ lưu trữ nữa?</translation>
    </message>
    <message numerus="yes">
        <source>This recording was archived already (%n time(s)), last on %1.</source>
        <translation>
            <numerusform>Bản ghi này đã được lập hồ sơ lưu trữ (%n lần), lần gần nhất lúc %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive again?</source>
        <translation>Lập hồ sơ lưu trữ lần nữa?</translation>
    </message>
    <message>
        <source>To sign archives, choose a certificate and its key in Archive settings…</source>
        <translation>Để ký số hồ sơ, hãy chọn chứng thư và khóa của nó trong Cài đặt lưu trữ…</translation>
    </message>
    <message>
        <source>Where archives go, the certificate that signs them and the trusted signers</source>
        <translation>Nơi lưu hồ sơ, chứng thư ký số hồ sơ và các người ký được tin cậy</translation>
    </message>
    <message>
        <source>Archive settings…</source>
        <translation>Cài đặt lưu trữ…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s) checked.</source>
        <translation>
            <numerusform>%1: đã kiểm tra %n tệp.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signer: %1, certificate SHA-256 %2.</source>
        <translation>Người ký: %1, chứng thư SHA-256 %2.</translation>
    </message>
    <message>
        <source>Export meeting archive</source>
        <translation>Xuất hồ sơ lưu trữ cuộc họp</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <source>Verify archive…</source>
        <translation>Kiểm tra hồ sơ lưu trữ…</translation>
    </message>
    <message>
        <source>Check an archive folder against its manifest and signature</source>
        <translation>Đối chiếu thư mục lưu trữ với bản kê và chữ ký số</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Sign the manifest with the certificate %1</source>
        <translation>Ký số bản kê bằng chứng thư số %1</translation>
    </message>
    <message>
        <source>To sign archives, set archive/certificate and archive/key (PEM files) in %1</source>
        <translation>Để ký số hồ sơ lưu trữ, hãy khai báo archive/certificate và archive/key (tệp PEM) trong %1</translation>
    </message>
    <message>
        <source>This recording is still running; stop it before archiving it</source>
        <translation>Bản ghi này vẫn đang ghi; hãy dừng ghi trước khi lưu trữ</translation>
    </message>
    <message>
        <source>Copy the recording, each site's audio, the event log and the attendance report into an archive folder with a manifest of SHA-256 hashes</source>
        <translation>Sao chép bản ghi, âm thanh riêng của từng điểm cầu, nhật ký sự kiện và báo cáo điểm danh vào một thư mục lưu trữ kèm bản kê mã băm SHA-256</translation>
    </message>
    <message>
        <source>The archive was not started: %1</source>
        <translation>Chưa bắt đầu lưu trữ: %1</translation>
    </message>
    <message>
        <source>Exporting the meeting archive…</source>
        <translation>Đang xuất hồ sơ lưu trữ cuộc họp…</translation>
    </message>
    <message>
        <source>Choose an archive folder</source>
        <translation>Chọn thư mục lưu trữ</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 không phải là thư mục.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Đang kiểm tra %1…</translation>
    </message>
    <message numerus="yes">
        <source>Archive saved: %1 (%n file(s))</source>
        <translation>
            <numerusform>Đã lưu hồ sơ lưu trữ: %1 (%n tệp)</numerusform></translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation>Ký số bởi %1.</translation>
    </message>
    <message>
        <source>The archive export was cancelled; nothing was kept.</source>
        <translation>Đã hủy xuất hồ sơ lưu trữ; không giữ lại tệp nào.</translation>
    </message>
    <message>
        <source>The archive could not be made; nothing was kept: %1</source>
        <translation>Không tạo được hồ sơ lưu trữ; không giữ lại tệp nào: %1</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>Đã hủy việc kiểm tra.</translation>
    </message>
    <message>
        <source>The archive could not be checked: %1</source>
        <translation>Không kiểm tra được hồ sơ lưu trữ: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 is intact (%n file(s) checked), signed by %2 (certificate SHA-256 %3).</source>
        <translation>
            <numerusform>%1 còn nguyên vẹn (đã kiểm tra %n tệp), ký số bởi %2 (SHA-256 của chứng thư số: %3).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 is intact (%n file(s) checked); it is not signed.</source>
        <translation>
            <numerusform>%1 còn nguyên vẹn (đã kiểm tra %n tệp); hồ sơ chưa được ký số.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 does not match its manifest: %n difference(s).</source>
        <translation>
            <numerusform>%1 không khớp với bản kê: có %n điểm sai khác.</numerusform></translation>
    </message>
    <message>
        <source>The language of the archive&apos;s attendance report and event table</source>
        <translation>Ngôn ngữ của báo cáo điểm danh và bảng sự kiện trong hồ sơ lưu trữ</translation>
    </message>
</context>
<context>
    <name>hntt::ui::AudioPanel</name>
    <message>
        <source>Which sites the desk shows</source>
        <translation>Những điểm cầu bàn âm thanh hiển thị</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tất cả điểm cầu</translation>
    </message>
    <message>
        <source>On program</source>
        <translation>Trên chương trình</translation>
    </message>
    <message>
        <source>Heard now</source>
        <translation>Đang có tiếng</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) shown</source>
        <translation>
            <numerusform>Đang hiển thị %n điểm cầu</numerusform>
        </translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Tắt tiếng</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Đã tắt tiếng</translation>
    </message>
    <message>
        <source>Filter sites…</source>
        <translation>Lọc điểm cầu…</translation>
    </message>
    <message>
        <source>Program mix</source>
        <translation>Âm thanh chương trình</translation>
    </message>
    <message>
        <source>OUTPUT</source>
        <translation>ĐẦU RA</translation>
    </message>
    <message>
        <source>LOST</source>
        <translation>MẤT TÍN HIỆU</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>LÊN SÓNG</translation>
    </message>
</context>
<context>
    <name>hntt::ui::CameraPanel</name>
    <message>
        <source>Up-left</source>
        <translation>Lên trái</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <source>Up-right</source>
        <translation>Lên phải</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Trái</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Phải</translation>
    </message>
    <message>
        <source>Down-left</source>
        <translation>Xuống trái</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <source>Down-right</source>
        <translation>Xuống phải</translation>
    </message>
    <message>
        <source>%1 (hold the button, or the arrow keys)</source>
        <translation>%1 (giữ nút, hoặc giữ phím mũi tên)</translation>
    </message>
    <message>
        <source>Stop the camera</source>
        <translation>Dừng camera</translation>
    </message>
    <message>
        <source>Zoom in (hold; Page Up)</source>
        <translation>Phóng to (giữ nút; phím Page Up)</translation>
    </message>
    <message>
        <source>Zoom out (hold; Page Down)</source>
        <translation>Thu nhỏ (giữ nút; phím Page Down)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tốc độ</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Thu phóng</translation>
    </message>
    <message>
        <source>Presets (click to recall, Ctrl+click to store)</source>
        <translation>Vị trí đặt sẵn (nhấp để gọi, Ctrl+nhấp để lưu)</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Then click a preset to store the camera's position in it</source>
        <translation>Sau đó nhấp vào một vị trí đặt sẵn để lưu vị trí hiện tại của camera</translation>
    </message>
    <message>
        <source>Name for the stored preset (optional)</source>
        <translation>Tên cho vị trí sẽ lưu (không bắt buộc)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Camera — %1</source>
        <translation>Camera của %1</translation>
    </message>
    <message>
        <source>Select a site to steer its camera.</source>
        <translation>Chọn một điểm cầu để điều khiển camera của điểm đó.</translation>
    </message>
    <message>
        <source>%1 has no camera that the console can steer. Add one in the site's settings.</source>
        <translation>%1 không có camera mà bàn điều khiển điều khiển được. Hãy thêm camera trong phần cài đặt của điểm cầu.</translation>
    </message>
    <message>
        <source>Recalling preset %1…</source>
        <translation>Đang gọi vị trí đặt sẵn %1…</translation>
    </message>
    <message>
        <source>Preset %1 recalled.</source>
        <translation>Đã gọi vị trí đặt sẵn %1.</translation>
    </message>
    <message>
        <source>Storing preset %1…</source>
        <translation>Đang lưu vị trí đặt sẵn %1…</translation>
    </message>
    <message>
        <source>the site shows no picture yet for its thumbnail</source>
        <translation>điểm cầu chưa có hình để làm ảnh thu nhỏ</translation>
    </message>
    <message>
        <source>its thumbnail could not be saved in %1</source>
        <translation>không lưu được ảnh thu nhỏ vào %1</translation>
    </message>
    <message>
        <source>Preset %1 stored.</source>
        <translation>Đã lưu vị trí đặt sẵn %1.</translation>
    </message>
    <message>
        <source>Preset %1 stored, but %2.</source>
        <translation>Đã lưu vị trí đặt sẵn %1, nhưng %2.</translation>
    </message>
    <message>
        <source>Preset %1</source>
        <translation>Vị trí %1</translation>
    </message>
    <message>
        <source>Recall preset %1; Ctrl+click stores the camera's position in it</source>
        <translation>Gọi vị trí đặt sẵn %1; Ctrl+nhấp để lưu vị trí hiện tại của camera vào đó</translation>
    </message>
</context>
<context>
    <name>hntt::ui::ClockStatus</name>
    <message>
        <source>The program is not keeping time: %1</source>
        <translation>Chương trình không giữ được nhịp: %1</translation>
    </message>
    <message>
        <source>Clock: %1 late, %2 skipped</source>
        <translation>Đồng hồ: %1 trễ, %2 bỏ qua</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Nguồn vào</translation>
    </message>
    <message>
        <source>Audio mix</source>
        <translation>Trộn âm thanh</translation>
    </message>
    <message>
        <source>Return feeds and tracks</source>
        <translation>Luồng trả về và rãnh âm thanh</translation>
    </message>
    <message>
        <source>Program and preview</source>
        <translation>Chương trình và xem trước</translation>
    </message>
    <message>
        <source>Multiview</source>
        <translation>Màn hình đa điểm</translation>
    </message>
    <message>
        <source>Encoder hand-off</source>
        <translation>Chuyển cho bộ mã hóa</translation>
    </message>
    <message>
        <source>Program clock over the last second, a tick every %1 ms:</source>
        <translation>Đồng hồ chương trình trong giây vừa qua, mỗi nhịp %1 ms:</translation>
    </message>
    <message>
        <source>Whole tick: %1 ms on average, at most %2 ms</source>
        <translation>Cả nhịp: trung bình %1 ms, tối đa %2 ms</translation>
    </message>
    <message>
        <source>%1: %2 ms on average, at most %3 ms</source>
        <translation>%1: trung bình %2 ms, tối đa %3 ms</translation>
    </message>
    <message>
        <source>Late: ticks that started after their time. Skipped: ticks passed over to catch up.</source>
        <translation>Trễ: nhịp bắt đầu muộn hơn thời điểm của nó. Bỏ qua: nhịp bị bỏ qua để theo kịp.</translation>
    </message>
    <message>
        <source>The program keeps time: no tick skipped in the last %1 s.</source>
        <translation>Chương trình chạy đúng nhịp: không bỏ qua nhịp nào trong %1 giây qua.</translation>
    </message>
    <message>
        <source>The program is under strain: %1 late and %2 skipped ticks in the last %3 s; now and then a picture is shown twice. The sound stays whole.</source>
        <translation>Chương trình đang quá tải nhẹ: %1 nhịp trễ và %2 nhịp bỏ qua trong %3 giây qua; thỉnh thoảng một khung hình bị lặp lại. Âm thanh vẫn liền mạch.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::EventLogView</name>
    <message>
        <source>Event log</source>
        <translation>Nhật ký sự kiện</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Alarms and automatic events</source>
        <translation>Cảnh báo và sự kiện tự động</translation>
    </message>
    <message>
        <source>Operator and API actions</source>
        <translation>Thao tác của người điều hành và API</translation>
    </message>
    <message>
        <source>Which events the log shows</source>
        <translation>Nhật ký hiển thị những sự kiện nào</translation>
    </message>
    <message>
        <source>Only the events of one site</source>
        <translation>Chỉ các sự kiện của một điểm cầu</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tất cả điểm cầu</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất ra tệp…</translation>
    </message>
    <message>
        <source>Save the events the filters show, all of them, as a CSV file for a spreadsheet</source>
        <translation>Lưu toàn bộ các sự kiện đang lọc thành tệp CSV để mở bằng bảng tính</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>The event log could not be saved to %1: %2</source>
        <translation>Không lưu được nhật ký sự kiện vào %1: %2</translation>
    </message>
    <message>
        <source>Export the event log</source>
        <translation>Xuất nhật ký sự kiện</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Event log saved to %1.</source>
        <translation>Đã lưu nhật ký sự kiện vào %1.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::LayoutPanel</name>
    <message>
        <source>Single</source>
        <translation>Một điểm cầu</translation>
    </message>
    <message>
        <source>Picture in picture</source>
        <translation>Hình trong hình</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Cạnh nhau</translation>
    </message>
    <message>
        <source>Grid %1×%2</source>
        <translation>Lưới %1×%2</translation>
    </message>
    <message>
        <source>Focus %1+%2</source>
        <translation>Tiêu điểm %1+%2</translation>
    </message>
    <message>
        <source>%1 on preview (F%2)</source>
        <translation>%1 lên xem trước (F%2)</translation>
    </message>
    <message>
        <source>%1 on preview</source>
        <translation>%1 lên xem trước</translation>
    </message>
    <message>
        <source>Drag sites from the list or the multiview onto a preview slot.</source>
        <translation>Kéo điểm cầu từ danh sách hoặc màn hình đa điểm vào một ô xem trước.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::LibraryWindow</name>
    <message numerus="yes">
        <source>%n recording(s) in the trash</source>
        <translation>
            <numerusform>%n bản ghi trong thùng rác</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is in the trash: restore it to play it.</source>
        <translation>“%1” đang ở trong thùng rác: hãy khôi phục để phát.</translation>
    </message>
    <message>
        <source>“%1” now plays from %2.</source>
        <translation>“%1” giờ phát từ %2.</translation>
    </message>
    <message>
        <source>Recordings (*.mkv *.mp4 *.mov *.ts);;All files (*)</source>
        <translation>Bản ghi (*.mkv *.mp4 *.mov *.ts);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Where is the file of “%1” now?</source>
        <translation>Tệp của “%1” hiện ở đâu?</translation>
    </message>
    <message>
        <source>“%1” deleted for good.</source>
        <translation>Đã xóa vĩnh viễn “%1”.</translation>
    </message>
    <message>
        <source>The file %1 is deleted and cannot be brought back.</source>
        <translation>Tệp %1 sẽ bị xóa và không thể lấy lại.</translation>
    </message>
    <message>
        <source>Delete the recording “%1” for good?</source>
        <translation>Xóa vĩnh viễn bản ghi “%1”?</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Xóa vĩnh viễn</translation>
    </message>
    <message>
        <source>“%1” is back in the library.</source>
        <translation>“%1” đã trở lại thư viện.</translation>
    </message>
    <message>
        <source>“%1” moved to the trash.</source>
        <translation>Đã chuyển “%1” vào thùng rác.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>File: %1
It can be restored from the trash until the trash is emptied.</source>
        <translation>Tệp: %1
Có thể khôi phục từ thùng rác cho đến khi thùng rác được dọn.</translation>
    </message>
    <message>
        <source>Move the recording “%1” to the trash?</source>
        <translation>Chuyển bản ghi “%1” vào thùng rác?</translation>
    </message>
    <message>
        <source>Details of “%1” saved.</source>
        <translation>Đã lưu thông tin của “%1”.</translation>
    </message>
    <message>
        <source>Select a recording first.</source>
        <translation>Hãy chọn một bản ghi trước.</translation>
    </message>
    <message numerus="yes">
        <source>Archived %n times, last %1</source>
        <translation>
            <numerusform>Đã lưu trữ %n lần, gần nhất %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Archived %1</source>
        <translation>Đã lưu trữ %1</translation>
    </message>
    <message>
        <source>Export failed %1</source>
        <translation>Xuất thất bại %1</translation>
    </message>
    <message>
        <source>Export cut off %1</source>
        <translation>Xuất bị ngắt %1</translation>
    </message>
    <message>
        <source>In the trash since %1</source>
        <translation>Trong thùng rác từ %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>Xóa vĩnh viễn…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Delete (Del): the file goes to the trash and can be restored</source>
        <translation>Xóa (Del): tệp được chuyển vào thùng rác và có thể khôi phục</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <source>The file is not where it was recorded: point the recording at it</source>
        <translation>Tệp không còn ở nơi đã ghi: hãy chỉ bản ghi tới tệp đó</translation>
    </message>
    <message>
        <source>Locate moved file…</source>
        <translation>Tìm tệp đã chuyển đi…</translation>
    </message>
    <message>
        <source>Correct the title, attach the recording to a meeting, rename its file</source>
        <translation>Sửa tiêu đề, gắn bản ghi với một cuộc họp, đổi tên tệp</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Thông tin…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Lưu trữ</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Thùng rác</translation>
    </message>
    <message>
        <source>Recordings library</source>
        <translation>Thư viện bản ghi</translation>
    </message>
    <message>
        <source>Search title, meeting, site or date (diacritics not needed)</source>
        <translation>Tìm theo tên, cuộc họp, điểm cầu hoặc ngày (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>All recordings</source>
        <translation>Tất cả bản ghi</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Failed or cut off</source>
        <translation>Lỗi hoặc bị ngắt</translation>
    </message>
    <message>
        <source>Recording now</source>
        <translation>Đang ghi</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời lượng</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Điểm cầu %1</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Ghi hình</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>mất tệp</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>bị thiếu</translation>
    </message>
    <message>
        <source>%1 of %2 recordings</source>
        <translation>%1 trên %2 bản ghi</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MainWindow</name>
    <message>
        <source>Add a &amp;note to the recording…</source>
        <translation>Thêm &amp;ghi chú vào bản ghi…</translation>
    </message>
    <message>
        <source>Review player: %1</source>
        <translation>Trình xem lại: %1</translation>
    </message>
    <message>
        <source>L&amp;ighter load</source>
        <translation>Tải &amp;nhẹ hơn</translation>
    </message>
    <message>
        <source>For a machine that cannot keep up: the multiview refreshes five times a second and sites off the air show a picture a second. Program, recording and streams are untouched.</source>
        <translation>Cho máy không theo kịp: màn hình đa điểm làm mới năm lần mỗi giây và các điểm cầu không lên sóng hiện một hình mỗi giây. Chương trình, bản ghi và luồng phát giữ nguyên.</translation>
    </message>
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
        <source>Sites</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Preview / Program</source>
        <translation>Xem trước / Chương trình</translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation>Bố cục</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Âm thanh</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Ghi hình</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Luồng phát</translation>
    </message>
    <message>
        <source>Alarms and events</source>
        <translation>Cảnh báo và sự kiện</translation>
    </message>
    <message>
        <source>Alarms and events (%1)</source>
        <translation>Cảnh báo và sự kiện (%1)</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n alarm(s)</source>
        <translation>
            <numerusform>⚠ %n cảnh báo</numerusform></translation>
    </message>
    <message>
        <source>Recordings &amp;library…</source>
        <translation>&amp;Thư viện bản ghi…</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>&amp;Chương trình</translation>
    </message>
    <message>
        <source>&amp;Take (preview to program)</source>
        <translation>&amp;Chuyển (xem trước lên chương trình)</translation>
    </message>
    <message>
        <source>&amp;Auto: follow the speaker</source>
        <translation>&amp;Tự động: theo người phát biểu</translation>
    </message>
    <message>
        <source>Preview &amp;layout</source>
        <translation>&amp;Bố cục xem trước</translation>
    </message>
    <message>
        <source>Select a &amp;tile</source>
        <translation>Chọn ô &amp;hình</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>Điểm &amp;cầu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Hiển thị</translation>
    </message>
    <message>
        <source>&amp;Reset panel layout</source>
        <translation>Đặt &amp;lại bố cục bảng</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Phím mũi tên</translation>
    </message>
    <message>
        <source>Steer the camera (camera panel focused)</source>
        <translation>Điều khiển camera (khi bảng camera đang chọn)</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Nhấp đúp</translation>
    </message>
    <message>
        <source>Site on preview (multiview or list)</source>
        <translation>Đưa điểm cầu lên xem trước (màn hình đa điểm hoặc danh sách)</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>Kéo</translation>
    </message>
    <message>
        <source>Site onto a preview slot</source>
        <translation>Đưa điểm cầu vào một ô xem trước</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>The language changes at the next start of the console.</source>
        <translation>Ngôn ngữ sẽ đổi ở lần khởi động tới.</translation>
    </message>
    <message>
        <source>● REC</source>
        <translation>● ĐANG GHI</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>Cuộc &amp;họp</translation>
    </message>
    <message>
        <source>Start &amp;recording</source>
        <translation>Bắt đầu &amp;ghi hình</translation>
    </message>
    <message>
        <source>S&amp;top recording</source>
        <translation>&amp;Dừng ghi hình</translation>
    </message>
    <message>
        <source>Start the selected &amp;meeting</source>
        <translation>Bắt đầu &amp;cuộc họp đang chọn</translation>
    </message>
    <message>
        <source>&amp;Connection check of its sites</source>
        <translation>&amp;Kiểm tra kết nối các điểm cầu</translation>
    </message>
    <message>
        <source>&amp;Acknowledge the selected alarms</source>
        <translation>&amp;Xác nhận các cảnh báo đang chọn</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all alarms</source>
        <translation>Xác nhận &amp;tất cả cảnh báo</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MarkerTimeline</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…và %n mốc nữa</numerusform>
        </translation>
    </message>
    <message>
        <source>Timeline with markers</source>
        <translation>Dòng thời gian có đánh dấu</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Điểm cầu %1</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MeetingPanel</name>
    <message>
        <source>Check every site of the selected meeting: reachable, pictures arriving, bitrate and loss against its link.</source>
        <translation>Kiểm tra từng điểm cầu của cuộc họp đang chọn: kết nối được, có hình về, tốc độ bit và tỉ lệ mất gói so với đường truyền.</translation>
    </message>
    <message>
        <source>A connection check is running; its progress is below.</source>
        <translation>Đang kiểm tra kết nối; tiến độ hiển thị bên dưới.</translation>
    </message>
    <message>
        <source>Start the selected meeting: its sites come in, the host and the participants go on program and preview.</source>
        <translation>Bắt đầu cuộc họp đang chọn: các điểm cầu được kết nối, điểm chủ trì và các điểm tham dự lên chương trình và xem trước.</translation>
    </message>
    <message>
        <source>No meeting is booked for today (meetings are booked through the control API).</source>
        <translation>Hôm nay chưa có cuộc họp nào được đặt lịch (lịch họp được đặt qua API điều khiển).</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Start meeting</source>
        <translation>Bắt đầu họp</translation>
    </message>
    <message>
        <source>Check connections</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Phòng họp</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Điểm cầu chủ trì</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Khẩn cấp</translation>
    </message>
    <message>
        <source>Connection check: %p%</source>
        <translation>Kiểm tra kết nối: %p%</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Kết nối được</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>Tốc độ bit</translation>
    </message>
    <message>
        <source>Link rule</source>
        <translation>Quy định đường truyền</translation>
    </message>
    <message>
        <source>Packet loss</source>
        <translation>Mất gói</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hôm nay, %1</translation>
    </message>
    <message>
        <source>EMERGENCY</source>
        <translation>KHẨN CẤP</translation>
    </message>
    <message>
        <source>No meeting running</source>
        <translation>Chưa có cuộc họp nào đang diễn ra</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Đang họp: %1</translation>
    </message>
    <message>
        <source>%1 started: its sites are on program and preview.</source>
        <translation>Đã bắt đầu %1: các điểm cầu đã lên chương trình và xem trước.</translation>
    </message>
    <message>
        <source>Connection check: %1 site(s) failed, %2 with warnings.</source>
        <translation>Kiểm tra kết nối: %1 điểm cầu không đạt, %2 điểm cầu có cảnh báo.</translation>
    </message>
    <message>
        <source>Connection check: every site is reachable; %1 with warnings.</source>
        <translation>Kiểm tra kết nối: mọi điểm cầu đều kết nối được; %1 điểm cầu có cảnh báo.</translation>
    </message>
    <message>
        <source>Connection check: every site passed.</source>
        <translation>Kiểm tra kết nối: mọi điểm cầu đều đạt.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
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
        <translation>%1 Mbit/s (mặc định)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MonitorsPanel</name>
    <message>
        <source>PROGRAM · %1 · FLOOR: %2</source>
        <translation>CHƯƠNG TRÌNH · %1 · PHÁT BIỂU: %2</translation>
    </message>
    <message>
        <source>Ask before empty slots go on air</source>
        <translation>Hỏi trước khi đưa ô trống lên sóng</translation>
    </message>
    <message>
        <source>On: TAKE with empty slots on preview waits for a second TAKE. Off: the layout&apos;s background goes on air there at once.</source>
        <translation>Bật: CHUYỂN khi xem trước còn ô trống sẽ chờ bấm CHUYỂN lần nữa. Tắt: nền của bố cục lên sóng ngay tại các ô đó.</translation>
    </message>
    <message numerus="yes">
        <source>Preview has %n empty slot(s). TAKE again within %1 s to put the layout&apos;s background there, or fill them first (drop a site, Enter in the search, or a smaller layout).</source>
        <translation>
            <numerusform>Xem trước còn %n ô trống. Bấm CHUYỂN lần nữa trong %1 giây để đưa nền của bố cục vào đó, hoặc điền trước (thả một điểm cầu, Enter trong ô tìm kiếm, hoặc chọn bố cục nhỏ hơn).</numerusform>
        </translation>
    </message>
    <message>
        <source>TAKE AGAIN</source>
        <translation>CHUYỂN LẠI</translation>
    </message>
    <message>
        <source>PREVIEW · %1 · FLOOR: %2</source>
        <translation>XEM TRƯỚC · %1 · PHÁT BIỂU: %2</translation>
    </message>
    <message numerus="yes">
        <source>Put preview on program (Space). %n slot(s) of preview are empty and go on air as the layout&apos;s background: drop a site there, or choose a smaller layout (F1–F8).</source>
        <translation>
            <numerusform>Đưa xem trước lên chương trình (phím cách). %n ô của khung xem trước đang trống và sẽ phát nền của bố cục: hãy thả một điểm cầu vào đó, hoặc chọn bố cục nhỏ hơn (F1–F8).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>PREVIEW · %1 · ⚠ %n empty slot(s)</source>
        <translation>
            <numerusform>XEM TRƯỚC · %1 · ⚠ %n ô trống</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Taken with %n empty slot(s): the layout&apos;s background is on air there.</source>
        <translation>
            <numerusform>Đã chuyển lên chương trình với %n ô trống: tại đó đang phát nền của bố cục.</numerusform></translation>
    </message>
    <message>
        <source>TAKE</source>
        <translation>CHUYỂN</translation>
    </message>
    <message>
        <source>Put preview on program (Space)</source>
        <translation>Đưa hình xem trước lên chương trình (Dấu cách)</translation>
    </message>
    <message>
        <source>AUTO: follow the speaker</source>
        <translation>TỰ ĐỘNG: theo người phát biểu</translation>
    </message>
    <message>
        <source>Slot 1 of program follows whoever speaks</source>
        <translation>Ô 1 của chương trình theo người đang phát biểu</translation>
    </message>
    <message>
        <source>PREVIEW · %1</source>
        <translation>XEM TRƯỚC · %1</translation>
    </message>
    <message>
        <source>PROGRAM · %1</source>
        <translation>CHƯƠNG TRÌNH · %1</translation>
    </message>
    <message>
        <source>%1 · empty</source>
        <translation>%1 · trống</translation>
    </message>
</context>
<context>
    <name>hntt::ui::MultiviewPanel</name>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Select tile %1</source>
        <translation>Chọn ô %1</translation>
    </message>
    <message>
        <source>Click: select · double-click: preview · drag: onto a preview slot</source>
        <translation>Nhấp: chọn · nhấp đúp: xem trước · kéo: vào ô xem trước</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Đang chọn: %1</translation>
    </message>
    <message>
        <source>There is no tile %1 on this page.</source>
        <translation>Trang này không có ô %1.</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>hntt::ui::OperatorFocus</name>
    <message>
        <source>⌨ Typing: Esc gives the keys back</source>
        <translation>⌨ Đang gõ chữ: Esc trả phím cho bàn điều khiển</translation>
    </message>
    <message>
        <source>A text field has the keyboard, so Space, M and the digits type into it. Esc, or a click on the multiview, gives the keys back to the console.</source>
        <translation>Một ô nhập chữ đang giữ bàn phím, nên phím cách, M và các phím số sẽ gõ vào ô đó. Nhấn Esc, hoặc nhấp chuột vào màn hình đa điểm, để trả phím cho bàn điều khiển.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::OutputsPanel</name>
    <message>
        <source>Starting</source>
        <translation>Đang khởi động</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Đang phát</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Đang thử lại</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <source>Name (e.g. Provincial portal)</source>
        <translation>Tên (ví dụ: Cổng thông tin tỉnh)</translation>
    </message>
    <message>
        <source>srt://host:port, rtmp://host/app/key or udp://host:port</source>
        <translation>srt://máy:cổng, rtmp://máy/ứng-dụng/khóa hoặc udp://máy:cổng</translation>
    </message>
    <message>
        <source>Add stream</source>
        <translation>Thêm luồng</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>Tốc độ bit</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
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
        <translation>Hãy dừng luồng trước.</translation>
    </message>
    <message>
        <source>Enter the stream's URL.</source>
        <translation>Hãy nhập URL của luồng.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::RecordingPanel</name>
    <message>
        <source>Note at %1:</source>
        <translation>Ghi chú lúc %1:</translation>
    </message>
    <message>
        <source>Note on the recording</source>
        <translation>Ghi chú vào bản ghi</translation>
    </message>
    <message>
        <source>Nothing is being recorded: a note goes on a running recording.</source>
        <translation>Không có gì đang được ghi: ghi chú chỉ thêm vào bản ghi đang ghi.</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tiêu đề:</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Ghi hình</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Dừng</translation>
    </message>
    <message>
        <source>File size:</source>
        <translation>Dung lượng tệp:</translation>
    </message>
    <message>
        <source>Free disk:</source>
        <translation>Ổ đĩa còn trống:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Thời gian còn ghi được:</translation>
    </message>
    <message>
        <source>The recording stopped: %1</source>
        <translation>Bản ghi đã dừng: %1</translation>
    </message>
    <message>
        <source>Meeting of %1</source>
        <translation>Cuộc họp ngày %1</translation>
    </message>
    <message>
        <source>RECORDING</source>
        <translation>ĐANG GHI</translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>Không ghi hình</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <source>about %1 at the current %2 Mbit/s</source>
        <translation>khoảng %1 với tốc độ hiện tại %2 Mbit/s</translation>
    </message>
    <message>
        <source>about %1 at the nominal %2 Mbit/s</source>
        <translation>khoảng %1 với tốc độ danh định %2 Mbit/s</translation>
    </message>
    <message>
        <source>Disk almost full: %1 — the recording will stop</source>
        <translation>Ổ đĩa sắp đầy: %1 — bản ghi sẽ dừng</translation>
    </message>
    <message>
        <source>Little disk space: %1</source>
        <translation>Ổ đĩa sắp hết chỗ: %1</translation>
    </message>
    <message>
        <source>NOT BEING WRITTEN: %1</source>
        <translation>KHÔNG ĐƯỢC GHI: %1</translation>
    </message>
    <message>
        <source>RECORDING — some sites' own tracks have gaps</source>
        <translation>ĐANG GHI — rãnh âm thanh riêng của một số điểm cầu bị ngắt quãng</translation>
    </message>
</context>
<context>
    <name>hntt::ui::ReviewPlayer</name>
    <message>
        <source>Note added at %1.</source>
        <translation>Đã thêm ghi chú lúc %1.</translation>
    </message>
    <message>
        <source>Notes are added in the console.</source>
        <translation>Ghi chú được thêm trong bàn điều khiển.</translation>
    </message>
    <message>
        <source>Note at %1:</source>
        <translation>Ghi chú lúc %1:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Add a note at the position</source>
        <translation>Thêm ghi chú tại vị trí đang xem</translation>
    </message>
    <message>
        <source>A note at the current position, on the timeline for everyone who reviews this recording</source>
        <translation>Ghi chú tại vị trí hiện tại, hiện trên dòng thời gian cho mọi người xem lại bản ghi này</translation>
    </message>
    <message>
        <source>Add note… (N)</source>
        <translation>Thêm ghi chú… (N)</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Các mốc</translation>
    </message>
    <message>
        <source>Clip&apos;s in / out mark</source>
        <translation>Điểm đầu / điểm cuối của đoạn trích</translation>
    </message>
    <message>
        <source>Previous / next marker</source>
        <translation>Mốc trước / mốc sau</translation>
    </message>
    <message>
        <source>Start / end of the recording</source>
        <translation>Đầu / cuối bản ghi</translation>
    </message>
    <message>
        <source>One frame back / forward</source>
        <translation>Lùi / tới một khung hình</translation>
    </message>
    <message>
        <source>5 seconds back / forward</source>
        <translation>Lùi / tới 5 giây</translation>
    </message>
    <message>
        <source>10 seconds back / forward</source>
        <translation>Lùi / tới 10 giây</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Phát hoặc tạm dừng</translation>
    </message>
    <message>
        <source>No marker after %1.</source>
        <translation>Không có mốc nào sau %1.</translation>
    </message>
    <message>
        <source>No marker before %1.</source>
        <translation>Không có mốc nào trước %1.</translation>
    </message>
    <message>
        <source>The program mix is chosen, but this machine has no sound device: nothing can be heard.</source>
        <translation>Đã chọn tiếng tổng hợp của chương trình, nhưng máy này không có thiết bị âm thanh: không nghe được gì.</translation>
    </message>
    <message>
        <source>%1&apos;s own track is chosen, but this machine has no sound device: nothing can be heard.</source>
        <translation>Đã chọn kênh tiếng riêng của %1, nhưng máy này không có thiết bị âm thanh: không nghe được gì.</translation>
    </message>
    <message>
        <source>This machine has no sound device: the recording plays without sound. Connect speakers or headphones and open the recording again.</source>
        <translation>Máy này không có thiết bị âm thanh: bản ghi phát không có tiếng. Hãy cắm loa hoặc tai nghe rồi mở lại bản ghi.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Âm lượng</translation>
    </message>
    <message>
        <source>One frame forward (Shift+Right)</source>
        <translation>Tới một khung hình (Shift+→)</translation>
    </message>
    <message>
        <source>5 seconds forward (Right)</source>
        <translation>Tới 5 giây (→)</translation>
    </message>
    <message>
        <source>5 seconds back (Left)</source>
        <translation>Lùi 5 giây (←)</translation>
    </message>
    <message>
        <source>One frame back (Shift+Left)</source>
        <translation>Lùi một khung hình (Shift+←)</translation>
    </message>
    <message>
        <source>Clips are never saved in %1: recordings and archives are kept there. Choose another folder.</source>
        <translation>Đoạn trích không bao giờ được lưu vào %1: nơi đó giữ các bản ghi và hồ sơ lưu trữ. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <source>%1 exists already. Press &quot;Export clip&quot; again within 5 seconds to replace it.</source>
        <translation>%1 đã có. Bấm “Xuất đoạn trích” lần nữa trong vòng 5 giây để ghi đè.</translation>
    </message>
    <message>
        <source>Review — %1</source>
        <translation>Xem lại — %1</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Điểm cầu %1</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Phát (Space)</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Tốc độ:</translation>
    </message>
    <message>
        <source>Listen to:</source>
        <translation>Nghe:</translation>
    </message>
    <message>
        <source>Next time this site spoke:</source>
        <translation>Lần phát biểu tiếp theo của điểm cầu:</translation>
    </message>
    <message>
        <source>Go to next speech</source>
        <translation>Đến lần phát biểu tiếp theo</translation>
    </message>
    <message>
        <source>No speaker changes were recorded.</source>
        <translation>Không ghi nhận lần đổi người phát biểu nào.</translation>
    </message>
    <message>
        <source>Mark in (I)</source>
        <translation>Đánh dấu vào (I)</translation>
    </message>
    <message>
        <source>Mark out (O)</source>
        <translation>Đánh dấu ra (O)</translation>
    </message>
    <message>
        <source>Clip file:</source>
        <translation>Tệp đoạn trích:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Export clip</source>
        <translation>Xuất đoạn trích</translation>
    </message>
    <message>
        <source>Copies the video and every audio track between the marks without re-encoding; the clip starts at the keyframe at or before the in mark.</source>
        <translation>Sao chép hình và mọi rãnh âm thanh giữa hai điểm đánh dấu, không mã hóa lại; đoạn trích bắt đầu từ khung hình khóa tại hoặc trước điểm vào.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Save the clip as</source>
        <translation>Lưu đoạn trích thành</translation>
    </message>
    <message>
        <source>Matroska video (*.mkv);;MP4 video (*.mp4)</source>
        <translation>Video Matroska (*.mkv);;Video MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>Không phát được bản ghi: %1</translation>
    </message>
    <message>
        <source>The recording file %1 does not exist any more.</source>
        <translation>Tệp bản ghi %1 không còn nữa.</translation>
    </message>
    <message>
        <source>Program mix</source>
        <translation>Âm thanh chương trình</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Riêng %1</translation>
    </message>
    <message>
        <source>Hear one site's own audio, as it came in, or the program mix.</source>
        <translation>Nghe riêng âm thanh gốc của một điểm cầu, hoặc âm thanh tổng của chương trình.</translation>
    </message>
    <message>
        <source>This recording has no per-site audio tracks.</source>
        <translation>Bản ghi này không có rãnh âm thanh riêng của từng điểm cầu.</translation>
    </message>
    <message>
        <source>Listening to %1 only.</source>
        <translation>Đang nghe riêng %1.</translation>
    </message>
    <message>
        <source>Listening to the program mix.</source>
        <translation>Đang nghe âm thanh tổng của chương trình.</translation>
    </message>
    <message>
        <source>%1 has no audio track of its own in this recording.</source>
        <translation>%1 không có rãnh âm thanh riêng trong bản ghi này.</translation>
    </message>
    <message>
        <source>%1 speaks at %2.</source>
        <translation>%1 phát biểu lúc %2.</translation>
    </message>
    <message>
        <source>%1 does not speak again after %2.</source>
        <translation>%1 không phát biểu lần nào nữa sau %2.</translation>
    </message>
    <message>
        <source>A clip is already being exported.</source>
        <translation>Đang xuất một đoạn trích khác.</translation>
    </message>
    <message>
        <source>Clips cannot be exported from here.</source>
        <translation>Không thể xuất đoạn trích từ đây.</translation>
    </message>
    <message>
        <source>Set the in and the out mark first (keys I and O).</source>
        <translation>Hãy đánh dấu điểm vào và điểm ra trước (phím I và O).</translation>
    </message>
    <message>
        <source>The in mark must come before the out mark.</source>
        <translation>Điểm vào phải đứng trước điểm ra.</translation>
    </message>
    <message>
        <source>Choose the file the clip is saved to.</source>
        <translation>Hãy chọn tệp để lưu đoạn trích.</translation>
    </message>
    <message>
        <source>Exporting the clip %1 – %2 …</source>
        <translation>Đang xuất đoạn trích %1 – %2 …</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Đang hủy xuất…</translation>
    </message>
    <message>
        <source>Clip saved: %1 (%2).</source>
        <translation>Đã lưu đoạn trích: %1 (%2).</translation>
    </message>
    <message>
        <source>The out mark was past the end of the recording; the clip ends there.</source>
        <translation>Điểm ra nằm sau điểm kết thúc của bản ghi; đoạn trích dừng tại đó.</translation>
    </message>
    <message>
        <source>The clip export was cancelled; nothing was kept.</source>
        <translation>Đã hủy xuất đoạn trích; không giữ lại tệp nào.</translation>
    </message>
    <message>
        <source>The clip could not be exported: %1</source>
        <translation>Không xuất được đoạn trích: %1</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Tạm dừng (Space)</translation>
    </message>
</context>
<context>
    <name>hntt::ui::SitesPanel</name>
    <message>
        <source>Floor → preview</source>
        <translation>Phát biểu → xem trước</translation>
    </message>
    <message>
        <source>Floor → air</source>
        <translation>Phát biểu → lên sóng</translation>
    </message>
    <message>
        <source>Show the selected site alone on preview (Enter in the list)</source>
        <translation>Đưa riêng điểm cầu đang chọn lên xem trước (Enter trong danh sách)</translation>
    </message>
    <message>
        <source>The selected site takes slot 1 of a focus layout on preview; TAKE puts it on air and its camera recalls preset 1 (F9)</source>
        <translation>Điểm cầu đang chọn vào ô 1 của bố cục tiêu điểm trên xem trước; CHUYỂN đưa lên sóng và camera về vị trí đặt sẵn 1 (F9)</translation>
    </message>
    <message>
        <source>Give the &amp;floor (to preview)</source>
        <translation>Trao &amp;quyền phát biểu (lên xem trước)</translation>
    </message>
    <message>
        <source>The selected site takes slot 1 of program at once and its camera recalls preset 1 (F9)</source>
        <translation>Điểm cầu đang chọn vào ngay ô 1 của chương trình và camera về vị trí đặt sẵn 1 (F9)</translation>
    </message>
    <message>
        <source>Give the &amp;floor (on air)</source>
        <translation>Trao &amp;quyền phát biểu (lên sóng ngay)</translation>
    </message>
    <message>
        <source>The floor for %1 is ready on preview: TAKE (Space) puts it on air.</source>
        <translation>Quyền phát biểu cho %1 đã sẵn sàng trên xem trước: CHUYỂN (phím cách) để đưa lên sóng.</translation>
    </message>
    <message>
        <source>F9 puts the floor on air at once, without TAKE</source>
        <translation>F9 đưa người phát biểu lên sóng ngay, không cần CHUYỂN</translation>
    </message>
    <message>
        <source>Floor straight to program</source>
        <translation>Trao quyền phát biểu thẳng lên chương trình</translation>
    </message>
    <message>
        <source>Enter puts the first match in the next free slot of preview; Esc gives the keys back to the console.</source>
        <translation>Enter đưa điểm cầu tìm thấy đầu tiên vào ô trống kế tiếp của khung xem trước; Esc trả phím cho bàn điều khiển.</translation>
    </message>
    <message>
        <source>Find a site (diacritics optional)…</source>
        <translation>Tìm điểm cầu (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Âm thanh</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Tắt tiếng</translation>
    </message>
    <message>
        <source>Mute or unmute the selected site's sound (M)</source>
        <translation>Tắt hoặc bật tiếng điểm cầu đang chọn (M)</translation>
    </message>
    <message>
        <source>&amp;Video off</source>
        <translation>Tắt &amp;hình</translation>
    </message>
    <message>
        <source>Replace the selected site's picture with its name slate</source>
        <translation>Thay hình của điểm cầu đang chọn bằng bảng tên</translation>
    </message>
    <message>
        <source>To &amp;preview</source>
        <translation>Lên &amp;xem trước</translation>
    </message>
    <message>
        <source>Mute all but the floor</source>
        <translation>Tắt tiếng tất cả trừ người phát biểu</translation>
    </message>
    <message>
        <source>Mute the whole group</source>
        <translation>Tắt tiếng cả nhóm</translation>
    </message>
    <message>
        <source>Unmute the whole group</source>
        <translation>Bật tiếng cả nhóm</translation>
    </message>
    <message>
        <source>Bring the group in</source>
        <translation>Đưa cả nhóm vào</translation>
    </message>
    <message>
        <source>Put the selected site and the sites under it on preview</source>
        <translation>Đưa điểm cầu đang chọn và các điểm cầu trực thuộc lên xem trước</translation>
    </message>
    <message>
        <source>Find a site</source>
        <translation>Tìm điểm cầu</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Gain of the selected site</source>
        <translation>Mức khuếch đại của điểm cầu đang chọn</translation>
    </message>
    <message>
        <source>Whole group</source>
        <translation>Cả nhóm</translation>
    </message>
    <message>
        <source>Actions on the selected site and every site under it</source>
        <translation>Thao tác trên điểm cầu đang chọn và mọi điểm cầu trực thuộc</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>tắt tiếng</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
    <message>
        <source>video off</source>
        <translation>tắt hình</translation>
    </message>
    <message>
        <source>%1 — speaking</source>
        <translation>%1 — đang phát biểu</translation>
    </message>
    <message>
        <source>%1 sites · %2 connected · %3 lost</source>
        <translation>%1 điểm cầu · %2 đã kết nối · %3 mất tín hiệu</translation>
    </message>
    <message>
        <source>%1 of %2 sites match</source>
        <translation>%1 trên %2 điểm cầu khớp</translation>
    </message>
    <message>
        <source>Only the first 25 of %1 sites fit on preview.</source>
        <translation>Chỉ 25 điểm cầu đầu tiên trong %1 điểm cầu vừa màn xem trước.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Cuộc gọi</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Gọi</translation>
    </message>
    <message>
        <source>Call the selected site at its SIP address</source>
        <translation>Gọi điểm cầu đang chọn qua địa chỉ SIP của nó</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>Gác &amp;máy</translation>
    </message>
    <message>
        <source>End the selected site&apos;s call, or stop calling it again</source>
        <translation>Kết thúc cuộc gọi của điểm cầu đang chọn, hoặc thôi gọi lại</translation>
    </message>
    <message>
        <source>Call every SIP site</source>
        <translation>Gọi mọi điểm cầu SIP</translation>
    </message>
    <message>
        <source>Call every site of the running meeting that has a SIP address (every such site when no meeting runs)</source>
        <translation>Gọi mọi điểm cầu có địa chỉ SIP của cuộc họp đang diễn ra (mọi điểm cầu như vậy khi không có cuộc họp nào)</translation>
    </message>
    <message>
        <source>&amp;Edit site…</source>
        <translation>&amp;Sửa điểm cầu…</translation>
    </message>
    <message>
        <source>Name and addresses of the selected site: source, return feed, SIP</source>
        <translation>Tên và các địa chỉ của điểm cầu đang chọn: nguồn, tín hiệu trả về, SIP</translation>
    </message>
    <message>
        <source>not called</source>
        <translation>chưa gọi</translation>
    </message>
    <message>
        <source>SIP address: %1</source>
        <translation>Địa chỉ SIP: %1</translation>
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation>&amp;Bật tiếng</translation>
    </message>
    <message>
        <source>No site of the running meeting has a SIP address.</source>
        <translation>Không điểm cầu nào của cuộc họp đang diễn ra có địa chỉ SIP.</translation>
    </message>
    <message>
        <source>No site has a SIP address.</source>
        <translation>Không điểm cầu nào có địa chỉ SIP.</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) could not be called: %1</source>
        <translation>
            <numerusform>Không gọi được %n điểm cầu: %1</numerusform></translation>
    </message>
    <message>
        <source>Every SIP site is already ringing or in its call.</source>
        <translation>Mọi điểm cầu SIP đều đang đổ chuông hoặc đang trong cuộc gọi.</translation>
    </message>
    <message>
        <source>SIP calls: %1 of %2 connected</source>
        <translation>Cuộc gọi SIP: %1/%2 đã kết nối</translation>
    </message>
    <message>
        <source>%1 on hold</source>
        <translation>%1 giữ máy</translation>
    </message>
    <message>
        <source>%1 ringing</source>
        <translation>%1 đang đổ chuông</translation>
    </message>
    <message>
        <source>%1 redialling</source>
        <translation>%1 đang gọi lại</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 đã kết thúc</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) could not be called; the event log says why.</source>
        <translation>
            <numerusform>Không gọi được %n điểm cầu; xem lý do trong nhật ký sự kiện.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Join link…</source>
        <translation>Đường dẫn &amp;tham gia…</translation>
    </message>
    <message>
        <source>The link a commune opens in its browser to join as the selected site</source>
        <translation>Đường dẫn mà xã mở bằng trình duyệt để tham gia với tư cách điểm cầu đang chọn</translation>
    </message>
</context>
<context>
    <name>RecordingWatchdog</name>
    <message>
        <source>the file has not grown for %1 s</source>
        <translation>tệp không tăng dung lượng trong %1 giây</translation>
    </message>
    <message>
        <source>the writer is %1 s behind the program</source>
        <translation>khâu ghi tệp chậm hơn chương trình %1 giây</translation>
    </message>
</context>
<context>
    <name>CallLook</name>
    <message>
        <source>Ringing… · try %1</source>
        <translation>Đổ chuông… · lần %1</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>Đổ chuông…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Giữ máy</translation>
    </message>
    <message>
        <source>Redial in %1 s · try %2</source>
        <translation>Gọi lại sau %1s · lần %2</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Call from %1</source>
        <translation>Cuộc gọi đến từ %1</translation>
    </message>
    <message>
        <source>Call to %1</source>
        <translation>Cuộc gọi đi tới %1</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(không rõ)</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Since: %1</source>
        <translation>Từ lúc: %1</translation>
    </message>
    <message>
        <source>Audio: %1</source>
        <translation>Âm thanh: %1</translation>
    </message>
    <message>
        <source>%1, packetization mode %2</source>
        <translation>%1, chế độ đóng gói %2</translation>
    </message>
    <message>
        <source>Video: %1</source>
        <translation>Hình ảnh: %1</translation>
    </message>
    <message>
        <source>Video: none (sound only)</source>
        <translation>Hình ảnh: không có (chỉ âm thanh)</translation>
    </message>
    <message>
        <source>Pictures received: %1×%2</source>
        <translation>Hình nhận được: %1×%2</translation>
    </message>
    <message>
        <source>Receives the program at: %1</source>
        <translation>Nhận chương trình ở mức: %1</translation>
    </message>
    <message>
        <source>Loss: %1 % · jitter: %2 ms</source>
        <translation>Mất gói: %1 % · độ trễ biến thiên: %2 ms</translation>
    </message>
    <message>
        <source>Try: %1</source>
        <translation>Lần gọi: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
</context>
<context>
    <name>hntt::core::CallManager</name>
    <message>
        <source>SIP is off: %1</source>
        <translation>SIP đang tắt: %1</translation>
    </message>
    <message>
        <source>SIP is off on this console (--sip-listen off).</source>
        <translation>SIP đang tắt trên máy điều khiển này (--sip-listen off).</translation>
    </message>
    <message>
        <source>Site %1 has no SIP address to call.</source>
        <translation>Điểm cầu %1 không có địa chỉ SIP để gọi.</translation>
    </message>
    <message>
        <source>Site %1 already has a call.</source>
        <translation>Điểm cầu %1 đang có cuộc gọi.</translation>
    </message>
    <message>
        <source>The site no longer has a SIP address.</source>
        <translation>Điểm cầu không còn địa chỉ SIP.</translation>
    </message>
    <message>
        <source>No media ports for the call: %1</source>
        <translation>Không có cổng truyền thông cho cuộc gọi: %1</translation>
    </message>
    <message>
        <source>%1 Calling again in %2 s.</source>
        <translation>%1 Gọi lại sau %2 giây.</translation>
    </message>
    <message>
        <source>The far end&apos;s answer is not valid SDP: %1</source>
        <translation>Trả lời của đầu xa không phải SDP hợp lệ: %1</translation>
    </message>
    <message>
        <source>%1 is not a site of the directory.</source>
        <translation>%1 không phải là điểm cầu trong danh bạ.</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; already has a call.</source>
        <translation>Điểm cầu &quot;%1&quot; đang có cuộc gọi.</translation>
    </message>
    <message>
        <source>The offer of &quot;%1&quot; is not valid SDP: %2</source>
        <translation>Đề nghị của &quot;%1&quot; không phải SDP hợp lệ: %2</translation>
    </message>
    <message>
        <source>No media ports for a call: %1</source>
        <translation>Không có cổng truyền thông cho cuộc gọi: %1</translation>
    </message>
    <message>
        <source>The call of &quot;%1&quot; offers nothing the console speaks: %2</source>
        <translation>Cuộc gọi của &quot;%1&quot; không đề nghị mã hóa nào máy điều khiển hỗ trợ: %2</translation>
    </message>
    <message>
        <source>A new offer was refused: %1</source>
        <translation>Đề nghị mới bị từ chối: %1</translation>
    </message>
    <message>
        <source>The call&apos;s media could not start: %1</source>
        <translation>Không khởi động được truyền thông của cuộc gọi: %1</translation>
    </message>
    <message>
        <source>Site %1 has no call.</source>
        <translation>Điểm cầu %1 không có cuộc gọi.</translation>
    </message>
    <message>
        <source>No media from the far end.</source>
        <translation>Không nhận được âm thanh, hình ảnh từ đầu xa.</translation>
    </message>
    <message>
        <source>SIP is off: the port %1 is in use by another program.</source>
        <translation>SIP đang tắt: cổng %1 đang được chương trình khác sử dụng.</translation>
    </message>
    <message>
        <source>SIP is off: %1 is not an address of this machine.</source>
        <translation>SIP đang tắt: %1 không phải địa chỉ của máy này.</translation>
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
        <translation>Thiết bị phòng họp gọi tới máy điều khiển tại %1; máy điều khiển cũng gọi đi từ địa chỉ này.</translation>
    </message>
    <message>
        <source>SIP off</source>
        <translation>SIP tắt</translation>
    </message>
    <message>
        <source>SIP does not listen at %1: %2</source>
        <translation>SIP không nhận cuộc gọi tại %1: %2</translation>
    </message>
    <message>
        <source>the reason is not known</source>
        <translation>không rõ lý do</translation>
    </message>
</context>
<context>
    <name>hntt::ui::SiteDialog</name>
    <message>
        <source>Site: %1</source>
        <translation>Điểm cầu: %1</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Where the site&apos;s picture and sound come from (RTSP, SRT, RTMP, HLS); empty: none, or by its SIP call</source>
        <translation>Nơi lấy hình ảnh và âm thanh của điểm cầu (RTSP, SRT, RTMP, HLS); để trống: không có, hoặc lấy qua cuộc gọi SIP</translation>
    </message>
    <message>
        <source>Where the program goes back to the site, with its own mix-minus; empty: none</source>
        <translation>Nơi gửi chương trình về điểm cầu, với âm thanh trừ tiếng của chính điểm cầu; để trống: không gửi</translation>
    </message>
    <message>
        <source>The room system&apos;s SIP address: the console calls it there, and a call from it joins as this site; empty: not a SIP site</source>
        <translation>Địa chỉ SIP của thiết bị phòng họp: máy điều khiển gọi tới địa chỉ này, và cuộc gọi từ địa chỉ này vào với tư cách điểm cầu này; để trống: không phải điểm cầu SIP</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Source address:</source>
        <translation>Địa chỉ nguồn:</translation>
    </message>
    <message>
        <source>Return feed address:</source>
        <translation>Địa chỉ tín hiệu trả về:</translation>
    </message>
    <message>
        <source>SIP address:</source>
        <translation>Địa chỉ SIP:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The site no longer exists.</source>
        <translation>Điểm cầu không còn tồn tại.</translation>
    </message>
</context>
<context>
    <name>JoinLinks</name>
    <message>
        <source>reading the join link of site %1</source>
        <translation>đọc đường dẫn tham gia của điểm cầu %1</translation>
    </message>
    <message>
        <source>storing the join link of site %1</source>
        <translation>lưu đường dẫn tham gia của điểm cầu %1</translation>
    </message>
    <message>
        <source>This join link is not valid.</source>
        <translation>Đường dẫn tham gia này không hợp lệ.</translation>
    </message>
    <message>
        <source>reading a join link</source>
        <translation>đọc một đường dẫn tham gia</translation>
    </message>
</context>
<context>
    <name>hntt::core::BrowserCalls</name>
    <message>
        <source>The WebRTC server (Janus) does not answer: %1</source>
        <translation>Máy chủ WebRTC (Janus) không phản hồi: %1</translation>
    </message>
    <message>
        <source>Connecting to the WebRTC server (Janus) at %1…</source>
        <translation>Đang kết nối tới máy chủ WebRTC (Janus) tại %1…</translation>
    </message>
    <message>
        <source>The WebRTC server (Janus) stopped; restarting it in %1 s. %2</source>
        <translation>Máy chủ WebRTC (Janus) đã dừng; sẽ khởi động lại sau %1 giây. %2</translation>
    </message>
    <message>
        <source>The WebRTC server (Janus) stopped.</source>
        <translation>Máy chủ WebRTC (Janus) đã dừng.</translation>
    </message>
    <message>
        <source>Starting the WebRTC server (Janus)…</source>
        <translation>Đang khởi động máy chủ WebRTC (Janus)…</translation>
    </message>
    <message>
        <source>The console stopped.</source>
        <translation>Bàn điều khiển đã dừng.</translation>
    </message>
    <message>
        <source>Browser sites are off on this console.</source>
        <translation>Điểm cầu dùng trình duyệt đang tắt trên bàn điều khiển này.</translation>
    </message>
    <message>
        <source>The browser joined again.</source>
        <translation>Trình duyệt đã tham gia lại.</translation>
    </message>
    <message>
        <source>Another browser joined with this site&apos;s link.</source>
        <translation>Một trình duyệt khác đã tham gia bằng đường dẫn của điểm cầu này.</translation>
    </message>
    <message>
        <source>No media ports for the browser: %1</source>
        <translation>Không còn cổng truyền dẫn cho trình duyệt: %1</translation>
    </message>
    <message>
        <source>The browser&apos;s call ended.</source>
        <translation>Kết nối của trình duyệt đã kết thúc.</translation>
    </message>
    <message>
        <source>The WebRTC server&apos;s offer is not valid SDP: %1</source>
        <translation>Đề nghị của máy chủ WebRTC không phải SDP hợp lệ: %1</translation>
    </message>
    <message>
        <source>The browser offers nothing the console speaks: %1</source>
        <translation>Trình duyệt không đề nghị định dạng nào bàn điều khiển hỗ trợ: %1</translation>
    </message>
    <message>
        <source>The call&apos;s media could not start: %1</source>
        <translation>Không bắt đầu truyền hình ảnh và âm thanh được: %1</translation>
    </message>
    <message>
        <source>The browser&apos;s connection closed.</source>
        <translation>Kết nối của trình duyệt đã đóng.</translation>
    </message>
    <message>
        <source>The browser&apos;s connection closed (%1).</source>
        <translation>Kết nối của trình duyệt đã đóng (%1).</translation>
    </message>
    <message>
        <source>The browser left the meeting.</source>
        <translation>Trình duyệt đã rời cuộc họp.</translation>
    </message>
    <message>
        <source>Site %1 has no call.</source>
        <translation>Điểm cầu %1 không có cuộc gọi.</translation>
    </message>
    <message>
        <source>The operator ended the call.</source>
        <translation>Người điều hành đã kết thúc kết nối.</translation>
    </message>
    <message>
        <source>The site was removed.</source>
        <translation>Điểm cầu đã bị xóa.</translation>
    </message>
    <message>
        <source>No media from the browser.</source>
        <translation>Không nhận được hình ảnh và âm thanh từ trình duyệt.</translation>
    </message>
</context>
<context>
    <name>hntt::core::JanusProcess</name>
    <message>
        <source>Janus could not start: %1</source>
        <translation>Không khởi động được Janus: %1</translation>
    </message>
    <message>
        <source>Janus is not installed (Debian package &quot;janus&quot;): browser sites are off.</source>
        <translation>Chưa cài Janus (gói Debian &quot;janus&quot;): điểm cầu dùng trình duyệt đang tắt.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for Janus.</source>
        <translation>Không tạo được thư mục %1 cho Janus.</translation>
    </message>
    <message>
        <source>No free port for Janus&apos;s API.</source>
        <translation>Không còn cổng trống cho API của Janus.</translation>
    </message>
    <message>
        <source>Janus stopped (exit code %1).</source>
        <translation>Janus đã dừng (mã thoát %1).</translation>
    </message>
    <message>
        <source>Janus stopped (exit code %1): %2</source>
        <translation>Janus đã dừng (mã thoát %1): %2</translation>
    </message>
</context>
<context>
    <name>hntt::web::JoinService</name>
    <message>
        <source>The join page has no certificate: %1</source>
        <translation>Trang tham gia không có chứng thư số: %1</translation>
    </message>
    <message>
        <source>The join page cannot listen on %1:%2: %3</source>
        <translation>Trang tham gia không lắng nghe được trên %1:%2: %3</translation>
    </message>
    <message>
        <source>HNTT Console: open the join link the province&apos;s control centre gave your site.</source>
        <translation>HNTT Console: hãy mở đường dẫn tham gia mà trung tâm điều hành của tỉnh đã gửi cho điểm cầu của bạn.</translation>
    </message>
    <message>
        <source>Provincial video-conference control centre</source>
        <translation>Trung tâm hội nghị truyền hình trực tuyến tỉnh</translation>
    </message>
</context>
<context>
    <name>hntt::ui::JoinLinkDialog</name>
    <message>
        <source>Join link: %1</source>
        <translation>Đường dẫn tham gia: %1</translation>
    </message>
    <message>
        <source>The commune opens this link in Chromium or Chrome and is in the meeting. Send it through the province&apos;s own channel: anyone with the link joins as this site.</source>
        <translation>Xã mở đường dẫn này bằng Chromium hoặc Chrome là vào cuộc họp. Hãy gửi qua kênh chính thức của tỉnh: bất kỳ ai có đường dẫn đều tham gia được với tư cách điểm cầu này.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Scan with the commune PC&apos;s phone or tablet to open the link</source>
        <translation>Quét bằng điện thoại hoặc máy tính bảng để mở đường dẫn</translation>
    </message>
    <message>
        <source>The page&apos;s certificate (for the province&apos;s IT to install on commune PCs): %1
SHA-256 %2</source>
        <translation>Chứng thư số của trang (để bộ phận CNTT của tỉnh cài lên máy tính của xã): %1
SHA-256 %2</translation>
    </message>
    <message>
        <source>&amp;New link…</source>
        <translation>Đường dẫn &amp;mới…</translation>
    </message>
    <message>
        <source>Make a new link for this site: the old one stops working at once</source>
        <translation>Tạo đường dẫn mới cho điểm cầu này: đường dẫn cũ hết hiệu lực ngay</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
    <message>
        <source>New join link</source>
        <translation>Đường dẫn tham gia mới</translation>
    </message>
    <message>
        <source>The old link stops working at once, and a browser in the meeting with it leaves. Make a new link?</source>
        <translation>Đường dẫn cũ sẽ hết hiệu lực ngay, và trình duyệt đang họp bằng đường dẫn đó sẽ rời cuộc họp. Tạo đường dẫn mới?</translation>
    </message>
</context>
<context>
    <name>SourcePolicy</name>
    <message>
        <source>File sources are not allowed on this console (no media folder is set).</source>
        <translation>Bàn điều khiển này không cho phép nguồn từ tệp (chưa đặt thư mục media).</translation>
    </message>
    <message>
        <source>A file source needs its full path inside the media folder %1.</source>
        <translation>Nguồn từ tệp cần đường dẫn đầy đủ nằm trong thư mục media %1.</translation>
    </message>
    <message>
        <source>A file source must be a file inside the media folder %1.</source>
        <translation>Nguồn từ tệp phải là một tệp nằm trong thư mục media %1.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 không phải là tệp thông thường.</translation>
    </message>
    <message>
        <source>A source URL cannot hold control characters.</source>
        <translation>Địa chỉ nguồn không được chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>Sources come over srt://, rtsp://, rtmp://, udp:// or rtp://, from a file in the media folder, or from test://; &apos;%1:&apos; is not allowed.</source>
        <translation>Nguồn phải đến qua srt://, rtsp://, rtmp://, udp:// hoặc rtp://, từ một tệp trong thư mục media, hoặc từ test://; không cho phép &apos;%1:&apos;.</translation>
    </message>
    <message>
        <source>The source URL names no host: %1</source>
        <translation>Địa chỉ nguồn không có tên máy: %1</translation>
    </message>
    <message>
        <source>The source %1 points at this machine itself; sources from this machine are allowed only when the operator allows local sources.</source>
        <translation>Nguồn %1 trỏ về chính máy này; chỉ được lấy nguồn từ máy này khi người vận hành cho phép nguồn cục bộ.</translation>
    </message>
</context>
<context>
    <name>hntt::ui::LoadOffer</name>
    <message>
        <source>Light load</source>
        <translation>Tải nhẹ</translation>
    </message>
    <message>
        <source>The lighter load is on: the multiview refreshes five times a second, sites off the air show a picture a second. Click for the normal load.</source>
        <translation>Đang bật tải nhẹ: màn hình đa điểm làm mới năm lần mỗi giây, các điểm cầu không lên sóng hiện một hình mỗi giây. Bấm để về tải bình thường.</translation>
    </message>
    <message>
        <source>Lower the load</source>
        <translation>Giảm tải</translation>
    </message>
    <message>
        <source>The program is not keeping time. Click for the lighter load: the multiview refreshes five times a second and sites off the air show a picture a second; program, recording and streams stay as they are.</source>
        <translation>Chương trình không giữ được nhịp. Bấm để bật tải nhẹ: màn hình đa điểm làm mới năm lần mỗi giây và các điểm cầu không lên sóng hiện một hình mỗi giây; chương trình, bản ghi và luồng phát giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>The meeting “%1” is in progress: every site loses the program and its return feed.</source>
        <translation>Cuộc họp “%1” đang diễn ra: mọi điểm cầu sẽ mất hình chương trình và tín hiệu trả về.</translation>
    </message>
    <message>
        <source>A recording is running: it will be stopped and its file finished.</source>
        <translation>Đang ghi hình: bản ghi sẽ được dừng và hoàn tất tệp.</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) or check(s) running: cancelled, leaving nothing half-written.</source>
        <translation>
            <numerusform>%n tác vụ xuất hoặc kiểm tra đang chạy: sẽ bị hủy, không để lại tệp dở dang.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the console?</source>
        <translation>Đóng bàn điều khiển?</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Đóng bàn điều khiển</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Tiếp tục làm việc</translation>
    </message>
</context>
<context>
    <name>TrustList</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>No certificate with the fingerprint %1 is trusted.</source>
        <translation>Không có chứng thư nào có dấu vân tay %1 trong danh sách tin cậy.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Không xóa được %1.</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message>
        <source>The archive has been changed since it was made: %1.</source>
        <translation>Hồ sơ đã bị thay đổi sau khi lập: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The archive has been changed since it was made: %1, and %n other difference(s).</source>
        <translation>
            <numerusform>Hồ sơ đã bị thay đổi sau khi lập: %1, và %n chỗ khác biệt khác.</numerusform>
        </translation>
    </message>
    <message>
        <source>The files match the manifest, but the archive is not signed: this proves nothing against deliberate changes.</source>
        <translation>Các tệp khớp với bản kê, nhưng hồ sơ không được ký số: điều này không chứng minh được hồ sơ không bị cố ý sửa đổi.</translation>
    </message>
    <message>
        <source>The signature is valid but its certificate is NOT trusted: %1 (SHA-256 %2). Do not rely on this archive until that certificate is confirmed as its signer&apos;s.</source>
        <translation>Chữ ký hợp lệ nhưng của một chứng thư KHÔNG được tin cậy: %1 (SHA-256 %2). Đừng dựa vào hồ sơ này cho đến khi xác nhận được chứng thư đó đúng là của người ký.</translation>
    </message>
    <message>
        <source>The archive has not been changed and is signed by %1, a trusted certificate.</source>
        <translation>Hồ sơ không bị sửa và được ký bởi %1, chứng thư đã tin cậy.</translation>
    </message>
</context>
<context>
    <name>ArchiveSettingsText</name>
    <message>
        <source>Archives cannot be written to %1: %2</source>
        <translation>Không ghi được hồ sơ lưu trữ vào %1: %2</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created here.</source>
        <translation>Không tạo được thư mục %1 ở đây.</translation>
    </message>
    <message>
        <source>The archives folder must be a full path, such as /media/usb/luu-tru.</source>
        <translation>Thư mục lưu trữ phải là đường dẫn đầy đủ, ví dụ /media/usb/luu-tru.</translation>
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
        <translation>%1 (chứng thư ký số của bàn điều khiển này)
SHA-256 %2</translation>
    </message>
    <message>
        <source>Archives are signed by %1 (certificate SHA-256 %2).</source>
        <translation>Hồ sơ được ký bởi %1 (chứng thư SHA-256 %2).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Chứng thư (*.pem *.crt *.cer);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose a certificate to trust</source>
        <translation>Chọn chứng thư để tin cậy</translation>
    </message>
    <message>
        <source>Stop trusting</source>
        <translation>Thôi tin cậy</translation>
    </message>
    <message>
        <source>Trust a certificate…</source>
        <translation>Tin cậy một chứng thư…</translation>
    </message>
    <message>
        <source>A checked archive is green only when it is signed by one of these certificates (or one they issued). This console&apos;s own signing certificate is always trusted.</source>
        <translation>Hồ sơ được kiểm tra chỉ hiện màu xanh khi được ký bởi một trong các chứng thư này (hoặc chứng thư do chúng cấp). Chứng thư ký số của chính bàn điều khiển này luôn được tin cậy.</translation>
    </message>
    <message>
        <source>Trusted signers</source>
        <translation>Người ký được tin cậy</translation>
    </message>
    <message>
        <source>Archives are signed with this certificate.</source>
        <translation>Hồ sơ được ký số bằng chứng thư này.</translation>
    </message>
    <message>
        <source>Archives are not signed. Leave both empty to keep it so.</source>
        <translation>Hồ sơ không được ký số. Để trống cả hai ô để giữ như vậy.</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>Chọn khóa bí mật</translation>
    </message>
    <message>
        <source>Private key (PEM):</source>
        <translation>Khóa bí mật (PEM):</translation>
    </message>
    <message>
        <source>Choose the signing certificate</source>
        <translation>Chọn chứng thư ký số</translation>
    </message>
    <message>
        <source>Certificate (PEM):</source>
        <translation>Chứng thư (PEM):</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <source>A USB drive or a network share is fine; the console checks that it can write there.</source>
        <translation>Có thể dùng ổ USB hoặc thư mục dùng chung trên mạng; bàn điều khiển kiểm tra rằng nó ghi được vào đó.</translation>
    </message>
    <message>
        <source>Choose the archives folder</source>
        <translation>Chọn thư mục lưu hồ sơ</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Where archives go</source>
        <translation>Nơi lưu hồ sơ</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Archive settings</source>
        <translation>Cài đặt lưu trữ</translation>
    </message>
</context>
<context>
    <name>RecordingFiles</name>
    <message>
        <source>%1 is not this recording&apos;s file: it holds %2 bytes, the recording %3.</source>
        <translation>%1 không phải tệp của bản ghi này: tệp có %2 byte, bản ghi có %3 byte.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 không phải là một tệp thông thường.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Không có tệp %1.</translation>
    </message>
    <message>
        <source>Give the full path of the moved file.</source>
        <translation>Hãy nhập đường dẫn đầy đủ của tệp đã chuyển đi.</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>Không xóa được %1: %2</translation>
    </message>
    <message>
        <source>The file %1 is no longer in the trash.</source>
        <translation>Tệp %1 không còn trong thùng rác.</translation>
    </message>
    <message>
        <source>%1 exists now; move it away first, then restore the recording.</source>
        <translation>%1 hiện đã có; hãy chuyển tệp đó đi trước rồi khôi phục bản ghi.</translation>
    </message>
    <message>
        <source>Cannot create the trash folder %1.</source>
        <translation>Không tạo được thư mục thùng rác %1.</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2: %3</source>
        <translation>Không chuyển được %1 sang %2: %3</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 đã tồn tại.</translation>
    </message>
    <message>
        <source>The file already has this name.</source>
        <translation>Tệp đã có tên này.</translation>
    </message>
    <message>
        <source>The file name holds a control character.</source>
        <translation>Tên tệp chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>The file name is longer than %1 characters.</source>
        <translation>Tên tệp dài quá %1 ký tự.</translation>
    </message>
    <message>
        <source>A file name cannot start with a dot (such files are hidden).</source>
        <translation>Tên tệp không được bắt đầu bằng dấu chấm (tệp như vậy bị ẩn).</translation>
    </message>
    <message>
        <source>Give a file name, not a path: the file stays in its folder.</source>
        <translation>Hãy nhập tên tệp, không nhập đường dẫn: tệp vẫn ở thư mục của nó.</translation>
    </message>
    <message>
        <source>The new file name is empty.</source>
        <translation>Tên tệp mới đang để trống.</translation>
    </message>
</context>
<context>
    <name>SystemError</name>
    <message>
        <source>Broken pipe</source>
        <translation>Đường truyền dữ liệu bị đứt</translation>
    </message>
    <message>
        <source>Connection reset by the other side</source>
        <translation>Phía bên kia đã ngắt kết nối</translation>
    </message>
    <message>
        <source>The network is unreachable</source>
        <translation>Không tới được mạng</translation>
    </message>
    <message>
        <source>No route to the host</source>
        <translation>Không có đường tới máy đích</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Kết nối bị từ chối</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>Hết thời gian chờ kết nối</translation>
    </message>
    <message>
        <source>The network share is no longer available</source>
        <translation>Thư mục dùng chung trên mạng không còn truy cập được</translation>
    </message>
    <message>
        <source>No such device</source>
        <translation>Không có thiết bị này</translation>
    </message>
    <message>
        <source>No such device or address</source>
        <translation>Không có thiết bị hoặc địa chỉ này</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>Tham số không hợp lệ</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>Hết bộ nhớ</translation>
    </message>
    <message>
        <source>File too large for this disk</source>
        <translation>Tệp quá lớn đối với ổ đĩa này</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>Quá nhiều tầng liên kết tượng trưng</translation>
    </message>
    <message>
        <source>The folder is not empty</source>
        <translation>Thư mục không trống</translation>
    </message>
    <message>
        <source>The file is in use</source>
        <translation>Tệp đang được sử dụng</translation>
    </message>
    <message>
        <source>The device is busy</source>
        <translation>Thiết bị đang bận</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Mở quá nhiều tệp</translation>
    </message>
    <message>
        <source>Too many open files in the system</source>
        <translation>Hệ thống mở quá nhiều tệp</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>Tên tệp quá dài</translation>
    </message>
    <message>
        <source>Cannot move across disks</source>
        <translation>Không chuyển được sang ổ đĩa khác</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>Vượt quá hạn mức dung lượng</translation>
    </message>
    <message>
        <source>Is a folder</source>
        <translation>Đây là thư mục</translation>
    </message>
    <message>
        <source>Not a folder</source>
        <translation>Không phải thư mục</translation>
    </message>
    <message>
        <source>Input/output error (the disk or the drive failed)</source>
        <translation>Lỗi đọc/ghi (ổ đĩa hoặc thiết bị bị hỏng)</translation>
    </message>
    <message>
        <source>The disk is read-only</source>
        <translation>Ổ đĩa chỉ đọc, không ghi được</translation>
    </message>
    <message>
        <source>No space left on the disk</source>
        <translation>Ổ đĩa đã hết chỗ trống</translation>
    </message>
    <message>
        <source>The file exists already</source>
        <translation>Tệp đã tồn tại</translation>
    </message>
    <message>
        <source>No such file or folder</source>
        <translation>Không có tệp hoặc thư mục này</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Thao tác không được phép</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Không có quyền truy cập</translation>
    </message>
</context>
<context>
    <name>hntt::ui::RecordingEditDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>The file is missing: point the recording at the moved file first.</source>
        <translation>Tệp không còn ở chỗ cũ: hãy chỉ bản ghi tới tệp đã chuyển đi trước.</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>Trong %1</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Cuộc họp:</translation>
    </message>
    <message>
        <source>Meeting %1</source>
        <translation>Cuộc họp %1</translation>
    </message>
    <message>
        <source>No meeting</source>
        <translation>Không thuộc cuộc họp nào</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tiêu đề:</translation>
    </message>
    <message>
        <source>Recording details</source>
        <translation>Thông tin bản ghi</translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Thời gian (%1)</translation>
    </message>
</context>
<context>
    <name>EngineReason</name>
    <message>
        <source>Unsupported URL scheme: %1</source>
        <translation>Không hỗ trợ giao thức địa chỉ: %1</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Mất kết nối: %1</translation>
    </message>
    <message>
        <source>Connection closed by the sender</source>
        <translation>Bên gửi đã đóng kết nối</translation>
    </message>
    <message>
        <source>No answer within %1 s</source>
        <translation>Không có phản hồi trong %1 giây</translation>
    </message>
    <message>
        <source>No media for %1 s</source>
        <translation>Không nhận được tín hiệu trong %1 giây</translation>
    </message>
</context>
<context>
    <name>MeetingNotice</name>
    <message>
        <source>The control centre calls your room system (%1) when the meeting starts; keep it switched on and free.</source>
        <translation>Trung tâm sẽ gọi tới thiết bị hội nghị của điểm cầu (%1) khi bắt đầu họp; đề nghị bật sẵn thiết bị và không dùng vào việc khác.</translation>
    </message>
    <message>
        <source>Send your picture and sound to the control centre as set up for your site; the meeting comes back to you on your return feed.</source>
        <translation>Gửi tín hiệu hình ảnh, âm thanh về Trung tâm theo cấu hình của điểm cầu; tín hiệu cuộc họp được truyền về điểm cầu qua đường truyền chiều về.</translation>
    </message>
    <message>
        <source>Open %1 in Chrome or Firefox on the hall&apos;s computer, allow the camera and the microphone, and press “Join the meeting”.</source>
        <translation>Mở đường dẫn %1 bằng Chrome hoặc Firefox trên máy tính của hội trường, cho phép dùng camera và micro, rồi bấm “Tham gia cuộc họp”.</translation>
    </message>
    <message>
        <source>Ask the control centre for your site&apos;s join link.</source>
        <translation>Liên hệ Trung tâm để nhận đường dẫn tham gia của điểm cầu.</translation>
    </message>
    <message>
        <source>[URGENT] </source>
        <translation>[KHẨN] </translation>
    </message>
    <message>
        <source>[CANCELLED] </source>
        <translation>[ĐÃ HỦY] </translation>
    </message>
    <message>
        <source>This meeting is cancelled.</source>
        <translation>Cuộc họp đã bị hủy.</translation>
    </message>
    <message>
        <source>This meeting is cancelled: %1</source>
        <translation>Cuộc họp đã bị hủy: %1</translation>
    </message>
    <message>
        <source>This is an emergency meeting.</source>
        <translation>Đây là cuộc họp khẩn.</translation>
    </message>
    <message>
        <source>Convened by: %1</source>
        <translation>Đơn vị chủ trì: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Nội dung: %1</translation>
    </message>
    <message>
        <source>Time: %1 to %2, %3 (%4)</source>
        <translation>Thời gian: từ %1 đến %2, %3 (%4)</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>Phòng họp: %1</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Điểm cầu: %1</translation>
    </message>
    <message>
        <source>How to join: %1</source>
        <translation>Cách tham gia: %1</translation>
    </message>
    <message>
        <source>Please connect and check your picture and sound 30 minutes before the start.</source>
        <translation>Đề nghị điểm cầu kết nối, kiểm tra hình ảnh và âm thanh trước giờ họp 30 phút.</translation>
    </message>
    <message>
        <source>Site %1 does not take part in meeting %2.</source>
        <translation>Điểm cầu %1 không tham dự cuộc họp %2.</translation>
    </message>
</context>
</TS>