<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>App</name>
    <message>
        <source>Restore the newest backup ({name})? The damaged file is kept aside.</source>
        <extracomment>The lock of one window per user and database, moved when the wizard picks a server.</extracomment>
        <translation>Khôi phục bản sao lưu mới nhất ({name})? Tệp bị hỏng được giữ lại riêng.</translation>
    </message>
    <message>
        <source>Connecting to the database server {server}…</source>
        <translation>Đang kết nối tới máy chủ cơ sở dữ liệu {server}…</translation>
    </message>
    <message>
        <source>Nothing on this computer was changed. When the server is back, choose Retry. If the city moved its database, the IT staff choose the new server with: tdcs database --use URL</source>
        <translation>Không có gì trên máy tính này bị thay đổi. Khi máy chủ hoạt động lại, hãy chọn Thử lại. Nếu Thành phố đã chuyển cơ sở dữ liệu sang máy chủ khác, cán bộ tin học chọn máy chủ mới bằng lệnh: tdcs database --use URL</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>TDCS is already open on this database.</source>
        <translation>TDCS đang mở trên cơ sở dữ liệu này.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>CityPage</name>
    <message>
        <source>The city office</source>
        <translation>Văn phòng thành phố</translation>
    </message>
    <message>
        <source>The name used on the city&apos;s reports.</source>
        <translation>Tên cơ quan ghi trên các báo cáo của thành phố.</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên cơ quan</translation>
    </message>
    <message>
        <source>Join the city office</source>
        <translation>Dùng chung văn phòng Thành phố</translation>
    </message>
    <message>
        <source>The server already holds the city office: this computer joins it and works on the same data. Nothing there is changed.</source>
        <translation>Máy chủ đã có văn phòng Thành phố: máy tính này dùng chung và làm việc trên cùng dữ liệu. Không có gì trên đó bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>CommunePage</name>
    <message>
        <source>Your commune or ward</source>
        <translation>Xã, phường của anh/chị</translation>
    </message>
    <message>
        <source>Find it by name or code; accents are not needed.</source>
        <translation>Tìm theo tên hoặc mã; gõ không dấu cũng được.</translation>
    </message>
    <message>
        <source>Search, e.g. cai khe</source>
        <translation>Tìm, ví dụ: cai khe</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên cơ quan</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>TDCS has met an unexpected error</source>
        <translation>TDCS gặp lỗi không mong đợi</translation>
    </message>
    <message>
        <source>Something went wrong inside TDCS. Your saved data is safe, and what you were typing is still in its window: check it and save again.

Please copy the details below and send them to the person who supports TDCS.</source>
        <translation>Đã có lỗi bên trong TDCS. Dữ liệu đã lưu vẫn an toàn, nội dung đang nhập vẫn còn trong cửa sổ: hãy kiểm tra và lưu lại.

Vui lòng sao chép thông tin chi tiết bên dưới và gửi cho người hỗ trợ TDCS.</translation>
    </message>
    <message>
        <source>The details are also in the log file: {path}</source>
        <translation>Thông tin chi tiết cũng được ghi trong tệp nhật ký: {path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Where the city&apos;s data is kept</source>
        <translation>Nơi lưu dữ liệu của Thành phố</translation>
    </message>
    <message>
        <source>One computer, or several staff working on the same data?</source>
        <translation>Một máy tính, hay nhiều cán bộ cùng làm việc trên một dữ liệu?</translation>
    </message>
    <message>
        <source>On this computer (SQLite file)</source>
        <translation>Trên máy tính này (tệp SQLite)</translation>
    </message>
    <message>
        <source>On a PostgreSQL server shared by several staff</source>
        <translation>Trên máy chủ PostgreSQL dùng chung cho nhiều cán bộ</translation>
    </message>
    <message>
        <source>Only this computer works on the city&apos;s data; nothing to set up.</source>
        <translation>Chỉ máy tính này làm việc với dữ liệu của Thành phố; không cần thiết lập gì thêm.</translation>
    </message>
    <message>
        <source>The city&apos;s IT staff have created a database on the office&apos;s server. The first computer sets the city up there; each further computer joins it.</source>
        <translation>Cán bộ tin học đã tạo một cơ sở dữ liệu trên máy chủ của cơ quan. Máy tính đầu tiên thiết lập Thành phố ở đó; các máy sau dùng chung.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Pick from the calendar</source>
        <extracomment>A count as people type it: digits, grouped by dots or spaces or not at all.</extracomment>
        <translation>Chọn trên lịch</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Exported to {path}</source>
        <translation>Đã xuất ra {path}</translation>
    </message>
    <message>
        <source>Writing the Excel file…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
</context>
<context>
    <name>HamletsPage</name>
    <message>
        <source>Hamlets</source>
        <translation>Ấp / khu vực</translation>
    </message>
    <message>
        <source>One ấp or khu vực per line. You can change the list later in Settings.</source>
        <translation>Mỗi dòng một ấp hoặc khu vực. Có thể sửa danh sách sau trong Cài đặt.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <source>Which record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <source>Change history</source>
        <extracomment>Where the export is proposed (the data folder&apos;s reports).</extracomment>
        <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
        <source>Search the history (accents not needed)</source>
        <translation>Tìm trong lịch sử (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>All kinds of record</source>
        <translation>Tất cả loại dữ liệu</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>{shown} of {total} changes</source>
        <translation>{shown}/{total} thay đổi</translation>
    </message>
</context>
<context>
    <name>Inputs</name>
    <message>
        <source>Type a whole number, e.g. 1.250.</source>
        <translation>Nhập một số nguyên, ví dụ 1.250.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>The list could not be loaded: {error}</source>
        <translation>Không tải được danh sách: {error}</translation>
    </message>
    <message>
        <source>All communes</source>
        <translation>Tất cả xã, phường</translation>
    </message>
    <message>
        <source>Commune / ward</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Search (accents not needed)</source>
        <extracomment>The version the delete left: the undo restores that one, not a later change. Read-only lists (the city&apos;s consolidated views) hide add/edit/delete. False for lists inside a tab, which already names them. Offer quarters and halves in the period filter (False for yearly records). Which reload the rows on their way belong to: an older load that finishes late (the period changed, F5 twice) is dropped. The row to select once the rows are in (kept through a reload; a page sets it in :meth:`open_form` to have the record just added selected). Whether anything was added, changed, deleted or restored here (a dialog&apos;s list tells the page that opened it whether to reload). The page, top to bottom: title, the bar, the period filter, the table, the status. Search, filters and buttons.</extracomment>
        <translation>Tìm kiếm (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Hoàn tác xóa</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>{shown} of {total} rows</source>
        <extracomment>Reloads the list when its records change anywhere (another tab, an import).</extracomment>
        <translation>{shown} / {total} dòng</translation>
    </message>
    <message>
        <source>Total of the rows shown: {amount}</source>
        <translation>Tổng số tiền các dòng đang hiện: {amount}</translation>
    </message>
    <message>
        <source>Delete {what}? You can undo this.</source>
        <translation>Xóa {what}? Có thể hoàn tác.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The page “{page}” has changes that were not saved. {question}</source>
        <translation>Trang “{page}” có thay đổi chưa được lưu. {question}</translation>
    </message>
    <message>
        <source>Data folder: {folder}   ·   {app} {version}</source>
        <extracomment>Ask before closing with unsaved edits: set for the window the application runs; windows made for screenshots and tests close when told to.</extracomment>
        <translation>Thư mục dữ liệu: {folder}   ·   {app} {version}</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Read the data again (F5)</source>
        <translation>Đọc lại số liệu (F5)</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Welcome to TDCS</source>
        <translation>Chào mừng đến với TDCS</translation>
    </message>
    <message>
        <source>Who will use TDCS on this computer?</source>
        <translation>Máy tính này dùng TDCS cho đơn vị nào?</translation>
    </message>
    <message>
        <source>A commune or ward office (xã / phường)</source>
        <translation>Văn phòng xã / phường</translation>
    </message>
    <message>
        <source>The city office (Thành phố Cần Thơ)</source>
        <translation>Văn phòng thành phố (Thành phố Cần Thơ)</translation>
    </message>
    <message>
        <source>Records the commune&apos;s work on the plan, the loans it supervises and its funds, and sends them to the city as a file.</source>
        <translation>Ghi nhận việc thực hiện kế hoạch, các khoản vay xã theo dõi, các quỹ và nguồn vốn, rồi gửi về thành phố bằng tệp.</translation>
    </message>
    <message>
        <source>Imports the files of the 103 communes and wards and makes the city&apos;s reports.</source>
        <translation>Nhận tệp của 103 xã, phường, tổng hợp và lập báo cáo của thành phố.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password of the database server</source>
        <translation>Mật khẩu máy chủ cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Remember it in PostgreSQL&apos;s password file ({path})</source>
        <translation>Ghi nhớ trong tệp mật khẩu của PostgreSQL ({path})</translation>
    </message>
    <message>
        <source>Without the tick the password is kept only until TDCS is closed. TDCS never writes it in its own files.</source>
        <translation>Nếu không đánh dấu, mật khẩu chỉ được giữ đến khi đóng TDCS. TDCS không bao giờ ghi mật khẩu vào tệp của mình.</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <source>All years</source>
        <extracomment>What a row offers the period filter: a date, a reporting period, or a year. Items before the years (&quot;All years&quot;).</extracomment>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <source>Quarter {roman}</source>
        <translation>Quý {roman}</translation>
    </message>
    <message>
        <source>First half</source>
        <translation>6 tháng đầu năm</translation>
    </message>
    <message>
        <source>Second half</source>
        <translation>6 tháng cuối năm</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kỳ:</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Discard the unsaved changes?</source>
        <extracomment>What the form reads its fields into: the input dataclass of the service it saves through.</extracomment>
        <translation>Bỏ các thay đổi chưa lưu?</translation>
    </message>
    <message>
        <source>Not saved: the period is closed. Cancel, or save again to mark the change.</source>
        <translation>Chưa lưu: kỳ này đã khóa sổ. Hủy, hoặc lưu lại để ghi thay đổi kèm dấu sửa sau khóa sổ.</translation>
    </message>
</context>
<context>
    <name>ServerField</name>
    <message>
        <source>Test the connection</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>The address the city&apos;s IT staff give: postgresql://USER@SERVER:PORT/DATABASE. No password in it: TDCS asks for one when the server wants it.</source>
        <translation>Địa chỉ do cán bộ tin học của Thành phố cung cấp: postgresql://NGƯỜI_DÙNG@MÁY_CHỦ:CỔNG/TÊN_CSDL. Không ghi mật khẩu vào đây: TDCS sẽ hỏi khi máy chủ yêu cầu.</translation>
    </message>
    <message>
        <source>The password was taken out of the address: it is used until TDCS is closed and never saved with the address.</source>
        <translation>Mật khẩu đã được bỏ khỏi địa chỉ: nó chỉ được dùng đến khi đóng TDCS và không bao giờ được lưu cùng địa chỉ.</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Đang kết nối máy chủ…</translation>
    </message>
    <message>
        <source>Connected. This database already holds the city office “{office}”: this computer will join it and share its data.</source>
        <translation>Kết nối được. Cơ sở dữ liệu này đã có văn phòng Thành phố “{office}”: máy tính này sẽ dùng chung dữ liệu đó.</translation>
    </message>
    <message>
        <source>Connected. The database holds nothing of TDCS yet: the city office will be set up there.</source>
        <translation>Kết nối được. Cơ sở dữ liệu chưa có dữ liệu của TDCS: văn phòng Thành phố sẽ được thiết lập ở đó.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>TDCS — first-time setup</source>
        <translation>TDCS — thiết lập lần đầu</translation>
    </message>
</context>
</TS>
