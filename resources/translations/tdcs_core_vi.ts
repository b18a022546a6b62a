<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Backups</name>
    <message>
        <source>{path} is not a TDCS database or backup (the file is of another kind).</source>
        <translation>{path} không phải cơ sở dữ liệu hay bản sao lưu của TDCS (đây là loại tệp khác).</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read. Use an older backup.</source>
        <translation>Tệp {path} bị hỏng, không đọc được. Hãy dùng một bản sao lưu cũ hơn.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of TDCS. Install the newest TDCS, then try again.</source>
        <translation>{path} được tạo bởi phiên bản TDCS mới hơn. Hãy cài TDCS bản mới nhất rồi thử lại.</translation>
    </message>
    <message>
        <source>There is no database to back up yet in {path}.</source>
        <translation>Chưa có cơ sở dữ liệu nào để sao lưu trong {path}.</translation>
    </message>
    <message>
        <source>pg_dump could not back up the database on {url}: {reason}</source>
        <translation>pg_dump không sao lưu được cơ sở dữ liệu trên {url}: {reason}</translation>
    </message>
    <message>
        <source>The database is on the PostgreSQL server {url}: backing it up and restoring it need PostgreSQL&apos;s client programs, and {tools} was not found (looked in: {places}). Install PostgreSQL&apos;s client programs of the server&apos;s version or newer — on Windows, the PostgreSQL installer from postgresql.org with its &quot;Command Line Tools&quot; part; on Debian or Ubuntu, apt-get install postgresql-client — or name the folder that holds them in the environment variable {variable}. Nothing was changed.</source>
        <translation>Cơ sở dữ liệu nằm trên máy chủ PostgreSQL {url}: để sao lưu và khôi phục cần các chương trình máy khách của PostgreSQL, nhưng không tìm thấy {tools} (đã tìm trong: {places}). Hãy cài các chương trình máy khách PostgreSQL cùng phiên bản với máy chủ hoặc mới hơn — trên Windows: bộ cài PostgreSQL từ postgresql.org, chọn phần &quot;Command Line Tools&quot;; trên Debian hoặc Ubuntu: apt-get install postgresql-client — hoặc ghi thư mục chứa chúng vào biến môi trường {variable}. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>pg_dump {client} is older than the PostgreSQL server {url} (version {server}) and cannot back it up. Install PostgreSQL&apos;s client programs of version {server} or newer (or name their folder in the environment variable {variable}). No backup was made.</source>
        <translation>pg_dump {client} cũ hơn máy chủ PostgreSQL {url} (phiên bản {server}) nên không sao lưu được. Hãy cài các chương trình máy khách PostgreSQL phiên bản {server} trở lên (hoặc ghi thư mục chứa chúng vào biến môi trường {variable}). Chưa có bản sao lưu nào được tạo.</translation>
    </message>
    <message>
        <source>{path} is a backup of a database kept in a file (SQLite), but this office&apos;s database is on the PostgreSQL server {url}: only a backup of the server database (a .pgdump file) can be restored there. Nothing was changed.</source>
        <translation>{path} là bản sao lưu của cơ sở dữ liệu lưu trong tệp (SQLite), còn cơ sở dữ liệu của đơn vị này nằm trên máy chủ PostgreSQL {url}: chỉ khôi phục được bản sao lưu của cơ sở dữ liệu trên máy chủ (tệp .pgdump). Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>{path} is a backup of a database on a PostgreSQL server (pg_dump), not of a database kept in a file (SQLite): it can only be restored into the city&apos;s database on a server. Nothing was changed.</source>
        <translation>{path} là bản sao lưu của cơ sở dữ liệu trên máy chủ PostgreSQL (pg_dump), không phải của cơ sở dữ liệu lưu trong tệp (SQLite): chỉ khôi phục được vào cơ sở dữ liệu của Thành phố trên máy chủ. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>{path} is damaged or incomplete: pg_restore cannot read it ({reason}). Use another backup. Nothing was changed.</source>
        <translation>{path} bị hỏng hoặc không đầy đủ: pg_restore không đọc được ({reason}). Hãy dùng bản sao lưu khác. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>{path} was written by a newer pg_dump than this computer&apos;s pg_restore can read ({reason}). Install PostgreSQL&apos;s client programs of the server&apos;s version or newer (or name their folder in the environment variable {variable}). Nothing was changed.</source>
        <translation>{path} được tạo bởi pg_dump mới hơn so với pg_restore trên máy tính này ({reason}). Hãy cài các chương trình máy khách PostgreSQL cùng phiên bản với máy chủ hoặc mới hơn (hoặc ghi thư mục chứa chúng vào biến môi trường {variable}). Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>{count} other connection(s) to the database on {url} are open: TDCS on other computers, or other programs. Close TDCS on the other computers first, then restore again. Nothing was changed.</source>
        <translation>Đang có {count} kết nối khác tới cơ sở dữ liệu trên {url}: TDCS trên máy tính khác, hoặc chương trình khác. Hãy đóng TDCS trên các máy tính khác trước rồi khôi phục lại. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The database server {url} cannot be reached: {reason}. Nothing was changed.</source>
        <translation>Không kết nối được máy chủ cơ sở dữ liệu {url}: {reason}. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The current data could not be backed up before the restore, so nothing was restored: {reason}</source>
        <translation>Không sao lưu được dữ liệu hiện tại trước khi khôi phục, nên chưa khôi phục gì: {reason}</translation>
    </message>
    <message>
        <source>The backup {path} could not be restored into {url}: {reason}. The restore is all or nothing: the database was left as it was.</source>
        <translation>Không khôi phục được bản sao lưu {path} vào {url}: {reason}. Việc khôi phục là tất cả hoặc không gì cả: cơ sở dữ liệu vẫn giữ nguyên như trước.</translation>
    </message>
    <message>
        <source>This backup belongs to another office: {backup_office} ({backup_unit}), not to this one ({current_unit}). It was not restored; nothing was changed.</source>
        <translation>Bản sao lưu này thuộc đơn vị khác: {backup_office} ({backup_unit}), không phải của đơn vị này ({current_unit}). Chưa khôi phục, dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>{path} is a TDCS database that was never set up for an office: it holds nothing to restore. Nothing was changed.</source>
        <translation>{path} là cơ sở dữ liệu TDCS chưa từng được thiết lập cho đơn vị nào, không có gì để khôi phục. Dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>{path} is the database TDCS is using now, not a backup. Choose a backup file.</source>
        <translation>{path} là cơ sở dữ liệu TDCS đang dùng, không phải bản sao lưu. Hãy chọn một tệp sao lưu.</translation>
    </message>
    <message>
        <source>{path} is incomplete: it lacks {missing}. It cannot be restored; use another backup. Nothing was changed.</source>
        <translation>{path} không đầy đủ: thiếu {missing}. Không thể khôi phục tệp này; hãy dùng bản sao lưu khác. Dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>{path} has lost its office record (which office it belongs to), and its records belong to {owner}. It cannot be restored; nothing was changed.</source>
        <translation>{path} đã mất thông tin đơn vị (tệp thuộc đơn vị nào), còn các bản ghi trong tệp thuộc {owner}. Không thể khôi phục; dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>{path} names an office that is not a commune or ward of Cần Thơ nor the city office ({unit}). It cannot be restored; nothing was changed.</source>
        <translation>{path} ghi một đơn vị không phải xã, phường của Cần Thơ cũng không phải Thành phố ({unit}). Không thể khôi phục; dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>{path} is the backup of {unit}, but it holds records of {owner}. It cannot be restored; nothing was changed.</source>
        <translation>{path} là bản sao lưu của {unit} nhưng lại chứa bản ghi của {owner}. Không thể khôi phục; dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>The TDCS database ({path}) is damaged: SQLite found damaged pages in it. Nothing more was written to it, and no backup was made of it, so the good backups are kept. Restore the newest good backup (in the window: Cài đặt → Khôi phục từ bản sao lưu…).</source>
        <translation>Cơ sở dữ liệu TDCS ({path}) bị hỏng: SQLite phát hiện các trang dữ liệu bị hỏng. Không ghi thêm gì vào cơ sở dữ liệu này và không sao lưu nó, nên các bản sao lưu tốt vẫn được giữ nguyên. Hãy khôi phục bản sao lưu tốt gần nhất (trong cửa sổ: Cài đặt → Khôi phục từ bản sao lưu…).</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}.</source>
        <translation>Không ghi được bản sao lưu vào {path}: {reason}.</translation>
    </message>
    <message>
        <source>The backup could not be restored: {reason}.</source>
        <translation>Không khôi phục được bản sao lưu: {reason}.</translation>
    </message>
</context>
<context>
    <name>ClosedPeriods</name>
    <message>
        <source>Only the city office closes periods.</source>
        <translation>Chỉ văn phòng thành phố mới khóa sổ các kỳ.</translation>
    </message>
    <message>
        <source>{period} ends on {end}: a period can be closed once it has ended.</source>
        <translation>{period} kết thúc ngày {end}: chỉ khóa sổ được kỳ đã kết thúc.</translation>
    </message>
    <message>
        <source>The day of closing cannot be after today.</source>
        <translation>Ngày khóa sổ không được sau hôm nay.</translation>
    </message>
    <message>
        <source>{period} is already closed (on {closed_on}); change that record.</source>
        <translation>{period} đã khóa sổ (ngày {closed_on}); hãy sửa bản ghi đó.</translation>
    </message>
    <message>
        <source>Choose the quarter (1–4) or the half (1–2); a year has only one period.</source>
        <translation>Chọn quý (1–4) hoặc 6 tháng (1–2); cả năm chỉ có một kỳ.</translation>
    </message>
</context>
<context>
    <name>Closing</name>
    <message>
        <source>{period} was closed by the city on {closed_on}: its figures have been consolidated and reported. The record can still be corrected, but the change will be marked as made after closing and sent to the city with that mark. Save the change?</source>
        <translation>{period} đã được thành phố khóa sổ ngày {closed_on}: số liệu kỳ này đã được tổng hợp và báo cáo. Vẫn có thể sửa bản ghi, nhưng thay đổi sẽ được đánh dấu là sửa sau khóa sổ và gửi về thành phố kèm dấu đó. Lưu thay đổi?</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>This database already holds records. Demo data goes into a new, empty data folder only.</source>
        <translation>Cơ sở dữ liệu này đã có bản ghi. Chỉ tạo dữ liệu mẫu trong một thư mục dữ liệu mới, còn trống.</translation>
    </message>
    <message>
        <source>Unknown scale {scale}: use small, commune or city.</source>
        <translation>Không có quy mô {scale}: hãy dùng small, commune hoặc city.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Record ID</source>
        <extracomment>Column titles for the city&apos;s consolidated views, conflict details and problem lists, by field name; a field added later without a title here shows its name.</extracomment>
        <translation>Mã bản ghi</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức nhận ủy thác</translation>
    </message>
    <message>
        <source>Group leader</source>
        <translation>Tổ trưởng</translation>
    </message>
    <message>
        <source>Founding decision</source>
        <translation>Quyết định thành lập</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Savings group</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Số thành viên</translation>
    </message>
    <message>
        <source>Members&apos; savings</source>
        <translation>Tiền gửi tiết kiệm của tổ viên</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Contract no.</source>
        <translation>Số hợp đồng</translation>
    </message>
    <message>
        <source>Amount disbursed</source>
        <translation>Số tiền giải ngân</translation>
    </message>
    <message>
        <source>Disbursed on</source>
        <translation>Ngày giải ngân</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Ngày đến hạn</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Rate (hundredths of %)</source>
        <translation>Lãi suất (phần trăm của %)</translation>
    </message>
    <message>
        <source>Loan (contract)</source>
        <translation>Khoản vay (hợp đồng)</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Khoanh</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>Chờ xử lý</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Điều chỉnh kỳ hạn</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Xóa nợ</translation>
    </message>
    <message>
        <source>Overdue since</source>
        <translation>Quá hạn từ ngày</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Ngày kiểm tra</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Đơn vị kiểm tra</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>Người kiểm tra</translation>
    </message>
    <message>
        <source>Stated use</source>
        <translation>Mục đích theo phương án</translation>
    </message>
    <message>
        <source>Actual use</source>
        <translation>Sử dụng thực tế</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Action required</source>
        <translation>Biện pháp xử lý</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Ngày kiểm tra lại</translation>
    </message>
    <message>
        <source>Plan task</source>
        <translation>Nhiệm vụ của Kế hoạch</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Sub-task</source>
        <translation>Nhiệm vụ cụ thể</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>Period no.</source>
        <translation>Kỳ số</translation>
    </message>
    <message>
        <source>Done (%)</source>
        <translation>Hoàn thành (%)</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Kết quả thực hiện</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Difficulties</source>
        <translation>Khó khăn</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Kiến nghị</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Ngày báo cáo</translation>
    </message>
    <message>
        <source>Progress record</source>
        <translation>Bản ghi tiến độ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Người, đơn vị đóng góp</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>Loại người đóng góp</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>In kind</source>
        <translation>Hiện vật</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>Số biên lai</translation>
    </message>
    <message>
        <source>Campaign year</source>
        <translation>Năm vận động</translation>
    </message>
    <message>
        <source>Spent on</source>
        <translation>Ngày chi</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Depositor / sponsor</source>
        <translation>Người gửi, nhà tài trợ</translation>
    </message>
    <message>
        <source>Party type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Kỳ hạn (tháng)</translation>
    </message>
    <message>
        <source>Budget level</source>
        <translation>Cấp ngân sách</translation>
    </message>
    <message>
        <source>Transferred on</source>
        <translation>Ngày chuyển</translation>
    </message>
    <message>
        <source>Total capital</source>
        <translation>Tổng nguồn vốn</translation>
    </message>
    <message>
        <source>Entrusted balance</source>
        <translation>Dư vốn ủy thác</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn số liệu</translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation>Số buổi, hội nghị</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>Số lượt người tham dự</translation>
    </message>
    <message>
        <source>Central capital</source>
        <translation>Nguồn vốn Trung ương</translation>
    </message>
    <message>
        <source>Mobilised capital</source>
        <translation>Nguồn vốn huy động</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Ưu điểm</translation>
    </message>
    <message>
        <source>Shortcomings</source>
        <translation>Hạn chế</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <source>Lessons learnt</source>
        <translation>Bài học kinh nghiệm</translation>
    </message>
    <message>
        <source>Directions and tasks for the next year</source>
        <translation>Phương hướng, nhiệm vụ năm sau</translation>
    </message>
    <message>
        <source>Dissemination estimated by the rule</source>
        <translation>Ước tuyên truyền theo quy tắc</translation>
    </message>
    <message>
        <source>Sessions, whole year (estimate)</source>
        <translation>Số buổi, hội nghị cả năm (ước)</translation>
    </message>
    <message>
        <source>People reached, whole year (estimate)</source>
        <translation>Số lượt người tham dự cả năm (ước)</translation>
    </message>
    <message>
        <source>Resources estimated by the rule</source>
        <translation>Ước nguồn lực theo quy tắc</translation>
    </message>
    <message>
        <source>Local budget entrusted, whole year (estimate)</source>
        <translation>Vốn ngân sách địa phương ủy thác cả năm (ước)</translation>
    </message>
    <message>
        <source>Deposits and sponsorship, whole year (estimate)</source>
        <translation>Tiền gửi, tài trợ cả năm (ước)</translation>
    </message>
    <message>
        <source>Fund receipts, whole year (estimate)</source>
        <translation>Thu Quỹ “Vì người nghèo” cả năm (ước)</translation>
    </message>
    <message>
        <source>Lending estimated by the rule</source>
        <translation>Ước cho vay, thu nợ theo quy tắc</translation>
    </message>
    <message>
        <source>Amount lent, whole year (estimate)</source>
        <translation>Doanh số cho vay cả năm (ước)</translation>
    </message>
    <message>
        <source>Households lent to, whole year (estimate)</source>
        <translation>Số hộ được vay vốn cả năm (ước)</translation>
    </message>
    <message>
        <source>Amount repaid, whole year (estimate)</source>
        <translation>Doanh số thu nợ cả năm (ước)</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Loại bản ghi</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Version of the record</source>
        <translation>Phiên bản bản ghi</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Ngày khóa sổ</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>Hạn thực hiện</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>Đã đọc lúc</translation>
    </message>
    <message>
        <source>Read by</source>
        <translation>Người đọc</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Không tìm thấy tệp {path}.</translation>
    </message>
    <message>
        <source>{path} is not an ordinary file (it is a folder, a device or a pipe). Choose a file.</source>
        <translation>{path} không phải là một tệp thông thường (đó là thư mục, thiết bị hoặc đường ống). Hãy chọn một tệp.</translation>
    </message>
    <message>
        <source>Cannot read the file {path}: {reason}.</source>
        <translation>Không đọc được tệp {path}: {reason}.</translation>
    </message>
    <message>
        <source>The file {path} is too large ({size}; at most {limit}). It was not read.</source>
        <translation>Tệp {path} quá lớn ({size}; tối đa {limit}). Tệp không được đọc.</translation>
    </message>
    <message>
        <source>Cannot write the file {path}: {reason}.</source>
        <translation>Không ghi được tệp {path}: {reason}.</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>tệp hoặc thư mục không tồn tại</translation>
    </message>
    <message>
        <source>access is denied (the file may be read-only, open in another program, or in a folder this user may not use)</source>
        <translation>không có quyền truy cập (tệp có thể chỉ cho đọc, đang mở trong chương trình khác, hoặc nằm trong thư mục mà người dùng này không được dùng)</translation>
    </message>
    <message>
        <source>the file is open in another program; close it there and try again</source>
        <translation>tệp đang được mở trong chương trình khác; hãy đóng tệp ở đó rồi thử lại</translation>
    </message>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>đĩa đã đầy; hãy giải phóng bớt dung lượng rồi thử lại</translation>
    </message>
    <message>
        <source>the disk or USB stick is read-only</source>
        <translation>đĩa hoặc USB chỉ cho phép đọc</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>đó là thư mục, không phải tệp</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>một phần của đường dẫn là tệp, không phải thư mục</translation>
    </message>
    <message>
        <source>the name or the path is too long</source>
        <translation>tên hoặc đường dẫn quá dài</translation>
    </message>
    <message>
        <source>the name is not valid</source>
        <translation>tên không hợp lệ</translation>
    </message>
    <message>
        <source>the disk could not be read or written (a damaged disk, or a USB stick removed?)</source>
        <translation>không đọc, ghi được đĩa (đĩa bị hỏng, hoặc USB đã bị rút ra?)</translation>
    </message>
    <message>
        <source>a file of that name already exists</source>
        <translation>đã có một tệp trùng tên</translation>
    </message>
    <message>
        <source>the file is too large for this disk</source>
        <translation>tệp quá lớn đối với ổ đĩa này</translation>
    </message>
    <message>
        <source>too many files are open; close some programs</source>
        <translation>đang mở quá nhiều tệp; hãy đóng bớt một số chương trình</translation>
    </message>
    <message>
        <source>the path has too many links</source>
        <translation>đường dẫn có quá nhiều liên kết</translation>
    </message>
    <message>
        <source>system error {number}</source>
        <translation>lỗi hệ thống số {number}</translation>
    </message>
</context>
<context>
    <name>Issuers</name>
    <message>
        <source>{value} is not a body this office reports for. The choices are: {choices}.</source>
        <extracomment>The Party body every commune&apos;s Đảng ủy stands under since the 2025 reorganisation. How many lines a signer&apos;s title may take (&quot;TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH&quot; is three). The Ban Thường vụ Thành ủy (city only). The positions offered for each body&apos;s signer (documents are Vietnamese whatever the interface language). The office&apos;s own report (the plan, loans): the issuing body chosen in Cài đặt. Quỹ &quot;Vì người nghèo&quot;: the Front&apos;s, unless the commune chooses another body. The city&apos;s yearly report on Directive 39: the Ban Thường vụ Thành ủy.</extracomment>
        <translation>{value} không phải là cơ quan ban hành báo cáo của đơn vị này. Các lựa chọn: {choices}.</translation>
    </message>
    <message>
        <source>The title takes at most {count} lines.</source>
        <translation>Chức vụ ghi tối đa {count} dòng.</translation>
    </message>
    <message>
        <source>Too long: at most {limit} characters.</source>
        <translation>Quá dài: tối đa {limit} ký tự.</translation>
    </message>
    <message>
        <source>The signer&apos;s name for {body} is not set: the document leaves it blank for the name to be written in.</source>
        <translation>Chưa ghi họ tên người ký của {body}: văn bản để trống chỗ ghi họ tên.</translation>
    </message>
    <message>
        <source>The signer&apos;s position for {body} is not set: the document prints “{position}”.</source>
        <translation>Chưa ghi chức vụ người ký của {body}: văn bản in “{position}”.</translation>
    </message>
    <message>
        <source>No signer is set for {body}: the document prints “{position}” and leaves the name blank.</source>
        <translation>Chưa có người ký cho {body}: văn bản in “{position}” và để trống chỗ ghi họ tên.</translation>
    </message>
    <message>
        <source>Set it in Settings, under “Documents and reports”.</source>
        <translation>Ghi ở trang Cài đặt, mục “Văn bản, báo cáo”.</translation>
    </message>
    <message>
        <source>Set it with: tdcs office --signer-for {body_key} --signer-name “…” --signer-title “…” (or in Settings, under “Documents and reports”).</source>
        <translation>Ghi bằng lệnh: tdcs office --signer-for {body_key} --signer-name “…” --signer-title “…” (hoặc ở trang Cài đặt, mục “Văn bản, báo cáo”).</translation>
    </message>
    <message>
        <source>People&apos;s Committee</source>
        <extracomment>The position (&quot;Phó Chủ tịch&quot;), or for an older setting the whole signature title, one line each; empty when not set. Its name: &quot;Đảng ủy phường Cái Khế&quot;, &quot;Thành ủy Cần Thơ&quot;. Who &quot;reports&quot; in the text: &quot;Ban Thường trực Ủy ban Mặt trận … phường Cái Khế&quot;. The superior body printed above it (Party form): &quot;Đảng bộ thành phố Cần Thơ&quot;. The place of the date line: the commune&apos;s name, or &quot;Cần Thơ&quot;. Whether the body is a city body (rather than a commune&apos;s). ``None`` on a copy the city makes from a commune&apos;s data. On such a copy: &quot;Bản do … lập từ số liệu …&quot; (document text: always Vietnamese); empty otherwise.</extracomment>
        <translation>Ủy ban nhân dân</translation>
    </message>
    <message>
        <source>Party Committee</source>
        <translation>Đảng ủy</translation>
    </message>
    <message>
        <source>Fatherland Front Committee</source>
        <translation>Ủy ban Mặt trận Tổ quốc</translation>
    </message>
    <message>
        <source>Standing Committee of the City Party Committee</source>
        <translation>Ban Thường vụ Thành ủy</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Commune / ward office</source>
        <translation>Văn phòng xã / phường</translation>
    </message>
    <message>
        <source>City office</source>
        <translation>Văn phòng thành phố</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <source>Hamlet (ấp)</source>
        <translation>Ấp</translation>
    </message>
    <message>
        <source>Quarter (khu vực)</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Đã sáp nhập</translation>
    </message>
    <message>
        <source>Dissolved</source>
        <translation>Đã giải thể</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Fairly good</source>
        <translation>Khá</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Yếu</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Hộ nghèo</translation>
    </message>
    <message>
        <source>Near-poor</source>
        <translation>Hộ cận nghèo</translation>
    </message>
    <message>
        <source>Recently out of poverty</source>
        <translation>Hộ mới thoát nghèo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>Entrusted organisation</source>
        <translation>Tổ chức nhận ủy thác</translation>
    </message>
    <message>
        <source>Savings-and-loan group</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Bank (VBSP)</source>
        <translation>Ngân hàng CSXH</translation>
    </message>
    <message>
        <source>Commune office</source>
        <translation>UBND xã, phường</translation>
    </message>
    <message>
        <source>Used as intended</source>
        <translation>Đúng mục đích</translation>
    </message>
    <message>
        <source>Partly as intended</source>
        <translation>Đúng mục đích một phần</translation>
    </message>
    <message>
        <source>Not as intended</source>
        <translation>Sai mục đích</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>Chưa sử dụng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa triển khai</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang triển khai</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Ongoing (carried out regularly)</source>
        <translation>Thực hiện thường xuyên</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <source>In kind</source>
        <translation>Hiện vật</translation>
    </message>
    <message>
        <source>Pledged works</source>
        <translation>Công trình</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Tiền gửi</translation>
    </message>
    <message>
        <source>Sponsorship</source>
        <translation>Tài trợ</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>City budget</source>
        <translation>Ngân sách thành phố</translation>
    </message>
    <message>
        <source>Commune budget</source>
        <translation>Ngân sách xã, phường</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Đã tạo</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Thành phố đã nhận</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Keep the city&apos;s copy</source>
        <translation>Giữ bản của thành phố</translation>
    </message>
    <message>
        <source>Take the file&apos;s copy</source>
        <translation>Lấy bản trong tệp</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Đã khôi phục</translation>
    </message>
    <message>
        <source>Mobilisation for the &quot;Vì người nghèo&quot; fund</source>
        <translation>Vận động Quỹ &quot;Vì người nghèo&quot;</translation>
    </message>
    <message>
        <source>Local budget capital to entrust to VBSP</source>
        <translation>Vốn ngân sách địa phương ủy thác qua NHCSXH</translation>
    </message>
    <message>
        <source>Savings-and-loan groups graded good</source>
        <translation>Tổ TK&amp;VV xếp loại tốt</translation>
    </message>
    <message>
        <source>Loans checked for their use</source>
        <translation>Khoản vay được kiểm tra sử dụng vốn</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Only the city office writes notices to communes.</source>
        <extracomment>How many days before its day an open notice is recalled on Tổng quan.</extracomment>
        <translation>Chỉ văn phòng thành phố mới gửi nhắc việc cho các xã, phường.</translation>
    </message>
    <message>
        <source>Choose one of the 103 communes and wards, or every commune.</source>
        <translation>Chọn một trong 103 xã, phường, hoặc tất cả xã, phường.</translation>
    </message>
    <message>
        <source>The day to act by has passed.</source>
        <translation>Hạn thực hiện đã qua.</translation>
    </message>
    <message>
        <source>This notice is no longer in the list.</source>
        <translation>Nhắc việc này không còn trong danh sách.</translation>
    </message>
</context>
<context>
    <name>Office</name>
    <message>
        <source>{code} is not one of the 103 communes and wards of Cần Thơ.</source>
        <translation>{code} không phải là một trong 103 xã, phường của thành phố Cần Thơ.</translation>
    </message>
    <message>
        <source>This data folder is already set up for {unit}. Use another data folder for another unit.</source>
        <translation>Thư mục dữ liệu này đã được thiết lập cho {unit}. Muốn dùng cho đơn vị khác, hãy dùng một thư mục dữ liệu khác.</translation>
    </message>
    <message>
        <source>This data folder is not set up yet. Run the setup first (tdcs init).</source>
        <translation>Thư mục dữ liệu này chưa được thiết lập. Hãy thiết lập trước (tdcs init).</translation>
    </message>
    <message>
        <source>Choose the commune or ward of this office.</source>
        <translation>Hãy chọn xã, phường của cơ quan.</translation>
    </message>
    <message>
        <source>The hamlet {name} is already in the list.</source>
        <translation>{name} đã có trong danh sách.</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>There is no period {kind} {number} of {year}.</source>
        <translation>Không có kỳ {kind} {number} năm {year}.</translation>
    </message>
    <message>
        <source>Quarter {roman}/{year}</source>
        <translation>Quý {roman}/{year}</translation>
    </message>
    <message>
        <source>First half of {year}</source>
        <translation>6 tháng đầu năm {year}</translation>
    </message>
    <message>
        <source>Second half of {year}</source>
        <translation>6 tháng cuối năm {year}</translation>
    </message>
    <message>
        <source>Year {year}</source>
        <translation>Năm {year}</translation>
    </message>
</context>
<context>
    <name>PlanReference</name>
    <message>
        <source>Write the plan&apos;s number as it is registered, for example 215-KH/TU.</source>
        <extracomment>The plan it replaced (its own last paragraph), which dates it after 12/3/2025. Under a table that numbers the tasks as the plan does.</extracomment>
        <translation>Ghi số của Kế hoạch như khi đăng ký, ví dụ 215-KH/TU.</translation>
    </message>
    <message>
        <source>Give both the number and the date of the plan, or leave both empty.</source>
        <translation>Ghi cả số và ngày của Kế hoạch, hoặc để trống cả hai.</translation>
    </message>
    <message>
        <source>The plan replaced Kế hoạch số 386-KH/TU of 12/03/2025, so it is dated after that day.</source>
        <translation>Kế hoạch này thay thế Kế hoạch số 386-KH/TU ngày 12/03/2025 nên được ban hành sau ngày đó.</translation>
    </message>
    <message>
        <source>The plan&apos;s date cannot be after today ({today}).</source>
        <translation>Ngày của Kế hoạch không thể sau ngày hôm nay ({today}).</translation>
    </message>
    <message>
        <source>The number and date of the city&apos;s plan for Directive 39 are not set: documents cite it as “Kế hoạch số …-KH/TU ngày …”.</source>
        <translation>Chưa ghi số và ngày của Kế hoạch thực hiện Chỉ thị 39 của Thành phố: văn bản sẽ ghi “Kế hoạch số …-KH/TU ngày …”.</translation>
    </message>
    <message>
        <source>Set them in Settings, under “Documents and reports”.</source>
        <translation>Ghi ở trang Cài đặt, mục “Văn bản, báo cáo”.</translation>
    </message>
    <message>
        <source>Set them with: tdcs office --plan-number … --plan-date dd/mm/yyyy (or in Settings, under “Documents and reports”).</source>
        <translation>Ghi bằng lệnh: tdcs office --plan-number … --plan-date dd/mm/yyyy (hoặc ở trang Cài đặt, mục “Văn bản, báo cáo”).</translation>
    </message>
</context>
<context>
    <name>Programmes</name>
    <message>
        <source>There is no credit programme {code}.</source>
        <translation>Không có chương trình cho vay {code}.</translation>
    </message>
    <message>
        <source>This programme already has a rate from {day}.</source>
        <translation>Chương trình này đã có lãi suất áp dụng từ ngày {day}.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Đã hủy. Không có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>RecordNames</name>
    <message>
        <source>contract {contract}, {borrower}</source>
        <translation>HĐ {contract}, {borrower}</translation>
    </message>
    <message>
        <source>loan of {borrower}, {date}</source>
        <translation>khoản vay của {borrower}, {date}</translation>
    </message>
    <message>
        <source>opening balance of {year}</source>
        <translation>số dư đầu năm {year}</translation>
    </message>
    <message>
        <source>total capital of {year}</source>
        <translation>tổng nguồn vốn năm {year}</translation>
    </message>
    <message>
        <source>assessment of {year}</source>
        <translation>đánh giá năm {year}</translation>
    </message>
    <message>
        <source>file no. {seq} from {commune}</source>
        <translation>tệp số {seq} của {commune}</translation>
    </message>
    <message>
        <source>{programme}, from {date}</source>
        <translation>{programme}, từ {date}</translation>
    </message>
    <message>
        <source>{commune}, {year}: {kind}</source>
        <translation>{commune}, năm {year}: {kind}</translation>
    </message>
    <message>
        <source>{record} (after {period} was closed)</source>
        <translation>{record} (sau khi {period} đã khóa sổ)</translation>
    </message>
</context>
<context>
    <name>RecordTypes</name>
    <message>
        <source>Hamlets</source>
        <translation>Ấp, khu vực</translation>
    </message>
    <message>
        <source>Savings-and-loan groups</source>
        <translation>Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Group grades</source>
        <translation>Xếp loại Tổ TK&amp;VV</translation>
    </message>
    <message>
        <source>Borrowers</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Loan balances</source>
        <translation>Dư nợ khoản vay</translation>
    </message>
    <message>
        <source>Loan-use checks</source>
        <translation>Kiểm tra sử dụng vốn vay</translation>
    </message>
    <message>
        <source>Organisation grades</source>
        <translation>Xếp loại tổ chức nhận ủy thác</translation>
    </message>
    <message>
        <source>Office sub-tasks</source>
        <translation>Nhiệm vụ cụ thể của đơn vị</translation>
    </message>
    <message>
        <source>Task progress</source>
        <translation>Tiến độ nhiệm vụ</translation>
    </message>
    <message>
        <source>Task documents</source>
        <translation>Văn bản triển khai nhiệm vụ</translation>
    </message>
    <message>
        <source>Fund contributions</source>
        <translation>Đóng góp Quỹ &quot;Vì người nghèo&quot;</translation>
    </message>
    <message>
        <source>Fund spending</source>
        <translation>Chi Quỹ &quot;Vì người nghèo&quot;</translation>
    </message>
    <message>
        <source>Fund opening balances</source>
        <translation>Số dư đầu năm của Quỹ</translation>
    </message>
    <message>
        <source>Deposits and sponsorship</source>
        <translation>Tiền gửi và tài trợ</translation>
    </message>
    <message>
        <source>Entrusted capital transfers</source>
        <translation>Vốn ngân sách ủy thác</translation>
    </message>
    <message>
        <source>Total capital</source>
        <translation>Tổng nguồn vốn</translation>
    </message>
    <message>
        <source>Assessments of the year</source>
        <translation>Đánh giá, phương hướng năm</translation>
    </message>
    <message>
        <source>Sync files received</source>
        <translation>Tệp đồng bộ đã nhận</translation>
    </message>
    <message>
        <source>Programme rates</source>
        <translation>Lãi suất chương trình cho vay</translation>
    </message>
    <message>
        <source>Corrections after closing</source>
        <translation>Sửa sau khóa sổ</translation>
    </message>
    <message>
        <source>Targets assigned by the city</source>
        <translation>Chỉ tiêu thành phố giao</translation>
    </message>
    <message>
        <source>Notices from the city</source>
        <translation>Nhắc việc của thành phố</translation>
    </message>
    <message>
        <source>Closed periods</source>
        <translation>Kỳ đã khóa sổ</translation>
    </message>
    <message>
        <source>Credit programmes</source>
        <translation>Chương trình cho vay</translation>
    </message>
    <message>
        <source>Entrusted organisations</source>
        <translation>Tổ chức nhận ủy thác</translation>
    </message>
    <message>
        <source>Plan tasks</source>
        <translation>Nhiệm vụ của Kế hoạch</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>This record no longer exists.</source>
        <extracomment>Ids per ``IN (...)`` query in bulk updates (well under SQLite&apos;s variable limit).</extracomment>
        <translation>Bản ghi này không còn tồn tại.</translation>
    </message>
    <message>
        <source>This record has been deleted.</source>
        <translation>Bản ghi này đã bị xóa.</translation>
    </message>
    <message>
        <source>This record was changed by someone else after you opened it. Close the form, open the record again and repeat your change.</source>
        <translation>Bản ghi này đã được người khác sửa sau khi anh/chị mở. Hãy đóng biểu mẫu, mở lại bản ghi và sửa lại.</translation>
    </message>
    <message>
        <source>This record belongs to unit {owner} and can only be changed there.</source>
        <translation>Bản ghi này thuộc đơn vị {owner}, chỉ đơn vị đó mới được sửa.</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>The PostgreSQL driver (psycopg) cannot be loaded: {reason}. Reinstall TDCS.</source>
        <translation>Không nạp được trình kết nối PostgreSQL (psycopg): {reason}. Hãy cài đặt lại TDCS.</translation>
    </message>
    <message>
        <source>Cannot reach the database server {url}: {reason}</source>
        <translation>Không kết nối được máy chủ cơ sở dữ liệu {url}: {reason}</translation>
    </message>
    <message>
        <source>The database {url} holds tables but no TDCS schema version: it is not a TDCS database.</source>
        <translation>Cơ sở dữ liệu {url} có các bảng nhưng không có phiên bản lược đồ TDCS: đây không phải cơ sở dữ liệu TDCS.</translation>
    </message>
    <message>
        <source>The database {url} lacks parts of the TDCS schema ({missing}). Ask the server&apos;s administrator to restore the database from its latest backup.</source>
        <translation>Cơ sở dữ liệu {url} thiếu một phần lược đồ TDCS ({missing}). Hãy đề nghị người quản trị máy chủ khôi phục cơ sở dữ liệu từ bản sao lưu gần nhất.</translation>
    </message>
    <message>
        <source>The table {table} of the database {url} cannot be read: {reason}</source>
        <translation>Không đọc được bảng {table} của cơ sở dữ liệu {url}: {reason}</translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <source>Only the city office assigns targets.</source>
        <extracomment>Count targets (groups, loans) are at most this many.</extracomment>
        <translation>Chỉ văn phòng thành phố mới giao chỉ tiêu.</translation>
    </message>
    <message>
        <source>Choose one of the 103 communes and wards.</source>
        <translation>Chọn một trong 103 xã, phường.</translation>
    </message>
    <message>
        <source>{commune} already has this target for {year}; change that one.</source>
        <translation>{commune} đã có chỉ tiêu này cho năm {year}; hãy sửa chỉ tiêu đó.</translation>
    </message>
    <message>
        <source>A whole number from 1 to {limit}.</source>
        <translation>Một số nguyên từ 1 đến {limit}.</translation>
    </message>
    <message>
        <source>đồng</source>
        <translation>đồng</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>tổ</translation>
    </message>
    <message>
        <source>loans</source>
        <translation>khoản vay</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter an amount in đồng, for example 1.500.000 or 1,5 triệu.</source>
        <translation>Nhập số tiền bằng đồng, ví dụ 1.500.000 hoặc 1,5 triệu.</translation>
    </message>
    <message>
        <source>Amounts are whole đồng, without decimals.</source>
        <translation>Số tiền tính bằng đồng, không có phần lẻ.</translation>
    </message>
    <message>
        <source>Enter a date as day/month/year, for example 05/02/2026.</source>
        <translation>Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026.</translation>
    </message>
    <message>
        <source>{date} does not exist: month {month} of {year} has {days} days.</source>
        <translation>Ngày {date} không có: tháng {month} năm {year} có {days} ngày.</translation>
    </message>
    <message>
        <source>There is no month {month}: a month is a number from 1 to 12.</source>
        <translation>Không có tháng {month}: tháng là số từ 1 đến 12.</translation>
    </message>
    <message>
        <source>There is no month {month}: write the day first, then the month. Did you mean {swapped}?</source>
        <translation>Không có tháng {month}: ghi ngày trước, rồi đến tháng. Có phải là ngày {swapped}?</translation>
    </message>
    <message>
        <source>Write the year with four digits, for example {example}.</source>
        <translation>Ghi năm đủ bốn chữ số, ví dụ {example}.</translation>
    </message>
    <message>
        <source>The year is missing: write day/month/year, for example {example}.</source>
        <translation>Thiếu năm: ghi theo dạng ngày/tháng/năm, ví dụ {example}.</translation>
    </message>
    <message>
        <source>Separate the day, the month and the year with /, for example {example}.</source>
        <translation>Ngăn cách ngày, tháng và năm bằng dấu /, ví dụ {example}.</translation>
    </message>
    <message>
        <source>Enter a yearly rate in percent, for example 6,6 or 7,92.</source>
        <extracomment>Years an eight-digit number without separators is read as (to suggest the date meant). Day, month and year apart: &quot;/&quot;, &quot;-&quot; or &quot;.&quot; (spaces around them are forgiven), or spaces.</extracomment>
        <translation>Nhập lãi suất theo %/năm, ví dụ 6,6 hoặc 7,92.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Không được để trống.</translation>
    </message>
    <message>
        <source>Too long: at most {limit} characters.</source>
        <translation>Quá dài: tối đa {limit} ký tự.</translation>
    </message>
    <message>
        <source>A citizen ID has exactly 12 digits (this one has {count}).</source>
        <translation>Số CCCD gồm đúng 12 chữ số (số này có {count}).</translation>
    </message>
    <message>
        <source>A citizen ID contains digits only.</source>
        <translation>Số CCCD chỉ gồm chữ số.</translation>
    </message>
    <message>
        <source>The first three digits ({code}) are not a province code.</source>
        <translation>Ba chữ số đầu ({code}) không phải mã tỉnh.</translation>
    </message>
    <message>
        <source>The citizen ID is for someone born in {id_year}, not {birth_year}.</source>
        <translation>Số CCCD này của người sinh năm {id_year}, không phải {birth_year}.</translation>
    </message>
    <message>
        <source>The citizen ID belongs to a {id_sex}, but the record says {sex}.</source>
        <translation>Số CCCD này của {id_sex}, nhưng hồ sơ ghi là {sex}.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Số tiền không được âm.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Số tiền phải lớn hơn 0.</translation>
    </message>
    <message>
        <source>The amount is too large (at most {limit} đ).</source>
        <translation>Số tiền quá lớn (tối đa {limit} đ).</translation>
    </message>
    <message>
        <source>The date must be between {start} and {end}.</source>
        <translation>Ngày phải nằm trong khoảng {start} đến {end}.</translation>
    </message>
    <message>
        <source>This date must not be before {other}.</source>
        <translation>Ngày này không được trước ngày {other}.</translation>
    </message>
    <message>
        <source>The birth year must be between {start} and {end}.</source>
        <translation>Năm sinh phải từ {start} đến {end}.</translation>
    </message>
    <message>
        <source>A phone number has 10 or 11 digits and starts with 0 (or +84).</source>
        <translation>Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0 (hoặc +84).</translation>
    </message>
    <message>
        <source>A percentage is a whole number from 0 to 100.</source>
        <translation>Tỷ lệ phần trăm là số nguyên từ 0 đến 100.</translation>
    </message>
    <message>
        <source>The year must be between {start} and {end}.</source>
        <translation>Năm phải từ {start} đến {end}.</translation>
    </message>
    <message>
        <source>The number must be between {low} and {high}.</source>
        <translation>Số phải nằm trong khoảng từ {low} đến {high}.</translation>
    </message>
    <message>
        <source>The rate must be between {low} and {high} a year.</source>
        <translation>Lãi suất phải từ {low} đến {high}/năm.</translation>
    </message>
    <message>
        <source>man</source>
        <translation>nam</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>nữ</translation>
    </message>
</context>
</TS>
